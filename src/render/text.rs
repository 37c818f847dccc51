//! The single text format: what a person reads in a terminal, and what snapshots record.
use crate::model::{Document, Table};
use crate::parse::Parsed;
use crate::report::{Finding, Location, Report, Severity};
use crate::rules::registry;
use crate::text::LineIndex;
use std::fmt::Write;

/// Describe a location: table · row · column · line:col-line:col "text".
pub fn describe(src: &str, idx: &LineIndex, doc: &Document, loc: &Location) -> String {
    let mut s = String::new();
    if let Some(c) = loc.cell {
        if let Some(t) = doc.tables.get(c.table) {
            let _ = write!(s, "{} · ", t.label());
            if let Some(r) = t.rows.get(c.row) {
                let name = if r.name.is_empty() {
                    r.code.as_ref().map(|c| c.text.clone()).unwrap_or_default()
                } else {
                    r.name.split_whitespace().collect::<String>()
                };
                let _ = write!(s, "行{}「{}」 · ", c.row + 1, name);
            }
            if let Some(col) = t.columns.get(c.col) {
                let _ = write!(s, "列「{}」 · ", col.header.replace('\n', ""));
            }
        }
    }
    let (l1, c1) = idx.line_col(src, loc.span.start);
    let (l2, c2) = idx.line_col(src, loc.span.end);
    let quoted: String = loc
        .span
        .slice(src)
        .chars()
        .take(40)
        .collect::<String>()
        .replace(['\n', '\t'], " ");
    let _ = write!(s, "{l1}:{c1}-{l2}:{c2} \"{quoted}\"");
    s
}

pub fn finding(src: &str, idx: &LineIndex, doc: &Document, f: &Finding) -> String {
    let mut s = format!(
        "{} {} {}\n  at {}\n",
        f.code,
        f.severity.as_str(),
        f.message,
        describe(src, idx, doc, &f.primary)
    );
    for r in &f.related {
        let _ = writeln!(
            s,
            "  related {} · {}",
            r.label,
            describe(src, idx, doc, &r.loc)
        );
    }
    s
}

pub fn report(src: &str, r: &Report) -> String {
    report_with(src, r, &|_| None)
}

/// The report, each finding followed by where it is in the file the text came from ("（Sheet1!C7）").
pub fn report_with(src: &str, r: &Report, origin: &dyn Fn(&Finding) -> Option<String>) -> String {
    let idx = LineIndex::new(src);
    let mut s = String::new();
    let m = &r.doc.meta;
    let _ = writeln!(
        s,
        "{} {} {} · {} 张表 · {} 项检查",
        m.department.as_deref().unwrap_or("（未识别部门）"),
        m.year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "（未识别年度）".into()),
        m.unit.map(|u| u.label()).unwrap_or("（未识别单位）"),
        r.doc.tables.len(),
        r.checks_run
    );
    let cov = crate::report::Coverage::of(r);
    let _ = writeln!(s, "{}", cov.summary());
    if cov.is_thin() {
        let _ = writeln!(
            s,
            "注意：这份文字里只有很少的数字得到核对，没有发现问题不等于没有问题"
        );
    }
    for f in &r.findings {
        s.push('\n');
        s.push_str(&finding(src, &idx, &r.doc, f));
        if let Some(o) = origin(f) {
            let _ = writeln!(s, "  （{o}）");
        }
    }
    if !r.checks_skipped.is_empty() {
        let _ = writeln!(s, "\n未能核对（{} 项）:", r.checks_skipped.len());
        for k in &r.checks_skipped {
            let _ = writeln!(s, "  {} — {}", k.check, k.reason);
        }
    }
    let _ = writeln!(
        s,
        "\n{} 个错误, {} 个警告, {} 条提示",
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Info)
    );
    s
}

fn table_dump(src: &str, idx: &LineIndex, t: &Table, s: &mut String) {
    let (l, _) = idx.line_col(src, t.span.start);
    let _ = writeln!(
        s,
        "TABLE {} {:?} {:?} section={} unit={} line={} rows={}{}{}",
        t.id,
        t.kind,
        t.label(),
        t.section,
        t.unit.label(),
        l,
        t.rows.len(),
        if t.empty { " EMPTY" } else { "" },
        if t.groups.len() > 1 {
            format!(" groups={:?}", t.groups)
        } else {
            String::new()
        }
    );
    for (i, c) in t.columns.iter().enumerate() {
        let _ = writeln!(s, "  COL {i} g{} {:?} {:?}", c.group, c.key, c.header);
    }
    for r in &t.rows {
        let cells: Vec<String> = r
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                c.as_ref().map(|c| {
                    format!(
                        "{i}={}{}",
                        c.span.slice(src),
                        if c.certain { "" } else { "?" }
                    )
                })
            })
            .collect();
        let _ = writeln!(
            s,
            "  ROW g{} {:?}{}{} {:?}{}{} [{}]",
            r.group,
            r.role,
            r.seq.map(|q| format!(" #{q}")).unwrap_or_default(),
            r.code
                .as_ref()
                .map(|c| format!(" {}", c.text))
                .unwrap_or_default(),
            r.name.split_whitespace().collect::<String>(),
            r.category
                .as_ref()
                .map(|c| format!(" 类型={c}"))
                .into_iter()
                .chain(r.econ_code.as_ref().map(|c| format!(" 经济={}", c.text)))
                .collect::<String>(),
            if r.ambiguous { " AMBIGUOUS" } else { "" },
            cells.join(" ")
        );
    }
    for n in &t.notes {
        let _ = writeln!(
            s,
            "  NOTE {:?}",
            n.text.chars().take(40).collect::<String>()
        );
    }
}

/// The model dump (like rust-analyzer's .rast): one line per table, column and row; findings last.
pub fn parsed(src: &str, p: &Parsed) -> String {
    let idx = LineIndex::new(src);
    let mut s = String::new();
    let m = &p.doc.meta;
    let _ = writeln!(
        s,
        "DOCUMENT {:?} code={:?} year={:?} unit={:?} kind={:?}",
        m.department,
        m.department_code,
        m.year,
        m.unit.map(|u| u.label()),
        m.kind
    );
    for (i, sec) in p.doc.sections.iter().enumerate() {
        let _ = writeln!(
            s,
            "SECTION {i} {:?} {:?} {:?}",
            sec.kind, sec.name, sec.span
        );
    }
    for e in &p.doc.toc {
        let _ = writeln!(
            s,
            "TOC {:?} {:?} {:?}{}",
            e.number,
            e.title,
            e.kind,
            if e.declared_empty {
                " declared-empty"
            } else {
                ""
            }
        );
    }
    for t in &p.doc.tables {
        table_dump(src, &idx, t, &mut s);
    }
    let mentions: usize = p.doc.paragraphs.iter().map(|x| x.mentions.len()).sum();
    let _ = writeln!(
        s,
        "NARRATIVE paragraphs={} mentions={}",
        p.doc.paragraphs.len(),
        mentions
    );
    for f in &p.findings {
        s.push_str(&finding(src, &idx, &p.doc, f));
    }
    s
}

pub fn rules_list() -> String {
    let mut s = String::new();
    for r in registry::ALL {
        let _ = writeln!(
            s,
            "{} {:<34} {:<8} {}",
            r.code,
            r.name,
            r.severity.as_str(),
            r.summary()
        );
    }
    s
}
