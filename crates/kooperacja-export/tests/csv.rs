//! The CSV dialects, written by the real binary: RFC 4180 (the default, for
//! programs; its tables are frozen in `tests/export.rs`) and `excel-pl` for a
//! spreadsheet in a Polish locale, which LibreOffice imports with its Polish
//! settings and default options: amounts as numbers, TERYT codes as text.

mod common;

use std::path::Path;
use std::time::Duration;

use calamine::{Data, Reader, Xlsx};
use common::{CASES, export_ok, external_tool, libreoffice, run_with_timeout, temp_dir};

/// Exports every table of the kooperacja fixture in the excel-pl dialect into `dir`.
fn export_excel_pl(dir: &Path) {
    let (_, project, facts, dates) = CASES[0];
    export_ok(
        project,
        facts,
        dates[1],
        "csv",
        dir,
        &["--csv-dialect", "excel-pl"],
    );
}

fn read(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).expect("written")).expect("utf-8")
}

#[test]
fn excel_pl_starts_with_a_bom_and_separates_by_semicolons() {
    let dir = temp_dir("bom");
    export_excel_pl(&dir);
    let text = read(&dir.join("budget.csv"));
    assert!(
        text.starts_with("\u{feff}partner;name;planned;spent\r\n"),
        "{text:?}"
    );
}

#[test]
fn excel_pl_writes_decimals_with_a_comma() {
    let dir = temp_dir("comma");
    export_excel_pl(&dir);
    let text = read(&dir.join("budget.csv"));
    assert!(
        text.contains("\r\numk;Uniwersytet Mikołaja Kopernika w Toruniu;4863047,40;2604684,65\r\n"),
        "{text}"
    );
}

#[test]
fn rfc4180_stays_the_default() {
    let dir = temp_dir("default");
    let (_, project, facts, dates) = CASES[0];
    export_ok(project, facts, dates[1], "csv", &dir, &[]);
    let text = read(&dir.join("budget.csv"));
    assert!(
        text.starts_with("partner,name,planned,spent\r\n"),
        "{text:?}"
    );
    assert!(text.contains(",4863047.40,2604684.65\r\n"), "{text}");
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => format!("text:{s}"),
        Data::Float(f) => format!("number:{f}"),
        Data::Int(i) => format!("number:{i}"),
        other => format!("{other:?}"),
    }
}

/// Imports one excel-pl file into LibreOffice as a Polish user would (`;`,
/// `"`, UTF-8, Polish locale, every other option at its default), saves it
/// as XLSX and returns its rows, each cell as `text:…` or `number:…`.
fn import_in_libreoffice(dir: &Path, file: &str) -> Option<Vec<Vec<String>>> {
    let found = libreoffice();
    if !external_tool(
        found.is_some(),
        "LibreOffice",
        "apt-get install libreoffice-calc-nogui",
    ) {
        return None;
    }
    let soffice = found?;
    let out = dir.join("imported");
    let profile = format!("file://{}", dir.join("lo-profile").display());
    let output = run_with_timeout(
        std::process::Command::new(soffice)
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--headless", "--norestore"])
            // 59 `;`, 34 `"`, 76 UTF-8, from line 1, no column types, 1045 Polish.
            .arg("--infilter=Text - txt - csv (StarCalc):59,34,76,1,,1045")
            .args(["--convert-to", "xlsx", "--outdir"])
            .arg(&out)
            .arg(dir.join(file)),
        Duration::from_secs(180),
    )
    .expect("LibreOffice finished within 180 s");
    assert!(
        output.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let xlsx = out.join(file.replace(".csv", ".xlsx"));
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).expect("LibreOffice wrote XLSX");
    let (_, range) = book.worksheets().into_iter().next().expect("a sheet");
    Some(
        range
            .rows()
            .map(|row| row.iter().map(cell_text).collect())
            .collect(),
    )
}

#[test]
fn libreoffice_imports_teryt_codes_of_excel_pl_as_text() {
    let dir = temp_dir("teryt");
    export_excel_pl(&dir);
    let Some(rows) = import_in_libreoffice(&dir, "territory.csv") else {
        return;
    };
    let gmina = rows
        .iter()
        .find(|r| r.get(2).is_some_and(|n| n == "text:Kcynia"))
        .expect("a row for Kcynia");
    assert_eq!(gmina[0], "text:gmina");
    assert_eq!(gmina[1], "text:0410013", "{rows:?}");
    assert_eq!(gmina[3], "text:0410");
    let voivodeship = rows
        .iter()
        .find(|r| r[0] == "text:voivodeship")
        .expect("a voivodeship");
    assert!(voivodeship[1].starts_with("text:0"), "{voivodeship:?}");
}

#[test]
fn libreoffice_imports_amounts_of_excel_pl_as_numbers() {
    let dir = temp_dir("amounts");
    export_excel_pl(&dir);
    let Some(rows) = import_in_libreoffice(&dir, "budget.csv") else {
        return;
    };
    assert_eq!(
        rows[0][0], "text:partner",
        "the BOM is not part of the first name"
    );
    let umk = rows.iter().find(|r| r[0] == "text:umk").expect("umk");
    assert_eq!(umk[2], "number:4863047.4");
    assert_eq!(umk[3], "number:2604684.65");
}
