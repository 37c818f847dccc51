//! What one input gives on stdout (text, JSON or one JSON line) and the summary row of the run.
use super::load::Loaded;
use budgetlint::files::Extracted;
use budgetlint::report::{Coverage, Finding, Severity};
use budgetlint::{parse, render, rules, Report};
use serde_json::{json, Value};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
}

/// One input's outcome: its printed output and its summary row.
pub struct Done {
    pub output: String,
    pub row: Row,
}

/// A line of the summary table.
pub enum Row {
    Read {
        kind: String,
        tables: usize,
        read: usize,
        checked: usize,
        errors: usize,
        warnings: usize,
    },
    Unreadable(String),
}

/// How a finding names its place in the file ("第 3 页", "Sheet1!C7"), for text from a file.
fn origin(e: Option<&Extracted>, f: &Finding) -> Option<String> {
    e?.origin_at(f.primary.span.start).map(|o| o.label())
}

fn kind_name(l: &Loaded) -> String {
    serde_json::to_value(l.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Check (or only parse) one loaded input and render it.
pub fn one(path: &str, l: &Loaded, check: bool, only: &[String], format: Format) -> Done {
    let kind = kind_name(l);
    let e = l.extracted.as_ref();
    if !check {
        let parsed = parse::parse(&l.text);
        let output = match format {
            Format::Text => render::text::parsed(&l.text, &parsed),
            _ => {
                let mut v: Value =
                    serde_json::from_str(&render::json::parsed(&parsed)).unwrap_or(Value::Null);
                v["file"] = json!(path);
                v["kind"] = json!(kind);
                json_out(&v, format)
            }
        };
        let row = Row::Read {
            kind,
            tables: parsed.doc.tables.len(),
            read: 0,
            checked: 0,
            errors: 0,
            warnings: 0,
        };
        return Done { output, row };
    }
    let config = rules::Config {
        only: only.to_vec(),
    };
    let report = budgetlint::check_with(&l.text, &config);
    let notes = e.map(|e| e.notes.clone()).unwrap_or_default();
    let output = match format {
        Format::Text => {
            // what the reader says about the file (a sheet skipped, an undecodable byte) first
            let mut s: String = notes.iter().map(|n| format!("注意：{n}\n")).collect();
            s.push_str(&render::text::report_with(&l.text, &report, &|f| {
                origin(e, f)
            }));
            s
        }
        _ => {
            let mut v = render::json::report_value(&report);
            v["file"] = json!(path);
            v["kind"] = json!(kind);
            v["notes"] = json!(notes);
            if let Some(list) = v["findings"].as_array_mut() {
                // (only for files that have places: a text's JSON stays the report's JSON,
                // the same the web app exports)
                for (j, f) in list.iter_mut().zip(&report.findings) {
                    if let Some(o) = origin(e, f) {
                        j["origin"] = json!(o);
                    }
                }
            }
            json_out(&v, format)
        }
    };
    Done {
        output,
        row: row(kind, &report),
    }
}

fn row(kind: String, r: &Report) -> Row {
    let cov = Coverage::of(r);
    Row::Read {
        kind,
        tables: r.doc.tables.len(),
        read: cov.numbers_read,
        checked: cov.numbers_checked,
        errors: r.count(Severity::Error),
        warnings: r.count(Severity::Warning),
    }
}

fn json_out(v: &Value, format: Format) -> String {
    let mut s = if format == Format::Jsonl {
        serde_json::to_string(v)
    } else {
        serde_json::to_string_pretty(v)
    }
    .unwrap_or_default();
    s.push('\n');
    s
}

/// An input that could not be read: its message, on stdout as a JSON object in the JSON formats
/// (so a batch keeps one line per file).
pub fn unreadable(path: &str, msg: String, format: Format) -> Done {
    let output = match format {
        Format::Text => String::new(),
        _ => json_out(&json!({ "file": path, "error": msg }), format),
    };
    Done {
        output,
        row: Row::Unreadable(msg),
    }
}

/// The summary table of a run over several files.
pub fn summary(paths: &[String], done: &[Done]) -> String {
    let mut s = String::from(
        "\n文件 file\t类型 kind\t表 tables\t读到/核对 numbers read/checked\terror\twarning\n",
    );
    let (mut errors, mut warnings, mut bad) = (0, 0, 0);
    for (p, d) in paths.iter().zip(done) {
        match &d.row {
            Row::Read {
                kind,
                tables,
                read,
                checked,
                errors: e,
                warnings: w,
            } => {
                errors += e;
                warnings += w;
                s.push_str(&format!(
                    "{p}\t{kind}\t{tables}\t{read}/{checked}\t{e}\t{w}\n"
                ));
            }
            Row::Unreadable(m) => {
                bad += 1;
                s.push_str(&format!("{p}\t无法读取 unreadable: {m}\n"));
            }
        }
    }
    s.push_str(&format!(
        "共 {} 个文件 files: {} 无法读取 unreadable, {errors} error, {warnings} warning\n",
        paths.len(),
        bad
    ));
    s
}
