/// Line starts of a text, built once; converts byte offsets to (line, char column) for rendering
/// and to UTF-16 offsets for the DOM.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line and 1-based character column of a byte offset.
    pub fn line_col(&self, text: &str, offset: u32) -> (u32, u32) {
        let offset = offset.min(text.len() as u32);
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line] as usize;
        let mut end = offset as usize;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let col = text[start..end].chars().count() as u32;
        (line as u32 + 1, col + 1)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// UTF-16 code-unit offset of a byte offset (for JavaScript selection ranges).
pub fn utf16_offset(text: &str, offset: u32) -> u32 {
    let mut end = (offset as usize).min(text.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].encode_utf16().count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let t = "合计\n教育 120.00";
        let idx = LineIndex::new(t);
        let off = t.find("120").unwrap() as u32;
        assert_eq!(idx.line_col(t, off), (2, 4));
        assert_eq!(idx.line_col(t, 0), (1, 1));
        assert_eq!(utf16_offset(t, off), 6);
    }
}
