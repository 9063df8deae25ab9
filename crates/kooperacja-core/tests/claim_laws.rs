//! The laws of claims (proptest), each against an independent model that
//! counts the generated facts itself:
//! - for count and sum rules, for every cost line and task, the claims'
//!   period values sum to the cumulative value at the last period's end,
//!   and each period's value is the model's count of the facts dated in it;
//! - for distinct counts, the period value is "first counted in this
//!   period", and the same sum law holds;
//! - a claim's figures do not depend on facts dated after its period unless
//!   they retract a fact within it;
//! - a frozen (filed) claim never changes, whatever facts come later;
//! - the sources of financing and the periods' indirect costs sum exactly.

mod claim_common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use claim_common::*;
use kooperacja_core::claim::{Claim, ClaimBook};
use kooperacja_core::money::Amount;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One generated fact.
#[derive(Debug, Clone)]
enum Gen {
    Meeting {
        day: i64,
        hours: u32,
    },
    Entry {
        day: i64,
        person: u8,
        woman: bool,
    },
    Spent {
        day: i64,
        line: u8,
        grosze: i64,
    },
    Transfer {
        day: i64,
        grosze: i64,
    },
    /// Retracts the generated fact at this position (modulo), if earlier.
    Retract {
        day: i64,
        of: usize,
    },
}

const LINES: [(u32, &str, &str, &str); 3] = [
    (1, "1.1", "lider", "staff"),
    (1, "1.2", "partner", "services"),
    (2, "2.1", "lider", "staff"),
];

fn start() -> NaiveDate {
    day("2024-01-01")
}

fn date(offset: i64) -> NaiveDate {
    start() + Duration::days(offset)
}

fn gen_fact(days: std::ops::Range<i64>) -> impl Strategy<Value = Gen> {
    prop_oneof![
        (days.clone(), 1u32..800).prop_map(|(day, hours)| Gen::Meeting { day, hours }),
        (days.clone(), 0u8..6, any::<bool>()).prop_map(|(day, person, woman)| Gen::Entry {
            day,
            person,
            woman
        }),
        (days.clone(), 0u8..4, -50_000i64..5_000_000).prop_map(|(day, line, grosze)| Gen::Spent {
            day,
            line,
            grosze
        }),
        (days.clone(), 1i64..10_000_000).prop_map(|(day, grosze)| Gen::Transfer { day, grosze }),
        (days, any::<usize>()).prop_map(|(day, of)| Gen::Retract { day, of }),
    ]
}

fn gen_facts() -> impl Strategy<Value = Vec<Gen>> {
    proptest::collection::vec(gen_fact(0..366), 0..40)
}

/// The JSON line of generated fact `i`; a retraction names the id of an
/// earlier fact, or is left out when there is none to retract.
fn line(i: usize, g: &Gen, all: &[Gen]) -> Option<String> {
    let amount = |grosze: i64| Amount::from_grosze(grosze).to_plain();
    Some(match g {
        Gen::Meeting { day, hours } => format!(
            r#"{{"id":"f{i}","date":"{}","by":"lider","kind":"meeting","hours":"{}"}}"#,
            date(*day),
            Decimal::new(i64::from(*hours), 2)
        ),
        Gen::Entry { day, person, woman } => format!(
            r#"{{"id":"f{i}","date":"{}","by":"lider","kind":"entry","participant":"p{person}","sex":"{}"}}"#,
            date(*day),
            if *woman { "K" } else { "M" }
        ),
        Gen::Spent { day, line, grosze } => match LINES.get(usize::from(*line)) {
            Some((task, id, partner, category)) => spent(
                &format!("f{i}"),
                &date(*day).to_string(),
                partner,
                &amount(*grosze),
                category,
                *task,
                id,
            ),
            // Naming the task only.
            None => format!(
                r#"{{"id":"f{i}","date":"{}","by":"lider","kind":"expenditure","partner":"lider","amount":"{}","category":"staff","task":2}}"#,
                date(*day),
                amount(*grosze)
            ),
        },
        Gen::Transfer { day, grosze } => format!(
            r#"{{"id":"f{i}","date":"{}","by":"lider","kind":"transfer","amount":"{}"}}"#,
            date(*day),
            amount(*grosze)
        ),
        Gen::Retract { day, of } => {
            if i == 0 {
                return None;
            }
            let target = of % i;
            if matches!(all.get(target), Some(Gen::Retract { .. }) | None) {
                return None;
            }
            format!(
                r#"{{"id":"f{i}","date":"{}","by":"lider","kind":"retraction","retracts":"f{target}","reason":"error"}}"#,
                date(*day)
            )
        }
    })
}

fn jsonl(all: &[Gen]) -> String {
    all.iter()
        .enumerate()
        .filter_map(|(i, g)| line(i, g, all))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The model: which generated facts are live (not retracted by a
/// retraction that is written).
fn live(all: &[Gen]) -> Vec<(usize, &Gen)> {
    let retracted: BTreeSet<usize> = all
        .iter()
        .enumerate()
        .filter(|(i, g)| matches!(g, Gen::Retract { .. }) && line(*i, g, all).is_some())
        .filter_map(|(i, g)| match g {
            Gen::Retract { of, .. } => Some(of % i),
            _ => None,
        })
        .collect();
    all.iter()
        .enumerate()
        .filter(|(i, g)| !matches!(g, Gen::Retract { .. }) && !retracted.contains(i))
        .collect()
}

fn day_of(g: &Gen) -> i64 {
    match g {
        Gen::Meeting { day, .. }
        | Gen::Entry { day, .. }
        | Gen::Spent { day, .. }
        | Gen::Transfer { day, .. }
        | Gen::Retract { day, .. } => *day,
    }
}

fn claims(all: &[Gen]) -> Vec<Claim> {
    book(&jsonl(all)).claims(&[]).expect("a schedule")
}

fn indicator<'a>(c: &'a Claim, id: &str) -> &'a kooperacja_core::claim::IndicatorProgress {
    c.material
        .iter()
        .find(|i| i.id == id)
        .expect("the indicator")
}

fn in_claim(c: &Claim, g: &Gen) -> bool {
    c.period.contains(date(day_of(g)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn count_and_sum_period_values_are_the_facts_of_the_period_and_sum_to_the_cumulative(all in gen_facts()) {
        let claims = claims(&all);
        let live = live(&all);
        for c in &claims {
            let meetings = live.iter().filter(|(_, g)| matches!(g, Gen::Meeting { .. }) && in_claim(c, g)).count();
            let hours: Decimal = live.iter().filter(|(_, g)| in_claim(c, g)).filter_map(|(_, g)| match g {
                Gen::Meeting { hours, .. } => Some(Decimal::new(i64::from(*hours), 2)),
                _ => None,
            }).sum();
            prop_assert_eq!(indicator(c, "meetings").in_period, Some(Decimal::from(meetings)));
            prop_assert_eq!(indicator(c, "hours").in_period.map(|d| d.normalize()), Some(hours.normalize()));
        }
        let last = claims.last().expect("three claims");
        for id in ["meetings", "hours"] {
            let sum: Decimal = claims.iter().filter_map(|c| indicator(c, id).in_period).sum();
            prop_assert_eq!(Some(sum.normalize()), indicator(last, id).cumulative.map(|d| d.normalize()));
        }
    }

    #[test]
    fn a_distinct_count_in_a_period_is_the_keys_first_counted_in_it(all in gen_facts()) {
        let claims = claims(&all);
        let mut first: BTreeMap<u8, i64> = BTreeMap::new();
        for (_, g) in live(&all) {
            if let Gen::Entry { day, person, .. } = g {
                let d = first.entry(*person).or_insert(*day);
                *d = (*d).min(*day);
            }
        }
        for c in &claims {
            let model = first.values().filter(|d| c.period.contains(date(**d))).count();
            prop_assert_eq!(indicator(c, "people").in_period, Some(Decimal::from(model)));
        }
        let sum: Decimal = claims.iter().filter_map(|c| indicator(c, "people").in_period).sum();
        prop_assert_eq!(Some(sum), indicator(claims.last().expect("a claim"), "people").cumulative);
        prop_assert_eq!(sum, Decimal::from(first.len()));
    }

    #[test]
    fn every_line_and_task_period_values_sum_to_the_cumulative(all in gen_facts()) {
        let claims = claims(&all);
        let live = live(&all);
        let last = claims.last().expect("a claim");
        for (t, task) in last.financial.tasks.iter().enumerate() {
            let sum: Amount = claims.iter().filter_map(|c| c.financial.tasks.get(t)).map(|x| x.progress.in_period).sum();
            prop_assert_eq!(sum, task.progress.cumulative);
            for (l, line) in task.lines.iter().enumerate() {
                let sum: Amount = claims.iter().filter_map(|c| c.financial.tasks.get(t)?.lines.get(l)).map(|x| x.progress.in_period).sum();
                prop_assert_eq!(sum, line.progress.cumulative);
                let model: Amount = live.iter().filter_map(|(_, g)| match g {
                    Gen::Spent { line: n, grosze, .. } if LINES.get(usize::from(*n)).is_some_and(|x| x.1 == line.id) => Some(Amount::from_grosze(*grosze)),
                    _ => None,
                }).sum();
                prop_assert_eq!(model, line.progress.cumulative);
            }
        }
        for figure in [|c: &Claim| c.financial.direct.clone(), |c: &Claim| c.financial.indirect.clone(), |c: &Claim| c.financial.total.clone()] {
            let sum: Amount = claims.iter().map(|c| figure(c).in_period).sum();
            prop_assert_eq!(sum, figure(last).cumulative);
        }
    }

    #[test]
    fn the_sources_of_financing_sum_exactly_in_the_period_and_cumulatively(all in gen_facts()) {
        for c in claims(&all) {
            let period: Amount = c.financing.iter().map(|s| s.in_period).sum();
            let cumulative: Amount = c.financing.iter().map(|s| s.cumulative).sum();
            prop_assert_eq!(period, c.financial.total.in_period);
            prop_assert_eq!(cumulative, c.financial.total.cumulative);
            let a = &c.advances;
            prop_assert_eq!(a.received_before + a.received_in_period, a.settled_before + a.settled_in_period + a.to_settle);
        }
    }

    #[test]
    fn a_claim_does_not_depend_on_facts_dated_after_its_period(
        all in gen_facts(),
        later in proptest::collection::vec(gen_fact(91..366), 0..12),
    ) {
        // Claim 1 ends on day 90 (2024-03-31). The later facts come after
        // the first ones; their retractions reach only facts dated after the
        // period (a retraction of a fact within it is taken out).
        let mut more = all.clone();
        for g in later {
            let keep = match &g {
                Gen::Retract { of, .. } => {
                    let i = more.len();
                    i > 0 && more.get(of % i).is_some_and(|t| day_of(t) > 90)
                }
                _ => true,
            };
            if keep {
                more.push(g);
            }
        }
        let before = book(&jsonl(&all)).claim(1, &[]).expect("claim 1");
        let after = book(&jsonl(&more)).claim(1, &[]).expect("claim 1");
        prop_assert_eq!(serde_json::to_string(&before).ok(), serde_json::to_string(&after).ok());
    }

    #[test]
    fn a_frozen_claim_never_changes(all in gen_facts(), later in proptest::collection::vec(gen_fact(0..366), 0..12)) {
        let first = book(&jsonl(&all));
        let Ok(filed) = first.file(1, day("2024-04-01"), &[]) else {
            // A claim with blocking findings is not filed: nothing to freeze.
            return Ok(());
        };
        let mut more = all.clone();
        more.extend(later);
        let text = serde_json::to_string(&filed.claim).ok();
        let now: ClaimBook = book(&jsonl(&more));
        let again = now.claim(1, std::slice::from_ref(&filed)).expect("claim 1");
        prop_assert_eq!(serde_json::to_string(&again).ok(), text);
    }
}
