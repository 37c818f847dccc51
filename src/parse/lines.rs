//! Lossless split of the input into lines and cells. Concatenating every line's `full` span
//! gives back the input exactly.
use crate::text::{fast, Span};

#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    /// The line without its terminator.
    pub text: &'a str,
    pub start: usize,
    /// Span including the terminator (\n, \r\n or \r).
    pub full: Span,
    /// How many tabs `text` holds (counted while splitting, asked of every line).
    pub tabs: u32,
}

impl Line<'_> {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }
}

pub fn split_lines(src: &str) -> Vec<Line<'_>> {
    let bytes = src.as_bytes();
    // (a guess at the line count, to spare the copies of a growing vector)
    let mut out = Vec::with_capacity(src.len() / 16 + 1);
    let mut start = 0;
    let mut tabs = 0;
    let mut i = 0;
    while let Some(at) = next_control(bytes, i) {
        let b = bytes[at];
        i = at + 1;
        match b {
            b'\t' => tabs += 1,
            b'\n' | b'\r' => {
                let end = i - 1;
                if b == b'\r' && bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push(Line {
                    text: &src[start..end],
                    start,
                    full: Span::new(start, i),
                    tabs,
                });
                start = i;
                tabs = 0;
            }
            _ => {}
        }
    }
    if start < src.len() {
        out.push(Line {
            text: &src[start..],
            start,
            full: Span::new(start, src.len()),
            tabs,
        });
    }
    out
}

/// The position of the first byte below 14 ('\t' is 9, '\n' 10, '\r' 13) at or after `from`,
/// looked for eight bytes at a time.
#[inline]
fn next_control(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // the "has less" test of a word's bytes (exact for a bound up to 128); its lowest flag
        // is the first such byte (a false flag only follows a true one)
        let low = v.wrapping_sub(ONES * 14) & !v & HIGH;
        if low != 0 {
            return Some(i + (low.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|&c| c < 14).map(|p| i + p)
}

/// A piece of text with its span; `text` is trimmed and stripped of markup (`<b>`, `**`, `#`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub span: Span,
}

impl<'a> Tok<'a> {
    /// Trim white space and simple markup around `raw` which starts at byte `at`.
    pub fn new(raw: &'a str, at: usize) -> Tok<'a> {
        let mut s = raw;
        let mut off = at;
        loop {
            let before = s.len();
            // (U+3000, the CJK space, is white space too)
            let t = fast::trim_start(s);
            off += s.len() - t.len();
            s = fast::trim_end(t);
            // cheap test first: most cells have no markup
            let b = s.as_bytes();
            if !matches!(b.first(), Some(b'<' | b'*')) && !matches!(b.last(), Some(b'>' | b'*')) {
                break;
            }
            for tag in ["<b>", "<strong>", "**", "<br>"] {
                if let Some(r) = s.strip_prefix(tag) {
                    off += tag.len();
                    s = r;
                }
            }
            for tag in ["</b>", "</strong>", "**", "<br>"] {
                if let Some(r) = s.strip_suffix(tag) {
                    s = r;
                }
            }
            if s.len() == before {
                break;
            }
        }
        Tok {
            text: s,
            span: Span::new(off, off + s.len()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Split a line into cells at tabs (keeping empty cells, positional).
pub fn tab_cells<'a>(line: &Line<'a>) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    let mut pos = line.start;
    for part in line.text.split('\t') {
        out.push(Tok::new(part, pos));
        pos += part.len() + 1;
    }
    out
}

/// Split a line into tokens at runs of white space (PDF text, where empty cells vanished).
pub fn space_tokens<'a>(line: &Line<'a>) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    push_space_tokens(line, &mut out);
    out
}

/// [`space_tokens`], appended to `out`.
pub fn push_space_tokens<'a>(line: &Line<'a>, out: &mut Vec<Tok<'a>>) {
    let mut push = |s: usize, e: usize| {
        let t = Tok::new(&line.text[s..e], line.start + s);
        if !t.is_empty() {
            out.push(t);
        }
    };
    let mut start: Option<usize> = None;
    for (i, c) in line.text.char_indices() {
        let ws = c.is_whitespace() || c == '\u{3000}';
        match (ws, start) {
            (true, Some(s)) => {
                push(s, i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, line.text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_found_in_long_lines() {
        let s = "一二三四五六七八\t九十\r\nabcdefghijklmnop\n\n\rq";
        let ls = split_lines(s);
        let joined: String = ls.iter().map(|l| l.full.slice(s)).collect();
        assert_eq!(joined, s);
        assert_eq!(
            ls.iter().map(|l| l.text).collect::<Vec<_>>(),
            ["一二三四五六七八\t九十", "abcdefghijklmnop", "", "", "q"]
        );
    }

    #[test]
    fn tabs_counted_per_line() {
        let s = "\ta\tb\r\n\t\n一二三四五六七八九十\t\t\x0b\x00\t\rx";
        let ls = split_lines(s);
        assert_eq!(ls.iter().map(|l| l.tabs).collect::<Vec<_>>(), [2, 1, 3, 0]);
        assert_eq!(ls[2].text, "一二三四五六七八九十\t\t\x0b\x00\t");
    }

    #[test]
    fn lossless() {
        let s = "a\r\nb\n\nc\rd";
        let ls = split_lines(s);
        let joined: String = ls.iter().map(|l| l.full.slice(s)).collect();
        assert_eq!(joined, s);
        assert_eq!(
            ls.iter().map(|l| l.text).collect::<Vec<_>>(),
            ["a", "b", "", "c", "d"]
        );
    }

    #[test]
    fn markup_trimmed() {
        let s = "32\t<b>本年收入合计</b>\t<b>4981.72</b>";
        let l = split_lines(s)[0];
        let c = tab_cells(&l);
        assert_eq!(c[2].text, "4981.72");
        assert_eq!(c[2].span.slice(s), "4981.72");
    }
}
