use crate::declare_rule;
use crate::report::{Location, Severity};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 空表没有说明理由
    ///
    /// ## 检查内容
    /// 没有数据的表应附注说明（如“注：无政府性基金预算财政拨款预算，空表列示”），或在目录中说明理由。
    /// ## 为什么重要
    /// 公开规程要求空表说明理由；否则读者无法判断是没有这项预算还是漏填了。
    /// ## 示例
    /// ```text,expect(P005)
    /// 部门预算政府性基金预算财政拨款支出表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// ```
    /// ```text
    /// 部门预算政府性基金预算财政拨款支出表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 注：无政府性基金预算财政拨款预算，空表列示。
    /// ```
    pub RULE = P005 "empty-table-without-note", Category::Structure, Severity::Warning;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for t in ctx
        .doc
        .tables
        .iter()
        .filter(|t| t.empty && t.notes.is_empty())
    {
        let declared = ctx.doc.toc.iter().any(|e| {
            e.declared_empty
                && e.reason.is_some()
                && (e.number.is_some() && e.number == t.number || e.kind == t.kind)
        });
        if !declared {
            out.report(
                Location::text(t.title_span),
                format!("「{}」没有数据，也没有说明为什么是空表", t.label()),
            );
        }
    }
}
