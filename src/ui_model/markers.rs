//! Where the findings sit: an index from table cells, whole rows and source-text spans to the
//! findings that touch them, built once per report (goodtables' `badcols`), never inside a render.
//!
//! # The marked-cell rule
//! A table cell `(table, row, col)` is *marked* when it is the primary or a related location of at
//! least one finding, and it exists in the parsed model: `table < doc.tables.len()`,
//! `row < rows.len()` and `col < columns.len()` of that table. A location whose `col` is
//! [`ROW`] (`usize::MAX`) means the whole row: it marks the row header, not a cell, and is not
//! counted. The mark's severity is the worst severity among the findings touching the cell; its
//! `primary` flag tells whether any of them has the cell as its primary location. The browser tests
//! count `td[data-severity]` elements and compare with this rule applied to the CLI's JSON.
use crate::model::{ColIdx, Document, RowIdx, TableId};
use crate::report::{Finding, Location, Report, Severity};
use std::collections::HashMap;

/// `col` value of a location that means a whole row.
pub const ROW: ColIdx = usize::MAX;

/// The findings at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Worst severity among the findings here.
    pub severity: Severity,
    /// Finding ids, ascending, without duplicates.
    pub findings: Vec<usize>,
    /// Some finding has this place as its primary location (otherwise it is only compared with).
    pub primary: bool,
}

impl Mark {
    fn new(f: &Finding, primary: bool) -> Mark {
        Mark {
            severity: f.severity,
            findings: vec![f.id],
            primary,
        }
    }

    fn add(&mut self, f: &Finding, primary: bool) {
        self.severity = self.severity.min(f.severity);
        // Findings are visited in id order, so pushing keeps the list sorted.
        if self.findings.last() != Some(&f.id) {
            self.findings.push(f.id);
        }
        self.primary |= primary;
    }

    /// Codes of the findings here, deduplicated, in finding order (for `data-codes`).
    pub fn codes(&self, report: &Report) -> String {
        let mut codes: Vec<&str> = Vec::new();
        for &id in &self.findings {
            if let Some(f) = report.findings.get(id) {
                if !codes.contains(&f.code) {
                    codes.push(f.code);
                }
            }
        }
        codes.join(" ")
    }

    /// The messages of the findings here, one per line (for the tooltip).
    pub fn messages(&self, report: &Report) -> String {
        self.findings
            .iter()
            .filter_map(|&id| report.findings.get(id))
            .map(|f| format!("{} {}", f.code, f.message))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The marks of one table.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TableMarkers {
    pub cells: HashMap<(RowIdx, ColIdx), Mark>,
    pub rows: HashMap<RowIdx, Mark>,
}

impl TableMarkers {
    pub fn cell(&self, row: RowIdx, col: ColIdx) -> Option<&Mark> {
        self.cells.get(&(row, col))
    }

    pub fn row(&self, row: RowIdx) -> Option<&Mark> {
        self.rows.get(&row)
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty() && self.rows.is_empty()
    }
}

/// A maximal piece of the source text covered by the same set of finding locations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the input.
    pub start: u32,
    pub end: u32,
    pub mark: Mark,
}

/// All marks of a report.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Markers {
    /// One entry per table of the document (empty markers for clean tables).
    pub tables: Vec<TableMarkers>,
    /// Non-overlapping, sorted, non-empty pieces of the source text that some location covers.
    pub segments: Vec<Segment>,
}

/// Where a finding is shown: the element to scroll to and focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Cell {
        table: TableId,
        row: RowIdx,
        col: ColIdx,
    },
    Row {
        table: TableId,
        row: RowIdx,
    },
    /// A span of the source view (narrative sentences and anything without a cell): the segment
    /// starting at this byte offset.
    Text(u32),
}

impl Target {
    /// The DOM id of the element (see `app`: cells `c-T-R-C`, row headers `r-T-R`, source `s-START`).
    pub fn dom_id(self) -> String {
        match self {
            Target::Cell { table, row, col } => cell_id(table, row, col),
            Target::Row { table, row } => row_id(table, row),
            Target::Text(start) => segment_id(start),
        }
    }
}

pub fn cell_id(table: TableId, row: RowIdx, col: ColIdx) -> String {
    format!("c-{table}-{row}-{col}")
}

pub fn row_id(table: TableId, row: RowIdx) -> String {
    format!("r-{table}-{row}")
}

pub fn segment_id(start: u32) -> String {
    format!("s-{start}")
}

/// What a location points at in the rendered page, if anything.
pub fn target_of(doc: &Document, loc: &Location) -> Option<Target> {
    match loc.cell {
        Some(c) => {
            let t = doc.tables.get(c.table)?;
            if c.row >= t.rows.len() {
                return text_target(loc);
            }
            if c.col == ROW {
                Some(Target::Row {
                    table: c.table,
                    row: c.row,
                })
            } else if c.col < t.columns.len() {
                Some(Target::Cell {
                    table: c.table,
                    row: c.row,
                    col: c.col,
                })
            } else {
                Some(Target::Row {
                    table: c.table,
                    row: c.row,
                })
            }
        }
        None => text_target(loc),
    }
}

fn text_target(loc: &Location) -> Option<Target> {
    (!loc.span.is_empty()).then_some(Target::Text(loc.span.start))
}

impl Markers {
    pub fn build(report: &Report) -> Markers {
        let doc = &report.doc;
        let mut tables: Vec<TableMarkers> = vec![TableMarkers::default(); doc.tables.len()];
        // Source segments: a sweep over span boundaries.
        let mut bounds: Vec<(u32, bool, usize, bool)> = Vec::new(); // (offset, is_end, finding, primary)
        for f in &report.findings {
            for (i, loc) in f.locations().enumerate() {
                let primary = i == 0;
                match target_of(doc, loc) {
                    Some(Target::Cell { table, row, col }) => {
                        put(tables[table].cells.entry((row, col)), f, primary);
                    }
                    Some(Target::Row { table, row }) => {
                        put(tables[table].rows.entry(row), f, primary);
                    }
                    _ => {}
                }
                if !loc.span.is_empty() {
                    bounds.push((loc.span.start, false, f.id, primary));
                    bounds.push((loc.span.end, true, f.id, primary));
                }
            }
        }
        let segments = sweep(report, bounds);
        Markers { tables, segments }
    }

    pub fn table(&self, t: TableId) -> Option<&TableMarkers> {
        self.tables.get(t)
    }

    /// The number of marked cells (the marked-cell rule in the module doc).
    pub fn marked_cells(&self) -> usize {
        self.tables.iter().map(|t| t.cells.len()).sum()
    }

    /// The segment that contains a byte offset.
    pub fn segment_at(&self, offset: u32) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.end <= offset);
        self.segments.get(i).filter(|s| s.start <= offset)
    }

    /// Where to go for a finding: its primary cell or row, else its source segment.
    pub fn target(&self, report: &Report, id: usize) -> Option<Target> {
        let f = report.findings.get(id)?;
        match target_of(&report.doc, &f.primary)? {
            Target::Text(start) => self.segment_at(start).map(|s| Target::Text(s.start)),
            t => Some(t),
        }
    }

    /// DOM ids of the related locations of a finding (cells, rows or source segments).
    pub fn related_targets(&self, report: &Report, id: usize) -> Vec<Target> {
        let Some(f) = report.findings.get(id) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for r in &f.related {
            let t = match target_of(&report.doc, &r.loc) {
                Some(Target::Text(start)) => self.segment_at(start).map(|s| Target::Text(s.start)),
                t => t,
            };
            if let Some(t) = t {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    }
}

fn put<K>(entry: std::collections::hash_map::Entry<'_, K, Mark>, f: &Finding, primary: bool) {
    entry
        .and_modify(|m| m.add(f, primary))
        .or_insert_with(|| Mark::new(f, primary));
}

/// Cut the text at every span boundary and keep the pieces that some span covers.
fn sweep(report: &Report, mut bounds: Vec<(u32, bool, usize, bool)>) -> Vec<Segment> {
    // Ends before starts at the same offset, so touching spans do not overlap.
    crate::text::sort::sort_by_key(&mut bounds, |&(off, is_end, id, _)| (off, !is_end, id));
    let mut active: Vec<(usize, bool)> = Vec::new(); // (finding, primary), with multiplicity
    let mut out: Vec<Segment> = Vec::new();
    let mut prev: Option<u32> = None;
    for (off, is_end, id, primary) in bounds {
        if let Some(p) = prev {
            if off > p && !active.is_empty() {
                let mut here = active.clone();
                crate::text::sort::sort(&mut here);
                let mut mark: Option<Mark> = None;
                for &(fid, prim) in &here {
                    let f = &report.findings[fid];
                    match &mut mark {
                        Some(m) => m.add(f, prim),
                        None => mark = Some(Mark::new(f, prim)),
                    }
                }
                let mark = mark.expect("active is not empty");
                match out.last_mut() {
                    Some(last) if last.end == p && last.mark == mark => last.end = off,
                    _ => out.push(Segment {
                        start: p,
                        end: off,
                        mark,
                    }),
                }
            }
        }
        if is_end {
            if let Some(i) = active
                .iter()
                .position(|&(fid, prim)| fid == id && prim == primary)
            {
                active.swap_remove(i);
            }
        } else {
            active.push((id, primary));
        }
        prev = Some(off);
    }
    out
}
