//! Department, year, unit, tables recognised, checks run, and the counts by severity (which are
//! also the filter chips of the findings panel).
use super::super::Shared;
use super::sev;
use crate::report::Severity;
use crate::ui_model::i18n::{self, Lang};
use crate::ui_model::state::Analysis;
use crate::ui_model::{Action, Filter};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryBarProps {
    pub lang: Lang,
    pub analysis: Shared<Analysis>,
    pub filter: Filter,
    pub on_action: Callback<Action>,
}

#[function_component(SummaryBar)]
pub fn summary_bar(p: &SummaryBarProps) -> Html {
    let tx = p.lang.texts();
    let r = &p.analysis.report;
    let m = &r.doc.meta;
    let cov = &p.analysis.coverage;
    let unknown = || html! { <span class="unknown">{ tx.unknown }</span> };
    let item = |label: &str, id: &str, value: Html| {
        // `elementtiming`: the browser reports when this text is painted (scripts/measure.sh).
        html! { <div class="summary__item"><dt>{ label.to_string() }</dt><dd id={id.to_string()} elementtiming={id.to_string()}>{ value }</dd></div> }
    };
    let chips = [Severity::Error, Severity::Warning, Severity::Info].map(|s| {
        let cb = p.on_action.clone();
        let on = p.filter.shows(s);
        html! {
            <button type="button" class={classes!("chip", format!("chip--{}", sev(s)))} id={format!("count-{}", sev(s))}
                aria-pressed={on.to_string()} title={tx.filter_hint} onclick={Callback::from(move |_| cb.emit(Action::ToggleSeverity(s)))}>
                <span class="chip__n">{ r.count(s) }</span>{ " " }{ i18n::severity(p.lang, s) }
            </button>
        }
    });
    html! {
        <section class="summary" id="summary" aria-label="summary">
            <dl class="summary__facts">
                { item(tx.department, "sum-department", m.department.clone().map(Html::from).unwrap_or_else(unknown)) }
                { item(tx.year, "sum-year", m.year.map(|y| Html::from(y.to_string())).unwrap_or_else(unknown)) }
                { item(tx.unit, "sum-unit", m.unit.map(|u| Html::from(u.label())).unwrap_or_else(unknown)) }
                { item(tx.tables_found, "sum-tables", Html::from(r.doc.tables.len().to_string())) }
                { item(tx.checks_run, "sum-checks", Html::from(r.checks_run.to_string())) }
                { item(tx.numbers_checked, "sum-coverage", Html::from(format!("{} / {}", cov.numbers_checked, cov.numbers_read))) }
            </dl>
            if cov.is_thin() {
                <p class="summary__thin" id="sum-thin" role="status">{ tx.thin_coverage }</p>
            }
            <div class="summary__counts">{ for chips }</div>
        </section>
    }
}
