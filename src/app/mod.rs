//! The Yew front end (wasm32 only). It renders `ui_model` state and wires browser events to
//! `ui_model::Action`s; the logic it shows is all in `ui_model` and the core.
mod components;
mod dom;
mod file;
pub mod reader;

use crate::ui_model::{i18n, reduce, Action, AppState, Origin};
use components::{
    FindingsPanel, InputPane, RuleCatalog, SourceView, SummaryBar, TablesView, Toolbar,
    UncheckedList,
};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Mount the app on `#app` (or the body).
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("budgetlint: {info}").into());
    }));
    match dom::document().get_element_by_id("app") {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

/// Tables rendered in the first frame after a new text (the rest follow right after it is painted).
const FIRST_TABLES: usize = 2;

thread_local! {
    static CHECK_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let t0 = dom::now();
        let next = reduce(&self, action);
        if next.revision != self.revision {
            // How long the check of the new text took (shown as `data-check-ms` for measurements).
            CHECK_MS.with(|c| c.set(dom::now() - t0));
        }
        Rc::new(next)
    }
}

/// "12.3" for 12.34 ms, formatted in integers (float formatting adds ~10 KB to the wasm).
fn tenths(ms: f64) -> String {
    let t = (ms * 10.0).round().max(0.0) as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// Large data passed to components; equal only when it is the same allocation, so an unchanged
/// report never re-renders its tables.
pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

fn origin_attr(o: &Origin) -> String {
    match o {
        Origin::Empty => "empty".into(),
        Origin::Typed => "typed".into(),
        Origin::Example(stem) => format!("example:{stem}"),
        Origin::File(name) => format!("file:{name}"),
    }
}

/// A small document that takes the checking code through tables, sums and narrative: checked once
/// when the page is idle, so that the user's first paste does not pay for the first compilation.
const WARM_UP: &str = "部门收支总表\n单位：万元\n项目\t预算数\t项目\t预算数\n一、一般公共预算拨款收入\t100.00\t一、卫生健康支出\t100.00\n本年收入合计\t100.00\t本年支出合计\t100.00\n收入总计\t100.00\t支出总计\t100.00\n\n部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t100.00\t60.00\t40.00\n210\t卫生健康支出\t100.00\t60.00\t40.00\n21015\t医疗保障管理事务\t100.00\t60.00\t40.00\n\n“三公”经费预算表\n单位：万元\n项目\t上年预算数\t本年预算数\n“三公”经费合计\t2.00\t3.00\n公务接待费\t2.00\t3.00\n\n二、支出说明\n2024年支出预算100.00万元，较上年增加10.00万元，增长11.11%。其中：基本支出60.00万元，项目支出40.00万元。\n";

#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(AppState::default);
    let dragging = use_state_eq(|| false);
    // The visible findings in panel order, for the keyboard handler (refreshed every render).
    let order: Rc<RefCell<Vec<usize>>> = use_mut_ref(Vec::new);
    *order.borrow_mut() = state.visible_order();

    let warm = use_state_eq(|| false);
    // Start-up: `#example=` now and on every hash change; offline cache; warm-up.
    {
        let dispatcher = state.dispatcher();
        let warmed = warm.clone();
        use_effect_with((), move |_| {
            if let Some(stem) = dom::hash_example() {
                let d = dispatcher.clone();
                dom::with_example(stem, move |s| d.dispatch(Action::LoadExample(s)));
            }
            let d = dispatcher.clone();
            let hash = EventListener::new(&dom::window(), "hashchange", move |_| {
                if let Some(stem) = dom::hash_example() {
                    let d = d.clone();
                    dom::with_example(stem, move |s| d.dispatch(Action::LoadExample(s)));
                }
            });
            dom::register_service_worker();
            // Warm the engine up once the page is idle, so that the user's first paste does not
            // pay for the browser's first compilation of the checking code.
            Timeout::new(300, move || {
                drop(crate::ui_model::state::Analysis::of(WARM_UP));
                warmed.set(true);
            })
            .forget();
            move || drop(hash)
        });
    }

    // Keyboard: j/k anywhere outside text fields, ↓/↑ inside the findings panel, Esc clears.
    {
        let dispatcher = state.dispatcher();
        let order = order.clone();
        use_effect_with((), move |_| {
            let opts = EventListenerOptions::enable_prevent_default();
            let keys =
                EventListener::new_with_options(&dom::document(), "keydown", opts, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.ctrl_key() || e.meta_key() || e.alt_key() || dom::typing_in_field(e) {
                        return;
                    }
                    let in_panel = dom::target_within(e, "findings");
                    let by = match e.key().as_str() {
                        "j" | "J" => 1,
                        "k" | "K" => -1,
                        "ArrowDown" if in_panel => 1,
                        "ArrowUp" if in_panel => -1,
                        "Escape" => {
                            dispatcher.dispatch(Action::Select(None));
                            return;
                        }
                        _ => return,
                    };
                    e.prevent_default();
                    dispatcher.dispatch(Action::Step {
                        by,
                        order: order.borrow().clone(),
                    });
                });
            move || drop(keys)
        });
    }

    // Drag and drop anywhere on the page.
    {
        let dispatcher = state.dispatcher();
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let win = dom::window();
            let opts = EventListenerOptions::enable_prevent_default();
            let d1 = dragging.clone();
            let over = EventListener::new_with_options(&win, "dragover", opts, move |e| {
                e.prevent_default();
                if !*d1 {
                    d1.set(true);
                }
            });
            let d2 = dragging.clone();
            let leave = EventListener::new(&win, "dragleave", move |e| {
                // Leaving the window: no element is entered.
                if e.dyn_ref::<web_sys::DragEvent>()
                    .is_some_and(|e| e.related_target().is_none())
                {
                    d2.set(false);
                }
            });
            let d3 = dragging.clone();
            let drop_l = EventListener::new_with_options(&win, "drop", opts, move |e| {
                e.prevent_default();
                d3.set(false);
                let file = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|e| e.data_transfer())
                    .and_then(|dt| dt.files())
                    .and_then(|fs| fs.get(0));
                if let Some(file) = file {
                    file::read(file, dispatcher.clone());
                }
            });
            move || drop((over, leave, drop_l))
        });
    }

    // The URL shows the example being viewed and nothing else (never the user's text).
    use_effect_with(state.origin.clone(), dom::sync_hash);
    use_effect_with(state.lang, |lang| dom::set_lang(*lang));

    // Selection: highlight the finding's cells; jump (scroll + focus) when asked to.
    let highlighted: Rc<RefCell<Vec<String>>> = use_mut_ref(Vec::new);
    {
        let analysis = state.analysis.clone();
        use_effect_with((state.selected, state.revision), move |(selected, _)| {
            dom::highlight(&highlighted, &analysis, *selected);
        });
    }
    {
        let analysis = state.analysis.clone();
        let selected = state.selected;
        use_effect_with(state.jumps, move |_| {
            if let Some(id) = selected {
                if let Some(t) = analysis.markers.target(&analysis.report, id) {
                    dom::focus_id(&t.dom_id());
                }
                dom::reveal_id(&format!("f-{id}"));
            }
        });
    }

    // Two-step rendering of a new text: first the summary, the findings and the first tables (what
    // the first screen shows), then, after that frame is painted, every table and the source view.
    let full_rev = use_state_eq(|| u64::MAX);
    let full = *full_rev == state.revision;
    {
        let full_rev = full_rev.clone();
        use_effect_with(state.revision, move |rev| {
            let rev = *rev;
            let frame = gloo::render::request_animation_frame(move |_| {
                Timeout::new(0, move || full_rev.set(rev)).forget();
            });
            // A newer text before the frame: drop this one.
            move || drop(frame)
        });
    }

    let tx = state.lang.texts();
    let dispatch = |a: fn() -> Action| {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(a()))
    };
    let on_action = {
        let d = state.dispatcher();
        Callback::from(move |a: Action| match a {
            // the example's text is loaded first (it is not in the wasm)
            Action::LoadExample(stem) => {
                let d = d.clone();
                dom::with_example(stem, move |s| d.dispatch(Action::LoadExample(s)));
            }
            // the rules' docs are loaded before a doc is shown (they are not in the wasm)
            Action::ToggleGroup(code) => {
                let d = d.clone();
                dom::with_rule_docs(move || {
                    d.dispatch(Action::RuleDocsLoaded);
                    d.dispatch(Action::ToggleGroup(code));
                });
            }
            Action::WantRuleDocs => {
                let d = d.clone();
                dom::with_rule_docs(move || d.dispatch(Action::RuleDocsLoaded));
            }
            a => d.dispatch(a),
        })
    };
    let on_file = {
        let d = state.dispatcher();
        Callback::from(move |f: web_sys::File| file::read(f, d.clone()))
    };
    let on_export = {
        let input = state.input.clone();
        let analysis = state.analysis.clone();
        Callback::from(move |markdown: bool| dom::export(&input, &analysis.report, markdown))
    };
    let report = &state.analysis.report;
    let has_input = !state.input.trim().is_empty();
    let notice = state.notice.as_ref().map(|n| {
        let cls = if n.is_error() { "notice notice--error" } else { "notice" };
        html! {
            <div class={cls} role="status" id="notice">
                <span>{ i18n::notice(state.lang, n) }</span>
                <button type="button" class="notice__close" onclick={dispatch(|| Action::DismissNotice)} aria-label={tx.dismiss}>{ "×" }</button>
            </div>
        }
    });

    html! {
        <div class={classes!("page", dragging.then_some("page--dragging"))}>
            <Toolbar lang={state.lang} has_input={has_input} on_action={on_action.clone()} on_export={on_export} />
            { for notice }
            <main id="main" data-rev={state.revision.to_string()} data-origin={origin_attr(&state.origin)}
                data-findings={report.findings.len().to_string()}
                data-complete={full.to_string()} data-warm={warm.to_string()} data-check-ms={tenths(CHECK_MS.with(|c| c.get()))} data-marked={state.analysis.markers.marked_cells().to_string()}>
                <InputPane lang={state.lang} input={Shared(state.input.clone())} origin={state.origin.clone()}
                    editing={state.editing} on_action={on_action.clone()} on_file={on_file} />
                if has_input {
                    <SummaryBar lang={state.lang} analysis={Shared(state.analysis.clone())} filter={state.filter} on_action={on_action.clone()} />
                    <div class="results">
                        <div class="results__main">
                            <TablesView lang={state.lang} analysis={Shared(state.analysis.clone())} input={Shared(state.input.clone())}
                                limit={(!full).then_some(FIRST_TABLES)} on_action={on_action.clone()} />
                            if full {
                                <SourceView lang={state.lang} analysis={Shared(state.analysis.clone())} input={Shared(state.input.clone())} on_action={on_action.clone()} />
                            }
                        </div>
                        <aside class="results__side">
                            <FindingsPanel lang={state.lang} analysis={Shared(state.analysis.clone())} input={Shared(state.input.clone())}
                                groups={Rc::new(state.groups())} selected={state.selected} expanded={state.expanded.clone()} rule_docs={state.rule_docs} on_action={on_action.clone()} />
                            <UncheckedList lang={state.lang} analysis={Shared(state.analysis.clone())} input={Shared(state.input.clone())} selected={state.selected} on_action={on_action.clone()} />
                        </aside>
                    </div>
                } else {
                    <p class="welcome">{ tx.welcome }</p>
                }
                <RuleCatalog lang={state.lang} rule_docs={state.rule_docs} on_action={on_action} />
            </main>
            <div class="drop-overlay" aria-hidden="true"><p>{ tx.drop_here }</p></div>
        </div>
    }
}
