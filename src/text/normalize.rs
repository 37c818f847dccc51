//! Normalisation of the pasted text before reading, with a map back to the original bytes.
//!
//! Reposts and PDF copies print the same budget in shapes the readers should not each have to
//! know about. [`normalize`] rewrites them once, before reading:
//!
//! - full-width digits and letters (`２０２２`, `Ａ`) → ASCII; `．` between digits → `.`; `％`
//!   after a digit → `%`; `－` before a digit → `-`; `，` inside a number written wholly in
//!   full-width digits (`５，６００`) → `,`. A Chinese comma in prose is left alone, and so is
//!   `１．` as a list marker;
//! - Traditional characters of the budget vocabulary → Simplified (萬元 → 万元, 經費 → 经费,
//!   預算 → 预算; corpus 05, 06): one character for one, each three bytes both ways, and only
//!   characters that are never Simplified text themselves (乾, 著, 覆 … are left alone);
//! - pinyin printed after a character by a mirror site, `經(jīng)費(fèi)` → `經費` (corpus 05):
//!   parentheses right after a CJK character holding only lower-case Latin letters with at least
//!   one tone mark;
//! - a space inside a number, `579 .89` → `579.89` (corpus 32);
//! - a decimal part printed on the next line of a `pdftotext -layout` copy, right of its integer
//!   part (`14,770` then `.62` one line down, corpus 32): in prose the lines are joined; in a
//!   table the decimals go back next to their integer part at the printed right edge, and a line
//!   left with only the rest of the row (the next amounts, printed one line lower each, or the
//!   right half of a two-sided table) is laid back onto the row's line at its own columns.
//!
//! Text that needs none of this (the common case) is not copied: [`Normalized::text`] borrows the
//! input and [`OffsetMap::is_identity`] holds. Otherwise the map takes every span of the
//! normalised text back to the original bytes, on character boundaries: a span covers every
//! original byte that any byte of it came from (a joined amount covers both of its lines).
use crate::text::Span;
use std::borrow::Cow;

/// The text to read, and how to find its bytes in the original.
#[derive(Debug)]
pub struct Normalized<'a> {
    pub text: Cow<'a, str>,
    pub map: OffsetMap,
}

/// Spans of a normalised text → spans of the original. One step per pass that changed something,
/// applied last pass first.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    steps: Vec<Step>,
}

impl OffsetMap {
    /// Nothing was changed: spans need no mapping.
    pub fn is_identity(&self) -> bool {
        self.steps.is_empty()
    }

    /// The original span of a span of the normalised text.
    pub fn span(&self, s: Span) -> Span {
        self.steps.iter().rev().fold(s, |s, step| step.span(s))
    }
}

/// One pass's map: the normalised text cut into segments, each from one original range.
#[derive(Clone, Debug)]
struct Step {
    segs: Vec<Seg>,
    /// Length of this pass's output.
    len: u32,
    /// Length of its input.
    orig_len: u32,
}

/// A piece of the output starting at `at` (up to the next segment) that came from
/// `orig..orig_end`. `linear`: the piece is a copy (or a one-for-one replacement of characters of
/// the same length), so every offset inside maps to the same offset inside the original range;
/// otherwise the piece stands for the whole range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seg {
    at: u32,
    orig: u32,
    orig_end: u32,
    linear: bool,
}

impl Step {
    fn end_of(&self, k: usize) -> u32 {
        self.segs.get(k + 1).map_or(self.len, |s| s.at)
    }

    /// The segment holding offset `p` (the last one starting at or before it).
    fn seg_at(&self, p: u32) -> usize {
        self.segs.partition_point(|s| s.at <= p).saturating_sub(1)
    }

    fn point(&self, p: u32) -> u32 {
        if p >= self.len || self.segs.is_empty() {
            return self.orig_len;
        }
        let s = self.segs[self.seg_at(p)];
        if s.linear {
            s.orig + (p - s.at)
        } else if p == s.at {
            s.orig
        } else {
            s.orig_end
        }
    }

    fn span(&self, s: Span) -> Span {
        if s.is_empty() {
            let p = self.point(s.start);
            return Span { start: p, end: p };
        }
        let (mut lo, mut hi) = (u32::MAX, 0);
        let mut k = self.seg_at(s.start);
        while k < self.segs.len() && self.segs[k].at < s.end {
            let g = self.segs[k];
            let end = self.end_of(k);
            if end > s.start {
                let (a, b) = if g.linear {
                    (
                        g.orig + (s.start.max(g.at) - g.at),
                        g.orig + (s.end.min(end) - g.at),
                    )
                } else {
                    (g.orig, g.orig_end)
                };
                lo = lo.min(a);
                hi = hi.max(b);
            }
            k += 1;
        }
        if lo > hi {
            let p = self.point(s.start);
            return Span { start: p, end: p };
        }
        Span { start: lo, end: hi }
    }
}

/// Writes the output of a pass and its segments.
struct Builder {
    out: String,
    segs: Vec<Seg>,
}

impl Builder {
    fn with_capacity(n: usize) -> Builder {
        Builder {
            out: String::with_capacity(n),
            segs: Vec::new(),
        }
    }

    /// `text` from `orig..orig + text.len()` (a copy, or characters replaced one for one by
    /// characters of the same length).
    fn linear(&mut self, orig: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        let (orig, end) = (orig as u32, (orig + text.len()) as u32);
        match self.segs.last_mut() {
            Some(s) if s.linear && s.orig_end == orig => s.orig_end = end,
            _ => self.segs.push(Seg {
                at: self.out.len() as u32,
                orig,
                orig_end: end,
                linear: true,
            }),
        }
        self.out.push_str(text);
    }

    /// `text` standing for the whole of `orig`.
    fn atomic(&mut self, orig: std::ops::Range<usize>, text: &str) {
        if text.is_empty() {
            return;
        }
        self.segs.push(Seg {
            at: self.out.len() as u32,
            orig: orig.start as u32,
            orig_end: orig.end as u32,
            linear: false,
        });
        self.out.push_str(text);
    }

    fn finish(self, orig_len: usize) -> (String, Step) {
        let len = self.out.len() as u32;
        (
            self.out,
            Step {
                segs: self.segs,
                len,
                orig_len: orig_len as u32,
            },
        )
    }
}

/// Normalise `src` for reading (see the module documentation).
pub fn normalize(src: &str) -> Normalized<'_> {
    let mut map = OffsetMap::default();
    let (first, split_decimals) = chars_pass(src);
    let mut text = match first {
        Some((t, step)) => {
            map.steps.push(step);
            Cow::Owned(t)
        }
        None => Cow::Borrowed(src),
    };
    if split_decimals {
        if let Some((t, step)) = rejoin_decimals(&text) {
            map.steps.push(step);
            text = Cow::Owned(t);
        }
    }
    Normalized { text, map }
}

// ---------- pass 1: characters ----------

/// The pass over characters (full-width forms, Traditional characters, pinyin, a space inside a
/// number), and whether the text has a line starting with a decimal part (for pass 2).
///
/// This runs on every input, most of which needs nothing: ASCII is gone over eight bytes at a
/// time, a CJK character costs one bit test, and what an edit needs is out of line.
fn chars_pass(src: &str) -> (Option<(String, Step)>, bool) {
    let b = src.as_bytes();
    let mut ed = Edits::default();
    let mut fragments = false;
    let n = b.len();
    let mut i = 0;
    while i < n {
        // ASCII that needs no look, eight bytes at a time
        while let Some(chunk) = b.get(i..i + 8) {
            let m = to_look_at(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
            if m != 0 {
                i += (m.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        // CJK characters, one bit test each
        let mut rest = &b[i..];
        while let [c @ 0xE4..=0xE9, b1, b2, tail @ ..] = rest {
            if TRAD_BITS[usize::from(c & 0x0F) << 6 | usize::from(b1 & 0x3F)] >> (b2 & 0x3F) & 1
                != 0
            {
                ed.traditional(src, n - rest.len());
            }
            rest = tail;
        }
        i = n - rest.len();
        let Some(&c) = b.get(i) else {
            break;
        };
        match c {
            // a decimal point after white space: a space inside a number, or a decimal part
            // printed below its integer part (most points stand after a digit: one test)
            b'.' => {
                if i > 0 && matches!(b[i - 1], b' ' | b'\n' | b'\r' | 0x80) {
                    fragments |= ed.point(src, i);
                }
                i += 1;
            }
            b'(' => {
                i = match pinyin_after(src, i, 1) {
                    Some(end) => {
                        ed.edit(src, i, end, "", false);
                        end
                    }
                    None => i + 1,
                };
            }
            0..=0x7F => i += 1,
            0xEF if i + 2 < n => {
                let cp = decode3(b, i);
                if cp == 0xFF08 {
                    if let Some(end) = pinyin_after(src, i, 3) {
                        ed.edit(src, i, end, "", false);
                        i = end;
                        continue;
                    }
                } else if let Some(a) = full_width(b, i, cp) {
                    let mut buf = [0u8; 4];
                    ed.edit(src, i, i + 3, a.encode_utf8(&mut buf), false);
                }
                i += 3;
            }
            0xF0.. => i += 4,
            0xE0.. => i += 3,
            _ => i += 2,
        }
    }
    let out = ed.out.map(|mut o| {
        o.linear(ed.done, &src[ed.done..]);
        o.finish(src.len())
    });
    (out, fragments)
}

/// The edits of pass 1, written lazily: nothing is copied until the first one.
#[derive(Default)]
struct Edits {
    out: Option<Builder>,
    /// Input bytes up to here are written.
    done: usize,
}

impl Edits {
    /// Replace `from..to` by `text` (`linear`: one character for one, of the same length).
    #[cold]
    #[inline(never)]
    fn edit(&mut self, src: &str, from: usize, to: usize, text: &str, linear: bool) {
        let o = self
            .out
            .get_or_insert_with(|| Builder::with_capacity(src.len()));
        o.linear(self.done, &src[self.done..from]);
        if linear {
            o.linear(from, text);
        } else {
            o.atomic(from..to, text);
        }
        self.done = to;
    }

    /// A decimal point at `i` after white space: a space inside a number is removed; whether it
    /// starts a line (a decimal part printed below its integer part, for pass 2).
    #[cold]
    #[inline(never)]
    fn point(&mut self, src: &str, i: usize) -> bool {
        let b = src.as_bytes();
        if !digit_at(b, i + 1) {
            return false;
        }
        if let Some(w) = space_before_decimals(src, i) {
            if i - w >= self.done {
                self.edit(src, i - w, i, "", false);
            }
            return false;
        }
        starts_line(b, i)
    }

    #[cold]
    #[inline(never)]
    fn traditional(&mut self, src: &str, i: usize) {
        let mut buf = [0u8; 4];
        let s = simplified(decode3(src.as_bytes(), i)).encode_utf8(&mut buf);
        self.edit(src, i, i + 3, s, true);
    }
}

/// The bytes of `x` (eight bytes of the input) that pass 1 must look at: the high bit of each
/// byte that is not ASCII, a `.` or a `(` (the lowest set bit is exact; bits above it may not be).
fn to_look_at(x: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    (x & HI) | zero(x ^ (LO * u64::from(b'.'))) | zero(x ^ (LO * u64::from(b'(')))
}

fn decode3(b: &[u8], i: usize) -> u32 {
    (u32::from(b[i]) & 0x0F) << 12
        | (u32::from(b[i + 1]) & 0x3F) << 6
        | (u32::from(b[i + 2]) & 0x3F)
}

/// `579 .89`: the width of the space (ASCII or U+3000) before the `.` at `i`, when an integer
/// part (digits and thousands commas, ASCII or full-width, no decimals of its own) stands right
/// before it.
fn space_before_decimals(src: &str, i: usize) -> Option<usize> {
    let b = src.as_bytes();
    let w = if i >= 1 && b[i - 1] == b' ' {
        1
    } else if i >= 3 && b[i - 3..i] == [0xE3, 0x80, 0x80] {
        3
    } else {
        return None;
    };
    let end = i - w;
    if !digit_before(b, end) {
        return None;
    }
    let mut before = src[..end]
        .chars()
        .rev()
        .skip_while(|c| matches!(c, '0'..='9' | '０'..='９' | ',' | '，'));
    let last = src[..end]
        .chars()
        .rev()
        .take_while(|c| matches!(c, '0'..='9' | '０'..='９' | ',' | '，'))
        .last();
    let starts_with_digit = last.is_some_and(|c| c != ',' && c != '，');
    (starts_with_digit && !matches!(before.next(), Some('.' | '．'))).then_some(w)
}

/// Only spaces stand between the line's start and `i`.
fn starts_line(b: &[u8], i: usize) -> bool {
    let mut k = i;
    while k > 0 && b[k - 1] == b' ' {
        k -= 1;
    }
    k == 0 || matches!(b[k - 1], b'\n' | b'\r')
}

const TONES: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

/// `經(jīng)`: the end of the pinyin group whose opening parenthesis (`open` bytes long) is at `i`,
/// right after a CJK character (and of any group right after it: `經(jīng)(jīng)` is one
/// character too).
fn pinyin_after(src: &str, i: usize, open: usize) -> Option<usize> {
    let b = src.as_bytes();
    if i < 3 || !(0xE4..=0xE9).contains(&b[i - 3]) || !is_cjk(decode3(b, i - 3)) {
        return None;
    }
    let mut end = pinyin_group(src, i + open)?;
    while let Some(open) = [("(", 1), ("（", 3)]
        .into_iter()
        .find(|(p, _)| src[end..].starts_with(p))
        .map(|(_, n)| n)
    {
        match pinyin_group(src, end + open) {
            Some(e) => end = e,
            None => break,
        }
    }
    Some(end)
}

/// The end of a pinyin group whose text starts at `at` (after its opening parenthesis): lower
/// case letters, at least one with a tone mark, single spaces between syllables, a closing
/// parenthesis.
fn pinyin_group(src: &str, at: usize) -> Option<usize> {
    let mut toned = false;
    let mut prev_space = true;
    for (k, ch) in src[at..].char_indices().take(40) {
        match ch {
            'a'..='z' => prev_space = false,
            ' ' if !prev_space => prev_space = true,
            ')' | '）' if k > 0 && !prev_space => {
                return toned.then_some(at + k + ch.len_utf8());
            }
            _ if TONES.contains(ch) => {
                toned = true;
                prev_space = false;
            }
            _ => return None,
        }
    }
    None
}

fn is_cjk(cp: u32) -> bool {
    (0x4E00..=0x9FFF).contains(&cp)
}

/// A digit, ASCII or full-width, starting at `i`.
fn digit_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit) || full_width_digit_at(b, i)
}

fn full_width_digit_at(b: &[u8], i: usize) -> bool {
    i + 2 < b.len() && b[i] == 0xEF && b[i + 1] == 0xBC && (0x90..=0x99).contains(&b[i + 2])
}

/// A digit, ASCII or full-width, ending right before `i`.
fn digit_before(b: &[u8], i: usize) -> bool {
    (i >= 1 && b[i - 1].is_ascii_digit()) || (i >= 3 && full_width_digit_at(b, i - 3))
}

/// Four digits (ASCII or full-width) and 年 from `i`.
fn year_at(b: &[u8], mut i: usize) -> bool {
    for _ in 0..4 {
        if b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else if full_width_digit_at(b, i) {
            i += 3;
        } else {
            return false;
        }
    }
    b[i..].starts_with("年".as_bytes())
}

/// The ASCII character a full-width form at `i` (code point `cp`) stands for, where it is safe.
fn full_width(b: &[u8], i: usize, cp: u32) -> Option<char> {
    let ascii = |cp: u32| char::from_u32(cp - 0xFEE0);
    match cp {
        // ０-９, Ａ-Ｚ, ａ-ｚ
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => ascii(cp),
        // ． between digits of a number written in full-width (not "4．2024年…", a list marker
        // before a year: corpus 21, 27)
        0xFF0E
            if digit_before(b, i)
                && digit_at(b, i + 3)
                && (full_width_digit_at(b, i.saturating_sub(3))
                    || full_width_digit_at(b, i + 3))
                && !year_at(b, i + 3) =>
        {
            Some('.')
        }
        // ％ after a digit
        0xFF05 if digit_before(b, i) => Some('%'),
        // － before a digit
        0xFF0D if digit_at(b, i + 3) => Some('-'),
        // ， in a number written in full-width digits: ５，６００
        0xFF0C
            if i >= 3
                && full_width_digit_at(b, i - 3)
                && (1..=3).all(|k| full_width_digit_at(b, i + 3 * k))
                && !digit_at(b, i + 12) =>
        {
            Some(',')
        }
        _ => None,
    }
}

/// Traditional characters of the budget vocabulary and their Simplified forms, sorted by the
/// Traditional character. Every character of corpus 05 and 06 that is not Simplified is here.
/// Characters that are also Simplified text (乾, 著, 覆, 隻, 麼 …) are not.
#[rustfmt::skip]
const TRAD: [(char, char); 325] = [
    ('並', '并'), ('佈', '布'), ('來', '来'), ('係', '系'), ('個', '个'), ('們', '们'), ('備', '备'), ('傭', '佣'),
    ('傳', '传'), ('債', '债'), ('傷', '伤'), ('僱', '雇'), ('價', '价'), ('儀', '仪'), ('億', '亿'), ('儉', '俭'),
    ('償', '偿'), ('優', '优'), ('儲', '储'), ('兒', '儿'), ('內', '内'), ('兩', '两'), ('別', '别'), ('則', '则'),
    ('劃', '划'), ('劇', '剧'), ('劑', '剂'), ('動', '动'), ('務', '务'), ('勞', '劳'), ('勢', '势'), ('勵', '励'),
    ('匯', '汇'), ('區', '区'), ('協', '协'), ('卹', '恤'), ('參', '参'), ('員', '员'), ('問', '问'), ('啓', '启'),
    ('啟', '启'), ('喪', '丧'), ('單', '单'), ('嗎', '吗'), ('嚴', '严'), ('國', '国'), ('園', '园'), ('圖', '图'),
    ('團', '团'), ('執', '执'), ('報', '报'), ('場', '场'), ('壓', '压'), ('壞', '坏'), ('婦', '妇'), ('學', '学'),
    ('實', '实'), ('審', '审'), ('寬', '宽'), ('將', '将'), ('專', '专'), ('對', '对'), ('導', '导'), ('層', '层'),
    ('屬', '属'), ('師', '师'), ('帳', '帐'), ('帶', '带'), ('幣', '币'), ('幹', '干'), ('幾', '几'), ('庫', '库'),
    ('廠', '厂'), ('廢', '废'), ('廣', '广'), ('廳', '厅'), ('彙', '汇'), ('後', '后'), ('從', '从'), ('復', '复'),
    ('態', '态'), ('應', '应'), ('戶', '户'), ('採', '采'), ('損', '损'), ('撥', '拨'), ('撫', '抚'), ('擁', '拥'),
    ('擔', '担'), ('據', '据'), ('數', '数'), ('於', '于'), ('時', '时'), ('曆', '历'), ('書', '书'), ('會', '会'),
    ('東', '东'), ('條', '条'), ('棄', '弃'), ('業', '业'), ('極', '极'), ('構', '构'), ('樓', '楼'), ('標', '标'),
    ('機', '机'), ('檔', '档'), ('檢', '检'), ('權', '权'), ('歲', '岁'), ('歷', '历'), ('歸', '归'), ('殘', '残'),
    ('氣', '气'), ('決', '决'), ('況', '况'), ('減', '减'), ('測', '测'), ('準', '准'), ('溫', '温'), ('滿', '满'),
    ('漁', '渔'), ('濕', '湿'), ('濟', '济'), ('災', '灾'), ('為', '为'), ('無', '无'), ('熱', '热'), ('燈', '灯'),
    ('營', '营'), ('爭', '争'), ('爲', '为'), ('爾', '尔'), ('獎', '奖'), ('獲', '获'), ('獻', '献'), ('現', '现'),
    ('環', '环'), ('產', '产'), ('畫', '画'), ('當', '当'), ('療', '疗'), ('發', '发'), ('監', '监'), ('眾', '众'),
    ('碼', '码'), ('礦', '矿'), ('稅', '税'), ('稱', '称'), ('積', '积'), ('穩', '稳'), ('競', '竞'), ('節', '节'),
    ('範', '范'), ('簡', '简'), ('簽', '签'), ('紀', '纪'), ('約', '约'), ('納', '纳'), ('級', '级'), ('紮', '扎'),
    ('終', '终'), ('組', '组'), ('結', '结'), ('絡', '络'), ('給', '给'), ('統', '统'), ('經', '经'), ('綜', '综'),
    ('綫', '线'), ('維', '维'), ('網', '网'), ('緊', '紧'), ('線', '线'), ('編', '编'), ('練', '练'), ('縣', '县'),
    ('縮', '缩'), ('總', '总'), ('績', '绩'), ('織', '织'), ('繕', '缮'), ('繳', '缴'), ('義', '义'), ('習', '习'),
    ('聞', '闻'), ('聯', '联'), ('職', '职'), ('聽', '听'), ('腦', '脑'), ('臨', '临'), ('臺', '台'), ('與', '与'),
    ('舉', '举'), ('舊', '旧'), ('華', '华'), ('萬', '万'), ('藝', '艺'), ('藥', '药'), ('處', '处'), ('號', '号'),
    ('衆', '众'), ('術', '术'), ('衛', '卫'), ('裏', '里'), ('補', '补'), ('裝', '装'), ('裡', '里'), ('製', '制'),
    ('複', '复'), ('見', '见'), ('規', '规'), ('視', '视'), ('觀', '观'), ('訂', '订'), ('計', '计'), ('訊', '讯'),
    ('訓', '训'), ('記', '记'), ('設', '设'), ('評', '评'), ('詢', '询'), ('話', '话'), ('認', '认'), ('說', '说'),
    ('調', '调'), ('談', '谈'), ('請', '请'), ('論', '论'), ('講', '讲'), ('證', '证'), ('識', '识'), ('議', '议'),
    ('護', '护'), ('讀', '读'), ('變', '变'), ('讓', '让'), ('負', '负'), ('財', '财'), ('貨', '货'), ('責', '责'),
    ('買', '买'), ('貸', '贷'), ('費', '费'), ('貼', '贴'), ('貿', '贸'), ('賃', '赁'), ('資', '资'), ('賓', '宾'),
    ('賣', '卖'), ('質', '质'), ('賬', '账'), ('購', '购'), ('贈', '赠'), ('車', '车'), ('軟', '软'), ('較', '较'),
    ('輕', '轻'), ('輛', '辆'), ('轄', '辖'), ('轉', '转'), ('辦', '办'), ('農', '农'), ('這', '这'), ('週', '周'),
    ('進', '进'), ('運', '运'), ('過', '过'), ('達', '达'), ('遞', '递'), ('選', '选'), ('遺', '遗'), ('還', '还'),
    ('郵', '邮'), ('鄉', '乡'), ('醫', '医'), ('銀', '银'), ('錄', '录'), ('錢', '钱'), ('鎮', '镇'), ('鐵', '铁'),
    ('鑑', '鉴'), ('鑒', '鉴'), ('長', '长'), ('門', '门'), ('閉', '闭'), ('開', '开'), ('閒', '闲'), ('間', '间'),
    ('閱', '阅'), ('關', '关'), ('陣', '阵'), ('陳', '陈'), ('隊', '队'), ('際', '际'), ('隨', '随'), ('險', '险'),
    ('雖', '虽'), ('雙', '双'), ('雜', '杂'), ('離', '离'), ('電', '电'), ('響', '响'), ('頁', '页'), ('項', '项'),
    ('須', '须'), ('預', '预'), ('頒', '颁'), ('領', '领'), ('頭', '头'), ('題', '题'), ('額', '额'), ('類', '类'),
    ('顯', '显'), ('飯', '饭'), ('飲', '饮'), ('養', '养'), ('餘', '余'), ('館', '馆'), ('駕', '驾'), ('駛', '驶'),
    ('驗', '验'), ('體', '体'), ('點', '点'), ('黨', '党'), ('齊', '齐'),
];

/// One bit per code point below U+10000 (a row of 64 per lead byte and second byte of its UTF-8
/// form): is it in [`TRAD`]?
const TRAD_BITS: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let mut k = 0;
    while k < TRAD.len() {
        let cp = TRAD[k].0 as u32;
        bits[(cp >> 6) as usize] |= 1 << (cp & 63);
        k += 1;
    }
    bits
};

#[cfg(test)]
fn is_traditional(cp: u32) -> bool {
    TRAD_BITS
        .get((cp >> 6) as usize)
        .is_some_and(|w| w >> (cp & 63) & 1 == 1)
}

fn simplified(cp: u32) -> char {
    let c = char::from_u32(cp).unwrap_or(' ');
    TRAD.binary_search_by(|p| p.0.cmp(&c))
        .map_or(c, |k| TRAD[k].1)
}

// ---------- pass 2: decimal parts printed one line down ----------

/// A character of a rebuilt line and where it came from (`len` 0: a space standing for nothing).
#[derive(Clone, Copy, Debug)]
struct PChar {
    c: char,
    at: u32,
    len: u8,
}

impl PChar {
    fn blank(at: u32) -> PChar {
        PChar { c: ' ', at, len: 0 }
    }
}

struct PLine {
    chars: Vec<PChar>,
    /// The line terminator's original range.
    eol: (u32, u32),
}

impl PLine {
    /// Characters up to the last one that is not a space.
    fn visible(&self) -> usize {
        self.chars
            .iter()
            .rposition(|p| p.c != ' ')
            .map_or(0, |k| k + 1)
    }
}

/// A line starting with a decimal part: its column and length (`.62` → 3).
fn fragment(chars: &[PChar]) -> Option<(usize, usize)> {
    let c = chars.iter().take_while(|p| p.c == ' ').count();
    if chars.get(c)?.c != '.' {
        return None;
    }
    let digits = chars[c + 1..]
        .iter()
        .take_while(|p| p.c.is_ascii_digit())
        .count();
    let next = chars.get(c + 1 + digits).map(|p| p.c);
    (digits > 0 && !matches!(next, Some('.' | ','))).then_some((c, 1 + digits))
}

/// The integer parts in a line (digits and thousands commas after a space or at the start, not
/// followed by decimals), as column ranges.
fn integers(chars: &[PChar]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].c.is_ascii_digit() || (k > 0 && chars[k - 1].c != ' ') {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < chars.len() && (chars[e].c.is_ascii_digit() || chars[e].c == ',') {
            e += 1;
        }
        let mut end = e;
        while chars[end - 1].c == ',' {
            end -= 1;
        }
        if chars.get(end).is_none_or(|p| p.c == ' ') {
            out.push((k, end));
        }
        k = e;
    }
    out
}

/// Rejoin the decimal parts printed one line below their integer parts; `None` when there are
/// none to rejoin.
fn rejoin_decimals(src: &str) -> Option<(String, Step)> {
    let mut out: Vec<PLine> = Vec::new();
    let mut changed = false;
    let mut start = 0;
    let b = src.as_bytes();
    while start < src.len() {
        let end = b[start..]
            .iter()
            .position(|x| matches!(x, b'\n' | b'\r'))
            .map_or(src.len(), |k| start + k);
        let term = match b.get(end) {
            Some(b'\r') if b.get(end + 1) == Some(&b'\n') => 2,
            Some(_) => 1,
            None => 0,
        };
        let mut line = PLine {
            chars: src[start..end]
                .char_indices()
                .map(|(k, c)| PChar {
                    c,
                    at: (start + k) as u32,
                    len: c.len_utf8() as u8,
                })
                .collect(),
            eol: (end as u32, (end + term) as u32),
        };
        start = end + term;
        // (the rest of a line may start with a decimal part again)
        let mut whole = false;
        while let (Some(prev), Some(frag)) = (out.last_mut(), fragment(&line.chars)) {
            match attach(prev, &mut line, frag) {
                Attached::No => break,
                Attached::Rest => changed = true,
                Attached::Whole => {
                    changed = true;
                    whole = true;
                    break;
                }
            }
        }
        if !whole {
            out.push(line);
        }
    }
    if !changed {
        return None;
    }
    let mut o = Builder::with_capacity(src.len());
    let mut buf = [0u8; 4];
    for l in &out {
        for p in &l.chars {
            let s = p.c.encode_utf8(&mut buf);
            if usize::from(p.len) == s.len() {
                o.linear(p.at as usize, s);
            } else {
                o.atomic(p.at as usize..(p.at + u32::from(p.len)) as usize, s);
            }
        }
        o.linear(l.eol.0 as usize, &src[l.eol.0 as usize..l.eol.1 as usize]);
    }
    Some(o.finish(src.len()))
}

enum Attached {
    No,
    /// The decimal part moved up; the line keeps the rest.
    Rest,
    /// The line is gone: joined to, or laid onto, the line above.
    Whole,
}

/// Move the decimal part `frag` (column, length) at the start of `line` to its integer part in
/// `prev`.
fn attach(prev: &mut PLine, line: &mut PLine, (c, flen): (usize, usize)) -> Attached {
    let after = line.chars.get(c + flen).map(|p| p.c);
    // prose: "…预算数14,770" / "    .62万元，其中…": join the lines
    let glued = match after {
        Some(' ') => line
            .chars
            .get(c + flen + 1)
            .is_some_and(|p| matches!(p.c, '万' | '元' | '亿')),
        Some(_) => true,
        None => false,
    };
    if glued {
        let n = prev.chars.len();
        let digits = prev
            .chars
            .iter()
            .rev()
            .take_while(|p| p.c.is_ascii_digit() || p.c == ',')
            .count();
        let ok = n > 0
            && prev.chars[n - 1].c.is_ascii_digit()
            && prev.chars[n - digits].c.is_ascii_digit()
            && (digits == n || prev.chars[n - digits - 1].c != '.');
        if !ok {
            return Attached::No;
        }
        prev.chars.extend_from_slice(&line.chars[c..]);
        prev.eol = line.eol;
        return Attached::Whole;
    }
    // a table: the integer part ending at the decimal part's column (pdftotext puts the decimal
    // part at the integer part's last column or right after it)
    let Some((s, e)) = integers(&prev.chars)
        .into_iter()
        .filter(|&(_, e)| (c as isize - 1..=c as isize + 2).contains(&(e as isize)))
        .min_by_key(|&(_, e)| (e as isize - c as isize - 1).abs())
    else {
        return Attached::No;
    };
    let number: Vec<PChar> = prev.chars[s..e]
        .iter()
        .chain(&line.chars[c..c + flen])
        .copied()
        .collect();
    let pad = PChar::blank(prev.eol.0);
    let mut row = prev.chars.clone();
    for p in &mut row[s..e] {
        *p = PChar::blank(p.at);
    }
    // ending where the decimal part was printed (the right edge of the amount), else right after
    // the integer part
    let free = |row: &[PChar], from: usize, to: usize| {
        (from.saturating_sub(1)..=to).all(|k| row.get(k).is_none_or(|p| p.c == ' '))
    };
    let at = [(c + flen).checked_sub(number.len()), Some(s)]
        .into_iter()
        .flatten()
        .find(|&a| free(&row, a, a + number.len()));
    let Some(at) = at else {
        return Attached::No;
    };
    if row.len() < at + number.len() {
        row.resize(at + number.len(), pad);
    }
    row[at..at + number.len()].copy_from_slice(&number);
    prev.chars = row;
    let frag_at = line.chars[c].at;
    for p in &mut line.chars[c..c + flen] {
        *p = PChar::blank(frag_at);
    }
    let Some(first) = line.chars.iter().position(|p| p.c != ' ') else {
        return Attached::Whole;
    };
    // the rest of the row, printed one line lower: lay it onto the row's line (a space between,
    // where the rejoined amount now reaches the rest)
    let v = prev.visible();
    if first < v {
        return Attached::Rest;
    }
    prev.chars.truncate(v);
    if first == v {
        prev.chars.push(PChar::blank(line.chars[first].at));
    }
    prev.chars.extend_from_slice(&line.chars[v..]);
    Attached::Whole
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalised text, and the original text of a span of it given by its first occurrence.
    fn norm(src: &str) -> Normalized<'_> {
        normalize(src)
    }

    fn orig_of<'a>(src: &'a str, n: &Normalized, needle: &str) -> &'a str {
        let at = n.text.find(needle).expect("needle in the normalised text");
        n.map.span(Span::new(at, at + needle.len())).slice(src)
    }

    #[test]
    fn simplified_text_is_not_copied() {
        // corpus 11 and 15 print list markers as "7．", corpus 12 a dash between words: none of
        // them is a number
        for src in [
            "7．其他收入 0.01 万元",
            "  4．2024年预算单位财政拨款收支预算总表",
            "  1．因公出国（境）费支出情况",
            "护费        维修－专用设备        ",
            "2024年收入合计7,895.93万元，下降3.17%",
        ] {
            let n = norm(src);
            assert!(matches!(n.text, Cow::Borrowed(_)), "{src}");
            assert!(n.map.is_identity());
        }
    }

    #[test]
    fn traditional_characters_become_simplified() {
        // corpus 06
        let src = "教育部2017年財政撥款收支總預算1378億元，收入主要包括當年財政撥款收入1334億元，上年結轉44億元。";
        let n = norm(src);
        assert_eq!(
            n.text,
            "教育部2017年财政拨款收支总预算1378亿元，收入主要包括当年财政拨款收入1334亿元，上年结转44亿元。"
        );
        // one character for one, three bytes each: every offset stays
        assert_eq!(n.text.len(), src.len());
        assert_eq!(orig_of(src, &n, "1334亿元"), "1334億元");
        assert_eq!(orig_of(src, &n, "上年结转"), "上年結轉");
    }

    #[test]
    fn every_table_entry_is_one_character_for_one_of_the_same_length() {
        for w in TRAD.windows(2) {
            assert!(w[0].0 < w[1].0, "sorted, no duplicate: {:?}", w);
        }
        for (t, s) in TRAD {
            assert_ne!(t, s);
            assert_eq!(t.len_utf8(), 3);
            assert_eq!(s.len_utf8(), 3);
            assert!(!is_traditional(s as u32), "{s} is Simplified");
            assert!(is_traditional(t as u32));
        }
        for s in "干乾著覆只台后里系余万预算经费".chars() {
            assert!(!is_traditional(s as u32), "{s} is left alone");
        }
    }

    #[test]
    fn pinyin_after_a_character_is_removed() {
        // corpus 05
        let src = "財政預算撥款“三公”經(jīng)費(fèi)支出合計(jì)35萬(wàn)元,比上年減少2.28萬(wàn)元。其中:因公出國(guó)(境)費(fèi) 0 萬(wàn)元";
        let n = norm(src);
        assert_eq!(
            n.text,
            "财政预算拨款“三公”经费支出合计35万元,比上年减少2.28万元。其中:因公出国(境)费 0 万元"
        );
        assert_eq!(orig_of(src, &n, "35"), "35");
        assert_eq!(orig_of(src, &n, "合计"), "合計");
        assert_eq!(orig_of(src, &n, "万元"), "萬(wàn)元");
        assert_eq!(orig_of(src, &n, "经费"), "經(jīng)費");
        // "(境)" is no pinyin, nor are ASCII words and codes in brackets, nor a group after no
        // character
        for src in [
            "因公出国(境)费",
            "运行维护费(wei hu)",
            "项目(A01)",
            "经费(abc)",
            "(jīng)",
            "A(jīng)",
        ] {
            assert!(norm(src).map.is_identity(), "{src}");
        }
        assert_eq!(norm("經（jīng）費").text, "经费");
        assert_eq!(norm("綜合(zōng hé)預算").text, "综合预算");
    }

    #[test]
    fn full_width_digits_and_number_punctuation() {
        // corpus 25 prints its indicator thresholds with a full-width percent sign, corpus 26
        // counts with full-width digits
        let n = norm("满意度大于等于90％的得10分");
        assert_eq!(n.text, "满意度大于等于90%的得10分");
        let n = norm("            ３个         10");
        assert_eq!(n.text, "            3个         10");
        let src = "合计１２，３４５．６７万元，减少－３．５％";
        let n = norm(src);
        assert_eq!(n.text, "合计12,345.67万元，减少-3.5%");
        assert_eq!(orig_of(src, &n, "12,345.67"), "１２，３４５．６７");
        assert_eq!(orig_of(src, &n, "45"), "４５");
        // a Chinese comma between numbers in prose is not a thousands separator
        assert_eq!(norm("１，２").text, "1，2");
        assert_eq!(norm("分别为５，３００").text, "分别为5,300");
        assert_eq!(norm("２０２２，２０２３年").text, "2022，2023年");
        assert_eq!(norm("１．２０２４年预算").text, "1．2024年预算");
        assert_eq!(norm("12．５").text, "12.5");
    }

    #[test]
    fn a_space_before_the_decimal_point_is_removed() {
        // corpus 32
        let src = "政府性基金预算支出 579 .89 万 元,主要用于";
        let n = norm(src);
        assert_eq!(n.text, "政府性基金预算支出 579.89 万 元,主要用于");
        assert_eq!(orig_of(src, &n, "579.89"), "579 .89");
        // corpus 32's scrambled clause: "4" and ".34" belong to different amounts
        let src = "公用经费增加4             .34万元,主要用于";
        assert!(norm(src).map.is_identity());
        assert_eq!(norm("14,770 .62").text, "14,770.62");
        assert_eq!(norm("1.5 .5").text, "1.5 .5");
    }

    #[test]
    fn decimals_on_the_next_line_of_prose_are_joined() {
        // corpus 32
        let src = "  (一)收入预算:2026年年初预算数14,770\n                         .62万元,其中:一般公共预算拨款12,672\n                                               .73万元,政府性基金\n预算拨款579\n      .89万元,事业收入资金 388 万元";
        let n = norm(src);
        assert_eq!(
            n.text,
            "  (一)收入预算:2026年年初预算数14,770.62万元,其中:一般公共预算拨款12,672.73万元,政府性基金\n预算拨款579.89万元,事业收入资金 388 万元"
        );
        let whole = orig_of(src, &n, "14,770.62");
        assert!(
            whole.starts_with("14,770\n") && whole.ends_with(".62"),
            "{whole:?}"
        );
        assert_eq!(orig_of(src, &n, "政府性基金"), "政府性基金");
        // "…减少 / .43万元" after a line that does not end in a number stays as it is
        let src = "主要用于认真落实 《气象高质量发展纲\n                 .43万元;项目支出7,227";
        assert!(norm(src).map.is_identity());
    }

    #[test]
    fn decimals_on_the_next_line_of_a_table_go_back_to_their_row() {
        // corpus 32, 表三: every amount of a row one line lower than the one before it
        let src = "208             社会保障和就业支出                          120\n                                                     .17       120\n                                                                 .17\n\n 20805           行政事业单位养老支出                        120\n";
        let n = norm(src);
        let lines: Vec<&str> = n.text.lines().collect();
        assert_eq!(
            lines[0],
            "208             社会保障和就业支出                         120.17      120.17"
        );
        assert_eq!(lines[1], "");
        assert!(lines[2].starts_with(" 20805"));
        // each amount ends in the column its decimal part was printed in
        let ends = |l: &str| -> Vec<usize> {
            let cs: Vec<char> = l.chars().collect();
            (1..=cs.len())
                .filter(|&k| cs[k - 1] == '7' && cs.get(k).is_none_or(|c| *c == ' '))
                .collect()
        };
        let src_lines: Vec<&str> = src.lines().collect();
        assert_eq!(
            ends(lines[0]),
            [ends(src_lines[1])[0], ends(src_lines[2])[0]]
        );
        let first = orig_of(src, &n, "120.17");
        assert!(
            first.starts_with("120\n") && first.ends_with(".17"),
            "{first:?}"
        );
        assert_eq!(orig_of(src, &n, "社会保障和就业支出"), "社会保障和就业支出");
    }

    #[test]
    fn the_lower_half_of_a_two_sided_row_is_laid_onto_it() {
        // corpus 32, 表一: the 支出 side is printed one line below the 收入 side
        let src = "       合   计                   14,770\n                                    .62         合   计                  14,770\n                                                                            .62\n二、政府性基金预算资金                      579\n                                   .89 二、卫生健康支出                           40\n                                                                           .68\n";
        let n = norm(src);
        let lines: Vec<&str> = n.text.lines().collect();
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert_eq!(
            lines[0],
            "       合   计                  14,770.62         合   计                 14,770.62"
        );
        assert_eq!(
            lines[1],
            "二、政府性基金预算资金                     579.89 二、卫生健康支出                          40.68"
        );
        let right = n.text.rfind("40.68").unwrap();
        let o = n.map.span(Span::new(right, right + 5)).slice(src);
        assert!(o.starts_with("40\n") && o.ends_with(".68"), "{o:?}");
    }

    #[test]
    fn generated_texts_never_panic_and_map_back() {
        let pieces = [
            "經",
            "費",
            "(jīng)",
            "（fèi）",
            "１",
            "２",
            "．",
            "％",
            "－",
            "，",
            " ",
            ".",
            "5",
            "14,770",
            "\n",
            "\r\n",
            "   .62",
            "                .5",
            "万元",
            "億元",
            "\u{3000}",
            "a",
            "(",
            ")",
            "合计",
            "\t",
            "𠀀",
            "  ．",
            "５ ",
            "ü)",
            "(ā",
            "，３",
            "\u{3000}.",
            "1 .",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let mut src = String::new();
            for _ in 0..next(40) {
                src.push_str(pieces[next(pieces.len())]);
            }
            let n = norm(&src);
            let t = &n.text;
            for (a, _) in t.char_indices().chain([(t.len(), ' ')]) {
                for b in [a, t.len()] {
                    let s = n.map.span(Span::new(a, b));
                    assert!(
                        s.start <= s.end
                            && s.slice(&src).len() == s.len()
                            && src.is_char_boundary(s.start as usize),
                        "{src:?}: {a}..{b} → {s:?}"
                    );
                }
            }
            let again = normalize(t);
            assert!(
                again.map.is_identity(),
                "{src:?} → {t:?} → {:?}",
                again.text
            );
        }
    }

    #[test]
    fn spans_map_to_char_boundaries_of_the_original() {
        let src = "2017年湛江市委宣傳部“三公”經(jīng)費(fèi)１２．５萬元\n合計 579 .89\n  預算數14,770\n     .62萬(wàn)元";
        let n = norm(src);
        let t = &n.text;
        let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                let s = n.map.span(Span::new(a, b));
                assert!(
                    s.start <= s.end && s.end as usize <= src.len(),
                    "{a}..{b} → {s:?}"
                );
                assert!(
                    src.is_char_boundary(s.start as usize) && src.is_char_boundary(s.end as usize)
                );
            }
        }
        assert_eq!(n.map.span(Span::empty(0)), Span::empty(0));
        assert_eq!(n.map.span(Span::empty(t.len())), Span::empty(src.len()));
    }
}
