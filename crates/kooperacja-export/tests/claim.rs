//! `kooperacja-export --claim N` run as a real process on the Kooperacja
//! fixture: the payment claim as a printable HTML page (snapshots in Polish
//! and English) and as an XLSX workbook (every sheet's cells as a snapshot,
//! read back with calamine), its figures the same as core's claim (the JSON
//! export), the formats a claim has no form in refused, and, when Chromium is
//! installed, the page printed to A4 with its table heads repeated on every
//! page.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use calamine::{Data, Reader, Xlsx};
use common::{CASES, external_tool, run, run_with_timeout, temp_dir, text};

/// The Kooperacja fixture's project and fact files.
const PROJECT: &str = CASES[0].1;
const FACTS: &str = CASES[0].2;

/// The claims the snapshots freeze: the first (an advance, settled in part),
/// the first with an overspent line, the first that asks for a refund once
/// the advances are settled, and the final claim.
const PERIODS: [u32; 4] = [1, 9, 16, 19];

/// Exports claim `number` in `format` and `lang` into `dir`; returns the path.
fn export_claim(dir: &Path, number: u32, format: &str, lang: &str) -> PathBuf {
    let out = dir.join(format!("claim-{number}-{lang}.{format}"));
    let n = number.to_string();
    let args = [
        PROJECT,
        "--facts",
        FACTS,
        "--claim",
        &n,
        "--format",
        format,
        "--lang",
        lang,
        "-o",
        out.to_str().expect("utf-8"),
    ];
    let done = run(&args);
    assert_eq!(
        done.status.code(),
        Some(0),
        "claim {number} as {format}: {}",
        text(&done.stderr)
    );
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("written")
}

/// The claim as core computes it, through the JSON export.
fn claim_json(dir: &Path, number: u32) -> serde_json::Value {
    let path = export_claim(dir, number, "json", "pl");
    serde_json::from_str(&read(&path)).expect("the claim's JSON parses")
}

#[test]
fn the_claim_as_html_for_periods_of_each_kind() {
    let dir = temp_dir("html");
    for number in PERIODS {
        let page = read(&export_claim(&dir, number, "html", "pl"));
        insta::assert_snapshot!(format!("html-{number}-pl"), page);
    }
}

#[test]
fn the_claim_as_html_in_english() {
    let dir = temp_dir("html-en");
    let page = read(&export_claim(&dir, PERIODS[1], "html", "en"));
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    insta::assert_snapshot!(format!("html-{}-en", PERIODS[1]), page);
}

/// The page's figure `name` (its `data-figure` cell's text).
fn figure<'a>(page: &'a str, name: &str) -> &'a str {
    let at = page
        .find(&format!("data-figure=\"{name}\">"))
        .unwrap_or_else(|| panic!("no figure {name}"));
    let rest = &page[at..];
    let start = rest.find('>').expect("tag end") + 1;
    let end = rest.find('<').expect("cell end");
    &rest[start..end]
}

#[test]
fn the_page_shows_cores_figures() {
    let dir = temp_dir("figures");
    for number in PERIODS {
        let claim = claim_json(&dir, number);
        let page = read(&export_claim(&dir, number, "html", "pl"));
        let amount = |key: &serde_json::Value| {
            let plain = key.as_str().expect("an amount as text");
            kooperacja_core::money::Amount::parse(plain)
                .expect("an amount")
                .to_polish()
        };
        let total = &claim["financial"]["total"];
        assert_eq!(
            figure(&page, "total.in-period"),
            amount(&total["in_period"]),
            "claim {number}"
        );
        assert_eq!(
            figure(&page, "total.cumulative"),
            amount(&total["cumulative"]),
            "claim {number}"
        );
        for key in ["to_settle", "refund_asked", "settled_in_period"] {
            let name = format!("advances.{}", key.replace('_', "-"));
            assert_eq!(
                figure(&page, &name),
                amount(&claim["advances"][key]),
                "claim {number}: {key}"
            );
        }
    }
}

/// A cell of the workbook as text: numbers in their shortest round-trip
/// form (the exact decimal they were written from), dates as ISO dates.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::DateTime(d) => {
            let days = d.as_f64() as i64;
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("date");
            format!("date:{}", epoch + chrono::Duration::days(days))
        }
        other => format!("{other:?}"),
    }
}

/// Every sheet of a workbook: its name, then one ` | `-joined line per row.
fn workbook_cells(path: &Path) -> String {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("calamine opens the workbook");
    let mut out = String::new();
    for (name, range) in book.worksheets() {
        out.push_str(&format!("== {name}\n"));
        for row in range.rows() {
            let mut cells: Vec<String> = row.iter().map(cell_text).collect();
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_claim_as_a_workbook_for_periods_of_each_kind() {
    let dir = temp_dir("xlsx");
    for number in PERIODS {
        let cells = workbook_cells(&export_claim(&dir, number, "xlsx", "pl"));
        insta::assert_snapshot!(format!("xlsx-{number}-pl"), cells);
    }
    let cells = workbook_cells(&export_claim(&dir, PERIODS[1], "xlsx", "en"));
    insta::assert_snapshot!(format!("xlsx-{}-en", PERIODS[1]), cells);
}

#[test]
fn the_workbook_holds_amounts_as_numbers() {
    let dir = temp_dir("xlsx-numbers");
    let number = PERIODS[1];
    let claim = claim_json(&dir, number);
    let path = export_claim(&dir, number, "xlsx", "pl");
    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("opens");
    let sheet = book
        .worksheet_range("Rozliczenie zaliczek")
        .expect("the advances' sheet");
    let row = sheet
        .rows()
        .find(|r| {
            r.first()
                .is_some_and(|c| cell_text(c) == "Pozostaje do rozliczenia")
        })
        .expect("the row of the advance left to settle");
    let expected: f64 = claim["advances"]["to_settle"]
        .as_str()
        .expect("text")
        .parse()
        .expect("a number");
    assert_eq!(row.get(1), Some(&Data::Float(expected)));
}

#[test]
fn a_claim_has_no_csv_or_iati_form() {
    let dir = temp_dir("refused");
    for format in ["csv", "iati"] {
        let out = dir.join(format!("claim.{format}"));
        let done = run(&[
            PROJECT,
            "--facts",
            FACTS,
            "--claim",
            "1",
            "--format",
            format,
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert_eq!(done.status.code(), Some(2), "{format}");
        assert!(
            text(&done.stderr).contains("html, xlsx or json"),
            "{}",
            text(&done.stderr)
        );
        assert!(!out.exists());
    }
}

#[test]
fn a_period_the_schedule_lacks_is_refused() {
    let dir = temp_dir("unknown-period");
    let out = dir.join("claim.html");
    let done = run(&[
        PROJECT,
        "--facts",
        FACTS,
        "--claim",
        "999",
        "--format",
        "html",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(done.status.code(), Some(2));
    assert!(text(&done.stderr).contains("999"), "{}", text(&done.stderr));
    assert!(!out.exists());
}

/// Chromium, if installed.
fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

/// pdftotext, if installed.
fn pdftotext() -> Option<PathBuf> {
    let path = PathBuf::from("/usr/bin/pdftotext");
    path.is_file().then_some(path)
}

#[test]
fn the_printout_is_a4_with_the_table_heads_on_every_page() {
    let (Some(chromium), Some(pdftotext)) = (chromium(), pdftotext()) else {
        external_tool(
            false,
            "chromium and pdftotext",
            "apt-get install chromium poppler-utils",
        );
        return;
    };
    let dir = temp_dir("print");
    // The claim with the longest list of documents of the snapshots.
    let (number, claim) = PERIODS
        .iter()
        .map(|n| (*n, claim_json(&dir, *n)))
        .max_by_key(|(_, c)| c["documents"].as_array().map_or(0, Vec::len))
        .expect("periods");
    let numbers: Vec<String> = claim["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["number"].as_str().expect("a number").to_owned())
        .collect();
    let page = export_claim(&dir, number, "html", "pl");
    let pdf = dir.join("claim.pdf");
    let printed = run_with_timeout(
        Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display())),
        Duration::from_secs(60),
    )
    .expect("chromium prints within 60 s");
    assert!(printed.status.success(), "{}", text(&printed.stderr));
    let layout = run_with_timeout(
        Command::new(&pdftotext).arg("-layout").arg(&pdf).arg("-"),
        Duration::from_secs(30),
    )
    .expect("pdftotext runs");
    let pages: Vec<String> = text(&layout.stdout)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let last = pages.len();
    assert!(last >= 2, "the claim prints on several pages");
    // Page numbers in the bottom margin: "1 / N" on the first page, "N / N" on the last.
    // (pdftotext may drop the spaces around the slash.)
    let numbered = |i: usize| {
        pages[i]
            .replace(' ', "")
            .contains(&format!("{}/{last}", i + 1))
    };
    assert!(numbered(0), "{}", pages[0]);
    assert!(numbered(last - 1), "{}", pages[last - 1]);
    // Every page with a row of the documents' list has the list's head: the
    // head ("Data zapłaty", wrapped in its cell) is repeated on each page.
    let with_rows: Vec<usize> = (0..last)
        .filter(|i| numbers.iter().any(|n| pages[*i].contains(n.as_str())))
        .collect();
    assert!(
        with_rows.len() >= 2,
        "claim {number}'s documents span pages: {with_rows:?}"
    );
    for i in with_rows {
        assert!(
            pages[i].contains("zapłaty"),
            "page {} lists documents without the table's head",
            i + 1
        );
    }
    // A4: 595 × 842 points.
    let info = run_with_timeout(
        Command::new(pdftotext.with_file_name("pdfinfo")).arg(&pdf),
        Duration::from_secs(30),
    )
    .expect("pdfinfo runs");
    assert!(
        text(&info.stdout).contains("(A4)"),
        "{}",
        text(&info.stdout)
    );
}

/// Files claims 1 to `upto` with core, as the CLI or the server would, from
/// the fixture's facts without the retraction of `exp-rops-gdansk-2019-02`
/// (recorded on 2019-05-15, after claim 4 was filed); returns the filed
/// claims' file.
fn filed_before_the_retraction(dir: &Path, upto: u32) -> PathBuf {
    use kooperacja_core::claim::ClaimBook;
    use kooperacja_core::facts::{FactReader, Format};
    use kooperacja_core::project::Project;
    let root = Path::new(common::ROOT);
    let project = std::sync::Arc::new(
        Project::parse(&std::fs::read_to_string(root.join(PROJECT)).expect("project"))
            .expect("parses"),
    );
    let lines: String = std::fs::read_to_string(root.join(FACTS))
        .expect("facts")
        .lines()
        .filter(|l| !l.contains("\"retracts\": \"exp-rops-gdansk-2019-02\""))
        .map(|l| format!("{l}\n"))
        .collect();
    let facts: Vec<_> = FactReader::new(
        lines.as_bytes(),
        Format::JsonLines,
        std::sync::Arc::clone(project.vocabulary()),
        kooperacja_core::pseudonym::PseudonymKey::from_bytes([7; 32]),
    )
    .map(|f| f.expect("a fact"))
    .collect();
    let book = ClaimBook::new(project, None, &facts);
    let mut filed = Vec::new();
    for n in 1..=upto {
        let on = book.project().payment_schedule[n as usize - 1].period.end();
        let claim = book.file(n, on, &filed).expect("files");
        filed.push(claim);
    }
    let path = dir.join("filed.json");
    std::fs::write(&path, serde_json::to_string(&filed).expect("json")).expect("write");
    path
}

/// Exports claim `number` with `--filed FILE` in `format`; returns the path.
fn export_filed_as(dir: &Path, number: u32, filed: &Path, format: &str) -> PathBuf {
    let out = dir.join(format!("claim-{number}-filed.{format}"));
    let n = number.to_string();
    let done = run(&[
        PROJECT,
        "--facts",
        FACTS,
        "--claim",
        &n,
        "--filed",
        filed.to_str().expect("utf-8"),
        "--format",
        format,
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(done.status.code(), Some(0), "{}", text(&done.stderr));
    out
}

/// The page of claim `number` with `--filed FILE`.
fn export_with_filed(dir: &Path, number: u32, filed: &Path) -> String {
    read(&export_filed_as(dir, number, filed, "html"))
}

#[test]
fn a_retraction_after_filing_shows_as_a_correction_in_the_next_claims_page() {
    let dir = temp_dir("corrections");
    let filed = filed_before_the_retraction(&dir, 4);
    let draft = export_with_filed(&dir, 5, &filed);
    let section = &draft[draft
        .find("<section id=\"corrections\">")
        .expect("a Korekty section")..];
    let section = &section[..section.find("</section>").expect("end")];
    assert!(section.contains("8. Korekty"), "{section}");
    assert!(section.contains("exp-rops-gdansk-2019-02"), "{section}");
    assert!(section.contains("-52 648,59 zł"), "{section}");
    insta::assert_snapshot!("html-5-pl-correction", section);
    // The filed claim 4 is shown as filed: frozen, the retracted payment still
    // in its documents' list.
    let frozen = export_with_filed(&dir, 4, &filed);
    assert!(frozen.contains(">złożony<"));
    assert!(frozen.contains("data-fact=\"exp-rops-gdansk-2019-02\""));
    assert!(!frozen.contains("id=\"corrections\""));
}

#[test]
fn a_forced_claim_shows_the_warning_before_the_title() {
    let dir = temp_dir("forced");
    let project = common::project_with_error_finding(&dir);
    let out = dir.join("claim.html");
    let args = [
        project.to_str().expect("utf-8"),
        "--teryt",
        common::TERC,
        "--claim",
        "1",
        "--format",
        "html",
        "-o",
        out.to_str().expect("utf-8"),
    ];
    let refused = run(&args);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    assert!(!out.exists(), "nothing is written when refused");
    let forced = run(&[&args[..], &["--force"]].concat());
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    let page = read(&out);
    let warning = page.find("role=\"alert\"").expect("the warning");
    let title = page.find("<h1").expect("the title");
    assert!(warning < title);
}

#[test]
fn a_filed_claims_file_that_is_not_json_is_refused() {
    let dir = temp_dir("bad-filed");
    let filed = dir.join("filed.json");
    std::fs::write(&filed, "not json").expect("write");
    let out = dir.join("claim.html");
    let done = run(&[
        PROJECT,
        "--facts",
        FACTS,
        "--claim",
        "2",
        "--filed",
        filed.to_str().expect("utf-8"),
        "--format",
        "html",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(done.status.code(), Some(2));
    assert!(
        text(&done.stderr).contains("cannot read the filed claims"),
        "{}",
        text(&done.stderr)
    );
    assert!(!out.exists());
}

#[test]
fn the_workbook_of_a_claim_with_corrections_has_their_sheet() {
    let dir = temp_dir("corrections-xlsx");
    let filed = filed_before_the_retraction(&dir, 4);
    let without = workbook_cells(&export_filed_as(&dir, 4, &filed, "xlsx"));
    assert!(!without.contains("== Korekty"));
    let with = workbook_cells(&export_filed_as(&dir, 5, &filed, "xlsx"));
    let sheet = &with[with.find("== Korekty\n").expect("a Korekty sheet")..];
    assert_eq!(
        sheet.lines().nth(2),
        Some("4 |  | 3 | 3.3 | 583823.04 | 531174.45 | -52648.59 | exp-rops-gdansk-2019-02"),
        "{sheet}"
    );
}
