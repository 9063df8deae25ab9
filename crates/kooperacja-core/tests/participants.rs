//! Participants in the project file, the validation and the report: what a
//! coordinator relies on when a project declares `[participants]` and splits
//! targets by sex, and what a read without a token may show.

use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{FactReader, Format};
use kooperacja_core::participant::{Cell, Sex};
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;
use kooperacja_core::report::Report;
use kooperacja_core::validate::validate;
use rust_decimal::Decimal;

const FIXTURE: &str = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
const FACTS: &str = include_str!("../../../fixtures/facts/kooperacja-sample.jsonl");

/// The fixture with `extra` appended to its `social-workers-coached` indicator
/// (the keys go into that table, which is the file's fourth indicator) and
/// `tail` at the end of the file.
fn project(extra: &str, tail: &str) -> Project {
    let anchor = "id = \"social-workers-coached\"\n";
    assert!(FIXTURE.contains(anchor), "the fixture has the indicator");
    let text = FIXTURE.replacen(anchor, &format!("{anchor}{extra}\n"), 1) + tail;
    Project::parse(&text).expect("the changed fixture parses")
}

fn codes(project: &Project) -> Vec<&'static str> {
    validate(project, None)
        .findings
        .iter()
        .map(|f| f.code)
        .collect()
}

fn report(project: Project) -> Report {
    let vocabulary = project.vocabulary().clone();
    let mut engine = Engine::new(project, None);
    for fact in FactReader::new(
        FACTS.as_bytes(),
        Format::JsonLines,
        vocabulary,
        PseudonymKey::from_bytes([0; 32]),
    ) {
        engine.apply(&fact.expect("the sample's facts are good"));
    }
    engine.report("2020-09-30".parse().expect("a date"))
}

#[test]
fn a_target_by_sex_that_adds_up_is_accepted() {
    let p = project("target_by_sex = { K = 70, M = 30 }", "");
    assert!(!codes(&p).iter().any(|c| c.starts_with("indicator.target")));
}

#[test]
fn a_target_by_sex_that_does_not_add_up_is_an_error() {
    let p = project("target_by_sex = { K = 70, M = 20 }", "");
    assert!(codes(&p).contains(&"indicator.target-by-sex-sum"));
}

#[test]
fn a_target_by_sex_of_an_undeclared_category_is_an_error() {
    let p = project("target_by_sex = { K = 70, N = 30 }", "");
    assert!(codes(&p).contains(&"indicator.target-sex-undeclared"));
}

#[test]
fn a_required_datum_that_is_not_declared_is_an_error() {
    let p = project(
        "",
        "\n[participants]\nrequired = [\"sex\", \"education\"]\n",
    );
    assert!(codes(&p).contains(&"participants.unknown-required"));
}

#[test]
fn a_threshold_below_the_statistics_law_is_a_warning() {
    let p = project("", "\n[participants]\nsmall_cell = 2\n");
    assert!(codes(&p).contains(&"participants.small-cell-below-law"));
}

#[test]
fn the_report_carries_the_target_by_sex() {
    let r = report(project("target_by_sex = { K = 70, M = 30 }", ""));
    let i = r
        .indicators
        .iter()
        .find(|i| i.id == "social-workers-coached")
        .expect("the indicator");
    let target = i.target_by_sex.as_ref().expect("a target by sex");
    assert_eq!((target[&Sex::K], target[&Sex::M]), (70, 30));
}

/// The sample's coached persons have no entry facts, so each is of unknown
/// sex; ogółem is the indicator's value.
#[test]
fn a_person_indicator_is_split_by_sex_with_the_unknown_apart() {
    let r = report(project("", ""));
    let i = r
        .indicators
        .iter()
        .find(|i| i.id == "social-workers-coached")
        .expect("the indicator");
    let split = i.by_sex.as_ref().expect("a person indicator has a split");
    assert_eq!(split.total, Cell::Shown(95));
    assert_eq!(split.unknown, Cell::Shown(95));
    assert_eq!(split.by_sex[&Sex::K], Cell::Shown(0));
    assert_eq!(i.value, Some(Decimal::from(95)));
    let jst = r
        .indicators
        .iter()
        .find(|i| i.id == "jst-piloted")
        .expect("the indicator");
    assert_eq!(jst.by_sex, None, "JST are not persons");
}

/// With a threshold of 6 the partners with 5 coached persons are left out of
/// the public read; the coordinator's report keeps them.
#[test]
fn a_read_without_a_token_leaves_out_small_parts_of_person_indicators() {
    let exact = report(project("", "\n[participants]\nsmall_cell = 6\n"));
    let mut public = exact.clone();
    public.suppress_persons();
    let find = |r: &Report| {
        r.indicators
            .iter()
            .find(|i| i.id == "social-workers-coached")
            .expect("the indicator")
            .clone()
    };
    let (exact, public) = (find(&exact), find(&public));
    assert!(exact.by_partner.iter().any(|p| p.value == Decimal::from(5)));
    assert!(
        public
            .by_partner
            .iter()
            .all(|p| p.value >= Decimal::from(6)),
        "{:?}",
        public.by_partner
    );
    assert_eq!(public.value, exact.value, "the total stays");
    let jst_exact = exact.by_voivodeship.len();
    assert_eq!(
        public.by_voivodeship.len(),
        jst_exact,
        "parts of 15 and 20 stay"
    );
}

/// The worked example of `docs/indicators.md` ("Participants and the split
/// by sex").
#[test]
fn the_worked_example_of_the_indicators_page() {
    use kooperacja_core::participant::{Entry, ParticipantsDecl, Registry};
    let key = PseudonymKey::from_bytes([9; 32]);
    let person = |p: &str| key.person(p).expect("a valid key");
    let day = |d| chrono::NaiveDate::from_ymd_opt(2024, 3, d).expect("a date");
    let entries = || {
        vec![
            Entry::new("e-2", person("a"), day(20)).sex(Sex::M).age(41),
            Entry::new("e-1", person("a"), day(4)).sex(Sex::K).age(40),
            Entry::new("e-3", person("b"), day(5)).sex(Sex::K),
            Entry::new("e-4", person("c"), day(6)).age(30),
        ]
    };
    let count = |decl: &str| {
        let mut r = Registry::new(&toml::from_str::<ParticipantsDecl>(decl).expect("parses"));
        entries().into_iter().for_each(|e| {
            r.enter(e);
        });
        let c = r.count(None);
        let p = &c.participants;
        (
            p.total(),
            p.of(Sex::K),
            p.of(Sex::M),
            p.unknown(),
            c.incomplete,
            r.incomplete(),
        )
    };
    let (total, k, m, unknown, incomplete, named) = count(r#"required = ["sex", "age"]"#);
    assert_eq!(
        (total, k, m, unknown, incomplete),
        (1, Some(1), Some(0), 0, 2)
    );
    let named: Vec<&str> = named.iter().map(|i| i.fact.as_str()).collect();
    assert_eq!(named, ["e-3", "e-4"]);
    let (total, k, m, unknown, incomplete, _) = count(r#"required = ["age"]"#);
    assert_eq!(
        (total, k, m, unknown, incomplete),
        (2, Some(1), Some(0), 1, 1)
    );
}

/// A project with `[participants]` requiring sex and age, and an indicator
/// counting participants, target 10 split 6/4.
fn with_participants() -> Project {
    project(
        "",
        r#"
[participants]
sexes = ["K", "M"]
required = ["sex", "age"]

[[indicators]]
id = "participants"
kind = "product"
name = "Liczba uczestników"
unit = "osoby"
target = 10
target_by_sex = { K = 6, M = 4 }
rule = { distinct = "participant", kind = ["entry"] }
"#,
    )
}

/// Entries: `p-1` enters twice (first as K), `p-2` is M, `p-3` has no age.
const ENTRIES: &str = concat!(
    r#"{"id":"e-2","date":"2019-03-20","by":"umk","kind":"entry","participant":"p-1","sex":"M","age":41}"#,
    "\n",
    r#"{"id":"e-1","date":"2019-03-04","by":"umk","kind":"entry","participant":"p-1","sex":"K","age":40}"#,
    "\n",
    r#"{"id":"e-4","date":"2019-03-06","by":"umk","kind":"entry","participant":"p-2","sex":"M","birth_year":1980}"#,
    "\n",
    r#"{"id":"e-3","date":"2019-03-05","by":"umk","kind":"entry","participant":"p-3","sex":"K"}"#,
    "\n",
);

fn facts(project: &Project, text: &str) -> Vec<kooperacja_core::facts::Fact> {
    FactReader::new(
        text.as_bytes(),
        Format::JsonLines,
        project.vocabulary().clone(),
        PseudonymKey::from_bytes([0; 32]),
    )
    .map(|f| f.expect("a good fact"))
    .collect()
}

#[test]
fn participants_are_counted_once_with_the_first_entry_and_complete_records_only() {
    let p = with_participants();
    let facts = facts(&p, ENTRIES);
    let mut engine = Engine::new(p, None);
    facts.iter().for_each(|f| {
        engine.apply(f);
    });
    let r = engine.report("2019-12-31".parse().expect("a date"));
    let i = r
        .indicators
        .iter()
        .find(|i| i.id == "participants")
        .expect("the indicator");
    assert_eq!(
        i.value,
        Some(Decimal::from(2)),
        "p-1 once, p-2; p-3 is incomplete"
    );
    assert_eq!(i.incomplete, Some(1));
    let split = i.by_sex.as_ref().expect("split");
    assert_eq!(
        (split.by_sex[&Sex::K], split.by_sex[&Sex::M]),
        (Cell::Shown(1), Cell::Shown(1))
    );
    assert_eq!(r.participants.by_sex.total, Cell::Shown(2));
    assert_eq!(r.participants.incomplete, 1);
}

#[test]
fn retracting_the_first_entry_makes_the_re_entry_the_first() {
    let p = with_participants();
    let retraction = r#"{"id":"r-1","date":"2019-04-01","by":"umk","kind":"retraction","retracts":"e-1","reason":"wrong person"}"#;
    let all = facts(&p, &format!("{ENTRIES}{retraction}\n"));
    let mut engine = Engine::new(p, None);
    all.iter().for_each(|f| {
        engine.apply(f);
    });
    let r = engine.report("2019-12-31".parse().expect("a date"));
    let i = r
        .indicators
        .iter()
        .find(|i| i.id == "participants")
        .expect("the indicator");
    let split = i.by_sex.as_ref().expect("split");
    assert_eq!(
        (split.by_sex[&Sex::K], split.by_sex[&Sex::M]),
        (Cell::Shown(0), Cell::Shown(2))
    );
}

#[test]
fn fact_validation_names_the_entry_missing_a_required_datum_by_fact_id() {
    let p = with_participants();
    let all = facts(&p, ENTRIES);
    let mut check = kooperacja_core::fact_check::FactCheck::new(&p, None);
    let mut findings = Vec::new();
    for fact in &all {
        findings.extend(check.check(fact));
    }
    findings.extend(check.finish());
    let incomplete: Vec<_> = findings
        .iter()
        .filter(|f| f.code == "participant.incomplete")
        .collect();
    assert_eq!(incomplete.len(), 1, "{findings:?}");
    assert_eq!(incomplete[0].path, "facts[e-3]");
    assert!(incomplete[0].message.contains("age"));
    assert!(!incomplete[0].message.contains("ps-"), "never the person");
}

/// A project counting participants with a disability (a characteristic
/// declared sensitive) and all participants; threshold 5.
fn with_a_sensitive_indicator() -> Project {
    project(
        "",
        r#"
[participants]
sexes = ["K", "M"]
required = ["sex"]
characteristics = [
  { id = "disability", type = "enum", values = ["yes", "no"], sensitive = true },
]

[[indicators]]
id = "participants-with-disability"
kind = "product"
name = "Liczba uczestników z niepełnosprawnościami"
unit = "osoby"
target = 10
rule = { distinct = "participant", kind = ["entry"], disability = ["yes"] }

[[indicators]]
id = "participants"
kind = "product"
name = "Liczba uczestników"
unit = "osoby"
target = 10
rule = { distinct = "participant", kind = ["entry"] }
"#,
    )
}

/// A read without a token shows neither the value nor the split of a small
/// count by a sensitive characteristic; the coordinator's report keeps them,
/// and an indicator that counts by no sensitive field keeps its value.
#[test]
fn a_small_count_by_a_sensitive_characteristic_is_hidden_from_a_read_without_a_token() {
    let p = with_a_sensitive_indicator();
    let text = concat!(
        r#"{"id":"e-1","date":"2019-03-04","by":"umk","kind":"entry","participant":"p-1","sex":"K","disability":"yes"}"#,
        "\n",
        r#"{"id":"e-2","date":"2019-03-05","by":"umk","kind":"entry","participant":"p-2","sex":"M","disability":"yes"}"#,
        "\n",
        r#"{"id":"e-3","date":"2019-03-06","by":"umk","kind":"entry","participant":"p-3","sex":"M","disability":"no"}"#,
        "\n",
    );
    let facts = facts(&p, text);
    let mut engine = Engine::new(p, None);
    for fact in &facts {
        engine.apply(fact);
    }
    let exact = engine.report("2020-09-30".parse().expect("a date"));
    let mut public = exact.clone();
    public.suppress_persons();
    let find = |r: &Report, id: &str| {
        r.indicators
            .iter()
            .find(|i| i.id == id)
            .expect("the indicator")
            .clone()
    };
    let sensitive = find(&exact, "participants-with-disability");
    assert!(sensitive.sensitive);
    assert_eq!(sensitive.value, Some(Decimal::from(2)));
    let hidden = find(&public, "participants-with-disability");
    assert_eq!(hidden.value, None);
    assert_eq!(hidden.by_sex.expect("a split").total, Cell::Hidden);
    let plain = find(&public, "participants");
    assert!(!plain.sensitive);
    assert_eq!(plain.value, Some(Decimal::from(3)));
}
