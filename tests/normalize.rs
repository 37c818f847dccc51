//! Normalisation before reading (`text::normalize`): on every seed and every corpus text, every
//! span of the parsed model and of the report points into the original text, on character
//! boundaries, and a number's original text reads back as the number read.
//!
//! The seeds are `tests/fixtures/seeds/*.txt` (copies of `../shared/seeds/`), the corpus
//! `../shared/corpus/*.txt` (or `BUDGETLINT_CORPUS`, as in `tests/corpus.rs`).
#![cfg(not(target_arch = "wasm32"))]

use budgetlint::parse::number::parse_amount;
use budgetlint::parse::parse;
use budgetlint::report::Report;
use budgetlint::text::normalize::normalize;
use budgetlint::text::Span;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

fn texts_in(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            let text =
                budgetlint::text::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no .txt in {}", dir.display());
    out
}

fn seeds() -> Vec<(String, String)> {
    texts_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds"))
}

fn corpus() -> Vec<(String, String)> {
    let dir = match std::env::var_os("BUDGETLINT_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    };
    texts_in(&dir)
}

/// Every span of a parsed model with what it is.
fn doc_spans(doc: &budgetlint::model::Document) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for (i, s) in doc.sections.iter().enumerate() {
        out.push((format!("section {i}"), s.span));
    }
    for t in &doc.tables {
        out.push((format!("table {} span", t.id), t.span));
        out.push((format!("table {} title", t.id), t.title_span));
        for n in &t.notes {
            out.push((format!("table {} note", t.id), n.span));
        }
        for (ri, r) in t.rows.iter().enumerate() {
            let at = format!("table {} row {ri}", t.id);
            out.push((format!("{at} span"), r.span));
            out.push((format!("{at} name"), r.name_span));
            for c in [&r.code, &r.econ_code].into_iter().flatten() {
                out.push((format!("{at} code"), c.span));
            }
            for (ci, c) in r.cells.iter().enumerate() {
                if let Some(c) = c {
                    out.push((format!("{at} cell {ci}"), c.span));
                }
            }
        }
    }
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        out.push((format!("paragraph {pi}"), p.span));
        for m in &p.mentions {
            out.push((format!("paragraph {pi} mention"), m.span));
        }
        for r in &p.refs {
            out.push((format!("paragraph {pi} table reference"), r.span));
        }
    }
    for e in &doc.toc {
        out.push(("目录 entry".into(), e.span));
    }
    for c in &doc.captions {
        out.push(("caption".into(), c.span));
    }
    out
}

fn report_spans(r: &Report) -> Vec<(String, Span)> {
    let mut out = doc_spans(&r.doc);
    for f in &r.findings {
        out.extend(
            f.locations()
                .map(|l| (format!("{} finding", f.code), l.span)),
        );
    }
    for c in &r.checks {
        out.extend(c.locs.iter().map(|l| (format!("{} check", c.code), l.span)));
    }
    out
}

fn bad_spans(name: &str, src: &str, spans: &[(String, Span)]) -> Vec<String> {
    spans
        .iter()
        .filter(|(_, s)| {
            !(s.start <= s.end
                && s.end as usize <= src.len()
                && src.is_char_boundary(s.start as usize)
                && src.is_char_boundary(s.end as usize))
        })
        .map(|(what, s)| format!("{name}: {what} {s:?} (input {} bytes)", src.len()))
        .collect()
}

/// A number's original text as the parser read it: white space out (a decimal part printed on
/// the next line), then normalised (full-width digits, a Traditional unit after it).
fn read_back(text: &str) -> Option<rust_decimal::Decimal> {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    parse_amount(&normalize(&squeezed).text, true).map(|a| a.value)
}

#[test]
fn every_span_slices_the_original_on_char_boundaries() {
    let mut bad = Vec::new();
    for (name, src) in seeds().into_iter().chain(corpus()) {
        let p = parse(&src);
        assert_eq!(p.doc.len as usize, src.len(), "{name}: the model's length");
        let mut spans = doc_spans(&p.doc);
        for f in &p.findings {
            spans.extend(
                f.locations()
                    .map(|l| (format!("{} finding", f.code), l.span)),
            );
        }
        bad.extend(bad_spans(&name, &src, &spans));
        let r = budgetlint::check(&src);
        bad.extend(bad_spans(&name, &src, &report_spans(&r)));
    }
    assert!(
        bad.is_empty(),
        "{} bad span(s):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn every_number_read_is_printed_at_its_span() {
    let mut bad = Vec::new();
    for (name, src) in seeds().into_iter().chain(corpus()) {
        let p = parse(&src);
        for t in &p.doc.tables {
            for (ri, r) in t.rows.iter().enumerate() {
                for c in r.cells.iter().flatten() {
                    let text = c.span.slice(&src);
                    if read_back(text) != Some(c.value) {
                        bad.push(format!(
                            "{name}: table {} row {ri}: cell {text:?} is not {}",
                            t.id, c.value
                        ));
                    }
                }
            }
        }
        for m in p.doc.paragraphs.iter().flat_map(|x| &x.mentions) {
            let text = m.span.slice(&src);
            // (a negative amount's span starts at its minus sign)
            if read_back(text).map(|v| v.abs()) != Some(m.value.abs()) {
                bad.push(format!("{name}: mention {text:?} is not {}", m.value));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} number(s):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_seeds_are_read_without_a_copy() {
    for (name, src) in seeds() {
        let n = normalize(&src);
        assert!(matches!(n.text, Cow::Borrowed(_)), "{name}");
        assert!(n.map.is_identity(), "{name}");
    }
}

#[test]
fn normalising_twice_changes_nothing_more() {
    for (name, src) in seeds().into_iter().chain(corpus()) {
        let once = normalize(&src).text.into_owned();
        let twice = normalize(&once);
        assert!(
            twice.map.is_identity(),
            "{name}: normalised text normalised again"
        );
        assert_eq!(twice.text, once, "{name}");
    }
}

#[test]
fn only_texts_that_need_it_are_copied() {
    // the corpus texts with Traditional characters, pinyin, full-width forms, 亿元 or a decimal
    // part split from its integer part
    let changed: Vec<String> = corpus()
        .into_iter()
        .filter(|(_, src)| !normalize(src).map.is_identity())
        .map(|(name, _)| name[..2].to_string())
        .collect();
    assert_eq!(changed, ["01", "05", "06", "25", "26", "32", "35", "44"]);
}
