//! The budget by task and the claim schedule of the project fixtures: what
//! validation says of them (`budget.*`, `claim.*` findings).

use kooperacja_core::project::Project;
use kooperacja_core::validate::{Severity, validate};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

fn project(rel: &str) -> Project {
    let text = std::fs::read_to_string(format!("{FIXTURES}/{rel}")).expect("fixture readable");
    Project::parse(&text).expect("fixture parses")
}

fn plan_findings(p: &Project) -> Vec<String> {
    validate(p, None)
        .findings
        .iter()
        .filter(|f| f.code.starts_with("budget.") && f.code != "budget.eu-rate-mismatch")
        .chain(
            validate(p, None)
                .findings
                .iter()
                .filter(|f| f.code.starts_with("claim.")),
        )
        .map(|f| format!("{} {} {}: {}", f.severity, f.code, f.path, f.message))
        .collect()
}

#[test]
fn the_kooperacja_budget_by_task_adds_up_in_both_versions() {
    let p = project("projects/kooperacja-makroregion-ii.toml");
    assert_eq!(plan_findings(&p), Vec::<String>::new());
}

#[test]
fn the_kooperacja_claim_schedule_is_contiguous_over_the_amended_period() {
    let p = project("projects/kooperacja-makroregion-ii.toml");
    let schedule = &p.payment_schedule;
    assert_eq!(schedule.len(), 19);
    assert_eq!(schedule[0].period.start().to_string(), "2018-04-01");
    assert_eq!(schedule[18].period.end().to_string(), "2022-12-31");
    assert!(kooperacja_core::claim::schedule_findings(&p).is_empty());
}

#[test]
fn a_fixture_whose_sources_publish_no_lines_gets_a_note_not_a_warning() {
    for rel in [
        "projects/koordynacja-kujawy-pomorze.toml",
        "projects/kooperacje-3d-makroregion-iii.toml",
    ] {
        let p = project(rel);
        let v = validate(&p, None);
        let notes: Vec<_> = v.with_code("budget.no-lines").collect();
        assert_eq!(notes.len(), p.versions.len(), "{rel}");
        assert!(notes.iter().all(|f| f.severity == Severity::Info), "{rel}");
    }
}

/// The base of the corpus of bad plans (`fixtures/invalid/80-…` onward): each
/// file of it is this document with one defect.
const PLAN_BASE: &str = r#"format = 1
id = "minimal"
title = "Projekt"

[programme]
name = "Program"
short = "P"
action = "1.1"
action_name = "Działanie"
fund = "EFS"

[programme.rules]
source = "Wytyczne, podrozdział 8.4"
indirect_rates = [{ up_to = "830 000,00 zł", rate = "25 %" }, { rate = "20 %" }]
cross_financing_limit = "10 %"
fixed_assets_limit = "10 %"
claim_kinds = ["advance", "settlement", "final"]

[[organisations]]
id = "lider"
role = "leader"
kind = "rops"
name = "Regionalny Ośrodek Polityki Społecznej"

[[tasks]]
number = 1
title = "Szkolenia"

[[versions]]
id = "umowa"
kind = "agreement"
label = "Umowa"
period = "01.01.2020 r. – 31.12.2020 r."

[versions.goal]
text = "Cel"

[versions.budget]
total = "125 000,00 zł"
eu_contribution = "100 000,00 zł"
direct_costs = "100 000,00 zł"
indirect_costs = { flat_rate = "25 %", rounding = "down" }
financing = [{ source = "state-budget" }]

[[versions.budget.tasks]]
task = 1
total = "100 000,00 zł"
lines = [
  { id = "1.1", name = "Szkolenia", partner = "lider", category = "szkolenia", unit = "szkolenie", quantity = "10", unit_price = "10 000,00 zł", total = "100 000,00 zł" },
]

[[payment_schedule]]
number = 1
period = { start = 2020-01-01, end = 2020-06-30 }
kinds = ["advance", "settlement"]

[[payment_schedule]]
number = 2
period = { start = 2020-07-01, end = 2020-12-31 }
kinds = ["settlement", "final"]"#;

#[test]
fn the_base_of_the_corpus_of_bad_plans_has_no_finding_of_the_plan() {
    let p = Project::parse(PLAN_BASE).expect("the base parses");
    assert_eq!(plan_findings(&p), Vec::<String>::new());
}

#[test]
fn a_version_without_lines_and_without_a_reason_gets_a_warning() {
    let text = PLAN_BASE
        .split("\n[[versions.budget.tasks]]")
        .next()
        .expect("the base has a budget by task")
        .to_owned();
    let p = Project::parse(&text).expect("parses without the tasks");
    let v = validate(&p, None);
    let found: Vec<_> = v
        .with_code("budget.no-lines")
        .map(|f| (f.severity, f.path.as_str()))
        .collect();
    assert_eq!(found, [(Severity::Warning, "versions[0].budget.tasks")]);
}
