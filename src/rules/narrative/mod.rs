//! N: narrative text against tables and against itself. The rules from N302 on read the claims
//! the parser built from the sentences (`model::claim`), never the text itself.
pub mod amount_mismatch;
pub mod change_mismatch;
pub mod change_vs_table;
pub mod direction_mismatch;
pub mod list_sum_mismatch;
pub mod share_mismatch;
pub mod template_leftover;
pub mod year_self_comparison;

use crate::model::{Measure, Quantity, Unit};
use crate::report::Location;
use crate::rules::Approx;
use rust_decimal::Decimal;

/// A claim's number as an interval: money in 万元 and percents with their printed rounding;
/// counts (台, 人, 个) are exact, and so is a zero printed without decimals ("0万元": there is none).
pub(crate) fn approx(q: &Quantity) -> Approx {
    if q.value.is_zero() && q.scale == 0 {
        return Approx::ZERO;
    }
    let a = Approx::printed(q.value, q.scale);
    match q.measure {
        Measure::Money(u) => a.convert(u, Unit::Wan),
        Measure::Count if q.scale == 0 => Approx::exact(q.value),
        _ => a,
    }
}

pub(crate) fn loc(q: &Quantity) -> Location {
    Location::text(q.span)
}

/// Does a printed percent agree with the interval `range` (in percent)? Rounding ("25%" is
/// [24.5, 25.5)) and truncation ("38.28%" for 38.2876 %: [38.28, 38.29)) are both accepted.
pub(crate) fn percent_agrees(printed: &Quantity, range: (Decimal, Decimal)) -> bool {
    let unit = if printed.scale >= 20 {
        Decimal::ZERO
    } else {
        Decimal::new(1, printed.scale)
    };
    let p = printed.value.abs();
    let lo = p - unit / Decimal::TWO;
    let hi = p + unit;
    lo <= range.1 && range.0 < hi
}

/// The midpoint of an interval, rounded to two decimals (what "应为" prints).
pub(crate) fn mid(range: (Decimal, Decimal)) -> Decimal {
    ((range.0 + range.1) / Decimal::TWO).round_dp(2)
}
