//! Web pages: a saved .html/.htm, or the `text/html` a paste carries, turned into lines and
//! tab-separated table rows.
//!
//! Tables are laid on their grid: a `colspan="n"` cell is followed by n−1 empty cells and a
//! `rowspan="n"` cell leaves an empty cell at its columns in the next n−1 rows, so columns stay
//! aligned as in a TSV export; a `<caption>` is a line before the rows. Inside a cell, `<br>`
//! and blocks are spaces; a table nested in a cell is flattened into its text. Outside tables,
//! block elements (`<p>`, `<div>`, `<h1>`–`<h6>`, `<li>`, `<br>` …) end lines. `<head>`,
//! `<script>`, `<style>` and comments are dropped. A small tokenizer of its own: the pages are
//! simple, and the web app must stay small.
//!
//! (`parse::shapes::markup` reads table markup pasted as *text*, keeping spans into that text;
//! this module makes the plain text a file or clipboard stands for, the layer below the parser.)
use super::build::TextBuilder;
use super::{Extracted, FileKind};

/// Read saved page bytes: the charset from the BOM or the `<meta>` declaration (UTF-8, or GBK /
/// GB2312 / GB18030 outside the browser, where the web app decodes with `TextDecoder`).
pub fn read_bytes(bytes: &[u8]) -> Extracted {
    let (text, note) = decode(bytes);
    let mut e = html_to_text(&text);
    e.notes.extend(note);
    e
}

/// The charset a page declares in its first 4 KB (`<meta charset=gbk>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`), lower case.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let name: String = head[at..]
        .iter()
        .skip_while(|&&c| c == b'"' || c == b'\'' || c == b' ')
        .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        .map(|&c| c as char)
        .collect();
    (!name.is_empty()).then_some(name)
}

fn decode(bytes: &[u8]) -> (String, Option<String>) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), None);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        if let Ok(s) = crate::text::decode(bytes) {
            return (s, None);
        }
    }
    let charset = declared_charset(bytes);
    match charset.as_deref() {
        None | Some("utf-8" | "utf8") => {}
        #[cfg(not(target_arch = "wasm32"))]
        Some(label) => {
            if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
                let (s, _, bad) = enc.decode(bytes);
                let note = bad.then(|| format!("网页编码 {label} 中有无法解码的字节，已替换为 �"));
                return (s.into_owned(), note);
            }
        }
        #[cfg(target_arch = "wasm32")]
        Some(_) => {}
    }
    match String::from_utf8(bytes.to_vec()) {
        Ok(s) => (s, None),
        Err(e) => {
            let note = format!(
                "网页编码{}不是 UTF-8，无法解码的字节已替换为 �",
                charset.map(|c| format!("（{c}）")).unwrap_or_default()
            );
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(note),
            )
        }
    }
}

/// A table being read.
#[derive(Default)]
struct Grid {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    /// Per column, how many more rows a rowspan above still covers.
    pending: Vec<usize>,
    cell: Option<(String, usize, usize)>,
    caption: Option<String>,
    in_row: bool,
}

impl Grid {
    /// Empty cells for the columns a rowspan from above covers at the current position.
    fn skip_covered(&mut self) {
        while self.pending.get(self.row.len()).is_some_and(|&p| p > 0) {
            self.pending[self.row.len()] -= 1;
            self.row.push(String::new());
        }
    }

    fn end_cell(&mut self) {
        let Some((text, colspan, rowspan)) = self.cell.take() else {
            return;
        };
        self.skip_covered();
        let at = self.row.len();
        self.row.push(collapse(&text));
        self.row
            .extend(std::iter::repeat_n(String::new(), colspan - 1));
        if self.pending.len() < self.row.len() {
            self.pending.resize(self.row.len(), 0);
        }
        for p in &mut self.pending[at..at + colspan] {
            *p = rowspan - 1;
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if !self.in_row {
            return;
        }
        self.in_row = false;
        // columns a rowspan covers after the last cell of this row
        while self.row.len() < self.pending.len() {
            self.skip_covered();
            if self.row.len() < self.pending.len() && self.pending[self.row.len()] == 0 {
                self.row.push(String::new());
            }
        }
        let row = std::mem::take(&mut self.row);
        self.rows.push(row);
    }
}

/// White space runs as one space, trimmed (HTML's rendering of text).
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Turn markup into lines and tab-separated table rows.
pub fn html_to_text(html: &str) -> Extracted {
    let mut out = TextBuilder::default();
    let mut line = String::new();
    let mut grid: Option<Grid> = None;
    let mut nested = 0usize; // tables inside a cell of `grid`
    let mut skip: Option<&'static str> = None; // inside <script>, <style>, <head>, <title>
    let b = html.as_bytes();
    let mut k = 0;
    let flush = |out: &mut TextBuilder, line: &mut String| {
        let t = collapse(line);
        if !t.is_empty() {
            out.end_line();
            out.push(&t);
            out.push("\n");
        }
        line.clear();
    };
    while k < b.len() {
        if b[k] != b'<' {
            let end = b[k..]
                .iter()
                .position(|&c| c == b'<')
                .map_or(b.len(), |p| k + p);
            if skip.is_none() {
                let text = entities(&html[k..end]);
                match grid.as_mut() {
                    Some(g) if g.cell.is_some() => g.cell.as_mut().unwrap().0.push_str(&text),
                    Some(g) if g.caption.is_some() => g.caption.as_mut().unwrap().push_str(&text),
                    Some(_) => {}
                    None => line.push_str(&text),
                }
            }
            k = end;
            continue;
        }
        if html[k..].starts_with("<!--") {
            k = html[k..].find("-->").map_or(b.len(), |p| k + p + 3);
            continue;
        }
        let Some(tag) = read_tag(html, k) else {
            // a '<' that starts no tag is text
            if skip.is_none() {
                match grid.as_mut() {
                    Some(g) => {
                        if let Some(c) = g.cell.as_mut() {
                            c.0.push('<');
                        }
                    }
                    None => line.push('<'),
                }
            }
            k += 1;
            continue;
        };
        k = tag.end;
        let name = tag.name.as_str();
        if let Some(s) = skip {
            if tag.close && name == s {
                skip = None;
            }
            continue;
        }
        match (name, tag.close) {
            ("script" | "style" | "head" | "title", false) if !tag.self_closing => {
                skip = Some(match name {
                    "script" => "script",
                    "style" => "style",
                    "head" => "head",
                    _ => "title",
                })
            }
            ("table", false) if grid.is_some() => {
                nested += 1;
            }
            ("table", false) => {
                flush(&mut out, &mut line);
                grid = Some(Grid::default());
            }
            ("table", true) if nested > 0 => nested -= 1,
            ("table", true) => {
                if let Some(mut g) = grid.take() {
                    g.end_row();
                    emit(&mut out, g);
                }
            }
            (_, _) if nested > 0 => {
                // a nested table's cells and rows are separated by spaces in the outer cell
                if let Some(c) = grid.as_mut().and_then(|g| g.cell.as_mut()) {
                    c.0.push(' ');
                }
            }
            ("caption", false) => {
                if let Some(g) = grid.as_mut() {
                    g.caption = Some(String::new());
                }
            }
            ("tr", false) => {
                if let Some(g) = grid.as_mut() {
                    g.end_row();
                    g.in_row = true;
                }
            }
            ("tr", true) => {
                if let Some(g) = grid.as_mut() {
                    g.end_row();
                }
            }
            ("td" | "th", false) => {
                if let Some(g) = grid.as_mut() {
                    if !g.in_row {
                        g.end_row();
                        g.in_row = true;
                    }
                    g.end_cell();
                    let span = |a: &str| attr(tag.attrs, a).and_then(|v| v.trim().parse().ok());
                    let colspan = span("colspan").unwrap_or(1usize).clamp(1, 1000);
                    let rowspan = span("rowspan").unwrap_or(1usize).clamp(1, 10_000);
                    g.cell = Some((String::new(), colspan, rowspan));
                }
            }
            ("td" | "th", true) => {
                if let Some(g) = grid.as_mut() {
                    g.end_cell();
                }
            }
            _ if grid.is_some() => {
                // <br>, <p>, <div> … inside a cell separate words; elsewhere in a table nothing
                if let Some(c) = grid.as_mut().and_then(|g| g.cell.as_mut()) {
                    if is_block(name) {
                        c.0.push(' ');
                    }
                }
            }
            _ if is_block(name) => flush(&mut out, &mut line),
            _ => {}
        }
    }
    if let Some(mut g) = grid.take() {
        g.end_row();
        emit(&mut out, g);
    }
    flush(&mut out, &mut line);
    out.finish(FileKind::Html)
}

fn emit(out: &mut TextBuilder, g: Grid) {
    out.blank_line();
    if let Some(c) = g.caption.map(|c| collapse(&c)).filter(|c| !c.is_empty()) {
        out.push(&c);
        out.push("\n");
    }
    let width = g.rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in g.rows {
        let pad = width - row.len();
        let cells = row
            .into_iter()
            .chain(std::iter::repeat_n(String::new(), pad));
        for (i, c) in cells.enumerate() {
            if i > 0 {
                out.push("\t");
            }
            out.push(&c);
        }
        out.push("\n");
    }
    out.blank_line();
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "blockquote"
            | "pre"
            | "hr"
            | "dt"
            | "dd"
            | "tr"
            | "body"
            | "center"
    )
}

struct Tag<'a> {
    name: String,
    close: bool,
    self_closing: bool,
    attrs: &'a str,
    end: usize,
}

/// The tag at `at` (`html[at] == '<'`), or None when the `<` starts no tag. Quoted attribute
/// values may hold `>`.
fn read_tag(html: &str, at: usize) -> Option<Tag<'_>> {
    let b = html.as_bytes();
    let mut k = at + 1;
    let close = b.get(k) == Some(&b'/');
    if close {
        k += 1;
    }
    if b.get(k) == Some(&b'!') || b.get(k) == Some(&b'?') {
        // <!DOCTYPE …>, <?xml …?>: no content
        let end = html[k..].find('>').map_or(b.len(), |p| k + p + 1);
        return Some(Tag {
            name: String::new(),
            close,
            self_closing: true,
            attrs: "",
            end,
        });
    }
    let start = k;
    if !b.get(k)?.is_ascii_alphabetic() {
        return None;
    }
    while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b':' || b[k] == b'-') {
        k += 1;
    }
    let name = html[start..k].to_ascii_lowercase();
    let attrs_start = k;
    let mut quote = None;
    while k < b.len() {
        match (b[k], quote) {
            (b'"' | b'\'', None) => quote = Some(b[k]),
            (c, Some(q)) if c == q => quote = None,
            (b'>', None) => break,
            _ => {}
        }
        k += 1;
    }
    let attrs = &html[attrs_start..k];
    Some(Tag {
        name,
        close,
        self_closing: attrs.trim_end().ends_with('/'),
        attrs,
        end: (k + 1).min(b.len()),
    })
}

/// An attribute's value (quoted or not) from a tag's attribute text.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let v = attrs[attrs.len() - rest.len() + 1..].trim_start();
        return Some(match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        });
    }
    None
}

/// Text with its character references replaced (`&nbsp;` as a plain space).
fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'));
        let (name, after) = match end {
            Some(e) if rest.as_bytes()[1 + e] == b';' => (&rest[1..1 + e], &rest[e + 2..]),
            _ => ("", rest),
        };
        match entity(name) {
            Some(c) => {
                out.push(c);
                rest = after;
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|&c| c != '\0');
    }
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "middot" => '·',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "yen" => '¥',
        "times" => '×',
        "divide" => '÷',
        "permil" => '‰',
        "plusmn" => '±',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_with_spans_and_text() {
        let e = html_to_text(concat!(
            "<html><head><title>x</title><style>td{}</style></head><body>",
            "<h2>表1 收支总表</h2><p>单位：万元&nbsp;</p>",
            "<table border=1><caption>表一</caption>",
            "<tr><th rowspan=\"2\">项目</th><th colspan='2'>本年</th></tr>",
            "<tr><td>基本</td><td>项目<br>支出</td></tr>",
            "<tr><td>合计 &amp; 小计</td><td>1,234.50</td><td>&#50;&#x30;</td></tr>",
            "</table><script>var a = '<td>';</script><div>注：无</div></body></html>",
        ));
        assert_eq!(
            e.text,
            "表1 收支总表\n单位：万元\n\n表一\n项目\t本年\t\n\t基本\t项目 支出\n合计 & 小计\t1,234.50\t20\n\n注：无\n"
        );
    }

    #[test]
    fn charset_from_meta() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<meta charset=\"gbk\"><p>部门预算</p>");
        assert_eq!(read_bytes(&gbk).text, "部门预算\n");
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">";
        assert_eq!(declared_charset(page).as_deref(), Some("gb2312"));
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in [
            "<",
            "<td",
            "<table><td colspan=99999999>",
            "&#xFFFFFFFF;",
            "<tr><td rowspan=0>a",
        ] {
            let _ = html_to_text(s);
        }
    }
}
