use crate::declare_rule;
use crate::model::TableKind;
use crate::report::{Location, Severity};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 文字说明提到的表没有公开
    ///
    /// ## 检查内容
    /// 情况说明里点名的标准附表（收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、基本支出表、
    /// “三公”经费表、政府性基金或国有资本经营支出表、项目支出表）应出现在文件中，或在目录中注明为空表。
    /// 文字说“已公开空表”（政府性基金、国有资本经营、“三公”）时，这张空表本身必须印出，目录注明为空不算。
    /// ## 为什么重要
    /// 文字说“见项目支出表”，读者却找不到这张表，等于这部分内容没有公开。
    /// ## 示例
    /// ```text,expect(P008)
    /// 部门预算收支总表
    /// 单位：万元
    /// 项目	预算数	项目	预算数
    /// 本年收入合计	10.00	本年支出合计	10.00
    ///
    /// 二、支出说明
    /// 收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制。
    /// ```
    /// ```text
    /// 部门预算收支总表
    /// 单位：万元
    /// 项目	预算数	项目	预算数
    /// 本年收入合计	10.00	本年支出合计	10.00
    ///
    /// 二、支出说明
    /// 收支预算总表反映本部门全部收支，具体见下表。
    /// ```
    pub RULE = P008 "referenced-table-missing", Category::Structure, Severity::Warning;
}

const STANDARD: [TableKind; 10] = [
    TableKind::IncomeExpenditureSummary,
    TableKind::IncomeSummary,
    TableKind::ExpenditureSummary,
    TableKind::FiscalSummary,
    TableKind::GeneralBudgetExpenditure,
    TableKind::BasicExpenditure,
    TableKind::ThreePublic,
    TableKind::GovFundExpenditure,
    TableKind::StateCapitalExpenditure,
    TableKind::ProjectExpenditure,
];

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let doc = ctx.doc;
    // a text without the tables it describes (the 说明 published apart from its 附表, corpus 29
    // and 01) says nothing about which tables are published
    let standard_printed = doc
        .captions
        .iter()
        .filter(|c| STANDARD.contains(&c.kind))
        .count()
        .max(
            doc.tables
                .iter()
                .filter(|t| STANDARD.contains(&t.kind))
                .count(),
        );
    if standard_printed == 0 {
        return;
    }
    let mut reported = Vec::new();
    for p in &doc.paragraphs {
        for r in &p.refs {
            if !STANDARD.contains(&r.kind) || reported.contains(&r.kind) {
                continue;
            }
            // "已公开空表" claims a printed table; a 目录 line saying it is empty is not one
            let claims_empty = r.name.ends_with("空表");
            let present = doc.tables.iter().any(|t| t.kind == r.kind)
                || doc.captions.iter().any(|c| c.kind == r.kind)
                || (!claims_empty && doc.toc.iter().any(|e| e.kind == r.kind && e.declared_empty));
            if !present {
                reported.push(r.kind);
                let msg = if claims_empty {
                    format!(
                        "文字说已公开空表（{}），但文件中没有印出这张表",
                        r.kind.label()
                    )
                } else {
                    format!(
                        "文字提到「{}」，但文件中没有这张表（{}）",
                        r.name,
                        r.kind.label()
                    )
                };
                out.report(Location::text(r.span), msg);
            }
        }
    }
}
