//! A run of prose with its white space removed (PDF text wraps sentences anywhere, even inside
//! "比上\n年" or between a number and its unit), and a map back to the original bytes.
use crate::text::Span;

pub struct Clean {
    pub text: String,
    /// `map[i]`: the original byte offset of clean byte `i`; `map[text.len()]` is the end.
    map: Vec<u32>,
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '\u{3000}' | '\u{a0}' | '\u{c}' | '\u{200b}'
    )
}

impl Clean {
    /// The text of `src[start..end]` without white space. One space is kept between two ASCII
    /// digits so that two numbers never merge ("29.30 37.55").
    pub fn new(src: &str, start: usize, end: usize) -> Clean {
        let s = &src[start..end];
        let mut text = String::with_capacity(s.len());
        let mut map = Vec::with_capacity(s.len() + 1);
        let mut pending_space: Option<usize> = None;
        for (i, c) in s.char_indices() {
            if is_space(c) {
                if pending_space.is_none() {
                    pending_space = Some(start + i);
                }
                continue;
            }
            if let Some(at) = pending_space.take() {
                if c.is_ascii_digit() && text.ends_with(|p: char| p.is_ascii_digit()) {
                    text.push(' ');
                    map.push(at as u32);
                }
            }
            text.push(c);
            for b in 0..c.len_utf8() {
                map.push((start + i + b) as u32);
            }
        }
        map.push(end as u32);
        Clean { text, map }
    }

    /// The original span of clean bytes `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        if b <= a {
            return Span::empty(self.map[a.min(self.map.len() - 1)] as usize);
        }
        Span::new(self.map[a] as usize, self.map[b - 1] as usize + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_the_original() {
        // corpus 41: a sentence wrapped inside a word and before the unit
        let src = "本单位固\n定资产总量为4295.98万元，房屋3773.63\n万元";
        let c = Clean::new(src, 0, src.len());
        assert_eq!(c.text, "本单位固定资产总量为4295.98万元，房屋3773.63万元");
        let a = c.text.find("3773.63").unwrap();
        assert_eq!(c.span(a, a + 7).slice(src), "3773.63");
        let a = c.text.find("固定").unwrap();
        assert_eq!(c.span(a, a + 6).slice(src), "固\n定");
    }

    #[test]
    fn numbers_do_not_merge() {
        let src = "29.30 37.55 万元";
        let c = Clean::new(src, 0, src.len());
        assert_eq!(c.text, "29.30 37.55万元");
    }
}
