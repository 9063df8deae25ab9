//! The one presentation every adapter uses: the language, the catalogue of
//! labels, the display rounding, the Polish and English formats of numbers,
//! amounts, percentages and dates, the status words and the status palette.
//!
//! Adapters render; they do not choose a word, a rounding or a format. What
//! two adapters both show is defined here once, so the command line, the HTML
//! report, the dashboard and the workbook show one figure with the same digits,
//! the same words and the same colour.
//!
//! ```
//! use kooperacja_core::money::{Amount, Rate};
//! use kooperacja_core::present::{self, Lang, label};
//! use chrono::NaiveDate;
//!
//! let spent = Amount::parse("17926565,08")?;
//! assert_eq!(present::amount(Lang::Pl, spent), "17 926 565,08 zł");
//! assert_eq!(present::amount(Lang::En, spent), "PLN 17,926,565.08");
//! let date = NaiveDate::from_ymd_opt(2020, 9, 30).unwrap();
//! assert_eq!(present::date(Lang::Pl, date), "30.09.2020 r.");
//! assert_eq!(present::date(Lang::En, date), "2020-09-30");
//! assert_eq!(label::BUDGET.get(Lang::En), "Budget");
//! # Ok::<(), kooperacja_core::money::MoneyError>(())
//! ```
//!
//! The choices, once (see `docs/decisions.md`, "One presentation"):
//! - Polish follows CLDR `pl`: a decimal comma, digits grouped by threes with a
//!   space, amounts grouped from four digits (`1 000,00 zł`), other numbers
//!   from five (CLDR's minimum grouping digits of 2: `1736`, `10 000`), a space
//!   before `%` and `zł`, dates as `31.12.2020 r.`;
//! - English: a decimal point, commas from four digits, `PLN` before the
//!   amount, `%` without a space, ISO 8601 dates (`2020-12-31`);
//! - every displayed value that is not an amount is rounded with
//!   [`DISPLAY_ROUNDING`] (half away from zero); amounts are shown to the grosz
//!   exactly as they are; machine formats (JSON, CSV) carry exact values.

pub mod label;
pub mod located;
pub mod message;
pub mod palette;
pub mod spreadsheet;

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::money::{Amount, Rate};
use crate::period::{Period, StatedDate, YearMonth};

/// The language of everything shown to people.
///
/// ```
/// use kooperacja_core::present::Lang;
/// assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
/// assert_eq!(Lang::Pl.code(), "pl");
/// assert!("de".parse::<Lang>().is_err());
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Lang {
    /// Polish, the default: the users' language.
    #[default]
    Pl,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Polish first.
    pub const ALL: [Lang; 2] = [Lang::Pl, Lang::En];

    /// The BCP 47 code (`pl`, `en`), as in `<html lang="pl">`.
    ///
    /// ```
    /// use kooperacja_core::present::Lang;
    /// assert_eq!(Lang::En.code(), "en");
    /// ```
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The text of a catalogue entry in this language.
    ///
    /// ```
    /// use kooperacja_core::present::{Lang, label};
    /// assert_eq!(Lang::Pl.text(label::BUDGET), "Budżet");
    /// ```
    pub fn text(self, text: Text) -> &'static str {
        text.get(self)
    }
}

/// A text for people, written once in both languages.
///
/// Placeholders `{0}`, `{1}`, … are replaced by [`Text::fill`], so each
/// language may order them as its grammar needs.
///
/// ```
/// use kooperacja_core::present::{Lang, Text};
/// const SEEN: Text = Text::new("{0} z {1} dni", "{0} of {1} days");
/// assert_eq!(SEEN.fill(Lang::Pl, &[&914, &1736]), "914 z 1736 dni");
/// assert_eq!(SEEN.get(Lang::En), "{0} of {1} days");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text {
    pl: &'static str,
    en: &'static str,
}

impl Text {
    /// A text from its Polish and English wording.
    pub const fn new(pl: &'static str, en: &'static str) -> Text {
        Text { pl, en }
    }

    /// The wording in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Pl => self.pl,
            Lang::En => self.en,
        }
    }

    /// The wording in `lang` with `{0}`, `{1}`, … replaced by the arguments
    /// (a placeholder with no argument is left as it is).
    pub fn fill(self, lang: Lang, args: &[&dyn fmt::Display]) -> String {
        let template = self.get(lang);
        let mut out = String::with_capacity(template.len() + 16 * args.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let index = after
                .find('}')
                .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)));
            match index.and_then(|(i, close)| args.get(i).map(|a| (a, close))) {
                Some((arg, close)) => {
                    out.push_str(&arg.to_string());
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// A word that agrees with a count: Polish has three forms (1, 2–4, 5+),
/// English two.
///
/// ```
/// use kooperacja_core::present::{Lang, label};
/// assert_eq!(label::WARNINGS.count(Lang::Pl, 2), "2 ostrzeżenia");
/// assert_eq!(label::WARNINGS.count(Lang::Pl, 5), "5 ostrzeżeń");
/// assert_eq!(label::WARNINGS.count(Lang::Pl, 22), "22 ostrzeżenia");
/// assert_eq!(label::WARNINGS.count(Lang::Pl, 12), "12 ostrzeżeń");
/// assert_eq!(label::WARNINGS.count(Lang::En, 1), "1 warning");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Plural {
    pl: [&'static str; 3],
    en: [&'static str; 2],
}

impl Plural {
    /// The Polish forms for one, for 2–4 (except 12–14), and for the rest
    /// (the genitive plural), and the English singular and plural.
    pub const fn new(pl: [&'static str; 3], en: [&'static str; 2]) -> Plural {
        Plural { pl, en }
    }

    /// The form that agrees with `n`.
    pub fn form(self, lang: Lang, n: u64) -> &'static str {
        match lang {
            Lang::Pl => {
                if n == 1 {
                    self.pl[0]
                } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
                    self.pl[1]
                } else {
                    self.pl[2]
                }
            }
            Lang::En => {
                if n == 1 {
                    self.en[0]
                } else {
                    self.en[1]
                }
            }
        }
    }

    /// The count and its word: `2 ostrzeżenia`, `1 warning`.
    pub fn count(self, lang: Lang, n: u64) -> String {
        format!("{} {}", count(lang, n), self.form(lang, n))
    }
}

/// The one rounding of displayed values that are not amounts (shares,
/// forecasts, averages): half away from zero, as Polish accounting rounds.
/// A share of 23.95 % shown to one decimal is 24.0 %, a forecast of 595.45 is
/// 595.5 in every output.
pub const DISPLAY_ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// A value rounded for display to `places` decimals with [`DISPLAY_ROUNDING`].
///
/// ```
/// use kooperacja_core::present::shown;
/// use rust_decimal::Decimal;
/// assert_eq!(shown(Decimal::new(59545, 2), 1), Decimal::new(5955, 1));
/// assert_eq!(shown(Decimal::new(-25, 1), 0), Decimal::from(-3));
/// ```
pub fn shown(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, DISPLAY_ROUNDING)
}

/// Groups the digits of a whole number written in ASCII digits.
fn group(whole: &str, separator: char, from: usize) -> String {
    let mut out = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if whole.len() >= from && i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// The decimal mark and group separator of a language.
fn marks(lang: Lang) -> (char, char) {
    match lang {
        Lang::Pl => (',', ' '),
        Lang::En => ('.', ','),
    }
}

/// The fewest digits a number other than an amount must have to be grouped
/// (CLDR's minimum grouping digits: 2 for `pl`, 1 for `en`).
pub(crate) fn grouping_from(lang: Lang) -> usize {
    match lang {
        Lang::Pl => 5,
        Lang::En => 4,
    }
}

/// Writes a decimal already rounded: sign, grouped whole part, fraction.
fn write_decimal(lang: Lang, value: Decimal, from: usize) -> String {
    let text = if value.is_zero() {
        "0".to_owned()
    } else {
        value.to_string()
    };
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let (mark, separator) = marks(lang);
    let mut out = String::from(sign);
    out.push_str(&group(whole, separator, from));
    if let Some(f) = fraction {
        out.push(mark);
        out.push_str(f);
    }
    out
}

/// A number for display, rounded to at most `places` decimals with
/// [`DISPLAY_ROUNDING`], without trailing zeros, grouped as the language does.
///
/// ```
/// use kooperacja_core::present::{number, Lang};
/// use rust_decimal::Decimal;
/// assert_eq!(number(Lang::Pl, Decimal::new(59545, 2), 1), "595,5");
/// assert_eq!(number(Lang::Pl, Decimal::new(123456, 1), 1), "12 345,6");
/// assert_eq!(number(Lang::Pl, Decimal::from(1736), 1), "1736");
/// assert_eq!(number(Lang::En, Decimal::from(1736), 1), "1,736");
/// assert_eq!(number(Lang::En, Decimal::new(-5, 2), 1), "-0.1");
/// ```
pub fn number(lang: Lang, value: Decimal, places: u32) -> String {
    write_decimal(lang, shown(value, places).normalize(), grouping_from(lang))
}

/// A count of things: `1736`, `12 000` (Polish), `1,736` (English).
///
/// ```
/// use kooperacja_core::present::{count, Lang};
/// assert_eq!(count(Lang::Pl, 12000), "12 000");
/// assert_eq!(count(Lang::Pl, 1736), "1736");
/// assert_eq!(count(Lang::En, 1736), "1,736");
/// ```
pub fn count(lang: Lang, n: u64) -> String {
    group(&n.to_string(), marks(lang).1, grouping_from(lang))
}

/// An amount without the currency, to the grosz: `31 604 368,34`,
/// `31,604,368.34`; grouped from four digits in both languages.
///
/// ```
/// use kooperacja_core::money::Amount;
/// use kooperacja_core::present::{amount_number, Lang};
/// assert_eq!(amount_number(Lang::Pl, Amount::parse("1000")?), "1 000,00");
/// assert_eq!(amount_number(Lang::En, Amount::parse("-0,05")?), "-0.05");
/// # Ok::<(), kooperacja_core::money::MoneyError>(())
/// ```
pub fn amount_number(lang: Lang, amount: Amount) -> String {
    let grosze = amount.grosze();
    let sign = if grosze < 0 { "-" } else { "" };
    let abs = grosze.unsigned_abs();
    let (mark, separator) = marks(lang);
    format!(
        "{sign}{}{mark}{:02}",
        group(&(abs / 100).to_string(), separator, 4),
        abs % 100
    )
}

/// An amount with its currency: `31 604 368,34 zł`, `PLN 31,604,368.34`.
///
/// ```
/// use kooperacja_core::money::Amount;
/// use kooperacja_core::present::{amount, Lang};
/// assert_eq!(amount(Lang::Pl, Amount::parse("31604368,34")?), "31 604 368,34 zł");
/// assert_eq!(amount(Lang::En, Amount::parse("31604368,34")?), "PLN 31,604,368.34");
/// # Ok::<(), kooperacja_core::money::MoneyError>(())
/// ```
pub fn amount(lang: Lang, amount: Amount) -> String {
    match lang {
        Lang::Pl => format!("{} zł", amount_number(lang, amount)),
        Lang::En => format!("PLN {}", amount_number(lang, amount)),
    }
}

/// An amount that may be unknown: [`amount`], or the catalogue's word for an
/// unknown amount ([`label::UNKNOWN_AMOUNT`]) where the sources publish none.
///
/// ```
/// use kooperacja_core::money::Amount;
/// use kooperacja_core::present::{Lang, amount_or_unknown};
/// assert_eq!(amount_or_unknown(Lang::Pl, None), "nieznana");
/// assert_eq!(amount_or_unknown(Lang::En, Some(Amount::from_grosze(150))), "PLN 1.50");
/// ```
pub fn amount_or_unknown(lang: Lang, value: Option<Amount>) -> String {
    match value {
        Some(value) => amount(lang, value),
        None => lang.text(label::UNKNOWN_AMOUNT).to_owned(),
    }
}

/// The text after a number of per cent: ` %` (Polish, with a space), `%`.
pub fn percent_sign(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => " %",
        Lang::En => "%",
    }
}

/// A rate as a percentage with at most `places` decimals, rounded with
/// [`DISPLAY_ROUNDING`]: `56,7 %`, `56.7%`, `100 %`.
///
/// ```
/// use kooperacja_core::money::Rate;
/// use kooperacja_core::present::{percent, Lang};
/// let rate = Rate::parse("56.72 %").unwrap();
/// assert_eq!(percent(Lang::Pl, rate, 1), "56,7 %");
/// assert_eq!(percent(Lang::En, rate, 0), "57%");
/// ```
pub fn percent(lang: Lang, rate: Rate, places: u32) -> String {
    format!(
        "{}{}",
        number(lang, rate.percent(), places),
        percent_sign(lang)
    )
}

/// The decimals every displayed percentage has at most (shares of a target,
/// of the budget spent, of the period passed): one.
pub const PERCENT_PLACES: u32 = 1;

/// The decimals every displayed value that is neither an amount nor a
/// percentage has at most (a forecast, an average): one.
pub const VALUE_PLACES: u32 = 1;

/// A share as every output shows it: at most [`PERCENT_PLACES`] decimals,
/// [`DISPLAY_ROUNDING`]: `105,2 %`, `100 %`, `105.2%`.
///
/// ```
/// use kooperacja_core::money::Rate;
/// use kooperacja_core::present::{share, Lang};
/// let rate = Rate::parse("105.2083 %").unwrap();
/// assert_eq!(share(Lang::Pl, rate), "105,2 %");
/// assert_eq!(share(Lang::En, Rate::parse("100 %").unwrap()), "100%");
/// ```
pub fn share(lang: Lang, rate: Rate) -> String {
    percent(lang, rate, PERCENT_PLACES)
}

/// A value that is neither an amount nor a count, as every output shows it:
/// at most [`VALUE_PLACES`] decimals, [`DISPLAY_ROUNDING`]: `595,5`.
///
/// ```
/// use kooperacja_core::present::{value, Lang};
/// use rust_decimal::Decimal;
/// assert_eq!(value(Lang::Pl, Decimal::new(59545, 2)), "595,5");
/// assert_eq!(value(Lang::En, Decimal::from(12000)), "12,000");
/// ```
pub fn value(lang: Lang, value: Decimal) -> String {
    number(lang, value, VALUE_PLACES)
}

/// A value of an indicator (reached, forecast, or of one part) as every
/// output shows it: a count target's value as [`value`], a share target's
/// value (a number of per cent) with the percent sign; `—` when there is none.
///
/// ```
/// use kooperacja_core::indicator::Target;
/// use kooperacja_core::money::Rate;
/// use kooperacja_core::present::{indicator_value, Lang};
/// use rust_decimal::Decimal;
/// let share = Target::Share(Rate::parse("50 %").unwrap());
/// assert_eq!(indicator_value(Lang::Pl, share, Some(Decimal::new(2395, 2))), "24 %");
/// assert_eq!(indicator_value(Lang::En, Target::Count(100), Some(Decimal::from(95))), "95");
/// assert_eq!(indicator_value(Lang::En, Target::Count(100), None), "—");
/// ```
pub fn indicator_value(
    lang: Lang,
    target: crate::indicator::Target,
    value: Option<Decimal>,
) -> String {
    match (target, value) {
        (_, None) => "—".to_owned(),
        (crate::indicator::Target::Count(_), Some(v)) => self::value(lang, v),
        (crate::indicator::Target::Share(_), Some(v)) => {
            format!("{}{}", self::value(lang, v), percent_sign(lang))
        }
    }
}

/// An indicator's target as every output shows it: `1100`, `1,100`, `50 %`.
///
/// ```
/// use kooperacja_core::indicator::Target;
/// use kooperacja_core::money::Rate;
/// use kooperacja_core::present::{indicator_target, Lang};
/// assert_eq!(indicator_target(Lang::Pl, Target::Count(1100)), "1100");
/// assert_eq!(indicator_target(Lang::En, Target::Share(Rate::parse("50 %").unwrap())), "50%");
/// ```
pub fn indicator_target(lang: Lang, target: crate::indicator::Target) -> String {
    match target {
        crate::indicator::Target::Count(n) => count(lang, n),
        crate::indicator::Target::Share(rate) => share(lang, rate),
    }
}

/// The length a bar's filled part takes: `part` of `whole` on a bar `length`
/// units long (terminal cells, SVG units, pixels), rounded to a whole unit
/// with [`DISPLAY_ROUNDING`], within `0..=length`; 0 unless both are positive.
/// Every output draws its bars with it, so one share fills the same
/// proportion of a bar everywhere.
///
/// ```
/// use kooperacja_core::present::bar_length;
/// use rust_decimal::Decimal;
/// assert_eq!(bar_length(Decimal::ONE, Decimal::TWO, 1000), 500);
/// assert_eq!(bar_length(Decimal::new(5, 2), Decimal::ONE, 30), 2); // 1.5 → 2
/// assert_eq!(bar_length(Decimal::TEN, Decimal::ONE, 12), 12);
/// assert_eq!(bar_length(Decimal::ONE, Decimal::ZERO, 12), 0);
/// ```
pub fn bar_length(part: Decimal, whole: Decimal, length: i64) -> i64 {
    if part <= Decimal::ZERO || whole <= Decimal::ZERO || length <= 0 {
        return 0;
    }
    let fraction = part
        .checked_div(whole)
        .unwrap_or(Decimal::ONE)
        .min(Decimal::ONE);
    fraction
        .checked_mul(Decimal::from(length))
        .map(|x| shown(x, 0))
        .and_then(|x| i64::try_from(x.mantissa() / 10_i128.pow(x.scale())).ok())
        .unwrap_or(length)
        .clamp(0, length)
}

/// The length a rate (a fraction of one) fills on a bar `length` units long:
/// [`bar_length`] of the fraction.
///
/// ```
/// use kooperacja_core::money::Rate;
/// use kooperacja_core::present::bar_length_of;
/// assert_eq!(bar_length_of(Rate::parse("56.7 %").unwrap(), 20), 11);
/// ```
pub fn bar_length_of(rate: Rate, length: i64) -> i64 {
    bar_length(rate.fraction(), Decimal::ONE, length)
}

/// A date: `30.09.2020 r.` (Polish), `2020-09-30` (English, ISO 8601).
///
/// ```
/// use kooperacja_core::present::{date, Lang};
/// let d = chrono::NaiveDate::from_ymd_opt(2018, 4, 1).unwrap();
/// assert_eq!(date(Lang::Pl, d), "01.04.2018 r.");
/// assert_eq!(date(Lang::En, d), "2018-04-01");
/// ```
pub fn date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Pl => format!("{} r.", short_date(lang, date)),
        Lang::En => short_date(lang, date),
    }
}

/// A date for narrow columns, without the Polish `r.`: `30.09.2020`,
/// `2020-09-30`.
///
/// ```
/// use kooperacja_core::present::{short_date, Lang};
/// let d = chrono::NaiveDate::from_ymd_opt(2018, 4, 1).unwrap();
/// assert_eq!(short_date(Lang::Pl, d), "01.04.2018");
/// ```
pub fn short_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Pl => date.format("%d.%m.%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// A period, both ends inclusive: `01.04.2018 r. – 31.03.2019 r.`.
///
/// ```
/// use kooperacja_core::period::Period;
/// use kooperacja_core::present::{period, Lang};
/// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let p = Period::new(d(2018, 4, 1), d(2019, 3, 31)).unwrap();
/// assert_eq!(period(Lang::Pl, p), "01.04.2018 r. – 31.03.2019 r.");
/// assert_eq!(period(Lang::En, p), "2018-04-01 – 2019-03-31");
/// ```
pub fn period(lang: Lang, period: Period) -> String {
    format!(
        "{} – {}",
        stated_date(lang, period.start_stated()),
        stated_date(lang, period.end_stated())
    )
}

/// A date as a source states it: [`date`] for a day, [`month`] for a month.
///
/// ```
/// use kooperacja_core::period::StatedDate;
/// use kooperacja_core::present::{Lang, stated_date};
/// assert_eq!(stated_date(Lang::Pl, StatedDate::parse("2019-04")?), "04.2019");
/// assert_eq!(stated_date(Lang::Pl, StatedDate::parse("2019-04-15")?), "15.04.2019 r.");
/// # Ok::<(), kooperacja_core::period::DateError>(())
/// ```
pub fn stated_date(lang: Lang, stated: StatedDate) -> String {
    match stated {
        StatedDate::Day(day) => date(lang, day),
        StatedDate::Month(m) => month(lang, m),
    }
}

/// A period for narrow columns: `01.04.2018 – 31.03.2019`.
pub fn short_period(lang: Lang, period: Period) -> String {
    let short = |stated: StatedDate| match stated {
        StatedDate::Day(day) => short_date(lang, day),
        StatedDate::Month(m) => month(lang, m),
    };
    format!(
        "{} – {}",
        short(period.start_stated()),
        short(period.end_stated())
    )
}

/// A month: `09.2020` (Polish), `2020-09` (English).
///
/// ```
/// use kooperacja_core::period::YearMonth;
/// use kooperacja_core::present::{month, Lang};
/// let m = YearMonth::parse("2020-09").unwrap();
/// assert_eq!(month(Lang::Pl, m), "09.2020");
/// assert_eq!(month(Lang::En, m), "2020-09");
/// ```
pub fn month(lang: Lang, month: YearMonth) -> String {
    let first = month.period().start();
    match lang {
        Lang::Pl => first.format("%m.%Y").to_string(),
        Lang::En => first.format("%Y-%m").to_string(),
    }
}
