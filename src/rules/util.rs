//! Small helpers shared by rules: locations of cells and rows, name lookups, establishing identities.
use crate::model::{Cell, ColIdx, Document, Row, RowIdx, Table, TableKind};
use crate::report::{CellRef, Location};
use crate::rules::Approx;

pub fn cell_loc(t: &Table, r: RowIdx, c: ColIdx) -> Location {
    let row = &t.rows[r];
    let span = row.cell(c).map(|x| x.span).unwrap_or(row.name_span);
    Location::cell(span, t.id, r, c)
}

pub fn row_loc(t: &Table, r: RowIdx) -> Location {
    let row = &t.rows[r];
    Location {
        span: if row.name_span.is_empty() {
            row.span
        } else {
            row.name_span
        },
        cell: Some(CellRef {
            table: t.id,
            row: r,
            col: usize::MAX,
        }),
    }
}

/// The printed value of a cell as an interval; blank = exact zero; `None` when uncertain.
pub fn val(row: &Row, c: ColIdx) -> Option<Approx> {
    match row.cell(c) {
        Some(Cell { certain: false, .. }) => None,
        other => Some(Approx::of(other)),
    }
}

/// Normalised row name without a trailing 支出 / 收入 (so 卫生健康 and 卫生健康支出 meet).
pub fn key_name(row: &Row) -> String {
    let n = crate::parse::normalized_name(&row.name);
    let n = n.strip_suffix("支出").unwrap_or(&n);
    n.strip_suffix("收入").unwrap_or(n).to_string()
}

/// The amount column of a group (预算数 / 金额 / 合计, the first value column).
pub fn amount_col(t: &Table, group: u8) -> Option<ColIdx> {
    t.cols_in(group).next()
}

/// Tables of a kind in a section.
pub fn tables(doc: &Document, section: usize, kind: TableKind) -> impl Iterator<Item = &Table> {
    doc.tables
        .iter()
        .filter(move |t| t.section == section && t.kind == kind && !t.rows.is_empty())
}

/// An identity taken from header words is applied only when it holds on at least two thirds of the
/// rows where it can be evaluated (vacuously true for a table without such rows):
/// a header we misread must not produce false errors.
pub fn established(t: &Table, total: ColIdx, parts: &[ColIdx]) -> bool {
    established_with(t, total, parts, 0)
}

/// [`established`], counting `agreeing` more rows that are known to agree (rows whose vanished
/// blanks leave their columns open but whose numbers fit the identity in some placement).
pub fn established_with(t: &Table, total: ColIdx, parts: &[ColIdx], agreeing: usize) -> bool {
    let mut n = agreeing;
    let mut ok = agreeing;
    for r in &t.rows {
        let Some(tv) = val(r, total) else { continue };
        if tv.value.is_zero() {
            continue;
        }
        let Some(sum) = parts.iter().map(|p| val(r, *p)).sum::<Option<Approx>>() else {
            continue;
        };
        n += 1;
        if tv.meets(sum) {
            ok += 1;
        }
    }
    n == 0 || ok * 3 >= n * 2
}

/// The section a position belongs to: the last section that starts at or before it.
pub fn section_at(doc: &crate::model::Document, pos: u32) -> usize {
    doc.sections
        .iter()
        .rposition(|s| s.span.start <= pos)
        .unwrap_or(0)
}

/// The amounts written in a section's text, each with its unit, paragraph and the paragraph text before it.
pub fn amount_mentions<'a>(
    ctx: &'a super::Ctx,
    section: usize,
) -> Vec<(
    &'a crate::model::Paragraph,
    &'a crate::model::Mention,
    crate::model::Unit,
    &'a str,
)> {
    let doc = ctx.doc;
    // section_at(pos) == section, without a pass over the sections per paragraph: the section
    // starts at or before pos and no later one does (or, for section 0, none does)
    let start = |i: usize| doc.sections[i].span.start;
    let later = (section + 1..doc.sections.len()).map(start).min();
    let first = (0..doc.sections.len()).map(start).min();
    let in_section = |pos: u32| {
        (section < doc.sections.len() && start(section) <= pos && later.is_none_or(|l| pos < l))
            || (section == 0 && first.is_none_or(|f| pos < f))
    };
    let mut out = Vec::new();
    for p in doc.paragraphs.iter().filter(|p| in_section(p.span.start)) {
        for m in &p.mentions {
            if let crate::model::MentionKind::Amount(unit) = m.kind {
                out.push((
                    p,
                    m,
                    unit,
                    &ctx.src[p.span.start as usize..m.span.start as usize],
                ));
            }
        }
    }
    out
}

/// One quantity printed for two years in the same row: this year's column, last year's, and the
/// change columns when printed.
#[derive(Clone, Debug, PartialEq)]
pub struct YearPair {
    /// The column header without its year block (“公务接待费”); empty when the table has one
    /// 上年 column (the rows name the quantities).
    pub item: String,
    pub current: ColIdx,
    pub last: ColIdx,
    pub change: Option<ColIdx>,
    pub percent: Option<ColIdx>,
}

/// The columns of a table that print one quantity for this year and last year. Year blocks
/// (“上年/公务接待费”, “当年/公务接待费”, “增减变化情况/公务接待费”) pair by the header below the
/// block; a table with one 上年 column pairs it with its 合计 (or its only other amount column).
pub fn year_pairs(t: &Table) -> Vec<YearPair> {
    use crate::model::ColKey;
    let rest = |h: &str| h.split_once('/').map(|(_, r)| r.to_string());
    let is_dated =
        |k: ColKey| matches!(k, ColKey::LastYear | ColKey::Change | ColKey::ChangePercent);
    let mut out = Vec::new();
    for (li, lc) in t.columns.iter().enumerate() {
        if lc.key != ColKey::LastYear {
            continue;
        }
        let Some(item) = rest(&lc.header) else {
            continue;
        };
        let same = |k: &dyn Fn(ColKey) -> bool| {
            t.columns
                .iter()
                .position(|c| k(c.key) && rest(&c.header).as_deref() == Some(item.as_str()))
        };
        if let Some(current) = same(&|k| !is_dated(k)) {
            out.push(YearPair {
                item: item.clone(),
                current,
                last: li,
                change: same(&|k| k == ColKey::Change),
                percent: same(&|k| k == ColKey::ChangePercent),
            });
        }
    }
    if !out.is_empty() {
        return out;
    }
    let of = |k: ColKey| {
        let v: Vec<usize> = (0..t.columns.len())
            .filter(|&c| t.columns[c].key == k)
            .collect();
        (v.len() == 1).then(|| v[0])
    };
    let Some(last) = of(ColKey::LastYear) else {
        return out;
    };
    let others: Vec<usize> = (0..t.columns.len())
        .filter(|&c| !is_dated(t.columns[c].key))
        .collect();
    let current = of(ColKey::Total).or_else(|| (others.len() == 1).then(|| others[0]));
    if let Some(current) = current {
        out.push(YearPair {
            item: String::new(),
            current,
            last,
            change: of(ColKey::Change),
            percent: of(ColKey::ChangePercent),
        });
    }
    out
}

/// Compare a parent row with the sum of its child rows in every column of a group: how many
/// columns agree, and the failing ones as (column, parent value, sum of the children). Columns
/// blank in the parent and in every child are left out.
/// Records every evaluated column in `out`'s check ledger.
pub fn column_sums(
    t: &Table,
    parent: RowIdx,
    kids: &[RowIdx],
    group: u8,
    out: &mut crate::rules::Sink,
) -> (usize, Vec<(ColIdx, Approx, Approx)>) {
    let pr = &t.rows[parent];
    let mut holding = 0;
    let mut failing = Vec::new();
    for c in t.cols_in(group) {
        let (Some(pv), Some(sum)) = (
            val(pr, c),
            kids.iter()
                .map(|k| val(&t.rows[*k], c))
                .sum::<Option<Approx>>(),
        ) else {
            continue;
        };
        if pr.cell(c).is_none() && kids.iter().all(|k| t.rows[*k].cell(c).is_none()) {
            continue;
        }
        let held = pv.meets(sum);
        checked_sum(out, held, t, parent, kids, c);
        if held {
            holding += 1;
        } else {
            failing.push((c, pv, sum));
        }
    }
    (holding, failing)
}

/// Record in the check ledger a sum of column `col` over the rows `parts` against row `total`
/// (the printed cells only).
pub fn checked_sum(
    out: &mut crate::rules::Sink,
    held: bool,
    t: &Table,
    total: RowIdx,
    parts: &[RowIdx],
    col: ColIdx,
) {
    out.checked(
        held,
        std::iter::once(total)
            .chain(parts.iter().copied())
            .filter(|r| t.rows[*r].cell(col).is_some())
            .map(|r| cell_loc(t, r, col)),
    );
}
