//! Laws of participants (issue 13, item 2), over generated entry histories
//! with re-entries, missing data, undeclared sexes and any order, each checked
//! against an independent model written here from the rules in
//! `docs/decisions.md` ("Participants"), not from the registry's code:
//!
//! - ogółem = K + M (+ N where declared) + unknown, for every count;
//! - the count is the model's: one participant per person, with the data of
//!   the earliest entry (then the smallest fact id), complete records by sex,
//!   incomplete ones apart and named by that entry's fact id;
//! - the order of the events does not matter;
//! - a re-entry never increases a participant count;
//! - suppression never shows a part in 1..threshold, never hides exactly one
//!   part while the total is shown, and never changes a shown value.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use kooperacja_core::facts::PersonKey;
use kooperacja_core::participant::{
    Cell, Entry, ParticipantsDecl, Registry, Sex, SexSplit, suppress, suppress_sensitive,
};
use kooperacja_core::pseudonym::PseudonymKey;
use proptest::prelude::*;

fn person(n: u8) -> PersonKey {
    PseudonymKey::from_bytes([3; 32])
        .person(&format!("p-{n}"))
        .expect("a valid raw key")
}

fn day(d: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid") + chrono::Days::new(u64::from(d))
}

/// An entry as generated: person, day, sex, age, labour status.
#[derive(Debug, Clone)]
struct Gen {
    person: u8,
    day: u16,
    sex: Option<Sex>,
    age: Option<u16>,
    labour: Option<&'static str>,
}

fn any_sex() -> impl Strategy<Value = Option<Sex>> {
    prop_oneof![
        3 => Just(Some(Sex::K)),
        3 => Just(Some(Sex::M)),
        1 => Just(Some(Sex::N)),
        1 => Just(None),
    ]
}

fn any_gen() -> impl Strategy<Value = Gen> {
    (
        0_u8..8,
        0_u16..40,
        any_sex(),
        prop::option::weighted(0.8, 15_u16..80),
        prop::option::weighted(
            0.8,
            prop::sample::select(vec!["unemployed", "employed", "bogus"]),
        ),
    )
        .prop_map(|(person, day, sex, age, labour)| Gen {
            person,
            day,
            sex,
            age,
            labour,
        })
}

/// The declarations the laws run under: K/M with sex required; K/M/N with sex
/// optional; and a required characteristic.
fn any_decl() -> impl Strategy<Value = ParticipantsDecl> {
    prop::sample::select(vec![
        r#"sexes = ["K", "M"]
           required = ["sex", "age"]"#,
        r#"sexes = ["K", "M", "N"]
           required = ["age"]"#,
        r#"sexes = ["K", "M"]
           required = ["age"]
           characteristics = [{ id = "labour", type = "enum", values = ["unemployed", "employed"], required = true }]"#,
    ])
    .prop_map(|text| toml::from_str(text).expect("the declaration parses"))
}

/// Entries with fact ids `f-000`, `f-001`, … in generation order.
fn entries(gens: &[Gen]) -> Vec<Entry> {
    gens.iter()
        .enumerate()
        .map(|(i, g)| {
            let mut e = Entry::new(format!("f-{i:03}"), person(g.person), day(g.day));
            e.sex = g.sex;
            e.age = g.age;
            if let Some(l) = g.labour {
                e = e.with("labour", l);
            }
            e
        })
        .collect()
}

/// The model's count: (by sex, unknown, incomplete facts).
struct Model {
    by_sex: BTreeMap<Sex, u64>,
    unknown: u64,
    incomplete: Vec<String>,
}

fn model(gens: &[Gen], decl_sexes: &[Sex], sex_required: bool, labour_required: bool) -> Model {
    // The first entry per person: the smallest (day, fact id).
    let mut first: BTreeMap<u8, (u16, String, &Gen)> = BTreeMap::new();
    for (i, g) in gens.iter().enumerate() {
        let id = format!("f-{i:03}");
        let better = first
            .get(&g.person)
            .is_none_or(|(d, f, _)| (g.day, &id) < (*d, f));
        if better {
            first.insert(g.person, (g.day, id, g));
        }
    }
    let mut m = Model {
        by_sex: decl_sexes.iter().map(|s| (*s, 0)).collect(),
        unknown: 0,
        incomplete: Vec::new(),
    };
    for (_, id, g) in first.values() {
        let sex = g.sex.filter(|s| decl_sexes.contains(s));
        let complete = g.age.is_some()
            && (!sex_required || sex.is_some())
            && (!labour_required || matches!(g.labour, Some("unemployed" | "employed")));
        if !complete {
            m.incomplete.push(id.clone());
            continue;
        }
        match sex {
            Some(s) => *m.by_sex.entry(s).or_default() += 1,
            None => m.unknown += 1,
        }
    }
    m.incomplete.sort();
    m
}

fn registry(decl: &ParticipantsDecl, entries: Vec<Entry>) -> Registry {
    let mut r = Registry::new(decl);
    for e in entries {
        r.enter(e);
    }
    r
}

fn law_total(split: &SexSplit) -> bool {
    let parts: u64 = split.sexes().filter_map(|s| split.of(s)).sum();
    split.total() == parts + split.unknown()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Ogółem is K + M (+ N) + unknown, and the count is the model's.
    #[test]
    fn the_count_is_the_models(decl in any_decl(), gens in prop::collection::vec(any_gen(), 0..40)) {
        let r = registry(&decl, entries(&gens));
        let count = r.count(None);
        prop_assert!(law_total(&count.participants));
        let m = model(
            &gens,
            &kooperacja_core::participant::Requirements::of(&decl).sexes,
            decl.required.iter().any(|x| x == "sex"),
            decl.characteristics.iter().any(|c| c.id == "labour"),
        );
        for (sex, n) in &m.by_sex {
            prop_assert_eq!(count.participants.of(*sex), Some(*n), "{:?}", sex);
        }
        prop_assert_eq!(count.participants.unknown(), m.unknown);
        prop_assert_eq!(count.incomplete, m.incomplete.len() as u64);
        let named: Vec<String> = r.incomplete().into_iter().map(|i| i.fact).collect();
        prop_assert_eq!(named, m.incomplete);
    }

    /// The events' order does not change the count.
    #[test]
    fn order_does_not_matter(
        decl in any_decl(),
        (gens, shuffled) in prop::collection::vec(any_gen(), 0..30)
            .prop_flat_map(|g| {
                let e = entries(&g);
                (Just(g), Just(e).prop_shuffle())
            }),
    ) {
        let a = registry(&decl, entries(&gens)).count(None);
        let b = registry(&decl, shuffled).count(None);
        prop_assert_eq!(a, b);
    }

    /// A re-entry (an entry of a person already entered, on the first entry's
    /// day or later) changes no count; an entry of any day for a person already
    /// entered never adds a person, complete or not.
    #[test]
    fn re_entry_never_increases_a_count(
        decl in any_decl(),
        gens in prop::collection::vec(any_gen(), 1..30),
        again in any_gen(),
        pick in any::<prop::sample::Index>(),
        later in 0_u16..30,
    ) {
        let before = registry(&decl, entries(&gens));
        let who = pick.get(&gens).person;
        let first_day = before
            .participant(&person(who))
            .map(|p| p.first.date)
            .expect("the person entered");
        let persons = |c: &kooperacja_core::participant::Count| c.participants.total() + c.incomplete;

        let mut later_entry = Entry::new("z-later", person(who), first_day + chrono::Days::new(u64::from(later)));
        later_entry.sex = again.sex;
        later_entry.age = again.age;
        let mut after = before.clone();
        after.enter(later_entry);
        prop_assert_eq!(after.count(None), before.count(None));

        let mut any_entry = Entry::new("a-any", person(who), day(again.day));
        any_entry.sex = again.sex;
        any_entry.age = again.age;
        let mut after = before.clone();
        after.enter(any_entry);
        prop_assert_eq!(persons(&after.count(None)), persons(&before.count(None)));
        prop_assert!(after.count(None).participants.total() <= persons(&before.count(None)));
    }

    /// Suppression hides every part in 1..threshold, never exactly one part
    /// while the total shows, and shows every other value as it is.
    #[test]
    fn suppression_never_shows_a_small_cell(
        k in 0_u64..20, m in 0_u64..20, n in 0_u64..20, unknown in 0_u64..20,
        with_n in any::<bool>(),
        threshold in 0_u64..12,
        sensitive in any::<bool>(),
    ) {
        let sexes: &[Sex] = if with_n { &[Sex::K, Sex::M, Sex::N] } else { &[Sex::K, Sex::M] };
        let mut split = SexSplit::new(sexes);
        split.add_n(Some(Sex::K), k);
        split.add_n(Some(Sex::M), m);
        split.add_n(Some(Sex::N), n); // unknown where N is not declared
        split.add_n(None, unknown);
        prop_assert!(law_total(&split));
        let shown = if sensitive { suppress_sensitive(&split, threshold) } else { suppress(&split, threshold) };

        let mut parts: Vec<(Cell, u64)> = split
            .sexes()
            .map(|s| (shown.by_sex[&s], split.of(s).unwrap_or(0)))
            .collect();
        parts.push((shown.unknown, split.unknown()));
        for (cell, value) in &parts {
            match cell {
                Cell::Shown(v) => {
                    prop_assert_eq!(v, value);
                    prop_assert!(*v == 0 || *v >= threshold, "shown {} under {}", v, threshold);
                }
                Cell::Hidden => prop_assert!(*value < threshold || shown.total != Cell::Hidden),
            }
        }
        match shown.total {
            Cell::Shown(t) => {
                prop_assert_eq!(t, split.total());
                if sensitive {
                    prop_assert!(t == 0 || t >= threshold);
                }
                let hidden = parts.iter().filter(|(c, _)| *c == Cell::Hidden).count();
                prop_assert_ne!(hidden, 1, "one hidden part is the total minus the others");
            }
            Cell::Hidden => {
                prop_assert!(sensitive && split.total() > 0 && split.total() < threshold);
            }
        }
    }
}
