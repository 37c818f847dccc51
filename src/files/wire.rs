//! A reader's answer as one string, for the web app's reader workers (src/app/reader.rs).
//!
//! Hand-made rather than JSON: the page decodes it, and every kilobyte of the page's own wasm
//! counts against the first-load budget (serde deserialisers and float parsing cost ~28 KB gzipped
//! there; this costs a few hundred bytes). Lines, the text last:
//!
//! ```text
//! budgetlint-reader 1
//! kind pdf
//! note 第 3 页没有文字
//! place 0 120 p 1 5670 7200 30000 7450      page, box in 1/100 pt
//! place 120 180 c C7 Sheet 1                cell reference, then the sheet name (may hold spaces)
//! place 180 200 w 2 3 4                     Word table, row, column
//! text
//! <the extracted text, to the end>
//! ```
//!
//! or `error <reason> [detail]` in place of everything after the first line.
use super::{Extracted, FileError, FileKind, Origin};
use crate::text::Span;
use std::fmt::Write;

const MAGIC: &str = "budgetlint-reader 1";

fn kind_name(k: FileKind) -> &'static str {
    match k {
        FileKind::Pdf => "pdf",
        FileKind::Xlsx => "xlsx",
        FileKind::Xls => "xls",
        FileKind::Docx => "docx",
        FileKind::Doc => "doc",
        FileKind::Html => "html",
        FileKind::Text => "text",
    }
}

fn kind_from(s: &str) -> Option<FileKind> {
    [
        FileKind::Pdf,
        FileKind::Xlsx,
        FileKind::Xls,
        FileKind::Docx,
        FileKind::Doc,
        FileKind::Html,
        FileKind::Text,
    ]
    .into_iter()
    .find(|&k| kind_name(k) == s)
}

/// One line: no line breaks inside.
fn flat(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// Coordinates in hundredths of a point: integers keep float parsing out of the page's wasm.
fn centi(v: f32) -> i64 {
    (v * 100.0).round() as i64
}

pub fn encode(r: &Result<Extracted, FileError>) -> String {
    let mut out = String::from(MAGIC);
    out.push('\n');
    let e = match r {
        Err(why) => {
            let _ = match why {
                FileError::NoTextLayer => writeln!(out, "error no_text_layer"),
                FileError::Encrypted => writeln!(out, "error encrypted"),
                FileError::Corrupt { detail } => writeln!(out, "error corrupt {}", flat(detail)),
                FileError::TooLarge => writeln!(out, "error too_large"),
                FileError::Unsupported { kind } => {
                    writeln!(out, "error unsupported {}", kind_name(*kind))
                }
            };
            return out;
        }
        Ok(e) => e,
    };
    let _ = writeln!(out, "kind {}", kind_name(e.kind));
    for n in &e.notes {
        let _ = writeln!(out, "note {}", flat(n));
    }
    for (s, o) in &e.origins {
        let _ = match o {
            Origin::Page { page, bbox } => writeln!(
                out,
                "place {} {} p {page} {} {} {} {}",
                s.start,
                s.end,
                centi(bbox[0]),
                centi(bbox[1]),
                centi(bbox[2]),
                centi(bbox[3])
            ),
            Origin::Cell { sheet, cell } => {
                writeln!(
                    out,
                    "place {} {} c {} {}",
                    s.start,
                    s.end,
                    flat(cell),
                    flat(sheet)
                )
            }
            Origin::Word { table, row, col } => {
                writeln!(out, "place {} {} w {table} {row} {col}", s.start, s.end)
            }
        };
    }
    out.push_str("text\n");
    out.push_str(&e.text);
    out
}

/// The reader's answer, or why the string is not one.
pub fn decode(s: &str) -> Result<Result<Extracted, FileError>, String> {
    let rest = s
        .strip_prefix(MAGIC)
        .and_then(|r| r.strip_prefix('\n'))
        .ok_or("not a reader's answer")?;
    if let Some(err) = rest.strip_prefix("error ") {
        let err = err.trim_end_matches('\n');
        let (reason, detail) = err.split_once(' ').unwrap_or((err, ""));
        let why = match reason {
            "no_text_layer" => FileError::NoTextLayer,
            "encrypted" => FileError::Encrypted,
            "corrupt" => FileError::Corrupt {
                detail: detail.to_string(),
            },
            "too_large" => FileError::TooLarge,
            "unsupported" => FileError::Unsupported {
                kind: kind_from(detail).ok_or("unknown kind")?,
            },
            _ => return Err(format!("unknown reason {reason}")),
        };
        return Ok(Err(why));
    }
    let (head, text) = match rest.split_once("\ntext\n") {
        Some(p) => p,
        None => (rest.strip_suffix("text\n").ok_or("no text")?.trim_end(), ""),
    };
    let text = text.to_string();
    let mut kind = None;
    let mut notes = Vec::new();
    let mut origins = Vec::new();
    let int = |w: Option<&str>| -> Result<i64, String> {
        w.and_then(|w| w.parse::<i64>().ok())
            .ok_or_else(|| "bad number".to_string())
    };
    let u32_of = |w: Option<&str>| -> Result<u32, String> {
        int(w).and_then(|v| u32::try_from(v).map_err(|_| "bad number".to_string()))
    };
    for line in head.lines() {
        if let Some(k) = line.strip_prefix("kind ") {
            kind = kind_from(k);
        } else if let Some(n) = line.strip_prefix("note ") {
            notes.push(n.to_string());
        } else if let Some(p) = line.strip_prefix("place ") {
            let mut w = p.splitn(4, ' ');
            let (start, end) = (u32_of(w.next())?, u32_of(w.next())?);
            if start > end || end as usize > text.len() {
                return Err("place outside the text".into());
            }
            let tag = w.next().ok_or("no place kind")?;
            let tail = w.next().unwrap_or("");
            let origin = match tag {
                "p" => {
                    let mut n = tail.split(' ');
                    let page = u32_of(n.next())?;
                    let mut bbox = [0f32; 4];
                    for b in &mut bbox {
                        *b = int(n.next())? as f32 / 100.0;
                    }
                    Origin::Page { page, bbox }
                }
                "c" => {
                    let (cell, sheet) = tail.split_once(' ').unwrap_or((tail, ""));
                    Origin::Cell {
                        sheet: sheet.to_string(),
                        cell: cell.to_string(),
                    }
                }
                "w" => {
                    let mut n = tail.split(' ');
                    Origin::Word {
                        table: u32_of(n.next())?,
                        row: u32_of(n.next())?,
                        col: u32_of(n.next())?,
                    }
                }
                _ => return Err(format!("unknown place kind {tag}")),
            };
            origins.push((Span { start, end }, origin));
        } else if !line.is_empty() {
            return Err(format!("unknown line {line}"));
        }
    }
    Ok(Ok(Extracted {
        kind: kind.ok_or("no kind")?,
        text,
        origins,
        notes,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip() {
        let e = Extracted {
            kind: FileKind::Xlsx,
            text: "表1\n合计\t30.00\ntext\n".into(),
            origins: vec![
                (
                    Span::new(0, 4),
                    Origin::Page {
                        page: 2,
                        bbox: [56.7, 72.0, 300.25, 74.5],
                    },
                ),
                (
                    Span::new(4, 11),
                    Origin::Cell {
                        sheet: "Sheet 1".into(),
                        cell: "C7".into(),
                    },
                ),
                (
                    Span::new(11, 17),
                    Origin::Word {
                        table: 2,
                        row: 3,
                        col: 4,
                    },
                ),
            ],
            notes: vec!["第 3 页\n没有文字".into()],
        };
        let back = decode(&encode(&Ok(e.clone()))).unwrap().unwrap();
        assert_eq!(back.text, e.text);
        assert_eq!(back.origins, e.origins);
        assert_eq!(back.notes, vec!["第 3 页 没有文字".to_string()]);
        assert_eq!(back.kind, FileKind::Xlsx);
        for why in [
            FileError::NoTextLayer,
            FileError::Encrypted,
            FileError::Corrupt {
                detail: "xref 表\n损坏".into(),
            },
            FileError::TooLarge,
            FileError::Unsupported {
                kind: FileKind::Doc,
            },
        ] {
            let back = decode(&encode(&Err(why.clone()))).unwrap().unwrap_err();
            match (&why, &back) {
                (FileError::Corrupt { .. }, FileError::Corrupt { detail }) => {
                    assert_eq!(detail, "xref 表 损坏")
                }
                _ => assert_eq!(back, why),
            }
        }
        // an empty text
        let empty = Extracted {
            kind: FileKind::Pdf,
            text: String::new(),
            origins: vec![],
            notes: vec![],
        };
        assert_eq!(decode(&encode(&Ok(empty.clone()))).unwrap().unwrap(), empty);
    }

    #[test]
    fn garbage_is_refused_not_trusted() {
        assert!(decode("").is_err());
        assert!(decode("{\"Ok\":1}").is_err());
        assert!(decode("budgetlint-reader 1\nkind pdf\nplace 0 99 w 1 1 1\ntext\nabc").is_err());
        assert!(decode("budgetlint-reader 1\nkind pdf\nplace 5 2 w 1 1 1\ntext\nabcdef").is_err());
        assert!(decode("budgetlint-reader 1\nerror nonsense").is_err());
        assert!(decode("budgetlint-reader 1\nplace 0 1 w 1 1 1\ntext\nabc").is_err());
    }
}
