//! The PDF reader (issue #11) on the real PDFs of `../shared/corpus/files` (next to this checkout;
//! `BUDGETLINT_CORPUS` moves the corpus folder, whose `files/` subfolder holds them).
//!
//! Each PDF with a note `tests/fixtures/pdf/<stem>.md` is checked against it:
//! - `cell: 第N页 | <title fragment> | <row> | <column fragment> | <amount>`: a cell checked by
//!   hand on the page. After `parse` of the extracted text, some table whose title contains the
//!   fragment has a row named `<row>` (its code, a space and its name, or the name alone) whose
//!   column with a header containing the fragment holds the amount, and the origin map puts the
//!   amount on page N. Spaces and the "/" of stacked headers are ignored in titles and headers.
//! - `text-copy: <corpus stem>`: the same document as text in the corpus. Every error or warning
//!   the full check reports on the PDF's text must be one the text copy's audit note supports
//!   (`supports: CODE "quote"`, quote compared without spaces), or be listed in this note as
//!   `extra: CODE "quote" — <analysis>` after checking it by hand.
//!
//! Plus the reader's errors and budgets: a scan has no text layer, a notice that is not a budget
//! reads without tables or errors, passwords, damaged and truncated files never panic.
#![cfg(all(not(target_arch = "wasm32"), feature = "pdf"))]

use budgetlint::files::{extract, FileError, Origin, MAX_FILE};
use budgetlint::parse::parse;
use budgetlint::report::Severity;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    match std::env::var_os("BUDGETLINT_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

fn pdf(stem: &str) -> Vec<u8> {
    let p = corpus_dir().join("files").join(format!("{stem}.pdf"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn notes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf")
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '/')
        .collect()
}

/// A hand-checked cell of a note.
struct CellLine {
    page: u32,
    title: String,
    row: String,
    col: String,
    value: Decimal,
}

fn cell_line(l: &str) -> CellLine {
    let parts: Vec<&str> = l["cell:".len()..].split('|').map(str::trim).collect();
    assert_eq!(parts.len(), 5, "cell line needs 5 fields: {l}");
    let page = parts[0]
        .strip_prefix('第')
        .and_then(|p| p.strip_suffix('页'))
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("page as 第N页: {l}"));
    CellLine {
        page,
        title: squash(parts[1]),
        row: parts[2].to_string(),
        col: squash(parts[3]),
        value: parts[4]
            .replace(',', "")
            .parse()
            .unwrap_or_else(|e| panic!("{l}: {e}")),
    }
}

fn notes() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(notes_dir())
        .expect("tests/fixtures/pdf")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).expect("note"),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn hand_checked_cells_are_read() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let notes = notes();
    assert!(notes.len() >= 4, "at least four PDFs with checked cells");
    for (stem, note) in &notes {
        let e = extract(&pdf(stem)).unwrap_or_else(|e| panic!("{stem}: {}", e.message()));
        let doc = parse(&e.text).doc;
        let cells: Vec<CellLine> = note
            .lines()
            .filter(|l| l.starts_with("cell:"))
            .map(cell_line)
            .collect();
        assert!(cells.len() >= 30, "{stem}: {} cells, want 30", cells.len());
        for c in &cells {
            checked += 1;
            let found = doc
                .tables
                .iter()
                .filter(|t| squash(&t.title).contains(&c.title))
                .flat_map(|t| {
                    t.rows
                        .iter()
                        .filter(|r| {
                            let name = r.plain_name();
                            let code = r.code.as_ref().map(|c| c.text.as_str());
                            c.row == name || code.is_some_and(|k| c.row == format!("{k} {name}"))
                        })
                        .flat_map(move |r| {
                            t.columns
                                .iter()
                                .enumerate()
                                .filter(|(_, col)| squash(&col.header).contains(&c.col))
                                .filter_map(move |(k, _)| r.cell(k))
                        })
                })
                .find(|cell| cell.value == c.value);
            match found {
                None => failures.push(format!(
                    "{stem}: {} | {} | {} | {} not read",
                    c.page, c.title, c.row, c.col
                )),
                Some(cell) => match e.origin_at(cell.span.start) {
                    Some(Origin::Page { page, .. }) if *page == c.page => {}
                    other => failures.push(format!(
                        "{stem}: {} | {} | {} read, but its origin is {other:?}, not page {}",
                        c.title, c.row, c.col, c.page
                    )),
                },
            }
        }
    }
    println!("{checked} hand-checked cells");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_finding_the_text_copy_audit_does_not_support() {
    let mut violations = Vec::new();
    for (stem, note) in notes() {
        let Some(copy) = note
            .lines()
            .find_map(|l| l.strip_prefix("text-copy:"))
            .map(str::trim)
        else {
            continue;
        };
        let audit = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/corpus/{copy}.md")),
        )
        .unwrap_or_else(|e| panic!("{copy}: {e}"));
        // (code, quote without spaces) of the audit's supports lines and this note's extra lines
        let judged: Vec<(String, String)> = audit
            .lines()
            .filter_map(|l| l.trim().strip_prefix("- supports:"))
            .chain(note.lines().filter_map(|l| l.strip_prefix("extra:")))
            .filter_map(|l| {
                let l = l.trim();
                let (code, rest) = l.split_once(' ')?;
                let quote = rest.strip_prefix('"')?.split('"').next()?;
                Some((code.to_string(), squash(quote)))
            })
            .collect();
        // and the false alarms the corpus test pins for the text copy: the checker raises them on
        // the text too, so they are the checker's, not the PDF reader's
        let known = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/KNOWN_FALSE.txt"),
        )
        .unwrap_or_default();
        let judged: Vec<(String, String)> = judged
            .into_iter()
            .chain(known.lines().filter_map(|l| {
                let rest = l.strip_prefix(copy)?.trim();
                let (code, quote) = rest.split_once(' ')?;
                Some((code.to_string(), squash(quote.trim_matches('"'))))
            }))
            .collect();
        let e = extract(&pdf(&stem)).expect("reads");
        let report = budgetlint::check(&e.text);
        for f in &report.findings {
            if !matches!(f.severity, Severity::Error | Severity::Warning) {
                continue;
            }
            let quote: String = squash(f.primary.span.slice(&e.text));
            let quote: String = quote.chars().take(30).collect();
            let ok = judged
                .iter()
                .any(|(c, q)| c == f.code && !quote.is_empty() && q.starts_with(&quote));
            if !ok {
                violations.push(format!("{stem}: {} \"{quote}\" {}", f.code, f.message));
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn a_scan_has_no_text_layer() {
    let got = extract(&pdf("changsha_traffic_police_2026"));
    assert_eq!(got.err(), Some(FileError::NoTextLayer));
}

#[test]
fn a_notice_reads_without_tables_or_errors() {
    let e = extract(&pdf("ningbo_not_a_budget_notice_2026")).expect("reads");
    assert!(
        e.text
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count()
            > 200
    );
    let report = budgetlint::check(&e.text);
    assert!(report.doc.tables.is_empty(), "{:?}", report.doc.tables);
    assert_eq!(report.count(Severity::Error), 0);
}

#[test]
fn every_corpus_pdf_reads_with_pages_and_origins() {
    for entry in std::fs::read_dir(corpus_dir().join("files")).expect("files") {
        let p = entry.expect("entry").path();
        if p.extension().is_none_or(|x| x != "pdf") {
            continue;
        }
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        match extract(&std::fs::read(&p).expect("read")) {
            Ok(e) => {
                assert!(
                    e.text.ends_with('\u{c}'),
                    "{stem}: pages end with a form feed"
                );
                // origins sorted, non-overlapping, inside the text, each on a page that exists
                let pages = e.text.matches('\u{c}').count() as u32;
                let mut end = 0;
                for (s, o) in &e.origins {
                    assert!(
                        s.start >= end && s.end <= e.text.len() as u32,
                        "{stem}: {s:?}"
                    );
                    end = s.end;
                    let Origin::Page { page, bbox } = o else {
                        panic!("{stem}: {o:?}")
                    };
                    assert!(
                        *page >= 1 && *page <= pages,
                        "{stem}: page {page} of {pages}"
                    );
                    assert!(bbox[0] <= bbox[2] && bbox[1] <= bbox[3], "{stem}: {bbox:?}");
                }
                assert!(!e.origins.is_empty(), "{stem}");
            }
            Err(err) => assert_eq!(err, FileError::NoTextLayer, "{stem}"),
        }
    }
}

/// The message the reader gives when the interpreter panicked (caught natively): the tests below
/// fail on it, so a panic inside hayro is seen, not hidden.
fn panicked(r: &Result<budgetlint::files::Extracted, FileError>) -> bool {
    matches!(r, Err(FileError::Corrupt { detail }) if detail.contains("解析器"))
}

#[test]
fn truncated_files_never_panic() {
    let bytes = pdf("beijing_statistics_budget_2026_narrative");
    let whole = extract(&bytes).expect("reads").text;
    let mut partial = 0;
    for k in 1..=60 {
        let cut = bytes.len() * k / 61;
        let got = extract(&bytes[..cut]);
        assert!(!panicked(&got), "cut at {cut}");
        if let Ok(e) = got {
            assert!(e.text.len() <= whole.len() + 1024, "cut at {cut}");
            assert!(
                e.notes.iter().any(|n| n.contains("不完整")),
                "cut at {cut}: a partial read says so"
            );
            partial += 1;
        }
    }
    println!("{partial} of 60 truncations read in part");
    assert_eq!(
        extract(&bytes[..20])
            .err()
            .map(|e| matches!(e, FileError::Corrupt { .. })),
        Some(true)
    );
}

#[test]
fn flipped_bytes_never_panic() {
    let bytes = pdf("changchun_petition_bureau_budget_2026");
    // a fixed pseudo-random sequence (xorshift), so a failure can be replayed
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..40 {
        let mut b = bytes.clone();
        for _ in 0..8 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x % b.len() as u64) as usize;
            b[i] ^= (x >> 32) as u8 | 1;
        }
        let got = extract(&b);
        assert!(!panicked(&got), "round {round}");
    }
}

#[test]
fn damaged_and_oversized_files_are_errors() {
    assert!(matches!(
        extract(b"%PDF-1.7\nthis is not a PDF at all\n"),
        Err(FileError::Corrupt { .. })
    ));
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(MAX_FILE + 1, b' ');
    assert_eq!(extract(&big).err(), Some(FileError::TooLarge));
}

#[test]
fn passwords() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/files");
    let read = |name: &str| std::fs::read(dir.join(name)).expect("fixture");
    // encrypted with an empty user password (an owner password only): reads as the plain file
    for name in ["owner_only_rc4.pdf", "owner_only_aes256.pdf"] {
        let e = extract(&read(name)).unwrap_or_else(|e| panic!("{name}: {}", e.message()));
        assert!(e.text.contains("Budget total 123.45"), "{name}: {}", e.text);
    }
    assert_eq!(
        extract(&read("user_password.pdf")).err(),
        Some(FileError::Encrypted)
    );
}
