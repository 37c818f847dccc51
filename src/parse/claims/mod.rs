//! Sentences → claims (`model::claim`): changes, enumerated lists, shares and template leftovers.
//!
//! Each paragraph is cut into list items (a line starting "1、", "（二）" …) and sentences (。！？);
//! white space is removed first because PDF text wraps anywhere ([`clean`]). A sentence becomes a
//! sequence of events ([`scan`]): numbers with units, comparison words (比/较/与/同比 + a period),
//! direction words, 占, 其中/包括, stop words (主要用于 …) and brackets. One pass over the events
//! assigns each number a role: a level ("项目支出378.82万元"), the prior of a comparison, the
//! change after a direction word, a rate, a share; levels after 其中 are the parts of a list.
mod clean;
mod scan;

use crate::model::{
    ChangeClaim, Claims, Direction, Labeled, Leftover, LeftoverKind, ListClaim, Measure, Paragraph,
    Quantity, ShareClaim, Source, Word,
};
use clean::Clean;
use scan::{events, Ev, ListWord, Num};

/// The budget concepts a label can name, most specific first.
const CONCEPTS: [(&str, &str); 34] = [
    ("因公出国", "因公出国（境）费"),
    ("出国（境）", "因公出国（境）费"),
    ("购置及运行", "公务用车购置及运行费"),
    ("公务用车运行", "公务用车运行维护费"),
    ("车辆运行", "公务用车运行维护费"),
    ("运行维护费", "公务用车运行维护费"),
    ("运维费", "公务用车运行维护费"),
    ("公务用车购置", "公务用车购置费"),
    ("车辆购置", "公务用车购置费"),
    ("公务用车", "公务用车购置及运行费"),
    ("公务接待", "公务接待费"),
    ("接待费", "公务接待费"),
    ("三公", "三公经费"),
    ("会议费", "会议费"),
    ("培训费", "培训费"),
    ("机关运行经费", "机关运行经费"),
    ("运行经费", "机关运行经费"),
    ("政府采购", "政府采购"),
    ("人员经费", "人员经费"),
    ("公用经费", "公用经费"),
    ("基本支出", "基本支出"),
    ("项目支出", "项目支出"),
    ("上年结转", "上年结转"),
    ("结转", "上年结转"),
    ("政府性基金", "政府性基金"),
    ("国有资本经营", "国有资本经营"),
    ("一般公共预算", "一般公共预算"),
    ("财政拨款", "财政拨款"),
    ("事业收入", "事业收入"),
    ("其他收入", "其他收入"),
    ("收入", "收入"),
    ("支出", "支出"),
    ("固定资产", "固定资产"),
    ("资产", "资产"),
];

/// Concepts that are parts of another (a list naming both counts only the parent).
const PARENTS: [(&str, &[&str]); 4] = [
    ("基本支出", &["人员经费", "公用经费"]),
    (
        "三公经费",
        &["因公出国（境）费", "公务用车购置及运行费", "公务接待费"],
    ),
    (
        "公务用车购置及运行费",
        &["公务用车购置费", "公务用车运行维护费"],
    ),
    ("财政拨款", &["一般公共预算", "政府性基金", "国有资本经营"]),
];

/// The amount with the concept its label names.
fn named(mut l: Labeled) -> Labeled {
    l.concept = concept(&l.label);
    l
}

pub fn concept(label: &str) -> Option<&'static str> {
    CONCEPTS
        .iter()
        .find(|(k, _)| label.contains(k))
        .map(|(_, c)| *c)
}

/// Does this line start a list item ("1、", "2.", "（三）", "(4)", "五、")?
fn starts_item(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t', '\u{3000}']);
    let mut cs = t.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    const CN: &str = "一二三四五六七八九十";
    if first == '（' || first == '(' {
        let inner: String = cs.clone().take_while(|c| *c != '）' && *c != ')').collect();
        return !inner.is_empty()
            && inner.chars().count() <= 3
            && inner.chars().all(|c| c.is_ascii_digit() || CN.contains(c));
    }
    if first.is_ascii_digit() || CN.contains(first) {
        let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || CN.contains(c));
        let mut r = rest.chars();
        return match r.next() {
            Some('、' | '．' | '）' | ')') => true,
            // "2.预算" but not "48.92 万元"
            Some('.') => first.is_ascii_digit() && !r.next().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
    }
    false
}

/// The list items of a paragraph: byte ranges of `src`.
fn items(src: &str, p: &Paragraph) -> Vec<(usize, usize)> {
    let (a, b) = (p.span.start as usize, p.span.end as usize);
    let mut out = Vec::new();
    let mut start = a;
    let mut at = a;
    for line in src[a..b].split_inclusive('\n') {
        if at > start && starts_item(line) {
            out.push((start, at));
            start = at;
        }
        at += line.len();
    }
    out.push((start, b));
    out
}

/// Sentence ranges of clean text.
fn sentences(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in t.char_indices() {
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            out.push((start, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    if start < t.len() {
        out.push((start, t.len()));
    }
    out
}

fn trim_label(s: &str) -> String {
    let mut s =
        s.trim_matches(|c: char| c.is_ascii_punctuation() || "，。；：、“”\"（）".contains(c));
    // a list number left in front ("二）", "1)", "3、")
    let number = s
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = number {
        if let Some(rest) = s[end..].strip_prefix(['）', ')', '、', '.', '．']) {
            s = rest;
        }
    }
    loop {
        let before = s;
        for p in ["其中", "另外", "以及", "和", "及", "含"] {
            s = s.strip_prefix(p).unwrap_or(s);
        }
        for w in [
            "为", "是", "达到", "达", "约", "共计", "总计", "合计", "计", "共", "安排", "预计",
        ] {
            s = s.strip_suffix(w).unwrap_or(s);
        }
        if s == before {
            break;
        }
    }
    s.to_string()
}

/// The text between two events is only filler ("了", "为", "约", "幅度为" …).
fn filler(gap: &str) -> bool {
    gap.chars().count() <= 4 && gap.chars().all(|c| "了为约达幅度率比例是".contains(c))
}

struct Open {
    comparator: (usize, usize),
    period: String,
    subject: String,
    current: Option<Labeled>,
    prior: Option<Quantity>,
    direction: Option<Word<Direction>>,
    delta: Option<(Quantity, usize)>,
    rate: Option<Quantity>,
    rate_direction: Option<Word<Direction>>,
    /// The prior was printed without a unit: it takes the unit of the change.
    prior_bare: bool,
    /// A comma came after the comparison word before any direction word ("与上年相比，"): a
    /// number after it is no longer the prior.
    comma: bool,
}

struct List {
    word: ListWord,
    at: (usize, usize),
    depth: u8,
    whole: Labeled,
    parts: Vec<Labeled>,
    last_end: usize,
    /// The list enumerates changes ("其中：财政拨款增加80万元"), not parts of the whole.
    changes: bool,
    /// "其中：" with a colon: its items may be separated by "；". Without one, a "；" ends the
    /// list ("编制408人，其中行政编制91人、事业编制317人；实有在职人员380人" — corpus 12, 26, 43).
    colon: bool,
}

#[derive(Default)]
struct State {
    claims: Claims,
    /// Every level amount so far, in reading order (the subject of a later comparison, the
    /// whole of a later share).
    levels: Vec<Labeled>,
}

/// Claims of every paragraph.
pub fn extract(src: &str, paragraphs: &[Paragraph]) -> Claims {
    let mut st = State::default();
    for p in paragraphs.iter().filter(|p| !p.is_heading) {
        for (a, b) in items(src, p) {
            let c = Clean::new(src, a, b);
            leftovers(&c, &mut st.claims.leftovers);
            let mut prev: Option<Labeled> = None;
            for (sa, sb) in sentences(&c.text) {
                prev = sentence(&c, sa, sb, prev, &mut st);
            }
        }
    }
    st.claims
}

impl State {
    /// The nearest earlier level whose label names the subject ("机关运行经费预算" → "2022年机关运行
    /// 经费共计安排" 73.25万元): the longest tail of the subject (at least 4 characters) found in a label.
    fn earlier(&self, subject: &str) -> Option<Labeled> {
        let mut core = subject;
        for s in ["预算数", "预算", "支出"] {
            core = core.strip_suffix(s).unwrap_or(core);
        }
        let chars: Vec<char> = core.chars().collect();
        // (the subject is named nearby: the last 40 amounts are enough, and keep this linear)
        let recent: Vec<&Labeled> = self.levels[self.levels.len().saturating_sub(40)..]
            .iter()
            .filter(|l| {
                l.q.is_money()
                    && !l.label.is_empty()
                    && !["比", "较", "增", "减", "下降"]
                        .iter()
                        .any(|w| l.label.contains(w))
            })
            .collect();
        if recent.is_empty() {
            return None;
        }
        for len in (4..=chars.len().min(12)).rev() {
            let key: String = chars[chars.len() - len..].iter().collect();
            if let Some(l) = recent.iter().rev().find(|l| l.label.contains(&key)) {
                return Some((*l).clone());
            }
        }
        None
    }

    /// The whole a share names: the last level whose label names the same thing once the year,
    /// "本单位/本部门" and "总额/总量/合计" are set aside ("占固定资产总额的" → "本单位固定资产总量为"
    /// 4295.98万元, corpus 41). "本年支出" is not "2026年支出预算" (which includes 结转, corpus 29).
    fn whole_named(&self, name: &str, part: &Labeled) -> Option<Labeled> {
        let core = whole_core(name);
        if core.chars().count() < 2 {
            return None;
        }
        self.levels
            .iter()
            .rev()
            .find(|l| l.q != part.q && l.q.same_measure(&part.q) && whole_core(&l.label) == core)
            .cloned()
    }
}

fn whole_core(name: &str) -> &str {
    let mut core = name;
    loop {
        let before = core;
        let b = core.as_bytes();
        if b.len() > 6 && b[..4].iter().all(u8::is_ascii_digit) && core[4..].starts_with('年') {
            core = core[7..].trim_start_matches('度');
        }
        for s in ["的", "总额", "总量", "总计", "总数", "合计", "总"] {
            core = core.strip_suffix(s).unwrap_or(core);
        }
        for s in ["本单位", "本部门", "部门", "单位"] {
            core = core.strip_prefix(s).unwrap_or(core);
        }
        if core == before {
            return core;
        }
    }
}

fn finish_change(
    o: Option<Open>,
    sentence: crate::text::Span,
    c: &Clean,
    sa: usize,
    st: &mut State,
) {
    let Some(mut o) = o else { return };
    if o.prior_bare {
        match (&mut o.prior, &o.delta) {
            (Some(p), Some((d, _))) => p.measure = d.measure,
            _ => o.prior = None,
        }
    }
    let Some(direction) = o.direction else { return };
    if o.delta.is_none() && o.rate.is_none() && o.prior.is_none() {
        return;
    }
    let (current, current_from) = match o.current {
        Some(l) => (Some(l), Some(Source::Sentence)),
        None => match st.earlier(&o.subject) {
            Some(l) => (Some(l), Some(Source::Earlier)),
            None => (None, None),
        },
    };
    let current = current.map(named);
    let concept = concept(&o.subject).or(current.as_ref().and_then(|l| l.concept));
    st.claims.changes.push(ChangeClaim {
        sentence,
        subject: o.subject,
        concept,
        current,
        current_from,
        comparator: c.span(sa + o.comparator.0, sa + o.comparator.1),
        period: o.period,
        prior: o.prior,
        direction: Some(direction),
        delta: o.delta.map(|d| d.0),
        rate: o.rate,
        rate_direction: o.rate_direction,
    });
}

fn finish_list(
    l: List,
    t: &str,
    sentence: crate::text::Span,
    c: &Clean,
    sa: usize,
    st: &mut State,
) {
    let mut l = l;
    l.whole = named(l.whole);
    l.parts = l.parts.into_iter().map(named).collect();
    // 会议费 and 培训费 are printed beside the 三公 total, not inside it (corpus 14)
    if l.whole.concept == Some("三公经费") {
        l.parts
            .retain(|p| !matches!(p.concept, Some("会议费" | "培训费")));
    }
    // a part and its own parts listed side by side ("基本支出700万元，人员经费500万元，公用经费
    // 200万元，项目支出300万元"): only the part counts
    let concepts: Vec<_> = l.parts.iter().filter_map(|p| p.concept).collect();
    l.parts.retain(|p| {
        !p.concept.is_some_and(|c| {
            PARENTS
                .iter()
                .any(|(parent, kids)| kids.contains(&c) && concepts.contains(parent))
        })
    });
    if l.changes || l.parts.is_empty() {
        return;
    }
    let tail = &t[l.last_end.min(t.len())..];
    let open_ended = tail.starts_with('等')
        || tail.starts_with("）等")
        || l.parts.iter().any(|p| p.label.ends_with('等'));
    let concepts: Vec<_> = l.parts.iter().map(|p| p.concept).collect();
    let standard = l.parts.len() == 2
        && (concepts.contains(&Some("基本支出")) && concepts.contains(&Some("项目支出"))
            || concepts.contains(&Some("人员经费")) && concepts.contains(&Some("公用经费")));
    // a one-item "包括" ("共28个，包括本级及所属27个", corpus 15) names the rest in words
    let complete = !open_ended
        && l.parts.len() >= 2
        && l.whole.q.is_money()
        && match l.word {
            ListWord::Including => true,
            ListWord::MainlyIncluding => false,
            ListWord::Of => standard,
        };
    let colon = l.colon;
    st.claims.lists.push(ListClaim {
        explicit: colon || complete,
        sentence,
        keyword: Word {
            span: c.span(sa + l.at.0, sa + l.at.1),
            value: t[l.at.0..l.at.1].to_string(),
        },
        whole: l.whole,
        parts: l.parts,
        complete,
    });
}

/// One sentence; returns its last level (the whole of a list that starts the next sentence).
fn sentence(
    c: &Clean,
    sa: usize,
    sb: usize,
    prev: Option<Labeled>,
    st: &mut State,
) -> Option<Labeled> {
    let t = &c.text[sa..sb];
    let span = c.span(sa, sb);
    let q = |n: &Num| Quantity {
        span: c.span(sa + n.a, sa + n.b),
        value: n.value,
        scale: n.scale,
        measure: n.measure,
        count_word: n.word.map(str::to_string),
    };
    let evs = events(t);
    let mut depth = 0u8;
    let mut label_from = 0usize;
    let mut last_level: Option<(Labeled, usize, u8)> = None;
    let mut open: Option<Open> = None;
    let mut last_verb: Option<(Direction, usize, usize)> = None;
    let mut share: Option<(usize, Option<Labeled>, Option<Labeled>, bool)> = None;
    // the levels of this sentence (the 预算 of a completion rate)
    let mut here: Vec<Labeled> = Vec::new();
    let mut lists: Vec<List> = Vec::new();
    let mut levels_here = 0usize;
    // after 主要是 / 用于 the sentence explains: no new comparison starts until a "；"
    let mut stopped = false;
    for (k, e) in evs.iter().enumerate() {
        match &e.ev {
            Ev::Open => depth = depth.saturating_add(1),
            Ev::Close => {
                depth = depth.saturating_sub(1);
                while lists.last().is_some_and(|l| l.depth > depth) {
                    let l = lists.pop().expect("checked");
                    finish_list(l, t, span, c, sa, st);
                }
            }
            Ev::Mark => {
                if let Some(o) = open.as_mut() {
                    o.comma = true;
                }
                if matches!(&t[e.a..e.b], "；" | ";") {
                    finish_change(open.take(), span, c, sa, st);
                    stopped = false;
                    while lists.last().is_some_and(|l| l.depth >= depth && !l.colon) {
                        let l = lists.pop().expect("checked");
                        finish_list(l, t, span, c, sa, st);
                    }
                }
            }
            Ev::Cmp => {
                // "基本支出增加150.48万元，同比增长10.77%": the second comparison word continues
                // the change it follows
                if let Some(o) = open.as_mut() {
                    let continues = o.rate.is_none()
                        && o.prior.is_none()
                        && o.delta.as_ref().is_some_and(|(_, end)| {
                            t[*end..e.a].chars().all(|ch| "，,".contains(ch))
                        });
                    if continues {
                        label_from = e.b;
                        continue;
                    }
                }
                finish_change(open.take(), span, c, sa, st);
                let mut subject = trim_label(&t[label_from..e.a]);
                let mut current = adjacent_level(&last_level, t, e.a, depth);
                // "收入4203.47万元，其中：A、B、其他收入100万元，较上年增加142.30万元": the
                // comparison may be of the whole or of the last part (corpus 43): not read
                if current.is_some()
                    && lists.iter().any(|l| {
                        l.depth == depth
                            && l.parts.len() >= 2
                            && l.parts.last().map(|p| &p.q) == current.as_ref().map(|c| &c.q)
                    })
                {
                    current = None;
                    subject = String::new();
                }
                let next = evs
                    .iter()
                    .find(|x| x.a >= e.b)
                    .map(|x| x.a)
                    .unwrap_or(t.len());
                let period: String = t[e.b..next].chars().take(12).collect();
                open = Some(Open {
                    comparator: (e.a, e.b),
                    period: trim_label(&period),
                    subject: match &current {
                        Some(l) => l.label.clone(),
                        None => subject,
                    },
                    current,
                    prior: None,
                    direction: None,
                    delta: None,
                    rate: None,
                    rate_direction: None,
                    prior_bare: false,
                    comma: false,
                });
            }
            Ev::Verb(d) => {
                let w = Word {
                    span: c.span(sa + e.a, sa + e.b),
                    value: *d,
                };
                let amount_follows = evs.get(k + 1).is_some_and(|x| {
                    matches!(&x.ev, Ev::Num(n) if !n.other && !n.bare && n.measure != Measure::Count)
                        && filler(&t[e.b..x.a])
                });
                // "，其他收入增加20万元": a new subject ends the change before it
                let new_subject = !trim_label(&t[label_from..e.a]).is_empty();
                if open.as_ref().is_some_and(|o| o.delta.is_some()) && new_subject && amount_follows
                {
                    finish_change(open.take(), span, c, sa, st);
                }
                if let Some(o) = open.as_mut() {
                    if o.direction.is_none() {
                        o.direction = Some(w);
                    } else if o.rate.is_none() && o.rate_direction.is_none() {
                        o.rate_direction = Some(w);
                    }
                } else if !stopped {
                    // "项目支出增加240.32万元": a change stated without a comparison word
                    if amount_follows {
                        let current = adjacent_level(&last_level, t, e.a, depth);
                        open = Some(Open {
                            comparator: (e.a, e.b),
                            period: String::new(),
                            subject: match &current {
                                Some(l) => l.label.clone(),
                                None => trim_label(&t[label_from..e.a]),
                            },
                            current,
                            prior: None,
                            direction: Some(w),
                            delta: None,
                            rate: None,
                            rate_direction: None,
                            prior_bare: false,
                            comma: false,
                        });
                    }
                }
                last_verb = Some((*d, e.a, e.b));
            }
            Ev::Share => {
                let part = last_level
                    .as_ref()
                    .filter(|(_, _, d)| *d == depth)
                    .map(|(l, _, _)| l.clone());
                let whole = lists
                    .iter()
                    .rev()
                    .find(|l| l.depth == depth)
                    .map(|l| l.whole.clone());
                share = Some((e.b, part, whole, false));
            }
            Ev::Complete => {
                // "全年预算数21143.98万元，执行数21143.98万元，完成预算的35%" (corpus 15)
                let part = last_level.as_ref().map(|(l, _, _)| l.clone());
                let whole = part.as_ref().and_then(|p| {
                    here.iter()
                        .rev()
                        .find(|l| {
                            l.q != p.q
                                && l.q.same_measure(&p.q)
                                && l.label.contains("预算")
                                && !["执行", "决算", "完成"].iter().any(|w| l.label.contains(w))
                        })
                        .cloned()
                });
                share = Some((e.b, part, whole, true));
            }
            Ev::List(w) => {
                finish_change(open.take(), span, c, sa, st);
                while lists.last().is_some_and(|l| l.depth >= depth) {
                    let l = lists.pop().expect("checked");
                    finish_list(l, t, span, c, sa, st);
                }
                let whole = match &last_level {
                    Some((l, _, d)) if *d <= depth => Some(l.clone()),
                    None if t[..e.a].chars().count() <= 2 => prev.clone(),
                    _ => None,
                };
                if let Some(whole) = whole {
                    lists.push(List {
                        word: *w,
                        at: (e.a, e.b),
                        depth,
                        whole,
                        parts: Vec::new(),
                        last_end: e.b,
                        changes: false,
                        colon: t[e.b..].starts_with(['：', ':']),
                    });
                }
            }
            Ev::Stop => {
                stopped = true;
                finish_change(open.take(), span, c, sa, st);
                while let Some(l) = lists.pop() {
                    finish_list(l, t, span, c, sa, st);
                }
            }
            Ev::Num(n) => {
                let after_verb = last_verb.filter(|v| filler(&t[v.2..n.a]));
                if n.other {
                    label_from = e.b;
                    continue;
                }
                if n.bare {
                    if let Some(o) = open.as_mut().filter(|o| {
                        o.prior.is_none() && !o.comma && o.direction.is_none() && o.delta.is_none()
                    }) {
                        o.prior = Some(q(n));
                        o.prior_bare = true;
                    }
                    label_from = e.b;
                    continue;
                }
                match n.measure {
                    Measure::Percent => {
                        if let Some((from, part, whole, completion)) = share.take() {
                            let name = trim_label(t[from..n.a].trim_end_matches("的"));
                            if let Some(part) = part {
                                let whole = if completion || name.is_empty() {
                                    whole
                                } else {
                                    st.whole_named(&name, &part)
                                };
                                st.claims.shares.push(ShareClaim {
                                    sentence: span,
                                    whole: whole.map(named),
                                    part: named(part),
                                    whole_name: name,
                                    share: q(n),
                                    completion,
                                });
                            }
                        } else if let Some(o) = open.as_mut() {
                            let after_delta = o.delta.as_ref().is_some_and(|(_, end)| {
                                matches!(&t[*end..n.a], "（" | "(" | "，" | ",")
                            });
                            if o.rate.is_none() && (after_verb.is_some() || after_delta) {
                                o.rate = Some(q(n));
                            }
                        }
                    }
                    Measure::Money(_) | Measure::Count => {
                        if after_verb.is_some() {
                            match open.as_mut() {
                                Some(o)
                                    if o.direction.is_some()
                                        && o.delta.is_none()
                                        && n.measure != Measure::Count =>
                                {
                                    o.delta = Some((q(n), n.end));
                                }
                                _ => {
                                    if let Some(l) =
                                        lists.iter_mut().rev().find(|l| l.depth == depth)
                                    {
                                        if l.parts.is_empty() {
                                            l.changes = true;
                                        }
                                    }
                                }
                            }
                        } else if let Some(o) = open.as_mut().filter(|o| {
                            o.prior.is_none()
                                && !o.comma
                                && o.direction.is_none()
                                && o.delta.is_none()
                                && n.measure != Measure::Count
                        }) {
                            o.prior = Some(q(n));
                        } else {
                            finish_change(open.take(), span, c, sa, st);
                            let label = trim_label(&t[label_from..n.a]);
                            let l = Labeled {
                                // (named when the amount enters a claim: most never do)
                                concept: None,
                                label,
                                q: q(n),
                            };
                            if let Some(list) = lists.iter_mut().rev().find(|x| x.depth == depth) {
                                if list.whole.q.same_measure(&l.q) {
                                    list.parts.push(l.clone());
                                    list.last_end = n.end;
                                }
                            }
                            if !stopped {
                                st.levels.push(l.clone());
                            }
                            here.push(l.clone());
                            last_level = Some((l, n.end, depth));
                            levels_here += 1;
                        }
                    }
                }
            }
        }
        // a bracket inside a label does not end it ("因公出国（境）费")
        if !matches!(e.ev, Ev::Open | Ev::Close) {
            label_from = e.b;
        }
    }
    finish_change(open.take(), span, c, sa, st);
    while let Some(l) = lists.pop() {
        finish_list(l, t, span, c, sa, st);
    }
    // a list that starts the next sentence ("。其中：") belongs to this one's amount only when
    // there is one (corpus 35; corpus 24 has three)
    last_level.filter(|_| levels_here == 1).map(|x| x.0)
}

/// The last level when only a comma separates it from a comparison ("项目支出378.82万元，比上年").
fn adjacent_level(
    last: &Option<(Labeled, usize, u8)>,
    t: &str,
    at: usize,
    depth: u8,
) -> Option<Labeled> {
    last.as_ref().and_then(|(l, end, d)| {
        let gap = &t[*end..at];
        (*d == depth
            && l.q.is_money()
            && gap.chars().all(|ch| "，,、与".contains(ch))
            && gap.chars().count() <= 2)
            .then(|| l.clone())
    })
}

/// Template text left in a published item.
fn leftovers(c: &Clean, out: &mut Vec<Leftover>) {
    let t = &c.text;
    let mut push = |a: usize, b: usize, kind: LeftoverKind| {
        out.push(Leftover {
            span: c.span(a, b),
            text: t[a..b].to_string(),
            kind,
        });
    };
    // a number left blank: "占 %", "减少 万元", "XX万元"
    for unit in ["万元", "%", "％"] {
        for (i, _) in t.match_indices(unit) {
            let before = &t[..i];
            let word = [
                "增加", "减少", "增长", "下降", "降低", "占比", "占", "XX", "xx", "ＸＸ", "××",
                "**",
            ]
            .iter()
            .find(|w| before.ends_with(*w));
            if let Some(w) = word {
                push(i - w.len(), i + unit.len(), LeftoverKind::Blank);
            }
        }
    }
    // (each test only where its words can be: this runs on every item of the prose)
    let reasons = if t.contains("原因") || t.contains("主要用于") {
        &["原因是", "原因为", "原因：", "原因:", "主要用于"][..]
    } else {
        &[][..]
    };
    for w in reasons {
        for (i, _) in t.match_indices(w) {
            let rest = &t[i + w.len()..];
            if rest.is_empty() || rest.starts_with('。') || rest.starts_with("：。") {
                push(
                    i,
                    i + w.len() + rest.chars().next().map_or(0, char::len_utf8),
                    LeftoverKind::EmptyReason,
                );
            }
        }
    }
    let brackets = t.contains(['（', '(', '/']);
    for w in [
        "增加（减少）",
        "减少（增加）",
        "增长（下降）",
        "下降（增长）",
        "增加(减少)",
        "减少(增加)",
        "增长(下降)",
        "下降(增长)",
        "增加/减少",
        "增长/下降",
        "增（减）",
        "上升（下降）",
    ]
    .into_iter()
    .filter(|_| brackets)
    {
        for (i, _) in t.match_indices(w) {
            push(i, i + w.len(), LeftoverKind::BothAlternatives);
        }
    }
    let doubled = t.contains("。。") || t.contains("，。") || t.contains("，，");
    let doubled = doubled || t.contains("；。") || t.contains("、。") || t.contains("。，");
    for w in ["。。", "，。", "，，", "；。", "、。", "。，"]
        .into_iter()
        .filter(|_| doubled)
    {
        for (i, _) in t.match_indices(w) {
            // printed side by side (not two lines of a table that ended with 。)
            if !t[i + w.len()..].starts_with('。') && c.span(i, i + w.len()).len() == w.len() {
                push(i, i + w.len(), LeftoverKind::Punctuation);
            }
        }
    }
}

#[cfg(test)]
mod tests;
