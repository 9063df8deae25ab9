//! The budget of a project version and the checks that explain it: for every
//! stated EU amount, the rate it implies and whether the programme rate under a
//! named rounding gives exactly that amount.
//!
//! ```
//! use kooperacja_core::budget::RateCheck;
//! use kooperacja_core::money::{Amount, Rate, Rounding};
//! let check = RateCheck::new(
//!     "versions[0].budget",
//!     "project",
//!     Amount::parse("11 977 479,39 zł")?,
//!     Amount::parse("10 094 619,62 zł")?,
//!     Rate::parse("84,28 %")?,
//!     Rounding::Down,
//! )?;
//! assert!(check.matches);
//! assert_eq!(check.expected.to_polish(), "10 094 619,62 zł");
//! assert_eq!(check.exact_product.to_string(), "10094619.629892");
//! # Ok::<(), kooperacja_core::money::MoneyError>(())
//! ```

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::{Amount, MoneyError, Rate, Rounding};

/// The word a project file writes for an amount the sources do not publish:
/// `eu_contribution = "unknown"`.
pub const UNKNOWN: &str = "unknown";

/// An amount as the project file states it, with the text a source wrote if that
/// differs from the amount's clean notation; or an amount the sources do not
/// publish (unknown).
///
/// In a file it is either a plain string (`"31 604 368,34 zł"`, or `"unknown"`)
/// or a table `{ amount = "4 863 047,40 zł", as_written = "4 863 047, 40 zł",
/// source = "seed 000" }`. The amount is always parsed strictly; `as_written` is
/// parsed leniently by validation, which reports every repair it needed. A table
/// without `amount` takes its amount from `as_written`, read leniently; a text
/// that cannot be read as an amount is kept, and the amount is unknown.
///
/// ```
/// use kooperacja_core::budget::Stated;
/// #[derive(serde::Deserialize)]
/// struct Doc { eu: Stated, total: Stated, partner: Stated }
/// let doc: Doc = toml::from_str(r#"
///     eu = "unknown"
///     total = { as_written = "4 863 047, 40 zł", source = "seed 000" }
///     partner = { as_written = "ok. 4,8 mln zł" }
/// "#).unwrap();
/// assert_eq!(doc.eu.amount, None);
/// assert_eq!(doc.total.amount.map(|a| a.to_polish()).as_deref(), Some("4 863 047,40 zł"));
/// assert_eq!((doc.partner.amount, doc.partner.as_written.as_deref()), (None, Some("ok. 4,8 mln zł")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    /// The amount; `None` when it is unknown (not published, or only written in
    /// a text that cannot be read as an amount).
    pub amount: Option<Amount>,
    /// The text as a source wrote it.
    pub as_written: Option<String>,
    /// Where it is written.
    pub source: Option<String>,
}

impl Stated {
    /// An amount the sources do not publish.
    ///
    /// ```
    /// use kooperacja_core::budget::Stated;
    /// assert_eq!(Stated::unknown().amount, None);
    /// ```
    pub fn unknown() -> Stated {
        Stated {
            amount: None,
            as_written: None,
            source: None,
        }
    }
}

impl From<Amount> for Stated {
    fn from(amount: Amount) -> Stated {
        Stated {
            amount: Some(amount),
            as_written: None,
            source: None,
        }
    }
}

/// Reads an amount field's text: [`UNKNOWN`], or an amount parsed strictly.
fn amount_or_unknown(text: &str) -> Result<Option<Amount>, MoneyError> {
    if text.trim() == UNKNOWN {
        Ok(None)
    } else {
        Amount::parse(text).map(Some)
    }
}

/// An amount, or [`UNKNOWN`], in a table's `amount` key.
struct AmountOrUnknown(Option<Amount>);

impl<'de> Deserialize<'de> for AmountOrUnknown {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = AmountOrUnknown;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount like \"31 604 368,34 zł\", or \"unknown\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<AmountOrUnknown, E> {
                amount_or_unknown(v).map(AmountOrUnknown).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<AmountOrUnknown, E> {
                Amount::deserialize(serde::de::value::I64Deserializer::<E>::new(v))
                    .map(|a| AmountOrUnknown(Some(a)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<AmountOrUnknown, E> {
                Amount::deserialize(serde::de::value::U64Deserializer::<E>::new(v))
                    .map(|a| AmountOrUnknown(Some(a)))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Serialize for Stated {
    /// An unknown amount writes as `"unknown"`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.as_written.is_none() && self.source.is_none() {
            return match self.amount {
                Some(amount) => amount.serialize(serializer),
                None => serializer.serialize_str(UNKNOWN),
            };
        }
        let mut map = serializer.serialize_map(None)?;
        match &self.amount {
            Some(amount) => map.serialize_entry("amount", amount)?,
            None => map.serialize_entry("amount", UNKNOWN)?,
        }
        if let Some(w) = &self.as_written {
            map.serialize_entry("as_written", w)?;
        }
        if let Some(s) = &self.source {
            map.serialize_entry("source", s)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Stated {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Stated;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount like \"31 604 368,34 zł\", \"unknown\", or a table { amount, as_written, source }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Stated, E> {
                let amount = amount_or_unknown(v).map_err(E::custom)?;
                Ok(Stated {
                    amount,
                    as_written: None,
                    source: None,
                })
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Stated, E> {
                Amount::deserialize(serde::de::value::I64Deserializer::<E>::new(v))
                    .map(Stated::from)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Stated, E> {
                Amount::deserialize(serde::de::value::U64Deserializer::<E>::new(v))
                    .map(Stated::from)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Stated, A::Error> {
                use serde::de::Error;
                let mut amount = None;
                let mut as_written: Option<String> = None;
                let mut source = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "amount" => amount = Some(map.next_value::<AmountOrUnknown>()?.0),
                        "as_written" => as_written = Some(map.next_value::<String>()?),
                        "source" => source = Some(map.next_value::<String>()?),
                        other => {
                            return Err(A::Error::unknown_field(
                                other,
                                &["amount", "as_written", "source"],
                            ));
                        }
                    }
                }
                let amount = match (amount, &as_written) {
                    (Some(amount), _) => amount,
                    // The source's text is the evidence: its amount, if it reads
                    // as one (validation reports each repair), else unknown.
                    (None, Some(text)) => Amount::parse_lenient(text).ok().map(|(a, _)| a),
                    (None, None) => {
                        return Err(A::Error::custom(
                            "missing field `amount`: expected an amount, \"unknown\" when the sources do not publish it, or `as_written` with the source's text",
                        ));
                    }
                };
                Ok(Stated {
                    amount,
                    as_written,
                    source,
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Stated {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Stated".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let amount = generator.subschema_for::<Amount>();
        schemars::json_schema!({
            "description": "An amount, \"unknown\" when the sources do not publish it, or a table with the amount (or \"unknown\"), the text as a source wrote it, and the source. A table without `amount` takes it from `as_written`, read leniently; a text that is no amount leaves it unknown.",
            "oneOf": [
                amount,
                { "type": "string", "enum": ["unknown"] },
                {
                    "type": "object",
                    "properties": {
                        "amount": { "oneOf": [amount, { "type": "string", "enum": ["unknown"] }] },
                        "as_written": { "type": "string" },
                        "source": { "type": "string" }
                    },
                    "anyOf": [{ "required": ["amount"] }, { "required": ["as_written"] }],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// Where a project's money comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FundingSource {
    /// The European Union (a fund such as EFS or EFS+).
    Eu,
    /// The Polish state budget (budżet państwa).
    StateBudget,
    /// The beneficiaries' own contribution (wkład własny).
    Own,
    /// Local government units' budgets (budżety JST), when they co-finance.
    Jst,
}

/// The budget of one project version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The total value of the project (wartość projektu); `"unknown"` when the
    /// sources do not publish it. A version's figures are its own: an unknown
    /// figure is never taken from another version.
    pub total: Stated,
    /// The EU contribution (wkład Funduszy Europejskich, dofinansowanie z UE).
    pub eu_contribution: Stated,
    /// The programme's EU co-financing rate, against which stated EU amounts are
    /// checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme_rate: Option<Rate>,
    /// How the programme rounds an EU amount to the grosz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eu_rounding: Option<Rounding>,
    /// Where this source of the figures is, if stated once for the budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The amounts of individual partners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<PartnerBudget>,
    /// The budget by task (zadanie) and cost line, as the agreement's budget
    /// table states it; empty when the sources give no lines (then
    /// [`Budget::lines_unpublished`] says so and validation notes it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<TaskBudget>,
    /// Why this version has no budget by task, when it has none: the file
    /// says so (`lines_unpublished = "the sources publish no budget by task"`),
    /// and validation notes it instead of warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines_unpublished: Option<String>,
    /// The direct costs (koszty bezpośrednie), if stated; else the sum of the
    /// tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_costs: Option<Stated>,
    /// The indirect costs (koszty pośrednie): a flat rate of the direct costs,
    /// or a stated amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_costs: Option<IndirectCosts>,
    /// The sources of financing (źródła finansowania) besides the EU
    /// contribution above: the state budget, JST, own contribution; each
    /// stated or derived.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub financing: Vec<Financing>,
}

impl Budget {
    /// The part of the total not covered by the EU contribution (the state budget
    /// and own contributions together); unknown when either is.
    ///
    /// ```
    /// use kooperacja_core::budget::Budget;
    /// let b: Budget = toml::from_str(r#"
    ///     total = "11 977 479,39 zł"
    ///     eu_contribution = "10 094 619,62 zł"
    /// "#).unwrap();
    /// assert_eq!(b.national_contribution().map(|a| a.to_polish()).as_deref(), Some("1 882 859,77 zł"));
    /// ```
    pub fn national_contribution(&self) -> Option<Amount> {
        Some(self.total.amount? - self.eu_contribution.amount?)
    }
}

/// One task's part of a version's budget: its cost lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskBudget {
    /// The task's number, as in the project's `[[tasks]]`.
    pub task: u32,
    /// The task's total as the agreement states it, if it does; validation
    /// checks that the lines sum to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Stated>,
    /// The cost lines (pozycje budżetu).
    #[serde(default)]
    pub lines: Vec<CostLine>,
    /// Where the figures come from; `"assumed"` when no source gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One cost line of a task (pozycja budżetu szczegółowego).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CostLine {
    /// A stable id, unique within the version's budget (`1.1`, `coaching`).
    pub id: String,
    /// The name, in Polish.
    pub name: String,
    /// The partner (organisation id) that incurs it.
    pub partner: String,
    /// The budget category (kategoria kosztów), as expenditure facts name it.
    pub category: String,
    /// The unit of measure (`osoba`, `spotkanie`, `usługa`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The quantity of units (may be fractional: `0,5 etatu`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(with = "Option<String>")]
    pub quantity: Option<Decimal>,
    /// The price of one unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<Amount>,
    /// The line's total; with a quantity and a unit price, validation checks
    /// that it is their product (exact, no rounding).
    pub total: Amount,
    /// Cross-financing (cross-financing, art. 98(2) CPR).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cross_financing: bool,
    /// A purchase of fixed assets (środki trwałe).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fixed_asset: bool,
    /// Where the figures come from; `"assumed"` when no source gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The indirect costs of a version's budget.
///
/// In a file: `indirect_costs = { flat_rate = "10 %", rounding = "down" }`
/// (the amount is the rate of the direct costs, rounded), or
/// `indirect_costs = { amount = "2 873 124,39 zł" }`, or both (the stated
/// amount is checked against the rate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndirectCosts {
    /// The flat rate of the direct costs (stawka ryczałtowa).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat_rate: Option<Rate>,
    /// How the flat-rate amount is rounded to the grosz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    /// The amount, as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Stated>,
}

/// One source of financing of a version's budget besides the EU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Financing {
    /// The source.
    pub source: FundingSource,
    /// The amount as stated; absent when it is derived (the total less the
    /// EU contribution and every stated source, for one derived source only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Stated>,
    /// Where it is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The amounts of one partner within a version's budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerBudget {
    /// The organisation (id).
    pub organisation: String,
    /// The partner's funding (dofinansowanie partnera).
    pub total: Stated,
    /// Of which from the EU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eu_contribution: Option<Stated>,
}

/// The explanation of one stated EU amount: the rate it implies, and whether the
/// programme rate, applied with the programme's rounding, gives exactly it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateCheck {
    /// The path of the budget in the file (`versions[1].budget.partners[0]`).
    pub path: String,
    /// What the amounts are of (`project`, `partner umk`).
    pub subject: String,
    /// The total.
    pub total: Amount,
    /// The stated EU amount.
    pub stated_eu: Amount,
    /// The implied rate: stated EU / total, exact to 28 digits.
    pub implied_rate: Rate,
    /// The programme rate.
    pub programme_rate: Rate,
    /// The rounding applied to the product.
    pub rounding: Rounding,
    /// The exact product of total and programme rate (serialised as a string).
    #[serde(with = "rust_decimal::serde::str")]
    pub exact_product: Decimal,
    /// The product rounded with `rounding`.
    pub expected: Amount,
    /// Whether the stated EU amount is exactly `expected`.
    pub matches: bool,
    /// stated − expected.
    pub difference: Amount,
    /// Every rounding that would give the stated amount from the programme rate.
    pub matching_roundings: Vec<Rounding>,
}

impl RateCheck {
    /// Checks one stated EU amount against `total × rate`, rounded; an error if
    /// the product cannot be computed exactly (a rate far outside what
    /// [`Rate::parse`] accepts).
    pub fn new(
        path: impl Into<String>,
        subject: impl Into<String>,
        total: Amount,
        stated_eu: Amount,
        programme_rate: Rate,
        rounding: Rounding,
    ) -> Result<RateCheck, MoneyError> {
        let subject = subject.into();
        let exact_product = programme_rate
            .exact_product(total)
            .ok_or_else(|| MoneyError::Overflow {
                subject: subject.clone(),
                amount: total,
                rate: programme_rate,
            })?
            .normalize();
        let expected = rounding.round(exact_product);
        let matching_roundings = Rounding::ALL
            .into_iter()
            .filter(|r| r.round(exact_product) == stated_eu)
            .collect();
        Ok(RateCheck {
            path: path.into(),
            subject,
            total,
            stated_eu,
            implied_rate: Rate::implied(stated_eu, total)
                .unwrap_or(Rate::from_fraction(Decimal::ZERO)),
            programme_rate,
            rounding,
            exact_product,
            expected,
            matches: expected == stated_eu,
            difference: stated_eu - expected,
            matching_roundings,
        })
    }

    /// If the stated and the expected amount have the same number of digits and
    /// differ in exactly one of them, at the złoty or above, that digit: `"6 → 7 in the 100 000 place"`.
    /// Such a difference suggests a typo rather than a different rate.
    ///
    /// ```
    /// use kooperacja_core::budget::RateCheck;
    /// use kooperacja_core::money::{Amount, Rate, Rounding};
    /// let check = RateCheck::new("p", "s", Amount::parse("100")?, Amount::parse("70")?, Rate::parse("60 %")?, Rounding::Down)?;
    /// assert_eq!(check.single_digit_difference().as_deref(), Some("6 → 7 in the 10 zł place"));
    /// # Ok::<(), kooperacja_core::money::MoneyError>(())
    /// ```
    pub fn single_digit_difference(&self) -> Option<String> {
        let a = self.expected.grosze().unsigned_abs().to_string();
        let b = self.stated_eu.grosze().unsigned_abs().to_string();
        if a.len() != b.len() || a == b {
            return None;
        }
        let diffs: Vec<usize> = a
            .bytes()
            .zip(b.bytes())
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .map(|(i, _)| i)
            .collect();
        let [i] = diffs.as_slice() else { return None };
        let power = a.len() - 1 - i;
        // A difference in the grosze is more likely another calculation than a typo.
        if power < 2 {
            return None;
        }
        let place = format!(
            "{} zł",
            Amount::from_grosze(10_i64.checked_pow(u32::try_from(power).ok()?)?)
                .polish_number()
                .trim_end_matches(",00")
        );
        Some(format!(
            "{} → {} in the {place} place",
            char::from(a.as_bytes()[*i]),
            char::from(b.as_bytes()[*i])
        ))
    }

    /// The implied rate as a percentage: with 4 decimals when the stated amount
    /// matches, else with as many decimals (from 4 up to 10) as it takes to tell
    /// it apart from the programme rate.
    ///
    /// ```
    /// use kooperacja_core::budget::RateCheck;
    /// use kooperacja_core::money::{Amount, Rate, Rounding};
    /// let umk = RateCheck::new("p", "umk", Amount::parse("4 863 047,40")?, Amount::parse("4 098 576,36")?, Rate::parse("84,28 %")?, Rounding::Down)?;
    /// assert_eq!(umk.implied_percent_shown(), "84.2800002");
    /// # Ok::<(), kooperacja_core::money::MoneyError>(())
    /// ```
    pub fn implied_percent_shown(&self) -> String {
        let implied = self.implied_rate.percent();
        let programme = self.programme_rate.percent();
        let places = (4..=10)
            .find(|&p| {
                self.matches
                    || implied == programme
                    || self.implied_rate.percent_rounded(p) != programme
            })
            .unwrap_or(10);
        self.implied_rate.percent_rounded(places).to_string()
    }

    /// One sentence saying what the check found.
    pub fn explanation(&self) -> String {
        let verdict = if self.matches {
            format!(
                "equals the programme rate {} rounded {}",
                self.programme_rate, self.rounding
            )
        } else {
            format!(
                "does not equal the programme rate {}: {} × {} = {}, rounded {} gives {}, {} {} than stated",
                self.programme_rate,
                self.total.to_polish(),
                self.programme_rate,
                self.exact_product,
                self.rounding,
                self.expected.to_polish(),
                if self.difference.is_negative() {
                    (-self.difference).to_polish()
                } else {
                    self.difference.to_polish()
                },
                if self.difference.is_negative() {
                    "more"
                } else {
                    "less"
                },
            )
        };
        format!(
            "{}: EU {} of {} implies {} %, which {}",
            self.subject,
            self.stated_eu.to_polish(),
            self.total.to_polish(),
            self.implied_percent_shown(),
            verdict
        )
    }
}
