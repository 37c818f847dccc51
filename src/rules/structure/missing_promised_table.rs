use crate::declare_rule;
use crate::report::{Location, Severity};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 目录列出的表没有公开
    ///
    /// ## 检查内容
    /// 目录（或附表清单）列出的每张表都应出现在文件中；目录注明“空表”并说明理由的除外。
    /// 按表号（表2、预算03表）对应，没有表号时按表的种类对应。
    /// ## 为什么重要
    /// 《地方预决算公开操作规程》要求公开全部附表；目录里有、正文里没有，就是公开不完整。
    /// ## 示例
    /// ```text,expect(P004)
    /// 目录
    /// 表1	部门收支总表	否
    /// 表2	部门收入总表	否
    ///
    /// 表1
    /// 部门收支总表
    /// 单位：万元
    /// 项目	预算数	项目	预算数
    /// 本年收入合计	10.00	本年支出合计	10.00
    /// ```
    /// ```text
    /// 目录
    /// 表1	部门收支总表	否
    ///
    /// 表1
    /// 部门收支总表
    /// 单位：万元
    /// 项目	预算数	项目	预算数
    /// 本年收入合计	10.00	本年支出合计	10.00
    /// ```
    pub RULE = P004 "missing-promised-table", Category::Structure, Severity::Error;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let doc = ctx.doc;
    // a table is published when a table was read under its number or kind, or its caption is
    // printed (a table that could not be read is still there)
    let present = |e: &crate::model::TocEntry| match &e.number {
        Some(n) => {
            doc.tables.iter().any(|t| {
                t.number.as_deref() == Some(n.as_str()) || (t.number.is_none() && t.kind == e.kind)
            }) || doc.captions.iter().any(|c| {
                c.number.as_deref() == Some(n.as_str()) || (c.number.is_none() && c.kind == e.kind)
            })
        }
        None => {
            doc.tables.iter().any(|t| t.kind == e.kind)
                || doc.captions.iter().any(|c| c.kind == e.kind)
        }
    };
    let promised: Vec<&crate::model::TocEntry> =
        doc.toc.iter().filter(|e| !e.declared_empty).collect();
    let missing: Vec<&crate::model::TocEntry> =
        promised.iter().copied().filter(|e| !present(e)).collect();
    // most of the promised tables absent: the text holds the 说明 without its 附表, which are
    // often published as a file of their own (corpus 29 and its tables in 30; 01's .xls), so
    // nothing can be said about a single table
    if missing.len() >= 3 && missing.len() * 2 > promised.len() {
        let first = missing[0];
        out.report_as(
            crate::report::Severity::Info,
            Location::text(first.span),
            format!(
                "目录列出的 {} 张表中有 {} 张不在这份文字里（附表可能另有文件），未核对是否公开",
                promised.len(),
                missing.len()
            ),
        );
        return;
    }
    for e in missing {
        let hint = match &e.number {
            Some(n) => format!("目录列出的「{n} {}」在文件中找不到", e.title),
            None => format!("目录列出的「{}」在文件中找不到", e.title),
        };
        out.report(Location::text(e.span), hint);
    }
}
