//! An amendment may replace the project's area: the exported territory (the
//! CSV table, the HTML page, the workbook) is the area of the version in
//! force on the report's date, as the server's `/territory` shows it.
//! The project is `fixtures/amendments/zmiany.toml`: from aneks-1 (in force
//! from 2024-07-01) Mrocza (0410023) leaves and powiat bydgoski (0403) joins.

mod common;

use calamine::{Reader, Xlsx};
use common::{export_ok, temp_dir};

const ZMIANY: &str = "fixtures/amendments/zmiany.toml";

fn exported(as_of: &str, format: &str, name: &str) -> std::path::PathBuf {
    let dir = temp_dir(&format!("area-{format}-{as_of}"));
    let facts = dir.join("none.jsonl");
    std::fs::write(&facts, "").expect("an empty fact file");
    export_ok(
        ZMIANY,
        facts.to_str().expect("utf-8"),
        as_of,
        format,
        &dir.join(name),
        &[],
    );
    dir.join(name)
}

#[test]
fn the_territory_table_is_the_area_of_the_agreement_before_the_amendment() {
    let dir = exported("2024-06-30", "csv", "csv");
    let text = std::fs::read_to_string(dir.join("territory.csv")).expect("written");
    assert!(text.contains("gmina,0410023,Mrocza,0410"), "{text}");
    assert!(!text.contains("0403"), "{text}");
}

#[test]
fn the_territory_table_is_the_area_of_the_amendment_once_in_force() {
    let dir = exported("2024-07-01", "csv", "csv");
    let text = std::fs::read_to_string(dir.join("territory.csv")).expect("written");
    assert!(text.contains("powiat,0403,bydgoski,04"), "{text}");
    assert!(!text.contains("0410023"), "{text}");
}

#[test]
fn the_html_page_shows_the_area_in_force() {
    let file = exported("2024-07-01", "html", "report.html");
    let html = std::fs::read_to_string(file).expect("written");
    assert!(html.contains("bydgoski"), "the powiat joining with aneks-1");
}

#[test]
fn the_workbook_territory_sheet_shows_the_area_in_force() {
    let file = exported("2024-07-01", "xlsx", "report.xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook(&file).expect("a workbook");
    let codes: Vec<String> = book
        .worksheets()
        .into_iter()
        .flat_map(|(_, range)| {
            range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(codes.iter().any(|row| row.contains("0403")), "{codes:?}");
    assert!(
        !codes.iter().any(|row| row.contains("0410023")),
        "{codes:?}"
    );
}
