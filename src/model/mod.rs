//! The document model: what the parser rebuilds from the pasted text. Every value keeps its span.
//! `approx` is the rounding-aware arithmetic that both the parser (placing amounts) and the rules
//! (checking identities) use; `claim` is what the prose states.
pub mod approx;
mod claim;
mod document;
mod kind;
mod table;
mod three_public;

pub use approx::Approx;
pub use claim::*;
pub use document::*;
pub use kind::*;
pub use table::*;
pub use three_public::*;
