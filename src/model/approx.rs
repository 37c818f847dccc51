//! Rounding-aware arithmetic (the XBRL Calculations 1.1 idea): a printed value with `d` decimals
//! stands for the interval `[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]`; an identity fails only when the intervals of
//! both sides cannot meet.
use crate::model::{Cell, Unit};
use rust_decimal::Decimal;

/// A value with its rounding half-width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Approx {
    pub value: Decimal,
    pub half: Decimal,
}

impl Approx {
    pub const ZERO: Approx = Approx {
        value: Decimal::ZERO,
        half: Decimal::ZERO,
    };

    pub fn exact(value: Decimal) -> Approx {
        Approx {
            value,
            half: Decimal::ZERO,
        }
    }

    /// A value printed with `scale` decimals.
    pub fn printed(value: Decimal, scale: u32) -> Approx {
        let half = if scale >= 20 {
            Decimal::ZERO
        } else {
            Decimal::new(5, scale + 1)
        };
        Approx { value, half }
    }

    pub fn of(cell: Option<&Cell>) -> Approx {
        match cell {
            Some(c) => Approx::printed(c.value, c.scale),
            None => Approx::ZERO,
        }
    }

    /// Convert between units (the rounding scales with the value).
    pub fn convert(self, from: Unit, to: Unit) -> Approx {
        if from == to {
            return self;
        }
        let f = from.yuan() / to.yuan();
        Approx {
            value: self.value * f,
            half: self.half * f,
        }
    }

    pub fn lo(self) -> Decimal {
        self.value - self.half
    }

    pub fn hi(self) -> Decimal {
        self.value + self.half
    }

    /// The two intervals meet.
    pub fn meets(self, other: Approx) -> bool {
        let d = (self.value - other.value).abs();
        d.is_zero() || d < self.half + other.half
    }

    /// Ratio interval `self / other` in percent; `None` when `other` may be zero.
    pub fn percent_of(self, other: Approx) -> Option<(Decimal, Decimal)> {
        if other.lo() <= Decimal::ZERO {
            return None;
        }
        let h = Decimal::from(100);
        let a = self.lo() * h / other.hi();
        let b = self.hi() * h / other.lo();
        let c = self.lo() * h / other.lo();
        let d = self.hi() * h / other.hi();
        Some((a.min(b).min(c).min(d), a.max(b).max(c).max(d)))
    }
}

impl std::ops::Add for Approx {
    type Output = Approx;
    fn add(self, o: Approx) -> Approx {
        Approx {
            value: self.value + o.value,
            half: self.half + o.half,
        }
    }
}

impl std::ops::Sub for Approx {
    type Output = Approx;
    fn sub(self, o: Approx) -> Approx {
        Approx {
            value: self.value - o.value,
            half: self.half + o.half,
        }
    }
}

impl std::iter::Sum for Approx {
    fn sum<I: Iterator<Item = Approx>>(iter: I) -> Approx {
        iter.fold(Approx::ZERO, |a, b| a + b)
    }
}

/// Does a printed percent (value, scale) — e.g. "25%" = [24.5, 25.5) — meet a computed interval?
pub fn percent_meets(printed: Decimal, scale: u32, interval: (Decimal, Decimal)) -> bool {
    let p = Approx::printed(printed, scale);
    p.lo() <= interval.1 && interval.0 < p.hi()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::d;

    mod rust_decimal_macros_free {
        pub fn d(s: &str) -> rust_decimal::Decimal {
            s.parse().unwrap()
        }
    }

    #[test]
    fn rounding_is_tolerated_a_cent_is_not() {
        let a = Approx::printed(d("10.00"), 2) + Approx::printed(d("20.00"), 2);
        assert!(a.meets(Approx::printed(d("30.01"), 2)));
        assert!(!a.meets(Approx::printed(d("30.02"), 2)));
        assert!(!Approx::printed(d("1.00"), 2).meets(Approx::printed(d("1.02"), 2)));
        // a one-cent difference against a single part is real: [39.995, 40.005) and [40.005, 40.015) do not meet
        assert!(!Approx::printed(d("40.00"), 2).meets(Approx::printed(d("40.01"), 2)));
        assert!(Approx::exact(d("5")).meets(Approx::exact(d("5"))));
    }

    #[test]
    fn percent_intervals() {
        let share = Approx::printed(d("7816.81"), 2)
            .percent_of(Approx::printed(d("7895.93"), 2))
            .unwrap();
        assert!(percent_meets(d("99"), 0, share));
        assert!(!percent_meets(d("98"), 0, share));
    }

    #[test]
    fn units_convert() {
        let y = Approx::printed(d("10406991.00"), 2).convert(Unit::Yuan, Unit::Wan);
        assert!(y.meets(Approx::printed(d("1040.70"), 2)));
    }
}
