//! The PDF reader: the text layer of every page, laid out as space-aligned text (the shape of
//! `pdftotext -layout`, which the positioned table reader understands), with the page and box of
//! every run of text in the origin map.
//!
//! The PDF is interpreted by `hayro-interpret`, which hands every glyph with its transform and
//! Unicode text to our [`device::Collector`]; [`layout`] groups the glyphs into lines and runs
//! and places them in columns; [`lattice`] joins the wrapped cells of ruled tables; [`furniture`] drops running headers and footers and rewrites page
//! numbers as "- N -". Pages end with a form feed, as `pdftotext` prints them.
//!
//! Budgets keep a hostile or broken file from hanging the app: at most [`MAX_PAGES`] pages, at
//! most [`MAX_GLYPHS_PAGE`] glyphs per page and [`MAX_TEXT`] bytes of text (and, natively, a time
//! limit); what is cut off is said in a note.
//!
//! Native builds also catch a panic inside the interpreter and report the file as damaged. The
//! web build compiles with `panic = "abort"`, where nothing can be caught: the app runs the
//! reader in a worker, so a panic there ends the worker, not the page.
mod device;
mod furniture;
mod lattice;
mod layout;

use super::{Extracted, FileError, FileKind, Origin, MAX_FILE};
use crate::text::Span;
use device::Collector;
use hayro_interpret::hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, Rect};
use hayro_interpret::{interpret_page, Context, InterpreterCache, InterpreterSettings};
use std::sync::Arc;

/// Pages read at most; the rest of a longer file is left out with a note.
pub const MAX_PAGES: usize = 2000;
/// Glyphs kept per page: a budget page holds a few thousand.
pub const MAX_GLYPHS_PAGE: usize = 200_000;
/// Text produced at most (bytes).
pub const MAX_TEXT: usize = 32 * 1024 * 1024;
/// Native builds stop reading pages after this many seconds.
#[cfg(not(target_arch = "wasm32"))]
const MAX_SECONDS: u64 = 120;

/// Read a PDF's text layer.
pub fn read(bytes: &[u8]) -> Result<Extracted, FileError> {
    if bytes.len() > MAX_FILE {
        return Err(FileError::TooLarge);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let owned = bytes.to_vec();
        std::panic::catch_unwind(move || read_inner(owned)).unwrap_or_else(|_| {
            Err(FileError::Corrupt {
                detail: "PDF 解析器在读取时出错".into(),
            })
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        read_inner(bytes.to_vec())
    }
}

/// One page as read: its number, its lines and its height (for the header and footer zones).
pub(crate) struct PageLines {
    pub page: u32,
    pub height: f32,
    pub lines: Vec<layout::Line>,
}

fn read_inner(bytes: Vec<u8>) -> Result<Extracted, FileError> {
    // a file cut off in transfer lacks its end marker; hayro may still rebuild enough of it to
    // read some pages, and the user should know the rest may be missing
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    let cut = !tail.windows(5).any(|w| w == b"%%EOF");
    let pdf = Pdf::new(Arc::new(bytes)).map_err(|e| match e {
        LoadPdfError::Decryption(DecryptionError::InvalidEncryption)
        | LoadPdfError::Decryption(DecryptionError::MissingIDEntry) => FileError::Corrupt {
            detail: "加密信息不完整".into(),
        },
        // a password is needed (or the cipher is one the reader does not know: the user's
        // way out is the same, save the file again without a password)
        LoadPdfError::Decryption(_) => FileError::Encrypted,
        LoadPdfError::Invalid => FileError::Corrupt {
            detail: "找不到 PDF 的页面结构".into(),
        },
    })?;
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(FileError::Corrupt {
            detail: "PDF 中没有页面".into(),
        });
    }
    let mut notes = Vec::new();
    if cut {
        notes
            .push("文件不完整（缺少 PDF 的结尾标记）：只读出了能读的部分，后面的页可能缺失".into());
    }
    if pages.len() > MAX_PAGES {
        notes.push(format!(
            "文件共 {} 页，只读取了前 {MAX_PAGES} 页",
            pages.len()
        ));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let started = std::time::Instant::now();
    let settings = InterpreterSettings::default();
    let cache = InterpreterCache::new();
    let mut read: Vec<PageLines> = Vec::new();
    let (mut blank, mut unmapped, mut rotated, mut text_bytes) = (Vec::new(), 0, 0, 0usize);
    for (i, page) in pages.iter().take(MAX_PAGES).enumerate() {
        #[cfg(not(target_arch = "wasm32"))]
        if started.elapsed().as_secs() > MAX_SECONDS {
            notes.push(format!("读取超时：只读取了前 {i} 页"));
            break;
        }
        if text_bytes > MAX_TEXT {
            notes.push(format!("文字太多：只读取了前 {i} 页"));
            break;
        }
        let (w, h) = page.render_dimensions();
        let mut dev = Collector::new(MAX_GLYPHS_PAGE);
        let mut ctx = Context::new(
            Affine::new(page.initial_transform(true).as_coeffs()),
            Rect::new(0.0, 0.0, w as f64, h as f64),
            &cache,
            pdf.xref(),
            settings.clone(),
        );
        interpret_page(page, &mut ctx, &mut dev);
        let n = i as u32 + 1;
        if dev.overflow {
            notes.push(format!("第 {n} 页的文字过多，只读取了一部分"));
        }
        unmapped += dev.unmapped;
        rotated += dev.rotated;
        if dev.glyphs.is_empty() {
            blank.push(n);
        }
        text_bytes += dev.glyphs.iter().map(|g| g.text.len() + 1).sum::<usize>();
        read.push(PageLines {
            page: n,
            height: h,
            lines: lattice::merge(layout::lines(dev.glyphs, &dev.rules), &dev.rules),
        });
    }
    if read.iter().all(|p| p.lines.is_empty()) {
        return Err(FileError::NoTextLayer);
    }
    if !blank.is_empty() {
        let list: Vec<String> = blank.iter().map(|p| p.to_string()).collect();
        notes.push(format!(
            "第 {} 页没有文字层（可能是扫描页或空白页），其中的数字未能读取",
            list.join("、")
        ));
    }
    if unmapped > 0 {
        notes.push(format!(
            "有 {unmapped} 个字符的字体没有给出对应的文字，未能读取"
        ));
    }
    if rotated > 0 {
        notes.push(format!("有 {rotated} 个斜排或竖排的字符未读取"));
    }
    furniture::strip(&mut read);
    Ok(assemble(&read, notes))
}

/// The text of all pages, each ending with a form feed, and the origin of every run.
fn assemble(pages: &[PageLines], notes: Vec<String>) -> Extracted {
    let mut text = String::new();
    let mut origins = Vec::new();
    for p in pages {
        let cw = layout::column_width(&p.lines);
        let left = p
            .lines
            .iter()
            .filter_map(|l| l.runs.first().map(|r| r.x0))
            .fold(f32::INFINITY, f32::min);
        let mut prev: Option<&layout::Line> = None;
        for l in &p.lines {
            // a wide vertical gap (more than three lines of the larger text) becomes a blank line,
            // as between a table and the prose after it
            if let Some(q) = prev {
                if l.y - q.y > 3.0 * l.size.max(q.size) {
                    text.push('\n');
                }
            }
            prev = Some(l);
            let laid = layout::lay(l, cw, left);
            let base = text.len();
            text.push_str(&laid.text);
            text.push('\n');
            for (r, (b0, b1)) in l.runs.iter().zip(laid.runs) {
                origins.push((
                    Span::new(base + b0, base + b1),
                    Origin::Page {
                        page: p.page,
                        bbox: [r.x0, r.top, r.x1, r.bottom],
                    },
                ));
            }
        }
        text.push('\u{c}');
    }
    Extracted {
        kind: FileKind::Pdf,
        text,
        origins,
        notes,
    }
}
