use crate::declare_rule;
use crate::model::{ColKey, Mention, MentionKind, RowRole, TableKind};
use crate::parse::number::parse_amount;
use crate::render::amount::pct;
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::approx::percent_meets;
use crate::rules::util::{cell_loc, tables, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 增减额或增减幅度算错
    ///
    /// ## 检查内容
    /// “较上年（X万元）增加/减少 Δ 万元，增长/下降 Y%”这类句子：本年数 − 上年数 = Δ，Y = Δ ÷ 上年数。
    /// 本年数取同一句中“比/较”前面的金额；句中没有时，基本支出、项目支出取支出总表合计行，其他取前文说到同一事项的金额。
    /// 上年数印出时直接用，未印出时按 本年数 ∓ Δ 推出。百分数按印刷精度（“25%”即 [24.5%, 25.5%)）比较。
    /// 本年数取自前文（不在同一句）时，结论为警告。
    /// ## 为什么重要
    /// 增减幅度是读者最先看的数字，用错分母或抄错增减额会误导公众。
    /// ## 示例
    /// ```text,expect(N302)
    /// 2022年项目支出378.82万元，比上年增加240.32万元，增长17.19%。
    /// ```
    /// ```text
    /// 2022年预算收支安排1927.16万元，较2021年预算1536.36万元增加390.80万元，增加25%。
    /// ```
    pub RULE = N302 "change-mismatch", Category::Narrative, Severity::Error;
}

const VERBS: [&str; 6] = ["增加", "减少", "增长", "下降", "增", "减"];

fn clause_before(src: &str, end: usize, max_chars: usize) -> &str {
    let start_guess = src[..end]
        .char_indices()
        .rev()
        .nth(max_chars)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let s = &src[start_guess..end];
    match s.rfind(['，', '。', '；', '：']) {
        Some(i) => &s[i + s[i..].chars().next().map(char::len_utf8).unwrap_or(1)..],
        None => s,
    }
}

fn sentence_before(src: &str, end: usize) -> &str {
    let s = &src[..end];
    match s.rfind(['。', '！', '？']) {
        Some(i) => &s[i + s[i..].chars().next().map(char::len_utf8).unwrap_or(1)..],
        None => s,
    }
}

/// A bare number right before the verb: "比2021年度 60.48增长 9.77万元" → 60.48.
fn bare_prior(before_verb: &str) -> Option<(Approx, usize)> {
    let t = before_verb.trim_end();
    let start = t
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map(|i| i + t[i..].chars().next().map(char::len_utf8).unwrap_or(1))
        .unwrap_or(0);
    let num = &t[start..];
    if !num.contains('.') {
        return None;
    }
    parse_amount(num, true).map(|a| (Approx::printed(a.value, a.scale), start))
}

fn approx(m: &Mention) -> Approx {
    Approx::printed(m.value, m.scale)
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let src = ctx.src;
    let doc = ctx.doc;
    let all: Vec<(usize, &Mention)> = doc
        .paragraphs
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| p.mentions.iter().map(move |m| (pi, m)))
        .collect();
    for (k, &(pi, p)) in all.iter().enumerate() {
        if p.kind != MentionKind::Percent || k == 0 {
            continue;
        }
        let (dpi, d) = all[k - 1];
        if dpi != pi || !matches!(d.kind, MentionKind::Amount(_)) {
            continue;
        }
        let between = &src[d.span.end as usize..p.span.start as usize];
        if between.chars().count() > 14
            || between.contains('占')
            || !VERBS.iter().any(|v| between.contains(v))
        {
            continue;
        }
        let before_d = clause_before(src, d.span.start as usize, 16);
        let Some(verb) = VERBS
            .iter()
            .filter_map(|v| before_d.rfind(v).map(|i| (i, *v)))
            .max_by_key(|x| x.0)
        else {
            continue;
        };
        if before_d.contains('占') {
            continue;
        }
        let decrease =
            verb.1.contains('减') || verb.1 == "下降" || before_d[verb.0..].contains("下降");
        let dv = approx(d);
        let delta = if decrease {
            Approx {
                value: -dv.value,
                half: dv.half,
            }
        } else {
            dv
        };
        let d0 = d.span.start as usize;
        let sentence = sentence_before(src, d0);
        let sent_start = d0 - sentence.len();
        // the clause of the verb, plus the clause before it when that is only "与上年相比" / "同比"
        let clause_start = d0 - before_d.len();
        let mut region_start = clause_start;
        let delim = src[..clause_start]
            .char_indices()
            .next_back()
            .map(|(i, _)| i)
            .unwrap_or(0)
            .max(sent_start);
        let prev = clause_before(src, delim, 12);
        let prev_start = delim - prev.len();
        if (prev.contains('比') || prev.contains('较'))
            && prev_start >= sent_start
            && !all[..k - 1].iter().any(|(_, m)| {
                (m.span.start as usize) >= prev_start && (m.span.start as usize) < clause_start
            })
        {
            region_start = prev_start;
        }
        let region = &src[region_start..d0];
        let mut prior: Option<(Approx, Location)> = None;
        let mut current: Option<(Approx, Location, bool)> = None;
        let cmp = ["比", "较", "相比"]
            .iter()
            .filter_map(|w| region.find(w))
            .min()
            .map(|i| region_start + i);
        if let Some(cmp) = cmp {
            for (_, m) in all[..k - 1]
                .iter()
                .filter(|(q, m)| *q == pi && matches!(m.kind, MentionKind::Amount(_)))
            {
                let at = m.span.start as usize;
                if at >= cmp && at < d0 {
                    prior = Some((approx(m), Location::text(m.span)));
                }
            }
            if prior.is_none() {
                let upto = &src[cmp..clause_start + verb.0];
                if let Some((a, off)) = bare_prior(upto) {
                    prior = Some((
                        a,
                        Location::text(crate::text::Span::new(
                            cmp + off,
                            cmp + upto.trim_end().len(),
                        )),
                    ));
                }
            }
        }
        let subject_end = cmp.unwrap_or(clause_start + verb.0);
        // current: the nearest amount before the comparison in the same sentence
        if let Some((_, m)) = all[..k - 1]
            .iter()
            .rev()
            .filter(|_| cmp.is_some())
            .find(|(q, m)| {
                *q == pi
                    && matches!(m.kind, MentionKind::Amount(_))
                    && (m.span.start as usize) >= sent_start
                    && (m.span.end as usize) <= region_start
            })
        {
            current = Some((approx(m), Location::text(m.span), true));
        }
        let subject = clause_before(src, subject_end, 24);
        if current.is_none() {
            current = from_tables(ctx, subject)
                .map(|(a, l)| (a, l, true))
                .or_else(|| from_earlier(&all[..k - 1], src, subject).map(|(a, l)| (a, l, false)));
        }
        let sure = current.as_ref().is_none_or(|c| c.2);
        // Δ = current − prior
        if let (Some((cv, cl, _)), Some((pv, pl))) = (current, prior) {
            let diff = cv - pv;
            let held = diff.meets(delta);
            out.checked(held, [Location::text(d.span), cl, pl]);
            if !held {
                let sev = if sure {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let f = out.report_as(
                    sev,
                    Location::text(d.span),
                    format!(
                        "增减额 {} 与 本年数 {} − 上年数 {} = {} 不符（差 {}）",
                        amt(delta.value),
                        amt(cv.value),
                        amt(pv.value),
                        amt(diff.value),
                        amt(delta.value - diff.value)
                    ),
                );
                f.amounts(diff.value, delta.value)
                    .related(cl, "本年数")
                    .related(pl, "上年数");
            }
        }
        // Y = Δ / prior
        let prior_v = match (prior, current) {
            (Some((pv, _)), _) => Some(pv),
            (None, Some((cv, _, _))) => Some(cv - delta),
            _ => None,
        };
        let Some(pv) = prior_v else { continue };
        let Some(range) = Approx {
            value: dv.value,
            half: dv.half,
        }
        .percent_of(pv) else {
            continue;
        };
        let held = percent_meets(p.value, p.scale, range);
        out.checked(
            held,
            [Location::text(p.span), Location::text(d.span)]
                .into_iter()
                .chain(current.map(|c| c.1)),
        );
        if !held {
            let sev = if sure {
                Severity::Error
            } else {
                Severity::Warning
            };
            let mid = (range.0 + range.1) / rust_decimal::Decimal::from(2);
            let f = out.report_as(
                sev,
                Location::text(p.span),
                format!(
                    "增减幅度 {} 与 增减额 {} ÷ 上年数 {} = {} 不符",
                    pct(p.value),
                    amt(dv.value),
                    amt(pv.value),
                    pct(mid)
                ),
            );
            f.amounts(mid.round_dp(2), p.value)
                .related(Location::text(d.span), "增减额");
            if let Some((_, cl, _)) = current {
                f.related(cl, "本年数");
            }
        }
    }
}

/// 基本支出 / 项目支出: the 合计 row of the first 支出总表 (or 一般公共预算支出表).
fn from_tables(ctx: &Ctx, subject: &str) -> Option<(Approx, Location)> {
    let key = if subject.contains("基本支出") {
        ColKey::Basic
    } else if subject.contains("项目支出") {
        ColKey::Project
    } else {
        return None;
    };
    for kind in [
        TableKind::ExpenditureSummary,
        TableKind::GeneralBudgetExpenditure,
    ] {
        if let Some(t) = tables(ctx.doc, 0, kind).next() {
            let (Some(c), Some(r)) = (
                t.col(key),
                t.rows.iter().position(|r| r.role == RowRole::Total),
            ) else {
                continue;
            };
            let row = &t.rows[r];
            if row.cell(c).is_some_and(|x| x.certain) {
                return val(row, c).map(|v| {
                    (
                        v.convert(t.unit, crate::model::Unit::Wan),
                        cell_loc(t, r, c),
                    )
                });
            }
        }
    }
    None
}

/// The nearest earlier amount whose clause names the same thing (机关运行经费 → "运行经费共计安排 73.25万元").
fn from_earlier(
    before: &[(usize, &Mention)],
    src: &str,
    subject: &str,
) -> Option<(Approx, Location)> {
    let mut core: String = subject.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(i) = core.rfind(['：', '，']) {
        core = core[i + 3..].to_string();
    }
    for suffix in ["预算数", "预算", "支出"] {
        if let Some(s) = core.strip_suffix(suffix) {
            core = s.to_string();
        }
    }
    let chars: Vec<char> = core.chars().collect();
    for len in (4..=chars.len()).rev() {
        let key: String = chars[chars.len() - len..].iter().collect();
        for (_, m) in before.iter().rev() {
            if !matches!(m.kind, MentionKind::Amount(_)) {
                continue;
            }
            let clause: String = clause_before(src, m.span.start as usize, 40)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if clause.contains(&key)
                && !VERBS.iter().take(4).any(|v| clause.contains(v))
                && !clause.contains('比')
                && !clause.contains('较')
            {
                return Some((approx(m), Location::text(m.span)));
            }
        }
    }
    None
}
