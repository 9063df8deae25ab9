//! XLSX workbooks, read with calamine from bytes (core opens no file).

use std::io::Cursor;

use calamine::{DataRef, ExcelDateTime, Reader, SheetType, SheetVisible, Xlsx, XlsxError};
use chrono::{NaiveDate, NaiveDateTime};

use super::{Cell, Merged, ReadError, Sheet, Workbook, message};
use crate::present::Lang;

/// The most columns a sheet to import may use (`ALL`): a sheet of facts has
/// a few dozen; a cell far to the right is refused rather than padded to.
pub(super) const MAX_COLUMNS: u32 = 1000;

/// The most cells with a value a workbook to import may hold.
pub(super) const MAX_CELLS: usize = 2_000_000;

fn error(file: &str, code: &'static str, message: String) -> ReadError {
    ReadError {
        file: file.to_owned(),
        code,
        message,
    }
}

fn not_a_spreadsheet(file: &str, why: &XlsxError, lang: Lang) -> ReadError {
    let code = match why {
        XlsxError::Password => "import.password",
        _ => "import.not-a-spreadsheet",
    };
    error(file, code, message::NOT_A_SPREADSHEET.fill(lang, &[&why]))
}

fn damaged(file: &str, sheet: &str, why: &dyn std::fmt::Display, lang: Lang) -> ReadError {
    error(
        file,
        "import.damaged",
        message::DAMAGED_SHEET.fill(lang, &[&sheet, &why]),
    )
}

/// A date and time of a spreadsheet, from its parts; a day when the time is
/// midnight.
fn date_cell(value: &ExcelDateTime) -> Cell {
    let (year, month, day, hour, minute, second, milli) = value.to_ymd_hms_milli();
    if value.is_duration() {
        // A duration (`[h]:mm`) is no date; shown as the spreadsheet shows it.
        let hours = value.as_duration().map_or(0, |d| d.num_hours());
        return Cell::Text(format!("{hours}:{minute:02}:{second:02}"));
    }
    let Some(date) = NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
    else {
        // Excel's 1900-02-29, which never was.
        return Cell::Error("#DATE!".to_owned());
    };
    if (hour, minute, second, milli) == (0, 0, 0, 0) {
        return Cell::Date(date);
    }
    date.and_hms_milli_opt(
        u32::from(hour),
        u32::from(minute),
        u32::from(second),
        u32::from(milli),
    )
    .map_or_else(|| Cell::Date(date), Cell::DateTime)
}

/// An ISO 8601 date or date and time as a cell (a day at midnight).
fn iso_cell(text: &str) -> Cell {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Cell::Date(date);
    }
    match NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        Ok(at) if at.time() == chrono::NaiveTime::MIN => Cell::Date(at.date()),
        Ok(at) => Cell::DateTime(at),
        Err(_) => Cell::Text(text.to_owned()),
    }
}

/// A cell's value as the import sees it; numbers as the shortest decimal
/// text that reads back to the stored binary value (Rust's `Display` of a
/// double: `1234.56`, never `1234.5599999`, and never an exponent).
fn cell(value: DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(n) => Cell::Number(n.to_string()),
        DataRef::Float(x) => {
            let text = x.to_string();
            if text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
            {
                Cell::Number(text)
            } else {
                Cell::Error("#NUM!".to_owned())
            }
        }
        DataRef::String(s) => Cell::Text(s),
        DataRef::SharedString(s) => Cell::Text(s.to_owned()),
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::DateTime(d) => date_cell(&d),
        DataRef::DateTimeIso(s) => iso_cell(&s),
        DataRef::DurationIso(s) => Cell::Text(s),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Puts a cell at its place, growing the rows (from row 1, column A) to it.
fn put(rows: &mut Vec<Vec<Cell>>, row: u32, column: u32, value: Cell) {
    let (Ok(r), Ok(c)) = (usize::try_from(row), usize::try_from(column)) else {
        return;
    };
    if rows.len() <= r {
        rows.resize_with(r + 1, Vec::new);
    }
    let cells = &mut rows[r];
    if cells.len() <= c {
        cells.resize(c + 1, Cell::Empty);
    }
    cells[c] = value;
}

fn sheet(
    file: &str,
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    budget: &mut usize,
    lang: Lang,
) -> Result<Vec<Vec<Cell>>, ReadError> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let too_large = || {
        error(
            file,
            "import.too-large",
            message::SHEET_TOO_LARGE.fill(lang, &[&name, &MAX_COLUMNS, &MAX_CELLS]),
        )
    };
    {
        let mut reader = book
            .worksheet_cells_reader(name)
            .map_err(|e| damaged(file, name, &e, lang))?;
        while let Some(found) = reader
            .next_cell()
            .map_err(|e| damaged(file, name, &e, lang))?
        {
            let (row, column) = found.get_position();
            let value = cell(found.get_value().clone());
            if value == Cell::Empty {
                continue;
            }
            if column >= MAX_COLUMNS {
                return Err(too_large());
            }
            *budget = budget.checked_sub(1).ok_or_else(&too_large)?;
            put(&mut rows, row, column, value);
        }
    }
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| damaged(file, name, &e, lang))?;
    while let Some(found) = reader
        .next_formula()
        .map_err(|e| damaged(file, name, &e, lang))?
    {
        let (row, column) = found.get_position();
        let formula = found.get_value();
        if formula.is_empty() {
            continue;
        }
        if column >= MAX_COLUMNS {
            return Err(too_large());
        }
        put(&mut rows, row, column, Cell::Formula(formula.clone()));
    }
    Ok(rows)
}

pub(super) fn read(file: &str, bytes: &[u8], lang: Lang) -> Result<Workbook, ReadError> {
    // calamine 0.35 can panic on a damaged file (an inverted `dimension`
    // range underflows in its arithmetic); such a file is damaged, not a
    // crash of the program that reads it. The reading touches nothing but
    // its own values, so unwinding out of it leaves no broken state.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_unguarded(file, bytes, lang)
    }))
    .unwrap_or_else(|_| {
        Err(damaged(
            file,
            "",
            &"the reader of XLSX files failed on it",
            lang,
        ))
    })
}

fn read_unguarded(file: &str, bytes: &[u8], lang: Lang) -> Result<Workbook, ReadError> {
    let mut book: Xlsx<Cursor<&[u8]>> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| not_a_spreadsheet(file, &e, lang))?;
    book.load_merged_regions()
        .map_err(|e| damaged(file, "", &e, lang))?;
    let metadata: Vec<calamine::Sheet> = book.sheets_metadata().to_vec();
    let mut budget = MAX_CELLS;
    let mut sheets = Vec::new();
    for meta in metadata {
        // A hidden sheet (the template's lists of values) holds no facts.
        if meta.visible != SheetVisible::Visible || meta.typ != SheetType::WorkSheet {
            continue;
        }
        let rows = sheet(file, &mut book, &meta.name, &mut budget, lang)?;
        let merged = book
            .merged_regions_by_sheet(&meta.name)
            .into_iter()
            .map(|(_, _, d)| Merged {
                first_row: d.start.0,
                first_column: d.start.1,
                last_row: d.end.0,
                last_column: d.end.1,
            })
            .collect();
        sheets.push(Sheet {
            name: meta.name,
            rows,
            merged,
        });
    }
    Ok(Workbook {
        file: file.to_owned(),
        sheets,
        dialect: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime as Written, Format, Workbook as Writer};

    /// A workbook of one sheet `spotkanie` and a hidden sheet of lists.
    fn workbook() -> Vec<u8> {
        let mut book = Writer::new();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
        let sheet = book.add_worksheet();
        sheet.set_name("spotkanie").expect("a name");
        sheet.write_string(0, 0, "Data").expect("written");
        sheet.write_string(0, 1, "Kwota").expect("written");
        sheet.write_string(0, 2, "Dni").expect("written");
        let day = Written::from_ymd(2020, 2, 11).expect("a day");
        sheet
            .write_datetime_with_format(1, 0, &day, &date)
            .expect("written");
        sheet.write_number(1, 1, 1234.56).expect("written");
        sheet.write_number(1, 2, 3).expect("written");
        let at = day.clone().and_hms(14, 30, 0).expect("a time");
        sheet
            .write_datetime_with_format(2, 0, &at, &time)
            .expect("written");
        sheet.write_formula(2, 1, "=B2*2").expect("written");
        sheet.write_boolean(2, 2, true).expect("written");
        sheet
            .merge_range(3, 0, 4, 1, "scalone", &Format::new())
            .expect("merged");
        sheet.write_string(6, 4, "daleko").expect("written");
        let lists = book.add_worksheet();
        lists.set_name("listy").expect("a name");
        lists.write_string(0, 0, "indywidualny").expect("written");
        lists.set_hidden(true);
        book.save_to_buffer().expect("saved")
    }

    fn read_book() -> Workbook {
        read("f.xlsx", &workbook(), Lang::En).expect("reads")
    }

    #[test]
    fn every_visible_sheet_is_read_and_a_hidden_one_is_not() {
        let names: Vec<String> = read_book().sheets.into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["spotkanie"]);
    }

    #[test]
    fn cells_keep_their_types() {
        let book = read_book();
        let rows = &book.sheets[0].rows;
        assert_eq!(rows[0][0], Cell::Text("Data".into()));
        let day = NaiveDate::from_ymd_opt(2020, 2, 11).expect("a day");
        assert_eq!(rows[1][0], Cell::Date(day));
        assert_eq!(rows[1][1], Cell::Number("1234.56".into()));
        assert_eq!(rows[1][2], Cell::Number("3".into()));
        let at = day.and_hms_opt(14, 30, 0).expect("a time");
        assert_eq!(rows[2][0], Cell::DateTime(at));
        assert_eq!(rows[2][2], Cell::Bool(true));
    }

    #[test]
    fn a_formula_is_a_formula_not_its_cached_value() {
        let book = read_book();
        assert!(
            matches!(&book.sheets[0].rows[2][1], Cell::Formula(f) if f.contains("B2*2")),
            "{:?}",
            book.sheets[0].rows[2][1]
        );
    }

    #[test]
    fn merged_ranges_are_read() {
        let book = read_book();
        assert_eq!(
            book.sheets[0].merged,
            [Merged {
                first_row: 3,
                first_column: 0,
                last_row: 4,
                last_column: 1
            }]
        );
    }

    #[test]
    fn rows_start_at_row_1_and_column_a() {
        let book = read_book();
        let rows = &book.sheets[0].rows;
        assert_eq!(rows.len(), 7);
        assert_eq!(rows[6][4], Cell::Text("daleko".into()));
        assert_eq!(rows[6][0], Cell::Empty);
    }

    #[test]
    fn a_cut_off_workbook_is_refused_not_a_panic() {
        let bytes = workbook();
        for end in [10, bytes.len() / 3, bytes.len() / 2, bytes.len() - 10] {
            let err = read("f.xlsx", &bytes[..end], Lang::En).expect_err("refused");
            assert!(err.code.starts_with("import."), "{err:?}");
        }
    }

    #[test]
    fn bytes_that_are_not_a_zip_archive_are_not_a_spreadsheet() {
        let err = read("f.xlsx", b"PK\x03\x04 not really", Lang::En).expect_err("refused");
        assert_eq!(err.code, "import.not-a-spreadsheet");
        assert_eq!(err.file, "f.xlsx");
    }

    #[test]
    fn an_iso_date_at_midnight_is_a_day() {
        assert_eq!(
            iso_cell("2020-02-11T00:00:00"),
            Cell::Date(NaiveDate::from_ymd_opt(2020, 2, 11).expect("a day"))
        );
    }

    #[test]
    fn a_number_is_the_shortest_text_of_its_double() {
        assert_eq!(
            cell(DataRef::Float(1234.56)),
            Cell::Number("1234.56".into())
        );
        assert_eq!(
            cell(DataRef::Float(0.300_000_000_000_000_04)),
            Cell::Number("0.30000000000000004".into())
        );
        assert_eq!(
            cell(DataRef::Float(1e21)),
            Cell::Number("1000000000000000000000".into())
        );
        assert_eq!(cell(DataRef::Int(3)), Cell::Number("3".into()));
    }
}
