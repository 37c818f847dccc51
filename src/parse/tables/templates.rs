//! Standard column layouts by table kind (the columns of a reading-order table, the keys of a grid
//! table whose headers gave none), and the columns of a merged-cell export re-keyed by the
//! identities (合计 = 基本支出 + 项目支出, …) that hold in every row.
use super::three_public::rekey_three_public;
use crate::model::*;

type Template = &'static [(&'static str, &'static [ColKey])];

/// Standard column layouts by table kind (used when the text does not keep column positions).
pub(super) fn template(kind: TableKind, lanes: Option<usize>) -> Option<Template> {
    use ColKey::*;
    let t: Template = match kind {
        TableKind::IncomeExpenditureSummary => &[("收入", &[Amount]), ("支出", &[Amount])],
        TableKind::FiscalSummary => &[
            ("收入", &[Amount]),
            ("支出", &[Total, GeneralBudget, GovFund, StateCapital]),
        ],
        TableKind::IncomeSummary => &[(
            "",
            &[
                Total,
                Subtotal,
                Fiscal,
                SpecialAccount,
                Business,
                BusinessOperating,
                Superior,
                Subsidiary,
                OtherIncome,
                CarryOver,
            ],
        )],
        TableKind::ExpenditureSummary => &[(
            "",
            &[
                Total,
                Basic,
                Project,
                OperatingExpenditure,
                RemitUpper,
                SubsidyToSubsidiary,
            ],
        )],
        TableKind::GeneralBudgetExpenditure
        | TableKind::GovFundExpenditure
        | TableKind::StateCapitalExpenditure => &[("", &[Total, Basic, Project])],
        TableKind::BasicExpenditure => &[("", &[Total, Personnel, Public])],
        TableKind::ThreePublic => &[("", &[Total, GeneralBudget, GovFund, StateCapital])],
        _ => return None,
    };
    // when 栏次 is printed it must agree with the template (names and codes take the other lanes)
    if let Some(n) = lanes {
        let values: usize = t.iter().map(|g| g.1.len()).sum();
        let labels = if kind.is_sided() {
            t.len()
        } else if kind == TableKind::ThreePublic {
            1
        } else {
            2
        };
        if n != values + labels {
            return None;
        }
    }
    Some(t)
}

/// Grid tables whose headers did not yield distinct keys but whose column count fits the
/// standard layout get the standard keys.
pub(super) fn apply_templates(table: &mut Table) {
    let Some(t) = template(table.kind, None) else {
        return;
    };
    let groups = t.len();
    for (gi, g) in t.iter().enumerate() {
        let cols: Vec<usize> = table.cols_in(gi as u8).collect();
        if groups > 1 && table.columns.iter().any(|c| c.group as usize >= groups) {
            return;
        }
        if cols.len() != g.1.len() {
            continue;
        }
        // A header that names something of its own (Chinese words the column classifier does not
        // know) vetoes the template: corpus 40's 三公 table is headed 因公出国 / 公务用车 / 接待, not
        // by fund source, and corpus 26's 经济分类 columns name 人员经费 / 公用经费 under other
        // words. A template only fills headers that are empty, numbered (栏次) or repeated.
        if cols.iter().any(|c| {
            let col = &table.columns[*c];
            col.key == ColKey::Other && names_something(&col.header)
        }) {
            continue;
        }
        let keys: Vec<ColKey> = cols.iter().map(|c| table.columns[*c].key).collect();
        let repeated = keys.iter().enumerate().any(|(i, k)| keys[..i].contains(k));
        let known = keys.iter().filter(|k| **k != ColKey::Other).count();
        if repeated || known < keys.len() {
            for (c, k) in cols.iter().zip(g.1.iter()) {
                table.columns[*c].key = *k;
            }
        }
    }
}

/// Does a header text carry words (two or more CJK characters in a row) rather than only 栏次
/// numbers, units and punctuation?
fn names_something(h: &str) -> bool {
    let mut run = 0;
    for c in h.chars() {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The columns named by the header, if their identity holds in every row.
fn holds_everywhere(t: &Table, total: usize, parts: &[usize]) -> bool {
    let mut nonzero_parts = 0;
    for r in &t.rows {
        if r.group != 0 {
            continue;
        }
        let v = |c: usize| {
            r.cell(c)
                .map(|x| Approx::printed(x.value, x.scale))
                .unwrap_or(Approx::ZERO)
        };
        let sum: Approx = parts.iter().map(|p| v(*p)).sum();
        if !v(total).meets(sum) {
            return false;
        }
        if parts
            .iter()
            .filter(|p| r.cell(**p).is_some_and(|x| !x.value.is_zero()))
            .count()
            >= 2
        {
            nonzero_parts += 1;
        }
    }
    nonzero_parts >= 1
}

/// Find `total = a + b` among the columns after `total`; the first pair that holds in every row.
fn find_pair(t: &Table, total: usize, lo: usize, hi: usize) -> Option<(usize, usize)> {
    for a in lo..hi {
        for b in a + 1..hi {
            if holds_everywhere(t, total, &[a, b]) {
                return Some((a, b));
            }
        }
    }
    None
}

/// When a merged-cell export shifted the header cells, the header keys do not satisfy the table's
/// identity. Re-identify 合计 / 基本支出 / 项目支出 (and 人员经费 / 公用经费) by the identity that holds in
/// every row. Returns true when the keys were changed.
pub(super) fn rekey_by_identities(t: &mut Table) -> bool {
    use ColKey::*;
    let n = t.columns.len();
    if n < 3 || t.rows.is_empty() || t.groups.len() > 1 {
        return false;
    }
    let key_at = |t: &Table, k: ColKey| t.columns.iter().position(|c| c.key == k);
    match t.kind {
        TableKind::ExpenditureSummary
        | TableKind::GeneralBudgetExpenditure
        | TableKind::GovFundExpenditure
        | TableKind::StateCapitalExpenditure => {
            if let (Some(tt), Some(b), Some(p)) =
                (key_at(t, Total), key_at(t, Basic), key_at(t, Project))
            {
                if holds_everywhere(t, tt, &[b, p]) {
                    return false;
                }
            }
            let total = key_at(t, Total).unwrap_or(0);
            let Some((b, p)) = find_pair(t, total, total + 1, n) else {
                return false;
            };
            let inner = find_pair(t, b, b + 1, p);
            for (i, c) in t.columns.iter_mut().enumerate() {
                let k = if i == total {
                    Total
                } else if i == b {
                    Basic
                } else if i == p {
                    Project
                } else if inner.is_some_and(|(x, _)| x == i) {
                    Personnel
                } else if inner.is_some_and(|(_, y)| y == i) {
                    Public
                } else {
                    Other
                };
                if c.key != k {
                    c.key = k;
                    if k != Other {
                        c.header = k.label().to_string();
                    }
                }
            }
            true
        }
        TableKind::IncomeSummary => {
            let (Some(total), Some(sub)) = (key_at(t, Total), key_at(t, Subtotal)) else {
                return false;
            };
            if let Some(co) = key_at(t, CarryOver) {
                if holds_everywhere(t, total, &[sub, co]) {
                    return false;
                }
            }
            let Some(co) = (sub + 1..n).find(|&c| holds_everywhere(t, total, &[sub, c])) else {
                return false;
            };
            for (i, c) in t.columns.iter_mut().enumerate() {
                if i == co {
                    c.key = CarryOver;
                    c.header = CarryOver.label().into();
                } else if c.key == CarryOver {
                    c.key = Other;
                }
            }
            true
        }
        TableKind::BasicExpenditure => {
            let total = key_at(t, Total).or(key_at(t, Basic)).unwrap_or(0);
            t.columns[total].key = Total;
            if let (Some(a), Some(b)) = (key_at(t, Personnel), key_at(t, Public)) {
                if holds_everywhere(t, total, &[a, b]) {
                    return false;
                }
            }
            let Some((a, b)) = find_pair(t, total, total + 1, n) else {
                return false;
            };
            for (i, c) in t.columns.iter_mut().enumerate() {
                if i == a {
                    c.key = Personnel;
                    c.header = Personnel.label().into();
                } else if i == b {
                    c.key = Public;
                    c.header = Public.label().into();
                }
            }
            true
        }
        TableKind::ThreePublic => rekey_three_public(t),
        _ => false,
    }
}
