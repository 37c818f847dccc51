//! The document model: what the parser rebuilds from the pasted text. Every value keeps its span.
mod document;
mod kind;
mod table;

pub use document::*;
pub use kind::*;
pub use table::*;
