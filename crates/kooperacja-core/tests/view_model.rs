//! The report is the complete view model: the totals, shares, joins and
//! counts it carries for adapters equal what an independent computation over
//! the report's own parts (or the project file) gives. Each property runs over
//! synthetic fact histories of both fixtures at many dates.

use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::money::{Amount, Rate};
use kooperacja_core::project::Project;
use kooperacja_core::report::{MilestoneState, Report, Status};
use kooperacja_core::synthetic::Generator;
use kooperacja_core::territory::Register;
use proptest::prelude::*;
use rust_decimal::Decimal;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{rel}")).expect("readable fixture")
}

static REGISTER: LazyLock<Arc<Register>> = LazyLock::new(|| {
    Arc::new(
        Register::parse_terc(&read("fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"))
            .expect("register parses"),
    )
});

static PROJECTS: LazyLock<[Arc<Project>; 2]> = LazyLock::new(|| {
    let parse = |name: &str| {
        Arc::new(
            Project::parse(&read(&format!("fixtures/projects/{name}.toml")))
                .expect("fixture parses"),
        )
    };
    [
        parse("kooperacja-makroregion-ii"),
        parse("koordynacja-kujawy-pomorze"),
    ]
});

/// An engine over `count` synthetic facts (seed `seed`) of fixture `which`.
fn engine(which: usize, seed: u64, count: u64) -> Engine {
    let project = Arc::clone(&PROJECTS[which % 2]);
    let mut engine = Engine::new(Arc::clone(&project), Some(Arc::clone(&REGISTER)));
    for fact in Generator::new(&project, &REGISTER, seed, count).expect("units") {
        engine.apply(&fact);
    }
    engine
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // From before the fixtures' periods to after them.
    (0_u64..4000)
        .prop_map(|d| NaiveDate::from_ymd_opt(2016, 6, 1).expect("valid") + chrono::Days::new(d))
}

/// part / whole as an exact fraction, computed here with plain decimals.
/// part / whole; `None` when either is unknown or the whole is zero.
fn fraction(part: Option<Amount>, whole: Option<Amount>) -> Option<Decimal> {
    let (part, whole) = (part?, whole?);
    (!whole.as_decimal().is_zero()).then(|| part.as_decimal() / whole.as_decimal())
}

fn report_cases() -> impl Strategy<Value = Report> {
    (0_usize..2, 0_u64..1000, 0_u64..400, any_date())
        .prop_map(|(which, seed, count, as_of)| engine(which, seed, count).report(as_of))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The live-fact total is the counts by kind summed.
    #[test]
    fn live_facts_are_the_counts_by_kind_summed(r in report_cases()) {
        let summed: u64 = r.facts.by_kind.iter().map(|(_, n)| n).sum();
        prop_assert_eq!(r.facts.live, summed);
    }

    /// Each budget share is its amount over the total value, exactly.
    #[test]
    fn budget_shares_are_amounts_over_the_total(r in report_cases()) {
        let b = &r.budget;
        for (share, part) in [
            (b.eu_share, b.eu_contribution),
            (b.national_share, b.national_contribution),
            (b.spent_share, Some(b.spent)),
            (b.remaining_share, b.remaining),
        ] {
            prop_assert_eq!(share.map(Rate::fraction), fraction(part, b.total).map(|f| f.normalize()));
        }
    }

    /// A partner's plan share is its budget over the total value, and what
    /// remains of its budget is its budget less its spending.
    #[test]
    fn partner_shares_and_remainders_follow_from_plan_and_spending(r in report_cases()) {
        let b = &r.budget;
        for p in &b.by_partner {
            let planned_share = fraction(p.planned, b.total);
            prop_assert_eq!(p.planned_share.map(Rate::fraction), planned_share.map(|f| f.normalize()));
            let share = fraction(Some(p.spent), p.planned);
            prop_assert_eq!(p.share.map(Rate::fraction), share.map(|f| f.normalize()));
            prop_assert_eq!(
                p.remaining.map(Amount::as_decimal),
                p.planned.map(|planned| planned.as_decimal() - p.spent.as_decimal())
            );
        }
    }

    /// The partners' totals are their column sums: the planned total is the
    /// stated partner budgets of the version summed, the spent total is the
    /// whole spending.
    #[test]
    fn partner_totals_are_the_column_sums(r in report_cases()) {
        let b = &r.budget;
        let project = PROJECTS.iter().find(|p| p.id == r.project).expect("the project");
        let (_, version) = project.version(&b.version).expect("the version measured against");
        let stated: Option<Decimal> = version.budget.partners.iter().map(|p| p.total.amount.map(Amount::as_decimal)).sum();
        prop_assert_eq!(b.partners_planned.map(Amount::as_decimal), stated);
        let spent: Decimal = b.by_partner.iter().map(|p| p.spent.as_decimal()).sum();
        prop_assert_eq!(b.partners_spent.as_decimal(), spent);
        prop_assert_eq!(b.partners_spent, b.spent);
    }

    /// The partners' scale is the largest amount a chart of them shows.
    #[test]
    fn partner_scale_is_the_largest_partner_amount(r in report_cases()) {
        let b = &r.budget;
        let largest = b
            .by_partner
            .iter()
            .flat_map(|p| [p.planned.unwrap_or(Amount::ZERO), p.spent])
            .fold(Amount::ZERO, std::cmp::max);
        prop_assert_eq!(b.partners_scale, largest);
    }

    /// The period's elapsed share is its days passed over its days, and a
    /// milestone's is 0 before it starts and 1 once it has ended.
    #[test]
    fn elapsed_shares_are_days_passed_over_days(r in report_cases()) {
        let whole = Decimal::from(r.period.days());
        prop_assert_eq!(r.period_elapsed.fraction(), (Decimal::from(r.days_passed) / whole).normalize());
        for m in &r.milestones {
            let whole = Decimal::from(m.period.days());
            prop_assert_eq!(m.elapsed.fraction(), (Decimal::from(m.days_passed) / whole).normalize());
            match m.state {
                MilestoneState::NotStarted => prop_assert_eq!(m.elapsed.fraction(), Decimal::ZERO),
                MilestoneState::Finished => prop_assert_eq!(m.elapsed.fraction(), Decimal::ONE),
                MilestoneState::Running => prop_assert!(m.elapsed.fraction() > Decimal::ZERO),
            }
        }
    }

    /// The counts by status are every status once, in order, and count the
    /// indicators that have it.
    #[test]
    fn counts_by_status_count_the_indicators(r in report_cases()) {
        let statuses: Vec<Status> = r.by_status.iter().map(|c| c.status).collect();
        prop_assert_eq!(statuses, Status::ALL.to_vec());
        for c in &r.by_status {
            let n = r.indicators.iter().filter(|i| i.status == c.status).count();
            prop_assert_eq!(c.indicators, n as u64);
        }
    }

    /// Each kind of group carries exactly the milestone activities it meets
    /// for, in milestone order, with the number of groups its territory calls
    /// for.
    #[test]
    fn groups_carry_the_activities_they_meet_for(r in report_cases()) {
        let project = PROJECTS.iter().find(|p| p.id == r.project).expect("the project");
        let codes: Vec<&str> = r.groups.iter().map(|g| g.code.as_str()).collect();
        let declared: Vec<&str> = project.groups.iter().map(|g| g.code.as_str()).collect();
        prop_assert_eq!(codes, declared);
        for (g, kind) in r.groups.iter().zip(&project.groups) {
            prop_assert_eq!(g.expected, project.expected_groups(kind.one_per) as u64);
            let expected: Vec<(String, Option<u32>, u64)> = r
                .milestones
                .iter()
                .flat_map(|m| m.activities.iter().map(move |a| (m, a)))
                .filter(|(_, a)| a.group.as_deref() == Some(g.code.as_str()))
                .map(|(m, a)| (m.id.clone(), a.planned, a.held))
                .collect();
            let carried: Vec<(String, Option<u32>, u64)> = g
                .meetings
                .iter()
                .map(|m| (m.milestone.clone(), m.planned, m.held))
                .collect();
            prop_assert_eq!(carried, expected);
        }
    }
}

/// The budget names the version it was measured against: the version in
/// force, or the one asked for.
#[test]
fn the_budget_names_the_version_it_is_measured_against() {
    let engine = engine(0, 1, 200);
    let as_of = NaiveDate::from_ymd_opt(2020, 9, 30).expect("valid");
    let in_force = engine.report(as_of);
    assert_eq!(in_force.budget.version, in_force.version);
    let original = engine
        .report_for_version(as_of, "umowa")
        .expect("the fixture has the version umowa");
    assert_eq!(original.budget.version, "umowa");
    assert_eq!(original.version, "umowa");
}

/// The report against the version in force, named, is the report.
#[test]
fn the_report_for_the_version_in_force_is_the_report() {
    let engine = engine(0, 2, 200);
    let as_of = NaiveDate::from_ymd_opt(2020, 9, 30).expect("valid");
    let report = engine.report(as_of);
    assert_eq!(
        engine.report_for_version(as_of, &report.version),
        Some(report)
    );
}

/// A version the project does not have gives no report.
#[test]
fn an_unknown_version_gives_no_report() {
    let engine = engine(1, 3, 10);
    let as_of = NaiveDate::from_ymd_opt(2024, 6, 30).expect("valid");
    assert_eq!(engine.report_for_version(as_of, "no-such-version"), None);
}

/// Against another version the facts are the same: the spending and the
/// fact counts do not depend on the version measured against.
#[test]
fn another_version_measures_the_same_facts() {
    let engine = engine(0, 4, 300);
    let as_of = NaiveDate::from_ymd_opt(2020, 9, 30).expect("valid");
    let report = engine.report(as_of);
    let original = engine
        .report_for_version(as_of, "umowa")
        .expect("the fixture has the version umowa");
    assert_eq!(original.budget.spent, report.budget.spent);
    assert_eq!(original.facts, report.facts);
    assert_ne!(original.budget.total, report.budget.total);
}
