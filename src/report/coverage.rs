//! How much of a document was checked: numbers read, and numbers that took part in at least one
//! check (an identity evaluated over them, held or not). Silence on a document where little could
//! be checked must not read as a clean bill.
use super::Report;
use crate::text::Span;
use serde::Serialize;
use std::collections::HashSet;

#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct TableCoverage {
    pub table: usize,
    pub rows: usize,
    /// Cells holding a number.
    pub numbers_read: usize,
    /// Of those, the ones some check used.
    pub numbers_checked: usize,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct Coverage {
    /// Numbers in table cells and amounts and percents in the prose.
    pub numbers_read: usize,
    pub numbers_checked: usize,
    /// Tables whose amounts are printed but could not be read (P009).
    pub tables_unread: usize,
    pub tables: Vec<TableCoverage>,
}

impl Coverage {
    pub fn of(r: &Report) -> Coverage {
        let used: HashSet<Span> = r
            .checks
            .iter()
            .flat_map(|c| c.locs.iter())
            .chain(r.findings.iter().flat_map(|f| f.locations()))
            .map(|l| l.span)
            .collect();
        let mut cov = Coverage::default();
        for t in &r.doc.tables {
            let mut tc = TableCoverage {
                table: t.id,
                rows: t.rows.len(),
                ..TableCoverage::default()
            };
            for c in t.rows.iter().flat_map(|r| r.cells.iter().flatten()) {
                tc.numbers_read += 1;
                if used.contains(&c.span) {
                    tc.numbers_checked += 1;
                }
            }
            cov.numbers_read += tc.numbers_read;
            cov.numbers_checked += tc.numbers_checked;
            if t.unread > 0 {
                cov.tables_unread += 1;
            }
            cov.tables.push(tc);
        }
        for m in r.doc.paragraphs.iter().flat_map(|p| &p.mentions) {
            cov.numbers_read += 1;
            if used.contains(&m.span) {
                cov.numbers_checked += 1;
            }
        }
        cov
    }

    /// Too little checked to say anything about the document: under a fifth of its numbers.
    pub fn is_thin(&self) -> bool {
        self.numbers_checked * 5 < self.numbers_read || self.numbers_read == 0
    }

    /// "读到 N 个数字，其中 M 个参与了核对（P%）".
    pub fn summary(&self) -> String {
        let pct = (self.numbers_checked * 100)
            .checked_div(self.numbers_read)
            .unwrap_or(0);
        let mut s = format!(
            "读到 {} 个数字，其中 {} 个参与了核对（{}%）",
            self.numbers_read, self.numbers_checked, pct
        );
        if self.tables_unread > 0 {
            s.push_str(&format!("；{} 张表印有数字但未能读出", self.tables_unread));
        }
        s
    }
}
