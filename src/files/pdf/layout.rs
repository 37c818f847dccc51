//! One page's glyphs laid out as space-aligned text, the shape `pdftotext -layout` prints and the
//! positioned text reader (`parse::shapes::positioned`) understands.
//!
//! Glyphs are grouped into lines by baseline and into runs by the gaps between them; a run is
//! placed at the column of its left edge, an amount at the column of its right edge (tables
//! right-align amounts, and the positioned reader finds amount columns by their right edges). A
//! column is half an em of the page's small text, so a CJK character, one em wide, takes two
//! columns, as in display width.
use super::device::{Glyph, Rule};

/// A run of glyphs on one line, with its text and its box on the page.
#[derive(Clone, Debug)]
pub struct Run {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    pub size: f32,
}

/// A line of runs, left to right, at baseline `y`.
#[derive(Clone, Debug)]
pub struct Line {
    pub y: f32,
    pub size: f32,
    pub runs: Vec<Run>,
}

impl Line {
    pub fn text(&self) -> String {
        let mut s = String::new();
        for r in &self.runs {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&r.text);
        }
        s
    }
}

pub use crate::text::is_wide;

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// An amount as tables print it (digits with a decimal point or thousands separators): placed by
/// its right edge. Codes and counts are placed by their left edge like names.
fn is_amount(t: &str) -> bool {
    let t = t.strip_prefix('-').unwrap_or(t);
    let t = t.strip_suffix('%').unwrap_or(t);
    !t.is_empty()
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && t.contains(['.', ','])
}

/// Group glyphs into lines (top to bottom) of runs (left to right). A vertical rule between two
/// glyphs always ends a run: it is a cell border (beijing_statistics_budget_tables_2026 预算01表
/// prints "50,665.496773" against the border, with "一、一般公共服务支出" just after it).
pub fn lines(mut glyphs: Vec<Glyph>, rules: &[Rule]) -> Vec<Line> {
    let walls: Vec<&Rule> = rules.iter().filter(|r| !r.horizontal).collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    // lines by baseline: a glyph joins the line when its baseline is within a third of the
    // smaller size (cells of one table row set at slightly different baselines still join;
    // the next row, a line height away, does not)
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    let mut base = f32::NEG_INFINITY;
    let mut base_size = 0.0f32;
    for g in glyphs {
        let same = rows
            .last()
            .is_some_and(|_| (g.y - base).abs() <= 0.35 * g.size.min(base_size));
        if same {
            rows.last_mut().expect("a line").push(g);
        } else {
            base = g.y;
            base_size = g.size;
            rows.push(vec![g]);
        }
    }
    rows.into_iter()
        .filter_map(|r| line_of(r, &walls))
        .collect()
}

fn line_of(mut gs: Vec<Glyph>, walls: &[&Rule]) -> Option<Line> {
    gs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // a glyph printed twice at (nearly) the same place: fake bold, or a fill-and-stroke run
    gs.dedup_by(|b, a| a.text == b.text && (b.x0 - a.x0).abs() < 0.25 * a.size.min(b.size));
    let y = gs.iter().map(|g| g.y).sum::<f32>() / gs.len() as f32;
    let mut runs: Vec<Run> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    for g in &gs {
        let join = prev.map(|p| {
            let gap = g.x0 - p.x1;
            let em = p.size.max(g.size);
            let (last, next) = (p.text.chars().last(), g.text.chars().next());
            // justified prose spreads the digits of "2026年" and "14,770.62万元" apart: between a
            // CJK character and a digit, and inside a number, a wider gap still joins (a table's
            // columns stand at least an em apart)
            let numeric =
                |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',');
            let mixed = last.is_some_and(is_wide) != next.is_some_and(is_wide);
            let inside_number = numeric(last)
                && numeric(next)
                && (matches!(last, Some('.' | ',')) || matches!(next, Some('.' | ',')));
            let limit = if mixed || inside_number { 0.6 } else { 0.3 };
            let spaced = gap > 0.12 * em
                && !inside_number
                && !last.is_some_and(is_wide)
                && !next.is_some_and(is_wide);
            let (from, to) = ((p.x0 + p.x1) / 2.0, (g.x0 + g.x1) / 2.0);
            let wall = walls
                .iter()
                .any(|w| w.at > from && w.at < to && w.a <= g.y && w.b >= g.y - 0.5 * g.size);
            (gap < limit * em && !wall, spaced)
        });
        match (join, runs.last_mut()) {
            (Some((true, spaced)), Some(r)) => {
                if spaced {
                    r.text.push(' ');
                }
                r.text.push_str(&g.text);
                r.x1 = r.x1.max(g.x1);
                r.top = r.top.min(g.y - 0.85 * g.size);
                r.bottom = r.bottom.max(g.y + 0.15 * g.size);
                r.size = r.size.max(g.size);
            }
            _ => runs.push(Run {
                text: g.text.clone(),
                x0: g.x0,
                x1: g.x1,
                top: g.y - 0.85 * g.size,
                bottom: g.y + 0.15 * g.size,
                size: g.size,
            }),
        }
        prev = Some(g);
    }
    let size = runs.iter().map(|r| r.size).fold(0.0, f32::max);
    Some(Line { y, size, runs })
}

/// The width of a text column on a page: half an em of its small text (the 20th percentile of
/// glyph sizes), so that a table's small print does not run into the next column.
pub fn column_width(lines: &[Line]) -> f32 {
    let mut sizes: Vec<f32> = lines
        .iter()
        .flat_map(|l| l.runs.iter().map(|r| r.size))
        .filter(|s| *s >= 3.0)
        .collect();
    if sizes.is_empty() {
        return 5.0;
    }
    sizes.sort_by(f32::total_cmp);
    sizes[sizes.len() / 5] / 2.0
}

/// A laid-out line: its text and, per run, the byte range of the run in it.
pub struct Laid {
    pub text: String,
    pub runs: Vec<(usize, usize)>,
}

/// Lay a line out in columns of width `cw` from the page's left text edge `left`. Runs keep at
/// least two spaces between them (the positioned reader splits cells at two spaces).
pub fn lay(line: &Line, cw: f32, left: f32) -> Laid {
    let mut text = String::new();
    let mut runs = Vec::with_capacity(line.runs.len());
    let mut cursor = 0usize;
    for (i, r) in line.runs.iter().enumerate() {
        let w = display_width(&r.text);
        let want = if is_amount(&r.text) {
            (((r.x1 - left) / cw).round().max(0.0) as usize).saturating_sub(w)
        } else {
            ((r.x0 - left) / cw).round().max(0.0) as usize
        };
        let min = if i == 0 { 0 } else { cursor + 2 };
        let at = want.max(min);
        text.extend(std::iter::repeat_n(' ', at - cursor));
        let b0 = text.len();
        text.push_str(&r.text);
        runs.push((b0, text.len()));
        cursor = at + w;
    }
    Laid { text, runs }
}
