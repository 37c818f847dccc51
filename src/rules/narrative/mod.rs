//! N: narrative text against tables and against itself.
pub mod amount_mismatch;
pub mod change_mismatch;
pub mod change_vs_table;
