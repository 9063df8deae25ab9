//! Lengths on bars and charts, in whole SVG units, as core's
//! `present::bar_length` gives them.

use kooperacja_core::money::Rate;
use kooperacja_core::present;
use rust_decimal::Decimal;

/// Width of a status bar in SVG units.
pub(super) const METER: i64 = 1000;

/// The length, out of `len`, that `part` takes when `whole` takes all of it:
/// core's [`present::bar_length`].
pub(super) fn scale(part: Decimal, whole: Decimal, len: i64) -> i64 {
    present::bar_length(part, whole, len)
}

/// The length of a rate (a fraction of one) on a bar `len` long.
pub(super) fn scale_rate(rate: Rate, len: i64) -> i64 {
    present::bar_length_of(rate, len)
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
