//! Placing values when empty cells vanished (PDF text): a row prints k numbers under n columns.
//!
//! Every order-preserving placement is tried; the table's own row identities (合计 = 基本 + 项目 …)
//! filter them. As an explicit, documented preference, placements that use only commonly filled
//! columns ([`ColKey::is_common`]) are kept when there are any. Values whose column still differs
//! between the remaining placements are marked uncertain; [`resolve_by_hierarchy`] then tries the
//! parent = Σ children sums of a coded table to decide them. Nothing is guessed silently: what stays
//! undecided is flagged on the row (`ambiguous`) and skipped by the rules.
use crate::model::Approx;
use crate::model::{ColKey, TableKind};
use rust_decimal::Decimal;

/// An identity between columns of one row group: `cols[total] = Σ cols[parts]` (indices into the group).
#[derive(Clone, Debug)]
pub struct RowIdentity {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Row identities of a group of columns given by keys (only those whose columns all exist).
pub fn identities(kind: TableKind, keys: &[ColKey]) -> Vec<RowIdentity> {
    let pos = |k: ColKey| keys.iter().position(|x| *x == k);
    let all = |ks: &[ColKey]| ks.iter().filter_map(|k| pos(*k)).collect::<Vec<_>>();
    let mut out = Vec::new();
    let Some(total) = pos(ColKey::Total) else {
        return out;
    };
    match kind {
        TableKind::IncomeSummary => {
            if let (Some(sub), Some(co)) = (pos(ColKey::Subtotal), pos(ColKey::CarryOver)) {
                out.push(RowIdentity {
                    total,
                    parts: vec![sub, co],
                });
                let src = all(&ColKey::INCOME_SOURCES);
                if !src.is_empty() {
                    out.push(RowIdentity {
                        total: sub,
                        parts: src,
                    });
                }
            }
        }
        TableKind::ExpenditureSummary
        | TableKind::GeneralBudgetExpenditure
        | TableKind::GovFundExpenditure
        | TableKind::StateCapitalExpenditure => {
            let parts = all(&[
                ColKey::Basic,
                ColKey::Project,
                ColKey::OperatingExpenditure,
                ColKey::RemitUpper,
                ColKey::SubsidyToSubsidiary,
            ]);
            if parts.len() >= 2 {
                out.push(RowIdentity { total, parts });
            }
        }
        TableKind::BasicExpenditure => {
            let parts = all(&[ColKey::Personnel, ColKey::Public]);
            if parts.len() == 2 {
                out.push(RowIdentity { total, parts });
            }
        }
        TableKind::FiscalSummary | TableKind::ThreePublic => {
            let parts = all(&[ColKey::GeneralBudget, ColKey::GovFund, ColKey::StateCapital]);
            if parts.len() >= 2 {
                out.push(RowIdentity { total, parts });
            }
        }
        _ => {}
    }
    out
}

/// The result of placing one row's values.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// All placements still possible: for each, the column of every value.
    pub candidates: Vec<Vec<usize>>,
}

impl Placement {
    /// Column of value `i` when every candidate agrees.
    pub fn certain(&self, i: usize) -> Option<usize> {
        let first = self.candidates.first()?.get(i).copied()?;
        self.candidates
            .iter()
            .all(|c| c.get(i) == Some(&first))
            .then_some(first)
    }

    pub fn is_certain(&self) -> bool {
        self.candidates.len() == 1
    }
}

const MAX_CANDIDATES: usize = 20_000;

/// Place `values` (in printed order) into `keys.len()` columns.
pub fn place(kind: TableKind, keys: &[ColKey], values: &[Approx]) -> Placement {
    let n = keys.len();
    let k = values.len();
    if k >= n {
        return Placement {
            candidates: vec![(0..k.min(n)).collect()],
        };
    }
    let ids = identities(kind, keys);
    let valid = match values
        .iter()
        .map(|v| Fixed::of(*v))
        .collect::<Option<Vec<_>>>()
    {
        Some(fixed) => placements_that_hold(n, &ids, &fixed),
        None => placements_that_hold(n, &ids, values),
    };
    let valid = if valid.is_empty() {
        // the identities fail for every placement (a real error in the row): keep the plain ones
        let mut all = Vec::new();
        for_each_combo(n, k, |c| all.push(c.to_vec()));
        all
    } else {
        valid
    };
    let common: Vec<Vec<usize>> = valid
        .iter()
        .filter(|c| c.iter().all(|i| keys[*i].is_common()))
        .cloned()
        .collect();
    Placement {
        candidates: if common.is_empty() { valid } else { common },
    }
}

/// The placements of `values` into `n` columns under which every identity holds.
fn placements_that_hold<T: Interval>(
    n: usize,
    ids: &[RowIdentity],
    values: &[T],
) -> Vec<Vec<usize>> {
    // the row under one placement; an empty column adds nothing to a sum
    let mut row: Vec<Option<T>> = vec![None; n];
    let mut valid: Vec<Vec<usize>> = Vec::new();
    for_each_combo(n, values.len(), |c| {
        row.fill(None);
        for (i, col) in c.iter().enumerate() {
            row[*col] = Some(values[i]);
        }
        let holds = ids.iter().all(|id| {
            let sum: T = id.parts.iter().filter_map(|p| row[*p]).sum();
            row[id.total].unwrap_or(T::ZERO).meets(sum)
        });
        if holds {
            valid.push(c.to_vec());
        }
    });
    valid
}

/// Does some placement of `values` (in printed order) into `keys.len()` columns satisfy every
/// row identity of the table? False means the row is wrong wherever its blank cells were.
pub fn fits_somewhere(kind: TableKind, keys: &[ColKey], values: &[Approx]) -> bool {
    let n = keys.len();
    let ids = identities(kind, keys);
    if ids.is_empty() || values.len() > n {
        return true;
    }
    // more placements than are tried: no verdict
    let mut count = 0;
    for_each_combo(n, values.len(), |_| count += 1);
    if count >= MAX_CANDIDATES {
        return true;
    }
    !placements_that_hold(n, &ids, values).is_empty()
}

/// Call `f` with each of the first [`MAX_CANDIDATES`] ways to choose `k` of `n` columns, as
/// increasing column lists in lexicographic order.
fn for_each_combo(n: usize, k: usize, mut f: impl FnMut(&[usize])) {
    if k > n {
        return;
    }
    let mut c: Vec<usize> = (0..k).collect();
    for _ in 0..MAX_CANDIDATES {
        f(&c);
        // the next combination: raise the last position that can still move, reset those after it
        let Some(i) = (0..k).rev().find(|&i| c[i] < n - k + i) else {
            return;
        };
        c[i] += 1;
        for j in i + 1..k {
            c[j] = c[j - 1] + 1;
        }
    }
}

/// One row as the hierarchy resolver sees it.
pub struct HRow<'a> {
    pub code: Option<&'a str>,
    pub is_total: bool,
    pub values: Vec<Approx>,
    pub placement: Placement,
}

/// Use parent = Σ children (per column) to narrow the candidates of uncertain rows.
/// Returns, per row, the narrowed candidate lists.
pub fn resolve_by_hierarchy(rows: &mut [HRow], ncols: usize) {
    for _round in 0..3 {
        let mut changed = false;
        for p in 0..rows.len() {
            if !rows[p].placement.is_certain() {
                continue;
            }
            let children: Vec<usize> = (0..rows.len())
                .filter(|&c| c != p && is_child(&rows[p], &rows[c]))
                .collect();
            if children.is_empty() || children.iter().all(|&c| rows[c].placement.is_certain()) {
                continue;
            }
            let combos_n: usize = children
                .iter()
                .map(|&c| rows[c].placement.candidates.len())
                .try_fold(1usize, |a, b| a.checked_mul(b))
                .unwrap_or(usize::MAX);
            if combos_n > MAX_CANDIDATES {
                continue;
            }
            let parent_row = row_slots(&rows[p], &rows[p].placement.candidates[0], ncols);
            // each child's row under each of its candidates, laid out once
            let child_rows: Vec<Vec<Vec<Option<Approx>>>> = children
                .iter()
                .map(|&c| {
                    let row = &rows[c];
                    let cands = &row.placement.candidates;
                    cands.iter().map(|k| row_slots(row, k, ncols)).collect()
                })
                .collect();
            let fixed = |r: &[Option<Approx>]| -> Option<Vec<Option<Fixed>>> {
                r.iter()
                    .map(|v| v.map_or(Some(None), |a| Fixed::of(a).map(Some)))
                    .collect()
            };
            let fixed_rows = (children.len() < MAX_FIXED_TERMS)
                .then(|| {
                    let parent = fixed(&parent_row)?;
                    let children = child_rows
                        .iter()
                        .map(|cands| cands.iter().map(|r| fixed(r)).collect::<Option<Vec<_>>>())
                        .collect::<Option<Vec<_>>>()?;
                    Some((parent, children))
                })
                .flatten();
            // per combination that adds up: the candidate index of each child
            let keep = match fixed_rows {
                Some((parent, children)) => combinations_that_add_up(&parent, &children),
                None => combinations_that_add_up(&parent_row, &child_rows),
            };
            if keep.is_empty() {
                continue;
            }
            for (ci, &c) in children.iter().enumerate() {
                let mut allowed: Vec<usize> = keep.iter().map(|k| k[ci]).collect();
                crate::text::sort::sort(&mut allowed);
                allowed.dedup();
                if allowed.len() < rows[c].placement.candidates.len() {
                    let old = std::mem::take(&mut rows[c].placement.candidates);
                    rows[c].placement.candidates =
                        allowed.into_iter().map(|i| old[i].clone()).collect();
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

fn is_child(parent: &HRow, child: &HRow) -> bool {
    match (parent.code, child.code) {
        (Some(p), Some(c)) => {
            c.len() > p.len() && c.starts_with(p) && matches!((p.len(), c.len()), (3, 5) | (5, 7))
        }
        (None, Some(c)) => parent.is_total && c.len() == 3,
        _ => false,
    }
}

/// Every combination of one candidate row per child (the first child's candidate varies fastest)
/// under which the children add up to the parent in every column.
fn combinations_that_add_up<T: Interval>(
    parent: &[Option<T>],
    children: &[Vec<Vec<Option<T>>>],
) -> Vec<Vec<usize>> {
    let mut keep: Vec<Vec<usize>> = Vec::new();
    let mut idx = vec![0usize; children.len()];
    loop {
        // column by column, so that a combination fails at its first column that does not add up
        let holds = parent.iter().enumerate().all(|(j, total)| {
            let sum: T = children
                .iter()
                .zip(&idx)
                .filter_map(|(r, &i)| r[i][j])
                .sum();
            total.unwrap_or(T::ZERO).meets(sum)
        });
        if holds {
            keep.push(idx.clone());
        }
        // next combination
        let mut d = 0;
        loop {
            if d == children.len() {
                return keep;
            }
            idx[d] += 1;
            if idx[d] < children[d].len() {
                break;
            }
            idx[d] = 0;
            d += 1;
        }
    }
}

/// The row's value in each column under a candidate placement; `None` where it has none.
fn row_slots(row: &HRow, cand: &[usize], ncols: usize) -> Vec<Option<Approx>> {
    let mut out = vec![None; ncols];
    for (i, col) in cand.iter().enumerate() {
        if *col < ncols {
            out[*col] = Some(row.values[i]);
        }
    }
    out
}

/// What the placement search adds and compares: an [`Approx`], or the same interval as a [`Fixed`].
trait Interval: Copy + std::iter::Sum<Self> {
    const ZERO: Self;
    fn meets(self, other: Self) -> bool;
}

impl Interval for Approx {
    const ZERO: Approx = Approx::ZERO;
    fn meets(self, other: Approx) -> bool {
        Approx::meets(self, other)
    }
}

/// Most terms a sum of [`Fixed`] values may have (2¹⁵): with every term below 2⁸⁰ units, the sum
/// stays below 2⁹⁶, where Decimal arithmetic is exact too.
const MAX_FIXED_TERMS: usize = 1 << 15;

/// An [`Approx`] as exact integer counts of 10⁻⁷ (printed amounts have at most 6 decimals, their
/// rounding halves 7). Trying thousands of placements then costs integer additions instead of
/// Decimal ones; the answers are the same, because both are exact in this range.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Fixed {
    value: i128,
    half: i128,
}

impl Fixed {
    const SCALE: u32 = 7;

    /// `None` when the interval has more than 7 decimals or a bound of 2⁸⁰ units or more.
    fn of(a: Approx) -> Option<Fixed> {
        let units = |d: Decimal| -> Option<i128> {
            let scale = d.scale();
            if scale > Self::SCALE {
                return None;
            }
            let u = d.mantissa() * 10i128.pow(Self::SCALE - scale);
            (u.unsigned_abs() < 1 << 80).then_some(u)
        };
        Some(Fixed {
            value: units(a.value)?,
            half: units(a.half)?,
        })
    }
}

impl Interval for Fixed {
    const ZERO: Fixed = Fixed { value: 0, half: 0 };

    /// [`Approx::meets`].
    fn meets(self, other: Fixed) -> bool {
        let d = (self.value - other.value).abs();
        d == 0 || d < self.half + other.half
    }
}

impl std::iter::Sum for Fixed {
    fn sum<I: Iterator<Item = Fixed>>(iter: I) -> Fixed {
        iter.fold(Fixed::ZERO, |a, b| Fixed {
            value: a.value + b.value,
            half: a.half + b.half,
        })
    }
}

/// Convenience for tests: values from strings.
pub fn approx_of(s: &str) -> Approx {
    let a = super::number::parse_amount(s, true).expect("amount");
    Approx::printed(a.value, a.scale)
}

#[allow(dead_code)]
fn _zero() -> Decimal {
    Decimal::ZERO
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColKey::*;

    /// The columns of a 收入总表 as PDF text prints them.
    const INCOME: [ColKey; 10] = [
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
    ];

    #[test]
    fn income_row_with_vanished_cells() {
        let keys = INCOME;
        let v: Vec<Approx> = ["1927.16", "1716.84", "1716.84", "210.32"]
            .iter()
            .map(|s| approx_of(s))
            .collect();
        let p = place(TableKind::IncomeSummary, &keys, &v);
        assert_eq!(p.candidates, vec![vec![0, 1, 2, 9]]);
        // 210.32 210.32: 合计 and 上年结转 (小计 is zero)
        let v: Vec<Approx> = ["210.32", "210.32"].iter().map(|s| approx_of(s)).collect();
        let p = place(TableKind::IncomeSummary, &keys, &v);
        assert_eq!(p.candidates, vec![vec![0, 9]]);
    }

    #[test]
    fn fixed_point_gives_the_decimal_answers() {
        let keys = INCOME;
        let ids = identities(TableKind::IncomeSummary, &keys);
        for vals in [
            &["1927.16", "1716.84", "1716.84", "210.32"][..],
            &["210.32", "210.32"],
            &["100", "99.995", "0.01", "99.99"],
            &["-5.5", "-5.50", "0", "-"],
            &["1.000001", "0.5", "0.500001", "0.5"],
        ] {
            let approx: Vec<Approx> = vals.iter().map(|s| approx_of(s)).collect();
            let fixed: Vec<Fixed> = approx.iter().map(|a| Fixed::of(*a).unwrap()).collect();
            assert_eq!(
                placements_that_hold(keys.len(), &ids, &approx),
                placements_that_hold(keys.len(), &ids, &fixed),
                "{vals:?}"
            );
        }
        assert_eq!(Fixed::of(approx_of("123456789012345678901234567")), None);
    }

    #[test]
    fn basic_or_project_is_decided_by_the_parent() {
        let keys = [
            Total,
            Basic,
            Project,
            OperatingExpenditure,
            RemitUpper,
            SubsidyToSubsidiary,
        ];
        let row = |code: &'static str, vals: &[&str]| {
            let values: Vec<Approx> = vals.iter().map(|s| approx_of(s)).collect();
            let placement = place(TableKind::ExpenditureSummary, &keys, &values);
            HRow {
                code: Some(code),
                is_total: false,
                values,
                placement,
            }
        };
        let mut rows = vec![
            row("21015", &["717.70", "378.88", "338.82"]),
            row("2101501", &["378.88", "378.88"]),
            row("2101502", &["128.50", "128.50"]),
            row("2101599", &["210.32", "210.32"]),
        ];
        assert!(rows[0].placement.is_certain());
        assert_eq!(rows[1].placement.candidates.len(), 2);
        resolve_by_hierarchy(&mut rows, 6);
        assert_eq!(rows[1].placement.candidates, vec![vec![0, 1]]);
        assert_eq!(rows[2].placement.candidates, vec![vec![0, 2]]);
        assert_eq!(rows[3].placement.candidates, vec![vec![0, 2]]);
    }
}
