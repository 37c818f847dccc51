use crate::declare_rule;
use crate::model::{CodeKind, RowRole};
use crate::render::amt;
use crate::report::Severity;
use crate::rules::util::{cell_loc, column_sums};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 上级科目与下级科目之和不一致
    ///
    /// ## 检查内容
    /// 按科目编码排列的表中，每一列都应满足：类 = 所属各款之和，款 = 所属各项之和，合计行 = 各类之和。
    /// 同一编码出现多行（例如按政府经济分类拆开）时按全部行相加。不确定所在列的数值不参与。
    /// ## 为什么重要
    /// 这是手工核对时最常发现的错误：改了明细忘了改汇总，或汇总行抄错。
    /// ## 示例
    /// ```text,expect(S102)
    /// 部门预算一般公共预算支出表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	80.00	80.00
    /// 210	卫生健康支出	80.00	80.00
    /// 21011	行政事业单位医疗	80.00	80.00
    /// 2101101	行政单位医疗	30.00	30.00
    /// 2101102	事业单位医疗	40.00	40.00
    /// ```
    /// ```text
    /// 部门预算一般公共预算支出表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	70.00	70.00
    /// 210	卫生健康支出	70.00	70.00
    /// 21011	行政事业单位医疗	70.00	70.00
    /// 2101101	行政单位医疗	30.00	30.00
    /// 2101102	事业单位医疗	40.00	40.00
    /// ```
    pub RULE = S102 "code-sum-mismatch", Category::Sum, Severity::Error;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in &ctx.doc.tables {
        for scheme in [
            CodeKind::Function,
            CodeKind::Economic,
            CodeKind::GovEconomic,
            CodeKind::Organization,
        ] {
            check_scheme(t, scheme, out);
        }
    }
}

fn is_parent(scheme: CodeKind, p: &str, c: &str) -> bool {
    c.len() > p.len()
        && c.starts_with(p)
        && match scheme {
            CodeKind::Organization => p.len() == 3 && c.len() == 6,
            _ => matches!((p.len(), c.len()), (3, 5) | (5, 7)),
        }
}

fn check_scheme(t: &crate::model::Table, scheme: CodeKind, out: &mut Sink) {
    let coded: Vec<usize> = (0..t.rows.len())
        .filter(|&i| t.rows[i].code.as_ref().is_some_and(|c| c.kind == scheme))
        .collect();
    if coded.len() < 2 && !(scheme == CodeKind::Organization && coded.len() == 1) {
        return;
    }
    let code = |i: usize| {
        t.rows[i]
            .code
            .as_ref()
            .map(|c| c.text.as_str())
            .unwrap_or("")
    };
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for &p in &coded {
        // the same code printed twice (a page break repeated the row) is one row
        if coded.iter().any(|&q| q < p && code(q) == code(p)) && scheme == CodeKind::Organization {
            continue;
        }
        let kids: Vec<usize> = coded
            .iter()
            .copied()
            .filter(|&c| is_parent(scheme, code(p), code(c)))
            .collect();
        if !kids.is_empty() {
            groups.push((p, kids));
        }
    }
    // 合计 row = Σ top-level rows of the scheme (function and economic schemes only; unit rows repeat the total)
    let totals: Vec<usize> = (0..t.rows.len())
        .filter(|&i| t.rows[i].role == RowRole::Total && t.rows[i].code.is_none())
        .collect();
    if totals.len() == 1 && scheme != CodeKind::Organization {
        let min = coded.iter().map(|&i| code(i).len()).min().unwrap_or(0);
        let tops: Vec<usize> = coded
            .iter()
            .copied()
            .filter(|&i| code(i).len() == min)
            .collect();
        groups.push((totals[0], tops));
    } else if totals.len() == 1 {
        // 合计 = the department row (3-digit organisation code) when there is exactly one
        let depts: Vec<usize> = coded
            .iter()
            .copied()
            .filter(|&i| code(i).len() == 3)
            .collect();
        if depts.len() == 1 {
            groups.push((totals[0], depts));
        }
    }
    for (p, kids) in groups {
        let pr = &t.rows[p];
        if pr.ambiguous || kids.iter().any(|k| t.rows[*k].ambiguous) {
            continue;
        }
        let row_label = match &pr.code {
            Some(c) => format!("{} {}", c.text, pr.plain_name()),
            None => pr.plain_name(),
        };
        let (_, failing) = column_sums(t, p, &kids, pr.group, out);
        // many failing columns in one row usually have one cause (a row shifted by a cell): one finding
        if failing.len() > 3 {
            let (c0, pv, sum) = failing[0];
            let f = out.report(
                cell_loc(t, p, c0),
                format!(
                    "{}「{}」有 {} 列与下级之和不符（首列「{}」{} ≠ {}），多为某一行数值错位",
                    t.label(),
                    row_label,
                    failing.len(),
                    t.columns[c0].header,
                    amt(pv.value),
                    amt(sum.value)
                ),
            );
            f.amounts(sum.value, pv.value);
            for (c, _, _) in &failing[1..] {
                f.related(cell_loc(t, p, *c), "同一行其他不符的列");
            }
            for k in &kids {
                f.related(crate::rules::util::row_loc(t, *k), "下级行");
                for (c, _, _) in &failing {
                    if t.rows[*k].cell(*c).is_some() {
                        f.related(cell_loc(t, *k, *c), "下级行的数");
                    }
                }
            }
            continue;
        }
        for (c, pv, sum) in failing {
            {
                let what = if scheme == CodeKind::Organization {
                    "所属单位之和"
                } else {
                    "下级科目之和"
                };
                let f = out.report(
                    cell_loc(t, p, c),
                    format!(
                        "{}「{}」列「{}」{} ≠ {what} {}（差 {}）",
                        t.label(),
                        row_label,
                        t.columns[c].header,
                        amt(pv.value),
                        amt(sum.value),
                        amt(pv.value - sum.value)
                    ),
                );
                f.amounts(sum.value, pv.value);
                for k in &kids {
                    if t.rows[*k].cell(c).is_some() {
                        f.related(
                            cell_loc(t, *k, c),
                            if scheme == CodeKind::Organization {
                                "单位"
                            } else {
                                "下级科目"
                            },
                        );
                    }
                }
            }
        }
    }
}
