//! N: narrative text against tables and against itself.
pub mod change_mismatch;
