//! The catalogue of every check: code, name, one line, and the rule's doc (检查内容 / 为什么重要 /
//! 示例) behind a disclosure, so a reader can see what is checked before and after pasting.
use super::finding_groups::rule_doc;
use crate::rules::registry;
use crate::ui_model::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RuleCatalogProps {
    pub lang: Lang,
}

#[function_component(RuleCatalog)]
pub fn rule_catalog(p: &RuleCatalogProps) -> Html {
    let tx = p.lang.texts();
    let rules = registry::ALL.iter().map(|r| {
        html! {
            <li key={r.code} class="catalog__rule" data-code={r.code}>
                <details>
                    <summary><code>{ r.code }</code>{ " " }{ r.summary() }{ " " }<span class="catalog__name">{ r.name }</span></summary>
                    <div class="rule-doc">{ rule_doc(&r.doc()) }</div>
                </details>
            </li>
        }
    });
    html! {
        <section class="catalog" id="catalog" aria-labelledby="catalog-title">
            <details>
                <summary><h2 id="catalog-title">{ format!("{}（{}）", tx.all_checks, registry::ALL.len()) }</h2></summary>
                <ul class="catalog__list">{ for rules }</ul>
            </details>
        </section>
    }
}
