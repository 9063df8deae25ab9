//! The XLSX workbook, written by the real binary and read back: by calamine
//! always (every sheet frozen as a snapshot, amounts and dates checked against
//! the JSON report), and by LibreOffice where it is installed (converted to
//! CSV, every sheet, and the values checked again).
//!
//! LibreOffice is optional locally: without it the round-trip test says it is
//! skipped. With `KOOPERACJA_REQUIRE_EXTERNAL=1` (set by `.ci/run`) a missing
//! LibreOffice fails the test instead.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use calamine::{Data, Reader, Xlsx};
use common::{
    CASES, export_ok, external_tool, libreoffice, refused_then_forced, run_with_timeout, temp_dir,
};
use rust_decimal::Decimal;

const SHEETS_PL: [&str; 7] = [
    "Projekt",
    "Budżet",
    "Harmonogram",
    "Wskaźniki",
    "Grupy",
    "Terytorium",
    "Fakty",
];

/// Exports one fixture as XLSX (and as JSON, for the expected values).
fn export(
    dir: &Path,
    project: &str,
    facts: &str,
    as_of: &str,
    extra: &[&str],
) -> (PathBuf, serde_json::Value) {
    let xlsx = dir.join("report.xlsx");
    let json = dir.join("report.json");
    for (format, path) in [("xlsx", &xlsx), ("json", &json)] {
        export_ok(project, facts, as_of, format, path, extra);
    }
    let report = serde_json::from_str(&std::fs::read_to_string(&json).expect("json written"))
        .expect("json parses");
    (xlsx, report)
}

/// A spreadsheet date serial (days since 1899-12-30) as an ISO date.
fn serial_date(serial: f64) -> String {
    let days = serial as i64;
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("date");
    (epoch + chrono::Duration::days(days)).to_string()
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        // Shortest round-trip text: what the exact decimal was.
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::DateTime(d) => format!("date:{}", serial_date(d.as_f64())),
        other => format!("{other:?}"),
    }
}

/// Every sheet as `name` then one `|`-joined line per row.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("calamine opens the workbook");
    book.worksheets()
        .into_iter()
        .map(|(name, range)| {
            let rows = range
                .rows()
                .map(|row| row.iter().map(cell_text).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

fn render(sheets: &[(String, Vec<Vec<String>>)]) -> String {
    let mut out = String::new();
    for (name, rows) in sheets {
        out.push_str(&format!("== {name}\n"));
        for row in rows {
            let mut cells = row.clone();
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
    out
}

fn find<'a>(sheet: &'a [Vec<String>], first: &str) -> &'a [String] {
    sheet
        .iter()
        .find(|row| row.first().is_some_and(|c| c == first))
        .unwrap_or_else(|| panic!("no row starting with {first:?}"))
}

/// A number as LibreOffice writes it: with the decimal mark of the cell's
/// language (the workbook's formats carry a locale tag); a percentage as its
/// number of per cent.
fn decimal(text: &str) -> Decimal {
    text.replace(',', ".")
        .trim_end_matches('%')
        .trim_end()
        .parse()
        .unwrap_or_else(|e| panic!("{text:?} is not a number: {e}"))
}

/// Checks the values a user relies on, given each sheet's rows as text; shared
/// by the calamine and the LibreOffice reading (`date` turns the ISO date of
/// the report into what the reader shows).
fn check_values(
    sheets: &[(String, Vec<Vec<String>>)],
    report: &serde_json::Value,
    date: &dyn Fn(&str) -> String,
) {
    let sheet = |name: &str| {
        &sheets
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no sheet {name}"))
            .1
    };
    let projekt = sheet("Projekt");
    let budget = &report["budget"];
    for (label, key) in [
        ("Wartość projektu", "total"),
        ("Wkład UE", "eu_contribution"),
        ("Wkład krajowy", "national_contribution"),
        ("Wydano", "spent"),
        ("Pozostało", "remaining"),
    ] {
        let expected = decimal(budget[key].as_str().expect("amount"));
        assert_eq!(decimal(&find(projekt, label)[1]), expected, "{label}");
    }
    assert_eq!(
        find(projekt, "Stan na dzień")[1],
        date(report["as_of"].as_str().expect("date"))
    );
    assert_eq!(
        find(projekt, "Wersja w mocy")[1],
        report["version"].as_str().expect("version")
    );

    let budzet = sheet("Budżet");
    for part in budget["by_partner"].as_array().expect("partners") {
        let row = find(budzet, part["partner"].as_str().expect("id"));
        assert_eq!(
            decimal(&row[3]),
            decimal(part["spent"].as_str().expect("spent"))
        );
        if let Some(planned) = part["planned"].as_str() {
            assert_eq!(decimal(&row[2]), decimal(planned));
        }
    }
    // The partners' total row is the sum of the partners' rows, column by
    // column; the project's own row below it holds the project value.
    let partners = budget["by_partner"].as_array().expect("partners").len();
    let total = find(budzet, "Razem");
    for col in [2, 3] {
        let sum: Decimal = budzet
            .iter()
            .skip(1)
            .take(partners)
            .map(|row| {
                row.get(col)
                    .filter(|c| !c.is_empty())
                    .map_or(Decimal::ZERO, |c| decimal(c))
            })
            .sum();
        assert_eq!(
            decimal(&total[col]),
            sum,
            "column {col} of the partners' total"
        );
    }
    assert_eq!(
        decimal(&find(budzet, "Cały projekt")[2]),
        decimal(budget["total"].as_str().expect("total"))
    );
    // The yearly plan: every year's amount, to the grosz.
    for year in budget["by_year"].as_array().expect("years") {
        let start = date(year["period"]["start"].as_str().expect("start"));
        let row = find(budzet, &start);
        assert_eq!(
            decimal(&row[2]),
            decimal(year["planned"].as_str().expect("planned"))
        );
    }

    let wskazniki = sheet("Wskaźniki");
    for i in report["indicators"].as_array().expect("indicators") {
        let row = find(wskazniki, i["id"].as_str().expect("id"));
        match i["value"].as_str() {
            // A share indicator's value is a percentage cell: its fraction
            // as calamine reads it, its percentage as LibreOffice shows it.
            Some(v) if row[3] == "%" => {
                let percent = if row[5].ends_with('%') {
                    decimal(&row[5])
                } else {
                    decimal(&row[5]) * Decimal::ONE_HUNDRED
                };
                assert_eq!(percent, decimal(v), "{}", i["id"]);
            }
            Some(v) => assert_eq!(decimal(&row[5]), decimal(v), "{}", i["id"]),
            None => assert_eq!(row[5], "", "{}", i["id"]),
        }
        assert_eq!(row[7], date(i["due"].as_str().expect("due")));
    }

    // TERYT codes stay text, leading zeros and all.
    let teren = sheet("Terytorium");
    for row in teren.iter().skip(1) {
        let code = &row[1];
        assert!(
            [2, 4, 7].contains(&code.len()) && code.chars().all(|c| c.is_ascii_digit()),
            "TERYT code {code:?} lost its form"
        );
    }
    let units = teren.len() - 1;
    assert!(units > 0);

    // Facts: the month rows sum to the total row, kind by kind.
    let fakty = sheet("Fakty");
    let total = find(fakty, "Razem");
    for (col, cell) in total
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, c)| !c.is_empty())
    {
        let sum: Decimal = fakty
            .iter()
            .skip(1)
            .take_while(|row| row[0] != "Razem")
            .map(|row| decimal(&row[col]))
            .sum();
        assert_eq!(sum, decimal(cell), "column {col} of Fakty");
    }
}

#[test]
fn workbook_for_both_fixtures_at_two_dates() {
    for (name, project, facts, dates) in CASES {
        for as_of in dates {
            let dir = temp_dir(&format!("{name}-{as_of}"));
            let (path, report) = export(&dir, project, facts, as_of, &[]);
            let sheets = sheets(&path);
            let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(names, SHEETS_PL);
            check_values(&sheets, &report, &|iso| format!("date:{iso}"));
            insta::assert_snapshot!(format!("{name}-{as_of}"), render(&sheets));
        }
    }
}

#[test]
fn english_labels_with_lang_en() {
    let dir = temp_dir("english");
    let (project, facts, _) = (CASES[0].1, CASES[0].2, ());
    let (path, _) = export(&dir, project, facts, "2020-09-30", &["--lang", "en"]);
    let sheets = sheets(&path);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Project",
            "Budget",
            "Schedule",
            "Indicators",
            "Groups",
            "Territory",
            "Facts"
        ]
    );
    insta::assert_snapshot!("kooperacja-2020-09-30-en", render(&sheets[..1]));
    let indicators = &sheets[3].1;
    assert_eq!(indicators[0][8], "Status");
    assert!(indicators.iter().any(|r| r[8] == "achieved"));
}

/// The parts of the file a reader does not show as values: every sheet's
/// header row is frozen, printing is A4, and the file is the same bytes for
/// the same input (no clock).
#[test]
fn header_rows_are_frozen_and_output_is_deterministic() {
    let dir = temp_dir("frozen");
    let (project, facts) = (CASES[0].1, CASES[0].2);
    let (path, _) = export(&dir, project, facts, "2020-09-30", &[]);
    let bytes = std::fs::read(&path).expect("written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("a zip archive");
    for n in 1..=7 {
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
            .expect("sheet part")
            .read_to_string(&mut xml)
            .expect("utf-8");
        assert!(
            xml.contains(r#"state="frozen""#),
            "sheet {n} has no frozen pane"
        );
        assert!(xml.contains(r#"paperSize="9""#), "sheet {n} is not A4");
        assert!(xml.contains("<cols>"), "sheet {n} has no column widths");
    }
    let again = temp_dir("frozen-again");
    let (second, _) = export(&again, project, facts, "2020-09-30", &[]);
    assert_eq!(
        bytes,
        std::fs::read(second).expect("written"),
        "same input, same bytes"
    );
}

/// The warning is in the workbook's language (Polish by default).
#[test]
fn forced_export_opens_with_the_warning() {
    let dir = temp_dir("forced");
    let out_path = dir.join("forced.xlsx");
    refused_then_forced(&dir, "xlsx", &out_path);
    let sheets = sheets(&out_path);
    assert!(
        sheets[0].1[0][0].starts_with("OSTRZEŻENIE: wyeksportowano z opcją --force, choć projekt ma błędy walidacji (liczba: 1): "),
        "{:?}",
        sheets[0].1[0]
    );
}

/// Parses LibreOffice's CSV (comma, double quotes, UTF-8).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// LibreOffice opens the workbook (no repair: the conversion succeeds and
/// every sheet comes out) and reads the same values: amounts to the grosz,
/// dates as dates, TERYT codes as text.
#[test]
fn libreoffice_round_trip() {
    let found = libreoffice();
    if !external_tool(
        found.is_some(),
        "LibreOffice",
        "apt-get install libreoffice-calc-nogui",
    ) {
        return;
    }
    let Some(soffice) = found else { return };
    for (name, project, facts, dates) in CASES {
        let as_of = dates[1];
        let dir = temp_dir(&format!("lo-{name}"));
        let (path, report) = export(&dir, project, facts, as_of, &[]);
        let out_dir = dir.join("csv");
        let profile = format!("file://{}", dir.join("lo-profile").display());
        // Filter options: comma, double quote, UTF-8, from line 1, values not
        // as shown (raw numbers), every sheet into its own file (-1).
        let output = run_with_timeout(
            Command::new(&soffice)
                .arg(format!("-env:UserInstallation={profile}"))
                .args(["--headless", "--norestore", "--convert-to"])
                .arg(
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                )
                .arg("--outdir")
                .arg(&out_dir)
                .arg(&path),
            Duration::from_secs(180),
        )
        .expect("LibreOffice finished within 180 s");
        assert!(
            output.status.success(),
            "LibreOffice failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let sheets: Vec<(String, Vec<Vec<String>>)> = SHEETS_PL
            .iter()
            .map(|sheet| {
                let file = out_dir.join(format!("report-{sheet}.csv"));
                let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
                    panic!(
                        "LibreOffice wrote no {}: {e}; it said: {}",
                        file.display(),
                        String::from_utf8_lossy(&output.stdout)
                    )
                });
                ((*sheet).to_owned(), parse_csv(&text))
            })
            .collect();
        // Raw dates come out in LibreOffice's default (en-US) form, MM/DD/YYYY.
        check_values(&sheets, &report, &|iso| {
            let d = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").expect("iso date");
            d.format("%m/%d/%Y").to_string()
        });
        // Every value calamine reads, LibreOffice reads too (text compared
        // as text, numbers as exact decimals, dates by day).
        let ours = self::sheets(&path);
        for ((sheet, theirs), (_, mine)) in sheets.iter().zip(&ours) {
            for (r, row) in mine.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let other = theirs
                        .get(r)
                        .and_then(|row| row.get(c))
                        .map_or("", String::as_str);
                    // The decimal mark of the cell's language (its format's
                    // locale tag), and the Polish space before `%`.
                    let number = other.replace(',', ".").replace(" %", "%");
                    let same = if let Some(iso) = cell.strip_prefix("date:") {
                        chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
                            .expect("iso")
                            .format("%m/%d/%Y")
                            .to_string()
                            == other
                    } else if let (Ok(a), Some(Ok(b))) = (
                        cell.parse::<Decimal>(),
                        number.strip_suffix('%').map(str::parse::<Decimal>),
                    ) {
                        // A percentage: the cell holds the fraction.
                        a * Decimal::ONE_HUNDRED == b
                    } else if let (Ok(a), Ok(b)) =
                        (cell.parse::<Decimal>(), number.parse::<Decimal>())
                    {
                        a == b
                    } else {
                        cell == other
                    };
                    assert!(
                        same,
                        "{name} {sheet} row {r} col {c}: calamine {cell:?}, LibreOffice {other:?}"
                    );
                }
            }
        }
    }
}

fn pdftotext() -> Option<PathBuf> {
    ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Printed by LibreOffice (to PDF, every sheet), the workbook shows every
/// value in full: no column is so narrow that a number turns into `###`.
#[test]
fn libreoffice_prints_every_value_in_full() {
    let (office, text_tool) = (libreoffice(), pdftotext());
    if !external_tool(
        office.is_some(),
        "LibreOffice",
        "apt-get install libreoffice-calc-nogui",
    ) || !external_tool(
        text_tool.is_some(),
        "pdftotext",
        "apt-get install poppler-utils",
    ) {
        return;
    }
    let (Some(soffice), Some(pdftotext)) = (office, text_tool) else {
        return;
    };
    for (name, project, facts, dates) in CASES {
        for lang in ["pl", "en"] {
            let as_of = dates[1];
            let dir = temp_dir(&format!("pdf-{name}-{lang}"));
            let (path, _) = export(&dir, project, facts, as_of, &["--lang", lang]);
            let profile = format!("file://{}", dir.join("lo-profile").display());
            let output = run_with_timeout(
                Command::new(&soffice)
                    .arg(format!("-env:UserInstallation={profile}"))
                    .args(["--headless", "--norestore", "--convert-to", "pdf"])
                    .arg("--outdir")
                    .arg(&dir)
                    .arg(&path),
                Duration::from_secs(180),
            )
            .expect("LibreOffice finished within 180 s");
            assert!(
                output.status.success(),
                "LibreOffice failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let pdf = dir.join("report.pdf");
            let text = Command::new(&pdftotext)
                .arg("-layout")
                .arg(&pdf)
                .arg("-")
                .output()
                .expect("pdftotext runs");
            assert!(text.status.success(), "pdftotext failed");
            let text = String::from_utf8_lossy(&text.stdout);
            assert!(!text.trim().is_empty(), "the PDF has text");
            let hidden: Vec<&str> = text.lines().filter(|l| l.contains("###")).collect();
            assert!(
                hidden.is_empty(),
                "{name} ({lang}): {} printed lines show ### instead of a value:\n{}",
                hidden.len(),
                hidden.join("\n")
            );
        }
    }
}
