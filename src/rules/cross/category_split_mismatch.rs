use crate::declare_rule;
use crate::model::{ColKey, RowRole, Table, TableKind, Unit};
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::util::{cell_loc, row_loc, tables, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 按类型列出的人员类、公用类合计与人员经费、公用经费不符
    ///
    /// ## 检查内容
    /// 基本支出按项目列出、并有“类型”列（人员类 / 公用经费）的表：各“人员”类行之和应等于人员经费，
    /// 各“公用”类行之和应等于公用经费（取自同一部门基本支出表合计行的人员经费、公用经费列）。
    /// 表中还有其他类型（特定目标类等项目）时不核对。
    /// ## 为什么重要
    /// 人员经费和公用经费的划分决定机关运行经费等口径；某一项归错类，两类的数都会跟着错。
    /// ## 示例
    /// ```text,expect(X205)
    /// 一般公共预算基本支出表
    /// 单位：万元
    /// 科目编码	科目名称	合计	人员经费	公用经费
    /// 	合计	30.00	20.00	10.00
    /// 210	卫生健康支出	30.00	20.00	10.00
    ///
    /// 一般公共预算基本支出明细表
    /// 单位：万元
    /// 类型	项目名称	项目单位	合计
    /// 		合计	30.00
    /// 人员类	基本工资	本级	19.00
    /// 公用经费	办公费	本级	11.00
    /// ```
    /// ```text
    /// 一般公共预算基本支出表
    /// 单位：万元
    /// 科目编码	科目名称	合计	人员经费	公用经费
    /// 	合计	30.00	20.00	10.00
    /// 210	卫生健康支出	30.00	20.00	10.00
    ///
    /// 一般公共预算基本支出明细表
    /// 单位：万元
    /// 类型	项目名称	项目单位	合计
    /// 		合计	30.00
    /// 人员类	基本工资	本级	20.00
    /// 公用经费	办公费	本级	10.00
    /// ```
    pub RULE = X205 "category-split-mismatch", Category::Cross, Severity::Warning;
}

/// 人员经费 / 公用经费 of a section: the 合计 row of the first table that prints both.
fn reference(ctx: &Ctx, s: usize, key: ColKey) -> Option<(Approx, Location)> {
    [
        TableKind::BasicExpenditure,
        TableKind::GeneralBudgetExpenditure,
        TableKind::ExpenditureSummary,
    ]
    .iter()
    .flat_map(|k| tables(ctx.doc, s, *k))
    .find_map(|t| {
        let c = t.col(key)?;
        let r = t.rows.iter().position(|r| r.role == RowRole::Total)?;
        t.rows[r]
            .cell(c)
            .filter(|x| x.certain)
            .and_then(|_| val(&t.rows[r], c))
            .map(|v| (v.convert(t.unit, Unit::Wan), cell_loc(t, r, c)))
    })
}

/// Σ of the item rows whose 类型 contains `word`, with the first such row.
fn category_sum(t: &Table, col: usize, word: &str) -> Option<(Approx, usize, usize)> {
    let rows: Vec<usize> = (0..t.rows.len())
        .filter(|&i| {
            t.rows[i].role == RowRole::Item
                && t.rows[i]
                    .category
                    .as_ref()
                    .is_some_and(|c| c.contains(word))
        })
        .collect();
    let first = *rows.first()?;
    let sum = rows
        .iter()
        .map(|&i| val(&t.rows[i], col))
        .sum::<Option<Approx>>()?;
    Some((sum.convert(t.unit, Unit::Wan), first, rows.len()))
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in &ctx.doc.tables {
        let cats: Vec<&String> = t.rows.iter().filter_map(|r| r.category.as_ref()).collect();
        if cats.is_empty()
            || !cats
                .iter()
                .all(|c| c.contains("人员") || c.contains("公用"))
            || t.rows.iter().any(|r| r.ambiguous)
        {
            continue;
        }
        let Some(col) = t.col(ColKey::Total).or_else(|| t.cols_in(0).next()) else {
            continue;
        };
        let mut parts = Vec::new();
        let mut related = Vec::new();
        let mut primary: Option<(Location, Approx, Approx)> = None;
        for (word, key) in [("人员", ColKey::Personnel), ("公用", ColKey::Public)] {
            let (Some((sum, first, n)), Some((want, loc))) =
                (category_sum(t, col, word), reference(ctx, t.section, key))
            else {
                continue;
            };
            if sum.meets(want) {
                continue;
            }
            parts.push(format!(
                "类型为“{word}”的 {n} 行之和 {} ≠ {} {}（差 {}）",
                amt(sum.value),
                key.label(),
                amt(want.value),
                amt(sum.value - want.value)
            ));
            related.push(loc);
            primary.get_or_insert((row_loc(t, first), sum, want));
        }
        let Some((at, sum, want)) = primary else {
            continue;
        };
        let f = out.report(
            at,
            format!(
                "{}：{}（万元），可能有项目归错了类型",
                t.label(),
                parts.join("；")
            ),
        );
        f.amounts(want.value, sum.value);
        for l in related {
            f.related(l, "基本支出表中的数");
        }
    }
}
