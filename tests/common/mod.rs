//! Helpers shared by the mutation tests.
#![allow(dead_code)]
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// The seeds, then the corpus texts (`../shared/corpus`, or `BUDGETLINT_CORPUS`), each sorted.
pub fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = match std::env::var_os("BUDGETLINT_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => root.join("../shared/corpus"),
    };
    let mut out = Vec::new();
    for dir in [root.join("tests/fixtures/seeds"), corpus] {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

/// Format like the original: same decimals, thousands separators if the original had them.
pub fn format_like(orig: &str, v: Decimal) -> String {
    let scale = orig
        .split_once('.')
        .map(|(_, f)| f.len() as u32)
        .unwrap_or(0);
    let mut v = v;
    v.rescale(scale);
    let s = v.abs().to_string();
    let (int, frac) = s
        .split_once('.')
        .map(|(a, b)| (a.to_string(), Some(b.to_string())))
        .unwrap_or((s.clone(), None));
    let int = if orig.contains(',') {
        let b = int.as_bytes();
        let mut out = String::new();
        for (i, c) in b.iter().enumerate() {
            if i > 0 && (b.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(*c as char);
        }
        out
    } else {
        int
    };
    let sign = if v.is_sign_negative() && !v.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{int}.{f}"),
        None => format!("{sign}{int}"),
    }
}
