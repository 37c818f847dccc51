//! Pure UI state (reducer, marker index), tested natively; the Yew app only renders it.
//!
//! - [`state`]: `AppState`, `Action`, `reduce` — everything the page remembers.
//! - [`markers`]: which table cells, rows and source spans carry findings, computed once per report.
//! - [`examples`]: the five bundled seed documents (`#example=<stem>`).
//! - [`sniff`]: what kind of file was dropped (text encodings, PDF, binary), before decoding.
//! - [`i18n`]: the page's own words in Chinese and English (findings stay in Chinese).
pub mod examples;
pub mod i18n;
pub mod markers;
pub mod rule_docs;
pub mod sniff;
pub mod state;

pub use markers::{Mark, Markers, Segment, TableMarkers, ROW};
pub use state::{reduce, Action, Analysis, AppState, Filter, Notice, Origin};
