//! A project and its versions: the funding agreement and each amendment, kept in
//! order, with "which version is in force on a date" and "what changed".
//!
//! ```
//! use kooperacja_core::project::Project;
//! let text = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
//! let project = Project::parse(text)?;
//! let [original, amended] = &project.versions[..] else { panic!() };
//! assert_eq!(original.budget.total.amount.to_polish(), "11 977 479,39 zł");
//! assert_eq!(amended.period.to_polish(), "01.04.2018 r. – 31.12.2022 r.");
//! let diff = project.diff(&original.id, &amended.id).unwrap();
//! assert!(diff.changes.iter().any(|c| c.field == "budget.total"));
//! # Ok::<(), kooperacja_core::parse::ParseError>(())
//! ```

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::area::{Macroregion, Territory};
use crate::budget::{Budget, FundingSource};
use crate::groups::GroupKind;
use crate::indicator::Indicator;
use crate::money::Amount;
use crate::organisation::{Organisation, PartnerRole, Role, Sector, TargetGroup, Task};
use crate::period::Period;
use crate::schedule::Milestone;
use crate::vocabulary::{DeclarationError, Vocabulary};

/// The version of the project file format this crate reads and writes.
pub const FORMAT: u32 = 2;

/// The `format` key of a project file; only [`FORMAT`] is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FormatVersion(#[schemars(range(min = 2, max = 2))] pub u32);

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = FormatVersion;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "the integer {FORMAT}")
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<FormatVersion, E> {
                if n == i64::from(FORMAT) {
                    Ok(FormatVersion(FORMAT))
                } else {
                    Err(E::custom(format!(
                        "unsupported project file format {n}: this version of kooperacja reads format {FORMAT} (and format 1, upgraded as it is read)"
                    )))
                }
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<FormatVersion, E> {
                self.visit_i64(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The operational programme and action that fund the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// The full name (`Program Operacyjny Wiedza Edukacja Rozwój 2014-2020`).
    pub name: String,
    /// The usual abbreviation (`PO WER`, `FERS`).
    pub short: String,
    /// The action (działanie) number (`2.5`, `04.13`).
    pub action: String,
    /// The action's name.
    pub action_name: String,
    /// The fund (`EFS`, `EFS+`).
    pub fund: String,
    /// The fund's full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_name: Option<String>,
    /// The programme's specific objective the project contributes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specific_objective: Option<String>,
    /// The specific objective's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specific_objective_text: Option<String>,
    /// Who co-finances the project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_financed_by: Vec<FundingSource>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Whether a version is the original agreement or an amendment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VersionKind {
    /// Umowa o dofinansowanie: the funding agreement as first signed.
    Agreement,
    /// Aneks: an amendment to it.
    Amendment,
}

/// The goal of the project in one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The goal as the document writes it, in Polish.
    pub text: String,
    /// In English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_en: Option<String>,
    /// The deadline the goal names.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::period::date_serde::option"
    )]
    #[schemars(with = "Option<crate::period::Date>")]
    pub deadline: Option<NaiveDate>,
}

/// One version of the project: the agreement or an amendment, with everything it
/// fixes. Versions are listed in the order they were made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// A stable id (`umowa`, `aneks-1`).
    pub id: String,
    /// Agreement or amendment.
    pub kind: VersionKind,
    /// A label for people.
    pub label: String,
    /// The day it took effect, if known. Without it the version is in force from
    /// the day the previous one is superseded; see [`Project::version_in_force`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::period::date_serde::option"
    )]
    #[schemars(with = "Option<crate::period::Date>")]
    pub in_force_from: Option<NaiveDate>,
    /// The period of the project (okres realizacji).
    pub period: Period,
    /// The goal.
    pub goal: Goal,
    /// The budget.
    pub budget: Budget,
    /// The milestones. Absent means unchanged from the previous version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestones: Option<Vec<Milestone>>,
    /// Where the version's figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A source document the file cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// How the file cites it (`seed 000`).
    pub id: String,
    /// What it is.
    pub title: String,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// A project, as one project file holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The file format version; must be [`FORMAT`].
    pub format: FormatVersion,
    /// A stable id (`kooperacja-makroregion-ii`).
    pub id: String,
    /// The title, in Polish.
    pub title: String,
    /// The title in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// The programme and action.
    pub programme: Programme,
    /// The leader and the partners.
    pub organisations: Vec<Organisation>,
    /// The sectors of cooperation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<Sector>,
    /// Roles of people.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// The target groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<TargetGroup>,
    /// The tasks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    /// The macroregions of the programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub macroregions: Vec<Macroregion>,
    /// The project's area.
    #[serde(default)]
    pub territory: Territory,
    /// The kinds of group the project forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupKind>,
    /// The versions, oldest first: at least one (the funding agreement).
    #[serde(deserialize_with = "at_least_one_version")]
    #[schemars(length(min = 1))]
    pub versions: Vec<Version>,
    /// The indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// The source documents cited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The enumerations the project's fact fields take values from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enumerations: Vec<crate::vocabulary::Enumeration>,
    /// The kinds of fact the project records, besides the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fact_kinds: Vec<crate::vocabulary::FactKindDecl>,
    /// The enumeration whose values milestone activities' `kind` takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_enumeration: Option<String>,
    /// What participants' entries carry, as the programme requires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<crate::vocabulary::ParticipantsDecl>,
    /// The vocabulary built from `enumerations`, `fact_kinds` and
    /// `participants` when the file is read ([`Project::parse`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub vocabulary: Arc<Vocabulary>,
    /// The format the file had when it was older than [`FORMAT`] and read
    /// through its upgrade ([`crate::upgrade`]); `None` for a current file.
    #[serde(skip)]
    #[schemars(skip)]
    pub upgraded_from: Option<u32>,
}

impl Project {
    /// The vocabulary of facts the project declares (with the built-in kinds).
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// assert!(p.vocabulary().kind("meeting").is_some());
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn vocabulary(&self) -> &Arc<Vocabulary> {
        &self.vocabulary
    }

    /// Builds the vocabulary from the declarations, checking them and every
    /// indicator rule and planned activity against them; every problem found,
    /// each with its code and path.
    pub fn resolve_vocabulary(&mut self) -> Result<(), Vec<DeclarationError>> {
        let declaration = crate::vocabulary::Declaration {
            enumerations: self.enumerations.clone(),
            fact_kinds: self.fact_kinds.clone(),
        };
        let (sexes, characteristics) = match &self.participants {
            Some(p) => (p.sexes.clone(), p.characteristics.clone()),
            None => (
                crate::vocabulary::ParticipantsDecl::default().sexes,
                Vec::new(),
            ),
        };
        let vocabulary = Vocabulary::with_participants(&declaration, &sexes, &characteristics)?;
        let mut errors = Vec::new();
        for (i, indicator) in self.indicators.iter().enumerate() {
            if let Some(rule) = &indicator.rule {
                crate::vocabulary::check_rule(
                    &vocabulary,
                    rule,
                    &format!("indicators[{i}].rule"),
                    &mut errors,
                );
            }
        }
        let activity_values: Option<Vec<&str>> = match self.activity_enumeration.as_deref() {
            Some(id) => match vocabulary.enumeration(id) {
                Some(e) => Some(e.values.iter().map(|v| v.id.as_str()).collect()),
                None => {
                    errors.push(DeclarationError {
                        code: "vocabulary.unknown-enumeration",
                        path: "activity_enumeration".to_owned(),
                        message: format!("no enumeration `{id}` is declared"),
                    });
                    None
                }
            },
            None => None,
        };
        for (v, version) in self.versions.iter().enumerate() {
            for (m, milestone) in version.milestones.iter().flatten().enumerate() {
                for (a, activity) in milestone.activities.iter().enumerate() {
                    if let Some(values) = &activity_values
                        && !values.contains(&activity.kind.as_str())
                    {
                        errors.push(DeclarationError {
                            code: "vocabulary.unknown-activity",
                            path: format!("versions[{v}].milestones[{m}].activities[{a}].kind"),
                            message: format!(
                                "the activity kind `{}` is no value of the enumeration `{}`",
                                activity.kind,
                                self.activity_enumeration.as_deref().unwrap_or_default()
                            ),
                        });
                    }
                    if let Some(filter) = &activity.counts {
                        crate::vocabulary::check_filter(
                            &vocabulary,
                            filter,
                            &format!("versions[{v}].milestones[{m}].activities[{a}].counts"),
                            &mut errors,
                        );
                    }
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.vocabulary = Arc::new(vocabulary);
        Ok(())
    }

    /// Parses a project file; see [`crate::parse::parse_project`].
    pub fn parse(text: &str) -> Result<Project, crate::parse::ParseError> {
        crate::parse::parse_project(text)
    }

    /// The organisation with this id.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// The leader, if the file names one.
    pub fn leader(&self) -> Option<&Organisation> {
        self.organisations
            .iter()
            .find(|o| o.role == PartnerRole::Leader)
    }

    /// The partners (every organisation but the leader).
    pub fn partners(&self) -> impl Iterator<Item = &Organisation> {
        self.organisations
            .iter()
            .filter(|o| o.role == PartnerRole::Partner)
    }

    /// The group kind with this code.
    pub fn group_kind(&self, code: &str) -> Option<&GroupKind> {
        self.groups.iter().find(|g| g.code == code)
    }

    /// The version with this id and its position.
    pub fn version(&self, id: &str) -> Option<(usize, &Version)> {
        self.versions.iter().enumerate().find(|(_, v)| v.id == id)
    }

    /// The latest version.
    pub fn current_version(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// The version in force on `as_of`: the last version, in file order, that has
    /// taken effect by then. A version without an `in_force_from` date is taken to
    /// be in force from the start of its own period, so with undated amendments the
    /// latest version is in force throughout (validation notes this).
    ///
    /// Before the first version starts, the first version is returned: it is the
    /// plan being prepared.
    pub fn version_in_force(&self, as_of: NaiveDate) -> Option<&Version> {
        let mut in_force = self.versions.first()?;
        for version in &self.versions {
            let from = version.in_force_from.unwrap_or(version.period.start());
            if from <= as_of {
                in_force = version;
            }
        }
        Some(in_force)
    }

    /// How many groups of a kind the project forms: one per unit of `level`
    /// in its territory (or per macroregion it belongs to).
    ///
    /// ```
    /// use kooperacja_core::{groups::GroupLevel, project::Project};
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// assert_eq!(p.expected_groups(GroupLevel::Powiat), 20);
    /// assert_eq!(p.expected_groups(GroupLevel::Gmina), 30);
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn expected_groups(&self, level: crate::groups::GroupLevel) -> usize {
        use crate::groups::GroupLevel;
        use crate::territory::Level;
        match level {
            GroupLevel::Macroregion => self.macroregions.len(),
            GroupLevel::Voivodeship => self.territory.count(Level::Voivodeship),
            GroupLevel::Powiat => self.territory.count(Level::Powiat),
            GroupLevel::Gmina => self.territory.count(Level::Gmina),
        }
    }

    /// The milestones that apply in the version at `index`: its own, or those of
    /// the nearest earlier version that lists them.
    pub fn milestones_at(&self, index: usize) -> &[Milestone] {
        self.versions
            .get(..=index)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find_map(|v| v.milestones.as_deref())
            .unwrap_or(&[])
    }

    /// The milestones of the version with this id.
    pub fn milestones_of(&self, version_id: &str) -> &[Milestone] {
        match self.version(version_id) {
            Some((index, _)) => self.milestones_at(index),
            None => &[],
        }
    }

    /// What changed from version `from` to version `to`, field by field; `None`
    /// if either id is unknown.
    pub fn diff(&self, from: &str, to: &str) -> Option<VersionDiff> {
        let (a_index, a) = self.version(from)?;
        let (b_index, b) = self.version(to)?;
        let mut changes = Vec::new();
        let mut push = |field: &str, old: Value, new: Value| {
            if old != new {
                changes.push(Change {
                    field: field.to_owned(),
                    old,
                    new,
                });
            }
        };
        push("period", Value::Period(a.period), Value::Period(b.period));
        push(
            "goal.text",
            Value::Text(a.goal.text.clone()),
            Value::Text(b.goal.text.clone()),
        );
        push(
            "goal.deadline",
            Value::from(a.goal.deadline),
            Value::from(b.goal.deadline),
        );
        push(
            "budget.total",
            Value::Amount(a.budget.total.amount),
            Value::Amount(b.budget.total.amount),
        );
        push(
            "budget.eu_contribution",
            Value::Amount(a.budget.eu_contribution.amount),
            Value::Amount(b.budget.eu_contribution.amount),
        );
        push(
            "budget.national_contribution",
            Value::Amount(a.budget.national_contribution()),
            Value::Amount(b.budget.national_contribution()),
        );
        let mut partner_ids: Vec<&str> = a
            .budget
            .partners
            .iter()
            .chain(&b.budget.partners)
            .map(|p| p.organisation.as_str())
            .collect();
        partner_ids.sort_unstable();
        partner_ids.dedup();
        for id in partner_ids {
            let find = |v: &Version| {
                v.budget
                    .partners
                    .iter()
                    .find(|p| p.organisation == id)
                    .cloned()
            };
            let (pa, pb) = (find(a), find(b));
            push(
                &format!("budget.partners[{id}].total"),
                Value::from(pa.as_ref().map(|p| p.total.amount)),
                Value::from(pb.as_ref().map(|p| p.total.amount)),
            );
            push(
                &format!("budget.partners[{id}].eu_contribution"),
                Value::from(pa.and_then(|p| p.eu_contribution).map(|s| s.amount)),
                Value::from(pb.and_then(|p| p.eu_contribution).map(|s| s.amount)),
            );
        }
        let (ma, mb) = (self.milestones_at(a_index), self.milestones_at(b_index));
        let mut ids: Vec<&str> = ma.iter().chain(mb).map(|m| m.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            let pa = ma.iter().find(|m| m.id == id).map(|m| m.period);
            let pb = mb.iter().find(|m| m.id == id).map(|m| m.period);
            push(
                &format!("milestones[{id}].period"),
                Value::from(pa),
                Value::from(pb),
            );
        }
        Some(VersionDiff {
            from: a.id.clone(),
            to: b.id.clone(),
            changes,
        })
    }
}

/// What changed between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionDiff {
    /// The older version's id.
    pub from: String,
    /// The newer version's id.
    pub to: String,
    /// Each changed field, in a fixed order.
    pub changes: Vec<Change>,
}

/// One changed field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The field's path within a version (`budget.total`, `milestones[KM-I].period`).
    pub field: String,
    /// The value in the older version.
    pub old: Value,
    /// The value in the newer version.
    pub new: Value,
}

/// A value in a [`Change`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Value {
    /// Not present in that version.
    Absent,
    /// An amount.
    Amount(Amount),
    /// A date.
    Date(NaiveDate),
    /// A period.
    Period(Period),
    /// A text.
    Text(String),
}

impl From<Option<Amount>> for Value {
    fn from(v: Option<Amount>) -> Value {
        v.map_or(Value::Absent, Value::Amount)
    }
}

impl From<Option<NaiveDate>> for Value {
    fn from(v: Option<NaiveDate>) -> Value {
        v.map_or(Value::Absent, Value::Date)
    }
}

impl From<Option<Period>> for Value {
    fn from(v: Option<Period>) -> Value {
        v.map_or(Value::Absent, Value::Period)
    }
}

impl fmt::Display for Value {
    /// Polish notation for amounts and dates, as the documents write them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Absent => f.write_str("—"),
            Value::Amount(a) => f.write_str(&a.to_polish()),
            Value::Date(d) => f.write_str(&crate::period::polish_date(*d)),
            Value::Period(p) => f.write_str(&p.to_polish()),
            Value::Text(t) => f.write_str(t),
        }
    }
}

/// Refuses an empty list of versions where the file is read, so that every
/// parsed project has a version in force.
fn at_least_one_version<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Version>, D::Error> {
    let versions = Vec::<Version>::deserialize(d)?;
    if versions.is_empty() {
        return Err(serde::de::Error::custom(
            "a project has at least one version (the funding agreement); `versions` is empty",
        ));
    }
    Ok(versions)
}
