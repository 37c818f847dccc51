use crate::model::{ColIdx, RowIdx, TableId};
use crate::text::Span;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A proven contradiction.
    Error,
    /// Very likely wrong.
    Warning,
    /// A claim or identity that could not be verified.
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A table cell: indices in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct CellRef {
    pub table: TableId,
    pub row: RowIdx,
    /// `usize::MAX` = the whole row; omitted from JSON then (JavaScript cannot hold it exactly).
    #[serde(skip_serializing_if = "is_whole_row")]
    pub col: ColIdx,
}

fn is_whole_row(col: &ColIdx) -> bool {
    *col == usize::MAX
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Location {
    pub span: Span,
    /// Where the location is a table cell (or, with `col` = usize::MAX, a whole row).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub cell: Option<CellRef>,
}

impl Location {
    pub fn text(span: Span) -> Location {
        Location { span, cell: None }
    }

    pub fn cell(span: Span, table: TableId, row: RowIdx, col: ColIdx) -> Location {
        Location {
            span,
            cell: Some(CellRef { table, row, col }),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    #[serde(flatten)]
    pub loc: Location,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    #[serde(skip)]
    pub id: usize,
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub primary: Location,
    pub related: Vec<Related>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Decimal>,
}

impl Finding {
    /// Map the primary and every related span through `f`.
    pub fn remap_spans(&mut self, f: &impl Fn(Span) -> Span) {
        self.primary.span = f(self.primary.span);
        for r in &mut self.related {
            r.loc.span = f(r.loc.span);
        }
    }

    /// All locations: primary first.
    pub fn locations(&self) -> impl Iterator<Item = &Location> {
        std::iter::once(&self.primary).chain(self.related.iter().map(|r| &r.loc))
    }
}
