//! The laws of amendments (docs/indicators.md, "Laws"), each checked on
//! random amendments and fact histories: an indicator not in the version in
//! force yields nothing, and removing it changes no other indicator.

use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{Fact, FactReader, Format};
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;
use kooperacja_core::report::Report;
use proptest::prelude::*;

const FIXTURE: &str = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");

/// The Kooperacja fixture's indicators.
const IDS: [&str; 7] = [
    "jst-piloted",
    "entities-cooperating",
    "models-developed",
    "social-workers-coached",
    "pilot-reports",
    "summary-reports",
    "training-meetings",
];

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 4, 1).expect("a date")
}

/// The fixture with a second amendment, in force `from_day` days after the
/// project starts, that removes the indicators `removed` picks and sets the
/// target of the first one kept to `target`.
fn amended(from_day: i64, removed: &[bool], target: u32) -> Project {
    let from = base() + chrono::Duration::days(from_day);
    let removed_ids: Vec<String> = IDS
        .iter()
        .zip(removed)
        .filter(|(_, r)| **r)
        .map(|(id, _)| format!("{id:?}"))
        .collect();
    let changed = IDS
        .iter()
        .zip(removed)
        .find(|(_, r)| !**r)
        .map(|(id, _)| format!("indicators = [{{ id = {id:?}, target = {target} }}]"))
        .unwrap_or_default();
    let amendment = format!(
        r#"
[[versions]]
id = "aneks-2"
kind = "amendment"
label = "Aneks 2 (synthetic)"
in_force_from = {from}
period = {{ start = 2018-04-01, end = 2022-12-31 }}
goal = {{ text = "cel" }}
budget = {{ total = "31 604 368,34 zł", eu_contribution = "26 736 161,63 zł" }}
removed_indicators = [{}]
{changed}
"#,
        removed_ids.join(", ")
    );
    Project::parse(&format!("{FIXTURE}\n{amendment}")).expect("the amended fixture parses")
}

/// One fact as JSON, of a kind some indicator counts.
fn any_fact(index: usize) -> impl Strategy<Value = String> {
    let what = prop_oneof![
        (0_u8..6).prop_map(|n| format!(
            r#""kind":"agreement","institution":"i{n}","name":"I{n}","sector":"social-assistance""#
        )),
        prop::sample::select(vec!["0410033", "0410013", "0410", "2205023"])
            .prop_map(|jst| format!(r#""kind":"pilot","jst":"{jst}""#)),
        prop::sample::select(vec!["model", "pilot-report", "summary-report"])
            .prop_map(|d| format!(r#""kind":"deliverable","deliverable":"{d}","title":"t""#)),
        (0_u8..8).prop_map(|n| format!(
            r#""kind":"coaching","person":"p{n}","form":"individual","role":"social-worker""#
        )),
        Just(r#""kind":"meeting","activity":"education","days":1"#.to_owned()),
    ];
    (0_i64..1700, what).prop_map(move |(offset, what)| {
        let date = base() + chrono::Duration::days(offset);
        format!(r#"{{"id":"f{index}","date":"{date}","by":"umk","territory":"0410033",{what}}}"#)
    })
}

fn any_history() -> impl Strategy<Value = Vec<String>> {
    (0_usize..30).prop_flat_map(|n| (0..n).map(any_fact).collect::<Vec<_>>())
}

fn facts(lines: &[String]) -> Vec<Fact> {
    let text = lines.join("\n");
    let project = Project::parse(FIXTURE).expect("parses");
    FactReader::new(
        text.as_bytes(),
        Format::JsonLines,
        project.vocabulary().clone(),
        PseudonymKey::from_bytes([5; 32]),
    )
    .map(|f| f.expect("a generated fact reads"))
    .collect()
}

fn report(project: Project, facts: &[Fact], as_of: NaiveDate) -> Report {
    let mut engine = Engine::new(project, None);
    for fact in facts {
        engine.apply(fact);
    }
    engine.report(as_of)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Evaluating an indicator not in the version in force yields nothing:
    /// the report lists exactly the indicators of that version.
    #[test]
    fn an_indicator_not_in_the_version_in_force_yields_nothing(
        from_day in 0_i64..1700,
        removed in prop::collection::vec(any::<bool>(), IDS.len()),
        target in 1_u32..500,
        history in any_history(),
        as_of_day in 0_i64..1800,
    ) {
        let project = amended(from_day, &removed, target);
        let as_of = base() + chrono::Duration::days(as_of_day);
        let in_force = project.in_force(as_of).expect("a version");
        let r = report(project, &facts(&history), as_of);
        let reported: Vec<&str> = r.indicators.iter().map(|i| i.id.as_str()).collect();
        let expected: Vec<&str> = in_force.indicators.iter().map(|i| i.id.as_str()).collect();
        prop_assert_eq!(&reported, &expected);
        if as_of_day >= from_day {
            for (id, _) in IDS.iter().zip(&removed).filter(|(_, r)| **r) {
                prop_assert!(!reported.contains(id), "{} removed but reported", id);
            }
        }
    }

    /// Removing indicators and changing a target leave the value of every
    /// other indicator as it was: the facts stay.
    #[test]
    fn an_amendment_changes_no_value_it_does_not_change(
        from_day in 0_i64..1700,
        removed in prop::collection::vec(any::<bool>(), IDS.len()),
        target in 1_u32..500,
        history in any_history(),
        as_of_day in 0_i64..1800,
    ) {
        let as_of = base() + chrono::Duration::days(as_of_day);
        let facts = facts(&history);
        let plain = report(Project::parse(FIXTURE).expect("parses"), &facts, as_of);
        let amended = report(amended(from_day, &removed, target), &facts, as_of);
        for i in &amended.indicators {
            let before = plain.indicators.iter().find(|x| x.id == i.id).map(|x| x.value);
            prop_assert_eq!(before, Some(i.value), "{}", i.id);
        }
    }
}
