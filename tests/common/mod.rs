//! Helpers shared by the mutation tests.
#![allow(dead_code)]
use rust_decimal::Decimal;

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
