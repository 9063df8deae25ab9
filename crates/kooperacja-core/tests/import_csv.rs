//! The corpus of bad CSV files (every cell is text): what a coordinator's
//! spreadsheet writes when saved as CSV, wrongly filled in. Each test keeps
//! the problems, in Polish and English, as its snapshot, asserts where they
//! are, and that no person value it put in is quoted (`common::refused`).

mod common;

use common::{import_file, options, project, refused};
use kooperacja_core::import::CellProblem;
use kooperacja_core::present::Lang;

/// The header of a meeting file of the first fixture, in the `;` dialect.
const HEADER: &str = "Data;Organizacja;Terytorium;rodzaj działania;dni;uczestnicy;miejsce\r\n";

/// A good meeting line.
const GOOD: &str = "12.03.2019;rops-torun;0410;spotkanie;1;12;Nakło nad Notecią\r\n";

fn meeting_problems(lines: &[&str], secrets: &[&str]) -> (Vec<CellProblem>, String) {
    let text: String = std::iter::once(HEADER)
        .chain(lines.iter().copied())
        .collect();
    refused(
        "spotkania.csv",
        text.as_bytes(),
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
        secrets,
    )
}

fn at(problem: &CellProblem) -> (Option<u32>, Option<&str>) {
    (problem.at.row, problem.at.column.as_deref())
}

#[test]
fn a_fraction_with_a_decimal_comma_in_a_count_is_refused() {
    let (problems, report) = meeting_problems(
        &["12.03.2019;rops-torun;0410;spotkanie;1;12,5;Nakło\r\n"],
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("F")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_date_in_another_form_is_refused() {
    let (problems, report) = meeting_problems(
        &["03/12/2019;rops-torun;0410;spotkanie;1;12;Nakło\r\n"],
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("A")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_day_not_in_the_calendar_is_refused() {
    let (problems, report) = meeting_problems(
        &["30.02.2019;rops-torun;0410;spotkanie;1;12;Nakło\r\n"],
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("A")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_line_with_more_fields_than_headers_is_a_column_without_a_header() {
    let (problems, report) = meeting_problems(
        &[
            GOOD,
            "12.03.2019;rops-torun;0410;spotkanie;1;12;Nakło;nadmiar\r\n",
        ],
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.column.as_deref(), Some("H"), "{report}");
    insta::assert_snapshot!(report);
}

#[test]
fn a_territory_that_is_no_teryt_code_is_refused() {
    let (problems, report) = meeting_problems(
        &["12.03.2019;rops-torun;Nakło;spotkanie;1;12;Nakło\r\n"],
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("C")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_territory_outside_the_project_is_refused() {
    let (problems, report) = meeting_problems(
        &["12.03.2019;rops-torun;1465;spotkanie;1;12;Warszawa\r\n"],
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.row, Some(2));
    assert_eq!(problems[0].code, "import.does-not-fit");
    assert!(
        problems[0].message.contains("fact.territory-outside"),
        "{report}"
    );
    insta::assert_snapshot!(report);
}

#[test]
fn a_meeting_of_neither_group_nor_activity_is_refused() {
    let (problems, report) = meeting_problems(&["12.03.2019;rops-torun;0410;;1;12;Nakło\r\n"], &[]);
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(problems[0].at.row, Some(2));
    insta::assert_snapshot!(report);
}

#[test]
fn a_surname_in_an_enumeration_column_is_not_quoted() {
    let (problems, report) = meeting_problems(
        &[
            "12.03.2019;rops-torun;0410;piknik;1;12;Nakło\r\n",
            "12.03.2019;rops-torun;0410;Kowalski;1;12;Nakło\r\n",
        ],
        &["Kowalski"],
    );
    let unknown = problems.iter().filter(|p| p.code == "import.unknown-value");
    assert_eq!(unknown.count(), 2, "{report}");
    insta::assert_snapshot!(report);
}

#[test]
fn a_person_column_of_names_is_one_problem_naming_the_rows() {
    let header = "Data;Organizacja;osoba;forma;rola\r\n";
    let text = format!(
        "{header}03.09.2018;rops-torun;Nowak;indywidualny;pracownik socjalny\r\n\
         03.09.2018;rops-torun;sw-001;indywidualny;pracownik socjalny\r\n\
         03.09.2018;rops-torun;Anna Nowak;indywidualny;pracownik socjalny\r\n\
         03.09.2018;rops-torun;Zieliński;grupowy;pracownik socjalny\r\n"
    );
    let (problems, report) = refused(
        "coaching.csv",
        text.as_bytes(),
        &project("kooperacja"),
        &options(Some("coaching"), Lang::Pl),
        &["Nowak", "Anna", "Zieliński"],
    );
    let problem = common::the_one(&problems, "import.personal-data");
    assert_eq!(problem.at.column.as_deref(), Some("C"));
    insta::assert_snapshot!(report);
}

#[test]
fn hours_with_a_decimal_comma_are_exact() {
    let header = "Data;Organizacja;Terytorium;person;hours;form\r\n";
    let text = format!(
        "{header}10.09.2018;rcps-lodz;1061011;sw-001;1,5;individual\r\n\
         10.09.2018;rcps-lodz;1061011;sw-001;0,25;individual\r\n"
    );
    let imported = import_file(
        "coaching.csv",
        text.as_bytes(),
        &project("kooperacje-3d"),
        &options(Some("coaching"), Lang::Pl),
    )
    .expect("imports");
    let hours: Vec<_> = imported
        .facts
        .iter()
        .map(|f| f.value("hours").map(|v| v.to_text()))
        .collect();
    assert_eq!(hours, [Some("1.5".to_owned()), Some("0.25".to_owned())]);
}

#[test]
fn hours_with_three_decimals_are_refused() {
    let header = "Data;Organizacja;Terytorium;person;hours;form\r\n";
    let text = format!("{header}10.09.2018;rcps-lodz;1061011;sw-001;1,125;individual\r\n");
    let (problems, report) = refused(
        "coaching.csv",
        text.as_bytes(),
        &project("kooperacje-3d"),
        &options(Some("coaching"), Lang::Pl),
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("E")));
    insta::assert_snapshot!(report);
}

#[test]
fn a_required_value_left_empty_is_refused_at_its_cell() {
    let header = "Data;Organizacja;osoba;forma;rola\r\n";
    let text = format!("{header}03.09.2018;rops-torun;sw-001;;pracownik socjalny\r\n");
    let (problems, report) = refused(
        "coaching.csv",
        text.as_bytes(),
        &project("kooperacja"),
        &options(Some("coaching"), Lang::Pl),
        &[],
    );
    assert_eq!(problems.len(), 1, "{report}");
    assert_eq!(at(&problems[0]), (Some(2), Some("D")));
    insta::assert_snapshot!(report);
}

#[test]
fn an_unknown_kind_in_the_options_is_a_problem() {
    let text = format!("{HEADER}{GOOD}");
    let (problems, report) = refused(
        "spotkania.csv",
        text.as_bytes(),
        &project("kooperacja"),
        &options(Some("picnic"), Lang::Pl),
        &[],
    );
    assert!(!problems.is_empty());
    insta::assert_snapshot!(report);
}

#[test]
fn many_problems_in_one_csv_file_are_all_reported_in_order() {
    let (problems, report) = meeting_problems(
        &[
            "12.03.2019;rops-torun;0410;spotkanie;1;dużo;Nakło\r\n",
            GOOD,
            "\r\n",
            "2019-13-01;ops-nigdzie;0410;piknik;-1;12;44051401359\r\n",
            "12.03.2019;rops-torun;9999;spotkanie;1,5;12;Nakło\r\n",
        ],
        &["44051401359"],
    );
    assert!(problems.len() >= 6, "{report}");
    insta::assert_snapshot!(report);
}
