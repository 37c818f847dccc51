//! The document model: what the parser rebuilds from the pasted text. Every value keeps its span.
mod document;
mod kind;
mod table;
mod three_public;

pub use document::*;
pub use kind::*;
pub use table::*;
pub use three_public::*;
