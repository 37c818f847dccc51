//! The 情况说明: paragraphs outside tables, their heading path, and every amount / percent in them.
use super::lines::Line;
use super::number::parse_amount;
use crate::model::{Mention, MentionKind, Paragraph, TableKind, TableRef, Unit};
use crate::text::Span;

/// Word exports prefix headings with "[bookmark: _Toc…]".
pub fn strip_bookmark(t: &str) -> &str {
    match t.strip_prefix("[bookmark") {
        Some(rest) => rest
            .split_once(']')
            .map(|(_, r)| r.trim_start())
            .unwrap_or(t),
        None => t,
    }
}

/// Is this line a heading ("一、…", "（二）…", "# …", "第二部分 …", "1、收入说明")?
fn heading_level(t: &str) -> Option<usize> {
    let t = t.trim();
    if let Some(rest) = t.strip_prefix('#') {
        let extra = rest.chars().take_while(|c| *c == '#').count();
        return Some(1 + extra);
    }
    let n = t.chars().count();
    if n > 40 || t.contains('。') || t.contains('\t') {
        return None;
    }
    if t.starts_with('第') && t.contains("部分") {
        return Some(1);
    }
    let first = t.chars().next()?;
    if "一二三四五六七八九十".contains(first)
        && t.contains('、')
        && t.find('、').is_some_and(|i| i <= 9)
    {
        return Some(2);
    }
    if (t.starts_with('（') || t.starts_with('('))
        && t.chars()
            .nth(1)
            .is_some_and(|c| "一二三四五六七八九十".contains(c))
    {
        return Some(3);
    }
    if first.is_ascii_digit()
        && (t.contains('、') || t.contains('.'))
        && n <= 25
        && !t.contains('，')
    {
        return Some(4);
    }
    None
}

/// Collect paragraphs from every line not inside a table.
pub fn paragraphs(src: &str, lines: &[Line], table_lines: &[(usize, usize)]) -> Vec<Paragraph> {
    let mut in_table = vec![false; lines.len()];
    for &(a, b) in table_lines {
        for x in in_table.iter_mut().take(b.min(lines.len())).skip(a) {
            *x = true;
        }
    }
    struct Para {
        heading: Vec<String>,
        span: Span,
        mentions: Vec<Mention>,
        refs: Vec<TableRef>,
        is_heading: bool,
        last_line: usize,
    }
    let mut out: Vec<Para> = Vec::new();
    let mut path: Vec<(usize, String)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if in_table[i] {
            continue;
        }
        let t = strip_bookmark(l.text.trim());
        if t.is_empty() {
            continue;
        }
        let heading = heading_level(t);
        if let Some(level) = heading {
            while path.last().is_some_and(|(lv, _)| *lv >= level) {
                path.pop();
            }
            path.push((level, t.trim_start_matches('#').trim().to_string()));
        }
        let next = lines[i + 1..]
            .iter()
            .map(|x| x.text)
            .find(|x| !x.trim().is_empty())
            .unwrap_or("");
        let mentions = mentions(src, l.start, l.text, next);
        let refs = table_refs(l.start, l.text);
        // body lines under the same heading form one paragraph (PDF text wraps sentences over lines)
        match out.last_mut() {
            Some(p)
                if heading.is_none()
                    && !p.is_heading
                    && p.heading.iter().eq(path.iter().map(|(_, h)| h))
                    && !table_between(&in_table, p.last_line, i) =>
            {
                p.span = p.span.cover(l.span());
                p.mentions.extend(mentions);
                p.refs.extend(refs);
                p.last_line = i;
            }
            _ => out.push(Para {
                heading: path.iter().map(|(_, h)| h.clone()).collect(),
                span: l.span(),
                mentions,
                refs,
                is_heading: heading.is_some(),
                last_line: i,
            }),
        }
    }
    let _ = src;
    out.into_iter()
        .map(|p| Paragraph {
            heading: p.heading,
            span: p.span,
            mentions: p.mentions,
            is_heading: p.is_heading,
            refs: p.refs,
        })
        .collect()
}

fn table_between(in_table: &[bool], a: usize, b: usize) -> bool {
    in_table[a.min(in_table.len())..b.min(in_table.len())]
        .iter()
        .any(|x| *x)
}

/// Amounts followed by 亿元/万元/元 (also spaced out, “579.89 万 元”: corpus 32) and percents in
/// a line of text.
pub fn mentions(_src: &str, at: usize, text: &str, next: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts = c.is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b'.' || b[i - 1] == b','));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len() && (b[j].is_ascii_digit() || b[j] == b',' || b[j] == b'.') {
            j += 1;
        }
        let mut num_end = j;
        while num_end > i && (b[num_end - 1] == b'.' || b[num_end - 1] == b',') {
            num_end -= 1;
        }
        let raw = &text[i..num_end];
        let mut after = text[j..].trim_start_matches([' ', '\u{3000}']);
        if after.is_empty() {
            // a PDF line wrap between the number and its unit
            after = next.trim_start();
        }
        let neg = i > 0 && (b[i - 1] == b'-');
        let start = if neg { i - 1 } else { i };
        let kind = if after.starts_with("万元") || after.starts_with("万 元") {
            Some(MentionKind::Amount(Unit::Wan))
        } else if after.starts_with("亿元") || after.starts_with("亿 元") {
            Some(MentionKind::Amount(Unit::Yi))
        } else if after.starts_with('元') {
            Some(MentionKind::Amount(Unit::Yuan))
        } else if after.starts_with('%') || after.starts_with('％') {
            Some(MentionKind::Percent)
        } else {
            None
        };
        if let (Some(kind), Some(a)) = (kind, parse_amount(raw, true)) {
            let value = if neg { -a.value } else { a.value };
            out.push(Mention {
                span: Span::new(at + start, at + num_end),
                value,
                scale: a.scale,
                kind,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Table names in a line of text: the longest run of CJK characters before a "表" that names a
/// known kind of table ("项目支出表", "收支预算总表"), not "下表", "本表", "报表", "空表".
pub fn table_refs(at: usize, text: &str) -> Vec<TableRef> {
    let mut out = Vec::new();
    // (cheap test first: this runs on every line of text)
    if !crate::text::fast::contains(text, "表") {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c != '表' || chars.get(k + 1).is_some_and(|x| x.1 == '格') {
            continue;
        }
        let mut s = k;
        while s > 0 && k - s < 16 && is_cjk(chars[s - 1].1) {
            s -= 1;
        }
        let end = i + '表'.len_utf8();
        // the longest suffix that names a table kind
        for from in s..k.saturating_sub(2) {
            let name = &text[chars[from].0..end];
            if [
                "下表",
                "本表",
                "报表",
                "续表",
                "附表",
                "空表",
                "列表",
                "一览表",
                "对表",
            ]
            .iter()
            .any(|x| name.ends_with(x))
            {
                if name.ends_with("空表") {
                    out.extend(empty_table_claim(at, text, i, end));
                }
                break;
            }
            let kind = TableKind::from_title(name);
            if kind != TableKind::Other {
                out.push(TableRef {
                    span: Span::new(at + chars[from].0, at + end),
                    kind,
                    name: name.to_string(),
                });
                break;
            }
        }
    }
    out
}

/// "本部门无政府性基金预算收支，并已公开空表": the empty table the sentence says was published. The
/// reference's name ends with 空表, which tells the rules that a 目录 entry is not enough.
fn empty_table_claim(at: usize, text: &str, i: usize, end: usize) -> Option<TableRef> {
    let sentence_start = text[..i]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '。' | '；' | '\n'))
        .map(|(x, c)| x + c.len_utf8())
        .unwrap_or(0);
    let sentence = &text[sentence_start..i];
    if !sentence.contains("公开") {
        // "…支出表为空表" says the table is empty, not that it was published
        return None;
    }
    let kind = if sentence.contains("政府性基金") {
        TableKind::GovFundExpenditure
    } else if sentence.contains("国有资本经营") {
        TableKind::StateCapitalExpenditure
    } else if sentence.contains("三公") {
        TableKind::ThreePublic
    } else {
        return None;
    };
    let start = end - "空表".len();
    Some(TableRef {
        span: Span::new(at + start, at + end),
        kind,
        name: format!("{}空表", kind.label()),
    })
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '“' || c == '”'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_amounts_and_percents() {
        let t = "2024年收入合计7,895.93万元，下降3.17%，车辆35.97万元，共2辆";
        let m = mentions(t, 0, t, "");
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].span.slice(t), "7,895.93");
        assert_eq!(m[1].kind, MentionKind::Percent);
        assert_eq!(m[2].value.to_string(), "35.97");
    }

    #[test]
    fn yi_yuan_and_spaced_units() {
        // corpus 06 (亿元, after normalisation) and corpus 32 (万 元 spaced out by the PDF text)
        let t = "财政拨款收支总预算1378亿元，政府性基金预算支出 579.89 万 元，1.5 亿 元";
        let m = mentions(t, 0, t, "");
        let got: Vec<(&str, MentionKind)> = m.iter().map(|x| (x.span.slice(t), x.kind)).collect();
        assert_eq!(
            got,
            [
                ("1378", MentionKind::Amount(Unit::Yi)),
                ("579.89", MentionKind::Amount(Unit::Wan)),
                ("1.5", MentionKind::Amount(Unit::Yi)),
            ]
        );
        assert_eq!(m[0].scale, 0);
    }
}
