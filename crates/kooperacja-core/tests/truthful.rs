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

// --- 1. Amounts the sources do not publish ------------------------------------

fn report(text: &str, as_of: &str) -> kooperacja_core::report::Report {
    let engine = kooperacja_core::engine::Engine::new(parse(text), None);
    engine.report(as_of.parse().expect("a date"))
}

fn with_budget(budget: &str) -> String {
    BASE.replace(
        "total = \"100 000,00 zł\"\neu_contribution = \"80 000,00 zł\"\n",
        budget,
    )
}

/// A second version (an amendment from 01.07.2020) with `budget`.
fn amended(budget: &str) -> String {
    format!(
        r#"{BASE}
[[versions]]
id = "aneks-1"
kind = "amendment"
label = "Aneks 1"
in_force_from = 2020-07-01
period = "01.01.2020 r. – 31.12.2020 r."

[versions.goal]
text = "Cel"

[versions.budget]
{budget}"#
    )
}

#[test]
fn an_unknown_eu_contribution_is_read_as_unknown() {
    let project = parse(&with_budget(
        "total = \"100 000,00 zł\"\neu_contribution = \"unknown\"\n",
    ));
    let budget = &project.versions[0].budget;
    assert_eq!(budget.eu_contribution.amount, None);
    assert_eq!(budget.national_contribution(), None);
}

#[test]
fn an_unknown_amount_may_name_its_source() {
    let project = parse(&with_budget(
        "total = \"100 000,00 zł\"\neu_contribution = { amount = \"unknown\", source = \"seed 000\" }\n",
    ));
    let eu = &project.versions[0].budget.eu_contribution;
    assert_eq!((eu.amount, eu.source.as_deref()), (None, Some("seed 000")));
}

#[test]
fn an_unknown_amount_is_a_note_of_validation_and_no_error() {
    let text = with_budget("total = \"unknown\"\neu_contribution = \"80 000,00 zł\"\n");
    let v = validate(&parse(&text), None);
    assert_eq!(errors(&v), Vec::<String>::new());
    insta::assert_snapshot!(findings(&v, &["budget.", "amount."]));
}

#[test]
fn the_report_shows_an_unknown_eu_contribution_as_null() {
    let text = with_budget("total = \"100 000,00 zł\"\neu_contribution = \"unknown\"\n");
    let r = report(&text, "2020-06-30");
    assert_eq!(r.budget.eu_contribution, None);
    assert_eq!(r.budget.eu_share, None);
    assert_eq!(r.budget.national_contribution, None);
    let json = serde_json::to_value(&r.budget).expect("serialises");
    assert_eq!(json["eu_contribution"], serde_json::Value::Null);
    assert_eq!(json["total"], "100000.00");
}

#[test]
fn an_unknown_total_leaves_what_depends_on_it_unknown() {
    let text = with_budget("total = \"unknown\"\neu_contribution = \"80 000,00 zł\"\n");
    let r = report(&text, "2020-06-30");
    assert_eq!(r.budget.total, None);
    assert_eq!(r.budget.remaining, None);
    assert_eq!(r.budget.spent_share, None);
    assert!(r.budget.by_year.is_empty());
}

#[test]
fn an_unknown_amount_is_never_taken_from_another_version() {
    let text = amended("total = \"unknown\"\neu_contribution = \"unknown\"\n");
    let before = report(&text, "2020-06-30");
    let after = report(&text, "2020-07-01");
    assert_eq!(
        before.budget.total.map(|a| a.to_plain()).as_deref(),
        Some("100000.00")
    );
    assert_eq!(
        (after.budget.version.as_str(), after.budget.total),
        ("aneks-1", None)
    );
    assert_eq!(after.budget.eu_contribution, None);
}

#[test]
fn the_diff_shows_an_amount_becoming_unknown() {
    let text = amended("total = \"100 000,00 zł\"\neu_contribution = \"unknown\"\n");
    let diff = parse(&text)
        .diff("umowa", "aneks-1")
        .expect("both versions exist");
    let shown: Vec<String> = diff
        .changes
        .iter()
        .map(|c| format!("{}: {} → {}", c.field, c.old, c.new))
        .collect();
    insta::assert_snapshot!(shown.join("\n"));
}

#[test]
fn a_partner_with_an_unknown_budget_is_in_the_plan_with_its_amount_unknown() {
    let text = with_budget(
        r#"total = "100 000,00 zł"
eu_contribution = "80 000,00 zł"

[[versions.budget.partners]]
organisation = "lider"
total = "unknown"
"#,
    );
    let r = report(&text, "2020-06-30");
    let partner = &r.budget.by_partner[0];
    assert_eq!((partner.in_plan, partner.planned), (true, None));
    assert_eq!(r.budget.partners_planned, None);
}

// --- 4. A source's text that cannot be read as an amount ----------------------

#[test]
fn a_source_text_that_is_no_amount_is_kept_with_the_amount_unknown() {
    let text = with_budget(
        "total = { as_written = \"ok. 100 tys. zł\", source = \"seed 000\" }\neu_contribution = \"80 000,00 zł\"\n",
    );
    let project = parse(&text);
    let total = &project.versions[0].budget.total;
    assert_eq!(total.amount, None);
    assert_eq!(total.as_written.as_deref(), Some("ok. 100 tys. zł"));
    let v = validate(&project, None);
    assert_eq!(errors(&v), Vec::<String>::new());
    insta::assert_snapshot!(findings(&v, &["amount."]));
}

#[test]
fn a_source_text_without_an_amount_is_read_as_the_amount() {
    let text = with_budget(
        "total = { as_written = \"100 000, 00 zł\", source = \"seed 000\" }\neu_contribution = \"80 000,00 zł\"\n",
    );
    let project = parse(&text);
    let total = project.versions[0].budget.total.amount;
    assert_eq!(total.map(|a| a.to_plain()).as_deref(), Some("100000.00"));
    insta::assert_snapshot!(findings(&validate(&project, None), &["amount."]));
}

#[test]
fn an_unreadable_source_text_beside_a_stated_amount_is_a_warning() {
    let text = with_budget(
        "total = { amount = \"100 000,00 zł\", as_written = \"sto tysięcy\", source = \"seed 000\" }\neu_contribution = \"80 000,00 zł\"\n",
    );
    let v = validate(&parse(&text), None);
    assert_eq!(errors(&v), Vec::<String>::new());
    insta::assert_snapshot!(findings(&v, &["amount."]));
}

#[test]
fn a_stated_amount_needs_an_amount_or_a_source_text() {
    let text =
        with_budget("total = { source = \"seed 000\" }\neu_contribution = \"80 000,00 zł\"\n");
    let err = Project::parse(&text).expect_err("neither amount nor as_written");
    insta::assert_snapshot!(err.to_string());
}

// --- 2. Dates stated to the month ----------------------------------------------

use kooperacja_core::period::{Period, Precision, StatedDate};
use kooperacja_core::present::{self, Lang};

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().expect("a date")
}

#[test]
fn a_period_stated_to_the_month_runs_from_its_first_to_its_last_day() {
    let p = Period::parse("04.2019 – 03.2020").expect("a month period");
    assert_eq!((p.start(), p.end()), (day("2019-04-01"), day("2020-03-31")));
    assert_eq!(p.whole_months(), Some(12));
    assert_eq!(
        (p.start_precision(), p.end_precision()),
        (Precision::Month, Precision::Month)
    );
}

#[test]
fn a_period_stated_to_the_month_is_shown_as_months() {
    let p = Period::parse("2019-04..2020-03").expect("a month period");
    assert_eq!(present::period(Lang::Pl, p), "04.2019 – 03.2020");
    assert_eq!(present::period(Lang::En, p), "2019-04 – 2020-03");
    assert_eq!(p.to_string(), "2019-04..2020-03");
}

#[test]
fn a_period_may_state_one_end_to_the_day_and_the_other_to_the_month() {
    let p = Period::parse("15.04.2019 r. – 03.2020").expect("a mixed period");
    assert_eq!((p.start(), p.end()), (day("2019-04-15"), day("2020-03-31")));
    assert_eq!(present::period(Lang::Pl, p), "15.04.2019 r. – 03.2020");
}

#[test]
fn a_stated_date_reads_a_day_or_a_month() {
    assert_eq!(
        StatedDate::parse("2019-04").expect("a month").precision(),
        Precision::Month
    );
    assert_eq!(
        StatedDate::parse("01.04.2019 r.")
            .expect("a day")
            .precision(),
        Precision::Day
    );
    assert!(StatedDate::parse("2019-13").is_err());
}

fn with_milestone(period: &str) -> String {
    format!(
        r#"{BASE}
[[versions.milestones]]
id = "KM-I"
number = 1
title = "Etap"
period = {period}
stated_months = 12
"#
    )
}

#[test]
fn a_milestone_stated_to_the_month_validates_and_reports_its_months() {
    let text = with_milestone(r#"{ start = "2020-01", end = "2020-12" }"#);
    let project = parse(&text);
    let v = validate(&project, None);
    assert_eq!(errors(&v), Vec::<String>::new());
    let r = report(&text, "2020-06-30");
    let json = serde_json::to_value(r.milestones[0].period).expect("serialises");
    insta::assert_json_snapshot!(json);
}

#[test]
fn a_version_in_force_from_a_month_is_in_force_from_its_first_day() {
    let text = amended("total = \"100 000,00 zł\"\neu_contribution = \"80 000,00 zł\"\n")
        .replace("in_force_from = 2020-07-01", "in_force_from = \"2020-07\"");
    let project = parse(&text);
    let id = |d: &str| project.version_in_force(day(d)).map(|v| v.id.clone());
    assert_eq!(id("2020-06-30").as_deref(), Some("umowa"));
    assert_eq!(id("2020-07-01").as_deref(), Some("aneks-1"));
}

#[test]
fn a_deadline_stated_to_the_month_is_the_last_day_of_that_month() {
    let text = BASE.replace(
        "text = \"Cel\"\n",
        "text = \"Cel\"\ndeadline = \"12.2020\"\n",
    );
    let project = parse(&text);
    let deadline = project.versions[0].goal.deadline.expect("a deadline");
    assert_eq!(
        (deadline.precision(), deadline.last_day()),
        (Precision::Month, day("2020-12-31"))
    );
    let v = validate(&project, None);
    assert_eq!(v.with_code("goal.deadline-mismatch").count(), 0);
}

#[test]
fn the_diff_shows_a_deadline_stated_to_the_month_as_a_month() {
    let text = amended("total = \"100 000,00 zł\"\neu_contribution = \"80 000,00 zł\"\n")
        .replacen("text = \"Cel\"\n", "text = \"Cel\"\ndeadline = 2020-12-31\n", 1)
        .replacen(
            "[versions.goal]\ntext = \"Cel\"\n\n[versions.budget]\ntotal = \"100 000,00 zł\"\neu_contribution = \"80 000,00 zł\"\n",
            "[versions.goal]\ntext = \"Cel\"\ndeadline = \"2020-12\"\n\n[versions.budget]\ntotal = \"100 000,00 zł\"\neu_contribution = \"80 000,00 zł\"\n",
            1,
        );
    let diff = parse(&text)
        .diff("umowa", "aneks-1")
        .expect("both versions exist");
    let shown: Vec<String> = diff
        .changes
        .iter()
        .map(|c| format!("{}: {} → {}", c.field, c.old, c.new))
        .collect();
    insta::assert_snapshot!(shown.join("\n"));
}
