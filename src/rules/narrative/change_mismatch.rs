use super::{approx, loc, mid, percent_agrees};
use crate::declare_rule;
use crate::model::{ColKey, Direction, RowRole, Source, TableKind};
use crate::render::amount::pct;
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::util::{cell_loc, tables, val};
use crate::rules::{Approx, Category, Ctx, Sink};
use rust_decimal::Decimal;

declare_rule! {
    /// 增减额或增减幅度算错
    ///
    /// ## 检查内容
    /// “较上年（X万元）增加/减少 Δ 万元，增长/下降 Y%”这类句子：本年数 − 上年数 = Δ，Y = Δ ÷ 上年数。
    /// 本年数取同一句中“比/较”前面的金额；句中没有时，基本支出、项目支出取支出总表合计行，其他取前文说到同一事项的金额。
    /// 上年数印出时直接用，未印出时按 本年数 ∓ Δ 推出。百分数按印刷精度（“25%”即 [24.5%, 25.5%)）比较，
    /// 按印刷位数截断（38.2876% 印作 38.28%）也不算错；上年数为 0 时不核对幅度。
    /// 本年数取自前文（不在同一句）时，结论为警告。增减额算错时只报增减额，不再另报幅度。
    /// 读的是解析出的“增减”陈述（`claims.changes`），不重新扫描文字。
    /// ## 为什么重要
    /// 增减幅度是读者最先看的数字，用错分母或抄错增减额会误导公众。
    /// ## 示例
    /// ```text,expect(N302)
    /// 2022年项目支出378.82万元，比上年增加240.32万元，增长17.19%。
    /// ```
    /// ```text
    /// 2022年预算收支安排1927.16万元，较2021年预算1536.36万元增加390.80万元，增加25%。
    /// ```
    pub RULE = N302 "change-mismatch", Category::Narrative, Severity::Error;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for ch in &ctx.doc.claims.changes {
        let sign = match ch.direction.as_ref().map(|d| d.value) {
            Some(Direction::Up) => Decimal::ONE,
            Some(Direction::Down) => -Decimal::ONE,
            _ => continue,
        };
        // the current value: this sentence, else the tables (基本支出 / 项目支出), else an
        // earlier sentence (a reading: warnings only)
        let (current, current_sure) = match ch.current_from {
            Some(Source::Sentence) => {
                (ch.current.as_ref().map(|l| (approx(&l.q), loc(&l.q))), true)
            }
            _ => match from_tables(ctx, ch.concept) {
                Some(x) => (Some(x), true),
                None => (
                    ch.current.as_ref().map(|l| (approx(&l.q), loc(&l.q))),
                    false,
                ),
            },
        };
        let delta = ch.delta.as_ref().map(|d| {
            let a = approx(d);
            Approx {
                value: a.value.abs() * sign,
                half: a.half,
            }
        });
        let prior = ch.prior.as_ref().map(|p| (approx(p), loc(p)));
        // Δ = current − prior
        if let (Some((cv, cl)), Some((pv, pl)), Some(dv), Some(d)) =
            (current, prior, delta, ch.delta.as_ref())
        {
            let diff = cv - pv;
            let held = diff.meets(dv);
            out.checked(held, [loc(d), cl, pl]);
            if !held {
                let sev = if current_sure {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let f = out.report_as(
                    sev,
                    loc(d),
                    format!(
                        "增减额 {} 与 本年数 {} − 上年数 {} = {} 不符（差 {}）",
                        amt(dv.value),
                        amt(cv.value),
                        amt(pv.value),
                        amt(diff.value),
                        amt(dv.value - diff.value)
                    ),
                );
                f.amounts(diff.value, dv.value)
                    .related(cl, "本年数")
                    .related(pl, "上年数");
                continue;
            }
        }
        // rate = |Δ| ÷ prior
        let Some(rate) = ch.rate.as_ref() else {
            continue;
        };
        let (change, base, sure, used) = match (delta, prior, current) {
            (Some(d), Some((p, pl)), _) => (d, p, true, vec![(pl, "上年数")]),
            (Some(d), None, Some((c, cl))) => (d, c - d, current_sure, vec![(cl, "本年数")]),
            (None, Some((p, pl)), Some((c, cl))) => {
                let d = c - p;
                // a change against the direction word is N306's
                if d.value * sign < Decimal::ZERO && !d.meets(Approx::ZERO) {
                    continue;
                }
                (d, p, current_sure, vec![(cl, "本年数"), (pl, "上年数")])
            }
            _ => continue,
        };
        let magnitude = Approx {
            value: change.value.abs(),
            half: change.half,
        };
        let Some(range) = magnitude.percent_of(base) else {
            continue;
        };
        let held = percent_agrees(rate, range);
        out.checked(
            held,
            [loc(rate)]
                .into_iter()
                .chain(ch.delta.as_ref().map(loc))
                .chain(used.iter().map(|u| u.0)),
        );
        if !held {
            let sev = if sure {
                Severity::Error
            } else {
                Severity::Warning
            };
            let m = mid(range);
            let f = out.report_as(
                sev,
                loc(rate),
                format!(
                    "增减幅度 {} 与 增减额 {} ÷ 上年数 {} = {} 不符",
                    pct(rate.value),
                    amt(magnitude.value),
                    amt(base.value),
                    pct(m)
                ),
            );
            f.amounts(m, rate.value);
            if let Some(d) = ch.delta.as_ref() {
                f.related(loc(d), "增减额");
            }
            for (l, label) in &used {
                f.related(*l, *label);
            }
        }
    }
}

/// 基本支出 / 项目支出: the 合计 row of the first 支出总表 (or 一般公共预算支出表).
fn from_tables(ctx: &Ctx, concept: Option<&str>) -> Option<(Approx, Location)> {
    let key = match concept {
        Some("基本支出") => ColKey::Basic,
        Some("项目支出") => ColKey::Project,
        _ => return None,
    };
    for kind in [
        TableKind::ExpenditureSummary,
        TableKind::GeneralBudgetExpenditure,
    ] {
        if let Some(t) = tables(ctx.doc, 0, kind).next() {
            let (Some(c), Some(r)) = (
                t.col(key),
                t.rows.iter().position(|r| r.role == RowRole::Total),
            ) else {
                continue;
            };
            let row = &t.rows[r];
            if row.cell(c).is_some_and(|x| x.certain) {
                return val(row, c).map(|v| {
                    (
                        v.convert(t.unit, crate::model::Unit::Wan),
                        cell_loc(t, r, c),
                    )
                });
            }
        }
    }
    None
}
