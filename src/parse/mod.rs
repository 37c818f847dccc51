//! Text → document model. The parser never fails: what it cannot read becomes a `P` finding.
//!
//! Pipeline: [`lines`] splits the input losslessly; [`records`] groups lines into records (one table
//! row or one paragraph line, in whichever of the text shapes the input has); [`tables`] finds tables
//! and reads their headers, columns and rows (one file per stage); [`place`] places values when
//! empty cells vanished; [`narrative`] collects the amounts and percents of the 情况说明, and
//! [`claims`] turns its sentences into claims. The parser imports nothing from `rules`.
pub mod claims;
pub mod lines;
pub mod narrative;
pub mod number;
pub mod place;
pub mod records;
pub mod shapes;
pub mod tables;

use crate::model::{Document, Meta, Section, SectionKind, Unit};
use crate::report::{Finding, Location, Severity};
use crate::text::fast::{contains, find, has_white_space, trim};
use crate::text::normalize::normalize;
use crate::text::Span;
use std::borrow::Cow;

/// Parse result: the model plus parse findings (P codes).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub doc: Document,
    pub findings: Vec<Finding>,
}

/// Inputs larger than this are refused with a finding (nothing is parsed, nothing is lost).
pub const MAX_INPUT: usize = 64 * 1024 * 1024;

/// Read a pasted text. The text is normalised first (`text::normalize`: full-width digits,
/// Traditional characters, pinyin, decimals split from their integer part); every span of the
/// result points into `src` itself.
pub fn parse(src: &str) -> Parsed {
    if src.len() > MAX_INPUT {
        return parse_text(src);
    }
    let norm = normalize(src);
    let mut parsed = parse_text(&norm.text);
    if !norm.map.is_identity() {
        parsed.remap_spans(&|s| norm.map.span(s));
        parsed.doc.len = src.len() as u32;
    }
    parsed
}

impl Parsed {
    /// Map every span of the model and of the findings through `f`.
    pub fn remap_spans(&mut self, f: &impl Fn(Span) -> Span) {
        self.doc.remap_spans(f);
        for x in &mut self.findings {
            x.remap_spans(f);
        }
    }
}

/// [`parse`] without normalising: spans point into `src`, which is read as it is (the checker
/// parses the normalised text with this, runs the rules on it, and maps the report back).
pub fn parse_text(src: &str) -> Parsed {
    let mut diags = Diags::default();
    let mut doc = Document {
        len: src.len() as u32,
        ..Document::default()
    };
    if src.len() > MAX_INPUT {
        diags.push(
            P_NO_TABLES,
            Span::empty(0),
            format!(
                "输入过大（{} 字节，上限 {} 字节），未解析",
                src.len(),
                MAX_INPUT
            ),
        );
        return Parsed {
            doc,
            findings: diags.0,
        };
    }
    let lines = lines::split_lines(src);
    let recs = records::build(src, &lines);
    doc.meta = read_meta(src, &lines);
    let out = tables::find_tables(src, &lines, &recs, &doc.meta, &mut diags);
    doc.tables = out.tables;
    doc.toc = out.toc;
    doc.captions = out.captions;
    doc.sections = out.sections;
    if doc.sections.is_empty() {
        doc.sections.push(Section {
            kind: SectionKind::Department,
            name: doc.meta.department.clone().unwrap_or_default(),
            span: Span::new(0, src.len()),
        });
    }
    // the document's unit is the unit most of its amount tables are printed in (绩效目标 forms,
    // printed in 万元 whatever the tables use, do not count)
    let counted = |u: Unit| {
        doc.tables
            .iter()
            .filter(|t| {
                !t.rows.is_empty()
                    && t.unit == u
                    && !matches!(
                        t.kind,
                        crate::model::TableKind::Performance
                            | crate::model::TableKind::Organization
                            | crate::model::TableKind::Other
                    )
            })
            .count()
    };
    let (yuan, wan) = (counted(Unit::Yuan), counted(Unit::Wan));
    if yuan + wan > 0 {
        doc.meta.unit = Some(if yuan > wan { Unit::Yuan } else { Unit::Wan });
    }
    doc.paragraphs = narrative::paragraphs(src, &lines, &out.table_lines);
    doc.claims = claims::extract(src, &doc.paragraphs);
    // (a table whose amounts could not be read has its own note, P009)
    let has_data = doc
        .tables
        .iter()
        .any(|t| !t.rows.is_empty() || t.unread > 0);
    if !has_data {
        let what = if src.trim().is_empty() {
            "输入为空".to_string()
        } else if src.contains('\u{FFFD}')
            || src
                .chars()
                .filter(|c| c.is_control() && !c.is_whitespace())
                .count()
                > src.len() / 100 + 1
        {
            "输入看起来不是文本（可能是二进制文件或编码错误），未识别到任何预算表".to_string()
        } else {
            "未识别到任何预算表：请粘贴部门预算/决算公开文件的文字（含各张附表）".to_string()
        };
        diags.push(P_NO_TABLES, Span::empty(0), what);
        // a page of prose with amounts (a 三公 paragraph, a news repost: corpus 05, 06, 08) is
        // not a failed reading: it is said as a note, and its sentences are still checked
        let amounts = doc
            .paragraphs
            .iter()
            .flat_map(|p| &p.mentions)
            .filter(|m| matches!(m.kind, crate::model::MentionKind::Amount(_)))
            .count();
        if amounts >= 3 {
            if let Some(f) = diags.0.last_mut() {
                f.severity = Severity::Info;
                f.message = format!("这段文字里没有预算表，只核对文字中的 {amounts} 个金额");
            }
        }
    }
    Parsed {
        doc,
        findings: diags.0,
    }
}

/// Codes of the parse findings (declared as rules in `rules::structure`).
pub const P_NO_TABLES: &str = "P001";
pub const P_AMBIGUOUS: &str = "P002";
pub const P_UNALIGNED: &str = "P003";
pub const P_UNCONFIRMED: &str = "P009";

/// Name and severity of each code the parser reports itself. The parser does not import the rule
/// registry; the rules in `rules::structure` declare the same, and `tests/rules.rs`
/// (`parse_codes_agree_with_the_registry`) fails when the two differ.
pub const PARSE_CODES: [(&str, &str, Severity); 4] = [
    (P_NO_TABLES, "no-tables-found", Severity::Warning),
    (P_AMBIGUOUS, "ambiguous-placement", Severity::Info),
    (P_UNALIGNED, "unreadable-value", Severity::Info),
    (P_UNCONFIRMED, "table-structure-unconfirmed", Severity::Info),
];

/// Name and severity of a parse-finding code.
fn parse_rule(code: &str) -> (&'static str, Severity) {
    PARSE_CODES
        .iter()
        .find(|(c, name, _)| *c == code || *name == code)
        .map(|&(_, name, severity)| (name, severity))
        .unwrap_or(("parse", Severity::Info))
}

#[derive(Default, Debug)]
pub struct Diags(pub Vec<Finding>);

impl Diags {
    pub fn push(&mut self, code: &'static str, span: Span, message: String) {
        self.push_at(code, Location::text(span), message);
    }

    pub fn push_at(&mut self, code: &'static str, primary: Location, message: String) {
        let (name, severity) = parse_rule(code);
        self.0.push(Finding {
            id: 0,
            code,
            name,
            severity,
            message,
            primary,
            related: vec![],
            expected: None,
            actual: None,
        });
    }
}

/// Which severity a parse finding gets.
pub fn parse_severity(code: &str) -> Severity {
    parse_rule(code).1
}

/// Remove white space, list markers (一、 (一) 1、 1. ①) and "其中：" from a row name.
pub fn normalize_name(name: &str) -> String {
    normalized_name(name).into_owned()
}

/// [`normalize_name`] without a copy when the name has no white space to remove.
pub fn normalized_name(name: &str) -> Cow<'_, str> {
    let mut s = if has_white_space(name) {
        Cow::Owned(name.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(name)
    };
    let stripped = strip_name_prefixes(&s);
    if stripped.len() < s.len() {
        let from = s.len() - stripped.len();
        match &mut s {
            Cow::Borrowed(b) => *b = &b[from..],
            Cow::Owned(o) => {
                o.drain(..from);
            }
        }
    }
    s
}

/// The marker style of an item name: "一、" → 1, "1、" → 2, "（一）" → 3, "(1)" → 4, none → 0.
pub fn marker_style(name: &str) -> u8 {
    // white space does not count (and is neither 、 nor .)
    let mut chars = name.chars().filter(|c| !c.is_whitespace());
    let first = chars.next().unwrap_or(' ');
    if first == '(' || first == '（' {
        if chars.next().is_some_and(|c| c.is_ascii_digit()) {
            4
        } else {
            3
        }
    } else if "一二三四五六七八九十".contains(first) && name.contains('、') {
        1
    } else if first.is_ascii_digit() && (name.contains('、') || name.contains('.')) {
        2
    } else {
        0
    }
}

/// The name after its leading "其中：" and list markers.
fn strip_name_prefixes(mut s: &str) -> &str {
    loop {
        let before = s.len();
        if s.starts_with("其中") {
            for p in ["其中：", "其中:", "其中"] {
                if let Some(r) = s.strip_prefix(p) {
                    s = r;
                }
            }
        }
        s = strip_list_marker(s);
        if s.len() == before {
            break;
        }
    }
    s
}

fn strip_list_marker(s: &str) -> &str {
    fn numeral(c: char) -> bool {
        c.is_ascii_digit()
            || matches!(
                c,
                '一' | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
                    | '百'
                    | '零'
                    | '〇'
            )
    }
    // fast path: most names start with neither a bracket, a numeral nor a circled number
    let Some(first) = s.chars().next() else {
        return s;
    };
    if !(numeral(first) || matches!(first, '(' | '（') || ('①'..='⑳').contains(&first)) {
        return s;
    }
    let t = s.trim_start_matches(['(', '（']);
    let rest = t.trim_start_matches(numeral);
    if rest.len() < t.len() {
        let r2 = rest.trim_start_matches([')', '）', '、', '.', '．']);
        if r2.len() < rest.len() || t.len() < s.len() {
            return r2;
        }
    }
    s.trim_start_matches(|c: char| ('①'..='⑳').contains(&c))
}

/// Document metadata from the first lines that carry it.
fn read_meta(src: &str, lines: &[lines::Line]) -> Meta {
    let mut meta = Meta::default();
    for l in lines {
        let t = l.text;
        if meta.year.is_none() {
            if let Some(y) = after(t, "预算年度").and_then(leading_int) {
                meta.year = Some(y as i32);
            }
        }
        if meta.unit.is_none() {
            if let Some(u) = unit_in(t) {
                meta.unit = Some(u);
            }
        }
        if meta.department.is_none() {
            if let Some(name) = after(t, "部门名称") {
                let n = name
                    .split(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("")
                    .trim();
                if !n.is_empty() {
                    meta.department = Some(n.to_string());
                }
            } else if let Some((code, name)) = dept_line(t) {
                meta.department_code = code;
                meta.department = Some(name);
            }
        }
        if meta.department.is_some() && meta.year.is_some() && meta.unit.is_some() {
            break;
        }
    }
    let head: String = src.chars().take(4000).collect();
    if meta.year.is_none() {
        meta.year = year_in(&head);
    }
    if meta.department.is_none() {
        // "温县医疗保障局" on its own line near the top
        meta.department = lines
            .iter()
            .take(30)
            .map(|l| l.text.trim().trim_start_matches('#').trim())
            .find(|t| is_org_name(t))
            .map(str::to_string);
    }
    if head.contains("决算") && !head.contains("预算公开") && !head.contains("部门预算") {
        meta.kind = crate::model::DocKind::FinalAccounts;
    }
    meta
}

fn after<'a>(t: &'a str, key: &str) -> Option<&'a str> {
    let i = find(t, key)?;
    let rest = &t[i + key.len()..];
    Some(rest.trim_start_matches([':', '：', ' ', '\t']))
}

fn leading_int(s: &str) -> Option<u32> {
    let d: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    d.parse().ok()
}

fn year_in(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(4) {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
        {
            let y: i32 = s[i..i + 4].parse().ok()?;
            let rest = s[i + 4..].trim_start();
            if (2000..2100).contains(&y) && rest.starts_with('年') {
                return Some(y);
            }
        }
    }
    None
}

/// The unit named in a line ("单位：万元", "金额单位：元").
pub fn unit_in(t: &str) -> Option<Unit> {
    let rest = after(t, "单位")?;
    if rest.starts_with("万元") {
        Some(Unit::Wan)
    } else if rest.starts_with('元') {
        Some(Unit::Yuan)
    } else {
        None
    }
}

const ORG_SUFFIXES: [&str; 12] = [
    "局",
    "委员会",
    "中心",
    "院",
    "所",
    "办公室",
    "站",
    "队",
    "厅",
    "处",
    "馆",
    "本级",
];

/// A short organisation name such as "温县医疗保障局" or "丰润区医疗保险事业管理中心".
pub fn is_org_name(t: &str) -> bool {
    ORG_SUFFIXES.iter().any(|s| t.ends_with(s))
        && (3..=30).contains(&t.chars().count())
        && !t.contains(['，', '。', '、', '：', ':', '（', '('])
        && t.chars().all(|c| !c.is_ascii_digit())
}

/// "450丰润区医疗保障局" / "447承德市医疗保障局 预算年度：2022 单位：万元" / "450 平乡县医疗保障局" → (code, name).
pub fn dept_line(t: &str) -> Option<(Option<String>, String)> {
    let t = trim(skip_hashes(trim(t)));
    // a name needs CJK: the many amounts in table cells stop here
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) || t.is_ascii() {
        return None;
    }
    // (the code's digits are t's leading digits: 预算年度 does not start with a digit)
    let ndigits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(3..=9).contains(&ndigits) {
        return None;
    }
    // a 款 or 项 code of the 支出功能分类 (5 or 7 digits under a 类 201–234) names a row of a
    // table, not a department, even when the row's name is an organisation ("2070205 博物馆",
    // "2040101 武装警察部队": corpus PDFs chongqing_propaganda, quanzhou_public_security)
    if matches!(ndigits, 5 | 7)
        && t[..3]
            .parse::<u16>()
            .is_ok_and(|k| (201..=234).contains(&k))
    {
        return None;
    }
    let first = trim(find(t, "预算年度").map_or(t, |i| &t[..i]));
    let name = trim(&first[ndigits..]);
    let name = name.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    if is_org_name(name) {
        Some((Some(first[..ndigits].to_string()), name.to_string()))
    } else {
        None
    }
}

/// `t.trim_start_matches('#')`.
pub(crate) fn skip_hashes(t: &str) -> &str {
    &t[t.bytes().take_while(|b| *b == b'#').count()..]
}

/// A line that repeats on every page: the department / 预算年度 / 单位 header, or a page number.
pub fn is_page_header(t: &str) -> bool {
    let t = trim(skip_hashes(trim(t)));
    // cheap tests first: this runs on every short row of every table
    contains(t, "预算年度")
        || match t.chars().next() {
            Some('单') => {
                t.starts_with("单位：") || t.starts_with("单位:") || t.starts_with("单位名称：")
            }
            Some('金') => t.starts_with("金额单位"),
            Some('部') => t.starts_with("部门名称：") || t.starts_with("部门名称:"),
            Some('p') => t == "page number",
            Some('[') => t.starts_with("[bookmark"),
            Some(c) if c.is_ascii_digit() => dept_line(t).is_some(),
            _ => false,
        }
}

/// A page number on its own line: "- 15 -", "— 3 —", "第 3 页" (a bare number is not one: in
/// text of one cell per line it is a value).
pub fn is_page_number(t: &str) -> bool {
    let t = trim(t);
    let inner = match t.strip_prefix('第').and_then(|x| x.strip_suffix('页')) {
        Some(x) => x,
        None if t.starts_with(['-', '—', '－']) && t.ends_with(['-', '—', '－']) => t
            .trim_start_matches(['-', '—', '－'])
            .trim_end_matches(['-', '—', '－']),
        None => return false,
    };
    let inner = trim(inner);
    !inner.is_empty() && inner.len() <= 4 && inner.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalize() {
        assert_eq!(
            normalize_name("一、一般公共预算拨款收入"),
            "一般公共预算拨款收入"
        );
        assert_eq!(normalize_name("（十）卫生健康支出"), "卫生健康支出");
        assert_eq!(normalize_name("    其中：公务用车购置费"), "公务用车购置费");
        assert_eq!(normalize_name("(二十一) 住房保障支出"), "住房保障支出");
        assert_eq!(normalize_name("1、财政拨款"), "财政拨款");
        assert_eq!(normalize_name("本年收入合计"), "本年收入合计");
        assert_eq!(normalize_name("30%奖励性绩效工资"), "30%奖励性绩效工资");
    }

    #[test]
    fn dept_lines() {
        assert_eq!(
            dept_line("447承德市医疗保障局 预算年度：2022 单位：万元"),
            Some((Some("447".into()), "承德市医疗保障局".into()))
        );
        assert_eq!(
            dept_line("## 450 平乡县医疗保障局"),
            Some((Some("450".into()), "平乡县医疗保障局".into()))
        );
        assert_eq!(dept_line("2080505 机关事业单位基本养老保险缴费支出"), None);
        assert_eq!(dept_line("2070205 博物馆 12,580.86 12,580.86"), None);
        assert_eq!(dept_line("20401 武装警察部队"), None);
        assert_eq!(
            dept_line("105001 长春市信访局"),
            Some((Some("105001".into()), "长春市信访局".into()))
        );
    }
}
