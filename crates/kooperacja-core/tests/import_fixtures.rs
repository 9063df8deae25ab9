//! On all three fixtures: for every kind of fact with fields (the declared
//! ones and the built-in ones but the retraction, which names a fact already
//! recorded), a good sheet generated from the project's own vocabulary, its
//! headers the project's labels (`import::field_header`,
//! `import::base_header`) in Polish or in English and the sheet named after
//! the kind, imports: two facts of that kind, every field as written.

mod common;

use chrono::NaiveDate;
use common::{SheetSpec, W, import_file, key, options, project, t, xlsx};
use kooperacja_core::facts::Fact;
use kooperacja_core::import::{base_header, field_header};
use kooperacja_core::present::Lang;
use kooperacja_core::project::Project;
use kooperacja_core::vocabulary::{FieldDecl, FieldType};

/// What a good row of each fixture names: a date in its period, its
/// territory and a JST in it, an institution.
struct Place {
    date: (u16, u8, u8),
    territory: &'static str,
    jst: &'static str,
    institution: &'static str,
}

fn place(fixture: &str) -> Place {
    match fixture {
        "kooperacja" => Place {
            date: (2019, 3, 12),
            territory: "0410",
            jst: "0410033",
            institution: "mgops-naklo-nad-notecia",
        },
        "koordynacja" => Place {
            date: (2024, 6, 3),
            territory: "0401",
            jst: "0401",
            institution: "ops-0401",
        },
        _ => Place {
            date: (2019, 10, 7),
            territory: "2416021",
            jst: "2416021",
            institution: "ops-2416021",
        },
    }
}

/// A text with Polish letters, for text fields.
const TEXT: &str = "Przystań – żółć";

/// The cell a coordinator writes for `field` in row `n` (1 or 2), the
/// field's value as the fact must hold it (`Value::to_text`), and the value
/// as a JSON Lines fact file writes it (the reference).
fn cell(
    project: &Project,
    field: &FieldDecl,
    lang: Lang,
    at: &Place,
    n: u32,
) -> (W, String, serde_json::Value) {
    let (cell, text) = typed_cell(project, field, lang, at, n);
    let json = match field.field_type {
        FieldType::Count | FieldType::Days => {
            serde_json::json!(text.parse::<u32>().expect("whole"))
        }
        FieldType::Person | FieldType::Household if field.many => {
            let W::T(raw) = &cell else {
                unreachable!("text")
            };
            serde_json::json!(raw.split(", ").collect::<Vec<_>>())
        }
        FieldType::Person | FieldType::Household => {
            let W::T(raw) = &cell else {
                unreachable!("text")
            };
            serde_json::json!(raw)
        }
        _ if field.many => serde_json::json!([text]),
        _ => serde_json::json!(text),
    };
    (cell, text, json)
}

fn typed_cell(project: &Project, field: &FieldDecl, lang: Lang, at: &Place, n: u32) -> (W, String) {
    let pseudonym = |raw: &str| key().person(raw).expect("a good key").as_str().to_owned();
    let (y, m, d) = at.date;
    match field.field_type {
        FieldType::Person | FieldType::Household => {
            let prefix = if field.field_type == FieldType::Person {
                "sw"
            } else {
                "h"
            };
            let (a, b) = (
                format!("{prefix}-{n:03}"),
                format!("{prefix}-{:03}", n + 10),
            );
            if field.many {
                (
                    W::T(format!("{a}, {b}")),
                    format!("{} {}", pseudonym(&a), pseudonym(&b)),
                )
            } else {
                (W::T(a.clone()), pseudonym(&a))
            }
        }
        FieldType::Institution => (t(at.institution), at.institution.to_owned()),
        FieldType::Jst => (t(at.jst), at.jst.to_owned()),
        FieldType::Group => match project.groups.first() {
            Some(group) => (W::T(group.code.clone()), group.code.clone()),
            // A project without groups leaves the (optional) column empty.
            None => (W::Blank, String::new()),
        },
        FieldType::Organisation => {
            let id = project.leader().expect("a leader").id.clone();
            (W::T(id.clone()), id)
        }
        FieldType::Count => {
            let value = match field.id.as_str() {
                "birth_year" => 1980,
                "age" => 44,
                _ => 3 + n,
            };
            (W::N(f64::from(value)), value.to_string())
        }
        FieldType::Days => (W::N(2.0), "2".to_owned()),
        FieldType::Hours => (t("1,5"), "1.5".to_owned()),
        FieldType::Amount => (W::N(1234.56), "1234.56".to_owned()),
        FieldType::Date => (W::D(y, m, d), format!("{y}-{m:02}-{d:02}")),
        FieldType::Enum => {
            let (label, id) = enum_value(project, field, lang);
            (W::T(label), id)
        }
        _ => (t(TEXT), TEXT.to_owned()),
    }
}

/// The first value of an enum field: its label in `lang`, and its id.
fn enum_value(project: &Project, field: &FieldDecl, lang: Lang) -> (String, String) {
    if let Some(values) = project.vocabulary().values(field) {
        let first = &values[0];
        return (first.name(lang).to_owned(), first.id.clone());
    }
    let (pl, en, id) = match field.enumeration.as_deref() {
        Some("roles") => {
            let role = &project.roles[0];
            (&role.name, &role.name_en, &role.id)
        }
        _ => {
            let sector = &project.sectors[0];
            (&sector.name, &sector.name_en, &sector.id)
        }
    };
    let label = match lang {
        Lang::Pl => pl.clone(),
        Lang::En => en.clone().unwrap_or_else(|| pl.clone()),
    };
    (label, id.clone())
}

/// Writes the good sheet of `kind` in `lang`, imports it with no kind given,
/// and checks both facts field by field.
fn good_sheet_imports(fixture: &str, kind: &str, lang: Lang) {
    let project = project(fixture);
    let at = place(fixture);
    let decl = project.vocabulary().kind(kind).expect("the kind").clone();
    let base = ["date", "by", "territory", "note"];
    let mut headers: Vec<W> = base
        .iter()
        .map(|b| t(base_header(b, lang).expect("a base header")))
        .collect();
    headers.extend(decl.fields.iter().map(|f| t(field_header(f, lang))));
    let leader = project.leader().expect("a leader").id.clone();
    let mut rows = vec![headers];
    let mut expected = Vec::new();
    let mut jsonl = String::new();
    for n in 1..=2 {
        let (y, m, d) = at.date;
        let mut row = vec![W::D(y, m, d), W::T(leader.clone()), t(at.territory)];
        row.push(W::T(format!("wiersz {n}")));
        let mut values = Vec::new();
        let mut json = serde_json::json!({
            "id": format!("ref-{n}"),
            "date": format!("{y}-{m:02}-{d:02}"),
            "by": leader,
            "territory": at.territory,
            "kind": kind,
            "note": format!("wiersz {n}"),
        });
        for field in &decl.fields {
            let (cell, value, raw) = cell(&project, field, lang, &at, n);
            if matches!(cell, W::Blank) {
                row.push(cell);
                continue;
            }
            row.push(cell);
            values.push((field.id.clone(), value));
            json[field.id.as_str()] = raw;
        }
        rows.push(row);
        expected.push(values);
        jsonl.push_str(&format!("{json}\n"));
    }
    let reference = reference_facts(&project, &jsonl);
    // Excel names a sheet in at most 31 characters; a longer label cannot
    // be one, so such a sheet is named by the kind's id.
    let label = project.vocabulary().kind_label(kind, lang);
    let name = if label.chars().count() <= 31 {
        label
    } else {
        kind
    };
    let file = format!("{kind}.xlsx");
    let imported = import_file(
        &file,
        &xlsx(&[SheetSpec::new(name, rows)]),
        &project,
        &options(None, lang),
    )
    .unwrap_or_else(|problems| panic!("{fixture}, {kind}: {problems:#?}"));
    assert_eq!(imported.facts.len(), 2, "{fixture}, {kind}");
    let date = NaiveDate::from_ymd_opt(
        i32::from(at.date.0),
        u32::from(at.date.1),
        u32::from(at.date.2),
    );
    for (fact, values) in imported.facts.iter().zip(&expected) {
        assert_eq!(fact.kind(), kind);
        assert_eq!(Some(fact.date), date);
        assert_eq!(fact.recorded_by, leader);
        assert_eq!(
            fact.territory.as_ref().map(|c| c.to_string()),
            Some(at.territory.to_owned())
        );
        for (field, value) in values {
            assert_eq!(
                fact.value(field).map(|v| v.to_text()).as_deref(),
                Some(value.as_str()),
                "{fixture}, {kind}, field {field}"
            );
        }
        assert!(fact.id.starts_with("f-"), "a content id: {}", fact.id);
    }
    let without_ids = |facts: &[Fact]| -> Vec<Fact> {
        facts
            .iter()
            .cloned()
            .map(|mut f| {
                f.id = String::new();
                f
            })
            .collect()
    };
    assert_eq!(
        without_ids(&imported.facts),
        without_ids(&reference),
        "the same facts as the JSON Lines reference"
    );
}

/// The reference rows read as JSON Lines by core's fact reader, each checked
/// against the project: the test's own values must be good facts, so that a
/// sheet refused is the import's fault, not the test's.
fn reference_facts(project: &Project, jsonl: &str) -> Vec<Fact> {
    use kooperacja_core::fact_check::FactCheck;
    use kooperacja_core::facts::{Format, OnError, read_all};
    use kooperacja_core::validate::Severity;
    let facts = read_all(
        jsonl.as_bytes(),
        Format::JsonLines,
        OnError::Stop,
        project.vocabulary(),
        &key(),
    )
    .unwrap_or_else(|e| panic!("the reference reads: {e}\n{jsonl}"))
    .facts;
    let mut check = FactCheck::new(project, None);
    for fact in &facts {
        let errors: Vec<_> = check
            .check(fact)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "the reference is good: {errors:#?}");
    }
    facts
}

/// The kinds with fields a fixture's vocabulary has, but the retraction and
/// a kind no fact of the project can be of: one with a required field whose
/// values come from a list the project leaves empty (the second fixture,
/// upgraded from format 1, declares `agreement` with a required `sector` and
/// lists no sectors).
fn kinds_with_fields(fixture: &str) -> Vec<String> {
    let project = project(fixture);
    let empty_list = |f: &FieldDecl| match (f.field_type, f.enumeration.as_deref()) {
        (FieldType::Enum, Some("roles")) => project.roles.is_empty(),
        (FieldType::Enum, Some("sectors")) => project.sectors.is_empty(),
        (FieldType::Group, _) => project.groups.is_empty(),
        _ => false,
    };
    project
        .vocabulary()
        .kinds()
        .iter()
        .filter(|k| !k.fields.is_empty() && k.id != "retraction")
        .filter(|k| !k.fields.iter().any(|f| f.required && empty_list(f)))
        .map(|k| k.id.clone())
        .collect()
}

/// The kinds the tests below cover, per fixture.
const COVERED: [(&str, &[&str]); 3] = [
    (
        "kooperacja",
        &[
            "meeting",
            "coaching",
            "agreement",
            "pilot",
            "deliverable",
            "support",
            "qualification",
            "di-plan",
            "entry",
            "exit",
            "expenditure",
            "transfer",
        ],
    ),
    (
        "koordynacja",
        &[
            "meeting",
            "coaching",
            "pilot",
            "deliverable",
            "support",
            "qualification",
            "di-plan",
            "entry",
            "exit",
            "expenditure",
            "transfer",
        ],
    ),
    (
        "kooperacje-3d",
        &[
            "agreement",
            "partnership",
            "declaration",
            "meeting",
            "coaching",
            "supervision",
            "support-plan",
            "deliverable",
            "covid-rehab",
            "entry",
            "exit",
            "expenditure",
            "transfer",
        ],
    ),
];

#[test]
fn every_kind_with_fields_of_every_fixture_is_covered() {
    for (fixture, covered) in COVERED {
        assert_eq!(kinds_with_fields(fixture), covered.to_vec(), "{fixture}");
    }
}

macro_rules! good_sheets {
    ($($name:ident: $fixture:literal, $kind:literal, $lang:ident;)*) => {
        $(
            #[test]
            fn $name() {
                good_sheet_imports($fixture, $kind, Lang::$lang);
            }
        )*
    };
}

good_sheets! {
    kooperacja_meeting_pl: "kooperacja", "meeting", Pl;
    kooperacja_meeting_en: "kooperacja", "meeting", En;
    kooperacja_coaching_pl: "kooperacja", "coaching", Pl;
    kooperacja_coaching_en: "kooperacja", "coaching", En;
    kooperacja_agreement_pl: "kooperacja", "agreement", Pl;
    kooperacja_agreement_en: "kooperacja", "agreement", En;
    kooperacja_pilot_pl: "kooperacja", "pilot", Pl;
    kooperacja_deliverable_pl: "kooperacja", "deliverable", Pl;
    kooperacja_deliverable_en: "kooperacja", "deliverable", En;
    kooperacja_support_pl: "kooperacja", "support", Pl;
    kooperacja_qualification_pl: "kooperacja", "qualification", Pl;
    kooperacja_di_plan_pl: "kooperacja", "di-plan", Pl;
    kooperacja_entry_pl: "kooperacja", "entry", Pl;
    kooperacja_exit_pl: "kooperacja", "exit", Pl;
    kooperacja_expenditure_pl: "kooperacja", "expenditure", Pl;
    kooperacja_expenditure_en: "kooperacja", "expenditure", En;
    kooperacja_transfer_pl: "kooperacja", "transfer", Pl;
    koordynacja_meeting_pl: "koordynacja", "meeting", Pl;
    koordynacja_coaching_pl: "koordynacja", "coaching", Pl;
    koordynacja_pilot_pl: "koordynacja", "pilot", Pl;
    koordynacja_deliverable_pl: "koordynacja", "deliverable", Pl;
    koordynacja_support_pl: "koordynacja", "support", Pl;
    koordynacja_support_en: "koordynacja", "support", En;
    koordynacja_qualification_pl: "koordynacja", "qualification", Pl;
    koordynacja_di_plan_pl: "koordynacja", "di-plan", Pl;
    koordynacja_di_plan_en: "koordynacja", "di-plan", En;
    koordynacja_entry_pl: "koordynacja", "entry", Pl;
    koordynacja_exit_pl: "koordynacja", "exit", Pl;
    koordynacja_expenditure_pl: "koordynacja", "expenditure", Pl;
    koordynacja_transfer_pl: "koordynacja", "transfer", Pl;
    kooperacje_3d_agreement_pl: "kooperacje-3d", "agreement", Pl;
    kooperacje_3d_partnership_pl: "kooperacje-3d", "partnership", Pl;
    kooperacje_3d_declaration_pl: "kooperacje-3d", "declaration", Pl;
    kooperacje_3d_declaration_en: "kooperacje-3d", "declaration", En;
    kooperacje_3d_meeting_pl: "kooperacje-3d", "meeting", Pl;
    kooperacje_3d_meeting_en: "kooperacje-3d", "meeting", En;
    kooperacje_3d_coaching_pl: "kooperacje-3d", "coaching", Pl;
    kooperacje_3d_supervision_pl: "kooperacje-3d", "supervision", Pl;
    kooperacje_3d_support_plan_pl: "kooperacje-3d", "support-plan", Pl;
    kooperacje_3d_support_plan_en: "kooperacje-3d", "support-plan", En;
    kooperacje_3d_deliverable_pl: "kooperacje-3d", "deliverable", Pl;
    kooperacje_3d_covid_rehab_pl: "kooperacje-3d", "covid-rehab", Pl;
    kooperacje_3d_covid_rehab_en: "kooperacje-3d", "covid-rehab", En;
    kooperacje_3d_entry_pl: "kooperacje-3d", "entry", Pl;
    kooperacje_3d_entry_en: "kooperacje-3d", "entry", En;
    kooperacje_3d_exit_pl: "kooperacje-3d", "exit", Pl;
    kooperacje_3d_expenditure_pl: "kooperacje-3d", "expenditure", Pl;
    kooperacje_3d_transfer_pl: "kooperacje-3d", "transfer", Pl;
}
