//! The one list of rules, in the order the engine runs them. Keep it explicit (no global
//! constructors): adding a rule = one file + one line here + one fixture folder.
use super::{cross, narrative, structure, sums, RuleMeta};
use crate::report::Severity;

pub static ALL: &[&RuleMeta] = &[
    &structure::no_tables_found::RULE,
    &structure::ambiguous_placement::RULE,
    &structure::unaligned_value::RULE,
    &structure::missing_promised_table::RULE,
    &structure::empty_table_without_note::RULE,
    &structure::empty_section::RULE,
    &structure::title_kind_mismatch::RULE,
    &structure::referenced_table_missing::RULE,
    &structure::table_structure_unconfirmed::RULE,
    &sums::row_total_mismatch::RULE,
    &sums::code_sum_mismatch::RULE,
    &sums::balance_mismatch::RULE,
    &sums::three_public_parts_mismatch::RULE,
    &sums::code_name_mismatch::RULE,
    &sums::orphan_code::RULE,
    &sums::change_column_mismatch::RULE,
    &sums::list_total_mismatch::RULE,
    &sums::quantity_price_mismatch::RULE,
    &sums::operating_cost_personnel_item::RULE,
    &cross::cross_table_mismatch::RULE,
    &cross::units_sum_mismatch::RULE,
    &cross::project_forms_mismatch::RULE,
    &cross::operating_cost_exceeds_public::RULE,
    &cross::category_split_mismatch::RULE,
    &cross::procurement_code_mismatch::RULE,
    &narrative::amount_mismatch::RULE,
    &narrative::change_mismatch::RULE,
    &narrative::change_vs_table::RULE,
    &narrative::list_sum_mismatch::RULE,
    &narrative::share_mismatch::RULE,
    &narrative::direction_mismatch::RULE,
    &narrative::template_leftover::RULE,
    &narrative::year_self_comparison::RULE,
];

pub fn by_code(code: &str) -> Option<&'static RuleMeta> {
    ALL.iter()
        .copied()
        .find(|r| r.code == code || r.name == code)
}

/// Name and severity of a parse-finding code (the parser reports these itself).
pub fn parse_rule(code: &str) -> (&'static str, Severity) {
    by_code(code)
        .map(|r| (r.name, r.severity))
        .unwrap_or(("parse", Severity::Info))
}
