//! Per-rule fixtures (STYLE.md B6/B7).
//!
//! Every registered rule has a folder `tests/fixtures/rules/<CODE>-<name>/` holding tiny inputs:
//! `bad-<case>.txt` must yield at least one finding of CODE, `ok-<case>.txt` none. Only the rule of
//! the folder runs (`Config::only`); the parser's own findings (P001–P003) are always in the report,
//! which is how the P-code folders are checked. Bad files are snapshotted in the CLI text format as
//! `<CODE>_<file stem>`.
//!
//! Cases the rules get wrong today are not fixtures: they are pinned in `known_defects` below with a
//! FIXME, so that fixing one makes that test fail and the case moves into its folder.
#![cfg(not(target_arch = "wasm32"))]

use budgetlint::parse::{lines::split_lines, number::parse_amount, parse};
use budgetlint::report::Report;
use budgetlint::rules::registry::ALL;
use budgetlint::rules::{Config, RuleMeta};
use budgetlint::text::Span;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The rule a fixture folder names (`<CODE>-<name>`). Panics on a folder that names no registered
/// rule, or names a code with the wrong rule name.
fn rule_of_folder(folder: &str) -> &'static RuleMeta {
    let (code, name) = folder
        .split_once('-')
        .unwrap_or_else(|| panic!("fixture folder {folder:?} is not <CODE>-<name>"));
    let rule = ALL
        .iter()
        .copied()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("fixture folder {folder:?} names unknown rule code {code}"));
    assert_eq!(
        rule.name, name,
        "fixture folder {folder:?}: {code} is registered as {:?}",
        rule.name
    );
    rule
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Expect {
    Bad,
    Ok,
}

fn expectation(stem: &str) -> Expect {
    if stem.starts_with("bad-") {
        Expect::Bad
    } else if stem.starts_with("ok-") {
        Expect::Ok
    } else {
        panic!("fixture {stem:?} must start with bad- or ok-")
    }
}

fn check_only(src: &str, code: &str) -> Report {
    budgetlint::check_with(
        src,
        &Config {
            only: vec![code.into()],
        },
    )
}

fn count(report: &Report, code: &str) -> usize {
    report.findings.iter().filter(|f| f.code == code).count()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// (folder name, file stems) of every fixture folder, sorted.
fn folders() -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/rules exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_dir())
        .map(|dir| {
            let mut stems: Vec<String> = std::fs::read_dir(&dir)
                .expect("fixture folder")
                .map(|e| e.expect("dir entry").path())
                .map(|p| {
                    assert!(
                        p.extension().is_some_and(|x| x == "txt"),
                        "{}: fixture folders hold only .txt files",
                        p.display()
                    );
                    p.file_stem().unwrap().to_string_lossy().into_owned()
                })
                .collect();
            stems.sort();
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            (name, stems)
        })
        .collect();
    out.sort();
    out
}

/// Every fixture file, as (folder, stem, path).
fn fixture_files() -> Vec<(String, String, PathBuf)> {
    folders()
        .into_iter()
        .flat_map(|(folder, stems)| {
            stems.into_iter().map(move |stem| {
                let path = fixtures_dir().join(&folder).join(format!("{stem}.txt"));
                (folder.clone(), stem, path)
            })
        })
        .collect()
}

/// bad-* yields at least one finding of the folder's code, ok-* none. All files are checked before
/// the test fails, so one run lists every broken fixture.
#[test]
fn rule_fixtures_expectations() {
    let mut failures: Vec<String> = Vec::new();
    for (folder, stem, path) in fixture_files() {
        let rule = rule_of_folder(&folder);
        let report = check_only(&read(&path), rule.code);
        let messages: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.code == rule.code)
            .map(|f| f.message.as_str())
            .collect();
        match expectation(&stem) {
            Expect::Bad if messages.is_empty() => {
                failures.push(format!("{folder}/{stem}: no {} finding", rule.code));
            }
            Expect::Ok if !messages.is_empty() => failures.push(format!(
                "{folder}/{stem}: expected no {} finding, got {messages:?}",
                rule.code
            )),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The text report of every bad fixture, as the CLI prints it, snapshotted as `<CODE>_<file stem>`.
#[test]
fn rule_fixture_snapshots() {
    insta::glob!("fixtures/rules/*/bad-*.txt", |path| {
        let folder = path.parent().unwrap().file_name().unwrap();
        let rule = rule_of_folder(folder.to_str().unwrap());
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let src = read(path);
        let report = check_only(&src, rule.code);
        let mut settings = insta::Settings::clone_current();
        settings.remove_snapshot_suffix();
        settings.set_omit_expression(true);
        settings.bind(|| {
            insta::assert_snapshot!(
                format!("{}_{stem}", rule.code),
                budgetlint::render::text::report(&src, &report)
            );
        });
    });
}

#[test]
fn every_rule_has_fixtures_and_every_folder_names_a_rule() {
    let folders = folders();
    for (folder, _) in &folders {
        rule_of_folder(folder);
    }
    for rule in ALL {
        let want = format!("{}-{}", rule.code, rule.name);
        let Some((_, stems)) = folders.iter().find(|(f, _)| *f == want) else {
            panic!(
                "{} has no fixture folder tests/fixtures/rules/{want}/",
                rule.code
            );
        };
        for e in [Expect::Bad, Expect::Ok] {
            assert!(
                stems.iter().any(|s| expectation(s) == e),
                "tests/fixtures/rules/{want}/ has no {e:?} fixture"
            );
        }
    }
}

/// A snapshot of this test file must belong to a bad fixture that still exists.
#[test]
fn no_orphan_snapshots() {
    let folders = folders();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for entry in std::fs::read_dir(dir).expect("tests/snapshots exists") {
        let name = entry.expect("dir entry").file_name();
        let name = name.to_string_lossy();
        let Some(snap) = name
            .strip_prefix("rule_fixtures__")
            .and_then(|s| s.strip_suffix(".snap"))
        else {
            continue;
        };
        let (code, stem) = snap
            .split_once('_')
            .unwrap_or_else(|| panic!("snapshot {name} is not <CODE>_<stem>"));
        let found = folders.iter().any(|(folder, stems)| {
            folder.split_once('-').map(|x| x.0) == Some(code)
                && stems.iter().any(|s| s == stem && s.starts_with("bad-"))
        });
        assert!(found, "snapshot {name} has no bad fixture; delete it");
    }
}

fn span_ok(src: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end as usize <= src.len()
        && src.is_char_boundary(s.start as usize)
        && src.is_char_boundary(s.end as usize)
}

/// Parser invariants (STYLE.md B6): lossless lines, spans in bounds and on char boundaries, one
/// cell slot per column, and every cell's text reads back as its value.
fn invariant_violations(src: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let joined: String = split_lines(src).iter().map(|l| l.full.slice(src)).collect();
    if joined != src {
        bad.push("line layer is not lossless".to_string());
    }
    let p = parse(src);
    let mut spans: Vec<(String, Span)> = Vec::new();
    for t in &p.doc.tables {
        spans.push((format!("table {} span", t.id), t.span));
        spans.push((format!("table {} title", t.id), t.title_span));
        for n in &t.notes {
            spans.push((format!("table {} note", t.id), n.span));
        }
        for (ri, r) in t.rows.iter().enumerate() {
            let at = format!("table {} row {ri}", t.id);
            spans.push((format!("{at} span"), r.span));
            spans.push((format!("{at} name"), r.name_span));
            if let Some(c) = &r.code {
                spans.push((format!("{at} code"), c.span));
            }
            if r.cells.len() != t.columns.len() {
                bad.push(format!(
                    "{at}: {} cells for {} columns",
                    r.cells.len(),
                    t.columns.len()
                ));
            }
            for (ci, c) in r.cells.iter().enumerate() {
                let Some(c) = c else { continue };
                spans.push((format!("{at} col {ci}"), c.span));
                if !span_ok(src, c.span) {
                    continue;
                }
                let text = c.span.slice(src);
                match parse_amount(text, true) {
                    Some(a) if a.value == c.value => {}
                    Some(a) => bad.push(format!(
                        "{at} col {ci}: {text:?} reads as {} but the cell holds {}",
                        a.value, c.value
                    )),
                    None => bad.push(format!("{at} col {ci}: {text:?} is not an amount")),
                }
            }
        }
    }
    for s in &p.doc.sections {
        spans.push(("section".into(), s.span));
    }
    for e in &p.doc.toc {
        spans.push((format!("toc {:?}", e.title), e.span));
    }
    for (pi, para) in p.doc.paragraphs.iter().enumerate() {
        spans.push((format!("paragraph {pi}"), para.span));
        for m in &para.mentions {
            spans.push((format!("paragraph {pi} mention"), m.span));
        }
    }
    let report = budgetlint::check(src);
    for f in &report.findings {
        for loc in f.locations() {
            spans.push((format!("finding {}", f.code), loc.span));
        }
    }
    for (what, s) in spans {
        if !span_ok(src, s) {
            bad.push(format!(
                "{what}: span {s:?} out of bounds or not on a char boundary"
            ));
        }
    }
    bad
}

#[test]
fn fixtures_keep_parser_invariants() {
    let mut failures = Vec::new();
    for (folder, stem, path) in fixture_files() {
        for v in invariant_violations(&read(&path)) {
            failures.push(format!("{folder}/{stem}: {v}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Rule defects found while writing the fixtures. Each case asserts what the checker does TODAY.
/// When a FIXME is fixed this test fails: move the text into its fixture folder as the named
/// `bad-`/`ok-` file and delete the case here.
#[test]
fn known_defects() {
    struct Case {
        code: &'static str,
        /// The fixture it should become once fixed.
        becomes: &'static str,
        text: &'static str,
        /// Findings of `code` today.
        today: usize,
    }
    let cases = [
        // FIXME: a one-cent difference between a total and its ONLY non-zero part is not reported
        // as an error in this five-row table. The arithmetic sees it (40.00 and 40.01 cannot both
        // be roundings of one value), but the identity fails in two of the five rows, so S101
        // cannot tell a real difference from columns it misread and only says the row identity
        // was not used ("未能核对"). In a table of more rows the same difference is reported.
        Case {
            code: "S101",
            becomes: "S101-row-total-mismatch/bad-one-cent-single-part.txt",
            text: "部门预算支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\
                   \t合计\t60.01\t60.00\t\n208\t社会保障和就业支出\t20.00\t20.00\t\n\
                   20805\t行政事业单位养老支出\t20.00\t20.00\t\n\
                   2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t\n\
                   210\t卫生健康支出\t40.01\t40.00\t\n",
            today: 0,
        },
    ];
    let mut changed = Vec::new();
    for c in &cases {
        assert!(
            ALL.iter().any(|r| r.code == c.code),
            "{} is not registered",
            c.code
        );
        let n = count(&check_only(c.text, c.code), c.code);
        if n != c.today {
            changed.push(format!(
                "{} now gives {n} {} finding(s) instead of {}: if fixed, add it as {} and delete the case",
                c.becomes, c.code, c.today, c.becomes
            ));
        }
    }
    assert!(changed.is_empty(), "\n{}", changed.join("\n"));
}
