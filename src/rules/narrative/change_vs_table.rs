use crate::declare_rule;
use crate::model::{MentionKind, Paragraph, RowRole, ThreePublicItem as Item, Unit};
use crate::render::amount::pct;
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::approx::percent_meets;
use crate::rules::narrative::amount_mismatch::{label_before, matches_key};
use crate::rules::util::{cell_loc, section_at, val, year_pairs};
use crate::rules::{Approx, Category, Ctx, Sink};
use rust_decimal::Decimal;

declare_rule! {
    /// 文字说明的增减与表中上年数不符
    ///
    /// ## 检查内容
    /// “X万元，较上年增加/减少 Δ 万元（Y%）”这类句子，当表中印有同一事项的上年数（“三公”经费表的上年 / 当年
    /// 分块、带“上年预算数”列的表）时：先确认 X 就是表中本年数，再核对 Δ = 本年 − 上年（差错为错误），
    /// Δ 相符时再核对 Y = Δ ÷ 上年（不符为警告：作者可能用四舍五入后的万元数计算百分比）。
    /// 句子自身的算术（Δ 与 Y 是否相互吻合）由 N302 核对。
    /// ## 为什么重要
    /// 文字里的增减是读者判断预算变化的依据；与表中两年的数对不上，说明增减额或上年数抄错了。
    /// ## 示例
    /// ```text,expect(N303)
    /// 2023年“三公”经费预算表
    /// 单位：万元
    /// 项目	上年预算数	本年预算数
    /// 公务接待费	2.04	4.14
    ///
    /// 三、“三公”经费预算情况说明
    /// 公务接待费4.14万元，较上年增加2.4万元（138%）。
    /// ```
    /// ```text
    /// 2023年“三公”经费预算表
    /// 单位：万元
    /// 项目	上年预算数	本年预算数
    /// 公务接待费	2.04	4.14
    ///
    /// 三、“三公”经费预算情况说明
    /// 公务接待费4.14万元，较上年增加2.1万元（102.9%）。
    /// ```
    pub RULE = N303 "change-vs-table", Category::Narrative, Severity::Error;
}

/// One quantity the tables print for this year and last year.
struct Entry {
    name: String,
    item: Option<Item>,
    unit: Unit,
    current: (Approx, Location),
    last: (Approx, Location),
    table: String,
}

fn entries(ctx: &Ctx, section: usize) -> Vec<Entry> {
    let mut out = Vec::new();
    for t in ctx.doc.tables.iter().filter(|t| t.section == section) {
        let pairs = year_pairs(t);
        let mut push = |name: String, ri: usize, p: &crate::rules::util::YearPair| {
            let r = &t.rows[ri];
            if let (Some(c), Some(l)) = (val(r, p.current), val(r, p.last)) {
                if r.cell(p.current).is_some() || r.cell(p.last).is_some() {
                    out.push(Entry {
                        item: Item::of_name(&name),
                        name,
                        unit: t.unit,
                        current: (c, cell_loc(t, ri, p.current)),
                        last: (l, cell_loc(t, ri, p.last)),
                        table: t.label(),
                    });
                }
            }
        };
        match pairs.len() {
            0 => {}
            // one 上年 column: every row is a quantity
            1 => {
                for ri in 0..t.rows.len() {
                    push(t.rows[ri].plain_name(), ri, &pairs[0]);
                }
            }
            // year blocks: every column is a quantity, the department's is the 合计 row
            _ => {
                let Some(ri) = t
                    .rows
                    .iter()
                    .position(|r| r.role == RowRole::Total)
                    .or((!t.rows.is_empty()).then_some(0))
                else {
                    continue;
                };
                for p in &pairs {
                    push(p.item.clone(), ri, p);
                }
            }
        }
    }
    out
}

const VERBS: [&str; 5] = ["增加", "减少", "增长", "下降", "降低"];

/// "较上年增加" / "比上年减少" / "同比增长" right before the amount (same clause).
fn change_verb(before: &str) -> Option<bool> {
    let clause = before
        .rsplit(['，', '。', '；', '：', ',', ';'])
        .next()
        .unwrap_or(before);
    if clause.chars().count() > 16 || clause.contains('占') {
        return None;
    }
    if !(clause.contains("上年") || clause.contains("同比") || clause.contains("去年")) {
        return None;
    }
    let v = VERBS
        .iter()
        .filter_map(|v| clause.rfind(v).map(|i| (i, *v)))
        .max_by_key(|x| x.0)?;
    Some(v.1 == "减少" || v.1 == "下降" || v.1 == "降低")
}

fn abs_range(r: (Decimal, Decimal)) -> (Decimal, Decimal) {
    if r.1 <= Decimal::ZERO {
        (-r.1, -r.0)
    } else {
        r
    }
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let doc = ctx.doc;
    let src = ctx.src;
    for s in 0..doc.sections.len() {
        let dict = entries(ctx, s);
        if dict.is_empty() {
            continue;
        }
        for p in doc
            .paragraphs
            .iter()
            .filter(|p| section_at(doc, p.span.start) == s)
        {
            check_paragraph(src, p, &dict, out);
        }
    }
}

fn check_paragraph(src: &str, p: &Paragraph, dict: &[Entry], out: &mut Sink) {
    let ms = &p.mentions;
    for k in 1..ms.len() {
        let (c, d) = (&ms[k - 1], &ms[k]);
        let (MentionKind::Amount(unit), MentionKind::Amount(du)) = (c.kind, d.kind) else {
            continue;
        };
        if du != unit {
            continue;
        }
        let between = &src[c.span.end as usize..d.span.start as usize];
        if between.contains(['。', '；']) || between.chars().count() > 20 {
            continue;
        }
        let Some(decrease) = change_verb(between) else {
            continue;
        };
        let Some(label) = label_before(&src[p.span.start as usize..c.span.start as usize]) else {
            continue;
        };
        let item = Item::of_name(&label);
        let cv = Approx::printed(c.value, c.scale);
        let Some(e) = dict.iter().find(|e| {
            let same = match (item, e.item) {
                (Some(a), Some(b)) => a == b,
                (None, None) => matches_key(&label, &crate::parse::normalize_name(&e.name)),
                _ => false,
            };
            same && e.current.0.convert(e.unit, unit).meets(cv)
        }) else {
            continue;
        };
        let cur = e.current.0.convert(e.unit, unit);
        let last = e.last.0.convert(e.unit, unit);
        let table_delta = cur - last;
        let printed = Approx::printed(d.value, d.scale);
        let claimed = if decrease {
            Approx {
                value: -printed.value,
                half: printed.half,
            }
        } else {
            printed
        };
        let percent = ms.get(k + 1).filter(|m| {
            m.kind == MentionKind::Percent
                && !src[d.span.end as usize..m.span.start as usize].contains(['。', '；', '，'])
                && src[d.span.end as usize..m.span.start as usize]
                    .chars()
                    .count()
                    <= 8
        });
        let table_pct = table_delta.percent_of(last).map(abs_range);
        let u = unit.label();
        let verb = if decrease { "减少" } else { "增加" };
        let held = table_delta.meets(claimed);
        out.checked(
            held,
            [
                Location::text(d.span),
                Location::text(c.span),
                e.current.1,
                e.last.1,
            ],
        );
        if !held {
            let pct_note = table_pct
                .map(|r| format!("，增减幅度 {}", pct((r.0 + r.1) / Decimal::from(2))))
                .unwrap_or_default();
            let f = out.report(
                Location::text(d.span),
                format!(
                    "文字说「{label}」较上年{verb} {}{u}，但{}中本年 {}{u} − 上年 {}{u} = {}{u}{pct_note}（差 {}）",
                    amt(printed.value),
                    e.table,
                    amt(cur.value),
                    amt(last.value),
                    amt(table_delta.value),
                    amt(claimed.value - table_delta.value)
                ),
            );
            f.amounts(table_delta.value, claimed.value)
                .related(e.current.1, "表中本年数")
                .related(e.last.1, "表中上年数")
                .related(Location::text(c.span), "文字中本年数");
            if let Some(m) = percent {
                f.related(Location::text(m.span), "文字中增减幅度");
            }
            continue;
        }
        let (Some(m), Some(range)) = (percent, table_pct) else {
            continue;
        };
        let held = percent_meets(m.value.abs(), m.scale, range);
        out.checked(held, [Location::text(m.span), e.current.1, e.last.1]);
        if held {
            continue;
        }
        let mid = (range.0 + range.1) / Decimal::from(2);
        let f = out.report_as(
            Severity::Warning,
            Location::text(m.span),
            format!(
                "文字说「{label}」较上年{verb} {}，但{}中 ({}{u} − {}{u}) ÷ {}{u} = {}",
                pct(m.value.abs()),
                e.table,
                amt(cur.value),
                amt(last.value),
                amt(last.value),
                pct(mid)
            ),
        );
        f.amounts(mid.round_dp(2), m.value.abs())
            .related(e.current.1, "表中本年数")
            .related(e.last.1, "表中上年数")
            .related(Location::text(d.span), "文字中增减额");
    }
}
