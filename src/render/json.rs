//! The CLI's JSON contract (keep stable).
use crate::parse::Parsed;
use crate::report::Report;
use serde_json::{json, Value};

fn tables(doc: &crate::model::Document) -> Value {
    Value::Array(
        doc.tables
            .iter()
            .map(|t| {
                json!({
                    "id": t.id, "kind": t.kind.label(), "title": t.title, "number": t.number,
                    "section": t.section, "unit": t.unit, "span": t.span, "rows": t.rows.len(),
                    "columns": t.columns.len(), "empty": t.empty,
                })
            })
            .collect(),
    )
}

fn document(doc: &crate::model::Document) -> Value {
    json!({
        "department": doc.meta.department, "department_code": doc.meta.department_code,
        "year": doc.meta.year, "unit": doc.meta.unit, "kind": doc.meta.kind,
        "sections": doc.sections,
    })
}

pub fn report_value(r: &Report) -> Value {
    json!({
        "document": document(&r.doc),
        "tables": tables(&r.doc),
        "checks_run": r.checks_run,
        "coverage": crate::report::Coverage::of(r),
        "checks_skipped": r.checks_skipped,
        "findings": r.findings,
    })
}

pub fn report(r: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&report_value(r))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// The full parsed model (tables with every row and cell, narrative mentions) and parse findings.
pub fn parsed(p: &Parsed) -> String {
    let v = json!({ "document": p.doc, "findings": p.findings });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
