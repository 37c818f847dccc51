//! X: consistency across tables.
pub mod category_split_mismatch;
pub mod cross_table_mismatch;
pub mod operating_cost_exceeds_public;
pub mod procurement_code_mismatch;
pub mod project_forms_mismatch;
pub mod units_sum_mismatch;
