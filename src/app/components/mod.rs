//! One component per part of the page; none holds state of its own except the input debounce.
mod finding_groups;
mod input_pane;
mod source_view;
mod summary_bar;
mod table_view;
mod toolbar;
mod unchecked;

pub use finding_groups::FindingsPanel;
pub use input_pane::InputPane;
pub use source_view::SourceView;
pub use summary_bar::SummaryBar;
pub use table_view::TablesView;
pub use toolbar::Toolbar;
pub use unchecked::UncheckedList;

use crate::report::Severity;

/// The CSS suffix of a severity (`cell--error`, `finding--warning`, …).
pub fn sev(s: Severity) -> &'static str {
    s.as_str()
}

/// The finding id in the `data-first` attribute of the clicked element or its closest ancestor.
pub fn clicked_finding(e: &yew::MouseEvent) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let marked = el.closest("[data-first]").ok()??;
    marked.get_attribute("data-first")?.parse().ok()
}

/// Same for a key press (Enter or Space on a focused marked cell).
pub fn keyed_finding(e: &yew::KeyboardEvent) -> Option<usize> {
    use wasm_bindgen::JsCast;
    if e.key() != "Enter" && e.key() != " " {
        return None;
    }
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.get_attribute("data-first")?.parse().ok()
}
