//! The catalogue of every check: code, name, one line, and the rule's doc (检查内容 / 为什么重要 /
//! 示例) behind a disclosure, so a reader can see what is checked before and after pasting.
use super::finding_groups::rule_doc_of;
use crate::rules::registry;
use crate::ui_model::i18n::Lang;
use crate::ui_model::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RuleCatalogProps {
    pub lang: Lang,
    /// The rules' docs have been loaded (or failed to load).
    pub rule_docs: bool,
    pub on_action: Callback<Action>,
}

#[function_component(RuleCatalog)]
pub fn rule_catalog(p: &RuleCatalogProps) -> Html {
    let tx = p.lang.texts();
    let lang = p.lang;
    let loaded = p.rule_docs;
    // the docs are not in the page's wasm: opening the catalogue loads them
    let ontoggle = {
        let cb = p.on_action.clone();
        Callback::from(move |_: Event| {
            if !loaded {
                cb.emit(Action::WantRuleDocs);
            }
        })
    };
    let rules = registry::ALL.iter().map(|r| {
        html! {
            <li key={r.code} class="catalog__rule" data-code={r.code}>
                <details>
                    <summary><code>{ r.code }</code>{ " " }{ r.summary() }{ " " }<span class="catalog__name">{ r.name }</span></summary>
                    <div class="rule-doc">{ rule_doc_of(r, loaded, lang) }</div>
                </details>
            </li>
        }
    });
    html! {
        <section class="catalog" id="catalog" aria-labelledby="catalog-title">
            <details {ontoggle}>
                <summary><h2 id="catalog-title">{ format!("{}（{}）", tx.all_checks, registry::ALL.len()) }</h2></summary>
                <ul class="catalog__list">{ for rules }</ul>
            </details>
        </section>
    }
}
