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
    // row boundaries: heights where the horizontal rules cover most of the grid's width. A rule
    // under part of a header (chongqing_meteorology_budget_2026 表二: under "科目" only, above
    // "科目编码 | 科目名称") does not cut the header cells beside it, which span both rows.
    let (gl, gr) = vs
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(l, r), v| {
            (l.min(v.at), r.max(v.at))
        });
    let width = (gr - gl).max(1.0);
    let ys: Vec<f32> = positions(hs.iter().map(|r| r.at).collect())
        .into_iter()
        .filter(|y| {
            let covered: f32 = hs
                .iter()
                .filter(|r| (r.at - y).abs() <= SAME)
                .map(|r| r.b.min(gr) - r.a.max(gl))
                .filter(|w| *w > 0.0)
                .sum();
            covered >= 0.6 * width
        })
        .collect();
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
        if inside.is_empty() {
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
        if grid.is_empty() || !wrapped(&grid, &xs) {
            out.extend(grid);
            continue;
        }
        out.extend(join_band(grid, &xs));
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
/// one of its lines holds amounts, it has very many lines, or a line puts two runs far apart
/// into one cell (the cell is not a cell of the grid).
fn wrapped(grid: &[Line], xs: &[f32]) -> bool {
    let with_amounts = grid
        .iter()
        .filter(|l| l.runs.iter().any(|r| amount(&r.text)))
        .count();
    // a cell may print its words one character per line (changchun_petition_bureau 收入总表's
    // header "国/有/资/本/经/营/预/算" down a narrow column; its 项目支出表 prints the unit
    // "长/春/市/信/访/局" so, beside a project name wrapped over three lines): one row of amounts
    // with up to 16 lines of text around it is still one row
    if grid.len() > 16 || with_amounts > 1 {
        return false;
    }
    grid.iter().all(|l| {
        l.runs.windows(2).all(|w| {
            let k = |r: &Run| xs.partition_point(|x| *x <= (r.x0 + r.x1) / 2.0);
            k(&w[0]) != k(&w[1])
                || (w[1].x0 - w[0].x1 < 3.0 * w[0].size
                    && !amount(&w[0].text)
                    && !amount(&w[1].text))
        })
    })
}

/// The lines of one table row with each cell's text joined: a run per non-empty cell, read top
/// to bottom ("合  计", spread over the cell, becomes "合计"). A row with amounts becomes one line,
/// at the baseline of the line with the most runs (the one holding the amounts). A header row
/// (no amounts) keeps a line per row of text, each cell re-wrapped to its own width: a header
/// cell joined onto one line is wider than its column and would push the words of the next
/// columns over the wrong amounts.
fn join_band(grid: Vec<Line>, xs: &[f32]) -> Vec<Line> {
    let header = !grid.iter().any(|l| l.runs.iter().any(|r| amount(&r.text)));
    let y = grid
        .iter()
        .max_by_key(|l| l.runs.len())
        .map_or(grid[0].y, |l| l.y);
    let top = grid[0].y;
    let size = grid.iter().map(|l| l.size).fold(0.0, f32::max);
    let small = grid
        .iter()
        .flat_map(|l| l.runs.iter().map(|r| r.size))
        .fold(f32::INFINITY, f32::min);
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
    if !header {
        let runs = cells.into_iter().flatten().collect();
        return vec![Line { y, size, runs }];
    }
    // header: each cell's text in pieces of at most its width (in half-ems of the small text)
    let mut lines: Vec<Line> = Vec::new();
    for (k, c) in cells.into_iter().enumerate() {
        let Some(c) = c else { continue };
        let left = if k == 0 { c.x0 } else { xs[k - 1] };
        let right = xs.get(k).copied().unwrap_or(c.x1);
        let cap = (((right - left) / (small / 2.0)).floor() as usize)
            .saturating_sub(1)
            .max(2);
        let mut pieces: Vec<String> = vec![String::new()];
        let mut w = 0;
        for ch in c.text.chars() {
            let cw = if is_wide(ch) { 2 } else { 1 };
            if w + cw > cap && w > 0 {
                pieces.push(String::new());
                w = 0;
            }
            pieces.last_mut().expect("a piece").push(ch);
            w += cw;
        }
        for (i, p) in pieces.into_iter().enumerate() {
            let p = p.trim().to_string();
            if p.is_empty() {
                continue;
            }
            if lines.len() <= i {
                lines.push(Line {
                    y: top + i as f32 * 0.01,
                    size,
                    runs: Vec::new(),
                });
            }
            lines[i].runs.push(Run {
                text: p,
                x0: c.x0.max(left),
                x1: c.x1,
                ..c.clone()
            });
        }
    }
    lines
}
