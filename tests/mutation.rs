//! Property test: changing one amount of a standard table by one unit of its last integer digit
//! must produce an error or warning whose primary or related location covers that amount.
//! Prints the detection rate per seed and the misses; asserts the overall rate is at least 99 %.
use budgetlint::model::TableKind::*;
use budgetlint::report::Severity;
use rust_decimal::Decimal;
use std::path::Path;

mod common;
use common::format_like;

#[test]
fn single_amount_changes_are_detected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let (mut total, mut hit) = (0usize, 0usize);
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let doc = budgetlint::parse::parse(&src).doc;
        let mut cells = Vec::new();
        for t in &doc.tables {
            if !matches!(
                t.kind,
                IncomeExpenditureSummary
                    | IncomeSummary
                    | ExpenditureSummary
                    | FiscalSummary
                    | GeneralBudgetExpenditure
                    | BasicExpenditure
                    | ThreePublic
            ) {
                continue;
            }
            for r in &t.rows {
                for c in r.cells.iter().flatten() {
                    if c.certain && !c.value.is_zero() && c.scale < 20 {
                        cells.push(*c);
                    }
                }
            }
        }
        // a deterministic sample keeps the debug-build test fast
        let stride = (cells.len() / 60).max(1);
        let (mut n, mut k) = (0, 0);
        let mut misses = Vec::new();
        for c in cells.iter().step_by(stride) {
            let orig = c.span.slice(&src);
            let new = format_like(orig, c.value + Decimal::ONE);
            let mutated = format!(
                "{}{}{}",
                &src[..c.span.start as usize],
                new,
                &src[c.span.end as usize..]
            );
            let (a, b) = (c.span.start, c.span.start + new.len() as u32);
            let report = budgetlint::check(&mutated);
            let found = report
                .findings
                .iter()
                .filter(|x| x.severity != Severity::Info)
                .any(|x| x.locations().any(|l| l.span.start < b && a < l.span.end));
            n += 1;
            if found {
                k += 1;
            } else {
                let idx = budgetlint::text::LineIndex::new(&src);
                misses.push(format!(
                    "{:?} {orig}→{new}",
                    idx.line_col(&src, c.span.start)
                ));
            }
        }
        println!(
            "{}: {k}/{n} mutations detected; misses: {}",
            f.file_name().unwrap().to_string_lossy(),
            misses.join(", ")
        );
        total += n;
        hit += k;
    }
    let rate = hit as f64 / total as f64;
    println!(
        "overall detection rate {:.1}% ({hit}/{total})",
        rate * 100.0
    );
    assert!(rate >= 0.99, "detection rate fell to {:.1}%", rate * 100.0);
}
