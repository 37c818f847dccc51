//! Grid readers, one module per text shape. Each looks at the lines from `i` on and, when a block
//! of its shape starts there, returns the block's rows as grid records (positional cells, each
//! with its span in the original text; an empty cell is an empty token) and the index of the first
//! line after the block. `records::build` asks them in the order of [`READERS`]; a line no reader
//! claims becomes a tab-separated row (a line with tabs) or a plain record (one line of text, which
//! the table reader may still split at spaces: PDF text in reading order).
//!
//! Adding a shape: one module here with a `block` function, and one line in [`READERS`].
//! Every reader must be cheap on a line that does not start its block: it is asked at every line.
use super::lines::Line;
use super::records::Rec;

pub mod delimited;
pub mod markup;
pub mod positioned;

/// Rows read from a block of lines `[start, end)`.
pub struct Block<'a> {
    pub recs: Vec<Rec<'a>>,
    pub end: usize,
}

/// A grid reader: the block of its shape that starts at line `i`, if any.
pub type Reader = for<'a> fn(&'a str, &[Line<'a>], usize) -> Option<Block<'a>>;

/// The readers, in the order they are asked (the most specific first).
pub static READERS: &[(&str, Reader)] = &[
    ("markup", markup::block),
    ("pipe", delimited::pipe_block),
    ("csv", delimited::csv_block),
    ("positioned", positioned::block),
];

/// A grid record over lines `line..line_end` with these cells.
pub fn grid_rec<'a>(
    cells: Vec<super::lines::Tok<'a>>,
    lines: &[Line<'a>],
    line: usize,
    line_end: usize,
) -> Rec<'a> {
    Rec {
        cells: super::records::Cells::Many(cells),
        span: lines[line].span().cover(lines[line_end - 1].span()),
        grid: true,
        inferred: false,
        line,
        line_end,
    }
}

/// Helpers of the readers' unit tests.
#[cfg(test)]
pub(crate) mod test_util {
    use super::Block;

    /// The cell texts of each record.
    pub fn texts(b: &Block) -> Vec<Vec<String>> {
        b.recs
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.to_string()).collect())
            .collect()
    }

    /// Every cell's span slices to its text.
    pub fn spans_exact(src: &str, b: &Block) {
        for r in &b.recs {
            for c in r.cells.iter() {
                assert_eq!(c.span.slice(src), c.text);
            }
        }
    }
}
