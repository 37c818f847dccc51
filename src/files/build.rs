//! The extracted text and its origin map, written together by every reader: a piece of text
//! pushed with an origin gets that origin for its byte range.
use super::{Extracted, FileKind, Origin};
use crate::text::Span;

#[derive(Default)]
pub struct TextBuilder {
    text: String,
    origins: Vec<(Span, Origin)>,
    pub notes: Vec<String>,
}

impl TextBuilder {
    /// Text without an origin of its own (tabs, line ends).
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// A piece of text from `origin`. Empty pieces get no entry: an empty cell has no text a
    /// finding could point at, and the map must stay non-overlapping.
    pub fn piece(&mut self, s: &str, origin: Origin) {
        if s.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(s);
        self.origins
            .push((Span::new(start, self.text.len()), origin));
    }

    /// End the current line unless the text is empty or already ends one.
    pub fn end_line(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// A blank line (between tables), never two in a row.
    pub fn blank_line(&mut self) {
        self.end_line();
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// One row of cells, tab-separated, trailing empty cells kept (the column count of a table
    /// stays the same on every row, as in a TSV export).
    pub fn row(&mut self, cells: impl IntoIterator<Item = (String, Origin)>) {
        self.end_line();
        for (i, (text, origin)) in cells.into_iter().enumerate() {
            if i > 0 {
                self.push("\t");
            }
            self.piece(&text, origin);
        }
        self.push("\n");
    }

    pub fn finish(self, kind: FileKind) -> Extracted {
        Extracted {
            kind,
            text: self.text,
            origins: self.origins,
            notes: self.notes,
        }
    }
}
