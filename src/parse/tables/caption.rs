//! What one record is to the table finder: a caption (`表N` and a title, or a title alone), a row of
//! the 目录, a note (注：…, 本表无数据), a numbered section heading, or a line that ends a table.
use crate::model::*;
use crate::parse::lines::{Line, Tok};
use crate::parse::number::parse_amount;
use crate::parse::records::Rec;
use crate::parse::{is_page_header, unit_in};
use crate::text::fast::{contains, trim};
use crate::text::Span;

#[derive(Clone, Debug)]
pub(super) struct Title {
    pub(super) number: Option<String>,
    pub(super) text: String,
    pub(super) span: Span,
    pub(super) kind: TableKind,
    /// first record of the title (a number caption may precede the title text)
    pub(super) rec: usize,
    /// first record after the title
    pub(super) next: usize,
}

pub(super) fn strip_decor(t: &str) -> &str {
    let mut t = trim(t);
    if t.starts_with("[bookmark") {
        if let Some(i) = t.find(']') {
            t = &t[i + 1..];
        }
    }
    let mut t = trim(crate::parse::skip_hashes(t));
    while let Some(rest) = t.strip_prefix("- ") {
        t = rest;
    }
    trim(t)
}

pub(super) fn is_table_number(t: &str) -> bool {
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
            && crate::parse::normalized_name(core) == core
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
pub(super) fn toc_row(rec: &Rec) -> Option<TocEntry> {
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

pub(super) fn title_at(recs: &[Rec], i: usize) -> Option<Title> {
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
pub(super) fn tabular(rec: &Rec, lines: &[Line], src: &str) -> bool {
    if rec.grid {
        return rec.filled_count() >= 2
            && toc_row(rec).is_none()
            && !contains(&rec.joined(), "....");
    }
    let text = rec.single().unwrap_or("");
    // "- 17 -" is a page number, not three cells (a list of the tables split by a page break:
    // corpus PDFs hangzhou_public_security, quanzhou_public_security)
    if crate::parse::is_page_number(text) {
        return false;
    }
    if contains(text, "栏次") || unit_in(text).is_some() || contains(text, "预算年度") {
        return true;
    }
    let toks = rec.flow(src, lines);
    toks.len() >= 3
        && toks.iter().any(|t| {
            parse_amount(t.text, false).is_some() || matches!(t.text, "合计" | "项目" | "序号")
        })
}

pub(super) fn is_note(t: &str) -> bool {
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

/// A short numbered section heading: "六、政府采购预算情况" (Chinese numerals, no figures).
pub(super) fn is_section_heading(t: &str) -> bool {
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
pub(super) fn declares_empty(note: &str) -> bool {
    contains(note, "空表") || contains(note, "本表无数据")
}

pub(super) fn is_terminator(rec: &Rec) -> bool {
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
