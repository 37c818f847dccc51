//! X: consistency across tables.
pub mod cross_table_mismatch;
pub mod project_forms_mismatch;
pub mod units_sum_mismatch;
