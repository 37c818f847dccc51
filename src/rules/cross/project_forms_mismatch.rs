use crate::declare_rule;
use crate::model::{ColKey, RowRole, TableKind};
use crate::render::amt;
use crate::report::Severity;
use crate::rules::util::{cell_loc, tables, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 项目绩效目标表的预算数之和与项目支出合计不符
    ///
    /// ## 检查内容
    /// 每个项目一张的绩效目标表都印有“预算规模及资金用途 预算数 X”（或“资金金额 实施期资金总额 X”）。全部项目表的预算数之和应等于支出总表
    /// （或一般公共预算支出表）合计行的项目支出。只有每张项目表都读出了唯一的预算数时才核对。
    /// ## 为什么重要
    /// 项目绩效目标是项目支出的说明；金额对不上，说明某个项目的预算数或项目支出表有误。
    /// ## 示例
    /// ```text,expect(X203)
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	100.00	40.00	60.00
    /// 210	卫生健康支出	100.00	40.00	60.00
    /// 1、甲项目绩效目标表
    /// 单位：万元
    /// 项目编码	P001	项目名称	甲项目
    /// 预算规模及资金用途	预算数	30.00	其中：财政资金	30.00
    /// 2、乙项目绩效目标表
    /// 单位：万元
    /// 项目编码	P002	项目名称	乙项目
    /// 预算规模及资金用途	预算数	40.00	其中：财政资金	40.00
    /// ```
    /// ```text
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	100.00	40.00	60.00
    /// 210	卫生健康支出	100.00	40.00	60.00
    /// 1、甲项目绩效目标表
    /// 单位：万元
    /// 项目编码	P001	项目名称	甲项目
    /// 预算规模及资金用途	预算数	20.00	其中：财政资金	20.00
    /// 2、乙项目绩效目标表
    /// 单位：万元
    /// 项目编码	P002	项目名称	乙项目
    /// 预算规模及资金用途	预算数	40.00	其中：财政资金	40.00
    /// ```
    pub RULE = X203 "project-forms-mismatch", Category::Cross, Severity::Error;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let doc = ctx.doc;
    for s in 0..doc.sections.len() {
        // one form per project: not the 部门整体 / 专项资金总体 forms
        let forms: Vec<_> = tables(doc, s, TableKind::Performance)
            .filter(|t| !t.title.contains("整体") && !t.title.contains("总体"))
            .collect();
        if forms.len() < 2 {
            continue;
        }
        let mut amounts = Vec::new();
        for t in &forms {
            let rows: Vec<usize> = (0..t.rows.len())
                .filter(|&r| {
                    let n = t.rows[r].plain_name();
                    n.contains("预算规模") || n.starts_with("资金金额")
                })
                .collect();
            let [r] = rows[..] else {
                out.skip(
                    "项目绩效目标表 与 项目支出",
                    format!("「{}」没有唯一的预算数", t.label()),
                );
                amounts.clear();
                break;
            };
            let Some(c) = (0..t.columns.len()).find(|&c| t.rows[r].cell(c).is_some()) else {
                amounts.clear();
                break;
            };
            let Some(v) = val(&t.rows[r], c) else {
                amounts.clear();
                break;
            };
            amounts.push((
                v.convert(t.unit, crate::model::Unit::Wan),
                cell_loc(t, r, c),
            ));
        }
        if amounts.len() != forms.len() {
            continue;
        }
        let project = [
            TableKind::ExpenditureSummary,
            TableKind::GeneralBudgetExpenditure,
        ]
        .iter()
        .find_map(|k| {
            let t = tables(doc, s, *k).next()?;
            let c = t.col(ColKey::Project)?;
            let r = t.rows.iter().position(|r| r.role == RowRole::Total)?;
            val(&t.rows[r], c).map(|v| {
                (
                    v.convert(t.unit, crate::model::Unit::Wan),
                    cell_loc(t, r, c),
                )
            })
        });
        let Some((pv, ploc)) = project else { continue };
        let sum: Approx = amounts.iter().map(|a| a.0).sum();
        if !sum.meets(pv) {
            let f = out.report(
                ploc,
                format!(
                    "{} 张项目绩效目标表的预算数之和 {} ≠ 项目支出合计 {}（差 {}）",
                    amounts.len(),
                    amt(sum.value),
                    amt(pv.value),
                    amt(sum.value - pv.value)
                ),
            );
            f.amounts(pv.value, sum.value);
            for (_, l) in &amounts {
                f.related(*l, "项目预算数");
            }
        }
    }
}
