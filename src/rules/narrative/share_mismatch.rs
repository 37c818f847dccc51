use super::{approx, loc, mid, percent_agrees};
use crate::declare_rule;
use crate::render::amount::pct;
use crate::render::amt;
use crate::report::Severity;
use crate::rules::{Category, Ctx, Sink};
use rust_decimal::Decimal;

declare_rule! {
    /// 占比算错
    ///
    /// ## 检查内容
    /// “A a万元，占 X 的 s%”：s = a ÷ X。X 取文字在前面给出的总数：同一个“其中”列举的总数，或前文标签
    /// 说到同一事物的金额（“占固定资产总额的” → “固定资产总量为 4295.98万元”）。找不到总数时不核对。
    /// 同一句里说明同一总数（没找到总数）的各项占比，合计不能超过 100%（每项允许半个末位的舍入），否则给警告。
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
    shares_over_100(ctx, out);
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

/// Shares of one whole printed in one sentence (same words for the whole, no whole found) must not
/// add to more than 100 % beyond the rounding of each; truncation only lowers them.
fn shares_over_100(ctx: &Ctx, out: &mut Sink) {
    let shares = &ctx.doc.claims.shares;
    let mut i = 0;
    while i < shares.len() {
        let s = &shares[i];
        let mut j = i + 1;
        while j < shares.len()
            && shares[j].sentence == s.sentence
            && shares[j].whole_name == s.whole_name
            && shares[j].completion == s.completion
        {
            j += 1;
        }
        let group = &shares[i..j];
        i = j;
        if s.completion || group.len() < 2 || s.whole.is_some() {
            continue;
        }
        let sum: Decimal = group.iter().map(|x| x.share.value).sum();
        let tol: Decimal = group.iter().map(|x| approx(&x.share).half).sum();
        let hundred = Decimal::from(100);
        let held = sum <= hundred + tol;
        out.checked(held, group.iter().map(|x| loc(&x.share)));
        if held {
            continue;
        }
        let terms: Vec<String> = group.iter().map(|x| pct(x.share.value)).collect();
        let last = group.last().expect("two or more");
        let f = out.report_as(
            crate::report::Severity::Warning,
            loc(&last.share),
            format!(
                "同一总数的各项占比 {} 合计 {}，超过 100%",
                terms.join(" + "),
                pct(sum)
            ),
        );
        f.amounts(hundred, sum);
        for x in &group[..group.len() - 1] {
            f.related(loc(&x.share), format!("占比 {}", x.part.label));
        }
    }
}
