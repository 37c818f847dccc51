//! The file readers (PDF, Excel, Word) run in Web Workers, each its own wasm, loaded only when a
//! file of its kind is dropped (issue #11: the first load stays small, and a reader that crashes
//! or runs away on a hostile file takes down its worker, never the page).
//!
//! The worker scripts are built by Trunk from the `reader-pdf` and `reader-office` binaries and
//! given their wasm embedded by `scripts/embed-wasm.sh` (the page's CSP forbids fetch()); the
//! boot script tells the app their names in `globalThis.budgetlintReaders`. The reader answers
//! with one string message (`files::wire`): the extracted text with its places, or why not.
use crate::files::{wire, Extracted, FileError, FileKind};
use crate::ui_model::{Action, AppState};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

/// Longest a reader may work on one file before the app stops it. The readers bound their own
/// work (pages, cells, expanded bytes); this is the last guard against a file that defeats them.
const TIMEOUT_MS: u32 = 60_000;

/// The worker that reads a kind of file, by its name in `globalThis.budgetlintReaders`.
pub fn worker_for(kind: FileKind) -> Option<&'static str> {
    match kind {
        FileKind::Pdf => Some("pdf"),
        // (an OLE file that is no workbook may be a password-protected .xlsx/.docx: the office
        // reader tells that from a legacy .doc)
        FileKind::Xlsx | FileKind::Xls | FileKind::Docx | FileKind::Doc => Some("office"),
        FileKind::Html | FileKind::Text => None,
    }
}

/// The worker side: answer every message (the file's bytes) with the reader's result.
pub fn serve(read: fn(&[u8]) -> Result<Extracted, FileError>) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&e.data()).to_vec();
            let result = read(&bytes);
            let _ = reply.post_message(&JsValue::from_str(&wire::encode(&result)));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its handler.
    on_message.forget();
}

/// What the app holds while a worker reads: dropping it detaches the handlers.
struct Pending {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _timeout: Timeout,
}

type Slot = Rc<RefCell<Option<Pending>>>;

/// End the reading once: stop the worker and dispatch what it gave (or why it gave nothing).
fn finish(slot: &Slot, dispatcher: &UseReducerDispatcher<AppState>, action: Action) {
    if let Some(p) = slot.borrow_mut().take() {
        p.worker.terminate();
        dispatcher.dispatch(action);
    }
}

/// The URL of a reader's worker script, from the boot script.
fn script_of(which: &str) -> Option<String> {
    let all =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("budgetlintReaders")).ok()?;
    js_sys::Reflect::get(&all, &JsValue::from_str(which))
        .ok()?
        .as_string()
}

/// Read `bytes` in a fresh worker of the reader for `kind`, then dispatch `LoadExtracted` or
/// `UnreadableFile`. The current text stays until then.
pub fn read(
    name: String,
    kind: FileKind,
    bytes: Vec<u8>,
    dispatcher: UseReducerDispatcher<AppState>,
) {
    let unsupported = Action::UnreadableFile {
        name: name.clone(),
        why: FileError::Unsupported { kind },
    };
    let Some(url) = worker_for(kind).and_then(script_of) else {
        dispatcher.dispatch(unsupported);
        return;
    };
    let Ok(worker) = web_sys::Worker::new(&url) else {
        dispatcher.dispatch(unsupported);
        return;
    };
    dispatcher.dispatch(Action::ReadingFile {
        name: name.clone(),
        kind,
    });
    let slot: Slot = Rc::new(RefCell::new(None));
    let on_message = {
        let (slot, d, name) = (slot.clone(), dispatcher.clone(), name.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let answer = e.data().as_string().unwrap_or_default();
            let action = match wire::decode(&answer) {
                Ok(Ok(extracted)) => Action::LoadExtracted {
                    name: name.clone(),
                    extracted,
                },
                Ok(Err(why)) => Action::UnreadableFile {
                    name: name.clone(),
                    why,
                },
                Err(e) => Action::UnreadableFile {
                    name: name.clone(),
                    why: FileError::Corrupt {
                        detail: format!("读取器的回答无法解读: {e}"),
                    },
                },
            };
            finish(&slot, &d, action);
        })
    };
    // A reader that traps (a panic is an abort in wasm) raises an error event on its worker.
    let on_error = {
        let (slot, d, name) = (slot.clone(), dispatcher.clone(), name.clone());
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
            let why = FileError::Corrupt {
                detail: "读取器中途出错".into(),
            };
            finish(
                &slot,
                &d,
                Action::UnreadableFile {
                    name: name.clone(),
                    why,
                },
            );
        })
    };
    let timeout = {
        let (slot, d, name) = (slot.clone(), dispatcher.clone(), name.clone());
        Timeout::new(TIMEOUT_MS, move || {
            let why = FileError::Corrupt {
                detail: format!("{} 秒内没有读完", TIMEOUT_MS / 1000),
            };
            finish(&slot, &d, Action::UnreadableFile { name, why });
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    let buffer = array.buffer();
    let transfer = js_sys::Array::of1(&buffer);
    let posted = worker.post_message_with_transfer(&array, &transfer);
    *slot.borrow_mut() = Some(Pending {
        worker,
        _on_message: on_message,
        _on_error: on_error,
        _timeout: timeout,
    });
    if posted.is_err() {
        let why = FileError::Corrupt {
            detail: "无法把文件交给读取器".into(),
        };
        finish(&slot, &dispatcher, Action::UnreadableFile { name, why });
    }
}
