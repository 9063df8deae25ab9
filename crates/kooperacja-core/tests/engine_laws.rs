//! The laws of indicator evaluation (docs/indicators.md, "Laws"), each checked
//! on 1,000 random fact histories. The engine is compared with a naive
//! reference evaluator written here: it keeps every fact and recomputes each
//! indicator from the live facts, with no tallies.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use kooperacja_core::admission::Reason;
use kooperacja_core::engine::{Applied, Engine};
use kooperacja_core::facts::{Fact, Fields, Value, What};
use kooperacja_core::money::Amount;
use kooperacja_core::project::Project;
use kooperacja_core::report::Report;
use kooperacja_core::rule::{Denominator, Key, Measure, Rule};
use kooperacja_core::territory::TerytCode;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The Kooperacja fixture with extra indicators that pair rules for the laws.
fn project() -> Project {
    let fixture = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
    let extra = r#"
[[indicators]]
id = "coaching-records"
kind = "product"
name = "coaching records (count of the same facts as social-workers-coached)"
unit = "facts"
target = 120
due = { milestone = "KM-I" }
rule = { count = "facts", kind = ["coaching"], role = "social-worker" }

[[indicators]]
id = "persons-coached"
kind = "product"
name = "persons coached, any role"
unit = "osoby"
target = 120
rule = { distinct = "person", kind = ["coaching"] }

[[indicators]]
id = "social-worker-share"
kind = "result"
name = "share of coached persons who are social workers"
unit = "%"
target = "80 %"
rule = { ratio = { numerator = { distinct = "person", kind = ["coaching"], role = "social-worker" }, denominator = { distinct = "person", kind = ["coaching"] } } }

[[indicators]]
id = "meeting-days"
kind = "product"
name = "meeting-days of PGR and PZK groups in kujawsko-pomorskie"
unit = "dni"
target = 300
rule = { sum = "days", kind = ["meeting"], within = "04" }

[[indicators]]
id = "institutions-any"
kind = "result"
name = "institutions in agreements, supported, or (never) meeting: keys of one kind only"
unit = "podmioty"
target = 10
rule = { distinct = "institution", kind = ["agreement", "support", "meeting", "coaching"] }

[[indicators]]
id = "persons-supported"
kind = "result"
name = "persons supported"
unit = "osoby"
target = 10
rule = { distinct = "person", kind = ["support", "meeting"] }

[[indicators]]
id = "meetings-2019"
kind = "product"
name = "meetings in 2019 (bounded window, not cumulative)"
unit = "spotkania"
target = 10
rule = { count = "facts", kind = ["meeting"], from = 2019-01-01, to = 2019-12-31 }
"#;
    Project::parse(&format!("{fixture}\n{extra}")).expect("test project parses")
}

const ORGS: [&str; 3] = ["rops-torun", "rops-gdansk", "umk"];
const TERRITORIES: [Option<&str>; 6] = [
    Some("0410033"),
    Some("0410013"),
    Some("0410"),
    Some("2205023"),
    Some("22"),
    None,
];
const JST: [&str; 5] = ["0410", "0410033", "0410013", "2205", "2205023"];

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 4, 1).expect("valid")
}

/// A fact of a declared kind with these fields.
fn fields(kind: &str, values: Vec<(&str, Option<Value>)>) -> What {
    What::Fields(Fields {
        kind: kind.to_owned(),
        values: values
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
            .collect(),
    })
}

fn text(t: &str) -> Option<Value> {
    Some(Value::Text(t.to_owned()))
}

fn person_value(n: u8) -> Value {
    Value::Person(
        kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32])
            .person(&format!("p{n}"))
            .expect("valid key"),
    )
}

/// A fact without an id; ids are given by position.
fn any_what() -> impl Strategy<Value = What> {
    prop_oneof![
        (
            prop::option::of(prop::sample::select(vec!["PGR", "PZK"])),
            1_u32..3,
            0_u32..20,
            prop::collection::vec(0_u8..10, 0..3)
        )
            .prop_map(|(group, days, participants, persons)| fields(
                "meeting",
                vec![
                    ("group", group.and_then(text)),
                    (
                        "activity",
                        if group.is_none() {
                            text("education")
                        } else {
                            None
                        }
                    ),
                    ("days", Some(Value::Count(days))),
                    ("participants", Some(Value::Count(participants))),
                    (
                        "persons",
                        (!persons.is_empty()).then(|| {
                            Value::List(persons.into_iter().map(person_value).collect())
                        })
                    ),
                ]
            )),
        (0_u8..10, any::<bool>(), any::<bool>()).prop_map(|(person, individual, social)| {
            fields(
                "coaching",
                vec![
                    ("person", Some(person_value(person))),
                    (
                        "form",
                        text(if individual { "individual" } else { "group" }),
                    ),
                    (
                        "role",
                        text(if social {
                            "social-worker"
                        } else {
                            "family-assistant"
                        }),
                    ),
                ],
            )
        }),
        (
            0_u8..8,
            prop::sample::select(vec!["education", "health", "police"])
        )
            .prop_map(|(n, sector)| fields(
                "agreement",
                vec![
                    ("institution", text(&format!("i{n}"))),
                    ("name", text(&format!("Instytucja {n}"))),
                    ("sector", text(sector)),
                ]
            )),
        prop::sample::select(JST.to_vec()).prop_map(|j| fields(
            "pilot",
            vec![("jst", Some(Value::Jst(TerytCode::parse(j).expect("valid"))))]
        )),
        prop::sample::select(vec!["model", "pilot-report"]).prop_map(|d| fields(
            "deliverable",
            vec![("deliverable", text(d)), ("title", text("t"))]
        )),
        (prop::option::of(0_u8..10), 0_u8..8).prop_map(|(person, institution)| fields(
            "support",
            vec![
                ("person", person.map(person_value)),
                ("institution", text(&format!("i{institution}"))),
            ]
        )),
        (0_i64..1_000_000).prop_map(|g| What::Expenditure {
            partner: "umk".to_owned(),
            amount: Amount::from_grosze(g),
            category: "spotkania".to_owned(),
            plan: None,
            document: None,
        }),
    ]
}

fn any_fact(index: usize) -> impl Strategy<Value = Fact> {
    (
        0_i64..1300,
        prop::sample::select(ORGS.to_vec()),
        prop::sample::select(TERRITORIES.to_vec()),
        any_what(),
    )
        .prop_map(move |(offset, by, territory, what)| Fact {
            id: format!("f{index}"),
            date: base() + chrono::Duration::days(offset),
            recorded_by: by.to_owned(),
            territory: territory.map(|t| TerytCode::parse(t).expect("valid")),
            what,
        })
}

/// A history: distinct facts, then retractions of some of them (by position).
fn any_history() -> impl Strategy<Value = (Vec<Fact>, Vec<usize>)> {
    (1_usize..40).prop_flat_map(|n| {
        let facts: Vec<_> = (0..n).map(any_fact).collect();
        (facts, prop::collection::vec(0..n, 0..4))
    })
}

fn retraction(of: &Fact, n: usize) -> Fact {
    Fact {
        id: format!("r{n}"),
        date: of.date,
        recorded_by: of.recorded_by.clone(),
        territory: None,
        what: What::Retraction {
            retracts: of.id.clone(),
            reason: "test".to_owned(),
        },
    }
}

fn with_retractions(facts: &[Fact], retracted: &[usize]) -> Vec<Fact> {
    let mut all = facts.to_vec();
    let unique: BTreeSet<usize> = retracted.iter().copied().collect();
    all.extend(unique.iter().map(|&i| retraction(&facts[i], i)));
    all
}

fn run(project: &Project, facts: &[Fact], as_of: NaiveDate) -> Report {
    let mut engine = Engine::new(project.clone(), None);
    for fact in facts {
        let applied = engine.apply(fact);
        assert!(
            !matches!(applied, Applied::Excluded(_)),
            "generated facts fit the project: {applied:?}"
        );
    }
    engine.report(as_of)
}

/// The parts of a report that depend on the facts' content, not on how they arrived.
fn substance(r: &Report) -> String {
    format!("{:?}\n{:?}\n{:?}", r.indicators, r.milestones, r.budget)
}

// --- the naive reference ---------------------------------------------------

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
        .filter(|f| !matches!(f.what, What::Retraction { .. }))
        .filter(|f| seen.insert(f.id.clone()))
        .filter(|f| !retracted.contains(f.id.as_str()))
        .collect()
}

/// The keys a fact offers a distinct count, by the reference's own reading
/// of the seed vocabulary: every field of the key's subject type.
fn keys(fact: &Fact, key: Key) -> Vec<String> {
    let names: &[&str] = match (fact.kind(), key) {
        ("coaching" | "qualification" | "support", Key::Person) => &["person"],
        ("meeting", Key::Person) => &["persons"],
        ("agreement" | "support", Key::Institution) => &["institution"],
        ("pilot" | "di-plan", Key::Jst) => &["jst"],
        ("meeting", Key::Group) => &["group"],
        _ => &[],
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

fn naive_leaf(rule: &Rule, facts: &[&Fact], as_of: NaiveDate) -> Decimal {
    let passing = facts.iter().filter(|f| f.date <= as_of);
    match rule {
        Rule::Count { measure, filter } => Decimal::from(
            passing
                .filter(|f| filter.matches(f, &kooperacja_core::area::Territory::default()))
                .map(|f| match measure {
                    Measure::Facts => 1,
                    Measure::Sum(field) => match f.value(field) {
                        Some(Value::Count(n)) => i64::from(n),
                        _ => 0,
                    },
                    _ => 0,
                })
                .sum::<i64>(),
        ),
        Rule::Distinct { key, filter } => {
            let set: BTreeSet<String> = passing
                .filter(|f| filter.matches(f, &kooperacja_core::area::Territory::default()))
                .flat_map(|f| keys(f, *key))
                .collect();
            Decimal::from(set.len())
        }
        Rule::Ratio { .. } => unreachable!(),
    }
}

fn naive(rule: &Rule, facts: &[Fact], as_of: NaiveDate) -> Option<Decimal> {
    let live = live(facts);
    match rule {
        Rule::Ratio {
            numerator,
            denominator: Denominator::Rule(d),
        } => {
            let den = naive_leaf(d, &live, as_of);
            (!den.is_zero()).then(|| {
                (naive_leaf(numerator, &live, as_of) * Decimal::ONE_HUNDRED / den)
                    .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointNearestEven)
            })
        }
        Rule::Ratio { .. } => None,
        leaf => Some(naive_leaf(leaf, &live, as_of)),
    }
}

fn value(report: &Report, id: &str) -> Option<Decimal> {
    report
        .indicators
        .iter()
        .find(|i| i.id == id)
        .and_then(|i| i.value)
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0_i64..1400).prop_map(|d| base() + chrono::Duration::days(d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Incremental evaluation equals full evaluation: after any sequence of
    /// appends and retractions, applied one at a time with reports taken on the
    /// way, every indicator equals the naive recomputation from the live facts.
    #[test]
    fn incremental_equals_full((facts, retracted) in any_history(), as_of in any_date(), checkpoints in prop::collection::vec(0_usize..50, 0..3)) {
        let project = project();
        let all = with_retractions(&facts, &retracted);
        let mut engine = Engine::new(project.clone(), None);
        for (i, fact) in all.iter().enumerate() {
            prop_assert!(!matches!(engine.apply(fact), Applied::Excluded(_)));
            if checkpoints.contains(&i) {
                let report = engine.report(as_of);
                for indicator in &project.indicators {
                    let rule = indicator.rule.as_ref().expect("every test indicator has a rule");
                    prop_assert_eq!(value(&report, &indicator.id), naive(rule, &all[..=i], as_of), "{} after {} facts", indicator.id, i + 1);
                }
            }
        }
        let report = engine.report(as_of);
        for indicator in &project.indicators {
            let rule = indicator.rule.as_ref().expect("rule");
            prop_assert_eq!(value(&report, &indicator.id), naive(rule, &all, as_of), "{}", indicator.id);
        }
    }

    /// The order of facts does not matter, retractions included (a retraction
    /// may arrive before its fact).
    #[test]
    fn order_does_not_matter((facts, retracted) in any_history(), seed in any::<u64>(), as_of in any_date()) {
        let project = project();
        let all = with_retractions(&facts, &retracted);
        let mut shuffled = all.clone();
        // A deterministic shuffle driven by the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(substance(&run(&project, &all, as_of)), substance(&run(&project, &shuffled, as_of)));
    }

    /// The monthly breakdowns agree with the naive grouping of the live facts
    /// dated up to the report's date, and sum to the totals; the yearly budget
    /// plan covers the period without gaps, no piece longer than a year, and
    /// sums to the total to the grosz.
    #[test]
    fn monthly_and_yearly_breakdowns_add_up((facts, retracted) in any_history(), as_of in any_date()) {
        use kooperacja_core::period::YearMonth;
        let project = project();
        let all = with_retractions(&facts, &retracted);
        let report = run(&project, &all, as_of);
        let mut spent: BTreeMap<(YearMonth, String), i128> = BTreeMap::new();
        let mut counted: BTreeMap<(YearMonth, String), u64> = BTreeMap::new();
        for fact in live(&all).into_iter().filter(|f| f.date <= as_of) {
            *counted.entry((YearMonth::of(fact.date), fact.what.kind().to_owned())).or_default() += 1;
            if let What::Expenditure { partner, amount, .. } = &fact.what {
                *spent.entry((YearMonth::of(fact.date), partner.clone())).or_default() += amount.grosze();
            }
        }
        spent.retain(|_, g| *g != 0);
        let engine_spent: BTreeMap<(YearMonth, String), i128> = report.budget.spent_by_month.iter()
            .map(|m| ((m.month, m.partner.clone()), m.spent.grosze())).collect();
        prop_assert_eq!(&engine_spent, &spent);
        prop_assert_eq!(engine_spent.values().sum::<i128>(), report.budget.spent.grosze());
        let engine_counted: BTreeMap<(YearMonth, String), u64> = report.facts.by_month.iter()
            .filter(|m| m.kind != "retraction")
            .map(|m| ((m.month, m.kind.clone()), m.facts)).collect();
        prop_assert_eq!(engine_counted, counted);

        let years = &report.budget.by_year;
        prop_assert_eq!(years.first().map(|y| y.period.start()), Some(report.period.start()));
        prop_assert_eq!(years.last().map(|y| y.period.end()), Some(report.period.end()));
        for pair in years.windows(2) {
            prop_assert!(pair[0].period.is_followed_by(pair[1].period));
        }
        for y in years {
            prop_assert!(y.period.days() <= 366);
            prop_assert_eq!(y.period.start().format("%Y").to_string(), y.period.end().format("%Y").to_string());
        }
        prop_assert_eq!(Some(years.iter().map(|y| y.planned.grosze()).sum::<i128>()), report.budget.total.map(|t| t.grosze()));
    }

    /// Recording the same fact id again (same content) changes nothing.
    #[test]
    fn repeats_change_nothing((facts, retracted) in any_history(), repeat in prop::collection::vec(any::<prop::sample::Index>(), 1..6), as_of in any_date()) {
        let project = project();
        let all = with_retractions(&facts, &retracted);
        let mut again = all.clone();
        again.extend(repeat.iter().map(|i| all[i.index(all.len())].clone()));
        prop_assert_eq!(substance(&run(&project, &all, as_of)), substance(&run(&project, &again, as_of)));
    }

    /// A fact and its retraction together equal no fact.
    #[test]
    fn retraction_undoes_a_fact((facts, _) in any_history(), extra in any_fact(999), at in any::<prop::sample::Index>(), as_of in any_date()) {
        let project = project();
        let mut with = facts.clone();
        let position = at.index(with.len() + 1);
        with.insert(position, extra.clone());
        with.push(retraction(&extra, 999));
        prop_assert_eq!(substance(&run(&project, &facts, as_of)), substance(&run(&project, &with, as_of)));
    }

    /// Cumulative rules never drop as the as-of date moves on.
    #[test]
    fn monotonic_in_the_date((facts, retracted) in any_history(), a in any_date(), b in any_date()) {
        let project = project();
        let (early, late) = if a <= b { (a, b) } else { (b, a) };
        let all = with_retractions(&facts, &retracted);
        let mut engine = Engine::new(project.clone(), None);
        for fact in &all { prop_assert!(!matches!(engine.apply(fact), Applied::Excluded(_))); }
        let (r1, r2) = (engine.report(early), engine.report(late));
        for indicator in &project.indicators {
            if indicator.rule.as_ref().is_some_and(Rule::is_cumulative) {
                prop_assert!(value(&r1, &indicator.id) <= value(&r2, &indicator.id), "{}", indicator.id);
            }
        }
    }

    /// A distinct count never exceeds the plain count of the same facts.
    #[test]
    fn distinct_never_exceeds_count((facts, retracted) in any_history(), as_of in any_date()) {
        let project = project();
        let report = run(&project, &with_retractions(&facts, &retracted), as_of);
        prop_assert!(value(&report, "social-workers-coached") <= value(&report, "coaching-records"));
    }

    /// A distinct count over a union lies between the larger part and the sum.
    #[test]
    fn distinct_over_a_union((a, _) in any_history(), (b, _) in any_history(), as_of in any_date()) {
        let project = project();
        let b: Vec<Fact> = b.into_iter().map(|mut f| { f.id = format!("b-{}", f.id); f }).collect();
        let union: Vec<Fact> = a.iter().chain(&b).cloned().collect();
        let (ra, rb, ru) = (run(&project, &a, as_of), run(&project, &b, as_of), run(&project, &union, as_of));
        for id in ["social-workers-coached", "persons-coached", "entities-cooperating", "jst-piloted"] {
            let (va, vb, vu) = (value(&ra, id).expect("value"), value(&rb, id).expect("value"), value(&ru, id).expect("value"));
            prop_assert!(va.max(vb) <= vu && vu <= va + vb, "{id}: {va} {vb} {vu}");
        }
    }

    /// Breakdowns: for counts the parts sum to the total; for distinct counts
    /// each part is at most the total and the parts sum to at least it.
    #[test]
    fn breakdowns_add_up((facts, retracted) in any_history(), as_of in any_date()) {
        let project = project();
        let report = run(&project, &with_retractions(&facts, &retracted), as_of);
        for (indicator, declared) in report.indicators.iter().zip(&project.indicators) {
            let Some(total) = indicator.value else { continue };
            let sum_v: Decimal = indicator.by_voivodeship.iter().map(|p| p.value).sum();
            let sum_p: Decimal = indicator.by_partner.iter().map(|p| p.value).sum();
            match declared.rule.as_ref().expect("rule") {
                Rule::Count { .. } => {
                    prop_assert_eq!(sum_v, total, "{} by voivodeship", indicator.id);
                    prop_assert_eq!(sum_p, total, "{} by partner", indicator.id);
                }
                Rule::Distinct { .. } => {
                    prop_assert!(sum_v >= total && sum_p >= total, "{}", indicator.id);
                    prop_assert!(indicator.by_voivodeship.iter().chain(&indicator.by_partner).all(|p| p.value <= total), "{}", indicator.id);
                }
                Rule::Ratio { .. } => {}
            }
        }
    }

    /// A ratio whose numerator counts a subset of its denominator stays within
    /// 0..=100 %.
    #[test]
    fn subset_ratio_stays_within_bounds((facts, retracted) in any_history(), as_of in any_date()) {
        let project = project();
        let report = run(&project, &with_retractions(&facts, &retracted), as_of);
        if let Some(share) = value(&report, "social-worker-share") {
            prop_assert!(share >= Decimal::ZERO && share <= Decimal::ONE_HUNDRED, "{share}");
        }
    }
}

/// A conflicting repeat (same id, other content) is excluded and changes
/// nothing but the count of excluded facts.
#[test]
fn conflicting_repeat_is_refused() {
    let project = project();
    let mut engine = Engine::new(project.clone(), None);
    let fact = Fact {
        id: "x".to_owned(),
        date: base(),
        recorded_by: "umk".to_owned(),
        territory: None,
        what: fields(
            "deliverable",
            vec![("deliverable", text("model")), ("title", text("a"))],
        ),
    };
    assert_eq!(engine.apply(&fact), Applied::Added);
    let before = substance(&engine.report(base()));
    let mut other = fact.clone();
    other.what = fields(
        "deliverable",
        vec![("deliverable", text("model")), ("title", text("b"))],
    );
    assert_eq!(engine.apply(&other), Applied::Excluded(Reason::IdConflict));
    assert_eq!(substance(&engine.report(base())), before);
    assert_eq!(engine.report(base()).facts.excluded, 1);
    let _ = BTreeMap::<u8, u8>::new();
}
