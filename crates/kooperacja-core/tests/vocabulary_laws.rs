//! Laws of indicator evaluation over generated vocabularies (issue 13): each
//! law holds for any project `kooperacja_core::strategies::project` makes
//! (random kinds of random typed fields, enumerations, participants, rules
//! over declared fields) and any history `facts_for` makes for it (repeats,
//! retractions, re-entries). The engine is compared with a naive reference
//! written here, which keeps every fact and reads each rule itself (no
//! `Filter::matches`, no tallies). Run with
//! `cargo test -p kooperacja-core --features proptest`.
#![cfg(feature = "proptest")]

use std::collections::BTreeSet;

use chrono::NaiveDate;
use kooperacja_core::engine::{Applied, Engine};
use kooperacja_core::facts::{Fact, Value, What, parse_json_fact, to_json_line};
use kooperacja_core::project::Project;
use kooperacja_core::report::Report;
use kooperacja_core::rule::{Filter, Key, Measure, Rule};
use kooperacja_core::strategies::{self, as_of, fact_kind, facts_for, project};
use kooperacja_core::vocabulary::FieldType;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A project, a history for it and a date to report as of.
fn case() -> impl Strategy<Value = (Project, Vec<Fact>, NaiveDate)> {
    project().prop_flat_map(|p| {
        let facts = facts_for(&p);
        let date = as_of(&p);
        (Just(p), facts, date)
    })
}

fn run(project: &Project, facts: &[Fact], as_of: NaiveDate) -> Report {
    let mut engine = Engine::new(project.clone(), None);
    for fact in facts {
        let applied = engine.apply(fact);
        assert!(
            !matches!(applied, Applied::Excluded(_)),
            "a generated fact is admitted: {applied:?} {fact:?}"
        );
    }
    engine.report(as_of)
}

fn value(report: &Report, id: &str) -> Option<Decimal> {
    report
        .indicators
        .iter()
        .find(|i| i.id == id)
        .and_then(|i| i.value)
}

// --- the naive reference ---------------------------------------------------

/// The facts that count: each id once (its first record), without
/// retractions and without the facts they retract.
fn live(facts: &[Fact]) -> Vec<&Fact> {
    let retracted: BTreeSet<&str> = facts
        .iter()
        .filter_map(|f| match &f.what {
            What::Retraction { retracts, .. } => Some(retracts.as_str()),
            _ => None,
        })
        .collect();
    let mut seen = BTreeSet::new();
    facts
        .iter()
        .filter(|f| !f.what.is_retraction())
        .filter(|f| seen.insert(f.id.as_str()))
        .filter(|f| !retracted.contains(f.id.as_str()))
        .collect()
}

/// The rule's filter, read here: the kind listed, the dates within bounds,
/// the territory a unit of `within` (its code begins with it), the recorder,
/// an enum field holding one of the values, the absent fields absent.
fn passes(filter: &Filter, fact: &Fact) -> bool {
    let kind_ok = filter.kind.is_empty() || filter.kind.iter().any(|k| k == fact.kind());
    let from_ok = filter.from.is_none_or(|d| fact.date >= d);
    let to_ok = filter.to.is_none_or(|d| fact.date <= d);
    // The strategies write `within` as a list of codes (never "project").
    let within_ok = filter.within.as_ref().is_none_or(|w| match w {
        kooperacja_core::area::Within::Units(units) => fact
            .territory
            .as_ref()
            .is_some_and(|t| units.iter().any(|u| t.as_str().starts_with(u.as_str()))),
        _ => false,
    });
    let by_ok = filter
        .recorded_by
        .as_ref()
        .is_none_or(|o| *o == fact.recorded_by);
    let fields_ok = filter.fields.iter().all(|(name, wanted)| {
        fact.value(name).is_some_and(|v| {
            let texts: Vec<String> = match v {
                Value::List(items) => items.iter().map(Value::to_text).collect(),
                one => vec![one.to_text()],
            };
            texts.iter().any(|t| wanted.contains(t))
        })
    });
    let absent_ok = filter.absent.iter().all(|name| fact.value(name).is_none());
    kind_ok && from_ok && to_ok && within_ok && by_ok && fields_ok && absent_ok
}

/// A quantity as a decimal (a list: the sum of its entries).
fn quantity(v: &Value) -> Decimal {
    match v {
        Value::Count(n) => Decimal::from(*n),
        Value::Hours(h) => *h,
        Value::Amount(a) => a.as_decimal(),
        Value::List(items) => items.iter().map(quantity).sum(),
        _ => Decimal::ZERO,
    }
}

/// The values a fact offers a distinct count: those of every field its kind
/// declares of the key's subject type; for participants, the participant of
/// an entry.
fn keys(project: &Project, fact: &Fact, key: Key) -> Vec<String> {
    let Some(kind) = project.vocabulary().kind(fact.kind()) else {
        return Vec::new();
    };
    let names: Vec<&str> = if key == Key::Participant {
        if fact.kind() == "entry" {
            vec!["participant"]
        } else {
            Vec::new()
        }
    } else {
        let wanted = match key {
            Key::Person => FieldType::Person,
            Key::Household => FieldType::Household,
            Key::Institution => FieldType::Institution,
            Key::Jst => FieldType::Jst,
            Key::Group => FieldType::Group,
            Key::Organisation => FieldType::Organisation,
            _ => return Vec::new(),
        };
        kind.fields
            .iter()
            .filter(|f| f.field_type == wanted)
            .map(|f| f.id.as_str())
            .collect()
    };
    let mut out = Vec::new();
    for name in names {
        match fact.value(name) {
            Some(Value::List(items)) => out.extend(items.iter().map(Value::to_text)),
            Some(v) => out.push(v.to_text()),
            None => {}
        }
    }
    out
}

/// The value of a count, sum or distinct rule over the live facts dated up
/// to `as_of`.
fn naive(project: &Project, rule: &Rule, facts: &[Fact], as_of: NaiveDate) -> Option<Decimal> {
    let live = live(facts);
    let passing = || {
        live.iter()
            .filter(move |f| f.date <= as_of)
            .filter(|f| rule.filter().is_some_and(|filter| passes(filter, f)))
    };
    match rule {
        Rule::Count {
            measure: Measure::Facts,
            ..
        } => Some(Decimal::from(passing().count())),
        Rule::Count {
            measure: Measure::Sum(field),
            ..
        } => Some(
            passing()
                .filter_map(|f| f.value(field))
                .map(|v| quantity(&v))
                .sum(),
        ),
        Rule::Distinct { key, .. } => {
            let mut set: BTreeSet<String> =
                passing().flat_map(|f| keys(project, f, *key)).collect();
            if *key == Key::Participant {
                // ESF counts a participant whose first live entry (by date,
                // then id) gives every datum `[participants] required` names
                // (`age`: the age or the year of birth); the others apart.
                set.retain(|participant| complete(project, &live, participant));
            }
            Some(Decimal::from(set.len()))
        }
        _ => None,
    }
}

/// Whether a participant's first live entry gives every required datum.
fn complete(project: &Project, live: &[&Fact], participant: &str) -> bool {
    let first = live
        .iter()
        .filter(|f| f.kind() == "entry")
        .filter(|f| {
            f.value("participant")
                .is_some_and(|v| v.to_text() == participant)
        })
        .min_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let Some(first) = first else {
        return false;
    };
    let required = project
        .participants
        .as_ref()
        .map(|p| p.required.clone())
        .unwrap_or_default();
    required.iter().all(|datum| match datum.as_str() {
        "age" => first.value("age").is_some() || first.value("birth_year").is_some(),
        other => first.value(other).is_some(),
    })
}

// --- the laws ----------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The strategies keep their promise: a generated project validates
    /// without an error, and each generated fact is admitted and is what the
    /// JSON reader reads from its own line.
    #[test]
    fn generated_projects_and_facts_are_valid((p, facts, _) in case()) {
        let validation = kooperacja_core::validate::validate(&p, None);
        prop_assert!(!validation.has_errors(), "{:#?}", validation.findings);
        for fact in &facts {
            prop_assert_eq!(kooperacja_core::admission::admit(&p, None, fact), Ok(()));
            let line = to_json_line(&fact.to_record());
            let back = parse_json_fact(&line, p.vocabulary(), &strategies::key());
            prop_assert_eq!(back.as_ref(), Ok(fact), "{}", line);
        }
    }

    /// Each indicator's value equals the naive evaluation of its rule over
    /// the live facts (count, sum or distinct), for any vocabulary.
    #[test]
    fn each_indicator_equals_the_naive_evaluation((p, facts, as_of) in case()) {
        let report = run(&p, &facts, as_of);
        for indicator in &p.indicators {
            let rule = indicator.rule.as_ref().expect("generated indicators have rules");
            prop_assert_eq!(value(&report, &indicator.id), naive(&p, rule, &facts, as_of), "{}: {}", indicator.id, rule);
        }
    }

    /// Adding a declared kind that no rule uses, anywhere among the kinds,
    /// changes no indicator.
    #[test]
    fn an_unused_kind_changes_no_indicator(
        (p, facts, as_of) in case(),
        extra in fact_kind("unused-kind", &[]),
        at in any::<prop::sample::Index>(),
    ) {
        let mut with = p.clone();
        with.fact_kinds.insert(at.index(with.fact_kinds.len() + 1), extra);
        prop_assert_eq!(with.resolve_vocabulary(), Ok(()));
        let (before, after) = (run(&p, &facts, as_of), run(&with, &facts, as_of));
        prop_assert_eq!(format!("{:?}", before.indicators), format!("{:?}", after.indicators));
    }

    /// Evaluating an indicator the project does not hold yields nothing: the
    /// report lists exactly the project's indicators, and one taken out is
    /// absent while the others keep their values.
    // TODO(w13/amendments): once versioned indicators are on main, state this
    // over the version in force (an indicator an amendment removes, or one
    // only a later version adds, yields nothing as of a date).
    #[test]
    fn an_indicator_not_in_the_project_yields_nothing(
        (p, facts, as_of) in case(),
        out in any::<prop::sample::Index>(),
    ) {
        let report = run(&p, &facts, as_of);
        let ids: Vec<&str> = report.indicators.iter().map(|i| i.id.as_str()).collect();
        let declared: Vec<&str> = p.indicators.iter().map(|i| i.id.as_str()).collect();
        prop_assert_eq!(&ids, &declared);
        let mut without = p.clone();
        let removed = without.indicators.remove(out.index(without.indicators.len()));
        let other = run(&without, &facts, as_of);
        prop_assert!(other.indicators.iter().all(|i| i.id != removed.id));
        for i in &without.indicators {
            prop_assert_eq!(value(&other, &i.id), value(&report, &i.id), "{}", i.id);
        }
    }

    /// A participant's re-entry (an entry of the same participant with the
    /// first entry's data, on a later day) never increases a participant
    /// count (`distinct = "participant"`) without a lower date bound.
    #[test]
    fn reentry_never_increases_a_participant_count(
        (p, facts, as_of) in case(),
        which in any::<prop::sample::Index>(),
        later in any::<prop::sample::Index>(),
    ) {
        let mut p = p;
        if p.participants.is_none() {
            p.participants = Some(kooperacja_core::vocabulary::ParticipantsDecl::default());
        }
        p.indicators.push(strategies::indicator(
            "participants",
            Rule::Distinct { key: Key::Participant, filter: Filter::of_kinds(&["entry"]) },
            10,
        ));
        prop_assert_eq!(p.resolve_vocabulary(), Ok(()));
        let entries: Vec<&Fact> = live(&facts).into_iter().filter(|f| f.kind() == "entry").collect();
        if entries.is_empty() {
            return Ok(());
        }
        let first = entries[which.index(entries.len())];
        let period = p.versions[0].period;
        let days: Vec<NaiveDate> = first.date.iter_days().take_while(|d| *d <= period.end()).collect();
        let mut again = first.clone();
        again.id = format!("{}-re-entry", first.id);
        again.date = days[later.index(days.len())];
        let mut with = facts.clone();
        with.push(again);
        let (before, after) = (run(&p, &facts, as_of), run(&p, &with, as_of));
        for indicator in &p.indicators {
            let Some(Rule::Distinct { key: Key::Participant, filter }) = &indicator.rule else { continue };
            if filter.from.is_some() {
                continue;
            }
            prop_assert!(value(&after, &indicator.id) <= value(&before, &indicator.id), "{}", indicator.id);
        }
        prop_assert_eq!(value(&after, "participants"), value(&before, "participants"));
    }
}

// --- defects the laws found (each a plain test) ------------------------------

/// The Kujawy fixture with two kinds that name a field alike with other
/// types, and an expenditure-based indicator.
fn alike() -> Project {
    let fixture = include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml");
    let extra = r#"
[[fact_kinds]]
id = "call"
fields = [{ id = "length", type = "count" }]

[[fact_kinds]]
id = "supervision"
fields = [{ id = "length", type = "hours" }]

[[indicators]]
id = "supervision-hours"
kind = "product"
name = "supervision hours"
unit = "h"
target = 10
rule = { sum = "length", kind = ["supervision"] }

[[indicators]]
id = "call-length"
kind = "product"
name = "calls, length"
unit = "min"
target = 10
rule = { sum = "length", kind = ["call", "supervision"] }

[[indicators]]
id = "partners-spending"
kind = "product"
name = "partners that spent"
unit = "podmioty"
target = 1
rule = { distinct = "organisation", kind = ["expenditure"] }
"#;
    Project::parse(&format!("{fixture}\n{extra}")).expect("the test project parses")
}

fn read(project: &Project, lines: &str) -> Vec<Fact> {
    lines
        .lines()
        .map(|l| parse_json_fact(l, project.vocabulary(), &strategies::key()).expect("fact reads"))
        .collect()
}

/// A sum keeps its field's scale when an earlier kind declares a field of the
/// same name with another type (a count before hours), and adds up a field
/// whose type differs between its kinds exactly.
#[test]
fn a_sum_keeps_the_scale_of_its_kinds_field() {
    let p = alike();
    let facts = read(
        &p,
        r#"{"id":"s-1","date":"2024-02-01","by":"rops-torun","kind":"supervision","length":"1.5"}
{"id":"c-1","date":"2024-02-01","by":"rops-torun","kind":"call","length":3}"#,
    );
    let report = run(
        &p,
        &facts,
        NaiveDate::from_ymd_opt(2024, 3, 1).expect("date"),
    );
    assert_eq!(
        value(&report, "supervision-hours"),
        Some(Decimal::new(15, 1))
    );
    assert_eq!(value(&report, "call-length"), Some(Decimal::new(45, 1)));
}

/// A distinct count of organisations over expenditures counts the partners
/// that spent (the expenditure's `partner` is an organisation field).
#[test]
fn distinct_organisations_of_expenditures_count_the_partners() {
    let p = alike();
    let facts = read(
        &p,
        r#"{"id":"e-1","date":"2024-02-01","by":"rops-torun","kind":"expenditure","amount":"10.00","category":"staff"}"#,
    );
    let report = run(
        &p,
        &facts,
        NaiveDate::from_ymd_opt(2024, 3, 1).expect("date"),
    );
    assert_eq!(value(&report, "partners-spending"), Some(Decimal::ONE));
}
