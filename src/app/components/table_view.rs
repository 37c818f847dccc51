//! Every parsed table rebuilt as an HTML table: caption = the printed title, numbers as printed,
//! right-aligned; cells with findings marked (`cell--<severity>`, `data-severity`, `data-codes`,
//! the messages as a tooltip, focusable). Sided tables (收入 | 支出) are laid out side by side,
//! as printed.
use super::super::Shared;
use super::{pick_handlers, sev};
use crate::model::{Column, RowIdx, RowRole, Table};
use crate::report::Report;
use crate::ui_model::i18n::Lang;
use crate::ui_model::markers::{cell_id, row_id, Mark, TableMarkers};
use crate::ui_model::state::Analysis;
use crate::ui_model::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TablesViewProps {
    pub lang: Lang,
    pub analysis: Shared<Analysis>,
    pub input: Shared<str>,
    /// Render only the first tables fully and the others as their captions (the first frame).
    pub limit: Option<usize>,
    pub on_action: Callback<Action>,
}

#[function_component(TablesView)]
pub fn tables_view(p: &TablesViewProps) -> Html {
    let tx = p.lang.texts();
    let doc = &p.analysis.report.doc;
    // One click and one key handler for all marked cells (event delegation).
    let (onclick, onkeydown) = pick_handlers(&p.on_action);
    let many_sections = doc.sections.len() > 1;
    let mut items: Vec<Html> = Vec::new();
    let mut section = usize::MAX;
    for t in &doc.tables {
        if many_sections && t.section != section {
            section = t.section;
            if let Some(s) = doc.sections.get(section) {
                items.push(html! { <h3 class="tables__section" key={format!("sec-{section}")}>{ s.name.clone() }</h3> });
            }
        }
        if p.limit.is_some_and(|n| t.id >= n) {
            // Not yet: the caption only, replaced by the table right after the first frame.
            items.push(html! {
                <figure key={t.id} class="table table--pending" id={format!("t-{}", t.id)}>
                    <p class="caption__title">{ t.label() }</p>
                </figure>
            });
        } else {
            items.push(html! {
                <TableView key={t.id} lang={p.lang} analysis={p.analysis.clone()} input={p.input.clone()} table={t.id} />
            });
        }
    }
    html! {
        <section class="tables" id="tables" aria-labelledby="tables-title" {onclick} {onkeydown}>
            <h2 id="tables-title">{ tx.tables }{ format!("（{}）", doc.tables.len()) }</h2>
            if doc.tables.is_empty() {
                <p>{ tx.no_tables }</p>
            }
            { for items }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TableViewProps {
    pub lang: Lang,
    pub analysis: Shared<Analysis>,
    pub input: Shared<str>,
    pub table: usize,
}

/// One header cell of a (possibly multi-level) column header.
struct Head {
    text: String,
    colspan: usize,
    rowspan: usize,
}

fn path(c: &Column) -> Vec<String> {
    let parts: Vec<String> = c
        .header
        .split('/')
        .map(|s| s.split_whitespace().collect::<String>())
        .collect();
    if parts.iter().all(|p| p.is_empty()) {
        vec![if c.key == crate::model::ColKey::Other {
            String::new()
        } else {
            c.key.label().to_string()
        }]
    } else {
        parts
    }
}

/// The header rows of a run of columns: shared prefixes of the header paths are merged.
fn header_rows(paths: &[Vec<String>], depth: usize) -> Vec<Vec<Head>> {
    let mut rows: Vec<Vec<Head>> = (0..depth).map(|_| Vec::new()).collect();
    for (level, row) in rows.iter_mut().enumerate() {
        let mut i = 0;
        while i < paths.len() {
            let p = &paths[i];
            if p.len() <= level {
                i += 1;
            } else if p.len() == level + 1 {
                row.push(Head {
                    text: p[level].clone(),
                    colspan: 1,
                    rowspan: depth - level,
                });
                i += 1;
            } else {
                let mut j = i + 1;
                while j < paths.len()
                    && paths[j].len() > level + 1
                    && paths[j][..=level] == p[..=level]
                {
                    j += 1;
                }
                row.push(Head {
                    text: p[level].clone(),
                    colspan: j - i,
                    rowspan: 1,
                });
                i = j;
            }
        }
    }
    rows
}

/// Output rows: for each printed line, the row shown on each side (one side for ordinary tables).
/// Rows of a sided table are paired greedily in document order, which reproduces the printed
/// layout (收入 item | 支出 item on one line).
fn lines(t: &Table, sides: &[u8]) -> Vec<Vec<Option<RowIdx>>> {
    let side_of = |g: u8| sides.iter().position(|&s| s == g).unwrap_or(0);
    let mut out: Vec<Vec<Option<RowIdx>>> = Vec::new();
    let mut last_side: Option<usize> = None;
    for (ri, r) in t.rows.iter().enumerate() {
        let s = side_of(r.group);
        let fits = sides.len() > 1 && last_side.is_some_and(|l| s > l);
        if !fits {
            out.push(vec![None; sides.len()]);
        }
        if let Some(line) = out.last_mut() {
            line[s] = Some(ri);
        }
        last_side = Some(s);
    }
    out
}

fn role_class(role: RowRole) -> Option<&'static str> {
    match role {
        RowRole::Total => Some("r-total"),
        RowRole::Subtotal => Some("r-subtotal"),
        RowRole::Item => None,
    }
}

fn mark_attrs(m: &Mark, report: &Report) -> (String, String) {
    (m.codes(report), m.messages(report))
}

#[function_component(TableView)]
pub fn table_view(p: &TableViewProps) -> Html {
    let tx = p.lang.texts();
    let report = &p.analysis.report;
    let Some(t) = report.doc.tables.get(p.table) else {
        return Html::default();
    };
    let empty_tm = TableMarkers::default();
    let tm = p.analysis.markers.table(t.id).unwrap_or(&empty_tm);
    let src: &str = &p.input;

    let mut sides: Vec<u8> = t.columns.iter().map(|c| c.group).collect();
    crate::text::sort::sort(&mut sides);
    sides.dedup();
    if sides.is_empty() {
        sides.push(0);
    }
    let sided = sides.len() > 1;
    let has_code = !sided && t.rows.iter().any(|r| r.code.is_some());
    let side_cols: Vec<Vec<usize>> = sides.iter().map(|&g| t.cols_in(g).collect()).collect();
    let side_paths: Vec<Vec<Vec<String>>> = side_cols
        .iter()
        .map(|cols| cols.iter().map(|&c| path(&t.columns[c])).collect())
        .collect();
    let depth = side_paths
        .iter()
        .flatten()
        .map(Vec::len)
        .max()
        .unwrap_or(1)
        .max(1);
    let side_heads: Vec<Vec<Vec<Head>>> =
        side_paths.iter().map(|ps| header_rows(ps, depth)).collect();

    let head = (0..depth).map(|level| {
        let cells = sides.iter().enumerate().map(|(si, &g)| {
            let lead = (level == 0).then(|| {
                let name = if sided { t.groups.get(g as usize).cloned().unwrap_or_default() } else { tx.col_name.to_string() };
                html! {
                    <>
                        if has_code { <th scope="col" rowspan={depth.to_string()} class="code">{ tx.col_code }</th> }
                        <th scope="col" rowspan={depth.to_string()} class="row-name">{ name }</th>
                    </>
                }
            });
            let heads = side_heads[si][level].iter().map(|h| {
                html! { <th scope="col" colspan={h.colspan.to_string()} rowspan={h.rowspan.to_string()}>{ h.text.clone() }</th> }
            });
            html! { <>{ for lead }{ for heads }</> }
        });
        html! { <tr>{ for cells }</tr> }
    });

    let body = lines(t, &sides).into_iter().map(|line| {
        let cells = line.iter().enumerate().map(|(si, ri)| {
            let cols = &side_cols[si];
            let Some(ri) = *ri else {
                return html! { <><th class="row-name"></th>{ for cols.iter().map(|_| html! { <td class="num"></td> }) }</> };
            };
            let r = &t.rows[ri];
            let rc = role_class(r.role);
            let level = r.code.as_ref().map(|c| c.level()).unwrap_or(1);
            let name: String = r.name.split_whitespace().collect::<Vec<_>>().join(" ");
            let row_mark = tm.row(ri);
            let name_cell = match row_mark {
                Some(m) => {
                    let (codes, title) = mark_attrs(m, report);
                    html! {
                        <th scope="row" id={row_id(t.id, ri)} class={classes!("row-name", format!("lvl-{level}"), rc, format!("cell--{}", sev(m.severity)))}
                            data-severity={sev(m.severity)} data-codes={codes} title={title} tabindex="0" data-first={m.findings[0].to_string()}>{ name }</th>
                    }
                }
                None if r.ambiguous => html! { <th scope="row" class={classes!("row-name", format!("lvl-{level}"), rc, "row--ambiguous")} title={tx.ambiguous_row}>{ name }</th> },
                None => html! { <th scope="row" class={classes!("row-name", format!("lvl-{level}"), rc)}>{ name }</th> },
            };
            let code = has_code.then(|| html! { <td class={classes!("code", rc)}>{ r.code.as_ref().map(|c| c.text.clone()).unwrap_or_default() }</td> });
            let values = cols.iter().map(|&ci| {
                let cell = r.cell(ci);
                let text = cell.map(|c| c.span.slice(src).trim().to_string()).unwrap_or_default();
                let uncertain = cell.is_some_and(|c| !c.certain);
                match tm.cell(ri, ci) {
                    Some(m) => {
                        let (codes, mut title) = mark_attrs(m, report);
                        if uncertain {
                            title = format!("{title}\n{}", tx.uncertain);
                        }
                        html! {
                            <td id={cell_id(t.id, ri, ci)} tabindex="0" data-first={m.findings[0].to_string()}
                                class={classes!("num", rc, format!("cell--{}", sev(m.severity)), if m.primary { "cell--primary" } else { "cell--related" }, uncertain.then_some("cell--uncertain"))}
                                data-severity={sev(m.severity)} data-codes={codes} title={title}>{ text }</td>
                        }
                    }
                    None if uncertain => html! { <td class={classes!("num", rc, "cell--uncertain")} title={tx.uncertain}>{ text }</td> },
                    None => html! { <td class={classes!("num", rc)}>{ text }</td> },
                }
            });
            html! { <>{ for code }{ name_cell }{ for values }</> }
        });
        html! { <tr>{ for cells }</tr> }
    });

    let width = sides.len() + side_cols.iter().map(Vec::len).sum::<usize>() + usize::from(has_code);
    html! {
        <figure class={classes!("table", t.empty.then_some("table--empty"))} id={format!("t-{}", t.id)} data-kind={t.kind.label()}>
            <div class="table__scroll">
                <table>
                    <caption>
                        <span class="caption__title">{ t.label() }</span>
                        <span class="caption__meta">{ format!("{} · {}：{}", t.kind.label(), tx.table_unit, t.unit.label()) }</span>
                    </caption>
                    <thead>{ for head }</thead>
                    <tbody>
                        if t.rows.is_empty() {
                            <tr><td class="table__empty" colspan={width.to_string()}>{ tx.empty_table }</td></tr>
                        }
                        { for body }
                    </tbody>
                </table>
            </div>
            if !t.notes.is_empty() {
                <figcaption class="table__notes">{ for t.notes.iter().map(|n| html! { <p>{ n.text.clone() }</p> }) }</figcaption>
            }
        </figure>
    }
}
