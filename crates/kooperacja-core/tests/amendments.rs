//! Amendments change what they change: each version's indicators, area,
//! partners and milestones, the version in force on a date, and `diff`. The
//! project is `fixtures/amendments/zmiany.toml`: an agreement (umowa) and one
//! amendment (aneks-1, in force from 2024-07-01) that changes a part of
//! every kind.

use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{Fact, FactReader, Format};
use kooperacja_core::present::{Lang, located};
use kooperacja_core::project::{Project, Value};
use kooperacja_core::pseudonym::PseudonymKey;
use kooperacja_core::report::Report;
use kooperacja_core::territory::Level;
use kooperacja_core::validate::{Severity, validate};

const ZMIANY: &str = include_str!("../../../fixtures/amendments/zmiany.toml");

fn zmiany() -> Project {
    Project::parse(ZMIANY).expect("the fixture parses")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// Before the amendment, and after it.
fn before() -> NaiveDate {
    day(2024, 6, 30)
}
fn after() -> NaiveDate {
    day(2024, 7, 1)
}

fn facts(jsonl: &str) -> Vec<Fact> {
    FactReader::new(
        jsonl.as_bytes(),
        Format::JsonLines,
        zmiany().vocabulary().clone(),
        PseudonymKey::from_bytes([3; 32]),
    )
    .map(|f| f.expect("a valid fact"))
    .collect()
}

/// Two team meetings and a seminar in the first half of 2024; a support of
/// a family after the amendment.
const FACTS: &str = r#"{"id":"m1","date":"2024-02-01","by":"rops","territory":"0410013","kind":"meeting","group":"ZK","days":1}
{"id":"m2","date":"2024-03-01","by":"rops","territory":"0410013","kind":"meeting","group":"ZK","days":1}
{"id":"s1","date":"2024-04-01","by":"rops","territory":"0410013","kind":"meeting","activity":"seminar","days":1}
{"id":"f1","date":"2024-08-01","by":"rops","territory":"0410013","kind":"support","family":"rodzina-1"}
"#;

fn report(as_of: NaiveDate) -> Report {
    let mut engine = Engine::new(zmiany(), None);
    for fact in facts(FACTS) {
        engine.apply(&fact);
    }
    engine.report(as_of)
}

fn ids(r: &Report) -> Vec<&str> {
    r.indicators.iter().map(|i| i.id.as_str()).collect()
}

// --- The version in force -------------------------------------------------

#[test]
fn a_format_1_file_s_top_level_parts_are_the_first_version_s() {
    let p = Project::parse(include_str!(
        "../../../fixtures/projects/kooperacja-makroregion-ii.toml"
    ))
    .expect("parses");
    for v in p.resolved_versions() {
        assert_eq!(v.indicators, p.indicators, "{}", v.id);
        assert_eq!(v.territory, p.territory, "{}", v.id);
        assert_eq!(v.partners.len(), 6, "{}", v.id);
        assert_eq!(v.milestones.len(), 4, "{}", v.id);
    }
}

#[test]
fn an_indicator_removed_by_an_amendment_is_not_reported_after_it() {
    assert!(ids(&report(before())).contains(&"seminars"));
    assert!(!ids(&report(after())).contains(&"seminars"));
}

#[test]
fn the_facts_of_a_removed_indicator_stay() {
    // Measured against the agreement, the seminar still counts.
    let mut engine = Engine::new(zmiany(), None);
    for fact in facts(FACTS) {
        engine.apply(&fact);
    }
    let r = engine
        .report_for_version(after(), "umowa")
        .expect("a version");
    let seminars = r.indicators.iter().find(|i| i.id == "seminars");
    assert_eq!(seminars.and_then(|i| i.value), Some(1.into()));
    assert_eq!(report(day(2024, 9, 1)).facts.live, 4);
}

#[test]
fn an_indicator_added_by_an_amendment_is_reported_from_it() {
    assert!(!ids(&report(before())).contains(&"families"));
    let r = report(day(2024, 9, 1));
    let families = r.indicators.iter().find(|i| i.id == "families");
    assert_eq!(families.and_then(|i| i.value), Some(1.into()));
}

#[test]
fn a_changed_target_is_the_target_of_the_version_in_force() {
    let target = |r: &Report| {
        r.indicators
            .iter()
            .find(|i| i.id == "meetings")
            .map(|i| i.target.to_string())
    };
    assert_eq!(target(&report(before())).as_deref(), Some("12"));
    assert_eq!(target(&report(after())).as_deref(), Some("30"));
}

#[test]
fn the_report_lists_the_milestones_of_the_version_in_force() {
    let milestones =
        |r: &Report| -> Vec<String> { r.milestones.iter().map(|m| m.id.clone()).collect() };
    assert_eq!(milestones(&report(before())), ["KM-I", "KM-II"]);
    assert_eq!(milestones(&report(after())), ["KM-I", "KM-IIa", "KM-IIb"]);
}

#[test]
fn partners_join_and_leave() {
    let p = zmiany();
    let partners = |as_of| p.in_force(as_of).expect("a version").partners;
    assert_eq!(partners(before()), ["fundacja"]);
    assert_eq!(partners(after()), ["uczelnia"]);
}

#[test]
fn the_area_of_the_version_in_force_sets_the_groups_expected() {
    let expected = |r: &Report| r.groups.iter().find(|g| g.code == "ZK").map(|g| g.expected);
    assert_eq!(expected(&report(before())), Some(1));
    assert_eq!(expected(&report(after())), Some(2));
}

#[test]
fn a_milestone_may_name_its_own_units() {
    let v = zmiany().in_force(after()).expect("a version");
    let phase = v.milestone("KM-IIa").expect("a milestone");
    assert_eq!(v.territory_of(phase).count(Level::Gmina), 1);
    assert_eq!(v.territory.count(Level::Gmina), 2);
}

#[test]
fn a_plan_per_unit_and_month_gives_the_planned_count() {
    // 6 a month in each of 2 powiats over the 12 months of KM-IIb.
    let r = report(day(2025, 8, 1));
    let km = r
        .milestones
        .iter()
        .find(|m| m.id == "KM-IIb")
        .expect("KM-IIb");
    let a = km.activities.first().expect("an activity");
    assert_eq!(a.planned, Some(144));
    assert_eq!(a.planned_per_group, Some(72));
}

#[test]
fn an_activity_without_a_planned_count_is_in_the_milestone_view() {
    let r = report(before());
    let km = r.milestones.iter().find(|m| m.id == "KM-I").expect("KM-I");
    let texts: Vec<&str> = km.activities.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        ["badanie instytucji i rodzin", "12 spotkań zespołów"]
    );
    assert_eq!(km.activities.first().and_then(|a| a.planned), None);
}

#[test]
fn meetings_held_are_counted_for_an_activity_planned_without_a_count() {
    let from = "count = 12, days_each = 1, text = \"12 spotkań zespołów\"";
    assert!(ZMIANY.contains(from));
    let text = ZMIANY.replacen(from, "text = \"spotkania zespołów\"", 1);
    let mut engine = Engine::new(Project::parse(&text).expect("parses"), None);
    for fact in facts(FACTS) {
        engine.apply(&fact);
    }
    let r = engine.report(before());
    let km = r.milestones.iter().find(|m| m.id == "KM-I").expect("KM-I");
    let a = km.activities.get(1).expect("the meetings");
    assert_eq!((a.planned, a.held), (None, 2));
}

// --- diff ------------------------------------------------------------------

fn change(field: &str) -> Option<(Value, Value)> {
    zmiany()
        .diff("umowa", "aneks-1")
        .expect("both versions")
        .changes
        .into_iter()
        .find(|c| c.field == field)
        .map(|c| (c.old, c.new))
}

fn text(t: &str) -> Value {
    Value::Text(t.to_owned())
}

#[test]
fn diff_names_a_partner_who_left() {
    assert_eq!(
        change("partners[fundacja]"),
        Some((text("Fundacja Przykładowa"), Value::Absent))
    );
}

#[test]
fn diff_names_a_partner_who_joined() {
    assert_eq!(
        change("partners[uczelnia]"),
        Some((Value::Absent, text("Uczelnia Przykładowa")))
    );
}

#[test]
fn diff_names_an_indicator_added() {
    assert_eq!(
        change("indicators[families]"),
        Some((Value::Absent, text("Liczba rodzin objętych wsparciem")))
    );
}

#[test]
fn diff_names_an_indicator_removed() {
    assert_eq!(
        change("indicators[seminars]"),
        Some((text("Liczba seminariów"), Value::Absent))
    );
}

#[test]
fn diff_names_a_target_changed() {
    use kooperacja_core::indicator::Target;
    assert_eq!(
        change("indicators[meetings].target"),
        Some((
            Value::Target(Target::Count(12)),
            Value::Target(Target::Count(30))
        ))
    );
}

#[test]
fn diff_names_units_added_to_and_removed_from_the_area() {
    assert_eq!(
        change("territory[0403]"),
        Some((Value::Absent, text("bydgoski")))
    );
    assert_eq!(
        change("territory[0403043]"),
        Some((Value::Absent, text("Koronowo")))
    );
    assert_eq!(
        change("territory[0410023]"),
        Some((text("Mrocza"), Value::Absent))
    );
    assert_eq!(change("territory[0410013]"), None);
}

#[test]
fn diff_names_milestones_added_and_removed() {
    assert_eq!(
        change("milestones[KM-II]"),
        Some((text("Pilotaż"), Value::Absent))
    );
    assert_eq!(
        change("milestones[KM-IIb]"),
        Some((Value::Absent, text("Pilotaż – etap 2")))
    );
}

#[test]
fn diff_names_a_planned_count_changed() {
    assert_eq!(
        change("milestones[KM-I].activities[2].count"),
        Some((Value::Count(12), Value::Count(16)))
    );
    assert_eq!(change("milestones[KM-I].activities[1].text"), None);
}

#[test]
fn diff_of_a_version_with_itself_is_empty() {
    let d = zmiany().diff("aneks-1", "aneks-1").expect("a version");
    assert!(d.changes.is_empty(), "{:?}", d.changes);
}

// --- Validation of amendments ------------------------------------------------

/// The fixture with one edit to the amendment, its amendment findings
/// rendered as a person reads them (code, message, path).
fn findings_after(from: &str, to: &str) -> String {
    assert!(ZMIANY.contains(from), "the edit applies: {from}");
    let p = Project::parse(&ZMIANY.replacen(from, to, 1)).expect("parses");
    let v = validate(&p, None);
    let shown: Vec<String> = v
        .findings
        .iter()
        .filter(|f| f.code.starts_with("amendment."))
        .inspect(|f| assert_eq!(f.severity, Severity::Error, "{f:?}"))
        .map(|f| located::finding(Lang::En, located::Look::Plain, f, Some("zmiany.toml"), None))
        .collect();
    assert!(!shown.is_empty(), "an amendment finding");
    shown.join("\n")
}

#[test]
fn the_fixture_has_no_amendment_finding() {
    let v = validate(&zmiany(), None);
    assert!(!v.has_errors(), "{:?}", v.error_lines());
}

#[test]
fn removing_an_unknown_indicator_is_an_error() {
    insta::assert_snapshot!(findings_after(
        "removed_indicators = [\"seminars\"]",
        "removed_indicators = [\"seminars\", \"webinars\"]"
    ));
}

#[test]
fn a_partner_leaving_who_never_joined_is_an_error() {
    insta::assert_snapshot!(findings_after(
        "partners_left = [\"fundacja\"]",
        "partners_left = [\"fundacja\", \"uczelnia\"]"
    ));
}

#[test]
fn a_partner_joining_twice_is_an_error() {
    insta::assert_snapshot!(findings_after(
        "partners_joined = [\"uczelnia\"]",
        "partners_joined = [\"uczelnia\", \"uczelnia\"]"
    ));
}

#[test]
fn an_unknown_organisation_joining_is_an_error() {
    insta::assert_snapshot!(findings_after(
        "partners_joined = [\"uczelnia\"]",
        "partners_joined = [\"uczelnia\", \"stowarzyszenie\"]"
    ));
}

#[test]
fn the_leader_leaving_is_an_error() {
    insta::assert_snapshot!(findings_after(
        "partners_left = [\"fundacja\"]",
        "partners_left = [\"fundacja\", \"rops\"]"
    ));
}

#[test]
fn a_new_indicator_without_its_name_is_an_error() {
    insta::assert_snapshot!(findings_after(
        "{ id = \"meetings\", target = 30 }",
        "{ id = \"meeting\", target = 30 }"
    ));
}

#[test]
fn removing_an_unknown_milestone_is_an_error() {
    insta::assert_snapshot!(findings_after(
        "removed_milestones = [\"KM-II\"]",
        "removed_milestones = [\"KM-II\", \"KM-III\"]"
    ));
}

#[test]
fn an_amended_indicator_due_by_an_unknown_milestone_is_an_error() {
    let text = ZMIANY.replacen(
        "{ id = \"meetings\", target = 30 }",
        "{ id = \"meetings\", target = 30, due = { milestone = \"KM-II\" } }",
        1,
    );
    let v = validate(&Project::parse(&text).expect("parses"), None);
    let paths: Vec<&str> = v
        .with_code("reference.unknown")
        .map(|f| f.path.as_str())
        .collect();
    // KM-II is removed by the same amendment.
    assert_eq!(paths, ["versions[1].indicators[0].due.milestone"]);
}

#[test]
fn an_indicator_removed_with_its_milestone_is_checked_where_it_is_in_force() {
    let text = ZMIANY.replacen(
        "target = 4\n",
        "target = 4\ndue = { milestone = \"KM-II\" }\n",
        1,
    );
    let v = validate(&Project::parse(&text).expect("parses"), None);
    assert_eq!(
        v.with_code("reference.unknown").count(),
        0,
        "{:?}",
        v.findings
    );
}

#[test]
fn the_area_an_amendment_states_is_checked_against_the_register() {
    let register = kooperacja_core::territory::Register::parse_terc(include_str!(
        "../../../fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"
    ))
    .expect("the register parses");
    let text = ZMIANY.replacen(
        "gminas = [{ code = \"0403043\", name = \"Koronowo\" }]",
        "gminas = [{ code = \"0403043\", name = \"Koronów\" }]",
        1,
    );
    let v = validate(&Project::parse(&text).expect("parses"), Some(&register));
    let errors: Vec<String> = v
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.code, f.path))
        .collect();
    assert_eq!(
        errors,
        ["teryt.name-mismatch versions[1].territory.voivodeships[0].powiats[1].gminas[0]"]
    );
    assert!(!validate(&zmiany(), Some(&register)).has_errors());
}

#[test]
fn a_rule_an_amendment_states_is_checked_against_the_vocabulary() {
    let text = ZMIANY.replacen(
        "rule = { distinct = \"household\", kind = [\"support\"] }",
        "rule = { distinct = \"household\", kind = [\"support\"], colour = \"red\" }",
        1,
    );
    let err = Project::parse(&text).expect_err("an undeclared field");
    let line = ZMIANY
        .lines()
        .position(|l| l.contains("id = \"families\""))
        .map(|i| i + 1);
    assert_eq!(Some(err.line), line, "{err}");
    insta::assert_snapshot!(located::parse_error(
        Lang::En,
        located::Look::Plain,
        "zmiany.toml",
        &text,
        &err
    ));
}

/// A fact in a voivodeship that only an amendment adds to the area belongs
/// to the project: admission does not exclude it as outside.
#[test]
fn a_fact_in_a_voivodeship_an_amendment_adds_is_admitted() {
    let text = ZMIANY.replacen(
        "[[versions.territory.voivodeships.powiats]]\ncode = \"0403\"",
        "[[versions.territory.voivodeships]]\ncode = \"22\"\nname = \"pomorskie\"\n\n[[versions.territory.voivodeships.powiats]]\ncode = \"2201\"\nname = \"bytowski\"\ngminas = [{ code = \"2201011\", name = \"Bytów\" }]\n\n[[versions.territory.voivodeships.powiats]]\ncode = \"0403\"",
        1,
    );
    assert_ne!(text, ZMIANY, "the fixture's aneks-1 area was found");
    let project = Project::parse(&text).expect("the amended fixture parses");
    let fact = FactReader::new(
        r#"{"id":"m-22","date":"2024-09-02","by":"rops","territory":"2201","kind":"meeting","group":"ZK"}"#.as_bytes(),
        Format::JsonLines,
        project.vocabulary().clone(),
        PseudonymKey::from_bytes([3; 32]),
    )
    .next()
    .expect("one record")
    .expect("the record reads");
    let reasons: Vec<&str> = kooperacja_core::admission::defects(&project, None, &fact)
        .iter()
        .map(|d| d.reason.code())
        .collect();
    assert!(!reasons.contains(&"fact.territory-outside"), "{reasons:?}");
}
