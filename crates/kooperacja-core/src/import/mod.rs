//! Importing facts from what coordinators fill in: a spreadsheet (XLSX) or a
//! CSV file in the dialects Polish Excel and LibreOffice write.
//!
//! Core reads bytes the adapter has already loaded (no file is opened here):
//! [`read_upload`] turns them into a [`Workbook`] of typed [`Cell`]s, and
//! [`import`] maps its columns to the declared fields of one kind of fact by
//! their headers (Polish or English names, or ids), checks every cell, and
//! either returns every fact, pseudonymised, with a stable content id, or
//! every problem, each named by file, sheet, row and column. Nothing is
//! returned for writing until every cell is good.
//!
//! The rules of the reading (which headers name which field, which forms of
//! a date or an amount are taken, what is refused as personal data) are in
//! `docs/decisions.md`, "Data entry".

mod cells;
mod delimited;
pub mod message;
mod rows;
mod workbook;

pub use rows::{INSTRUCTION_SHEETS, PERSONAL_HEADERS};

pub mod template;

use crate::facts::Fact;
use crate::present::Lang;
use crate::present::label;
use crate::project::Project;
use crate::pseudonym::PseudonymKey;
use crate::vocabulary::FieldDecl;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text, as written.
    Text(String),
    /// A number cell of a spreadsheet, as the shortest decimal text that
    /// reads back to the binary value the file stores (what the spreadsheet
    /// shows at full precision: `1234.56`, never `1234.5599999`). CSV cells
    /// are always [`Cell::Text`].
    Number(String),
    /// A date cell.
    Date(NaiveDate),
    /// A date-and-time cell.
    DateTime(NaiveDateTime),
    /// A true/false cell.
    Bool(bool),
    /// A cell holding a formula (its cached result is not taken: a value
    /// computed by a program that never recalculated may be stale).
    Formula(String),
    /// An error cell (`#DIV/0!`, `#N/A`), as the file names it.
    Error(String),
}

/// A rectangle of cells merged into one, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Merged {
    /// First row.
    pub first_row: u32,
    /// First column.
    pub first_column: u32,
    /// Last row.
    pub last_row: u32,
    /// Last column.
    pub last_column: u32,
}

/// One sheet: rows of cells, the first non-empty row being the headers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sheet {
    /// The sheet's name (a CSV file has one sheet, named after the file).
    pub name: String,
    /// The rows, from the sheet's first row (row 1 in the spreadsheet is
    /// index 0), each from column A.
    pub rows: Vec<Vec<Cell>>,
    /// The merged ranges.
    pub merged: Vec<Merged>,
}

/// The CSV dialect [`read_csv`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (what Excel's "CSV UTF-8" writes).
    Utf8Bom,
    /// Windows-1250 (what Polish Excel's plain "CSV" writes).
    Windows1250,
}

/// How a CSV file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CsvDialect {
    /// The field separator: `,` (RFC 4180) or `;` (Polish Excel).
    pub separator: u8,
    /// Whether numbers are written with a decimal comma (`1234,56`): true
    /// with the `;` separator.
    pub decimal_comma: bool,
    /// The character encoding.
    pub encoding: Encoding,
}

/// A file read into sheets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workbook {
    /// The file's name as the user gave it (for the report; never opened
    /// by core).
    pub file: String,
    /// The sheets, in the file's order.
    pub sheets: Vec<Sheet>,
    /// The CSV dialect, for a CSV file.
    pub dialect: Option<CsvDialect>,
}

/// What to import and on whose behalf.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The kind of fact the rows are; when `None`, a sheet named after a
    /// kind (its id or its Polish or English name) is that kind, and a CSV
    /// file needs a `kind` column.
    pub kind: Option<String>,
    /// The organisation that records the facts, for rows without a `by`
    /// column (the partner uploading, on the server).
    pub by: Option<String>,
    /// The language of the report's messages.
    pub lang: Lang,
}

/// Where a problem is: the file, the sheet, the row and the column as the
/// spreadsheet shows them (row 1 is the first; column `A`), and the header
/// of that column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellRef {
    /// The file's name.
    pub file: String,
    /// The sheet's name (for a CSV file, the file's name).
    pub sheet: String,
    /// The row, from 1; `None` for a problem of the whole sheet.
    pub row: Option<u32>,
    /// The column letter (`A`, `AB`); `None` for a problem of a whole row.
    pub column: Option<String>,
    /// The column's header as written; never a cell's value.
    pub header: Option<String>,
}

/// One bad cell (or row, or sheet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellProblem {
    /// Where it is.
    pub at: CellRef,
    /// A stable code (`import.not-a-date`, `import.unknown-value`,
    /// `import.personal-data`, …).
    pub code: &'static str,
    /// What is wrong, in the options' language. It never quotes the value
    /// of a person column or a value that may be personal data.
    pub message: String,
}

/// A note that is not a problem (an empty row skipped, the dialect found).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportNote {
    /// Where it is.
    pub at: CellRef,
    /// A stable code (`import.empty-row`, …).
    pub code: &'static str,
    /// What it says, in the options' language.
    pub message: String,
}

/// What an import read: every fact, in the files' order, with its content
/// id, pseudonymised, and checked against the project.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The facts, in the files' order (file, sheet, row).
    pub facts: Vec<Fact>,
    /// For each fact, where it came from (its row; `column` is `None`).
    pub rows: Vec<CellRef>,
    /// For each fact, the text of its note column (`Uwagi`/`Note`), if any:
    /// a [`Fact`] has no note, so the adapter that stores the fact keeps it
    /// beside it (the `note` of a JSON line, the server's note column).
    pub fact_notes: Vec<Option<String>>,
    /// The notes.
    pub notes: Vec<ImportNote>,
}

/// Why a file cannot be read at all (not a spreadsheet, a damaged archive).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ReadError {
    /// The file's name.
    pub file: String,
    /// A stable code (`import.not-a-spreadsheet`, `import.damaged`, …).
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
}

/// The header of a declared field's column in a sheet to fill in: its label
/// in `lang` (its id when it has no label). [`import`] reads this header back
/// in either language, so a template always imports.
///
/// ```
/// use kooperacja_core::import::field_header;
/// use kooperacja_core::present::Lang;
/// use kooperacja_core::vocabulary::{FieldDecl, FieldType};
/// let field = FieldDecl::new("hours", FieldType::Hours);
/// assert_eq!(field_header(&field, Lang::Pl), "hours");
/// ```
pub fn field_header(field: &FieldDecl, lang: Lang) -> &str {
    field.label(lang)
}

/// The header of a base field's column (`id`, `date`, `by`, `territory`,
/// `note`, `kind`) in `lang`; `None` for another name.
///
/// ```
/// use kooperacja_core::import::base_header;
/// use kooperacja_core::present::Lang;
/// assert_eq!(base_header("date", Lang::Pl), Some("Data"));
/// assert_eq!(base_header("by", Lang::En), Some("Organisation"));
/// ```
pub fn base_header(field: &str, lang: Lang) -> Option<&'static str> {
    let text = match field {
        "id" => label::IDENTIFIER,
        "date" => label::FACT_DATE,
        "by" => label::FACT_BY,
        "territory" => label::TERRITORY,
        "note" => label::FACT_NOTE,
        "kind" => label::KIND,
        _ => return None,
    };
    Some(text.get(lang))
}

/// Reads an uploaded file: XLSX when the bytes are a ZIP archive (`PK`),
/// otherwise CSV in the dialect [`read_csv`] finds.
///
/// ```
/// use kooperacja_core::import::read_upload;
/// let csv = read_upload("a.csv", b"Data;Uwagi\n2020-02-11;ok\n")?;
/// assert!(csv.dialect.is_some());
/// let err = read_upload("a.xlsx", b"PK\x03\x04 cut off").unwrap_err();
/// assert_eq!(err.code, "import.not-a-spreadsheet");
/// # Ok::<(), kooperacja_core::import::ReadError>(())
/// ```
pub fn read_upload(file: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    read_upload_in(file, bytes, Lang::En)
}

/// [`read_upload`], with the [`ReadError`]'s message in `lang`.
///
/// ```
/// use kooperacja_core::import::read_upload_in;
/// use kooperacja_core::present::Lang;
/// let err = read_upload_in("a.csv", b"\xFF\xFEa\0", Lang::Pl).unwrap_err();
/// assert_eq!(err.code, "import.utf16");
/// assert!(err.message.starts_with("plik jest zapisany w UTF-16"));
/// ```
pub fn read_upload_in(file: &str, bytes: &[u8], lang: Lang) -> Result<Workbook, ReadError> {
    if bytes.starts_with(b"PK") {
        workbook::read(file, bytes, lang)
    } else {
        delimited::read(file, bytes, lang)
    }
}

/// Reads an XLSX workbook from its bytes (calamine): every visible sheet,
/// typed cells, merged ranges. A hidden sheet (a template's lists of
/// values) is not read. A number is the shortest decimal text of the stored
/// double, a date-formatted cell a [`Cell::Date`] (a [`Cell::DateTime`] when
/// it has a time of day), a formula a [`Cell::Formula`] whatever its cached
/// value.
///
/// ```
/// use kooperacja_core::import::{read_xlsx, Cell};
/// let mut writer = rust_xlsxwriter::Workbook::new();
/// let sheet = writer.add_worksheet().set_name("wydatek")?;
/// sheet.write_string(0, 0, "Kwota")?;
/// sheet.write_number(1, 0, 1234.56)?;
/// sheet.write_formula(2, 0, "=A2*2")?;
/// let book = read_xlsx("wydatki.xlsx", &writer.save_to_buffer()?)?;
/// assert_eq!(book.sheets[0].name, "wydatek");
/// assert_eq!(book.sheets[0].rows[1][0], Cell::Number("1234.56".into()));
/// assert!(matches!(book.sheets[0].rows[2][0], Cell::Formula(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_xlsx(file: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    workbook::read(file, bytes, Lang::En)
}

/// Reads a CSV file from its bytes, finding its dialect: the encoding (UTF-8,
/// with or without a byte-order mark, else Windows-1250, via encoding_rs),
/// the separator (`;` or `,`, from the header row) and the decimal comma.
/// Every cell is [`Cell::Text`] or [`Cell::Empty`]; an empty line is an
/// empty row, so that row numbers are those a spreadsheet shows.
///
/// ```
/// use kooperacja_core::import::{read_csv, Cell, Encoding};
/// // What Polish Excel writes as "CSV (rozdzielany średnikami)".
/// let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode("Data;Miejsce\n2020-02-11;Nakło nad Notecią\n");
/// let book = read_csv("spotkania.csv", &bytes)?;
/// let dialect = book.dialect.unwrap();
/// assert_eq!((dialect.separator, dialect.decimal_comma, dialect.encoding), (b';', true, Encoding::Windows1250));
/// assert_eq!(book.sheets[0].rows[1][1], Cell::Text("Nakło nad Notecią".into()));
/// # Ok::<(), kooperacja_core::import::ReadError>(())
/// ```
pub fn read_csv(file: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    delimited::read(file, bytes, Lang::En)
}

/// Maps the sheets' columns to declared fields by header, reads every row
/// into a fact (persons pseudonymised with `key`; a stable content id unless
/// the sheet has an `id` column), checks each against the project, and
/// returns all the facts or every problem (all of them, not the first).
///
/// ```
/// use kooperacja_core::import::{import, read_csv, ImportOptions};
/// use kooperacja_core::present::Lang;
/// use kooperacja_core::project::Project;
/// use kooperacja_core::pseudonym::PseudonymKey;
/// let project = Project::parse(include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
/// let key = PseudonymKey::from_bytes([1; 32]);
/// let options = ImportOptions { kind: Some("coaching".into()), by: Some("umk".into()), lang: Lang::En };
///
/// let good = read_csv("c.csv", "Data;Osoba;Forma;Rola\n01.03.2019;k-0157;indywidualny;pracownik socjalny\n".as_bytes())?;
/// let imported = import(&[good], &project, &options, &key).unwrap();
/// assert_eq!(imported.facts[0].value("form").unwrap().to_text(), "individual");
/// assert!(imported.facts[0].id.starts_with("f-"));
///
/// let bad = read_csv("c.csv", "Data;Osoba;Forma;Rola\n30.02.2019;Kowalski;solo;pracownik socjalny\n".as_bytes())?;
/// let problems = import(&[bad], &project, &options, &key).unwrap_err();
/// let found: Vec<_> = problems.iter().map(|p| (p.at.column.as_deref(), p.code)).collect();
/// assert_eq!(found, [(Some("A"), "import.not-a-date"), (Some("B"), "import.personal-data"), (Some("C"), "import.unknown-value")]);
/// assert!(problems.iter().all(|p| !p.message.contains("Kowalski")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import(
    workbooks: &[Workbook],
    project: &Project,
    options: &ImportOptions,
    key: &PseudonymKey,
) -> Result<Imported, Vec<CellProblem>> {
    rows::import(workbooks, project, options, key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PROJECT: &str =
        include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml");

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever bytes are uploaded, reading them gives a workbook or a
        /// coded error, never a panic.
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..600), zip in any::<bool>()) {
            let mut bytes = bytes;
            if zip {
                bytes.splice(0..0, b"PK\x03\x04".iter().copied());
            }
            if let Err(e) = read_upload("f", &bytes) {
                prop_assert!(e.code.starts_with("import."));
            }
        }

        /// A workbook damaged anywhere is read or refused, never a panic.
        #[test]
        fn a_damaged_workbook_is_read_or_refused(
            flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 1..8),
        ) {
            let mut writer = rust_xlsxwriter::Workbook::new();
            let sheet = writer.add_worksheet();
            sheet.write_string(0, 0, "Data").expect("written");
            sheet.write_number(1, 0, 12.5).expect("written");
            sheet.write_formula(2, 0, "=A2*2").expect("written");
            sheet.merge_range(3, 0, 4, 1, "m", &rust_xlsxwriter::Format::new()).expect("merged");
            let mut bytes = writer.save_to_buffer().expect("saved");
            for (at, byte) in flips {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            if let Err(e) = read_upload("f.xlsx", &bytes) {
                prop_assert!(e.code.starts_with("import."));
            }
        }

        /// Whatever a CSV file holds, the import gives facts or problems,
        /// never a panic.
        #[test]
        fn any_csv_imports_or_is_refused(
            rows in proptest::collection::vec(
                proptest::collection::vec("[ -~ąęłóśżź;,\"\n]{0,12}", 0..6),
                0..6,
            ),
            kind in proptest::option::of(proptest::sample::select(vec!["coaching", "meeting", "expenditure"])),
        ) {
            let project = Project::parse(PROJECT).expect("fixture parses");
            let mut text = String::from("Data;Organizacja;Osoba;Forma;Rola;Rodzaj;Uwagi;amount\n");
            for row in rows {
                text.push_str(&row.join(";"));
                text.push('\n');
            }
            let book = read_csv("f.csv", text.as_bytes()).expect("CSV text reads");
            let options = ImportOptions { kind: kind.map(str::to_owned), by: None, lang: Lang::Pl };
            let _ = import(&[book], &project, &options, &PseudonymKey::from_bytes([0; 32]));
        }
    }
}
