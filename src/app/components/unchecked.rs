//! "What could not be checked": checks that were skipped (with the reason) and the notes
//! (info findings: claims that could not be tied to a table, ambiguous rows, missing tables).
use super::super::Shared;
use super::finding_groups::place;
use crate::report::Severity;
use crate::ui_model::i18n::Lang;
use crate::ui_model::state::Analysis;
use crate::ui_model::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UncheckedListProps {
    pub lang: Lang,
    pub analysis: Shared<Analysis>,
    pub input: Shared<str>,
    pub selected: Option<usize>,
    pub on_action: Callback<Action>,
}

#[function_component(UncheckedList)]
pub fn unchecked_list(p: &UncheckedListProps) -> Html {
    let tx = p.lang.texts();
    let a = &*p.analysis;
    let r = &a.report;
    let skipped = r.checks_skipped.iter().map(|k| {
        html! { <li class="unchecked__skipped"><strong>{ k.check.clone() }</strong>{ "：" }{ k.reason.clone() }</li> }
    });
    let notes = r.findings.iter().filter(|f| f.severity == Severity::Info).map(|f| {
        let id = f.id;
        let cb = p.on_action.clone();
        html! {
            <li key={id}>
                <button type="button" class={classes!("unchecked__finding", (p.selected == Some(id)).then_some("is-current"))}
                    data-id={id.to_string()} onclick={Callback::from(move |_| cb.emit(Action::Select(Some(id))))}>
                    <code>{ f.code }</code>{ " " }{ f.message.clone() }
                    <span class="finding__where">{ place(&r.doc, a, &p.input, &f.primary, p.lang) }</span>
                </button>
            </li>
        }
    });
    let empty =
        r.checks_skipped.is_empty() && !r.findings.iter().any(|f| f.severity == Severity::Info);
    html! {
        <section class="unchecked" id="unchecked" aria-labelledby="unchecked-title">
            <h2 id="unchecked-title">{ tx.unchecked }</h2>
            if empty {
                <p>{ tx.nothing_unchecked }</p>
            } else {
                <ul class="unchecked__list">{ for skipped }{ for notes }</ul>
            }
        </section>
    }
}
