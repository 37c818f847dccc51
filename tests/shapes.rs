//! Metamorphic test of the grid readers (`parse::shapes`): the same tables written in another text
//! shape must give the same model and the same findings.
//!
//! A converter rewrites every line holding a tab of a tab-separated document (the reference
//! shape: `records::build` splits such a line at its tabs) into `| a | b |` rows with a `|---|`
//! rule after the first row of each run of tab lines, `a | b` rows without outer pipes or rule,
//! CSV (a field quoted when it holds `,` or `"`), or HTML (each run of tab lines one `<table>`
//! with a `<tr><td>…</td></tr>` line per row). Cell text is written as it is: the HTML is not
//! escaped (no seed cell holds `<`, `>` or `&` other than `<b>` tags, which the markup reader
//! skips as it skips any tag and which the tab reader trims), and the pipe shapes do not escape
//! `|` (no seed cell holds one). Lines without tabs stay as they are.
//!
//! Sources: seeds 002 and 004 (tab-separated with thousands separators) and 003 (markdown-ish with
//! tab rows and `<b>` tags). No corpus document has tab-separated rows (only
//! 01_zhengzhou_landres_budget_2015_html.txt holds tabs, as the indentation of its HTML source),
//! so none is converted.
//!
//! Compared for each shape: every table (kind, number, title, unit, columns, and per row its
//! 序号, code, name, role and every cell's value, scale and certainty by column), the 目录, the
//! document's meta, and the findings of the full check as a multiset of (code, severity,
//! message). Spans differ between shapes, so they are not compared; instead every cell's span
//! must slice, in the converted text, to text that parses to the cell's value. Not compared: the
//! narrative (`parse::narrative` reads the raw lines, and a table row outside every table is a
//! line of text to it, whose words and heading status depend on the delimiter). Differences made
//! by parser code after the readers are listed below ([`CODE_FROM_A_TAB_ROW_TODAY`]) and asserted
//! as they are today.
//!
//! A second test makes sure the `|` and CSV readers leave prose and PDF text alone: on every
//! corpus document except the `|` and HTML ones they claim no line.
#![cfg(not(target_arch = "wasm32"))]

use budgetlint::model::Document;
use budgetlint::parse::lines::split_lines;
use budgetlint::parse::number::parse_amount;
use budgetlint::parse::shapes::{delimited, markup};
use budgetlint::parse::{parse, Parsed};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    /// `| a | b |` with a `|---|---|` rule after the first row of each run.
    PipeOuter,
    /// `a | b`, no outer pipes, no rule.
    PipeBare,
    Csv,
    Html,
}

const SHAPES: [Shape; 4] = [Shape::PipeOuter, Shape::PipeBare, Shape::Csv, Shape::Html];

const SEEDS: [&str; 3] = [
    "002_ae63254e50cfffaf",
    "004_b38152ec093229da",
    "003_9d927ef525b240df",
];

fn seed(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(format!("{name}.txt"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn corpus_dir() -> PathBuf {
    match std::env::var_os("BUDGETLINT_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

fn csv_field(c: &str) -> String {
    if c.contains([',', '"']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c.to_string()
    }
}

fn row(shape: Shape, cells: &[&str]) -> String {
    match shape {
        Shape::PipeOuter => format!("| {} |", cells.join(" | ")),
        Shape::PipeBare => cells.join(" | "),
        Shape::Csv => cells
            .iter()
            .map(|c| csv_field(c))
            .collect::<Vec<_>>()
            .join(","),
        Shape::Html => {
            let tds: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
            format!("<tr>{tds}</tr>")
        }
    }
}

/// Rewrite every run of lines holding a tab into `shape`.
fn convert(src: &str, shape: Shape) -> String {
    let lines = split_lines(src);
    let mut out = String::with_capacity(src.len() * 2);
    let mut k = 0;
    while k < lines.len() {
        if lines[k].tabs == 0 {
            out.push_str(lines[k].full.slice(src));
            k += 1;
            continue;
        }
        let end = (k..lines.len())
            .find(|&j| lines[j].tabs == 0)
            .unwrap_or(lines.len());
        if shape == Shape::Html {
            out.push_str("<table>\n");
        }
        for (n, l) in lines[k..end].iter().enumerate() {
            let cells: Vec<&str> = l.text.split('\t').collect();
            let term = &src[l.start + l.text.len()..l.full.end as usize];
            out.push_str(&row(shape, &cells));
            out.push_str(if term.is_empty() { "\n" } else { term });
            if n == 0 && shape == Shape::PipeOuter {
                out.push('|');
                for _ in &cells {
                    out.push_str("---|");
                }
                out.push('\n');
            }
        }
        if shape == Shape::Html {
            out.push_str("</table>\n");
        }
        k = end;
    }
    out
}

/// The model as lines of text without spans: what must not depend on the shape. `names` maps a
/// name as the shape prints it to the reference's (CSV keeps `""` of a quoted field as printed).
fn model_lines(doc: &Document, names: &dyn Fn(&str) -> String) -> Vec<String> {
    let mut out = vec![format!(
        "meta {:?} {:?} {:?} {:?} (the code is compared on its own)",
        doc.meta.department, doc.meta.year, doc.meta.unit, doc.meta.kind
    )];
    for e in &doc.toc {
        out.push(format!(
            "toc {:?} {} {:?} {}",
            e.number, e.title, e.kind, e.declared_empty
        ));
    }
    for t in &doc.tables {
        out.push(format!(
            "table {:?} {:?} {} {:?} empty={} groups={:?}",
            t.kind, t.number, t.title, t.unit, t.empty, t.groups
        ));
        for c in &t.columns {
            out.push(format!(
                "  col {:?} {} {}",
                c.key,
                names(&c.header),
                c.group
            ));
        }
        for r in &t.rows {
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|c| match c {
                    Some(c) => format!(
                        "{}/{}{}",
                        c.value,
                        c.scale,
                        if c.certain { "" } else { "?" }
                    ),
                    None => "_".to_string(),
                })
                .collect();
            out.push(format!(
                "  row {:?} {:?} {} {:?} g{} {:?} [{}]",
                r.seq,
                r.code.as_ref().map(|c| &c.text),
                names(&r.name),
                r.role,
                r.group,
                r.category.as_deref().map(names),
                cells.join(" ")
            ));
        }
    }
    out
}

fn filled_cells(p: &Parsed) -> usize {
    p.doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .map(|r| r.cells.iter().flatten().count())
        .sum()
}

fn findings(src: &str) -> Vec<String> {
    let mut v: Vec<String> = budgetlint::check(src)
        .findings
        .iter()
        .map(|f| format!("{} {:?} {}", f.code, f.severity, f.message))
        .collect();
    v.sort();
    v
}

/// Every cell's span slices to text that parses to its value.
fn spans_point_at_the_numbers(what: &str, src: &str, p: &Parsed) {
    for t in &p.doc.tables {
        for r in &t.rows {
            for c in r.cells.iter().flatten() {
                let text = c.span.slice(src);
                let a = parse_amount(text, true).unwrap_or_else(|| {
                    panic!(
                        "{what}: table {:?} row {:?}: cell text {text:?} is no amount",
                        t.title, r.name
                    )
                });
                assert_eq!(a.value, c.value, "{what}: cell {text:?} in {:?}", r.name);
            }
        }
    }
}

/// The first difference of two line lists, with the lines around it.
fn first_difference(a: &[String], b: &[String]) -> Option<String> {
    let k = (0..a.len().max(b.len())).find(|&k| a.get(k) != b.get(k))?;
    let from = k.saturating_sub(3);
    let show = |v: &[String]| v[from.min(v.len())..(k + 3).min(v.len())].join("\n");
    Some(format!(
        "line {k}:\n--- tab-separated\n{}\n--- converted\n{}",
        show(a),
        show(b)
    ))
}

/// Differences made after the readers, by parser code that reads the raw lines instead of the
/// records. The test asserts them as they are today: fixing the cause makes it fail, and the entry
/// must be removed then.
///
/// FIXME(parse/mod.rs `read_meta`): the department code of seed 004 (506) is read from a line of
/// the source whose first word is a code, "506\t汉中市医疗保障局\t10,406,991.00…", a data row of
/// 表2; the words of that line are split at white space, tabs included, so only the tab-separated
/// shape gives a code (a `|`, `,` or `<td>` follows the code in the others). Reading grid records
/// (their first two cells) instead of lines would give it in every shape.
const CODE_FROM_A_TAB_ROW_TODAY: &[&str] = &["004_b38152ec093229da"];

#[test]
fn every_shape_gives_the_tables_and_findings_of_the_tab_separated_text() {
    let mut failures = Vec::new();
    for name in SEEDS {
        let src = seed(name);
        let reference = parse(&src);
        let same = |s: &str| s.to_string();
        let want = model_lines(&reference.doc, &same);
        let want_findings = findings(&src);
        assert!(
            !reference.doc.tables.is_empty() && filled_cells(&reference) > 100,
            "{name}: the reference has tables"
        );
        for shape in SHAPES {
            let text = convert(&src, shape);
            // (SHAPES_DUMP=dir writes the converted texts, to look at them with `budgetlint parse`)
            if let Some(d) = std::env::var_os("SHAPES_DUMP") {
                let p = Path::new(&d).join(format!("{name}_{shape:?}.txt"));
                std::fs::write(&p, &text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            }
            assert_ne!(text, src, "{name} {shape:?}: converted");
            assert!(!text.contains('\t'), "{name} {shape:?}: no tab left");
            let got = parse(&text);
            let what = format!("{name} {shape:?}");
            spans_point_at_the_numbers(&what, &text, &got);
            let unquote = |s: &str| s.replace("\"\"", "\"");
            let names: &dyn Fn(&str) -> String = if shape == Shape::Csv { &unquote } else { &same };
            let have = model_lines(&got.doc, names);
            let have_findings = findings(&text);
            eprintln!(
                "{what}: {} tables, {} rows, {} cells, {} findings (reference {} / {} / {} / {})",
                got.doc.tables.len(),
                got.doc.tables.iter().map(|t| t.rows.len()).sum::<usize>(),
                filled_cells(&got),
                have_findings.len(),
                reference.doc.tables.len(),
                reference
                    .doc
                    .tables
                    .iter()
                    .map(|t| t.rows.len())
                    .sum::<usize>(),
                filled_cells(&reference),
                want_findings.len(),
            );
            let code = (
                &reference.doc.meta.department_code,
                &got.doc.meta.department_code,
            );
            if CODE_FROM_A_TAB_ROW_TODAY.contains(&name) {
                assert!(
                    code.0.is_some() && code.1.is_none(),
                    "{what}: FIXME fixed? {code:?}"
                );
            } else if code.0 != code.1 {
                failures.push(format!("{what}: department code {code:?}"));
            }
            if let Some(d) = first_difference(&want, &have) {
                failures.push(format!("{what}: model differs at {d}"));
            }
            if let Some(d) = first_difference(&want_findings, &have_findings) {
                failures.push(format!("{what}: findings differ at {d}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn converter_writes_each_shape() {
    let src = "表1 收支总表\n项目\t金额\n合计\t\"1,234.00\"\n说明";
    assert_eq!(
        convert(src, Shape::PipeOuter),
        "表1 收支总表\n| 项目 | 金额 |\n|---|---|\n| 合计 | \"1,234.00\" |\n说明"
    );
    assert_eq!(
        convert(src, Shape::PipeBare),
        "表1 收支总表\n项目 | 金额\n合计 | \"1,234.00\"\n说明"
    );
    assert_eq!(
        convert(src, Shape::Csv),
        "表1 收支总表\n项目,金额\n合计,\"\"\"1,234.00\"\"\"\n说明"
    );
    assert_eq!(
        convert(src, Shape::Html),
        "表1 收支总表\n<table>\n<tr><td>项目</td><td>金额</td></tr>\n<tr><td>合计</td><td>\"1,234.00\"</td></tr>\n</table>\n说明"
    );
}

#[test]
fn delimited_readers_leave_prose_and_pdf_text_alone() {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "{}: the corpus", dir.display());
    let mut claimed = Vec::new();
    let mut checked = 0;
    for p in &files {
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        if stem.contains("pipecells") || stem.contains("html") {
            continue;
        }
        checked += 1;
        let src = std::fs::read_to_string(p).expect("corpus file");
        let lines = split_lines(&src);
        for i in 0..lines.len() {
            for (reader, got) in [
                ("pipe", delimited::pipe_block(&src, &lines, i)),
                ("csv", delimited::csv_block(&src, &lines, i)),
                ("markup", markup::block(&src, &lines, i)),
            ] {
                if got.is_some() {
                    claimed.push(format!("{stem}:{}: {reader}: {}", i + 1, lines[i].text));
                }
            }
        }
    }
    assert!(checked >= 30);
    assert!(claimed.is_empty(), "claimed:\n{}", claimed.join("\n"));
}

/// Corpus 04: the `|` reader reads its table of one cell per line.
#[test]
fn pipe_cells_of_corpus_04_are_rows() {
    let p = corpus_dir().join("04_qujiang_district_sangong_final_2016_pipecells.txt");
    let src = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let lines = split_lines(&src);
    let start = lines
        .iter()
        .position(|l| l.text == "年度")
        .expect("the header");
    let b = delimited::pipe_block(&src, &lines, start).expect("a block");
    assert_eq!(b.end, lines.len());
    let rows: Vec<Vec<&str>> = b
        .recs
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text).collect())
        .collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(
        rows[2],
        ["2015年", "2840", "90", "1400", "1350", "73", "1277"]
    );
    assert_eq!(
        rows[3],
        ["2016年", "2364", "12", "1356", "996", "37", "959"]
    );
    assert_eq!(
        rows[4],
        [
            "2016年比2015年增减%",
            "-16.77",
            "-86.62",
            "-3.14",
            "-26.24",
            "-47.95",
            "-24.98"
        ]
    );
    for r in &b.recs {
        for c in r.cells.iter() {
            assert_eq!(c.span.slice(&src), c.text);
        }
    }
}
