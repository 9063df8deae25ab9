//! Polish letters through the CSV dialects Polish Excel writes: a
//! Windows-1250 file (its plain "CSV"), a UTF-8 file with a byte-order mark
//! ("CSV UTF-8"), both with `;` and a decimal comma, and the RFC 4180 UTF-8
//! reference; each imports into the same facts, whose JSON lines hold the
//! letters in UTF-8.
//!
//! The Windows-1250 bytes are written from the code page's table below (the
//! test's own oracle), not by the library the import decodes with.

mod common;

use common::{import_file, json_lines, options, project};
use kooperacja_core::import::{CsvDialect, Encoding, read_upload};
use kooperacja_core::present::Lang;

/// Every Polish letter, small and capital.
const LETTERS: &str = "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ";

/// The Windows-1250 byte of each Polish letter (code page 1250, as Microsoft
/// publishes it), and of the other non-ASCII characters the test writes.
const CP1250: [(char, u8); 20] = [
    ('ą', 0xB9),
    ('ć', 0xE6),
    ('ę', 0xEA),
    ('ł', 0xB3),
    ('ń', 0xF1),
    ('ó', 0xF3),
    ('ś', 0x9C),
    ('ź', 0x9F),
    ('ż', 0xBF),
    ('Ą', 0xA5),
    ('Ć', 0xC6),
    ('Ę', 0xCA),
    ('Ł', 0xA3),
    ('Ń', 0xD1),
    ('Ó', 0xD3),
    ('Ś', 0x8C),
    ('Ź', 0x8F),
    ('Ż', 0xAF),
    ('„', 0x84),
    ('”', 0x94),
];

/// `text` in Windows-1250 (ASCII, the Polish letters and the Polish quotes only).
fn windows_1250(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                u8::try_from(u32::from(c)).expect("ASCII")
            } else {
                CP1250
                    .iter()
                    .find(|(letter, _)| *letter == c)
                    .map(|(_, byte)| *byte)
                    .expect("a Polish letter")
            }
        })
        .collect()
}

/// A meeting in the Polish Excel dialect: `;`, dates as Excel pl shows them,
/// the activity by its Polish label (with Polish letters: „międzynarodowe
/// seminarium naukowe”), the place holding every Polish letter, the headers
/// with Polish letters too („rodzaj działania”).
fn polish_csv() -> String {
    format!(
        "Data;Organizacja;Terytorium;rodzaj działania;dni;uczestnicy;miejsce\r\n\
         12.03.2019;rops-torun;0410;międzynarodowe seminarium naukowe;2;12;Sala „{LETTERS}”\r\n\
         13.03.2019;rops-torun;0410;spotkanie komitetu sterującego;1;7;Łódź, ul. Żółkiewskiego\r\n"
    )
}

/// The same meetings in RFC 4180 UTF-8: `,`, ISO dates, quoted where needed.
fn reference_csv() -> String {
    format!(
        "Data,Organizacja,Terytorium,rodzaj działania,dni,uczestnicy,miejsce\r\n\
         2019-03-12,rops-torun,0410,międzynarodowe seminarium naukowe,2,12,Sala „{LETTERS}”\r\n\
         2019-03-13,rops-torun,0410,spotkanie komitetu sterującego,1,7,\"Łódź, ul. Żółkiewskiego\"\r\n"
    )
}

fn facts_of(file: &str, bytes: &[u8]) -> Vec<String> {
    let imported = import_file(
        file,
        bytes,
        &project("kooperacja"),
        &options(Some("meeting"), Lang::Pl),
    )
    .unwrap_or_else(|problems| panic!("{file} imports: {problems:#?}"));
    json_lines(&imported)
}

#[test]
fn the_windows_1250_table_is_that_of_the_code_page() {
    // Ą and ą, Ś and ś, Ź and ź: the three pairs that differ from ISO 8859-2.
    assert_eq!(windows_1250("ĄąŚśŹź"), [0xA5, 0xB9, 0x8C, 0x9C, 0x8F, 0x9F]);
}

#[test]
fn a_windows_1250_file_is_read_as_windows_1250_with_semicolons() {
    let workbook = read_upload("spotkania.csv", &windows_1250(&polish_csv())).expect("reads");
    assert_eq!(
        workbook.dialect,
        Some(CsvDialect {
            separator: b';',
            decimal_comma: true,
            encoding: Encoding::Windows1250,
        })
    );
}

#[test]
fn a_utf8_file_with_a_bom_is_read_as_such() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), polish_csv().as_bytes()].concat();
    let workbook = read_upload("spotkania.csv", &bytes).expect("reads");
    assert_eq!(
        workbook.dialect.map(|d| d.encoding),
        Some(Encoding::Utf8Bom)
    );
}

#[test]
fn polish_letters_of_a_windows_1250_file_reach_the_fact_in_utf8() {
    let lines = facts_of("spotkania.csv", &windows_1250(&polish_csv()));
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].contains(&format!("\"place\":\"Sala „{LETTERS}”\"")),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("Łódź, ul. Żółkiewskiego"), "{}", lines[1]);
    assert!(
        lines[0].contains("\"activity\":\"international-seminar\""),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("\"activity\":\"steering-committee\""),
        "{}",
        lines[1]
    );
}

#[test]
fn windows_1250_utf8_with_bom_and_rfc_4180_give_the_same_facts() {
    let reference = facts_of("spotkania.csv", reference_csv().as_bytes());
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), polish_csv().as_bytes()].concat();
    assert_eq!(facts_of("spotkania.csv", &with_bom), reference);
    assert_eq!(
        facts_of("spotkania.csv", &windows_1250(&polish_csv())),
        reference
    );
}
