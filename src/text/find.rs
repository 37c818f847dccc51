//! Substring search for the short texts of cells and lines.
//!
//! `str::find(&str)` first builds a two-way searcher, which costs more than the whole search in a
//! cell of a few characters, and the parser asks such questions of every cell. A memchr for the
//! needle's first character does not help either: in CJK text its bytes are everywhere. These
//! functions compare the needle's first two bytes at each position instead (a CJK character's
//! first two bytes narrow it to one of 64). They return what `str::find` and `str::contains` return.

/// The byte offset of the first occurrence of `needle` in `hay`.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    match n {
        [] => Some(0),
        [a] => h.iter().position(|b| b == a),
        [a, b, rest @ ..] => {
            let last = h.len().checked_sub(n.len())?;
            (0..=last).find(|&i| h[i] == *a && h[i + 1] == *b && h[i + 2..i + n.len()] == *rest)
        }
    }
}

/// Does `hay` contain `needle`?
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
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
        let needles = ["", "单位", "元", "ab", "cab", "预算年度", "x", "单单位单"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
            }
        }
    }
}
