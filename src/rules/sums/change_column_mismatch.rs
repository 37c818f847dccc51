use crate::declare_rule;
use crate::model::Table;
use crate::render::amount::pct;
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::approx::percent_meets;
use crate::rules::util::{cell_loc, val, year_pairs, YearPair};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 增减列不等于本年数减上年数
    ///
    /// ## 检查内容
    /// 同时印出上年数、本年数和增减数（或增减率）的表，每一行：增减 = 本年 − 上年，增减率 = 增减 ÷ 上年。
    /// 按年度分块印出的表（上年 / 当年 / 增减变化情况 各一组列）按同名列逐项核对。
    /// 一行里有几处不符时合为一条，首个不符的增减数为主位置。
    /// ## 为什么重要
    /// 增减列是读者比较年度变化的依据；它与两年的数对不上，说明有一列抄错或错位。
    /// ## 示例
    /// ```text,expect(S107)
    /// 2023年“三公”经费预算表
    /// 单位：万元
    /// 项目	上年预算数	本年预算数	增减
    /// 公务接待费	1.74	2.64	0.80
    /// ```
    /// ```text
    /// 2023年“三公”经费预算表
    /// 单位：万元
    /// 项目	上年预算数	本年预算数	增减
    /// 公务接待费	1.74	2.64	0.90
    /// ```
    pub RULE = S107 "change-column-mismatch", Category::Sum, Severity::Error;
}

/// One failing pair in a row: (location of the printed change, message part, expected, printed, related).
type Fail = (
    Location,
    String,
    rust_decimal::Decimal,
    rust_decimal::Decimal,
    Vec<(Location, &'static str)>,
);

/// Would every change of the row hold if its change cells were read one column to the right
/// (the export shifted them by one cell)?
fn shifted_by_one(t: &Table, ri: usize, pairs: &[YearPair]) -> bool {
    let r = &t.rows[ri];
    let mut any = false;
    for p in pairs {
        let Some(ch) = p.change else { continue };
        let (Some(cv), Some(lv), Some(next)) = (val(r, p.current), val(r, p.last), val(r, ch + 1))
        else {
            return false;
        };
        if !(cv - lv).meets(next) {
            return false;
        }
        any |= r.cell(ch + 1).is_some();
    }
    any
}

fn row_fails(t: &Table, ri: usize, pairs: &[YearPair]) -> (usize, Vec<Fail>) {
    let r = &t.rows[ri];
    let mut evaluated = 0;
    let mut fails = Vec::new();
    for p in pairs {
        let (Some(cv), Some(lv)) = (val(r, p.current), val(r, p.last)) else {
            continue;
        };
        let blank = |c: usize| r.cell(c).is_none();
        let item = if p.item.is_empty() {
            String::new()
        } else {
            format!("{} ", p.item)
        };
        let related = vec![
            (cell_loc(t, ri, p.current), "本年数"),
            (cell_loc(t, ri, p.last), "上年数"),
        ];
        if let Some(ch) = p.change {
            if let Some(dv) = val(r, ch) {
                if !(blank(ch) && blank(p.current) && blank(p.last)) {
                    evaluated += 1;
                    let diff = cv - lv;
                    if !diff.meets(dv) {
                        fails.push((
                            cell_loc(t, ri, ch),
                            format!(
                                "{}增减 {} ≠ {} − {} = {}（差 {}）",
                                item,
                                amt(dv.value),
                                amt(cv.value),
                                amt(lv.value),
                                amt(diff.value),
                                amt(dv.value - diff.value)
                            ),
                            diff.value,
                            dv.value,
                            related.clone(),
                        ));
                    }
                }
            }
        }
        if let (Some(pc), false) = (p.percent, lv.value.is_zero()) {
            let Some(cell) = r.cell(pc).filter(|c| c.certain) else {
                continue;
            };
            let Some(range) = (cv - lv).percent_of(lv) else {
                continue;
            };
            evaluated += 1;
            if !percent_meets(cell.value, cell.scale, range) {
                let mid = (range.0 + range.1) / rust_decimal::Decimal::from(2);
                fails.push((
                    cell_loc(t, ri, pc),
                    format!(
                        "{}增减率 {} ≠ ({} − {}) ÷ {} = {}",
                        item,
                        pct(cell.value),
                        amt(cv.value),
                        amt(lv.value),
                        amt(lv.value),
                        pct(mid)
                    ),
                    mid.round_dp(2),
                    cell.value,
                    related,
                ));
            }
        }
    }
    (evaluated, fails)
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in &ctx.doc.tables {
        let pairs: Vec<YearPair> = year_pairs(t)
            .into_iter()
            .filter(|p| p.change.is_some() || p.percent.is_some())
            .collect();
        if pairs.is_empty() {
            continue;
        }
        let per_row: Vec<(usize, Vec<Fail>)> = (0..t.rows.len())
            .map(|ri| row_fails(t, ri, &pairs))
            .collect();
        // columns read from 上年 / 增减 headers are trusted unless the numbers deny them everywhere
        let evaluated: usize = per_row.iter().map(|x| x.0).sum();
        let failed: usize = per_row.iter().map(|x| x.1.len()).sum();
        if evaluated >= 3 && failed == evaluated {
            out.skip(
                format!("{} 增减列", t.label()),
                "增减列在每一行都不等于本年减上年，表头可能与数据列对不上，未使用",
            );
            continue;
        }
        for (ri, (evaluated, fails)) in per_row.into_iter().enumerate() {
            if evaluated > 0 {
                let r = &t.rows[ri];
                out.checked(
                    fails.is_empty(),
                    pairs
                        .iter()
                        .flat_map(|p| [Some(p.current), Some(p.last), p.change, p.percent])
                        .flatten()
                        .filter(|c| r.cell(*c).is_some())
                        .map(|c| cell_loc(t, ri, c)),
                );
            }
            let Some(first) = fails.first() else { continue };
            let parts: Vec<&str> = fails.iter().map(|f| f.1.as_str()).collect();
            let shifted = if shifted_by_one(t, ri, &pairs) {
                "增减数整体错后一格印出（每个增减数都印在右边一列，按右边一列读则全部相符）。"
            } else {
                ""
            };
            let f = out.report(
                first.0,
                format!(
                    "{}「{}」：{shifted}{}",
                    t.label(),
                    t.rows[ri].plain_name(),
                    parts.join("；")
                ),
            );
            f.amounts(first.2, first.3);
            for (k, fail) in fails.iter().enumerate() {
                if k > 0 {
                    f.related(fail.0, "增减");
                }
                for (l, label) in &fail.4 {
                    f.related(*l, *label);
                }
            }
        }
    }
}
