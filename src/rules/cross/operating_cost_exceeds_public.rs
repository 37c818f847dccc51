use crate::declare_rule;
use crate::model::{ColKey, RowRole, TableKind, Unit};
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::narrative::amount_mismatch::label_before;
use crate::rules::util::{amount_mentions, cell_loc, tables, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 机关运行经费超过公用经费
    ///
    /// ## 检查内容
    /// 机关运行经费是基本支出中用于机关运转的公用经费（办公费、水电费、差旅费、公务用车运行维护费等），
    /// 不会超过基本支出表合计行的公用经费。文字或机关运行经费表给出的金额大于公用经费时提示。
    /// ## 为什么重要
    /// 金额超过公用经费，通常是把项目支出（专项）中的商品和服务支出也算了进去，口径与公开要求不符。
    /// ## 示例
    /// ```text,expect(X204)
    /// 部门预算一般公共预算基本支出表
    /// 单位：万元
    /// 科目编码	科目名称	合计	人员经费	公用经费
    /// 	合计	100.00	80.00	20.00
    /// 301	工资福利支出	80.00	80.00
    /// 302	商品和服务支出	20.00		20.00
    ///
    /// 三、机关运行经费安排情况
    /// 2023年机关运行经费121.80万元。
    /// ```
    /// ```text
    /// 部门预算一般公共预算基本支出表
    /// 单位：万元
    /// 科目编码	科目名称	合计	人员经费	公用经费
    /// 	合计	100.00	80.00	20.00
    /// 301	工资福利支出	80.00	80.00
    /// 302	商品和服务支出	20.00		20.00
    ///
    /// 三、机关运行经费安排情况
    /// 2023年机关运行经费18.50万元。
    /// ```
    pub RULE = X204 "operating-cost-exceeds-public", Category::Cross, Severity::Warning;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let doc = ctx.doc;
    for s in 0..doc.sections.len() {
        let Some((public, ploc)) = tables(doc, s, TableKind::BasicExpenditure).find_map(|t| {
            let c = t.col(ColKey::Public)?;
            let r = t.rows.iter().position(|r| r.role == RowRole::Total)?;
            val(&t.rows[r], c).map(|v| (v.convert(t.unit, Unit::Wan), cell_loc(t, r, c)))
        }) else {
            continue;
        };
        let mut claims: Vec<(Approx, Location)> = Vec::new();
        for (_, m, unit, before) in amount_mentions(ctx, s) {
            if label_before(before).is_some_and(|l| l.ends_with("运行经费")) {
                claims.push((
                    Approx::printed(m.value, m.scale).convert(unit, Unit::Wan),
                    Location::text(m.span),
                ));
            }
        }
        for t in tables(doc, s, TableKind::OperatingCost) {
            if let Some(tot) = t.rows.iter().position(|r| r.role == RowRole::Total) {
                if let Some(c) = (0..t.columns.len()).find(|c| t.rows[tot].cell(*c).is_some()) {
                    if let Some(v) = val(&t.rows[tot], c) {
                        claims.push((v.convert(t.unit, Unit::Wan), cell_loc(t, tot, c)));
                    }
                }
            }
        }
        for (v, loc) in claims {
            if v.lo() > public.hi() && !v.meets(public) {
                let f = out.report(
                    loc,
                    format!(
                        "机关运行经费 {}万元 超过基本支出的公用经费 {}万元（多 {}万元）",
                        amt(v.value),
                        amt(public.value),
                        amt(v.value - public.value)
                    ),
                );
                f.amounts(public.value, v.value)
                    .related(ploc, "公用经费合计");
            }
        }
    }
}
