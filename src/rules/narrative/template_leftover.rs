use crate::declare_rule;
use crate::model::LeftoverKind;
use crate::report::{Location, Severity};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 模板残留：空着的数字、空着的原因、没删的备选词
    ///
    /// ## 检查内容
    /// 公开文本里留着模板的痕迹：数字没填（“占 %”、“比上年减少 万元”、“XX万元”），原因没写（“主要原因是。”），
    /// 备选词没删（“增加（减少）”、“下降（增长）”），标点重复（“，。”、“。。”，提示）。
    /// ## 为什么重要
    /// 说明没有写完就公开了，读者拿不到应有的信息，也说明文本没有经过核对。
    /// ## 示例
    /// ```text,expect(N307)
    /// 公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。
    /// ```
    /// ```text
    /// 公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是严格控制车辆运行支出。
    /// ```
    pub RULE = N307 "template-leftover", Category::Narrative, Severity::Warning;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for l in &ctx.doc.claims.leftovers {
        let (sev, what) = match l.kind {
            LeftoverKind::Blank => (Severity::Warning, "数字没有填写"),
            LeftoverKind::EmptyReason => (Severity::Warning, "原因没有写"),
            LeftoverKind::BothAlternatives => (Severity::Warning, "模板的两个备选词都留着"),
            LeftoverKind::Punctuation => (Severity::Info, "标点重复"),
        };
        out.report_as(sev, Location::text(l.span), format!("{what}：“{}”", l.text));
    }
}
