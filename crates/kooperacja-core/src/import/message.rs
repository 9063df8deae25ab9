//! The messages of the import, in Polish and English: what [`import`](super::import)
//! says of a bad cell, row, column or sheet, and of a file it cannot read.
//!
//! Each entry's doc line says what its placeholders stand for. No placeholder
//! is ever filled with a value of a person column or with a value that may be
//! personal data ([`quoted`] says "a value not shown" instead).
//!
//! ```
//! use kooperacja_core::import::message;
//! use kooperacja_core::present::Lang;
//! assert_eq!(
//!     message::FORMULA.get(Lang::En),
//!     "the cell holds a formula; enter the value itself, not a formula"
//! );
//! assert_eq!(message::quoted(Lang::En, "85010112345"), "(a value not shown, as it may be personal data)");
//! assert_eq!(message::quoted(Lang::Pl, "spotkanie"), "„spotkanie”");
//! ```

use crate::facts::{bounded, may_be_personal};
use crate::present::{Lang, Text};

/// A value, quoted and bounded, or a note that it is not shown when it may be
/// personal data.
pub fn quoted(lang: Lang, text: &str) -> String {
    if may_be_personal(text) {
        NOT_SHOWN.get(lang).to_owned()
    } else {
        quoted_always(lang, text)
    }
}

/// A text quoted and bounded, for a text that is no value (a header).
///
/// ```
/// use kooperacja_core::import::message::quoted_always;
/// use kooperacja_core::present::Lang;
/// assert_eq!(quoted_always(Lang::En, "kolor sali"), "\"kolor sali\"");
/// ```
pub fn quoted_always(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Pl => format!("„{}”", bounded(text)),
        Lang::En => format!("\"{}\"", bounded(text)),
    }
}

/// In place of a value that may be personal data.
pub const NOT_SHOWN: Text = Text::new(
    "(wartość niepokazana, bo może być daną osobową)",
    "(a value not shown, as it may be personal data)",
);

// ---------------------------------------------------------------------------
// Files

/// Bytes that are not an XLSX workbook: `{0}` the reader's reason.
pub const NOT_A_SPREADSHEET: Text = Text::new(
    "to nie jest skoroszyt XLSX ani plik CSV, którego da się odczytać ({0}); zapisz arkusz jako XLSX albo CSV",
    "this is not an XLSX workbook nor a readable CSV file ({0}); save the sheet as XLSX or CSV",
);
/// A workbook with a sheet that cannot be read: `{0}` the sheet, `{1}` the reason.
pub const DAMAGED_SHEET: Text = Text::new(
    "nie można odczytać arkusza {0} ({1}); plik może być uszkodzony",
    "the sheet {0} cannot be read ({1}); the file may be damaged",
);
/// A sheet over the import's limits: `{0}` the sheet, `{1}` the most
/// columns, `{2}` the most cells.
pub const SHEET_TOO_LARGE: Text = Text::new(
    "arkusz {0} jest za duży do importu: arkusz faktów ma najwyżej {1} kolumn i {2} wypełnionych komórek",
    "the sheet {0} is too large to import: a sheet of facts has at most {1} columns and {2} cells with a value",
);
/// A text file in UTF-16 (Excel's "Unicode text").
pub const UTF16: Text = Text::new(
    "plik jest zapisany w UTF-16 („Tekst Unicode”); zapisz go jako CSV (rozdzielany średnikami) albo CSV UTF-8",
    "the file is in UTF-16 (\"Unicode text\"); save it as CSV (semicolon- or comma-separated) or CSV UTF-8",
);
/// A CSV file the CSV reader refuses: `{0}` the reason.
pub const BAD_CSV: Text = Text::new(
    "nie można odczytać pliku CSV: {0}",
    "the CSV file cannot be read: {0}",
);

// ---------------------------------------------------------------------------
// Sheets and kinds

/// The kind given for the import is not one of the project's: `{0}` the kind
/// given, `{1}` the kinds.
pub const UNKNOWN_KIND_OPTION: Text = Text::new(
    "projekt nie ma rodzaju faktów {0}; rodzaje: {1}",
    "the project has no kind of fact {0}; the kinds: {1}",
);
/// A sheet whose kind is not known: `{0}` the kinds.
pub const NO_KIND: Text = Text::new(
    "nie wiadomo, jakiego rodzaju są fakty tego arkusza: nazwij arkusz rodzajem faktów, dodaj kolumnę „Rodzaj” albo podaj rodzaj przy imporcie; rodzaje: {0}",
    "the kind of this sheet's facts is not known: name the sheet after the kind, add a \"Kind\" column or give the kind to the import; the kinds: {0}",
);
/// A kind cell naming no kind: `{0}` the value, `{1}` the kinds.
pub const UNKNOWN_KIND: Text = Text::new(
    "nieznany rodzaj faktów {0}; rodzaje: {1}",
    "unknown kind of fact {0}; the kinds: {1}",
);
/// A kind cell naming another kind than the sheet's: `{0}` the sheet's kind.
pub const OTHER_KIND: Text = Text::new(
    "ten arkusz zawiera fakty rodzaju {0}; wiersz innego rodzaju wpisz w jego arkuszu",
    "this sheet holds facts of the kind {0}; enter a row of another kind in its own sheet",
);
/// A sheet skipped (not a kind's sheet, while others are): `{0}` the sheet.
pub const SHEET_SKIPPED: Text = Text::new(
    "pominięto arkusz {0}: jego nazwa nie jest rodzajem faktów, a inne arkusze są nazwane rodzajami",
    "the sheet {0} is skipped: its name is not a kind of fact, and other sheets are named after kinds",
);
/// The dialect a CSV file was read in: `{0}` the separator, `{1}` the
/// encoding (`UTF-8`, [`UTF8_BOM`], `Windows-1250`).
pub const DIALECT: Text = Text::new(
    "odczytano jako CSV: separator „{0}”, kodowanie {1}",
    "read as CSV: separator \"{0}\", encoding {1}",
);
/// UTF-8 with a byte-order mark, in [`DIALECT`].
pub const UTF8_BOM: Text = Text::new("UTF-8 ze znacznikiem BOM", "UTF-8 with a byte-order mark");
/// A row above the headers that names no field, skipped.
pub const TITLE_ROW: Text = Text::new(
    "pominięto wiersz nad nagłówkami (tytuł: nie nazywa żadnego pola)",
    "a row above the headers is skipped (a title: it names no field)",
);
/// A row whose fact was read already (the same id and content, in another
/// file given twice or under one id in an id column).
pub const REPEATED: Text = Text::new(
    "ten wiersz powtarza fakt już odczytany (ten sam identyfikator i treść); liczy się raz",
    "this row repeats a fact already read (the same id and content); it counts once",
);
/// An empty row skipped.
pub const EMPTY_ROW: Text = Text::new("pominięto pusty wiersz", "an empty row is skipped");
/// No organisation for the facts.
pub const NO_BY: Text = Text::new(
    "nie wiadomo, która organizacja zapisuje te fakty: dodaj kolumnę „Organizacja” albo podaj organizację przy imporcie",
    "the organisation recording these facts is not known: add an \"Organisation\" column or give the organisation to the import",
);

// ---------------------------------------------------------------------------
// Headers

/// A header that names no field: `{0}` the header, `{1}` the columns a sheet
/// of this kind may have.
pub const UNKNOWN_HEADER: Text = Text::new(
    "nagłówek {0} nie jest polem faktu; kolumny: {1}",
    "the header {0} names no field of the fact; the columns: {1}",
);
/// A column with values and no header.
pub const NO_HEADER: Text = Text::new(
    "kolumna ma wartości, ale nie ma nagłówka; wpisz w pierwszym wierszu nazwę pola",
    "the column holds values but has no header; write the field's name in the first row",
);
/// A field given twice: `{0}` the column letter of the first.
pub const HEADER_TWICE: Text = Text::new(
    "to pole ma już kolumnę {0}; każde pole ma jedną kolumnę",
    "this field already has the column {0}; each field has one column",
);
/// A column whose header is a personal-data name.
pub const PERSONAL_COLUMN: Text = Text::new(
    "kolumna o tym nagłówku zawiera dane osobowe, których nie zapisujemy; usuń ją (osoby zapisuje się kluczem pseudonimowym w kolumnie pola typu osoba)",
    "a column of this header holds personal data, which is never recorded; remove it (persons are recorded by a pseudonymous key in a person field's column)",
);
/// A required field without a column: `{0}` the field's header.
pub const MISSING_COLUMN: Text = Text::new(
    "brak kolumny {0}, wymaganej w każdym fakcie tego rodzaju",
    "no column {0}, which every fact of this kind needs",
);

// ---------------------------------------------------------------------------
// Cells

/// A formula cell.
pub const FORMULA: Text = Text::new(
    "komórka zawiera formułę; wpisz samą wartość, nie formułę",
    "the cell holds a formula; enter the value itself, not a formula",
);
/// An error cell: `{0}` the error (`#DIV/0!`).
pub const CELL_ERROR: Text = Text::new(
    "komórka zawiera błąd {0}; wpisz wartość",
    "the cell holds the error {0}; enter a value",
);
/// A merged range over the data rows: `{0}` the range (`B3:B5`).
pub const MERGED: Text = Text::new(
    "komórki {0} są scalone; rozdziel je i wpisz wartość w każdym wierszu",
    "the cells {0} are merged; unmerge them and enter the value in each row",
);
/// A true/false cell.
pub const BOOL: Text = Text::new(
    "komórka ma wartość logiczną (PRAWDA/FAŁSZ); wpisz wartość pola",
    "the cell holds a true/false value; enter the field's value",
);
/// A required field empty in a row.
pub const MISSING_VALUE: Text = Text::new(
    "brak wartości; to pole jest wymagane",
    "no value; this field is required",
);
/// A date that is not one: `{0}` the value.
pub const NOT_A_DATE: Text = Text::new(
    "{0} nie jest datą; wpisz datę jako 2020-02-11 albo 11.02.2020",
    "{0} is not a date; enter the date as 2020-02-11 or 11.02.2020",
);
/// A date with no such day: `{0}` the value.
pub const NO_SUCH_DAY: Text = Text::new(
    "{0}: nie ma takiego dnia w kalendarzu",
    "{0}: there is no such day in the calendar",
);
/// A date as text in a form that may be read two ways: `{0}` the value.
pub const DATE_AS_TEXT: Text = Text::new(
    "data {0} jest wpisana jako tekst w postaci, którą można odczytać na dwa sposoby; wpisz ją jako datę albo jako 2020-02-11 lub 11.02.2020",
    "the date {0} is text in a form that reads two ways; enter it as a date cell or as 2020-02-11 or 11.02.2020",
);
/// A number in a date column.
pub const DATE_AS_NUMBER: Text = Text::new(
    "komórka zawiera liczbę, a nie datę; sformatuj ją jako datę albo wpisz 2020-02-11",
    "the cell holds a number, not a date; format it as a date or enter 2020-02-11",
);
/// An amount that is not one: `{0}` the value.
pub const NOT_AN_AMOUNT: Text = Text::new(
    "{0} nie jest kwotą; wpisz kwotę jak 1234,56 albo 1 234,56 zł",
    "{0} is not an amount; enter the amount as 1234.56 or 1 234,56 zł",
);
/// An amount with more than two decimal places: `{0}` the value.
pub const AMOUNT_PRECISION: Text = Text::new(
    "kwota {0} ma więcej niż dwa miejsca po przecinku; kwoty podaje się z dokładnością do grosza",
    "the amount {0} has more than two decimal places; amounts are exact to the grosz",
);
/// Not a whole number: `{0}` the value.
pub const NOT_A_WHOLE_NUMBER: Text = Text::new(
    "{0} nie jest liczbą całkowitą od 0; wpisz liczbę, np. 3",
    "{0} is not a whole number from 0; enter a number such as 3",
);
/// Not hours: `{0}` the value.
pub const NOT_HOURS: Text = Text::new(
    "{0} nie jest liczbą godzin; wpisz liczbę od 0 z co najwyżej dwoma miejscami po przecinku, np. 1,5",
    "{0} is not a number of hours; enter a number from 0 with at most two decimal places, such as 1.5",
);
/// A value not in the field's list: `{0}` the value, `{1}` the allowed values.
pub const UNKNOWN_VALUE: Text = Text::new(
    "{0} nie jest wartością tego pola; wartości: {1}",
    "{0} is not a value of this field; the values: {1}",
);
/// A number in a person column.
pub const PERSON_NUMBER: Text = Text::new(
    "komórka kolumny osób zawiera liczbę; osobę zapisuje się kluczem pseudonimowym (np. k-0157), wpisanym jako tekst",
    "a person column's cell holds a number; a person is recorded by a pseudonymous key (such as k-0157), entered as text",
);
/// A person value that is not a key (spaces, letters outside ASCII, too long).
pub const NOT_A_PERSON_KEY: Text = Text::new(
    "to nie jest klucz osoby: klucz ma od 1 do 64 znaków, tylko litery ASCII, cyfry, „-” i „_” (np. k-0157); osób nie zapisuje się z imienia i nazwiska",
    "this is not a person key: a key has 1 to 64 characters, only ASCII letters, digits, '-' and '_' (such as k-0157); persons are never recorded by name",
);
/// One cell of a column that looks like a PESEL number or a name.
pub const PERSONAL_DATA_CELL: Text = Text::new(
    "wartość wygląda na numer PESEL albo imię lub nazwisko; zapisz zamiast niej klucz pseudonimowy (np. k-0157)",
    "the value looks like a PESEL number or a name; record a pseudonymous key (such as k-0157) instead",
);
/// Several cells of a column that look like PESEL numbers or names: `{0}`
/// the column letter, `{1}` the rows.
pub const PERSONAL_DATA_COLUMN: Text = Text::new(
    "kolumna {0} zawiera wartości wyglądające na numery PESEL albo imiona lub nazwiska (wiersze {1}); zapisz zamiast nich klucze pseudonimowe",
    "the column {0} holds values that look like PESEL numbers or names (rows {1}); record pseudonymous keys instead",
);
/// One cell of a column other than a person's holding a valid PESEL number.
pub const PESEL_CELL: Text = Text::new(
    "wartość jest poprawnym numerem PESEL; numerów PESEL nie zapisujemy",
    "the value is a valid PESEL number; PESEL numbers are never recorded",
);
/// Several cells holding valid PESEL numbers: `{0}` the column, `{1}` the rows.
pub const PESEL_COLUMN: Text = Text::new(
    "kolumna {0} zawiera poprawne numery PESEL (wiersze {1}); numerów PESEL nie zapisujemy",
    "the column {0} holds valid PESEL numbers (rows {1}); PESEL numbers are never recorded",
);
/// A bad id (organisation, group, institution, fact id): `{0}` the value,
/// `{1}` the reason.
pub const NOT_AN_ID: Text = Text::new(
    "{0} nie jest identyfikatorem: {1}",
    "{0} is not an identifier: it {1}",
);
/// Not a TERYT code: `{0}` the value.
pub const NOT_TERYT: Text = Text::new(
    "{0} nie jest kodem TERYT: kod ma 2 cyfry (województwo), 4 (powiat) albo 7 (gmina), np. 0410033, wpisane jako tekst",
    "{0} is not a TERYT code: a code has 2 digits (voivodeship), 4 (powiat) or 7 (gmina), such as 0410033, entered as text",
);
/// A value in a column of a field the row's kind does not have: `{0}` the kind.
pub const NOT_OF_KIND: Text = Text::new(
    "fakt rodzaju {0} nie ma tego pola; zostaw komórkę pustą",
    "a fact of the kind {0} has no such field; leave the cell empty",
);
/// None of the fields a kind needs one of: `{0}` the fields' headers.
pub const ONE_OF: Text = Text::new(
    "wypełnij co najmniej jedno z pól: {0}",
    "fill in at least one of: {0}",
);
/// A row that is not a fact of its kind: `{0}` the reader's reason (English).
pub const INVALID_FACT: Text = Text::new(
    "wiersz nie jest faktem swojego rodzaju: {0}",
    "the row is not a fact of its kind: {0}",
);
/// A fact that does not fit the project: `{0}` the finding's message
/// (English), `{1}` its code.
pub const DOES_NOT_FIT: Text = Text::new(
    "fakt nie pasuje do projektu: {0} ({1})",
    "the fact does not fit the project: {0} ({1})",
);
