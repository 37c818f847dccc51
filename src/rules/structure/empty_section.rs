use crate::declare_rule;
use crate::report::{Location, Severity};
use crate::rules::{Category, Ctx, Sink};

declare_rule! {
    /// 情况说明的标准部分没有内容
    ///
    /// ## 检查内容
    /// 情况说明中关于收支、机关运行经费、“三公”经费、政府采购、国有资产、绩效目标、部门职责的标题下应有正文；
    /// 标题后紧接着就是同级或上级标题，说明这一部分是空的。“部门职责：”这样的标签后面没有文字（紧接着是下一个标签或段落结束），
    /// 以及“预算安排的总体情况”一节只有套话、没有写出任何金额，也按没有内容报告。
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
        if text.contains("总体情况") && !text.contains("....") {
            boilerplate_only(ctx, i, text, out);
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
                continue;
            }
        }
    }
    for p in ps.iter().filter(|p| !p.is_heading) {
        empty_labels(p.span.start as usize, p.span.slice(ctx.src), out);
    }
}

/// "部门职责：" with nothing after it before the next label ("机构设置：") or the end of the paragraph.
fn empty_labels(start: usize, text: &str, out: &mut Sink) {
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .map(|l| {
            let at = offset;
            offset += l.len() + 1;
            (at, l)
        })
        .collect();
    for (k, &(at, line)) in lines.iter().enumerate() {
        let t = line.trim();
        let Some(label) = t.strip_suffix('：').or_else(|| t.strip_suffix(':')) else {
            continue;
        };
        if !label.ends_with("职责") || label.chars().count() > 10 {
            continue;
        }
        let next = lines[k + 1..]
            .iter()
            .map(|l| l.1.trim())
            .find(|l| !l.is_empty());
        let empty = match next {
            None => true,
            Some(n) => (n.ends_with('：') || n.ends_with(':')) && n.chars().count() <= 12,
        };
        if empty {
            let s = start + at + (line.len() - line.trim_start().len());
            out.report(
                Location::text(crate::text::Span::new(s, s + t.len())),
                format!("「{label}」后面没有内容"),
            );
        }
    }
}

/// A 总体情况 section whose text names no amount at all: the 收入 and 支出 totals are not stated.
fn boilerplate_only(ctx: &Ctx, i: usize, text: &str, out: &mut Sink) {
    let ps = &ctx.doc.paragraphs;
    let level = ps[i].heading.len();
    let body: Vec<&crate::model::Paragraph> = ps[i + 1..]
        .iter()
        .take_while(|p| !(p.is_heading && p.heading.len() <= level))
        .collect();
    let has_text = body
        .iter()
        .any(|p| p.span.slice(ctx.src).trim().chars().count() > 10);
    let amounts = body.iter().any(|p| {
        p.mentions
            .iter()
            .any(|m| matches!(m.kind, crate::model::MentionKind::Amount(_)))
    });
    if has_text && !amounts {
        let p = &ps[i];
        let at = p.span.start as usize + p.span.slice(ctx.src).find(text).unwrap_or(0);
        out.report(
            Location::text(crate::text::Span::new(at, at + text.len())),
            format!(
                "「{}」只有套话，没有写出收入、支出的金额",
                text.trim_start_matches('#').trim()
            ),
        );
    }
}
