use crate::declare_rule;
use crate::model::{CodeKind, ColKey, TableKind, Unit};
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::util::{cell_loc, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 政府采购表的经济分类科目与支出表不一致
    ///
    /// ## 检查内容
    /// 政府采购表每一项都写明部门经济分类科目（如 302 99）。按科目汇总采购金额后，与同一部门按经济分类列出的
    /// 支出表比较：采购记在支出表没有的科目上，或某科目的采购超过该科目的支出，予以提示（只与包含全部资金的
    /// 经济分类汇总表比较，一般公共预算表不含其他资金的采购）；采购全部记在商品和服务
    /// 支出等科目，而支出表中一个资本性支出（310）科目恰好等于这笔采购、又没有任何采购记在它下面时，也提示
    /// 两张表给同一笔钱用了不同科目。
    /// ## 为什么重要
    /// 采购预算是支出预算的一部分；科目对不上，读者无法判断这笔钱究竟在哪个科目里，资产配置也无从核对。
    /// ## 示例
    /// ```text,expect(X206)
    /// 一般公共预算支出表
    /// 单位：元
    /// 科目编码	科目名称	合计
    /// 	合计	120,000.00
    /// 302	商品和服务支出	83,050.00
    /// 30299	其他商品和服务支出	83,050.00
    /// 310	资本性支出	36,950.00
    /// 31002	办公设备购置	36,950.00
    ///
    /// 政府采购预算表
    /// 单位：元
    /// 类	款	项	采购项目	部门预算支出经济科目编码		预算金额
    /// 			合计			36,950.00
    /// 210	15	04	台式机	302	99	36,950.00
    /// ```
    /// ```text
    /// 一般公共预算支出表
    /// 单位：元
    /// 科目编码	科目名称	合计
    /// 	合计	120,000.00
    /// 302	商品和服务支出	83,050.00
    /// 30299	其他商品和服务支出	83,050.00
    /// 310	资本性支出	36,950.00
    /// 31002	办公设备购置	36,950.00
    ///
    /// 政府采购预算表
    /// 单位：元
    /// 类	款	项	采购项目	部门预算支出经济科目编码		预算金额
    /// 			合计			36,950.00
    /// 210	15	04	台式机	310	02	36,950.00
    /// ```
    pub RULE = X206 "procurement-code-mismatch", Category::Cross, Severity::Warning;
}

/// Amount per 部门经济分类 code (5 digits) in the section's tables of the given kinds, in 万元, with
/// where it is printed.
fn budget_by_code(
    ctx: &Ctx,
    s: usize,
    kinds: &[TableKind],
) -> Vec<(String, String, Approx, Location)> {
    let mut out: Vec<(String, String, Approx, Location)> = Vec::new();
    for t in ctx
        .doc
        .tables
        .iter()
        .filter(|t| t.section == s && kinds.contains(&t.kind))
    {
        let Some(c) = t.col(ColKey::Total).or_else(|| t.cols_in(0).next()) else {
            continue;
        };
        for (ri, r) in t.rows.iter().enumerate() {
            let Some(code) = r.code.as_ref().filter(|k| k.kind == CodeKind::Economic) else {
                continue;
            };
            if code.text.len() != 5 || out.iter().any(|e| e.0 == code.text) {
                continue;
            }
            if let Some(v) = r.cell(c).filter(|x| x.certain).and(val(r, c)) {
                out.push((
                    code.text.clone(),
                    r.plain_name(),
                    v.convert(t.unit, Unit::Wan),
                    cell_loc(t, ri, c),
                ));
            }
        }
    }
    out
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let doc = ctx.doc;
    for s in 0..doc.sections.len() {
        // Σ purchases per economic code
        let mut bought: Vec<(String, Approx, Vec<Location>)> = Vec::new();
        // amounts are shown in the procurement table's unit
        let mut unit = Unit::Wan;
        for t in doc
            .tables
            .iter()
            .filter(|t| t.section == s && t.kind == TableKind::Procurement)
        {
            let Some(c) = t.col(ColKey::Amount).or_else(|| t.col(ColKey::Total)) else {
                continue;
            };
            unit = t.unit;
            for (ri, r) in t.rows.iter().enumerate() {
                let Some(code) = r.econ_code.as_ref().filter(|k| k.text.len() == 5) else {
                    continue;
                };
                let Some(v) = r.cell(c).filter(|x| x.certain).and(val(r, c)) else {
                    continue;
                };
                let v = v.convert(t.unit, Unit::Wan);
                match bought.iter_mut().find(|b| b.0 == code.text) {
                    Some(b) => {
                        b.1 = b.1 + v;
                        b.2.push(cell_loc(t, ri, c));
                    }
                    None => bought.push((code.text.clone(), v, vec![cell_loc(t, ri, c)])),
                }
            }
        }
        if bought.is_empty() {
            continue;
        }
        // spending by economic code: any table for the 310 comparison; for a missing or exceeded
        // code only the tables of all funds (a 一般公共预算 table leaves out other funds' purchases)
        let budget = budget_by_code(
            ctx,
            s,
            &[
                TableKind::GeneralBudgetExpenditure,
                TableKind::EconomicSummary,
                TableKind::ExpenditureSummary,
            ],
        );
        let all_funds = budget_by_code(
            ctx,
            s,
            &[TableKind::EconomicSummary, TableKind::ExpenditureSummary],
        );
        let show = |a: Approx| {
            format!(
                "{} {}",
                amt(a.convert(Unit::Wan, unit).value.normalize()),
                unit.label()
            )
        };
        for (code, sum, locs) in &bought {
            let own = all_funds.iter().find(|b| b.0 == *code);
            // a 310 amount equal to purchases coded elsewhere, with no purchase under it
            let other = budget.iter().find(|b| {
                b.0.starts_with("310")
                    && !code.starts_with("310")
                    && !bought.iter().any(|x| x.0 == b.0)
                    && b.2.value == sum.value
            });
            let msg = match (own, other) {
                (_, Some(o)) => format!(
                    "政府采购表把 {} 记在 {code}，但支出表中 {} {} 恰为 {}，且没有任何采购记在 {} 下：两张表给同一笔钱用了不同科目",
                    show(*sum),
                    o.0,
                    o.1,
                    show(o.2),
                    o.0
                ),
                (None, None) if !all_funds.is_empty() => format!(
                    "政府采购表有 {} 记在 {code}，但按经济分类列出的支出表中没有这个科目",
                    show(*sum)
                ),
                (Some(b), None) if sum.lo() > b.2.hi() => format!(
                    "政府采购表记在 {code} 的 {} 超过支出表中 {code} {} 的 {}",
                    show(*sum),
                    b.1,
                    show(b.2)
                ),
                _ => continue,
            };
            let f = out.report(locs[0], msg);
            for l in &locs[1..] {
                f.related(*l, "同一科目的采购");
            }
            if let Some(o) = other {
                f.related(o.3, "支出表中的数");
            } else if let Some(b) = own {
                f.related(b.3, "支出表中的数");
            }
        }
    }
}
