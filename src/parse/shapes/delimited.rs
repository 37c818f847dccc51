//! Delimited rows: `|` between cells (markdown tables, with or without a `|---|` rule, with or
//! without outer pipes) and CSV (RFC 4180 quoting).
use super::Block;
use crate::parse::lines::Line;

/// A block of `|` rows starting at line `i`.
pub fn pipe_block<'a>(src: &'a str, lines: &[Line<'a>], i: usize) -> Option<Block<'a>> {
    let _ = (src, lines, i);
    None
}

/// A block of CSV rows starting at line `i`.
pub fn csv_block<'a>(src: &'a str, lines: &[Line<'a>], i: usize) -> Option<Block<'a>> {
    let _ = (src, lines, i);
    None
}
