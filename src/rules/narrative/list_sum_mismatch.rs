use super::{approx, loc};
use crate::declare_rule;
use crate::render::amt;
use crate::report::Severity;
use crate::rules::{Approx, Category, Ctx, Sink};
use rust_decimal::Decimal;

declare_rule! {
    /// 文字列举的分项与总数不符
    ///
    /// ## 检查内容
    /// “总数 T，其中/包括 A a、B b ……”这类句子：列出的分项之和不能大于总数（“其中”的一个分项也不能大于总数），
    /// 金额和数量（台、辆、个）都核对。文字说列举完整时（“包括 …”，或基本支出 + 项目支出、人员经费 + 公用经费
    /// 这类完整拆分），分项之和还必须等于总数。“其中”只列一部分、“主要包括”、以“等”结尾的列举，不要求相等。
    /// 按印刷精度比较（每个数 ±半个末位；数量和印作“0”的零是精确的）。同时列出某项和它的下级（基本支出与
    /// 人员经费、公用经费）时只算上级。列举没有用“其中：”标明、又有多个分项时，分项可能读过了头，结论为警告。
    /// ## 为什么重要
    /// 分项大于总数，说明总数或分项至少有一个印错；读者无从判断哪个可信。
    /// ## 示例
    /// ```text,expect(N304)
    /// 截至上年末，单位价值 50 万元以上设备 8 台，其中，单位价值 100 万元以上设备 15 台。
    /// ```
    /// ```text
    /// 2022年预算收入1927.16万元，其中：一般公共预算拨款收入1716.84万元，上年结转210.32万元。
    /// ```
    pub RULE = N304 "list-sum-mismatch", Category::Narrative, Severity::Error;
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for l in &ctx.doc.claims.lists {
        if l.whole.q.value < Decimal::ZERO || l.parts.iter().any(|p| p.q.value < Decimal::ZERO) {
            continue;
        }
        let whole = approx(&l.whole.q);
        let sum: Approx = l.parts.iter().map(|p| approx(&p.q)).sum();
        let exceeds = sum.value > whole.value && !sum.meets(whole);
        let held = !exceeds && (!l.complete || sum.meets(whole));
        out.checked(
            held,
            std::iter::once(loc(&l.whole.q)).chain(l.parts.iter().map(|p| loc(&p.q))),
        );
        if held {
            continue;
        }
        let unit = l
            .whole
            .q
            .count_word
            .clone()
            .unwrap_or_else(|| "万元".into());
        let terms: Vec<String> = l
            .parts
            .iter()
            .map(|p| {
                format!(
                    "{}{}",
                    p.label,
                    amt_or_count(p.q.value, p.q.count_word.is_some())
                )
            })
            .collect();
        let whole_s = amt_or_count(whole.value, l.whole.q.count_word.is_some());
        let message = if exceeds && l.parts.len() == 1 {
            format!(
                "“{}”下的分项 {} {}{} 大于总数 {}{}（{}）",
                l.keyword.value,
                l.parts[0].label,
                amt_or_count(sum.value, l.whole.q.count_word.is_some()),
                unit,
                whole_s,
                unit,
                l.whole.label
            )
        } else if exceeds {
            format!(
                "“{}”列出的分项之和 {} = {}{} 大于总数 {}{}（{}）",
                l.keyword.value,
                terms.join(" + "),
                amt_or_count(sum.value, l.whole.q.count_word.is_some()),
                unit,
                whole_s,
                unit,
                l.whole.label
            )
        } else {
            format!(
                "文字列举完整（“{}”），但分项之和 {} = {}{} 与总数 {}{} 不符（差 {}）",
                l.keyword.value,
                terms.join(" + "),
                amt(sum.value),
                unit,
                amt(whole.value),
                unit,
                amt(whole.value - sum.value)
            )
        };
        // "预算支出1682.76元，其中基本支出预算1208.20万元" (corpus 41): the whole's unit
        let message = if exceeds
            && matches!(
                l.whole.q.measure,
                crate::model::Measure::Money(crate::model::Unit::Yuan)
            )
            && l.parts.iter().all(|p| {
                matches!(
                    p.q.measure,
                    crate::model::Measure::Money(crate::model::Unit::Wan)
                )
            })
            && Approx::printed(l.whole.q.value, l.whole.q.scale).hi() >= sum.value
        {
            format!(
                "{message}；总数印作 {} 元，按 万元 读才说得通，单位可能印错",
                l.whole.q.value
            )
        } else {
            message
        };
        // several parts of a list whose end is not marked may run past it: a warning
        let sev = if l.parts.len() == 1 || l.explicit {
            Severity::Error
        } else {
            Severity::Warning
        };
        let f = out.report_as(sev, loc(&l.whole.q), message);
        f.amounts(sum.value, whole.value);
        for p in &l.parts {
            f.related(loc(&p.q), format!("分项 {}", p.label));
        }
    }
}

fn amt_or_count(v: Decimal, count: bool) -> String {
    if count {
        v.normalize().to_string()
    } else {
        amt(v)
    }
}
