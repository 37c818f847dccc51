//! Registry meta-tests and the rule doc examples: every ```text,expect(CODE) block yields a finding
//! of CODE, every plain ```text block yields none of that rule's code.
use budgetlint::rules::registry::ALL;
use std::collections::HashSet;
use std::path::Path;

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for r in ALL {
        let b = r.code.as_bytes();
        assert!(
            b.len() == 4 && b"PSXN".contains(&b[0]) && b[1..].iter().all(u8::is_ascii_digit),
            "{}",
            r.code
        );
        assert_eq!(
            r.code.as_bytes()[0] as char,
            r.category.letter(),
            "{}",
            r.code
        );
        assert!(codes.insert(r.code), "duplicate {}", r.code);
        assert!(names.insert(r.name), "duplicate {}", r.name);
        assert!(
            r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !r.name.starts_with("check-")
                && !r.name.starts_with("validate-"),
            "{}",
            r.name
        );
    }
}

/// The parser names its own findings without importing the rules: its table must say what the
/// registry says.
#[test]
fn parse_codes_agree_with_the_registry() {
    for (code, name, severity) in budgetlint::parse::PARSE_CODES {
        let r = budgetlint::rules::registry::by_code(code).expect(code);
        assert_eq!(
            (r.code, r.name, r.severity),
            (code, name, severity),
            "{code}"
        );
        assert_eq!(
            budgetlint::rules::registry::parse_rule(code),
            (name, severity)
        );
    }
}

#[test]
fn every_rule_is_documented() {
    for r in ALL {
        let d = r.doc();
        assert!(
            !r.summary().is_empty() && !r.summary().starts_with('#'),
            "{}",
            r.code
        );
        for s in ["## 检查内容", "## 为什么重要", "## 示例"] {
            assert!(d.contains(s), "{} lacks {s}", r.code);
        }
        assert!(
            d.contains(&format!("```text,expect({})", r.code)),
            "{} has no failing example",
            r.code
        );
    }
}

fn examples(doc: &str) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(Option<String>, String)> = None;
    for line in doc.lines() {
        let t = line.trim_end();
        if let Some((expect, body)) = cur.as_mut() {
            if t == "```" {
                out.push((expect.take(), std::mem::take(body)));
                cur = None;
            } else {
                body.push_str(line);
                body.push('\n');
            }
        } else if let Some(rest) = t.strip_prefix("```text") {
            let expect = rest
                .strip_prefix(",expect(")
                .map(|r| r.trim_end_matches(')').to_string());
            cur = Some((expect, String::new()));
        }
    }
    out
}

#[test]
fn doc_examples_trigger_and_pass() {
    let mut failures = Vec::new();
    for r in ALL {
        let ex = examples(&r.doc());
        assert!(!ex.is_empty(), "{}", r.code);
        for (expect, body) in ex {
            let report = budgetlint::check(&body);
            let n = report.findings.iter().filter(|f| f.code == r.code).count();
            match expect {
                Some(code) => {
                    assert_eq!(code, r.code);
                    if n == 0 {
                        failures.push(format!("{} example should trigger it", r.code));
                    }
                }
                None => {
                    if n != 0 {
                        failures.push(format!(
                            "{} example should pass: {:?}",
                            r.code,
                            report
                                .findings
                                .iter()
                                .map(|f| &f.message)
                                .collect::<Vec<_>>()
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn seed_reports_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let report = budgetlint::check(&src);
        insta::assert_snapshot!(
            format!("check_{}", f.file_stem().unwrap().to_string_lossy()),
            budgetlint::render::text::report(&src, &report)
        );
    }
}

#[test]
fn seeds_have_no_false_errors_and_find_the_known_ones() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let errors = |name: &str| {
        let src = std::fs::read_to_string(dir.join(name)).unwrap();
        budgetlint::check(&src)
            .findings
            .into_iter()
            .filter(|f| f.severity != budgetlint::report::Severity::Info)
            .map(|f| f.code)
            .collect::<Vec<_>>()
    };
    assert!(!errors("000_b74d73884716a2a0.txt")
        .iter()
        .any(|c| c.starts_with('S') || c.starts_with('X')));
    let e1 = errors("001_c9c5d3a72905beca.txt");
    assert_eq!(e1.iter().filter(|c| **c == "N302").count(), 2, "{e1:?}");
    // 002's tables all add up: its only findings are the two 人员/公用 classification warnings
    let e2 = errors("002_ae63254e50cfffaf.txt");
    assert_eq!(e2, ["X205", "S110"], "{e2:?}");
    let e4 = errors("004_b38152ec093229da.txt");
    assert!(e4.contains(&"P004") && e4.contains(&"X201"), "{e4:?}");
}

/// EXPECTED.md lists every error and warning per seed; the checker must report exactly those.
#[test]
fn expected_md_lists_exactly_the_reported_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let md = std::fs::read_to_string(dir.join("EXPECTED.md")).unwrap();
    let mut expected: std::collections::BTreeMap<String, Vec<(String, String, String)>> =
        Default::default();
    let mut current = String::new();
    for line in md.lines() {
        if let Some(name) = line.strip_prefix("## ").filter(|n| n.ends_with(".txt")) {
            current = name.trim().to_string();
            expected.entry(current.clone()).or_default();
        } else if line.starts_with("| ") && !line.starts_with("| code") && !current.is_empty() {
            let cols: Vec<&str> = line.split('|').map(str::trim).collect();
            expected.get_mut(&current).unwrap().push((
                cols[1].to_string(),
                cols[2].to_string(),
                cols[3].to_string(),
            ));
        }
    }
    assert_eq!(expected.len(), 5, "EXPECTED.md covers the five seeds");
    for (name, mut want) in expected {
        let src = std::fs::read_to_string(dir.join(&name)).unwrap();
        let idx = budgetlint::text::LineIndex::new(&src);
        let report = budgetlint::check(&src);
        let mut got: Vec<(String, String, String)> = report
            .findings
            .iter()
            .filter(|f| f.severity != budgetlint::report::Severity::Info)
            .map(|f| {
                let (l, c) = idx.line_col(&src, f.primary.span.start);
                (
                    f.code.to_string(),
                    f.severity.as_str().to_string(),
                    format!("{l}:{c}"),
                )
            })
            .collect();
        got.sort();
        want.sort();
        assert_eq!(
            got, want,
            "{name}: reported findings differ from EXPECTED.md"
        );
    }
}
