//! One table's records, sorted as they are fed (`Builder`): the amount unit (万元 / 元), header
//! rows, data rows, notes, 栏次, the 单位 a page header names, and page breaks. `finish` hands the
//! data rows to the reader that fits: a form line by line (`flow_plain`), cells in columns (`grid`)
//! or reading order (`flow`).
use super::caption::{is_note, strip_decor, toc_row, Title};
use crate::model::*;
use crate::parse::lines::{Line, Tok};
use crate::parse::number::parse_amount;
use crate::parse::records::Rec;
use crate::parse::{dept_line, is_page_header, unit_in, Diags};
use crate::text::fast::contains;
use std::borrow::Cow;

pub(super) struct Builder<'a, 's> {
    pub(super) src: &'a str,
    pub(super) lines: &'s [Line<'a>],
    pub(super) title: &'s Title,
    pub(super) id: TableId,
    pub(super) unit: Unit,
    pub(super) header: Vec<&'s Rec<'a>>,
    /// The header rows' text, to recognise them when a page break repeats them.
    pub(super) header_joined: Vec<Cow<'a, str>>,
    pub(super) data: Vec<&'s Rec<'a>>,
    pub(super) notes: Vec<Note>,
    pub(super) started: bool,
    /// 栏次 count when printed
    pub(super) lanes: Option<usize>,
    /// Spans of the column-number lines ("** ** 1 2 3") among the data records.
    numbering: Vec<crate::text::Span>,
    pub(super) org_code: Option<String>,
    pub(super) org_name: Option<String>,
    /// The document's budget year.
    pub(super) year: Option<i32>,
    /// index into data after which a page break happened
    pub(super) breaks: Vec<usize>,
    /// A reused buffer for the tokens of the record being fed.
    pub(super) scratch: Vec<Tok<'a>>,
    pub(super) join_buf: String,
}

impl<'a, 's> Builder<'a, 's> {
    pub(super) fn new(
        src: &'a str,
        lines: &'s [Line<'a>],
        title: &'s Title,
        id: TableId,
        meta: &Meta,
    ) -> Self {
        Builder {
            src,
            lines,
            title,
            id,
            unit: meta.unit.unwrap_or(Unit::Wan),
            header: vec![],
            header_joined: vec![],
            data: vec![],
            notes: vec![],
            started: false,
            lanes: None,
            numbering: vec![],
            org_code: None,
            org_name: None,
            year: meta.year,
            breaks: vec![],
            scratch: vec![],
            join_buf: String::new(),
        }
    }

    pub(super) fn feed(&mut self, rec: &'s Rec<'a>) {
        // (the text of a record of several cells is joined in a buffer kept between records)
        let mut buf = std::mem::take(&mut self.join_buf);
        self.feed_joined(rec, &mut buf);
        self.join_buf = buf;
    }

    fn feed_joined(&mut self, rec: &'s Rec<'a>, buf: &mut String) {
        let single = rec.single();
        let joined: &str = match single {
            Some(t) => t,
            None => {
                rec.join_into(buf);
                buf
            }
        };
        let j = strip_decor(joined);
        // page header / meta (short rows only: a data row is never a page header)
        let short = rec.filled_count() <= 6;
        if let Some(u) = rec.filled().filter(|_| short).find_map(|c| unit_in(c.text)) {
            self.unit = u;
        }
        // a form states its unit in its money label: "资金金额 (万元)"
        if self.title.kind == TableKind::Performance {
            if let Some(u) = rec.filled().find_map(|c| {
                let t = c.text;
                // (cheap test first: this runs on every cell of every form)
                if !contains(t, "元") {
                    None
                } else if contains(t, "(万元)") || contains(t, "（万元）") {
                    Some(Unit::Wan)
                } else if contains(t, "(元)") || contains(t, "（元）") {
                    Some(Unit::Yuan)
                } else {
                    None
                }
            }) {
                self.unit = u;
            }
        }
        // (for a grid record the cells are its tokens: is_data reuses the answer)
        let has_amount = short.then(|| rec.filled().any(|c| parse_amount(c.text, false).is_some()));
        if has_amount == Some(false) && rec.filled().any(|c| is_page_header(c.text)) {
            for c in rec.filled() {
                if let Some((code, name)) = dept_line(c.text) {
                    if self.org_code.is_none() {
                        self.org_code = code;
                        self.org_name = Some(name);
                    }
                }
            }
            if self.started && self.breaks.last() != Some(&self.data.len()) {
                self.breaks.push(self.data.len());
            }
            return;
        }
        if is_note(j) {
            self.notes.push(Note {
                text: j.to_string(),
                span: rec.filled().next().map(|t| t.span).unwrap_or(rec.span),
            });
            return;
        }
        if toc_row(rec).is_some() {
            return;
        }
        let first = rec.filled().next().map(|t| t.text).unwrap_or("");
        if first.starts_with("栏次") || first.starts_with("档次") {
            let n = if rec.grid {
                rec.filled().count() - 1
            } else {
                rec.flow(self.src, self.lines).len().saturating_sub(1)
            };
            self.lanes = Some(n);
            return;
        }
        if self.column_numbers(rec) {
            // kept for the readers below (in space-aligned text it is often the one line that
            // places every column), dropped from the rows once they are built
            self.numbering.push(rec.span);
        }
        // (compared without white space: a page's layout may group the header words into cells
        // differently, corpus 26's 表6 and 45's 表5 repeat their header on the next page)
        if self.started && self.header_joined.iter().any(|h| same_words(h, joined)) {
            if self.breaks.last() != Some(&self.data.len()) {
                self.breaks.push(self.data.len());
            }
        } else if self.is_data(rec, has_amount.filter(|_| rec.grid)) {
            self.started = true;
            self.data.push(rec);
        } else if !self.started {
            self.header.push(rec);
            self.header_joined.push(match single {
                Some(t) => Cow::Borrowed(t),
                None => Cow::Owned(joined.to_string()),
            });
        } else {
            // a header-like row after data (e.g. the name part of a row split by a page break)
            self.data.push(rec);
        }
    }

    /// A row numbering the columns under the header: "**  **  1  2  3 … 12" (the 栏次 row of
    /// the statistical forms without its label; corpus 10 and 12, the hangzhou 2026 PDF's 表6)
    /// or "1 2 3 4" alone. It is part of the header (also when it comes after a header line that
    /// looked like data, "合计  人员经费  日常公用支出", or repeats on a later page): read as data
    /// it gave "合计 1 ≠ 2 + 3".
    /// Only the integers 1, 2, … k in order (k ≥ 2 after a `**` marker, k ≥ 3 without one).
    fn column_numbers(&self, rec: &Rec<'a>) -> bool {
        let toks = rec.flow(self.src, self.lines);
        let mut marked = false;
        let mut next = 1u32;
        for t in &toks {
            if !t.text.is_empty() && t.text.chars().all(|c| c == '*') {
                // (before the numbers, over the name columns; or after them, over a 备注)
                marked = true;
            } else if t.text.parse::<u32>().ok() == Some(next) && !t.text.starts_with('0') {
                next += 1;
            } else {
                return false;
            }
        }
        let k = next - 1;
        k >= 3 || (marked && k >= 2)
    }

    /// `has_amount`: whether a token is an amount, when the caller knows.
    fn is_data(&mut self, rec: &Rec<'a>, has_amount: Option<bool>) -> bool {
        let mut toks = std::mem::take(&mut self.scratch);
        rec.flow_into(self.lines, &mut toks);
        let data = self.is_data_row(rec, &toks, has_amount);
        self.scratch = toks;
        data
    }

    fn is_data_row(&self, rec: &Rec<'a>, toks: &[Tok], has_amount: Option<bool>) -> bool {
        if toks.is_empty() {
            return false;
        }
        if has_amount.unwrap_or_else(|| toks.iter().any(|t| parse_amount(t.text, false).is_some()))
        {
            return true;
        }
        let f = toks[0].text;
        if f.chars().all(|c| c.is_ascii_digit()) && f.len() <= 9 {
            return true;
        }
        // a 绩效目标表 is a form: its 项目名称 / 资金 lines are its content, not a column header
        if self.title.kind == TableKind::Performance && form_money_line(f) {
            return true;
        }
        // several header words and no amount: a (second) header row such as "合计 一般公共预算 政府性基金"
        if !self.started
            && rec.grid
            && toks
                .iter()
                .filter(|t| !t.text.chars().all(|c| c.is_ascii_digit()))
                .count()
                >= 3
        {
            return false;
        }
        let n = crate::parse::normalized_name(f);
        !n.chars().eq(f.chars().filter(|c| *c != ' ')) && !contains(f, "栏次")
            || matches!(&*n, "合计" | "总计")
            || n.starts_with("本年")
            || n.ends_with("总计")
            || (self.started && rec.grid)
    }

    /// Drop the rows read from column-number lines (`column_numbers`).
    fn drop_numbering(&self, table: &mut Table) {
        if self.numbering.is_empty() {
            return;
        }
        let inside = |r: &crate::model::Row| {
            self.numbering
                .iter()
                .any(|s| s.start <= r.span.start && r.span.end <= s.end)
        };
        table.rows.retain(|r| !inside(r));
    }

    pub(super) fn finish(self, diags: &mut Diags) -> Table {
        let mut table = Table {
            id: self.id,
            section: 0,
            kind: self.title.kind,
            number: self.title.number.clone(),
            title: self.title.text.clone(),
            title_span: self.title.span,
            span: self.title.span,
            unit: self.unit,
            groups: vec![],
            columns: vec![],
            rows: vec![],
            empty: false,
            flow: self.data.iter().any(|d| !d.grid || d.inferred),
            positioned: self.data.iter().any(|d| d.inferred),
            unread: 0,
            notes: self.notes.clone(),
        };
        if self.data.is_empty() {
            // a form of text only (绩效目标表 without amounts) is not an empty table
            table.empty = !(matches!(
                table.kind,
                TableKind::Performance | TableKind::Organization | TableKind::Other
            ) && self.header.len() >= 3);
            return table;
        }
        if table.kind == TableKind::Performance {
            // a form, not a grid: each line keeps its text and its amounts in order
            self.flow_plain(&mut table, true);
        } else if self.data.iter().all(|r| r.grid) {
            self.grid(&mut table, diags);
        } else {
            self.flow(&mut table, diags);
        }
        self.drop_numbering(&mut table);
        if table
            .rows
            .iter()
            .all(|r| r.cells.iter().all(Option::is_none))
            && table
                .rows
                .iter()
                .all(|r| r.role == RowRole::Total || r.name.is_empty())
        {
            table.empty = true;
        }
        table
    }
}

/// The first cell of a form line that states money: 资金金额 (万元), 其中:财政拨款, 其他资金, 年度资金总额.
pub(super) fn form_money_line(first: &str) -> bool {
    if !contains(first, "资金") && !contains(first, "拨款") {
        return false;
    }
    let f: String = first.chars().filter(|c| !c.is_whitespace()).collect();
    let f = f.trim_start_matches("其中").trim_start_matches([':', '：']);
    f.starts_with("资金金额")
        || f.starts_with("财政拨款")
        || f.starts_with("其他资金")
        || f.starts_with("实施期资金")
        || f.starts_with("年度资金")
}

/// The same text once white space is left out.
fn same_words(a: &str, b: &str) -> bool {
    let mut x = a.chars().filter(|c| !c.is_whitespace());
    let mut y = b.chars().filter(|c| !c.is_whitespace());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (p, q) if p == q => {}
            _ => return false,
        }
    }
}
