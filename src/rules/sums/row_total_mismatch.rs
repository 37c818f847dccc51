use crate::declare_rule;
use crate::model::{ColKey, Table};
use crate::parse::place::{fits_somewhere, identities};
use crate::render::amt;
use crate::report::Severity;
use crate::rules::util::{cell_loc, established_with, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 行合计与分项之和不一致
    ///
    /// ## 检查内容
    /// 每一行的“合计”应等于同一行各分项之和：支出表 合计 = 基本支出 + 项目支出（+ 经营支出等），
    /// 收入总表 合计 = 本年收入小计 + 上年结转、小计 = 各收入来源之和，基本支出表 合计 = 人员经费 + 公用经费，
    /// 财政拨款支出 合计 = 一般公共预算 + 政府性基金 + 国有资本经营。按印刷精度的四舍五入区间比较，尾数误差不报。
    /// 由表头推断的等式只有在本表至少三分之二的行成立时才使用，避免表头错位造成误报。
    /// PDF 文字中空格消失、数值所在列不能确定的行：若这些数无论放在哪几列都不满足等式，也作为错误报告。
    /// ## 为什么重要
    /// 合计与分项不符，说明录入或汇总有误，表间、文表核对也会随之失真。
    /// ## 示例
    /// ```text,expect(S101)
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	150.00	120.00	30.00
    /// 208	社会保障和就业支出	50.00	40.00	10.00
    /// 210	卫生健康支出	80.00	70.00	20.00
    /// 221	住房保障支出	10.00	10.00
    /// ```
    /// ```text
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	130.00	110.00	20.00
    /// 208	社会保障和就业支出	50.00	40.00	10.00
    /// 210	卫生健康支出	80.00	70.00	10.00
    /// ```
    pub RULE = S101 "row-total-mismatch", Category::Sum, Severity::Error;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in &ctx.doc.tables {
        for g in 0..t.groups.len().max(1) as u8 {
            let cols: Vec<usize> = t.cols_in(g).collect();
            let keys: Vec<_> = cols.iter().map(|c| t.columns[*c].key).collect();
            for (k, id) in identities(t.kind, &keys).into_iter().enumerate() {
                let total = cols[id.total];
                let parts: Vec<usize> = id.parts.iter().map(|p| cols[*p]).collect();
                // rows whose blanks vanished count as agreeing when some placement fits
                let agreeing = t
                    .rows
                    .iter()
                    .filter(|r| r.group == g && r.ambiguous && fits(t, r, &cols, &keys))
                    .count();
                if !established_with(t, total, &parts, agreeing) {
                    out.skip(
                        format!("{} 行合计", t.label()),
                        "表头与数据对不上，行恒等式在多数行不成立，未使用",
                    );
                    continue;
                }
                for (ri, r) in t.rows.iter().enumerate() {
                    if r.group != g {
                        continue;
                    }
                    if r.ambiguous {
                        if k == 0 {
                            nowhere(t, ri, &cols, &keys, out);
                        }
                        continue;
                    }
                    let (Some(tv), Some(sum)) = (
                        val(r, total),
                        parts.iter().map(|p| val(r, *p)).sum::<Option<Approx>>(),
                    ) else {
                        continue;
                    };
                    if r.cell(total).is_none() && parts.iter().all(|p| r.cell(*p).is_none()) {
                        continue;
                    }
                    let held = tv.meets(sum);
                    out.checked(
                        held,
                        std::iter::once(total)
                            .chain(parts.iter().copied())
                            .filter(|c| r.cell(*c).is_some())
                            .map(|c| cell_loc(t, ri, c)),
                    );
                    if !held {
                        let names: Vec<&str> =
                            parts.iter().map(|p| t.columns[*p].key.label()).collect();
                        let f = out.report(
                            cell_loc(t, ri, total),
                            format!(
                                "{}「{}」{} {} ≠ {} 之和 {}（差 {}）",
                                t.label(),
                                r.plain_name(),
                                t.columns[total].key.label(),
                                amt(tv.value),
                                names.join(" + "),
                                amt(sum.value),
                                amt(tv.value - sum.value)
                            ),
                        );
                        f.amounts(sum.value, tv.value);
                        for p in &parts {
                            if r.cell(*p).is_some() {
                                f.related(cell_loc(t, ri, *p), t.columns[*p].key.label());
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The row's numbers in printed order.
fn printed_values<'r>(
    r: &'r crate::model::Row,
    cols: &[usize],
) -> Vec<(usize, &'r crate::model::Cell)> {
    let mut cells: Vec<(usize, &crate::model::Cell)> = cols
        .iter()
        .filter_map(|&c| r.cell(c).map(|x| (c, x)))
        .collect();
    crate::text::sort::sort_by_key(&mut cells, |(_, x)| x.span.start);
    cells
}

fn fits(t: &Table, r: &crate::model::Row, cols: &[usize], keys: &[ColKey]) -> bool {
    let values: Vec<Approx> = printed_values(r, cols)
        .iter()
        .map(|(_, x)| Approx::printed(x.value, x.scale))
        .collect();
    !values.is_empty() && fits_somewhere(t.kind, keys, &values)
}

/// A row whose blank cells vanished (PDF text) and whose numbers satisfy the row identity in no
/// placement at all: wrong wherever the blanks were.
fn nowhere(t: &Table, ri: usize, cols: &[usize], keys: &[ColKey], out: &mut Sink) {
    let r = &t.rows[ri];
    let cells = printed_values(r, cols);
    let values: Vec<Approx> = cells
        .iter()
        .map(|(_, x)| Approx::printed(x.value, x.scale))
        .collect();
    if values.is_empty() || fits_somewhere(t.kind, keys, &values) {
        return;
    }
    let printed: Vec<String> = cells.iter().map(|(_, x)| amt(x.value)).collect();
    let names: Vec<&str> = identities(t.kind, keys)
        .iter()
        .map(|id| keys[id.total].label())
        .collect();
    let f = out.report(
        cell_loc(t, ri, cells[0].0),
        format!(
            "{}「{}」的 {} 个数（{}）无论落在哪几列，{}都不等于分项之和（空格在文字中消失，但任何放法都对不上）",
            t.label(),
            r.plain_name(),
            values.len(),
            printed.join("、"),
            names.join("、")
        ),
    );
    for (c, _) in &cells[1..] {
        f.related(cell_loc(t, ri, *c), "同一行的数");
    }
}
