//! The import itself: the sheets' kinds, their headers mapped to fields,
//! every row read into a fact and checked, every problem kept.

use std::collections::HashMap;
use std::rc::Rc;

use super::cells::{self, Context, Personal, Reading, Type};
use super::{
    Cell, CellProblem, CellRef, Encoding, ImportNote, ImportOptions, Imported, Sheet, Workbook,
    base_header, message,
};
use crate::fact_check::FactCheck;
use crate::facts::{Fact, Record, Shape, content_id};
use crate::present::{Lang, Text, label};
use crate::project::Project;
use crate::pseudonym::PseudonymKey;
use crate::validate::Severity;
use crate::vocabulary::{BASE_FIELDS, FactKindDecl, Vocabulary};

/// The headers of a column that holds personal data, which no sheet may have
/// (compared trimmed and ignoring case): a column of one of these names is
/// refused before any of its cells is read, unless the project declares a
/// field of that name.
///
/// ```
/// use kooperacja_core::import::PERSONAL_HEADERS;
/// assert!(PERSONAL_HEADERS.contains(&"pesel"));
/// assert!(PERSONAL_HEADERS.contains(&"data urodzenia"));
/// ```
pub const PERSONAL_HEADERS: &[&str] = &[
    "pesel",
    "nr pesel",
    "numer pesel",
    "imię",
    "imie",
    "imiona",
    "nazwisko",
    "imię i nazwisko",
    "imie i nazwisko",
    "nazwisko i imię",
    "name",
    "first name",
    "given name",
    "forename",
    "last name",
    "surname",
    "family name",
    "full name",
    "adres",
    "adres zamieszkania",
    "address",
    "telefon",
    "nr telefonu",
    "numer telefonu",
    "phone",
    "phone number",
    "telephone",
    "e-mail",
    "email",
    "adres e-mail",
    "mail",
    "data urodzenia",
    "date of birth",
    "birth date",
];

/// The names of the sheets of instructions a template has, which hold no
/// facts and are not read (compared trimmed and ignoring case).
///
/// ```
/// use kooperacja_core::import::INSTRUCTION_SHEETS;
/// assert_eq!(INSTRUCTION_SHEETS, ["instrukcja", "instructions"]);
/// ```
pub const INSTRUCTION_SHEETS: &[&str] = &["instrukcja", "instructions"];

/// How many rows a problem of a whole column lists (then `…`).
const LISTED_ROWS: usize = 20;

/// How many non-empty rows above the headers may be a title (rows that name
/// no field).
const TITLE_ROWS: usize = 5;

/// Other headers of base fields, besides their ids and their names in the
/// catalogue ([`base_header`]).
const BASE_ALIASES: &[(&str, &str)] = &[
    ("territory", "teryt"),
    ("territory", "kod teryt"),
    ("id", "identifier"),
];

/// A header as compared: trimmed, lower case, without a trailing `*` or `:`.
fn normal(header: &str) -> String {
    header
        .trim()
        .trim_end_matches(['*', ':'])
        .trim()
        .to_lowercase()
}

/// The column letters of a 0-based column index (`A`, `Z`, `AA`).
pub(super) fn column_letter(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The kind a name (a sheet's, a kind cell's) names: its id or its Polish
/// or English name, trimmed and ignoring case.
fn kind_named<'v>(vocabulary: &'v Vocabulary, name: &str) -> Option<&'v FactKindDecl> {
    vocabulary.kinds().iter().find(|k| {
        cells::names(
            name,
            &[
                &k.id,
                vocabulary.kind_label(&k.id, Lang::Pl),
                vocabulary.kind_label(&k.id, Lang::En),
            ],
        )
    })
}

/// The field a header names, among the base fields and the fields of `kinds`.
fn header_field(header: &str, kinds: &[&FactKindDecl]) -> Option<String> {
    let header = normal(header);
    for base in BASE_FIELDS {
        let mut names = vec![base.to_owned()];
        names.extend(
            Lang::ALL
                .iter()
                .filter_map(|l| base_header(base, *l))
                .map(normal),
        );
        names.extend(
            BASE_ALIASES
                .iter()
                .filter(|(b, _)| *b == base)
                .map(|(_, a)| (*a).to_owned()),
        );
        if names.contains(&header) {
            return Some(base.to_owned());
        }
    }
    kinds
        .iter()
        .flat_map(|k| &k.fields)
        .find(|f| {
            normal(&f.id) == header || Lang::ALL.iter().any(|l| normal(f.label(*l)) == header)
        })
        .map(|f| f.id.clone())
}

/// The headers a sheet of these kinds may have, for a message.
fn known_headers(kinds: &[&FactKindDecl], lang: Lang) -> String {
    let mut names: Vec<String> = BASE_FIELDS
        .iter()
        .filter(|b| **b != "kind" || kinds.len() > 1)
        .filter_map(|b| base_header(b, lang))
        .map(str::to_owned)
        .collect();
    for field in kinds.iter().flat_map(|k| &k.fields) {
        let name = super::field_header(field, lang).to_owned();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

/// A problem or a note before it is placed in order.
#[derive(Debug)]
struct Placed<T> {
    order: (usize, usize, Option<u32>, Option<u32>),
    item: T,
}

/// Everything the import found, placed.
struct Report<'a> {
    lang: Lang,
    problems: Vec<Placed<CellProblem>>,
    notes: Vec<Placed<ImportNote>>,
    book: usize,
    sheet: usize,
    file: &'a str,
    sheet_name: &'a str,
    headers: Vec<Option<String>>,
}

impl<'a> Report<'a> {
    fn at(
        &self,
        row: Option<u32>,
        column: Option<u32>,
    ) -> (CellRef, (usize, usize, Option<u32>, Option<u32>)) {
        let header = column
            .and_then(|c| self.headers.get(usize::try_from(c).ok()?).cloned())
            .flatten()
            .filter(|h| !cells::header_may_be_personal(h));
        (
            CellRef {
                file: self.file.to_owned(),
                sheet: self.sheet_name.to_owned(),
                row: row.map(|r| r.saturating_add(1)),
                column: column.map(column_letter),
                header,
            },
            (self.book, self.sheet, row, column),
        )
    }

    fn problem(
        &mut self,
        row: Option<u32>,
        column: Option<u32>,
        code: &'static str,
        message: String,
    ) {
        let (at, order) = self.at(row, column);
        self.problems.push(Placed {
            order,
            item: CellProblem { at, code, message },
        });
    }

    fn text(
        &mut self,
        row: Option<u32>,
        column: Option<u32>,
        code: &'static str,
        text: Text,
        args: &[&dyn std::fmt::Display],
    ) {
        let message = text.fill(self.lang, args);
        self.problem(row, column, code, message);
    }

    fn note(
        &mut self,
        row: Option<u32>,
        code: &'static str,
        text: Text,
        args: &[&dyn std::fmt::Display],
    ) {
        let (at, order) = self.at(row, None);
        self.notes.push(Placed {
            order,
            item: ImportNote {
                at,
                code,
                message: text.fill(self.lang, args),
            },
        });
    }
}

/// What a column is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    /// A field (a base field or a declared one), by id.
    Field(String),
    /// Not read: no header and no value, or refused (its problem reported).
    Skipped,
}

/// A fact read from a row, before its id and its check.
struct Row {
    book: usize,
    sheet: usize,
    row: u32,
    at: CellRef,
    columns: Rc<HashMap<String, u32>>,
    headers: Rc<Vec<Option<String>>>,
    fact: Fact,
    /// The note cell's text, kept beside the fact (a fact has no note).
    note: Option<String>,
    has_id: bool,
}

/// The sheets of a workbook to read, each with its kind (`None`: a kind
/// column says).
fn sheets_of<'v>(
    book: &'v Workbook,
    vocabulary: &'v Vocabulary,
    fixed: Option<&'v FactKindDecl>,
    report: &mut Report<'v>,
) -> Vec<(usize, &'v Sheet, Option<&'v FactKindDecl>)> {
    let candidates: Vec<(usize, &Sheet)> = book
        .sheets
        .iter()
        .enumerate()
        .filter(|(_, s)| !INSTRUCTION_SHEETS.contains(&normal(&s.name).as_str()))
        .filter(|(_, s)| s.rows.iter().any(|r| r.iter().any(|c| !cells::is_empty(c))))
        .collect();
    let named: Vec<(usize, &Sheet, &FactKindDecl)> = if book.dialect.is_some() {
        Vec::new()
    } else {
        candidates
            .iter()
            .filter_map(|(i, s)| kind_named(vocabulary, &s.name).map(|k| (*i, *s, k)))
            .filter(|(_, _, k)| fixed.is_none_or(|f| f.id == k.id))
            .collect()
    };
    if named.is_empty() {
        return candidates.into_iter().map(|(i, s)| (i, s, fixed)).collect();
    }
    for (i, sheet) in &candidates {
        if !named.iter().any(|(j, _, _)| j == i) {
            report.sheet = *i;
            report.sheet_name = &sheet.name;
            report.headers = Vec::new();
            report.note(
                None,
                "import.sheet-skipped",
                message::SHEET_SKIPPED,
                &[&sheet.name],
            );
        }
    }
    named.into_iter().map(|(i, s, k)| (i, s, Some(k))).collect()
}

/// Reads one sheet's rows into facts (without their ids yet), reporting
/// every problem.
#[allow(clippy::too_many_lines)]
fn read_sheet<'v>(
    sheet: &'v Sheet,
    fixed: Option<&'v FactKindDecl>,
    context: &Context<'v>,
    options: &ImportOptions,
    report: &mut Report<'v>,
    rows_out: &mut Vec<Row>,
) {
    let lang = context.lang;
    let vocabulary = context.vocabulary;
    let Some(first_row) = sheet
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !cells::is_empty(c)))
    else {
        return;
    };
    let kinds: Vec<&FactKindDecl> = match fixed {
        Some(k) => vec![k],
        None => vocabulary.kinds().iter().collect(),
    };
    // The headers are the first non-empty row, unless it names no field and
    // one of the next few non-empty rows does: the rows above are a title.
    let names_a_field = |row: &Vec<Cell>| {
        row.iter()
            .filter_map(cells::cell_text)
            .any(|h| header_field(&h, &kinds).is_some())
    };
    let header_row = sheet
        .rows
        .iter()
        .enumerate()
        .skip(first_row)
        .filter(|(_, r)| r.iter().any(|c| !cells::is_empty(c)))
        .take(TITLE_ROWS + 1)
        .find(|(_, r)| names_a_field(r))
        .map_or(first_row, |(i, _)| i);
    for r in first_row..header_row {
        if sheet.rows[r].iter().any(|c| !cells::is_empty(c)) {
            let row = u32::try_from(r).unwrap_or(u32::MAX);
            report.note(Some(row), "import.title-row", message::TITLE_ROW, &[]);
        }
    }
    let last_row = sheet
        .rows
        .iter()
        .rposition(|r| r.iter().any(|c| !cells::is_empty(c)))
        .unwrap_or(header_row);
    let header_index = u32::try_from(header_row).unwrap_or(u32::MAX);
    let width = sheet.rows[header_row..=last_row]
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let cell = |row: usize, column: usize| sheet.rows.get(row).and_then(|r| r.get(column));
    let headers: Vec<Option<String>> = (0..width)
        .map(|c| cell(header_row, c).and_then(cells::cell_text))
        .collect();
    report.headers = headers.clone();
    let column_has_values = |c: usize| {
        (header_row + 1..=last_row).any(|r| cell(r, c).is_some_and(|x| !cells::is_empty(x)))
    };

    // The headers.
    let mut columns: Vec<Column> = Vec::with_capacity(width);
    let mut by_field: HashMap<String, u32> = HashMap::new();
    for (c, header) in headers.iter().enumerate() {
        let index = u32::try_from(c).unwrap_or(u32::MAX);
        let head_cell = cell(header_row, c);
        match head_cell {
            Some(Cell::Formula(_)) => {
                report.text(
                    Some(header_index),
                    Some(index),
                    "import.formula",
                    message::FORMULA,
                    &[],
                );
                columns.push(Column::Skipped);
                continue;
            }
            Some(Cell::Error(e)) => {
                let e = crate::facts::bounded(e);
                report.text(
                    Some(header_index),
                    Some(index),
                    "import.cell-error",
                    message::CELL_ERROR,
                    &[&e],
                );
                columns.push(Column::Skipped);
                continue;
            }
            _ => {}
        }
        let Some(header) = header else {
            if column_has_values(c) {
                report.text(
                    None,
                    Some(index),
                    "import.no-header",
                    message::NO_HEADER,
                    &[],
                );
            }
            columns.push(Column::Skipped);
            continue;
        };
        match header_field(header, &kinds) {
            Some(field) => {
                if let Some(first) = by_field.get(&field) {
                    let first = column_letter(*first);
                    report.text(
                        None,
                        Some(index),
                        "import.header-twice",
                        message::HEADER_TWICE,
                        &[&first],
                    );
                    columns.push(Column::Skipped);
                } else {
                    by_field.insert(field.clone(), index);
                    columns.push(Column::Field(field));
                }
            }
            None if PERSONAL_HEADERS.contains(&normal(header).as_str()) => {
                report.text(
                    None,
                    Some(index),
                    "import.personal-column",
                    message::PERSONAL_COLUMN,
                    &[],
                );
                columns.push(Column::Skipped);
            }
            None => {
                if column_has_values(c) {
                    // A header is a column's name, which the report shows
                    // anyway (`CellRef.header`); one that may be a person's
                    // data typed into the header row is never quoted.
                    let shown = if cells::header_may_be_personal(header) {
                        message::NOT_SHOWN.get(lang).to_owned()
                    } else {
                        message::quoted_always(lang, header)
                    };
                    let known = known_headers(&kinds, lang);
                    report.text(
                        None,
                        Some(index),
                        "import.unknown-header",
                        message::UNKNOWN_HEADER,
                        &[&shown, &known],
                    );
                }
                columns.push(Column::Skipped);
            }
        }
    }

    // The sheet's own problems: the kind, the organisation, required columns.
    let mut sheet_ok = true;
    if fixed.is_none() && !by_field.contains_key("kind") {
        let kinds: Vec<&str> = vocabulary
            .kinds()
            .iter()
            .map(|k| vocabulary.kind_label(&k.id, lang))
            .collect();
        report.text(
            None,
            None,
            "import.no-kind",
            message::NO_KIND,
            &[&kinds.join(", ")],
        );
        sheet_ok = false;
    }
    if !by_field.contains_key("by") && options.by.is_none() {
        report.text(None, None, "import.no-by", message::NO_BY, &[]);
        sheet_ok = false;
    }
    if !by_field.contains_key("date") {
        let name = label::FACT_DATE.get(lang);
        report.text(
            None,
            None,
            "import.missing-column",
            message::MISSING_COLUMN,
            &[&name],
        );
        sheet_ok = false;
    }
    if let Some(kind) = fixed {
        for field in kind
            .fields
            .iter()
            .filter(|f| f.required && f.default.is_none())
        {
            if !by_field.contains_key(&field.id) {
                let name = super::field_header(field, lang);
                report.text(
                    None,
                    None,
                    "import.missing-column",
                    message::MISSING_COLUMN,
                    &[&name],
                );
                sheet_ok = false;
            }
        }
    }

    // Merged ranges over the data rows.
    let first_data = header_index.saturating_add(1);
    let last_index = u32::try_from(last_row).unwrap_or(u32::MAX);
    let merged: Vec<_> = sheet
        .merged
        .iter()
        .filter(|m| m.last_row >= first_data && m.first_row <= last_index)
        .collect();
    for m in &merged {
        let range = format!(
            "{}{}:{}{}",
            column_letter(m.first_column),
            m.first_row.saturating_add(1),
            column_letter(m.last_column),
            m.last_row.saturating_add(1)
        );
        report.text(
            Some(m.first_row),
            Some(m.first_column),
            "import.merged",
            message::MERGED,
            &[&range],
        );
    }
    let in_merged = |r: u32, c: u32| {
        merged.iter().any(|m| {
            (m.first_row..=m.last_row).contains(&r) && (m.first_column..=m.last_column).contains(&c)
        })
    };

    // The rows.
    let shared_columns = Rc::new(by_field.clone());
    let shared_headers = Rc::new(headers.clone());
    let mut personal: HashMap<u32, (Personal, Vec<u32>)> = HashMap::new();
    for r in header_row + 1..=last_row {
        let row_index = u32::try_from(r).unwrap_or(u32::MAX);
        let Some(row) = sheet.rows.get(r) else {
            continue;
        };
        if row.iter().all(cells::is_empty) {
            report.note(Some(row_index), "import.empty-row", message::EMPTY_ROW, &[]);
            continue;
        }
        let problems_before = report.problems.len();
        let mut touched_merge = false;
        let value_at = |field: &str| {
            by_field
                .get(field)
                .and_then(|c| row.get(usize::try_from(*c).ok()?))
        };

        // The row's kind.
        let kind_column = by_field.get("kind").copied();
        let kind_cell = value_at("kind").filter(|c| !cells::is_empty(c));
        let kind: Option<&FactKindDecl> = match (fixed, kind_cell) {
            (Some(k), None) => Some(k),
            (_, Some(cell)) => {
                if let Some(Cell::Formula(_)) = Some(cell) {
                    report.text(
                        Some(row_index),
                        kind_column,
                        "import.formula",
                        message::FORMULA,
                        &[],
                    );
                    None
                } else {
                    let text = cells::cell_text(cell).unwrap_or_default();
                    match (kind_named(vocabulary, &text), fixed) {
                        (Some(named), Some(k)) if named.id != k.id => {
                            let name = vocabulary.kind_label(&k.id, lang);
                            report.text(
                                Some(row_index),
                                kind_column,
                                "import.other-kind",
                                message::OTHER_KIND,
                                &[&name],
                            );
                            None
                        }
                        (Some(named), _) => Some(named),
                        (None, _) => {
                            let kinds: Vec<&str> = vocabulary
                                .kinds()
                                .iter()
                                .map(|k| vocabulary.kind_label(&k.id, lang))
                                .collect();
                            let shown = message::quoted(lang, &text);
                            report.text(
                                Some(row_index),
                                kind_column,
                                "import.unknown-kind",
                                message::UNKNOWN_KIND,
                                &[&shown, &kinds.join(", ")],
                            );
                            None
                        }
                    }
                }
            }
            (None, None) => {
                if kind_column.is_some() {
                    report.text(
                        Some(row_index),
                        kind_column,
                        "import.missing-value",
                        message::MISSING_VALUE,
                        &[],
                    );
                }
                None
            }
        };

        // The cells.
        let mut record = Record::default();
        // The fields whose cell holds something, good or not (a one_of field
        // written wrongly is reported at its cell, not again as missing).
        let mut given: Vec<&str> = Vec::new();
        for (c, column) in columns.iter().enumerate() {
            let Column::Field(field) = column else {
                continue;
            };
            if field == "kind" {
                continue;
            }
            let index = u32::try_from(c).unwrap_or(u32::MAX);
            if in_merged(row_index, index) {
                // The merged range is the problem; its field counts as given.
                touched_merge = true;
                given.push(field.as_str());
                continue;
            }
            let cell = row.get(c).unwrap_or(&Cell::Empty);
            let ty = match field.as_str() {
                "id" => Type::Id,
                "date" => Type::Date,
                "by" => Type::By,
                "territory" => Type::Territory,
                "note" => Type::Note,
                other => match kind.and_then(|k| k.field(other)) {
                    Some(decl) => Type::Field(decl),
                    None => {
                        if kind.is_some() && !cells::is_empty(cell) {
                            let name = kind.map_or("", |k| vocabulary.kind_label(&k.id, lang));
                            report.text(
                                Some(row_index),
                                Some(index),
                                "import.not-of-kind",
                                message::NOT_OF_KIND,
                                &[&name],
                            );
                        }
                        continue;
                    }
                },
            };
            let reading = cells::read(cell, ty, context);
            if !matches!(reading, Reading::Empty) {
                given.push(field.as_str());
            }
            match reading {
                Reading::Empty => {
                    let required = match ty {
                        Type::Date => true,
                        Type::By => options.by.is_none(),
                        Type::Field(f) => f.required && f.default.is_none(),
                        _ => false,
                    };
                    if required && kind.is_some() {
                        report.text(
                            Some(row_index),
                            Some(index),
                            "import.missing-value",
                            message::MISSING_VALUE,
                            &[],
                        );
                    }
                }
                Reading::Value(text, shape) => record.set(field, &text, shape),
                Reading::Problem(code, message) => {
                    report.problem(Some(row_index), Some(index), code, message)
                }
                Reading::Personal(why) => {
                    let entry = personal.entry(index).or_insert((why, Vec::new()));
                    entry.1.push(row_index);
                }
            }
        }
        let Some(kind) = kind else {
            continue;
        };
        if fixed.is_none() {
            for field in kind
                .fields
                .iter()
                .filter(|f| f.required && f.default.is_none())
            {
                if !by_field.contains_key(&field.id) {
                    let name = super::field_header(field, lang);
                    report.text(
                        Some(row_index),
                        None,
                        "import.missing-column",
                        message::MISSING_COLUMN,
                        &[&name],
                    );
                }
            }
        }
        if !kind.one_of.is_empty() && !kind.one_of.iter().any(|f| given.contains(&f.as_str())) {
            let names: Vec<&str> = kind
                .one_of
                .iter()
                .filter_map(|f| kind.field(f))
                .map(|f| super::field_header(f, lang))
                .collect();
            report.text(
                Some(row_index),
                None,
                "import.one-of",
                message::ONE_OF,
                &[&names.join(", ")],
            );
        }
        let personal_in_row = personal
            .values()
            .any(|(_, rows)| rows.last() == Some(&row_index));
        if !sheet_ok || touched_merge || personal_in_row || report.problems.len() > problems_before
        {
            continue;
        }
        if !record.has("by") {
            if let Some(by) = &options.by {
                record.set("by", by, Shape::Text);
            }
        }
        let has_id = record.has("id");
        if !has_id {
            record.set("id", "f-pending", Shape::Text);
        }
        record.set("kind", &kind.id, Shape::Text);
        let note = record
            .get("note")
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        match Fact::from_record(record, vocabulary, context.key) {
            Ok(fact) => {
                let (at, _) = report.at(Some(row_index), None);
                rows_out.push(Row {
                    book: report.book,
                    sheet: report.sheet,
                    row: row_index,
                    at,
                    columns: Rc::clone(&shared_columns),
                    headers: Rc::clone(&shared_headers),
                    fact,
                    note,
                    has_id,
                });
            }
            Err(e) => {
                let column = e.field.as_deref().and_then(|f| by_field.get(f).copied());
                report.text(
                    Some(row_index),
                    column,
                    "import.invalid-fact",
                    message::INVALID_FACT,
                    &[&e.message],
                );
            }
        }
    }

    // Personal data, one problem per column.
    let mut columns_with_personal: Vec<_> = personal.into_iter().collect();
    columns_with_personal.sort_by_key(|(c, _)| *c);
    for (column, (why, rows)) in columns_with_personal {
        let (code, one, several) = match why {
            Personal::Shape => (
                "import.personal-data",
                message::PERSONAL_DATA_CELL,
                message::PERSONAL_DATA_COLUMN,
            ),
            Personal::Pesel => (
                "import.personal-data",
                message::PESEL_CELL,
                message::PESEL_COLUMN,
            ),
        };
        match rows.as_slice() {
            [row] => report.text(Some(*row), Some(column), code, one, &[]),
            _ => {
                let mut numbers: Vec<String> = rows
                    .iter()
                    .take(LISTED_ROWS)
                    .map(|r| r.saturating_add(1).to_string())
                    .collect();
                if rows.len() > LISTED_ROWS {
                    numbers.push("…".to_owned());
                }
                let letter = column_letter(column);
                report.text(
                    None,
                    Some(column),
                    code,
                    several,
                    &[&letter, &numbers.join(", ")],
                );
            }
        }
    }
}

pub(super) fn import(
    workbooks: &[Workbook],
    project: &Project,
    options: &ImportOptions,
    key: &PseudonymKey,
) -> Result<Imported, Vec<CellProblem>> {
    let lang = options.lang;
    let vocabulary = project.vocabulary();
    let context = Context {
        project,
        vocabulary,
        key,
        lang,
    };
    let mut report = Report {
        lang,
        problems: Vec::new(),
        notes: Vec::new(),
        book: 0,
        sheet: 0,
        file: "",
        sheet_name: "",
        headers: Vec::new(),
    };
    let fixed = match options.kind.as_deref() {
        None => None,
        Some(name) => match vocabulary
            .kind(name.trim())
            .or_else(|| kind_named(vocabulary, name))
        {
            Some(kind) => Some(kind),
            None => {
                let kinds: Vec<&str> = vocabulary.kinds().iter().map(|k| k.id.as_str()).collect();
                let shown = message::quoted(lang, name);
                let message = message::UNKNOWN_KIND_OPTION.fill(lang, &[&shown, &kinds.join(", ")]);
                let at = |file: &str, sheet: &str| CellRef {
                    file: file.to_owned(),
                    sheet: sheet.to_owned(),
                    row: None,
                    column: None,
                    header: None,
                };
                let mut problems: Vec<CellProblem> = workbooks
                    .iter()
                    .map(|b| CellProblem {
                        at: at(&b.file, b.sheets.first().map_or(&b.file, |s| &s.name)),
                        code: "import.unknown-kind",
                        message: message.clone(),
                    })
                    .collect();
                if problems.is_empty() {
                    // No file: the problem is still said (an Err is never empty).
                    problems.push(CellProblem {
                        at: at("", ""),
                        code: "import.unknown-kind",
                        message,
                    });
                }
                return Err(problems);
            }
        },
    };
    let mut rows: Vec<Row> = Vec::new();
    for (b, book) in workbooks.iter().enumerate() {
        report.book = b;
        report.file = &book.file;
        if let (Some(dialect), Some(first)) = (book.dialect, book.sheets.first()) {
            report.sheet = 0;
            report.sheet_name = &first.name;
            report.headers = Vec::new();
            let separator = char::from(dialect.separator);
            let encoding = match dialect.encoding {
                Encoding::Utf8 => "UTF-8",
                Encoding::Utf8Bom => message::UTF8_BOM.get(lang),
                Encoding::Windows1250 => "Windows-1250",
            };
            report.note(
                None,
                "import.dialect",
                message::DIALECT,
                &[&separator, &encoding],
            );
        }
        let sheets = sheets_of(book, vocabulary, fixed, &mut report);
        for (s, sheet, kind) in sheets {
            report.sheet = s;
            report.sheet_name = &sheet.name;
            read_sheet(sheet, kind, &context, options, &mut report, &mut rows);
        }
    }

    // Ids, then the check against the project, in the files' order. A
    // content id's occurrence counts within its file, so a file's ids are its
    // own, whatever other files are imported with it.
    let mut occurrences: HashMap<(usize, String), u32> = HashMap::new();
    let mut check = FactCheck::new(project, None);
    let mut repeated = vec![false; rows.len()];
    for (i, row) in rows.iter_mut().enumerate() {
        if !row.has_id {
            let base = content_id(&row.fact, 0);
            let seen = occurrences.entry((row.book, base)).or_insert(0);
            row.fact.id = content_id(&row.fact, *seen);
            *seen = seen.saturating_add(1);
        }
        for (finding, fields) in check.check_fields(&row.fact) {
            if finding.code == "fact.duplicate" {
                repeated[i] = true;
                report.notes.push(Placed {
                    order: (row.book, row.sheet, Some(row.row), None),
                    item: ImportNote {
                        at: row.at.clone(),
                        code: "import.repeated",
                        message: message::REPEATED.get(lang).to_owned(),
                    },
                });
            }
            if finding.severity != Severity::Error {
                continue;
            }
            let column = fields.iter().find_map(|f| row.columns.get(f).copied());
            let mut at = row.at.clone();
            at.column = column.map(column_letter);
            at.header = column
                .and_then(|c| row.headers.get(usize::try_from(c).ok()?).cloned())
                .flatten()
                .filter(|h| !cells::header_may_be_personal(h));
            let message = message::DOES_NOT_FIT.fill(lang, &[&finding.message, &finding.code]);
            report.problems.push(Placed {
                order: (row.book, row.sheet, Some(row.row), column),
                item: CellProblem {
                    at,
                    code: "import.does-not-fit",
                    message,
                },
            });
        }
    }
    let rows: Vec<Row> = rows
        .into_iter()
        .zip(repeated)
        .filter_map(|(row, repeated)| (!repeated).then_some(row))
        .collect();

    let mut problems = report.problems;
    problems.sort_by_key(|p| p.order);
    if !problems.is_empty() {
        return Err(problems.into_iter().map(|p| p.item).collect());
    }
    let mut notes = report.notes;
    notes.sort_by_key(|n| n.order);
    Ok(Imported {
        rows: rows.iter().map(|r| r.at.clone()).collect(),
        fact_notes: rows.iter().map(|r| r.note.clone()).collect(),
        facts: rows.into_iter().map(|r| r.fact).collect(),
        notes: notes.into_iter().map(|n| n.item).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Value;
    use crate::import::{Merged, read_csv};

    const PROJECT: &str =
        include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml");

    fn project() -> Project {
        Project::parse(PROJECT).expect("fixture parses")
    }

    fn key() -> PseudonymKey {
        PseudonymKey::from_bytes([9; 32])
    }

    fn options(kind: Option<&str>, lang: Lang) -> ImportOptions {
        ImportOptions {
            kind: kind.map(str::to_owned),
            by: None,
            lang,
        }
    }

    fn csv(text: &str) -> Workbook {
        read_csv("f.csv", text.as_bytes()).expect("reads")
    }

    fn run(text: &str, kind: Option<&str>) -> Result<Imported, Vec<CellProblem>> {
        import(&[csv(text)], &project(), &options(kind, Lang::En), &key())
    }

    fn facts(text: &str, kind: Option<&str>) -> Vec<Fact> {
        match run(text, kind) {
            Ok(imported) => imported.facts,
            Err(problems) => panic!("problems: {problems:#?}"),
        }
    }

    /// The problems as (row, column, code).
    fn problems(
        text: &str,
        kind: Option<&str>,
    ) -> Vec<(Option<u32>, Option<String>, &'static str)> {
        match run(text, kind) {
            Ok(imported) => panic!("imported: {:?}", imported.facts),
            Err(problems) => problems
                .into_iter()
                .map(|p| (p.at.row, p.at.column, p.code))
                .collect(),
        }
    }

    fn sheet(name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            name: name.to_owned(),
            rows,
            merged: Vec::new(),
        }
    }

    fn t(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }

    const COACHING: &str = "Data;Organizacja;Osoba;Forma;Rola\n2019-03-01;umk;k-0157;indywidualny;pracownik socjalny\n";

    #[test]
    fn polish_headers_and_labels_read_into_a_fact() {
        let facts = facts(COACHING, Some("coaching"));
        assert_eq!(facts.len(), 1);
        let fact = &facts[0];
        assert_eq!(fact.kind(), "coaching");
        assert_eq!(fact.recorded_by, "umk");
        assert_eq!(fact.value("form"), Some(Value::Text("individual".into())));
        assert_eq!(
            fact.value("role"),
            Some(Value::Text("social-worker".into()))
        );
        assert!(matches!(fact.value("person"), Some(Value::Person(_))));
    }

    #[test]
    fn english_headers_and_ids_read_the_same_fact() {
        let english = "date,by,person,form,role\n2019-03-01,umk,k-0157,individual,social-worker\n";
        assert_eq!(
            facts(english, Some("coaching")),
            facts(COACHING, Some("coaching"))
        );
    }

    #[test]
    fn the_template_headers_import_in_both_languages() {
        let project = project();
        let kind = project.vocabulary().kind("coaching").expect("declared");
        for lang in Lang::ALL {
            let mut headers: Vec<String> = ["date", "by"]
                .iter()
                .filter_map(|b| base_header(b, lang))
                .map(str::to_owned)
                .collect();
            headers.extend(
                kind.fields
                    .iter()
                    .map(|f| super::super::field_header(f, lang).to_owned()),
            );
            let text = format!(
                "{}\n2019-03-01;umk;k-0157;group;family-assistant\n",
                headers.join(";")
            );
            assert_eq!(facts(&text, Some("coaching")).len(), 1, "{lang:?}");
        }
    }

    #[test]
    fn the_same_sheet_gives_the_same_content_ids() {
        let a = facts(COACHING, Some("coaching"));
        let b = facts(COACHING, Some("coaching"));
        assert_eq!(a[0].id, b[0].id);
        assert!(a[0].id.starts_with("f-"), "{}", a[0].id);
    }

    #[test]
    fn identical_rows_are_several_facts_with_numbered_ids() {
        let text = format!("{COACHING}2019-03-01;umk;k-0157;indywidualny;pracownik socjalny\n");
        let facts = facts(&text, Some("coaching"));
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[1].id, format!("{}-2", facts[0].id));
    }

    #[test]
    fn an_id_column_gives_the_ids() {
        let text = "Identyfikator;Data;Organizacja;Osoba;Forma;Rola\nc-1;2019-03-01;umk;k-0157;group;social-worker\n";
        assert_eq!(facts(text, Some("coaching"))[0].id, "c-1");
    }

    #[test]
    fn the_organisation_comes_from_the_options_without_a_column() {
        let text = "Data;Osoba;Forma;Rola\n2019-03-01;k-0157;group;social-worker\n";
        let mut options = options(Some("coaching"), Lang::En);
        options.by = Some("umk".to_owned());
        let imported = import(&[csv(text)], &project(), &options, &key()).expect("imports");
        assert_eq!(imported.facts[0].recorded_by, "umk");
    }

    #[test]
    fn without_an_organisation_the_sheet_is_refused() {
        let text = "Data;Osoba;Forma;Rola\n2019-03-01;k-0157;group;social-worker\n";
        assert_eq!(
            problems(text, Some("coaching")),
            [(None, None, "import.no-by")]
        );
    }

    #[test]
    fn every_bad_cell_is_reported_in_order() {
        let text = "Data;Organizacja;Osoba;Forma;Rola\n2019-02-30;umk;k-1;telepathy;social-worker\n2019-03-01;umk;k-2;group;astronaut\n";
        assert_eq!(
            problems(text, Some("coaching")),
            [
                (Some(2), Some("A".into()), "import.not-a-date"),
                (Some(2), Some("D".into()), "import.unknown-value"),
                (Some(3), Some("E".into()), "import.unknown-value"),
            ]
        );
    }

    /// A person's name, an e-mail address or a PESEL typed into the header
    /// row is not repeated: neither in the message nor as the cell's header.
    #[test]
    fn a_header_that_may_be_personal_data_is_never_repeated() {
        for header in ["Jan Kowalski", "jan@example.pl", "44051401359", "600123456"] {
            let text = format!(
                "Data;Organizacja;Osoba;Forma;Rola;{header}\n2019-03-01;umk;k-1;group;social-worker;x\n"
            );
            let problems = match run(&text, Some("coaching")) {
                Ok(imported) => panic!("imported: {:?}", imported.facts),
                Err(problems) => problems,
            };
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].at.header, None, "{header}");
            assert!(
                !problems[0].message.contains(header),
                "{}",
                problems[0].message
            );
        }
    }

    #[test]
    fn an_unknown_header_is_a_problem_at_its_column() {
        let text = "Data;Organizacja;Osoba;Forma;Rola;Kolor\n2019-03-01;umk;k-1;group;social-worker;zielony\n";
        assert_eq!(
            problems(text, Some("coaching")),
            [(None, Some("F".into()), "import.unknown-header")]
        );
    }

    #[test]
    fn an_unknown_header_is_quoted_even_with_a_space() {
        let text = "Data;Organizacja;Osoba;Forma;Rola;kolor sali\n2019-03-01;umk;k-1;group;social-worker;zielony\n";
        let problems = run(text, Some("coaching")).expect_err("refused");
        assert!(
            problems[0]
                .message
                .starts_with("the header \"kolor sali\" names no field"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn an_unknown_header_over_an_empty_column_is_ignored() {
        let text = "Data;Organizacja;Osoba;Forma;Rola;Komentarz\n2019-03-01;umk;k-1;group;social-worker;\n";
        assert_eq!(facts(text, Some("coaching")).len(), 1);
    }

    #[test]
    fn a_header_twice_is_a_problem() {
        let text = "Data;Organizacja;Osoba;Forma;Rola;Forma\n2019-03-01;umk;k-1;group;social-worker;group\n";
        assert_eq!(
            problems(text, Some("coaching")),
            [(None, Some("F".into()), "import.header-twice")]
        );
    }

    #[test]
    fn a_missing_required_column_is_a_sheet_problem() {
        let text = "Data;Organizacja;Osoba;Forma\n2019-03-01;umk;k-1;group\n";
        assert_eq!(
            problems(text, Some("coaching")),
            [(None, None, "import.missing-column")]
        );
    }

    #[test]
    fn a_required_cell_left_empty_is_a_problem() {
        let text = "Data;Organizacja;Osoba;Forma;Rola\n2019-03-01;umk;k-1;;social-worker\n";
        assert_eq!(
            problems(text, Some("coaching")),
            [(Some(2), Some("D".into()), "import.missing-value")]
        );
    }

    #[test]
    fn a_personal_data_header_is_refused_as_a_column() {
        let text = "Data;Organizacja;Osoba;Forma;Rola;PESEL\n2019-03-01;umk;k-1;group;social-worker;85010112345\n";
        let problems = run(text, Some("coaching")).expect_err("refused");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "import.personal-column");
        assert_eq!(problems[0].at.column.as_deref(), Some("F"));
        assert!(!problems[0].message.contains("85010112345"));
    }

    #[test]
    fn a_declared_field_named_like_personal_data_is_the_field() {
        let text =
            "date,by,institution,name,sector\n2019-03-01,umk,ops-naklo,MGOPS Nakło,education\n";
        assert_eq!(facts(text, Some("agreement")).len(), 1);
    }

    #[test]
    fn names_in_a_person_column_are_one_problem_naming_the_rows() {
        let text = "Data;Organizacja;Osoba;Forma;Rola\n2019-03-01;umk;Kowalski;group;social-worker\n2019-03-01;umk;k-2;group;social-worker\n2019-03-01;umk;85010112345;group;social-worker\n";
        let problems = run(text, Some("coaching")).expect_err("refused");
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].code, "import.personal-data");
        assert_eq!(problems[0].at.row, None);
        assert_eq!(problems[0].at.column.as_deref(), Some("C"));
        assert!(
            problems[0].message.contains("rows 2, 4"),
            "{}",
            problems[0].message
        );
        assert!(!problems[0].message.contains("Kowalski"));
        assert!(!problems[0].message.contains("85010112345"));
    }

    #[test]
    fn a_column_of_many_names_lists_its_first_rows() {
        let mut text = String::from("Data;Organizacja;Osoba;Forma;Rola\n");
        for _ in 0..30 {
            text.push_str("2019-03-01;umk;Kowalski;group;social-worker\n");
        }
        let problems = run(&text, Some("coaching")).expect_err("refused");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains(
                "rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, …)"
            ),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn one_name_in_a_person_column_is_a_problem_at_its_cell() {
        let text =
            "Data;Organizacja;Osoba;Forma;Rola\n2019-03-01;umk;Kowalski;group;social-worker\n";
        assert_eq!(
            problems(text, Some("coaching")),
            [(Some(2), Some("C".into()), "import.personal-data")]
        );
    }

    #[test]
    fn a_valid_pesel_in_a_note_is_refused_without_quoting_it() {
        let text = "Data;Organizacja;Osoba;Forma;Rola;Uwagi\n2019-03-01;umk;k-1;group;social-worker;44051401359\n";
        let problems = run(text, Some("coaching")).expect_err("refused");
        assert_eq!(problems[0].code, "import.personal-data");
        assert!(!problems[0].message.contains("44051401359"));
    }

    #[test]
    fn empty_rows_are_skipped_with_a_note() {
        let text = format!("{COACHING};;;;\n2019-03-02;umk;k-2;group;social-worker\n\n\n");
        let imported = run(&text, Some("coaching")).expect("imports");
        assert_eq!(imported.facts.len(), 2);
        let notes: Vec<_> = imported.notes.iter().map(|n| (n.at.row, n.code)).collect();
        assert_eq!(
            notes,
            [(None, "import.dialect"), (Some(3), "import.empty-row")]
        );
        assert_eq!(imported.rows[1].row, Some(4));
    }

    #[test]
    fn the_dialect_found_is_a_note() {
        let text = "Data;Organizacja;Osoba;Forma;Rola;Uwagi\n2019-03-01;umk;k-1;group;social-worker;zażółć gęślą jaźń\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(text);
        let book = read_csv("c.csv", &bytes).expect("reads");
        let imported = import(
            &[book],
            &project(),
            &options(Some("coaching"), Lang::En),
            &key(),
        )
        .expect("imports");
        assert_eq!(
            imported.notes[0].message,
            "read as CSV: separator \";\", encoding Windows-1250"
        );
    }

    #[test]
    fn a_kind_column_says_each_rows_kind() {
        let text = "Rodzaj;Data;Organizacja;Osoba;Forma;Rola\ncoaching;2019-03-01;umk;k-1;group;social-worker\nkwalifikacja;2019-03-02;umk;k-1;;\n";
        let facts = facts(text, None);
        let kinds: Vec<&str> = facts.iter().map(Fact::kind).collect();
        assert_eq!(kinds, ["coaching", "qualification"]);
    }

    #[test]
    fn a_field_the_rows_kind_does_not_have_is_a_problem() {
        let text =
            "Rodzaj;Data;Organizacja;Osoba;Forma;Rola\nkwalifikacja;2019-03-02;umk;k-1;group;\n";
        assert_eq!(
            problems(text, None),
            [(Some(2), Some("E".into()), "import.not-of-kind")]
        );
    }

    #[test]
    fn a_csv_without_a_kind_is_a_sheet_problem() {
        let text = "Data;Organizacja;Osoba\n2019-03-02;umk;k-1\n";
        assert_eq!(problems(text, None), [(None, None, "import.no-kind")]);
    }

    #[test]
    fn an_unknown_kind_given_is_refused() {
        assert_eq!(
            problems(COACHING, Some("picnic")),
            [(None, None, "import.unknown-kind")]
        );
    }

    #[test]
    fn a_sheet_named_after_a_kind_is_that_kind_and_others_are_skipped() {
        let rows = vec![
            vec![t("Data"), t("Organizacja"), t("Osoba")],
            vec![t("2019-03-02"), t("umk"), t("k-1")],
        ];
        let book = Workbook {
            file: "f.xlsx".into(),
            sheets: vec![
                sheet("Instrukcja", vec![vec![t("Wpisz fakty")]]),
                sheet("kwalifikacja", rows),
                sheet("Arkusz2", vec![vec![t("notatki")]]),
            ],
            dialect: None,
        };
        let imported =
            import(&[book], &project(), &options(None, Lang::En), &key()).expect("imports");
        assert_eq!(imported.facts[0].kind(), "qualification");
        let notes: Vec<_> = imported
            .notes
            .iter()
            .map(|n| (n.at.sheet.as_str(), n.code))
            .collect();
        assert_eq!(notes, [("Arkusz2", "import.sheet-skipped")]);
    }

    #[test]
    fn a_merged_range_over_the_data_is_one_problem_at_its_first_cell() {
        let rows = vec![
            vec![t("Data"), t("Organizacja"), t("Osoba")],
            vec![t("2019-03-02"), t("umk"), t("k-1")],
            vec![t("2019-03-03"), Cell::Empty, t("k-2")],
        ];
        let mut merged = sheet("kwalifikacja", rows);
        merged.merged.push(Merged {
            first_row: 1,
            first_column: 1,
            last_row: 2,
            last_column: 1,
        });
        let book = Workbook {
            file: "f.xlsx".into(),
            sheets: vec![merged],
            dialect: None,
        };
        let problems =
            import(&[book], &project(), &options(None, Lang::En), &key()).expect_err("refused");
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.at.row, p.at.column.as_deref(), p.code))
            .collect();
        assert_eq!(found, [(Some(2), Some("B"), "import.merged")]);
        assert!(
            problems[0].message.contains("B2:B3"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn a_one_of_field_under_a_merged_range_is_not_also_missing() {
        let rows = vec![
            vec![
                t("Data"),
                t("Organizacja"),
                t("Rodzaj działania"),
                t("Miejsce"),
            ],
            vec![t("2019-03-02"), t("umk"), t("spotkanie"), Cell::Empty],
        ];
        let mut merged = sheet("spotkanie", rows);
        merged.merged.push(Merged {
            first_row: 1,
            first_column: 2,
            last_row: 1,
            last_column: 3,
        });
        let book = Workbook {
            file: "f.xlsx".into(),
            sheets: vec![merged],
            dialect: None,
        };
        let problems =
            import(&[book], &project(), &options(None, Lang::En), &key()).expect_err("refused");
        let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["import.merged"]);
    }

    #[test]
    fn a_formula_is_refused_even_with_a_cached_value() {
        let rows = vec![
            vec![t("Data"), t("Organizacja"), t("Osoba")],
            vec![Cell::Formula("TODAY()".into()), t("umk"), t("k-1")],
        ];
        let book = Workbook {
            file: "f.xlsx".into(),
            sheets: vec![sheet("kwalifikacja", rows)],
            dialect: None,
        };
        let problems =
            import(&[book], &project(), &options(None, Lang::En), &key()).expect_err("refused");
        assert_eq!(problems[0].code, "import.formula");
        assert_eq!(problems[0].at.column.as_deref(), Some("A"));
    }

    #[test]
    fn a_fact_that_does_not_fit_the_project_names_the_cell_to_blame() {
        let text = "Data;Organizacja;Osoba;Forma;Rola\n2019-03-01;acme;k-1;group;social-worker\n";
        let problems = run(text, Some("coaching")).expect_err("refused");
        assert_eq!(problems[0].code, "import.does-not-fit");
        assert_eq!(problems[0].at.column.as_deref(), Some("B"));
        assert_eq!(problems[0].at.header.as_deref(), Some("Organizacja"));
        assert!(
            problems[0].message.contains("fact.unknown-organisation"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn messages_follow_the_language_of_the_options() {
        let text = "Data;Organizacja;Osoba;Forma;Rola\n2019-03-01;umk;k-1;;social-worker\n";
        let polish = import(
            &[csv(text)],
            &project(),
            &options(Some("coaching"), Lang::Pl),
            &key(),
        )
        .expect_err("refused");
        assert_eq!(polish[0].message, message::MISSING_VALUE.get(Lang::Pl));
    }

    #[test]
    fn the_problem_names_file_sheet_row_column_and_header() {
        let text = "Data;Organizacja;Osoba;Forma;Rola\n2019-03-01;umk;k-1;;social-worker\n";
        let problems = run(text, Some("coaching")).expect_err("refused");
        assert_eq!(
            problems[0].at,
            CellRef {
                file: "f.csv".into(),
                sheet: "f.csv".into(),
                row: Some(2),
                column: Some("D".into()),
                header: Some("Forma".into()),
            }
        );
    }

    #[test]
    fn a_title_row_above_the_headers_is_skipped_with_a_note() {
        let text = format!("Coaching w 2019 r.;;;;\n{COACHING}");
        let imported = run(&text, Some("coaching")).expect("imports");
        assert_eq!(imported.facts.len(), 1);
        assert_eq!(imported.rows[0].row, Some(3));
        let notes: Vec<_> = imported.notes.iter().map(|n| (n.at.row, n.code)).collect();
        assert_eq!(
            notes,
            [(None, "import.dialect"), (Some(1), "import.title-row")]
        );
    }

    #[test]
    fn headers_naming_nothing_are_the_headers_all_the_same() {
        let text = "Kolor;Smak\nzielony;słodki\n";
        assert_eq!(
            problems(text, Some("qualification")),
            [
                (None, None, "import.no-by"),
                (None, None, "import.missing-column"),
                (None, None, "import.missing-column"),
                (None, Some("A".into()), "import.unknown-header"),
                (None, Some("B".into()), "import.unknown-header"),
            ]
        );
    }

    #[test]
    fn a_bad_value_of_a_one_of_field_is_not_also_a_missing_one() {
        let text = "Data;Organizacja;Rodzaj działania\n2019-03-01;umk;piknik\n";
        assert_eq!(
            problems(text, Some("meeting")),
            [(Some(2), Some("C".into()), "import.unknown-value")]
        );
    }

    #[test]
    fn a_column_with_values_and_no_header_is_a_problem() {
        let text =
            "Data;Organizacja;Osoba;Forma;Rola;\n2019-03-01;umk;k-1;group;social-worker;zielony\n";
        assert_eq!(
            problems(text, Some("coaching")),
            [(None, Some("F".into()), "import.no-header")]
        );
    }

    #[test]
    fn a_required_mark_and_a_colon_after_a_header_are_ignored() {
        let text =
            "Data*;Organizacja:;osoba *;FORMA;Rola\n2019-03-01;umk;k-1;group;social-worker\n";
        assert_eq!(facts(text, Some("coaching")).len(), 1);
    }

    #[test]
    fn teryt_names_the_territory_column() {
        let text = "Data;Organizacja;TERYT;Osoba\n2019-03-01;umk;0410;k-1\n";
        let fact = &facts(text, Some("qualification"))[0];
        assert_eq!(fact.territory.as_ref().map(|t| t.as_str()), Some("0410"));
    }

    #[test]
    fn a_kind_cell_naming_another_kind_than_the_sheets_is_a_problem() {
        let text = "Rodzaj;Data;Organizacja;Osoba\ncoaching;2019-03-01;umk;k-1\n";
        assert_eq!(
            problems(text, Some("qualification")),
            [(Some(2), Some("A".into()), "import.other-kind")]
        );
    }

    #[test]
    fn an_unknown_kind_in_a_kind_column_is_a_problem_at_its_cell() {
        let text = "Rodzaj;Data;Organizacja;Osoba\npiknik;2019-03-01;umk;k-1\n";
        assert_eq!(
            problems(text, None),
            [(Some(2), Some("A".into()), "import.unknown-kind")]
        );
    }

    #[test]
    fn problems_of_several_files_come_in_the_files_order() {
        let bad = "Data;Organizacja;Osoba;Forma;Rola\n2019-03-01;umk;k-1;;social-worker\n";
        let first = read_csv("b.csv", bad.as_bytes()).expect("reads");
        let second = read_csv("a.csv", bad.as_bytes()).expect("reads");
        let problems = import(
            &[first, second],
            &project(),
            &options(Some("coaching"), Lang::En),
            &key(),
        )
        .expect_err("refused");
        let files: Vec<&str> = problems.iter().map(|p| p.at.file.as_str()).collect();
        assert_eq!(files, ["b.csv", "a.csv"]);
    }

    #[test]
    fn a_files_ids_do_not_depend_on_the_files_imported_with_it() {
        let alone = facts(COACHING, Some("coaching"));
        let other = "Data;Organizacja;Osoba;Forma;Rola\n2019-03-05;umk;k-9;group;social-worker\n";
        let books = [csv(other), csv(COACHING)];
        let together = import(
            &books,
            &project(),
            &options(Some("coaching"), Lang::En),
            &key(),
        )
        .expect("imports");
        assert_eq!(together.facts[1].id, alone[0].id);
    }

    #[test]
    fn the_same_file_twice_imports_its_facts_once_with_a_note() {
        let books = [csv(COACHING), csv(COACHING)];
        let imported = import(
            &books,
            &project(),
            &options(Some("coaching"), Lang::En),
            &key(),
        )
        .expect("imports");
        assert_eq!(imported.facts.len(), 1);
        assert_eq!(imported.rows.len(), 1);
        let repeated: Vec<_> = imported
            .notes
            .iter()
            .filter(|n| n.code == "import.repeated")
            .map(|n| n.at.row)
            .collect();
        assert_eq!(repeated, [Some(2)]);
    }

    #[test]
    fn identical_rows_with_one_id_are_one_fact() {
        let text = "Identyfikator;Data;Organizacja;Osoba;Forma;Rola\nc-1;2019-03-01;umk;k-1;group;social-worker\nc-1;2019-03-01;umk;k-1;group;social-worker\n";
        assert_eq!(facts(text, Some("coaching")).len(), 1);
    }

    #[test]
    fn one_id_with_two_contents_is_a_problem_at_the_id() {
        let text = "Identyfikator;Data;Organizacja;Osoba;Forma;Rola\nc-1;2019-03-01;umk;k-1;group;social-worker\nc-1;2019-03-02;umk;k-1;group;social-worker\n";
        assert_eq!(
            problems(text, Some("coaching")),
            [(Some(3), Some("A".into()), "import.does-not-fit")]
        );
    }

    #[test]
    fn an_unknown_kind_without_files_is_still_a_problem() {
        let problems = import(&[], &project(), &options(Some("picnic"), Lang::En), &key())
            .expect_err("refused");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "import.unknown-kind");
    }

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}

#[cfg(test)]
mod xlsx_tests {
    use super::*;
    use crate::import::read_xlsx;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook as Writer};

    #[test]
    fn a_typed_workbook_imports_its_sheet_of_a_kind() {
        let mut writer = Writer::new();
        writer
            .add_worksheet()
            .set_name("Instrukcja")
            .and_then(|s| s.write_string(0, 0, "Wpisz wydatki"))
            .expect("written");
        let sheet = writer.add_worksheet().set_name("wydatek").expect("named");
        for (c, header) in ["Data", "Organizacja", "amount", "category"]
            .iter()
            .enumerate()
        {
            let c = u16::try_from(c).expect("a column");
            sheet.write_string(0, c, *header).expect("written");
        }
        let day = ExcelDateTime::from_ymd(2019, 5, 6).expect("a day");
        let date = Format::new().set_num_format("dd.mm.yyyy");
        sheet
            .write_datetime_with_format(1, 0, &day, &date)
            .expect("written");
        sheet.write_string(1, 1, "umk").expect("written");
        sheet.write_number(1, 2, 1234.56).expect("written");
        sheet.write_string(1, 3, "meetings").expect("written");
        let bytes = writer.save_to_buffer().expect("saved");
        let book = read_xlsx("w.xlsx", &bytes).expect("reads");
        let project = Project::parse(include_str!(
            "../../../../fixtures/projects/kooperacja-makroregion-ii.toml"
        ))
        .expect("fixture");
        let options = ImportOptions::default();
        let imported = import(
            &[book],
            &project,
            &options,
            &PseudonymKey::from_bytes([1; 32]),
        )
        .expect("imports");
        assert_eq!(imported.facts.len(), 1);
        let fact = &imported.facts[0];
        assert_eq!(fact.kind(), "expenditure");
        assert_eq!(fact.date.to_string(), "2019-05-06");
        assert_eq!(
            fact.value("amount").map(|v| v.to_text()).as_deref(),
            Some("1234.56")
        );
        assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    }
}
