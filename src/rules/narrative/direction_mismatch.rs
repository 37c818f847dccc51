use super::{approx, loc};
use crate::declare_rule;
use crate::model::Direction;
use crate::render::amt;
use crate::report::Severity;
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 增减方向与数字矛盾
    ///
    /// ## 检查内容
    /// 同一句印出了本年数和上年数时，“增加/增长”要求本年数大于上年数，“减少/下降”要求小于，“持平”要求相等；
    /// 同一个变化的增减额和幅度前面的方向词也不能一个说增、一个说减。按印刷精度比较。
    /// ## 为什么重要
    /// 方向写反，读者会得出与事实相反的结论。
    /// ## 示例
    /// ```text,expect(N306)
    /// 2024年“三公”经费预算12.50万元，比上年预算15.00万元增加2.50万元。
    /// ```
    /// ```text
    /// 2024年“三公”经费预算12.50万元，比上年预算15.00万元减少2.50万元。
    /// ```
    pub RULE = N306 "direction-mismatch", Category::Narrative, Severity::Error;
}

fn word(d: Direction) -> &'static str {
    match d {
        Direction::Up => "增加",
        Direction::Down => "减少",
        Direction::Flat => "持平",
        Direction::Unsigned => "变化",
    }
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    for ch in &ctx.doc.claims.changes {
        let Some(dir) = ch.direction.as_ref() else {
            continue;
        };
        // the rate's own direction word against the change's
        if let Some(rd) = ch.rate_direction.as_ref() {
            let opposite = matches!(
                (dir.value, rd.value),
                (Direction::Up, Direction::Down) | (Direction::Down, Direction::Up)
            );
            out.checked(
                !opposite,
                [Location::text(dir.span), Location::text(rd.span)],
            );
            if opposite {
                out.report(
                    Location::text(rd.span),
                    format!(
                        "同一变化前面说“{}”，幅度前又说“{}”",
                        ctx.src.get(dir.span.range()).unwrap_or(word(dir.value)),
                        ctx.src.get(rd.span.range()).unwrap_or(word(rd.value))
                    ),
                )
                .related(Location::text(dir.span), "方向词");
                continue;
            }
        }
        let (Some(cur), Some(prior)) = (ch.current.as_ref(), ch.prior.as_ref()) else {
            continue;
        };
        if ch.current_from != Some(crate::model::Source::Sentence) {
            continue;
        }
        let (c, p) = (approx(&cur.q), approx(prior));
        let d = c - p;
        let same = d.meets(Approx::ZERO);
        let held = match dir.value {
            Direction::Up => same || d.value > rust_decimal::Decimal::ZERO,
            Direction::Down => same || d.value < rust_decimal::Decimal::ZERO,
            Direction::Flat => same,
            Direction::Unsigned => true,
        };
        out.checked(held, [Location::text(dir.span), loc(&cur.q), loc(prior)]);
        if held {
            continue;
        }
        let actual = if same {
            "持平"
        } else if d.value > rust_decimal::Decimal::ZERO {
            "增加"
        } else {
            "减少"
        };
        out.report(
            Location::text(dir.span),
            format!(
                "写的是“{}”，但本年数 {} − 上年数 {} = {}，应为“{}”",
                word(dir.value),
                amt(c.value),
                amt(p.value),
                amt(d.value),
                actual
            ),
        )
        .related(loc(&cur.q), "本年数")
        .related(loc(prior), "上年数");
    }
}

use crate::report::Location;
