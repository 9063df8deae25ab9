//! Truthful figures from imperfect sources (issue 13, item 4): a stated count
//! with an incomplete list, amounts the sources do not publish, texts that
//! cannot be read as an amount, and dates stated to the month.
//!
//! Each test builds a small project from one base document and says one thing
//! a user relies on; the findings a test is about are snapshots.

use kooperacja_core::project::Project;
use kooperacja_core::validate::{Severity, Validation, validate};

/// The smallest valid project, with a territory of one powiat and two gminas,
/// to which each test appends or substitutes what it is about.
const BASE: &str = r#"format = 1
id = "minimal"
title = "Projekt"

[programme]
name = "Program"
short = "P"
action = "1.1"
action_name = "Działanie"
fund = "EFS"

[[organisations]]
id = "lider"
role = "leader"
kind = "rops"
name = "Regionalny Ośrodek Polityki Społecznej"

[[versions]]
id = "umowa"
kind = "agreement"
label = "Umowa"
period = "01.01.2020 r. – 31.12.2020 r."

[versions.goal]
text = "Cel"

[versions.budget]
total = "100 000,00 zł"
eu_contribution = "80 000,00 zł"
"#;

/// A territory of one voivodeship, one powiat and two gminas, with `stated`
/// put in `[territory]`.
fn territory(stated: &str) -> String {
    format!(
        r#"
[territory]
{stated}

[[territory.voivodeships]]
code = "04"
name = "kujawsko-pomorskie"
partner = "lider"

[[territory.voivodeships.powiats]]
code = "0410"
name = "nakielski"
gminas = [
  {{ code = "0410033", name = "Nakło nad Notecią", type = "urban-rural" }},
  {{ code = "0410013", name = "Kcynia", type = "urban-rural" }},
]
"#
    )
}

fn parse(text: &str) -> Project {
    Project::parse(text).unwrap_or_else(|e| panic!("the test project parses: {e}\n{text}"))
}

/// The findings whose code starts with one of `prefixes`, one per line.
fn findings(v: &Validation, prefixes: &[&str]) -> String {
    v.findings
        .iter()
        .filter(|f| prefixes.iter().any(|p| f.code.starts_with(p)))
        .map(|f| format!("{} {} at {}: {}\n", f.severity, f.code, f.path, f.message))
        .collect()
}

fn errors(v: &Validation) -> Vec<String> {
    v.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} at {}: {}", f.code, f.path, f.message))
        .collect()
}

// --- 3. A stated count with an incomplete list --------------------------------

#[test]
fn more_gminas_stated_than_listed_is_an_incomplete_list_not_an_error() {
    let text = format!(
        "{BASE}{}",
        territory("stated = { gminas = 30, powiats = 1 }")
    );
    let v = validate(&parse(&text), None);
    assert_eq!(errors(&v), Vec::<String>::new());
    insta::assert_snapshot!(findings(&v, &["territory."]));
}

#[test]
fn more_gminas_listed_than_stated_stays_an_error() {
    let text = format!("{BASE}{}", territory("stated = { gminas = 1 }"));
    let v = validate(&parse(&text), None);
    insta::assert_snapshot!(findings(&v, &["territory."]));
    assert!(v.has_errors());
}

#[test]
fn more_groups_stated_than_the_listed_units_give_is_an_incomplete_list() {
    let groups = r#"
[[groups]]
code = "PGR"
name = "Powiatowa Grupa Refleksyjna"
one_per = "powiat"
stated_count = 20
"#;
    let text = format!("{BASE}{}{groups}", territory(""));
    let v = validate(&parse(&text), None);
    assert_eq!(errors(&v), Vec::<String>::new());
    insta::assert_snapshot!(findings(&v, &["groups."]));
}

#[test]
fn fewer_groups_stated_than_the_listed_units_give_stays_an_error() {
    let groups = r#"
[[groups]]
code = "PGR"
name = "Powiatowa Grupa Refleksyjna"
one_per = "gmina"
stated_count = 1
"#;
    let text = format!("{BASE}{}{groups}", territory(""));
    let v = validate(&parse(&text), None);
    insta::assert_snapshot!(findings(&v, &["groups."]));
    assert!(v.has_errors());
}

#[test]
fn a_selection_of_more_units_than_listed_or_named_is_incomplete() {
    let selection = r#"
[[territory.selections]]
voivodeship = "04"
by = "lider"
month = "2018-04"
gminas = 30
powiats = 1
chosen = ["0410033"]
"#;
    let text = format!("{BASE}{}{selection}", territory(""));
    let v = validate(&parse(&text), None);
    assert_eq!(errors(&v), Vec::<String>::new());
    insta::assert_snapshot!(findings(&v, &["selection."]));
}

#[test]
fn a_selection_of_fewer_units_than_listed_stays_an_error() {
    let selection = r#"
[[territory.selections]]
voivodeship = "04"
by = "lider"
month = "2018-04"
gminas = 1
powiats = 1
"#;
    let text = format!("{BASE}{}{selection}", territory(""));
    let v = validate(&parse(&text), None);
    insta::assert_snapshot!(findings(&v, &["selection."]));
    assert!(v.has_errors());
}
