//! P: parse, structure and completeness.
pub mod ambiguous_placement;
pub mod empty_section;
pub mod empty_table_without_note;
pub mod missing_promised_table;
pub mod no_tables_found;
pub mod referenced_table_missing;
pub mod table_structure_unconfirmed;
pub mod title_kind_mismatch;
pub mod unaligned_value;
