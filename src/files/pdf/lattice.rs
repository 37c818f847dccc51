//! Ruled tables (lattice): where a page draws a grid, the rows between two horizontal rules are
//! the table's rows and the strips between vertical rules its cells. A cell whose text wraps over
//! two or three lines ("西安市安全生产监督 / 管理局", "机关事业单位基 / 本养老保险缴费" in
//! xian_safety_budget_tables_2019.pdf 表8; a two-line header "政府经济 / 科目编码") is joined
//! into one run on one line, so that the code, the name and the amounts of a row stand on one
//! line as the positioned text reader expects. Empty cells stay empty: they keep their column by
//! position. Pages without a grid are left as they are (stream).
use super::device::Rule;
use super::layout::{is_wide, Line, Run};

/// Rules shorter than this (points) are underlines or tick marks, not grid lines.
const MIN_RULE: f32 = 8.0;
/// Rule positions closer than this (points) are one line (a grid drawn as double strokes, or as
/// the two edges of a thin filled rectangle).
const SAME: f32 = 1.5;

/// Sorted positions, with positions closer than `SAME` merged.
fn positions(mut v: Vec<f32>) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for x in v {
        if out.last().is_none_or(|l| x - l > SAME) {
            out.push(x);
        }
    }
    out
}

/// Join text pieces of one cell read top to bottom: CJK text wraps without a space, other text
/// with one.
fn join(a: &mut String, b: &str) {
    let glue = !(a.chars().last().is_some_and(is_wide) || b.chars().next().is_some_and(is_wide));
    if glue && !a.is_empty() {
        a.push(' ');
    }
    a.push_str(b);
}

/// The lines of a page with the wrapped cells of its ruled tables joined.
pub fn merge(lines: Vec<Line>, rules: &[Rule]) -> Vec<Line> {
    let hs: Vec<&Rule> = rules
        .iter()
        .filter(|r| r.horizontal && r.b - r.a >= MIN_RULE)
        .collect();
    let vs: Vec<&Rule> = rules
        .iter()
        .filter(|r| !r.horizontal && r.b - r.a >= MIN_RULE)
        .collect();
    // a grid has rows and at least one inner column line
    if hs.len() < 3 || vs.len() < 2 {
        return lines;
    }
    let ys = positions(hs.iter().map(|r| r.at).collect());
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut rest = lines.into_iter().peekable();
    for band in ys.windows(2) {
        let (top, bottom) = (band[0], band[1]);
        // lines before this band pass through
        while let Some(l) = rest.next_if(|l| l.y <= top) {
            out.push(l);
        }
        let mut inside: Vec<Line> = Vec::new();
        while let Some(l) = rest.next_if(|l| l.y < bottom) {
            inside.push(l);
        }
        if inside.len() < 2 {
            out.extend(inside);
            continue;
        }
        // the column lines that cross this band, and the horizontal extent they span
        let mid = (top + bottom) / 2.0;
        let xs = positions(
            vs.iter()
                .filter(|r| r.a <= mid && r.b >= mid)
                .map(|r| r.at)
                .collect(),
        );
        if xs.len() < 2 {
            out.extend(inside);
            continue;
        }
        let (left, right) = (xs[0], xs[xs.len() - 1]);
        // only lines wholly inside the grid are joined (a caption or a note beside a table
        // passes through)
        let (grid, free): (Vec<Line>, Vec<Line>) = inside.into_iter().partition(|l| {
            l.runs
                .iter()
                .all(|r| r.x0 >= left - SAME && r.x1 <= right + SAME + 0.5 * r.size)
        });
        out.extend(free);
        if grid.len() < 2 || !wrapped(&grid, &xs) {
            out.extend(grid);
            continue;
        }
        out.push(join_band(grid, &xs));
    }
    out.extend(rest);
    out.sort_by(|a, b| a.y.total_cmp(&b.y));
    out
}

/// Digits with a decimal point or a thousands separator.
fn amount(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit()) && t.contains(['.', ','])
}

/// Whether the lines of a band are one row with wrapped cells. A band that holds several rows
/// (a table whose grid has no rule between its rows, or only its outer frame) is not: more than
/// one of its lines holds amounts, it has many lines, or a line puts two runs far apart into
/// one cell (the cell is not a cell of the grid).
fn wrapped(grid: &[Line], xs: &[f32]) -> bool {
    if grid.len() > 4 || grid.iter().filter(|l| l.runs.iter().any(|r| amount(&r.text))).count() > 1 {
        return false;
    }
    grid.iter().all(|l| {
        l.runs.windows(2).all(|w| {
            let k = |r: &Run| xs.partition_point(|x| *x <= (r.x0 + r.x1) / 2.0);
            k(&w[0]) != k(&w[1])
                || (w[1].x0 - w[0].x1 < 3.0 * w[0].size && !amount(&w[0].text) && !amount(&w[1].text))
        })
    })
}

/// One line from the lines of one table row: a run per non-empty cell, its text read top to
/// bottom; the baseline is that of the line with the most runs (the one holding the amounts).
fn join_band(grid: Vec<Line>, xs: &[f32]) -> Line {
    let y = grid
        .iter()
        .max_by_key(|l| l.runs.len())
        .map_or(grid[0].y, |l| l.y);
    let size = grid.iter().map(|l| l.size).fold(0.0, f32::max);
    let mut cells: Vec<Option<Run>> = vec![None; xs.len() + 1];
    for l in grid {
        for r in l.runs {
            let centre = (r.x0 + r.x1) / 2.0;
            let k = xs.partition_point(|x| *x <= centre);
            match &mut cells[k] {
                Some(c) => {
                    join(&mut c.text, &r.text);
                    c.x0 = c.x0.min(r.x0);
                    c.x1 = c.x1.max(r.x1);
                    c.top = c.top.min(r.top);
                    c.bottom = c.bottom.max(r.bottom);
                    c.size = c.size.max(r.size);
                }
                slot => *slot = Some(r),
            }
        }
    }
    Line {
        y,
        size,
        runs: cells.into_iter().flatten().collect(),
    }
}
