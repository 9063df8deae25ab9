//! Files saved by LibreOffice itself, in the Polish dialect, import into the
//! same facts as the RFC 4180 UTF-8 reference the test writes itself.
//!
//! The input is a flat ODS document (`.fods`, XML) a coordinator could have
//! typed: two sheets named after their kinds („wydatek”, „spotkanie”), with
//! date cells, number cells formatted as amounts (`# ##0,00`), and text with
//! every Polish letter. LibreOffice runs headless with its own profile (a
//! fresh temporary directory, so parallel runs do not share one) whose
//! locale is pl-PL, as a Polish user's LibreOffice is: the profile's
//! `registrymodifications.xcu` sets `/org.openoffice.Setup/L10N/
//! ooSetupSystemLocale` to `pl-PL`, so the document (which names no language
//! itself) shows numbers with a decimal comma and a no-break space between
//! thousands (`61 697,41`). It saves:
//! - XLSX (`--convert-to xlsx`, the filter „Calc MS Excel 2007 XML”);
//! - CSV, each sheet to its own file, with the filter options
//!   `59,34,33,1,,1045,false,true,true,false,false,-1`: separator 59 (`;`),
//!   text delimiter 34 (`"`), character set 33 (`RTL_TEXTENCODING_MS_1250`,
//!   Windows-1250), from line 1, no column formats, language 1045 (pl-PL),
//!   quote only text that needs it, detect special numbers, save cell contents
//!   as shown (so the decimal comma and the dates as `31.03.2019`), no
//!   formulas, keep spaces, all sheets (`-1`);
//! - the same in UTF-8 (character set 76, `RTL_TEXTENCODING_UTF8`);
//! - the same in UTF-8 with a byte-order mark: token 14 (`true`, „include a
//!   byte-order mark”) of LibreOffice 7.6 and later. An older LibreOffice
//!   ignores it and writes no mark; the test then adds the three bytes itself
//!   (and says so in its output), so the file is still what Excel's „CSV
//!   UTF-8” writes.
//!
//! The files are read back into memory and LibreOffice's temporary directory
//! (its profile too) is removed before any test compares them.
//!
//! Without `soffice` the tests print SKIPPED, unless
//! `KOOPERACJA_REQUIRE_EXTERNAL=1` (set by `.ci/run`), which fails them.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use common::{external_tool, import_file, json_lines, options, project};
use kooperacja_core::import::Encoding;
use kooperacja_core::import::read_upload;
use kooperacja_core::present::Lang;

/// Every Polish letter, small and capital.
const LETTERS: &str = "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ";

/// One cell of the `.fods` input.
enum Lo {
    /// A text cell.
    S(&'static str),
    /// A text cell of any text.
    Owned(String),
    /// A date cell (ISO date), shown as `31.03.2019`.
    Date(&'static str),
    /// A number cell shown as an amount (`61 697,41`).
    Amount(&'static str),
    /// A number cell in the default format.
    Number(&'static str),
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The expenditures (of the first fixture): header, then rows.
fn expenditures() -> Vec<Vec<Lo>> {
    vec![
        vec![
            Lo::S("Data"),
            Lo::S("Organizacja"),
            Lo::S("partner"),
            Lo::S("amount"),
            Lo::S("category"),
            Lo::S("Uwagi"),
        ],
        vec![
            Lo::Date("2019-03-31"),
            Lo::S("rops-torun"),
            Lo::S("rops-torun"),
            Lo::Amount("61697.41"),
            Lo::Owned(format!("platforma – {LETTERS}")),
            Lo::S("zaliczka; „pierwsza” transza"),
        ],
        vec![
            Lo::Date("2019-04-30"),
            Lo::S("rops-gdansk"),
            Lo::S("rops-gdansk"),
            Lo::Amount("12345.6"),
            Lo::S("koordynacja"),
            Lo::S(""),
        ],
        vec![
            Lo::Date("2019-05-31"),
            Lo::S("umk"),
            Lo::S("umk"),
            Lo::Amount("0.1"),
            Lo::S("badania"),
            Lo::S("grosz"),
        ],
        vec![
            Lo::Date("2019-06-28"),
            Lo::S("umk"),
            Lo::S("umk"),
            Lo::Amount("-150"),
            Lo::S("badania"),
            Lo::S("zwrot"),
        ],
    ]
}

/// The meetings (of the first fixture): header, then rows.
fn meetings() -> Vec<Vec<Lo>> {
    vec![
        vec![
            Lo::S("Data"),
            Lo::S("Organizacja"),
            Lo::S("Terytorium"),
            Lo::S("rodzaj działania"),
            Lo::S("dni"),
            Lo::S("uczestnicy"),
            Lo::S("miejsce"),
        ],
        vec![
            Lo::Date("2019-03-12"),
            Lo::S("rops-torun"),
            Lo::S("0410"),
            Lo::S("międzynarodowe seminarium naukowe"),
            Lo::Number("2"),
            Lo::Number("12"),
            Lo::S("Sala „Przystań”, Nakło nad Notecią"),
        ],
        vec![
            Lo::Date("2019-03-13"),
            Lo::S("rops-torun"),
            Lo::S("0410"),
            Lo::S("spotkanie komitetu sterującego"),
            Lo::Number("1"),
            Lo::Number("7"),
            Lo::Owned(format!("Łódź – {LETTERS}")),
        ],
    ]
}

/// The `.fods` document of both sheets. It names no language: the profile's
/// locale (pl-PL) decides how numbers are shown.
fn fods() -> String {
    let mut body = String::new();
    for (name, rows) in [("wydatek", expenditures()), ("spotkanie", meetings())] {
        body.push_str(&format!("<table:table table:name=\"{name}\">\n"));
        for row in rows {
            body.push_str("<table:table-row>");
            for cell in row {
                body.push_str(&match cell {
                    Lo::S(text) => string_cell(text),
                    Lo::Owned(text) => string_cell(&text),
                    Lo::Date(iso) => format!(
                        "<table:table-cell table:style-name=\"data\" office:value-type=\"date\" office:date-value=\"{iso}\"/>"
                    ),
                    Lo::Amount(value) => format!(
                        "<table:table-cell table:style-name=\"kwota\" office:value-type=\"float\" office:value=\"{value}\"/>"
                    ),
                    Lo::Number(value) => format!(
                        "<table:table-cell office:value-type=\"float\" office:value=\"{value}\"/>"
                    ),
                });
            }
            body.push_str("</table:table-row>\n");
        }
        body.push_str("</table:table>\n");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
<number:date-style style:name="Ndata">
<number:day number:style="long"/><number:text>.</number:text><number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/>
</number:date-style>
<number:number-style style:name="Nkwota">
<number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>
</number:number-style>
<style:style style:name="data" style:family="table-cell" style:data-style-name="Ndata"/>
<style:style style:name="kwota" style:family="table-cell" style:data-style-name="Nkwota"/>
</office:styles>
<office:body><office:spreadsheet>
{body}</office:spreadsheet></office:body>
</office:document>
"#
    )
}

fn string_cell(text: &str) -> String {
    if text.is_empty() {
        return "<table:table-cell/>".to_owned();
    }
    format!(
        "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
        escape(text)
    )
}

/// The reference: the same rows as RFC 4180 UTF-8 CSV (`,`, ISO dates, a
/// decimal point), written with the csv crate.
fn reference(rows: &[Vec<Lo>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let texts: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Lo::S(text) => (*text).to_owned(),
                Lo::Owned(text) => text.clone(),
                Lo::Date(iso) | Lo::Amount(iso) | Lo::Number(iso) => (*iso).to_owned(),
            })
            .collect();
        writer.write_record(&texts).expect("a record");
    }
    writer.into_inner().expect("the CSV text")
}

/// The facts of a file, as JSON lines; every file here must import.
fn facts(file: &str, bytes: &[u8], kind: Option<&str>) -> Vec<String> {
    let imported = import_file(
        file,
        bytes,
        &project("kooperacja"),
        &options(kind, Lang::Pl),
    )
    .unwrap_or_else(|problems| panic!("{file} imports: {problems:#?}"));
    json_lines(&imported)
}

/// The reference facts: the expenditures, then the meetings.
fn reference_facts() -> (Vec<String>, Vec<String>) {
    (
        facts(
            "wydatek.csv",
            &reference(&expenditures()),
            Some("expenditure"),
        ),
        facts("spotkanie.csv", &reference(&meetings()), Some("meeting")),
    )
}

/// What LibreOffice wrote, read back into memory (its temporary directory
/// is gone once the files are read): the XLSX file and each CSV variant's
/// two files (expenditures, meetings).
#[derive(Debug)]
struct Saved {
    xlsx: Vec<u8>,
    windows_1250: [Vec<u8>; 2],
    utf8: [Vec<u8>; 2],
    utf8_bom: [Vec<u8>; 2],
}

/// Runs a command, killed after `limit`; `None` when it timed out.
fn run_with_timeout(command: &mut Command, limit: Duration) -> Option<std::process::Output> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    // Polls every 100 ms; no clock is read, the polls are counted.
    let step = Duration::from_millis(100);
    let mut waited = Duration::ZERO;
    loop {
        if child.try_wait().ok()?.is_some() {
            return child.wait_with_output().ok();
        }
        waited += step;
        if waited > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(step);
    }
}

/// The profile's settings: the locale pl-PL.
const PROFILE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>pl-PL</value></prop></item>
</oor:items>
"#;

/// Converts `input` with LibreOffice to `target` (`xlsx` or `csv:…`) into
/// `out`.
fn convert(soffice: &Path, profile: &Path, input: &Path, target: &str, out: &Path) {
    let output = run_with_timeout(
        Command::new(soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
            ])
            .arg(out)
            .arg(input),
        Duration::from_secs(180),
    )
    .expect("LibreOffice finished within 180 s");
    assert!(
        output.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The CSV filter of the Polish dialect, in character set `charset`, with
/// a byte-order mark or not (see the module's documentation).
fn csv_filter(charset: u32, bom: bool) -> String {
    let mut options = format!("59,34,{charset},1,,1045,false,true,true,false,false,-1");
    if bom {
        options.push_str(",false,true");
    }
    format!("csv:Text - txt - csv (StarCalc):{options}")
}

/// Runs LibreOffice once for all the tests; `None` (skipped) without it.
fn saved() -> Option<&'static Saved> {
    static SAVED: OnceLock<Option<Saved>> = OnceLock::new();
    SAVED
        .get_or_init(|| {
            let found = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
                .iter()
                .map(PathBuf::from)
                .find(|p| p.exists());
            if !external_tool(
                found.is_some(),
                "LibreOffice",
                "apt-get install libreoffice-calc-nogui",
            ) {
                return None;
            }
            let soffice = found?;
            let dir = tempfile::Builder::new()
                .prefix("kooperacja-import-lo-")
                .tempdir()
                .expect("a temporary directory");
            let profile = dir.path().join("lo-profile");
            std::fs::create_dir_all(profile.join("user")).expect("profile dir");
            std::fs::write(profile.join("user/registrymodifications.xcu"), PROFILE)
                .expect("profile settings");
            let input = dir.path().join("zestawienie.fods");
            std::fs::write(&input, fods()).expect("the input");
            let out = |name: &str| dir.path().join(name);
            convert(&soffice, &profile, &input, "xlsx", &out("xlsx"));
            convert(
                &soffice,
                &profile,
                &input,
                &csv_filter(33, false),
                &out("cp1250"),
            );
            convert(
                &soffice,
                &profile,
                &input,
                &csv_filter(76, false),
                &out("utf8"),
            );
            convert(
                &soffice,
                &profile,
                &input,
                &csv_filter(76, true),
                &out("bom"),
            );
            let sheets = |sub: &str| {
                ["wydatek", "spotkanie"]
                    .map(|s| read(&out(sub).join(format!("zestawienie-{s}.csv"))))
            };
            Some(Saved {
                xlsx: read(&out("xlsx").join("zestawienie.xlsx")),
                windows_1250: sheets("cp1250"),
                utf8: sheets("utf8"),
                utf8_bom: sheets("bom").map(with_bom),
            })
        })
        .as_ref()
}

/// LibreOffice before 7.6 has no byte-order-mark option: add the mark.
#[allow(clippy::print_stderr)] // the test says what it did in its output
fn with_bom(bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return bytes;
    }
    eprintln!(
        "note: this LibreOffice writes no byte-order mark (7.6 and later do); the test adds it"
    );
    [b"\xEF\xBB\xBF".as_slice(), &bytes].concat()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The facts of one CSV variant (both sheets' files), and the encoding read.
fn csv_facts(files: &[Vec<u8>; 2]) -> ((Vec<String>, Vec<String>), Vec<Encoding>) {
    let [spent, met] = files;
    let encodings = files
        .iter()
        .map(|f| {
            read_upload("x.csv", f)
                .ok()
                .and_then(|w| w.dialect)
                .map(|d| d.encoding)
                .expect("a CSV file")
        })
        .collect();
    (
        (
            facts("wydatek.csv", spent, Some("expenditure")),
            facts("spotkanie.csv", met, Some("meeting")),
        ),
        encodings,
    )
}

#[test]
fn libreoffice_writes_the_polish_dialect_the_tests_expect() {
    let Some(saved) = saved() else { return };
    let text = String::from_utf8(saved.utf8[0].clone()).expect("UTF-8");
    // A decimal comma and a no-break space between thousands, dates as
    // Polish LibreOffice shows them, `;` and the quoted note.
    assert!(text.contains(";61\u{a0}697,41;"), "{text}");
    assert!(text.contains("31.03.2019;"), "{text}");
    assert!(text.contains("\"zaliczka; „pierwsza” transza\""), "{text}");
    let cp1250 = &saved.windows_1250[0];
    assert!(
        cp1250.windows(2).any(|w| w == [0xB9, 0xE6]),
        "ą and ć in Windows-1250"
    );
}

#[test]
fn xlsx_saved_by_libreoffice_imports_as_the_reference() {
    let Some(saved) = saved() else { return };
    let (spent, met) = reference_facts();
    // No kind given: each sheet is the kind it is named after.
    let got = facts("zestawienie.xlsx", &saved.xlsx, None);
    assert_eq!(got, [spent, met].concat());
}

#[test]
fn windows_1250_csv_saved_by_libreoffice_imports_as_the_reference() {
    let Some(saved) = saved() else { return };
    let (got, encodings) = csv_facts(&saved.windows_1250);
    assert_eq!(encodings, [Encoding::Windows1250, Encoding::Windows1250]);
    assert_eq!(got, reference_facts());
}

#[test]
fn utf8_csv_saved_by_libreoffice_imports_as_the_reference() {
    let Some(saved) = saved() else { return };
    let (got, encodings) = csv_facts(&saved.utf8);
    assert_eq!(encodings, [Encoding::Utf8, Encoding::Utf8]);
    assert_eq!(got, reference_facts());
}

#[test]
fn utf8_csv_with_a_bom_saved_by_libreoffice_imports_as_the_reference() {
    let Some(saved) = saved() else { return };
    let (got, encodings) = csv_facts(&saved.utf8_bom);
    assert_eq!(encodings, [Encoding::Utf8Bom, Encoding::Utf8Bom]);
    assert_eq!(got, reference_facts());
}

#[test]
fn the_reference_holds_the_polish_letters_and_exact_amounts() {
    let (spent, met) = reference_facts();
    assert!(
        spent[0].contains(&format!("platforma – {LETTERS}")),
        "{}",
        spent[0]
    );
    let amounts: Vec<bool> = ["\"61697.41\"", "\"12345.60\"", "\"0.10\"", "\"-150.00\""]
        .iter()
        .zip(&spent)
        .map(|(amount, line)| line.contains(amount))
        .collect();
    assert_eq!(amounts, [true; 4], "{spent:#?}");
    assert!(met[1].contains(&format!("Łódź – {LETTERS}")), "{}", met[1]);
}
