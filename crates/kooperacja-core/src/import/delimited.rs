//! CSV files in the dialects people have: RFC 4180 in UTF-8, and what Polish
//! Excel and LibreOffice write (`;`, a decimal comma, Windows-1250 or UTF-8
//! with a byte-order mark).

use super::{Cell, CsvDialect, Encoding, ReadError, Sheet, Workbook, message};
use crate::present::Lang;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of the bytes and the encoding found: UTF-8 (a byte-order mark
/// dropped) when they are valid UTF-8, else Windows-1250, which decodes any
/// bytes.
pub(super) fn decode(
    file: &str,
    bytes: &[u8],
    lang: Lang,
) -> Result<(String, Encoding), ReadError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ReadError {
            file: file.to_owned(),
            code: "import.utf16",
            message: message::UTF16.get(lang).to_owned(),
        });
    }
    if let Some(rest) = bytes.strip_prefix(BOM) {
        let (text, had_errors) = encoding_rs::UTF_8.decode_without_bom_handling(rest);
        if !had_errors {
            return Ok((text.into_owned(), Encoding::Utf8Bom));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), Encoding::Utf8));
    }
    let (text, _) = encoding_rs::WINDOWS_1250.decode_without_bom_handling(bytes);
    Ok((text.into_owned(), Encoding::Windows1250))
}

/// The separator of the header row (the first line with a character other
/// than a separator or a space): `;` when it has more semicolons than commas
/// outside quotes, else `,`.
pub(super) fn separator(text: &str) -> u8 {
    let mut quoted = false;
    let (mut semicolons, mut commas, mut content) = (0_usize, 0_usize, false);
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                content = true;
            }
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\n' | '\r' if !quoted => {
                if content {
                    break;
                }
                (semicolons, commas) = (0, 0);
            }
            c if !c.is_whitespace() => content = true,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// How many line ends (`\r\n`, `\n` or `\r`) a text holds.
fn line_ends(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' => {
                count += 1;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => count += 1,
            _ => {}
        }
        i += 1;
    }
    count
}

/// The separator a first line `sep=;` names (Excel's hint, which Excel
/// reads and does not show as a row), and the text after that line.
fn separator_hint(text: &str) -> Option<(u8, &str)> {
    let rest = text.strip_prefix("sep=")?;
    let separator = match rest.as_bytes().first()? {
        b';' => b';',
        b',' => b',',
        _ => return None,
    };
    let after = &rest[1..];
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .or_else(|| after.strip_prefix('\r'))
        .unwrap_or(after);
    Some((separator, after))
}

pub(super) fn read(file: &str, bytes: &[u8], lang: Lang) -> Result<Workbook, ReadError> {
    let (decoded, encoding) = decode(file, bytes, lang)?;
    let (separator, text) = match separator_hint(&decoded) {
        Some((separator, rest)) => (separator, rest),
        None => (separator(&decoded), decoded.as_str()),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let before = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
        let more = reader.read_record(&mut record).map_err(|e| ReadError {
            file: file.to_owned(),
            code: "import.bad-csv",
            message: message::BAD_CSV.fill(lang, &[&e]),
        })?;
        if !more {
            break;
        }
        // The csv reader skips empty lines; a spreadsheet shows each as an
        // empty row, and the report's row numbers are the spreadsheet's.
        let skipped = text.get(before..).map_or(0, |rest| {
            let run = &rest[..rest.find(|c| c != '\r' && c != '\n').unwrap_or(rest.len())];
            // The `\n` of the previous record's `\r\n` may not be read yet.
            let run = match run.strip_prefix('\n') {
                Some(after) if before > 0 && text.as_bytes().get(before - 1) == Some(&b'\r') => {
                    after
                }
                _ => run,
            };
            line_ends(run)
        });
        rows.extend(std::iter::repeat_n(Vec::new(), skipped));
        rows.push(
            record
                .iter()
                .map(|field| {
                    if field.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(field.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(Workbook {
        file: file.to_owned(),
        sheets: vec![Sheet {
            name: file.to_owned(),
            rows,
            merged: Vec::new(),
        }],
        dialect: Some(CsvDialect {
            separator,
            decimal_comma: separator == b';',
            encoding,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(cell: &Cell) -> &str {
        match cell {
            Cell::Text(t) => t,
            _ => "",
        }
    }

    fn read_ok(bytes: &[u8]) -> Workbook {
        read("f.csv", bytes, Lang::En).expect("reads")
    }

    #[test]
    fn plain_utf8_with_commas_is_rfc_4180() {
        let book = read_ok(b"date,by\n2020-02-11,umk\n");
        let dialect = book.dialect.expect("a dialect");
        assert_eq!(dialect.separator, b',');
        assert!(!dialect.decimal_comma);
        assert_eq!(dialect.encoding, Encoding::Utf8);
        assert_eq!(text(&book.sheets[0].rows[1][1]), "umk");
    }

    #[test]
    fn a_semicolon_header_means_the_polish_dialect_with_a_decimal_comma() {
        let book = read_ok("Data;Kwota\n2020-02-11;1234,56\n".as_bytes());
        let dialect = book.dialect.expect("a dialect");
        assert_eq!(dialect.separator, b';');
        assert!(dialect.decimal_comma);
        assert_eq!(text(&book.sheets[0].rows[1][1]), "1234,56");
    }

    #[test]
    fn a_byte_order_mark_is_utf8_and_dropped() {
        let book = read_ok("\u{feff}Uwagi;Data\nżółw;2020-02-11\n".as_bytes());
        assert_eq!(book.dialect.map(|d| d.encoding), Some(Encoding::Utf8Bom));
        assert_eq!(text(&book.sheets[0].rows[0][0]), "Uwagi");
        assert_eq!(text(&book.sheets[0].rows[1][0]), "żółw");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_windows_1250() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1250.encode("Miejsce;Uwagi\nNakło;zażółć gęślą jaźń\n");
        let book = read_ok(&bytes);
        assert_eq!(
            book.dialect.map(|d| d.encoding),
            Some(Encoding::Windows1250)
        );
        assert_eq!(text(&book.sheets[0].rows[1][0]), "Nakło");
        assert_eq!(text(&book.sheets[0].rows[1][1]), "zażółć gęślą jaźń");
    }

    #[test]
    fn quoted_fields_keep_separators_quotes_and_newlines() {
        let book = read_ok(b"a;b\n\"x; \"\"y\"\"\nz\";2\n3;4\n");
        let rows = &book.sheets[0].rows;
        assert_eq!(text(&rows[1][0]), "x; \"y\"\nz");
        assert_eq!(text(&rows[2][0]), "3", "the embedded newline is no new row");
    }

    #[test]
    fn empty_lines_are_empty_rows_so_row_numbers_match_the_spreadsheet() {
        let book = read_ok(b"a;b\r\n\r\n1;2\r\n;\r\n3;4\r\n");
        let rows = &book.sheets[0].rows;
        assert_eq!(rows.len(), 5);
        assert!(rows[1].is_empty());
        assert_eq!(rows[3], vec![Cell::Empty, Cell::Empty]);
        assert_eq!(text(&rows[4][0]), "3");
    }

    #[test]
    fn a_comma_inside_quotes_of_a_semicolon_header_does_not_count() {
        assert_eq!(separator("\"a, b, c\";d;e\n1;2;3"), b';');
        assert_eq!(separator("a,b;c,d\n"), b',');
    }

    #[test]
    fn a_sep_line_names_the_separator_and_is_no_row() {
        let book = read_ok(b"sep=;\r\na,b;c\r\n1;2\r\n");
        assert_eq!(book.dialect.map(|d| d.separator), Some(b';'));
        let rows = &book.sheets[0].rows;
        assert_eq!(text(&rows[0][0]), "a,b");
        assert_eq!(text(&rows[1][1]), "2");
    }

    #[test]
    fn utf16_is_refused_with_a_code() {
        let err = read("f.csv", b"\xFF\xFEa\0", Lang::En).expect_err("refused");
        assert_eq!(err.code, "import.utf16");
    }

    #[test]
    fn the_sheet_of_a_csv_file_is_named_after_the_file() {
        let book = read("spotkania.csv", b"a\n1\n", Lang::En).expect("reads");
        assert_eq!(book.sheets[0].name, "spotkania.csv");
        assert_eq!(book.file, "spotkania.csv");
    }
}
