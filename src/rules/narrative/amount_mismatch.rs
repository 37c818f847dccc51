use crate::declare_rule;
use crate::model::{CodeKind, ColKey, Document, MentionKind, RowRole, Table, TableKind, Unit};
use crate::render::amt;
use crate::report::{Location, Severity};
use crate::rules::util::{amount_mentions, cell_loc, key_name, val};
use crate::rules::{Approx, Category, Ctx, Sink};

declare_rule! {
    /// 文字说明中的金额与表格不符
    ///
    /// ## 检查内容
    /// 情况说明里“项目名称 + 金额”（如“基本支出441.99万元”“卫生健康支出7816.81万元”“机关工资福利支出（501）832.71万元”）
    /// 与同一部门（单位）表格中同名项目的金额比较：收支总表和财政拨款收支总表的各行、按科目编码排列的表的各科目合计、
    /// 支出表合计行的基本支出和项目支出、基本支出表合计行的人员经费和公用经费。名称相同的项目有多处时，与任一处相符即可。
    /// 元与万元按各自印刷精度比较（668868.00元是66.8868万元，写成66.88万元不符，写成66.89万元相符）。
    /// 只限某类资金的表（如“一般公共预算拨款支出预算表”）中的基本支出、项目支出、人员经费、公用经费，只有当句子写明这类资金，
    /// 或句子所分解的总数就是该表的合计时才拿来比较：“支出预算81206.56万元，其中：项目支出29514.82万元”说的是全部资金。
    /// 说增减、比较、占比或其他年度的句子不在此核对。部门整体绩效目标表中的人员经费、公用经费和金额合计也按同样方法核对。
    /// ## 为什么重要
    /// 读者多半只读文字说明；文字与表格不一致，说明至少有一处抄错。
    /// ## 示例
    /// ```text,expect(N301)
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	100.00	60.00	40.00
    /// 210	卫生健康支出	100.00	60.00	40.00
    ///
    /// 二、支出说明
    /// 2024年支出预算100.00万元，其中：基本支出62.00万元，项目支出40.00万元。
    /// ```
    /// ```text
    /// 部门预算支出总表
    /// 单位：万元
    /// 科目编码	科目名称	合计	基本支出	项目支出
    /// 	合计	100.00	60.00	40.00
    /// 210	卫生健康支出	100.00	60.00	40.00
    ///
    /// 二、支出说明
    /// 2024年支出预算100.00万元，其中：基本支出60万元，项目支出40.00万元，卫生健康支出100.00万元。
    /// ```
    pub RULE = N301 "narrative-amount-mismatch", Category::Narrative, Severity::Error;
}

struct Entry {
    key: String,
    value: Approx,
    unit: Unit,
    loc: Location,
    /// The funds the table is limited to, by its title ("一般公共预算拨款支出预算表"): None for a
    /// table of all funds.
    scope: Option<&'static str>,
}

/// The funds a table's title limits it to.
fn scope_of(title: &str) -> Option<&'static str> {
    ["一般公共预算", "政府性基金", "国有资本经营", "财政拨款"]
        .into_iter()
        .find(|w| title.contains(w))
}

fn push(out: &mut Vec<Entry>, t: &Table, key: String, r: usize, c: usize) {
    if key.chars().count() < 2 {
        return;
    }
    if let Some(v) = val(&t.rows[r], c) {
        out.push(Entry {
            key,
            value: v,
            unit: t.unit,
            loc: cell_loc(t, r, c),
            scope: scope_of(&t.title),
        });
    }
}

/// Every named amount of a section's tables.
fn dictionary(doc: &Document, section: usize) -> Vec<Entry> {
    let mut out = Vec::new();
    for t in doc.tables.iter().filter(|t| t.section == section) {
        if t.kind.is_sided() {
            for (ri, r) in t.rows.iter().enumerate() {
                if let Some(c) = t.cols_in(r.group).next() {
                    push(&mut out, t, key_name(r), ri, c);
                }
            }
            continue;
        }
        // this year's amount: never a 上年 or 增减 column
        let total_col = t.col(ColKey::Total).or_else(|| {
            t.cols_in(0).find(|&c| {
                !matches!(
                    t.columns[c].key,
                    ColKey::LastYear | ColKey::Change | ColKey::ChangePercent
                )
            })
        });
        if t.kind.is_coded() {
            if let Some(c) = total_col {
                for (ri, r) in t.rows.iter().enumerate() {
                    // function codes at every level, economic codes only as classes (301, 302 …):
                    // detail items such as 30217 公务接待费 differ from the “三公” totals by design
                    if r.code.as_ref().is_some_and(|k| {
                        k.kind == CodeKind::Function
                            || (k.kind != CodeKind::Organization && k.text.len() == 3)
                    }) {
                        push(&mut out, t, key_name(r), ri, c);
                    }
                }
            }
            if let Some(ri) = t.rows.iter().position(|r| r.role == RowRole::Total) {
                for (key, name) in [
                    (ColKey::Basic, "基本"),
                    (ColKey::Project, "项目"),
                    (ColKey::Personnel, "人员经费"),
                    (ColKey::Public, "公用经费"),
                ] {
                    if let Some(c) = t.col(key) {
                        push(&mut out, t, name.to_string(), ri, c);
                    }
                }
                let total_key = match t.kind {
                    TableKind::IncomeSummary => Some("收入合计"),
                    TableKind::ExpenditureSummary => Some("支出合计"),
                    _ => None,
                };
                if let (Some(k), Some(c)) = (total_key, total_col) {
                    push(&mut out, t, k.to_string(), ri, c);
                }
                if t.kind == TableKind::BasicExpenditure {
                    if let Some(c) = total_col {
                        push(&mut out, t, "基本".to_string(), ri, c);
                    }
                }
            }
        }
        if t.kind == TableKind::ThreePublic && t.rows.len() >= 3 {
            if let Some(c) = total_col {
                for (ri, r) in t.rows.iter().enumerate() {
                    push(&mut out, t, key_name(r), ri, c);
                }
            }
        }
    }
    out
}

const SKIP_WORDS: [&str; 17] = [
    "比",
    "较",
    "增",
    "减",
    "上年预算",
    "上年同期",
    "上年度",
    "上年数",
    "去年",
    "下降",
    "同比",
    "占",
    "以上",
    "以下",
    "不超过",
    "约",
    "平均",
];
const FILLERS: [&str; 12] = [
    "预算数为",
    "预算为",
    "预算安排",
    "安排",
    "预算数",
    "共计",
    "合计为",
    "为",
    "是",
    "达到",
    "达",
    "预算",
];

/// The label right before an amount: the clause with codes "（501）", the year and fillers removed.
pub(crate) fn label_before(text_before: &str) -> Option<String> {
    let clause = match text_before.rfind(['，', '；', '：', '。', '、', ';', '\n']) {
        Some(i) => {
            &text_before[i + text_before[i..]
                .chars()
                .next()
                .map(char::len_utf8)
                .unwrap_or(1)..]
        }
        None => text_before,
    };
    if clause.chars().count() > 40 || SKIP_WORDS.iter().any(|w| clause.contains(w)) {
        return None;
    }
    let mut s: String = clause
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect();
    // (501) / （501） codes
    while let Some(i) = s.rfind(['(', '（']) {
        let inner: String = s[i..]
            .chars()
            .skip(1)
            .take_while(|c| *c != ')' && *c != '）')
            .collect();
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
            s.truncate(i);
        } else {
            break;
        }
    }
    loop {
        let before = s.len();
        for f in FILLERS {
            if let Some(r) = s.strip_suffix(f) {
                s = r.to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    // a leading year "2024年"
    if let Some(i) = s.find('年') {
        if s[..i].chars().all(|c| c.is_ascii_digit()) && i == 4 {
            s = s[i + '年'.len_utf8()..].to_string();
        }
    }
    let s = crate::parse::normalize_name(&s);
    let s = s.strip_suffix("支出").unwrap_or(&s).to_string();
    let s = s.strip_suffix("收入").unwrap_or(&s).to_string();
    (s.chars().count() >= 2).then_some(s)
}

/// Equal after dropping a leading 本部门 / 部门 / 本单位 / 单位 / 本年 / 全年.
pub(crate) fn matches_key(label: &str, key: &str) -> bool {
    fn core(s: &str) -> &str {
        let mut s = s;
        for p in ["本部门", "部门", "本单位", "单位", "本年", "全年"] {
            if let Some(r) = s.strip_prefix(p) {
                s = r;
            }
        }
        s
    }
    // cheap test first: equal cores end alike
    if label.as_bytes().last() != key.as_bytes().last() {
        return false;
    }
    let (a, b) = (core(label), core(key));
    !a.is_empty() && a == b
}

pub(crate) fn check(ctx: &Ctx, out: &mut Sink) {
    let doc = ctx.doc;
    let year = doc.meta.year;
    for s in 0..doc.sections.len() {
        let dict = dictionary(doc, s);
        if dict.is_empty() {
            continue;
        }
        check_forms(doc, s, &dict, out);
        for (p, m, unit, before) in amount_mentions(ctx, s) {
            // other years are not this budget
            let sentence = before.rsplit(['。', '；']).next().unwrap_or(before);
            if let Some(y) = year {
                if years_in(sentence).any(|other| other != y) {
                    continue;
                }
            }
            let Some(label) = label_before(before) else {
                continue;
            };
            // a generic part (基本支出, 项目支出 …) is compared with a table of some funds only
            // (一般公共预算拨款支出表) when the paragraph names those funds: "支出预算81206.56万元，
            // 其中项目支出29514.82万元" is all funds, not the 一般公共预算 table's 项目支出
            // (corpus PDFs quanzhou_public_security, chongqing_propaganda)
            let generic = GENERIC.contains(&label.as_str());
            let scope_text = stated_scope_text(before);
            // the first amount of the sentence: the whole its parts break down ("基本支出441.99万元，
            // 其中：…"; for a sentence "其中：…", the previous sentence's)
            let scope_from = m.span.start as usize - scope_text.len();
            let stated: Vec<Approx> = p
                .mentions
                .iter()
                .filter(|x| (scope_from..=m.span.start as usize).contains(&(x.span.start as usize)))
                .filter_map(|x| match x.kind {
                    MentionKind::Amount(u) => {
                        Some(Approx::printed(x.value, x.scale).convert(u, unit))
                    }
                    _ => None,
                })
                .take(1)
                .collect();
            let in_scope = |e: &Entry| match e.scope {
                None => true,
                // the sentence names the funds, or states a total of that very table
                Some(w) => {
                    scope_text.contains(w)
                        || e.loc.cell.is_some_and(|c| {
                            table_totals(doc, c.table).iter().any(|tv| {
                                stated
                                    .iter()
                                    .any(|sv| tv.convert(tv_unit(doc, c.table), unit).meets(*sv))
                            })
                        })
                }
            };
            let cands: Vec<&Entry> = dict
                .iter()
                .filter(|e| matches_key(&label, &e.key))
                .filter(|e| !generic || in_scope(e))
                .collect();
            if cands.is_empty() {
                continue;
            }
            let mv = Approx::printed(m.value, m.scale);
            if let Some(e) = cands
                .iter()
                .find(|e| e.value.convert(e.unit, unit).meets(mv))
            {
                out.checked(true, [Location::text(m.span), e.loc]);
                continue;
            }
            // a generic part (人员经费, 基本支出 …) inside a breakdown of something else ("卫生健康支出…其中人员经费")
            if GENERIC.contains(&label.as_str())
                && breakdown_of_other(
                    ctx,
                    p.span.start as usize,
                    m.span.start as usize,
                    &dict,
                    unit,
                )
            {
                continue;
            }
            let e = *cands
                .iter()
                .min_by_key(|e| (e.value.convert(e.unit, unit).value - mv.value).abs())
                .expect("non-empty");
            let tv = e.value.convert(e.unit, unit);
            // "66.88" for 66.8868: truncated to the printed decimals, a convention (seed 004)
            if truncates_to(tv.value, m.value, m.scale) {
                out.checked(true, [Location::text(m.span), e.loc]);
                out.report_as(
                    Severity::Info,
                    Location::text(m.span),
                    format!(
                        "文字中「{label}」{}{} 是表中 {}{} 按印刷位数截断（未四舍五入），不算错误",
                        amt(m.value),
                        unit.label(),
                        tv.value.normalize(),
                        unit.label()
                    ),
                )
                .related(e.loc, "表中数");
                continue;
            }
            let f = out.report(
                Location::text(m.span),
                format!(
                    "文字中「{label}」{}{} 与表中 {}{} 不符（差 {}）",
                    amt(m.value),
                    unit.label(),
                    amt(tv.value),
                    unit.label(),
                    amt(m.value - tv.value)
                ),
            );
            f.amounts(tv.value, m.value);
            // the closest table amount is the one the sentence meant
            f.related(e.loc, "表中数");
        }
    }
}

/// The amounts of a table's 合计 row (every column).
fn table_totals(doc: &Document, table: usize) -> Vec<Approx> {
    let Some(t) = doc.tables.iter().find(|t| t.id == table) else {
        return Vec::new();
    };
    t.rows
        .iter()
        .filter(|r| r.role == RowRole::Total)
        .flat_map(|r| (0..t.columns.len()).filter_map(move |c| val(r, c)))
        .collect()
}

fn tv_unit(doc: &Document, table: usize) -> Unit {
    doc.tables
        .iter()
        .find(|t| t.id == table)
        .map_or(Unit::Wan, |t| t.unit)
}

/// The text that states what an amount at the end of `before` is part of: its sentence, and
/// the sentence before when it begins "其中" (a breakdown of the previous sentence's total).
fn stated_scope_text(before: &str) -> &str {
    let mut ends = before
        .rmatch_indices('。')
        .map(|(i, _)| i + '。'.len_utf8());
    let last = ends.next().unwrap_or(0);
    if before[last..].trim_start().starts_with("其中") {
        &before[ends.next().unwrap_or(0)..]
    } else {
        &before[last..]
    }
}

const GENERIC: [&str; 6] = [
    "基本",
    "项目",
    "人员经费",
    "公用经费",
    "专项业务经费",
    "一般公共预算",
];

/// In "X万元，其中…人员经费Y万元", is X something other than a document total?
fn breakdown_of_other(ctx: &Ctx, para_start: usize, at: usize, dict: &[Entry], unit: Unit) -> bool {
    let before = &ctx.src[para_start..at];
    let sentence_start = para_start + before.rfind('。').map(|i| i + '。'.len_utf8()).unwrap_or(0);
    let sentence = &ctx.src[sentence_start..at];
    let Some(q) = sentence.rfind("其中") else {
        return false;
    };
    let parent_end = sentence_start + q;
    let para = ctx
        .doc
        .paragraphs
        .iter()
        .find(|p| p.span.start as usize <= at && at < p.span.end as usize);
    let Some(parent) = para.and_then(|p| {
        p.mentions.iter().rev().find(|m| {
            (m.span.start as usize) >= sentence_start
                && (m.span.end as usize) <= parent_end
                && matches!(m.kind, MentionKind::Amount(_))
        })
    }) else {
        return false;
    };
    let pv = Approx::printed(parent.value, parent.scale);
    !dict.iter().any(|e| {
        (e.key.contains("合计") || e.key.contains("总计") || e.key == "基本")
            && e.value.convert(e.unit, unit).meets(pv)
    })
}

/// Every "2023年" in a text.
fn years_in(text: &str) -> impl Iterator<Item = i32> + '_ {
    text.match_indices('年').filter_map(move |(i, _)| {
        let digits = text.get(i.checked_sub(4)?..i)?;
        let before_ok = text[..i - 4]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_digit());
        (before_ok && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
            .filter(|y| (1990..2100).contains(y))
    })
}

/// 绩效目标表 forms restate totals ("任务1 人员经费 849.19"): the same comparison as for sentences.
fn check_forms(doc: &Document, section: usize, dict: &[Entry], out: &mut Sink) {
    for t in doc
        .tables
        .iter()
        .filter(|t| t.section == section && t.kind == TableKind::Performance)
    {
        for (ri, r) in t.rows.iter().enumerate() {
            let Some(c) = r.cell(0).filter(|c| c.certain) else {
                continue;
            };
            let name = r.plain_name();
            let name = name
                .strip_prefix("任务")
                .map(|x| x.trim_start_matches(|ch: char| ch.is_ascii_digit()))
                .unwrap_or(&name);
            let label = name.strip_suffix("支出").unwrap_or(name);
            // a 部门整体 form's 金额合计 is the department's whole budget
            let whole =
                t.title.contains("整体") && ["金额合计", "合计", "资金总额"].contains(&label);
            if !["人员经费", "公用经费"].contains(&label) && !whole {
                continue;
            }
            let cands: Vec<&Entry> = dict
                .iter()
                .filter(|e| e.key == label || (whole && e.key == "支出合计"))
                .collect();
            let mv = Approx::printed(c.value, c.scale);
            if cands.is_empty()
                || cands
                    .iter()
                    .any(|e| e.value.convert(e.unit, t.unit).meets(mv))
            {
                continue;
            }
            let e = cands[0];
            let tv = e.value.convert(e.unit, t.unit);
            let u = t.unit.label();
            if truncates_to(tv.value, c.value, c.scale) {
                out.report_as(
                    Severity::Info,
                    cell_loc(t, ri, 0),
                    format!(
                        "「{}」中「{label}」{}{u} 是表中 {}{u} 按印刷位数截断（未四舍五入），不算错误",
                        t.label(),
                        amt(c.value),
                        tv.value.normalize()
                    ),
                )
                .related(e.loc, "表中数");
                continue;
            }
            let f = out.report(
                cell_loc(t, ri, 0),
                format!(
                    "「{}」中「{label}」{}{u} 与表中 {}{u} 不符（差 {}）",
                    t.label(),
                    amt(c.value),
                    amt(tv.value),
                    amt(c.value - tv.value)
                ),
            );
            f.amounts(tv.value, c.value);
            f.related(e.loc, "表中数");
        }
    }
}

/// Is `printed` (with `scale` decimals) `exact` cut off after `scale` decimals (not rounded)?
fn truncates_to(exact: rust_decimal::Decimal, printed: rust_decimal::Decimal, scale: u32) -> bool {
    scale < 20 && exact != printed && exact.trunc_with_scale(scale) == printed
}
