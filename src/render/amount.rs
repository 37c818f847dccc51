use rust_decimal::Decimal;

/// The one amount formatter: at least two decimals, no thousands separators, trailing zeros beyond
/// two decimals removed ("17257.23", "6.00", "-0.01", "1040.6991").
pub fn amt(v: Decimal) -> String {
    let mut v = v.normalize();
    if v.scale() < 2 {
        v.rescale(2);
    }
    v.to_string()
}

/// A percent with up to two decimals ("17.19%").
pub fn pct(v: Decimal) -> String {
    format!("{}%", v.round_dp(2).normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(amt(d("6")), "6.00");
        assert_eq!(amt(d("17257.230")), "17257.23");
        assert_eq!(amt(d("-0.01")), "-0.01");
        assert_eq!(amt(d("1040.69910")), "1040.6991");
        assert_eq!(pct(d("173.5209")), "173.52%");
    }
}
