//! The number formats of spreadsheet outputs (the workbook), written in the
//! spreadsheet's own notation: the formats `present` decides for every other
//! output, so that a spreadsheet program shows the same digits.
//!
//! A cell holds the exact value; its number format shows it with the places
//! core shows it with ([`shown`](super::shown) decides them: `24 %` for
//! 23.9521 %, `56,7 %` for 56.72 %), so the spreadsheet's own rounding of the
//! exact value to those places gives the digits of the other outputs. Every
//! format carries the language's locale tag (`[$-415]`, `[$-409]`), so the
//! program uses the language's separators whatever the reader's locale.
//!
//! ```
//! use kooperacja_core::present::{Lang, spreadsheet};
//! use rust_decimal::Decimal;
//! assert_eq!(spreadsheet::amount_format(Lang::Pl), "[$-415]#,##0.00\\ \"zł\"");
//! assert_eq!(spreadsheet::number_format(Lang::Pl, Decimal::from(1736)), "[$-415]0");
//! assert_eq!(spreadsheet::number_format(Lang::En, Decimal::new(5955, 1)), "[$-409]0.0");
//! assert_eq!(spreadsheet::percent_format(Lang::Pl, Decimal::new(567, 1)), "[$-415]0.0\\ %");
//! ```

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Lang, grouping_from};
use crate::money::Rate;

/// The spreadsheet's locale tag of a language (its Windows LCID).
pub fn locale_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => "[$-415]",
        Lang::En => "[$-409]",
    }
}

/// The format of an amount, as `present::amount` writes it: `31 604 368,34 zł`,
/// `PLN 31,604,368.34`, `PLN -0.05`.
pub fn amount_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => "[$-415]#,##0.00\\ \"zł\"",
        // The sign after the currency, as `present::amount` writes it.
        Lang::En => "[$-409]\"PLN \"#,##0.00;[$-409]\"PLN \"-#,##0.00",
    }
}

/// The format of a date, as `present::short_date` writes it.
pub fn date_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => "dd.mm.yyyy",
        Lang::En => "yyyy-mm-dd",
    }
}

/// The format of a month, as `present::month` writes it.
pub fn month_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => "mm.yyyy",
        Lang::En => "yyyy-mm",
    }
}

/// The decimals part of a format for a value already rounded for display:
/// none when it is whole.
fn decimals(shown: Decimal) -> String {
    match shown.normalize().scale() {
        0 => String::new(),
        n => format!(".{}", "0".repeat(usize::try_from(n).unwrap_or(0))),
    }
}

/// The format of a value already rounded for display (a count, a forecast):
/// its decimals, and grouping as `present::count` groups (Polish from five
/// digits, English from four).
pub fn number_format(lang: Lang, shown: Decimal) -> String {
    let digits = shown.abs().trunc().normalize().to_string().len();
    let whole = if digits >= grouping_from(lang) {
        "#,##0"
    } else {
        "0"
    };
    format!("{}{whole}{}", locale_tag(lang), decimals(shown))
}

/// The format of a percentage already rounded for display (given as a number
/// of per cent): `56,7 %` (Polish, a space before the sign), `56.7%`.
pub fn percent_format(lang: Lang, shown_percent: Decimal) -> String {
    let sign = match lang {
        Lang::Pl => "\\ %",
        Lang::En => "%",
    };
    format!("{}0{}{sign}", locale_tag(lang), decimals(shown_percent))
}

/// The fraction a spreadsheet cell holds for a rate: rounded half to even
/// to six places (a ten-thousandth of a per cent), so that every reader shows
/// the decimal alike; the cell's number format shows the places
/// [`shown`](super::shown) gives.
///
/// ```
/// use kooperacja_core::money::Rate;
/// use kooperacja_core::present::spreadsheet::cell_fraction;
/// use rust_decimal::Decimal;
/// let rate = Rate::from_fraction(Decimal::new(5356074978829118, 16));
/// assert_eq!(cell_fraction(rate), Decimal::new(535607, 6));
/// ```
pub fn cell_fraction(rate: Rate) -> Decimal {
    rate.fraction()
        .round_dp_with_strategy(6, RoundingStrategy::MidpointNearestEven)
}

/// The format of a cell a person types an amount into (a template's amount
/// column): grouped, two decimal places, and no currency text, whatever the
/// language: a reader that meets letters in a number format may take it for
/// a date's format, and the cell would read back as a date.
///
/// ```
/// use kooperacja_core::present::spreadsheet;
/// assert_eq!(spreadsheet::AMOUNT_ENTRY_FORMAT, "#,##0.00");
/// ```
pub const AMOUNT_ENTRY_FORMAT: &str = "#,##0.00";

/// The format of a cell a person types a whole number into.
pub const WHOLE_NUMBER_FORMAT: &str = "0";

/// The format of a cell that keeps what is typed as text (a TERYT code keeps
/// its leading zero, a key is not turned into a number).
pub const TEXT_FORMAT: &str = "@";
