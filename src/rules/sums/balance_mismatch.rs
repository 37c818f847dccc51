use crate::declare_rule;
use crate::model::{RowIdx, Table};
use crate::render::amt;
use crate::report::Severity;
use crate::rules::util::{amount_col, cell_loc, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 收支总表不平衡
    ///
    /// ## 检查内容
    /// 收支总表和财政拨款收支总表中：本年收入合计 = 各收入项目之和；本年支出合计 = 各支出项目之和（每一组支出分类各自计算）；
    /// 收入总计 = 本年收入合计 + 上年结转等；支出总计 = 本年支出合计 + 年终结转等；收入总计 = 支出总计。
    /// 项目之和只取与多数项目同级的条目（“一、二、三”或“1、2、3”），“其中”行不计。
    /// 带编号的上级条目 = 其下一级条目之和（“一、财政拨款”下的“1、2、3”，“2、专项业务经费支出”下的“(1)(2)”），
    /// 层级顺序按文件自己的用法；“年初结转和结余”等 = 其下“一、二、三”各项之和。
    /// ## 为什么重要
    /// 收支平衡是预算的基本要求，总表不平说明总表或明细抄录有误。
    /// ## 示例
    /// ```text,expect(S103)
    /// 部门预算收支总表
    /// 单位：万元
    /// 项目	预算数	项目	预算数
    /// 一、一般公共预算拨款收入	100.00	一、社会保障和就业支出	40.00
    /// 二、事业收入	10.00	二、卫生健康支出	60.00
    /// 本年收入合计	110.00	本年支出合计	100.00
    /// 收入总计	110.00	支出总计	110.00
    /// ```
    /// ```text
    /// 部门预算收支总表
    /// 单位：万元
    /// 项目	预算数	项目	预算数
    /// 一、一般公共预算拨款收入	100.00	一、社会保障和就业支出	40.00
    /// 二、事业收入	10.00	二、卫生健康支出	70.00
    /// 本年收入合计	110.00	本年支出合计	110.00
    /// 收入总计	110.00	支出总计	110.00
    /// ```
    pub RULE = S103 "balance-mismatch", Category::Sum, Severity::Error;
}

/// The marker style of an item name (the parser reads it too, so it lives beside `normalize_name`).
pub use crate::parse::marker_style;

fn is_total_name(n: &str) -> bool {
    n.contains("合计") || n.contains("总计")
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in ctx
        .doc
        .tables
        .iter()
        .filter(|t| t.kind.is_sided() && t.groups.len() >= 2)
    {
        let mut grand: Vec<(RowIdx, usize)> = Vec::new();
        for g in 0..t.groups.len() as u8 {
            let Some(col) = amount_col(t, g) else {
                continue;
            };
            let rows: Vec<RowIdx> = (0..t.rows.len())
                .filter(|&i| t.rows[i].group == g)
                .collect();
            if !rows.iter().any(|&i| {
                let n = t.rows[i].plain_name();
                n.starts_with("本年") && n.contains("合计")
            }) {
                // "收入合计 / 一、本年收入 / （一）… / 二、上年结转 / （一）…": check the outline by its markers
                check_outline(out, t, g, &rows);
            }
            let year_total = rows.iter().copied().find(|&i| {
                let n = t.rows[i].plain_name();
                n.starts_with("本年") && n.contains("合计")
            });
            let grand_total = rows
                .iter()
                .copied()
                .find(|&i| t.rows[i].plain_name().ends_with("总计"));
            if let Some(yt) = year_total {
                // items before the year total, at the majority marker style, not 其中 rows
                let items: Vec<RowIdx> = rows
                    .iter()
                    .copied()
                    .filter(|&i| {
                        i < yt
                            && !t.rows[i].name.trim().starts_with("其中")
                            && !is_total_name(&t.rows[i].plain_name())
                    })
                    .collect();
                // every marked heading is the sum of the marked items under it
                // ("一、财政拨款" over "1、…", "2、专项业务经费支出" over "(1)…")
                let marked: Vec<RowIdx> = items
                    .iter()
                    .copied()
                    .filter(|&i| marker_style(&t.rows[i].name) != 0)
                    .collect();
                let mut counts = [0usize; 5];
                for &i in &items {
                    counts[marker_style(&t.rows[i].name) as usize] += 1;
                }
                let style = (0..5).max_by_key(|s| counts[*s]).unwrap_or(0) as u8;
                let parts: Vec<RowIdx> = items
                    .into_iter()
                    .filter(|&i| marker_style(&t.rows[i].name) == style)
                    .collect();
                if style != 0 && !parts.is_empty() {
                    compare(out, t, yt, col, &parts, "各项目之和");
                }
                for (h, kids) in outline_children(t, &marked) {
                    compare(out, t, h, col, &kids, "下级项目之和");
                }
                if let Some(gt) = grand_total {
                    let extra: Vec<RowIdx> = rows
                        .iter()
                        .copied()
                        .filter(|&i| {
                            i > yt
                                && i < gt
                                && marker_style(&t.rows[i].name) == 0
                                && !t.rows[i].name.trim().starts_with("其中")
                        })
                        .collect();
                    // a carry-over row with marked items under it ("年初结转和结余" over
                    // "一、一般公共预算拨款 …") is their sum
                    for (k, &e) in extra.iter().enumerate() {
                        let end = extra.get(k + 1).copied().unwrap_or(gt);
                        let subs: Vec<RowIdx> = rows
                            .iter()
                            .copied()
                            .filter(|&i| i > e && i < end && marker_style(&t.rows[i].name) != 0)
                            .collect();
                        if !subs.is_empty() {
                            compare(out, t, e, col, &subs, "下级项目之和");
                        }
                    }
                    let mut parts = vec![yt];
                    parts.extend(extra);
                    compare(out, t, gt, col, &parts, "本年合计与结转之和");
                }
            }
            if let Some(gt) = grand_total {
                grand.push((gt, col));
            }
        }
        if let Some(&(first, fcol)) = grand.first() {
            for &(other, ocol) in &grand[1..] {
                let (Some(a), Some(b)) = (val(&t.rows[first], fcol), val(&t.rows[other], ocol))
                else {
                    continue;
                };
                let held = a.meets(b);
                out.checked(held, [cell_loc(t, first, fcol), cell_loc(t, other, ocol)]);
                if !held {
                    let f = out.report(
                        cell_loc(t, other, ocol),
                        format!(
                            "{}：{} {} ≠ {} {}（差 {}）",
                            t.label(),
                            t.rows[other].plain_name(),
                            amt(b.value),
                            t.rows[first].plain_name(),
                            amt(a.value),
                            amt(b.value - a.value)
                        ),
                    );
                    f.amounts(a.value, b.value)
                        .related(cell_loc(t, first, fcol), "收入总计");
                }
            }
        }
    }
}

fn compare(out: &mut Sink, t: &Table, total: RowIdx, col: usize, parts: &[RowIdx], what: &str) {
    let (Some(tv), Some(sum)) = (
        val(&t.rows[total], col),
        parts
            .iter()
            .map(|p| val(&t.rows[*p], col))
            .sum::<Option<Approx>>(),
    ) else {
        return;
    };
    if t.rows[total].cell(col).is_none() {
        return;
    }
    let held = tv.meets(sum);
    crate::rules::util::checked_sum(out, held, t, total, parts, col);
    if !held {
        let f = out.report(
            cell_loc(t, total, col),
            format!(
                "{}「{}」{} ≠ {} {}（差 {}）",
                t.label(),
                t.rows[total].plain_name(),
                amt(tv.value),
                what,
                amt(sum.value),
                amt(tv.value - sum.value)
            ),
        );
        f.amounts(sum.value, tv.value);
        for p in parts {
            if t.rows[*p].cell(col).is_some() {
                f.related(cell_loc(t, *p, col), "分项");
            }
        }
    }
}

/// A side printed as an outline: a 合计 row on top, "一、" headings, each the sum of the "（一）" items
/// under it, and the 合计 the sum of the headings. Every column of the side is checked.
fn check_outline(out: &mut Sink, t: &Table, g: u8, rows: &[RowIdx]) {
    let Some(&top) = rows.first() else { return };
    if !t.rows[top].plain_name().ends_with("合计") {
        return;
    }
    let heads: Vec<RowIdx> = rows
        .iter()
        .copied()
        .filter(|&i| marker_style(&t.rows[i].name) == 1)
        .collect();
    if heads.is_empty() {
        return;
    }
    let cols: Vec<usize> = t.cols_in(g).collect();
    for &c in &cols {
        compare(out, t, top, c, &heads, "各部分之和");
    }
    for (k, &h) in heads.iter().enumerate() {
        let end = heads.get(k + 1).copied().unwrap_or(usize::MAX);
        let under = |style: u8| -> Vec<RowIdx> {
            rows.iter()
                .copied()
                .filter(|&i| {
                    i > h
                        && i < end
                        && marker_style(&t.rows[i].name) == style
                        && !t.rows[i].name.trim().starts_with("其中")
                })
                .collect()
        };
        // （一） items, or (1) items where the side has no （一）
        let items = match under(3) {
            v if v.is_empty() => under(4),
            v => v,
        };
        if items.is_empty() {
            continue;
        }
        for &c in &cols {
            compare(out, t, h, c, &items, "下级项目之和");
        }
    }
}

/// The children of each marked heading of a side: the rows of the next marker style under it, up
/// to its next sibling or an ancestor's sibling. The order of styles is the document's own
/// (一、 → 1、 → (1) here, 一、 → （一） → 1、 there).
fn outline_children(t: &Table, marked: &[RowIdx]) -> Vec<(RowIdx, Vec<RowIdx>)> {
    let mut stack: Vec<(u8, RowIdx)> = Vec::new();
    let mut kids: Vec<(RowIdx, Vec<RowIdx>)> = Vec::new();
    for &i in marked {
        let s = marker_style(&t.rows[i].name);
        if let Some(k) = stack.iter().rposition(|x| x.0 == s) {
            stack.truncate(k);
        }
        if let Some(&(_, parent)) = stack.last() {
            match kids.iter_mut().find(|x| x.0 == parent) {
                Some(x) => x.1.push(i),
                None => kids.push((parent, vec![i])),
            }
        }
        stack.push((s, i));
    }
    kids
}
