//! P: parse, structure and completeness.
pub mod ambiguous_placement;
pub mod no_tables_found;
pub mod unaligned_value;
