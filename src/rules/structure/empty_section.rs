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
        // 目录 entries (“一、部门预算收支总表”, “五、一般公共预算支出情况表（按功能分类科目）”) are
        // not section headings
        let bare = text.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
        let bare = match bare.rfind(['（', '(']) {
            Some(k) if bare.ends_with(['）', ')']) => &bare[..k],
            _ => bare,
        };
        if bare.trim_end().ends_with('表') {
            continue;
        }
        // a numbered list item that holds its own sentence (“（一）工资福利支出911.21万元，占…”)
        if text.contains(['，', '；', '。']) {
            continue;
        }
        // a 目录: a whole outline, from its first item on, printed as four or more headings in a
        // row with nothing between them (the 目录 of 12, 24, 26, 33, 39, 41 and 43 in the corpus);
        // two or three empty sections in a row are real defects (seed 000)
        if in_outline_run(ctx, i) || under_contents(ctx, i) {
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

/// Does paragraph `i` stand in a run of four or more headings, with only white space between
/// them, that starts with the first item of a list (一、 / （一） / 1、 / 第一部分)? The empty
/// sections 三、 and 四、 of seed 000, followed by 五、 and 第一部分, are no such run.
fn in_outline_run(ctx: &Ctx, i: usize) -> bool {
    let ps = &ctx.doc.paragraphs;
    let adjacent = |a: usize, b: usize| {
        ps[a].is_heading
            && ps[b].is_heading
            && ctx
                .src
                .get(ps[a].span.end as usize..ps[b].span.start as usize)
                .is_some_and(|g| g.trim().is_empty())
    };
    let mut lo = i;
    while lo > 0 && adjacent(lo - 1, lo) {
        lo -= 1;
    }
    let mut hi = i;
    while hi + 1 < ps.len() && adjacent(hi, hi + 1) {
        hi += 1;
    }
    // (the run's title, such as “2026年度部门预算情况说明”, may stand before its first item)
    hi - lo + 1 >= 4
        && (lo..=(lo + 1).min(hi)).any(|k| {
            let t = crate::parse::narrative::strip_bookmark(ps[k].span.slice(ctx.src).trim());
            starts_a_list(t.trim_start_matches('#').trim())
        })
}

/// Does paragraph `i` stand in a 目录: after a line reading 目录 (目 录), with only headings and
/// short lines without a sentence between (corpus 15, whose 目录 entries wrap over two lines)?
fn under_contents(ctx: &Ctx, i: usize) -> bool {
    let ps = &ctx.doc.paragraphs;
    for p in ps[..i].iter().rev() {
        let t: String = p
            .span
            .slice(ctx.src)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        // (the 目录 line may close the paragraph of the cover before it)
        let has_contents_line = p.span.slice(ctx.src).lines().any(|l| {
            let l: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            l == "目录"
        });
        if has_contents_line {
            return true;
        }
        if !p.is_heading && (t.contains(['，', '。', '；']) || t.chars().count() > 40) {
            return false;
        }
    }
    false
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
