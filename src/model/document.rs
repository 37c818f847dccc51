use super::{Claims, Table, TableKind, Unit};
use crate::text::Span;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
pub enum DocKind {
    #[default]
    #[serde(rename = "预算")]
    Budget,
    #[serde(rename = "决算")]
    FinalAccounts,
}

#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct Meta {
    pub department: Option<String>,
    pub department_code: Option<String>,
    pub year: Option<i32>,
    pub unit: Option<Unit>,
    pub kind: DocKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SectionKind {
    /// 部门预算 (the whole department)
    Department,
    /// 单位预算 of one unit
    Unit,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    /// Name as printed in the section's table headers (e.g. "450001丰润区医疗保障局本级").
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum MentionKind {
    Amount(Unit),
    Percent,
}

/// A number written in a sentence: an amount with its unit or a percent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    pub span: Span,
    pub value: Decimal,
    pub scale: u32,
    pub kind: MentionKind,
}

/// A paragraph of the 情况说明 with its heading path.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Paragraph {
    pub heading: Vec<String>,
    pub span: Span,
    pub mentions: Vec<Mention>,
    /// The paragraph is a heading line itself.
    pub is_heading: bool,
    /// Tables the text names ("基本支出表、项目支出表").
    pub refs: Vec<TableRef>,
}

/// A table named in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableRef {
    pub span: Span,
    pub kind: TableKind,
    pub name: String,
}

/// A table promised by the 目录.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TocEntry {
    pub number: Option<String>,
    pub title: String,
    pub kind: TableKind,
    /// The 目录 says the table is published empty (是否空表: 是).
    pub declared_empty: bool,
    pub reason: Option<String>,
    pub span: Span,
}

/// A table caption printed in the text (outside the 目录), whether or not a table body could be
/// read under it: a table whose caption is printed is published, even when it was not read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Caption {
    pub number: Option<String>,
    pub title: String,
    pub kind: TableKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct Document {
    pub meta: Meta,
    pub sections: Vec<Section>,
    pub tables: Vec<Table>,
    pub paragraphs: Vec<Paragraph>,
    pub toc: Vec<TocEntry>,
    /// What the prose states (changes, lists, shares, leftovers).
    pub claims: Claims,
    #[serde(skip)]
    pub captions: Vec<Caption>,
    /// Byte length of the input.
    pub len: u32,
}

impl Document {
    /// Map every span (sections, tables, rows, cells, codes, notes, paragraphs, mentions, table
    /// references, 目录 entries, captions, claims) through `f`: from the normalised text the parser read
    /// back to the original input (`text::normalize`).
    pub fn remap_spans(&mut self, f: &impl Fn(Span) -> Span) {
        for s in &mut self.sections {
            s.span = f(s.span);
        }
        for t in &mut self.tables {
            t.remap_spans(f);
        }
        for p in &mut self.paragraphs {
            p.span = f(p.span);
            for m in &mut p.mentions {
                m.span = f(m.span);
            }
            for r in &mut p.refs {
                r.span = f(r.span);
            }
        }
        for e in &mut self.toc {
            e.span = f(e.span);
        }
        for c in &mut self.captions {
            c.span = f(c.span);
        }
        self.claims.remap_spans(f);
    }

    pub fn tables_of(&self, kind: TableKind) -> impl Iterator<Item = &Table> {
        self.tables.iter().filter(move |t| t.kind == kind)
    }

    pub fn tables_in(&self, section: usize) -> impl Iterator<Item = &Table> {
        self.tables.iter().filter(move |t| t.section == section)
    }
}
