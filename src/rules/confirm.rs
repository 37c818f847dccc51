//! A table's identities count only once its own numbers confirm how it was read.
//!
//! The parser reads columns from headers and positions; when it misreads them (two tables printed
//! side by side collapsed into one column, a header shifted by a merged cell), every identity of the
//! table fails at once. Real publication errors are few per table, and most of a real table's
//! identities hold. So, after the rules ran: a table where the identities inside it fail more often
//! than they hold (at least three failures) is *unconfirmed*. Every finding that uses one of its
//! numbers is withdrawn, its numbers do not count as checked, and one note (P009) says so, with the
//! counts. One root cause, one finding: a misread is not reported as dozens of sums.
use crate::model::TableId;
use crate::report::{Finding, Location, Report, Severity};
use std::collections::BTreeMap;

/// Failing and holding in-table identities of each table (S rules, all numbers in that one table).
pub fn tally(report: &Report) -> BTreeMap<TableId, (usize, usize)> {
    let mut m: BTreeMap<TableId, (usize, usize)> = BTreeMap::new();
    for c in &report.checks {
        if !c.code.starts_with('S') {
            continue;
        }
        let Some(t) = one_table(c.locs.iter()) else {
            continue;
        };
        // 0 = 0 + 0 confirms nothing about where the columns are
        if c.held && c.locs.iter().any(|l| nonzero(report, l)) {
            m.entry(t).or_default().1 += 1;
        }
    }
    for f in &report.findings {
        if !f.code.starts_with('S') || f.severity == Severity::Info {
            continue;
        }
        if let Some(t) = one_table(f.locations()) {
            m.entry(t).or_default().0 += 1;
        }
    }
    m
}

fn nonzero(report: &Report, l: &Location) -> bool {
    l.cell.is_some_and(|c| {
        report
            .doc
            .tables
            .get(c.table)
            .and_then(|t| t.rows.get(c.row))
            .and_then(|r| r.cell(c.col))
            .is_some_and(|x| !x.value.is_zero())
    })
}

fn one_table<'a>(mut locs: impl Iterator<Item = &'a Location>) -> Option<TableId> {
    let first = locs.next()?.cell?.table;
    locs.all(|l| l.cell.is_some_and(|c| c.table == first))
        .then_some(first)
}

/// Tables whose 合计 row fails its sum of parts (S102/S103/S108 at a row of role Total, or named
/// 合计 / 总计).
fn total_fails(report: &Report) -> Vec<TableId> {
    let mut out = Vec::new();
    for f in &report.findings {
        if !matches!(f.code, "S102" | "S103" | "S108") || f.severity == Severity::Info {
            continue;
        }
        let Some(c) = f.primary.cell else { continue };
        let total = report
            .doc
            .tables
            .get(c.table)
            .and_then(|t| t.rows.get(c.row))
            .is_some_and(|r| {
                r.role == crate::model::RowRole::Total
                    || r.name.contains("合计")
                    || r.name.contains("总计")
            });
        if total && one_table(f.locations()) == Some(c.table) {
            out.push(c.table);
        }
    }
    out
}

/// Is a table with these counts unconfirmed? More failing identities than holding ones, and at
/// least three failing: one or two real misprints in a table whose other sums hold stay errors.
/// A table whose cells were not delimited in the text (`flow`) needs at least one identity that
/// holds on numbers other than zero: without it nothing shows that its columns were read right
/// (corpus 11's reading-order 收支总表 and 三公 tables). A table read from positions must have
/// its 合计 row equal to the sum of its parts, or rows were lost or misplaced in the reading
/// (corpus 15's 公开02表, whose rows on its second page were not all read).
/// A table whose columns were inferred from positions also needs three identities that hold for
/// each one that fails (the reading-order placement of seed 001 decides each cell from the
/// identities themselves, and keeps a one-cent misprint in a total an error).
pub fn unconfirmed(
    failed: usize,
    held: usize,
    flow: bool,
    positioned: bool,
    total_failed: bool,
) -> bool {
    (failed >= 3 && failed > held)
        || (flow && failed > 0 && held == 0)
        || (positioned && failed > 0 && (total_failed || failed * 3 > held))
}

pub const CODE: &str = crate::parse::P_UNCONFIRMED;

pub fn apply(report: &mut Report) {
    let totals = total_fails(report);
    let bad: Vec<(TableId, usize, usize)> = tally(report)
        .into_iter()
        .filter(|(t, (f, h))| {
            let (flow, positioned) = report
                .doc
                .tables
                .get(*t)
                .map_or((false, false), |t| (t.flow, t.positioned));
            unconfirmed(*f, *h, flow, positioned, totals.contains(t))
        })
        .map(|(t, (f, h))| (t, f, h))
        .collect();
    if bad.is_empty() {
        return;
    }
    let is_bad = |l: &Location| l.cell.is_some_and(|c| bad.iter().any(|b| b.0 == c.table));
    report
        .findings
        .retain(|f| f.code == CODE || !f.locations().any(is_bad));
    report.checks.retain(|c| !c.locs.iter().any(is_bad));
    let (name, severity) = crate::rules::registry::parse_rule(CODE);
    for (t, failed, held) in bad {
        let Some(table) = report.doc.tables.get(t) else {
            continue;
        };
        report.findings.push(Finding {
            id: 0,
            code: CODE,
            name,
            severity,
            message: format!(
                "「{}」的列结构未能确认，未核对：本表 {} 个表内恒等式不成立、{} 个成立，多半是列读错了而不是表印错了",
                table.label(),
                failed,
                held
            ),
            primary: Location::text(table.title_span),
            related: vec![],
            expected: None,
            actual: None,
        });
    }
}
