//! The findings panel: findings grouped by rule ("N × 名称"), the rule's documentation
//! expandable, each finding a button that selects it and jumps to its cell or sentence.
use super::super::Shared;
use super::sev;
use crate::model::Document;
use crate::report::Location;
use crate::rules::{registry, RuleMeta};
use crate::ui_model::i18n::Lang;
use crate::ui_model::markers::Target;
use crate::ui_model::rule_docs;
use crate::ui_model::state::{Analysis, Group};
use crate::ui_model::{Action, ROW};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsPanelProps {
    pub lang: Lang,
    pub analysis: Shared<Analysis>,
    pub input: Shared<str>,
    pub groups: Rc<Vec<Group>>,
    pub selected: Option<usize>,
    pub expanded: BTreeSet<String>,
    /// The rules' docs have been loaded (or failed to load).
    pub rule_docs: bool,
    pub on_action: Callback<Action>,
}

/// "表3 一般公共预算支出表 · 「教育支出」 · 「合计」 · 第 12 行" (line numbers are 1-based).
pub fn place(doc: &Document, a: &Analysis, src: &str, loc: &Location, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(c) = loc.cell {
        if let Some(t) = doc.tables.get(c.table) {
            parts.push(t.label());
            if let Some(r) = t.rows.get(c.row) {
                let name: String = r.name.split_whitespace().collect();
                let name = if name.is_empty() {
                    r.code.as_ref().map(|c| c.text.clone()).unwrap_or_default()
                } else {
                    name
                };
                parts.push(format!("「{name}」"));
            }
            if c.col != ROW {
                if let Some(col) = t.columns.get(c.col) {
                    let h = col.header.replace('\n', "");
                    parts.push(format!(
                        "「{}」",
                        if h.is_empty() {
                            col.key.label().to_string()
                        } else {
                            h
                        }
                    ));
                }
            }
        }
    }
    let (line, _) = a.lines.line_col(src, loc.span.start);
    parts.push(match lang {
        Lang::Zh => format!("第 {line} 行"),
        Lang::En => format!("line {line}"),
    });
    // For a file: its page or sheet cell, the place a volunteer looks up in the original.
    if let Some(p) = a.place_at(loc.span.start) {
        parts.push(crate::ui_model::i18n::place_label(lang, p));
    }
    parts.join(" · ")
}

fn amounts(lang: Lang, expected: rust_decimal::Decimal, actual: rust_decimal::Decimal) -> String {
    use crate::render::amount::amt;
    match lang {
        Lang::Zh => format!(
            "应为 {} · 实为 {} · 差 {}",
            amt(expected),
            amt(actual),
            amt(actual - expected)
        ),
        Lang::En => format!(
            "expected {} · printed {} · difference {}",
            amt(expected),
            amt(actual),
            amt(actual - expected)
        ),
    }
}

/// A rule's documentation, or what stands for it while the docs are loaded (`loaded`: the app
/// has tried to load them).
pub fn rule_doc_of(rule: &RuleMeta, loaded: bool, lang: Lang) -> Html {
    let tx = lang.texts();
    match rule_docs::doc(rule) {
        Some(doc) => rule_doc(&doc),
        None if loaded => html! { <p class="rule-doc__missing">{ tx.rule_doc_missing }</p> },
        None => html! { <p class="rule-doc__loading">{ tx.rule_doc_loading }</p> },
    }
}

/// Render a rule's documentation (`## ` headings, ```text fences, paragraphs).
pub fn rule_doc(doc: &str) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut code: Option<Vec<&str>> = None;
    let flush = |para: &mut Vec<&str>, out: &mut Vec<Html>| {
        if !para.is_empty() {
            out.push(html! { <p>{ para.join("") }</p> });
            para.clear();
        }
    };
    for line in doc.lines() {
        let t = line.trim_end();
        if let Some(block) = code.as_mut() {
            if t.trim_start().starts_with("```") {
                out.push(html! { <pre class="rule-doc__example">{ block.join("\n") }</pre> });
                code = None;
            } else {
                block.push(line);
            }
        } else if t.trim_start().starts_with("```") {
            flush(&mut para, &mut out);
            code = Some(Vec::new());
        } else if let Some(h) = t.strip_prefix("## ") {
            flush(&mut para, &mut out);
            out.push(html! { <h4>{ h.to_string() }</h4> });
        } else if t.trim().is_empty() {
            flush(&mut para, &mut out);
        } else {
            para.push(t.trim());
        }
    }
    if let Some(block) = code {
        out.push(html! { <pre class="rule-doc__example">{ block.join("\n") }</pre> });
    }
    flush(&mut para, &mut out);
    html! { <>{ for out }</> }
}

#[function_component(FindingsPanel)]
pub fn findings_panel(p: &FindingsPanelProps) -> Html {
    let tx = p.lang.texts();
    let a = &*p.analysis;
    let r = &a.report;
    let src: &str = &p.input;
    let groups = p.groups.iter().map(|g| {
        let rule = registry::by_code(g.code);
        let title = rule.map(|r| r.summary()).filter(|s| !s.is_empty()).unwrap_or(g.name);
        let open = p.expanded.contains(g.code);
        let toggle = {
            let cb = p.on_action.clone();
            let code = g.code.to_string();
            Callback::from(move |_| cb.emit(Action::ToggleGroup(code.clone())))
        };
        let items = g.findings.iter().filter_map(|&id| r.findings.get(id)).map(|f| {
            let id = f.id;
            let selected = p.selected == Some(id);
            let select = {
                let cb = p.on_action.clone();
                Callback::from(move |_| cb.emit(Action::Select(Some(id))))
            };
            let details = selected.then(|| {
                let to_source = {
                    let start = a.markers.segment_at(f.primary.span.start).map(|s| s.start);
                    Callback::from(move |_| {
                        if let Some(s) = start {
                            super::super::dom::focus_id(&Target::Text(s).dom_id());
                        }
                    })
                };
                html! {
                    <div class="finding__details">
                        if !f.related.is_empty() {
                            <ul class="finding__related">
                                { for f.related.iter().map(|rel| html! {
                                    <li>{ format!("{}（{}）：{}", tx.related, rel.label, place(&r.doc, a, src, &rel.loc, p.lang)) }</li>
                                }) }
                            </ul>
                        }
                        if let (Some(e), Some(v)) = (f.expected, f.actual) {
                            <p class="finding__amounts">{ amounts(p.lang, e, v) }</p>
                        }
                        <button type="button" class="link" onclick={to_source}>{ if p.lang == Lang::Zh { "在原文中查看" } else { "Show in the original text" } }</button>
                    </div>
                }
            });
            html! {
                <li key={id} class="group__item">
                    <button type="button" id={format!("f-{id}")} class={classes!("finding", format!("finding--{}", sev(f.severity)), selected.then_some("is-current"))}
                        data-id={id.to_string()} data-code={f.code} aria-current={selected.then_some("true")} onclick={select}>
                        <span class="finding__msg">{ f.message.clone() }</span>
                        <span class="finding__where">{ place(&r.doc, a, src, &f.primary, p.lang) }</span>
                    </button>
                    { for details }
                </li>
            }
        });
        html! {
            <section key={g.code} class={classes!("group", format!("group--{}", sev(g.severity)))} data-code={g.code}>
                <header class="group__head">
                    <span class={classes!("badge", format!("badge--{}", sev(g.severity)))}>{ format!("{} ×", g.findings.len()) }</span>
                    <span class="group__title">{ title }</span>
                    <code class="group__code">{ format!("{} {}", g.code, g.name) }</code>
                    if rule.is_some() {
                        <button type="button" class="link group__toggle" aria-expanded={open.to_string()} onclick={toggle}>{ tx.rule_doc }</button>
                    }
                </header>
                if open {
                    if let Some(rule) = rule {
                        <div class="rule-doc">{ rule_doc_of(rule, p.rule_docs, p.lang) }</div>
                    }
                }
                <ol class="group__list">{ for items }</ol>
            </section>
        }
    });
    html! {
        <section class="findings" id="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{ tx.findings }</h2>
            <p class="hint">{ tx.keys_hint }{ " " }{ tx.chinese_only }</p>
            if p.groups.is_empty() {
                <p class="findings__none">{ tx.no_findings }</p>
            }
            { for groups }
        </section>
    }
}
