//! Group lines into records: one table row (positional cells) or one line of text.
//!
//! Shapes: Word export (one cell per line, each line starting with a tab, blank line between rows),
//! the grid readers of [`super::shapes`] (markup, `|` rows, CSV, space-aligned columns),
//! tab-separated lines (one row per line), and plain lines (PDF text in reading order: cells split
//! by spaces only when a table reader asks for [`Rec::flow`]).
use super::lines::{push_space_tokens, tab_cells, Line, Tok};
use crate::text::{fast, Span};
use std::borrow::Cow;

/// The cells of a record: most records are one line of text, one cell, which needs no allocation.
#[derive(Clone, Debug)]
pub enum Cells<'a> {
    One(Tok<'a>),
    Many(Vec<Tok<'a>>),
}

impl<'a> std::ops::Deref for Cells<'a> {
    type Target = [Tok<'a>];

    fn deref(&self) -> &[Tok<'a>] {
        match self {
            Cells::One(t) => std::slice::from_ref(t),
            Cells::Many(v) => v,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Rec<'a> {
    /// Positional cells. A plain text line is one cell.
    pub cells: Cells<'a>,
    pub span: Span,
    /// True when the cells came from tabs (Word export or TSV): positions are columns.
    pub grid: bool,
    /// The cells' columns were inferred (from positions in space-aligned text), not delimited.
    pub inferred: bool,
    /// Index of the first line of the record.
    pub line: usize,
    /// Lines `line..line_end` belong to the record.
    pub line_end: usize,
}

impl<'a> Rec<'a> {
    /// Non-empty cells.
    pub fn filled(&self) -> impl Iterator<Item = &Tok<'a>> {
        self.cells.iter().filter(|c| !c.is_empty())
    }

    pub fn filled_count(&self) -> usize {
        self.filled().count()
    }

    /// The text of a single-cell record.
    pub fn single(&self) -> Option<&'a str> {
        let mut it = self.filled();
        let first = it.next()?;
        if it.next().is_none() {
            Some(first.text)
        } else {
            None
        }
    }

    /// Whole text of the record with cells joined by one space (borrowed for a single cell).
    pub fn joined(&self) -> Cow<'a, str> {
        let mut it = self.filled();
        let Some(first) = it.next() else {
            return Cow::Borrowed("");
        };
        let Some(second) = it.next() else {
            return Cow::Borrowed(first.text);
        };
        let mut out = String::with_capacity(self.span.len());
        out.push_str(first.text);
        for t in std::iter::once(second).chain(it) {
            out.push(' ');
            out.push_str(t.text);
        }
        Cow::Owned(out)
    }

    /// [`Rec::joined`] into `out` (cleared first), to reuse its allocation.
    pub fn join_into(&self, out: &mut String) {
        out.clear();
        for (k, t) in self.filled().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(t.text);
        }
    }

    /// Space-separated tokens of a plain line (PDF text); cells of a grid record as they are.
    pub fn flow(&self, src: &'a str, lines: &[Line<'a>]) -> Vec<Tok<'a>> {
        let _ = src;
        let mut out = Vec::new();
        self.flow_into(lines, &mut out);
        out
    }

    /// [`Rec::flow`] into `out` (cleared first), to reuse its allocation.
    pub fn flow_into(&self, lines: &[Line<'a>], out: &mut Vec<Tok<'a>>) {
        out.clear();
        if self.grid {
            out.extend(self.filled().copied());
            return;
        }
        for l in &lines[self.line..self.line_end] {
            push_space_tokens(l, out);
        }
    }
}

/// Is this input a Word export with one cell per line?
fn is_word_cells(lines: &[Line]) -> bool {
    let nonblank = lines.iter().filter(|l| !fast::is_blank(l.text)).count();
    let celly = lines
        .iter()
        .filter(|l| l.tabs == 1 && l.text.starts_with('\t'))
        .count();
    nonblank > 0 && celly * 10 >= nonblank * 4
}

pub fn build<'a>(src: &'a str, lines: &[Line<'a>]) -> Vec<Rec<'a>> {
    let mut out = Vec::with_capacity(lines.len() / 2 + 1);
    if is_word_cells(lines) {
        let mut i = 0;
        while i < lines.len() {
            let l = &lines[i];
            if l.text.starts_with('\t') {
                // a row: the run of lines that start with a tab, one cell per line
                let end = lines[i..]
                    .iter()
                    .position(|x| !x.text.starts_with('\t'))
                    .map_or(lines.len(), |n| i + n);
                let run = &lines[i..end];
                out.push(Rec {
                    cells: Cells::Many(run.iter().map(|l| word_cell(src, l)).collect()),
                    span: run[0].span().cover(run[run.len() - 1].span()),
                    grid: true,
                    inferred: false,
                    line: i,
                    line_end: end,
                });
                i = end;
                continue;
            }
            if !fast::is_blank(l.text) {
                out.push(Rec {
                    cells: Cells::One(Tok::new(l.text, l.start)),
                    span: l.span(),
                    grid: false,
                    inferred: false,
                    line: i,
                    line_end: i + 1,
                });
            }
            i += 1;
        }
    } else {
        let mut i = 0;
        while i < lines.len() {
            let l = &lines[i];
            if fast::is_blank(l.text) {
                i += 1;
                continue;
            }
            if let Some(b) = super::shapes::READERS
                .iter()
                .find_map(|(_, read)| read(src, lines, i))
            {
                out.extend(b.recs);
                i = b.end.max(i + 1);
                continue;
            }
            if l.tabs > 0 {
                out.push(Rec {
                    cells: Cells::Many(tab_cells(l)),
                    span: l.span(),
                    grid: true,
                    inferred: false,
                    line: i,
                    line_end: i + 1,
                });
            } else {
                out.push(Rec {
                    cells: Cells::One(Tok::new(l.text, l.start)),
                    span: l.span(),
                    grid: false,
                    inferred: false,
                    line: i,
                    line_end: i + 1,
                });
            }
            i += 1;
        }
    }
    out
}

/// The cell of a Word-export line (which starts with a tab). A cell that itself contains tabs
/// (quoted multi-line text) stays one cell.
fn word_cell<'a>(src: &'a str, l: &Line<'a>) -> Tok<'a> {
    let rest = &l.text[1..];
    if l.tabs <= 1 {
        return Tok::new(rest, l.start + 1);
    }
    let parts = tab_cells(&Line {
        text: rest,
        start: l.start + 1,
        full: l.full,
        tabs: l.tabs - 1,
    });
    let first = parts[0];
    let last = parts
        .iter()
        .rev()
        .find(|p| !p.is_empty())
        .copied()
        .unwrap_or(first);
    let span = first.span.cover(last.span);
    Tok {
        text: span.slice(src),
        span,
    }
}
