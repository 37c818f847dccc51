//! One component per part of the page; none holds state of its own except the input debounce.
mod finding_groups;
mod input_pane;
mod rule_catalog;
mod source_view;
mod summary_bar;
mod table_view;
mod toolbar;
mod unchecked;

pub use finding_groups::FindingsPanel;
pub use input_pane::InputPane;
pub use rule_catalog::RuleCatalog;
pub use source_view::SourceView;
pub use summary_bar::SummaryBar;
pub use table_view::TablesView;
pub use toolbar::Toolbar;
pub use unchecked::UncheckedList;

use crate::report::Severity;
use crate::ui_model::Action;

/// The CSS suffix of a severity (`cell--error`, `finding--warning`, …).
pub fn sev(s: Severity) -> &'static str {
    s.as_str()
}

/// Click and key handlers for a container of marked elements (table cells, source spans): a click
/// on, or Enter/Space in, an element with `data-first` picks that finding without jumping.
pub fn pick_handlers(
    on_action: &yew::Callback<Action>,
) -> (
    yew::Callback<yew::MouseEvent>,
    yew::Callback<yew::KeyboardEvent>,
) {
    let cb = on_action.clone();
    let click = yew::Callback::from(move |e: yew::MouseEvent| {
        if let Some(id) = clicked_finding(&e) {
            cb.emit(Action::Pick(id));
        }
    });
    let cb = on_action.clone();
    let key = yew::Callback::from(move |e: yew::KeyboardEvent| {
        if let Some(id) = keyed_finding(&e) {
            e.prevent_default();
            cb.emit(Action::Pick(id));
        }
    });
    (click, key)
}

/// The finding id in the `data-first` attribute of the clicked element or its closest ancestor.
fn clicked_finding(e: &yew::MouseEvent) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let marked = el.closest("[data-first]").ok()??;
    marked.get_attribute("data-first")?.parse().ok()
}

/// Same for a key press (Enter or Space on a focused marked cell).
fn keyed_finding(e: &yew::KeyboardEvent) -> Option<usize> {
    use wasm_bindgen::JsCast;
    if e.key() != "Enter" && e.key() != " " {
        return None;
    }
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.get_attribute("data-first")?.parse().ok()
}
