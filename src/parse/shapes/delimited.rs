//! Delimited rows: `|` between cells (markdown tables, with or without a `|---|` rule, with or
//! without outer pipes; and the "one cell per line, a `|` line after each cell" shape of web
//! pages copied as text) and CSV (RFC 4180 quoting).
//!
//! Both readers give the cells the tab-separated version of the same table would give: positional
//! cells, empty cells kept, each cell trimmed (by [`Tok::new`]) and spanning its original bytes.
use super::{grid_rec, Block};
use crate::parse::lines::{Line, Tok};
use crate::parse::number::{is_dash, parse_amount};
use crate::parse::records::Rec;
use crate::text::fast;

/// The block of `recs` that ends before line `end`. Lines of the block after its last record (a
/// `</table>`, a row of empty cells) belong to that record, so that no line a reader took is left
/// over as a line of text for the narrative; the record's span stays that of its own text.
pub(super) fn block_of(mut recs: Vec<Rec<'_>>, end: usize) -> Option<Block<'_>> {
    if let Some(last) = recs.last_mut() {
        last.line_end = last.line_end.max(end);
    }
    Some(Block { recs, end })
}

// ---------- `|` rows ----------

#[inline]
fn has_pipe(l: &Line) -> bool {
    l.text.as_bytes().contains(&b'|')
}

/// A line holding only a `|` (the separator line of the one-cell-per-line shape).
#[inline]
fn is_lone_pipe(l: &Line) -> bool {
    // (cheap test first: such a line is short)
    l.text.len() <= 16 && fast::trim(l.text) == "|"
}

/// A line that can be a row of a `|` block: a `|` and something besides.
#[inline]
fn is_pipe_row(l: &Line) -> bool {
    has_pipe(l) && !is_lone_pipe(l) && !fast::is_blank(l.text)
}

/// A markdown rule line: `|---|:--:|`, `---|---` (only `|`, `-`, `:` and spaces, with a `|` and
/// two dashes in a row).
fn is_rule(t: &str) -> bool {
    let b = t.as_bytes();
    b.iter()
        .all(|c| matches!(c, b'|' | b'-' | b':' | b' ' | b'\t'))
        && b.contains(&b'|')
        && b.windows(2).any(|w| w == b"--")
}

/// The trimmed text of a line and its offset in the line.
fn trimmed<'a>(l: &Line<'a>) -> (&'a str, usize) {
    let s = fast::trim_start(l.text);
    let off = l.text.len() - s.len();
    (fast::trim_end(s), off)
}

/// The cells of one `|` row. `outer_left`/`outer_right`: the block's rows all start/end with a
/// `|` that is a border, not a delimiter (so no empty cell before/after it).
fn pipe_cells<'a>(l: &Line<'a>, outer_left: bool, outer_right: bool) -> Vec<Tok<'a>> {
    let (t, off) = trimmed(l);
    let base = l.start + off;
    let n_parts = t.bytes().filter(|&b| b == b'|').count() + 1;
    let skip_first = outer_left && t.starts_with('|');
    let skip_last = outer_right && t.ends_with('|') && n_parts > 1 + usize::from(skip_first);
    let mut out = Vec::with_capacity(n_parts);
    let mut pos = 0;
    for (k, part) in t.split('|').enumerate() {
        let border = (k == 0 && skip_first) || (k + 1 == n_parts && skip_last);
        if !border {
            out.push(Tok::new(part, base + pos));
        }
        pos += part.len() + 1;
    }
    out
}

/// A block of `|` rows starting at line `i`.
///
/// Rows: consecutive lines with a `|` (markdown `| a | b |` or `a | b`). Outer pipes are decided
/// per block and per side: a leading (trailing) `|` is a border when every row of the block has
/// one, otherwise it is a delimiter and stands after (before) an empty cell, as in `| b | c`
/// written for the tab row `\tb\tc`. A rule line (`|---|---|`) as the first or second line of the
/// block yields no record. Not ordinary text: the block needs two rows in a row, or one row with at
/// least three cells and a `|` at its start or end.
///
/// A line without `|` may start the other `|` shape (one cell per line, see [`pipe_cells_block`]).
pub fn pipe_block<'a>(src: &'a str, lines: &[Line<'a>], i: usize) -> Option<Block<'a>> {
    let l = lines.get(i)?;
    if !has_pipe(l) {
        return pipe_cells_block(src, lines, i);
    }
    if !is_pipe_row(l) {
        return None;
    }
    let mut end = i + 1;
    while end < lines.len() && is_pipe_row(&lines[end]) {
        end += 1;
    }
    let rule_at = |j: usize| j < i + 2 && is_rule(trimmed(&lines[j]).0);
    let rows: Vec<usize> = (i..end).filter(|&j| !rule_at(j)).collect();
    let (mut left, mut right) = (true, true);
    for &j in &rows {
        let (t, _) = trimmed(&lines[j]);
        left &= t.starts_with('|');
        right &= t.ends_with('|');
    }
    if end - i == 1 {
        // one line alone: a markdown row with three cells or more
        let (t, _) = trimmed(l);
        if !(t.starts_with('|') || t.ends_with('|')) || rows.is_empty() {
            return None;
        }
        if pipe_cells(l, left, right).len() < 3 {
            return None;
        }
    }
    let recs = rows
        .iter()
        .map(|&j| (j, pipe_cells(&lines[j], left, right)))
        // a row of empty cells is a blank line (as a tab-separated line of tabs only is)
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .map(|(j, cells)| grid_rec(cells, lines, j, j + 1))
        .collect();
    block_of(recs, end)
}

/// Is this cell a value (amount, rate, dash, blank) rather than a label?
fn is_value(t: &str) -> bool {
    t.is_empty()
        || is_dash(t)
        || parse_amount(t, true).is_some()
        || t.strip_suffix('%')
            .is_some_and(|r| parse_amount(fast::trim_end(r), true).is_some())
}

/// The one-cell-per-line `|` shape: each cell on a line of its own and a line holding only `|`
/// after every cell (corpus `04_qujiang_district_sangong_final_2016_pipecells.txt`, a web page's
/// table copied as text: "年度", "|", "合计", "|", …, "2015年", "|", "2840", "|", …). Two `|` lines
/// in a row stand for an empty cell, a blank line between two `|` lines for an empty cell too.
///
/// The text does not say where a row ends, so rows are recovered from the alternation of labels
/// and values: a row is a label followed by its values (amounts, rates, dashes); labels before the
/// last label of a run of labels are a header row. A header with more cells than the data rows
/// and a repeated label (04: "年度 合计 因公出国(境)经费 公务接待费 公车购置及运行维护费 合计
/// 车辆购置 车辆运行" over 7 columns) is a two-level header: the upper row up to the repeated label
/// (its last cell spanning the lower row's cells), the lower row under the last columns, written as
/// a merged header exported to TSV would be. Not recovered: rows whose label is a number (a code
/// column before the name would be read as a value of the row before).
fn pipe_cells_block<'a>(src: &'a str, lines: &[Line<'a>], i: usize) -> Option<Block<'a>> {
    // O(1) for every line that does not start such a block: the next line is a lone `|`
    if !lines.get(i + 1).is_some_and(is_lone_pipe) || fast::is_blank(lines[i].text) {
        return None;
    }
    // (cell, its line): a cell line followed by a `|` line, or a `|` line right after a `|` line
    let mut cells: Vec<(Tok<'a>, usize)> = Vec::new();
    let mut j = i;
    loop {
        match lines.get(j) {
            Some(l) if j > i && is_lone_pipe(l) => {
                cells.push((Tok::new(&l.text[..0], l.start), j));
                j += 1;
            }
            Some(l) if !has_pipe(l) && lines.get(j + 1).is_some_and(is_lone_pipe) => {
                cells.push((Tok::new(l.text, l.start), j));
                j += 2;
            }
            _ => break,
        }
    }
    if cells.len() < 4 {
        return None;
    }
    let end = j;
    // runs of labels, each followed by a run of values
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // [labels start, values start, end)
    let mut k = 0;
    while k < cells.len() {
        let s = k;
        while k < cells.len() && !is_value(cells[k].0.text) {
            k += 1;
        }
        let v = k;
        while k < cells.len() && is_value(cells[k].0.text) {
            k += 1;
        }
        runs.push((s, v, k));
    }
    let mut recs = Vec::new();
    // a row's lines: from its first cell to the `|` after its last cell
    let row = |cs: Vec<Tok<'a>>, first: usize, last: usize| {
        grid_rec(cs, lines, cells[first].1, (cells[last].1 + 2).min(end))
    };
    for &(s, v, e) in &runs {
        if v == e || v == s {
            // labels only (a header without data, or a last row of text), or values only
            recs.push(row(cells[s..e].iter().map(|c| c.0).collect(), s, e - 1));
            continue;
        }
        // the last label names the row of values after it
        let label = v - 1;
        if label > s {
            let width = e - label;
            header_rows(src, &cells[s..label], width, &mut |cs, a, b| {
                recs.push(row(cs, s + a, s + b));
            });
        }
        recs.push(row(
            cells[label..e].iter().map(|c| c.0).collect(),
            label,
            e - 1,
        ));
    }
    block_of(recs, end)
}

/// The header cells `hs` over `width` columns as one row, or as two rows when a label repeats and
/// the cells fit a two-level header (see [`pipe_cells_block`]). `emit(cells, first, last)` gets
/// each row with the indices (into `hs`) of its first and last printed cell.
fn header_rows<'a>(
    src: &'a str,
    hs: &[(Tok<'a>, usize)],
    width: usize,
    emit: &mut dyn FnMut(Vec<Tok<'a>>, usize, usize),
) {
    let empty_after = |t: &Tok<'a>| {
        let at = t.span.end as usize;
        Tok::new(&src[at..at], at)
    };
    let repeat = (1..hs.len()).find(|&p| hs[..p].iter().any(|h| h.0.text == hs[p].0.text));
    if let Some(p) = repeat.filter(|_| hs.len() > width) {
        let lower = hs.len() - p;
        if p + lower - 1 == width && lower >= 2 {
            let mut upper: Vec<Tok<'a>> = hs[..p].iter().map(|h| h.0).collect();
            let pad = empty_after(&hs[p - 1].0);
            upper.extend(std::iter::repeat_n(pad, lower - 1));
            emit(upper, 0, p - 1);
            let at = hs[p].0.span.start as usize;
            let pad = Tok::new(&src[at..at], at);
            let mut under: Vec<Tok<'a>> = std::iter::repeat_n(pad, width - lower).collect();
            under.extend(hs[p..].iter().map(|h| h.0));
            emit(under, p, hs.len() - 1);
            return;
        }
    }
    emit(hs.iter().map(|h| h.0).collect(), 0, hs.len() - 1);
}

// ---------- CSV ----------

/// Fields of a CSV line as `(start, end)` byte ranges of `t` (inside the quotes for a quoted
/// field), appended to `out`; the commas read as thousands separators appended to `seps`. False
/// when the line is not CSV: a quote left open (a quoted field does not span lines here: a cell
/// with a line break is rare in budget tables, and a reader that follows quotes across lines would
/// swallow the rest of the text after a stray quote), or text after a closing quote.
///
/// An unquoted comma between a digit and exactly three digits (then a non-digit, the end or '.'),
/// in a number that so far reads as one with thousands separators (`1,234,567.00`), is a
/// thousands separator, not a delimiter: a CSV writer quotes a field holding a comma. (Where that
/// leaves a row short of fields, [`csv_block`] takes it back.)
fn csv_fields(t: &str, out: &mut Vec<(usize, usize)>, seps: &mut Vec<usize>) -> bool {
    let b = t.as_bytes();
    let n = b.len();
    let mut k = 0;
    loop {
        let mut s = k;
        while s < n && b[s] == b' ' {
            s += 1;
        }
        if s < n && b[s] == b'"' {
            let mut q = s + 1;
            loop {
                match b[q..].iter().position(|&c| c == b'"') {
                    None => return false,
                    Some(p) => {
                        q += p;
                        if b.get(q + 1) == Some(&b'"') {
                            q += 2;
                        } else {
                            break;
                        }
                    }
                }
            }
            out.push((s + 1, q));
            let mut r = q + 1;
            while r < n && b[r] == b' ' {
                r += 1;
            }
            if r == n {
                return true;
            }
            if b[r] != b',' {
                return false;
            }
            k = r + 1;
        } else {
            let mut r = k;
            loop {
                match b[r..].iter().position(|&c| c == b',') {
                    None => {
                        out.push((k, n));
                        return true;
                    }
                    Some(p) => {
                        let c = r + p;
                        if thousands(b, s, c) {
                            seps.push(c);
                            r = c + 1;
                        } else {
                            out.push((k, c));
                            k = c + 1;
                            break;
                        }
                    }
                }
            }
        }
    }
}

/// Is the comma at `c` a thousands separator? `s`: where its field starts.
fn thousands(b: &[u8], s: usize, c: usize) -> bool {
    let three = b
        .get(c + 1..c + 4)
        .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !three || b.get(c + 4).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // the digits before it: a group of three after an earlier separator of the same field, or
    // the one to three leading digits of a number (not the decimals of one: "48.28,100.00")
    let mut p = c;
    while p > s && b[p - 1].is_ascii_digit() {
        p -= 1;
    }
    let g = c - p;
    match (p > s).then(|| b[p - 1]) {
        _ if g == 0 => false,
        Some(b',') => g == 3,
        Some(b'.') => false,
        _ => g <= 3,
    }
}

/// Is the thousands separator at `c` part of an integer ("4,302", not "1,234.00")? Only such a
/// comma may be a delimiter after all: two integer cells "4" and "302" print as "4,302".
fn in_integer(b: &[u8], c: usize) -> bool {
    let mut k = c + 4;
    while b.get(k) == Some(&b',')
        && b.get(k + 1..k + 4)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && !b.get(k + 4).is_some_and(u8::is_ascii_digit)
    {
        k += 4;
    }
    b.get(k) != Some(&b'.')
}

/// Does a row read as a table row rather than a line of prose with ASCII commas ("…工作安排,
/// 衢江区2016年…,比上年…")? An empty cell before the last one (",,") is a table's; otherwise
/// cells of a table are mostly values (numbers, dashes) or short names and clauses of prose are
/// not: the median (the upper one of an even count) of the fields' lengths, a value counting as
/// none, is at most ten characters (the prose lines of the corpus have 13 or more).
fn tabular(t: &str, fields: &[(usize, usize)]) -> bool {
    let mut lens: Vec<usize> = Vec::with_capacity(fields.len());
    for (k, &(s, e)) in fields.iter().enumerate() {
        let f = fast::trim(&t[s..e]);
        if f.is_empty() && k + 1 < fields.len() {
            return true;
        }
        lens.push(if is_value(f) {
            0
        } else {
            f.chars().take(11).count()
        });
    }
    crate::text::sort::sort(&mut lens);
    lens.get(lens.len() / 2).is_some_and(|&m| m <= 10)
}

/// Does `b` hold two commas that are not thousands separators (as [`csv_fields`] reads them,
/// quotes aside)? A byte scan, the first test asked of every line.
fn two_delimiters(b: &[u8]) -> bool {
    // (a count of bytes is vectorized: most lines have no comma at all)
    if b.iter().filter(|&&c| c == b',').count() < 2 {
        return false;
    }
    let mut n = 0;
    let mut k = 0;
    while let Some(p) = b[k..].iter().position(|&c| c == b',') {
        let c = k + p;
        if !thousands(b, 0, c) {
            n += 1;
            if n == 2 {
                return true;
            }
        }
        k = c + 1;
    }
    false
}

/// A line read as CSV: its fields and its thousands separators.
#[derive(Default)]
struct CsvLine {
    fields: Vec<(usize, usize)>,
    seps: Vec<usize>,
}

/// Read line `l` as a CSV row: None when it is not one (a tab-separated line is a TSV row, which
/// may hold commas in its cells; a line without a delimiting comma is one field).
fn csv_line(l: &Line) -> Option<CsvLine> {
    if l.tabs > 0 || !l.text.as_bytes().contains(&b',') {
        return None;
    }
    let mut r = CsvLine::default();
    (csv_fields(l.text, &mut r.fields, &mut r.seps) && r.fields.len() >= 2).then_some(r)
}

/// A block of CSV rows starting at line `i`: two rows in a row with at least three fields each
/// that read as table rows ([`tabular`]), then every following line with at least two fields that
/// reads as a table row or has as many fields as the first row.
///
/// A row with fewer fields than the widest row of the block, and exactly as many thousands
/// separators inside integers as it lacks fields, was split wrongly: those commas are delimiters
/// ("2,208,社会保障和就业支出" is 序号 2 and code 208 when the block's rows have a field more).
pub fn csv_block<'a>(src: &'a str, lines: &[Line<'a>], i: usize) -> Option<Block<'a>> {
    let _ = src;
    let l = lines.get(i)?;
    // cheap tests first: a tab-separated line is a TSV row; two commas that may be delimiters
    // (PDF text has thousands separators)
    if l.tabs > 0 || !two_delimiters(l.text.as_bytes()) {
        return None;
    }
    let starts =
        |l: &Line| csv_line(l).filter(|r| r.fields.len() >= 3 && tabular(l.text, &r.fields));
    let first = starts(l)?;
    let second = starts(lines.get(i + 1)?)?;
    let n0 = first.fields.len();
    let mut rows = vec![first, second];
    let mut j = i + 2;
    while let Some(r) = lines
        .get(j)
        .and_then(csv_line)
        .filter(|r| r.fields.len() == n0 || tabular(lines[j].text, &r.fields))
    {
        rows.push(r);
        j += 1;
    }
    let width = rows.iter().map(|r| r.fields.len()).max().unwrap_or(0);
    let mut recs = Vec::with_capacity(rows.len());
    for (k, r) in rows.iter().enumerate() {
        let l = &lines[i + k];
        let b = l.text.as_bytes();
        let split: Vec<usize> = r
            .seps
            .iter()
            .copied()
            .filter(|&c| in_integer(b, c))
            .collect();
        let mut cells = Vec::with_capacity(width);
        let lack = width - r.fields.len();
        for &(s, e) in &r.fields {
            let mut from = s;
            if lack > 0 && split.len() == lack {
                for &c in split.iter().filter(|&&c| s < c && c < e) {
                    cells.push(Tok::new(&l.text[from..c], l.start + from));
                    from = c + 1;
                }
            }
            cells.push(Tok::new(&l.text[from..e], l.start + from));
        }
        // a row of empty cells is a blank line (as a tab-separated line of tabs only is)
        if cells.iter().any(|c| !c.is_empty()) {
            recs.push(grid_rec(cells, lines, i + k, i + k + 1));
        }
    }
    block_of(recs, j)
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{spans_exact, texts};
    use super::*;
    use crate::parse::lines::{split_lines, tab_cells};

    // rows of seed 002's 收支总表 (tests/fixtures/seeds/002_ae63254e50cfffaf.txt)
    const TSV: &str = "项目\t金额\t项目\t金额\n一、一般公共预算\t7,895.93\t一、一般公共服务\t\n\t\t十一、节能环保\t";

    fn tsv_cells() -> Vec<Vec<String>> {
        split_lines(TSV)
            .iter()
            .map(|l| tab_cells(l).iter().map(|c| c.text.to_string()).collect())
            .collect()
    }

    #[test]
    fn pipe_rows_with_outer_pipes_and_rule() {
        let src = "| 项目 | 金额 | 项目 | 金额 |\n|---|---|---|---|\n| 一、一般公共预算 | 7,895.93 | 一、一般公共服务 |  |\n|  |  | 十一、节能环保 |  |\n以下为说明";
        let lines = split_lines(src);
        let b = pipe_block(src, &lines, 0).expect("block");
        assert_eq!(b.end, 4);
        assert_eq!(texts(&b), tsv_cells());
        spans_exact(src, &b);
        assert_eq!(b.recs[1].line, 2);
    }

    #[test]
    fn pipe_rows_without_outer_pipes() {
        let src = "项目 | 金额 | 项目 | 金额\n一、一般公共预算 | 7,895.93 | 一、一般公共服务 | \n |  | 十一、节能环保 | ";
        let lines = split_lines(src);
        let b = pipe_block(src, &lines, 0).expect("block");
        assert_eq!(b.end, 3);
        assert_eq!(texts(&b), tsv_cells());
        spans_exact(src, &b);
    }

    #[test]
    fn ordinary_text_with_a_pipe_is_not_a_table() {
        let src = "收入 | 支出\n本年收入合计4981.72万元。";
        let lines = split_lines(src);
        assert!(pipe_block(src, &lines, 0).is_none());
        assert!(pipe_block(src, &lines, 1).is_none());
        // one markdown row alone with three cells is a table row
        let src = "| 合计 | 4981.72 | 4981.72 |";
        assert_eq!(
            pipe_block(src, &split_lines(src), 0).map(|b| b.recs.len()),
            Some(1)
        );
    }

    /// Corpus 04 (衢江区 三公 决算): one cell per line, a `|` line after every cell.
    #[test]
    fn one_cell_per_line_between_pipes() {
        let src = "2016年决算数与2015年决算数对比情况\n年度\n|\n合计\n|\n因公出国(境)经费\n|\n公务接待费\n|\n公车购置及运行维护费\n|\n合计\n|\n车辆购置\n|\n车辆运行\n|\n2015年\n|\n2840\n|\n90\n|\n1400\n|\n1350\n|\n73\n|\n1277\n|\n2016年比2015年增减%\n|\n-16.77\n|\n-86.62\n|\n-3.14\n|\n-26.24\n|\n-47.95\n|\n-24.98\n|";
        let lines = split_lines(src);
        assert!(pipe_block(src, &lines, 0).is_none());
        let b = pipe_block(src, &lines, 1).expect("block");
        assert_eq!(b.end, lines.len());
        let t = texts(&b);
        assert_eq!(
            t[0],
            [
                "年度",
                "合计",
                "因公出国(境)经费",
                "公务接待费",
                "公车购置及运行维护费",
                "",
                ""
            ]
        );
        assert_eq!(t[1], ["", "", "", "", "合计", "车辆购置", "车辆运行"]);
        assert_eq!(t[2], ["2015年", "2840", "90", "1400", "1350", "73", "1277"]);
        assert_eq!(t[3][0], "2016年比2015年增减%");
        assert_eq!(t[3].len(), 7);
        assert_eq!(t.len(), 4);
        spans_exact(src, &b);
        // the last row ends with the last `|` line
        assert_eq!(b.recs[3].line_end, lines.len());
    }

    #[test]
    fn csv_rows_quoted_and_thousands() {
        let src = "项目,金额,项目,金额\n一、一般公共预算,\"7,895.93\",一、一般公共服务,\n,,十一、节能环保,\n";
        let lines = split_lines(src);
        let b = csv_block(src, &lines, 0).expect("block");
        assert_eq!(b.end, 3);
        assert_eq!(texts(&b), tsv_cells());
        spans_exact(src, &b);
        // an unquoted thousands separator is not a delimiter; a decimal before it is
        let (mut f, mut seps) = (Vec::new(), Vec::new());
        assert!(csv_fields("合计,1,234.00,48.28,100.00", &mut f, &mut seps));
        let parts: Vec<&str> = f
            .iter()
            .map(|&(s, e)| &"合计,1,234.00,48.28,100.00"[s..e])
            .collect();
        assert_eq!(parts, ["合计", "1,234.00", "48.28", "100.00"]);
        // "" inside quotes keeps the raw slice
        f.clear();
        assert!(csv_fields("\"a\"\"b\",c", &mut f, &mut seps));
        assert_eq!(&"\"a\"\"b\",c"[f[0].0..f[0].1], "a\"\"b");
        // a row short of fields takes back its integer "thousands separators"
        let src = "序号,科目编码,科目名称,金额\n1,,合计,\"1,064.50\"\n2,208,社会保障和就业支出,1,064.50\n";
        let b = csv_block(src, &split_lines(src), 0).expect("block");
        assert_eq!(texts(&b)[2], ["2", "208", "社会保障和就业支出", "1,064.50"]);
        // a first row with a decimal before a three-digit number starts a block
        let src = "一般公共预算,48.28,100.00\n政府性基金,1.00,2.00\n";
        assert_eq!(
            csv_block(src, &split_lines(src), 0).map(|b| b.recs.len()),
            Some(2)
        );
        // an open quote is no CSV
        assert!(!csv_fields("\"a,b,c", &mut Vec::new(), &mut seps));
    }

    #[test]
    fn prose_and_pdf_numbers_are_not_csv() {
        // corpus 04's narrative uses ASCII commas between long clauses
        let src = "根据国务院、省政府关于推进政府预算信息公开的决策部署和区政府工作安排,衢江区2016年一般公共预算安排“三公”经费决算数2364万元,比上年决算数下降16.77 %。分项情况是:因公出国(境)经费12万元,与上年决算数下降86.62%;公务接待费1356万元,比上年决算数下降3.14%\n2015年衢江区“三公”经费支出决算同比下降的原因主要是:区级各单位按照中央“八项规定”和厉行节约的有关要求,从严控制和压缩“三公”经费,分项情况是以下的内容说明如下所示:\n";
        assert!(csv_block(src, &split_lines(src), 0).is_none());
        // wrapped PDF prose with ASCII commas (corpus 32, 重庆市气象局, lines 56-57 and 99-100)
        let src = "要》和中国气象局、市委、市政府部署,紧密围绕国家重大战略和重庆经济社会发展需要,构建科技领先、监测\n精密、预报精准、服务精细、人民满意的现代气象体系,发挥防灾减灾第一道防线作用,加快推进气象科技能力\n";
        assert!(csv_block(src, &split_lines(src), 0).is_none());
        let src = "余。财政拨款结转是指项目实施周期内,年度预算执行结束时,预算未全部执行或因故未执行,下年需要按照原\n用途继续使用的财政拨款资金。财政拨款结余是指当年预算工作目标已完成,或者因故终止,当年剩余的财政拨\n";
        assert!(csv_block(src, &split_lines(src), 0).is_none());
        // PDF layout text with thousands separators
        let src = "一般公共服务支出      1,234.56     2,345.67    3,580.23\n教育支出      1,234.56     2,345.67    3,580.23\n";
        assert!(csv_block(src, &split_lines(src), 0).is_none());
    }
}
