use crate::declare_rule;
use crate::model::CodeKind;
use crate::report::Severity;
use crate::rules::util::row_loc;
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 下级科目缺少上级科目
    ///
    /// ## 检查内容
    /// 表中列出了类、款两级汇总行时，每个项（7 位）都应有所属的款（5 位）行，每个款都应有所属的类（3 位）行。
    /// 表中完全没有某一级汇总行（只列项）时不检查。
    /// ## 为什么重要
    /// 缺了上级行，说明漏抄了一行或编码写错，上级合计也就无从核对。
    /// ## 示例
    /// ```text,expect(S106)
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 210	卫生健康支出	80.00	80.00
    /// 21011	行政事业单位医疗	50.00	50.00
    /// 2101101	行政单位医疗	50.00	50.00
    /// 2101501	行政运行	30.00	30.00
    /// ```
    /// ```text
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 210	卫生健康支出	80.00	80.00
    /// 21011	行政事业单位医疗	50.00	50.00
    /// 2101101	行政单位医疗	50.00	50.00
    /// 21015	医疗保障管理事务	30.00	30.00
    /// 2101501	行政运行	30.00	30.00
    /// ```
    pub RULE = S106 "orphan-code", Category::Sum, Severity::Warning;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    // tables arranged by classification code (in project or procurement lists the name column is not the code's name)
    for t in ctx.doc.tables.iter().filter(|t| t.kind.is_coded()) {
        let codes: Vec<(usize, &str)> = t
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                r.code
                    .as_ref()
                    .filter(|c| matches!(c.kind, CodeKind::Function | CodeKind::Economic))
                    .map(|c| (i, c.text.as_str()))
            })
            .collect();
        for (parent_len, child_len) in [(3usize, 5usize), (5, 7)] {
            if !codes.iter().any(|(_, c)| c.len() == parent_len) {
                continue;
            }
            for &(i, c) in codes.iter().filter(|(_, c)| c.len() == child_len) {
                let parent = &c[..parent_len];
                if !codes.iter().any(|(_, p)| *p == parent) {
                    out.report(
                        row_loc(t, i),
                        format!("「{}」中科目 {c} 没有所属的上级科目 {parent} 行", t.label()),
                    );
                }
            }
        }
    }
}
