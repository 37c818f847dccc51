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
    let mut n = 0;
    let mut ok = 0;
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
