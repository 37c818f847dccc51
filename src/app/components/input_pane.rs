//! The paste area with the examples menu, the file picker and 清空. Typing is debounced; a paste,
//! a drop or any large change is checked at once.
use super::super::Shared;
use crate::ui_model::examples::EXAMPLES;
use crate::ui_model::i18n::Lang;
use crate::ui_model::{Action, Origin};
use gloo::timers::callback::Timeout;
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
    pub on_action: Callback<Action>,
    pub on_file: Callback<web_sys::File>,
}

#[function_component(InputPane)]
pub fn input_pane(p: &InputPaneProps) -> Html {
    let tx = p.lang.texts();
    let timer = use_mut_ref(|| None::<Timeout>);
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
    let current = match &p.origin {
        Origin::Example(stem) => *stem,
        _ => "",
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
                <button type="button" id="clear" onclick={clear} disabled={p.input.is_empty()}>{ tx.clear }</button>
            </div>
            <textarea id="input" spellcheck="false" autocomplete="off" placeholder={tx.placeholder}
                value={p.input.to_string()} {oninput}></textarea>
        </section>
    }
}
