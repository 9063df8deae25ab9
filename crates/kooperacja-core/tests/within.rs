//! `within` in indicator rules: its codes are checked against the register,
//! and a ratio's units denominator counts the units within it.

use chrono::NaiveDate;
use kooperacja_core::area::Within;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{FactReader, Format};
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;
use kooperacja_core::territory::Register;
use kooperacja_core::validate::validate;
use rust_decimal::Decimal;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

/// F-11's denominator as the FERS fixture writes it.
const DENOMINATOR: &str = r#"denominator = { units = "jst" }"#;

/// The FERS fixture with F-11's denominator replaced by `denominator`.
fn koordynacja(denominator: &str) -> Project {
    let text = std::fs::read_to_string(format!(
        "{FIXTURES}/projects/koordynacja-kujawy-pomorze.toml"
    ))
    .expect("fixture readable");
    assert!(text.contains(DENOMINATOR));
    Project::parse(&text.replacen(DENOMINATOR, denominator, 1)).expect("project parses")
}

/// F-11 (the share of JST with a DI plan) with one DI plan, of powiat
/// nakielski (0410): 100 divided by the number of units the denominator counts.
fn share_of_one(project: &Project) -> Option<Decimal> {
    let line = r#"{"id":"di","date":"2024-09-01","by":"rops-torun","territory":"0410","kind":"di-plan","jst":"0410"}"#;
    let fact = FactReader::new(
        line.as_bytes(),
        Format::JsonLines,
        project.vocabulary().clone(),
        PseudonymKey::from_bytes([0; 32]),
    )
    .next()?
    .ok()?;
    let mut engine = Engine::new(project.clone(), Some(Register::embedded()));
    engine.apply(&fact);
    let report = engine.report(NaiveDate::from_ymd_opt(2025, 11, 30)?);
    report
        .indicators
        .iter()
        .find(|i| i.id == "jst-di-plans")?
        .value
}

fn dec(text: &str) -> Option<Decimal> {
    text.parse().ok()
}

#[test]
fn a_within_code_not_in_the_register_is_a_located_error() {
    let project = koordynacja(r#"denominator = { units = "jst", within = "0499" }"#);
    let v = validate(&project, Some(&Register::embedded()));
    let found: Vec<_> = v.with_code("teryt.within-unknown").collect();
    assert_eq!(found.len(), 1, "{:?}", v.findings);
    assert!(
        found[0].path.ends_with(".rule.ratio.denominator.within"),
        "{}",
        found[0].path
    );
    assert_eq!(
        found[0].message,
        "within names 0499 not in the TERC register of 2025-11-18; expected official codes"
    );
}

#[test]
fn a_within_code_in_the_register_gives_no_finding() {
    let project = koordynacja(r#"denominator = { units = "jst", within = "0410" }"#);
    let v = validate(&project, Some(&Register::embedded()));
    assert_eq!(v.with_code("teryt.within-unknown").count(), 0);
}

#[test]
fn a_units_denominator_counts_the_units_within_its_code() {
    // Powiat nakielski and its 5 gminas: 1 of 6 JST.
    let project = koordynacja(r#"denominator = { units = "jst", within = "0410" }"#);
    assert_eq!(share_of_one(&project), dec("16.6667"));
}

#[test]
fn a_units_denominator_without_within_counts_the_project_voivodeships() {
    // Kujawsko-pomorskie: 23 powiats and 144 gminas.
    assert_eq!(share_of_one(&koordynacja(DENOMINATOR)), dec("0.5988"));
}

/// The FERS fixture with F-11's numerator replaced by `numerator`.
fn koordynacja_numerator(numerator: &str) -> Project {
    let text = std::fs::read_to_string(format!(
        "{FIXTURES}/projects/koordynacja-kujawy-pomorze.toml"
    ))
    .expect("fixture readable");
    let written = r#"numerator = { distinct = "jst", kind = ["di-plan"] }"#;
    assert!(text.contains(written));
    Project::parse(&text.replacen(written, numerator, 1)).expect("project parses")
}

#[test]
fn a_units_denominator_within_project_counts_the_project_area() {
    // The FERS project lists voivodeship 04 alone: its area is all of it.
    let project = koordynacja(r#"denominator = { units = "jst", within = "project" }"#);
    assert_eq!(share_of_one(&project), dec("0.5988"));
}

#[test]
fn a_units_denominator_within_a_list_counts_the_units_of_each() {
    // Nakielski (1 + 5 gminas) and tucholski (1 + 6 gminas): 13 JST.
    let project = koordynacja(r#"denominator = { units = "jst", within = ["0410", "0416"] }"#);
    assert_eq!(share_of_one(&project), dec("7.6923"));
}

#[test]
fn the_project_area_of_makroregion_ii_is_its_50_jst() {
    let text = std::fs::read_to_string(format!(
        "{FIXTURES}/projects/kooperacja-makroregion-ii.toml"
    ))
    .expect("fixture readable");
    let project = Project::parse(&text).expect("project parses");
    let register = Register::embedded();
    let jst = Within::Project
        .units(&register, &project.territory)
        .filter(|u| u.is_jst())
        .count();
    assert_eq!(jst, 50);
}

#[test]
fn units_level_gmina_leaves_out_a_powiat_fact() {
    let project = koordynacja_numerator(
        r#"numerator = { distinct = "jst", kind = ["di-plan"], units_level = "gmina" }"#,
    );
    // The one DI plan is powiat nakielski's.
    assert_eq!(share_of_one(&project), dec("0"));
}

#[test]
fn units_level_powiat_keeps_a_powiat_fact() {
    let project = koordynacja_numerator(
        r#"numerator = { distinct = "jst", kind = ["di-plan"], units_level = "powiat" }"#,
    );
    assert_eq!(share_of_one(&project), dec("0.5988"));
}

#[test]
fn a_filter_within_a_list_keeps_a_fact_in_any_of_them() {
    let project = koordynacja_numerator(
        r#"numerator = { distinct = "jst", kind = ["di-plan"], within = ["0416", "0410"] }"#,
    );
    assert_eq!(share_of_one(&project), dec("0.5988"));
}

#[test]
fn a_filter_within_a_list_leaves_out_a_fact_in_none_of_them() {
    let project = koordynacja_numerator(
        r#"numerator = { distinct = "jst", kind = ["di-plan"], within = ["0416", "0407"] }"#,
    );
    assert_eq!(share_of_one(&project), dec("0"));
}
