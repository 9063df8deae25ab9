//! [proptest](mod@proptest) strategies for teams that embed core: valid projects of any
//! declared vocabulary, and fact histories for any project (with repeats,
//! retractions and participants' re-entries), so that a team can state laws
//! about its own rules in a few lines. Only with the `proptest` feature:
//!
//! ```toml
//! [dev-dependencies]
//! kooperacja-core = { version = "0.1", features = ["proptest"] }
//! proptest = "1"
//! ```
//!
//! A law about the team's own rule: the number of trainings never exceeds the
//! number of facts of the project.
//!
//! ```
//! # #[cfg(feature = "proptest")] {
//! use kooperacja_core::engine::evaluate;
//! use kooperacja_core::project::Project;
//! use kooperacja_core::strategies::{as_of, facts_for};
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let project = Project::parse(include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml"))?;
//! let mut runner = TestRunner::default();
//! runner.run(&(facts_for(&project), as_of(&project)), |(facts, as_of)| {
//!     let report = evaluate(project.clone(), None, &facts, as_of);
//!     let value = report.indicators.iter().find(|i| i.id == "persons-supported").and_then(|i| i.value);
//!     prop_assert!(value.is_some_and(|v| v <= rust_decimal::Decimal::from(facts.len())));
//!     Ok(())
//! }).unwrap();
//! # }
//! # Ok::<(), kooperacja_core::parse::ParseError>(())
//! ```
//!
//! Every generated fact is one a fact reader could have read for its project
//! (the same values, its declared defaults filled in, persons pseudonymised
//! under [`key`]) and one the [admission](crate::admission) counts: dated
//! within the period of the version in force on its date, recorded by an
//! organisation of the project, in its voivodeships, of its groups, roles and
//! sectors.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::strategy::{BoxedStrategy, Union};
use rust_decimal::Decimal;

use crate::facts::{Fact, Fields, PersonKey, Value, What};
use crate::indicator::{Due, Indicator, IndicatorKind, Target};
use crate::money::Amount;
use crate::project::Project;
use crate::pseudonym::PseudonymKey;
use crate::rule::{Filter, Key, Measure, Rule};
use crate::territory::TerytCode;
use crate::vocabulary::{
    EnumValue, Enumeration, FactKindDecl, FieldDecl, FieldType, ParticipantsDecl,
};

/// The pseudonym key the strategies pseudonymise persons and households with
/// (32 zero bytes): a fact file read under it gives the same keys.
///
/// ```
/// # #[cfg(feature = "proptest")] {
/// let key = kooperacja_core::strategies::key();
/// assert!(key.person("p-1").is_ok());
/// # }
/// ```
pub fn key() -> PseudonymKey {
    PseudonymKey::from_bytes([0; 32])
}

/// How many distinct persons (and households, institutions, texts) the
/// strategies draw from: few, so that distinct counts meet the same key often.
pub const POOL: usize = 8;

/// The skeleton of every generated project: programme, roles, sectors, a
/// group kind and a budget that validate. Organisations, territory, the
/// version's period and the vocabulary are added per case.
const SKELETON: &str = r#"format = 2
id = "generated"
title = "Projekt wygenerowany"
roles = [
  { id = "social-worker", name = "pracownik socjalny" },
  { id = "family-assistant", name = "asystent rodziny" },
]
sectors = [
  { id = "education", name = "edukacja" },
  { id = "health", name = "zdrowie" },
]

[programme]
name = "Fundusze Europejskie dla Rozwoju Społecznego 2021-2027"
short = "FERS"
action = "04.13"
action_name = "Wysokiej jakości system włączenia społecznego"
fund = "EFS+"

[[groups]]
code = "ZK"
name = "Zespół Kooperacji"
one_per = "voivodeship"
"#;

/// Voivodeships a generated project may work in, each with a powiat and its
/// gminas (codes and names of the TERC register).
/// A voivodeship (code, name), one powiat of it (code, name) and two gminas.
type Area = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [(&'static str, &'static str); 2],
);

const AREAS: [Area; 3] = [
    (
        "04",
        "kujawsko-pomorskie",
        "0410",
        "nakielski",
        [("0410033", "Nakło nad Notecią"), ("0410013", "Kcynia")],
    ),
    (
        "22",
        "pomorskie",
        "2205",
        "kartuski",
        [("2205023", "Kartuzy"), ("2205083", "Żukowo")],
    ),
    (
        "28",
        "warmińsko-mazurskie",
        "2814",
        "olsztyński",
        [("2814011", "Barczewo"), ("2814042", "Dywity")],
    ),
];

/// The organisations a generated project may have; the first leads.
const ORGANISATIONS: [&str; 3] = ["lider", "partner-a", "partner-b"];

/// The text of a project file with these organisations (the first leads),
/// voivodeships (indexes into the areas above) and period.
fn skeleton(organisations: usize, areas: &[usize], start: NaiveDate, end: NaiveDate) -> String {
    let mut text = SKELETON.to_owned();
    for (i, id) in ORGANISATIONS.iter().take(organisations.max(1)).enumerate() {
        let role = if i == 0 { "leader" } else { "partner" };
        text.push_str(&format!(
            "\n[[organisations]]\nid = \"{id}\"\nrole = \"{role}\"\nkind = \"rops\"\nname = \"Organizacja {id}\"\n"
        ));
    }
    text.push_str("\n[territory]\n");
    for &a in areas {
        let Some((code, name, powiat, powiat_name, gminas)) = AREAS.get(a) else {
            continue;
        };
        text.push_str(&format!(
            "\n[[territory.voivodeships]]\ncode = \"{code}\"\nname = \"{name}\"\n\n[[territory.voivodeships.powiats]]\ncode = \"{powiat}\"\nname = \"{powiat_name}\"\ngminas = [\n"
        ));
        for (g, gname) in gminas {
            text.push_str(&format!("  {{ code = \"{g}\", name = \"{gname}\" }},\n"));
        }
        text.push_str("]\n");
    }
    text.push_str(&format!(
        "\n[[versions]]\nid = \"umowa\"\nkind = \"agreement\"\nlabel = \"Umowa o dofinansowanie\"\nperiod = \"{} r. – {} r.\"\n\n[versions.goal]\ntext = \"Cel projektu\"\n\n[versions.budget]\ntotal = \"22 009 655,37 zł\"\neu_contribution = \"18 162 367,61 zł\"\nprogramme_rate = \"82,52 %\"\neu_rounding = \"down\"\n",
        start.format("%d.%m.%Y"),
        end.format("%d.%m.%Y"),
    ));
    text
}

/// The field types a generated field takes.
const TYPES: [FieldType; 13] = [
    FieldType::Person,
    FieldType::Household,
    FieldType::Institution,
    FieldType::Jst,
    FieldType::Group,
    FieldType::Organisation,
    FieldType::Count,
    FieldType::Days,
    FieldType::Hours,
    FieldType::Amount,
    FieldType::Enum,
    FieldType::Date,
    FieldType::Text,
];

/// Enumerations a project may declare: one to three, `enum-0`…, each with one
/// to four values `v0`….
///
/// ```
/// # #[cfg(feature = "proptest")] {
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// let enumerations = kooperacja_core::strategies::enumerations().new_tree(&mut runner).unwrap().current();
/// assert!(enumerations.iter().all(|e| !e.values.is_empty()));
/// # }
/// ```
pub fn enumerations() -> impl Strategy<Value = Vec<Enumeration>> {
    prop::collection::vec(1_usize..=4, 1..=3).prop_map(|sizes| {
        sizes
            .into_iter()
            .enumerate()
            .map(|(i, n)| Enumeration {
                id: format!("enum-{i}"),
                name: None,
                values: (0..n)
                    .map(|v| EnumValue {
                        id: format!("v{v}"),
                        pl: None,
                        en: None,
                    })
                    .collect(),
            })
            .collect()
    })
}

/// One field of this id, of any type (an enum over one of `enumerations`, the
/// project's `roles`, or values of its own), maybe required, maybe a list,
/// a count or days field maybe with a default.
fn field(id: String, enumerations: &[Enumeration]) -> BoxedStrategy<FieldDecl> {
    let mut sources: Vec<Option<String>> =
        enumerations.iter().map(|e| Some(e.id.clone())).collect();
    sources.push(Some("roles".to_owned()));
    sources.push(None);
    (
        prop::sample::select(TYPES.to_vec()),
        any::<bool>(),
        prop::bool::weighted(0.25),
        prop::sample::select(sources),
        prop::option::weighted(0.3, 0_u32..3),
    )
        .prop_map(move |(field_type, required, many, source, default)| {
            let mut f = FieldDecl::new(&id, field_type);
            f.required = required;
            // Lists of subjects only: a list of amounts or dates means little.
            f.many = many && field_type.is_subject();
            if field_type == FieldType::Enum {
                match source {
                    Some(e) => f.enumeration = Some(e),
                    None => {
                        f.values = ["x", "y"]
                            .iter()
                            .map(|v| EnumValue {
                                id: (*v).to_owned(),
                                pl: None,
                                en: None,
                            })
                            .collect()
                    }
                }
            }
            if matches!(field_type, FieldType::Count | FieldType::Days) && !f.required {
                f.default = default;
            }
            f
        })
        .boxed()
}

/// A kind of fact of this id with one to five fields of any type, over these
/// enumerations. Field ids are drawn from `a`…`f`, so kinds share field names
/// (with a type each field name keeps in one project: see [`project`]).
///
/// ```
/// # #[cfg(feature = "proptest")] {
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// let kind = kooperacja_core::strategies::fact_kind("visit", &[]).new_tree(&mut runner).unwrap().current();
/// assert_eq!(kind.id, "visit");
/// assert!(!kind.fields.is_empty());
/// # }
/// ```
pub fn fact_kind(
    id: &str,
    enumerations: &[Enumeration],
) -> impl Strategy<Value = FactKindDecl> + use<> {
    let id = id.to_owned();
    let pool: Vec<BoxedStrategy<FieldDecl>> = FIELD_IDS
        .iter()
        .map(|f| field((*f).to_owned(), enumerations))
        .collect();
    (pool, prop::collection::vec(any::<bool>(), FIELD_IDS.len()))
        .prop_map(move |(fields, chosen)| kind_of(&id, &fields, &chosen))
}

/// The field ids generated kinds take their fields from.
const FIELD_IDS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

fn kind_of(id: &str, pool: &[FieldDecl], chosen: &[bool]) -> FactKindDecl {
    let mut fields: Vec<FieldDecl> = pool
        .iter()
        .zip(chosen)
        .filter(|(_, c)| **c)
        .map(|(f, _)| f.clone())
        .collect();
    if fields.is_empty()
        && let Some(first) = pool.first()
    {
        fields.push(first.clone());
    }
    FactKindDecl {
        id: id.to_owned(),
        name: None,
        fields,
        one_of: Vec::new(),
    }
}

/// What `[participants]` a generated project declares: the sexes K and M,
/// `sex` required, and up to two characteristics (an enum, a count).
///
/// ```
/// # #[cfg(feature = "proptest")] {
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let mut runner = TestRunner::deterministic();
/// let p = kooperacja_core::strategies::participants().new_tree(&mut runner).unwrap().current();
/// assert_eq!(p.sexes, ["K", "M"]);
/// # }
/// ```
pub fn participants() -> impl Strategy<Value = ParticipantsDecl> {
    (any::<bool>(), any::<bool>()).prop_map(|(status, children)| {
        let mut characteristics = Vec::new();
        if status {
            let mut f = FieldDecl::new("labour_status", FieldType::Enum);
            f.values = ["unemployed", "inactive", "employed"]
                .iter()
                .map(|v| EnumValue {
                    id: (*v).to_owned(),
                    pl: None,
                    en: None,
                })
                .collect();
            characteristics.push(f);
        }
        if children {
            characteristics.push(FieldDecl::new("children", FieldType::Count));
        }
        ParticipantsDecl {
            sexes: vec!["K".to_owned(), "M".to_owned()],
            required: vec!["sex".to_owned()],
            small_cell: None,
            characteristics,
            outcomes: Vec::new(),
        }
    })
}

/// The subject types and the distinct key that counts each.
const SUBJECT_KEYS: [(FieldType, Key); 6] = [
    (FieldType::Person, Key::Person),
    (FieldType::Household, Key::Household),
    (FieldType::Institution, Key::Institution),
    (FieldType::Jst, Key::Jst),
    (FieldType::Group, Key::Group),
    (FieldType::Organisation, Key::Organisation),
];

/// Choices that make one rule over a project's kinds (indexes taken modulo
/// the lengths they index).
#[derive(Debug, Clone)]
struct RuleChoice {
    kind: usize,
    second_kind: Option<usize>,
    measure: usize,
    field_filter: Option<(usize, usize)>,
    absent: Option<usize>,
    from: Option<usize>,
    to: Option<usize>,
    within: Option<usize>,
    recorded_by: Option<usize>,
}

fn rule_choice() -> impl Strategy<Value = RuleChoice> {
    (
        any::<usize>(),
        prop::option::weighted(0.2, any::<usize>()),
        any::<usize>(),
        prop::option::weighted(0.5, (any::<usize>(), any::<usize>())),
        prop::option::weighted(0.2, any::<usize>()),
        prop::option::weighted(0.2, any::<usize>()),
        prop::option::weighted(0.2, any::<usize>()),
        prop::option::weighted(0.2, any::<usize>()),
        prop::option::weighted(0.2, any::<usize>()),
    )
        .prop_map(
            |(kind, second_kind, measure, field_filter, absent, from, to, within, recorded_by)| {
                RuleChoice {
                    kind,
                    second_kind,
                    measure,
                    field_filter,
                    absent,
                    from,
                    to,
                    within,
                    recorded_by,
                }
            },
        )
}

fn pick<T>(items: &[T], at: usize) -> Option<&T> {
    match items.len() {
        0 => None,
        n => items.get(at % n),
    }
}

/// The rule a choice makes over a resolved project: a count of facts, a sum
/// of a quantity field, or a distinct count of a subject field (or of
/// participants, over `entry`), with filters on a declared field and base
/// fields. `None` when the choice makes no rule the vocabulary accepts.
fn make_rule(project: &Project, c: &RuleChoice) -> Option<Rule> {
    let vocabulary = project.vocabulary();
    let mut kinds: Vec<&FactKindDecl> = vocabulary
        .kinds()
        .iter()
        .filter(|k| k.id != "retraction" && k.id != "exit" && k.id != "transfer")
        .filter(|k| k.id != "entry" || project.participants.is_some())
        .collect();
    if project.participants.is_none() {
        kinds.retain(|k| k.id != "entry");
    }
    let kind = *pick(&kinds, c.kind)?;
    let mut filter = Filter::of_kinds(&[kind.id.as_str()]);
    if let Some(second) = c.second_kind.and_then(|s| pick(&kinds, s))
        && second.id != kind.id
    {
        filter.kind.push(second.id.clone());
    }
    // Measures: facts, each quantity field, each subject type, participants.
    let mut measures: Vec<Result<Measure, Key>> = vec![Ok(Measure::Facts)];
    for f in &kind.fields {
        if f.field_type.is_quantity() {
            measures.push(Ok(Measure::Sum(f.id.clone())));
        }
    }
    for (t, key) in SUBJECT_KEYS {
        if kind.fields.iter().any(|f| f.field_type == t) {
            measures.push(Err(key));
        }
    }
    if kind.id == "entry" {
        measures.push(Err(Key::Participant));
    }
    let measure = pick(&measures, c.measure)?.clone();
    if let Some((f, v)) = c.field_filter {
        let enums: Vec<&FieldDecl> = kind
            .fields
            .iter()
            .filter(|f| f.field_type == FieldType::Enum)
            .collect();
        if let Some(field) = pick(&enums, f) {
            let values: Vec<String> = match vocabulary.values(field) {
                Some(values) => values.iter().map(|v| v.id.clone()).collect(),
                None => enum_list(project, field),
            };
            if let Some(value) = pick(&values, v) {
                filter = filter.with(&field.id, value);
            }
        }
    }
    if let Some(a) = c.absent {
        let optional: Vec<&FieldDecl> = kind.fields.iter().filter(|f| !f.required).collect();
        if let Some(field) = pick(&optional, a) {
            filter.absent.push(field.id.clone());
        }
    }
    let period = project.versions.first()?.period;
    let days = period.days();
    let day = |n: usize| {
        let n = u64::try_from(n % usize::try_from(days.max(1)).unwrap_or(1)).unwrap_or(0);
        period.start().checked_add_days(chrono::Days::new(n))
    };
    filter.from = c.from.and_then(day);
    filter.to = c.to.and_then(day);
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        (filter.from, filter.to) = (Some(to), Some(from));
    }
    let codes = territory_codes(project);
    filter.within = c
        .within
        .and_then(|w| pick(&codes, w))
        .map(|code| crate::area::Within::Units(vec![code.clone()]));
    let organisations: Vec<&str> = project
        .organisations
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    filter.recorded_by = c
        .recorded_by
        .and_then(|o| pick(&organisations, o))
        .map(|o| (*o).to_owned());
    Some(match measure {
        Ok(measure) => Rule::Count { measure, filter },
        Err(key) => Rule::Distinct { key, filter },
    })
}

/// The values of an enum field that takes them from a list of the project
/// file (its `roles` or `sectors`).
fn enum_list(project: &Project, field: &FieldDecl) -> Vec<String> {
    match field.enumeration.as_deref() {
        Some("roles") => project.roles.iter().map(|r| r.id.clone()).collect(),
        Some("sectors") => project.sectors.iter().map(|s| s.id.clone()).collect(),
        _ => Vec::new(),
    }
}

/// Every unit of the project's territory: voivodeships, powiats, gminas.
fn territory_codes(project: &Project) -> Vec<TerytCode> {
    let mut codes = Vec::new();
    for v in &project.territory.voivodeships {
        codes.push(v.code.clone());
        for p in &v.powiats {
            codes.push(p.code.clone());
            codes.extend(p.gminas.iter().map(|g| g.code.clone()));
        }
    }
    codes
}

/// A valid project of a random vocabulary: one to three organisations, one
/// to three voivodeships (each with a powiat and two gminas), one version
/// with a period of one to four years, one to three enumerations, one to
/// four declared kinds (`kind-0`…) of random typed fields, `[participants]`
/// in half the cases, and one to five indicators (`indicator-0`…) whose
/// rules count, sum or count distinct values over declared kinds and filter
/// on declared fields. Built from a format-2 text for its skeleton and
/// checked with [`Project::resolve_vocabulary`]; it also validates without
/// an error finding.
///
/// ```
/// # #[cfg(feature = "proptest")] {
/// use kooperacja_core::strategies::project;
/// use proptest::prelude::*;
/// proptest::proptest!(|(p in project())| {
///     prop_assert!(!kooperacja_core::validate::validate(&p, None).has_errors());
///     prop_assert!(p.indicators.iter().all(|i| i.rule.is_some()));
/// });
/// # }
/// ```
pub fn project() -> impl Strategy<Value = Project> {
    (
        1_usize..=3,
        prop::sample::subsequence(vec![0_usize, 1, 2], 1..=3),
        2018_i32..=2024,
        1_u32..=12,
        1_i32..=4,
        enumerations(),
        1_usize..=4,
        prop::option::weighted(0.5, participants()),
    )
        .prop_flat_map(
            |(organisations, areas, year, month, years, enumerations, kinds, participants)| {
                let pool: Vec<BoxedStrategy<FieldDecl>> = FIELD_IDS
                    .iter()
                    .map(|f| field((*f).to_owned(), &enumerations))
                    .collect();
                let chosen = prop::collection::vec(
                    prop::collection::vec(any::<bool>(), FIELD_IDS.len()),
                    kinds,
                );
                (
                    Just((
                        organisations,
                        areas,
                        year,
                        month,
                        years,
                        enumerations,
                        participants,
                    )),
                    pool,
                    chosen,
                    prop::collection::vec(rule_choice(), 1..=5),
                    prop::collection::vec(1_u64..=50, 5),
                )
            },
        )
        .prop_filter_map(
            "the generated parts make a valid project",
            |(
                (organisations, areas, year, month, years, enumerations, participants),
                pool,
                chosen,
                rules,
                targets,
            )| {
                let start = NaiveDate::from_ymd_opt(year, month, 1)?;
                let end = NaiveDate::from_ymd_opt(year + years, month, 1)?.pred_opt()?;
                let mut project =
                    Project::parse(&skeleton(organisations, &areas, start, end)).ok()?;
                project.enumerations = enumerations;
                project.fact_kinds = chosen
                    .iter()
                    .enumerate()
                    .map(|(i, c)| kind_of(&format!("kind-{i}"), &pool, c))
                    .collect();
                project.participants = participants;
                project.resolve_vocabulary().ok()?;
                project.indicators = rules
                    .iter()
                    .filter_map(|c| make_rule(&project, c))
                    .zip(targets)
                    .enumerate()
                    .map(|(i, (rule, target))| indicator(&format!("indicator-{i}"), rule, target))
                    .collect();
                project.resolve_vocabulary().ok()?;
                Some(project)
            },
        )
}

/// An indicator of this id, a product due at the end of the project, with
/// this rule and target.
///
/// ```
/// # #[cfg(feature = "proptest")] {
/// use kooperacja_core::rule::{Filter, Measure, Rule};
/// let rule = Rule::Count { measure: Measure::Facts, filter: Filter::of_kinds(&["visit"]) };
/// let i = kooperacja_core::strategies::indicator("visits", rule, 10);
/// assert_eq!(i.id, "visits");
/// # }
/// ```
pub fn indicator(id: &str, rule: Rule, target: u64) -> Indicator {
    Indicator {
        id: id.to_owned(),
        kind: IndicatorKind::Product,
        name: format!("Wskaźnik {id}"),
        name_en: None,
        unit: "szt.".to_owned(),
        target: Target::Count(target),
        target_by_sex: None,
        due: Due::default(),
        counts_once: None,
        planned_by: None,
        subset_of: None,
        rule: Some(rule),
        source: None,
    }
}

/// The days on which a fact is admitted: within the period of the version in
/// force on the day. At most about twenty years are looked at.
fn admissible_days(project: &Project) -> Vec<NaiveDate> {
    let Some(first) = project.versions.iter().map(|v| v.period.start()).min() else {
        return Vec::new();
    };
    let last = project
        .versions
        .iter()
        .map(|v| v.period.end())
        .max()
        .unwrap_or(first);
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .take(7400)
        .filter(|d| {
            project
                .version_in_force(*d)
                .is_some_and(|v| v.period.contains(*d))
        })
        .collect()
}

/// A date from 30 days before the project's first day to 30 days after its
/// last: the dates a law takes a report as of.
///
/// ```
/// # #[cfg(feature = "proptest")] {
/// use kooperacja_core::project::Project;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// let p = Project::parse(include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml")).unwrap();
/// let mut runner = TestRunner::deterministic();
/// let d = kooperacja_core::strategies::as_of(&p).new_tree(&mut runner).unwrap().current();
/// assert!(d.format("%Y").to_string().as_str() >= "2023");
/// # }
/// ```
pub fn as_of(project: &Project) -> impl Strategy<Value = NaiveDate> + use<> {
    let first = project.versions.iter().map(|v| v.period.start()).min();
    let last = project.versions.iter().map(|v| v.period.end()).max();
    let (first, span) = match (first, last) {
        (Some(f), Some(l)) => (
            f.checked_sub_days(chrono::Days::new(30)).unwrap_or(f),
            u64::try_from((l - f).num_days()).unwrap_or(0) + 61,
        ),
        _ => (NaiveDate::MIN, 1),
    };
    (0..span).prop_map(move |n| {
        first
            .checked_add_days(chrono::Days::new(n))
            .unwrap_or(first)
    })
}

/// What facts of a project are made of: its organisations, territory,
/// groups, the admissible days and the pools of subjects.
#[derive(Debug, Clone)]
struct Context {
    organisations: Vec<String>,
    territory: Vec<TerytCode>,
    groups: Vec<String>,
    roles: Vec<String>,
    sectors: Vec<String>,
    days: Vec<NaiveDate>,
    persons: Vec<PersonKey>,
    households: Vec<PersonKey>,
}

impl Context {
    fn of(project: &Project) -> Context {
        let key = key();
        let pool = |prefix: &str| -> Vec<PersonKey> {
            (0..POOL)
                .filter_map(|n| key.person(&format!("{prefix}{n}")).ok())
                .collect()
        };
        Context {
            organisations: project.organisations.iter().map(|o| o.id.clone()).collect(),
            territory: territory_codes(project),
            groups: project.groups.iter().map(|g| g.code.clone()).collect(),
            roles: project.roles.iter().map(|r| r.id.clone()).collect(),
            sectors: project.sectors.iter().map(|s| s.id.clone()).collect(),
            days: admissible_days(project),
            persons: pool("p"),
            households: pool("h"),
        }
    }
}

fn select<T: Clone + std::fmt::Debug + 'static>(items: &[T]) -> Option<BoxedStrategy<T>> {
    (!items.is_empty()).then(|| prop::sample::select(items.to_vec()).boxed())
}

/// One value of a field, or `None` when the project offers none (a group
/// field in a project without groups).
fn value_of(field: &FieldDecl, project: &Project, ctx: &Context) -> Option<BoxedStrategy<Value>> {
    let texts = |prefix: &'static str| {
        (0..POOL)
            .prop_map(move |n| Value::Text(format!("{prefix}{n}")))
            .boxed()
    };
    let one: BoxedStrategy<Value> = match (field.field_type, field.id.as_str()) {
        (FieldType::Count, "birth_year") => (1940_u32..=2008).prop_map(Value::Count).boxed(),
        (FieldType::Count, "age") => (15_u32..=80).prop_map(Value::Count).boxed(),
        (FieldType::Person, _) => select(&ctx.persons)?.prop_map(Value::Person).boxed(),
        (FieldType::Household, _) => select(&ctx.households)?.prop_map(Value::Person).boxed(),
        (FieldType::Institution, _) => texts("i"),
        (FieldType::Jst, _) => select(&ctx.territory)?.prop_map(Value::Jst).boxed(),
        (FieldType::Group, _) => select(&ctx.groups)?.prop_map(Value::Text).boxed(),
        (FieldType::Organisation, _) => select(&ctx.organisations)?.prop_map(Value::Text).boxed(),
        (FieldType::Count | FieldType::Days, _) => (0_u32..20).prop_map(Value::Count).boxed(),
        (FieldType::Hours, _) => (0_i64..2000)
            .prop_map(|n| Value::Hours(Decimal::new(n, 2).normalize()))
            .boxed(),
        (FieldType::Amount, _) => (0_i64..10_000_000)
            .prop_map(|g| Value::Amount(Amount::from_grosze(g)))
            .boxed(),
        (FieldType::Enum, _) => {
            let values: Vec<String> = match project.vocabulary().values(field) {
                Some(values) => values.iter().map(|v| v.id.clone()).collect(),
                None => match field.enumeration.as_deref() {
                    Some("roles") => ctx.roles.clone(),
                    Some("sectors") => ctx.sectors.clone(),
                    _ => Vec::new(),
                },
            };
            select(&values)?.prop_map(Value::Text).boxed()
        }
        (FieldType::Date, _) => select(&ctx.days)?.prop_map(Value::Date).boxed(),
        (FieldType::Text, _) => texts("t"),
    };
    Some(if field.many {
        prop::collection::vec(one, 1..=3)
            .prop_map(Value::List)
            .boxed()
    } else {
        one
    })
}

/// What a fact of this kind records, as a reader would read it: required
/// fields always, optional ones in three cases of four, defaults filled in,
/// one of `one_of` given. `None` when the project cannot give a required
/// field a value.
fn what_of(kind: &FactKindDecl, project: &Project, ctx: &Context) -> Option<BoxedStrategy<What>> {
    let mut values: Vec<BoxedStrategy<Option<Value>>> = Vec::new();
    for f in &kind.fields {
        let present = if f.required {
            Just(true).boxed()
        } else {
            prop::bool::weighted(0.75).boxed()
        };
        match value_of(f, project, ctx) {
            Some(v) => values.push((v, present).prop_map(|(v, p)| p.then_some(v)).boxed()),
            None if f.required => return None,
            None => values.push(Just(None).boxed()),
        }
    }
    let fields = kind.fields.clone();
    let one_of = kind.one_of.clone();
    let possible: Vec<Option<BoxedStrategy<Value>>> = fields
        .iter()
        .map(|f| {
            one_of
                .contains(&f.id)
                .then(|| value_of(f, project, ctx))
                .flatten()
        })
        .collect();
    if !one_of.is_empty() && possible.iter().all(Option::is_none) {
        return None;
    }
    let forced: Vec<BoxedStrategy<Option<Value>>> = possible
        .into_iter()
        .map(|p| match p {
            Some(s) => s.prop_map(Some).boxed(),
            None => Just(None).boxed(),
        })
        .collect();
    let id = kind.id.clone();
    Some(
        (values, forced)
            .prop_map(move |(mut values, forced)| {
                let given = |values: &[Option<Value>]| {
                    fields
                        .iter()
                        .zip(values)
                        .any(|(f, v)| v.is_some() && one_of.contains(&f.id))
                };
                if !one_of.is_empty() && !given(&values) {
                    if let Some((slot, v)) =
                        values.iter_mut().zip(forced).find(|(_, v)| v.is_some())
                    {
                        *slot = v;
                    }
                }
                let values: Vec<(String, Value)> = fields
                    .iter()
                    .zip(values)
                    .filter_map(|(f, v)| {
                        let v = v.or_else(|| f.default.map(Value::Count))?;
                        Some((f.id.clone(), v))
                    })
                    .collect();
                built(&id, values)
            })
            .boxed(),
    )
}

/// The fact's content as the reader builds it: an expenditure of its own
/// shape, every other kind as fields.
fn built(kind: &str, values: Vec<(String, Value)>) -> What {
    let get = |name: &str| {
        values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    if kind == "expenditure"
        && let (Some(Value::Amount(amount)), Some(Value::Text(category))) =
            (get("amount"), get("category"))
    {
        let partner = match get("partner") {
            Some(Value::Text(p)) => Some(p),
            _ => None,
        };
        return What::Expenditure {
            partner: partner.unwrap_or_default(),
            amount,
            category,
            plan: None,
            document: None,
        };
    }
    What::Fields(Fields {
        kind: kind.to_owned(),
        values,
    })
}

/// One fact of any kind the project can record (besides retractions), with
/// an id given later: its day, the organisation that recorded it, its
/// territory (a unit of the project's, or none) and its content.
fn any_fact(project: &Project, ctx: &Context) -> Option<BoxedStrategy<Fact>> {
    let participants = project.participants.is_some();
    let kinds: Vec<BoxedStrategy<What>> = project
        .vocabulary()
        .kinds()
        .iter()
        .filter(|k| k.id != "retraction")
        .filter(|k| participants || (k.id != "entry" && k.id != "exit"))
        .filter_map(|k| {
            let mut k = k.clone();
            if k.id == "expenditure" {
                // The category is an id; the partner, when absent, the recorder.
                if let Some(f) = k.fields.iter_mut().find(|f| f.id == "category") {
                    f.field_type = FieldType::Institution;
                }
            }
            what_of(&k, project, ctx)
        })
        .collect();
    if kinds.is_empty() {
        return None;
    }
    let mut territory: Vec<Option<TerytCode>> = ctx.territory.iter().cloned().map(Some).collect();
    territory.push(None);
    Some(
        (
            select(&ctx.days)?,
            select(&ctx.organisations)?,
            prop::sample::select(territory),
            Union::new(kinds),
        )
            .prop_map(|(date, by, territory, mut what)| {
                if let What::Expenditure { partner, .. } = &mut what
                    && partner.is_empty()
                {
                    partner.clone_from(&by);
                }
                Fact {
                    id: String::new(),
                    date,
                    recorded_by: by,
                    territory,
                    what,
                }
            })
            .boxed(),
    )
}

/// What happens to a history besides its facts: a fact recorded again, a
/// fact retracted, a participant entering again.
#[derive(Debug, Clone, Copy)]
enum Later {
    Repeat,
    Retract,
    Reenter { day: usize, sex: Option<usize> },
}

fn later() -> impl Strategy<Value = Later> {
    prop_oneof![
        1 => Just(Later::Repeat),
        1 => Just(Later::Retract),
        3 => (any::<usize>(), prop::option::of(any::<usize>()))
            .prop_map(|(day, sex)| Later::Reenter { day, sex }),
    ]
}

/// A fact history for `project`: up to 40 facts (`f-0`, `f-1`, …) of the
/// kinds the project can record, then, at random later places, repeats of
/// some of them (the same id and content), retractions of some (`r-N`
/// retracts `f-N`, on its day) and, when the project declares
/// `[participants]`, re-entries of participants (`f-N-again-M`: an `entry`
/// of the same participant on a later day, with the same sex, another or
/// none). Every fact is admitted by the project ([`crate::admission`]).
///
/// ```
/// # #[cfg(feature = "proptest")] {
/// use kooperacja_core::admission::admit;
/// use kooperacja_core::project::Project;
/// use kooperacja_core::strategies::facts_for;
/// use proptest::prelude::*;
/// let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml")).unwrap();
/// proptest::proptest!(|(facts in facts_for(&project))| {
///     prop_assert!(facts.iter().all(|f| admit(&project, None, f).is_ok()));
/// });
/// # }
/// ```
pub fn facts_for(project: &Project) -> impl Strategy<Value = Vec<Fact>> + use<> {
    let ctx = Context::of(project);
    let Some(fact) = any_fact(project, &ctx) else {
        return Just(Vec::new()).boxed();
    };
    let days = ctx.days.clone();
    let sexes: Vec<String> = project
        .participants
        .as_ref()
        .map(|p| p.sexes.clone())
        .unwrap_or_default();
    (
        prop::collection::vec(fact, 0..=40),
        prop::collection::vec((later(), any::<usize>(), any::<usize>()), 0..=10),
    )
        .prop_map(move |(facts, laters)| history(facts, &laters, &days, &sexes))
        .boxed()
}

/// The history of these facts with these later events, each placed after
/// the fact it is about.
fn history(
    mut facts: Vec<Fact>,
    laters: &[(Later, usize, usize)],
    days: &[NaiveDate],
    sexes: &[String],
) -> Vec<Fact> {
    for (i, f) in facts.iter_mut().enumerate() {
        f.id = format!("f-{i}");
    }
    // (place, order, fact): each fact at its own place, later events after.
    let mut placed: Vec<(usize, usize, Fact)> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| (i * 2, 0, f.clone()))
        .collect();
    let mut retracted = BTreeSet::new();
    let mut again = 0;
    let n = facts.len();
    for (order, &(event, of, at)) in laters.iter().enumerate() {
        let Some(fact) = pick(&facts, of) else {
            continue;
        };
        let i = of % n;
        let place = i * 2 + 1 + (at % (2 * (n - i)).max(1));
        let made = match event {
            Later::Repeat => Some(fact.clone()),
            Later::Retract if retracted.insert(i) => Some(Fact {
                id: format!("r-{i}"),
                date: fact.date,
                recorded_by: fact.recorded_by.clone(),
                territory: None,
                what: What::Retraction {
                    retracts: fact.id.clone(),
                    reason: "generated".to_owned(),
                },
            }),
            Later::Retract => None,
            Later::Reenter { day, sex } => reentry(fact, day, sex, days, sexes).map(|mut f| {
                again += 1;
                f.id = format!("{}-again-{again}", fact.id);
                f
            }),
        };
        if let Some(f) = made {
            placed.push((place, order + 1, f));
        }
    }
    placed.sort_by_key(|(place, order, _)| (*place, *order));
    placed.into_iter().map(|(_, _, f)| f).collect()
}

/// An entry of the same participant as `fact` (an entry) on a day at or after
/// it, with the same sex (`None`), or one of the project's sexes.
fn reentry(
    fact: &Fact,
    day: usize,
    sex: Option<usize>,
    days: &[NaiveDate],
    sexes: &[String],
) -> Option<Fact> {
    let What::Fields(fields) = &fact.what else {
        return None;
    };
    if fields.kind != "entry" {
        return None;
    }
    let later: Vec<NaiveDate> = days.iter().copied().filter(|d| *d >= fact.date).collect();
    let date = *pick(&later, day)?;
    let mut fields = fields.clone();
    if let Some(sex) = sex.and_then(|s| pick(sexes, s))
        && let Some(slot) = fields.values.iter_mut().find(|(n, _)| n == "sex")
    {
        slot.1 = Value::Text(sex.clone());
    }
    Some(Fact {
        id: String::new(),
        date,
        recorded_by: fact.recorded_by.clone(),
        territory: fact.territory.clone(),
        what: What::Fields(fields),
    })
}
