use crate::declare_rule;
use crate::model::{CodeKind, TableKind};
use crate::render::amt;
use crate::report::Severity;
use crate::rules::util::{cell_loc, row_loc};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 机关运行经费表中列有人员经费科目
    ///
    /// ## 检查内容
    /// 机关运行经费是行政单位为运行购买货物和服务的资金（办公费、水电费、差旅费、公务用车运行维护费等），
    /// 属于公用经费。机关运行经费表中出现 301 工资福利支出或 303 对个人和家庭的补助下的科目（如 30199
    /// 其他工资福利支出）且金额不为零时提示，多半是科目选错或把人员经费算进了机关运行经费。
    /// ## 为什么重要
    /// 机关运行经费是“过紧日子”的考核口径；混入人员经费会使它与公用经费、与往年都无法比较。
    /// ## 示例
    /// ```text,expect(S110)
    /// 机关运行经费预算表
    /// 单位：万元
    /// 科目编码	科目名称	合计
    /// 	合计	8.00
    /// 30199	其他工资福利支出	1.00
    /// 30201	办公费	7.00
    /// ```
    /// ```text
    /// 机关运行经费预算表
    /// 单位：万元
    /// 科目编码	科目名称	合计
    /// 	合计	8.00
    /// 30229	福利费	1.00
    /// 30201	办公费	7.00
    /// ```
    pub RULE = S110 "operating-cost-personnel-item", Category::Sum, Severity::Warning;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in ctx
        .doc
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::OperatingCost)
    {
        let items: Vec<usize> = (0..t.rows.len())
            .filter(|&i| {
                let r = &t.rows[i];
                r.code.as_ref().is_some_and(|c| {
                    c.kind == CodeKind::Economic
                        && (c.text.starts_with("301") || c.text.starts_with("303"))
                }) && r.cells.iter().flatten().any(|c| !c.value.is_zero())
            })
            .collect();
        let Some(&first) = items.first() else {
            continue;
        };
        let listed: Vec<String> = items
            .iter()
            .map(|&i| {
                let r = &t.rows[i];
                let v = r.cells.iter().flatten().next().map(|c| amt(c.value));
                format!(
                    "{} {} {}",
                    r.code.as_ref().map(|c| c.text.as_str()).unwrap_or(""),
                    r.plain_name(),
                    v.unwrap_or_default()
                )
            })
            .collect();
        let col = t.rows[first]
            .cells
            .iter()
            .position(|c| c.as_ref().is_some_and(|c| !c.value.is_zero()));
        let at = match col {
            Some(c) => cell_loc(t, first, c),
            None => row_loc(t, first),
        };
        let f = out.report(
            at,
            format!(
                "{}列有人员经费科目：{}。机关运行经费应只含购买货物和服务的公用经费",
                t.label(),
                listed.join("、")
            ),
        );
        for &i in &items[1..] {
            f.related(row_loc(t, i), "人员经费科目");
        }
    }
}
