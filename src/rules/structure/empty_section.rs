use crate::declare_rule;
use crate::report::{Location, Severity};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 情况说明的标准部分没有内容
    ///
    /// ## 检查内容
    /// 情况说明中关于收支、机关运行经费、“三公”经费、政府采购、国有资产、绩效目标、部门职责的标题下应有正文；
    /// 标题后紧接着就是同级或上级标题，说明这一部分是空的。
    /// ## 为什么重要
    /// 这些部分是公开规程要求说明的内容；只有标题没有内容，等于没有公开。
    /// ## 示例
    /// ```text,expect(P006)
    /// 三、机关运行经费安排情况
    /// 四、财政拨款“三公”经费预算情况
    /// 2023年“三公”经费预算6.00万元。
    /// ```
    /// ```text
    /// 三、机关运行经费安排情况
    /// 2023年机关运行经费预算42.73万元。
    /// 四、财政拨款“三公”经费预算情况
    /// 2023年“三公”经费预算6.00万元。
    /// ```
    pub RULE = P006 "empty-narrative-section", Category::Structure, Severity::Warning;
}

/// "（一）…", "一、…", "1、…", "第一部分…": the first item of a new list, i.e. a sub-part of the heading before.
fn starts_a_list(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_start_matches(['（', '(']).trim_start_matches('第');
    (t.starts_with('一') && !t.starts_with("一般")) || t.starts_with("1、") || t.starts_with("1.")
}

const TOPICS: [&str; 9] = [
    "收支",
    "收入",
    "支出",
    "运行经费",
    "三公",
    "政府采购",
    "国有资产",
    "绩效",
    "职责",
];

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let ps = &ctx.doc.paragraphs;
    for (i, p) in ps.iter().enumerate() {
        if !p.is_heading {
            continue;
        }
        let text = crate::parse::narrative::strip_bookmark(p.span.slice(ctx.src).trim());
        // 目录 entries (“一、部门预算收支总表”) are not section headings
        if text.ends_with('表') {
            continue;
        }
        if !TOPICS.iter().any(|t| text.contains(t))
            || text.contains("....")
            || text.contains("目录")
        {
            continue;
        }
        let level = p.heading.len();
        let Some(next) = ps.get(i + 1) else { continue };
        // the next paragraph is a heading at the same or a higher level: nothing under this one
        let next_text = crate::parse::narrative::strip_bookmark(next.span.slice(ctx.src).trim())
            .trim_start_matches('#')
            .trim();
        if next.is_heading
            && next.heading.len() <= level
            && next.span.start > p.span.end
            && !starts_a_list(next_text)
        {
            let between = &ctx.src[p.span.end as usize..next.span.start as usize];
            if between.trim().is_empty() {
                let at = p.span.start as usize + p.span.slice(ctx.src).find(text).unwrap_or(0);
                out.report(
                    Location::text(crate::text::Span::new(at, at + text.len())),
                    format!("「{}」标题下没有内容", text.trim_start_matches('#').trim()),
                );
            }
        }
    }
}
