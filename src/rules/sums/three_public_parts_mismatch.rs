use crate::declare_rule;
use crate::model::{Table, TableKind};
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::util::{cell_loc, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// “三公”经费合计与各项之和不一致
    ///
    /// ## 检查内容
    /// “三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费；
    /// 公务用车购置及运行费 = 公务用车购置费 + 公务用车运行维护费。表格按行或按列排列都适用。
    /// ## 为什么重要
    /// “三公”经费是社会最关注的数字，合计与分项不符会直接引起质疑。
    /// ## 示例
    /// ```text,expect(S104)
    /// “三公”经费预算表
    /// 单位：万元
    /// 项目	合计
    /// “三公”经费合计	6.00
    /// 一、因公出国（境）费	-
    /// 二、公务用车购置及运行维护费	4.00
    /// 其中：公务用车购置费	-
    /// 公务用车运行维护费	4.00
    /// 三、公务接待费	1.00
    /// ```
    /// ```text
    /// “三公”经费预算表
    /// 单位：万元
    /// 项目	合计
    /// “三公”经费合计	5.00
    /// 一、因公出国（境）费	-
    /// 二、公务用车购置及运行维护费	4.00
    /// 其中：公务用车购置费	-
    /// 公务用车运行维护费	4.00
    /// 三、公务接待费	1.00
    /// ```
    pub RULE = S104 "three-public-parts-mismatch", Category::Sum, Severity::Error;
}

#[derive(Clone, Copy, PartialEq)]
enum Item {
    Total,
    Abroad,
    Car,
    CarBuy,
    CarRun,
    Reception,
}

fn item_of(name: &str) -> Option<Item> {
    let n = crate::parse::normalize_name(name);
    if n.contains("教学科研") || n.contains("其他因公出国") {
        None
    } else if n.contains("因公出国") {
        Some(Item::Abroad)
    } else if n.contains("购置及运") {
        Some(Item::Car)
    } else if n.contains("公务用车购置") {
        Some(Item::CarBuy)
    } else if n.contains("公务用车运行") || n.contains("运行维护") {
        Some(Item::CarRun)
    } else if n.contains("公务接待") {
        Some(Item::Reception)
    } else if n.contains("三公") || n == "合计" {
        Some(Item::Total)
    } else {
        None
    }
}

/// (item, value, location) per value column (rows layout) or per row (columns layout).
fn series(t: &Table) -> Vec<Vec<(Item, Approx, Location)>> {
    let mut out = Vec::new();
    let by_rows: Vec<(usize, Item)> = t
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| item_of(&r.name).map(|it| (i, it)))
        .collect();
    if by_rows.len() >= 3 {
        for c in 0..t.columns.len() {
            let s: Vec<_> = by_rows
                .iter()
                .filter_map(|&(r, it)| val(&t.rows[r], c).map(|v| (it, v, cell_loc(t, r, c))))
                .collect();
            out.push(s);
        }
    } else {
        let by_cols: Vec<(usize, Item)> = t
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                item_of(c.header.rsplit('/').next().unwrap_or(""))
                    .or_else(|| item_of(&c.header))
                    .map(|it| (i, it))
            })
            .collect();
        if by_cols.len() >= 3 {
            for (ri, r) in t.rows.iter().enumerate() {
                out.push(
                    by_cols
                        .iter()
                        .filter_map(|&(c, it)| val(r, c).map(|v| (it, v, cell_loc(t, ri, c))))
                        .collect(),
                );
            }
        }
    }
    out
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in ctx
        .doc
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::ThreePublic)
    {
        for s in series(t) {
            let get = |it: Item| s.iter().find(|x| x.0 == it);
            let checks: [(Item, &[Item]); 2] = [
                (Item::Total, &[Item::Abroad, Item::Car, Item::Reception]),
                (Item::Car, &[Item::CarBuy, Item::CarRun]),
            ];
            for (total, parts) in checks {
                let Some(&(_, tv, tloc)) = get(total) else {
                    continue;
                };
                let found: Vec<_> = parts.iter().filter_map(|p| get(*p)).collect();
                if found.len() < parts.len().min(2) {
                    continue;
                }
                let sum: Approx = found.iter().map(|x| x.1).sum();
                if !tv.meets(sum) {
                    let f = out.report(
                        tloc,
                        format!(
                            "{}：合计 {} ≠ 各项之和 {}（差 {}）",
                            t.label(),
                            amt(tv.value),
                            amt(sum.value),
                            amt(tv.value - sum.value)
                        ),
                    );
                    f.amounts(sum.value, tv.value);
                    for x in found {
                        f.related(x.2, "分项");
                    }
                }
            }
        }
    }
}
