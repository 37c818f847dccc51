//! The paste area with the examples menu, the file picker and 清空. Typing is debounced; a paste,
//! a drop or any large change is checked at once. Once a text is loaded the text area closes to a
//! one-line summary (laying out a large text area costs far more than checking it); 编辑文字
//! opens it again.
use super::super::Shared;
use crate::ui_model::examples::EXAMPLES;
use crate::ui_model::i18n::{self, Lang};
use crate::ui_model::{Action, Origin};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Milliseconds of quiet typing before the text is checked again.
const DEBOUNCE_MS: u32 = 250;
/// A change of more bytes than this (a paste) is checked without waiting.
const BULK: usize = 64;

#[derive(Properties, PartialEq)]
pub struct InputPaneProps {
    pub lang: Lang,
    pub input: Shared<str>,
    pub origin: Origin,
    pub editing: bool,
    pub on_action: Callback<Action>,
    pub on_file: Callback<web_sys::File>,
}

#[function_component(InputPane)]
pub fn input_pane(p: &InputPaneProps) -> Html {
    let tx = p.lang.texts();
    let timer = use_mut_ref(|| None::<Timeout>);
    let area = use_node_ref();
    let open = p.editing || p.input.is_empty();
    // Focus the text area when it is opened for editing.
    {
        let area = area.clone();
        use_effect_with(p.editing, move |editing| {
            if *editing {
                if let Some(ta) = area.cast::<HtmlTextAreaElement>() {
                    let _ = ta.focus();
                }
            }
        });
    }
    let oninput = {
        let cb = p.on_action.clone();
        let timer = timer.clone();
        let before = p.input.len();
        Callback::from(move |e: InputEvent| {
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            let value = ta.value();
            let kind = e.input_type();
            let bulk = kind.starts_with("insertFrom")
                || kind.starts_with("history")
                || kind == "deleteByCut"
                || value.len().abs_diff(before) > BULK;
            // Dropping the pending timeout cancels it.
            timer.borrow_mut().take();
            if bulk {
                cb.emit(Action::SetInput(value));
            } else {
                let cb = cb.clone();
                *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                    cb.emit(Action::SetInput(value))
                }));
            }
        })
    };
    // A paste into the empty area is taken straight from the clipboard and never laid out in it.
    let onpaste = {
        let cb = p.on_action.clone();
        let intercept = !p.editing;
        Callback::from(move |e: Event| {
            if !intercept {
                return;
            }
            let data = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data());
            // Copying from Word, WPS, Excel or a web page puts the real tables in text/html; the
            // text/plain beside it has lost them (one cell per line, empty cells gone). Read the
            // tables from the markup when there are any.
            let html = data
                .as_ref()
                .and_then(|d| d.get_data("text/html").ok())
                .filter(|h| has_table(h));
            let text = match html {
                Some(h) => Some(crate::files::html::html_to_text(&h).text),
                None => data.and_then(|d| d.get_data("text/plain").ok()),
            };
            if let Some(text) = text.filter(|t| !t.is_empty()) {
                e.prevent_default();
                cb.emit(Action::SetInput(text));
            }
        })
    };
    let on_example = {
        let cb = p.on_action.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let stem = sel.value();
            if !stem.is_empty() {
                cb.emit(Action::LoadExample(stem));
            }
        })
    };
    let on_pick = {
        let cb = p.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|fs| fs.get(0)) {
                cb.emit(f);
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let clear = {
        let cb = p.on_action.clone();
        let timer = timer.clone();
        Callback::from(move |_| {
            timer.borrow_mut().take();
            cb.emit(Action::SetInput(String::new()));
        })
    };
    let set_editing = |on: bool| {
        let cb = p.on_action.clone();
        Callback::from(move |_| cb.emit(Action::SetEditing(on)))
    };
    let current = match &p.origin {
        Origin::Example(stem) => *stem,
        _ => "",
    };
    let body = if open {
        html! {
            <textarea id="input" ref={area} spellcheck="false" autocomplete="off" placeholder={tx.placeholder}
                value={p.input.to_string()} {oninput} {onpaste}></textarea>
        }
    } else {
        let preview: String = p
            .input
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .chars()
            .take(60)
            .collect();
        html! {
            <div class="input__loaded" id="loaded">
                <span class="input__meta">{ i18n::loaded(p.lang, p.input.len(), p.input.lines().count()) }</span>
                <span class="input__preview">{ preview }</span>
            </div>
        }
    };
    html! {
        <section class="input" aria-labelledby="input-label">
            <div class="input__bar">
                <label id="input-label" for="input">{ tx.input_label }</label>
                <select id="examples" aria-label={tx.examples} onchange={on_example}>
                    <option value="" selected={current.is_empty()}>{ format!("{}…", tx.examples) }</option>
                    { for EXAMPLES.iter().map(|e| html! {
                        <option value={e.stem} selected={current == e.stem}>{ if p.lang == Lang::Zh { e.title_zh } else { e.title_en } }</option>
                    }) }
                </select>
                <label class="button" for="file">{ tx.open_file }</label>
                <input type="file" id="file" class="visually-hidden" onchange={on_pick} />
                if !p.input.is_empty() {
                    if p.editing {
                        <button type="button" id="edit" onclick={set_editing(false)}>{ tx.done_editing }</button>
                    } else {
                        <button type="button" id="edit" onclick={set_editing(true)}>{ tx.edit }</button>
                    }
                }
                <button type="button" id="clear" onclick={clear} disabled={p.input.is_empty()}>{ tx.clear }</button>
            </div>
            { body }
        </section>
    }
}

/// Whether clipboard markup holds a table (ASCII case-insensitive `<table`).
fn has_table(html: &str) -> bool {
    html.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"<table"))
}
