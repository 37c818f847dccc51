use super::{approx, loc, mid, percent_agrees};
use crate::declare_rule;
use crate::render::amount::pct;
use crate::render::amt;
use crate::report::Severity;
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 占比算错
    ///
    /// ## 检查内容
    /// “A a万元，占 X 的 s%”：s = a ÷ X。X 取文字在前面给出的总数：同一个“其中”列举的总数，或前文标签
    /// 说到同一事物的金额（“占固定资产总额的” → “固定资产总量为 4295.98万元”）。找不到总数时不核对。
    /// “执行数 Y，完成（年初/全年）预算的 s%”同样核对：s = Y ÷ 同一句里的预算数。
    /// 百分数按印刷精度比较，四舍五入和截断都不算错。
    /// ## 为什么重要
    /// 占比是读者理解结构的捷径；算错或套错分母会给出错误的印象。
    /// ## 示例
    /// ```text,expect(N305)
    /// 本单位固定资产总量为4295.98万元，房屋和构筑物3773.63万元，占固定资产总额的87.84%；设备335.24万元，占固定资产总额的7.90%。
    /// ```
    /// ```text
    /// 本单位固定资产总量为4295.98万元，房屋和构筑物3773.63万元，占固定资产总额的87.84%；设备335.24万元，占固定资产总额的7.80%。
    /// ```
    pub RULE = N305 "share-mismatch", Category::Narrative, Severity::Error;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for s in &ctx.doc.claims.shares {
        let Some(whole) = s.whole.as_ref() else {
            out.skip(
                format!("占比 {}", pct(s.share.value)),
                if s.whole_name.is_empty() {
                    "文字没有说明是占哪个总数的比例".to_string()
                } else {
                    format!("文字没有给出“{}”的总数", s.whole_name)
                },
            );
            continue;
        };
        let (part, w) = (approx(&s.part.q), approx(&whole.q));
        let Some(range) = part.percent_of(w) else {
            continue;
        };
        let held = percent_agrees(&s.share, range);
        out.checked(held, [loc(&s.share), loc(&s.part.q), loc(&whole.q)]);
        if held {
            continue;
        }
        let m = mid(range);
        let f = out.report(
            loc(&s.share),
            format!(
                "{} {} 与 {} {} ÷ {} {} = {} 不符",
                if s.completion { "完成率" } else { "占比" },
                pct(s.share.value),
                s.part.label,
                amt(part.value),
                whole.label,
                amt(w.value),
                pct(m)
            ),
        );
        f.amounts(m, s.share.value)
            .related(loc(&s.part.q), "分项")
            .related(loc(&whole.q), "总数");
    }
}
