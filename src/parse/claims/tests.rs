use super::*;
use crate::model::Paragraph;
use crate::text::Span;

fn claims(src: &str) -> Claims {
    let p = Paragraph {
        heading: Vec::new(),
        span: Span::new(0, src.len()),
        mentions: Vec::new(),
        is_heading: false,
        refs: Vec::new(),
    };
    extract(src, &[p])
}

#[test]
fn change_with_printed_prior() {
    // DOMAIN.md example
    let src = "2022年预算收支安排1927.16万元，较2021年预算1536.36万元增加390.80万元，增加25%。";
    let c = claims(src);
    assert_eq!(c.changes.len(), 1);
    let ch = &c.changes[0];
    assert_eq!(ch.current.as_ref().unwrap().q.span.slice(src), "1927.16");
    assert_eq!(ch.prior.as_ref().unwrap().span.slice(src), "1536.36");
    assert_eq!(ch.delta.as_ref().unwrap().span.slice(src), "390.80");
    assert_eq!(ch.rate.as_ref().unwrap().span.slice(src), "25");
    assert_eq!(ch.period, "2021年预算");
    assert_eq!(ch.direction.as_ref().unwrap().value, Direction::Up);
}

#[test]
fn change_wrapped_over_lines() {
    // seed 003 shape, wrapped by a PDF copy between the number and its unit
    let src = "2022年项目支出378.82万元，比上年增加240.32\n万元，增长17.19%。";
    let c = claims(src);
    let ch = &c.changes[0];
    assert_eq!(ch.concept, Some("项目支出"));
    assert_eq!(ch.delta.as_ref().unwrap().span.slice(src), "240.32");
    assert_eq!(ch.rate.as_ref().unwrap().span.slice(src), "17.19");
    assert!(ch.prior.is_none());
}

#[test]
fn count_list_part_larger_than_whole() {
    // corpus 25
    let src = "单位价值 50 万元以上设备 8 台，其中，单位价值 100 万元以上设备 15 台。";
    let c = claims(src);
    assert_eq!(c.lists.len(), 1);
    let l = &c.lists[0];
    assert_eq!(l.whole.q.span.slice(src), "8");
    assert_eq!(l.parts.len(), 1);
    assert_eq!(l.parts[0].q.span.slice(src), "15");
}

#[test]
fn shares_resolve_their_named_whole() {
    // corpus 41
    let src = "本单位固\n定资产总量为4295.98万元，房屋和构筑物3773.63万元，占固定资\n产总额的87.84%；设备335.24万元，占固定资产总额的7.90%。";
    let c = claims(src);
    assert_eq!(c.shares.len(), 2);
    let s = &c.shares[1];
    assert_eq!(s.part.q.span.slice(src), "335.24");
    assert_eq!(s.share.span.slice(src), "7.90");
    assert_eq!(s.whole.as_ref().unwrap().q.span.slice(src), "4295.98");
}

#[test]
fn list_of_changes_is_not_a_sum() {
    let src = "收入预算1000万元，比上年增加100万元，其中：财政拨款增加80万元，其他收入增加20万元。";
    let c = claims(src);
    assert!(c.lists.is_empty(), "{:?}", c.lists);
    let subjects: Vec<_> = c.changes.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(subjects, ["收入预算", "财政拨款", "其他收入"]);
}

#[test]
fn list_after_a_change_takes_the_level() {
    let src = "收入预算1000万元，比上年增加100万元，其中：财政拨款收入900万元，上年结转200万元。";
    let c = claims(src);
    assert_eq!(c.lists.len(), 1);
    assert_eq!(c.lists[0].whole.q.span.slice(src), "1000");
    assert_eq!(c.lists[0].parts.len(), 2);
}

#[test]
fn template_blanks() {
    // corpus 05 (after normalisation to Simplified), corpus 21, corpus 15
    let src = "其中:因公出国(境)费 0 万元,占 %,比上年减少 万元;公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。增加144.81%，。";
    let c = claims(src);
    let kinds: Vec<_> = c
        .leftovers
        .iter()
        .map(|l| (l.kind, l.text.as_str()))
        .collect();
    assert!(kinds.contains(&(LeftoverKind::Blank, "占%")), "{kinds:?}");
    assert!(
        kinds.contains(&(LeftoverKind::Blank, "减少万元")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(LeftoverKind::EmptyReason, "原因是。")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(LeftoverKind::Punctuation, "，。")),
        "{kinds:?}"
    );
}

#[test]
fn earlier_subject() {
    // seed 004 shape: the current value is in an earlier sentence
    let src = "2022年机关运行经费共计安排73.25万元，主要用于办公费。机关运行经费预算比上年增加3.25万元，增长4.46%。";
    let c = claims(src);
    let ch = &c.changes[0];
    assert_eq!(ch.current_from, Some(Source::Earlier));
    assert_eq!(ch.current.as_ref().unwrap().q.span.slice(src), "73.25");
}

#[test]
fn change_without_comparison_word_then_same_year_rate() {
    // seed 001 line 745: "其中：基本支出增加150.48万元，同比增长10.77%"
    let src = "较2021年预算1536.36万元增加390.80万元，增加25%，其中：基本支出增加\n\n150.48万元，同比增长 10.77%，主要是增加人员经费支出 137.71万元；项目支出增加\n240.32万元，同比增长 17.19%。";
    let c = claims(src);
    let by: Vec<_> = c
        .changes
        .iter()
        .map(|c| {
            (
                c.subject.as_str(),
                c.delta.as_ref().map(|d| d.span.slice(src)),
                c.rate.as_ref().map(|d| d.span.slice(src)),
            )
        })
        .collect();
    assert_eq!(
        by[1..],
        [
            ("基本支出", Some("150.48"), Some("10.77")),
            ("项目支出", Some("240.32"), Some("17.19"))
        ]
    );
}

#[test]
fn bare_prior() {
    // seed 001 line 757
    let src = "机关运行经费预算比 2021年度 60.48增长 9.77万元，增加了 16%。";
    let c = claims(src);
    let ch = &c.changes[0];
    assert_eq!(ch.prior.as_ref().unwrap().span.slice(src), "60.48");
    assert_eq!(ch.delta.as_ref().unwrap().span.slice(src), "9.77");
    assert_eq!(ch.rate.as_ref().unwrap().span.slice(src), "16");
}
