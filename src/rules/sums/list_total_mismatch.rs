use crate::declare_rule;
use crate::model::{CodeKind, RowRole, Table};
use crate::render::amt;
use crate::report::Severity;
use crate::rules::util::{cell_loc, column_sums};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 清单的合计不等于各行之和
    ///
    /// ## 检查内容
    /// 不按科目编码排列的清单（项目支出表、按项目列出的基本支出明细表、政府采购表等）：
    /// 合计行 = 各项目行之和；分单位列出时，单位行 = 其下各项目行之和。每一列分别核对，
    /// 一行里几列不符合为一条。清单中夹有小计行、或每一列都对不上（说明这不是一张简单清单）时不核对。
    /// ## 为什么重要
    /// 项目清单的合计就是项目支出、基本支出的总数；某一项抄错，合计便与清单不符。
    /// ## 示例
    /// ```text,expect(S108)
    /// 项目支出预算表
    /// 单位：万元
    /// 项目名称	合计	一般公共预算
    /// 合计	30.00	30.00
    /// 医疗救助	20.00	20.00
    /// 信息化建设	11.00	10.00
    /// ```
    /// ```text
    /// 项目支出预算表
    /// 单位：万元
    /// 项目名称	合计	一般公共预算
    /// 合计	30.00	30.00
    /// 医疗救助	20.00	20.00
    /// 信息化建设	10.00	10.00
    /// ```
    pub RULE = S108 "list-total-mismatch", Category::Sum, Severity::Error;
}

/// (parent row, its item rows) of one group of a flat list.
fn lists(t: &Table, g: u8) -> Vec<(usize, Vec<usize>)> {
    let rows: Vec<usize> = (0..t.rows.len())
        .filter(|&i| t.rows[i].group == g)
        .collect();
    let is_org = |i: usize| {
        t.rows[i]
            .code
            .as_ref()
            .is_some_and(|c| c.kind == CodeKind::Organization)
    };
    let is_total = |i: usize| t.rows[i].role == RowRole::Total && t.rows[i].code.is_none();
    let is_item = |i: usize| t.rows[i].role == RowRole::Item && t.rows[i].code.is_none();
    let mut out = Vec::new();
    if rows.iter().any(|&i| t.rows[i].role == RowRole::Subtotal) {
        return out;
    }
    if rows.iter().any(|&i| is_org(i)) {
        let mut cur: Option<(usize, Vec<usize>)> = None;
        for &i in &rows {
            if is_org(i) || is_total(i) {
                out.extend(cur.take());
                if is_org(i) {
                    cur = Some((i, Vec::new()));
                }
            } else if let Some((_, kids)) = cur.as_mut() {
                if is_item(i) {
                    kids.push(i);
                }
            }
        }
        out.extend(cur);
    } else {
        let totals: Vec<usize> = rows.iter().copied().filter(|&i| is_total(i)).collect();
        if totals.len() == 1 {
            out.push((
                totals[0],
                rows.iter().copied().filter(|&i| is_item(i)).collect(),
            ));
        }
    }
    out.retain(|(_, kids)| kids.len() >= 2);
    out
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in &ctx.doc.tables {
        // tables in classification codes are S102's
        if t.kind.is_sided()
            || t.rows.iter().any(|r| {
                r.code
                    .as_ref()
                    .is_some_and(|c| c.kind != CodeKind::Organization)
            })
        {
            continue;
        }
        for g in 0..t.groups.len().max(1) as u8 {
            for (p, kids) in lists(t, g) {
                let pr = &t.rows[p];
                if pr.ambiguous || kids.iter().any(|k| t.rows[*k].ambiguous) {
                    continue;
                }
                let mark = out.checks.len();
                let (holding, failing) = column_sums(t, p, &kids, g, out);
                if failing.is_empty() {
                    continue;
                }
                if holding == 0 {
                    // not a list after all: nothing was checked
                    out.checks.truncate(mark);
                    out.skip(
                        format!("{}「{}」清单合计", t.label(), pr.plain_name()),
                        "每一列都不等于其下各行之和，不像是一张简单清单，未使用",
                    );
                    continue;
                }
                let parts: Vec<String> = failing
                    .iter()
                    .map(|(c, pv, sum)| {
                        format!(
                            "「{}」{} ≠ 各行之和 {}（差 {}）",
                            t.columns[*c].header,
                            amt(pv.value),
                            amt(sum.value),
                            amt(pv.value - sum.value)
                        )
                    })
                    .collect();
                let (c0, pv, sum) = failing[0];
                let f = out.report(
                    cell_loc(t, p, c0),
                    format!(
                        "{}「{}」：{}（{} 行）",
                        t.label(),
                        pr.plain_name(),
                        parts.join("；"),
                        kids.len()
                    ),
                );
                f.amounts(sum.value, pv.value);
                for (c, _, _) in &failing[1..] {
                    f.related(cell_loc(t, p, *c), "同一行其他不符的列");
                }
                for k in &kids {
                    if t.rows[*k].cell(c0).is_some() {
                        f.related(cell_loc(t, *k, c0), "清单行");
                    }
                }
            }
        }
    }
}
