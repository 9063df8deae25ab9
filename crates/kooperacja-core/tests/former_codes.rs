//! Territory through time: a unit declared under a former code
//! (`[[territory.former_codes]]`) is one unit under both codes, and findings about
//! it name the register's date.
//!
//! The change used here is an illustration: Kcynia (`0410013`, urban-rural in
//! the TERC register of 2025-11-18) is given a made-up former rural code
//! `0410012`.

use chrono::NaiveDate;
use kooperacja_core::admission::Reason;
use kooperacja_core::engine::{Applied, Engine};
use kooperacja_core::fact_check::FactCheck;
use kooperacja_core::facts::{Fact, FactReader, Format};
use kooperacja_core::project::Project;
use kooperacja_core::territory::{Register, TerytCode};
use kooperacja_core::validate::{Severity, validate};
use rust_decimal::Decimal;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

const FORMER: &str = r#"
[[territory.former_codes]]
code = "0410012"
now = "0410013"
until = 2021-12-31
source = "an illustration"
"#;

/// The FERS fixture (one voivodeship, 04; F-11 is the share of JST with a DI
/// plan), with `extra` appended to the file.
fn koordynacja(extra: &str) -> Project {
    let text = std::fs::read_to_string(format!(
        "{FIXTURES}/projects/koordynacja-kujawy-pomorze.toml"
    ))
    .expect("fixture readable");
    Project::parse(&format!("{text}\n{extra}")).expect("project parses")
}

fn di_plan(project: &Project, id: &str, code: &str) -> Fact {
    let line = format!(
        r#"{{"id":"{id}","date":"2024-09-01","by":"rops-torun","territory":"{code}","kind":"di-plan","jst":"{code}"}}"#
    );
    FactReader::new(
        line.as_bytes(),
        Format::JsonLines,
        project.vocabulary().clone(),
        kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]),
    )
    .next()
    .expect("one record")
    .expect("a good record")
}

/// F-11's value after applying `facts`, and what each application did.
fn f11(project: &Project, facts: &[Fact]) -> (Option<Decimal>, Vec<Applied>) {
    let mut engine = Engine::new(project.clone(), Some(Register::embedded()));
    let applied = facts.iter().map(|f| engine.apply(f)).collect();
    let report = engine.report(NaiveDate::from_ymd_opt(2025, 11, 30).expect("a date"));
    let value = report
        .indicators
        .iter()
        .find(|i| i.id == "jst-di-plans")
        .expect("F-11")
        .value;
    (value, applied)
}

#[test]
fn a_fact_under_the_former_code_counts_for_the_unit() {
    let project = koordynacja(FORMER);
    let now_only = f11(&project, &[di_plan(&project, "a", "0410013")]).0;
    let (former_only, applied) = f11(&project, &[di_plan(&project, "b", "0410012")]);
    assert!(
        matches!(applied.as_slice(), [Applied::Added]),
        "{applied:?}"
    );
    assert_eq!(former_only, now_only);
    assert!(former_only.is_some_and(|v| v > Decimal::ZERO));
}

#[test]
fn a_unit_under_both_codes_is_one_jst() {
    let project = koordynacja(FORMER);
    let once = f11(&project, &[di_plan(&project, "a", "0410013")]).0;
    let both = f11(
        &project,
        &[
            di_plan(&project, "a", "0410013"),
            di_plan(&project, "b", "0410012"),
        ],
    )
    .0;
    assert_eq!(both, once);
}

#[test]
fn without_the_declaration_the_former_code_is_excluded_with_a_hint() {
    let project = koordynacja("");
    let (_, applied) = f11(&project, &[di_plan(&project, "b", "0410012")]);
    assert!(
        matches!(
            applied.as_slice(),
            [Applied::Excluded(Reason::TerritoryUnknown)]
        ),
        "{applied:?}"
    );
    let register = Register::embedded();
    let findings =
        FactCheck::new(&project, Some(&register)).check(&di_plan(&project, "b", "0410012"));
    let message = &findings.first().expect("a finding").message;
    assert!(
        message.contains("not in the TERC register of 2025-11-18")
            && message.contains("0410013 (Kcynia, urban-rural) has the same gmina number")
            && message.contains("[[territory.former_codes]]"),
        "{message}"
    );
}

#[test]
fn a_declared_former_code_is_a_note_naming_the_register_date() {
    let project = koordynacja(FORMER);
    let v = validate(&project, Some(&Register::embedded()));
    let notes: Vec<_> = v.with_code("teryt.former-code").collect();
    assert_eq!(notes.len(), 1, "{:?}", v.findings);
    assert_eq!(notes[0].severity, Severity::Info);
    assert_eq!(notes[0].path, "territory.former_codes[0]");
    assert_eq!(
        notes[0].message,
        "0410012 (its code until 2021-12-31) is counted as 0410013 (Kcynia, urban-rural in the TERC register of 2025-11-18): facts, units and `within` under either code are one unit"
    );
    assert!(!v.has_errors(), "{:?}", v.error_lines());
}

/// The code of each error finding of the project with `extra` appended.
fn errors(extra: &str) -> Vec<(&'static str, String)> {
    let project = koordynacja(extra);
    validate(&project, Some(&Register::embedded()))
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.code, f.path))
        .collect()
}

#[test]
fn a_former_code_whose_now_is_not_in_the_register_is_an_error() {
    assert_eq!(
        errors("[[territory.former_codes]]\ncode = \"0410012\"\nnow = \"0410019\"\n"),
        [(
            "teryt.former-code-unknown",
            "territory.former_codes[0].now".to_owned()
        )]
    );
}

#[test]
fn a_current_unit_cannot_be_a_former_code() {
    // Mrocza (0410023) is a unit of its own.
    assert_eq!(
        errors("[[territory.former_codes]]\ncode = \"0410023\"\nnow = \"0410013\"\n"),
        [(
            "teryt.former-code-current",
            "territory.former_codes[0].code".to_owned()
        )]
    );
}

#[test]
fn a_former_code_declared_twice_is_an_error() {
    assert_eq!(
        errors(&format!("{FORMER}{FORMER}")),
        [(
            "territory.former-code-duplicate",
            "territory.former_codes[1].code".to_owned()
        )]
    );
}

#[test]
fn a_former_code_of_another_level_is_an_error() {
    assert_eq!(
        errors("[[territory.former_codes]]\ncode = \"0410012\"\nnow = \"0410\"\n"),
        [(
            "territory.former-code-level",
            "territory.former_codes[0]".to_owned()
        )]
    );
}

#[test]
fn a_chain_of_former_codes_is_an_error() {
    let chain = "[[territory.former_codes]]\ncode = \"0410011\"\nnow = \"0410012\"\n";
    assert_eq!(
        errors(&format!("{FORMER}{chain}")),
        [(
            "territory.former-code-chain",
            "territory.former_codes[1].now".to_owned()
        )]
    );
}

#[test]
fn a_listed_gmina_under_its_former_code_is_checked_under_its_code_now() {
    // The territory lists Kcynia under the former code: no teryt.unknown-code.
    let text = std::fs::read_to_string(format!(
        "{FIXTURES}/projects/kooperacja-makroregion-ii.toml"
    ))
    .expect("fixture readable");
    let listed = r#"{ code = "0410013", name = "Kcynia", type = "urban-rural" }"#;
    assert!(text.contains(listed));
    let old = text.replacen(
        listed,
        r#"{ code = "0410012", name = "Kcynia", type = "urban-rural" }"#,
        1,
    );
    let register = Register::embedded();
    let without = validate(&Project::parse(&old).expect("parses"), Some(&register));
    let unknown: Vec<_> = without.with_code("teryt.unknown-code").collect();
    assert_eq!(unknown.len(), 1);
    assert!(
        unknown[0]
            .message
            .contains("if the gmina changed type, declare"),
        "{}",
        unknown[0].message
    );
    let with = Project::parse(&format!("{old}\n{FORMER}")).expect("parses");
    let v = validate(&with, Some(&register));
    // Checked against the register under 0410013: no teryt.* error. The type
    // checks read the code as listed: its type digit 2 (rural) contradicts the
    // listed type, as it would without a former code.
    let codes: Vec<&str> = v
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, ["territory.gmina-type-mismatch"]);
    assert!(
        with.territory
            .contains(&TerytCode::parse("0410013").expect("a code"))
    );
}
