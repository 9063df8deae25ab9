//! The corpus of bad sheets: each test writes one XLSX file a coordinator
//! could have filled in wrongly (with rust_xlsxwriter), imports it into the
//! first fixture („Kooperacja”, Macroregion II) and keeps the problems, in
//! Polish and English, as its snapshot. Every test also asserts where the
//! problem is (row, column) and, for the person values it put in (a PESEL,
//! a name), that no problem quotes them (`common::refused` checks this and
//! that the problems come in file, sheet, row, column order).
//!
//! The rules each sheet triggers are the lead's design of issue 14
//! (`DESIGN-14`, "Cells by declared type", "Privacy", "Headers").

mod common;

use common::{SheetSpec, W, import_file, options, project, refused, t, the_one, xlsx};
use kooperacja_core::import::CellProblem;
use kooperacja_core::present::Lang;

/// The headers of a meeting sheet, as the template writes them in Polish.
const MEETING: [&str; 7] = [
    "Data",
    "Organizacja",
    "Terytorium",
    "rodzaj działania",
    "dni",
    "uczestnicy",
    "miejsce",
];

/// A good meeting row of the fixture: 12 March 2019, ROPS Toruń, powiat
/// nakielski, a meeting of one day with 12 participants.
fn good_meeting() -> Vec<W> {
    vec![
        W::D(2019, 3, 12),
        t("rops-torun"),
        t("0410"),
        t("spotkanie"),
        W::N(1.0),
        W::N(12.0),
        t("Nakło nad Notecią"),
    ]
}

/// A meeting sheet (named after the kind) of these headers and rows.
fn sheet(headers: &[&str], rows: Vec<Vec<W>>) -> SheetSpec {
    let mut all = vec![headers.iter().map(|h| t(h)).collect::<Vec<_>>()];
    all.extend(rows);
    SheetSpec::new("spotkanie", all)
}

/// A good meeting row with one cell replaced.
fn meeting_with(column: usize, cell: W) -> Vec<W> {
    let mut row = good_meeting();
    row[column] = cell;
    row
}

/// The problems of a meeting file of these sheets (kind from the options).
fn meeting_problems(sheets: &[SheetSpec], secrets: &[&str]) -> (Vec<CellProblem>, String) {
    refused(
        "spotkania.xlsx",
        &xlsx(sheets),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
        secrets,
    )
}

fn at(problem: &CellProblem) -> (Option<u32>, Option<&str>) {
    (problem.at.row, problem.at.column.as_deref())
}

#[test]
fn the_good_meeting_sheet_imports() {
    let sheet = sheet(&MEETING, vec![good_meeting()]);
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("the good sheet imports");
    assert_eq!(common::json_lines(&imported).len(), 1);
    insta::assert_snapshot!(common::json_lines(&imported).join("\n"));
}

#[test]
fn text_in_a_count_is_refused() {
    let sheet = sheet(&MEETING, vec![meeting_with(5, t("dwanaście"))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("F")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_fraction_in_a_count_is_refused() {
    let sheet = sheet(&MEETING, vec![meeting_with(5, W::N(12.5))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("F")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_date_in_an_amount_is_refused() {
    let rows = vec![
        vec![
            t("Data"),
            t("Organizacja"),
            t("partner"),
            t("amount"),
            t("category"),
        ],
        vec![
            W::D(2019, 3, 31),
            t("rops-torun"),
            t("rops-torun"),
            W::D(2019, 3, 31),
            t("platforma"),
        ],
    ];
    let (problems, report) = refused(
        "wydatki.xlsx",
        &xlsx(&[SheetSpec::new("wydatek", rows)]),
        &project("kooperacja"),
        &options(Some("expenditure"), Lang::Pl),
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("D")));
    insta::assert_snapshot!(report);
}

#[test]
fn an_unknown_enumeration_value_is_refused_naming_the_allowed_labels() {
    let sheet = sheet(&MEETING, vec![meeting_with(3, t("piknik"))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    let problem = the_one(&problems, "import.unknown-value");
    assert_eq!(at(problem), (Some(2), Some("D")));
    assert!(
        problem.message.contains("seminarium"),
        "the allowed labels are named: {}",
        problem.message
    );
    insta::assert_snapshot!(report);
}

#[test]
fn an_enumeration_value_by_its_english_label_or_id_is_taken() {
    let rows = vec![
        meeting_with(3, t("Seminar")),
        meeting_with(3, t("coaching")),
    ];
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet(&MEETING, rows)]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("labels in either language and ids are taken");
    let activities: Vec<_> = imported
        .facts
        .iter()
        .map(|f| f.value("activity").map(|v| v.to_text()))
        .collect();
    assert_eq!(
        activities,
        [Some("seminar".to_owned()), Some("coaching".to_owned())]
    );
}

#[test]
fn merged_cells_in_the_data_rows_are_one_problem_per_range() {
    let mut spec = sheet(
        &MEETING,
        vec![good_meeting(), good_meeting(), good_meeting()],
    );
    // G2:G3 (the place of two meetings), 0-based rows 1..=2, column 6.
    spec.merged.push((1, 6, 2, 6));
    let (problems, report) = meeting_problems(&[spec], &[]);
    let problem = the_one(&problems, "import.merged");
    assert_eq!(at(problem), (Some(2), Some("G")));
    insta::assert_snapshot!(report);
}

#[test]
fn empty_rows_are_notes_not_problems() {
    let rows = vec![
        good_meeting(),
        vec![],
        meeting_with(5, W::N(7.0)),
        vec![W::Blank, W::Blank],
        meeting_with(5, W::N(9.0)),
        vec![],
        vec![],
    ];
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet(&MEETING, rows)]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("empty rows do not refuse a sheet");
    assert_eq!(imported.facts.len(), 3);
    let rows: Vec<_> = imported.rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, [Some(2), Some(4), Some(6)]);
    let empty: Vec<_> = imported
        .notes
        .iter()
        .filter(|n| n.code == "import.empty-row")
        .map(|n| n.at.row)
        .collect();
    // Rows 3 and 5; rows after the last fact are not mentioned.
    assert_eq!(empty, [Some(3), Some(5)]);
    insta::assert_snapshot!(common::notes_report(&imported.notes));
}

#[test]
fn a_formula_is_refused_even_with_a_good_result() {
    let sheet = sheet(&MEETING, vec![meeting_with(5, W::F("=5+7".to_owned()))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    let problem = the_one(&problems, "import.formula");
    assert_eq!(at(problem), (Some(2), Some("F")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_date_as_ambiguous_text_is_refused_naming_the_forms() {
    let sheet = sheet(&MEETING, vec![meeting_with(0, t("03/12/2019"))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    let problem = the_one(&problems, "import.date-as-text");
    assert_eq!(at(problem), (Some(2), Some("A")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_date_as_iso_or_polish_text_is_taken() {
    let rows = vec![
        meeting_with(0, t("2019-03-12")),
        meeting_with(0, t("12.03.2019")),
    ];
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet(&MEETING, rows)]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("unambiguous date text is taken");
    let dates: Vec<String> = imported.facts.iter().map(|f| f.date.to_string()).collect();
    assert_eq!(dates, ["2019-03-12", "2019-03-12"]);
}

#[test]
fn a_text_that_is_no_date_is_refused() {
    let sheet = sheet(&MEETING, vec![meeting_with(0, t("wtorek"))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("A")));
    insta::assert_snapshot!(report);
}

/// A valid PESEL number (checksum 9), the standard example.
const PESEL: &str = "44051401359";
/// Another valid PESEL number (checksum 8).
const PESEL_2: &str = "02070803628";

#[test]
fn a_pesel_column_is_refused_by_its_header_without_its_values() {
    let mut headers = MEETING.to_vec();
    headers.push("PESEL");
    let mut row = good_meeting();
    row.push(t(PESEL));
    let mut row2 = good_meeting();
    row2.push(W::N(2_070_803_628.0));
    let (problems, report) =
        meeting_problems(&[sheet(&headers, vec![row, row2])], &[PESEL, PESEL_2]);
    let problem = the_one(&problems, "import.personal-column");
    assert_eq!(problem.at.column.as_deref(), Some("H"));
    assert_eq!(problem.at.header.as_deref(), Some("PESEL"));
    insta::assert_snapshot!(report);
}

#[test]
fn a_surname_column_is_refused_by_its_header() {
    let mut headers = MEETING.to_vec();
    headers.push("Nazwisko");
    let mut row = good_meeting();
    row.push(t("Wiśniewska"));
    let (problems, report) = meeting_problems(&[sheet(&headers, vec![row])], &["Wiśniewska"]);
    let problem = the_one(&problems, "import.personal-column");
    assert_eq!(problem.at.column.as_deref(), Some("H"));
    insta::assert_snapshot!(report);
}

/// The headers of a coaching sheet of the fixture (person, form, role).
const COACHING: [&str; 5] = ["Data", "Organizacja", "osoba", "forma", "rola"];

fn coaching_row(person: &str) -> Vec<W> {
    vec![
        W::D(2018, 9, 3),
        t("rops-torun"),
        t(person),
        t("indywidualny"),
        t("pracownik socjalny"),
    ]
}

fn coaching_problems(rows: Vec<Vec<W>>, secrets: &[&str]) -> (Vec<CellProblem>, String) {
    let mut all = vec![COACHING.iter().map(|h| t(h)).collect::<Vec<_>>()];
    all.extend(rows);
    refused(
        "coaching.xlsx",
        &xlsx(&[SheetSpec::new("coaching", all)]),
        &project("kooperacja"),
        &options(Some("coaching"), Lang::Pl),
        secrets,
    )
}

#[test]
fn pesel_numbers_in_a_person_column_are_one_problem_naming_the_rows() {
    let rows = vec![
        coaching_row(PESEL),
        coaching_row("sw-001"),
        coaching_row(PESEL_2),
        coaching_row("sw-002"),
        coaching_row(PESEL),
    ];
    let (problems, report) = coaching_problems(rows, &[PESEL, PESEL_2]);
    let problem = the_one(&problems, "import.personal-data");
    assert_eq!(problem.at.column.as_deref(), Some("C"));
    for row in ["2", "4", "6"] {
        assert!(
            problem.message.contains(row),
            "row {row} named: {}",
            problem.message
        );
    }
    insta::assert_snapshot!(report);
}

#[test]
fn one_pesel_number_in_a_person_column_is_a_problem_at_its_cell() {
    let rows = vec![coaching_row("sw-001"), coaching_row(PESEL)];
    let (problems, report) = coaching_problems(rows, &[PESEL]);
    let problem = the_one(&problems, "import.personal-data");
    assert_eq!(problem.at.column.as_deref(), Some("C"));
    assert_eq!(problem.at.row, Some(3));
    insta::assert_snapshot!(report);
}

#[test]
fn a_name_in_a_person_column_is_refused_without_quoting_it() {
    let rows = vec![coaching_row("sw-001"), coaching_row("Kowalska")];
    let (problems, report) = coaching_problems(rows, &["Kowalska"]);
    let problem = the_one(&problems, "import.personal-data");
    assert_eq!(problem.at.column.as_deref(), Some("C"));
    insta::assert_snapshot!(report);
}

#[test]
fn a_number_cell_in_a_person_column_is_refused() {
    let mut row = coaching_row("sw-001");
    row[2] = W::N(157.0);
    let (problems, report) = coaching_problems(vec![row], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("C")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_pesel_number_in_a_text_column_is_refused_without_quoting_it() {
    let sheet = sheet(&MEETING, vec![meeting_with(6, t(PESEL))]);
    let (problems, report) = meeting_problems(&[sheet], &[PESEL]);
    let problem = the_one(&problems, "import.personal-data");
    assert_eq!(at(problem), (Some(2), Some("G")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_pesel_number_as_a_number_cell_is_refused_without_quoting_it() {
    let sheet = sheet(&MEETING, vec![meeting_with(6, W::N(44_051_401_359.0))]);
    let (problems, report) = meeting_problems(&[sheet], &[PESEL]);
    let problem = the_one(&problems, "import.personal-data");
    assert_eq!(at(problem), (Some(2), Some("G")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_header_twice_is_refused() {
    let mut headers = MEETING.to_vec();
    headers.push("dni");
    let mut row = good_meeting();
    row.push(W::N(2.0));
    let (problems, report) = meeting_problems(&[sheet(&headers, vec![row])], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.column.as_deref(), Some("H"));
    insta::assert_snapshot!(report);
}

#[test]
fn an_unknown_header_is_refused_at_its_column() {
    let mut headers = MEETING.to_vec();
    headers.push("kolor sali");
    let mut row = good_meeting();
    row.push(t("zielony"));
    let (problems, report) = meeting_problems(&[sheet(&headers, vec![row])], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.column.as_deref(), Some("H"));
    assert_eq!(problems[0].at.header.as_deref(), Some("kolor sali"));
    insta::assert_snapshot!(report);
}

#[test]
fn an_unknown_header_over_an_empty_column_is_no_problem() {
    let mut headers = MEETING.to_vec();
    headers.push("kolor sali");
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet(&headers, vec![good_meeting()])]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("an empty column of any header is no problem");
    assert_eq!(imported.facts.len(), 1);
}

#[test]
fn headers_in_english_and_ids_and_any_case_are_read() {
    let headers = [
        "DATE",
        "by",
        "Territory",
        "Activity",
        "days",
        "Participants",
        "place",
    ];
    let imported = import_file(
        "meetings.xlsx",
        &xlsx(&[sheet(&headers, vec![good_meeting()])]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::En),
    )
    .expect("English headers are read");
    assert_eq!(
        imported.facts[0].value("participants").map(|v| v.to_text()),
        Some("12".to_owned())
    );
}

#[test]
fn a_missing_required_column_is_a_sheet_problem() {
    let headers = ["Data", "Organizacja", "osoba", "rola"];
    let rows = vec![
        headers.iter().map(|h| t(h)).collect(),
        vec![
            W::D(2018, 9, 3),
            t("rops-torun"),
            t("sw-001"),
            t("pracownik socjalny"),
        ],
    ];
    let (problems, report) = refused(
        "coaching.xlsx",
        &xlsx(&[SheetSpec::new("coaching", rows)]),
        &project("kooperacja"),
        &options(Some("coaching"), Lang::Pl),
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.row, None, "a problem of the sheet");
    insta::assert_snapshot!(report);
}

#[test]
fn a_missing_by_is_a_sheet_problem() {
    let headers = [
        "Data",
        "Terytorium",
        "rodzaj działania",
        "dni",
        "uczestnicy",
        "miejsce",
    ];
    let mut row = good_meeting();
    row.remove(1);
    let (problems, report) = meeting_problems(&[sheet(&headers, vec![row])], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.row, None, "a problem of the sheet");
    insta::assert_snapshot!(report);
}

#[test]
fn a_missing_by_column_is_filled_from_the_options() {
    let headers = [
        "Data",
        "Terytorium",
        "rodzaj działania",
        "dni",
        "uczestnicy",
        "miejsce",
    ];
    let mut row = good_meeting();
    row.remove(1);
    let mut options = options(Some("meeting"), Lang::Pl);
    options.by = Some("umk".to_owned());
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet(&headers, vec![row])]),
        &project("kooperacja"),
        &options,
    )
    .expect("by from the options");
    assert_eq!(imported.facts[0].recorded_by, "umk");
}

fn expenditure_problems(amount: W) -> (Vec<CellProblem>, String) {
    let rows = vec![
        vec![
            t("Data"),
            t("Organizacja"),
            t("partner"),
            t("amount"),
            t("category"),
        ],
        vec![
            W::D(2019, 3, 31),
            t("rops-torun"),
            t("rops-torun"),
            amount,
            t("platforma"),
        ],
    ];
    refused(
        "wydatki.xlsx",
        &xlsx(&[SheetSpec::new("wydatek", rows)]),
        &project("kooperacja"),
        &options(Some("expenditure"), Lang::Pl),
        &[],
    )
}

#[test]
fn an_amount_with_three_decimals_is_refused() {
    let (problems, report) = expenditure_problems(W::N(1234.567));
    let problem = the_one(&problems, "import.amount-precision");
    assert_eq!(at(problem), (Some(2), Some("D")));
    insta::assert_snapshot!(report);
}

#[test]
fn an_amount_with_three_decimals_as_text_is_refused() {
    let (problems, report) = expenditure_problems(t("1234,567"));
    let problem = the_one(&problems, "import.amount-precision");
    assert_eq!(at(problem), (Some(2), Some("D")));
    insta::assert_snapshot!(report);
}

#[test]
fn amounts_as_numbers_and_polish_text_are_exact() {
    let rows = vec![
        vec![
            t("Data"),
            t("Organizacja"),
            t("partner"),
            t("amount"),
            t("category"),
        ],
        vec![
            W::D(2019, 3, 31),
            t("rops-torun"),
            t("rops-torun"),
            W::N(1234.56),
            t("platforma"),
        ],
        vec![
            W::D(2019, 3, 31),
            t("rops-torun"),
            t("rops-torun"),
            t("1 234,56 zł"),
            t("platforma"),
        ],
        vec![
            W::D(2019, 3, 31),
            t("rops-torun"),
            t("rops-torun"),
            W::N(0.1),
            t("platforma"),
        ],
        vec![
            W::D(2019, 3, 31),
            t("rops-torun"),
            t("rops-torun"),
            t("61697.41"),
            t("platforma"),
        ],
    ];
    let imported = import_file(
        "wydatki.xlsx",
        &xlsx(&[SheetSpec::new("wydatek", rows)]),
        &project("kooperacja"),
        &options(Some("expenditure"), Lang::Pl),
    )
    .expect("good amounts");
    let amounts: Vec<_> = imported
        .facts
        .iter()
        .map(|f| f.value("amount").map(|v| v.to_text()))
        .collect();
    let expected = ["1234.56", "1234.56", "0.10", "61697.41"];
    assert_eq!(
        amounts,
        expected.map(|a| Some(a.to_owned())),
        "exact to the grosz, never through a float"
    );
}

#[test]
fn an_unknown_organisation_is_refused_at_its_row() {
    let sheet = sheet(
        &MEETING,
        vec![good_meeting(), meeting_with(1, t("ops-nigdzie"))],
    );
    let (problems, report) = meeting_problems(&[sheet], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.row, Some(3));
    assert_eq!(problems[0].code, "import.does-not-fit");
    assert_eq!(problems[0].at.column.as_deref(), Some("B"), "the by column");
    assert!(
        problems[0].message.contains("fact.unknown-organisation"),
        "{report}"
    );
    insta::assert_snapshot!(report);
}

#[test]
fn a_date_outside_the_project_is_refused_at_its_row() {
    let sheet = sheet(&MEETING, vec![meeting_with(0, W::D(2031, 1, 15))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.row, Some(2));
    assert_eq!(problems[0].code, "import.does-not-fit");
    assert_eq!(
        problems[0].at.column.as_deref(),
        Some("A"),
        "the date column"
    );
    assert!(
        problems[0].message.contains("fact.date-outside"),
        "{report}"
    );
    insta::assert_snapshot!(report);
}

#[test]
fn a_sheet_of_no_kind_is_a_sheet_problem() {
    let rows = vec![MEETING.iter().map(|h| t(h)).collect(), good_meeting()];
    let (problems, report) = refused(
        "spotkania.xlsx",
        &xlsx(&[SheetSpec::new("Arkusz1", rows)]),
        &project("kooperacja"),
        &options(None, Lang::Pl),
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.row, None, "a problem of the sheet");
    insta::assert_snapshot!(report);
}

#[test]
fn a_bool_cell_is_refused() {
    let sheet = sheet(&MEETING, vec![meeting_with(6, W::B(true))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("G")));
    insta::assert_snapshot!(report);
}

#[test]
fn many_problems_in_one_sheet_are_all_reported_in_order() {
    let mut headers = MEETING.to_vec();
    headers.push("kolor sali");
    let mut rows = vec![
        meeting_with(5, t("dwanaście")),
        good_meeting(),
        meeting_with(3, t("piknik")),
        vec![],
        meeting_with(0, t("03/12/2019")),
        meeting_with(6, t(PESEL)),
        meeting_with(4, W::F("=1+1".to_owned())),
        meeting_with(1, t("ops-nigdzie")),
    ];
    for row in &mut rows {
        if !row.is_empty() {
            row.push(t("zielony"));
        }
    }
    let (problems, report) = meeting_problems(&[sheet(&headers, rows)], &[PESEL]);
    let places: Vec<_> = problems.iter().map(at).collect();
    assert_eq!(
        places,
        [
            (None, Some("H")),
            (Some(2), Some("F")),
            (Some(4), Some("D")),
            (Some(6), Some("A")),
            (Some(7), Some("G")),
            (Some(8), Some("E")),
            (Some(9), Some("B")),
        ],
        "{report}"
    );
    insta::assert_snapshot!(report);
}

#[test]
fn importing_the_same_sheet_twice_gives_the_same_facts_and_ids() {
    let file = xlsx(&[sheet(
        &MEETING,
        vec![good_meeting(), meeting_with(5, W::N(7.0))],
    )]);
    let once = || {
        import_file(
            "spotkania.xlsx",
            &file,
            &project("kooperacja"),
            &options(Some("meeting"), Lang::Pl),
        )
        .expect("imports")
    };
    assert_eq!(common::json_lines(&once()), common::json_lines(&once()));
}

#[test]
fn identical_rows_are_distinct_facts_with_numbered_ids() {
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet(&MEETING, vec![good_meeting(), good_meeting()])]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("imports");
    let ids: Vec<&str> = imported.facts.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(
        format!("{}-2", ids[0]),
        ids[1],
        "the second occurrence is -2"
    );
    assert_eq!(
        ids[0],
        kooperacja_core::facts::content_id(&imported.facts[0], 0)
    );
}

#[test]
fn an_id_column_gives_the_ids() {
    let mut headers = MEETING.to_vec();
    headers.insert(0, "Identyfikator");
    let mut row = good_meeting();
    row.insert(0, t("m-2019-03-12"));
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet(&headers, vec![row])]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("imports");
    assert_eq!(imported.facts[0].id, "m-2019-03-12");
}

#[test]
fn the_headers_are_the_first_non_empty_row() {
    let mut rows = vec![vec![]];
    rows.push(MEETING.iter().map(|h| t(h)).collect());
    rows.push(good_meeting());
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[SheetSpec::new("spotkanie", rows)]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("imports");
    assert_eq!(imported.rows[0].row, Some(3));
}

#[test]
fn the_instructions_sheet_and_sheets_of_no_kind_beside_a_kind_sheet_are_skipped() {
    let instructions = SheetSpec::new(
        "Instrukcja",
        vec![vec![t("Wpisz jedno spotkanie w wierszu.")]],
    );
    let other = SheetSpec::new("Notatki", vec![vec![t("cokolwiek"), t("innego")]]);
    let imported = import_file(
        "szablon.xlsx",
        &xlsx(&[instructions, sheet(&MEETING, vec![good_meeting()]), other]),
        &project("kooperacja"),
        &options(None, Lang::Pl),
    )
    .expect("the meeting sheet imports");
    assert_eq!(imported.facts.len(), 1);
    assert_eq!(imported.facts[0].kind(), "meeting");
    let noted: Vec<&str> = imported.notes.iter().map(|n| n.at.sheet.as_str()).collect();
    assert!(
        noted.contains(&"Notatki"),
        "a note names the skipped sheet: {noted:?}"
    );
}

#[test]
fn a_kind_column_of_a_csv_file_gives_each_rows_kind() {
    let csv = "rodzaj,Data,Organizacja,Terytorium,rodzaj działania,dni,uczestnicy,miejsce\r\n\
               spotkanie,2019-03-12,rops-torun,0410,spotkanie,1,12,Nakło\r\n";
    let imported = import_file(
        "spotkania.csv",
        csv.as_bytes(),
        &project("kooperacja"),
        &options(None, Lang::Pl),
    )
    .expect("imports");
    assert_eq!(imported.facts[0].kind(), "meeting");
}

#[test]
fn problems_of_several_files_come_file_by_file() {
    let first = xlsx(&[sheet(&MEETING, vec![meeting_with(5, t("dużo"))])]);
    let second = xlsx(&[sheet(&MEETING, vec![meeting_with(3, t("piknik"))])]);
    let workbooks = [
        kooperacja_core::import::read_upload("a.xlsx", &first).expect("reads"),
        kooperacja_core::import::read_upload("b.xlsx", &second).expect("reads"),
    ];
    let problems = kooperacja_core::import::import(
        &workbooks,
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
        &common::key(),
    )
    .expect_err("both files are refused");
    let mut files: Vec<&str> = problems.iter().map(|p| p.at.file.as_str()).collect();
    files.dedup();
    assert_eq!(files, ["a.xlsx", "b.xlsx"]);
}

#[test]
fn a_plain_number_in_a_date_column_is_refused() {
    // 43536 is 12 March 2019 as a spreadsheet counts days, in a cell without
    // a date format: what a date becomes when its format is lost.
    let sheet = sheet(&MEETING, vec![meeting_with(0, W::N(43536.0))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("A")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_territory_typed_as_a_number_gets_back_its_leading_zero() {
    // 0410 typed into a number cell loses its leading zero; a code of 1, 3
    // or 6 digits can only be one of 2, 4 or 7 that began with 0.
    let sheet = sheet(&MEETING, vec![meeting_with(2, W::N(410.0))]);
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("imports");
    let territory = imported.facts[0].territory.as_ref().map(|c| c.to_string());
    assert_eq!(territory.as_deref(), Some("0410"));
}

#[test]
fn a_territory_of_five_digits_is_refused() {
    let sheet = sheet(&MEETING, vec![meeting_with(2, W::N(41003.0))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("C")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_merged_title_row_above_the_headers_is_skipped_with_a_note() {
    let mut rows = vec![vec![t("Spotkania w 2019 r.")]];
    rows.push(MEETING.iter().map(|h| t(h)).collect());
    rows.push(good_meeting());
    let mut spec = SheetSpec::new("spotkanie", rows);
    spec.merged.push((0, 0, 0, 6));
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[spec]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("the title row is no headers, nor a problem");
    assert_eq!(
        imported.rows.iter().map(|r| r.row).collect::<Vec<_>>(),
        [Some(3)]
    );
    let title = the_note(&imported.notes, "import.title-row");
    assert_eq!(title.at.row, Some(1));
    insta::assert_snapshot!(common::notes_report(&imported.notes));
}

fn the_note<'a>(
    notes: &'a [kooperacja_core::import::ImportNote],
    code: &str,
) -> &'a kooperacja_core::import::ImportNote {
    let found: Vec<_> = notes.iter().filter(|n| n.code == code).collect();
    assert_eq!(found.len(), 1, "one {code} note in {notes:#?}");
    found[0]
}

#[test]
fn headers_with_spaces_around_and_in_capitals_are_read() {
    let headers = [
        " Data ",
        "ORGANIZACJA",
        "terytorium ",
        "Rodzaj Działania",
        "DNI",
        "Uczestnicy",
        "Miejsce",
    ];
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet(&headers, vec![good_meeting()])]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("headers are matched trimmed and case-insensitively");
    assert_eq!(imported.facts.len(), 1);
}

#[test]
fn a_list_of_persons_is_split_on_commas_semicolons_and_spaces() {
    let mut headers = MEETING.to_vec();
    headers.push("osoby");
    let mut row = good_meeting();
    row.push(t("sw-001, sw-002;sw-003  sw-004"));
    let imported = import_file(
        "spotkania.xlsx",
        &xlsx(&[sheet(&headers, vec![row])]),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .expect("imports");
    let persons = imported.facts[0].value("persons").expect("persons");
    let expected: Vec<String> = ["sw-001", "sw-002", "sw-003", "sw-004"]
        .iter()
        .map(|p| common::key().person(p).expect("a key").as_str().to_owned())
        .collect();
    assert_eq!(persons.to_text(), expected.join(" "));
}

#[test]
fn a_name_among_a_list_of_persons_is_refused_without_quoting_it() {
    let mut headers = MEETING.to_vec();
    headers.push("osoby");
    let mut row = good_meeting();
    row.push(t("sw-001, Kowalczyk"));
    let (problems, report) = meeting_problems(&[sheet(&headers, vec![row])], &["Kowalczyk"]);
    let problem = the_one(&problems, "import.personal-data");
    assert_eq!(problem.at.column.as_deref(), Some("H"));
    insta::assert_snapshot!(report);
}

#[test]
fn a_date_and_time_cell_in_a_date_column_is_taken_as_its_day() {
    // rust_xlsxwriter writes a date and time as a number with a date-time
    // format; 12 March 2019 at 14:30.
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("spotkanie").expect("name");
    for (c, h) in MEETING.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(c).expect("few"), *h)
            .expect("write");
    }
    let when = ExcelDateTime::parse_from_str("2019-03-12T14:30:00").expect("a date and time");
    let format = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    sheet
        .write_datetime_with_format(1, 0, &when, &format)
        .expect("write");
    for (c, v) in [
        (1, "rops-torun"),
        (2, "0410"),
        (3, "spotkanie"),
        (6, "Nakło"),
    ] {
        sheet.write_string(1, c, v).expect("write");
    }
    sheet.write_number(1, 4, 1.0).expect("write");
    sheet.write_number(1, 5, 12.0).expect("write");
    let bytes = book.save_to_buffer().expect("xlsx");
    let result = import_file(
        "spotkania.xlsx",
        &bytes,
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    );
    let imported = result.expect("a date and time is taken as its day");
    assert_eq!(imported.facts[0].date.to_string(), "2019-03-12");
}

#[test]
fn an_unknown_activity_is_not_also_reported_as_neither_group_nor_activity() {
    // A meeting names a group or an activity (one_of); this one names an
    // activity, wrongly: one problem, at the activity's cell.
    let sheet = sheet(&MEETING, vec![meeting_with(3, t("piknik"))]);
    let (problems, report) = meeting_problems(&[sheet], &[]);
    let codes: Vec<&str> = problems.iter().map(|p| p.code).collect();
    assert_eq!(codes, ["import.unknown-value"], "{report}");
}

#[test]
fn no_raw_person_value_reaches_the_facts_or_the_notes() {
    let mut rows = vec![COACHING.iter().map(|h| t(h)).collect::<Vec<_>>()];
    rows.push(coaching_row("sw-001"));
    rows.push(vec![]);
    rows.push(coaching_row("sw-002"));
    let imported = import_file(
        "coaching.xlsx",
        &xlsx(&[SheetSpec::new("coaching", rows)]),
        &project("kooperacja"),
        &options(Some("coaching"), Lang::Pl),
    )
    .expect("imports");
    let everything = format!(
        "{}\n{:?}\n{:?}",
        common::json_lines(&imported).join("\n"),
        imported.notes,
        imported.rows
    );
    for raw in ["sw-001", "sw-002"] {
        assert!(!everything.contains(raw), "{raw} in {everything}");
    }
    assert_eq!(imported.facts.len(), 2);
}

/// The read error of a file that is no spreadsheet or CSV at all, in both
/// languages.
fn unreadable(bytes: &[u8]) -> String {
    [Lang::Pl, Lang::En]
        .iter()
        .map(
            |lang| match kooperacja_core::import::read_upload_in("plik.xlsx", bytes, *lang) {
                Ok(workbook) => format!("read: {} sheets", workbook.sheets.len()),
                Err(e) => format!("{}: {}", e.code, e.message),
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_cut_off_xlsx_file_is_a_read_error() {
    let whole = xlsx(&[sheet(&MEETING, vec![good_meeting()])]);
    let cut = &whole[..whole.len() / 2];
    insta::assert_snapshot!(unreadable(cut));
}

#[test]
fn a_zip_archive_that_is_no_workbook_is_a_read_error() {
    insta::assert_snapshot!(unreadable(b"PK\x03\x04 not really an archive"));
}

#[test]
fn a_field_under_its_polish_and_its_english_header_is_a_header_twice() {
    let mut headers = MEETING.to_vec();
    headers.push("days");
    let mut row = good_meeting();
    row.push(W::N(1.0));
    let (problems, report) = meeting_problems(&[sheet(&headers, vec![row])], &[]);
    let problem = the_one(&problems, "import.header-twice");
    assert_eq!(problem.at.column.as_deref(), Some("H"));
    insta::assert_snapshot!(report);
}

#[test]
fn two_merged_ranges_are_two_problems() {
    let mut spec = sheet(
        &MEETING,
        vec![good_meeting(), good_meeting(), good_meeting()],
    );
    // D2:E2 (across two columns of one row) and G3:G4.
    spec.merged.push((1, 3, 1, 4));
    spec.merged.push((2, 6, 3, 6));
    let (problems, report) = meeting_problems(&[spec], &[]);
    let places: Vec<_> = problems
        .iter()
        .filter(|p| p.code == "import.merged")
        .map(at)
        .collect();
    assert_eq!(
        places,
        [(Some(2), Some("D")), (Some(3), Some("G"))],
        "{report}"
    );
    // The activity inside a merged range is reported there, not again as
    // a meeting of neither group nor activity.
    assert!(
        problems.iter().all(|p| p.code == "import.merged"),
        "{report}"
    );
    insta::assert_snapshot!(report);
}
