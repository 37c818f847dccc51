//! The header: title, privacy statement, language, export and print.
use crate::ui_model::i18n::Lang;
use crate::ui_model::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub has_input: bool,
    pub on_action: Callback<Action>,
    /// `true` = Markdown, `false` = JSON.
    pub on_export: Callback<bool>,
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let tx = p.lang.texts();
    let switch = {
        let cb = p.on_action.clone();
        let other = p.lang.other();
        Callback::from(move |_| cb.emit(Action::SetLang(other)))
    };
    let md = p.on_export.reform(|_: MouseEvent| true);
    let json = p.on_export.reform(|_: MouseEvent| false);
    let print = Callback::from(|_: MouseEvent| {
        let _ = super::super::dom::window().print();
    });
    html! {
        <header class="toolbar">
            <div class="toolbar__brand">
                <h1>{ tx.title }</h1>
                <p class="toolbar__tagline">{ tx.tagline }</p>
            </div>
            <div class="toolbar__actions">
                <button type="button" id="export-md" disabled={!p.has_input} onclick={md}>{ tx.export_md }</button>
                <button type="button" id="export-json" disabled={!p.has_input} onclick={json}>{ tx.export_json }</button>
                <button type="button" id="print" disabled={!p.has_input} onclick={print}>{ tx.print }</button>
                <button type="button" id="lang" class="toolbar__lang" onclick={switch} lang={if p.lang == Lang::Zh { "en" } else { "zh-CN" }}>{ tx.switch_lang }</button>
            </div>
            <p class="privacy" id="privacy">{ tx.privacy }</p>
        </header>
    }
}
