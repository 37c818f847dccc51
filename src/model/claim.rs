//! Claims: what the sentences of the 情况说明 state, as data. The parser turns sentences into
//! claims (`parse::claims`); the narrative rules and the UI read these instead of re-scanning text.
//!
//! A claim keeps the span of every number it is made of and the text label in front of each
//! amount, so a finding can name every number it used.
use super::Unit;
use crate::text::Span;
use rust_decimal::Decimal;
use serde::Serialize;

/// What a printed number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Measure {
    /// An amount of money in 元 / 万元.
    Money(Unit),
    /// A percent ("25%", "25％").
    Percent,
    /// A count of things ("8 台", "2辆", "46批次"); the word is in `Quantity::count_word`.
    Count,
}

/// A number in a sentence with its measure and printed precision.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// The digits as printed (without the unit).
    pub span: Span,
    pub value: Decimal,
    /// Decimals printed.
    pub scale: u32,
    pub measure: Measure,
    /// For counts: the measure word ("台", "辆").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_word: Option<String>,
}

impl Quantity {
    pub fn is_money(&self) -> bool {
        matches!(self.measure, Measure::Money(_))
    }

    /// Two quantities that can be added or compared (both money, or counts of the same word).
    pub fn same_measure(&self, other: &Quantity) -> bool {
        match (self.measure, other.measure) {
            (Measure::Money(_), Measure::Money(_)) => true,
            (Measure::Count, Measure::Count) => self.count_word == other.count_word,
            (Measure::Percent, Measure::Percent) => true,
            _ => false,
        }
    }
}

/// An amount with the words printed in front of it ("2024年收入预算合计" 7895.93 万元).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Labeled {
    pub label: String,
    /// The budget concept the label names (normalised: "基本支出", "公务接待费" …), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<&'static str>,
    pub q: Quantity,
}

/// The direction a word states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Direction {
    /// 增加 / 增长 / 上升 / 提高
    Up,
    /// 减少 / 下降 / 降低
    Down,
    /// 持平
    Flat,
    /// 变化 / 增减: no direction stated
    Unsigned,
}

/// A word with its span.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Word<T> {
    pub span: Span,
    pub value: T,
}

/// Where the current value of a change claim comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Source {
    /// The same sentence, before the comparison ("项目支出378.82万元，比上年…").
    Sentence,
    /// An earlier sentence naming the same thing (a warning at most: the link is a reading).
    Earlier,
}

/// "本年数，比/较 上年（数）增加/减少 Δ，增长/下降 r%": a comparison with an earlier period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeClaim {
    pub sentence: Span,
    /// The words naming what changed (the label of the current value, or the words before the
    /// comparison when the current value is not in the sentence).
    pub subject: String,
    pub concept: Option<&'static str>,
    pub current: Option<Labeled>,
    pub current_from: Option<Source>,
    /// The comparison word ("比", "较", "同比") and the period it names ("上年", "2021年预算").
    pub comparator: Span,
    pub period: String,
    pub prior: Option<Quantity>,
    pub direction: Option<Word<Direction>>,
    pub delta: Option<Quantity>,
    pub rate: Option<Quantity>,
    /// The direction word of the rate when it has its own ("增加5万元，下降3%").
    pub rate_direction: Option<Word<Direction>>,
}

/// "整体 T，其中/包括 A a，B b …": a whole and parts the sentence enumerates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListClaim {
    pub sentence: Span,
    /// "其中", "包括", "由…组成" …
    pub keyword: Word<String>,
    pub whole: Labeled,
    pub parts: Vec<Labeled>,
    /// The text says the parts are the whole (包括 / 由…组成, or a standard complete split such
    /// as 基本支出 + 项目支出); a plain 其中 list may be partial.
    pub complete: bool,
    /// The list is marked off as an enumeration ("其中：" with a colon, or complete): where its
    /// parts end is printed, not guessed.
    pub explicit: bool,
}

/// "A a万元，占 X 的 s%": a share of a whole.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShareClaim {
    pub sentence: Span,
    pub part: Labeled,
    /// The words naming the whole ("固定资产总额"), empty when only "占 s%" is printed.
    pub whole_name: String,
    pub share: Quantity,
    /// The whole, when the text names it before the share (same list, or an earlier amount
    /// whose label names the same thing).
    pub whole: Option<Labeled>,
    /// "执行数 Y，完成预算的 s%": a completion rate (决算 ÷ 预算), not a share of a total.
    pub completion: bool,
}

/// Template text left in the published sentence ("占 %", "减少 万元", "主要原因是。").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Leftover {
    pub span: Span,
    pub text: String,
    pub kind: LeftoverKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LeftoverKind {
    /// A number left blank ("占 %", "减少 万元", "XX万元").
    Blank,
    /// An empty reason ("主要原因是。").
    EmptyReason,
    /// Both alternatives of the template kept ("增加（减少）").
    BothAlternatives,
    /// Doubled punctuation ("。。", "，。").
    Punctuation,
}

/// Every claim of the document's prose.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct Claims {
    pub changes: Vec<ChangeClaim>,
    pub lists: Vec<ListClaim>,
    pub shares: Vec<ShareClaim>,
    pub leftovers: Vec<Leftover>,
}

impl Labeled {
    fn remap(&mut self, f: &impl Fn(Span) -> Span) {
        self.q.span = f(self.q.span);
    }
}

impl Claims {
    /// Map every span through `f` (normalised text → original bytes, `text::normalize`).
    pub fn remap_spans(&mut self, f: &impl Fn(Span) -> Span) {
        for c in &mut self.changes {
            c.sentence = f(c.sentence);
            c.comparator = f(c.comparator);
            if let Some(l) = c.current.as_mut() {
                l.remap(f);
            }
            for q in [&mut c.prior, &mut c.delta, &mut c.rate]
                .into_iter()
                .flatten()
            {
                q.span = f(q.span);
            }
            for w in [&mut c.direction, &mut c.rate_direction]
                .into_iter()
                .flatten()
            {
                w.span = f(w.span);
            }
        }
        for l in &mut self.lists {
            l.sentence = f(l.sentence);
            l.keyword.span = f(l.keyword.span);
            l.whole.remap(f);
            for p in &mut l.parts {
                p.remap(f);
            }
        }
        for s in &mut self.shares {
            s.sentence = f(s.sentence);
            s.part.remap(f);
            s.share.span = f(s.share.span);
            if let Some(w) = s.whole.as_mut() {
                w.remap(f);
            }
        }
        for l in &mut self.leftovers {
            l.span = f(l.span);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.lists.is_empty()
            && self.shares.is_empty()
            && self.leftovers.is_empty()
    }
}
