use crate::declare_rule;
use crate::model::ColKey;
use crate::render::amt;
use crate::report::Severity;
use crate::rules::util::{cell_loc, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 数量 × 单价 ≠ 金额
    ///
    /// ## 检查内容
    /// 同时印出数量、单价和金额（预算金额、合计）的表（政府采购表、资产配置表等），每一行：数量 × 单价 = 金额。
    /// 单价按印刷精度看作区间，乘以数量后再与金额的区间比较，所以四舍五入的单价不会误报。
    /// ## 为什么重要
    /// 采购和资产配置的金额由数量和单价算出；对不上说明数量、单价或金额至少有一个抄错。
    /// ## 示例
    /// ```text,expect(S109)
    /// 政府采购预算表
    /// 单位：元
    /// 采购项目	数量	单价	预算金额
    /// 台式计算机	4	5,000.00	21,000.00
    /// ```
    /// ```text
    /// 政府采购预算表
    /// 单位：元
    /// 采购项目	数量	单价	预算金额
    /// 台式计算机	4	5,000.00	20,000.00
    /// ```
    pub RULE = S109 "quantity-price-mismatch", Category::Sum, Severity::Error;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in &ctx.doc.tables {
        let (Some(q), Some(p)) = (t.col(ColKey::Quantity), t.col(ColKey::UnitPrice)) else {
            continue;
        };
        let Some(a) = t
            .columns
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                *i != q
                    && *i != p
                    && c.group == t.columns[q].group
                    && matches!(c.key, ColKey::Amount | ColKey::Total)
            })
            .map(|(i, _)| i)
            .next()
        else {
            continue;
        };
        for (ri, r) in t.rows.iter().enumerate() {
            let (Some(qc), Some(pc), Some(_)) = (r.cell(q), r.cell(p), r.cell(a)) else {
                continue;
            };
            if r.ambiguous || !qc.certain || !pc.certain {
                continue;
            }
            let (Some(qv), Some(pv), Some(av)) = (val(r, q), val(r, p), val(r, a)) else {
                continue;
            };
            // a count printed as an integer is exact, not a rounding
            let qv = if qc.scale == 0 {
                Approx {
                    value: qc.value,
                    half: rust_decimal::Decimal::ZERO,
                }
            } else {
                qv
            };
            let product = Approx {
                value: qv.value * pv.value,
                half: (qv.value.abs() * pv.half) + (pv.value.abs() * qv.half) + qv.half * pv.half,
            };
            let held = product.meets(av);
            out.checked(
                held,
                [cell_loc(t, ri, q), cell_loc(t, ri, p), cell_loc(t, ri, a)],
            );
            if held {
                continue;
            }
            let f = out.report(
                cell_loc(t, ri, a),
                format!(
                    "{}「{}」：数量 {} × 单价 {} = {}，但金额为 {}（差 {}）",
                    t.label(),
                    r.plain_name(),
                    qc.value.normalize(),
                    amt(pv.value),
                    amt(product.value),
                    amt(av.value),
                    amt(av.value - product.value)
                ),
            );
            f.amounts(product.value, av.value)
                .related(cell_loc(t, ri, q), "数量")
                .related(cell_loc(t, ri, p), "单价");
        }
    }
}
