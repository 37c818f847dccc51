//! S: sums and code hierarchy inside one table.
pub mod balance_mismatch;
pub mod change_column_mismatch;
pub mod code_name_mismatch;
pub mod code_sum_mismatch;
pub mod list_total_mismatch;
pub mod operating_cost_personnel_item;
pub mod orphan_code;
pub mod quantity_price_mismatch;
pub mod row_total_mismatch;
pub mod three_public_parts_mismatch;
