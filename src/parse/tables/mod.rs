//! Tables: find them among the records, sort each table's records, read its columns and rows, and
//! key its columns. One file per stage, in reading order:
//!
//! - `find.rs`: the table finder: the captions a table body follows, the 目录, where each table
//!   ends, a table continued after a page break, the sections (部门 / 单位).
//! - `caption.rs`: what one record is to the finder: a caption (表N and a title), a 目录 row, a
//!   note, a line that ends a table.
//! - `body.rs`: one table's records sorted into header rows, data rows, notes and page breaks
//!   (`Builder`), then read by one of the readers below.
//! - `grid.rs`: a table whose records are cells in columns: column roles from the data, header
//!   labels carried over merged cells, sides, rows.
//! - `flow.rs`: a table in reading order (PDF text, empty cells vanished): rows by 序号, names and
//!   values, the values placed by [`place`](super::place); without a layout, each line's numbers
//!   in order.
//! - `lists.rs`: 政府采购 and 固定资产 lists in reading order, read by their own line layouts.
//! - `columns.rs`, `rows.rs`: what a column (role, group label, years) and a row (合计 / 小计, code
//!   kind, side) are.
//! - `templates.rs`: the standard column layouts by table kind, and columns a merged-cell export
//!   shifted re-keyed by the identities that hold in every row.
//! - `three_public.rs`: the same for a “三公” table printed in year blocks.
//!
//! `Builder`'s methods are spread over `body.rs`, `grid.rs`, `flow.rs` and `lists.rs`, one `impl`
//! block each.
mod body;
mod caption;
mod columns;
mod find;
mod flow;
mod grid;
mod lists;
mod rows;
mod templates;
mod three_public;

pub use find::{find_tables, Found};
pub use rows::role_of;
