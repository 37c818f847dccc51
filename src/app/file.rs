//! Reading a dropped or picked file: sniff the bytes, decode with `encoding_rs`, or refuse with a
//! message (the current text is never replaced by a failed load).
use crate::ui_model::i18n::encoding_label;
use crate::ui_model::sniff::{self, Refusal, Sniff, MAX_FILE};
use crate::ui_model::{Action, AppState};
use yew::prelude::*;

/// Decoded text and the encoding it was read from, or the action that explains the refusal.
pub fn decode(name: &str, bytes: &[u8]) -> Action {
    let sniffed = sniff::sniff(bytes);
    let text = match sniffed {
        Sniff::Refused(why) => {
            return Action::RefuseFile {
                name: name.to_string(),
                why,
            }
        }
        Sniff::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Sniff::Utf8Bom => String::from_utf8_lossy(&bytes[3..]).into_owned(),
        Sniff::Utf16Le { bom } => sniff::decode_utf16(&bytes[if bom { 2 } else { 0 }..], true),
        Sniff::Utf16Be { bom } => sniff::decode_utf16(&bytes[if bom { 2 } else { 0 }..], false),
        Sniff::Legacy => {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(t) => t.into_owned(),
                None => {
                    return Action::UndecodableFile {
                        name: name.to_string(),
                    }
                }
            }
        }
    };
    Action::LoadFile {
        name: name.to_string(),
        text: sniff::strip_bom(text),
        encoding: encoding_label(sniffed),
    }
}

/// Read a file asynchronously and dispatch the result.
pub fn read(file: web_sys::File, dispatcher: UseReducerDispatcher<AppState>) {
    let name = file.name();
    if file.size() > MAX_FILE as f64 {
        dispatcher.dispatch(Action::RefuseFile {
            name,
            why: Refusal::TooLarge,
        });
        return;
    }
    let promise = file.array_buffer();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buf) => {
                let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                dispatcher.dispatch(decode(&name, &bytes));
            }
            Err(_) => dispatcher.dispatch(Action::UndecodableFile { name }),
        }
    });
}
