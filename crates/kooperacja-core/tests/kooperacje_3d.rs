//! The third fixture, „Kooperacje 3D” (Macroregion III): its public facts
//! (K3-01..K3-24 of `docs/decisions.md ("Any ESF project (issue 13)")`, each with its source) checked
//! on the project file and, through the indicator engine, on its sample facts.
//! Each check names its fact: `// FACT: K3-14`.
//!
//! The values on the sample facts were computed independently of the engine, by
//! reading the JSON Lines file as the rules say (the values and how they were
//! computed: `docs/decisions.md ("Any ESF project (issue 13)")`, "Values on the sample facts").

use chrono::NaiveDate;
use kooperacja_core::engine::{Applied, Engine};
use kooperacja_core::facts::{Fact, FactReader, Format};
use kooperacja_core::project::Project;
use kooperacja_core::report::{IndicatorReport, Report};
use kooperacja_core::territory::Register;
use kooperacja_core::validate::{Severity, validate};
use rust_decimal::Decimal;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{rel}")).expect("fixture readable")
}

fn project() -> Project {
    Project::parse(&read("projects/kooperacje-3d-makroregion-iii.toml")).expect("fixture parses")
}

fn register() -> Register {
    Register::parse_terc(&read("teryt/TERC_Urzedowy_2025-11-18.csv")).expect("register parses")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

/// Every sample fact, read against the project's own vocabulary; all must be good.
fn sample(project: &Project) -> Vec<Fact> {
    FactReader::new(
        read("facts/kooperacje-3d-sample.jsonl").as_bytes(),
        Format::JsonLines,
        std::sync::Arc::clone(project.vocabulary()),
        kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]),
    )
    .map(|r| r.expect("every record is good"))
    .collect()
}

/// An engine with every sample fact applied; none may be refused.
fn engine(project: &Project) -> Engine {
    let mut engine = Engine::new(project.clone(), Some(std::sync::Arc::new(register())));
    for fact in sample(project) {
        let applied = engine.apply(&fact);
        assert!(
            !matches!(applied, Applied::Excluded(_)),
            "{}: {applied:?}",
            fact.id
        );
    }
    engine
}

fn indicator<'r>(report: &'r Report, id: &str) -> &'r IndicatorReport {
    report
        .indicators
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("indicator {id} in the report"))
}

fn value(report: &Report, id: &str) -> Option<Decimal> {
    indicator(report, id).value
}

#[test]
fn the_third_fixture_validates_without_errors() {
    let project = project();
    let v = validate(&project, Some(&register()));
    let errors: Vec<String> = v
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} at {}: {}", f.code, f.path, f.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn every_sample_fact_is_read_against_the_declared_vocabulary() {
    let project = project();
    assert_eq!(sample(&project).len(), 941);
}

#[test]
fn the_project_declares_the_kinds_it_records() {
    // FACT: K3-14, K3-15 (coaching and supervision in hours), K3-11 (declarations),
    // K3-17 (families), K3-21 (COVID-19 rehabilitation stays)
    let project = project();
    let vocabulary = project.vocabulary();
    for kind in [
        "agreement",
        "partnership",
        "declaration",
        "meeting",
        "coaching",
        "supervision",
        "support-plan",
        "deliverable",
        "covid-rehab",
    ] {
        assert!(vocabulary.kind(kind).is_some(), "{kind}");
    }
}

#[test]
fn the_leader_and_the_three_partners() {
    // FACT: K3-02
    let project = project();
    let ids: Vec<(&str, &str)> = project
        .organisations
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            (
                "rops-katowice",
                "Regionalny Ośrodek Polityki Społecznej Województwa Śląskiego"
            ),
            (
                "rcps-lodz",
                "Regionalne Centrum Polityki Społecznej w Łodzi"
            ),
            (
                "rops-krakow",
                "Regionalny Ośrodek Polityki Społecznej w Krakowie"
            ),
            (
                "rops-opole",
                "Regionalny Ośrodek Polityki Społecznej w Opolu"
            ),
        ]
    );
}

#[test]
fn the_agreement_lists_the_towns_the_sources_name() {
    // FACT: K3-03, K3-05 (15 in śląskie), K3-06 (8 in łódzkie), K3-07 (5 in
    // małopolskie); opolskie's are named by no source found
    let project = project();
    let per: Vec<(&str, usize)> = project
        .territory
        .voivodeships
        .iter()
        .map(|v| {
            (
                v.code.as_str(),
                v.powiats.iter().map(|p| p.gminas.len()).sum(),
            )
        })
        .collect();
    assert_eq!(per, [("24", 15), ("10", 8), ("12", 5), ("16", 0)]);
}

#[test]
fn the_periods_of_the_versions() {
    // FACT: K3-12 (agreement to 31.03.2021), K3-20 (30.06.2021), K3-21 (31.12.2022),
    // K3-22 (30.09.2023)
    let project = project();
    let ends: Vec<(&str, String)> = project
        .versions
        .iter()
        .map(|v| (v.id.as_str(), v.period.end().to_string()))
        .collect();
    assert_eq!(
        ends,
        [
            ("umowa", "2021-03-31".to_owned()),
            ("aneks-2020", "2021-06-30".to_owned()),
            ("aneks-2022", "2022-12-31".to_owned()),
            ("aneks-2023", "2023-09-30".to_owned()),
        ]
    );
}

#[test]
fn the_version_in_force_on_a_day() {
    // FACT: K3-12, K3-20, K3-21, K3-22 (the in_force_from dates are assumed)
    let project = project();
    let id = |d| project.version_in_force(d).map(|v| v.id.as_str());
    assert_eq!(id(date(2019, 6, 1)), Some("umowa"));
    assert_eq!(id(date(2020, 10, 1)), Some("aneks-2020"));
    assert_eq!(id(date(2022, 6, 1)), Some("aneks-2022"));
    assert_eq!(id(date(2023, 6, 1)), Some("aneks-2023"));
}

#[test]
fn the_jst_of_the_pilot_on_the_sample() {
    // FACT: K3-04 (target 50 JST), K3-10, K3-11 (the Tomaszów PZK: a town and its
    // powiat); the sample forms a PZK in 26 of the 28 listed towns: 42 JST
    let project = project();
    let report = engine(&project).report(date(2020, 12, 31));
    let jst = indicator(&report, "jst-piloted");
    assert_eq!(jst.target.to_string(), "50");
    assert_eq!(jst.value, Some(dec("42")));
}

#[test]
fn the_lodz_coaching_of_2018_is_the_201_hours_the_source_states() {
    // FACT: K3-14: 16 social workers, 201 clock hours in 2018
    let project = project();
    let report = engine(&project).report(date(2018, 12, 31));
    assert_eq!(value(&report, "coaching-hours"), Some(dec("201")));
}

#[test]
fn coaching_and_supervision_hours_on_the_sample() {
    // FACT: K3-15 (hours of coaching and of supervision are what the project
    // measures); the duplicate session retracted in the sample is not counted (505
    // with it)
    let project = project();
    let report = engine(&project).report(date(2020, 12, 31));
    assert_eq!(value(&report, "coaching-hours"), Some(dec("503")));
    assert_eq!(value(&report, "supervision-hours"), Some(dec("84")));
}

#[test]
fn a_family_counts_once_however_many_plan_facts_name_it() {
    // FACT: K3-17 (5 to 10 persons/families per gmina: target 150, derived); the
    // sample opens 128 plans and completes 88 of them
    let project = project();
    let report = engine(&project).report(date(2020, 12, 31));
    assert_eq!(value(&report, "households-supported"), Some(dec("128")));
    assert_eq!(value(&report, "support-plans-completed"), Some(dec("88")));
}

#[test]
fn the_model_and_the_recommendation_book() {
    // FACT: K3-13 (the model adopted on 29.03.2019), K3-19 (the Recommendation
    // Book by 31.03.2021)
    let project = project();
    let engine = engine(&project);
    assert_eq!(
        value(&engine.report(date(2019, 3, 28)), "models-developed"),
        Some(dec("0"))
    );
    assert_eq!(
        value(&engine.report(date(2019, 3, 29)), "models-developed"),
        Some(dec("1"))
    );
    assert_eq!(
        value(&engine.report(date(2021, 3, 31)), "recommendation-books"),
        Some(dec("1"))
    );
}

#[test]
fn institutions_joining_a_pzk_count_once() {
    // FACT: K3-11 (nine institutions joined the Tomaszów PZK on 16.10.2019); the
    // sample has 118 institutions, one of them declared twice
    let project = project();
    let report = engine(&project).report(date(2019, 10, 16));
    let tomaszow = indicator(&report, "entities-cooperating");
    assert!(tomaszow.value >= Some(dec("9")));
    let report = engine(&project).report(date(2020, 12, 31));
    assert_eq!(value(&report, "entities-cooperating"), Some(dec("118")));
}

#[test]
fn the_households_target_as_amended() {
    // SYNTHETIC: the target change of aneks-2020 (150 → 120) is the fixture's one
    // invented figure, standing for the reformulated goals of K3-15; 150 is derived
    // from K3-17
    let project = project();
    let engine = engine(&project);
    let target = |d| {
        indicator(&engine.report(d), "households-supported")
            .target
            .to_string()
    };
    assert_eq!(target(date(2020, 8, 31)), "150");
    assert_eq!(target(date(2020, 9, 1)), "120");
}

#[test]
fn the_cus_and_di_meetings_are_evaluated_only_from_the_amendment_that_adds_them() {
    // FACT: K3-21 (the CUS and DI activities added in 2022), K3-23 (the Opole
    // meeting of 27.04.2023); the sample holds three synthetic meetings of 2022
    let project = project();
    let engine = engine(&project);
    let before = engine.report(date(2021, 12, 31));
    assert!(before.indicators.iter().all(|i| i.id != "cus-di-meetings"));
    assert_eq!(
        value(&engine.report(date(2023, 9, 30)), "cus-di-meetings"),
        Some(dec("4"))
    );
}
