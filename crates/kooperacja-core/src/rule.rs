//! Indicator rules as data: how an indicator's value is computed from facts.
//!
//! A rule is a *leaf*, counting facts (or a measure of them) or distinct keys
//! among the facts that pass its filters, or a *ratio* of a leaf to another leaf
//! or to a count of territorial units. The rule language is documented with a
//! worked example per indicator in `docs/indicators.md`.
//!
//! ```
//! use kooperacja_core::rule::{Rule, Key};
//! let rule: Rule = toml::from_str(r#"
//!     distinct = "person"
//!     kind = ["coaching"]
//!     role = "social-worker"
//! "#).unwrap();
//! assert!(matches!(rule, Rule::Distinct { key: Key::Person, .. }));
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::facts::{DeliverableKind, Fact, FactKind, What};
use crate::schedule::{ActivityKind, CoachingForm};
use crate::territory::TerytCode;

/// What a distinct count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Key {
    /// Persons, by pseudonymous key: the person of coaching, qualification and
    /// support facts, and each person listed on a meeting.
    Person,
    /// Institutions: the institution of agreement facts, and of support facts
    /// that support an institution (not a person).
    Institution,
    /// JST (powiats and gminas): the `jst` of pilot and DI-plan facts.
    Jst,
}

/// What a count adds up for each fact that passes the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// 1 per fact.
    Facts,
    /// The days of meetings (meeting-days); 0 for other facts.
    MeetingDays,
    /// The participants of meetings; 0 for other facts.
    Participants,
}

/// The units a ratio's denominator counts, from the TERYT register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Units {
    /// Powiats and gminas.
    Jst,
    /// Powiats (including cities with powiat rights).
    Powiats,
    /// Gminas.
    Gminas,
}

/// Which facts a leaf looks at. Every condition given must hold; an absent
/// condition holds for every fact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// The fact kinds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<FactKind>,
    /// The first day (inclusive).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::period::date_serde::option"
    )]
    #[schemars(with = "Option<crate::period::Date>")]
    pub from: Option<NaiveDate>,
    /// The last day (inclusive).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::period::date_serde::option"
    )]
    #[schemars(with = "Option<crate::period::Date>")]
    pub to: Option<NaiveDate>,
    /// A territorial unit: the fact's territory must be it or lie within it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<TerytCode>,
    /// The group kind (code) of a meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The activity of a meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<ActivityKind>,
    /// The sectors of an agreement (any of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sector: Vec<String>,
    /// The role of the person (coaching, support).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The coaching form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<CoachingForm>,
    /// The deliverable kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverable: Option<DeliverableKind>,
    /// The organisation (id) that recorded the fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<String>,
}

impl Filter {
    /// Whether a fact passes. Retractions never pass: they act on other facts.
    pub fn matches(&self, fact: &Fact) -> bool {
        let kind = fact.what.kind();
        if kind == FactKind::Retraction {
            return false;
        }
        if !self.kind.is_empty() && !self.kind.contains(&kind) {
            return false;
        }
        if self.from.is_some_and(|d| fact.date < d) || self.to.is_some_and(|d| fact.date > d) {
            return false;
        }
        if let Some(unit) = &self.within {
            if !fact.territory.as_ref().is_some_and(|t| t.is_within(unit)) {
                return false;
            }
        }
        if self
            .recorded_by
            .as_ref()
            .is_some_and(|o| *o != fact.recorded_by)
        {
            return false;
        }
        let (group, activity, sector, role, form, deliverable) = match &fact.what {
            What::Meeting {
                group, activity, ..
            } => (group.as_deref(), *activity, None, None, None, None),
            What::Coaching { form, role, .. } => {
                (None, None, None, Some(role.as_str()), Some(*form), None)
            }
            What::Agreement { sector, .. } => (None, None, Some(sector.as_str()), None, None, None),
            What::Deliverable { deliverable, .. } => {
                (None, None, None, None, None, Some(*deliverable))
            }
            What::Support { role, .. } => (None, None, None, role.as_deref(), None, None),
            _ => (None, None, None, None, None, None),
        };
        if self.group.as_deref().is_some_and(|g| group != Some(g)) {
            return false;
        }
        if self.activity.is_some_and(|a| activity != Some(a)) {
            return false;
        }
        if !self.sector.is_empty() && !sector.is_some_and(|s| self.sector.iter().any(|x| x == s)) {
            return false;
        }
        if self.role.as_deref().is_some_and(|r| role != Some(r)) {
            return false;
        }
        if self.form.is_some_and(|f| form != Some(f)) {
            return false;
        }
        if self.deliverable.is_some_and(|d| deliverable != Some(d)) {
            return false;
        }
        true
    }
}

/// A rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Add up `measure` over the facts that pass `filter`.
    Count {
        /// What each fact adds.
        measure: Measure,
        /// Which facts.
        filter: Filter,
    },
    /// Count the distinct keys of the facts that pass `filter`.
    Distinct {
        /// Which key.
        key: Key,
        /// Which facts.
        filter: Filter,
    },
    /// numerator / denominator, as a share.
    Ratio {
        /// A count or distinct rule.
        numerator: Box<Rule>,
        /// A count or distinct rule, or a count of territorial units.
        denominator: Denominator,
    },
}

/// A ratio's denominator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denominator {
    /// Another rule (a count or distinct rule).
    Rule(Box<Rule>),
    /// The number of units in a territory, from the TERYT register: within
    /// `within`, or within the project's voivodeships when absent.
    Territory {
        /// Which units.
        units: Units,
        /// Where.
        within: Option<TerytCode>,
    },
}

impl Rule {
    /// Whether the rule is cumulative: a count or distinct count with no
    /// upper date bound, which never drops as the as-of date moves on.
    pub fn is_cumulative(&self) -> bool {
        match self {
            Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => filter.to.is_none(),
            Rule::Ratio { .. } => false,
        }
    }
}

/// The file form of a rule: a table with one of `count`, `distinct`, `ratio` or
/// `units`, and filter keys.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawRule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<Measure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    distinct: Option<Key>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ratio: Option<Box<RawRatio>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    units: Option<Units>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    kind: Vec<FactKind>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::period::date_serde::option"
    )]
    #[schemars(with = "Option<crate::period::Date>")]
    from: Option<NaiveDate>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::period::date_serde::option"
    )]
    #[schemars(with = "Option<crate::period::Date>")]
    to: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    within: Option<TerytCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    activity: Option<ActivityKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sector: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    form: Option<CoachingForm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deliverable: Option<DeliverableKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recorded_by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawRatio {
    numerator: RawRule,
    denominator: RawRule,
}

impl RawRule {
    fn filter(&self) -> Filter {
        Filter {
            kind: self.kind.clone(),
            from: self.from,
            to: self.to,
            within: self.within.clone(),
            group: self.group.clone(),
            activity: self.activity,
            sector: self.sector.clone(),
            role: self.role.clone(),
            form: self.form,
            deliverable: self.deliverable,
            recorded_by: self.recorded_by.clone(),
        }
    }

    fn has_filter(&self) -> bool {
        self.filter() != Filter::default()
    }

    fn into_rule(self) -> Result<Rule, String> {
        let chosen = [
            self.count.is_some(),
            self.distinct.is_some(),
            self.ratio.is_some(),
            self.units.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if chosen != 1 {
            return Err("a rule has exactly one of `count`, `distinct` or `ratio`".to_owned());
        }
        if self.units.is_some() {
            return Err(
                "`units` counts territorial units and may only be a ratio's denominator".to_owned(),
            );
        }
        let filter = self.filter();
        if let Some(measure) = self.count {
            return Ok(Rule::Count { measure, filter });
        }
        if let Some(key) = self.distinct {
            return Ok(Rule::Distinct { key, filter });
        }
        if self.has_filter() {
            return Err("a ratio takes its filters inside `numerator` and `denominator`, not beside `ratio`".to_owned());
        }
        let RawRatio {
            numerator,
            denominator,
        } = *self.ratio.expect("one of the four is set");
        let numerator = numerator.into_rule()?;
        if matches!(numerator, Rule::Ratio { .. }) {
            return Err(
                "a ratio's numerator is a count or distinct rule, not another ratio".to_owned(),
            );
        }
        let denominator = if let Some(units) = denominator.units {
            let mut rest = denominator.clone();
            rest.units = None;
            rest.within = None;
            if rest.count.is_some()
                || rest.distinct.is_some()
                || rest.ratio.is_some()
                || rest.has_filter()
            {
                return Err("a `units` denominator takes only `within`".to_owned());
            }
            Denominator::Territory {
                units,
                within: denominator.within,
            }
        } else {
            let rule = denominator.into_rule()?;
            if matches!(rule, Rule::Ratio { .. }) {
                return Err(
                    "a ratio's denominator is a count or distinct rule, or `units`".to_owned(),
                );
            }
            Denominator::Rule(Box::new(rule))
        };
        Ok(Rule::Ratio {
            numerator: Box::new(numerator),
            denominator,
        })
    }

    fn from_rule(rule: &Rule) -> RawRule {
        let with_filter = |filter: &Filter| RawRule {
            kind: filter.kind.clone(),
            from: filter.from,
            to: filter.to,
            within: filter.within.clone(),
            group: filter.group.clone(),
            activity: filter.activity,
            sector: filter.sector.clone(),
            role: filter.role.clone(),
            form: filter.form,
            deliverable: filter.deliverable,
            recorded_by: filter.recorded_by.clone(),
            ..RawRule::default()
        };
        match rule {
            Rule::Count { measure, filter } => RawRule {
                count: Some(*measure),
                ..with_filter(filter)
            },
            Rule::Distinct { key, filter } => RawRule {
                distinct: Some(*key),
                ..with_filter(filter)
            },
            Rule::Ratio {
                numerator,
                denominator,
            } => RawRule {
                ratio: Some(Box::new(RawRatio {
                    numerator: RawRule::from_rule(numerator),
                    denominator: match denominator {
                        Denominator::Rule(r) => RawRule::from_rule(r),
                        Denominator::Territory { units, within } => RawRule {
                            units: Some(*units),
                            within: within.clone(),
                            ..RawRule::default()
                        },
                    },
                })),
                ..RawRule::default()
            },
        }
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawRule::deserialize(deserializer)?;
        raw.into_rule().map_err(serde::de::Error::custom)
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RawRule::from_rule(self).serialize(serializer)
    }
}

impl schemars::JsonSchema for Rule {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Rule".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RawRule::json_schema(generator)
    }
}

impl fmt::Display for Rule {
    /// The rule in one line, as `docs/indicators.md` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let raw = RawRule::from_rule(self);
        match serde_json::to_string(&raw) {
            Ok(text) => f.write_str(&text),
            Err(_) => f.write_str("rule"),
        }
    }
}
