//! Find tables in the records, read their headers, columns and rows.
use super::lines::{Line, Tok};
use super::number::{is_dash, parse_amount};
use super::place::{self, HRow, Placement};
use super::records::Rec;
use super::{
    dept_line, is_page_header, is_page_number, unit_in, Diags, P_AMBIGUOUS, P_UNALIGNED,
    P_UNCONFIRMED,
};
use crate::model::Approx;
use crate::model::ThreePublicItem as Tp;
use crate::model::*;
use crate::report::Location;
use crate::text::fast::{self, contains, trim};
use crate::text::Span;
use std::borrow::Cow;

/// Name tokens and the value tokens that follow them on one PDF line.
type Run<'a> = (Vec<Tok<'a>>, Vec<Tok<'a>>);

pub struct Found {
    pub tables: Vec<Table>,
    pub toc: Vec<TocEntry>,
    pub captions: Vec<Caption>,
    pub sections: Vec<Section>,
    /// Line ranges `[start, end)` that belong to tables (the narrative reader skips them).
    pub table_lines: Vec<(usize, usize)>,
}

#[derive(Clone, Debug)]
struct Title {
    number: Option<String>,
    text: String,
    span: Span,
    kind: TableKind,
    /// first record of the title (a number caption may precede the title text)
    rec: usize,
    /// first record after the title
    next: usize,
}

fn strip_decor(t: &str) -> &str {
    let mut t = trim(t);
    if t.starts_with("[bookmark") {
        if let Some(i) = t.find(']') {
            t = &t[i + 1..];
        }
    }
    let mut t = trim(super::skip_hashes(t));
    while let Some(rest) = t.strip_prefix("- ") {
        t = rest;
    }
    trim(t)
}

fn is_table_number(t: &str) -> bool {
    let t = trim(t);
    let digits_then = |s: &str| {
        let d = s.trim_start_matches(|c: char| c.is_ascii_digit());
        d.len() < s.len() && d.is_empty()
    };
    (t.starts_with('表') && digits_then(t['表'.len_utf8()..].trim()))
        || (t.starts_with("预算")
            && t.ends_with('表')
            && digits_then(&t["预算".len()..t.len() - '表'.len_utf8()]))
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

/// Is this text a table title (not a sentence, not a 目录 line)?
fn title_text(t: &str) -> Option<(Option<String>, String)> {
    let t = strip_decor(t);
    // "表3 …": the number, then the title
    let after = t.strip_prefix('表').unwrap_or("");
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if digits > 0 {
        trim(after[digits..].trim_start_matches([':', '：', ' ', '-', '—']))
    } else {
        t
    };
    // cheap tests first: this runs on every line of text, and few lines end like a caption
    let core = rest.trim_end_matches([')', '）']);
    let core = match core.rfind(['（', '(']) {
        Some(i) if core[..i].ends_with('表') => &core[..i],
        _ => core,
    };
    let titled = if core.ends_with('表') {
        true
    } else if core.ends_with("经费") {
        matches!(
            TableKind::from_title(core),
            TableKind::OperatingCost | TableKind::ThreePublic
        )
    } else if core.ends_with("预算") {
        // "部门政府采购预算" captions a table; "六、政府采购预算情况" is a heading
        TableKind::from_title(core) == TableKind::Procurement
            && super::normalized_name(core) == core
    } else {
        false
    };
    if !titled || contains(t, "....") || t.contains('…') || contains(t, "··") {
        return None;
    }
    let n = rest.chars().count();
    if !(4..=120).contains(&n)
        || rest.contains(['，', '。', '；'])
        || (n > 70 && !rest.ends_with("绩效目标表"))
    {
        return None;
    }
    let number = (digits > 0).then(|| format!("表{}", &after[..digits]));
    Some((number, rest.to_string()))
}

/// The 目录 row of seed-004 style: 表N | title | 是/否 | reason.
fn toc_row(rec: &Rec) -> Option<TocEntry> {
    if !rec.grid {
        return None;
    }
    // cheap test first: this runs on every record
    if !rec
        .filled()
        .next()
        .is_some_and(|c| c.text.starts_with('表'))
    {
        return None;
    }
    let cells: Vec<&Tok> = rec.filled().collect();
    if cells.len() < 2 || !is_table_number(cells[0].text) {
        return None;
    }
    let title = cells[1].text.to_string();
    let flag = cells.get(2).map(|c| c.text.trim());
    Some(TocEntry {
        number: Some(cells[0].text.to_string()),
        kind: TableKind::from_title(&title),
        title,
        declared_empty: flag == Some("是"),
        reason: cells.get(3).map(|c| c.text.to_string()),
        span: rec.span,
    })
}

fn title_at(recs: &[Rec], i: usize) -> Option<Title> {
    let r = &recs[i];
    let text = r.single()?;
    let stripped = strip_decor(text);
    if is_table_number(stripped) {
        // "表1" / "预算01表" on its own line: the title follows
        let next = recs.get(i + 1)?;
        let (_, t) = title_text(next.single()?)?;
        let span = next.filled().next()?.span;
        return Some(Title {
            number: Some(stripped.to_string()),
            kind: TableKind::from_title(&t),
            text: t,
            span,
            rec: i,
            next: i + 2,
        });
    }
    let (number, t) = title_text(text)?;
    let tok = r.filled().next()?;
    let off = tok.text.find(&t).unwrap_or(0);
    let span = Span::new(
        tok.span.start as usize + off,
        tok.span.start as usize + off + t.len(),
    );
    Some(Title {
        number,
        kind: TableKind::from_title(&t),
        text: t,
        span,
        rec: i,
        next: i + 1,
    })
}

/// Looks like the body of a table (a header or a data row) rather than more titles or prose.
fn tabular(rec: &Rec, lines: &[Line], src: &str) -> bool {
    if rec.grid {
        return rec.filled_count() >= 2
            && toc_row(rec).is_none()
            && !contains(&rec.joined(), "....");
    }
    let text = rec.single().unwrap_or("");
    if contains(text, "栏次") || unit_in(text).is_some() || contains(text, "预算年度") {
        return true;
    }
    let toks = rec.flow(src, lines);
    toks.len() >= 3
        && toks.iter().any(|t| {
            parse_amount(t.text, false).is_some() || matches!(t.text, "合计" | "项目" | "序号")
        })
}

fn is_note(t: &str) -> bool {
    let t = strip_decor(t);
    if t.starts_with("注")
        && t.chars()
            .nth(1)
            .is_some_and(|c| matches!(c, '：' | ':' | ' ' | '1' | '１'))
        || t.starts_with("说明：")
    {
        return true;
    }
    // every other kind of note names a 表 (cheap test first: this runs on every row)
    contains(t, "表")
        && (contains(t, "空表")
            || contains(t, "本表无数据")
            || t.starts_with("本表")
            || (t.starts_with(|c: char| c.is_ascii_digit())
                && t.contains('，')
                && t.chars().count() > 20))
}

/// A row of a list without codes or 序号, its role read from its name.
fn plain_row(span: Span, name: String, name_span: Span, cells: Vec<Option<Cell>>) -> Row {
    Row {
        span,
        seq: None,
        code: None,
        role: role_of(&name),
        name,
        name_span,
        group: 0,
        cells,
        ambiguous: false,
        category: None,
        econ_code: None,
    }
}

/// The cell of a whole-number count (数量): exact, certain.
fn count_cell(n: &Tok) -> Cell {
    Cell {
        value: n
            .text
            .parse::<u64>()
            .map(rust_decimal::Decimal::from)
            .unwrap_or_default(),
        scale: 0,
        span: n.span,
        certain: true,
    }
}

/// A 政府采购目录 code or a piece of one as a PDF wraps it ("A020", "A02010104").
fn is_catalog(t: &str) -> bool {
    let mut b = t.bytes();
    matches!(b.next(), Some(b'A'..=b'C')) && b.len() >= 2 && b.all(|x| x.is_ascii_digit())
}

fn is_catalog_line(ts: &[Tok]) -> bool {
    ts.iter().all(|t| is_catalog(t.text))
}

/// A short numbered section heading: "六、政府采购预算情况" (Chinese numerals, no figures).
fn is_section_heading(t: &str) -> bool {
    let Some((num, rest)) = t.split_once('、') else {
        return false;
    };
    !num.is_empty()
        && num.chars().all(|c| "一二三四五六七八九十".contains(c))
        && !rest.is_empty()
        && t.chars().count() <= 20
        && !t.bytes().any(|b| b.is_ascii_digit())
}

/// A note saying the table is printed empty ("注：无政府采购预算，空表列示。", "本表无数据").
fn declares_empty(note: &str) -> bool {
    contains(note, "空表") || contains(note, "本表无数据")
}

fn is_terminator(rec: &Rec) -> bool {
    let Some(t) = rec.single() else { return false };
    let raw = trim(t);
    let s = strip_decor(t);
    if is_page_header(s) || is_note(s) {
        return false;
    }
    if (s.starts_with('第') && contains(s, "部分"))
        || contains(s, "情况说明")
        || s.ends_with("公开说明")
    {
        return true;
    }
    // a Markdown heading, or a Word heading with its bookmark
    if raw.starts_with('#') || raw.starts_with("[bookmark") {
        return true;
    }
    let n = s.chars().count();
    (n >= 25 && s.contains(['，', '。', '；'])) || (n >= 6 && s.ends_with(['。', '：']))
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
        let plain = super::normalize_name(entry);
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
            // page furniture between the pages of one table is not part of it
            if b.started && !r.grid && (is_page_number(text) || running.contains(trim(text))) {
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

#[derive(Clone, Copy, PartialEq, Debug)]
enum ColRole {
    Seq,
    Code,
    Name,
    Value,
    Skip,
}

struct Builder<'a, 's> {
    src: &'a str,
    lines: &'s [Line<'a>],
    title: &'s Title,
    id: TableId,
    unit: Unit,
    header: Vec<&'s Rec<'a>>,
    /// The header rows' text, to recognise them when a page break repeats them.
    header_joined: Vec<Cow<'a, str>>,
    data: Vec<&'s Rec<'a>>,
    notes: Vec<Note>,
    started: bool,
    /// 栏次 count when printed
    lanes: Option<usize>,
    org_code: Option<String>,
    org_name: Option<String>,
    /// The document's budget year.
    year: Option<i32>,
    /// index into data after which a page break happened
    breaks: Vec<usize>,
    /// A reused buffer for the tokens of the record being fed.
    scratch: Vec<Tok<'a>>,
    join_buf: String,
}

impl<'a, 's> Builder<'a, 's> {
    fn new(
        src: &'a str,
        lines: &'s [Line<'a>],
        title: &'s Title,
        id: TableId,
        meta: &Meta,
    ) -> Self {
        Builder {
            src,
            lines,
            title,
            id,
            unit: meta.unit.unwrap_or(Unit::Wan),
            header: vec![],
            header_joined: vec![],
            data: vec![],
            notes: vec![],
            started: false,
            lanes: None,
            org_code: None,
            org_name: None,
            year: meta.year,
            breaks: vec![],
            scratch: vec![],
            join_buf: String::new(),
        }
    }

    fn feed(&mut self, rec: &'s Rec<'a>) {
        // (the text of a record of several cells is joined in a buffer kept between records)
        let mut buf = std::mem::take(&mut self.join_buf);
        self.feed_joined(rec, &mut buf);
        self.join_buf = buf;
    }

    fn feed_joined(&mut self, rec: &'s Rec<'a>, buf: &mut String) {
        let single = rec.single();
        let joined: &str = match single {
            Some(t) => t,
            None => {
                rec.join_into(buf);
                buf
            }
        };
        let j = strip_decor(joined);
        // page header / meta (short rows only: a data row is never a page header)
        let short = rec.filled_count() <= 6;
        if let Some(u) = rec.filled().filter(|_| short).find_map(|c| unit_in(c.text)) {
            self.unit = u;
        }
        // a form states its unit in its money label: "资金金额 (万元)"
        if self.title.kind == TableKind::Performance {
            if let Some(u) = rec.filled().find_map(|c| {
                let t = c.text;
                // (cheap test first: this runs on every cell of every form)
                if !contains(t, "元") {
                    None
                } else if contains(t, "(万元)") || contains(t, "（万元）") {
                    Some(Unit::Wan)
                } else if contains(t, "(元)") || contains(t, "（元）") {
                    Some(Unit::Yuan)
                } else {
                    None
                }
            }) {
                self.unit = u;
            }
        }
        // (for a grid record the cells are its tokens: is_data reuses the answer)
        let has_amount = short.then(|| rec.filled().any(|c| parse_amount(c.text, false).is_some()));
        if has_amount == Some(false) && rec.filled().any(|c| is_page_header(c.text)) {
            for c in rec.filled() {
                if let Some((code, name)) = dept_line(c.text) {
                    if self.org_code.is_none() {
                        self.org_code = code;
                        self.org_name = Some(name);
                    }
                }
            }
            if self.started && self.breaks.last() != Some(&self.data.len()) {
                self.breaks.push(self.data.len());
            }
            return;
        }
        if is_note(j) {
            self.notes.push(Note {
                text: j.to_string(),
                span: rec.filled().next().map(|t| t.span).unwrap_or(rec.span),
            });
            return;
        }
        if toc_row(rec).is_some() {
            return;
        }
        let first = rec.filled().next().map(|t| t.text).unwrap_or("");
        if first.starts_with("栏次") || first.starts_with("档次") {
            let n = if rec.grid {
                rec.filled().count() - 1
            } else {
                rec.flow(self.src, self.lines).len().saturating_sub(1)
            };
            self.lanes = Some(n);
            return;
        }
        if self.started && self.header_joined.iter().any(|h| h == joined) {
            if self.breaks.last() != Some(&self.data.len()) {
                self.breaks.push(self.data.len());
            }
        } else if self.is_data(rec, has_amount.filter(|_| rec.grid)) {
            self.started = true;
            self.data.push(rec);
        } else if !self.started {
            self.header.push(rec);
            self.header_joined.push(match single {
                Some(t) => Cow::Borrowed(t),
                None => Cow::Owned(joined.to_string()),
            });
        } else {
            // a header-like row after data (e.g. the name part of a row split by a page break)
            self.data.push(rec);
        }
    }

    /// `has_amount`: whether a token is an amount, when the caller knows.
    fn is_data(&mut self, rec: &Rec<'a>, has_amount: Option<bool>) -> bool {
        let mut toks = std::mem::take(&mut self.scratch);
        rec.flow_into(self.lines, &mut toks);
        let data = self.is_data_row(rec, &toks, has_amount);
        self.scratch = toks;
        data
    }

    fn is_data_row(&self, rec: &Rec<'a>, toks: &[Tok], has_amount: Option<bool>) -> bool {
        if toks.is_empty() {
            return false;
        }
        if has_amount.unwrap_or_else(|| toks.iter().any(|t| parse_amount(t.text, false).is_some()))
        {
            return true;
        }
        let f = toks[0].text;
        if f.chars().all(|c| c.is_ascii_digit()) && f.len() <= 9 {
            return true;
        }
        // a 绩效目标表 is a form: its 项目名称 / 资金 lines are its content, not a column header
        if self.title.kind == TableKind::Performance && form_money_line(f) {
            return true;
        }
        // several header words and no amount: a (second) header row such as "合计 一般公共预算 政府性基金"
        if !self.started
            && rec.grid
            && toks
                .iter()
                .filter(|t| !t.text.chars().all(|c| c.is_ascii_digit()))
                .count()
                >= 3
        {
            return false;
        }
        let n = super::normalized_name(f);
        !n.chars().eq(f.chars().filter(|c| *c != ' ')) && !contains(f, "栏次")
            || matches!(&*n, "合计" | "总计")
            || n.starts_with("本年")
            || n.ends_with("总计")
            || (self.started && rec.grid)
    }

    fn finish(self, diags: &mut Diags) -> Table {
        let mut table = Table {
            id: self.id,
            section: 0,
            kind: self.title.kind,
            number: self.title.number.clone(),
            title: self.title.text.clone(),
            title_span: self.title.span,
            span: self.title.span,
            unit: self.unit,
            groups: vec![],
            columns: vec![],
            rows: vec![],
            empty: false,
            flow: self.data.iter().any(|d| !d.grid || d.inferred),
            positioned: self.data.iter().any(|d| d.inferred),
            unread: 0,
            notes: self.notes.clone(),
        };
        if self.data.is_empty() {
            // a form of text only (绩效目标表 without amounts) is not an empty table
            table.empty = !(matches!(
                table.kind,
                TableKind::Performance | TableKind::Organization | TableKind::Other
            ) && self.header.len() >= 3);
            return table;
        }
        if table.kind == TableKind::Performance {
            // a form, not a grid: each line keeps its text and its amounts in order
            self.flow_plain(&mut table, true);
        } else if self.data.iter().all(|r| r.grid) {
            self.grid(&mut table, diags);
        } else {
            self.flow(&mut table, diags);
        }
        if table
            .rows
            .iter()
            .all(|r| r.cells.iter().all(Option::is_none))
            && table
                .rows
                .iter()
                .all(|r| r.role == RowRole::Total || r.name.is_empty())
        {
            table.empty = true;
        }
        table
    }

    // ---------- grid tables (Word export, TSV) ----------

    fn grid(&self, table: &mut Table, diags: &mut Diags) {
        let width = self
            .header
            .iter()
            .chain(self.data.iter())
            .map(|r| {
                r.cells
                    .iter()
                    .rposition(|c| !c.is_empty())
                    .map(|p| p + 1)
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0);
        // each column's header texts, top down
        let heads: Vec<Vec<&str>> = (0..width)
            .map(|j| {
                self.header
                    .iter()
                    .filter(|h| h.grid)
                    .filter_map(|h| h.cells.get(j))
                    .map(|c| c.text)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .collect();
        // and run together, for the rows' code columns
        let head_plain: Vec<String> = heads.iter().map(|h| h.concat()).collect();
        // classify columns by their data
        let mut roles = Vec::with_capacity(width);
        for (j, head) in heads.iter().enumerate() {
            let (mut amt, mut code, mut text, mut ints) = (0, 0, 0, 0);
            for r in &self.data {
                let Some(c) = r.cells.get(j) else { continue };
                let t = c.text;
                if t.is_empty() {
                    continue;
                }
                if parse_amount(t, false).is_some() || is_dash(t) {
                    amt += 1;
                } else if t.chars().all(|c| c.is_ascii_digit()) && t.len() <= 9 {
                    if t.len() <= 3 && !t.starts_with('0') {
                        ints += 1;
                    }
                    code += 1;
                } else if parse_amount(t, true).is_some() {
                    amt += 1;
                } else {
                    text += 1;
                }
            }
            let head = head.join("/");
            let role = if head.contains("序号")
                || (j == 0
                    && ints > 0
                    && ints == code
                    && text == 0
                    && amt == 0
                    && is_seq_column(&self.data, j))
            {
                ColRole::Seq
            } else if head.contains("备注") || head.contains("说明") {
                ColRole::Skip
            } else if (head.ends_with("数量") || head.contains("单价"))
                && amt + code > 0
                && text == 0
            {
                // small integers that are counts, not codes
                ColRole::Value
            } else if amt > 0 && amt >= text && amt >= code {
                ColRole::Value
            } else if code > 0 && code >= text {
                ColRole::Code
            } else if text > 0 {
                ColRole::Name
            } else {
                ColRole::Value // empty column: a value column nobody filled (decided below)
            };
            roles.push(role);
        }
        // empty leading columns before the first name/code are not values
        let first_label = roles
            .iter()
            .position(|r| matches!(r, ColRole::Name | ColRole::Code | ColRole::Seq));
        for (j, role) in roles.iter_mut().enumerate() {
            if *role == ColRole::Value
                && first_label.is_some_and(|f| j < f)
                && self
                    .data
                    .iter()
                    .all(|r| r.cells.get(j).is_none_or(|c| c.is_empty()))
            {
                *role = ColRole::Skip;
            }
        }
        // groups: a name column after value columns starts a new side
        let sided = table.kind.is_sided()
            || (table.kind == TableKind::Other
                && roles
                    .windows(2)
                    .filter(|w| w[0] == ColRole::Value && w[1] == ColRole::Name)
                    .count()
                    >= 1);
        let mut group_of = vec![0u8; width];
        let mut g = 0u8;
        let mut seen_value = false;
        for j in 0..width {
            if roles[j] == ColRole::Name && seen_value {
                if sided {
                    g += 1;
                    seen_value = false;
                } else {
                    roles[j] = ColRole::Skip;
                }
            }
            if roles[j] == ColRole::Value
                && (sided
                    || self
                        .data
                        .iter()
                        .any(|r| r.cells.get(j).is_some_and(|c| !c.is_empty())))
            {
                seen_value = true;
            }
            group_of[j] = g;
        }
        // header labels: carry group labels of upper header rows to the right over empty cells
        let hrows: Vec<&Rec> = self.header.iter().copied().filter(|h| h.grid).collect();
        let mut carried: Vec<Vec<&str>> = vec![Vec::new(); width];
        for (hi, h) in hrows.iter().enumerate() {
            let last = hi + 1 == hrows.len();
            let mut cur = "";
            for j in 0..width {
                let t = h.cells.get(j).map(|c| c.text).unwrap_or("");
                // a merged label ends where a label of an upper row starts (会议费 after
                // “三公”经费's 公务用车购置及运行维护费)
                if hrows[..hi]
                    .iter()
                    .any(|u| u.cells.get(j).is_some_and(|c| !c.is_empty()))
                {
                    cur = "";
                }
                if !t.is_empty() {
                    cur = t;
                    carried[j].push(cur);
                } else if !last
                    && !cur.is_empty()
                    && roles[j] == ColRole::Value
                    && j > 0
                    && roles[j - 1] == ColRole::Value
                {
                    carried[j].push(cur);
                }
            }
        }
        // every row printed one cell right of its header (“合计 | ” over “ | 19.20”): a column
        // headed in the last header row but empty in every row, then a column with data whose
        // only header is the group label carried over it. The data column is the headed one.
        let filled = |j: usize| {
            self.data
                .iter()
                .any(|r| r.cells.get(j).is_some_and(|c| !c.is_empty()))
        };
        let own_head = |j: usize| {
            hrows
                .last()
                .and_then(|h| h.cells.get(j))
                .is_some_and(|c| !c.is_empty())
        };
        for j in 0..width.saturating_sub(1) {
            if roles[j] == ColRole::Value
                && roles[j + 1] == ColRole::Value
                && own_head(j)
                && !own_head(j + 1)
                && !filled(j)
                && filled(j + 1)
                && carried[j + 1].len() < carried[j].len()
                && carried[j].starts_with(&carried[j + 1])
                && (j + 2..width).all(|k| roles[k] != ColRole::Value || !filled(k))
            {
                carried[j + 1] = std::mem::take(&mut carried[j]);
                roles[j] = ColRole::Skip;
            }
        }
        let mut col_index = vec![usize::MAX; width];
        for j in 0..width {
            if roles[j] != ColRole::Value {
                continue;
            }
            let path = &carried[j];
            let key = ColKey::from_header(path);
            col_index[j] = table.columns.len();
            table.columns.push(Column {
                key,
                header: path.join("/"),
                group: group_of[j],
            });
        }
        // a column headed with an earlier year ("2024年预算数" in a 2025 budget) is last year's
        if let Some(y) = self.year {
            for c in table.columns.iter_mut() {
                if years(&c.header).any(|x| x < y)
                    && !matches!(c.key, ColKey::Change | ColKey::ChangePercent)
                {
                    c.key = ColKey::LastYear;
                }
            }
        }
        apply_templates(table);
        // several text columns (项目单位 / 类型 / 项目名称): the one headed 名称 names the row, one
        // headed 类型 / 类别 gives its category
        let mut name_col = vec![None; g as usize + 1];
        let mut cat_col = vec![None; g as usize + 1];
        for gi in 0..=g {
            let names: Vec<usize> = (0..width)
                .filter(|&j| roles[j] == ColRole::Name && group_of[j] == gi)
                .collect();
            if names.len() > 1 {
                name_col[gi as usize] = names
                    .iter()
                    .copied()
                    .find(|&j| head_plain[j].contains("名称"));
                cat_col[gi as usize] = names.iter().copied().find(|&j| {
                    let h = &head_plain[j];
                    h.contains("类型") || h.contains("类别")
                });
            }
        }
        let mut last_category: Vec<Option<String>> = vec![None; g as usize + 1];
        table.groups = (0..=g)
            .map(|gi| group_label(&hrows, &roles, &group_of, gi))
            .collect();
        // rows
        for (ri, r) in self.data.iter().enumerate() {
            for gi in 0..=g {
                let mut row = Row {
                    span: r.span,
                    seq: None,
                    code: None,
                    name: String::new(),
                    name_span: Span::empty(r.span.start as usize),
                    role: RowRole::Item,
                    group: gi,
                    cells: vec![None; table.columns.len()],
                    ambiguous: false,
                    category: None,
                    econ_code: None,
                };
                let mut code_parts: Vec<Tok> = Vec::new();
                let mut org_code: Option<Tok> = None;
                let mut code_closed = false;
                let mut econ_parts: Vec<Tok> = Vec::new();
                let mut any = false;
                // text of another name column, for a row whose 名称 cell is blank (“合计”)
                let mut other_name: Option<Tok> = None;
                for j in 0..width {
                    if group_of[j] != gi && roles[j] != ColRole::Seq {
                        continue;
                    }
                    let Some(c) = r.cells.get(j) else { continue };
                    if c.is_empty() {
                        continue;
                    }
                    match roles[j] {
                        ColRole::Seq => row.seq = c.text.parse().ok(),
                        ColRole::Code => {
                            let head = &head_plain[j];
                            if contains(head, "单位")
                                || contains(head, "部门代码")
                                || (!code_parts.is_empty() && is_org(c.text))
                            {
                                org_code = Some(*c);
                            } else if !code_closed
                                && code_parts.len() < 3
                                && (code_parts.is_empty()
                                    || c.text.len() <= 2
                                    || code_parts.iter().all(|p| p.text.len() + c.text.len() <= 5))
                            {
                                code_parts.push(*c);
                            } else {
                                // a second code scheme (政府经济分类 beside 部门经济分类) is not joined on;
                                // a 部门经济分类 code printed after a function code (采购表) is kept apart
                                code_closed = true;
                                let head = &head_plain[j];
                                if econ_parts.len() == 1 && c.text.len() == 2 {
                                    // its 款 column
                                    econ_parts.push(*c);
                                } else if head.contains("经济")
                                    && !head.contains("政府")
                                    && econ_parts.len() < 2
                                    && !code_parts.is_empty()
                                    && code_kind(
                                        &code_parts.iter().map(|p| p.text).collect::<String>(),
                                        "",
                                    ) == CodeKind::Function
                                {
                                    econ_parts.push(*c);
                                }
                            }
                        }
                        ColRole::Name if name_col[gi as usize].is_some_and(|n| n != j) => {
                            if cat_col[gi as usize] == Some(j) {
                                if c.text.bytes().all(|b| b.is_ascii_digit()) {
                                    // a unit's code printed in the 类型 column of its row
                                    org_code = Some(*c);
                                } else {
                                    row.category = Some(c.text.to_string());
                                }
                            } else if other_name.is_none() {
                                other_name = Some(*c);
                            }
                        }
                        ColRole::Name
                            if name_col[gi as usize] == Some(j)
                                && c.text.bytes().all(|b| b.is_ascii_digit()) =>
                        {
                            // a unit's code printed in the 名称 column, its name in another
                            org_code = Some(*c);
                        }
                        ColRole::Name => {
                            if row.name.is_empty() {
                                row.name = c.text.to_string();
                                row.name_span = c.span;
                                any = true;
                            }
                        }
                        ColRole::Value => {
                            let ci = col_index[j];
                            match parse_amount(c.text, true) {
                                Some(a) => {
                                    row.cells[ci] = Some(Cell {
                                        value: a.value,
                                        scale: a.scale,
                                        span: c.span,
                                        certain: true,
                                    });
                                    any = true;
                                }
                                None if c.text == "**" || c.text == "*" => {}
                                None => diags.push_at(
                                    P_UNALIGNED,
                                    Location::cell(c.span, table.id, table.rows.len(), ci),
                                    format!("「{}」不是金额，未计入（{}）", c.text, table.title),
                                ),
                            }
                        }
                        ColRole::Skip => {}
                    }
                }
                if row.name.is_empty() {
                    if let Some(c) = other_name {
                        row.name = c.text.to_string();
                        row.name_span = c.span;
                        any = true;
                    }
                }
                // a unit's row in a list that repeats the function code on every row (采购表:
                // “210 15 04 506003 单位名称”) is the unit's subtotal
                if org_code.is_some() {
                    code_parts.clear();
                }
                if let [first, .., last] | [first @ last] = econ_parts[..] {
                    row.econ_code = Some(Code {
                        text: econ_parts.iter().map(|p| p.text).collect(),
                        kind: CodeKind::Economic,
                        span: first.span.cover(last.span),
                    });
                }
                if !code_parts.is_empty() {
                    let text: String = code_parts.iter().map(|p| p.text).collect();
                    let span = code_parts[0]
                        .span
                        .cover(code_parts[code_parts.len() - 1].span);
                    row.code = Some(Code {
                        kind: code_kind(&text, head_plain.first().map_or("", String::as_str)),
                        text,
                        span,
                    });
                    any = true;
                } else if let Some(o) = org_code {
                    row.code = Some(Code {
                        text: o.text.to_string(),
                        kind: CodeKind::Organization,
                        span: o.span,
                    });
                    any = true;
                }
                if !any {
                    continue;
                }
                // a name-only row right after a page break continues the previous row's name
                if gi == 0
                    && row.code.is_none()
                    && row.seq.is_none()
                    && row.cells.iter().all(Option::is_none)
                    && self.breaks.contains(&ri)
                {
                    if let Some(prev) = table.rows.iter_mut().rev().find(|p| p.group == 0) {
                        prev.name.push_str(&row.name);
                        prev.name_span = prev.name_span.cover(row.name_span);
                        prev.span = prev.span.cover(row.span);
                        continue;
                    }
                }
                row.role = role_of(&row.name);
                if row.role == RowRole::Total && row.code.is_none() && row.name.is_empty() {
                    continue;
                }
                if cat_col[gi as usize].is_some() {
                    if row.role != RowRole::Item || row.code.is_some() {
                        last_category[gi as usize] = None;
                    } else if row.category.is_some() {
                        last_category[gi as usize] = row.category.clone();
                    } else {
                        row.category = last_category[gi as usize].clone();
                    }
                }
                table.rows.push(row);
            }
        }
        if rekey_by_identities(table) {
            let span = self
                .header
                .first()
                .map(|h| h.span)
                .unwrap_or(table.title_span);
            let how = if table.kind == TableKind::ThreePublic {
                "各年度列组中的合计、“三公”经费、各分项、会议费、培训费按分项恒等式确定"
            } else {
                "合计、基本支出、项目支出等列按本表每一行都成立的恒等式确定"
            };
            diags.push_at(
                P_UNALIGNED,
                Location::text(span),
                format!(
                    "「{}」的表头与数据列对不上（合并单元格导出），{how}",
                    table.title
                ),
            );
        }
    }

    // ---------- flow tables (PDF text: empty cells vanished) ----------

    fn flow(&self, table: &mut Table, diags: &mut Diags) {
        if table.kind == TableKind::Procurement && self.flow_procurement(table) {
            return;
        }
        if table.kind == TableKind::Assets && self.flow_assets(table) {
            return;
        }
        let Some(keys) = template(table.kind, self.lanes) else {
            self.flow_plain(table, false);
            return;
        };
        table.groups = keys.iter().map(|g| g.0.to_string()).collect();
        for (gi, g) in keys.iter().enumerate() {
            for k in g.1 {
                table.columns.push(Column {
                    key: *k,
                    header: k.label().to_string(),
                    group: gi as u8,
                });
            }
        }
        // assemble rows: a row starts with the next 序号
        let mut rows_toks: Vec<(Span, Vec<Tok>)> = Vec::new();
        let mut expect = 1u32;
        let mut after_break = false;
        for (di, r) in self.data.iter().enumerate() {
            let toks = r.flow(self.src, self.lines);
            if self.breaks.contains(&di) {
                after_break = true;
            }
            if toks.is_empty() {
                continue;
            }
            let starts = toks[0].text.parse::<u32>().ok() == Some(expect)
                || (rows_toks.is_empty() && toks[0].text.parse::<u32>().is_ok_and(|n| n <= 2));
            if !starts && after_break {
                // repeated column headers after a page break
                continue;
            }
            // a page number on its own line
            if !starts && toks.len() == 1 && toks[0].text.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            after_break = false;
            if starts {
                expect = toks[0].text.parse::<u32>().unwrap_or(expect) + 1;
                rows_toks.push((r.span, toks));
            } else if let Some(last) = rows_toks.last_mut() {
                last.0 = last.0.cover(r.span);
                last.1.extend(toks);
            }
        }
        let sided = table.kind.is_sided();
        let mut hrows: Vec<(usize, Vec<Approx>, Placement)> = Vec::new();
        for (span, toks) in rows_toks {
            let seq = toks[0].text.parse().ok();
            let rest = &toks[1..];
            // split into (name tokens, value tokens) runs
            let mut runs: Vec<(Vec<Tok>, Vec<Tok>)> = Vec::new();
            let mut code: Option<Tok> = None;
            for (ti, t) in rest.iter().enumerate() {
                let is_num =
                    parse_amount(t.text, false).is_some() || (is_dash(t.text) && !runs.is_empty());
                if ti == 0
                    && !sided
                    && t.text.chars().all(|c| c.is_ascii_digit())
                    && (3..=9).contains(&t.text.len())
                {
                    code = Some(*t);
                    continue;
                }
                if is_num {
                    if runs.is_empty() {
                        runs.push((vec![], vec![]));
                    }
                    runs.last_mut().expect("run").1.push(*t);
                } else if runs.last().is_none_or(|r| !r.1.is_empty())
                    || (sided
                        && !runs.is_empty()
                        && crate::parse::marker_style(t.text) != 0
                        && super::normalize_name(t.text) != t.text)
                {
                    runs.push((vec![*t], vec![]));
                } else {
                    runs.last_mut().expect("run").0.push(*t);
                }
            }
            // which group each run belongs to
            let mut assigned: Vec<(u8, Run)> = Vec::new();
            if sided {
                let n = runs.len();
                for (ri, run) in runs.into_iter().enumerate() {
                    let name: String = run.0.iter().map(|t| t.text).collect();
                    let gi = if n >= 2 {
                        ri.min(keys.len() - 1)
                    } else {
                        side_of_name(&name)
                    };
                    assigned.push((gi as u8, run));
                }
            } else {
                let mut name = vec![];
                let mut vals = vec![];
                for run in runs {
                    name.extend(run.0);
                    vals.extend(run.1);
                }
                assigned.push((0, (name, vals)));
            }
            for (gi, (names, vals)) in assigned {
                let cols: Vec<usize> = table.cols_in(gi).collect();
                let name: String = names.iter().map(|t| t.text).collect();
                let name_span = names
                    .first()
                    .map(|f| f.span.cover(names[names.len() - 1].span))
                    .unwrap_or(Span::empty(span.start as usize));
                let mut row = Row {
                    span,
                    seq,
                    code: None,
                    name,
                    name_span,
                    role: RowRole::Item,
                    group: gi,
                    cells: vec![None; table.columns.len()],
                    ambiguous: false,
                    category: None,
                    econ_code: None,
                };
                if let Some(c) = code.filter(|_| gi == 0) {
                    row.code = Some(Code {
                        kind: code_kind(c.text, ""),
                        text: c.text.to_string(),
                        span: c.span,
                    });
                }
                row.role = role_of(&row.name);
                let amounts: Vec<(Tok, super::number::Amount)> = vals
                    .iter()
                    .filter_map(|t| parse_amount(t.text, true).map(|a| (*t, a)))
                    .collect();
                let approx: Vec<Approx> = amounts
                    .iter()
                    .map(|(_, a)| Approx::printed(a.value, a.scale))
                    .collect();
                let gkeys: Vec<ColKey> = cols.iter().map(|c| table.columns[*c].key).collect();
                if amounts.len() > cols.len() {
                    diags.push_at(
                        P_UNALIGNED,
                        Location::text(row.span),
                        format!(
                            "本行有 {} 个数，多于 {} 列，多出的数未计入（{}）",
                            amounts.len(),
                            cols.len(),
                            table.title
                        ),
                    );
                }
                let placement = place::place(table.kind, &gkeys, &approx);
                for (i, (tok, a)) in amounts.iter().enumerate().take(cols.len()) {
                    let col = placement
                        .candidates
                        .first()
                        .and_then(|c| c.get(i))
                        .copied()
                        .unwrap_or(i);
                    row.cells[cols[col]] = Some(Cell {
                        value: a.value,
                        scale: a.scale,
                        span: tok.span,
                        certain: placement.certain(i).is_some(),
                    });
                }
                row.ambiguous = !placement.is_certain();
                hrows.push((table.rows.len(), approx, placement));
                table.rows.push(row);
            }
        }
        // narrow uncertain placements with parent = Σ children
        let mut decided: Vec<(usize, Placement)> =
            hrows.iter().map(|(ri, _, p)| (*ri, p.clone())).collect();
        let coded0: Vec<usize> = (0..hrows.len())
            .filter(|&i| table.rows[hrows[i].0].group == 0)
            .collect();
        if table.kind.is_coded() && coded0.iter().any(|&i| !hrows[i].2.is_certain()) {
            let ncols = table.cols_in(0).count();
            let mut hr: Vec<HRow> = coded0
                .iter()
                .map(|&i| {
                    let (ri, v, p) = &hrows[i];
                    HRow {
                        code: table.rows[*ri].code.as_ref().map(|c| c.text.as_str()),
                        is_total: table.rows[*ri].role == RowRole::Total,
                        values: v.clone(),
                        placement: p.clone(),
                    }
                })
                .collect();
            place::resolve_by_hierarchy(&mut hr, ncols);
            for (k, h) in coded0.iter().zip(hr) {
                decided[*k].1 = h.placement;
            }
        }
        // still undecided: the placement the table's other rows with as many numbers use, when it is unique
        let mut counts: std::collections::HashMap<(u8, Vec<usize>), usize> = Default::default();
        for (ri, p) in &decided {
            if p.is_certain() {
                *counts
                    .entry((table.rows[*ri].group, p.candidates[0].clone()))
                    .or_default() += 1;
            }
        }
        let mut by_pattern = Vec::new();
        for (ri, p) in decided.iter_mut() {
            if p.is_certain() {
                continue;
            }
            let g = table.rows[*ri].group;
            let score = |c: &Vec<usize>| counts.get(&(g, c.clone())).copied().unwrap_or(0);
            let best = p.candidates.iter().map(score).max().unwrap_or(0);
            if best >= 2 && p.candidates.iter().filter(|c| score(c) == best).count() == 1 {
                let c = p
                    .candidates
                    .iter()
                    .find(|c| score(c) == best)
                    .cloned()
                    .expect("best");
                p.candidates = vec![c];
                by_pattern.push(*ri);
            }
        }
        for (ri, p) in decided {
            let cols: Vec<usize> = table.cols_in(table.rows[ri].group).collect();
            let row = &mut table.rows[ri];
            let cells: Vec<Cell> = row.cells.iter().flatten().copied().collect();
            let mut new = vec![None; row.cells.len()];
            for (i, mut c) in cells.into_iter().enumerate() {
                let col = p
                    .candidates
                    .first()
                    .and_then(|cand| cand.get(i))
                    .copied()
                    .unwrap_or(i);
                c.certain = p.certain(i).is_some();
                if let Some(slot) = cols.get(col) {
                    new[*slot] = Some(c);
                }
            }
            row.cells = new;
            row.ambiguous = !p.is_certain();
        }
        for ri in by_pattern {
            let row = &table.rows[ri];
            diags.push_at(
                P_AMBIGUOUS,
                Location { span: row.span, cell: Some(crate::report::CellRef { table: table.id, row: ri, col: usize::MAX }) },
                format!("「{}」一行的数值按本表其他同样个数的行的列位放置（本行的恒等式不成立，列位无法由本行确定）（{}）", row.name, table.title),
            );
        }
        for (ri, row) in table.rows.iter().enumerate() {
            if row.ambiguous {
                diags.push_at(P_AMBIGUOUS, Location { span: row.span, cell: Some(crate::report::CellRef { table: table.id, row: ri, col: usize::MAX }) }, format!("「{}」一行的空格在文字中消失，数值所在列无法唯一确定，相关核对已跳过（{}）", row.name, table.title));
            }
        }
    }

    /// A 政府采购 table as PDF text: its cells wrap over several lines and its blank cells vanish.
    /// What the layout fixes is read: an item line "台 8 0.15 1.20 1.20 1.20" is the measure word,
    /// the 数量, the 单价 and the 金额合计, then amounts of the fund columns, which vanished blanks
    /// leave undecided (kept, uncertain). The item is named by the text printed after its project's
    /// 预算资金 ("25.00 激光打印机"); "合 计 …" and a line of amounts under "…小计" are the total and
    /// a unit's subtotal, whose first amount is the 金额合计 when they print as many amounts as the
    /// items do after their 单价. Header lines, project names and 采购目录 codes are not rows.
    /// `false` (and nothing changed) when no line reads as an item.
    fn flow_procurement(&self, table: &mut Table) -> bool {
        enum Line<'t> {
            /// 数量 (after the measure word), then 单价 and the amounts
            Item(Tok<'t>, Vec<(Tok<'t>, super::number::Amount)>),
            /// label tokens (possibly none) and two or more amounts
            Sum(Vec<Tok<'t>>, Vec<(Tok<'t>, super::number::Amount)>),
            /// a 预算资金 amount, then the item's name tokens
            NameStart(Vec<Tok<'t>>),
            Text(Vec<Tok<'t>>),
        }
        let is_count = |t: &str| t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit());
        let amount = |t: &Tok<'a>| parse_amount(t.text, false).map(|a| (*t, a));
        let read = |toks: &[Tok<'a>]| -> Line<'a> {
            let amounts: Vec<_> = toks.iter().filter_map(amount).collect();
            if let [w, n, rest @ ..] = toks {
                let word = w.text.chars().count() <= 2
                    && !w.text.chars().any(|c| c.is_ascii_alphanumeric())
                    && parse_amount(w.text, true).is_none();
                if word && is_count(n.text) && rest.len() >= 2 && amounts.len() == rest.len() {
                    return Line::Item(*n, amounts);
                }
            }
            let lead = toks.iter().take_while(|t| amount(t).is_none()).count();
            if amounts.len() >= 2 && lead + amounts.len() == toks.len() {
                return Line::Sum(toks[..lead].to_vec(), amounts);
            }
            if let [first, rest @ ..] = toks {
                if amounts.len() == 1 && amount(first).is_some() {
                    return Line::NameStart(rest.to_vec());
                }
            }
            Line::Text(toks.to_vec())
        };
        let mut lines = Vec::with_capacity(self.data.len());
        let mut toks = Vec::new();
        for r in &self.data {
            r.flow_into(self.lines, &mut toks);
            lines.push((r.span, read(&toks)));
        }
        // the amounts an item prints after its 单价 (金额合计 and the fund columns it fills)
        let mut counts: Vec<usize> = lines
            .iter()
            .filter_map(|(_, l)| match l {
                Line::Item(_, a) => Some(a.len() - 1),
                _ => None,
            })
            .collect();
        if counts.is_empty() {
            return false;
        }
        counts.sort_unstable();
        let usual = counts[counts.len() / 2];
        let extra = lines
            .iter()
            .filter_map(|(_, l)| match l {
                Line::Item(_, a) => Some(a.len() - 2),
                Line::Sum(_, a) => Some(a.len().saturating_sub(1)),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let (q, p, total) = (0, 1, 2);
        for (key, header) in [
            (ColKey::Quantity, "数量".to_string()),
            (ColKey::UnitPrice, "单价".to_string()),
            (ColKey::Total, "政府采购金额/合计".to_string()),
        ]
        .into_iter()
        .chain((0..extra).map(|i| (ColKey::Other, format!("其他金额（列未定）第{}个", i + 1))))
        {
            table.columns.push(Column {
                key,
                header,
                group: 0,
            });
        }
        let cell = |(t, a): &(Tok, super::number::Amount), certain: bool| Cell {
            value: a.value,
            scale: a.scale,
            span: t.span,
            certain,
        };
        let joined = |ts: &[Tok]| -> (String, Span) {
            let name: String = ts.iter().map(|t| t.text).collect();
            let span = match ts {
                [first, .., last] => first.span.cover(last.span),
                [one] => one.span,
                [] => Span::empty(0),
            };
            (name, span)
        };
        let mut name: Vec<Tok> = Vec::new();
        let mut naming = false;
        let mut text: Vec<Tok> = Vec::new();
        let mut start: Option<Span> = None;
        for (span, l) in lines {
            let from = start.map_or(span, |s| s.cover(span));
            match l {
                Line::Item(n, amounts) => {
                    let mut cells = vec![None; table.columns.len()];
                    cells[q] = Some(count_cell(&n));
                    cells[p] = Some(cell(&amounts[0], true));
                    cells[total] = Some(cell(&amounts[1], true));
                    for (i, a) in amounts[2..].iter().enumerate() {
                        cells[3 + i] = Some(cell(a, false));
                    }
                    let (n, name_span) = joined(&name);
                    let name_span = if name.is_empty() {
                        Span::empty(span.start as usize)
                    } else {
                        name_span
                    };
                    table.rows.push(plain_row(from, n, name_span, cells));
                    (name, naming, start) = (Vec::new(), false, None);
                    text.clear();
                }
                Line::Sum(label, amounts) => {
                    let label = if label.is_empty() {
                        std::mem::take(&mut text)
                    } else {
                        label
                    };
                    let (n, name_span) = joined(&label);
                    let role = role_of(&n);
                    if role != RowRole::Item {
                        // the first amount is the 金额合计 when the count is the items'
                        let sure = amounts.len() == usual;
                        let mut cells = vec![None; table.columns.len()];
                        cells[total] = Some(cell(&amounts[0], sure));
                        for (i, a) in amounts[1..].iter().enumerate() {
                            cells[3 + i] = Some(cell(a, false));
                        }
                        table.rows.push(plain_row(from, n, name_span, cells));
                    }
                    (name, naming, start) = (Vec::new(), false, None);
                    text.clear();
                }
                Line::NameStart(rest) => {
                    name = rest.into_iter().filter(|t| !is_catalog(t.text)).collect();
                    naming = name.is_empty() || !is_catalog_line(&name);
                    start = Some(span);
                    text.clear();
                }
                Line::Text(ts) => {
                    if naming {
                        if ts.iter().any(|t| is_catalog(t.text) || is_count(t.text)) {
                            naming = false;
                        } else {
                            name.extend(ts.iter().copied());
                        }
                    } else if start.is_none() {
                        text.extend(ts.iter().copied());
                    }
                }
            }
        }
        true
    }

    /// A 固定资产占用情况表 as PDF text: "4、其他固定资产 1516 917.14" is the item, its 数量 and its
    /// 价值; a line without figures is an item with neither (房屋 when none is held). The 价值 is the
    /// line's last figure and has decimals, a 数量 is a whole number just before it. `false` (and
    /// nothing changed) when a line does not read so.
    fn flow_assets(&self, table: &mut Table) -> bool {
        let mut rows = Vec::with_capacity(self.data.len());
        let mut toks = Vec::new();
        for r in &self.data {
            r.flow_into(self.lines, &mut toks);
            let mut name_end = toks.len();
            let mut value = None;
            let mut count = None;
            if let Some(last) = toks.last() {
                if let Some(a) = parse_amount(last.text, false) {
                    value = Some((*last, a));
                    name_end -= 1;
                    if let Some(n) = toks[..name_end]
                        .last()
                        .filter(|t| t.text.len() <= 9 && t.text.bytes().all(|b| b.is_ascii_digit()))
                    {
                        count = Some(*n);
                        name_end -= 1;
                    }
                }
            }
            let name = &toks[..name_end];
            // any other figure: not this layout
            if name.is_empty() || name.iter().any(|t| parse_amount(t.text, true).is_some()) {
                return false;
            }
            let text: String = name.iter().map(|t| t.text).collect();
            let name_span = name[0].span.cover(name[name.len() - 1].span);
            rows.push((r.span, text, name_span, count, value));
        }
        table.columns.push(Column {
            key: ColKey::Quantity,
            header: "数量".into(),
            group: 0,
        });
        table.columns.push(Column {
            key: ColKey::Amount,
            header: "价值".into(),
            group: 0,
        });
        for (span, name, name_span, count, value) in rows {
            let count = count.as_ref().map(count_cell);
            let value = value.map(|(t, a)| Cell {
                value: a.value,
                scale: a.scale,
                span: t.span,
                certain: true,
            });
            table
                .rows
                .push(plain_row(span, name, name_span, vec![count, value]));
        }
        true
    }

    /// A flow table we have no column template for: keep each line as a row with its numbers in order.
    fn flow_plain(&self, table: &mut Table, form: bool) {
        let mut maxv = 0;
        let mut rows = Vec::new();
        let mut toks = Vec::new();
        for r in &self.data {
            r.flow_into(self.lines, &mut toks);
            // on a form's money lines ("实施期资金总额: 24") whole numbers are amounts too
            let lenient = form && toks.first().is_some_and(|t| form_money_line(t.text));
            // the amounts in order; the other tokens make the name
            let mut vals: Vec<(Tok, super::number::Amount)> = Vec::new();
            let mut name = String::with_capacity(r.span.len());
            let mut name_span: Option<Span> = None;
            for t in &toks {
                if let Some(a) = parse_amount(t.text, lenient) {
                    vals.push((*t, a));
                    continue;
                }
                if name_span.is_some() {
                    name.push(' ');
                }
                name.push_str(t.text);
                name_span = Some(name_span.map_or(t.span, |s| s.cover(t.span)));
            }
            maxv = maxv.max(vals.len());
            let name_span = name_span.unwrap_or(Span::empty(r.span.start as usize));
            rows.push((r.span, name, name_span, vals));
        }
        for i in 0..maxv {
            table.columns.push(Column {
                key: ColKey::Other,
                header: format!("第{}个数", i + 1),
                group: 0,
            });
        }
        for (span, name, name_span, vals) in rows {
            let mut cells = vec![None; maxv];
            // with a varying count of numbers the columns are unknown: all cells uncertain,
            // except in forms, where a value belongs to its line and no column identity is used
            let certain = form;
            for (i, (t, a)) in vals.iter().enumerate() {
                cells[i] = Some(Cell {
                    value: a.value,
                    scale: a.scale,
                    span: t.span,
                    certain,
                });
            }
            let role = role_of(&name);
            table.rows.push(Row {
                span,
                seq: None,
                code: None,
                name,
                name_span,
                role,
                group: 0,
                cells,
                ambiguous: !form && maxv > 1,
                category: None,
                econ_code: None,
            });
        }
    }
}

fn is_seq_column(data: &[&Rec], j: usize) -> bool {
    let mut prev = 0u32;
    let mut n = 0;
    for r in data {
        if let Some(v) = r.cells.get(j).and_then(|c| c.text.parse::<u32>().ok()) {
            if v != prev + 1 && v != 1 {
                return false;
            }
            prev = v;
            n += 1;
        }
    }
    n >= 2
}

fn is_org(t: &str) -> bool {
    t.len() >= 6
}

fn code_kind(text: &str, head: &str) -> CodeKind {
    if contains(head, "单位") || contains(head, "部门代码") {
        return CodeKind::Organization;
    }
    let first = text.as_bytes().first().copied().unwrap_or(b'0');
    let three: u32 = text.get(..3).and_then(|s| s.parse().ok()).unwrap_or(0);
    match (first, text.len()) {
        (b'2', 3 | 5 | 7) if (201..=235).contains(&three) => CodeKind::Function,
        (b'3', 3 | 5) if (301..=399).contains(&three) => CodeKind::Economic,
        (b'5', 3 | 5) if (501..=599).contains(&three) => CodeKind::GovEconomic,
        _ => CodeKind::Organization,
    }
}

pub fn role_of(name: &str) -> RowRole {
    // cheap test first: both roles are named by a 计
    if !contains(name, "计") {
        return RowRole::Item;
    }
    // The name without white space, in one pass; normalize_name also strips leading list markers
    // and 其中, which hold neither 小 nor 计, so they cannot hide or make a 小计 or a final 合计 / 总计.
    let (mut before_last, mut last) = (' ', ' ');
    let mut subtotal = false;
    for c in name.chars().filter(|c| !fast::is_white_space(*c)) {
        subtotal |= last == '小' && c == '计';
        (before_last, last) = (last, c);
    }
    if last == '计'
        && matches!(before_last, '合' | '总')
        && matches!(&*super::normalized_name(name), "合计" | "总计")
    {
        RowRole::Total
    } else if subtotal {
        RowRole::Subtotal
    } else {
        RowRole::Item
    }
}

/// Income side (0) or expenditure side (1) of a 收支总表 item name when only one side is printed.
fn side_of_name(name: &str) -> usize {
    let n = super::normalize_name(name);
    if n.contains("年末") || n.contains("年终") || n.contains("结转下年") {
        return 1;
    }
    if n.contains("收入")
        || n.contains("上年结转")
        || n.contains("年初")
        || (n.contains("拨款") && !n.contains("支出"))
    {
        0
    } else {
        1
    }
}

fn group_label(hrows: &[&Rec], roles: &[ColRole], group_of: &[u8], g: u8) -> String {
    for h in hrows {
        for (j, c) in h.cells.iter().enumerate() {
            if group_of.get(j) == Some(&g) && !c.is_empty() && roles.get(j).is_some() {
                let t: String = c.text.chars().filter(|c| !c.is_whitespace()).collect();
                if t == "收入" || t == "支出" || t.contains("分类") {
                    return t;
                }
            }
        }
    }
    match g {
        0 => "收入".into(),
        _ => "支出".into(),
    }
}

type Template = &'static [(&'static str, &'static [ColKey])];

/// Standard column layouts by table kind (used when the text does not keep column positions).
fn template(kind: TableKind, lanes: Option<usize>) -> Option<Template> {
    use ColKey::*;
    let t: Template = match kind {
        TableKind::IncomeExpenditureSummary => &[("收入", &[Amount]), ("支出", &[Amount])],
        TableKind::FiscalSummary => &[
            ("收入", &[Amount]),
            ("支出", &[Total, GeneralBudget, GovFund, StateCapital]),
        ],
        TableKind::IncomeSummary => &[(
            "",
            &[
                Total,
                Subtotal,
                Fiscal,
                SpecialAccount,
                Business,
                BusinessOperating,
                Superior,
                Subsidiary,
                OtherIncome,
                CarryOver,
            ],
        )],
        TableKind::ExpenditureSummary => &[(
            "",
            &[
                Total,
                Basic,
                Project,
                OperatingExpenditure,
                RemitUpper,
                SubsidyToSubsidiary,
            ],
        )],
        TableKind::GeneralBudgetExpenditure
        | TableKind::GovFundExpenditure
        | TableKind::StateCapitalExpenditure => &[("", &[Total, Basic, Project])],
        TableKind::BasicExpenditure => &[("", &[Total, Personnel, Public])],
        TableKind::ThreePublic => &[("", &[Total, GeneralBudget, GovFund, StateCapital])],
        _ => return None,
    };
    // when 栏次 is printed it must agree with the template (names and codes take the other lanes)
    if let Some(n) = lanes {
        let values: usize = t.iter().map(|g| g.1.len()).sum();
        let labels = if kind.is_sided() {
            t.len()
        } else if kind == TableKind::ThreePublic {
            1
        } else {
            2
        };
        if n != values + labels {
            return None;
        }
    }
    Some(t)
}

/// Grid tables whose headers did not yield distinct keys but whose column count fits the
/// standard layout get the standard keys.
fn apply_templates(table: &mut Table) {
    let Some(t) = template(table.kind, None) else {
        return;
    };
    let groups = t.len();
    for (gi, g) in t.iter().enumerate() {
        let cols: Vec<usize> = table.cols_in(gi as u8).collect();
        if groups > 1 && table.columns.iter().any(|c| c.group as usize >= groups) {
            return;
        }
        if cols.len() != g.1.len() {
            continue;
        }
        let keys: Vec<ColKey> = cols.iter().map(|c| table.columns[*c].key).collect();
        let repeated = keys.iter().enumerate().any(|(i, k)| keys[..i].contains(k));
        let known = keys.iter().filter(|k| **k != ColKey::Other).count();
        if repeated || known < keys.len() {
            for (c, k) in cols.iter().zip(g.1.iter()) {
                table.columns[*c].key = *k;
            }
        }
    }
}

/// The columns named by the header, if their identity holds in every row.
fn holds_everywhere(t: &Table, total: usize, parts: &[usize]) -> bool {
    let mut nonzero_parts = 0;
    for r in &t.rows {
        if r.group != 0 {
            continue;
        }
        let v = |c: usize| {
            r.cell(c)
                .map(|x| Approx::printed(x.value, x.scale))
                .unwrap_or(Approx::ZERO)
        };
        let sum: Approx = parts.iter().map(|p| v(*p)).sum();
        if !v(total).meets(sum) {
            return false;
        }
        if parts
            .iter()
            .filter(|p| r.cell(**p).is_some_and(|x| !x.value.is_zero()))
            .count()
            >= 2
        {
            nonzero_parts += 1;
        }
    }
    nonzero_parts >= 1
}

/// Find `total = a + b` among the columns after `total`; the first pair that holds in every row.
fn find_pair(t: &Table, total: usize, lo: usize, hi: usize) -> Option<(usize, usize)> {
    for a in lo..hi {
        for b in a + 1..hi {
            if holds_everywhere(t, total, &[a, b]) {
                return Some((a, b));
            }
        }
    }
    None
}

/// When a merged-cell export shifted the header cells, the header keys do not satisfy the table's
/// identity. Re-identify 合计 / 基本支出 / 项目支出 (and 人员经费 / 公用经费) by the identity that holds in
/// every row. Returns true when the keys were changed.
fn rekey_by_identities(t: &mut Table) -> bool {
    use ColKey::*;
    let n = t.columns.len();
    if n < 3 || t.rows.is_empty() || t.groups.len() > 1 {
        return false;
    }
    let key_at = |t: &Table, k: ColKey| t.columns.iter().position(|c| c.key == k);
    match t.kind {
        TableKind::ExpenditureSummary
        | TableKind::GeneralBudgetExpenditure
        | TableKind::GovFundExpenditure
        | TableKind::StateCapitalExpenditure => {
            if let (Some(tt), Some(b), Some(p)) =
                (key_at(t, Total), key_at(t, Basic), key_at(t, Project))
            {
                if holds_everywhere(t, tt, &[b, p]) {
                    return false;
                }
            }
            let total = key_at(t, Total).unwrap_or(0);
            let Some((b, p)) = find_pair(t, total, total + 1, n) else {
                return false;
            };
            let inner = find_pair(t, b, b + 1, p);
            for (i, c) in t.columns.iter_mut().enumerate() {
                let k = if i == total {
                    Total
                } else if i == b {
                    Basic
                } else if i == p {
                    Project
                } else if inner.is_some_and(|(x, _)| x == i) {
                    Personnel
                } else if inner.is_some_and(|(_, y)| y == i) {
                    Public
                } else {
                    Other
                };
                if c.key != k {
                    c.key = k;
                    if k != Other {
                        c.header = k.label().to_string();
                    }
                }
            }
            true
        }
        TableKind::IncomeSummary => {
            let (Some(total), Some(sub)) = (key_at(t, Total), key_at(t, Subtotal)) else {
                return false;
            };
            if let Some(co) = key_at(t, CarryOver) {
                if holds_everywhere(t, total, &[sub, co]) {
                    return false;
                }
            }
            let Some(co) = (sub + 1..n).find(|&c| holds_everywhere(t, total, &[sub, c])) else {
                return false;
            };
            for (i, c) in t.columns.iter_mut().enumerate() {
                if i == co {
                    c.key = CarryOver;
                    c.header = CarryOver.label().into();
                } else if c.key == CarryOver {
                    c.key = Other;
                }
            }
            true
        }
        TableKind::BasicExpenditure => {
            let total = key_at(t, Total).or(key_at(t, Basic)).unwrap_or(0);
            t.columns[total].key = Total;
            if let (Some(a), Some(b)) = (key_at(t, Personnel), key_at(t, Public)) {
                if holds_everywhere(t, total, &[a, b]) {
                    return false;
                }
            }
            let Some((a, b)) = find_pair(t, total, total + 1, n) else {
                return false;
            };
            for (i, c) in t.columns.iter_mut().enumerate() {
                if i == a {
                    c.key = Personnel;
                    c.header = Personnel.label().into();
                } else if i == b {
                    c.key = Public;
                    c.header = Public.label().into();
                }
            }
            true
        }
        TableKind::ThreePublic => rekey_three_public(t),
        _ => false,
    }
}

/// Does a header cell name this item? (Header words, not row names: a 公务用车 column with no
/// 购置 / 运行 parts beside it is the car 小计.)
fn in_header(it: Tp, h: &str, car_parts: bool) -> bool {
    match it {
        Tp::Car if !car_parts => h.contains("公务用车"),
        Tp::Grand => h.ends_with("合计"),
        Tp::Total => h.contains("三公"),
        Tp::Abroad => h.contains("出国"),
        Tp::Reception => h.contains("接待"),
        Tp::Car => h.contains("购置及运"),
        Tp::CarBuy => h.contains("购置费"),
        Tp::CarRun => h.contains("运行维护费") || h.ends_with("运行费"),
        Tp::Meeting => h.contains("会议费"),
        Tp::Training => h.contains("培训费"),
    }
}

/// Every plausible order of the columns of one year block: 合计 and the “三公” 小计 first, then
/// 因公出国 / 公务用车 (小计 before or after its two parts) / 公务接待 in any order, then 会议费 and
/// 培训费.
fn three_public_layouts(
    grand: bool,
    car_parts: bool,
    meeting: bool,
    training: bool,
) -> Vec<Vec<Tp>> {
    let cars: Vec<Vec<Tp>> = if car_parts {
        vec![
            vec![Tp::Car, Tp::CarBuy, Tp::CarRun],
            vec![Tp::CarBuy, Tp::CarRun, Tp::Car],
        ]
    } else {
        vec![vec![Tp::Car]]
    };
    let tails: Vec<Vec<Tp>> = match (meeting, training) {
        (true, true) => vec![
            vec![Tp::Meeting, Tp::Training],
            vec![Tp::Training, Tp::Meeting],
        ],
        (true, false) => vec![vec![Tp::Meeting]],
        (false, true) => vec![vec![Tp::Training]],
        (false, false) => vec![vec![]],
    };
    const ORDERS: [[usize; 3]; 6] = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let mut out = Vec::new();
    for car in &cars {
        for order in ORDERS {
            for tail in &tails {
                let mut l = Vec::new();
                if grand {
                    l.push(Tp::Grand);
                }
                l.push(Tp::Total);
                for i in order {
                    match i {
                        0 => l.push(Tp::Abroad),
                        1 => l.extend(car.iter().copied()),
                        _ => l.push(Tp::Reception),
                    }
                }
                l.extend(tail.iter().copied());
                out.push(l);
            }
        }
    }
    out
}

/// A “三公” table printed in year blocks (上年 / 当年 / 增减) whose merged header cells were shifted
/// by the export: every block has the same columns, so find the one order of the standard columns
/// under which the table's own identities (合计 = 三公 + 会议费 + 培训费, 三公 = 出国 + 用车 + 接待,
/// 用车 = 购置 + 运行) hold in the most rows and blocks, the header's own order deciding ties.
fn rekey_three_public(t: &mut Table) -> bool {
    let top = |h: &str| h.split('/').next().unwrap_or("").to_string();
    let mut blocks: Vec<(String, usize)> = Vec::new();
    for c in &t.columns {
        let g = top(&c.header);
        match blocks.last_mut() {
            Some((b, n)) if *b == g => *n += 1,
            _ => blocks.push((g, 1)),
        }
    }
    let w = blocks.first().map(|b| b.1).unwrap_or(0);
    let nb = blocks.len();
    if nb < 2
        || w < 4
        || !blocks
            .iter()
            .all(|b| !b.0.is_empty() && is_year_block(&b.0))
        || t.columns.len() < nb * w
        || t.columns.len() >= nb * w + w
    {
        return false;
    }
    let all: String = t
        .columns
        .iter()
        .map(|c| c.header.as_str())
        .collect::<Vec<_>>()
        .join("|");
    let meeting = all.contains("会议费");
    let training = all.contains("培训费");
    let grand = meeting || training;
    let car_parts = all.contains("购置费") && all.contains("运行");
    let n_items =
        grand as usize + 4 + if car_parts { 2 } else { 0 } + meeting as usize + training as usize;
    if n_items != w {
        return false;
    }
    let v = |r: &Row, c: usize| {
        r.cell(c)
            .map(|x| Approx::printed(x.value, x.scale))
            .unwrap_or(Approx::ZERO)
    };
    let nonzero = |r: &Row, c: usize| r.cell(c).is_some_and(|x| !x.value.is_zero());
    // the header's first mention of each item, in the first block (looked up once)
    let firsts: Vec<(Tp, Option<usize>)> = Tp::ALL
        .into_iter()
        .map(|it| {
            let at = (0..w).find(|&c| in_header(it, &t.columns[c].header, car_parts));
            (it, at)
        })
        .collect();
    let first_at = |it: Tp| firsts.iter().find(|f| f.0 == it).and_then(|f| f.1);
    let mut best: Option<(usize, usize, usize, Vec<Tp>)> = None;
    for layout in three_public_layouts(grand, car_parts, meeting, training) {
        let (mut holds, mut fails) = (0, 0);
        for r in &t.rows {
            for b in 0..nb {
                let col = |it: Tp| layout.iter().position(|x| *x == it).map(|i| b * w + i);
                for (total, parts) in [
                    (Tp::Grand, &[Tp::Total, Tp::Meeting, Tp::Training][..]),
                    (Tp::Total, &[Tp::Abroad, Tp::Car, Tp::Reception][..]),
                    (Tp::Car, &[Tp::CarBuy, Tp::CarRun][..]),
                ] {
                    let Some(tc) = col(total) else { continue };
                    let pcs: Vec<usize> = parts.iter().filter_map(|p| col(*p)).collect();
                    if pcs.len() < 2 || (!nonzero(r, tc) && !pcs.iter().any(|p| nonzero(r, *p))) {
                        continue;
                    }
                    let sum: Approx = pcs.iter().map(|p| v(r, *p)).sum();
                    if v(r, tc).meets(sum) {
                        holds += 1;
                    } else {
                        fails += 1;
                    }
                }
            }
        }
        let agree = layout
            .iter()
            .enumerate()
            .flat_map(|(i, a)| layout[i + 1..].iter().map(move |b| (*a, *b)))
            .filter(|(a, b)| matches!((first_at(*a), first_at(*b)), (Some(x), Some(y)) if x < y))
            .count();
        if best.as_ref().is_none_or(|b| (holds, agree) > (b.0, b.2)) {
            best = Some((holds, fails, agree, layout));
        }
    }
    let Some((holds, fails, _, layout)) = best else {
        return false;
    };
    if holds == 0 || holds < 2 * fails {
        return false;
    }
    let is_change = |b: &str| b.contains("增减") || b.contains("变化");
    let current = blocks
        .iter()
        .position(|b| b.0.contains("本年") || b.0.contains("当年"))
        .or_else(|| {
            (0..nb)
                .filter(|&i| !is_change(&blocks[i].0) && !blocks[i].0.contains("上年"))
                .max_by_key(|&i| years(&blocks[i].0).max())
        })
        .unwrap_or(0);
    let mut changed = false;
    for (ci, c) in t.columns.iter_mut().enumerate() {
        let (b, i) = (ci / w, ci % w);
        if b >= nb {
            if c.key != ColKey::Other {
                c.key = ColKey::Other;
                changed = true;
            }
            continue;
        }
        let block = &blocks[b].0;
        let key = if is_change(block) {
            ColKey::Change
        } else if b != current {
            ColKey::LastYear
        } else if i == 0 {
            ColKey::Total
        } else {
            ColKey::Other
        };
        let header = format!("{block}/{}", layout[i].header());
        if c.key != key || c.header != header {
            c.key = key;
            c.header = header;
            changed = true;
        }
    }
    changed
}

/// The first cell of a form line that states money: 资金金额 (万元), 其中:财政拨款, 其他资金, 年度资金总额.
fn form_money_line(first: &str) -> bool {
    if !contains(first, "资金") && !contains(first, "拨款") {
        return false;
    }
    let f: String = first.chars().filter(|c| !c.is_whitespace()).collect();
    let f = f.trim_start_matches("其中").trim_start_matches([':', '：']);
    f.starts_with("资金金额")
        || f.starts_with("财政拨款")
        || f.starts_with("其他资金")
        || f.starts_with("实施期资金")
        || f.starts_with("年度资金")
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

/// Years written as "2024年" in a text.
fn years(text: &str) -> impl Iterator<Item = i32> + '_ {
    text.match_indices('年').filter_map(move |(i, _)| {
        let d = text.get(i.checked_sub(4)?..i)?;
        d.parse::<i32>().ok().filter(|y| (1990..2100).contains(y))
    })
}
