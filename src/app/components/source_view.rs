//! The original text, exactly as pasted, with every finding location marked. A mark is focusable
//! and selects its finding; a finding can jump here ("在原文中查看").
use super::super::Shared;
use super::{pick_handlers, sev};
use crate::ui_model::i18n::Lang;
use crate::ui_model::markers::segment_id;
use crate::ui_model::state::Analysis;
use crate::ui_model::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub lang: Lang,
    pub analysis: Shared<Analysis>,
    pub input: Shared<str>,
    pub on_action: Callback<Action>,
}

#[function_component(SourceView)]
pub fn source_view(p: &SourceViewProps) -> Html {
    let tx = p.lang.texts();
    let src: &str = &p.input;
    let report = &p.analysis.report;
    let mut parts: Vec<Html> = Vec::new();
    let mut at = 0usize;
    for s in &p.analysis.markers.segments {
        let (start, end) = (s.start as usize, s.end as usize);
        let (Some(before), Some(text)) = (src.get(at..start), src.get(start..end)) else {
            continue;
        };
        if !before.is_empty() {
            parts.push(Html::from(before.to_string()));
        }
        parts.push(html! {
            <mark id={segment_id(s.start)} tabindex="-1" data-first={s.mark.findings[0].to_string()}
                class={classes!("src", format!("src--{}", sev(s.mark.severity)), if s.mark.primary { "src--primary" } else { "src--related" })}
                data-sev={sev(s.mark.severity)} title={s.mark.messages(report)}>{ text.to_string() }</mark>
        });
        at = end;
    }
    if let Some(rest) = src.get(at..) {
        parts.push(Html::from(rest.to_string()));
    }
    let (onclick, onkeydown) = pick_handlers(&p.on_action);
    html! {
        <section class="source" id="source" aria-labelledby="source-title">
            <h2 id="source-title">{ tx.source }</h2>
            <pre class="source__text" {onclick} {onkeydown}>{ for parts }</pre>
        </section>
    }
}
