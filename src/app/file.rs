//! Reading a dropped or picked file: sniff the bytes (`ui_model::sniff`), decode, or refuse with a
//! message (the current text is never replaced by a failed load).
//!
//! GBK/GB18030 is decoded by the browser's own `TextDecoder("gb18030")` in fatal mode: it is the
//! WHATWG Encoding Standard decoder, the same mapping `encoding_rs` implements, and linking
//! `encoding_rs` for it (its decoder carries every legacy encoding's tables) made the app 123 KB
//! larger gzipped, past the 300 KB budget. UTF-8 and UTF-16 are decoded in Rust.
use crate::files::{self, FileError, FileKind};
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
            let opts = web_sys::TextDecoderOptions::new();
            opts.set_fatal(true);
            match web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts)
                .and_then(|d| d.decode_with_u8_array(bytes))
            {
                Ok(t) => t,
                Err(_) => {
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

/// Read a file asynchronously and dispatch the result. The kind is decided from the content:
/// text is decoded here; PDF, Excel and Word files go to their reader's worker
/// ([`super::reader`]).
pub fn read(file: web_sys::File, dispatcher: UseReducerDispatcher<AppState>) {
    let name = file.name();
    if file.size() > files::MAX_FILE as f64 {
        dispatcher.dispatch(Action::UnreadableFile {
            name,
            why: FileError::TooLarge,
        });
        return;
    }
    let promise = file.array_buffer();
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
            Err(_) => return dispatcher.dispatch(Action::UndecodableFile { name }),
        };
        match files::kind_of(&bytes) {
            kind @ (FileKind::Text | FileKind::Html) => {
                if bytes.len() as u64 > MAX_FILE {
                    return dispatcher.dispatch(Action::RefuseFile {
                        name,
                        why: Refusal::TooLarge,
                    });
                }
                let action = match decode(&name, &bytes) {
                    // a saved web page: its tables on their grid, its blocks as lines
                    Action::LoadFile { name, text, .. } if kind == FileKind::Html => {
                        Action::LoadExtracted {
                            name,
                            extracted: files::html::html_to_text(&text),
                        }
                    }
                    other => other,
                };
                dispatcher.dispatch(action)
            }
            kind => super::reader::read(name, kind, bytes, dispatcher),
        }
    });
}
