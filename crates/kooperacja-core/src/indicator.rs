//! Indicators (wskaźniki): what the project promises to achieve, with a target
//! and a due milestone or date.
//!
//! An indicator's rule (how it is computed from recorded facts) is an optional
//! part of its declaration, so that files written before rules existed stay valid.
//!
//! ```
//! use kooperacja_core::indicator::{Indicator, Target};
//! let i: Indicator = toml::from_str(r#"
//!     id = "jst-piloted"
//!     kind = "result"
//!     name = "Liczba JST, w których pilotażowo wdrożono model"
//!     unit = "JST"
//!     target = 50
//!     due = { milestone = "KM-II" }
//! "#).unwrap();
//! assert_eq!(i.target, Target::Count(50));
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Rate;

/// Product or result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorKind {
    /// Wskaźnik produktu: what the project delivers (persons coached, reports).
    Product,
    /// Wskaźnik rezultatu: the effect it has (JST that piloted the model).
    Result,
}

impl IndicatorKind {
    /// The English name.
    pub fn name(self) -> &'static str {
        match self {
            IndicatorKind::Product => "product",
            IndicatorKind::Result => "result",
        }
    }
}

/// What an indicator must reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A count (100 social workers).
    Count(u64),
    /// A share (50 % of JST).
    Share(Rate),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Count(n) => write!(f, "{n}"),
            Target::Share(r) => write!(f, "{r}"),
        }
    }
}

impl Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Target::Count(n) => serializer.serialize_u64(*n),
            Target::Share(r) => r.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Target {
    /// Reads a whole number (a count) or a percentage string (`"50 %"`).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Target;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number (a count) or a percentage like \"50 %\"")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Target, E> {
                u64::try_from(v)
                    .map(Target::Count)
                    .map_err(|_| E::custom("a target count cannot be negative"))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Target, E> {
                Ok(Target::Count(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Target, E> {
                Rate::parse(v).map(Target::Share).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Target {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Target".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        if generator.contract().is_serialize() {
            let rate = generator.subschema_for::<Rate>();
            return schemars::json_schema!({
                "description": "A count (a whole number) or a share (a percentage string like \"50 %\").",
                "oneOf": [{ "type": "integer", "minimum": 0 }, rate]
            });
        }
        schemars::json_schema!({
            "description": "A count (a whole number) or a share (a percentage string like \"50 %\").",
            "oneOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": "^[0-9]+([,.][0-9]+)?[ ]?%$" }
            ]
        })
    }
}

/// When an indicator is due: at the end of a milestone, or on a date. With
/// neither, it is due at the end of the project.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Due {
    /// The milestone (id) by whose end the target must be reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
    /// The date by which the target must be reached.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::period::date_serde::option"
    )]
    #[schemars(with = "Option<crate::period::Date>")]
    pub date: Option<NaiveDate>,
}

/// What an indicator counts once, however often it appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CountedOnce {
    /// A person (by pseudonymous key).
    Person,
    /// An institution or entity.
    Institution,
    /// A JST (powiat or gmina).
    Jst,
}

/// An indicator the project must reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// A stable id, unique in the project (`social-workers-coached`).
    pub id: String,
    /// Product or result.
    pub kind: IndicatorKind,
    /// The name, in Polish, as the documents write it.
    pub name: String,
    /// The English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The unit counted (`JST`, `osoby`, `szt.`).
    pub unit: String,
    /// The target value.
    pub target: Target,
    /// The target split by sex (`{ K = 60, M = 40 }`), when the application
    /// states one: its parts add up to a count target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_by_sex: Option<std::collections::BTreeMap<crate::participant::Sex, u64>>,
    /// When it is due.
    #[serde(default)]
    pub due: Due,
    /// What is counted once (a person coached in both forms counts once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_once: Option<CountedOnce>,
    /// The kind of planned activity that delivers this indicator, so the plan can
    /// be checked against the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_by: Option<String>,
    /// The indicator (id) whose counted units include all of this one's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subset_of: Option<String>,
    /// How the value is computed from facts; see [`crate::rule`]. Without a rule
    /// the indicator is declared but not evaluated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<crate::rule::Rule>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Indicator {
    /// Whether its rule counts by a field declared sensitive
    /// ([`crate::rule::Rule::is_sensitive`]); false without a rule.
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// assert!(!p.indicators[0].is_sensitive(p.vocabulary()));
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn is_sensitive(&self, vocabulary: &crate::vocabulary::Vocabulary) -> bool {
        self.rule
            .as_ref()
            .is_some_and(|r| r.is_sensitive(vocabulary))
    }
}
