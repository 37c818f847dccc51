use crate::declare_rule;
use crate::report::{Location, Severity};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 空表没有说明理由
    ///
    /// ## 检查内容
    /// 没有数据的表应附注说明（如“注：无政府性基金预算财政拨款预算，空表列示”），或在目录中说明理由。
    /// 情况说明里明说没有这项预算的也算说明：政府性基金、国有资本经营“无…”“未安排…”“0万元”；
    /// 一般公共预算、“三公”经费、机关运行经费须在同一句里写明为 0 或“无…”（如“本单位无机关运行经费”）。
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
    /// ```text
    /// 一、收支预算情况说明
    /// 本单位一般公共预算拨款支出预算为0。“三公”经费预算数为0.00万元。
    ///
    /// 2026年单位“三公”经费和机关运行经费预算表
    /// 单位：万元
    /// 项目	合计	因公出国（境）费	公务接待费	公务用车购置及运行费
    /// ```
    /// ```text,expect(P005)
    /// 一、收支预算情况说明
    /// 本单位“三公”经费预算比上年有所减少。
    ///
    /// 2026年单位“三公”经费和机关运行经费预算表
    /// 单位：万元
    /// 项目	合计	因公出国（境）费	公务接待费	公务用车购置及运行费
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
        if !declared && !said_in_prose(ctx, t.kind) {
            out.report(
                Location::text(t.title_span),
                format!("「{}」没有数据，也没有说明为什么是空表", t.label()),
            );
        }
    }
}

/// The 情况说明 says there is nothing to show: "本部门2026年无政府性基金预算拨款收入", "国有资本经营预算
/// 支出0万元" (corpus 36, 37 and 45 explain their empty 政府性基金 and 国有资本经营 tables so), and for a
/// unit without 一般公共预算 money "一般公共预算拨款支出预算为0", "“三公”经费预算数为0.00万元", "本单位无
/// 机关运行经费" (corpus PDF shanghai_civil_affairs; its text copy's sibling corpus 23 and 45 are the
/// same 上海 template). Those three subjects are named in many sentences of any document, so for them
/// the sentence must state the zero itself ("为0", "0.00万元") or the absence ("无机关运行经费").
fn said_in_prose(ctx: &Ctx, kind: crate::model::TableKind) -> bool {
    use crate::model::TableKind as K;
    let (subject, strict) = match kind {
        K::GovFundExpenditure => ("政府性基金", false),
        K::StateCapitalExpenditure => ("国有资本经营", false),
        K::GeneralBudgetExpenditure | K::BasicExpenditure => ("一般公共预算", true),
        K::ThreePublic => ("三公", true),
        K::OperatingCost => ("机关运行经费", true),
        _ => return false,
    };
    ctx.doc.paragraphs.iter().any(|p| {
        p.span.slice(ctx.src).split(['。', '；']).any(|sentence| {
            let s: String = sentence.chars().filter(|c| !c.is_whitespace()).collect();
            let absent = ["无", "没有", "未安排"]
                .iter()
                .any(|w| s.contains(&format!("{w}{subject}")));
            s.contains(subject)
                && if strict {
                    absent || zero_amount(&s)
                } else {
                    s.contains('无')
                        || s.contains("没有")
                        || s.contains("未安排")
                        || zero_amount(&s)
                }
        })
    })
}

/// Does the sentence state a zero amount ("0万元", "0.00万元", "为0")?
fn zero_amount(s: &str) -> bool {
    let b = s.as_bytes();
    ["0万元", "0.00万元", "0元", "0.00元"].iter().any(|z| {
        s.match_indices(z).any(|(i, _)| {
            // the 0 is not the last digit of a larger number
            i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b'.' || b[i - 1] == b',')
        })
    }) || s.contains("为0")
        || s.contains("为零")
}
