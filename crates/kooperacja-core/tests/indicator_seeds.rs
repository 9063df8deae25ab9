//! The seed indicators (I-01..I-07, F-08..F-11) and the real events of the news
//! item (E-01..E-04), checked through the indicator engine on the fixtures and the
//! sample facts. Each check names its fact: `// SEED: I-04`.
//!
//! The values on the sample facts are the ones the `kooperacja indicators`
//! command prints (see `docs/indicators.md`, "Worked examples").

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use kooperacja_core::engine::{Applied, Engine};
use kooperacja_core::facts::{Fact, FactReader, Format, Record, Value, What};
use kooperacja_core::indicator::Target;
use kooperacja_core::project::Project;
use kooperacja_core::report::{IndicatorReport, MilestoneState, Report, Status};
use kooperacja_core::rule::{Denominator, Filter, Key, Measure, Rule, Units};
use kooperacja_core::territory::{Level, Register, TerytCode};
use rust_decimal::Decimal;

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

fn koordynacja() -> Project {
    Project::parse(&read("projects/koordynacja-kujawy-pomorze.toml")).expect("fixture parses")
}

fn register() -> Register {
    Register::parse_terc(&read("teryt/TERC_Urzedowy_2025-11-18.csv")).expect("register parses")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

/// Every record of a JSON Lines text, read through `FactReader`; all must be good.
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

fn sample(name: &str) -> Vec<Fact> {
    facts_of(&read(&format!("facts/{name}")))
}

/// An engine with every fact applied; none may be refused.
fn engine(project: &Project, register: Option<&Register>, facts: &[Fact]) -> Engine {
    let mut engine = Engine::new(project.clone(), register.cloned().map(std::sync::Arc::new));
    for fact in facts {
        let applied = engine.apply(fact);
        assert!(
            !matches!(applied, Applied::Excluded(_)),
            "{}: {applied:?}",
            fact.id
        );
    }
    engine
}

fn indicator<'r>(report: &'r Report, id: &str) -> &'r IndicatorReport {
    report
        .indicators
        .iter()
        .find(|i| i.id == id)
        .expect("indicator in the report")
}

fn rule_of<'p>(project: &'p Project, id: &str) -> &'p Rule {
    project
        .indicators
        .iter()
        .find(|i| i.id == id)
        .expect("indicator in the project")
        .rule
        .as_ref()
        .expect("the indicator has a rule")
}

fn kind_count(report: &Report, kind: &str) -> u64 {
    report
        .facts
        .by_kind
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(0, |(_, n)| *n)
}

fn filter(f: impl FnOnce(&mut Filter)) -> Filter {
    let mut filter = Filter::default();
    f(&mut filter);
    filter
}

/// (value, status) of one indicator.
fn value_status(report: &Report, id: &str) -> (Option<Decimal>, Status) {
    let i = indicator(report, id);
    (i.value, i.status)
}

// ---------------------------------------------------------------------------
// I-01..I-07: the rules

#[test]
fn kooperacja_rules_are_the_seed_definitions() {
    let p = kooperacja();

    // SEED: I-01 — JST where the model was piloted: each JST once.
    assert_eq!(
        rule_of(&p, "jst-piloted"),
        &Rule::Distinct {
            key: Key::Jst,
            filter: filter(|f| f.kind = vec!["pilot".to_owned()]),
        }
    );
    // SEED: I-02 — entities that took up cooperation: each institution once.
    assert_eq!(
        rule_of(&p, "entities-cooperating"),
        &Rule::Distinct {
            key: Key::Institution,
            filter: filter(|f| f.kind = vec!["agreement".to_owned()]),
        }
    );
    // SEED: I-03 — models developed: deliverables of kind `model`.
    assert_eq!(
        rule_of(&p, "models-developed"),
        &Rule::Count {
            measure: Measure::Facts,
            filter: filter(|f| {
                f.kind = vec!["deliverable".to_owned()];
                f.fields
                    .insert("deliverable".to_owned(), vec!["model".to_owned()]);
            }),
        }
    );
    // SEED: I-04 — social workers coached, in either form (no `form` filter),
    // each person once.
    let i04 = rule_of(&p, "social-workers-coached");
    assert_eq!(
        i04,
        &Rule::Distinct {
            key: Key::Person,
            filter: filter(|f| {
                f.kind = vec!["coaching".to_owned()];
                f.fields
                    .insert("role".to_owned(), vec!["social-worker".to_owned()]);
            }),
        }
    );
    assert!(
        matches!(i04, Rule::Distinct { key: Key::Person, filter } if !filter.fields.contains_key("form"))
    );
    // SEED: I-05 — reports from the pilot.
    assert_eq!(
        rule_of(&p, "pilot-reports"),
        &Rule::Count {
            measure: Measure::Facts,
            filter: filter(|f| {
                f.kind = vec!["deliverable".to_owned()];
                f.fields
                    .insert("deliverable".to_owned(), vec!["pilot-report".to_owned()]);
            }),
        }
    );
    // SEED: I-06 — reports summarising the pilot.
    assert_eq!(
        rule_of(&p, "summary-reports"),
        &Rule::Count {
            measure: Measure::Facts,
            filter: filter(|f| {
                f.kind = vec!["deliverable".to_owned()];
                f.fields
                    .insert("deliverable".to_owned(), vec!["summary-report".to_owned()]);
            }),
        }
    );
    // SEED: I-07 — training and education meetings: meetings, one each.
    assert_eq!(
        rule_of(&p, "training-meetings"),
        &Rule::Count {
            measure: Measure::Facts,
            filter: filter(|f| {
                f.kind = vec!["meeting".to_owned()];
                f.fields
                    .insert("activity".to_owned(), vec!["education".to_owned()]);
            }),
        }
    );

    // Targets and due dates, as the report computes them.
    let report = Engine::new(p.clone(), None).report(date(2019, 3, 31));
    let due: Vec<(&str, Target, NaiveDate)> = report
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i.target, i.due))
        .collect();
    assert_eq!(
        due,
        [
            // SEED: I-01
            ("jst-piloted", Target::Count(50), date(2020, 9, 30)),
            // SEED: I-02
            (
                "entities-cooperating",
                Target::Count(288),
                date(2019, 3, 31)
            ),
            // SEED: I-03
            ("models-developed", Target::Count(1), date(2019, 3, 31)),
            // SEED: I-04
            (
                "social-workers-coached",
                Target::Count(100),
                date(2019, 3, 31)
            ),
            // SEED: I-05
            ("pilot-reports", Target::Count(1), date(2020, 9, 30)),
            // SEED: I-06
            ("summary-reports", Target::Count(1), date(2020, 12, 31)),
            // SEED: I-07
            ("training-meetings", Target::Count(6), date(2021, 3, 31)),
        ]
    );
}

// ---------------------------------------------------------------------------
// I-01..I-07: the rules on tiny fact sets

#[test]
fn a_person_coached_in_both_forms_counts_once() {
    // SEED: I-04
    let p = kooperacja();
    let facts = facts_of(concat!(
        r#"{"id":"c-ind","date":"2018-09-03","by":"rops-torun","territory":"0410033","kind":"coaching","person":"sw-x","form":"individual","role":"social-worker"}"#,
        "\n",
        r#"{"id":"c-grp","date":"2018-10-08","by":"umk","territory":"0410033","kind":"coaching","person":"sw-x","form":"group","role":"social-worker"}"#,
        "\n",
    ));
    let e = engine(&p, None, &facts);
    let i04 = |as_of| value_status(&e.report(as_of), "social-workers-coached").0;
    assert_eq!(i04(date(2018, 9, 2)), Some(Decimal::ZERO));
    assert_eq!(i04(date(2018, 9, 3)), Some(Decimal::ONE));
    assert_eq!(i04(date(2019, 3, 31)), Some(Decimal::ONE));

    // A family assistant coached does not count; another social worker does.
    let more = facts_of(concat!(
        r#"{"id":"c-fa","date":"2018-10-08","by":"umk","territory":"0410033","kind":"coaching","person":"fa-1","form":"group","role":"family-assistant"}"#,
        "\n",
        r#"{"id":"c-sw2","date":"2018-10-08","by":"umk","territory":"0410033","kind":"coaching","person":"sw-y","form":"group","role":"social-worker"}"#,
        "\n",
    ));
    let e = engine(&p, None, &[facts, more].concat());
    assert_eq!(
        value_status(&e.report(date(2019, 3, 31)), "social-workers-coached").0,
        Some(Decimal::TWO)
    );
}

#[test]
fn the_kooperacja_rules_on_tiny_fact_sets() {
    let p = kooperacja();
    let as_of = date(2021, 3, 31);

    // SEED: I-01 — a JST piloted twice counts once.
    let e = engine(
        &p,
        None,
        &facts_of(concat!(
            r#"{"id":"p-1","date":"2019-09-12","by":"rops-poznan","territory":"3026","kind":"pilot","jst":"3026"}"#,
            "\n",
            r#"{"id":"p-2","date":"2019-10-12","by":"rops-poznan","territory":"3026","kind":"pilot","jst":"3026"}"#,
            "\n",
            r#"{"id":"p-3","date":"2019-10-12","by":"rops-poznan","territory":"3026043","kind":"pilot","jst":"3026043"}"#,
            "\n",
        )),
    );
    assert_eq!(
        value_status(&e.report(as_of), "jst-piloted").0,
        Some(Decimal::TWO)
    );

    // SEED: I-02 — an institution with two agreements counts once.
    let e = engine(
        &p,
        None,
        &facts_of(concat!(
            r#"{"id":"a-1","date":"2018-06-01","by":"rops-torun","territory":"0410033","kind":"agreement","institution":"inst-1","name":"I","sector":"education"}"#,
            "\n",
            r#"{"id":"a-2","date":"2018-07-01","by":"rops-torun","territory":"0410033","kind":"agreement","institution":"inst-1","name":"I","sector":"health"}"#,
            "\n",
        )),
    );
    assert_eq!(
        value_status(&e.report(as_of), "entities-cooperating").0,
        Some(Decimal::ONE)
    );

    // SEED: I-03, I-05, I-06 — each deliverable kind counts for its own indicator
    // only; a tool package counts for none.
    let e = engine(
        &p,
        None,
        &facts_of(concat!(
            r#"{"id":"d-1","date":"2019-03-20","by":"umk","kind":"deliverable","deliverable":"model","title":"M"}"#,
            "\n",
            r#"{"id":"d-2","date":"2019-03-25","by":"umk","kind":"deliverable","deliverable":"tool-package","title":"T"}"#,
            "\n",
            r#"{"id":"d-3","date":"2020-09-01","by":"umk","kind":"deliverable","deliverable":"pilot-report","title":"P"}"#,
            "\n",
            r#"{"id":"d-4","date":"2020-12-01","by":"umk","kind":"deliverable","deliverable":"summary-report","title":"S"}"#,
            "\n",
        )),
    );
    let r = e.report(as_of);
    for id in ["models-developed", "pilot-reports", "summary-reports"] {
        assert_eq!(
            value_status(&r, id),
            (Some(Decimal::ONE), Status::Achieved),
            "{id}"
        );
    }

    // SEED: I-07 — education meetings count, one each whatever their length;
    // dissemination meetings do not.
    let e = engine(
        &p,
        None,
        &facts_of(concat!(
            r#"{"id":"m-1","date":"2021-01-20","by":"umk","territory":"04","kind":"meeting","activity":"education","days":2}"#,
            "\n",
            r#"{"id":"m-2","date":"2021-01-21","by":"umk","territory":"04","kind":"meeting","activity":"dissemination"}"#,
            "\n",
        )),
    );
    assert_eq!(
        value_status(&e.report(as_of), "training-meetings").0,
        Some(Decimal::ONE)
    );
}

// ---------------------------------------------------------------------------
// I-01..I-07: values on the sample facts

#[test]
fn kooperacja_values_on_the_sample_facts() {
    let p = kooperacja();
    let facts = sample("kooperacja-sample.jsonl");
    let e = engine(&p, None, &facts);
    let table = |as_of| -> Vec<(String, Option<Decimal>, Status)> {
        e.report(as_of)
            .indicators
            .iter()
            .map(|i| (i.id.clone(), i.value, i.status))
            .collect()
    };
    let expect = |rows: [(&str, u64, Status); 7]| -> Vec<(String, Option<Decimal>, Status)> {
        rows.iter()
            .map(|(id, v, s)| ((*id).to_owned(), Some(Decimal::from(*v)), *s))
            .collect()
    };

    // End of KM-I: I-02, I-03 and I-04 are due.
    assert_eq!(
        table(date(2019, 3, 31)),
        expect([
            ("jst-piloted", 0, Status::NotStarted),          // SEED: I-01
            ("entities-cooperating", 300, Status::Achieved), // SEED: I-02
            ("models-developed", 1, Status::Achieved),       // SEED: I-03
            ("social-workers-coached", 95, Status::AtRisk),  // SEED: I-04
            ("pilot-reports", 0, Status::NotStarted),        // SEED: I-05
            ("summary-reports", 0, Status::NotStarted),      // SEED: I-06
            ("training-meetings", 0, Status::NotStarted),    // SEED: I-07
        ])
    );
    // SEED: I-04 — on its due date the forecast is the value itself.
    let r = e.report(date(2019, 3, 31));
    assert_eq!(
        indicator(&r, "social-workers-coached").forecast,
        Some(Decimal::from(95))
    );

    // End of KM-II: I-01 and I-05 are due; I-04 is past due.
    assert_eq!(
        table(date(2020, 9, 30)),
        expect([
            ("jst-piloted", 50, Status::Achieved),           // SEED: I-01
            ("entities-cooperating", 303, Status::Achieved), // SEED: I-02
            ("models-developed", 1, Status::Achieved),       // SEED: I-03
            ("social-workers-coached", 95, Status::Missed),  // SEED: I-04
            ("pilot-reports", 0, Status::NotStarted),        // SEED: I-05
            ("summary-reports", 0, Status::NotStarted),      // SEED: I-06
            ("training-meetings", 0, Status::NotStarted),    // SEED: I-07
        ])
    );

    // End of KM-IV (and of the original period).
    assert_eq!(
        table(date(2021, 3, 31)),
        expect([
            ("jst-piloted", 50, Status::Achieved),           // SEED: I-01
            ("entities-cooperating", 303, Status::Achieved), // SEED: I-02
            ("models-developed", 1, Status::Achieved),       // SEED: I-03
            ("social-workers-coached", 95, Status::Missed),  // SEED: I-04
            ("pilot-reports", 1, Status::Achieved),          // SEED: I-05
            ("summary-reports", 0, Status::Missed),          // SEED: I-06
            ("training-meetings", 4, Status::AtRisk),        // SEED: I-07
        ])
    );
    let r = e.report(date(2021, 3, 31));
    assert_eq!(
        indicator(&r, "training-meetings").forecast,
        Some(Decimal::from(4))
    );
    // SEED: I-01 — the 50 JST piloted are the project's 20 powiats and 30 gminas.
    let listed: BTreeSet<String> = p
        .territory
        .voivodeships
        .iter()
        .flat_map(|v| &v.powiats)
        .flat_map(|pw| {
            std::iter::once(pw.code.to_string()).chain(pw.gminas.iter().map(|g| g.code.to_string()))
        })
        .collect();
    let piloted: BTreeSet<String> = facts
        .iter()
        .filter(|f| f.kind() == "pilot")
        .filter_map(|f| f.value("jst").map(|v| v.to_text()))
        .collect();
    assert_eq!(listed.len(), 50);
    assert_eq!(piloted, listed);
}

// ---------------------------------------------------------------------------
// F-08..F-11

/// The powiats and gminas of voivodeship `woj` in the raw TERC file, counted
/// without the crate's register: a powiat row has POW and no GMI; a gmina row
/// has GMI and RODZ 1, 2 or 3 (4 and 5 are the parts of an urban-rural gmina,
/// 8 and 9 the districts of a city).
fn terc_jst(woj: &str) -> (usize, usize) {
    let text = read("teryt/TERC_Urzedowy_2025-11-18.csv");
    let (mut powiats, mut gminas) = (0, 0);
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.trim_end_matches('\r').split(';').collect();
        if f.len() < 4 || f[0] != woj {
            continue;
        }
        match (f[1].is_empty(), f[2].is_empty(), f[3]) {
            (false, true, _) => powiats += 1,
            (false, false, "1" | "2" | "3") => gminas += 1,
            _ => {}
        }
    }
    (powiats, gminas)
}

#[test]
fn koordynacja_rules_are_the_seed_definitions() {
    let p = koordynacja();
    // SEED: F-08 — persons supported, each once.
    assert_eq!(
        rule_of(&p, "persons-supported"),
        &Rule::Distinct {
            key: Key::Person,
            filter: filter(|f| f.kind = vec!["support".to_owned()]),
        }
    );
    // SEED: F-09 — institutions supported, each once: support facts that name
    // an institution and no person (a person's support names the employer).
    assert_eq!(
        rule_of(&p, "institutions-supported"),
        &Rule::Distinct {
            key: Key::Institution,
            filter: filter(|f| {
                f.kind = vec!["support".to_owned()];
                f.absent = vec!["person".to_owned()];
            }),
        }
    );
    // SEED: F-10 — persons qualified, each once, a subset of F-08's persons.
    assert_eq!(
        rule_of(&p, "persons-qualified"),
        &Rule::Distinct {
            key: Key::Person,
            filter: filter(|f| f.kind = vec!["qualification".to_owned()]),
        }
    );
    let f10 = p
        .indicators
        .iter()
        .find(|i| i.id == "persons-qualified")
        .expect("F-10");
    assert_eq!(f10.subset_of.as_deref(), Some("persons-supported"));
    // SEED: F-11 — a share: JST with a DI plan over all JST of the territory.
    assert_eq!(
        rule_of(&p, "jst-di-plans"),
        &Rule::Ratio {
            numerator: Box::new(Rule::Distinct {
                key: Key::Jst,
                filter: filter(|f| f.kind = vec!["di-plan".to_owned()]),
            }),
            denominator: Denominator::Territory {
                units: Units::Jst,
                within: None,
            },
        }
    );
    let f11 = p
        .indicators
        .iter()
        .find(|i| i.id == "jst-di-plans")
        .expect("F-11");
    assert!(matches!(f11.target, Target::Share(r) if r.percent() == Decimal::from(50)));
}

#[test]
fn koordynacja_values_on_the_sample_facts() {
    let p = koordynacja();
    let reg = register();
    let facts = sample("koordynacja-sample.jsonl");
    let e = engine(&p, Some(&reg), &facts);
    let r = e.report(date(2025, 11, 30));
    let due = date(2028, 12, 31);
    assert!(r.indicators.iter().all(|i| i.due == due));

    // SEED: F-08
    assert_eq!(
        value_status(&r, "persons-supported"),
        (Some(Decimal::from(240)), Status::AtRisk)
    );
    assert_eq!(
        indicator(&r, "persons-supported").forecast,
        Some(dec("595.43"))
    );
    // SEED: F-09
    assert_eq!(
        value_status(&r, "institutions-supported"),
        (Some(Decimal::from(90)), Status::OnTrack)
    );
    assert_eq!(
        indicator(&r, "institutions-supported").forecast,
        Some(dec("223.29"))
    );
    // SEED: F-10
    assert_eq!(
        value_status(&r, "persons-qualified"),
        (Some(Decimal::from(200)), Status::AtRisk)
    );
    // SEED: F-11
    assert_eq!(
        value_status(&r, "jst-di-plans"),
        (Some(dec("23.9521")), Status::OnTrack)
    );
    assert_eq!(indicator(&r, "jst-di-plans").forecast, Some(dec("59.4251")));
    assert_eq!(indicator(&r, "jst-di-plans").note, None);

    // SEED: F-10 — F-10 ≤ F-08, and in the sample every qualified person was
    // also supported.
    let f08 = indicator(&r, "persons-supported")
        .value
        .expect("F-08 value");
    let f10 = indicator(&r, "persons-qualified")
        .value
        .expect("F-10 value");
    assert!(f10 <= f08, "F-10 {f10} > F-08 {f08}");
    let persons_of = |kind: &str| -> BTreeSet<String> {
        facts
            .iter()
            .filter(|f| f.kind() == kind)
            .filter_map(|f| match f.value("person") {
                Some(Value::Person(p)) => Some(p.as_str().to_owned()),
                _ => None,
            })
            .collect()
    };
    let supported = persons_of("support");
    let qualified = persons_of("qualification");
    assert_eq!(Decimal::from(supported.len()), f08);
    assert_eq!(Decimal::from(qualified.len()), f10);
    assert!(qualified.is_subset(&supported));
}

#[test]
fn the_di_plan_share_is_over_every_jst_of_voivodeship_04() {
    // SEED: F-11
    let p = koordynacja();
    let reg = register();
    let (powiats, gminas) = terc_jst("04");
    // 19 powiats and 4 cities with powiat rights; 144 gminas.
    assert_eq!((powiats, gminas), (23, 144));
    let n = powiats + gminas;
    // The crate's register agrees with the raw count.
    let voivodeship = TerytCode::parse("04").expect("code");
    let in_register = reg
        .units()
        .filter(|u| matches!(u.code.level(), Level::Powiat | Level::Gmina))
        .filter(|u| u.code.is_within(&voivodeship))
        .count();
    assert_eq!(in_register, n);

    // Exactly one DI plan: the share is 1/N, as a percentage to 4 places.
    let facts = facts_of(concat!(
        r#"{"id":"di-1","date":"2024-06-01","by":"rops-torun","territory":"0410033","kind":"di-plan","jst":"0410033"}"#,
        "\n"
    ));
    let e = engine(&p, Some(&reg), &facts);
    let f11 = e.report(date(2025, 11, 30));
    let f11 = indicator(&f11, "jst-di-plans");
    let expected = (Decimal::ONE_HUNDRED / Decimal::from(n)).round_dp(4);
    assert_eq!(expected, dec("0.5988"));
    assert_eq!(f11.value, Some(expected));
    assert_eq!(f11.by_voivodeship.len(), 1);
    assert_eq!(f11.by_voivodeship[0].key, "04");
    assert_eq!(f11.by_voivodeship[0].value, expected);

    // Before the plan, 0 %: not started.
    let before = e.report(date(2024, 5, 31));
    assert_eq!(
        value_status(&before, "jst-di-plans"),
        (Some(Decimal::ZERO), Status::NotStarted)
    );
}

#[test]
fn without_the_register_the_di_plan_share_is_not_evaluated() {
    // SEED: F-11
    let p = koordynacja();
    let e = engine(&p, None, &sample("koordynacja-sample.jsonl"));
    let r = e.report(date(2025, 11, 30));
    let f11 = indicator(&r, "jst-di-plans");
    assert_eq!(f11.status, Status::NotEvaluated);
    assert_eq!((f11.value, f11.forecast), (None, None));
    let note = f11.note.as_deref().expect("a note says why");
    assert!(note.contains("TERYT register"), "{note}");
    // The other indicators need no register.
    // SEED: F-08
    assert_eq!(
        value_status(&r, "persons-supported"),
        (Some(Decimal::from(240)), Status::AtRisk)
    );
}

// ---------------------------------------------------------------------------
// E-01..E-04: the real events at the head of the sample

fn sample_records(name: &str) -> Vec<Record> {
    read(&format!("facts/{name}"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| kooperacja_core::facts::parse_json_record(l).expect("a record"))
        .collect()
}

#[test]
fn the_first_sample_records_are_the_real_events() {
    let facts = sample("kooperacja-sample.jsonl");
    let records = sample_records("kooperacja-sample.jsonl");
    let reg = register();
    let name_of = |code: &TerytCode| reg.get(code).map(|u| u.name.clone());

    // Only the first four records are real; every other one says it is synthetic.
    for (i, r) in records.iter().enumerate() {
        let note = r.get("note").unwrap_or("");
        if i < 4 {
            assert!(note.starts_with("real: seed 004"), "record {i}: {note}");
        } else {
            assert_eq!(note, "synthetic", "record {i}");
        }
    }

    // SEED: E-01 — the meeting of 11 February 2020 in the „Przystań” in powiat
    // nakielski, led by ROPS Toruń and UMK.
    let e01 = &facts[0];
    assert_eq!(e01.date, date(2020, 2, 11));
    assert_eq!(e01.recorded_by, "rops-torun");
    let territory = e01.territory.as_ref().expect("a territory");
    assert_eq!(territory.as_str(), "0410");
    assert_eq!(name_of(territory).as_deref(), Some("nakielski"));
    match &e01.what {
        What::Fields(f) if f.kind == "meeting" => {
            assert_eq!(f.get("group"), None);
            assert_eq!(f.text("activity"), Some("pilot"));
            assert_eq!(f.get("days"), Some(&Value::Count(1)));
            let place = f.text("place").expect("a place");
            assert!(place.contains("Przystani"), "{place}");
            assert_eq!(
                f.get("led_by").map(Value::to_text).as_deref(),
                Some("rops-torun umk")
            );
        }
        other => panic!("E-01 is a meeting, not {other:?}"),
    }

    // SEED: E-02 — the project coordinators in powiat nakielski: MGOPS Nakło
    // nad Notecią and MGOPS Kcynia, as agreements in their gminas.
    let coordinators: Vec<(&str, &str, Option<String>, &str)> = facts[1..3]
        .iter()
        .map(|f| match &f.what {
            What::Fields(a) if a.kind == "agreement" => {
                let code = f.territory.as_ref().expect("a territory");
                (
                    a.text("institution").unwrap_or_default(),
                    code.as_str(),
                    name_of(code),
                    a.text("name").unwrap_or_default(),
                )
            }
            other => panic!("E-02 is an agreement, not {other:?}"),
        })
        .collect();
    assert_eq!(
        coordinators,
        [
            (
                "mgops-naklo-nad-notecia",
                "0410033",
                Some("Nakło nad Notecią".to_owned()),
                "Miejsko-Gminny Ośrodek Pomocy Społecznej w Nakle nad Notecią",
            ),
            (
                "mgops-kcynia",
                "0410013",
                Some("Kcynia".to_owned()),
                "Miejsko-Gminny Ośrodek Pomocy Społecznej w Kcyni",
            ),
        ]
    );
    assert!(facts[1..3].iter().all(|f| f.date == date(2020, 2, 11)));

    // SEED: E-03 — the agreement (porozumienie) for the pilot, due by the end of
    // February 2020, dated on that deadline; the note says so.
    let e03 = &facts[3];
    assert_eq!(e03.date, date(2020, 2, 29));
    assert_eq!(e03.territory.as_ref().map(TerytCode::as_str), Some("0410"));
    assert!(
        matches!(&e03.what, What::Fields(a) if a.kind == "agreement" && a.text("name").is_some_and(|n| n.starts_with("Porozumienie"))),
        "{:?}",
        e03.what
    );
    let note = records[3].get("note").expect("a note");
    assert!(note.contains("E-03"), "{note}");
    assert!(note.contains("by the end of February 2020"), "{note}");
}

#[test]
fn the_e01_meeting_counts_on_its_day() {
    // SEED: E-01
    let p = kooperacja();
    let e = engine(&p, None, &sample("kooperacja-sample.jsonl"));
    let (before, on) = (e.report(date(2020, 2, 10)), e.report(date(2020, 2, 11)));
    // The meeting counts as a meeting fact from its day: it is the only meeting of
    // 11.02.2020.
    assert_eq!(
        kind_count(&on, "meeting"),
        kind_count(&before, "meeting") + 1
    );
    // SEED: E-02 — and the two coordinators' agreements with it.
    assert_eq!(
        kind_count(&on, "agreement"),
        kind_count(&before, "agreement") + 2
    );
    // SEED: E-03
    let end_of_february = e.report(date(2020, 2, 29));
    assert_eq!(
        kind_count(&end_of_february, "agreement"),
        kind_count(&on, "agreement") + 1
    );

    // It falls in KM-II, the test of the model…
    let km2 = |r: &Report| {
        r.milestones
            .iter()
            .find(|m| m.id == "KM-II")
            .expect("KM-II")
            .clone()
    };
    assert_eq!(km2(&on).state, MilestoneState::Running);
    // …whose pilot activity plans no count: the milestone view still lists
    // it, and the meeting is held under it (one meeting, one day).
    let pilot = |r: &Report| {
        km2(r)
            .activities
            .into_iter()
            .find(|a| a.kind == "pilot")
            .expect("the pilot activity is listed")
    };
    assert_eq!(pilot(&on).planned, None);
    assert_eq!(
        (pilot(&on).held, pilot(&on).held_days),
        (pilot(&before).held + 1, pilot(&before).held_days + 1)
    );

    // SEED: E-02 — the coordinators' agreements count toward I-02 from that day.
    let i02 = |r: &Report| value_status(r, "entities-cooperating").0;
    assert_eq!(i02(&on), i02(&before).map(|v| v + Decimal::TWO));
}

#[test]
fn the_stated_powiats_per_voivodeship() {
    // SEED: E-04
    let p = kooperacja();
    let stated: BTreeMap<&str, Option<u32>> = p
        .territory
        .voivodeships
        .iter()
        .map(|v| (v.name.as_str(), v.stated_powiats))
        .collect();
    let seed = [
        ("lubuskie", 3),
        ("pomorskie", 4),
        ("warmińsko-mazurskie", 3),
        ("wielkopolskie", 4),
        ("zachodniopomorskie", 3),
        ("kujawsko-pomorskie", 3),
    ];
    assert_eq!(
        stated,
        seed.iter()
            .map(|(n, c)| (*n, Some(*c)))
            .collect::<BTreeMap<_, _>>()
    );
    // The listed powiats agree, and so do the powiats whose PGR met in the sample.
    let facts = sample("kooperacja-sample.jsonl");
    let mut pgr: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &facts {
        if let (Some(Value::Text(g)), Some(t)) = (f.value("group"), &f.territory) {
            if g == "PGR" {
                pgr.entry(t.voivodeship().to_string())
                    .or_default()
                    .insert(t.to_string());
            }
        }
    }
    for v in &p.territory.voivodeships {
        let n = v.stated_powiats.expect("stated") as usize;
        assert_eq!(v.powiats.len(), n, "{}", v.name);
        assert_eq!(
            pgr.get(v.code.as_str()).map(BTreeSet::len),
            Some(n),
            "{}",
            v.name
        );
    }
}

// ---------------------------------------------------------------------------
// Every status and every milestone state on the sample

fn month_ends(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let (mut y, mut m) = (from.year(), from.month());
    loop {
        let next = if m == 12 {
            date(y + 1, 1, 1)
        } else {
            date(y, m + 1, 1)
        };
        let end = next.pred_opt().expect("a day before");
        if end > to {
            break;
        }
        if end >= from {
            out.push(end);
        }
        (y, m) = (next.year(), next.month());
    }
    out
}

#[test]
fn every_status_and_milestone_state_appears_on_the_sample() {
    // SEED: I-01
    // SEED: I-02
    // SEED: I-04
    let p = kooperacja();
    let e = engine(&p, None, &sample("kooperacja-sample.jsonl"));
    let dates = month_ends(date(2018, 4, 30), date(2021, 6, 30));
    assert_eq!(dates.len(), 39);
    assert_eq!(dates[0], date(2018, 4, 30));
    assert_eq!(dates[10], date(2019, 2, 28));
    assert_eq!(dates[22], date(2020, 2, 29));
    assert_eq!(dates[38], date(2021, 6, 30));

    let mut statuses: BTreeMap<Status, (String, NaiveDate)> = BTreeMap::new();
    let mut states: BTreeMap<&str, (String, NaiveDate)> = BTreeMap::new();
    for &as_of in &dates {
        let r = e.report(as_of);
        for i in &r.indicators {
            statuses.entry(i.status).or_insert((i.id.clone(), as_of));
        }
        for m in &r.milestones {
            states
                .entry(m.state.english())
                .or_insert((m.id.clone(), as_of));
        }
    }
    let seen: Vec<Status> = statuses.keys().copied().collect();
    assert_eq!(
        seen,
        [
            Status::NotStarted,
            Status::OnTrack,
            Status::AtRisk,
            Status::Achieved,
            Status::Missed,
        ],
        "{statuses:?}"
    );
    let seen: BTreeSet<&str> = states.keys().copied().collect();
    assert_eq!(
        seen,
        [
            MilestoneState::NotStarted,
            MilestoneState::Running,
            MilestoneState::Finished,
        ]
        .iter()
        .map(|s| s.english())
        .collect::<BTreeSet<_>>(),
        "{states:?}"
    );

    // Where each first shows: I-02 on track in its first months, I-04 at risk.
    let r = e.report(date(2018, 12, 31));
    assert_eq!(
        value_status(&r, "entities-cooperating"),
        (Some(Decimal::from(223)), Status::OnTrack)
    );
    assert_eq!(
        indicator(&r, "entities-cooperating").forecast,
        Some(dec("295.98"))
    );
    assert_eq!(
        value_status(&r, "social-workers-coached"),
        (Some(Decimal::from(63)), Status::AtRisk)
    );
}

// ---------------------------------------------------------------------------
// The sample's duplicate and retraction

#[test]
fn the_sample_duplicate_and_retraction_are_counted() {
    let p = kooperacja();
    let facts = sample("kooperacja-sample.jsonl");
    let mut e = Engine::new(p.clone(), None);
    let mut applied: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in &facts {
        let outcome = e.apply(f);
        applied
            .entry(format!("{outcome:?}"))
            .or_default()
            .push(f.id.clone());
        if outcome == Applied::Retracted {
            assert!(
                matches!(&f.what, What::Retraction { retracts, .. } if retracts == "agr-mistake" || retracts == "exp-rops-gdansk-2019-02")
            );
        }
    }
    assert_eq!(applied["Duplicate"], ["pgr-3204-1"]);
    // The agreement recorded twice, and an expenditure paid twice (its invoice
    // returned), are the sample's two retractions.
    assert_eq!(
        applied["Retracted"],
        [
            "agr-mistake-retraction",
            "exp-rops-gdansk-2019-02-retraction"
        ]
    );
    assert_eq!(applied.len(), 3, "{:?}", applied.keys().collect::<Vec<_>>());

    for as_of in [date(2018, 4, 30), date(2020, 9, 30), date(2021, 3, 31)] {
        let r = e.report(as_of);
        assert_eq!(r.facts.duplicates, 1);
        assert_eq!(r.facts.retracted, 2);
        assert_eq!(r.facts.pending_retractions, 0);
    }
    // The retracted agreement never counts, even before its retraction's date;
    // the retraction itself counts under its own kind from its day.
    let r = e.report(date(2018, 11, 19));
    assert_eq!(kind_count(&r, "retraction"), 0);
    let recorded = facts
        .iter()
        .filter(|f| f.what.kind() == "agreement" && f.date <= date(2018, 11, 19))
        .count() as u64;
    assert!(
        facts
            .iter()
            .any(|f| f.id == "agr-mistake" && f.date < date(2018, 11, 19))
    );
    assert_eq!(kind_count(&r, "agreement"), recorded - 1);
    let r = e.report(date(2018, 11, 20));
    assert_eq!(kind_count(&r, "retraction"), 1);
    let r = e.report(date(2019, 5, 15));
    assert_eq!(kind_count(&r, "retraction"), 2);
    let end = e.report(date(2021, 3, 31));
    // 363 meeting records less the duplicate; 304 agreements less the retracted one.
    assert_eq!(kind_count(&end, "meeting"), 362);
    assert_eq!(kind_count(&end, "agreement"), 303);
}
