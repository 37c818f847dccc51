//! Amount text → Decimal. Accepts 7,895.93 / 10406991.00 / -12.5 / 0 / "-" "—" (zero), rejects codes
//! with leading zeros, dates and anything with other characters.
use crate::text::fast;
use rust_decimal::Decimal;

/// A parsed amount: value and printed decimals (`scale`; 28 for a dash, which is an exact zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    pub scale: u32,
}

pub const DASH_SCALE: u32 = 28;

/// Is this a zero written as a dash?
pub fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "—" | "－" | "--" | "——" | "/")
}

/// Parse an amount token. `allow_int` permits integers without decimals (e.g. "6" in narrative or
/// "500" in a 元 table); codes such as 2080505 are only rejected by context, not here.
pub fn parse_amount(s: &str, allow_int: bool) -> Option<Amount> {
    let s = fast::trim(s);
    // most tokens are words: an amount or a dash starts with a digit, '-', '/', or the first byte
    // of '—' (E2) or '－' (EF); whatever else starts so is rejected below
    if !matches!(
        s.as_bytes().first(),
        Some(b'0'..=b'9' | b'-' | b'/' | 0xE2 | 0xEF)
    ) {
        return None;
    }
    if is_dash(s) {
        return Some(Amount {
            value: Decimal::ZERO,
            scale: DASH_SCALE,
        });
    }
    let (neg, body) = if let Some(rest) = s.strip_prefix("-") {
        (true, rest)
    } else if let Some(rest) = s.strip_prefix("－") {
        (true, rest)
    } else {
        (false, s)
    };
    if body.is_empty() || body.len() > 40 {
        return None;
    }
    let (int, frac) = match body.bytes().position(|b| b == b'.') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if int.is_empty() || !int.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    // integer part: plain digits, or thousands groups "1,234,567"
    let grouped = int.bytes().any(|b| b == b',');
    if grouped {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        for g in groups {
            if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
    } else if !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if int.len() > 1 && int.starts_with('0') && !grouped {
        return None; // "01", codes
    }
    let scale = match frac {
        Some(f) => {
            if f.is_empty() || f.len() > 6 || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            f.len() as u32
        }
        None => {
            if !allow_int {
                return None;
            }
            0
        }
    };
    // the mantissa, digit by digit (no String): too many digits for i128 is no amount
    let digits = int
        .bytes()
        .chain(frac.unwrap_or("").bytes())
        .filter(|b| *b != b',');
    let mantissa: i128 = if int.len() + frac.map_or(0, str::len) <= 18 {
        // cannot overflow: fewer than 19 digits
        digits
            .fold(0u64, |m, b| m * 10 + u64::from(b - b'0'))
            .into()
    } else {
        let mut m: i128 = 0;
        for b in digits {
            m = m.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        }
        m
    };
    let mut value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    if neg {
        value = -value;
    }
    Some(Amount { value, scale })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_amount(s, false).map(|a| format!("{}/{}", a.value, a.scale))
    }

    #[test]
    fn amounts() {
        assert_eq!(p("7,895.93").as_deref(), Some("7895.93/2"));
        assert_eq!(p("10406991.00").as_deref(), Some("10406991.00/2"));
        assert_eq!(p("-3.5").as_deref(), Some("-3.5/1"));
        assert_eq!(p("0.00").as_deref(), Some("0.00/2"));
        assert_eq!(p("2080505"), None);
        assert_eq!(parse_amount("6", true).map(|a| a.scale), Some(0));
        assert_eq!(p("1,23.00"), None);
        assert_eq!(p("12.3.4"), None);
        assert_eq!(p("２"), None);
        assert_eq!(
            parse_amount("-", false).map(|a| a.value),
            Some(Decimal::ZERO)
        );
    }
}
