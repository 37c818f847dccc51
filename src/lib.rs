//! budgetlint (预算公开核对器): rebuilds the tables of a Chinese department budget disclosure from
//! pasted text and checks every arithmetic, cross-table, narrative and completeness identity.
//!
//! The core (`text`, `parse`, `model`, `rules`, `report`, `render`, `ui_model`) is plain Rust with no
//! I/O and no web dependencies; `app` is the Yew front end, compiled only for wasm32.

pub mod model;
pub mod parse;
pub mod render;
pub mod report;
pub mod rules;
pub mod text;
pub mod ui_model;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use report::Report;

/// Parse and check a document: the one entry point of the core.
pub fn check(src: &str) -> Report {
    check_with(src, &rules::Config::default())
}

pub fn check_with(src: &str, config: &rules::Config) -> Report {
    let parsed = parse::parse(src);
    rules::run(parsed.doc, parsed.findings, src, config)
}
