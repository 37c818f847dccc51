//! X: consistency across tables.
pub mod cross_table_mismatch;
// FIXME: units_sum_mismatch (X202) is not registered until same-titled unit tables stop being merged as page continuations.
#[allow(dead_code)]
pub mod units_sum_mismatch;
