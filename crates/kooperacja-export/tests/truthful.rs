//! Amounts the sources do not publish, as the exports show them: the
//! catalogue's word for unknown in the HTML report and the workbook, `null` in
//! the JSON report, and no IATI budget without a known total.

mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use common::{CASES, ROOT, TERC, export_ok, temp_dir};

/// The Kooperacja fixture with its amended budget's `field` stated as unknown.
fn with_unknown(dir: &Path, field: &str, value: &str) -> PathBuf {
    let text = std::fs::read_to_string(format!("{ROOT}/{}", CASES[0].1)).expect("fixture");
    let from = format!("{field} = {value}");
    assert!(text.contains(&from), "the edit must apply");
    let path = dir.join("unknown.toml");
    std::fs::write(
        &path,
        text.replacen(&from, &format!("{field} = \"unknown\""), 1),
    )
    .expect("write");
    path
}

fn export(dir: &Path, project: &Path, format: &str, lang: &str) -> PathBuf {
    let out = dir.join(format!("report-{lang}.{format}"));
    export_ok(
        project.to_str().expect("utf-8"),
        CASES[0].2,
        "2020-09-30",
        format,
        &out,
        &["--lang", lang, "--teryt", TERC],
    );
    out
}

#[test]
fn the_html_report_shows_an_unknown_eu_contribution_as_unknown() {
    let dir = temp_dir("html-unknown");
    let project = with_unknown(&dir, "eu_contribution", "\"26 736 161,63 zł\"");
    for (lang, word) in [("pl", "nieznana"), ("en", "unknown")] {
        let page = std::fs::read_to_string(export(&dir, &project, "html", lang)).expect("page");
        assert!(
            page.contains(&format!(r#"data-figure="budget.eu">{word}<"#)),
            "{lang}: no {word:?} at budget.eu"
        );
        assert!(
            !page.contains("26 736 161,63"),
            "{lang}: the unknown amount shown"
        );
    }
}

#[test]
fn the_workbook_shows_an_unknown_total_as_unknown() {
    let dir = temp_dir("xlsx-unknown");
    let project = with_unknown(
        &dir,
        "total",
        "{ amount = \"31 604 368,34 zł\", as_written = \"31 604 368,34zł\", source = \"seed 000\" }",
    );
    let path = export(&dir, &project, "xlsx", "en");
    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("calamine opens the workbook");
    let names = book.sheet_names().to_owned();
    let mut unknown = 0;
    for name in names {
        let range = book.worksheet_range(&name).expect("a sheet");
        for row in range.rows() {
            if let [Data::String(label), Data::String(value), ..] = row {
                if label == "Project value" {
                    assert_eq!(value, "unknown", "{name}");
                    unknown += 1;
                }
            }
        }
    }
    assert!(unknown > 0, "no project value row");
}

#[test]
fn the_json_report_has_null_and_iati_no_budget_for_an_unknown_total() {
    let dir = temp_dir("json-unknown");
    let project = with_unknown(
        &dir,
        "total",
        "{ amount = \"31 604 368,34 zł\", as_written = \"31 604 368,34zł\", source = \"seed 000\" }",
    );
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(export(&dir, &project, "json", "en")).expect("json"),
    )
    .expect("JSON");
    assert_eq!(json["budget"]["total"], serde_json::Value::Null);
    assert_eq!(json["budget"]["remaining"], serde_json::Value::Null);
    let iati = std::fs::read_to_string(export(&dir, &project, "iati", "en")).expect("iati");
    assert!(
        !iati.contains("<budget "),
        "an IATI budget without a known total"
    );
}

#[test]
fn the_html_report_shows_a_milestone_stated_to_the_month_as_months() {
    let dir = temp_dir("html-month");
    let text = std::fs::read_to_string(format!("{ROOT}/{}", CASES[0].1)).expect("fixture");
    let from = "period = { start = 2018-04-01, end = 2019-03-31 }";
    assert!(text.contains(from), "the edit must apply");
    let project = dir.join("month.toml");
    std::fs::write(
        &project,
        text.replacen(
            from,
            "period = { start = \"2018-04\", end = \"2019-03\" }",
            1,
        ),
    )
    .expect("write");
    let page = std::fs::read_to_string(export(&dir, &project, "html", "pl")).expect("page");
    assert!(
        page.contains("KM-I: 04.2018 – 03.2019"),
        "no month period in the timeline"
    );
}
