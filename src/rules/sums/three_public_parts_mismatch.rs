use crate::declare_rule;
use crate::model::{is_year_block, Table, TableKind, ThreePublicItem as Item};
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::util::{cell_loc, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// “三公”经费合计与各项之和不一致
    ///
    /// ## 检查内容
    /// “三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费；
    /// 公务用车购置及运行费 = 公务用车购置费 + 公务用车运行维护费。表格按行或按列排列都适用；
    /// 按上年 / 当年 / 增减分块的表每一块分别核对。一行（或一行的一块）里几处不符合为一条。
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

/// A column's item from its header path: a 小计/合计 leaf takes the meaning of its parent.
fn column_item(header: &str) -> Option<Item> {
    let parts: Vec<&str> = header.split('/').collect();
    let leaf = parts.last().copied().unwrap_or("");
    let n = crate::parse::normalize_name(leaf);
    if n == "小计" || n == "合计" {
        return match parts.len() {
            0 | 1 => Some(Item::Grand),
            _ => match Item::of_name(parts[parts.len() - 2]) {
                Some(it) => Some(it),
                None if parts.len() == 2 && n == "合计" => Some(Item::Grand),
                None => None,
            },
        };
    }
    Item::of_name(leaf)
}

type Series = Vec<(Item, Approx, Location)>;

/// One series per value column (rows layout) or per row and column group (columns layout). For
/// the columns layout, also whether every column's header names a distinct item.
fn series(t: &Table) -> (Vec<Series>, Option<bool>) {
    let mut out = Vec::new();
    let by_rows: Vec<(usize, Item)> = t
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Item::of_name(&r.name).map(|it| (i, it)))
        .collect();
    if by_rows.len() >= 3 {
        for c in 0..t.columns.len() {
            let s: Series = by_rows
                .iter()
                .filter_map(|&(r, it)| val(&t.rows[r], c).map(|v| (it, v, cell_loc(t, r, c))))
                .collect();
            out.push(s);
        }
        return (out, None);
    }
    // columns layout, grouped by the top header (上年 / 当年 / 增减) when there are several
    // year blocks (上年 / 当年 / 增减变化情况 / 2023年): the top header when it names a year
    let top = |h: &str| match h.split_once('/') {
        Some((b, _)) if is_year_block(b) => b.to_string(),
        _ => String::new(),
    };
    let mut groups: Vec<String> = Vec::new();
    for c in &t.columns {
        let g = top(&c.header);
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    let mut clean = true;
    for g in &groups {
        let cols: Vec<(usize, Item)> = t
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| top(&c.header) == *g)
            .filter_map(|(i, c)| column_item(&c.header).map(|it| (i, it)))
            .collect();
        if cols.len() < 3 {
            continue;
        }
        // every column of the block names a distinct item: the header is read, not guessed
        let width = t.columns.iter().filter(|c| top(&c.header) == *g).count();
        let mut items: Vec<Item> = cols.iter().map(|x| x.1).collect();
        items.dedup();
        clean &= cols.len() == width && items.len() == width && {
            let mut seen = Vec::new();
            items.iter().all(|it| {
                let new = !seen.contains(it);
                seen.push(*it);
                new
            })
        };
        for (ri, r) in t.rows.iter().enumerate() {
            out.push(
                cols.iter()
                    .filter_map(|&(c, it)| val(r, c).map(|v| (it, v, cell_loc(t, ri, c))))
                    .collect(),
            );
        }
    }
    (out, Some(clean))
}

const CHECKS: [(Item, &[Item]); 3] = [
    (Item::Grand, &[Item::Total, Item::Meeting, Item::Training]),
    (Item::Total, &[Item::Abroad, Item::Car, Item::Reception]),
    (Item::Car, &[Item::CarBuy, Item::CarRun]),
];

/// A failing identity: its total item, the total, where it is printed, the sum of the parts and
/// where they are printed.
type Failure = (Item, Approx, Location, Approx, Vec<Location>);

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in ctx
        .doc
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::ThreePublic)
    {
        // row names are read reliably; column positions come from headers that may be shifted
        let (all, layout) = series(t);
        // columns whose headers do not each name a distinct item are trusted only when the numbers agree
        let guessed = layout == Some(false);
        // the failing identities of each series
        let mut failing: Vec<Vec<Failure>> = vec![Vec::new(); all.len()];
        for (total, parts) in CHECKS {
            // evaluate the identity on every series that has it
            let mut evaluated = Vec::new();
            for (si, s) in all.iter().enumerate() {
                let get = |it: Item| s.iter().find(|x| x.0 == it);
                let Some(&(_, tv, tloc)) = get(total) else {
                    continue;
                };
                let found: Vec<_> = parts.iter().filter_map(|p| get(*p)).collect();
                if found.len() < 2 {
                    continue;
                }
                let sum: Approx = found.iter().map(|x| x.1).sum();
                evaluated.push((
                    si,
                    tv,
                    tloc,
                    sum,
                    found.iter().map(|x| x.2).collect::<Vec<Location>>(),
                ));
            }
            // header words must be confirmed by the numbers: the identity holds in most series
            let holding = evaluated.iter().filter(|e| e.1.meets(e.3)).count();
            if evaluated.is_empty() {
                continue;
            }
            if guessed && holding * 3 < evaluated.len() * 2 {
                out.skip(
                    format!("{} “三公”分项", t.label()),
                    "表头与数据列对不上，分项恒等式在多数行不成立，未使用",
                );
                continue;
            }
            for (si, tv, tloc, sum, related) in evaluated {
                let held = tv.meets(sum);
                out.checked(held, std::iter::once(tloc).chain(related.iter().copied()));
                if !held {
                    failing[si].push((total, tv, tloc, sum, related));
                }
            }
        }
        // one finding per series (a row, or a row's year block): a misprinted row breaks
        // several identities at once
        for fails in failing.iter().filter(|f| !f.is_empty()) {
            let parts: Vec<String> = fails
                .iter()
                .map(|(item, tv, _, sum, _)| {
                    format!(
                        "{} {} ≠ 各项之和 {}（差 {}）",
                        item.label(),
                        amt(tv.value),
                        amt(sum.value),
                        amt(tv.value - sum.value)
                    )
                })
                .collect();
            let (_, tv, tloc, sum, _) = &fails[0];
            let f = out.report(*tloc, format!("{}：{}", t.label(), parts.join("；")));
            f.amounts(sum.value, tv.value);
            for (k, (item, _, loc, _, related)) in fails.iter().enumerate() {
                if k > 0 {
                    f.related(*loc, item.label());
                }
                for l in related {
                    f.related(*l, "分项");
                }
            }
        }
    }
}
