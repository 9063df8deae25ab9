//! Issue 11, the engine's part: input that parses never panics, never wraps a
//! sum, never blows up memory, and every adapter counts the same facts. Each
//! test names the defect it guards against.

use chrono::NaiveDate;
use kooperacja_core::engine::{Applied, Engine};
use kooperacja_core::fact_check::FactCheck;
use kooperacja_core::facts::{Fact, FactReader, Format};
use kooperacja_core::project::Project;
use kooperacja_core::territory::Register;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

/// The vocabulary of the seed fixtures (format 1's kinds, declared).
fn fixture_vocabulary() -> std::sync::Arc<kooperacja_core::vocabulary::Vocabulary> {
    std::sync::Arc::clone(
        Project::parse(include_str!(
            "../../../fixtures/projects/kooperacja-makroregion-ii.toml"
        ))
        .expect("fixture parses")
        .vocabulary(),
    )
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{rel}")).expect("fixture readable")
}

fn kooperacja() -> Project {
    Project::parse(&read("projects/kooperacja-makroregion-ii.toml")).expect("fixture parses")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn facts_of(jsonl: &str) -> Vec<Fact> {
    FactReader::new(
        jsonl.as_bytes(),
        Format::JsonLines,
        fixture_vocabulary(),
        kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]),
    )
    .map(|r| r.expect("every record is good"))
    .collect()
}

fn expenditure(id: usize, amount: &str, category: &str, day: &str) -> String {
    format!(
        r#"{{"id":"e{id}","date":"{day}","by":"umk","kind":"expenditure","partner":"umk","amount":"{amount}","category":"{category}"}}"#
    )
}

/// 100 expenditures of the largest amount: the spent total is the exact sum of
/// the expenditures that count, never a wrapped (negative) number.
#[test]
fn large_expenditures_never_wrap_the_spent_total() {
    let project = kooperacja();
    let lines: Vec<String> = (0..100)
        .map(|i| expenditure(i, "999999999999999.99", "x", "2019-05-01"))
        .collect();
    let facts = facts_of(&lines.join("\n"));
    let mut engine = Engine::new(project.clone(), None);
    let mut counted: i128 = 0;
    for fact in &facts {
        if engine.apply(fact) == Applied::Added {
            counted += 99_999_999_999_999_999;
        }
    }
    let report = engine.report(date(2022, 12, 31));
    assert_eq!(report.budget.spent.grosze(), counted);
    let by_partner: i128 = report
        .budget
        .by_partner
        .iter()
        .map(|p| p.spent.grosze())
        .sum();
    assert_eq!(by_partner, counted);
}

/// More than 64 distinct leaf rules: the engine evaluates every one of them.
#[test]
fn more_than_64_rules_are_evaluated() {
    let mut text = read("projects/kooperacja-makroregion-ii.toml");
    for n in 0..70 {
        text.push_str(&format!(
            "\n[[indicators]]\nid = \"extra-{n}\"\nkind = \"product\"\nname = \"extra {n}\"\nunit = \"facts\"\ntarget = 1\nrule = {{ count = \"facts\", kind = [\"deliverable\"], from = {} }}\n",
            date(2018, 4, 1) + chrono::Days::new(n)
        ));
    }
    let project = Project::parse(&text).expect("project parses");
    let facts = facts_of(
        r#"{"id":"d1","date":"2019-03-15","by":"umk","kind":"deliverable","deliverable":"model","title":"Model"}"#,
    );
    let mut engine = Engine::new(project.clone(), None);
    for f in &facts {
        let _ = engine.apply(f);
    }
    let report = engine.report(date(2019, 3, 31));
    let extra: Vec<_> = report
        .indicators
        .iter()
        .filter(|i| i.id.starts_with("extra-"))
        .collect();
    assert_eq!(extra.len(), 70);
    assert!(extra.iter().all(|i| i.value == Some(1.into())));
}

/// A project with no version (the parser refuses one, but a `Project` value can
/// still be built): the report says so instead of panicking.
#[test]
fn a_project_without_versions_reports_without_panicking() {
    let mut project = kooperacja();
    project.versions.clear();
    let engine = Engine::new(project.clone(), None);
    let report = engine.report(date(2019, 3, 31));
    assert!(report.indicators.iter().all(|i| i.value.is_none()));
}

/// A fact outside the project's period, from an unknown organisation or outside
/// its territory does not count toward any indicator.
#[test]
fn facts_that_do_not_fit_the_project_do_not_count() {
    let project = kooperacja();
    let facts = facts_of(concat!(
        r#"{"id":"d1","date":"2030-03-15","by":"umk","kind":"deliverable","deliverable":"model","title":"Model"}"#,
        "\n",
        r#"{"id":"d2","date":"2019-03-15","by":"acme","kind":"deliverable","deliverable":"model","title":"Model"}"#,
        "\n",
        r#"{"id":"p1","date":"2019-10-01","by":"umk","territory":"1261","kind":"pilot","jst":"1261"}"#,
    ));
    let mut engine = Engine::new(project.clone(), None);
    for f in &facts {
        let _ = engine.apply(f);
    }
    let report = engine.report(date(2031, 1, 1));
    let value = |id: &str| {
        report
            .indicators
            .iter()
            .find(|i| i.id == id)
            .and_then(|i| i.value)
    };
    assert_eq!(value("models-developed"), Some(0.into()));
    let pilots: u64 = report
        .facts
        .by_kind
        .iter()
        .filter(|(k, _)| k == "pilot")
        .map(|(_, n)| n)
        .sum();
    assert_eq!(pilots, 0);
}

/// A retraction of a retraction is an error for `validate --facts`, in either
/// order of the two retractions.
#[test]
fn a_retraction_of_a_retraction_is_an_error_in_either_order() {
    let project = kooperacja();
    let fact = r#"{"id":"d1","date":"2019-03-15","by":"umk","kind":"deliverable","deliverable":"model","title":"Model"}"#;
    let r1 = r#"{"id":"r1","date":"2019-03-16","by":"umk","kind":"retraction","retracts":"d1","reason":"x"}"#;
    let r2 = r#"{"id":"r2","date":"2019-03-17","by":"umk","kind":"retraction","retracts":"r1","reason":"x"}"#;
    for order in [[fact, r1, r2], [fact, r2, r1]] {
        let facts = facts_of(&order.join("\n"));
        let mut check = FactCheck::new(&project, None);
        let mut codes: Vec<&str> = Vec::new();
        for f in &facts {
            codes.extend(check.check(f).iter().map(|x| x.code));
        }
        codes.extend(check.finish().iter().map(|x| x.code));
        codes.sort_unstable();
        assert_eq!(codes, ["fact.retracts-retraction"], "order {order:?}");
    }
}

/// One defect carried by two fields is one finding naming both.
#[test]
fn one_defect_in_two_fields_is_one_finding() {
    let project = kooperacja();
    let register =
        Register::parse_terc(&read("teryt/TERC_Urzedowy_2025-11-18.csv")).expect("register parses");
    let facts = facts_of(concat!(
        r#"{"id":"p3","date":"2019-10-01","by":"umk","territory":"1261","kind":"pilot","jst":"1261"}"#,
        "\n",
        r#"{"id":"e1","date":"2019-10-01","by":"acme","kind":"expenditure","partner":"acme","amount":"10.00","category":"x"}"#,
    ));
    let mut check = FactCheck::new(&project, Some(&register));
    for fact in &facts {
        let findings = check.check(fact);
        assert_eq!(findings.len(), 1, "{findings:?}");
    }
    let pilot = check_one(&project, &register, &facts[0]);
    assert!(
        pilot.contains("territory") && pilot.contains("jst"),
        "{pilot}"
    );
    let spent = check_one(&project, &register, &facts[1]);
    assert!(spent.contains("by") && spent.contains("partner"), "{spent}");
}

fn check_one(project: &Project, register: &Register, fact: &Fact) -> String {
    let mut check = FactCheck::new(project, Some(register));
    check
        .check(fact)
        .into_iter()
        .map(|f| f.message)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The sample's group coaching (6 sessions of 15 persons each in KM-I) shows
/// as held in the milestone view.
#[test]
fn coaching_facts_count_toward_the_planned_coaching() {
    let project = kooperacja();
    let facts = facts_of(&read("facts/kooperacja-sample.jsonl"));
    let mut engine = Engine::new(project.clone(), None);
    for f in &facts {
        let _ = engine.apply(f);
    }
    let report = engine.report(date(2019, 3, 31));
    let km1 = report
        .milestones
        .iter()
        .find(|m| m.id == "KM-I")
        .expect("KM-I");
    let coaching = km1
        .activities
        .iter()
        .find(|a| a.text.starts_with("coaching grupowy"))
        .expect("group coaching is planned");
    assert_eq!(coaching.planned, Some(6));
    assert_eq!(coaching.held, 6);
}

/// The synthetic generator (benchmarks, tests) writes only facts that count:
/// within the project's territory, roles and sectors.
#[test]
fn every_generated_fact_counts() {
    let register =
        Register::parse_terc(&read("teryt/TERC_Urzedowy_2025-11-18.csv")).expect("register parses");
    for name in ["kooperacja-makroregion-ii", "koordynacja-kujawy-pomorze"] {
        let project =
            Project::parse(&read(&format!("projects/{name}.toml"))).expect("fixture parses");
        let mut engine = Engine::new(project.clone(), Some(std::sync::Arc::new(register.clone())));
        for fact in
            kooperacja_core::synthetic::Generator::new(&project, &register, 1, 5000).expect("units")
        {
            engine.apply(&fact);
        }
        let report = engine.report(date(2030, 1, 1));
        assert_eq!(
            report.facts.excluded, 0,
            "{name}: {:?}",
            report.facts.excluded_by_reason
        );
    }
}
