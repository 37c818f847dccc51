//! Findings and the report: plain data, rendered elsewhere.
mod coverage;
mod finding;

pub use coverage::*;

pub use finding::*;

use crate::model::Document;
use serde::Serialize;

/// A check that could not run, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Skipped {
    pub check: String,
    pub reason: String,
}

/// Everything one run produced: the parsed document, the findings (parse findings first merged in
/// span order) and which checks ran.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Report {
    pub doc: Document,
    pub findings: Vec<Finding>,
    pub checks_run: usize,
    pub checks_skipped: Vec<Skipped>,
    /// Every identity the rules evaluated (held or not).
    pub checks: Vec<CheckRecord>,
}

/// One identity a rule evaluated: which rule, whether it held, and every number it used.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckRecord {
    pub code: &'static str,
    pub held: bool,
    pub locs: Vec<Location>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// Map every span (the document, the findings, the checks' numbers) through `f`, from the
    /// normalised text that was read back to the original input, and sort the findings again.
    pub fn remap_spans(&mut self, f: &impl Fn(crate::text::Span) -> crate::text::Span) {
        self.doc.remap_spans(f);
        for x in &mut self.findings {
            x.remap_spans(f);
        }
        for c in &mut self.checks {
            for l in &mut c.locs {
                l.span = f(l.span);
            }
        }
        self.normalize();
    }

    /// Sort by primary span start, then code; drop exact duplicates.
    pub fn normalize(&mut self) {
        crate::text::sort::sort_by(&mut self.findings, |a, b| {
            (a.primary.span.start, a.code, a.primary.span.end, &a.message).cmp(&(
                b.primary.span.start,
                b.code,
                b.primary.span.end,
                &b.message,
            ))
        });
        self.findings
            .dedup_by(|a, b| a.code == b.code && a.primary == b.primary && a.message == b.message);
        for (i, f) in self.findings.iter_mut().enumerate() {
            f.id = i;
        }
    }
}
