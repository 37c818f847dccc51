//! The real-disclosure corpus against its hand audits.
//!
//! The corpus is the 33 real disclosures in `../shared/corpus/*.txt` (next to this checkout; set
//! `BUDGETLINT_CORPUS` to read them from elsewhere). Each document `<stem>.txt` has a hand audit note
//! `tests/fixtures/corpus/<stem>.md`: a `# Audit: <stem>.txt` heading, a paragraph describing the
//! document, then these five sections, in any order:
//!
//! ```text
//! ## Tables with numbers
//! - has-rows: <title fragment> | <rows> | <layout notes>    a table printed with data
//! - empty: <title fragment> | <why it is empty>             a table printed without data
//! - none: <why>                                             the text holds no table
//! ## Relations checked
//! - <identity>: <arithmetic> → holds | fails               every total, change, share checked by hand
//! ## Real errors
//! - <what is wrong, and what it should be> | - none found
//! ## What a checker could wrongly flag
//! - <traps: layout, numbers that are not amounts, legitimate differences>
//! ## Current checker findings
//! - supports: <CODE> "<quoted text>" — <why the finding is right>
//! - rejects: <CODE> "<quoted text>" — <why it is a false alarm>
//! - none — <optional comment>                               the checker reports nothing to judge
//! ```
//!
//! A title fragment is copied verbatim from the document text (it must occur in it). The quoted text
//! of a finding is what the CLI text report prints at the end of the finding's `at` line
//! (`render::text::describe`): the first 40 characters of the primary span, with line breaks and tabs
//! as spaces.
//!
//! The tests:
//! - `corpus_findings_are_backed_by_the_audit`: every error or warning the full check reports on a
//!   corpus document must have a `supports:` line with its code and quoted text; anything else is a
//!   false alarm (or an unaudited finding). All violations are listed at once.
//! - `corpus_notes_exist_and_are_well_formed`: one note per document and no note without a document,
//!   the five sections, fragments found verbatim, findings lines parseable.
//! - `corpus_coverage_snapshot`: one line per document (tables read, tables with rows, which
//!   `has-rows:` fragments match a read table with rows, findings by severity and code), snapshotted
//!   as `corpus__corpus_coverage`; the matched-fragment total may not fall below `MATCHED_FLOOR`.
//!
//! To add a document: put the text in the corpus folder as `<NN>_<place>_<what>_<year>_<shape>.txt`,
//! audit it by hand into `tests/fixtures/corpus/<same stem>.md` in the format above (one
//! `supports:`/`rejects:` line per error or warning `budgetlint check` prints, judged against the
//! audit), run `INSTA_UPDATE=always cargo test --release --test corpus`, review the new snapshot line
//! and raise `MATCHED_FLOOR` if the total went up.
#![cfg(not(target_arch = "wasm32"))]

use budgetlint::parse::parse;
use budgetlint::render::text::describe;
use budgetlint::report::{Finding, Report, Severity};
use budgetlint::rules::registry::ALL;
use budgetlint::rules::Config;
use budgetlint::text::{LineIndex, Span};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// `has-rows:` fragments over the whole corpus that match a read table with rows, as of the last
/// raise (162 of 251; 154 before the text was normalised, 111 before the positioned reader). Reading may only get better: raise it to the `TOTAL` line of
/// the snapshot when that goes up.
const MATCHED_FLOOR: usize = 162;

const SECTIONS: [&str; 5] = [
    "## Tables with numbers",
    "## Relations checked",
    "## Real errors",
    "## What a checker could wrongly flag",
    "## Current checker findings",
];
const TABLES: &str = "## Tables with numbers";
const FINDINGS: &str = "## Current checker findings";

fn corpus_dir() -> PathBuf {
    match std::env::var_os("BUDGETLINT_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

fn notes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// Stems of the files in `dir` ending in `.ext`, sorted.
fn stems(dir: &Path, ext: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the corpus lives in ../shared/corpus; set BUDGETLINT_CORPUS to move it)",
                dir.display()
            )
        })
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// The corpus documents' stems; panics on an empty corpus (a wrong folder would pass every test).
fn corpus_stems() -> Vec<String> {
    let s = stems(&corpus_dir(), "txt");
    assert!(!s.is_empty(), "no .txt in {}", corpus_dir().display());
    s
}

/// A document's text, decoded as the CLI decodes a file.
fn source(stem: &str) -> String {
    let path = corpus_dir().join(format!("{stem}.txt"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    budgetlint::text::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An audit note split into its `## ` sections (heading → lines, blank lines dropped).
struct Note {
    sections: Vec<(String, Vec<String>)>,
}

impl Note {
    fn read(stem: &str) -> Option<Note> {
        let text = std::fs::read_to_string(notes_dir().join(format!("{stem}.md"))).ok()?;
        let mut sections: Vec<(String, Vec<String>)> = Vec::new();
        for line in text.lines() {
            let line = line.trim_end();
            if line.starts_with("## ") {
                sections.push((line.to_string(), Vec::new()));
            } else if let Some((_, lines)) = sections.last_mut() {
                if !line.trim().is_empty() {
                    lines.push(line.to_string());
                }
            }
        }
        Some(Note { sections })
    }

    fn section(&self, heading: &str) -> &[String] {
        self.sections
            .iter()
            .find(|(h, _)| h == heading)
            .map(|(_, l)| l.as_slice())
            .unwrap_or(&[])
    }

    /// The title fragments of `- <kind>: <fragment> | …` lines (kind `has-rows` or `empty`).
    fn fragments(&self, kind: &str) -> Vec<String> {
        let prefix = format!("- {kind}:");
        self.section(TABLES)
            .iter()
            .filter_map(|l| l.strip_prefix(prefix.as_str()))
            .map(|rest| rest.split(" | ").next().unwrap_or("").trim().to_string())
            .collect()
    }

    /// Whether the findings section has `- <verdict>: CODE "TEXT"` (verdict `supports` or
    /// `rejects`).
    fn judges(&self, verdict: &str, code: &str, quoted: &str) -> bool {
        let needle = format!("- {verdict}: {code} \"{quoted}\"");
        self.section(FINDINGS)
            .iter()
            .any(|l| l.starts_with(&needle))
    }
}

/// The quoted text of a location, as `describe` prints it.
fn quoted(src: &str, span: Span) -> String {
    span.slice(src)
        .chars()
        .take(40)
        .collect::<String>()
        .replace(['\n', '\t'], " ")
}

/// The full check, as the CLI runs it (the rules read the normalised text, the report's spans
/// point into `src`), plus the parsed tables before the rules ran.
fn check(src: &str) -> (Vec<budgetlint::model::Table>, Report) {
    let tables = parse(src).doc.tables;
    let report = budgetlint::check_with(src, &Config::default());
    (tables, report)
}

fn is_reported(f: &Finding) -> bool {
    matches!(f.severity, Severity::Error | Severity::Warning)
}

#[test]
fn corpus_findings_are_backed_by_the_audit() {
    let mut violations = Vec::new();
    let mut reported = 0;
    // false alarms the audits reject that the checker still raises, pinned one per line so that
    // the list can only shrink (a new false alarm fails, and so does a pinned one that is gone)
    let mut known: std::collections::BTreeSet<String> = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/KNOWN_FALSE.txt"),
    )
    .unwrap_or_default()
    .lines()
    .map(str::trim)
    .filter(|l| !l.is_empty() && !l.starts_with('#'))
    .map(str::to_string)
    .collect();
    let mut pinned = 0;
    for stem in corpus_stems() {
        let Some(note) = Note::read(&stem) else {
            violations.push(format!("{stem}: no audit note"));
            continue;
        };
        let src = source(&stem);
        let (_, report) = check(&src);
        let idx = LineIndex::new(&src);
        for f in report.findings.iter().filter(|f| is_reported(f)) {
            reported += 1;
            let text = quoted(&src, f.primary.span);
            let at = describe(&src, &idx, &report.doc, &f.primary);
            assert!(
                at.ends_with(&format!("\"{text}\"")),
                "describe() no longer ends with the quoted text: {at}"
            );
            if !note.judges("supports", f.code, &text) {
                let key = format!("{stem} {} \"{text}\"", f.code);
                if known.remove(&key) {
                    pinned += 1;
                    continue;
                }
                let (line, col) = idx.line_col(&src, f.primary.span.start);
                let verdict = if note.judges("rejects", f.code, &text) {
                    "rejected by the note"
                } else {
                    "not in the note"
                };
                violations.push(format!(
                    "{stem}: {} {} at {line}:{col} \"{text}\" ({verdict}) — {}",
                    f.code,
                    f.severity.as_str(),
                    f.message
                ));
            }
        }
    }
    for stale in &known {
        violations.push(format!(
            "{stale}: pinned in KNOWN_FALSE.txt but no longer reported (remove the line)"
        ));
    }
    println!(
        "{reported} errors/warnings on the corpus, {pinned} known false alarms pinned in KNOWN_FALSE.txt, {} new",
        violations.len()
    );
    assert!(
        violations.is_empty(),
        "{} finding(s) not backed by a `supports:` line of the audit note:\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// Problems with one `## Current checker findings` line, if any.
fn findings_line_problem(line: &str) -> Option<String> {
    if line == "- none" || line.starts_with("- none — ") {
        return None;
    }
    let Some(rest) = line
        .strip_prefix("- supports: ")
        .or_else(|| line.strip_prefix("- rejects: "))
    else {
        return Some("not `- supports: …`, `- rejects: …` or `- none`".into());
    };
    let Some((code, rest)) = rest.split_once(' ') else {
        return Some("no quoted text after the code".into());
    };
    if !ALL.iter().any(|r| r.code == code) {
        return Some(format!("{code} is not a registered code"));
    }
    let Some(rest) = rest.strip_prefix('"') else {
        return Some("the quoted text does not start with '\"'".into());
    };
    let text = match rest.find("\" — ") {
        Some(end) => &rest[..end],
        None => match rest.strip_suffix('"') {
            Some(t) => t,
            None => return Some("the quoted text is not closed by '\" — reason'".into()),
        },
    };
    if text.chars().count() > 40 || text.contains(['\n', '\t']) {
        return Some(format!(
            "{text:?} cannot be a quoted text (at most 40 characters, no tabs)"
        ));
    }
    None
}

#[test]
fn corpus_notes_exist_and_are_well_formed() {
    let docs = corpus_stems();
    let mut problems = Vec::new();
    for stem in stems(&notes_dir(), "md") {
        if !docs.contains(&stem) {
            problems.push(format!("{stem}.md: no corpus document {stem}.txt"));
        }
    }
    for stem in &docs {
        let Some(note) = Note::read(stem) else {
            problems.push(format!("{stem}: no note tests/fixtures/corpus/{stem}.md"));
            continue;
        };
        for s in SECTIONS {
            match note.sections.iter().filter(|(h, _)| h == s).count() {
                1 => {}
                0 => problems.push(format!("{stem}.md: no `{s}` section")),
                n => problems.push(format!("{stem}.md: {n} `{s}` sections")),
            }
        }
        let src = source(stem);
        for line in note.section(TABLES) {
            if !["- has-rows: ", "- empty: ", "- none"]
                .iter()
                .any(|p| line.starts_with(p))
            {
                problems.push(format!(
                    "{stem}.md: `{TABLES}` line is not `- has-rows: …`, `- empty: …` or `- none…`: {line}"
                ));
            }
        }
        for kind in ["has-rows", "empty"] {
            for frag in note.fragments(kind) {
                if frag.is_empty() {
                    problems.push(format!("{stem}.md: empty `{kind}:` title fragment"));
                } else if !src.contains(&frag) {
                    problems.push(format!(
                        "{stem}.md: `{kind}: {frag}` does not occur verbatim in {stem}.txt"
                    ));
                }
            }
        }
        let findings = note.section(FINDINGS);
        if findings.is_empty() {
            problems.push(format!(
                "{stem}.md: `{FINDINGS}` has no line (write `- none`)"
            ));
        }
        if findings.len() > 1 && findings.iter().any(|l| l.starts_with("- none")) {
            problems.push(format!(
                "{stem}.md: `- none` beside other lines in `{FINDINGS}`"
            ));
        }
        for line in findings {
            if let Some(p) = findings_line_problem(line) {
                problems.push(format!("{stem}.md: {p}: {line}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) in the corpus notes:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether a `has-rows:` fragment names a read table with rows: the title contains the fragment,
/// or the fragment contains the title (white space removed from both).
fn fragment_matches(frag: &str, tables: &[budgetlint::model::Table]) -> bool {
    let frag = squash(frag);
    tables.iter().filter(|t| !t.rows.is_empty()).any(|t| {
        let title = squash(&t.title);
        !title.is_empty() && (title.contains(&frag) || frag.contains(&title))
    })
}

/// `P005×3 S101×1` (sorted by code), or `-`.
fn by_code(report: &Report, severity: Severity) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in report.findings.iter().filter(|f| f.severity == severity) {
        *counts.entry(f.code).or_default() += 1;
    }
    if counts.is_empty() {
        return "-".into();
    }
    counts
        .iter()
        .map(|(c, n)| format!("{c}×{n}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn corpus_coverage_snapshot() {
    let mut out = String::new();
    let (mut matched_total, mut fragments_total) = (0, 0);
    let (mut tables_total, mut with_rows_total) = (0, 0);
    for stem in corpus_stems() {
        let note = Note::read(&stem).unwrap_or_else(|| panic!("{stem}: no audit note"));
        let src = source(&stem);
        let (tables, report) = check(&src);
        let with_rows = tables.iter().filter(|t| !t.rows.is_empty()).count();
        let frags = note.fragments("has-rows");
        let marks: Vec<String> = frags
            .iter()
            .map(|f| {
                let ok = fragment_matches(f, &tables);
                matched_total += usize::from(ok);
                format!("{}{f}", if ok { "✓" } else { "✗" })
            })
            .collect();
        let matched = marks.iter().filter(|m| m.starts_with('✓')).count();
        fragments_total += frags.len();
        tables_total += tables.len();
        with_rows_total += with_rows;
        let _ = writeln!(
            out,
            "{stem}: tables {} with-rows {with_rows} | has-rows {matched}/{} [{}] | error {} | warning {} | info {}",
            tables.len(),
            frags.len(),
            marks.join(", "),
            by_code(&report, Severity::Error),
            by_code(&report, Severity::Warning),
            by_code(&report, Severity::Info),
        );
    }
    let _ = writeln!(
        out,
        "TOTAL: tables {tables_total} with-rows {with_rows_total} | has-rows {matched_total}/{fragments_total}"
    );
    println!(
        "has-rows fragments matched by a read table with rows: {matched_total}/{fragments_total} (floor {MATCHED_FLOOR}); tables read {tables_total}, with rows {with_rows_total}"
    );
    assert!(
        matched_total >= MATCHED_FLOOR,
        "only {matched_total}/{fragments_total} has-rows fragments match a read table with rows; the floor is {MATCHED_FLOOR}"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!("corpus_coverage", out));
}
