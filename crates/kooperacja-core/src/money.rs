//! Exact money: amounts in złoty with two decimals, rates, named roundings and
//! exact splits.
//!
//! No float ever touches an [`Amount`]: parsing, arithmetic, rounding and printing
//! all work on [`rust_decimal::Decimal`] or on whole grosze.
//!
//! ```
//! use kooperacja_core::money::{Amount, Rate, Rounding};
//!
//! let total = Amount::parse("11 977 479,39 zł")?;
//! let rate = Rate::parse("84,28 %")?;
//! let eu = rate.apply(total, Rounding::Down).expect("the product fits");
//! assert_eq!(eu.to_polish(), "10 094 619,62 zł");
//! assert_eq!(eu.to_plain(), "10094619.62");
//! # Ok::<(), kooperacja_core::money::MoneyError>(())
//! ```

use std::fmt;
use std::ops::{Add, Neg, Sub};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The largest magnitude an [`Amount`] may have, in whole złoty (exclusive).
///
/// Keeping amounts below 10^15 zł means that sums of up to a billion amounts
/// stay far inside the range of [`Decimal`], so arithmetic cannot overflow.
pub const AMOUNT_LIMIT_ZLOTY: i64 = 1_000_000_000_000_000;

/// The largest percentage [`Rate::parse`] accepts: 1000 %.
///
/// Rates in a project file are co-financing rates and share targets, which lie
/// between 0 % and 100 % (validation reports a share above 100 %); the margin
/// lets a mistaken value be parsed and explained rather than refused outright.
/// With at most [`RATE_DECIMAL_PLACES`] decimals, the product of such a rate and
/// any amount below [`AMOUNT_LIMIT_ZLOTY`] has at most 28 digits, so it is exact.
pub const RATE_LIMIT_PERCENT: i64 = 1000;

/// The most decimal places of a percentage [`Rate::parse`] accepts: 8.
pub const RATE_DECIMAL_PLACES: u32 = 8;

/// The largest magnitude of a rate's fraction (10^24, that is 10^26 %): larger
/// fractions are held at this bound (see [`Rate::from_fraction`]), so that the
/// percentage of every rate fits a [`Decimal`].
fn rate_fraction_limit() -> Decimal {
    Decimal::from_i128_with_scale(1_000_000_000_000_000_000_000_000, 0)
}

/// What went wrong reading an amount or a rate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text is empty or only whitespace.
    #[error("empty amount: expected an amount like 31 604 368,34 zł or 31604368.34")]
    Empty,
    /// The text is not an amount.
    #[error("invalid amount {text:?}: {reason}")]
    Invalid {
        /// The offending text.
        text: String,
        /// What is wrong and what was expected.
        reason: AmountDefect,
    },
    /// The amount has more than two decimal places.
    #[error("invalid amount {text:?}: an amount has at most 2 decimal places (grosze)")]
    TooPrecise {
        /// The offending text.
        text: String,
    },
    /// The amount is too large to be a project amount.
    #[error("invalid amount {text:?}: amounts must be below 1 000 000 000 000 000 zł")]
    TooLarge {
        /// The offending text.
        text: String,
    },
    /// A product or sum of money would leave the range of exact decimals.
    #[error("{subject}: {} × {rate} is too large to compute exactly", .amount.to_polish())]
    Overflow {
        /// What was being computed (`the EU contribution of versions[0]`).
        subject: String,
        /// The amount multiplied.
        amount: Amount,
        /// The rate it was multiplied by.
        rate: Rate,
    },
    /// The text is not a rate.
    #[error("invalid rate {text:?}: {reason}")]
    InvalidRate {
        /// The offending text.
        text: String,
        /// What is wrong and what was expected.
        reason: RateDefect,
    },
}

/// What is wrong with the text of an amount ([`MoneyError::Invalid`]); its
/// message says what was expected.
///
/// ```
/// use kooperacja_core::money::{Amount, AmountDefect, MoneyError};
/// let err = Amount::parse("1.234,56").unwrap_err();
/// assert!(matches!(err, MoneyError::Invalid { reason: AmountDefect::SeveralSeparators, .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AmountDefect {
    /// No digits where the amount's digits belong.
    #[error("expected digits")]
    NoDigits,
    /// Both a decimal comma and a point, or two of either.
    #[error("more than one decimal separator; write thousands with spaces, as in 1 234,56")]
    SeveralSeparators,
    /// A space right after the decimal separator.
    #[error(
        "a space after the decimal {}; expected digits right after it, as in 4 863 047,40 zł",
        if *.separator == ',' { "comma" } else { "point" }
    )]
    SpaceAfterSeparator {
        /// The separator: `,` or `.`.
        separator: char,
    },
    /// Nothing after the decimal separator.
    #[error("expected grosze after the decimal separator")]
    NoGrosze,
    /// Something other than a digit among the grosze.
    #[error("unexpected {found:?} in the grosze; expected at most 2 digits")]
    UnexpectedInGrosze {
        /// The character found.
        found: char,
    },
    /// A space right before the decimal separator.
    #[error("a space before the decimal separator; expected digits right before it")]
    SpaceBeforeSeparator,
    /// Nothing before the decimal separator.
    #[error("expected złoty before the decimal separator")]
    NoZloty,
    /// Two spaces between digit groups.
    #[error("two spaces in a row; expected single spaces between digit groups")]
    DoubleSpace,
    /// A character that has no place in an amount.
    #[error(
        "unexpected {found:?}; expected digits, spaces between groups of three, a decimal comma and zł"
    )]
    Unexpected {
        /// The character found.
        found: char,
    },
    /// Digit groups that are not of three digits.
    #[error("digit groups must have three digits, as in 31 604 368,34")]
    IrregularGrouping,
}

/// What is wrong with the text of a rate ([`MoneyError::InvalidRate`]).
///
/// ```
/// use kooperacja_core::money::{MoneyError, Rate, RateDefect};
/// let err = Rate::parse("0,8428").unwrap_err();
/// assert!(matches!(err, MoneyError::InvalidRate { reason: RateDefect::NoPercentSign, .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RateDefect {
    /// No `%` at the end.
    #[error("expected a percentage with a % sign, like 84,28 %")]
    NoPercentSign,
    /// Nothing before the `%`.
    #[error("expected a number before the % sign")]
    NoNumber,
    /// A character other than digits, a sign and a decimal separator.
    #[error("expected digits and one decimal comma, like 84,28 %")]
    NotDigits,
    /// Digits and separators that do not make a number.
    #[error("expected a number like 84,28 before the % sign")]
    NotANumber,
    /// Below 0 % or above 1000 %.
    #[error("a rate is between 0 % and 1000 %")]
    OutOfRange,
    /// More than 8 decimal places.
    #[error("a rate has at most 8 decimal places")]
    TooPrecise,
}

/// An amount of money in Polish złoty (PLN), exact to the grosz.
///
/// The value always carries exactly two decimal places. Amounts may be negative
/// (a correction of an expenditure), but budgets in a project file are checked to
/// be non-negative by validation.
///
/// ```
/// use kooperacja_core::money::Amount;
/// let a = Amount::parse("4 098 576,36 zł")?;
/// assert_eq!(a, Amount::parse("4098576.36")?);
/// assert_eq!(a.grosze(), 409_857_636);
/// # Ok::<(), kooperacja_core::money::MoneyError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

/// A repair made by [`Amount::parse_lenient`] to text that the strict parser refuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Repair {
    /// Whitespace stood between the decimal comma (or point) and the grosze,
    /// as in "4 863 047, 40 zł".
    SpaceAfterDecimalSeparator {
        /// Byte offset of the removed whitespace in the original text.
        at: usize,
    },
    /// Whitespace stood between the sign or a digit group and the decimal separator,
    /// as in "4 863 047 ,40 zł".
    SpaceBeforeDecimalSeparator {
        /// Byte offset of the removed whitespace in the original text.
        at: usize,
    },
    /// Digit groups were not of three digits, as in "48 63 047,40".
    IrregularGrouping,
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Repair::SpaceAfterDecimalSeparator { .. } => {
                write!(f, "a stray space after the decimal separator was removed")
            }
            Repair::SpaceBeforeDecimalSeparator { .. } => {
                write!(f, "a stray space before the decimal separator was removed")
            }
            Repair::IrregularGrouping => write!(f, "ignored irregular digit grouping"),
        }
    }
}

const GROUP_SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

impl Amount {
    /// Zero złoty.
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// An amount from a whole number of grosze.
    ///
    /// ```
    /// use kooperacja_core::money::Amount;
    /// assert_eq!(Amount::from_grosze(1234).to_plain(), "12.34");
    /// ```
    pub fn from_grosze(grosze: i64) -> Amount {
        Amount(Decimal::new(grosze, 2))
    }

    /// An amount from a decimal, if it has at most two decimal places and lies
    /// within [`AMOUNT_LIMIT_ZLOTY`].
    ///
    /// ```
    /// use kooperacja_core::money::Amount;
    /// use rust_decimal::Decimal;
    /// assert!(Amount::from_decimal(Decimal::new(12345, 3)).is_none());
    /// assert!(Amount::from_decimal(Decimal::new(1234, 2)).is_some());
    /// ```
    pub fn from_decimal(value: Decimal) -> Option<Amount> {
        let normal = value.normalize();
        if normal.scale() > 2 || normal.abs() >= Decimal::from(AMOUNT_LIMIT_ZLOTY) {
            return None;
        }
        Some(Amount::rescaled(value))
    }

    fn rescaled(mut value: Decimal) -> Amount {
        value.rescale(2);
        Amount(value)
    }

    /// The exact decimal value, with scale 2.
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// The amount as a whole number of grosze.
    ///
    /// A [`Decimal`] holds at most 96 bits of mantissa, so its grosze always fit an
    /// `i128`.
    pub fn grosze(self) -> i128 {
        self.0.mantissa()
    }

    fn from_grosze_wide(grosze: i128) -> Amount {
        Amount(Decimal::from_i128_with_scale(grosze, 2))
    }

    /// Whether the amount is below zero.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Parses an amount strictly, in Polish notation or as a plain decimal.
    ///
    /// Accepted: `"31 604 368,34 zł"`, `"31 604 368,34zł"`, `"31604368,34"`,
    /// `"31604368.34"`, `"-12,50 zł"`, `"100 zł"`. Digit groups, if used, are of three
    /// digits separated by a space (also a no-break space). At most two decimals.
    /// A malformed amount such as `"4 863 047, 40 zł"` is refused; see
    /// [`Amount::parse_lenient`].
    ///
    /// ```
    /// use kooperacja_core::money::Amount;
    /// assert!(Amount::parse("31 604 368,34zł").is_ok());
    /// let err = Amount::parse("4 863 047, 40 zł").unwrap_err();
    /// assert!(err.to_string().contains("space after the decimal comma"));
    /// ```
    pub fn parse(text: &str) -> Result<Amount, MoneyError> {
        parse_amount(text, false).map(|(amount, _)| amount)
    }

    /// Parses an amount, repairing the known defects of amounts copied from
    /// published documents, and reports each repair made.
    ///
    /// Use it only where the text is evidence to be recorded as written; the
    /// repairs belong in a finding, not in silence.
    ///
    /// ```
    /// use kooperacja_core::money::{Amount, Repair};
    /// let (amount, repairs) = Amount::parse_lenient("4 863 047, 40 zł")?;
    /// assert_eq!(amount.to_polish(), "4 863 047,40 zł");
    /// assert_eq!(repairs, vec![Repair::SpaceAfterDecimalSeparator { at: 10 }]);
    /// # Ok::<(), kooperacja_core::money::MoneyError>(())
    /// ```
    pub fn parse_lenient(text: &str) -> Result<(Amount, Vec<Repair>), MoneyError> {
        parse_amount(text, true)
    }

    /// Polish notation: groups of three digits separated by spaces, a decimal
    /// comma and the currency, as in `"31 604 368,34 zł"`.
    pub fn to_polish(self) -> String {
        crate::present::amount(crate::present::Lang::Pl, self)
    }

    /// Polish notation without the currency: `"31 604 368,34"`.
    pub fn polish_number(self) -> String {
        crate::present::amount_number(crate::present::Lang::Pl, self)
    }

    /// English notation: the currency code first, groups of three digits
    /// separated by commas, a decimal point.
    ///
    /// ```
    /// use kooperacja_core::money::Amount;
    /// assert_eq!(Amount::parse("31604368,34")?.to_english(), "PLN 31,604,368.34");
    /// assert_eq!(Amount::parse("-0,05")?.to_english(), "PLN -0.05");
    /// # Ok::<(), kooperacja_core::money::MoneyError>(())
    /// ```
    pub fn to_english(self) -> String {
        crate::present::amount(crate::present::Lang::En, self)
    }

    /// English notation without the currency: `"31,604,368.34"`.
    pub fn english_number(self) -> String {
        crate::present::amount_number(crate::present::Lang::En, self)
    }

    /// Plain notation for machines: no grouping, a decimal point, two decimals,
    /// as in `"31604368.34"`.
    pub fn to_plain(self) -> String {
        format!("{:.2}", self.0)
    }

    /// The sum, or `None` if it would leave the range of amounts.
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).and_then(Amount::from_decimal)
    }

    /// Splits this amount into parts proportional to `weights` that sum exactly to
    /// it, by the largest-remainder method.
    ///
    /// Each part is its exact share rounded down to the grosz; the grosze left over
    /// go one each to the parts with the largest remainders (ties to the earlier
    /// part). So no part differs from its exact share by a grosz or more, and the
    /// parts always sum to the whole.
    ///
    /// ```
    /// use kooperacja_core::money::Amount;
    /// let parts = Amount::parse("100,00")?.split(&[1, 1, 1]).unwrap();
    /// let shown: Vec<String> = parts.iter().map(|p| p.to_plain()).collect();
    /// assert_eq!(shown, ["33.34", "33.33", "33.33"]);
    /// # Ok::<(), kooperacja_core::money::MoneyError>(())
    /// ```
    pub fn split(self, weights: &[u64]) -> Result<Vec<Amount>, SplitError> {
        if weights.is_empty() {
            return Err(SplitError::NoParts);
        }
        let total_weight: u128 = weights.iter().map(|&w| u128::from(w)).sum();
        if total_weight == 0 {
            return Err(SplitError::ZeroWeights);
        }
        let total = self.grosze();
        let magnitude = total.unsigned_abs();
        if magnitude >= 100 * AMOUNT_LIMIT_ZLOTY.unsigned_abs() as u128 {
            return Err(SplitError::TooLarge);
        }
        // |total| < 10^17 and each weight < 2^64, so the products fit in u128.
        let mut parts: Vec<(u128, u128)> = weights
            .iter()
            .map(|&w| {
                let product = magnitude * u128::from(w);
                (product / total_weight, product % total_weight)
            })
            .collect();
        let assigned: u128 = parts.iter().map(|(q, _)| q).sum();
        let mut left = magnitude - assigned;
        let mut order: Vec<usize> = (0..parts.len()).collect();
        order.sort_by(|&a, &b| parts[b].1.cmp(&parts[a].1).then(a.cmp(&b)));
        for index in order {
            if left == 0 {
                break;
            }
            parts[index].0 += 1;
            left -= 1;
        }
        let sign: i128 = if total < 0 { -1 } else { 1 };
        Ok(parts
            .into_iter()
            .map(|(q, _)| {
                let grosze = i128::try_from(q).expect("a part is never larger than the whole");
                Amount::from_grosze_wide(sign * grosze)
            })
            .collect())
    }

    /// Splits this amount in proportion to other amounts (for example, the
    /// partners' budgets), as [`Amount::split`] does.
    pub fn split_by(self, shares: &[Amount]) -> Result<Vec<Amount>, SplitError> {
        let weights: Vec<u64> = shares
            .iter()
            .map(|s| u64::try_from(s.grosze()).map_err(|_| SplitError::NegativeShare))
            .collect::<Result<_, _>>()?;
        self.split(&weights)
    }
}

/// Why an amount could not be split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SplitError {
    /// No parts were asked for.
    #[error("cannot split into zero parts")]
    NoParts,
    /// All weights are zero, so no share is defined.
    #[error("cannot split by weights that are all zero")]
    ZeroWeights,
    /// A share given as an amount is negative.
    #[error("cannot split in proportion to a negative amount")]
    NegativeShare,
    /// The amount is beyond the range of amounts a project file may hold.
    #[error("cannot split an amount of 1 000 000 000 000 000 zł or more")]
    TooLarge,
}

fn invalid(text: &str, reason: AmountDefect) -> MoneyError {
    MoneyError::Invalid {
        text: text.to_owned(),
        reason,
    }
}

fn parse_amount(text: &str, lenient: bool) -> Result<(Amount, Vec<Repair>), MoneyError> {
    let mut repairs = Vec::new();
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(MoneyError::Empty);
    }
    let offset = text.len() - text.trim_start().len();
    let body = trimmed
        .strip_suffix("zł")
        .or_else(|| trimmed.strip_suffix("PLN"))
        .map(str::trim_end)
        .unwrap_or(trimmed);
    let (negative, digits_start) = match body.strip_prefix('-') {
        Some(rest) => (true, body.len() - rest.len()),
        None => (false, 0),
    };
    let unsigned = &body[digits_start..];
    if unsigned.is_empty() {
        return Err(invalid(text, AmountDefect::NoDigits));
    }

    let separators: Vec<(usize, char)> = unsigned
        .char_indices()
        .filter(|(_, c)| *c == ',' || *c == '.')
        .collect();
    let (integer_part, fraction_part, separator) = match separators.as_slice() {
        [] => (unsigned, "", None),
        [(at, c)] => (&unsigned[..*at], &unsigned[at + 1..], Some((*at, *c))),
        _ => {
            return Err(invalid(text, AmountDefect::SeveralSeparators));
        }
    };

    let mut fraction = fraction_part;
    if let Some((at, sep)) = separator {
        let after = fraction.trim_start_matches(GROUP_SPACES);
        if after.len() != fraction.len() {
            if !lenient {
                return Err(invalid(
                    text,
                    AmountDefect::SpaceAfterSeparator { separator: sep },
                ));
            }
            repairs.push(Repair::SpaceAfterDecimalSeparator {
                at: offset + digits_start + at + sep.len_utf8(),
            });
            fraction = after;
        }
        if fraction.is_empty() {
            return Err(invalid(text, AmountDefect::NoGrosze));
        }
    }
    if let Some(c) = fraction.chars().find(|c| !c.is_ascii_digit()) {
        return Err(invalid(text, AmountDefect::UnexpectedInGrosze { found: c }));
    }
    if fraction.len() > 2 {
        return Err(MoneyError::TooPrecise {
            text: text.to_owned(),
        });
    }

    let mut integer = integer_part;
    let stripped = integer.trim_end_matches(GROUP_SPACES);
    if stripped.len() != integer.len() && separator.is_some() {
        if !lenient {
            return Err(invalid(text, AmountDefect::SpaceBeforeSeparator));
        }
        repairs.push(Repair::SpaceBeforeDecimalSeparator {
            at: offset + digits_start + stripped.len(),
        });
        integer = stripped;
    }
    if integer.is_empty() {
        return Err(invalid(text, AmountDefect::NoZloty));
    }
    let groups: Vec<&str> = integer.split(GROUP_SPACES).collect();
    for group in &groups {
        if group.is_empty() {
            return Err(invalid(text, AmountDefect::DoubleSpace));
        }
        if let Some(c) = group.chars().find(|c| !c.is_ascii_digit()) {
            return Err(invalid(text, AmountDefect::Unexpected { found: c }));
        }
    }
    let regular =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !regular {
        if !lenient {
            return Err(invalid(text, AmountDefect::IrregularGrouping));
        }
        repairs.push(Repair::IrregularGrouping);
    }
    let whole: String = groups.concat();
    let whole_digits = whole.trim_start_matches('0');
    if whole_digits.len() > 15 {
        return Err(MoneyError::TooLarge {
            text: text.to_owned(),
        });
    }
    let whole_value: i64 = if whole_digits.is_empty() {
        0
    } else {
        whole_digits
            .parse()
            .map_err(|_| invalid(text, AmountDefect::NoDigits))?
    };
    let mut grosze_value: i64 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        let d = i64::from(digit - b'0');
        grosze_value += if i == 0 { d * 10 } else { d };
    }
    let mut grosze = whole_value * 100 + grosze_value;
    if negative {
        grosze = -grosze;
    }
    Ok((Amount::from_grosze(grosze), repairs))
}

impl fmt::Display for Amount {
    /// Plain notation, as [`Amount::to_plain`]; use [`Amount::to_polish`] for people.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_plain())
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({})", self.to_plain())
    }
}

impl std::str::FromStr for Amount {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Amount::parse(s)
    }
}

impl Add for Amount {
    type Output = Amount;
    /// Adds two amounts.
    ///
    /// Amounts are bounded by [`AMOUNT_LIMIT_ZLOTY`], so the exact sum of two (or of
    /// up to a billion) amounts always fits a decimal; the sum is exact.
    fn add(self, other: Amount) -> Amount {
        Amount::rescaled(self.0 + other.0)
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, other: Amount) -> Amount {
        Amount::rescaled(self.0 - other.0)
    }
}

impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

impl Serialize for Amount {
    /// Serialises as a plain decimal string, `"31604368.34"`, so that no reader
    /// turns it into a float.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_plain())
    }
}

impl<'de> Deserialize<'de> for Amount {
    /// Reads a string in Polish or plain notation (strictly), or an integer number
    /// of złoty. Floats are refused: they cannot hold grosze exactly.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount as a string, like \"31 604 368,34 zł\" or \"31604368.34\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
                Amount::parse(v).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
                Amount::from_decimal(Decimal::from(v)).ok_or_else(|| E::custom("amount too large"))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
                Amount::from_decimal(Decimal::from(v)).ok_or_else(|| E::custom("amount too large"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        if generator.contract().is_serialize() {
            return schemars::json_schema!({
                "description": "An amount in PLN: a plain decimal string with exactly two decimals, \"31604368.34\" (a string, so that no reader turns it into a float).",
                "type": "string",
                "pattern": "^-?[0-9]+\\.[0-9]{2}$"
            });
        }
        schemars::json_schema!({
            "description": "An amount in PLN with at most two decimals, in Polish notation (\"31 604 368,34 zł\") or plain (\"31604368.34\"), or a whole number of złoty.",
            "oneOf": [
                { "type": "string", "pattern": "^\\s*-?[0-9][0-9 \u{a0}\u{202f}]*([,.][0-9]{1,2})?\\s*(zł|PLN)?\\s*$" },
                { "type": "integer" }
            ]
        })
    }
}

/// A rounding to the grosz, named so that every rounding in the model is explicit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Rounding {
    /// Towards minus infinity: never more than the exact value. Funding agreements
    /// round the EU contribution this way.
    Down,
    /// To the nearest grosz, a half grosz away from zero.
    HalfUp,
    /// To the nearest grosz, a half grosz to the even grosz (banker's rounding).
    HalfEven,
}

impl Rounding {
    /// All roundings, in the order they are tried when explaining an amount.
    pub const ALL: [Rounding; 3] = [Rounding::Down, Rounding::HalfUp, Rounding::HalfEven];

    /// Rounds an exact value to the grosz with this rounding.
    ///
    /// ```
    /// use kooperacja_core::money::Rounding;
    /// use rust_decimal::Decimal;
    /// let exact = Decimal::new(10_094_619_6298, 4);
    /// assert_eq!(Rounding::Down.round(exact).to_plain(), "10094619.62");
    /// assert_eq!(Rounding::HalfUp.round(exact).to_plain(), "10094619.63");
    /// ```
    pub fn round(self, exact: Decimal) -> Amount {
        let strategy = match self {
            Rounding::Down => RoundingStrategy::ToNegativeInfinity,
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        };
        Amount::rescaled(exact.round_dp_with_strategy(2, strategy))
    }

    /// The name used in files and messages: `down`, `half-up`, `half-even`.
    pub fn name(self) -> &'static str {
        match self {
            Rounding::Down => "down",
            Rounding::HalfUp => "half-up",
            Rounding::HalfEven => "half-even",
        }
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A rate, such as a co-financing rate of 84.28 %, held exactly as a fraction.
///
/// ```
/// use kooperacja_core::money::Rate;
/// let r = Rate::parse("84,28 %")?;
/// assert_eq!(r.to_string(), "84.28 %");
/// assert_eq!(r.to_polish(), "84,28 %");
/// # Ok::<(), kooperacja_core::money::MoneyError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(Decimal);

impl Rate {
    /// A rate from a fraction (0.8428 for 84.28 %).
    ///
    /// A fraction beyond ±10^24 (±10^26 %) is held at that bound: no ratio of
    /// amounts or counts comes near it, and it keeps [`Rate::percent`] exact and
    /// free of overflow for every rate.
    ///
    /// ```
    /// use kooperacja_core::money::Rate;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Rate::from_fraction(Decimal::new(8428, 4)).to_string(), "84.28 %");
    /// assert_eq!(Rate::from_fraction(Decimal::MAX).percent(), Decimal::from_i128_with_scale(10_i128.pow(26), 0));
    /// ```
    pub fn from_fraction(fraction: Decimal) -> Rate {
        Rate(
            fraction
                .clamp(-rate_fraction_limit(), rate_fraction_limit())
                .normalize(),
        )
    }

    /// A rate from a percentage (84.28 for 84.28 %), bounded as
    /// [`Rate::from_fraction`] is.
    pub fn from_percent(percent: Decimal) -> Rate {
        Rate::from_fraction(percent / Decimal::ONE_HUNDRED)
    }

    /// The ratio `part / whole`, exact to the precision of [`Decimal`]
    /// (28 significant digits); `None` if `whole` is zero.
    ///
    /// ```
    /// use kooperacja_core::money::{Amount, Rate};
    /// let r = Rate::implied(Amount::parse("10 094 619,62")?, Amount::parse("11 977 479,39")?).unwrap();
    /// assert_eq!(r.percent_rounded(2).to_string(), "84.28");
    /// # Ok::<(), kooperacja_core::money::MoneyError>(())
    /// ```
    pub fn implied(part: Amount, whole: Amount) -> Option<Rate> {
        if whole.0.is_zero() {
            return None;
        }
        part.0.checked_div(whole.0).map(Rate::from_fraction)
    }

    /// The exact fraction.
    pub fn fraction(self) -> Decimal {
        self.0
    }

    /// The exact percentage.
    pub fn percent(self) -> Decimal {
        // |fraction| <= 10^24 (see `from_fraction`), so the product fits.
        (self.0 * Decimal::ONE_HUNDRED).normalize()
    }

    /// The percentage rounded half-even to `places` decimals, for display.
    pub fn percent_rounded(self, places: u32) -> Decimal {
        self.percent()
            .round_dp_with_strategy(places, RoundingStrategy::MidpointNearestEven)
    }

    /// Applies this rate to an amount and rounds the product to the grosz;
    /// `None` if the product is not exact in a [`Decimal`] (see
    /// [`Rate::exact_product`]).
    pub fn apply(self, amount: Amount, rounding: Rounding) -> Option<Amount> {
        self.exact_product(amount).map(|p| rounding.round(p))
    }

    /// The exact, unrounded product of this rate and an amount; `None` if it
    /// does not fit a [`Decimal`] exactly (never for a rate [`Rate::parse`]
    /// accepts and an amount below [`AMOUNT_LIMIT_ZLOTY`]).
    ///
    /// ```
    /// use kooperacja_core::money::{Amount, Rate};
    /// use rust_decimal::Decimal;
    /// let total = Amount::parse("11 977 479,39")?;
    /// assert_eq!(Rate::parse("84,28 %")?.exact_product(total), Some("10094619.629892".parse().unwrap()));
    /// assert_eq!(Rate::from_fraction(Decimal::MAX).exact_product(total), None);
    /// # Ok::<(), kooperacja_core::money::MoneyError>(())
    /// ```
    pub fn exact_product(self, amount: Amount) -> Option<Decimal> {
        let product = amount.0.checked_mul(self.0)?;
        // rust_decimal rounds away digits past 28 instead of failing: refuse a
        // product that lost any.
        let exact_scale = amount.0.scale() + self.0.scale();
        (product.scale() == exact_scale).then_some(product)
    }

    /// Parses a percentage such as `"84,28 %"`, `"84.28%"` or `"50 %"`.
    ///
    /// The percent sign is required, so that `"0.8428"` and `"84.28"` can never be
    /// confused.
    pub fn parse(text: &str) -> Result<Rate, MoneyError> {
        let bad = |reason: RateDefect| MoneyError::InvalidRate {
            text: text.to_owned(),
            reason,
        };
        let trimmed = text.trim();
        let number = trimmed
            .strip_suffix('%')
            .ok_or_else(|| bad(RateDefect::NoPercentSign))?
            .trim_end_matches(GROUP_SPACES);
        if number.is_empty() {
            return Err(bad(RateDefect::NoNumber));
        }
        if !number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '-')
        {
            return Err(bad(RateDefect::NotDigits));
        }
        let value: Decimal = number
            .replace(',', ".")
            .parse()
            .map_err(|_| bad(RateDefect::NotANumber))?;
        if value.is_sign_negative() || value > Decimal::from(RATE_LIMIT_PERCENT) {
            return Err(bad(RateDefect::OutOfRange));
        }
        if value.normalize().scale() > RATE_DECIMAL_PLACES {
            return Err(bad(RateDefect::TooPrecise));
        }
        Ok(Rate::from_percent(value))
    }

    /// The percentage in Polish notation, `"84,28 %"`.
    pub fn to_polish(self) -> String {
        format!("{} %", self.percent()).replace('.', ",")
    }
}

impl fmt::Display for Rate {
    /// The exact percentage with a decimal point: `"84.28 %"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} %", self.percent())
    }
}

impl fmt::Debug for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rate({} %)", self.percent())
    }
}

impl Serialize for Rate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rate::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Rate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Rate".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        if generator.contract().is_serialize() {
            return schemars::json_schema!({
                "description": "A percentage, exact, with a decimal point and \" %\": \"84.28 %\", \"105.20833333333333333333333333 %\".",
                "type": "string",
                "pattern": "^-?[0-9]+(\\.[0-9]+)? %$"
            });
        }
        schemars::json_schema!({
            "description": "A percentage from 0 % to 1000 % with at most 8 decimals and a % sign, like \"84,28 %\" or \"84.28%\".",
            "type": "string",
            "pattern": "^\\s*[0-9]+([,.][0-9]{1,8})?[ \u{a0}\u{202f}]*%\\s*$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str) -> Amount {
        Amount::parse(text).expect("valid amount in test")
    }

    #[test]
    fn parses_both_notations() {
        assert_eq!(amount("31 604 368,34 zł"), amount("31604368.34"));
        assert_eq!(amount("31 604 368,34zł").grosze(), 3_160_436_834);
        assert_eq!(amount("100 zł").to_plain(), "100.00");
        assert_eq!(amount("0,5").to_plain(), "0.50");
        assert_eq!(amount("-12,50 zł").to_polish(), "-12,50 zł");
        assert_eq!(amount("1\u{a0}000,00 zł").to_plain(), "1000.00");
    }

    #[test]
    fn strict_parse_errors_say_what_was_expected() {
        let cases = [
            (
                "",
                "empty amount: expected an amount like 31 604 368,34 zł or 31604368.34",
            ),
            (
                "4 863 047, 40 zł",
                "invalid amount \"4 863 047, 40 zł\": a space after the decimal comma; expected digits right after it, as in 4 863 047,40 zł",
            ),
            (
                "12,345",
                "invalid amount \"12,345\": an amount has at most 2 decimal places (grosze)",
            ),
            (
                "1.234,56",
                "invalid amount \"1.234,56\": more than one decimal separator; write thousands with spaces, as in 1 234,56",
            ),
            (
                "12 34,00",
                "invalid amount \"12 34,00\": digit groups must have three digits, as in 31 604 368,34",
            ),
            (
                "12x",
                "invalid amount \"12x\": unexpected 'x'; expected digits, spaces between groups of three, a decimal comma and zł",
            ),
            ("zł", "invalid amount \"zł\": expected digits"),
        ];
        for (text, message) in cases {
            assert_eq!(
                Amount::parse(text).unwrap_err().to_string(),
                message,
                "{text}"
            );
        }
    }

    #[test]
    fn lenient_parse_reports_repairs() {
        let (a, repairs) = Amount::parse_lenient("4 863 047 , 40 zł").expect("repairable");
        assert_eq!(a.to_plain(), "4863047.40");
        assert_eq!(repairs.len(), 2);
        let (_, none) = Amount::parse_lenient("4 863 047,40 zł").expect("clean");
        assert!(none.is_empty());
    }

    #[test]
    fn split_hands_out_leftover_grosze_by_largest_remainder() {
        let parts = amount("0,05").split(&[1, 1, 1]).expect("split");
        assert_eq!(parts, vec![amount("0,02"), amount("0,02"), amount("0,01")]);
        let parts = amount("-1,00").split(&[1, 2]).expect("split");
        assert_eq!(parts, vec![amount("-0,33"), amount("-0,67")]);
        assert_eq!(amount("1").split(&[]), Err(SplitError::NoParts));
        assert_eq!(amount("1").split(&[0, 0]), Err(SplitError::ZeroWeights));
    }

    #[test]
    fn roundings_differ_only_where_they_should() {
        let half = Decimal::new(1005, 3); // 1.005
        assert_eq!(Rounding::Down.round(half), amount("1,00"));
        assert_eq!(Rounding::HalfUp.round(half), amount("1,01"));
        assert_eq!(Rounding::HalfEven.round(half), amount("1,00"));
        let neg = Decimal::new(-1001, 3);
        assert_eq!(Rounding::Down.round(neg), amount("-1,01"));
    }

    #[test]
    fn rates_parse_and_print() {
        assert_eq!(
            Rate::parse("84,28 %").expect("rate").fraction(),
            Decimal::new(8428, 4)
        );
        assert_eq!(Rate::parse("50%").expect("rate").to_polish(), "50 %");
        assert!(Rate::parse("0.8428").is_err());
    }
}
