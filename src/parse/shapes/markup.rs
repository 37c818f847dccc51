//! HTML table markup pasted or saved as text: `<table>`, `<tr>`, `<td>`/`<th>` with colspan and
//! rowspan, `<br>`, entities.
//!
//! A block starts at a line holding `<table` (any case) and ends after the line holding the
//! matching `</table>` (nested tables counted; their rows are read as rows too), or at the end of
//! the input. Each `<tr>` is one grid record, whatever lines it spans; its cells are the `<td>` and
//! `<th>` in order, a `colspan="n"` cell followed by n−1 empty cells and a `rowspan="n"` cell
//! leaving an empty cell at its column in the next n−1 rows: the cells a merged cell exported to
//! TSV gives. A `<caption>` is one record of one cell (the table's title). Text inside the table
//! but outside the cells is skipped, and so is text before `<table` and after `</table>` on their
//! lines.
//!
//! A cell's token is the original slice from its first to its last character of text: tags inside
//! the cell (`<span>`, `<b>`, `<p>`, `<font>`, `<br>`) are skipped at both ends, so a cell holding
//! one run of text gives exactly that text. A cell whose text is split by tags (`a<br>b`) gives the
//! slice over all runs, inner tags included. A cell of white space and entities only (`&nbsp;`)
//! is empty; `&nbsp;`-like entities at the ends of the text are trimmed, other entities (`&amp;`)
//! are kept as printed.
use super::{grid_rec, Block};
use crate::parse::lines::{Line, Tok};
use crate::text::fast;

/// The byte offset of `<table` (ASCII case-insensitive) in `t`, if any.
fn find_table_open(t: &str) -> Option<usize> {
    find_tag(t.as_bytes(), 0, b"table", false)
}

/// The offset of the first tag `<name` (or `</name` when `close`) at or after `from`, the name
/// followed by `>`, `/` or white space.
fn find_tag(b: &[u8], from: usize, name: &[u8], close: bool) -> Option<usize> {
    let mut k = from;
    while let Some(p) = b.get(k..)?.iter().position(|&c| c == b'<') {
        let at = k + p;
        let mut n = at + 1;
        if close {
            if b.get(n) != Some(&b'/') {
                k = at + 1;
                continue;
            }
            n += 1;
        }
        if b.get(n..n + name.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(name))
            && b.get(n + name.len())
                .is_none_or(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
        {
            return Some(at);
        }
        k = at + 1;
    }
    None
}

/// A tag read at `<`: its lower-case name (at most 10 bytes), whether it closes, its attributes
/// and the offset after its `>`.
struct Tag<'a> {
    name: [u8; 10],
    len: usize,
    close: bool,
    attrs: &'a str,
    end: usize,
}

/// Read the tag at `at` (`src[at] == '<'`). None when it is no tag (a `<` in text).
fn read_tag(src: &str, at: usize) -> Option<Tag<'_>> {
    let b = src.as_bytes();
    let mut k = at + 1;
    let close = b.get(k) == Some(&b'/');
    if close {
        k += 1;
    }
    let s = k;
    // a name starts with a letter and ends at white space, '/' or '>' ("<95%" is text)
    if !b.get(k).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while k < b.len() && b[k].is_ascii_alphanumeric() {
        k += 1;
    }
    if !b
        .get(k)
        .is_some_and(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
    {
        return None;
    }
    let mut name = [0u8; 10];
    // (a longer name is no tag this reader knows: an empty name)
    let len = if k - s > 10 { 0 } else { k - s };
    for (d, c) in name.iter_mut().zip(&b[s..s + len]) {
        *d = c.to_ascii_lowercase();
    }
    // attributes up to `>` (a quoted value may hold `>`; a tag that does not end within 4 KB is
    // text with a stray '<', so that such text costs no more than a look at its next 4 KB)
    let a = k;
    let mut quote = 0u8;
    while k < b.len().min(at + 4096) {
        let c = b[k];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return Some(Tag {
                name,
                len,
                close,
                attrs: &src[a..k],
                end: k + 1,
            });
        }
        k += 1;
    }
    None
}

/// The value of a numeric attribute (`colspan="3"`, `rowspan=2`), at least 1.
fn span_attr(attrs: &str, name: &str) -> usize {
    let b = attrs.as_bytes();
    let n = name.as_bytes();
    let mut from = 0;
    while let Some(p) = b
        .get(from..)
        .and_then(|r| r.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n)))
    {
        let at = from + p;
        from = at + n.len();
        // a whole attribute name: not "data-colspan"
        if at > 0 && !b[at - 1].is_ascii_whitespace() {
            continue;
        }
        let mut k = from;
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        if b.get(k) != Some(&b'=') {
            continue;
        }
        k += 1;
        while k < b.len() && matches!(b[k], b' ' | b'"' | b'\'') {
            k += 1;
        }
        let s = k;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        // (a huge span is a typo: at most 100 columns or rows)
        return attrs[s..k].parse::<usize>().map_or(1, |v| v.clamp(1, 100));
    }
    1
}

/// Entities that stand for white space.
const SPACES: [&str; 6] = ["&nbsp;", "&#160;", "&#xa0;", "&ensp;", "&emsp;", "&#12288;"];

/// The bounds of the text in `src[s..e]` once white space and space entities are trimmed at both
/// ends; None when nothing else is left (no entity-only text either: `&nbsp;&amp;` keeps `&amp;`).
fn text_bounds(src: &str, mut s: usize, mut e: usize) -> Option<(usize, usize)> {
    loop {
        let t = &src[s..e];
        let l = fast::trim_start(t);
        s += t.len() - l.len();
        let r = fast::trim_end(l);
        e = s + r.len();
        let before = (s, e);
        let t = &src[s..e];
        for sp in SPACES {
            if t.len() >= sp.len() && t.as_bytes()[..sp.len()].eq_ignore_ascii_case(sp.as_bytes()) {
                s += sp.len();
                break;
            }
        }
        let t = &src[s..e];
        for sp in SPACES {
            if t.len() >= sp.len()
                && t.as_bytes()[t.len() - sp.len()..].eq_ignore_ascii_case(sp.as_bytes())
            {
                e -= sp.len();
                break;
            }
        }
        if (s, e) == before {
            break;
        }
    }
    (s < e).then_some((s, e))
}

/// The cell being read: where its text starts and ends so far, and its spans.
struct OpenCell {
    text: Option<(usize, usize)>,
    at: usize,
    colspan: usize,
    rowspan: usize,
}

/// The row being read.
struct OpenRow<'a> {
    cells: Vec<Tok<'a>>,
    /// Offset of the `<tr` (or of the first cell of a row without `<tr>`).
    at: usize,
    /// End of the last tag or text read into the row.
    last: usize,
}

struct Reader<'s, 'a> {
    src: &'a str,
    lines: &'s [Line<'a>],
    /// Index of the line holding the offset last looked up (offsets only grow).
    line: usize,
    recs: Vec<crate::parse::records::Rec<'a>>,
    row: Option<OpenRow<'a>>,
    cell: Option<OpenCell>,
    /// Rows left to each column's rowspan.
    spans: Vec<usize>,
}

impl<'a> Reader<'_, 'a> {
    /// The line holding byte `at`.
    fn line_of(&mut self, at: usize) -> usize {
        while self.line + 1 < self.lines.len() && self.lines[self.line].full.end as usize <= at {
            self.line += 1;
        }
        self.line
    }

    fn empty(&self, at: usize) -> Tok<'a> {
        Tok::new(&self.src[at..at], at)
    }

    /// Empty cells for the columns a rowspan from above still covers, from the row's next column
    /// (`all`: after the row's last cell, every column up to the last covered one).
    fn fill_spanned(&mut self, at: usize, all: bool) {
        let empty = self.empty(at);
        let Some(row) = self.row.as_mut() else { return };
        loop {
            let col = row.cells.len();
            if self.spans.get(col).is_some_and(|&n| n > 0) {
                self.spans[col] -= 1;
                row.cells.push(empty);
            } else if all
                && self
                    .spans
                    .get(col..)
                    .is_some_and(|r| r.iter().any(|&n| n > 0))
            {
                row.cells.push(empty);
            } else {
                break;
            }
        }
    }

    fn open_row(&mut self, at: usize) {
        self.close_row(at);
        self.row = Some(OpenRow {
            cells: Vec::new(),
            at,
            last: at,
        });
    }

    fn open_cell(&mut self, at: usize, attrs: &str) {
        self.close_cell(at);
        if self.row.is_none() {
            self.open_row(at);
        }
        self.fill_spanned(at, false);
        self.cell = Some(OpenCell {
            text: None,
            at,
            colspan: span_attr(attrs, "colspan"),
            rowspan: span_attr(attrs, "rowspan"),
        });
    }

    /// Text `src[s..e]` between two tags.
    fn text(&mut self, s: usize, e: usize) {
        if let Some(c) = self.cell.as_mut() {
            if let Some((ts, te)) = text_bounds(self.src, s, e) {
                c.text = Some(match c.text {
                    Some((first, _)) => (first, te),
                    None => (ts, te),
                });
            }
        }
    }

    fn close_cell(&mut self, at: usize) {
        let Some(c) = self.cell.take() else { return };
        let tok = match c.text {
            Some((s, e)) => Tok::new(&self.src[s..e], s),
            None => self.empty(c.at),
        };
        let empty = self.empty(tok.span.end as usize);
        let Some(row) = self.row.as_mut() else { return };
        let col = row.cells.len();
        row.cells.push(tok);
        for _ in 1..c.colspan {
            row.cells.push(empty);
        }
        if c.rowspan > 1 {
            let upto = col + c.colspan;
            if self.spans.len() < upto {
                self.spans.resize(upto, 0);
            }
            for n in &mut self.spans[col..upto] {
                *n = c.rowspan - 1;
            }
        }
        row.last = at;
    }

    fn close_row(&mut self, at: usize) {
        self.close_cell(at);
        if self.row.is_none() {
            return;
        }
        self.fill_spanned(at, true);
        let Some(row) = self.row.take() else { return };
        // a row of empty cells is a blank line (as a tab-separated line of tabs only is)
        if row.cells.iter().all(|c| c.is_empty()) {
            return;
        }
        let first = self.line_of(row.at);
        let last = self.line_of(row.last.saturating_sub(1).max(row.at));
        self.recs
            .push(grid_rec(row.cells, self.lines, first, last + 1));
    }
}

/// A `<table>` block starting at line `i`.
pub fn block<'a>(src: &'a str, lines: &[Line<'a>], i: usize) -> Option<Block<'a>> {
    let l = lines.get(i)?;
    // cheap test first: no '<', no table
    if !l.text.as_bytes().contains(&b'<') {
        return None;
    }
    let open = l.start + find_table_open(l.text)?;
    let b = src.as_bytes();
    let mut r = Reader {
        src,
        lines,
        line: i,
        recs: Vec::new(),
        row: None,
        cell: None,
        spans: Vec::new(),
    };
    let mut depth = 0usize;
    let mut k = open;
    // the offset after the matching `</table>`
    let mut closed = None;
    while let Some(p) = b[k..].iter().position(|&c| c == b'<') {
        let at = k + p;
        r.text(k, at);
        if b[at..].starts_with(b"<!--") {
            k = fast::find(&src[at..], "-->").map_or(src.len(), |q| at + q + 3);
            continue;
        }
        let Some(tag) = read_tag(src, at) else {
            // a '<' of text
            r.text(at, at + 1);
            k = at + 1;
            continue;
        };
        k = tag.end;
        match (tag.close, &tag.name[..tag.len]) {
            (false, b"table") => depth += 1,
            (true, b"table") => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    r.close_row(at);
                    closed = Some(tag.end);
                    break;
                }
            }
            (false, b"tr") => r.open_row(at),
            (true, b"tr") => {
                r.close_cell(at);
                if let Some(row) = r.row.as_mut() {
                    row.last = tag.end;
                }
                r.close_row(tag.end);
            }
            (false, b"td" | b"th") => r.open_cell(at, tag.attrs),
            (true, b"td" | b"th") => r.close_cell(tag.end),
            (false, b"caption") => {
                r.close_row(at);
                let end = find_tag(b, tag.end, b"caption", true).unwrap_or(src.len());
                if let Some((s, e)) = caption_text(src, tag.end, end) {
                    let first = r.line_of(at);
                    let last = r.line_of(e - 1);
                    let cell = vec![Tok::new(&src[s..e], s)];
                    r.recs.push(grid_rec(cell, lines, first, last + 1));
                }
                k = end;
            }
            (false, name @ (b"script" | b"style")) => {
                k = find_tag(b, tag.end, name, true).unwrap_or(src.len());
            }
            _ => {}
        }
    }
    let end = match closed {
        // the block ends after the line holding the end of `</table>`
        Some(after) => r.line_of(after - 1) + 1,
        // no `</table>`: the table runs to the end of the input
        None => {
            r.text(k, src.len());
            r.close_row(src.len());
            lines.len()
        }
    };
    super::delimited::block_of(r.recs, end)
}

/// The text of a caption in `src[s..e]`: from its first to its last character outside tags.
fn caption_text(src: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let b = src.as_bytes();
    let mut out: Option<(usize, usize)> = None;
    let mut k = s;
    while k < e {
        let next = b[k..e].iter().position(|&c| c == b'<').map_or(e, |p| k + p);
        if let Some((ts, te)) = text_bounds(src, k, next) {
            out = Some(out.map_or((ts, te), |(f, _)| (f, te)));
        }
        if next >= e {
            break;
        }
        k = read_tag(src, next).map_or(next + 1, |t| t.end.min(e));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{spans_exact, texts};
    use super::*;
    use crate::parse::lines::split_lines;

    // The texts of corpus 01 (郑州市国土资源局 2015, an HTML page) as a table: the page itself
    // names its three tables (收入预算, 支出预算 by economic type) but attaches them as .xls, so the
    // markup is written here the way such pages print a table.
    #[test]
    fn rows_cells_and_entities() {
        let src = "郑州市土地储备中心2015年收入预算表\n<TABLE border=1 class=\"x\">\n<caption><b>收入预算</b></caption>\n<tr><th>项目</th><th colspan=\"2\">金额</th></tr>\n<tr>\n  <td><span style=\"a>b\">一般公共预算</span></td>\n  <td>&nbsp;</td><td> 1234.5678 </td>\n</tr><tr><td>合计</td><td></td><td><p><b>1234.5678</b></p></td></tr>\n</table>\n以下为说明";
        let lines = split_lines(src);
        assert!(block(src, &lines, 0).is_none());
        let b = block(src, &lines, 1).expect("block");
        assert_eq!(b.end, 9);
        assert_eq!(
            texts(&b),
            [
                vec!["收入预算"],
                vec!["项目", "金额", ""],
                vec!["一般公共预算", "", "1234.5678"],
                vec!["合计", "", "1234.5678"],
            ]
        );
        spans_exact(src, &b);
        // a row over several lines: from its <tr> to its </tr>
        assert_eq!((b.recs[2].line, b.recs[2].line_end), (4, 8));
        // (the last row also takes the `</table>` line after it)
        assert_eq!((b.recs[3].line, b.recs[3].line_end), (7, 9));
    }

    #[test]
    fn rowspan_leaves_an_empty_cell_below() {
        let src = "<table><tr><td rowspan=\"2\">基本支出</td><td>人员经费</td><td>100.00</td></tr>\n<tr><td>公用经费</td><td>20.00</td></tr>\n<tr><td>项目支出</td><td>a<br>b</td><td>&nbsp;&nbsp;</td></tr></table>";
        let lines = split_lines(src);
        let b = block(src, &lines, 0).expect("block");
        assert_eq!(b.end, 3);
        assert_eq!(
            texts(&b),
            [
                vec!["基本支出", "人员经费", "100.00"],
                vec!["", "公用经费", "20.00"],
                vec!["项目支出", "a<br>b", ""],
            ]
        );
        // a '<' of text is text
        let src = "<table><tr><td>满意度</td><td><95%</td><td>≥90%</td></tr></table>";
        let b = block(src, &split_lines(src), 0).expect("block");
        assert_eq!(texts(&b), [vec!["满意度", "<95%", "≥90%"]]);
        spans_exact(src, &b);
    }

    #[test]
    fn unclosed_table_runs_to_the_end() {
        let src = "<table>\n<tr><td>合计</td><td>5.00</td>\n<tr><td>其中</td><td>5.00";
        let lines = split_lines(src);
        let b = block(src, &lines, 0).expect("block");
        assert_eq!(b.end, 3);
        assert_eq!(texts(&b), [vec!["合计", "5.00"], vec!["其中", "5.00"]]);
        spans_exact(src, &b);
    }

    #[test]
    fn no_table_no_block() {
        // corpus 01's page markup has no table
        let src = "<div class=\"main-head\">\n<p>郑州市国土资源局2015年度部门预算公开情况说明</p><tablet>";
        let lines = split_lines(src);
        assert!(block(src, &lines, 0).is_none());
        assert!(block(src, &lines, 1).is_none());
    }
}
