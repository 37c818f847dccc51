//! Parser invariants on every seed and fixture, bad input, and the per-seed model snapshots.
use budgetlint::parse::{lines::split_lines, number::parse_amount, parse};
use std::path::{Path, PathBuf};

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn assert_invariants(src: &str) {
    let joined: String = split_lines(src).iter().map(|l| l.full.slice(src)).collect();
    assert_eq!(joined, src, "line layer is lossless");
    let p = parse(src);
    let ok = |s: budgetlint::text::Span| {
        s.end as usize <= src.len()
            && src.is_char_boundary(s.start as usize)
            && src.is_char_boundary(s.end as usize)
            && s.start <= s.end
    };
    for t in &p.doc.tables {
        assert!(ok(t.span) && ok(t.title_span));
        for r in &t.rows {
            assert!(ok(r.span) && ok(r.name_span));
            assert_eq!(r.cells.len(), t.columns.len());
            for c in r.cells.iter().flatten() {
                assert!(ok(c.span));
                let a = parse_amount(c.span.slice(src), true)
                    .unwrap_or_else(|| panic!("cell text {:?} is an amount", c.span.slice(src)));
                assert_eq!(a.value, c.value, "cell span parses to the cell value");
            }
        }
    }
    for para in &p.doc.paragraphs {
        assert!(ok(para.span));
        for m in &para.mentions {
            assert!(ok(m.span));
        }
    }
    for f in &p.findings {
        assert!(ok(f.primary.span));
    }
}

#[test]
fn invariants_hold_on_every_seed() {
    for s in seeds() {
        let src = std::fs::read_to_string(&s).unwrap();
        assert_invariants(&src);
    }
}

#[test]
fn every_seed_yields_its_standard_tables() {
    use budgetlint::model::TableKind::*;
    for s in seeds() {
        let src = std::fs::read_to_string(&s).unwrap();
        let p = parse(&src);
        for k in [
            IncomeExpenditureSummary,
            FiscalSummary,
            GeneralBudgetExpenditure,
            BasicExpenditure,
        ] {
            assert!(
                p.doc
                    .tables
                    .iter()
                    .any(|t| t.kind == k && !t.rows.is_empty()),
                "{}: no {:?}",
                s.display(),
                k
            );
        }
        assert!(
            p.doc.meta.year.is_some()
                && p.doc.meta.department.is_some()
                && p.doc.meta.unit.is_some(),
            "{}",
            s.display()
        );
    }
}

#[test]
fn seed_000_has_department_and_two_unit_sections() {
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/000_b74d73884716a2a0.txt"),
    )
    .unwrap();
    let p = parse(&src);
    let kinds: Vec<_> = p.doc.sections.iter().map(|s| s.kind).collect();
    use budgetlint::model::SectionKind::*;
    assert_eq!(kinds, vec![Department, Unit, Unit]);
}

#[test]
fn vanished_cells_are_placed_by_the_hierarchy() {
    // seed 001 is PDF text: 行政运行 378.88 378.88 must be 合计 + 基本支出
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/001_c9c5d3a72905beca.txt"),
    )
    .unwrap();
    let p = parse(&src);
    let t = p
        .doc
        .tables
        .iter()
        .find(|t| t.kind == budgetlint::model::TableKind::ExpenditureSummary)
        .unwrap();
    let r = &t.rows[t.row_by_code("2101501").unwrap()];
    let basic = t.col(budgetlint::model::ColKey::Basic).unwrap();
    assert_eq!(r.cell(basic).unwrap().value.to_string(), "378.88");
    assert!(r.cell(basic).unwrap().certain);
    let r = &t.rows[t.row_by_code("2101599").unwrap()];
    let project = t.col(budgetlint::model::ColKey::Project).unwrap();
    assert_eq!(r.cell(project).unwrap().value.to_string(), "210.32");
}

#[test]
fn bad_input_never_panics_and_says_so() {
    let mut noise = String::new();
    let mut x: u32 = 12345;
    for _ in 0..20000 {
        x = x.wrapping_mul(1103515245).wrapping_add(12345);
        noise.push(char::from_u32(x >> 16 & 0xFFFF).unwrap_or('\u{FFFD}'));
    }
    for src in [
        "",
        "   \n\t\n",
        "今天天气很好。我们去公园。",
        noise.as_str(),
        "表1\n\n合计\t\t\n栏次",
    ] {
        assert_invariants(src);
        let p = parse(src);
        assert!(
            p.findings.iter().any(|f| f.code == "P001"),
            "{src:?} has a P001"
        );
    }
}

#[test]
fn large_input_parses() {
    let src = std::fs::read_to_string(&seeds()[2]).unwrap();
    let big = src.repeat(8_000_000 / src.len() + 1);
    let p = parse(&big);
    assert!(p.doc.tables.len() > 100);
}

#[test]
fn model_snapshots() {
    for s in seeds() {
        let src = std::fs::read_to_string(&s).unwrap();
        let dump = budgetlint::render::text::parsed(&src, &parse(&src));
        insta::assert_snapshot!(
            format!("parse_{}", s.file_stem().unwrap().to_string_lossy()),
            dump
        );
    }
}

#[test]
fn fifty_megabytes_of_prose_give_no_tables_and_say_so() {
    let line = "今天天气很好，我们去公园散步。2023年的春天来得早。\n";
    let src = line.repeat(50_000_000 / line.len() + 1);
    let p = parse(&src);
    assert!(p.doc.tables.is_empty());
    assert!(p.findings.iter().any(|f| f.code == "P001"));
}
