//! One cell read by the type of its column: the text a fact file would hold
//! for it (persons already pseudonymised), or why it cannot be.

use rust_decimal::Decimal;

use super::{Cell, message};
use crate::facts::Shape;
use crate::money::{Amount, MoneyError};
use crate::period::{DateError, parse_date};
use crate::present::{Lang, Text};
use crate::project::Project;
use crate::pseudonym::{PersonError, PseudonymKey, check_raw, is_pseudonym};
use crate::territory::TerytCode;
use crate::vocabulary::{FieldDecl, FieldType, Vocabulary};

/// What a column holds: a base field of every fact, or a declared field.
#[derive(Debug, Clone, Copy)]
pub(super) enum Type<'a> {
    /// The fact's own id.
    Id,
    /// The fact's date.
    Date,
    /// The organisation recording it.
    By,
    /// Its territory.
    Territory,
    /// Its free note.
    Note,
    /// A declared field.
    Field(&'a FieldDecl),
}

/// Why a cell holds personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Personal {
    /// A person column's value has the shape of a PESEL number or a name.
    Shape,
    /// A value holds an 11-digit number with a valid PESEL checksum.
    Pesel,
}

/// A cell, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reading {
    /// Nothing in it.
    Empty,
    /// The value as a fact file writes it, and its shape.
    Value(String, Shape),
    /// A problem: its code and message.
    Problem(&'static str, String),
    /// Personal data (reported per column, never quoted).
    Personal(Personal),
}

fn problem(code: &'static str, text: Text, lang: Lang, args: &[&dyn std::fmt::Display]) -> Reading {
    Reading::Problem(code, text.fill(lang, args))
}

/// What the reading of a cell needs besides the cell.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context<'a> {
    pub(super) project: &'a Project,
    pub(super) vocabulary: &'a Vocabulary,
    pub(super) key: &'a PseudonymKey,
    pub(super) lang: Lang,
}

/// The text of a cell that is a value (text, a number, a date); `None` for
/// an empty cell and for the cells that are never values.
pub(super) fn cell_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Text(t) if !t.trim().is_empty() => Some(t.trim().to_owned()),
        Cell::Number(n) => Some(n.clone()),
        Cell::Date(d) => Some(d.to_string()),
        Cell::DateTime(d) => Some(d.format("%Y-%m-%d %H:%M:%S").to_string()),
        _ => None,
    }
}

/// Whether a cell holds nothing.
pub(super) fn is_empty(cell: &Cell) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Text(t) => t.trim().is_empty(),
        _ => false,
    }
}

/// Whether the digits are a PESEL number with a valid check digit.
pub(super) fn is_pesel(digits: &[u8]) -> bool {
    const WEIGHTS: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    if digits.len() != 11 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = WEIGHTS
        .iter()
        .zip(digits)
        .map(|(w, d)| w * u32::from(d - b'0'))
        .sum();
    (10 - sum % 10) % 10 == u32::from(digits[10] - b'0')
}

/// Whether a text holds a run of exactly 11 digits that is a valid PESEL.
pub(super) fn holds_pesel(text: &str) -> bool {
    text.as_bytes().split(|b| !b.is_ascii_digit()).any(is_pesel)
}

/// Whether a header may be a person's data typed into the header row rather
/// than a column's name: it holds a PESEL, an e-mail address (`@`), a run
/// of 9 or more digits (a phone number), or is two or more words each of
/// the shape of a name (`Jan Kowalski`). Such a header is neither quoted
/// in a message nor kept in [`super::CellRef::header`].
pub(super) fn header_may_be_personal(text: &str) -> bool {
    let mut run = 0;
    let long_digits = text.chars().any(|c| {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        run >= 9
    });
    let words: Vec<&str> = text.split_whitespace().collect();
    holds_pesel(text)
        || text.contains('@')
        || long_digits
        || (words.len() >= 2 && words.iter().all(|w| name_shaped(w)))
}

/// Whether a word has the shape of a name: a capital letter, then lower-case
/// letters (any alphabet: `Łukasz`).
fn name_shaped(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() > 1
        && chars.all(|c| c.is_alphabetic() && c.is_lowercase())
}

/// A person value: its pseudonym, or why not (never quoting it).
fn person(raw: &str, context: &Context<'_>) -> Result<String, Reading> {
    if is_pseudonym(raw) {
        return Ok(raw.to_owned());
    }
    let words = raw.split_whitespace();
    let personal = words.clone().any(|w| {
        name_shaped(w) || matches!(check_raw(w), Err(PersonError::Pesel | PersonError::Name))
    });
    if personal {
        return Err(Reading::Personal(Personal::Shape));
    }
    context
        .key
        .person(raw)
        .map(|k| k.as_str().to_owned())
        .map_err(|_| {
            problem(
                "import.not-a-person-key",
                message::NOT_A_PERSON_KEY,
                context.lang,
                &[],
            )
        })
}

/// The values an `enum` field takes, as (id, Polish name, English name);
/// `None` when the field's list is not known.
fn choices<'a>(
    field: &'a FieldDecl,
    context: &Context<'a>,
) -> Option<Vec<(&'a str, &'a str, &'a str)>> {
    if let Some(values) = context.vocabulary.values(field) {
        return Some(
            values
                .iter()
                .map(|v| (v.id.as_str(), v.name(Lang::Pl), v.name(Lang::En)))
                .collect(),
        );
    }
    match field.enumeration.as_deref() {
        Some("roles") => Some(
            context
                .project
                .roles
                .iter()
                .map(|r| {
                    let en = r.name_en.as_deref().unwrap_or(&r.name);
                    (r.id.as_str(), r.name.as_str(), en)
                })
                .collect(),
        ),
        Some("sectors") => Some(
            context
                .project
                .sectors
                .iter()
                .map(|s| {
                    let en = s.name_en.as_deref().unwrap_or(&s.name);
                    (s.id.as_str(), s.name.as_str(), en)
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Whether `text` names `id`, `pl` or `en`, trimmed and ignoring case.
pub(super) fn names(text: &str, candidates: &[&str]) -> bool {
    let text = text.trim().to_lowercase();
    candidates.iter().any(|c| c.trim().to_lowercase() == text)
}

/// The spaces that separate groups of digits: a space, a no-break space (what
/// LibreOffice writes in the Polish locale: `1 234`) and a narrow one.
const GROUP_SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// A number's text without the spaces between its groups of three digits
/// (`1 234,5` is `1234,5`); the text as it is when its groups are irregular.
fn ungrouped(text: &str) -> String {
    let text = text.trim();
    let integer_end = text.find([',', '.']).unwrap_or(text.len());
    let (integer, rest) = text.split_at(integer_end);
    let groups: Vec<&str> = integer.split(GROUP_SPACES).collect();
    let regular = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if regular {
        format!("{}{rest}", groups.concat())
    } else {
        text.to_owned()
    }
}

fn whole(text: &str, context: &Context<'_>) -> Reading {
    match ungrouped(text).parse::<u32>() {
        Ok(n) => Reading::Value(n.to_string(), Shape::Number),
        Err(_) => problem(
            "import.not-a-whole-number",
            message::NOT_A_WHOLE_NUMBER,
            context.lang,
            &[&message::quoted(context.lang, text)],
        ),
    }
}

fn hours(text: &str, context: &Context<'_>) -> Reading {
    let refused = || {
        problem(
            "import.not-hours",
            message::NOT_HOURS,
            context.lang,
            &[&message::quoted(context.lang, text)],
        )
    };
    if text.chars().count() > 32 {
        return refused();
    }
    match ungrouped(text).replace(',', ".").parse::<Decimal>() {
        Ok(h) if !h.is_sign_negative() && h.normalize().scale() <= 2 => {
            Reading::Value(h.normalize().to_string(), Shape::Text)
        }
        _ => refused(),
    }
}

fn amount(text: &str, context: &Context<'_>) -> Reading {
    let shown = message::quoted(context.lang, text);
    match Amount::parse(text) {
        Ok(a) => Reading::Value(a.to_plain(), Shape::Text),
        Err(MoneyError::TooPrecise { .. }) => problem(
            "import.amount-precision",
            message::AMOUNT_PRECISION,
            context.lang,
            &[&shown],
        ),
        Err(_) => problem(
            "import.not-an-amount",
            message::NOT_AN_AMOUNT,
            context.lang,
            &[&shown],
        ),
    }
}

/// A date cell's day; a date written as text in the forms core reads.
fn date(cell: &Cell, context: &Context<'_>) -> Reading {
    let lang = context.lang;
    match cell {
        Cell::Date(d) => Reading::Value(d.to_string(), Shape::Text),
        // A date and time in a column of days: the day it is on.
        Cell::DateTime(d) => Reading::Value(d.date().to_string(), Shape::Text),
        Cell::Number(_) => problem("import.date-as-number", message::DATE_AS_NUMBER, lang, &[]),
        Cell::Text(text) => {
            let text = text.trim();
            let shown = message::quoted(lang, text);
            if text.chars().count() > 32 {
                return problem("import.not-a-date", message::NOT_A_DATE, lang, &[&shown]);
            }
            match parse_date(text) {
                Ok(d) => Reading::Value(d.to_string(), Shape::Text),
                Err(DateError::NoSuchDay { .. }) => {
                    problem("import.not-a-date", message::NO_SUCH_DAY, lang, &[&shown])
                }
                Err(_) if date_like(text) => problem(
                    "import.date-as-text",
                    message::DATE_AS_TEXT,
                    lang,
                    &[&shown],
                ),
                Err(_) => problem("import.not-a-date", message::NOT_A_DATE, lang, &[&shown]),
            }
        }
        _ => Reading::Empty,
    }
}

/// Whether a text has the shape of a date in another form than core's: three
/// groups of digits separated by `/`, `-`, `.` or spaces (`02/03/2020`,
/// `2020/02/11`, `11-02-2020`).
fn date_like(text: &str) -> bool {
    let groups: Vec<&str> = text
        .split(['/', '-', '.', ' '])
        .filter(|g| !g.is_empty())
        .collect();
    groups.len() == 3
        && groups
            .iter()
            .all(|g| (1..=4).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
}

fn identifier(text: &str, context: &Context<'_>) -> Reading {
    match crate::identifier::check(text) {
        Ok(()) => Reading::Value(text.to_owned(), Shape::Text),
        Err(why) => problem(
            "import.not-an-id",
            message::NOT_AN_ID,
            context.lang,
            &[&message::quoted(context.lang, text), &why],
        ),
    }
}

/// A TERYT code; a number cell gets back the leading zero a spreadsheet
/// drops (`410` is `0410`) when it is one digit short of a code's length.
fn teryt(cell: &Cell, text: &str, context: &Context<'_>) -> Reading {
    let text = match cell {
        Cell::Number(n) if matches!(n.len(), 1 | 3 | 6) => format!("0{n}"),
        _ => text.to_owned(),
    };
    match TerytCode::parse(text.trim()) {
        Ok(code) => Reading::Value(code.as_str().to_owned(), Shape::Text),
        Err(_) => problem(
            "import.not-teryt",
            message::NOT_TERYT,
            context.lang,
            &[&message::quoted(context.lang, &text)],
        ),
    }
}

/// One value (not a list) of a declared field.
fn single(cell: &Cell, text: &str, field: &FieldDecl, context: &Context<'_>) -> Reading {
    let lang = context.lang;
    match field.field_type {
        FieldType::Person | FieldType::Household => match cell {
            // 11 digits, or 10 when the spreadsheet dropped a PESEL's leading zero.
            Cell::Number(n)
                if matches!(n.len(), 10 | 11) && n.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Reading::Personal(Personal::Shape)
            }
            Cell::Number(_) => problem("import.person-number", message::PERSON_NUMBER, lang, &[]),
            _ => match person(text, context) {
                Ok(key) => Reading::Value(key, Shape::Text),
                Err(reading) => reading,
            },
        },
        FieldType::Institution | FieldType::Group | FieldType::Organisation => {
            identifier(text, context)
        }
        FieldType::Jst => teryt(cell, text, context),
        FieldType::Count | FieldType::Days => whole(text, context),
        FieldType::Hours => hours(text, context),
        FieldType::Amount => amount(text, context),
        FieldType::Date => match cell {
            Cell::Text(_) => date(&Cell::Text(text.to_owned()), context),
            other => date(other, context),
        },
        FieldType::Text => Reading::Value(text.to_owned(), Shape::Text),
        FieldType::Enum => match choices(field, context) {
            None => identifier(text, context),
            Some(values) => match values
                .iter()
                .find(|(id, pl, en)| names(text, &[id, pl, en]))
            {
                Some((id, _, _)) => Reading::Value((*id).to_owned(), Shape::Text),
                None => {
                    let allowed: Vec<&str> = values
                        .iter()
                        .map(|(id, pl, en)| match lang {
                            Lang::Pl if !pl.is_empty() => *pl,
                            Lang::En if !en.is_empty() => *en,
                            _ => *id,
                        })
                        .collect();
                    problem(
                        "import.unknown-value",
                        message::UNKNOWN_VALUE,
                        lang,
                        &[&message::quoted(lang, text), &allowed.join(", ")],
                    )
                }
            },
        },
    }
}

/// A cell of a column of type `ty`.
pub(super) fn read(cell: &Cell, ty: Type<'_>, context: &Context<'_>) -> Reading {
    let lang = context.lang;
    match cell {
        Cell::Formula(_) => return problem("import.formula", message::FORMULA, lang, &[]),
        Cell::Error(e) => {
            return problem(
                "import.cell-error",
                message::CELL_ERROR,
                lang,
                &[&crate::facts::bounded(e)],
            );
        }
        Cell::Bool(_) => return problem("import.bool", message::BOOL, lang, &[]),
        _ => {}
    }
    let Some(text) = cell_text(cell) else {
        return Reading::Empty;
    };
    let pseudonymous = matches!(ty, Type::Field(f) if f.field_type.is_pseudonymous());
    // A number cell of 10 digits may be a PESEL whose leading zero the
    // spreadsheet dropped (persons born 2000-2009).
    let dropped_zero =
        matches!(cell, Cell::Number(n) if n.len() == 10 && is_pesel(format!("0{n}").as_bytes()));
    if !pseudonymous && (holds_pesel(&text) || dropped_zero) {
        return Reading::Personal(Personal::Pesel);
    }
    match ty {
        Type::Id | Type::By => identifier(&text, context),
        Type::Date => date(cell, context),
        Type::Territory => teryt(cell, &text, context),
        Type::Note => Reading::Value(text, Shape::Text),
        Type::Field(field) if field.many => {
            let mut values = Vec::new();
            for item in text
                .split([' ', ';', ',', '\n', '\t'])
                .filter(|s| !s.is_empty())
            {
                match single(&Cell::Text(item.to_owned()), item, field, context) {
                    Reading::Value(v, _) => values.push(v),
                    Reading::Empty => {}
                    other => return other,
                }
            }
            if values.is_empty() {
                return Reading::Empty;
            }
            Reading::Value(values.join(" "), Shape::List)
        }
        Type::Field(field) => single(cell, &text, field, context),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const PROJECT: &str =
        include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml");

    fn with<T>(lang: Lang, f: impl FnOnce(&Context<'_>) -> T) -> T {
        let project = Project::parse(PROJECT).expect("fixture parses");
        let key = PseudonymKey::from_bytes([5; 32]);
        let context = Context {
            project: &project,
            vocabulary: project.vocabulary(),
            key: &key,
            lang,
        };
        f(&context)
    }

    fn field(kind: &str, id: &str) -> FieldDecl {
        let project = Project::parse(PROJECT).expect("fixture parses");
        project
            .vocabulary()
            .kind(kind)
            .and_then(|k| k.field(id))
            .cloned()
            .expect("declared")
    }

    fn text(t: &str) -> Cell {
        Cell::Text(t.to_owned())
    }

    fn value(reading: Reading) -> String {
        match reading {
            Reading::Value(v, _) => v,
            other => panic!("not a value: {other:?}"),
        }
    }

    fn code(reading: Reading) -> &'static str {
        match reading {
            Reading::Problem(code, _) => code,
            other => panic!("not a problem: {other:?}"),
        }
    }

    fn read_as(cell: &Cell, ty: Type<'_>) -> Reading {
        with(Lang::En, |c| read(cell, ty, c))
    }

    #[test]
    fn a_date_cell_is_its_day() {
        let d = NaiveDate::from_ymd_opt(2020, 2, 11).expect("a day");
        assert_eq!(value(read_as(&Cell::Date(d), Type::Date)), "2020-02-11");
    }

    #[test]
    fn a_date_and_time_in_a_date_column_is_the_day_it_is_on() {
        let d = NaiveDate::from_ymd_opt(2020, 2, 11)
            .and_then(|d| d.and_hms_opt(14, 30, 0))
            .expect("a time");
        assert_eq!(value(read_as(&Cell::DateTime(d), Type::Date)), "2020-02-11");
    }

    #[test]
    fn iso_and_polish_dates_as_text_are_read() {
        assert_eq!(
            value(read_as(&text("2020-02-11"), Type::Date)),
            "2020-02-11"
        );
        assert_eq!(
            value(read_as(&text("11.02.2020"), Type::Date)),
            "2020-02-11"
        );
    }

    #[test]
    fn a_date_as_text_that_reads_two_ways_is_refused() {
        assert_eq!(
            code(read_as(&text("02/03/2020"), Type::Date)),
            "import.date-as-text"
        );
        assert_eq!(
            code(read_as(&text("11-02-2020"), Type::Date)),
            "import.date-as-text"
        );
    }

    #[test]
    fn a_day_not_in_the_calendar_is_not_a_date() {
        assert_eq!(
            code(read_as(&text("30.02.2020"), Type::Date)),
            "import.not-a-date"
        );
        assert_eq!(
            code(read_as(&text("wtorek"), Type::Date)),
            "import.not-a-date"
        );
    }

    #[test]
    fn a_number_in_a_date_column_is_refused() {
        assert_eq!(
            code(read_as(&Cell::Number("43872".into()), Type::Date)),
            "import.date-as-number"
        );
    }

    #[test]
    fn amounts_are_read_in_every_written_form() {
        let amount = FieldDecl::new("amount", FieldType::Amount);
        for (written, plain) in [
            ("1234.56", "1234.56"),
            ("1234,56", "1234.56"),
            ("1 234,56", "1234.56"),
            ("1 234,56 zł", "1234.56"),
            ("1234.5 PLN", "1234.50"),
            ("-12,50", "-12.50"),
        ] {
            assert_eq!(
                value(read_as(&text(written), Type::Field(&amount))),
                plain,
                "{written}"
            );
        }
    }

    #[test]
    fn an_amount_number_cell_is_its_shortest_decimal() {
        let amount = FieldDecl::new("amount", FieldType::Amount);
        assert_eq!(
            value(read_as(
                &Cell::Number("1234.56".into()),
                Type::Field(&amount)
            )),
            "1234.56"
        );
    }

    #[test]
    fn an_amount_finer_than_a_grosz_is_refused() {
        let amount = FieldDecl::new("amount", FieldType::Amount);
        assert_eq!(
            code(read_as(
                &Cell::Number("10.005".into()),
                Type::Field(&amount)
            )),
            "import.amount-precision"
        );
        assert_eq!(
            code(read_as(&text("1,234"), Type::Field(&amount))),
            "import.amount-precision"
        );
    }

    #[test]
    fn an_amount_with_a_comma_and_a_dot_is_refused() {
        let amount = FieldDecl::new("amount", FieldType::Amount);
        assert_eq!(
            code(read_as(&text("1,234.56"), Type::Field(&amount))),
            "import.not-an-amount"
        );
    }

    #[test]
    fn counts_are_whole_numbers_from_number_or_text() {
        let days = FieldDecl::new("days", FieldType::Days);
        assert_eq!(
            value(read_as(&Cell::Number("3".into()), Type::Field(&days))),
            "3"
        );
        assert_eq!(value(read_as(&text(" 3 "), Type::Field(&days))), "3");
        assert_eq!(
            code(read_as(&Cell::Number("2.5".into()), Type::Field(&days))),
            "import.not-a-whole-number"
        );
        assert_eq!(
            code(read_as(&text("-1"), Type::Field(&days))),
            "import.not-a-whole-number"
        );
    }

    #[test]
    fn numbers_take_groups_of_digits_separated_by_spaces() {
        let days = FieldDecl::new("days", FieldType::Days);
        let hours = FieldDecl::new("hours", FieldType::Hours);
        assert_eq!(
            value(read_as(&text("1\u{a0}234"), Type::Field(&days))),
            "1234"
        );
        assert_eq!(value(read_as(&text("12 345"), Type::Field(&days))), "12345");
        assert_eq!(
            value(read_as(&text("1 234,5"), Type::Field(&hours))),
            "1234.5"
        );
        assert_eq!(
            code(read_as(&text("12 34"), Type::Field(&days))),
            "import.not-a-whole-number"
        );
    }

    #[test]
    fn hours_take_a_decimal_comma() {
        let hours = FieldDecl::new("hours", FieldType::Hours);
        assert_eq!(value(read_as(&text("1,5"), Type::Field(&hours))), "1.5");
        assert_eq!(
            code(read_as(&text("1,555"), Type::Field(&hours))),
            "import.not-hours"
        );
    }

    #[test]
    fn an_enumeration_takes_its_id_or_either_name_whatever_the_case() {
        let form = field("coaching", "form");
        let id = with(Lang::En, |c| {
            value(read(&text("individual"), Type::Field(&form), c))
        });
        assert_eq!(id, "individual");
        let polish = with(Lang::En, |c| {
            let values = c.vocabulary.values(&form).expect("listed");
            let pl = values[0].name(Lang::Pl).to_uppercase();
            value(read(&text(&pl), Type::Field(&form), c))
        });
        assert_eq!(
            polish,
            with(Lang::En, |c| c.vocabulary.values(&form).expect("listed")[0]
                .id
                .clone())
        );
    }

    #[test]
    fn an_unknown_enumeration_value_names_the_allowed_ones() {
        let form = field("coaching", "form");
        let reading = with(Lang::En, |c| {
            read(&text("telepathy"), Type::Field(&form), c)
        });
        let Reading::Problem(code, message) = reading else {
            panic!("refused");
        };
        assert_eq!(code, "import.unknown-value");
        assert!(message.contains("\"telepathy\""), "{message}");
        assert!(message.contains("the values: "), "{message}");
    }

    #[test]
    fn a_role_takes_the_projects_role_names() {
        let role = field("coaching", "role");
        let reading = with(Lang::En, |c| {
            let name = c.project.roles[0].name.clone();
            read(&text(&name), Type::Field(&role), c)
        });
        let expected = with(Lang::En, |c| c.project.roles[0].id.clone());
        assert_eq!(value(reading), expected);
    }

    #[test]
    fn a_person_is_pseudonymised() {
        let person = field("coaching", "person");
        let key = value(read_as(&text("k-0157"), Type::Field(&person)));
        assert!(is_pseudonym(&key), "{key}");
    }

    #[test]
    fn a_name_or_a_pesel_in_a_person_column_is_personal_data() {
        let person = field("coaching", "person");
        for raw in ["Kowalski", "Jan Kowalski", "Łukasz", "85010112345"] {
            assert_eq!(
                read_as(&text(raw), Type::Field(&person)),
                Reading::Personal(Personal::Shape),
                "{raw}"
            );
        }
    }

    #[test]
    fn a_pesel_typed_as_a_number_in_a_person_column_is_personal_data() {
        let person = field("coaching", "person");
        for number in ["85010112345", "2270803628"] {
            assert_eq!(
                read_as(&Cell::Number(number.into()), Type::Field(&person)),
                Reading::Personal(Personal::Shape),
                "{number}"
            );
        }
    }

    #[test]
    fn a_pesel_number_that_lost_its_leading_zero_is_personal_data() {
        // 02270803624 is a valid PESEL (born 2002); a number cell drops the 0.
        assert!(is_pesel(b"02270803624"));
        assert_eq!(
            read_as(&Cell::Number("2270803624".into()), Type::Note),
            Reading::Personal(Personal::Pesel)
        );
    }

    #[test]
    fn a_number_in_a_person_column_is_refused() {
        let person = field("coaching", "person");
        assert_eq!(
            code(read_as(&Cell::Number("157".into()), Type::Field(&person))),
            "import.person-number"
        );
    }

    #[test]
    fn a_valid_pesel_in_any_other_column_is_personal_data() {
        assert_eq!(
            read_as(&text("dzwonić 44051401359 wieczorem"), Type::Note),
            Reading::Personal(Personal::Pesel)
        );
        assert_eq!(
            value(read_as(&text("44051401358"), Type::Note)),
            "44051401358",
            "a wrong check digit is not a PESEL"
        );
    }

    #[test]
    fn a_teryt_number_gets_back_its_leading_zero() {
        assert_eq!(
            value(read_as(&Cell::Number("410".into()), Type::Territory)),
            "0410"
        );
        assert_eq!(
            code(read_as(&text("041"), Type::Territory)),
            "import.not-teryt"
        );
    }

    #[test]
    fn a_list_field_splits_its_entries() {
        let led_by = field("meeting", "led_by");
        assert_eq!(
            value(read_as(&text("umk; rops-torun"), Type::Field(&led_by))),
            "umk rops-torun"
        );
    }

    #[test]
    fn formulas_errors_and_booleans_are_refused_in_every_column() {
        assert_eq!(
            code(read_as(&Cell::Formula("A1+1".into()), Type::Note)),
            "import.formula"
        );
        assert_eq!(
            code(read_as(&Cell::Error("#DIV/0!".into()), Type::Note)),
            "import.cell-error"
        );
        assert_eq!(code(read_as(&Cell::Bool(true), Type::Note)), "import.bool");
    }

    #[test]
    fn a_number_in_a_text_column_is_its_text() {
        let title = field("deliverable", "title");
        assert_eq!(
            value(read_as(&Cell::Number("2020".into()), Type::Field(&title))),
            "2020"
        );
    }

    #[test]
    fn pesel_check_digits() {
        assert!(is_pesel(b"44051401359"));
        assert!(!is_pesel(b"44051401358"));
        assert!(!is_pesel(b"4405140135"));
    }
}
