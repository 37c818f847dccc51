//! Lists in reading order that have line layouts of their own: the 政府采购 table (items with 数量,
//! 单价 and 金额) and the 固定资产占用情况表 (item, 数量, 价值).
use super::body::Builder;
use super::rows::role_of;
use crate::model::*;
use crate::parse::lines::Tok;
use crate::parse::number::parse_amount;
use crate::text::Span;

impl<'a, 's> Builder<'a, 's> {
    /// A 政府采购 table as PDF text: its cells wrap over several lines and its blank cells vanish.
    /// What the layout fixes is read: an item line "台 8 0.15 1.20 1.20 1.20" is the measure word,
    /// the 数量, the 单价 and the 金额合计, then amounts of the fund columns, which vanished blanks
    /// leave undecided (kept, uncertain). The item is named by the text printed after its project's
    /// 预算资金 ("25.00 激光打印机"); "合 计 …" and a line of amounts under "…小计" are the total and
    /// a unit's subtotal, whose first amount is the 金额合计 when they print as many amounts as the
    /// items do after their 单价. Header lines, project names and 采购目录 codes are not rows.
    /// `false` (and nothing changed) when no line reads as an item.
    pub(super) fn flow_procurement(&self, table: &mut Table) -> bool {
        enum Line<'t> {
            /// 数量 (after the measure word), then 单价 and the amounts
            Item(Tok<'t>, Vec<(Tok<'t>, crate::parse::number::Amount)>),
            /// label tokens (possibly none) and two or more amounts
            Sum(Vec<Tok<'t>>, Vec<(Tok<'t>, crate::parse::number::Amount)>),
            /// a 预算资金 amount, then the item's name tokens
            NameStart(Vec<Tok<'t>>),
            Text(Vec<Tok<'t>>),
        }
        let is_count = |t: &str| t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit());
        let amount = |t: &Tok<'a>| parse_amount(t.text, false).map(|a| (*t, a));
        let read = |toks: &[Tok<'a>]| -> Line<'a> {
            let amounts: Vec<_> = toks.iter().filter_map(amount).collect();
            if let [w, n, rest @ ..] = toks {
                let word = w.text.chars().count() <= 2
                    && !w.text.chars().any(|c| c.is_ascii_alphanumeric())
                    && parse_amount(w.text, true).is_none();
                if word && is_count(n.text) && rest.len() >= 2 && amounts.len() == rest.len() {
                    return Line::Item(*n, amounts);
                }
            }
            let lead = toks.iter().take_while(|t| amount(t).is_none()).count();
            if amounts.len() >= 2 && lead + amounts.len() == toks.len() {
                return Line::Sum(toks[..lead].to_vec(), amounts);
            }
            if let [first, rest @ ..] = toks {
                if amounts.len() == 1 && amount(first).is_some() {
                    return Line::NameStart(rest.to_vec());
                }
            }
            Line::Text(toks.to_vec())
        };
        let mut lines = Vec::with_capacity(self.data.len());
        let mut toks = Vec::new();
        for r in &self.data {
            r.flow_into(self.lines, &mut toks);
            lines.push((r.span, read(&toks)));
        }
        // the amounts an item prints after its 单价 (金额合计 and the fund columns it fills)
        let mut counts: Vec<usize> = lines
            .iter()
            .filter_map(|(_, l)| match l {
                Line::Item(_, a) => Some(a.len() - 1),
                _ => None,
            })
            .collect();
        if counts.is_empty() {
            return false;
        }
        crate::text::sort::sort(&mut counts);
        let usual = counts[counts.len() / 2];
        let extra = lines
            .iter()
            .filter_map(|(_, l)| match l {
                Line::Item(_, a) => Some(a.len() - 2),
                Line::Sum(_, a) => Some(a.len().saturating_sub(1)),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let (q, p, total) = (0, 1, 2);
        for (key, header) in [
            (ColKey::Quantity, "数量".to_string()),
            (ColKey::UnitPrice, "单价".to_string()),
            (ColKey::Total, "政府采购金额/合计".to_string()),
        ]
        .into_iter()
        .chain((0..extra).map(|i| (ColKey::Other, format!("其他金额（列未定）第{}个", i + 1))))
        {
            table.columns.push(Column {
                key,
                header,
                group: 0,
            });
        }
        let cell = |(t, a): &(Tok, crate::parse::number::Amount), certain: bool| Cell {
            value: a.value,
            scale: a.scale,
            span: t.span,
            certain,
        };
        let joined = |ts: &[Tok]| -> (String, Span) {
            let name: String = ts.iter().map(|t| t.text).collect();
            let span = match ts {
                [first, .., last] => first.span.cover(last.span),
                [one] => one.span,
                [] => Span::empty(0),
            };
            (name, span)
        };
        let mut name: Vec<Tok> = Vec::new();
        let mut naming = false;
        let mut text: Vec<Tok> = Vec::new();
        let mut start: Option<Span> = None;
        for (span, l) in lines {
            let from = start.map_or(span, |s| s.cover(span));
            match l {
                Line::Item(n, amounts) => {
                    let mut cells = vec![None; table.columns.len()];
                    cells[q] = Some(count_cell(&n));
                    cells[p] = Some(cell(&amounts[0], true));
                    cells[total] = Some(cell(&amounts[1], true));
                    for (i, a) in amounts[2..].iter().enumerate() {
                        cells[3 + i] = Some(cell(a, false));
                    }
                    let (n, name_span) = joined(&name);
                    let name_span = if name.is_empty() {
                        Span::empty(span.start as usize)
                    } else {
                        name_span
                    };
                    table.rows.push(plain_row(from, n, name_span, cells));
                    (name, naming, start) = (Vec::new(), false, None);
                    text.clear();
                }
                Line::Sum(label, amounts) => {
                    let label = if label.is_empty() {
                        std::mem::take(&mut text)
                    } else {
                        label
                    };
                    let (n, name_span) = joined(&label);
                    let role = role_of(&n);
                    if role != RowRole::Item {
                        // the first amount is the 金额合计 when the count is the items'
                        let sure = amounts.len() == usual;
                        let mut cells = vec![None; table.columns.len()];
                        cells[total] = Some(cell(&amounts[0], sure));
                        for (i, a) in amounts[1..].iter().enumerate() {
                            cells[3 + i] = Some(cell(a, false));
                        }
                        table.rows.push(plain_row(from, n, name_span, cells));
                    }
                    (name, naming, start) = (Vec::new(), false, None);
                    text.clear();
                }
                Line::NameStart(rest) => {
                    name = rest.into_iter().filter(|t| !is_catalog(t.text)).collect();
                    naming = name.is_empty() || !is_catalog_line(&name);
                    start = Some(span);
                    text.clear();
                }
                Line::Text(ts) => {
                    if naming {
                        if ts.iter().any(|t| is_catalog(t.text) || is_count(t.text)) {
                            naming = false;
                        } else {
                            name.extend(ts.iter().copied());
                        }
                    } else if start.is_none() {
                        text.extend(ts.iter().copied());
                    }
                }
            }
        }
        true
    }

    /// A 固定资产占用情况表 as PDF text: "4、其他固定资产 1516 917.14" is the item, its 数量 and its
    /// 价值; a line without figures is an item with neither (房屋 when none is held). The 价值 is the
    /// line's last figure and has decimals, a 数量 is a whole number just before it. `false` (and
    /// nothing changed) when a line does not read so.
    pub(super) fn flow_assets(&self, table: &mut Table) -> bool {
        let mut rows = Vec::with_capacity(self.data.len());
        let mut toks = Vec::new();
        for r in &self.data {
            r.flow_into(self.lines, &mut toks);
            let mut name_end = toks.len();
            let mut value = None;
            let mut count = None;
            if let Some(last) = toks.last() {
                if let Some(a) = parse_amount(last.text, false) {
                    value = Some((*last, a));
                    name_end -= 1;
                    if let Some(n) = toks[..name_end]
                        .last()
                        .filter(|t| t.text.len() <= 9 && t.text.bytes().all(|b| b.is_ascii_digit()))
                    {
                        count = Some(*n);
                        name_end -= 1;
                    }
                }
            }
            let name = &toks[..name_end];
            // any other figure: not this layout
            if name.is_empty() || name.iter().any(|t| parse_amount(t.text, true).is_some()) {
                return false;
            }
            let text: String = name.iter().map(|t| t.text).collect();
            let name_span = name[0].span.cover(name[name.len() - 1].span);
            rows.push((r.span, text, name_span, count, value));
        }
        table.columns.push(Column {
            key: ColKey::Quantity,
            header: "数量".into(),
            group: 0,
        });
        table.columns.push(Column {
            key: ColKey::Amount,
            header: "价值".into(),
            group: 0,
        });
        for (span, name, name_span, count, value) in rows {
            let count = count.as_ref().map(count_cell);
            let value = value.map(|(t, a)| Cell {
                value: a.value,
                scale: a.scale,
                span: t.span,
                certain: true,
            });
            table
                .rows
                .push(plain_row(span, name, name_span, vec![count, value]));
        }
        true
    }
}

/// A row of a list without codes or 序号, its role read from its name.
fn plain_row(span: Span, name: String, name_span: Span, cells: Vec<Option<Cell>>) -> Row {
    Row {
        span,
        seq: None,
        code: None,
        role: role_of(&name),
        name,
        name_span,
        group: 0,
        cells,
        ambiguous: false,
        category: None,
        econ_code: None,
    }
}

/// The cell of a whole-number count (数量): exact, certain.
fn count_cell(n: &Tok) -> Cell {
    Cell {
        value: n
            .text
            .parse::<u64>()
            .map(rust_decimal::Decimal::from)
            .unwrap_or_default(),
        scale: 0,
        span: n.span,
        certain: true,
    }
}

/// A 政府采购目录 code or a piece of one as a PDF wraps it ("A020", "A02010104").
fn is_catalog(t: &str) -> bool {
    let mut b = t.bytes();
    matches!(b.next(), Some(b'A'..=b'C')) && b.len() >= 2 && b.all(|x| x.is_ascii_digit())
}

fn is_catalog_line(ts: &[Tok]) -> bool {
    ts.iter().all(|t| is_catalog(t.text))
}
