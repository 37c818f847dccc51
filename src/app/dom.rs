//! Small imperative DOM helpers: focus, highlight, URL fragment, downloads, service worker.
use crate::report::Report;
use crate::ui_model::i18n::Lang;
use crate::ui_model::markers::Target;
use crate::ui_model::state::Analysis;
use crate::ui_model::{examples, rule_docs, Origin};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Window};

pub fn window() -> Window {
    web_sys::window().expect("a window")
}

pub fn document() -> Document {
    window().document().expect("a document")
}

/// Milliseconds from the page's time origin.
pub fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}

fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// The stem named by `#example=…`, if the fragment has one.
pub fn hash_example() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let h = hash.strip_prefix('#').unwrap_or(&hash);
    h.split('&')
        .find_map(|kv| kv.strip_prefix("example="))
        .map(|s| s.to_string())
}

/// Make the fragment say which example is shown; anything else (typed text, a file) gets no
/// fragment at all.
pub fn sync_hash(origin: &Origin) {
    let want = match origin {
        Origin::Example(stem) => examples::fragment(stem),
        // Keep an unknown `#example=` until the user does something else, so the notice makes sense.
        Origin::Empty => return,
        _ => String::new(),
    };
    let loc = window().location();
    if loc.hash().unwrap_or_default() == want {
        return;
    }
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default(),
        want
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

pub fn set_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
}

/// Is the key event aimed at a text field (where j and k are letters)?
pub fn typing_in_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
}

/// Is the event's target inside the element with this id?
pub fn target_within(e: &web_sys::KeyboardEvent, id: &str) -> bool {
    let (Some(target), Some(container)) = (
        e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
        by_id(id),
    ) else {
        return false;
    };
    container.contains(Some(&target))
}

fn center() -> web_sys::ScrollIntoViewOptions {
    let o = web_sys::ScrollIntoViewOptions::new();
    o.set_block(web_sys::ScrollLogicalPosition::Center);
    o.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    o
}

/// Scroll an element into the middle of the view and give it the keyboard focus.
pub fn focus_id(id: &str) {
    if let Some(el) = by_id(id) {
        el.scroll_into_view_with_scroll_into_view_options(&center());
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Scroll an element of a scrollable panel into view without moving the focus.
pub fn reveal_id(id: &str) {
    if let Some(el) = by_id(id) {
        let o = web_sys::ScrollIntoViewOptions::new();
        o.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&o);
    }
}

/// Mark the selected finding's own place `is-selected` and the places it was compared with
/// `is-related`, removing the marks of the previous selection. Done on the DOM directly so that a
/// new selection does not re-render the tables.
pub fn highlight(prev: &RefCell<Vec<String>>, analysis: &Analysis, selected: Option<usize>) {
    for id in prev.borrow_mut().drain(..) {
        if let Some(el) = by_id(&id) {
            let _ = el.class_list().remove_2("is-selected", "is-related");
        }
    }
    let Some(id) = selected else { return };
    let mut now = Vec::new();
    if let Some(t) = analysis.markers.target(&analysis.report, id) {
        let dom_id = t.dom_id();
        if let Some(el) = by_id(&dom_id) {
            let _ = el.class_list().add_1("is-selected");
        }
        now.push(dom_id);
    }
    for t in analysis.markers.related_targets(&analysis.report, id) {
        let dom_id = t.dom_id();
        if let Some(el) = by_id(&dom_id) {
            let _ = el.class_list().add_1("is-related");
        }
        now.push(dom_id);
    }
    // The finding's source span, too, when its own target is a cell.
    if let Some(f) = analysis.report.findings.get(id) {
        if let Some(seg) = analysis.markers.segment_at(f.primary.span.start) {
            let dom_id = Target::Text(seg.start).dom_id();
            if !now.contains(&dom_id) {
                if let Some(el) = by_id(&dom_id) {
                    let _ = el.class_list().add_1("is-selected");
                }
                now.push(dom_id);
            }
        }
    }
    *prev.borrow_mut() = now;
}

/// Offer the report as a file: Markdown (for a letter) or the CLI's JSON.
pub fn export(src: &str, report: &Report, markdown: bool) {
    let (text, mime, ext) = if markdown {
        (
            crate::render::markdown::report(src, report),
            "text/markdown;charset=utf-8",
            "md",
        )
    } else {
        (
            crate::render::json::report(report),
            "application/json;charset=utf-8",
            "json",
        )
    };
    let stem: String = report
        .doc
        .meta
        .department
        .as_deref()
        .map(|d| {
            d.chars()
                .filter(|c| !"\\/:*?\"<>|".contains(*c) && !c.is_whitespace())
                .collect()
        })
        .unwrap_or_default();
    let year = report
        .doc
        .meta
        .year
        .map(|y| format!("-{y}"))
        .unwrap_or_default();
    let name = if stem.is_empty() {
        format!("budgetlint-report.{ext}")
    } else {
        format!("budgetlint-{stem}{year}.{ext}")
    };
    download(&name, mime, &text);
}

fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.set_hidden(true);
            if let Some(body) = document().body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    // Revoke after the click has been handled.
    let url2 = url.clone();
    gloo::timers::callback::Timeout::new(1_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
    })
    .forget();
}

/// Cache the static files for offline use (`sw.js`; secure contexts only, which include
/// http://127.0.0.1).
pub fn register_service_worker() {
    let nav = window().navigator();
    let has = js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if has {
        let promise = nav.service_worker().register("./sw.js");
        wasm_bindgen_futures::spawn_local(async move {
            // Failing to register only means no offline copy.
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// Run `then` with the stem once the example's text is at hand: at once when it is (or when the
/// stem is unknown, which the reducer reports), otherwise after the page has loaded the examples
/// script that `scripts/embed-wasm.sh` wrote beside the wasm (its URL is in
/// `globalThis.budgetlintExamplesUrl`). A failed load runs `then` too; the reducer then leaves the
/// page as it was.
pub fn with_example(stem: String, then: impl FnOnce(String) + 'static) {
    let known = examples::by_stem(&stem);
    if known.is_none() || known.and_then(examples::text).is_some() || take_examples() {
        then(stem);
        return;
    }
    load_script("budgetlintExamplesUrl", move || {
        take_examples();
        then(stem);
    });
}

/// Run `then` once the rules' docs are at hand: at once when they are, otherwise after the page
/// has loaded the docs script that `scripts/embed-wasm.sh` wrote (URL in
/// `globalThis.budgetlintRuleDocsUrl`). A failed load runs `then` too (the docs then say they
/// could not be loaded).
pub fn with_rule_docs(then: impl FnOnce() + 'static) {
    if rule_docs::loaded() || take_rule_docs() {
        then();
        return;
    }
    load_script("budgetlintRuleDocsUrl", move || {
        take_rule_docs();
        then();
    });
}

/// Add the script whose URL is in `globalThis[url_key]` to the page and run `done` when it has
/// run or failed to load (at once when there is no such URL).
fn load_script(url_key: &str, done: impl FnOnce() + 'static) {
    let url = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(url_key))
        .ok()
        .and_then(|v| v.as_string());
    let (Some(url), Ok(script)) = (url, document().create_element("script")) else {
        done();
        return;
    };
    let _ = script.set_attribute("src", &url);
    let pending = std::rc::Rc::new(RefCell::new(Some(done)));
    for event in ["load", "error"] {
        let pending = pending.clone();
        gloo::events::EventListener::once(&script, event, move |_| {
            if let Some(done) = pending.borrow_mut().take() {
                done();
            }
        })
        .forget();
    }
    if let Some(head) = document().head() {
        let _ = head.append_child(&script);
    }
}

/// The string entries `keys` of the object `globalThis[name]`, once the script that sets it has
/// run (None before).
fn global_strings<'k>(
    name: &str,
    keys: impl Iterator<Item = &'k str>,
) -> Option<Vec<(&'k str, String)>> {
    let all = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name)).ok()?;
    if all.is_undefined() || all.is_null() {
        return None;
    }
    Some(
        keys.filter_map(|k| {
            js_sys::Reflect::get(&all, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
                .map(|v| (k, v))
        })
        .collect(),
    )
}

/// Hand the docs of `globalThis.budgetlintRuleDocs` (once its script has run) to the app.
fn take_rule_docs() -> bool {
    let codes = crate::rules::registry::ALL.iter().map(|r| r.code);
    global_strings("budgetlintRuleDocs", codes)
        .map(|docs| docs.into_iter().for_each(|(c, d)| rule_docs::provide(c, d)))
        .is_some()
}

/// Hand the texts of `globalThis.budgetlintExamples` (once its script has run) to the examples.
fn take_examples() -> bool {
    let stems = examples::EXAMPLES.iter().map(|e| e.stem);
    global_strings("budgetlintExamples", stems)
        .map(|texts| texts.into_iter().for_each(|(s, t)| examples::provide(s, t)))
        .is_some()
}
