//! One sentence (clean text) → events in reading order: numbers with their unit, comparison words,
//! direction words, 占, list words, stop words, brackets, clause marks.
use crate::model::{Direction, Measure, Unit};
use crate::parse::number::parse_amount;
use rust_decimal::Decimal;

#[derive(Clone, Debug)]
pub struct Num {
    /// Clean byte range of the digits.
    pub a: usize,
    pub b: usize,
    /// End of the unit.
    pub end: usize,
    pub value: Decimal,
    pub scale: u32,
    pub measure: Measure,
    pub word: Option<&'static str>,
    /// A threshold ("50万元以上"), a rate per unit ("98.4万元/年") or an ordinal: not a claim value.
    pub other: bool,
    /// Printed without a unit right before a direction word ("比2021年度 60.48增长 9.77万元"): only
    /// ever the prior of a comparison, in the unit of its change.
    pub bare: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListWord {
    /// 其中: may be partial
    Of,
    /// 包括: complete unless "主要包括" or "等"
    Including,
    /// 主要包括: partial
    MainlyIncluding,
}

#[derive(Clone, Debug)]
pub enum Ev {
    Num(Num),
    /// 比 / 较 / 与 / 同比 + the period it names
    Cmp,
    Verb(Direction),
    /// 占
    Share,
    /// 完成(年初/全年)预算的: a completion rate follows
    Complete,
    List(ListWord),
    /// 主要用于 / 主要原因 / 用于 …: what follows explains, it does not enumerate
    Stop,
    Open,
    Close,
    /// ，、；：
    Mark,
}

#[derive(Clone, Debug)]
pub struct Event {
    pub a: usize,
    pub b: usize,
    pub ev: Ev,
}

const COUNT_WORDS: [&str; 22] = [
    "批次",
    "平方米",
    "台",
    "辆",
    "个",
    "人",
    "项",
    "家",
    "套",
    "次",
    "名",
    "处",
    "所",
    "户",
    "件",
    "条",
    "篇",
    "场",
    "部",
    "架",
    "艘",
    "栋",
];

/// Words after a comparison word that name a period ("比上年", "较2021年预算", "与年初预算相比").
const PERIODS: [&str; 12] = [
    "上年",
    "上一年",
    "去年",
    "年初",
    "同期",
    "预算",
    "决算",
    "上期",
    "前一年",
    "本年",
    "当年",
    "执行",
];

const VERBS: [(&str, Direction); 19] = [
    ("基本持平", Direction::Unsigned),
    ("增减变化", Direction::Unsigned),
    ("增减", Direction::Unsigned),
    ("变化", Direction::Unsigned),
    ("变动", Direction::Unsigned),
    ("持平", Direction::Flat),
    ("增加", Direction::Up),
    ("增长", Direction::Up),
    ("上升", Direction::Up),
    ("提高", Direction::Up),
    ("增幅", Direction::Up),
    ("减少", Direction::Down),
    ("下降", Direction::Down),
    ("降低", Direction::Down),
    ("减幅", Direction::Down),
    ("降幅", Direction::Down),
    ("节约", Direction::Down),
    ("压减", Direction::Down),
    ("缩减", Direction::Down),
];

const STOPS: [&str; 8] = [
    "主要用于",
    "主要原因",
    "主要是",
    "原因是",
    "原因为",
    "用于",
    "主要为",
    "主要系",
];

fn digit_at(t: &str, i: usize) -> bool {
    t.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

fn is_year_at(t: &str, i: usize) -> bool {
    t.len() >= i + 7
        && t.as_bytes()[i..i + 4].iter().all(u8::is_ascii_digit)
        && t[i + 4..].starts_with('年')
}

/// A comparison word at `i` followed by a period word or a year.
fn comparator(t: &str, i: usize) -> Option<usize> {
    let rest = &t[i..];
    for w in ["同比", "相比", "比", "较", "与"] {
        if let Some(after) = rest.strip_prefix(w) {
            let j = i + w.len();
            if w == "同比" {
                return Some(j);
            }
            let after = after.trim_start_matches(['（', '(']);
            let off = j + (t.len() - j - after.len());
            if PERIODS.iter().any(|p| after.starts_with(p)) || is_year_at(t, off) {
                return Some(j);
            }
            return None;
        }
    }
    None
}

fn number_at(t: &str, i: usize) -> Option<Num> {
    let b = t.as_bytes();
    if !b[i].is_ascii_digit() {
        return None;
    }
    if i > 0
        && (b[i - 1].is_ascii_digit()
            || matches!(b[i - 1], b'.' | b',')
            || b[i - 1].is_ascii_alphabetic())
    {
        return None;
    }
    let mut j = i;
    while j < b.len()
        && (b[j].is_ascii_digit()
            || (b[j] == b'.' && digit_at(t, j + 1))
            || (b[j] == b','
                && b.len() >= j + 4
                && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                && !digit_at(t, j + 4)))
    {
        j += 1;
    }
    let raw = &t[i..j];
    if raw.matches('.').count() > 1 {
        return None;
    }
    let amount = parse_amount(raw, true)?;
    let rest = &t[j..];
    let (measure, word, ulen) = if rest.starts_with("万元") {
        (Measure::Money(Unit::Wan), None, "万元".len())
    } else if rest.starts_with("亿元") {
        (Measure::Money(Unit::Yi), None, "亿元".len())
    } else if rest.starts_with('元') {
        (Measure::Money(Unit::Yuan), None, '元'.len_utf8())
    } else if rest.starts_with('%') {
        (Measure::Percent, None, 1)
    } else if rest.starts_with('％') {
        (Measure::Percent, None, '％'.len_utf8())
    } else if rest.starts_with("个百分点") {
        return None;
    } else if let Some(w) = COUNT_WORDS.iter().find(|w| rest.starts_with(*w)) {
        (Measure::Count, Some(*w), w.len())
    } else if VERBS.iter().any(|(w, _)| rest.starts_with(w)) && raw.contains('.') {
        (Measure::Money(Unit::Wan), None, 0)
    } else {
        return None;
    };
    let bare = ulen == 0;
    let end = j + ulen;
    let after = &t[end..];
    let other = ["以上", "以下", "以内", "及以上", "及以下", "/", "／", "每"]
        .iter()
        .any(|w| after.starts_with(w))
        || t[..i].ends_with(['第', '≥', '≤', '≧', '≦', '>', '<', '＞', '＜'])
        || t[..i].ends_with("不超过")
        || t[..i].ends_with("控制在");
    let neg = t[..i].ends_with('-') || t[..i].ends_with('－');
    Some(Num {
        a: if neg { i - 1 } else { i },
        b: j,
        end,
        value: if neg { -amount.value } else { amount.value },
        scale: amount.scale,
        measure,
        word,
        other,
        bare,
    })
}

/// Does a word `events` looks for start with this character? (A `match`: this runs on every
/// character of the prose.)
fn starts_a_word(c: char) -> bool {
    matches!(
        c,
        '同' | '相'
            | '比'
            | '较'
            | '与'
            | '基'
            | '增'
            | '变'
            | '持'
            | '上'
            | '提'
            | '减'
            | '下'
            | '降'
            | '节'
            | '压'
            | '缩'
            | '占'
            | '主'
            | '其'
            | '包'
            | '原'
            | '用'
            | '完'
            | '（'
            | '('
            | '【'
            | '['
            | '）'
            | ')'
            | '】'
            | ']'
            | '，'
            | ','
            | '、'
            | '；'
            | ';'
            | '：'
            | ':'
    )
}

/// "完成年初预算的", "完成全年预算", "完成预算的": the length of the words.
fn completion(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix("完成")?;
    let head: String = after.chars().take(8).collect();
    let i = head.find("预算")?;
    let mut len = "完成".len() + i + "预算".len();
    let tail = &rest[len..];
    for w in ["数", "的"] {
        if rest[len..].starts_with(w) {
            len += w.len();
        }
    }
    let _ = tail;
    Some(len)
}

/// The events of one sentence, in order.
pub fn events(t: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !t.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &t[i..];
        if let Some(n) = number_at(t, i) {
            let end = n.end;
            out.push(Event {
                a: n.a,
                b: n.end,
                ev: Ev::Num(n),
            });
            i = end;
            continue;
        }
        if rest.as_bytes()[0].is_ascii_digit() {
            // a number without a unit (a year, a code): skip it whole
            while i < t.len() && (t.as_bytes()[i].is_ascii_digit() || t.as_bytes()[i] == b'.') {
                i += 1;
            }
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        // most characters start no word: skip them without trying every word
        if !starts_a_word(c) {
            i += c.len_utf8();
            continue;
        }
        let (ev, len) = if let Some(j) = comparator(t, i) {
            (Some(Ev::Cmp), j - i)
        } else if let Some((w, d)) = VERBS.iter().find(|(w, _)| rest.starts_with(w)) {
            (Some(Ev::Verb(*d)), w.len())
        } else if (rest.starts_with('增') || rest.starts_with('减') || rest.starts_with('降'))
            && (digit_at(t, i + 3) || t[i + 3..].starts_with('了'))
        {
            let d = if rest.starts_with('增') {
                Direction::Up
            } else {
                Direction::Down
            };
            (Some(Ev::Verb(d)), 3)
        } else if let Some(len) = completion(rest) {
            (Some(Ev::Complete), len)
        } else if rest.starts_with('占')
            && !["占用", "占有", "占地"].iter().any(|w| rest.starts_with(w))
        {
            (Some(Ev::Share), 3)
        } else if rest.starts_with("主要包括") {
            (Some(Ev::List(ListWord::MainlyIncluding)), "主要包括".len())
        } else if rest.starts_with("其中") {
            (Some(Ev::List(ListWord::Of)), "其中".len())
        } else if rest.starts_with("包括") {
            (Some(Ev::List(ListWord::Including)), "包括".len())
        } else if let Some(w) = STOPS.iter().find(|w| rest.starts_with(*w)) {
            (Some(Ev::Stop), w.len())
        } else if matches!(c, '（' | '(' | '【' | '[') {
            (Some(Ev::Open), c.len_utf8())
        } else if matches!(c, '）' | ')' | '】' | ']') {
            (Some(Ev::Close), c.len_utf8())
        } else if matches!(c, '，' | ',' | '、' | '；' | ';' | '：' | ':') {
            (Some(Ev::Mark), c.len_utf8())
        } else {
            (None, c.len_utf8())
        };
        if let Some(ev) = ev {
            out.push(Event {
                a: i,
                b: i + len,
                ev,
            });
        }
        i += len.max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<String> {
        events(t)
            .iter()
            .map(|e| match &e.ev {
                Ev::Num(n) => format!(
                    "{}{:?}{}",
                    n.value,
                    n.measure,
                    if n.other { "!" } else { "" }
                ),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_change_sentence() {
        // seed 003 style
        let k = kinds("2022年项目支出378.82万元，比上年增加240.32万元，增长17.19%。");
        assert_eq!(
            k,
            [
                "378.82Money(Wan)",
                "Mark",
                "Cmp",
                "Verb(Up)",
                "240.32Money(Wan)",
                "Mark",
                "Verb(Up)",
                "17.19Percent"
            ]
        );
    }

    #[test]
    fn thresholds_and_counts() {
        // corpus 25
        let k = kinds("单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台。");
        assert_eq!(
            k,
            [
                "50Money(Wan)!",
                "8Count",
                "Mark",
                "List(Of)",
                "Mark",
                "100Money(Wan)!",
                "15Count"
            ]
        );
    }

    #[test]
    fn words_that_are_not_comparisons() {
        assert!(kinds("占比较大，比例适当").iter().all(|k| k != "Cmp"));
        assert_eq!(kinds("较2021年预算1536.36万元")[0], "Cmp");
    }
}
