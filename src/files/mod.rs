//! Published files (PDF, Excel, Word, saved web pages) turned into the text the checker reads,
//! with the origin of every piece of it (issue #11).
//!
//! Every reader produces an [`Extracted`]: a plain-text rendition in one of the shapes the text
//! readers already understand (space-aligned columns for PDF pages, tab-separated rows for sheets
//! and Word tables, paragraphs as lines) and an origin map from byte ranges of that text to the
//! place in the file (page and box, sheet and cell). The core then parses and checks the text
//! exactly as it would a paste; the report's spans index the extracted text, and the origin map
//! turns them into "第 3 页" or "Sheet1!C7".
//!
//! This layer sits beside `text`: it imports nothing from `model`, `parse` or `rules`.
use crate::text::Span;

#[cfg(feature = "pdf")]
mod pdf;
pub mod wire;
use serde::Serialize;

mod build;
#[cfg(any(feature = "excel", feature = "docx"))]
mod container;
#[cfg(feature = "docx")]
mod docx;
#[cfg(feature = "excel")]
mod excel;
pub mod html;
#[cfg(feature = "excel")]
mod xls_formats;

/// What kind of file the bytes are, decided from the content (never from the file name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Xlsx,
    Xls,
    Docx,
    /// A legacy binary Word/WPS file (OLE compound file that is not a workbook).
    Doc,
    Html,
    Text,
}

/// Where a byte range of the extracted text came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// A PDF page (1-based) and the box on it, in PDF points from the page's top-left corner:
    /// `[x0, y0, x1, y1]`.
    Page { page: u32, bbox: [f32; 4] },
    /// A worksheet cell: the sheet's name and the A1 reference ("C7").
    Cell { sheet: String, cell: String },
    /// A Word table cell (1-based table, row and column of the grid) or, with `table` = 0, the
    /// paragraph `row` of the body.
    Word { table: u32, row: u32, col: u32 },
}

impl Origin {
    /// How a finding names the place: "第 3 页", "Sheet1!C7", "表格 2 第 3 行第 4 列".
    pub fn label(&self) -> String {
        match self {
            Origin::Page { page, .. } => format!("第 {page} 页"),
            Origin::Cell { sheet, cell } => format!("{sheet}!{cell}"),
            Origin::Word { table: 0, row, .. } => format!("第 {row} 段"),
            Origin::Word { table, row, col } => format!("表格 {table} 第 {row} 行第 {col} 列"),
        }
    }
}

/// A file read into text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Extracted {
    pub kind: FileKind,
    pub text: String,
    /// Sorted by span start, non-overlapping.
    pub origins: Vec<(Span, Origin)>,
    /// Things the user should know about the reading (a sheet skipped, a page without text …).
    pub notes: Vec<String>,
}

impl Extracted {
    /// The origin of the piece of text that contains `at` (a byte offset into `text`), or of the
    /// nearest piece before it.
    pub fn origin_at(&self, at: u32) -> Option<&Origin> {
        let i = self.origins.partition_point(|(s, _)| s.start <= at);
        i.checked_sub(1).map(|i| &self.origins[i].1)
    }
}

/// Why a file could not be read: every variant is a message a user can act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum FileError {
    /// A PDF without a text layer (scanned pages).
    NoTextLayer,
    /// A password is needed to open the file.
    Encrypted,
    /// The file is damaged or not what its first bytes say.
    Corrupt { detail: String },
    /// Larger than the readers accept, or expanding beyond the limit (zip bomb).
    TooLarge,
    /// A kind this build cannot read (with what to do instead).
    Unsupported { kind: FileKind },
}

impl FileError {
    pub fn message(&self) -> String {
        match self {
            FileError::NoTextLayer => "这个 PDF 没有文字层（可能是扫描件）：无法读出其中的数字。请找部门网站上的文字版 PDF、Excel 或网页版，或先用 OCR 软件识别后再粘贴文字".into(),
            FileError::Encrypted => "文件有打开密码，无法读取：请用原软件去掉密码后另存，或复制文字粘贴".into(),
            FileError::Corrupt { detail } => format!("文件已损坏或格式不对，无法读取（{detail}）"),
            FileError::TooLarge => "文件太大（或解压后太大），为保护浏览器没有读取".into(),
            FileError::Unsupported { kind: FileKind::Doc } => "这是旧版 Word/WPS 二进制文件（.doc/.wps），无法直接读取：请另存为 .docx 或 PDF 后再拖入".into(),
            FileError::Unsupported { kind } => format!("暂不能读取这种文件（{kind:?}）：请复制其中的文字粘贴"),
        }
    }
}

/// Largest file any reader accepts, and the largest total a zip container may expand to.
pub const MAX_FILE: usize = 64 * 1024 * 1024;
pub const MAX_EXPANDED: u64 = 256 * 1024 * 1024;

/// The kind of a file from its first bytes (and, for zip and OLE containers, their directory).
pub fn kind_of(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(b"%PDF")
        || bytes
            .get(..1024)
            .is_some_and(|h| h.windows(5).any(|w| w == b"%PDF-"))
    {
        return FileKind::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // entry names are in the local headers at the start and in the central directory at the end
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let tail = &bytes[bytes.len().saturating_sub(64 * 1024)..];
        let has = |s: &[u8]| {
            head.windows(s.len()).any(|w| w == s) || tail.windows(s.len()).any(|w| w == s)
        };
        if has(b"xl/") {
            return FileKind::Xlsx;
        }
        if has(b"word/") {
            return FileKind::Docx;
        }
        return FileKind::Xlsx; // decided by the reader, which says what it found
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // a workbook stream is named "Workbook" (BIFF8) or "Book" (BIFF5), in UTF-16 in the directory
        let wide =
            |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
        let (wb, book) = (wide("Workbook"), wide("Book"));
        let has = |s: &[u8]| bytes.windows(s.len()).any(|w| w == s);
        return if has(&wb) || has(&book) {
            FileKind::Xls
        } else {
            FileKind::Doc
        };
    }
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let has = |s: &[u8]| lower.windows(s.len()).any(|w| w == s);
    if has(b"<html") || has(b"<!doctype html") || (has(b"<table") && has(b"<td")) {
        return FileKind::Html;
    }
    FileKind::Text
}

/// The PDF reader alone (the web app's PDF worker links only this).
pub fn read_pdf(bytes: &[u8]) -> Result<Extracted, FileError> {
    if bytes.len() > MAX_FILE {
        return Err(FileError::TooLarge);
    }
    match kind_of(bytes) {
        #[cfg(feature = "pdf")]
        FileKind::Pdf => pdf::read(bytes),
        kind => Err(FileError::Unsupported { kind }),
    }
}

/// The Excel and Word readers alone (the web app's office worker links only these).
pub fn read_office(bytes: &[u8]) -> Result<Extracted, FileError> {
    if bytes.len() > MAX_FILE {
        return Err(FileError::TooLarge);
    }
    match kind_of(bytes) {
        kind @ (FileKind::Xlsx | FileKind::Xls | FileKind::Docx | FileKind::Doc) => {
            office(bytes, kind)
        }
        kind => Err(FileError::Unsupported { kind }),
    }
}

/// Read a file. Text files are not handled here (the caller decodes them as before); every other
/// kind goes to its reader.
pub fn extract(bytes: &[u8]) -> Result<Extracted, FileError> {
    if bytes.len() > MAX_FILE {
        return Err(FileError::TooLarge);
    }
    match kind_of(bytes) {
        FileKind::Pdf => read_pdf(bytes),
        FileKind::Html => Ok(html::read_bytes(bytes)),
        kind => office(bytes, kind),
    }
}

/// Excel, Word and the OLE files that may be either (or an encrypted Office package).
fn office(bytes: &[u8], kind: FileKind) -> Result<Extracted, FileError> {
    if matches!(kind, FileKind::Doc | FileKind::Xls) && ole_has(bytes, "EncryptedPackage") {
        // a password-protected .xlsx/.docx is an OLE file holding the encrypted package
        return Err(FileError::Encrypted);
    }
    match kind {
        #[cfg(feature = "excel")]
        FileKind::Xlsx | FileKind::Xls => guarded(|| excel::read(bytes, kind)),
        #[cfg(feature = "docx")]
        FileKind::Docx => guarded(|| docx::read(bytes)),
        _ => Err(FileError::Unsupported { kind }),
    }
}

/// Run a reader built on a third-party parser so that a panic inside it (calamine subtracts with
/// overflow on some damaged .xls records) becomes a "damaged file" message wherever panics
/// unwind: the tests and the CLI (whose release profile unwinds for this reason). In the web app
/// a panic aborts the reader's worker, and the app reports that instead.
pub(crate) fn guarded(
    read: impl FnOnce() -> Result<Extracted, FileError> + std::panic::UnwindSafe,
) -> Result<Extracted, FileError> {
    std::panic::catch_unwind(read).unwrap_or_else(|_| {
        Err(FileError::Corrupt {
            detail: "读取器在解析时出错".into(),
        })
    })
}

/// Whether an OLE compound file's directory names a stream `name` (UTF-16 in the directory).
fn ole_has(bytes: &[u8], name: &str) -> bool {
    let wide: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(wide.len()).any(|w| w == wide.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_content() {
        assert_eq!(kind_of(b"%PDF-1.7\n"), FileKind::Pdf);
        assert_eq!(kind_of(b"<!DOCTYPE html><html>"), FileKind::Html);
        assert_eq!(kind_of("部门预算".as_bytes()), FileKind::Text);
        assert_eq!(kind_of(b"PK\x03\x04....word/document.xml"), FileKind::Docx);
    }

    #[test]
    fn origin_lookup() {
        let e = Extracted {
            kind: FileKind::Pdf,
            text: "ab\ncd\n".into(),
            origins: vec![
                (
                    Span::new(0, 3),
                    Origin::Page {
                        page: 1,
                        bbox: [0.0; 4],
                    },
                ),
                (
                    Span::new(3, 6),
                    Origin::Page {
                        page: 2,
                        bbox: [0.0; 4],
                    },
                ),
            ],
            notes: vec![],
        };
        assert_eq!(
            e.origin_at(4).map(Origin::label).as_deref(),
            Some("第 2 页")
        );
        assert_eq!(
            e.origin_at(0).map(Origin::label).as_deref(),
            Some("第 1 页")
        );
    }
}
