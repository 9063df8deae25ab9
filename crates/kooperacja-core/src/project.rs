//! A project and its versions: the funding agreement and each amendment, kept in
//! order, with "which version is in force on a date" and "what changed".
//!
//! ```
//! use kooperacja_core::project::Project;
//! let text = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
//! let project = Project::parse(text)?;
//! let [original, amended] = &project.versions[..] else { panic!() };
//! assert_eq!(original.budget.total.amount.map(|a| a.to_polish()).as_deref(), Some("11 977 479,39 zł"));
//! assert_eq!(amended.period.to_polish(), "01.04.2018 r. – 31.12.2022 r.");
//! let diff = project.diff(&original.id, &amended.id).unwrap();
//! assert!(diff.changes.iter().any(|c| c.field == "budget.total"));
//! # Ok::<(), kooperacja_core::parse::ParseError>(())
//! ```

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::amendment::ResolvedVersion;
use crate::area::{Macroregion, Territory};
use crate::budget::{Budget, FundingSource};
use crate::groups::GroupKind;
use crate::indicator::Indicator;
use crate::money::Amount;
use crate::organisation::{Organisation, PartnerRole, Role, Sector, TargetGroup, Task};
use crate::period::{Period, StatedDate};
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
    /// The programme's rules that budgets and claims are checked against
    /// (flat rates of indirect costs, limits, claim kinds), as data with
    /// their source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<crate::claim::ProgrammeRules>,
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
    /// The deadline the goal names: a day, or a month when the source gives
    /// only the month (then its last day is the deadline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<StatedDate>,
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
    /// The day it took effect, if known; a month when the source gives only the
    /// month (then it is in force from the month's first day). Without it the
    /// version is in force from the day the previous one is superseded; see
    /// [`Project::version_in_force`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force_from: Option<StatedDate>,
    /// The period of the project (okres realizacji).
    pub period: Period,
    /// The goal.
    pub goal: Goal,
    /// The budget.
    pub budget: Budget,
    /// The milestones this version states: in the first version, all of them;
    /// in a later one, each replaces the previous version's milestone of the
    /// same id or is added. Absent means unchanged from the previous version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestones: Option<Vec<Milestone>>,
    /// The milestones (ids) this version removes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_milestones: Vec<String>,
    /// The indicators this version adds, or changes by id (stating only the
    /// fields it changes: `{ id = "x", target = 60 }`). The first version's
    /// indicators are the top-level `[[indicators]]`, with these added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<crate::amendment::IndicatorChange>,
    /// The indicators (ids) this version removes: they are not evaluated while
    /// it is in force.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_indicators: Vec<String>,
    /// The project's area from this version on, replacing the previous one
    /// whole. Absent means unchanged; the first version's area is the
    /// top-level `[territory]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<Territory>,
    /// The partners (organisation ids) that join the project in this version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners_joined: Vec<String>,
    /// The partners (organisation ids) that leave the project in this version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners_left: Vec<String>,
    /// Where the version's figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Version {
    /// The first day the version is in force, if the file says: `in_force_from`,
    /// a month read as its first day.
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// assert_eq!(p.versions[0].in_force_date(), None);
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn in_force_date(&self) -> Option<NaiveDate> {
        self.in_force_from.map(StatedDate::first_day)
    }
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
    /// The claim schedule (harmonogram płatności): the reporting periods, in
    /// order, each with its claim's kind and planned amounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payment_schedule: Vec<crate::claim::PlannedClaim>,
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
        // The rules of the indicators an amendment adds or changes.
        for (v, version) in self.versions.iter().enumerate() {
            for (j, change) in version.indicators.iter().enumerate() {
                if let Some(rule) = &change.rule {
                    crate::vocabulary::check_rule(
                        &vocabulary,
                        rule,
                        &format!("versions[{v}].indicators[{j}].rule"),
                        &mut errors,
                    );
                }
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

    /// The `[participants]` declaration, or its defaults when the file has none.
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// assert_eq!(project.participants().sexes, ["K", "M"]);
    /// assert_eq!(project.participants().small_cell, None); // 5: participant::DEFAULT_SMALL_CELL
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn participants(&self) -> &crate::participant::ParticipantsDecl {
        static DEFAULT: std::sync::LazyLock<crate::participant::ParticipantsDecl> =
            std::sync::LazyLock::new(crate::participant::ParticipantsDecl::default);
        self.participants.as_ref().unwrap_or(&DEFAULT)
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
            let from = version.in_force_date().unwrap_or(version.period.start());
            if from <= as_of {
                in_force = version;
            }
        }
        Some(in_force)
    }

    /// Every version with its parts resolved (indicators, territory,
    /// partners, milestones), oldest first; see [`crate::amendment`].
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let p = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
    /// let partners: Vec<Vec<String>> = p.resolved_versions().into_iter().map(|v| v.partners).collect();
    /// assert_eq!(partners, [["fundacja"], ["uczelnia"]]);
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn resolved_versions(&self) -> Vec<ResolvedVersion> {
        crate::amendment::resolve_all(self)
    }

    /// The version at `index` with its parts resolved: what it states and
    /// what it inherits.
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let p = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
    /// assert_eq!(p.resolve(1).unwrap().indicator("meetings").unwrap().target.to_string(), "30");
    /// assert!(p.resolve(2).is_none());
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn resolve(&self, index: usize) -> Option<ResolvedVersion> {
        self.resolved_versions().into_iter().nth(index)
    }

    /// The version in force on `as_of` (see [`Project::version_in_force`])
    /// with its parts resolved: only these indicators, this territory, these
    /// partners and milestones hold on that day.
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// let v = p.in_force(chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()).unwrap();
    /// assert_eq!(v.id, "aneks");
    /// assert_eq!(v.indicators.len(), p.indicators.len());
    /// assert_eq!(v.milestones.len(), 4);
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn in_force(&self, as_of: NaiveDate) -> Option<ResolvedVersion> {
        let version = self.version_in_force(as_of)?;
        let (index, _) = self.version(&version.id)?;
        self.resolve(index)
    }

    /// The area in force on `as_of`: that of the version in force (an
    /// amendment may replace the area), or the file's top-level area when
    /// no version is. Every adapter that shows "the project's territory"
    /// on a date shows this one.
    ///
    /// ```
    /// use kooperacja_core::{project::Project, territory::Level};
    /// let p = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
    /// let day = |d: &str| d.parse::<chrono::NaiveDate>().unwrap();
    /// assert_eq!(p.area(day("2024-06-30")).count(Level::Gmina), 2);
    /// assert_eq!(p.area(day("2024-07-01")).count(Level::Powiat), 2);
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn area(&self, as_of: NaiveDate) -> Territory {
        self.in_force(as_of)
            .map_or_else(|| self.territory.clone(), |v| v.territory)
    }

    /// Whether the area of some version holds this voivodeship (2-digit
    /// code): a fact there belongs to the project even if only an amendment
    /// added the voivodeship.
    ///
    /// ```
    /// use kooperacja_core::{project::Project, territory::TerytCode};
    /// let p = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
    /// assert!(p.has_voivodeship_in_any_version(&TerytCode::parse("04").unwrap()));
    /// assert!(!p.has_voivodeship_in_any_version(&TerytCode::parse("22").unwrap()));
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn has_voivodeship_in_any_version(&self, code: &crate::territory::TerytCode) -> bool {
        let holds = |t: &Territory| t.voivodeships.iter().any(|v| &v.code == code);
        holds(&self.territory)
            || self.versions.iter().any(|v| {
                v.territory.as_ref().is_some_and(holds)
                    || v.milestones
                        .iter()
                        .flatten()
                        .any(|m| m.territory.as_ref().is_some_and(holds))
            })
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
        self.expected_groups_in(&self.territory, level)
    }

    /// How many groups of a kind the project forms in `territory` (a
    /// version's or a milestone's area): one per unit of `level`.
    ///
    /// ```
    /// use kooperacja_core::{groups::GroupLevel, project::Project};
    /// let p = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
    /// let aneks = p.resolve(1).unwrap();
    /// assert_eq!(p.expected_groups_in(&aneks.territory, GroupLevel::Powiat), 2);
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn expected_groups_in(
        &self,
        territory: &Territory,
        level: crate::groups::GroupLevel,
    ) -> usize {
        use crate::groups::GroupLevel;
        use crate::territory::Level;
        match level {
            GroupLevel::Macroregion => self.macroregions.len(),
            GroupLevel::Voivodeship => territory.count(Level::Voivodeship),
            GroupLevel::Powiat => territory.count(Level::Powiat),
            GroupLevel::Gmina => territory.count(Level::Gmina),
        }
    }

    /// The milestones that apply in the version at `index`: the first
    /// version's, with each later version's replacements, additions and
    /// removals up to it, by number.
    pub fn milestones_at(&self, index: usize) -> Vec<Milestone> {
        self.resolve(index)
            .map(|v| v.milestones)
            .unwrap_or_default()
    }

    /// The milestones of the version with this id.
    pub fn milestones_of(&self, version_id: &str) -> Vec<Milestone> {
        match self.version(version_id) {
            Some((index, _)) => self.milestones_at(index),
            None => Vec::new(),
        }
    }

    /// What changed from version `from` to version `to`: the period, goal and
    /// budget field by field, then each partner joined or left, each
    /// indicator added, removed or changed (target, name, unit, due date,
    /// rule), each unit of the area added or removed, and each milestone and
    /// planned activity added, removed or changed; `None` if either id is
    /// unknown.
    pub fn diff<'a>(&'a self, from: &str, to: &str) -> Option<VersionDiff> {
        let (a_index, a) = self.version(from)?;
        let (b_index, b) = self.version(to)?;
        let resolved = self.resolved_versions();
        let (ra, rb) = (resolved.get(a_index)?, resolved.get(b_index)?);
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
            Value::stated(Some(&a.budget.total)),
            Value::stated(Some(&b.budget.total)),
        );
        push(
            "budget.eu_contribution",
            Value::stated(Some(&a.budget.eu_contribution)),
            Value::stated(Some(&b.budget.eu_contribution)),
        );
        push(
            "budget.national_contribution",
            Value::known(a.budget.national_contribution()),
            Value::known(b.budget.national_contribution()),
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
            let find = |v: &'a Version| v.budget.partners.iter().find(|p| p.organisation == id);
            let (pa, pb) = (find(a), find(b));
            push(
                &format!("budget.partners[{id}].total"),
                Value::stated(pa.map(|p| &p.total)),
                Value::stated(pb.map(|p| &p.total)),
            );
            push(
                &format!("budget.partners[{id}].eu_contribution"),
                Value::stated(pa.and_then(|p| p.eu_contribution.as_ref())),
                Value::stated(pb.and_then(|p| p.eu_contribution.as_ref())),
            );
        }
        crate::amendment::diff_parts(self, ra, rb, &mut push);
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
    /// The field's path within a version (`budget.total`, `milestones[KM-I].period`,
    /// `indicators[persons].target`, `partners[umk]`, `territory[0410013]`).
    /// A part added has `old` [`Value::Absent`]; a part removed, `new`.
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
    /// An amount the version states as unknown (not published).
    Unknown,
    /// A date.
    Date(NaiveDate),
    /// A month, where the source gives only the month.
    Month(crate::period::YearMonth),
    /// A period.
    Period(Period),
    /// A text.
    Text(String),
    /// A count (planned meetings).
    Count(u64),
    /// An indicator's target.
    Target(crate::indicator::Target),
}

impl Value {
    /// A stated amount: absent when not stated, [`Value::Unknown`] when stated
    /// as unknown.
    ///
    /// ```
    /// use kooperacja_core::{budget::Stated, project::Value};
    /// assert_eq!(Value::stated(Some(&Stated::unknown())), Value::Unknown);
    /// assert_eq!(Value::stated(None), Value::Absent);
    /// ```
    pub fn stated(stated: Option<&crate::budget::Stated>) -> Value {
        match stated {
            None => Value::Absent,
            Some(s) => Value::known(s.amount),
        }
    }

    /// An amount that exists in the version but may be unknown.
    pub fn known(amount: Option<Amount>) -> Value {
        amount.map_or(Value::Unknown, Value::Amount)
    }
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

impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Value {
        v.map_or(Value::Absent, Value::Text)
    }
}

impl From<Option<StatedDate>> for Value {
    fn from(v: Option<StatedDate>) -> Value {
        match v {
            None => Value::Absent,
            Some(StatedDate::Day(day)) => Value::Date(day),
            Some(StatedDate::Month(month)) => Value::Month(month),
        }
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
            Value::Unknown => f.write_str(crate::budget::UNKNOWN),
            Value::Amount(a) => f.write_str(&a.to_polish()),
            Value::Date(d) => f.write_str(&crate::period::polish_date(*d)),
            Value::Month(m) => f.write_str(&crate::present::month(crate::present::Lang::Pl, *m)),
            Value::Period(p) => f.write_str(&p.to_polish()),
            Value::Text(t) => f.write_str(t),
            Value::Count(n) => write!(f, "{n}"),
            Value::Target(t) => write!(f, "{t}"),
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
