//! Page furniture: page numbers are rewritten as "- N -" lines (the form the text readers know as
//! a page break marker), and running headers and footers (the same text at the same height in the
//! top or bottom margin of most pages) are dropped, so that a table continued over pages reads as
//! one block.
use super::layout::{Line, Run};
use super::PageLines;
use std::collections::HashMap;

/// The share of the page height, at the top and at the bottom, where furniture is looked for.
const MARGIN: f32 = 0.1;

/// The page number a line prints, alone on its line: "12", "- 12 -", "—12—", "第12页",
/// "第 12 页 共 40 页", "12/40".
fn page_number(t: &str) -> Option<u32> {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['-', '—', '－', '–']);
    let t = match t.split_once('共') {
        Some((a, _)) => a.trim_end_matches(['/', '，', ',']),
        None => t,
    };
    let t = t.split_once('/').map_or(t, |(a, _)| a);
    let t = t.strip_prefix('第').unwrap_or(t);
    let t = t.strip_suffix('页').unwrap_or(t);
    if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// A running header or footer is compared with its digits blanked out ("2026年" is kept equal
/// across pages; a page number inside it changes).
fn key(l: &Line) -> Option<(String, i32)> {
    let t = l.text();
    // a line with an amount is a table row, even when it repeats (a 合计 row at the same height)
    let b = t.as_bytes();
    if b.windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
    {
        return None;
    }
    let k: String = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    Some((k, (l.y / 3.0).round() as i32))
}

fn in_margin(l: &Line, height: f32) -> bool {
    l.y < height * MARGIN || l.y > height * (1.0 - MARGIN)
}

pub(crate) fn strip(pages: &mut [PageLines]) {
    // page numbers first: a margin line that is only a page number
    for p in pages.iter_mut() {
        let h = p.height;
        for l in p.lines.iter_mut().filter(|l| in_margin(l, h)) {
            if let Some(n) = page_number(&l.text()) {
                let (x0, x1) = (l.runs[0].x0, l.runs[l.runs.len() - 1].x1);
                let (top, bottom, size) = (l.runs[0].top, l.runs[0].bottom, l.runs[0].size);
                l.runs = vec![Run {
                    text: format!("- {n} -"),
                    x0,
                    x1,
                    top,
                    bottom,
                    size,
                }];
            }
        }
    }
    if pages.len() < 3 {
        return;
    }
    let mut seen: HashMap<(String, i32), usize> = HashMap::new();
    for p in pages.iter() {
        let mut keys: Vec<(String, i32)> = p
            .lines
            .iter()
            .filter(|l| in_margin(l, p.height) && page_number(&l.text()).is_none())
            .filter_map(key)
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let need = pages.len().div_ceil(2).max(3);
    for p in pages.iter_mut() {
        let h = p.height;
        p.lines.retain(|l| {
            !(in_margin(l, h)
                && page_number(&l.text()).is_none()
                && key(l).is_some_and(|k| seen.get(&k).is_some_and(|n| *n >= need)))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        assert_eq!(page_number("- 12 -"), Some(12));
        assert_eq!(page_number("—3—"), Some(3));
        assert_eq!(page_number("第 4 页 共 40 页"), Some(4));
        assert_eq!(page_number("5/40"), Some(5));
        assert_eq!(page_number("7"), Some(7));
        assert_eq!(page_number("2026年"), None);
        assert_eq!(page_number("1,234.00"), None);
        assert_eq!(page_number("12345"), None);
    }
}
