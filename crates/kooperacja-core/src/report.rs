//! The report: the status of a project as of a date, as one value that every
//! adapter renders without computing anything of its own.
//!
//! Build one with [`crate::engine::Engine::report`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::groups::GroupLevel;
use crate::indicator::{IndicatorKind, Target};
use crate::money::{Amount, Rate};
use crate::participant::{Sex, ShownSplit, SupportCount};
use crate::period::{Period, YearMonth};
use crate::validate::{Finding, Severity};

/// Where an indicator stands.
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
    schemars::JsonSchema,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Status {
    /// Nothing counted yet, and the due date has not passed.
    NotStarted,
    /// Counted, below target, and the forecast at the due date reaches the target.
    OnTrack,
    /// Counted, below target, and the forecast at the due date falls short.
    AtRisk,
    /// The target is reached.
    Achieved,
    /// The due date has passed and the target was not reached.
    Missed,
    /// The indicator has no rule, or its rule needs what was not given (a TERYT
    /// register for a territory count); `note` says which.
    NotEvaluated,
}

impl Status {
    /// Every status, in order.
    pub const ALL: [Status; 6] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::AtRisk,
        Status::Achieved,
        Status::Missed,
        Status::NotEvaluated,
    ];

    /// The English name (`on track`).
    pub fn english(self) -> &'static str {
        crate::present::label::status(self).get(crate::present::Lang::En)
    }

    /// The Polish name (`zgodnie z planem`).
    pub fn polish(self) -> &'static str {
        crate::present::label::status(self).get(crate::present::Lang::Pl)
    }

    /// The machine name, as in JSON: `at-risk`.
    ///
    /// ```
    /// use kooperacja_core::report::Status;
    /// assert_eq!(Status::AtRisk.machine(), "at-risk");
    /// ```
    pub fn machine(self) -> &'static str {
        self.into()
    }
}

/// A value within a breakdown: one voivodeship, or one partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Part {
    /// The voivodeship's TERYT code or the partner's id; `-` for facts with no
    /// territory.
    pub key: String,
    /// The value for that part: a count, or a percentage for shares.
    #[schemars(with = "DecimalText")]
    pub value: Decimal,
}

/// One indicator as of the report's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct IndicatorReport {
    /// The indicator's id.
    pub id: String,
    /// Its name, in Polish.
    pub name: String,
    /// Its name, in English.
    pub name_en: Option<String>,
    /// Product or result.
    pub kind: IndicatorKind,
    /// The unit counted.
    pub unit: String,
    /// The target.
    pub target: Target,
    /// The value reached: a count, or for a share the percentage (12.5 for
    /// 12.5 %). `None` when not evaluated.
    #[schemars(with = "Option<DecimalText>")]
    pub value: Option<Decimal>,
    /// value / target, when both are known.
    pub share_of_target: Option<Rate>,
    /// The day the target is due.
    #[serde(with = "crate::period::date_serde")]
    #[schemars(with = "crate::period::Date")]
    pub due: NaiveDate,
    /// Where it stands.
    pub status: Status,
    /// The value expected at the due date at the pace so far (see
    /// `docs/indicators.md`, "Forecast"). `None` when not evaluated.
    #[schemars(with = "Option<DecimalText>")]
    pub forecast: Option<Decimal>,
    /// The value by voivodeship of the facts, largest first.
    pub by_voivodeship: Vec<Part>,
    /// The value by the partner that recorded the facts, largest first.
    pub by_partner: Vec<Part>,
    /// The rule, in one line.
    pub rule: Option<String>,
    /// Why the indicator is not evaluated, if it is not.
    pub note: Option<String>,
    /// Ogółem and by sex, for an indicator that counts persons (a distinct
    /// count of persons): each person's sex as of their first entry, persons
    /// with none (or no entry) apart as unknown. `None` for other indicators
    /// and when not evaluated. Reads without a token show it suppressed
    /// ([`Report::suppress_persons`]).
    pub by_sex: Option<ShownSplit>,
    /// The target by sex, when the indicator states one.
    pub target_by_sex: Option<BTreeMap<Sex, u64>>,
    /// For a count of participants (`distinct = "participant"`): the records
    /// missing a required datum, counted apart and not in the value.
    pub incomplete: Option<u64>,
    /// Whether the rule counts by a field declared sensitive (health data;
    /// [`crate::rule::Rule::is_sensitive`]): a read without a token then
    /// hides even a small total ([`Report::suppress_persons`]). Written
    /// only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
}

/// Where a milestone stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema, strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum MilestoneState {
    /// It starts after the report's date.
    NotStarted,
    /// The report's date lies within it.
    Running,
    /// It ended before the report's date.
    Finished,
}

impl MilestoneState {
    /// Every state, in the order of a milestone's life.
    pub const ALL: [MilestoneState; 3] = [
        MilestoneState::NotStarted,
        MilestoneState::Running,
        MilestoneState::Finished,
    ];

    /// The English name.
    pub fn english(self) -> &'static str {
        crate::present::label::state(self).get(crate::present::Lang::En)
    }

    /// The Polish name.
    pub fn polish(self) -> &'static str {
        crate::present::label::state(self).get(crate::present::Lang::Pl)
    }

    /// The machine name, as in JSON: `not-started`.
    ///
    /// ```
    /// use kooperacja_core::report::MilestoneState;
    /// assert_eq!(MilestoneState::NotStarted.machine(), "not-started");
    /// ```
    pub fn machine(self) -> &'static str {
        self.into()
    }
}

/// Meetings held by one group (or in one territorial unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Held {
    /// The unit: the TERYT code of the group's powiat or voivodeship, or of the
    /// voivodeship for a breakdown; `-` for meetings with no territory.
    pub unit: String,
    /// Meetings held.
    pub meetings: u64,
    /// Meeting-days held.
    pub days: u64,
}

/// A planned activity of a milestone against the meetings held for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct ActivityProgress {
    /// The activity as planned.
    pub text: String,
    /// Its kind.
    pub kind: String,
    /// The group kind that meets, if any.
    pub group: Option<String>,
    /// Meetings planned.
    pub planned: Option<u32>,
    /// Meeting-days planned.
    pub planned_days: Option<u32>,
    /// Meetings planned per group, when the plan divides evenly among the groups.
    pub planned_per_group: Option<u32>,
    /// Meetings held within the milestone, up to the report's date.
    pub held: u64,
    /// Meeting-days held.
    pub held_days: u64,
    /// Held per group unit (powiat or voivodeship), for group meetings.
    pub per_group: Vec<Held>,
    /// Held per voivodeship.
    pub by_voivodeship: Vec<Held>,
}

/// One milestone as of the report's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct MilestoneReport {
    /// Its id.
    pub id: String,
    /// Its number.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// Its period.
    pub period: Period,
    /// Where it stands.
    pub state: MilestoneState,
    /// The days of it that have passed.
    pub days_passed: u32,
    /// The share of it that has passed: `days_passed` over its days, exact
    /// (0 before it starts, 1 once it has ended).
    pub elapsed: Rate,
    /// The activities that meetings are recorded for (those with a count).
    pub activities: Vec<ActivityProgress>,
}

/// One kind of group of the project with the meetings its groups held, by
/// milestone: the project's group kind joined with the milestones' activities
/// that the kind meets for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct GroupReport {
    /// The kind's code (`PGR`).
    pub code: String,
    /// Its Polish name.
    pub name: String,
    /// Its English name, if the project gives one.
    pub name_en: Option<String>,
    /// One group of the kind is formed per unit of this level.
    pub one_per: GroupLevel,
    /// The number of groups the territory calls for: one per unit of
    /// `one_per` in the project's territory.
    pub expected: u64,
    /// The number of groups the documents state, if they do.
    pub stated: Option<u32>,
    /// The members of each group, if fixed.
    pub members: Option<u32>,
    /// The kind these groups become later, if any.
    pub transforms_into: Option<String>,
    /// Whether the groups of the kind meet jointly.
    pub joint: bool,
    /// The kind's meetings in each milestone that plans some, in milestone
    /// order then activity order.
    pub meetings: Vec<MilestoneMeetings>,
}

/// The meetings of one kind of group planned and held within one milestone
/// (one planned activity of it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct MilestoneMeetings {
    /// The milestone's id.
    pub milestone: String,
    /// Meetings planned.
    pub planned: Option<u32>,
    /// Meetings planned per group, when the plan divides evenly among the groups.
    pub planned_per_group: Option<u32>,
    /// Meetings held within the milestone, up to the report's date.
    pub held: u64,
    /// Held per group unit.
    pub per_group: Vec<Held>,
}

/// How many indicators have one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct StatusCount {
    /// The status.
    pub status: Status,
    /// The indicators that have it.
    pub indicators: u64,
}

/// Spending of one partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct PartnerSpending {
    /// The organisation's id.
    pub partner: String,
    /// Whether the budget of the version in force has a line for it (its
    /// `planned` may still be unknown).
    pub in_plan: bool,
    /// Its budget in the version in force; `None` when the version has no
    /// line for it (`in_plan` false) or states its amount as unknown.
    pub planned: Option<Amount>,
    /// Spent up to the report's date.
    pub spent: Amount,
    /// spent / planned.
    pub share: Option<Rate>,
    /// planned / the project's total value: the partner's share of the plan.
    pub planned_share: Option<Rate>,
    /// planned − spent: what is left of its budget (negative when it spent
    /// more); `None` without a stated budget.
    pub remaining: Option<Amount>,
}

/// The budget and its execution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct BudgetReport {
    /// The id of the version whose plan the execution is measured against
    /// (the version in force, or the one asked for).
    pub version: String,
    /// The total value of that version; `None` (JSON `null`) when the version
    /// states it as unknown. Never taken from another version.
    pub total: Option<Amount>,
    /// Its EU contribution; `None` when stated as unknown.
    pub eu_contribution: Option<Amount>,
    /// eu_contribution / total.
    pub eu_share: Option<Rate>,
    /// The rest: state budget and own contributions; `None` when the total or
    /// the EU contribution is unknown.
    pub national_contribution: Option<Amount>,
    /// national_contribution / total.
    pub national_share: Option<Rate>,
    /// Spent up to the report's date (expenditure facts).
    pub spent: Amount,
    /// spent / total.
    pub spent_share: Option<Rate>,
    /// total − spent; `None` when the total is unknown.
    pub remaining: Option<Amount>,
    /// remaining / total.
    pub remaining_share: Option<Rate>,
    /// The sum of the partners' stated budgets (those of `by_partner` that
    /// have one): the "planned" total of a table of partners; `None` when a
    /// partner's line in the plan states its amount as unknown.
    pub partners_planned: Option<Amount>,
    /// The sum of every partner's spending in `by_partner`: equal to `spent`,
    /// the "spent" total of a table of partners.
    pub partners_spent: Amount,
    /// The largest planned or spent amount of any partner (zero when none):
    /// the scale of a chart of partners on one axis.
    pub partners_scale: Amount,
    /// Spending by partner: those with a stated budget first, then the others.
    pub by_partner: Vec<PartnerSpending>,
    /// Spending by category, in name order.
    pub by_category: Vec<(String, Amount)>,
    /// The planned total cut into calendar years (see [`BudgetYear`]).
    pub by_year: Vec<BudgetYear>,
    /// Spending by month and partner, up to the report's date, in month then
    /// partner order; months with nothing spent are left out.
    pub spent_by_month: Vec<MonthlySpending>,
    /// What the execution gives to act on: spending above the plan of the
    /// project or of a partner ([`BudgetReport::execution_findings`]).
    pub findings: Vec<Finding>,
}

impl BudgetReport {
    /// The findings about execution against the plan of the version in force,
    /// project first, then partners in the order of [`BudgetReport::by_partner`]:
    ///
    /// - `execution.project-over-plan` (warning, path `budget`): spent more than
    ///   the project's total value;
    /// - `execution.partner-over-plan` (warning, path `budget.partners[ID]`): a
    ///   partner spent more than its stated budget.
    ///
    /// An unknown plan is never exceeded: nothing is said against it.
    /// Spending above plan is not eligible for funding, so it is worth acting on;
    /// the data still holds, hence a warning and not an error. Later levels of
    /// the plan (tasks, cost lines) extend the same `execution.*-over-plan`
    /// family.
    ///
    /// ```
    /// use kooperacja_core::{engine::Engine, facts::{FactReader, Format}, project::Project, pseudonym::PseudonymKey};
    /// let p = Project::parse(include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml"))?;
    /// let mut engine = Engine::new(p.clone(), None);
    /// let line = r#"{"id":"e1","date":"2024-05-01","by":"rops-torun","kind":"expenditure","amount":"23000000.00","category":"staff"}"#;
    /// for fact in FactReader::new(line.as_bytes(), Format::JsonLines, p.vocabulary().clone(), PseudonymKey::from_bytes([1; 32])) {
    ///     engine.apply(&fact?);
    /// }
    /// let report = engine.report("2024-06-30".parse()?);
    /// let codes: Vec<&str> = report.budget.execution_findings().iter().map(|f| f.code).collect();
    /// assert_eq!(codes, ["execution.project-over-plan"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execution_findings(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        let over = |spent: Amount, planned: Amount| spent > planned;
        if let Some(total) = self.total.filter(|&total| over(self.spent, total)) {
            findings.push(Finding {
                code: "execution.project-over-plan",
                severity: Severity::Warning,
                path: "budget".to_owned(),
                message: format!(
                    "spent {} of the project's value {}, {} more than planned; spending above plan is not eligible",
                    self.spent.to_polish(),
                    total.to_polish(),
                    (self.spent - total).to_polish()
                ),
            });
        }
        for partner in &self.by_partner {
            let Some(planned) = partner.planned else {
                continue;
            };
            if over(partner.spent, planned) {
                findings.push(Finding {
                    code: "execution.partner-over-plan",
                    severity: Severity::Warning,
                    path: format!("budget.partners[{}]", partner.partner),
                    message: format!(
                        "partner {} spent {} of its budget {}, {} more than planned; spending above plan is not eligible",
                        partner.partner,
                        partner.spent.to_polish(),
                        planned.to_polish(),
                        (partner.spent - planned).to_polish()
                    ),
                });
            }
        }
        findings
    }
}

/// The planned total's share for one calendar year of the project's period.
///
/// The sources state one total for the whole period; a yearly plan (which IATI
/// requires: budget periods of at most a year) is derived from it *pro rata by
/// days*, split exactly by the largest-remainder method
/// ([`Amount::split`](crate::money::Amount::split)), so the years sum to the
/// total to the grosz. It is an indicative plan, not one the sources state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct BudgetYear {
    /// The year's part of the project's period (first and last may be shorter).
    pub period: Period,
    /// Its pro-rata share of the total.
    pub planned: Amount,
}

/// What one partner spent in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct MonthlySpending {
    /// The month.
    pub month: YearMonth,
    /// The organisation's id.
    pub partner: String,
    /// The sum of its expenditure facts dated in that month.
    pub spent: Amount,
}

/// How many live facts of one kind are dated in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct MonthlyFacts {
    /// The month.
    pub month: YearMonth,
    /// The kind.
    pub kind: String,
    /// How many.
    pub facts: u64,
}

/// How many facts the report rests on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct FactCounts {
    /// Live facts (not retracted) by kind, up to the report's date; retractions
    /// are counted under their own kind.
    pub by_kind: Vec<(String, u64)>,
    /// The same facts by month and kind, in month then kind order; empty
    /// months are left out.
    pub by_month: Vec<MonthlyFacts>,
    /// The live facts up to the report's date: the sum of `by_kind`.
    pub live: u64,
    /// Facts retracted (whenever recorded).
    pub retracted: u64,
    /// Records ignored as repeats of a fact already recorded.
    pub duplicates: u64,
    /// Retractions of facts not (yet) recorded; they are among the excluded,
    /// under `fact.retraction-unknown`, until their fact comes.
    pub pending_retractions: u64,
    /// Records given to the engine (bad records that never became facts are
    /// the adapter's to count).
    pub read: u64,
    /// Facts that count: every fact admitted, retracted ones and retractions
    /// included, whatever their date.
    pub counted: u64,
    /// Facts excluded by the [admission](crate::admission) rule: they count
    /// nowhere. `read = counted + excluded + duplicates`.
    pub excluded: u64,
    /// The excluded facts by the code of their first defect (the codes of
    /// `validate --facts`), in code order.
    pub excluded_by_reason: BTreeMap<String, u64>,
}

/// The status of a project as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Report {
    /// The project's id.
    pub project: String,
    /// Its title.
    pub title: String,
    /// The version in force on `as_of`.
    pub version: String,
    /// Its label.
    pub version_label: String,
    /// The date of the report.
    #[serde(with = "crate::period::date_serde")]
    #[schemars(with = "crate::period::Date")]
    pub as_of: NaiveDate,
    /// The project's period in the version in force.
    pub period: Period,
    /// The days of the period that have passed on `as_of`.
    pub days_passed: u32,
    /// The share of the period that has passed on `as_of`: `days_passed`
    /// over the period's days, exact ([`Report::period_elapsed`]).
    pub period_elapsed: Rate,
    /// Every indicator of the project, in file order.
    pub indicators: Vec<IndicatorReport>,
    /// How many indicators have each status: every status, in the order of
    /// [`Status::ALL`], with zero counts too.
    pub by_status: Vec<StatusCount>,
    /// The milestones of the version in force.
    pub milestones: Vec<MilestoneReport>,
    /// The project's kinds of group, in file order, each with its meetings
    /// by milestone.
    pub groups: Vec<GroupReport>,
    /// The budget and its execution.
    pub budget: BudgetReport,
    /// The facts the report rests on.
    pub facts: FactCounts,
    /// The participants (entry facts) as of the report's date.
    pub participants: ParticipantsReport,
}

/// The participants of a project as of a date, as ESF monitoring counts them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct ParticipantsReport {
    /// Participants (complete records, once each, with their first entry's
    /// data), ogółem and by sex.
    pub by_sex: ShownSplit,
    /// Records missing a required datum: counted apart, not participants.
    pub incomplete: u64,
    /// Per support: the persons who entered it and those who left.
    pub supports: Vec<SupportCount>,
    /// The project's small-cell threshold (`[participants] small_cell`).
    pub small_cell: u64,
}

impl Report {
    /// The share of the project's period that has passed on the report's date
    /// (days passed over all days of the period, exact): the field
    /// `period_elapsed`.
    ///
    /// ```
    /// use kooperacja_core::{engine::Engine, project::Project};
    /// use chrono::NaiveDate;
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// let engine = Engine::new(p, None);
    /// let start = engine.report(NaiveDate::from_ymd_opt(2017, 1, 1).unwrap());
    /// assert_eq!(start.period_elapsed().percent(), 0.into());
    /// let end = engine.report(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
    /// assert_eq!(end.period_elapsed().percent(), 100.into());
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn period_elapsed(&self) -> Rate {
        self.period_elapsed
    }

    /// How many indicators have `status` ([`Report::by_status`]).
    ///
    /// ```
    /// use kooperacja_core::{engine::Engine, project::Project, report::Status};
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// let report = Engine::new(p, None).report("2019-01-01".parse().unwrap());
    /// assert_eq!(report.indicators_with(Status::Achieved), 0);
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn indicators_with(&self, status: Status) -> u64 {
        self.by_status
            .iter()
            .find(|c| c.status == status)
            .map_or(0, |c| c.indicators)
    }

    /// The report as a read without a token may show it: small-cell
    /// suppression ([`crate::participant::suppress`]) under the project's
    /// threshold of every person breakdown: the split by sex of the
    /// participants and of each person indicator, and the parts by
    /// voivodeship and by partner of each person indicator (a part of at
    /// least one person and fewer than the threshold is left out, as a part
    /// with none is; when that leaves out exactly one, the smallest other one
    /// goes too). For an indicator that counts by a sensitive field
    /// ([`IndicatorReport::sensitive`]) a small total is hidden too, and with
    /// it the value, its share, forecast and parts (the note says why).
    /// Applying it twice changes nothing more.
    ///
    /// ```
    /// use kooperacja_core::{engine::Engine, participant::Cell, project::Project};
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// let mut report = Engine::new(p, None).report("2019-01-01".parse().unwrap());
    /// report.suppress_persons();
    /// assert_eq!(report.participants.by_sex.threshold, Some(5));
    /// assert_eq!(report.participants.by_sex.total, Cell::Shown(0));
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn suppress_persons(&mut self) {
        let threshold = self.participants.small_cell;
        self.participants.by_sex = self.participants.by_sex.suppressed(threshold, false);
        for indicator in &mut self.indicators {
            let Some(split) = &indicator.by_sex else {
                continue;
            };
            if split.threshold.is_none() {
                suppress_parts(&mut indicator.by_voivodeship, threshold);
                suppress_parts(&mut indicator.by_partner, threshold);
            }
            let shown = split.suppressed(threshold, indicator.sensitive);
            // A small count by a sensitive characteristic: its total is a
            // cell of the breakdown too, so the value goes with it.
            if shown.total == crate::participant::Cell::Hidden {
                indicator.value = None;
                indicator.share_of_target = None;
                indicator.forecast = None;
                indicator.by_voivodeship.clear();
                indicator.by_partner.clear();
                indicator.note = Some(
                    crate::present::label::SUPPRESSED_SMALL_COUNT
                        .get(crate::present::Lang::En)
                        .to_owned(),
                );
            }
            indicator.by_sex = Some(shown);
        }
    }
}

/// Leaves out the parts of at least one and fewer than `threshold`, and when
/// that leaves out exactly one, the smallest other part too.
fn suppress_parts(parts: &mut Vec<Part>, threshold: u64) {
    let limit = Decimal::from(threshold);
    let small = |p: &Part| p.value > Decimal::ZERO && p.value < limit;
    let hidden = parts.iter().filter(|p| small(p)).count();
    parts.retain(|p| !small(p));
    if hidden == 1 {
        if let Some(i) = parts
            .iter()
            .enumerate()
            .min_by_key(|(_, p)| p.value)
            .map(|(i, _)| i)
        {
            parts.remove(i);
        }
    }
}

/// The schema of an exact decimal as the report writes it: a string.
struct DecimalText;

impl schemars::JsonSchema for DecimalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal number as a string, with a decimal point: \"95\", \"57.5\".",
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$"
        })
    }
}
