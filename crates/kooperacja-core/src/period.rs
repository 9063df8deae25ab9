//! Dates and periods as the documents write them: inclusive on both ends,
//! counted in whole months.
//!
//! ```
//! use kooperacja_core::period::Period;
//! let km1 = Period::parse("01.04.2018 r. – 31.03.2019 r.")?;
//! assert_eq!(km1.whole_months(), Some(12));
//! assert_eq!(km1.days(), 365);
//! # Ok::<(), kooperacja_core::period::DateError>(())
//! ```

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// What went wrong reading a date or a period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text is not a date in an accepted form.
    #[error("invalid date {text:?}: expected a date like 2018-04-01 or 01.04.2018 r.")]
    Invalid {
        /// The offending text.
        text: String,
    },
    /// The text has the shape of a date, but no such day exists.
    #[error("invalid date {text:?}: there is no such day in the calendar")]
    NoSuchDay {
        /// The offending text.
        text: String,
    },
    /// The text is not a calendar month.
    #[error("invalid month {text:?}: expected a month like 2018-04 or 04.2018")]
    InvalidMonth {
        /// The offending text.
        text: String,
    },
    /// The text is not a period.
    #[error("invalid period {text:?}: expected a period like 01.04.2018 r. – 31.03.2019 r.")]
    InvalidPeriod {
        /// The offending text.
        text: String,
    },
    /// The period ends before it starts.
    #[error("period ends ({end}) before it starts ({start})")]
    EndBeforeStart {
        /// The first day.
        start: NaiveDate,
        /// The last day.
        end: NaiveDate,
    },
}

/// Parses a date as written in files (`2018-04-01`) or in Polish documents
/// (`01.04.2018`, `01.04.2018 r.`).
///
/// ```
/// use kooperacja_core::period::parse_date;
/// assert_eq!(parse_date("01.04.2018 r.")?, parse_date("2018-04-01")?);
/// assert!(parse_date("31.02.2019").is_err());
/// # Ok::<(), kooperacja_core::period::DateError>(())
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let trimmed = text.trim();
    let core = trimmed
        .strip_suffix("r.")
        .or_else(|| trimmed.strip_suffix('r'))
        .map(str::trim_end)
        .unwrap_or(trimmed);
    let invalid = || DateError::Invalid {
        text: text.to_owned(),
    };
    let parts: Vec<&str> = if core.contains('-') && core.len() == 10 {
        core.split('-').collect()
    } else {
        core.split('.').rev().collect()
    };
    let [year, month, day] = parts.as_slice() else {
        return Err(invalid());
    };
    if year.len() != 4 || !(1..=2).contains(&month.len()) || !(1..=2).contains(&day.len()) {
        return Err(invalid());
    }
    let all_digits = [year, month, day]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits {
        return Err(invalid());
    }
    let (Ok(y), Ok(m), Ok(d)) = (year.parse(), month.parse(), day.parse()) else {
        return Err(invalid());
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| DateError::NoSuchDay {
        text: text.to_owned(),
    })
}

/// A date as the Polish documents write it: `01.04.2018 r.`.
///
/// ```
/// use kooperacja_core::period::polish_date;
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2018, 4, 1).unwrap();
/// assert_eq!(polish_date(d), "01.04.2018 r.");
/// ```
pub fn polish_date(date: NaiveDate) -> String {
    crate::present::date(crate::present::Lang::Pl, date)
}

/// How precisely a source states a date: to the day, or only to the month.
///
/// A date stated to the month is evaluated by one rule: as the start of
/// something (a period's start, `in_force_from`) it is the month's first day; as
/// its end (a period's end, a deadline) the month's last day. Outputs show it as
/// the month.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// A day: `2019-04-15`.
    #[default]
    Day,
    /// A month only: `2019-04`.
    Month,
}

impl Precision {
    /// Whether the precision is a day (the usual case, left out of JSON).
    pub fn is_day(&self) -> bool {
        *self == Precision::Day
    }
}

/// A date as a source states it: a day, or only a month.
///
/// It reads from everything [`Date`] reads, and also from a month, `"2019-04"` or
/// `"04.2019"`; it writes as ISO, `2019-04-15` or `2019-04`.
///
/// ```
/// use kooperacja_core::period::{Precision, StatedDate};
/// let month = StatedDate::parse("04.2019")?;
/// assert_eq!(month.precision(), Precision::Month);
/// assert_eq!(month.first_day().to_string(), "2019-04-01");
/// assert_eq!(month.last_day().to_string(), "2019-04-30");
/// assert_eq!(month.to_string(), "2019-04");
/// assert_eq!(StatedDate::parse("15.04.2019 r.")?.to_string(), "2019-04-15");
/// # Ok::<(), kooperacja_core::period::DateError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum StatedDate {
    /// A day.
    Day(NaiveDate),
    /// A month, without its day.
    Month(YearMonth),
}

impl StatedDate {
    /// Parses a day (as [`parse_date`] does) or, failing that, a month (as
    /// [`YearMonth::parse`] does); the error is the day's when the text is
    /// neither.
    pub fn parse(text: &str) -> Result<StatedDate, DateError> {
        match parse_date(text) {
            Ok(day) => Ok(StatedDate::Day(day)),
            Err(day_error) => YearMonth::parse(text)
                .map(StatedDate::Month)
                .map_err(|_| day_error),
        }
    }

    /// The first day it may mean: the day, or the month's first day (the rule for
    /// a start).
    pub fn first_day(self) -> NaiveDate {
        match self {
            StatedDate::Day(day) => day,
            StatedDate::Month(month) => month.period().start(),
        }
    }

    /// The last day it may mean: the day, or the month's last day (the rule for
    /// an end or a deadline).
    pub fn last_day(self) -> NaiveDate {
        match self {
            StatedDate::Day(day) => day,
            StatedDate::Month(month) => month.period().end(),
        }
    }

    /// To the day or to the month.
    pub fn precision(self) -> Precision {
        match self {
            StatedDate::Day(_) => Precision::Day,
            StatedDate::Month(_) => Precision::Month,
        }
    }
}

impl From<NaiveDate> for StatedDate {
    fn from(day: NaiveDate) -> StatedDate {
        StatedDate::Day(day)
    }
}

impl fmt::Display for StatedDate {
    /// ISO: `2019-04-15`, or `2019-04` for a month.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatedDate::Day(day) => write!(f, "{day}"),
            StatedDate::Month(month) => write!(f, "{month}"),
        }
    }
}

impl Serialize for StatedDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for StatedDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = StatedDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a date like 2018-04-01 or \"01.04.2018 r.\", or a month like \"2018-04\"",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<StatedDate, E> {
                StatedDate::parse(v).map_err(E::custom)
            }
            // A TOML date arrives as a one-entry map holding its text.
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<StatedDate, A::Error> {
                Date::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|d| StatedDate::Day(d.0))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for StatedDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "StatedDate".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        if generator.contract().is_serialize() {
            return schemars::json_schema!({
                "description": "A date, ISO 8601: \"2018-04-01\", or a month when the source gives only the month: \"2018-04\".",
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"
            });
        }
        schemars::json_schema!({
            "description": "A date (a TOML date 2018-04-01, or a string \"2018-04-01\" or \"01.04.2018 r.\"), or a month when the source gives only the month (\"2018-04\" or \"04.2018\"): a month is its first day as a start, its last day as an end or a deadline.",
            "type": "string"
        })
    }
}

/// An inclusive range of days: both the first and the last day belong to it.
///
/// "01.04.2018 r. – 31.03.2019 r." is one year: 365 days, 12 whole months. Either
/// end may be stated to the month only ("04.2019 – 03.2020"): the period then
/// runs from the first day of its first month to the last day of its last, and
/// remembers the [`Precision`] of each end, so that outputs show the months.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Period {
    start: NaiveDate,
    end: NaiveDate,
    /// Day, or month (the start is then its month's first day).
    #[serde(skip_serializing_if = "Precision::is_day")]
    start_precision: Precision,
    /// Day, or month (the end is then its month's last day).
    #[serde(skip_serializing_if = "Precision::is_day")]
    end_precision: Precision,
}

impl Period {
    /// A period from its first to its last day, inclusive.
    ///
    /// ```
    /// use kooperacja_core::period::Period;
    /// use chrono::NaiveDate;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(Period::new(d(2020, 1, 2), d(2020, 1, 1)).is_err());
    /// assert_eq!(Period::new(d(2020, 1, 1), d(2020, 1, 1)).unwrap().days(), 1);
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Period, DateError> {
        if end < start {
            return Err(DateError::EndBeforeStart { start, end });
        }
        Ok(Period {
            start,
            end,
            start_precision: Precision::Day,
            end_precision: Precision::Day,
        })
    }

    /// A period from its ends as a source states them: a start stated to the
    /// month begins on the month's first day, an end stated to the month ends on
    /// its last day.
    ///
    /// ```
    /// use kooperacja_core::period::{Period, StatedDate};
    /// let p = Period::stated(StatedDate::parse("2019-04")?, StatedDate::parse("2020-03")?)?;
    /// assert_eq!((p.start().to_string(), p.end().to_string()), ("2019-04-01".into(), "2020-03-31".into()));
    /// # Ok::<(), kooperacja_core::period::DateError>(())
    /// ```
    pub fn stated(start: StatedDate, end: StatedDate) -> Result<Period, DateError> {
        let mut period = Period::new(start.first_day(), end.last_day())?;
        period.start_precision = start.precision();
        period.end_precision = end.precision();
        Ok(period)
    }

    /// The start as the source states it (a day, or a month).
    pub fn start_stated(self) -> StatedDate {
        match self.start_precision {
            Precision::Day => StatedDate::Day(self.start),
            Precision::Month => StatedDate::Month(YearMonth::of(self.start)),
        }
    }

    /// The end as the source states it (a day, or a month).
    pub fn end_stated(self) -> StatedDate {
        match self.end_precision {
            Precision::Day => StatedDate::Day(self.end),
            Precision::Month => StatedDate::Month(YearMonth::of(self.end)),
        }
    }

    /// How precisely the start is stated.
    pub fn start_precision(self) -> Precision {
        self.start_precision
    }

    /// How precisely the end is stated.
    pub fn end_precision(self) -> Precision {
        self.end_precision
    }

    /// The period of one day.
    ///
    /// ```
    /// use kooperacja_core::period::Period;
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    /// assert_eq!(Period::single_day(d).days(), 1);
    /// ```
    pub fn single_day(date: NaiveDate) -> Period {
        Period {
            start: date,
            end: date,
            start_precision: Precision::Day,
            end_precision: Precision::Day,
        }
    }

    /// Parses `"01.04.2018 r. – 31.03.2019 r."` (an en dash, an em dash or a hyphen
    /// with spaces between the two dates) or `"2018-04-01..2019-03-31"`; either
    /// end may be a month (`"04.2019 – 03.2020"`, `"2019-04..2020-03"`), as
    /// [`Period::stated`] reads it.
    pub fn parse(text: &str) -> Result<Period, DateError> {
        let separators = [" – ", " — ", " - ", "..", "–", "—"];
        let (start, end) = separators
            .iter()
            .find_map(|sep| text.split_once(sep))
            .ok_or_else(|| DateError::InvalidPeriod {
                text: text.to_owned(),
            })?;
        Period::stated(StatedDate::parse(start)?, StatedDate::parse(end)?)
    }

    /// The first day.
    pub fn start(self) -> NaiveDate {
        self.start
    }

    /// The last day (inclusive).
    pub fn end(self) -> NaiveDate {
        self.end
    }

    /// The number of days, counting both ends.
    pub fn days(self) -> u32 {
        let days = (self.end - self.start).num_days() + 1;
        u32::try_from(days).expect("a period's end is never before its start")
    }

    /// Whether the day lies within the period (both ends included).
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether `other` lies wholly within this period.
    pub fn covers(self, other: Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The number of whole months, if the period is exactly N months long: it ends
    /// the day before the same day of the month N months later (a day that does not
    /// exist in the later month falls back to that month's last day).
    ///
    /// ```
    /// use kooperacja_core::period::Period;
    /// assert_eq!(Period::parse("01.04.2019 – 30.09.2020")?.whole_months(), Some(18));
    /// assert_eq!(Period::parse("01.04.2019 – 29.09.2020")?.whole_months(), None);
    /// # Ok::<(), kooperacja_core::period::DateError>(())
    /// ```
    pub fn whole_months(self) -> Option<u32> {
        let after_end = self.end.succ_opt()?;
        let approx = (after_end.year() - self.start.year()) * 12
            + (i32::try_from(after_end.month()).ok()? - i32::try_from(self.start.month()).ok()?);
        let months = u32::try_from(approx).ok()?;
        (months > 0 && self.start.checked_add_months(Months::new(months)) == Some(after_end))
            .then_some(months)
    }

    /// The number of calendar months the period touches, partly or wholly.
    pub fn months_touched(self) -> u32 {
        let span = (self.end.year() - self.start.year()) * 12
            + (i32::try_from(self.end.month()).unwrap_or(0)
                - i32::try_from(self.start.month()).unwrap_or(0));
        u32::try_from(span + 1).unwrap_or(0)
    }

    /// Whether `next` starts the day after this period ends.
    pub fn is_followed_by(self, next: Period) -> bool {
        self.end.succ_opt() == Some(next.start)
    }

    /// The share of the period that has passed on `as_of`, in days, from 0 before
    /// the start to `days()` after the end.
    pub fn days_passed(self, as_of: NaiveDate) -> u32 {
        if as_of < self.start {
            0
        } else if as_of >= self.end {
            self.days()
        } else {
            u32::try_from((as_of - self.start).num_days() + 1).unwrap_or(0)
        }
    }

    /// The period cut at the turns of calendar years: one piece per year it
    /// touches, the first and last possibly shorter than a year, none longer.
    /// IATI wants budgets in periods of at most a year; these are they.
    ///
    /// ```
    /// use kooperacja_core::period::Period;
    /// let years = Period::parse("01.04.2018 – 30.09.2020")?.calendar_years();
    /// let shown: Vec<String> = years.iter().map(|p| p.to_string()).collect();
    /// assert_eq!(shown, ["2018-04-01..2018-12-31", "2019-01-01..2019-12-31", "2020-01-01..2020-09-30"]);
    /// # Ok::<(), kooperacja_core::period::DateError>(())
    /// ```
    pub fn calendar_years(self) -> Vec<Period> {
        (self.start.year()..=self.end.year())
            .map(|year| {
                let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(self.start);
                let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(self.end);
                Period {
                    start: first.max(self.start),
                    end: last.min(self.end),
                    start_precision: Precision::Day,
                    end_precision: Precision::Day,
                }
            })
            .collect()
    }

    /// The period in Polish notation: `"01.04.2018 r. – 31.03.2019 r."`.
    pub fn to_polish(self) -> String {
        crate::present::period(crate::present::Lang::Pl, self)
    }
}

impl fmt::Display for Period {
    /// ISO dates: `2018-04-01..2019-03-31`; an end stated to the month as the
    /// month, `2019-04..2020-03`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start_stated(), self.end_stated())
    }
}

impl fmt::Debug for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Period({self})")
    }
}

impl<'de> Deserialize<'de> for Period {
    /// Reads `{ start = 2018-04-01, end = 2019-03-31 }` (TOML dates, ISO or Polish
    /// date strings) or a single string as [`Period::parse`] accepts.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a period: { start = 2018-04-01, end = 2019-03-31 } or \"01.04.2018 r. – 31.03.2019 r.\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Period, E> {
                Period::parse(v).map_err(E::custom)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Period, A::Error> {
                use serde::de::Error;
                let mut start = None;
                let mut end = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "start" => start = Some(map.next_value::<StatedDate>()?),
                        "end" => end = Some(map.next_value::<StatedDate>()?),
                        other => return Err(A::Error::unknown_field(other, &["start", "end"])),
                    }
                }
                let start = start.ok_or_else(|| A::Error::missing_field("start"))?;
                let end = end.ok_or_else(|| A::Error::missing_field("end"))?;
                Period::stated(start, end).map_err(A::Error::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = generator.subschema_for::<Date>();
        let stated = generator.subschema_for::<StatedDate>();
        if generator.contract().is_serialize() {
            let precision = generator.subschema_for::<Precision>();
            return schemars::json_schema!({
                "description": "An inclusive period: its first and last day. An end the source states to the month only has its precision \"month\" (absent means \"day\"): the start is then its month's first day, the end its month's last day.",
                "type": "object",
                "properties": {
                    "start": date,
                    "end": date,
                    "start_precision": precision,
                    "end_precision": precision
                },
                "required": ["start", "end"],
                "additionalProperties": false
            });
        }
        let date = stated;
        schemars::json_schema!({
            "description": "An inclusive period: a table with start and end dates, or a string like \"01.04.2018 r. – 31.03.2019 r.\". Either end may be a month (\"2019-04\"): a start month begins on its first day, an end month ends on its last.",
            "oneOf": [
                {
                    "type": "object",
                    "properties": { "start": date, "end": date },
                    "required": ["start", "end"],
                    "additionalProperties": false
                },
                { "type": "string" }
            ]
        })
    }
}

/// A date that reads from a TOML date, an ISO string or a Polish date string, and
/// writes as ISO `YYYY-MM-DD`.
///
/// ```
/// use kooperacja_core::period::Date;
/// #[derive(serde::Deserialize)]
/// struct Doc { day: Date }
/// let doc: Doc = toml::from_str("day = 2018-04-01").unwrap();
/// let polish: Doc = toml::from_str("day = \"01.04.2018 r.\"").unwrap();
/// assert_eq!(doc.day, polish.day);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date(pub NaiveDate);

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date like 2018-04-01 or \"01.04.2018 r.\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                parse_date(v).map(Date).map_err(E::custom)
            }
            // A TOML date arrives as a one-entry map holding its text.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                use serde::de::Error;
                let Some((_, value)) = map.next_entry::<String, String>()? else {
                    return Err(A::Error::custom("expected a date like 2018-04-01"));
                };
                if value.len() != 10 {
                    return Err(A::Error::custom(format!(
                        "expected a date without a time, like 2018-04-01, found {value}"
                    )));
                }
                parse_date(&value).map(Date).map_err(A::Error::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        if generator.contract().is_serialize() {
            return schemars::json_schema!({
                "description": "A date, ISO 8601: \"2018-04-01\".",
                "type": "string",
                "format": "date",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
            });
        }
        schemars::json_schema!({
            "description": "A date: a TOML date (2018-04-01) or a string \"2018-04-01\" or \"01.04.2018 r.\".",
            "type": "string"
        })
    }
}

/// Serde helpers for `NaiveDate` fields that accept every form [`Date`] accepts.
pub mod date_serde {
    use super::Date;
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Writes the date as ISO `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        Date(*date).serialize(serializer)
    }

    /// Reads a TOML date, an ISO string or a Polish date string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        Date::deserialize(deserializer).map(|d| d.0)
    }

    /// The same for optional dates.
    pub mod option {
        use super::Date;
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        /// Writes the date as ISO `YYYY-MM-DD`, or nothing.
        pub fn serialize<S: Serializer>(
            date: &Option<NaiveDate>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            date.map(Date).serialize(serializer)
        }

        /// Reads an optional date.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            Option::<Date>::deserialize(deserializer).map(|d| d.map(|d| d.0))
        }
    }
}

/// A calendar month, as in "in April 2018" (`2018-04`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct YearMonth {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
}

impl YearMonth {
    /// Parses `2018-04` or `04.2018`.
    ///
    /// ```
    /// use kooperacja_core::period::YearMonth;
    /// assert_eq!(YearMonth::parse("2018-04"), YearMonth::parse("04.2018"));
    /// assert!(YearMonth::parse("2018-13").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<YearMonth, DateError> {
        let invalid = || DateError::InvalidMonth {
            text: text.to_owned(),
        };
        let t = text.trim();
        let (y, m) = if let Some((y, m)) = t.split_once('-') {
            (y, m)
        } else if let Some((m, y)) = t.split_once('.') {
            (y, m)
        } else {
            return Err(invalid());
        };
        if y.len() != 4 || m.len() != 2 {
            return Err(invalid());
        }
        let year: i32 = y.parse().map_err(|_| invalid())?;
        let month: u32 = m.parse().map_err(|_| invalid())?;
        NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(invalid)?;
        Ok(YearMonth { year, month })
    }

    /// The month a day falls in.
    ///
    /// ```
    /// use kooperacja_core::period::YearMonth;
    /// let day = chrono::NaiveDate::from_ymd_opt(2018, 4, 30).unwrap();
    /// assert_eq!(YearMonth::of(day).to_string(), "2018-04");
    /// ```
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month as a period from its first to its last day.
    pub fn period(self) -> Period {
        let first = NaiveDate::from_ymd_opt(self.year, self.month, 1)
            .expect("a YearMonth is always a valid month");
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .expect("the last day of a valid month exists");
        Period {
            start: first,
            end: last,
            start_precision: Precision::Day,
            end_precision: Precision::Day,
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        YearMonth::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        if generator.contract().is_serialize() {
            return schemars::json_schema!({
                "description": "A calendar month: \"2018-04\".",
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}$"
            });
        }
        schemars::json_schema!({
            "description": "A calendar month, \"2018-04\" or \"04.2018\".",
            "type": "string",
            "pattern": "^\\s*([0-9]{4}-[0-9]{2}|[0-9]{2}\\.[0-9]{4})\\s*$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Period {
        Period::parse(text).expect("valid period in test")
    }

    #[test]
    fn documents_periods_have_their_stated_months() {
        assert_eq!(
            period("01.04.2018 r. – 31.03.2019 r.").whole_months(),
            Some(12)
        );
        assert_eq!(
            period("01.10.2020 r. – 31.12.2020 r.").whole_months(),
            Some(3)
        );
        assert_eq!(
            period("01.01.2021 r. – 31.03.2021 r.").whole_months(),
            Some(3)
        );
        assert_eq!(
            period("01.04.2018 r. – 31.12.2022 r.").whole_months(),
            Some(57)
        );
    }

    #[test]
    fn month_ends_clamp() {
        assert_eq!(period("2020-01-31..2020-02-28").whole_months(), Some(1));
        assert_eq!(period("2020-01-31..2020-02-29").whole_months(), None);
        assert_eq!(period("2020-01-01..2020-01-30").whole_months(), None);
    }

    #[test]
    fn contiguity_and_errors() {
        assert!(
            period("01.04.2018 – 31.03.2019").is_followed_by(period("01.04.2019 – 30.09.2020"))
        );
        assert_eq!(
            Period::parse("01.04.2019 – 31.03.2019")
                .unwrap_err()
                .to_string(),
            "period ends (2019-03-31) before it starts (2019-04-01)"
        );
        assert_eq!(
            parse_date("2018/04/01").unwrap_err().to_string(),
            "invalid date \"2018/04/01\": expected a date like 2018-04-01 or 01.04.2018 r."
        );
    }
}
