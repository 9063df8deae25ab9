//! Lengths on bars and charts, in whole SVG units: the one arithmetic of the
//! dashboard, on exact decimals (no float).

use kooperacja_core::money::Rate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Width of a status bar in SVG units.
pub(super) const METER: i64 = 1000;

/// The length, out of `len`, that `part` takes when `whole` takes all of it:
/// rounded to a whole SVG unit (a half up), never more than `len`,
/// and 0 unless both are positive.
pub(super) fn scale(part: Decimal, whole: Decimal, len: i64) -> i64 {
    if part <= Decimal::ZERO || whole <= Decimal::ZERO {
        return 0;
    }
    let Some(fraction) = part.checked_div(whole) else {
        return len;
    };
    // To the nearest whole unit, a half up (every length here is positive).
    (fraction.min(Decimal::ONE) * Decimal::from(len) + Decimal::new(5, 1))
        .floor()
        .to_i64()
        .unwrap_or(0)
}

/// The length of a rate (a fraction of one) on a bar `len` long.
pub(super) fn scale_rate(rate: Rate, len: i64) -> i64 {
    scale(rate.fraction(), Decimal::ONE, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_half_takes_half_the_bar() {
        assert_eq!(scale(Decimal::ONE, Decimal::TWO, 1000), 500);
    }

    #[test]
    fn more_than_the_whole_fills_the_bar_and_no_more() {
        assert_eq!(scale(Decimal::TEN, Decimal::ONE, 1000), 1000);
    }

    #[test]
    fn a_zero_whole_gives_an_empty_bar() {
        assert_eq!(scale(Decimal::ONE, Decimal::ZERO, 1000), 0);
    }
}
