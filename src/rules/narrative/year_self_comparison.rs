use crate::declare_rule;
use crate::report::{Location, Severity};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 年份与自身比较
    ///
    /// ## 检查内容
    /// “2025年……预算 X万元，比2025年减少 …”：本年数标着的年份和比较对象的年份相同，而比较对象没有另外说明
    /// 是决算、年初预算或执行数。这通常是年份写错（本年写成了上年）。
    /// ## 为什么重要
    /// 年份错了，读者无法知道比较的是哪两年，数字也可能被套用到错误的年度。
    /// ## 示例
    /// ```text,expect(N308)
    /// 2025年“三公”经费预算13.85万元，比2025年减少5.45万元。
    /// ```
    /// ```text
    /// 2026年“三公”经费预算13.85万元，比2025年减少5.45万元。
    /// ```
    pub RULE = N308 "year-self-comparison", Category::Narrative, Severity::Warning;
}

/// The first "YYYY年" in a text.
fn year(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(6)).find_map(|i| {
        (b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && t[i + 4..].starts_with('年'))
        .then(|| &t[i..i + 4])
    })
}

const KINDS: [&str; 5] = ["决算", "年初", "执行", "调整", "预计"];

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for ch in &ctx.doc.claims.changes {
        let Some(cur) = ch.current.as_ref() else {
            continue;
        };
        if ch.current_from != Some(crate::model::Source::Sentence) {
            continue;
        }
        let (Some(py), Some(cy)) = (year(&ch.period), year(&cur.label)) else {
            continue;
        };
        if py != cy
            || KINDS
                .iter()
                .any(|k| ch.period.contains(k) || cur.label.contains(k))
        {
            continue;
        }
        out.report(
            Location::text(cur.q.span),
            format!(
                "“{}”与“{}”是同一年（{}年），比较的年份有误",
                cur.label, ch.period, cy
            ),
        )
        .related(Location::text(ch.comparator), "比较");
    }
}
