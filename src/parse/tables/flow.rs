//! Reading a table in reading order (PDF text, empty cells vanished). 政府采购 and 固定资产 lists
//! first try their own line layouts (`lists.rs`). Otherwise the standard layout of the table's kind
//! gives the columns, a row starts at the next 序号, its tokens split into runs of names and values
//! (one run per side of a 收支总表), and `place` puts the values under columns, narrowed by the code
//! hierarchy and by the table's other rows. Without a layout each line keeps its numbers in order
//! (`flow_plain`, also used for 绩效目标表 forms).
use super::body::{form_money_line, Builder};
use super::rows::{code_kind, role_of, side_of_name};
use super::templates::template;
use crate::model::*;
use crate::parse::lines::Tok;
use crate::parse::number::{is_dash, parse_amount};
use crate::parse::place::{self, HRow, Placement};
use crate::parse::{Diags, P_AMBIGUOUS, P_UNALIGNED};
use crate::report::Location;
use crate::text::Span;

/// Name tokens and the value tokens that follow them on one PDF line.
type Run<'a> = (Vec<Tok<'a>>, Vec<Tok<'a>>);

impl<'a, 's> Builder<'a, 's> {
    pub(super) fn flow(&self, table: &mut Table, diags: &mut Diags) {
        if table.kind == TableKind::Procurement && self.flow_procurement(table) {
            return;
        }
        if table.kind == TableKind::Assets && self.flow_assets(table) {
            return;
        }
        let Some(keys) = template(table.kind, self.lanes) else {
            self.flow_plain(table, false);
            return;
        };
        table.groups = keys.iter().map(|g| g.0.to_string()).collect();
        for (gi, g) in keys.iter().enumerate() {
            for k in g.1 {
                table.columns.push(Column {
                    key: *k,
                    header: k.label().to_string(),
                    group: gi as u8,
                });
            }
        }
        // assemble rows: a row starts with the next 序号
        let mut rows_toks: Vec<(Span, Vec<Tok>)> = Vec::new();
        let mut expect = 1u32;
        let mut after_break = false;
        for (di, r) in self.data.iter().enumerate() {
            let toks = r.flow(self.src, self.lines);
            if self.breaks.contains(&di) {
                after_break = true;
            }
            if toks.is_empty() {
                continue;
            }
            let starts = toks[0].text.parse::<u32>().ok() == Some(expect)
                || (rows_toks.is_empty() && toks[0].text.parse::<u32>().is_ok_and(|n| n <= 2));
            if !starts && after_break {
                // repeated column headers after a page break
                continue;
            }
            // a page number on its own line
            if !starts && toks.len() == 1 && toks[0].text.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            after_break = false;
            if starts {
                expect = toks[0].text.parse::<u32>().unwrap_or(expect) + 1;
                rows_toks.push((r.span, toks));
            } else if let Some(last) = rows_toks.last_mut() {
                last.0 = last.0.cover(r.span);
                last.1.extend(toks);
            }
        }
        let sided = table.kind.is_sided();
        let mut hrows: Vec<(usize, Vec<Approx>, Placement)> = Vec::new();
        for (span, toks) in rows_toks {
            let seq = toks[0].text.parse().ok();
            let rest = &toks[1..];
            // split into (name tokens, value tokens) runs
            let mut runs: Vec<(Vec<Tok>, Vec<Tok>)> = Vec::new();
            let mut code: Option<Tok> = None;
            for (ti, t) in rest.iter().enumerate() {
                let is_num =
                    parse_amount(t.text, false).is_some() || (is_dash(t.text) && !runs.is_empty());
                if ti == 0
                    && !sided
                    && t.text.chars().all(|c| c.is_ascii_digit())
                    && (3..=9).contains(&t.text.len())
                {
                    code = Some(*t);
                    continue;
                }
                if is_num {
                    if runs.is_empty() {
                        runs.push((vec![], vec![]));
                    }
                    runs.last_mut().expect("run").1.push(*t);
                } else if runs.last().is_none_or(|r| !r.1.is_empty())
                    || (sided
                        && !runs.is_empty()
                        && crate::parse::marker_style(t.text) != 0
                        && crate::parse::normalize_name(t.text) != t.text)
                {
                    runs.push((vec![*t], vec![]));
                } else {
                    runs.last_mut().expect("run").0.push(*t);
                }
            }
            // which group each run belongs to
            let mut assigned: Vec<(u8, Run)> = Vec::new();
            if sided {
                let n = runs.len();
                for (ri, run) in runs.into_iter().enumerate() {
                    let name: String = run.0.iter().map(|t| t.text).collect();
                    let gi = if n >= 2 {
                        ri.min(keys.len() - 1)
                    } else {
                        side_of_name(&name)
                    };
                    assigned.push((gi as u8, run));
                }
            } else {
                let mut name = vec![];
                let mut vals = vec![];
                for run in runs {
                    name.extend(run.0);
                    vals.extend(run.1);
                }
                assigned.push((0, (name, vals)));
            }
            for (gi, (names, vals)) in assigned {
                let cols: Vec<usize> = table.cols_in(gi).collect();
                let name: String = names.iter().map(|t| t.text).collect();
                let name_span = names
                    .first()
                    .map(|f| f.span.cover(names[names.len() - 1].span))
                    .unwrap_or(Span::empty(span.start as usize));
                let mut row = Row {
                    span,
                    seq,
                    code: None,
                    name,
                    name_span,
                    role: RowRole::Item,
                    group: gi,
                    cells: vec![None; table.columns.len()],
                    ambiguous: false,
                    category: None,
                    econ_code: None,
                };
                if let Some(c) = code.filter(|_| gi == 0) {
                    row.code = Some(Code {
                        kind: code_kind(c.text, ""),
                        text: c.text.to_string(),
                        span: c.span,
                    });
                }
                row.role = role_of(&row.name);
                let amounts: Vec<(Tok, crate::parse::number::Amount)> = vals
                    .iter()
                    .filter_map(|t| parse_amount(t.text, true).map(|a| (*t, a)))
                    .collect();
                let approx: Vec<Approx> = amounts
                    .iter()
                    .map(|(_, a)| Approx::printed(a.value, a.scale))
                    .collect();
                let gkeys: Vec<ColKey> = cols.iter().map(|c| table.columns[*c].key).collect();
                if amounts.len() > cols.len() {
                    diags.push_at(
                        P_UNALIGNED,
                        Location::text(row.span),
                        format!(
                            "本行有 {} 个数，多于 {} 列，多出的数未计入（{}）",
                            amounts.len(),
                            cols.len(),
                            table.title
                        ),
                    );
                }
                let placement = place::place(table.kind, &gkeys, &approx);
                for (i, (tok, a)) in amounts.iter().enumerate().take(cols.len()) {
                    let col = placement
                        .candidates
                        .first()
                        .and_then(|c| c.get(i))
                        .copied()
                        .unwrap_or(i);
                    row.cells[cols[col]] = Some(Cell {
                        value: a.value,
                        scale: a.scale,
                        span: tok.span,
                        certain: placement.certain(i).is_some(),
                    });
                }
                row.ambiguous = !placement.is_certain();
                hrows.push((table.rows.len(), approx, placement));
                table.rows.push(row);
            }
        }
        // narrow uncertain placements with parent = Σ children
        let mut decided: Vec<(usize, Placement)> =
            hrows.iter().map(|(ri, _, p)| (*ri, p.clone())).collect();
        let coded0: Vec<usize> = (0..hrows.len())
            .filter(|&i| table.rows[hrows[i].0].group == 0)
            .collect();
        if table.kind.is_coded() && coded0.iter().any(|&i| !hrows[i].2.is_certain()) {
            let ncols = table.cols_in(0).count();
            let mut hr: Vec<HRow> = coded0
                .iter()
                .map(|&i| {
                    let (ri, v, p) = &hrows[i];
                    HRow {
                        code: table.rows[*ri].code.as_ref().map(|c| c.text.as_str()),
                        is_total: table.rows[*ri].role == RowRole::Total,
                        values: v.clone(),
                        placement: p.clone(),
                    }
                })
                .collect();
            place::resolve_by_hierarchy(&mut hr, ncols);
            for (k, h) in coded0.iter().zip(hr) {
                decided[*k].1 = h.placement;
            }
        }
        // still undecided: the placement the table's other rows with as many numbers use, when it is unique
        let mut counts: std::collections::HashMap<(u8, Vec<usize>), usize> = Default::default();
        for (ri, p) in &decided {
            if p.is_certain() {
                *counts
                    .entry((table.rows[*ri].group, p.candidates[0].clone()))
                    .or_default() += 1;
            }
        }
        let mut by_pattern = Vec::new();
        for (ri, p) in decided.iter_mut() {
            if p.is_certain() {
                continue;
            }
            let g = table.rows[*ri].group;
            let score = |c: &Vec<usize>| counts.get(&(g, c.clone())).copied().unwrap_or(0);
            let best = p.candidates.iter().map(score).max().unwrap_or(0);
            if best >= 2 && p.candidates.iter().filter(|c| score(c) == best).count() == 1 {
                let c = p
                    .candidates
                    .iter()
                    .find(|c| score(c) == best)
                    .cloned()
                    .expect("best");
                p.candidates = vec![c];
                by_pattern.push(*ri);
            }
        }
        for (ri, p) in decided {
            let cols: Vec<usize> = table.cols_in(table.rows[ri].group).collect();
            let row = &mut table.rows[ri];
            let cells: Vec<Cell> = row.cells.iter().flatten().copied().collect();
            let mut new = vec![None; row.cells.len()];
            for (i, mut c) in cells.into_iter().enumerate() {
                let col = p
                    .candidates
                    .first()
                    .and_then(|cand| cand.get(i))
                    .copied()
                    .unwrap_or(i);
                c.certain = p.certain(i).is_some();
                if let Some(slot) = cols.get(col) {
                    new[*slot] = Some(c);
                }
            }
            row.cells = new;
            row.ambiguous = !p.is_certain();
        }
        for ri in by_pattern {
            let row = &table.rows[ri];
            diags.push_at(
                P_AMBIGUOUS,
                Location { span: row.span, cell: Some(crate::report::CellRef { table: table.id, row: ri, col: usize::MAX }) },
                format!("「{}」一行的数值按本表其他同样个数的行的列位放置（本行的恒等式不成立，列位无法由本行确定）（{}）", row.name, table.title),
            );
        }
        for (ri, row) in table.rows.iter().enumerate() {
            if row.ambiguous {
                diags.push_at(P_AMBIGUOUS, Location { span: row.span, cell: Some(crate::report::CellRef { table: table.id, row: ri, col: usize::MAX }) }, format!("「{}」一行的空格在文字中消失，数值所在列无法唯一确定，相关核对已跳过（{}）", row.name, table.title));
            }
        }
    }

    /// A flow table we have no column template for: keep each line as a row with its numbers in order.
    pub(super) fn flow_plain(&self, table: &mut Table, form: bool) {
        let mut maxv = 0;
        let mut rows = Vec::new();
        let mut toks = Vec::new();
        for r in &self.data {
            r.flow_into(self.lines, &mut toks);
            // on a form's money lines ("实施期资金总额: 24") whole numbers are amounts too
            let lenient = form && toks.first().is_some_and(|t| form_money_line(t.text));
            // the amounts in order; the other tokens make the name
            let mut vals: Vec<(Tok, crate::parse::number::Amount)> = Vec::new();
            let mut name = String::with_capacity(r.span.len());
            let mut name_span: Option<Span> = None;
            for t in &toks {
                if let Some(a) = parse_amount(t.text, lenient) {
                    vals.push((*t, a));
                    continue;
                }
                if name_span.is_some() {
                    name.push(' ');
                }
                name.push_str(t.text);
                name_span = Some(name_span.map_or(t.span, |s| s.cover(t.span)));
            }
            maxv = maxv.max(vals.len());
            let name_span = name_span.unwrap_or(Span::empty(r.span.start as usize));
            rows.push((r.span, name, name_span, vals));
        }
        for i in 0..maxv {
            table.columns.push(Column {
                key: ColKey::Other,
                header: format!("第{}个数", i + 1),
                group: 0,
            });
        }
        for (span, name, name_span, vals) in rows {
            let mut cells = vec![None; maxv];
            // with a varying count of numbers the columns are unknown: all cells uncertain,
            // except in forms, where a value belongs to its line and no column identity is used
            let certain = form;
            for (i, (t, a)) in vals.iter().enumerate() {
                cells[i] = Some(Cell {
                    value: a.value,
                    scale: a.scale,
                    span: t.span,
                    certain,
                });
            }
            let role = role_of(&name);
            table.rows.push(Row {
                span,
                seq: None,
                code: None,
                name,
                name_span,
                role,
                group: 0,
                cells,
                ambiguous: !form && maxv > 1,
                category: None,
                econ_code: None,
            });
        }
    }
}
