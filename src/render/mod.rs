//! Renderers of the same data: the terminal text format (also used by snapshots), JSON (the CLI's
//! stable contract) and Markdown (for letters). The amount formatter is the single one.
pub mod amount;
pub mod json;
pub mod markdown;
pub mod text;

pub use amount::amt;
