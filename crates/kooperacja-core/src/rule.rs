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

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::area::{Territory, Within};
use crate::facts::{Fact, Value};
use crate::territory::Level;
use crate::vocabulary::{FieldType, Vocabulary};

/// What a distinct count counts: the values of the fields of one subject type.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Key {
    /// Persons, by pseudonymous key: every `person` field of the facts that
    /// pass (a participant's entry included).
    Person,
    /// Households (families), by pseudonymous key.
    Household,
    /// Institutions, by id.
    Institution,
    /// JST (powiats and gminas), by TERYT code.
    Jst,
    /// Groups, by group kind code.
    Group,
    /// The project's organisations, by id.
    Organisation,
    /// Participants as ESF monitoring counts them: the `participant` of entry
    /// facts, each once, re-entries included once.
    Participant,
}

impl Key {
    /// The field type whose values the key counts.
    pub fn field_type(self) -> FieldType {
        match self {
            Key::Person | Key::Participant => FieldType::Person,
            Key::Household => FieldType::Household,
            Key::Institution => FieldType::Institution,
            Key::Jst => FieldType::Jst,
            Key::Group => FieldType::Group,
            Key::Organisation => FieldType::Organisation,
        }
    }

    /// Every key, in a fixed order.
    pub const ALL: [Key; 7] = [
        Key::Person,
        Key::Household,
        Key::Institution,
        Key::Jst,
        Key::Group,
        Key::Organisation,
        Key::Participant,
    ];

    /// The key's position in [`Key::ALL`].
    pub fn index(self) -> usize {
        Key::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// What a count adds up for each fact that passes the filter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Measure {
    /// 1 per fact (`count = "facts"`).
    Facts,
    /// The value of a quantity field (`sum = "days"`); 0 for facts without it.
    Sum(String),
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

/// One value or a list of values, as a filter on a field takes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(v) => vec![v],
            OneOrMany::Many(v) => v,
        }
    }
}

/// Which facts a leaf looks at. Every condition given must hold; an absent
/// condition holds for every fact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Filter {
    /// The fact kinds (ids).
    pub kind: Vec<String>,
    /// The first day (inclusive).
    pub from: Option<NaiveDate>,
    /// The last day (inclusive).
    pub to: Option<NaiveDate>,
    /// Where: the fact's territory must be one of these units or lie within
    /// one, or lie in the project's own area (`"project"`); see
    /// [`Within`]. Former codes of the project's territory are recognised.
    pub within: Option<Within>,
    /// Only facts whose territory is a unit of this level (`"gmina"`,
    /// `"powiat"`), so that a rule counts gminas or powiats only.
    pub units_level: Option<Level>,
    /// The organisation (id) that recorded the fact.
    pub recorded_by: Option<String>,
    /// Declared fields and the values they must have (any of them): the fact
    /// must hold the field with one of the values (for a list field, any
    /// entry).
    pub fields: BTreeMap<String, Vec<String>>,
    /// Declared fields the fact must not give.
    pub absent: Vec<String>,
}

impl Filter {
    /// A filter on these kinds alone.
    ///
    /// ```
    /// use kooperacja_core::rule::Filter;
    /// assert_eq!(Filter::of_kinds(&["pilot"]).kind, ["pilot"]);
    /// ```
    pub fn of_kinds(kinds: &[&str]) -> Filter {
        Filter {
            kind: kinds.iter().map(|k| (*k).to_owned()).collect(),
            ..Filter::default()
        }
    }

    /// The same filter, also requiring `field` to have `value`.
    pub fn with(mut self, field: &str, value: &str) -> Filter {
        self.fields
            .entry(field.to_owned())
            .or_default()
            .push(value.to_owned());
        self
    }

    /// Whether a fact passes. Retractions never pass: they act on other facts.
    /// `area` is the project's territory: `within` and `units_level` read a
    /// fact's territory through its [former codes](crate::area::FormerCode),
    /// and `within = "project"` is its own area.
    ///
    /// ```
    /// use kooperacja_core::area::{Territory, Within};
    /// use kooperacja_core::facts::{FactReader, Format};
    /// use kooperacja_core::project::Project;
    /// use kooperacja_core::rule::Filter;
    /// use kooperacja_core::territory::{Level, TerytCode};
    /// let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// let line = r#"{"id":"p","date":"2019-09-02","by":"rops-poznan","territory":"3021083","kind":"pilot","jst":"3021083"}"#;
    /// let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
    /// let fact = FactReader::new(line.as_bytes(), Format::JsonLines, project.vocabulary().clone(), key)
    ///     .next().unwrap()?;
    /// let mut filter = Filter::of_kinds(&["pilot"]);
    /// filter.within = Some(Within::Project);
    /// filter.units_level = Some(Level::Gmina);
    /// assert!(filter.matches(&fact, &project.territory));
    /// filter.units_level = Some(Level::Powiat);
    /// assert!(!filter.matches(&fact, &project.territory));
    /// filter.units_level = None;
    /// filter.within = Some(Within::Units(vec![TerytCode::parse("04")?]));
    /// assert!(!filter.matches(&fact, &project.territory));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn matches(&self, fact: &Fact, area: &Territory) -> bool {
        if fact.what.is_retraction() {
            return false;
        }
        if !self.kind.is_empty() && !self.kind.iter().any(|k| k == fact.kind()) {
            return false;
        }
        if self.from.is_some_and(|d| fact.date < d) || self.to.is_some_and(|d| fact.date > d) {
            return false;
        }
        if let Some(within) = &self.within {
            if !fact
                .territory
                .as_ref()
                .is_some_and(|t| within.contains(t, area))
            {
                return false;
            }
        }
        if let Some(level) = self.units_level {
            let at_level = match &fact.territory {
                Some(t) => area.current(t).level() == level,
                None => false,
            };
            if !at_level {
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
        for (field, wanted) in &self.fields {
            let Some(value) = fact.value(field) else {
                return false;
            };
            let holds = value.items().iter().any(|item| match item {
                Value::Text(t) => wanted.iter().any(|w| w == t),
                other => {
                    let text = other.to_text();
                    wanted.contains(&text)
                }
            });
            if !holds {
                return false;
            }
        }
        self.absent.iter().all(|f| fact.value(f).is_none())
    }

    /// The declared fields the filter names (its field conditions and `absent`).
    pub fn field_names(&self) -> impl Iterator<Item = &str> {
        self.fields
            .keys()
            .map(String::as_str)
            .chain(self.absent.iter().map(String::as_str))
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
    /// `within` (units, or `"project"`: the project's own area), or within
    /// the project's voivodeships when absent.
    Territory {
        /// Which units.
        units: Units,
        /// Where.
        within: Option<Within>,
    },
}

impl Rule {
    /// Whether the rule counts facts by a field declared sensitive (health
    /// data, such as a participant's disability): its counts are then cells
    /// of a sensitive breakdown, and a read without a token suppresses even
    /// their total when small ([`crate::participant::suppress_sensitive`]).
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacje-3d-makroregion-iii.toml"))?;
    /// let rule = p.indicators[0].rule.as_ref().expect("a rule");
    /// assert!(!rule.is_sensitive(p.vocabulary()));
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn is_sensitive(&self, vocabulary: &Vocabulary) -> bool {
        let sensitive = |name: &str| {
            vocabulary.fields_named(name).any(|(_, f)| f.sensitive)
                || vocabulary
                    .characteristics()
                    .iter()
                    .any(|c| c.id == name && c.sensitive)
        };
        let filter_is = |filter: &Filter| filter.fields.keys().any(|name| sensitive(name));
        match self {
            Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => filter_is(filter),
            Rule::Ratio {
                numerator,
                denominator,
            } => {
                numerator.is_sensitive(vocabulary)
                    || matches!(denominator, Denominator::Rule(r) if r.is_sensitive(vocabulary))
            }
        }
    }

    /// Whether the rule is cumulative: a count or distinct count with no
    /// upper date bound, which never drops as the as-of date moves on.
    pub fn is_cumulative(&self) -> bool {
        match self {
            Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => filter.to.is_none(),
            Rule::Ratio { .. } => false,
        }
    }
}

/// The file form of a rule: a table with one of `count`, `sum`, `distinct`,
/// `ratio` or `units`, and filter keys; any other key filters on a declared
/// field of that name.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
struct RawRule {
    /// `facts`: one per fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<CountWord>,
    /// A quantity field to add up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sum: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    distinct: Option<Key>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ratio: Option<Box<RawRatio>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    units: Option<Units>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    kind: Vec<String>,
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
    within: Option<Within>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    units_level: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recorded_by: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    absent: Vec<String>,
    /// Declared fields and their values.
    #[serde(flatten)]
    fields: BTreeMap<String, OneOrMany>,
}

/// The one word `count` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum CountWord {
    Facts,
    /// Format 1's word, refused with its format-2 spelling.
    #[schemars(skip)]
    MeetingDays,
    /// Format 1's word, refused with its format-2 spelling.
    #[schemars(skip)]
    Participants,
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
            units_level: self.units_level,
            recorded_by: self.recorded_by.clone(),
            fields: self
                .fields
                .iter()
                .map(|(k, v)| (k.clone(), v.clone().into_vec()))
                .collect(),
            absent: self.absent.clone(),
        }
    }

    fn has_filter(&self) -> bool {
        self.filter() != Filter::default()
    }

    fn into_rule(self) -> Result<Rule, String> {
        let chosen = [
            self.count.is_some(),
            self.sum.is_some(),
            self.distinct.is_some(),
            self.ratio.is_some(),
            self.units.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if chosen != 1 {
            return Err(
                "a rule has exactly one of `count`, `sum`, `distinct` or `ratio`".to_owned(),
            );
        }
        if self.units.is_some() {
            return Err(
                "`units` counts territorial units and may only be a ratio's denominator".to_owned(),
            );
        }
        let filter = self.filter();
        match self.count {
            Some(CountWord::MeetingDays) => {
                return Err(
                    "[rule.format1-count] `count = \"meeting-days\"` is format 1's; format 2 writes `sum = \"days\"` (`kooperacja project upgrade` rewrites it)".to_owned(),
                );
            }
            Some(CountWord::Participants) => {
                return Err(
                    "[rule.format1-count] `count = \"participants\"` is format 1's; format 2 writes `sum = \"participants\"` (`kooperacja project upgrade` rewrites it)".to_owned(),
                );
            }
            _ => {}
        }
        if self.count.is_some() {
            return Ok(Rule::Count {
                measure: Measure::Facts,
                filter,
            });
        }
        if let Some(field) = self.sum {
            return Ok(Rule::Count {
                measure: Measure::Sum(field),
                filter,
            });
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
        } = *self
            .ratio
            .ok_or("a rule has exactly one of `count`, `sum`, `distinct` or `ratio`")?;
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
                || rest.sum.is_some()
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
            units_level: filter.units_level,
            recorded_by: filter.recorded_by.clone(),
            absent: filter.absent.clone(),
            fields: filter
                .fields
                .iter()
                .map(|(k, v)| {
                    let value = match v.as_slice() {
                        [one] => OneOrMany::One(one.clone()),
                        many => OneOrMany::Many(many.to_vec()),
                    };
                    (k.clone(), value)
                })
                .collect(),
            ..RawRule::default()
        };
        match rule {
            Rule::Count {
                measure: Measure::Facts,
                filter,
            } => RawRule {
                count: Some(CountWord::Facts),
                ..with_filter(filter)
            },
            Rule::Count {
                measure: Measure::Sum(field),
                filter,
            } => RawRule {
                sum: Some(field.clone()),
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

impl Rule {
    /// The leaves of the rule: itself for a count or distinct rule; a ratio's
    /// numerator and (a rule) denominator.
    pub fn leaves(&self) -> Vec<&Rule> {
        match self {
            Rule::Ratio {
                numerator,
                denominator,
            } => {
                let mut out = vec![numerator.as_ref()];
                if let Denominator::Rule(r) = denominator {
                    out.push(r.as_ref());
                }
                out
            }
            leaf => vec![leaf],
        }
    }

    /// The filter of a count or distinct rule.
    pub fn filter(&self) -> Option<&Filter> {
        match self {
            Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => Some(filter),
            Rule::Ratio { .. } => None,
        }
    }
}

impl<'de> Deserialize<'de> for Filter {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawRule::deserialize(deserializer)?;
        if raw.count.is_some()
            || raw.sum.is_some()
            || raw.distinct.is_some()
            || raw.ratio.is_some()
            || raw.units.is_some()
        {
            return Err(serde::de::Error::custom(
                "a filter takes filter keys only (kind, from, to, within, units_level, recorded_by, absent, declared fields), not `count`, `sum`, `distinct`, `ratio` or `units`",
            ));
        }
        Ok(raw.filter())
    }
}

impl Serialize for Filter {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = RawRule::from_rule(&Rule::Count {
            measure: Measure::Facts,
            filter: self.clone(),
        });
        RawRule { count: None, ..raw }.serialize(serializer)
    }
}

impl schemars::JsonSchema for Filter {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Filter".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RawRule::json_schema(generator)
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
