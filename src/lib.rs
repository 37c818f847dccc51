//! budgetlint (预算公开核对器): rebuilds the tables of a Chinese department budget disclosure from
//! pasted text and checks every arithmetic, cross-table, narrative and completeness identity.
//!
//! The core (`text`, `parse`, `model`, `rules`, `report`, `render`, `ui_model`) is plain Rust with no
//! I/O and no web dependencies; `app` is the Yew front end, compiled only for wasm32.

pub mod files;
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

/// The rules read the normalised text the parser read (`text::normalize`); the report's spans
/// are then mapped back to `src`.
pub fn check_with(src: &str, config: &rules::Config) -> Report {
    if src.len() > parse::MAX_INPUT {
        let parsed = parse::parse_text(src);
        return rules::run(parsed.doc, parsed.findings, src, config);
    }
    let norm = text::normalize::normalize(src);
    let parsed = parse::parse_text(&norm.text);
    let mut report = rules::run(parsed.doc, parsed.findings, &norm.text, config);
    if !norm.map.is_identity() {
        report.remap_spans(&|s| norm.map.span(s));
        report.doc.len = src.len() as u32;
    }
    report
}
