//! Fast paths of `str` functions for the short texts of cells and lines, which the parser asks
//! many questions of. Each returns exactly what its `str` counterpart returns.
//!
//! Substring search: `str::find(&str)` first builds a two-way searcher, which costs more than the
//! whole search in a cell of a few characters, and the parser asks such questions of every cell.
//! A scan for the needle's first byte does not help either: in CJK text lead bytes are everywhere.
//! These functions scan eight bytes at a time for the *last* byte of the needle's first character
//! (a continuation byte: one of 64, rare in any text) and compare the needle only there.
//!
//! Trimming: `str::trim` decodes characters through a generic searcher; most cells neither start
//! nor end with white space, which one look at the first and the last character's lead byte shows.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The position of the first byte `x` in `h`, eight bytes at a time.
#[inline]
fn byte_pos(x: u8, h: &[u8]) -> Option<usize> {
    let rep = ONES * u64::from(x);
    let mut i = 0;
    while let Some(chunk) = h.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ rep;
        // the lowest flagged byte is the first zero byte (a false flag only follows a true one)
        let zero = v.wrapping_sub(ONES) & !v & HIGH;
        if zero != 0 {
            return Some(i + (zero.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    h[i..].iter().position(|&b| b == x).map(|p| i + p)
}

/// The byte offset of the first occurrence of `needle` in `hay`.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    let last_start = h.len().checked_sub(n.len())?;
    // the last byte of the first character: `k` bytes after the start of a match
    let k = match first {
        0xF0.. => 3,
        0xE0.. => 2,
        0xC0.. => 1,
        _ => 0,
    };
    let x = n[k];
    let mut from = k;
    while from <= last_start + k {
        let p = from + byte_pos(x, &h[from..=last_start + k])?;
        let s = p - k;
        if h[s..s + n.len()] == *n {
            return Some(s);
        }
        from = p + 1;
    }
    None
}

/// Does `hay` contain `needle`?
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// Could a character with this first byte be white space (`char::is_whitespace`)? The white space
/// outside ASCII is U+0085, U+00A0 (lead byte C2), U+1680 (E1), U+2000–U+205F (E2) and U+3000 (E3).
/// (A yes for an ASCII control character only costs the slow path.)
#[inline]
fn may_be_space(lead: u8) -> bool {
    lead <= b' ' || lead == 0xC2 || (0xE1..=0xE3).contains(&lead)
}

/// `str::trim`.
#[inline]
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// `str::trim_start`.
#[inline]
pub fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&first) if may_be_space(first) => s.trim_start(),
        _ => s,
    }
}

/// `str::trim_end`.
#[inline]
pub fn trim_end(s: &str) -> &str {
    // the last character's first byte: continuation bytes are 0x80..=0xBF
    match s
        .as_bytes()
        .iter()
        .rev()
        .find(|&&x| !(0x80..0xC0).contains(&x))
    {
        Some(&lead) if may_be_space(lead) => s.trim_end(),
        _ => s,
    }
}

/// `char::is_whitespace`, without the table lookup for CJK characters (white space ends at U+3000).
#[inline]
pub fn is_white_space(c: char) -> bool {
    c <= '\u{3000}' && c.is_whitespace()
}

/// `s.contains(char::is_whitespace)`.
pub fn has_white_space(s: &str) -> bool {
    // only a character whose first byte may be white space is decoded
    s.bytes()
        .enumerate()
        .any(|(i, b)| may_be_space(b) && s[i..].chars().next().is_some_and(char::is_whitespace))
}

/// `s.trim().is_empty()`.
pub fn is_blank(s: &str) -> bool {
    match s.bytes().find(|b| !matches!(b, b' ' | b'\t'..=b'\r')) {
        None => true,
        Some(b) if !may_be_space(b) => false,
        Some(_) => s.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_str_find() {
        let hays = [
            "",
            "单位：万元",
            "金额单位：元",
            "单单位",
            "abcab",
            "预算年度预算年度",
        ];
        let needles = [
            "",
            "单位",
            "元",
            "ab",
            "cab",
            "预算年度",
            "x",
            "单单位单",
            "é",
            "😀",
        ];
        let long = "单位单位单位单位单位单位：万元abcab 预算年度😀é";
        for h in hays
            .into_iter()
            .chain([long, &long[3..], &long[..long.len() - 2]])
        {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn same_as_str_find_on_generated_texts() {
        // texts over a small alphabet, so that partial matches are everywhere
        let alphabet = ["a", "b", "单", "位", "元", "é", "😀", "\u{8584}"];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut text = |len: usize| {
            (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect::<String>()
        };
        for round in 0..3000 {
            let (h, n) = (text(round % 41), text(round % 4));
            assert_eq!(find(&h, &n), h.find(&*n), "{h:?} {n:?}");
        }
    }

    #[test]
    fn same_as_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "单位",
            "\u{3000}单位\u{3000}",
            "单位\u{a0}",
            "\u{2003}x",
            "x\u{205f}",
            "\u{85}",
            "\t \u{3000}",
            "\t\u{3000}x",
            "\t1.00\r",
            "表\u{1680}",
            "é",
            "ā ",
            "位\u{200b}",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
            assert_eq!(has_white_space(s), s.contains(char::is_whitespace), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
    }
}
