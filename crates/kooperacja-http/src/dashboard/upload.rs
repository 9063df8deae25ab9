//! The upload page: a form (multipart POST, no script) with the partner's
//! token, the files and the kind of their rows; and the page that answers
//! it, with the per-cell report of a refused upload (file, sheet, row,
//! column, message) or what was stored.
//!
//! Every word comes from [`label`]; the figures from the server's answer
//! ([`ImportResult`], [`ImportCell`]); counts from `kooperacja_core::present`'s formats.

use kooperacja_core::present::{Lang, label};
use kooperacja_core::project::Project;
use maud::{Markup, html};

use super::{View, frame};
use crate::upload::{FILE_PART, ImportCell, ImportResult, encode_segment};

/// What the answer page shows.
#[derive(Debug)]
pub enum Answer<'a> {
    /// The facts were stored (or were stored before).
    Stored(&'a ImportResult),
    /// Nothing was stored: these cells are wrong.
    Cells(&'a [ImportCell]),
    /// Nothing was stored: the upload as a whole was refused (the token,
    /// the form, a limit), for this reason.
    Refused(&'a str),
}

/// The path of a project's upload page, in `lang` (Polish, the default,
/// without a query).
pub fn path(project: &str, lang: Lang) -> String {
    let path = format!("/projects/{}/upload", encode_segment(project));
    if lang == Lang::default() {
        path
    } else {
        format!("{path}?lang={}", lang.code())
    }
}

fn title(project: &Project, lang: Lang) -> &str {
    match (lang, project.title_en.as_deref()) {
        (Lang::En, Some(en)) => en,
        _ => &project.title,
    }
}

/// The form: token, files, kind (every kind the project declares, by its
/// name in `lang`, or as the sheet says), and the button.
fn form(project: &Project, lang: Lang) -> Markup {
    html! {
        form.upload method="post" action=(path(&project.id, lang)) enctype="multipart/form-data" {
            p {
                label for="token" { (lang.text(label::ACCESS_TOKEN)) }
                " "
                input type="password" id="token" name="token" required autocomplete="off" maxlength=(crate::limits::MAX_FORM_TEXT_CHARS);
            }
            p {
                label for="file" { (lang.text(label::FILES_XLSX_OR_CSV)) }
                " "
                input type="file" id="file" name=(FILE_PART) required multiple
                    accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";
            }
            p {
                label for="kind" { (lang.text(label::KIND)) }
                " "
                select id="kind" name="kind" {
                    option value="" selected { (lang.text(label::KIND_FROM_THE_SHEET)) }
                    @for kind in project.vocabulary().kinds() {
                        option value=(kind.id) { (kind.label(lang)) }
                    }
                }
            }
            p { button type="submit" { (lang.text(label::SEND)) } }
        }
    }
}

fn back(lang: Lang) -> Markup {
    html! {
        p {
            a href=(if lang == Lang::default() { "/".to_owned() } else { format!("/?lang={}", lang.code()) }) {
                (lang.text(label::BACK_TO_THE_DASHBOARD))
            }
        }
    }
}

fn cells_table(cells: &[ImportCell], lang: Lang) -> Markup {
    html! {
        table.cells {
            thead {
                tr {
                    th scope="col" { (lang.text(label::FILE)) }
                    th scope="col" { (lang.text(label::SHEET)) }
                    th scope="col" { (lang.text(label::ROW)) }
                    th scope="col" { (lang.text(label::COLUMN)) }
                    th scope="col" { (lang.text(label::MESSAGE)) }
                }
            }
            tbody {
                @for cell in cells {
                    tr data-code=(cell.code) data-pointer=(cell.pointer) {
                        td { (cell.file) }
                        td { (cell.sheet.as_deref().unwrap_or_default()) }
                        td { @if let Some(row) = cell.row { (row) } }
                        td {
                            @if let Some(column) = &cell.column { (column) }
                            @if let Some(header) = &cell.header { " (" (header) ")" }
                        }
                        td { (cell.message) }
                    }
                }
            }
        }
    }
}

/// The upload page of a project: the form, in the view's language.
pub fn form_page(project: &Project, view: View) -> String {
    let lang = view.lang;
    let body = html! {
        main {
            section.project aria-labelledby="upload" {
                h2 #upload { (lang.text(label::UPLOAD_SHEET)) }
                p { (label::UPLOAD_SHEET_INTRO.fill(lang, &[&title(project, lang)])) }
                (form(project, lang))
                (back(lang))
            }
        }
    };
    frame::page(view, body).into_string()
}

/// The page that answers an upload: what was stored, or every bad cell (and
/// the form again), or why the upload was refused (and the form again).
pub fn answer_page(project: Option<&Project>, view: View, answer: &Answer<'_>) -> String {
    let lang = view.lang;
    let body = html! {
        main {
            section.project aria-labelledby="answer" {
                @match answer {
                    Answer::Stored(result) => {
                        h2 #answer { (lang.text(label::UPLOAD_STORED)) }
                        ul.outcome {
                            li data-figure="created" { (label::FACTS_STORED_NOW.fill(lang, &[&label::FACTS_COUNTED.count(lang, result.created)])) }
                            li data-figure="duplicates" { (label::FACTS_ALREADY_STORED.fill(lang, &[&label::FACTS_COUNTED.count(lang, result.duplicates)])) }
                        }
                        @if !result.notes.is_empty() {
                            h3 { (label::NOTES.count(lang, result.notes.len() as u64)) }
                            (cells_table(&result.notes, lang))
                        }
                        @if let Some(project) = project {
                            p { a href=(path(&project.id, lang)) { (lang.text(label::UPLOAD_ANOTHER)) } }
                        }
                    }
                    Answer::Cells(cells) => {
                        h2 #answer { (lang.text(label::UPLOAD_REFUSED)) }
                        p { (label::ERRORS.count(lang, cells.len() as u64)) }
                        (cells_table(cells, lang))
                        @if let Some(project) = project { (form(project, lang)) }
                    }
                    Answer::Refused(reason) => {
                        h2 #answer { (lang.text(label::UPLOAD_NOT_TAKEN)) }
                        p.reason { (reason) }
                        @if let Some(project) = project { (form(project, lang)) }
                    }
                }
                (back(lang))
            }
        }
    };
    frame::page(view, body).into_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    fn project() -> Project {
        Project::parse(include_str!(
            "../../../../fixtures/projects/kooperacja-makroregion-ii.toml"
        ))
        .unwrap()
    }

    fn view(lang: Lang) -> View {
        View {
            lang,
            as_of: chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap(),
            asked: false,
        }
    }

    #[test]
    fn the_form_posts_multipart_without_script() {
        let html = form_page(&project(), view(Lang::Pl));
        assert!(html.contains(r#"enctype="multipart/form-data""#), "{html}");
        assert!(html.contains(r#"name="token""#));
        assert!(html.contains(r#"name="file""#));
        assert!(html.contains(r#"name="kind""#));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn a_refused_upload_lists_every_cell_in_a_table() {
        let cells = [ImportCell {
            file: "a.csv".to_owned(),
            sheet: Some("a.csv".to_owned()),
            row: Some(3),
            column: Some("B".to_owned()),
            header: Some("Data".to_owned()),
            code: "import.not-a-date".to_owned(),
            message: "not a date".to_owned(),
            pointer: "/a.csv/a.csv/3/B".to_owned(),
        }];
        let html = answer_page(Some(&project()), view(Lang::En), &Answer::Cells(&cells));
        assert!(html.contains("<th scope=\"col\">Row</th>"), "{html}");
        assert!(
            html.contains("<td>3</td><td>B (Data)</td><td>not a date</td>"),
            "{html}"
        );
    }
}
