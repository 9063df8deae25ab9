//! Trust laws (issue 11), over generated projects and facts: amounts near the
//! limit of amounts, dates over years 1 to 9999, many rules, unknown
//! organisations, territories outside the project, reused ids, retractions of
//! retractions, of themselves and of ids that never come.
//!
//! - Nothing panics.
//! - Every fact read is counted, excluded or a duplicate:
//!   `read = counted + excluded + duplicates`, and the excluded by reason add
//!   up to the excluded.
//! - Which facts count is what an independent model of the rule in
//!   `docs/indicators.md` ("Which facts count") says, written here from the
//!   rule, not from the engine's code.
//! - Every spending total (in all, by partner, by category) equals an
//!   independent `i128` sum over the counted, unretracted expenditures.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{Fact, Fields, Value, What};
use kooperacja_core::money::Amount;
use kooperacja_core::project::Project;
use kooperacja_core::territory::TerytCode;
use proptest::prelude::*;
use rust_decimal::Decimal;

const FIXTURE: &str = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");

/// The fixture with `extra` more indicators, each its own leaf rule.
fn project(extra: usize) -> Project {
    let mut text = FIXTURE.to_owned();
    for n in 0..extra {
        text.push_str(&format!(
            "\n[[indicators]]\nid = \"x{n}\"\nkind = \"product\"\nname = \"x{n}\"\nunit = \"f\"\ntarget = 1\nrule = {{ count = \"facts\", kind = [\"expenditure\", \"deliverable\"], from = {} }}\n",
            NaiveDate::from_ymd_opt(2018, 1, 1).expect("valid") + chrono::Days::new(n as u64)
        ));
    }
    Project::parse(&text).expect("generated project parses")
}

const ORGS: [&str; 4] = ["umk", "rops-torun", "rops-gdansk", "acme"];
const TERRITORIES: [Option<&str>; 5] =
    [None, Some("04"), Some("2205023"), Some("12"), Some("1261")];
const AMOUNTS: [&str; 6] = [
    "999999999999999.99",
    "-999999999999999.99",
    "500000000000000.00",
    "0.01",
    "-12.34",
    "1000.00",
];

fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        4 => (0_u64..1500).prop_map(|d| NaiveDate::from_ymd_opt(2018, 1, 1).expect("valid") + chrono::Days::new(d)),
        1 => (1_i32..=9999, 1_u32..=12).prop_map(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1).expect("valid")),
    ]
}

/// A fact, with its id drawn from a small pool so that ids repeat.
fn any_fact() -> impl Strategy<Value = Fact> {
    let what = prop_oneof![
        (
            prop::sample::select(AMOUNTS.to_vec()),
            prop::sample::select(ORGS.to_vec()),
            0_u8..3
        )
            .prop_map(|(a, partner, c)| What::Expenditure {
                partner: partner.to_owned(),
                amount: Amount::parse(a).expect("valid amount"),
                category: format!("c{c}"),
                plan: None,
                document: None,
            }),
        Just(What::Fields(Fields {
            kind: "deliverable".to_owned(),
            values: vec![
                ("deliverable".to_owned(), Value::Text("model".to_owned())),
                ("title".to_owned(), Value::Text("t".to_owned()))
            ]
        })),
        (0_u8..12).prop_map(|t| What::Retraction {
            retracts: format!("f{t}"),
            reason: "r".to_owned()
        }),
    ];
    (
        0_u8..12,
        any_date(),
        prop::sample::select(ORGS.to_vec()),
        prop::sample::select(TERRITORIES.to_vec()),
        what,
    )
        .prop_map(|(id, date, by, territory, what)| Fact {
            id: format!("f{id}"),
            date,
            recorded_by: by.to_owned(),
            territory: territory.map(|t| TerytCode::parse(t).expect("valid code")),
            what,
        })
}

/// What the model decides about each fact read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Counted,
    Duplicate,
    Excluded,
}

/// The rule, applied to the whole history at once.
fn model(project: &Project, facts: &[Fact]) -> Vec<Fate> {
    let voivodeships: Vec<String> = project
        .territory
        .voivodeships
        .iter()
        .map(|v| v.code.to_string())
        .collect();
    let fits_alone = |f: &Fact| -> bool {
        let org = |o: &str| project.organisations.iter().any(|x| x.id == o);
        if !org(&f.recorded_by) {
            return false;
        }
        if let What::Expenditure { partner, .. } = &f.what
            && !org(partner)
        {
            return false;
        }
        let Some(version) = project.version_in_force(f.date) else {
            return false;
        };
        if f.date < version.period.start() || f.date > version.period.end() {
            return false;
        }
        if let Some(t) = &f.territory
            && !voivodeships.contains(&t.as_str()[..2].to_owned())
        {
            return false;
        }
        if let What::Retraction { retracts, .. } = &f.what
            && *retracts == f.id
        {
            return false;
        }
        true
    };
    // The first fact with each id.
    let mut first: HashMap<&str, &Fact> = HashMap::new();
    for f in facts {
        first.entry(f.id.as_str()).or_insert(f);
    }
    let is_retraction = |id: &str| {
        first
            .get(id)
            .is_some_and(|f| matches!(f.what, What::Retraction { .. }))
    };
    let limit: i128 = 100_000_000_000_000_000;
    let mut spent_magnitude: i128 = 0;
    let mut seen: HashMap<&str, &Fact> = HashMap::new();
    let mut fates = Vec::new();
    for f in facts {
        if let Some(earlier) = seen.get(f.id.as_str()) {
            fates.push(if *earlier == f {
                Fate::Duplicate
            } else {
                Fate::Excluded
            });
            continue;
        }
        seen.insert(&f.id, f);
        let mut ok = fits_alone(f);
        if let What::Retraction { retracts, .. } = &f.what {
            // Of a retraction (whenever it comes), or of an id never read.
            if is_retraction(retracts) || !first.contains_key(retracts.as_str()) {
                ok = false;
            }
        }
        if ok && let What::Expenditure { amount, .. } = &f.what {
            let m = amount.grosze().abs();
            if spent_magnitude + m >= limit {
                ok = false;
            } else {
                spent_magnitude += m;
            }
        }
        fates.push(if ok { Fate::Counted } else { Fate::Excluded });
    }
    fates
}

/// The model's spending: counted expenditures not retracted by a counted
/// retraction, dated up to `as_of`, in all, by partner, by category.
fn spending(
    facts: &[Fact],
    fates: &[Fate],
    as_of: NaiveDate,
) -> (i128, BTreeMap<String, i128>, BTreeMap<String, i128>) {
    let retracted: BTreeSet<&str> = facts
        .iter()
        .zip(fates)
        .filter(|(_, fate)| **fate == Fate::Counted)
        .filter_map(|(f, _)| match &f.what {
            What::Retraction { retracts, .. } => Some(retracts.as_str()),
            _ => None,
        })
        .collect();
    let (mut total, mut by_partner, mut by_category) = (0_i128, BTreeMap::new(), BTreeMap::new());
    for (f, fate) in facts.iter().zip(fates) {
        if *fate != Fate::Counted || retracted.contains(f.id.as_str()) || f.date > as_of {
            continue;
        }
        if let What::Expenditure {
            partner,
            amount,
            category,
            ..
        } = &f.what
        {
            total += amount.grosze();
            *by_partner.entry(partner.clone()).or_insert(0_i128) += amount.grosze();
            *by_category.entry(category.clone()).or_insert(0_i128) += amount.grosze();
        }
    }
    by_partner.retain(|_, v| *v != 0);
    by_category.retain(|_, v| *v != 0);
    (total, by_partner, by_category)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_fact_is_accounted_for_and_every_sum_is_exact(
        extra in 0_usize..90,
        facts in prop::collection::vec(any_fact(), 0..40),
        as_of in any_date(),
    ) {
        let project = project(extra);
        let mut engine = Engine::new(project.clone(), None);
        for f in &facts {
            engine.apply(f);
        }
        let report = engine.report(as_of);
        let c = &report.facts;
        prop_assert_eq!(c.read, facts.len() as u64);
        prop_assert_eq!(c.read, c.counted + c.excluded + c.duplicates);
        prop_assert_eq!(c.excluded_by_reason.values().sum::<u64>(), c.excluded);

        let fates = model(&project, &facts);
        let count = |fate: Fate| fates.iter().filter(|f| **f == fate).count() as u64;
        prop_assert_eq!(c.counted, count(Fate::Counted), "counted");
        prop_assert_eq!(c.duplicates, count(Fate::Duplicate), "duplicates");
        prop_assert_eq!(c.excluded, count(Fate::Excluded), "excluded");

        let (total, by_partner, by_category) = spending(&facts, &fates, as_of);
        prop_assert_eq!(report.budget.spent.grosze(), total);
        let engine_partners: BTreeMap<String, i128> = report
            .budget
            .by_partner
            .iter()
            .filter(|p| !p.spent.as_decimal().is_zero())
            .map(|p| (p.partner.clone(), p.spent.grosze()))
            .collect();
        prop_assert_eq!(engine_partners, by_partner);
        let engine_categories: BTreeMap<String, i128> = report
            .budget
            .by_category
            .iter()
            .map(|(c, a)| (c.clone(), a.grosze()))
            .collect();
        prop_assert_eq!(engine_categories, by_category);
        prop_assert_eq!(
            report.indicators.iter().filter(|i| i.id.starts_with('x')).count(),
            extra
        );
        prop_assert!(report.indicators.iter().all(|i| i.value.is_none_or(|v| v >= Decimal::ZERO)));
    }
}
