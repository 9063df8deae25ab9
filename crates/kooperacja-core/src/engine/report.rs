//! Building the report from the tallies: indicators, milestones, groups,
//! budget and fact counts as of a date, against a version.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Engine;
use super::indicators::{forecast, status};
use super::milestones::groups;
use super::tally::day;
use crate::admission::Reason;
use crate::indicator::Target;
use crate::money::{Amount, Rate};
use crate::participant::ShownSplit;
use crate::period::YearMonth;
use crate::report::{
    BudgetReport, FactCounts, IndicatorReport, MilestoneReport, MilestoneState, MonthlyFacts,
    ParticipantsReport, Report, Status, StatusCount,
};
use crate::rule::Rule;

impl Engine {
    /// The report as of `as_of`, from the tallies.
    ///
    /// A project with no version (the parser refuses one) gets a report with
    /// no indicator evaluated, each saying why, and an empty budget.
    pub fn report(&self, as_of: NaiveDate) -> Report {
        let project = &*self.project;
        let in_force = project
            .version_in_force(as_of)
            .and_then(|v| project.versions.iter().position(|x| x.id == v.id));
        match in_force {
            Some(index) => self.report_against(as_of, index),
            None => self.report_without_version(as_of),
        }
    }

    /// The report as of `as_of` measured against the version `version` (its
    /// id, as `aneks-1`), as if that version were in force: its period,
    /// budget, milestones and due dates, over the same facts. `None` when the
    /// project has no such version. For the version in force on `as_of` it is
    /// [`Engine::report`].
    ///
    /// ```
    /// use kooperacja_core::{engine::Engine, project::Project};
    /// use chrono::NaiveDate;
    /// let p = Project::parse(include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// let engine = Engine::new(p, None);
    /// let as_of = NaiveDate::from_ymd_opt(2020, 9, 30).unwrap();
    /// let original = engine.report_for_version(as_of, "umowa").unwrap();
    /// assert_eq!(original.version, "umowa");
    /// assert_ne!(original.budget.total, engine.report(as_of).budget.total);
    /// assert!(engine.report_for_version(as_of, "v9").is_none());
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn report_for_version(&self, as_of: NaiveDate, version: &str) -> Option<Report> {
        let (index, _) = self.project.version(version)?;
        Some(self.report_against(as_of, index))
    }

    /// The report as of `as_of` against the version at `version_index`.
    fn report_against(&self, as_of: NaiveDate, version_index: usize) -> Report {
        let project = &*self.project;
        let (Some(version), Some(parts)) = (
            project.versions.get(version_index),
            self.versions.get(version_index),
        ) else {
            return self.report_without_version(as_of);
        };
        // Only what the version holds is evaluated: its indicators (with its
        // targets), its milestones, its area.
        let territory = &parts.parts.territory;
        let milestones = &parts.parts.milestones;
        let to = day(as_of);
        let indicators = parts
            .indicators
            .iter()
            .filter_map(|&i| Some((self.indicators.get(i)?, self.plans.get(i)?)))
            .map(|(indicator, plan)| {
                let due = match (&indicator.due.milestone, indicator.due.date) {
                    (_, Some(date)) => date,
                    (Some(m), None) => milestones
                        .iter()
                        .find(|x| &x.id == m)
                        .map_or(version.period.end(), |x| x.period.end()),
                    (None, None) => version.period.end(),
                };
                let mut report = IndicatorReport {
                    id: indicator.id.clone(),
                    name: indicator.name.clone(),
                    name_en: indicator.name_en.clone(),
                    kind: indicator.kind,
                    unit: indicator.unit.clone(),
                    target: indicator.target,
                    value: None,
                    share_of_target: None,
                    due,
                    status: Status::NotEvaluated,
                    forecast: None,
                    by_voivodeship: Vec::new(),
                    by_partner: Vec::new(),
                    rule: indicator.rule.as_ref().map(ToString::to_string),
                    note: None,
                    by_sex: None,
                    target_by_sex: indicator.target_by_sex.clone(),
                    incomplete: None,
                    sensitive: indicator.is_sensitive(self.project.vocabulary()),
                };
                let Some(plan) = plan else {
                    report.note = Some(
                        "no rule: the indicator is declared but not computed from facts".to_owned(),
                    );
                    return report;
                };
                // The pace is measured from the rule's `from`, else from the start of
                // the due milestone (when the work is done), else from the start of
                // the project.
                let rule_from = match &indicator.rule {
                    Some(Rule::Count { filter, .. } | Rule::Distinct { filter, .. }) => filter.from,
                    Some(Rule::Ratio { numerator, .. }) => match numerator.as_ref() {
                        Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => filter.from,
                        Rule::Ratio { .. } => None,
                    },
                    None => None,
                };
                let milestone_start = indicator
                    .due
                    .milestone
                    .as_ref()
                    .and_then(|m| milestones.iter().find(|x| &x.id == m))
                    .map(|m| m.period.start());
                let window_start = rule_from
                    .or(milestone_start)
                    .unwrap_or(version.period.start());
                match self.evaluate(plan, to, window_start, due, territory) {
                    Err(note) => report.note = Some(note),
                    Ok(mut e) => {
                        if let Some((split, incomplete)) = self.sex_split(plan, to) {
                            // Participants as ESF counts them: complete
                            // records only, the incomplete apart.
                            if let Some(n) = incomplete {
                                e.value = Decimal::from(split.total());
                                e.forecast = forecast(e.value, window_start, to, due);
                                report.incomplete = Some(n);
                            }
                            report.by_sex = Some(ShownSplit::exact(&split));
                        }
                        report.value = Some(e.value);
                        report.forecast = Some(e.forecast);
                        report.by_voivodeship = e.by_voivodeship;
                        report.by_partner = e.by_partner;
                        let target = match indicator.target {
                            Target::Count(n) => Decimal::from(n),
                            Target::Share(rate) => rate.percent(),
                        };
                        report.share_of_target =
                            (!target.is_zero()).then(|| Rate::from_fraction(e.value / target));
                        report.status = status(e.value, e.forecast, target, as_of, due);
                    }
                }
                report
            })
            .collect::<Vec<_>>();
        let milestones = milestones
            .iter()
            .map(|m| {
                let state = if as_of < m.period.start() {
                    MilestoneState::NotStarted
                } else if as_of > m.period.end() {
                    MilestoneState::Finished
                } else {
                    MilestoneState::Running
                };
                let (from, until) = (day(m.period.start()), day(m.period.end()).min(to));
                // Every planned activity, with a planned count or without.
                let activities = m
                    .activities
                    .iter()
                    .map(|a| self.activity_progress(a, m, parts.parts.territory_of(m), from, until))
                    .collect();
                MilestoneReport {
                    id: m.id.clone(),
                    number: m.number,
                    title: m.title.clone(),
                    period: m.period,
                    state,
                    days_passed: m.period.days_passed(as_of),
                    elapsed: elapsed(m.period, as_of),
                    activities,
                }
            })
            .collect::<Vec<_>>();
        Report {
            project: project.id.clone(),
            title: project.title.clone(),
            version: version.id.clone(),
            version_label: version.label.clone(),
            as_of,
            period: version.period,
            days_passed: version.period.days_passed(as_of),
            period_elapsed: elapsed(version.period, as_of),
            by_status: by_status(&indicators),
            indicators,
            groups: groups(project, territory, &milestones),
            milestones,
            budget: self.budget(version, to),
            facts: self.fact_counts(to),
            participants: self.participants_report(as_of),
        }
    }

    /// The counts of facts as of day `to`.
    fn fact_counts(&self, to: i32) -> FactCounts {
        let counts = self.admission.counts();
        let mut excluded_by_reason = counts.excluded_by_reason;
        if self.overfull > 0 {
            *excluded_by_reason
                .entry(Reason::TooManyFacts.code().to_owned())
                .or_default() += self.overfull;
        }
        let vocabulary = self.project.vocabulary();
        let by_kind: Vec<(String, u64)> = vocabulary
            .kinds()
            .iter()
            .filter_map(|k| {
                let n = self.kinds.get(k.id.as_str()).map_or(0, |s| s.up_to(to));
                (n > 0).then(|| (k.id.clone(), u64::try_from(n).unwrap_or(u64::MAX)))
            })
            .collect();
        let rank = |kind: &str| {
            vocabulary
                .kinds()
                .iter()
                .position(|k| k.id == kind)
                .unwrap_or(usize::MAX)
        };
        FactCounts {
            live: by_kind
                .iter()
                .fold(0_u64, |sum, (_, n)| sum.saturating_add(*n)),
            by_kind,
            by_month: {
                let mut months: BTreeMap<(YearMonth, usize, &str), u64> = BTreeMap::new();
                for (kind, series) in &self.kinds {
                    for (month, n) in series.by_month(to) {
                        months.insert(
                            (month, rank(kind), kind.as_str()),
                            u64::try_from(n).unwrap_or(0),
                        );
                    }
                }
                months
                    .into_iter()
                    .filter(|(_, facts)| *facts > 0)
                    .map(|((month, _, kind), facts)| MonthlyFacts {
                        month,
                        kind: kind.to_owned(),
                        facts,
                    })
                    .collect()
            },
            retracted: self.retracted,
            duplicates: counts.duplicates,
            pending_retractions: counts.pending_retractions,
            read: counts.read,
            counted: counts.counted.saturating_sub(self.overfull),
            excluded: counts.excluded + self.overfull,
            excluded_by_reason,
        }
    }

    /// The report of a project with no version: nothing can be dated within
    /// it, so nothing is evaluated.
    fn report_without_version(&self, as_of: NaiveDate) -> Report {
        let note = "the project has no version, so no period, budget or milestones".to_owned();
        let mut report = Report {
            project: self.project.id.clone(),
            title: self.project.title.clone(),
            version: String::new(),
            version_label: String::new(),
            as_of,
            period: crate::period::Period::single_day(as_of),
            days_passed: 0,
            period_elapsed: Rate::from_fraction(Decimal::ZERO),
            by_status: Vec::new(),
            groups: groups(&self.project, &self.project.territory, &[]),
            indicators: self
                .project
                .indicators
                .iter()
                .map(|indicator| IndicatorReport {
                    id: indicator.id.clone(),
                    name: indicator.name.clone(),
                    name_en: indicator.name_en.clone(),
                    kind: indicator.kind,
                    unit: indicator.unit.clone(),
                    target: indicator.target,
                    value: None,
                    share_of_target: None,
                    due: indicator.due.date.unwrap_or(as_of),
                    status: Status::NotEvaluated,
                    forecast: None,
                    by_voivodeship: Vec::new(),
                    by_partner: Vec::new(),
                    rule: indicator.rule.as_ref().map(ToString::to_string),
                    note: Some(note.clone()),
                    by_sex: None,
                    target_by_sex: indicator.target_by_sex.clone(),
                    incomplete: None,
                    sensitive: indicator.is_sensitive(self.project.vocabulary()),
                })
                .collect(),
            milestones: Vec::new(),
            budget: BudgetReport {
                version: String::new(),
                total: Some(Amount::ZERO),
                eu_contribution: Some(Amount::ZERO),
                eu_share: None,
                national_contribution: Some(Amount::ZERO),
                national_share: None,
                spent: Amount::ZERO,
                spent_share: None,
                remaining: Some(Amount::ZERO),
                remaining_share: None,
                partners_planned: Some(Amount::ZERO),
                partners_spent: Amount::ZERO,
                partners_scale: Amount::ZERO,
                by_partner: Vec::new(),
                by_category: Vec::new(),
                by_year: Vec::new(),
                spent_by_month: Vec::new(),
                findings: Vec::new(),
            },
            facts: self.fact_counts(day(as_of)),
            participants: self.participants_report(as_of),
        };
        report.by_status = by_status(&report.indicators);
        report
    }
}

/// The share of `period` passed on `as_of`: its days passed over its days,
/// exact.
impl Engine {
    /// The participants as of `as_of`: complete records by sex, the
    /// incomplete apart, and the counts per support.
    fn participants_report(&self, as_of: NaiveDate) -> ParticipantsReport {
        let count = self.participants.count(Some(as_of));
        ParticipantsReport {
            by_sex: ShownSplit::exact(&count.participants),
            incomplete: count.incomplete,
            supports: self.participants.supports(Some(as_of)),
            small_cell: self.participants.rules().small_cell,
        }
    }
}

pub(super) fn elapsed(period: crate::period::Period, as_of: NaiveDate) -> Rate {
    let days = Decimal::from(period.days().max(1));
    Decimal::from(period.days_passed(as_of))
        .checked_div(days)
        .map_or(Rate::from_fraction(Decimal::ONE), Rate::from_fraction)
}

/// How many of `indicators` have each status, every status in order.
pub(super) fn by_status(indicators: &[IndicatorReport]) -> Vec<StatusCount> {
    Status::ALL
        .iter()
        .map(|&status| StatusCount {
            status,
            indicators: indicators
                .iter()
                .filter(|i| i.status == status)
                .fold(0_u64, |n, _| n.saturating_add(1)),
        })
        .collect()
}
