use super::{CodeKind, ColKey, TableKind};
use crate::text::Span;
use rust_decimal::Decimal;
use serde::Serialize;

pub type TableId = usize;
pub type RowIdx = usize;
pub type ColIdx = usize;

/// Unit of the amounts in a table or a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Unit {
    #[serde(rename = "万元")]
    Wan,
    #[serde(rename = "元")]
    Yuan,
    /// 亿元, in sentences (“财政拨款收支总预算1378亿元”, corpus 06): a value printed as 1.23亿元
    /// stands for ±0.005亿元 = ±50万元, which converting keeps.
    #[serde(rename = "亿元")]
    Yi,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::Wan => "万元",
            Unit::Yuan => "元",
            Unit::Yi => "亿元",
        }
    }

    /// How many 元 one unit is.
    pub fn yuan(self) -> Decimal {
        match self {
            Unit::Wan => Decimal::from(10_000),
            Unit::Yuan => Decimal::ONE,
            Unit::Yi => Decimal::from(100_000_000),
        }
    }
}

/// One printed number: its value in the table's unit, how many decimals were printed (its rounding)
/// and where it is in the input.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Cell {
    pub value: Decimal,
    /// Printed decimals: the value stands for `[value − ½·10⁻ˢ, value + ½·10⁻ˢ]`. A printed "-" is exact (scale 28).
    pub scale: u32,
    pub span: Span,
    /// False when vanished empty cells left several possible columns for this value (PDF text);
    /// rules skip uncertain cells.
    pub certain: bool,
}

/// A classification code as printed (split 类/款/项 columns are joined; the span covers all parts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Code {
    pub text: String,
    pub kind: CodeKind,
    pub span: Span,
}

impl Code {
    /// 1 for 类 (3 digits), 2 for 款 (5), 3 for 项 (7); organisation codes by length as well.
    pub fn level(&self) -> u8 {
        match self.text.len() {
            0..=3 => 1,
            4..=5 => 2,
            _ => 3,
        }
    }

    /// The code of the parent level, if any.
    pub fn parent(&self) -> Option<&str> {
        match self.text.len() {
            5 => Some(&self.text[..3]),
            7 => Some(&self.text[..5]),
            6 if self.kind == CodeKind::Organization => Some(&self.text[..3]),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum RowRole {
    /// 合计 / 总计 of the whole table (or of a side)
    Total,
    /// A 小计 or a group heading with a sum (“三公”经费小计)
    Subtotal,
    Item,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    pub key: ColKey,
    /// The printed header path joined with "/", outermost first.
    pub header: String,
    /// Which side of a sided table (收入 = 0, 支出 = 1, …); 0 for ordinary tables.
    pub group: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub span: Span,
    /// 序号 as printed, where the table has one.
    pub seq: Option<u32>,
    pub code: Option<Code>,
    pub name: String,
    pub name_span: Span,
    pub role: RowRole,
    pub group: u8,
    /// One entry per table column; `None` = blank / vanished / belongs to another side.
    pub cells: Vec<Option<Cell>>,
    /// Vanished cells left more than one placement and nothing in the table decided it.
    pub ambiguous: bool,
    /// The row's 类型 / 类别 where a column of its own prints it (人员类, 公用经费), carried down
    /// over the blank cells below it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The 部门经济分类 code of a row that is keyed by a function code (政府采购表: “210 15 04 …
    /// 302 99”).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub econ_code: Option<Code>,
}

impl Row {
    pub fn cell(&self, col: ColIdx) -> Option<&Cell> {
        self.cells.get(col).and_then(|c| c.as_ref())
    }

    /// Value of a column, blank = 0. `None` when the cell is uncertain.
    pub fn value(&self, col: ColIdx) -> Option<Decimal> {
        match self.cell(col) {
            Some(c) if c.certain => Some(c.value),
            Some(_) => None,
            None => Some(Decimal::ZERO),
        }
    }

    /// The name without spaces, list markers (一、 (一) 1、) or 其中：.
    pub fn plain_name(&self) -> String {
        crate::parse::normalize_name(&self.name)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    pub text: String,
    pub span: Span,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Table {
    pub id: TableId,
    /// Index into `Document::sections`.
    pub section: usize,
    pub kind: TableKind,
    /// 表3, 预算01表 … as printed.
    pub number: Option<String>,
    pub title: String,
    pub title_span: Span,
    pub span: Span,
    pub unit: Unit,
    /// Labels of the sides of a sided table (收入, 支出 …).
    pub groups: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// The table is printed without data rows.
    pub empty: bool,
    /// Its columns were inferred from text that does not delimit cells (PDF text in reading
    /// order or space-aligned): a misread is possible, so its identities must confirm it.
    #[serde(skip)]
    pub flow: bool,
    /// Its columns were inferred from the positions of space-aligned text.
    #[serde(skip)]
    pub positioned: bool,
    /// Amounts printed under the caption of a table none of whose rows could be read.
    #[serde(skip_serializing_if = "is_zero")]
    pub unread: usize,
    /// 注：… lines printed with the table.
    pub notes: Vec<Note>,
}

impl Table {
    /// Map every span of the table (title, rows, names, codes, cells, notes) through `f`.
    pub fn remap_spans(&mut self, f: &impl Fn(Span) -> Span) {
        self.title_span = f(self.title_span);
        self.span = f(self.span);
        for r in &mut self.rows {
            r.span = f(r.span);
            r.name_span = f(r.name_span);
            for code in [&mut r.code, &mut r.econ_code].into_iter().flatten() {
                code.span = f(code.span);
            }
            for c in r.cells.iter_mut().flatten() {
                c.span = f(c.span);
            }
        }
        for n in &mut self.notes {
            n.span = f(n.span);
        }
    }

    /// The first column with this key (in a group).
    pub fn col(&self, key: ColKey) -> Option<ColIdx> {
        self.columns.iter().position(|c| c.key == key)
    }

    pub fn col_in(&self, group: u8, key: ColKey) -> Option<ColIdx> {
        self.columns
            .iter()
            .position(|c| c.key == key && c.group == group)
    }

    pub fn cols_in(&self, group: u8) -> impl Iterator<Item = ColIdx> + '_ {
        self.columns
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.group == group)
            .map(|(i, _)| i)
    }

    /// The 合计 row (role Total) of a group.
    pub fn total_row(&self, group: u8) -> Option<RowIdx> {
        self.rows
            .iter()
            .position(|r| r.role == RowRole::Total && r.group == group)
    }

    pub fn row_by_code(&self, code: &str) -> Option<RowIdx> {
        self.rows
            .iter()
            .position(|r| r.code.as_ref().is_some_and(|c| c.text == code))
    }

    /// A short human label: number and title.
    pub fn label(&self) -> String {
        match &self.number {
            Some(n) if !self.title.contains(n.as_str()) => format!("{n} {}", self.title),
            _ => self.title.clone(),
        }
    }
}
