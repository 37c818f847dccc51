//! Space-aligned columns (`pdftotext -layout`, fixed-width copies): columns recovered from the
//! display positions of the text runs (a CJK character is two columns wide).
//!
//! A block is a run of table lines: lines whose text runs are separated by gaps of two or more
//! spaces (corpus 10, 12, 14, 24, 26, 30, 34, 36, 40, 45 print every table so). Amounts are
//! right-aligned in their column and names left-aligned, so the columns are the clusters of the
//! right edges of the amounts and of the left edges of the other runs on the lines that hold
//! amounts; header lines and lines without amounts are then placed by overlap. Two tables printed
//! side by side (收入 | 支出) come out as their columns side by side, the way a spreadsheet has them.
//!
//! The reader is built to take runs with x positions; the PDF reader will feed it the same way.
//! When the positions do not give clean columns (two amounts of one line in one column), the
//! block is handed back as plain lines and read in reading order, as before.
use super::Block;
use crate::parse::lines::{Line, Tok};
use crate::parse::records::{Cells, Rec};
use crate::text::fast;

/// A text run of a line: its display columns `[x0, x1)`, and its byte range in the line.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    pub x0: u32,
    pub x1: u32,
    pub b0: usize,
    pub b1: usize,
    pub amount: bool,
}

/// Display width of a character: `wide` (1 or 2) for the wide (CJK) ones.
pub fn width(c: char, wide: u32) -> u32 {
    if crate::text::is_wide(c) {
        wide
    } else {
        1
    }
}

/// An amount as tables print it: digits with a decimal point or thousands separators, a dash for
/// zero ("-", "—"), or "0". Codes, years and counts (bare integers) are not amounts here: they are
/// placed by their left edge like names.
fn is_amount(t: &str) -> bool {
    if matches!(t, "-" | "—" | "--" | "0") {
        return true;
    }
    let t = t.strip_prefix('-').unwrap_or(t);
    let t = t.strip_suffix('%').unwrap_or(t);
    let b = t.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_digit()
        && b.iter()
            .all(|c| c.is_ascii_digit() || *c == b',' || *c == b'.')
        && (b.contains(&b'.') || b.contains(&b','))
        && b.iter().filter(|c| **c == b'.').count() <= 1
}

/// Split a line into runs: at gaps of two or more spaces, and at single spaces next to an amount
/// ("2,723.94 一、一般公共服务支出"); an amount glued to a name ("公用经费支出1839311.66") is split off.
/// `wide` is the width of a CJK character: 2 in fixed-width copies (display width), 1 in
/// `pdftotext -layout` output, which counts characters (corpus 24: the amounts of a column end at
/// the same character count, not at the same display width).
pub fn runs(text: &str, wide: u32) -> Vec<Run> {
    // words: maximal non-space pieces, with display positions
    let mut words: Vec<Run> = Vec::new();
    let mut x = 0u32;
    let mut cur: Option<(u32, usize)> = None;
    for (i, c) in text.char_indices() {
        let ws = c == ' ' || c == '\u{3000}';
        if ws {
            if let Some((x0, b0)) = cur.take() {
                words.push(Run {
                    x0,
                    x1: x,
                    b0,
                    b1: i,
                    amount: false,
                });
            }
        } else if cur.is_none() {
            cur = Some((x, i));
        }
        x += width(c, wide);
    }
    if let Some((x0, b0)) = cur {
        words.push(Run {
            x0,
            x1: x,
            b0,
            b1: text.len(),
            amount: false,
        });
    }
    // split amounts glued to the end of a name
    let mut split: Vec<Run> = Vec::with_capacity(words.len());
    for w in words {
        let s = &text[w.b0..w.b1];
        let tail = s
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
            .last()
            .map(|(i, _)| i);
        match tail {
            Some(k) if k > 0 && is_amount(&s[k..]) && s[k..].contains('.') => {
                let head_w: u32 = s[..k].chars().map(|c| width(c, wide)).sum();
                split.push(Run {
                    x1: w.x0 + head_w,
                    b1: w.b0 + k,
                    ..w
                });
                split.push(Run {
                    x0: w.x0 + head_w,
                    b0: w.b0 + k,
                    amount: true,
                    ..w
                });
            }
            _ => split.push(Run {
                amount: is_amount(s),
                ..w
            }),
        }
    }
    // join words of one run: separated by a single space, neither an amount
    let mut out: Vec<Run> = Vec::with_capacity(split.len());
    for w in split {
        if let Some(last) = out.last_mut() {
            let gap = w.x0 - last.x1;
            let joined_amount = last.amount && text[w.b0..w.b1].starts_with('.') && gap == 1;
            if joined_amount || (gap <= 1 && !last.amount && !w.amount) {
                last.x1 = w.x1;
                last.b1 = w.b1;
                continue;
            }
        }
        out.push(w);
    }
    out
}

/// The largest gap between two runs of a line (0 for a line of one run).
fn widest_gap(rs: &[Run]) -> u32 {
    rs.windows(2).map(|w| w[1].x0 - w[0].x1).max().unwrap_or(0)
}

/// A line of prose, a caption, a page header or footer: never inside a block.
fn stops_block(text: &str) -> bool {
    let t = fast::trim(text);
    // a caption stays a line of its own (it names the table that follows)
    let caption = t.ends_with('表') || t.ends_with("表）") || t.ends_with("表)");
    caption
        || t.contains(['，', '。', '；'])
        || crate::parse::is_page_header(t)
        || (t.starts_with('-') && t.ends_with('-') && t.len() <= 12)
        || t.chars().count() > 60 && !t.contains("  ")
}

/// A line that may stand inside a block: runs with gaps between them, or one indented run (a name
/// printed alone in its column, a header word).
fn tableish(l: &Line) -> Option<Vec<Run>> {
    if l.tabs > 0 || fast::is_blank(l.text) || stops_block(l.text) {
        return None;
    }
    Some(runs(l.text, 1))
}

/// Lines `i..` that form a block: it starts on a line with a wide gap and goes on over lines of
/// the table (single blank lines included) up to a line that stops it.
#[allow(clippy::type_complexity)]
fn extent(lines: &[Line], i: usize) -> Option<(usize, Vec<(usize, Vec<Run>)>, Vec<usize>)> {
    let first = tableish(&lines[i])?;
    // a block starts with runs and a gap, or with a name printed alone far from the margin (the
    // first line of a table continued on a new page: corpus 24's 财政拨款收支总表)
    if !(first.len() >= 2 && widest_gap(&first) >= 2 || first.len() == 1 && first[0].x0 >= 8) {
        return None;
    }
    let mut rows = vec![(i, first)];
    // where each page of the block starts (indices into rows)
    let mut segs = vec![0];
    let mut headers: Vec<String> = vec![squeeze(lines[i].text)];
    let mut seen_amounts = rows[0].1.iter().any(|r| r.amount);
    let mut j = i + 1;
    let mut blanks = 0;
    while j < lines.len() {
        let l = &lines[j];
        if fast::is_blank(l.text) || furniture(l.text) {
            // a page break inside the table: its page number and running header, then the
            // table goes on (corpus 24's 支出总表 ends with one row on the next page)
            if let Some(next) = page_break(lines, j) {
                j = next;
                blanks = 0;
                segs.push(rows.len());
                continue;
            }
            if furniture(l.text) {
                break;
            }
            blanks += 1;
            if blanks >= 2 {
                break;
            }
            j += 1;
            continue;
        }
        let Some(rs) = tableish(l) else { break };
        // one unindented run without a gap: a caption or a line of text, unless it is a short name
        if rs.len() == 1 && rs[0].x0 == 0 && l.text.chars().count() > 20 {
            break;
        }
        blanks = 0;
        // a header line printed again: a new page of the table, laid out anew (corpus 15's
        // 公开02表 repeats its header with no blank line between the pages)
        let squeezed = squeeze(l.text);
        if !rs.iter().any(|r| r.amount) {
            if headers.contains(&squeezed) {
                if segs.last() != Some(&rows.len()) && seen_amounts {
                    segs.push(rows.len());
                }
            } else if !seen_amounts {
                headers.push(squeezed);
            }
        } else {
            seen_amounts = true;
        }
        rows.push((j, rs));
        j += 1;
    }
    // a block ends at its last table line (trailing blank lines are not its own)
    let end = rows.last().map(|r| r.0 + 1).unwrap_or(i + 1);
    Some((end, rows, segs))
}

/// A page number ("- 15 -", "第 3 页") or a running header that names the publication and its
/// year ("无锡市信访局 2025 年度部门预算公开").
fn furniture(text: &str) -> bool {
    let t = fast::trim(text);
    crate::parse::is_page_number(t)
        || (t.chars().count() <= 40
            && !t.contains("  ")
            && (t.contains("公开") || t.contains("年度"))
            && t.as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit)))
}

/// From line `j` (blank or furniture): the first table line after a page break, when only blank
/// lines and page furniture (a page number among them) stand between.
fn page_break(lines: &[Line], j: usize) -> Option<usize> {
    let mut numbered = false;
    for (k, l) in lines.iter().enumerate().skip(j).take(16) {
        if fast::is_blank(l.text) {
            continue;
        }
        if furniture(l.text) {
            numbered |= crate::parse::is_page_number(l.text);
            continue;
        }
        let rs = tableish(l)?;
        let gappy = rs.len() >= 2 && widest_gap(&rs) >= 2;
        return (numbered && gappy).then_some(k);
    }
    None
}

/// The text without white space.
fn squeeze(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Group sorted positions into clusters: a new cluster where the next position is more than
/// `tol` columns away.
fn clusters(mut xs: Vec<u32>, tol: u32) -> Vec<(u32, u32)> {
    crate::text::sort::sort(&mut xs);
    let mut out: Vec<(u32, u32)> = Vec::new();
    for x in xs {
        match out.last_mut() {
            Some(c) if x <= c.1 + tol => c.1 = x,
            _ => out.push((x, x)),
        }
    }
    out
}

/// How far apart (in columns) the edges of one column may be printed: `pdftotext -layout`
/// jitters them by up to three (corpus 24).
const TOL: u32 = 3;

#[derive(Clone, Copy, Debug)]
struct Col {
    /// anchor range: right edges of amounts, left edges of names
    lo: u32,
    hi: u32,
    amount: bool,
    /// display extent of the runs in it
    x0: u32,
    x1: u32,
}

impl Col {
    fn anchors(&self, r: &Run) -> bool {
        let a = if self.amount { r.x1 } else { r.x0 };
        r.amount == self.amount && a >= self.lo && a <= self.hi
    }
}

/// A block of space-aligned table lines starting at line `i`.
pub fn block<'a>(src: &'a str, lines: &[Line<'a>], i: usize) -> Option<Block<'a>> {
    let _ = src;
    // cheap exit: a table line has a gap of two spaces after its first run, or is indented
    let l = &lines[i];
    let t = fast::trim_start(l.text);
    if l.tabs > 0 || !(t.contains("  ") || l.text.len() - t.len() >= 8) {
        return None;
    }
    let (end, rows, segs) = extent(lines, i)?;
    // the width of a CJK character that aligns the amounts best (fewest amount columns)
    let mode = |wide: u32| -> Vec<(usize, Vec<Run>)> {
        rows.iter()
            .map(|(li, _)| (*li, runs(lines[*li].text, wide)))
            .collect()
    };
    // a mode is worse when two amounts of one line fall into one column, then when its columns
    // are spread wider
    let score = |rows: &[(usize, Vec<Run>)]| {
        let cs = clusters(
            rows.iter()
                .flat_map(|(_, rs)| rs.iter().filter(|r| r.amount).map(|r| r.x1))
                .collect(),
            TOL,
        );
        let collisions = rows
            .iter()
            .filter(|(_, rs)| {
                let mut seen = vec![false; cs.len()];
                rs.iter().filter(|r| r.amount).any(|r| {
                    let k = cs.partition_point(|c| c.1 < r.x1);
                    std::mem::replace(&mut seen[k.min(cs.len() - 1)], true)
                })
            })
            .count();
        (collisions, cs.iter().map(|c| c.1 - c.0).sum::<u32>())
    };
    let (by_char, by_display) = (mode(1), mode(2));
    let rows = if score(&by_char) < score(&by_display) {
        by_char
    } else {
        by_display
    };
    // each page of the block is aligned on its own (`pdftotext` lays every page out anew); the
    // columns of the first page are the table's, a later page's map onto them in order
    let seg_of = |k: usize| segs.iter().rposition(|&s| s <= k).unwrap_or(0);
    let seg_rows = |s: usize| -> Vec<&(usize, Vec<Run>)> {
        let lo = segs[s];
        let hi = segs.get(s + 1).copied().unwrap_or(rows.len());
        rows[lo..hi].iter().collect()
    };
    let first = seg_rows(0);
    let data: Vec<&(usize, Vec<Run>)> = first
        .iter()
        .copied()
        .filter(|(_, rs)| rs.iter().any(|r| r.amount))
        .collect();
    if data.len() < 2 || !data.iter().any(|(_, rs)| rs.len() >= 2) {
        return None;
    }
    let cols = columns(&data);
    if cols.len() < 2 {
        return None;
    }
    // more amount columns than any line has amounts: some lines are printed shifted as a whole
    // (corpus 27, where the rows after a page's first dozen move four columns left), and the
    // positions do not give the columns
    let amount_cols = cols.iter().filter(|c| c.amount).count();
    let widest = data
        .iter()
        .map(|(_, rs)| rs.iter().filter(|r| r.amount).count())
        .max()
        .unwrap_or(0);
    if amount_cols > widest {
        return plain(lines, &rows, end);
    }
    // per page: its columns and where each lands among the table's
    let mut pages: Vec<(Vec<Col>, Vec<usize>)> = vec![(cols.clone(), (0..cols.len()).collect())];
    for s in 1..segs.len() {
        let page: Vec<&(usize, Vec<Run>)> = seg_rows(s)
            .into_iter()
            .filter(|(_, rs)| rs.iter().any(|r| r.amount))
            .collect();
        let own = if page.is_empty() {
            cols.clone()
        } else {
            columns(&page)
        };
        let Some(mut map) = map_columns(&own, &cols) else {
            return plain(lines, &rows, end);
        };
        // a page that prints the header again: its amounts go under the header word they stand
        // under on this page, as on the first (corpus 26's 表6, whose second page holds one row
        // with an amount in 合计 and one in 专项业务经费支出)
        if let Some(by_label) = label_map(lines, &first, &seg_rows(s), &own, &cols) {
            map = by_label;
        }
        pages.push((own, map));
    }
    let mut recs = Vec::with_capacity(rows.len());
    for (k, (li, rs)) in rows.iter().enumerate() {
        let l = &lines[*li];
        let (own, map) = &pages[seg_of(k)];
        let mut cells: Vec<Option<(usize, usize)>> = vec![None; cols.len()];
        for r in rs {
            let c = match own.iter().position(|c| c.anchors(r)) {
                Some(c) => c,
                None => place(own, r)?,
            };
            let c = map[c];
            // two amounts of one line in one column: the positions do not give the columns
            if r.amount && cells[c].is_some() {
                return plain(lines, &rows, end);
            }
            cells[c] = Some(match cells[c] {
                Some((b0, _)) => (b0, r.b1),
                None => (r.b0, r.b1),
            });
        }
        // an empty cell stands where the text before it ends: spans stay in column order
        let mut at = l.start + (l.text.len() - fast::trim_start(l.text).len());
        let toks: Vec<Tok<'a>> = cells
            .iter()
            .map(|c| match c {
                Some((b0, b1)) => {
                    at = l.start + b1;
                    Tok::new(&l.text[*b0..*b1], l.start + b0)
                }
                None => Tok::new("", at),
            })
            .collect();
        let mut rec = super::grid_rec(toks, lines, *li, li + 1);
        rec.inferred = true;
        recs.push(rec);
    }
    Some(Block { recs, end })
}

/// The header line of a page that repeats one of the first page's: (its runs, the first page's).
fn repeated_header<'r>(
    lines: &[Line],
    first: &[&'r (usize, Vec<Run>)],
    page: &[&'r (usize, Vec<Run>)],
) -> Option<(&'r [Run], &'r [Run])> {
    page.iter()
        .take_while(|(_, rs)| !rs.iter().any(|r| r.amount))
        .filter(|(_, rs)| rs.len() >= 3)
        .find_map(|(li, rs)| {
            let text = squeeze(lines[*li].text);
            first
                .iter()
                .take_while(|(_, fr)| !fr.iter().any(|r| r.amount))
                .find(|(fl, fr)| fr.len() == rs.len() && squeeze(lines[*fl].text) == text)
                .map(|(_, fr)| (rs.as_slice(), fr.as_slice()))
        })
}

/// The header word an amount ending at `x1` stands under: the last one that starts at or before
/// the amount's end (amounts are right-aligned in their cell, header words centred or left).
fn label_of(header: &[Run], x1: u32) -> Option<usize> {
    header.iter().rposition(|h| h.x0 <= x1)
}

/// Map a later page's amount columns onto the table's by the header words they stand under on
/// their own page and on the first: `None` unless every amount column of both pages stands under
/// a word of its own, and the page's name columns map as `map_columns` maps them.
fn label_map(
    lines: &[Line],
    first: &[&(usize, Vec<Run>)],
    page: &[&(usize, Vec<Run>)],
    own: &[Col],
    table: &[Col],
) -> Option<Vec<usize>> {
    let (here, there) = repeated_header(lines, first, page)?;
    let labels = |cols: &[Col], header: &[Run]| -> Option<Vec<(usize, usize)>> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (k, c) in cols.iter().enumerate().filter(|(_, c)| c.amount) {
            let l = label_of(header, c.hi)?;
            if label_of(header, c.lo)? != l || out.iter().any(|o| o.1 == l) {
                return None;
            }
            out.push((k, l));
        }
        Some(out)
    };
    let (mine, theirs) = (labels(own, here)?, labels(table, there)?);
    let names: Vec<usize> = (0..table.len()).filter(|&k| !table[k].amount).collect();
    let mut n = 0;
    own.iter()
        .enumerate()
        .map(|(k, c)| {
            if c.amount {
                let l = mine.iter().find(|m| m.0 == k)?.1;
                theirs.iter().find(|t| t.1 == l).map(|t| t.0)
            } else {
                n += 1;
                names.get(n - 1).copied()
            }
        })
        .collect()
}

/// The columns of these lines (which hold amounts): clusters of the right edges of the amounts
/// and of the left edges of the other runs, in order; name columns next to each other that never
/// share a line are one column printed with different indents.
fn columns(data: &[&(usize, Vec<Run>)]) -> Vec<Col> {
    let mut cols: Vec<Col> = Vec::new();
    for amount in [true, false] {
        let xs: Vec<u32> = data
            .iter()
            .flat_map(|(_, rs)| rs.iter())
            .filter(|r| r.amount == amount)
            .map(|r| if amount { r.x1 } else { r.x0 })
            .collect();
        for (lo, hi) in clusters(xs, TOL) {
            cols.push(Col {
                lo,
                hi,
                amount,
                x0: u32::MAX,
                x1: 0,
            });
        }
    }
    for (_, rs) in data {
        for r in rs {
            if let Some(c) = cols.iter_mut().find(|c| c.anchors(r)) {
                c.x0 = c.x0.min(r.x0);
                c.x1 = c.x1.max(r.x1);
            }
        }
    }
    crate::text::sort::sort_by_key(&mut cols, |c| (c.x0, c.x1));
    let mut k = 0;
    while k + 1 < cols.len() {
        let (a, b) = (cols[k], cols[k + 1]);
        let share = data
            .iter()
            .any(|(_, rs)| rs.iter().any(|r| a.anchors(r)) && rs.iter().any(|r| b.anchors(r)));
        if !a.amount && !b.amount && !share {
            cols[k] = Col {
                lo: a.lo.min(b.lo),
                hi: a.hi.max(b.hi),
                amount: false,
                x0: a.x0.min(b.x0),
                x1: a.x1.max(b.x1),
            };
            cols.remove(k + 1);
        } else {
            k += 1;
        }
    }
    cols
}

/// Where each column of a later page lands among the table's columns: name columns and amount
/// columns each in their order. A page holding fewer amount columns (its empty ones have no
/// anchor) fills the ones whose positions fit its own best: `pdftotext` lays every page out anew,
/// so a page's positions are the table's scaled and shifted (corpus 32, whose second pages are
/// narrower and hold no 政府性基金 or 公用经费 amount); with fewer than three amount columns to
/// fit, or a tie, the first ones (the 合计 column is the one a row never leaves empty). `None`
/// when the page has more of either.
fn map_columns(own: &[Col], table: &[Col]) -> Option<Vec<usize>> {
    let of = |cols: &[Col], amount: bool| -> Vec<usize> {
        (0..cols.len())
            .filter(|&k| cols[k].amount == amount)
            .collect()
    };
    let (names, amounts) = (of(table, false), of(table, true));
    let own_amounts = of(own, true);
    let centre = |c: &Col| f64::from(c.lo + c.hi) / 2.0;
    let xs: Vec<f64> = own_amounts.iter().map(|&k| centre(&own[k])).collect();
    let ys: Vec<f64> = amounts.iter().map(|&k| centre(&table[k])).collect();
    let picked = fitted(&xs, &ys);
    let (mut n, mut a) = (0, 0);
    own.iter()
        .map(|c| {
            if c.amount {
                let to = picked.get(a).and_then(|&k| amounts.get(k)).copied();
                a += 1;
                to
            } else {
                let to = names.get(n).copied();
                n += 1;
                to
            }
        })
        .collect()
}

/// The increasing choice of `ys` (by index) that positions `xs` map onto best under a scale and
/// a shift (least squares); the first ones when there are fewer than three to fit, no better
/// choice, or too many to try. Empty when `xs` outnumbers `ys`.
fn fitted(xs: &[f64], ys: &[f64]) -> Vec<usize> {
    let (k, n) = (xs.len(), ys.len());
    if k > n {
        return Vec::new();
    }
    let first: Vec<usize> = (0..k).collect();
    if k < 3 || k == n || choose(n, k) > 5000 {
        return first;
    }
    // residual of the best line y = a·x + b through the pairs, with a scale near one
    let residual = |pick: &[usize]| -> f64 {
        let m = k as f64;
        let (mx, my) = (
            xs.iter().sum::<f64>() / m,
            pick.iter().map(|&j| ys[j]).sum::<f64>() / m,
        );
        let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
        let sxy: f64 = xs
            .iter()
            .zip(pick)
            .map(|(x, &j)| (x - mx) * (ys[j] - my))
            .sum();
        if sxx <= 0.0 {
            return f64::INFINITY;
        }
        let a = sxy / sxx;
        if !(0.5..=2.0).contains(&a) {
            return f64::INFINITY;
        }
        xs.iter()
            .zip(pick)
            .map(|(x, &j)| {
                let d = ys[j] - (a * (x - mx) + my);
                d * d
            })
            .sum()
    };
    let mut best = (residual(&first), first.clone());
    let mut pick = first;
    // the next increasing choice after `pick`, in lexicographic order
    while let Some(i) = (0..k).rev().find(|&i| pick[i] < n - k + i) {
        pick[i] += 1;
        for j in i + 1..k {
            pick[j] = pick[j - 1] + 1;
        }
        let r = residual(&pick);
        // (a strictly better fit only, by a margin: jitter of a column or so must not move a page)
        if r + 1.0 < best.0 {
            best = (r, pick.clone());
        }
    }
    best.1
}

fn choose(n: usize, k: usize) -> usize {
    (0..k).fold(1usize, |c, i| c.saturating_mul(n - i) / (i + 1))
}

/// The column a run that anchors nowhere belongs to: the one its extent overlaps most, else the
/// nearest. `None` when it lies in no column's reach.
fn place(cols: &[Col], r: &Run) -> Option<usize> {
    let overlap = |c: &Col| (r.x1.min(c.x1) as i64 - r.x0.max(c.x0) as i64).max(0);
    let best = (0..cols.len()).max_by_key(|&k| (overlap(&cols[k]), std::cmp::Reverse(k)))?;
    if overlap(&cols[best]) > 0 {
        return Some(best);
    }
    let dist = |c: &Col| {
        if r.x1 <= c.x0 {
            c.x0 - r.x1
        } else {
            r.x0.saturating_sub(c.x1)
        }
    };
    (0..cols.len()).min_by_key(|&k| dist(&cols[k]))
}

/// The block as plain lines (read in reading order by the table reader), consumed at once so that
/// the block is not measured again from each of its lines.
fn plain<'a>(lines: &[Line<'a>], rows: &[(usize, Vec<Run>)], end: usize) -> Option<Block<'a>> {
    let recs = rows
        .iter()
        .map(|(li, _)| {
            let l = &lines[*li];
            Rec {
                cells: Cells::One(Tok::new(l.text, l.start)),
                span: l.span(),
                grid: false,
                inferred: false,
                line: *li,
                line_end: li + 1,
            }
        })
        .collect();
    Some(Block { recs, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(s: &'a str, rs: &[Run]) -> Vec<&'a str> {
        rs.iter().map(|r| &s[r.b0..r.b1]).collect()
    }

    #[test]
    fn runs_split_at_gaps_and_amounts() {
        // corpus 24, 收支总表
        let s =
            "一、一般公共预算拨款收入              2,723.94 一、一般公共服务支出         2,259.79";
        let rs = runs(s, 2);
        assert_eq!(
            texts(s, &rs),
            [
                "一、一般公共预算拨款收入",
                "2,723.94",
                "一、一般公共服务支出",
                "2,259.79"
            ]
        );
        assert!(rs[1].amount && !rs[2].amount);
        // display columns: 12 CJK characters are 24 wide
        assert_eq!(rs[0].x1, 24);
        // corpus 14: an amount glued to its name
        let s = "  1、人员经费和公用经费支出1839311.66  x";
        assert_eq!(
            texts(s, &runs(s, 2)),
            ["1、人员经费和公用经费支出", "1839311.66", "x"]
        );
        // corpus 32: a space before the decimal point
        let s = "合计  14,770 .62  1.00";
        assert_eq!(texts(s, &runs(s, 2)), ["合计", "14,770 .62", "1.00"]);
    }
}
