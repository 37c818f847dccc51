//! Finding the tables: the captions a table body follows, the 目录 entries, where each table ends
//! (page furniture skipped; a terminator, a section heading or a note that declares the table empty
//! ends it), a table a page break split under a repeated caption joined back, amounts under a
//! caption that could not be read, and the sections (部门 / 单位) the tables fall in.
use super::body::Builder;
use super::caption::{
    declares_empty, is_note, is_section_heading, is_table_number, is_terminator, strip_decor,
    tabular, title_at, toc_row, Title,
};
use crate::model::*;
use crate::parse::lines::Line;
use crate::parse::number::parse_amount;
use crate::parse::records::Rec;
use crate::parse::{is_page_header, is_page_number, Diags, P_UNCONFIRMED};
use crate::text::fast::{contains, trim};
use crate::text::Span;

pub struct Found {
    pub tables: Vec<Table>,
    pub toc: Vec<TocEntry>,
    pub captions: Vec<Caption>,
    pub sections: Vec<Section>,
    /// Line ranges `[start, end)` that belong to tables (the narrative reader skips them).
    pub table_lines: Vec<(usize, usize)>,
}

/// Running page headers: short lines printed three times or more that name the publication
/// ("无锡市信访局 2025 年度部门预算公开" on every page of corpus 24 and 34).
fn running_lines<'a>(lines: &[Line<'a>]) -> std::collections::HashSet<&'a str> {
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in lines {
        let t = trim(l.text);
        if (6..=120).contains(&t.len())
            && l.tabs == 0
            && (contains(t, "公开") || contains(t, "年度"))
            && !t.contains(['，', '。'])
        {
            *count.entry(t).or_default() += 1;
        }
    }
    count
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(t, _)| t)
        .collect()
}

/// How many amounts other than zero (printed with decimals or thousands separators) a text holds.
/// Whole amounts in 元 ("25178500") and classification codes count too: either is a row.
fn printed_amounts(text: &str) -> usize {
    text.lines()
        .filter(|l| !is_page_header(l))
        .flat_map(|l| l.split(|c: char| c.is_whitespace()))
        .filter(|w| {
            let b = w.as_bytes();
            let year = b.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1990..=2100).contains(&y));
            if b.len() >= 3 && b.iter().all(u8::is_ascii_digit) {
                return !year && b.iter().any(|d| *d != b'0');
            }
            (w.contains('.') || w.contains(','))
                && b.first().is_some_and(u8::is_ascii_digit)
                && parse_amount(w, false).is_some_and(|a| !a.value.is_zero())
        })
        .count()
}

pub fn find_tables(
    src: &str,
    lines: &[Line],
    recs: &[Rec],
    meta: &Meta,
    diags: &mut Diags,
) -> Found {
    let running = running_lines(lines);
    // 1. candidate titles
    let mut cands: Vec<Title> = Vec::new();
    let mut i = 0;
    while i < recs.len() {
        if let Some(t) = title_at(recs, i) {
            i = t.next;
            cands.push(t);
        } else {
            i += 1;
        }
    }
    // 2. a candidate is a table title when a table body follows before the next candidate
    let mut titles: Vec<Title> = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        let limit = cands
            .get(ci + 1)
            .map(|n| n.rec)
            .unwrap_or(recs.len())
            .min(c.next + 14);
        if (c.next..limit).any(|j| tabular(&recs[j], lines, src)) {
            titles.push(c.clone());
        }
    }
    // 3. 目录: grid rows "表N title 是/否", or candidates/lines before the first table inside a 目录 area
    let mut toc = Vec::new();
    let first_table = titles.first().map(|t| t.rec).unwrap_or(recs.len());
    let mut in_toc = false;
    let mut toc_tables = false;
    for r in recs.iter() {
        if let Some(e) = toc_row(r) {
            toc.push(e);
            continue;
        }
        if r.line >= recs.get(first_table).map(|x| x.line).unwrap_or(usize::MAX) {
            continue;
        }
        let text = r.filled().next().map(|t| t.text).unwrap_or("");
        let s = strip_decor(text);
        let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.ends_with("目录") && compact.chars().count() <= 20 {
            in_toc = true;
            continue;
        }
        if !in_toc {
            continue;
        }
        let ends = s.contains(['，', '。'])
            || (s.contains('：') && !s.contains("附件"))
            || (compact.chars().count() > 70 && !s.contains("...."));
        if ends {
            in_toc = false;
            continue;
        }
        if compact.contains("附件")
            || compact.ends_with("预算表") && compact.contains("年度")
            || compact.ends_with("公开表")
        {
            toc_tables = true;
        }
        // "表9  2019年…政府性基金收支表   是   本单位无政府性基金预算": the 是否空表 column and
        // its reason (the 目录 of corpus 10, 12 and 14 in space-aligned text)
        let words: Vec<&str> = s.split_whitespace().collect();
        let flag = words
            .iter()
            .skip(1)
            .position(|w| matches!(*w, "是" | "否"))
            .map(|k| k + 1);
        let (s, declared_empty, reason) = match flag {
            Some(k) => {
                let at = s.find(&format!(" {}", words[k])).unwrap_or(s.len());
                let reason = words[k + 1..].join("");
                (
                    trim(&s[..at]),
                    words[k] == "是",
                    (!reason.is_empty()).then_some(reason),
                )
            }
            None => (s, false, None),
        };
        let number = words
            .first()
            .filter(|w| is_table_number(w) && flag.is_some())
            .map(|w| w.to_string());
        let s = match &number {
            Some(n) => trim(&s[n.len()..]),
            None => s,
        };
        let entry = s
            .split("....")
            .next()
            .unwrap_or(s)
            .trim_end_matches(['.', ' '])
            .trim();
        let entry = entry
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end_matches(['.', ' '])
            .trim();
        let plain = crate::parse::normalize_name(entry);
        let kind = TableKind::from_title(&plain);
        let looks = plain.ends_with('表')
            || (toc_tables
                && kind != TableKind::Other
                && !plain.contains("情况")
                && !plain.contains("说明"));
        let heading = compact.contains("部分")
            || plain.ends_with("公开表")
            || plain.ends_with("公开报表")
            || (plain.ends_with("预算表") && plain.contains("年度"));
        if looks
            && !heading
            && !(compact.contains("附件")
                && toc_tables
                && plain.ends_with("预算表")
                && plain.contains("年度"))
            && plain.chars().count() <= 40
        {
            toc.push(TocEntry {
                number,
                title: plain,
                kind,
                declared_empty,
                reason,
                span: r.span,
            });
        }
    }

    // every caption outside the 目录, read or not
    let captions: Vec<Caption> = cands
        .iter()
        .filter(|c| !toc.iter().any(|e| e.span.contains(c.span)))
        .map(|c| Caption {
            number: c.number.clone(),
            title: c.text.clone(),
            kind: c.kind,
            span: c.span,
        })
        .collect();

    // 4. build each table
    let mut tables: Vec<Table> = Vec::new();
    let mut table_lines = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut section_names: Vec<String> = Vec::new();
    let mut table_orgs: Vec<Option<String>> = Vec::new();
    for (ti, t) in titles.iter().enumerate() {
        let end = titles.get(ti + 1).map(|n| n.rec).unwrap_or(recs.len());
        let mut b = Builder::new(src, lines, t, tables.len(), meta);
        let mut stop = end;
        for (j, r) in recs.iter().enumerate().take(end).skip(t.next) {
            let text = r.single().unwrap_or("");
            // page furniture between the pages of one table is not part of it, and a page number
            // ("- 1 -", the GB/T 9704 page-number form) is never a row, even right under a
            // caption (a 目录 entry at the foot of a page: corpus PDFs beijing_culture_tourism,
            // beijing_statistics narrative, hangzhou_public_security)
            if !r.grid && (is_page_number(text) || (b.started && running.contains(trim(text)))) {
                continue;
            }
            // a line of text after the rows of a tab-separated table ends it
            if b.started
                && !r.grid
                && b.data.iter().all(|d| d.grid)
                && !is_page_header(strip_decor(text))
                && !is_note(text)
                && !b.data.is_empty()
            {
                stop = j;
                break;
            }
            if b.started && is_terminator(&recs[j]) {
                stop = j;
                break;
            }
            // a form (绩效目标表), a procurement or an asset list never holds a numbered section
            // heading ("六、政府采购预算情况", "八、名词解释")
            if b.started
                && matches!(
                    t.kind,
                    TableKind::Performance | TableKind::Procurement | TableKind::Assets
                )
                && !recs[j].grid
                && is_section_heading(strip_decor(text))
            {
                stop = j;
                break;
            }
            if !b.started && !recs[j].grid && j > t.next + 12 && is_terminator(&recs[j]) {
                stop = j;
                break;
            }
            // a table whose note says it is printed empty ends at the next line of text
            if !recs[j].grid
                && b.notes.iter().any(|n| declares_empty(&n.text))
                && !is_note(text)
                && !is_page_header(strip_decor(text))
            {
                stop = j;
                break;
            }
            b.feed(&recs[j]);
        }
        let last_line = recs
            .get(stop.saturating_sub(1))
            .map(|r| r.line_end)
            .unwrap_or(0);
        table_lines.push((recs[t.rec].line, last_line.max(recs[t.rec].line + 1)));
        let (org_code, org_name) = (b.org_code.clone(), b.org_name.clone());
        let mut table = b.finish(diags);
        if table.kind == TableKind::Other && table.rows.is_empty() {
            continue;
        }
        // a page break repeated the caption: the same table continues
        if let Some(prev) = tables.last_mut() {
            if (prev.title == table.title || prev.number.is_some() && prev.kind == table.kind)
                && prev.number == table.number
                && table_orgs
                    .last()
                    .is_some_and(|o| org_code.is_none() || *o == org_code)
                && prev.columns.len() == table.columns.len()
                && !table.rows.is_empty()
                && !starts_a_form(&table, recs.get(t.next))
            {
                let base = prev.rows.len();
                let _ = base;
                // a 合计 row repeated on the next page is the same row
                let first_total: Option<Vec<Option<rust_decimal::Decimal>>> = prev
                    .rows
                    .iter()
                    .find(|r| r.role == RowRole::Total)
                    .map(|r| r.cells.iter().map(|c| c.map(|c| c.value)).collect());
                prev.rows.extend(table.rows.into_iter().filter(|r| {
                    !(r.role == RowRole::Total
                        && first_total.as_ref()
                            == Some(&r.cells.iter().map(|c| c.map(|c| c.value)).collect()))
                }));
                prev.notes.extend(table.notes);
                prev.span = prev.span.cover(Span::new(
                    recs[t.rec].span.start as usize,
                    recs.get(stop.saturating_sub(1))
                        .map(|r| r.span.end as usize)
                        .unwrap_or(src.len()),
                ));
                continue;
            }
        }
        table.span = Span::new(
            recs[t.rec].span.start as usize,
            recs.get(stop.saturating_sub(1))
                .map(|r| r.span.end as usize)
                .unwrap_or(src.len())
                .max(recs[t.rec].span.start as usize),
        );
        // a caption with amounts under it is never an empty table: what could not be read is
        // said once, and nothing in it is checked
        if table.rows.is_empty() || table.empty {
            let body = Span::new(table.title_span.end as usize, table.span.end as usize);
            table.unread = printed_amounts(body.slice(src));
            if table.unread > 0 {
                table.empty = false;
                diags.push(
                    P_UNCONFIRMED,
                    table.title_span,
                    format!(
                        "「{}」下印有 {} 个金额，但未能读出它们所在的行和列，本表未核对",
                        table.label(),
                        table.unread
                    ),
                );
            }
        }
        // sections: a 单位预算 table under a unit header starts or continues a unit section
        let unit_section = t.text.starts_with("单位")
            || org_code.as_ref().is_some_and(|c| {
                c.len() > 3
                    && meta
                        .department_code
                        .as_ref()
                        .is_some_and(|d| c.starts_with(d.as_str()) && c != d)
            });
        let sec_name = if unit_section {
            org_name.clone().unwrap_or_else(|| "单位".into())
        } else {
            String::new()
        };
        let inherit = org_code.is_none() && !t.text.starts_with("部门") && !sections.is_empty();
        let sec = if inherit {
            sections.len() - 1
        } else {
            match section_names.iter().position(|n| *n == sec_name) {
                Some(s) if sections.len() == s + 1 || !unit_section => s,
                _ => {
                    sections.push(Section {
                        kind: if unit_section {
                            SectionKind::Unit
                        } else {
                            SectionKind::Department
                        },
                        name: if unit_section {
                            sec_name.clone()
                        } else {
                            meta.department.clone().unwrap_or_default()
                        },
                        span: table.span,
                    });
                    section_names.push(sec_name.clone());
                    sections.len() - 1
                }
            }
        };
        sections[sec].span = sections[sec].span.cover(table.span);
        table.section = sec;
        tables.push(table);
        table_orgs.push(org_code);
    }
    // department section spans the start of the document
    if let Some(s) = sections.first_mut() {
        if s.kind == SectionKind::Department {
            s.span = Span::new(0, s.span.end as usize);
        }
    }
    Found {
        tables,
        toc,
        captions,
        sections,
        table_lines,
    }
}

/// A 绩效目标表 whose first row is 项目名称 is the next project's form, not a page continuing the
/// previous one (every form repeats the same caption).
/// A 绩效目标表 whose first record after the caption starts with 项目名称 is a new form (the
/// record, not the source text: `| 项目名称 |` and `<td>项目名称` start one too).
fn starts_a_form(t: &Table, first: Option<&Rec>) -> bool {
    t.kind == TableKind::Performance
        && first
            .and_then(|r| r.filled().next())
            .is_some_and(|c| c.text.starts_with("项目名称"))
}
