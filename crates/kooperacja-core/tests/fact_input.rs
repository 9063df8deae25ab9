//! How facts enter core (issue 11, classes 1, 3, 6): every record is read or
//! named as bad, the JSON and CSV readers refuse what would be read wrong, and
//! no error message of the reading path echoes a person value.

use std::io::Read;

use kooperacja_core::facts::{Fact, FactReader, Format, RecordError, Value};
use kooperacja_core::pseudonym::PseudonymKey;

/// The vocabulary of the seed fixtures (format 1's kinds, declared).
fn fixture_vocabulary() -> std::sync::Arc<kooperacja_core::vocabulary::Vocabulary> {
    std::sync::Arc::clone(
        kooperacja_core::project::Project::parse(include_str!(
            "../../../fixtures/projects/kooperacja-makroregion-ii.toml"
        ))
        .expect("fixture parses")
        .vocabulary(),
    )
}

fn key() -> PseudonymKey {
    PseudonymKey::from_bytes([5; 32])
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/invalid-facts");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("fixture exists")
}

fn read(bytes: &[u8], format: Format) -> Vec<Result<Fact, RecordError>> {
    FactReader::new(bytes, format, fixture_vocabulary(), key()).collect()
}

fn jsonl(text: &str) -> Vec<Result<Fact, RecordError>> {
    read(text.as_bytes(), Format::JsonLines)
}

fn csv(text: &str) -> Vec<Result<Fact, RecordError>> {
    read(text.as_bytes(), Format::Csv)
}

/// The lines of the results: `Ok(line)` is not known for a fact, so a good
/// fact is `None` and a bad record is `Some(line)`.
fn shape(results: &[Result<Fact, RecordError>]) -> Vec<Option<u64>> {
    results
        .iter()
        .map(|r| r.as_ref().err().map(|e| e.line))
        .collect()
}

fn only_error(results: &[Result<Fact, RecordError>]) -> &RecordError {
    assert_eq!(results.len(), 1, "{results:?}");
    results[0].as_ref().expect_err("refused")
}

const GOOD: &str =
    r#"{"id":"m-1","date":"2020-02-11","by":"rops-torun","kind":"meeting","activity":"meeting"}"#;

// ---------------------------------------------------------------------------
// Class 1: no record lost silently.

#[test]
fn a_non_utf8_byte_on_line_3_hides_no_later_line() {
    let results = read(
        &fixture("input-01-non-utf8-line-3.jsonl"),
        Format::JsonLines,
    );
    assert_eq!(shape(&results), [None, None, Some(3), None, Some(5)]);
    let e = results[2].as_ref().expect_err("line 3 is bad");
    assert!(e.message.contains("UTF-8"), "{e}");
    assert!(e.message.contains("column 101"), "{e}");
}

#[test]
fn json_lines_with_a_bom_read_from_line_1() {
    let results = read(&fixture("input-02-bom.jsonl"), Format::JsonLines);
    assert_eq!(shape(&results), [None, None]);
}

#[test]
fn a_10_mb_line_is_one_error_and_the_next_line_is_read() {
    let mut input = GOOD.as_bytes().to_vec();
    input.extend_from_slice(b"\n{\"id\":\"big\",\"note\":\"");
    input.extend(std::iter::repeat_n(b'x', 10 << 20));
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(GOOD.as_bytes());
    input.push(b'\n');
    let results = read(&input, Format::JsonLines);
    assert_eq!(shape(&results), [None, Some(2), None]);
    let e = results[1].as_ref().expect_err("too long");
    assert!(e.message.contains("longer than"), "{e}");
    assert!(e.to_string().len() < 300, "{e}");
}

#[test]
fn endless_zero_bytes_end_in_one_error() {
    // 64 MiB of NUL bytes and no newline, as /dev/zero gives (cut here).
    let zeros = std::io::repeat(0).take(64 << 20);
    let results: Vec<_> = FactReader::new(
        std::io::BufReader::new(zeros),
        Format::JsonLines,
        fixture_vocabulary(),
        key(),
    )
    .collect();
    assert_eq!(shape(&results), [Some(1)]);
}

#[test]
fn dev_zero_ends_in_one_error_in_bounded_time() {
    // An endless input without a newline, as /dev/zero gives.
    for format in [Format::JsonLines, Format::Csv] {
        let zeros = std::io::BufReader::new(std::io::repeat(0));
        let results: Vec<_> = FactReader::new(zeros, format, fixture_vocabulary(), key()).collect();
        assert_eq!(shape(&results), [Some(1)], "{format:?}");
        let e = results[0].as_ref().unwrap_err();
        assert!(e.message.contains("stopped"), "{e}");
    }
}

/// One line of a generated file, and whether it must read as a fact.
#[derive(Debug, Clone)]
enum Line {
    Good,
    BadJson,
    BadUtf8,
    BadField,
    Blank,
}

fn line_text(line: &Line, n: usize) -> Vec<u8> {
    match line {
        Line::Good => GOOD.replace("m-1", &format!("m-{n}")).into_bytes(),
        Line::BadJson => br#"{"id":"x","date":"#.to_vec(),
        Line::BadUtf8 => b"{\"id\":\"\xff\xfe\"}".to_vec(),
        Line::BadField => br#"{"id":"x","date":"2020-02-30","by":"a","kind":"meeting"}"#.to_vec(),
        Line::Blank => b"   ".to_vec(),
    }
}

proptest::proptest! {
    /// Records read plus bad records equal the non-blank lines, and each bad
    /// record is named by its own line.
    #[test]
    fn every_non_blank_line_is_a_fact_or_a_named_error(
        lines in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just(Line::Good),
            proptest::strategy::Just(Line::BadJson),
            proptest::strategy::Just(Line::BadUtf8),
            proptest::strategy::Just(Line::BadField),
            proptest::strategy::Just(Line::Blank),
        ], 0..40),
        crlf in proptest::bool::ANY,
    ) {
        let mut input = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            input.extend(line_text(line, n));
            input.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        }
        let results = read(&input, Format::JsonLines);
        let expected: Vec<Option<u64>> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !matches!(l, Line::Blank))
            .map(|(n, l)| match l {
                Line::Good => None,
                _ => Some(n as u64 + 1),
            })
            .collect();
        proptest::prop_assert_eq!(shape(&results), expected);
    }
}

/// One row of a generated CSV file, and whether it must read as a fact.
#[derive(Debug, Clone)]
enum Row {
    Good,
    /// A good row whose place is quoted and spans two lines.
    GoodTwoLines,
    BadUtf8,
    BadField,
    WrongCount,
    Blank,
}

fn row_text(row: &Row, n: usize, newline: &[u8]) -> Vec<u8> {
    let good = format!("m-{n},2020-02-11,a,meeting,meeting,").into_bytes();
    match row {
        Row::Good => good,
        Row::GoodTwoLines => {
            let mut text = good;
            text.extend_from_slice(br#""a, ""b"""#);
            text.extend_from_slice(newline);
            text.extend_from_slice(br#"c""#);
            text
        }
        Row::BadUtf8 => {
            let mut text = good;
            text.push(0xb3);
            text
        }
        Row::BadField => format!("m-{n},2020-02-30,a,meeting,meeting,").into_bytes(),
        Row::WrongCount => format!("m-{n},2020-02-11,a,meeting").into_bytes(),
        Row::Blank => Vec::new(),
    }
}

proptest::proptest! {
    /// The same law for CSV: every row that is not blank is a fact or a bad
    /// record named by the line it starts on, quoted fields spanning lines,
    /// LF or CRLF.
    #[test]
    fn every_csv_row_is_a_fact_or_a_named_error(
        rows in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just(Row::Good),
            proptest::strategy::Just(Row::GoodTwoLines),
            proptest::strategy::Just(Row::BadUtf8),
            proptest::strategy::Just(Row::BadField),
            proptest::strategy::Just(Row::WrongCount),
            proptest::strategy::Just(Row::Blank),
        ], 0..40),
        crlf in proptest::bool::ANY,
    ) {
        let newline: &[u8] = if crlf { b"\r\n" } else { b"\n" };
        let mut input = b"id,date,by,kind,activity,place".to_vec();
        input.extend_from_slice(newline);
        let mut line = 2_u64;
        let mut expected = Vec::new();
        for (n, row) in rows.iter().enumerate() {
            input.extend(row_text(row, n, newline));
            input.extend_from_slice(newline);
            match row {
                Row::Blank => {}
                Row::Good | Row::GoodTwoLines => expected.push(None),
                _ => expected.push(Some(line)),
            }
            line += if let Row::GoodTwoLines = row { 2 } else { 1 };
        }
        let results = read(&input, Format::Csv);
        proptest::prop_assert_eq!(shape(&results), expected);
    }
}

// ---------------------------------------------------------------------------
// Class 6: the JSON parser refuses what it would otherwise read wrong.

#[test]
fn a_duplicate_json_key_is_refused() {
    let e = only_error(&read(
        &fixture("input-04-duplicate-key.jsonl"),
        Format::JsonLines,
    ))
    .clone();
    assert_eq!(e.field.as_deref(), Some("id"), "{e}");
    assert!(e.message.contains("more than once"), "{e}");
}

#[test]
fn an_amount_as_a_json_number_is_refused_with_the_way_to_write_it() {
    let results = read(&fixture("input-05-amount-number.jsonl"), Format::JsonLines);
    let e = only_error(&results);
    assert_eq!(e.field.as_deref(), Some("amount"));
    assert!(e.message.contains(r#""1234.56""#), "{e}");
}

#[test]
fn days_as_a_fraction_or_participants_out_of_range_are_refused() {
    let results = read(&fixture("input-15-days-fraction.jsonl"), Format::JsonLines);
    assert_eq!(shape(&results), [Some(1), Some(2)]);
    assert_eq!(
        results[0].as_ref().unwrap_err().field.as_deref(),
        Some("days")
    );
    assert_eq!(
        results[1].as_ref().unwrap_err().field.as_deref(),
        Some("participants")
    );
}

#[test]
fn days_and_participants_as_integers_still_read() {
    let results = jsonl(
        r#"{"id":"m-1","date":"2020-02-11","by":"rops-torun","kind":"meeting","activity":"meeting","days":2,"participants":4294967295}"#,
    );
    let fact = results[0].as_ref().expect("read");
    assert_eq!(fact.value("days"), Some(Value::Count(2)));
    assert_eq!(
        fact.value("participants"),
        Some(Value::Count(4_294_967_295))
    );
}

#[test]
fn an_unknown_field_is_refused() {
    let results = jsonl(&GOOD.replace(r#""kind""#, r#""knd":"x","kind""#));
    assert_eq!(only_error(&results).field.as_deref(), Some("knd"));
}

// ---------------------------------------------------------------------------
// Class 6: look-alike identifiers.

#[test]
fn an_id_in_nfd_is_refused_and_its_nfc_twin_read() {
    let results = read(&fixture("input-08-nfd-id.jsonl"), Format::JsonLines);
    assert_eq!(shape(&results), [None, Some(2)]);
    let e = results[1].as_ref().unwrap_err();
    assert_eq!(e.field.as_deref(), Some("id"));
    assert!(e.message.contains("NFC"), "{e}");
}

#[test]
fn zero_width_and_bidi_characters_in_identifiers_are_refused() {
    let results = read(
        &fixture("input-09-zero-width-and-bidi.jsonl"),
        Format::JsonLines,
    );
    assert_eq!(shape(&results), [Some(1), Some(2)]);
    let by = results[0].as_ref().unwrap_err();
    assert_eq!(by.field.as_deref(), Some("by"));
    assert!(by.message.contains("U+200B"), "{by}");
    let category = results[1].as_ref().unwrap_err();
    assert_eq!(category.field.as_deref(), Some("category"));
    assert!(category.message.contains("U+202E"), "{category}");
}

#[test]
fn every_identifier_field_is_checked() {
    let cases = [
        (
            "id",
            r#"{"id":"m\u200b1","date":"2020-02-11","by":"a","kind":"meeting","activity":"meeting"}"#,
        ),
        (
            "group",
            r#"{"id":"m","date":"2020-02-11","by":"a","kind":"meeting","group":"P\u200dGR"}"#,
        ),
        (
            "led_by",
            r#"{"id":"m","date":"2020-02-11","by":"a","kind":"meeting","activity":"meeting","led_by":["umk","x\u2066y"]}"#,
        ),
        (
            "role",
            r#"{"id":"c","date":"2020-02-11","by":"a","kind":"coaching","person":"p-1","form":"individual","role":"sw\u00ad"}"#,
        ),
        (
            "institution",
            r#"{"id":"a","date":"2020-02-11","by":"a","kind":"agreement","institution":"i\u0007","name":"n","sector":"s"}"#,
        ),
        (
            "sector",
            r#"{"id":"a","date":"2020-02-11","by":"a","kind":"agreement","institution":"i","name":"n","sector":"s\ufeff"}"#,
        ),
        (
            "partner",
            r#"{"id":"e","date":"2020-02-11","by":"a","kind":"expenditure","partner":"p\u200e","amount":"1.00","category":"c"}"#,
        ),
        (
            "retracts",
            r#"{"id":"r","date":"2020-02-11","by":"a","kind":"retraction","retracts":"e\u200b","reason":"r"}"#,
        ),
    ];
    for (field, line) in cases {
        let results = jsonl(line);
        assert_eq!(only_error(&results).field.as_deref(), Some(field), "{line}");
    }
}

#[test]
fn an_overlong_id_is_refused() {
    let long = "a".repeat(300);
    let results = jsonl(&GOOD.replace("m-1", &long));
    let e = only_error(&results);
    assert_eq!(e.field.as_deref(), Some("id"));
    assert!(!e.message.contains(&long), "{e}");
}

// ---------------------------------------------------------------------------
// Class 6: CSV.

#[test]
fn a_csv_header_naming_a_column_twice_is_refused() {
    let results = read(&fixture("input-10-csv-duplicate-column.csv"), Format::Csv);
    let e = only_error(&results);
    assert_eq!(e.line, 1);
    assert_eq!(e.field.as_deref(), Some("id"));
    assert!(e.message.contains("twice"), "{e}");
}

#[test]
fn a_non_utf8_csv_row_is_an_error_and_later_rows_read() {
    let results = read(&fixture("input-11-csv-non-utf8-row.csv"), Format::Csv);
    assert_eq!(shape(&results), [None, Some(3), None]);
    let e = results[1].as_ref().unwrap_err();
    assert!(e.message.contains("UTF-8"), "{e}");
}

#[test]
fn a_csv_quote_unclosed_at_the_end_is_an_error() {
    let results = read(&fixture("input-12-csv-unclosed-quote.csv"), Format::Csv);
    assert_eq!(shape(&results), [None, Some(3)]);
    assert!(
        results[1]
            .as_ref()
            .unwrap_err()
            .message
            .contains("not closed"),
        "{results:?}"
    );
}

#[test]
fn an_unknown_csv_column_is_refused() {
    let results = read(&fixture("input-13-csv-unknown-column.csv"), Format::Csv);
    let e = only_error(&results);
    assert_eq!((e.line, e.field.as_deref()), (1, Some("plac")));
}

#[test]
fn csv_rows_with_quotes_newlines_and_a_bom_read() {
    let results = csv(
        "\u{feff}id,date,by,kind,activity,place\r\nm-1,2020-02-11,rops-torun,meeting,meeting,\"Nakło, \"\"sala\"\"\nduża\"\r\n\r\nm-2,2020-02-11,rops-torun,meeting,meeting,\r\nm-3,2020-02-30,rops-torun,meeting,meeting,\r\n",
    );
    assert_eq!(shape(&results), [None, None, Some(6)]);
    let place = results[0].as_ref().unwrap().value("place");
    assert_eq!(place, Some(Value::Text("Nakło, \"sala\"\nduża".to_owned())));
}

#[test]
fn a_csv_row_with_too_many_fields_is_named_and_the_next_read() {
    let results = csv(
        "id,date,by,kind,activity\nm-1,2020-02-11,a,meeting,meeting,extra\nm-2,2020-02-11,a,meeting,meeting\n",
    );
    assert_eq!(shape(&results), [Some(2), None]);
}

// ---------------------------------------------------------------------------
// Class 3: persons stay pseudonymous.

/// Every message must be free of every one of these raw values.
const RAW: [&str; 6] = [
    "85010112345",
    "Jan Kowalski",
    "Kowalski",
    "Anna Nowak",
    "jan.kowalski@example.com",
    "Zażółć",
];

fn assert_no_raw(e: &RecordError) {
    let text = format!("{e} {e:?}");
    for raw in RAW {
        assert!(!text.contains(raw), "{raw:?} echoed in {text}");
    }
}

#[test]
fn a_pesel_sent_as_a_number_is_refused_without_echo() {
    let results = read(&fixture("input-06-pesel-number.jsonl"), Format::JsonLines);
    let e = only_error(&results);
    assert_eq!(e.field.as_deref(), Some("person"));
    assert_no_raw(e);
}

#[test]
fn names_in_a_persons_list_are_refused_not_split() {
    let results = read(&fixture("input-07-persons-names.jsonl"), Format::JsonLines);
    let e = only_error(&results);
    assert_eq!(e.field.as_deref(), Some("persons"));
    assert_no_raw(e);
}

#[test]
fn a_name_in_person_is_refused_without_echo() {
    let results = read(&fixture("input-14-person-name.jsonl"), Format::JsonLines);
    let e = only_error(&results);
    assert_eq!(e.field.as_deref(), Some("person"));
    assert_no_raw(e);
}

#[test]
fn no_error_about_a_person_field_echoes_its_value() {
    let values = [
        r#""85010112345""#,
        "85010112345",
        r#""Jan Kowalski""#,
        r#""jan.kowalski@example.com""#,
        r#""Zażółć""#,
        r#"["85010112345"]"#,
        r#"[85010112345]"#,
        r#"{"name":"Jan Kowalski"}"#,
        "true",
        r#"[["Jan Kowalski"]]"#,
        r#"["ok-1", {"n":"Kowalski"}]"#,
        r#""Kowalski""#,
    ];
    for value in values {
        for (field, line) in [
            (
                "person",
                format!(
                    r#"{{"id":"q","date":"2020-02-11","by":"a","kind":"qualification","person":{value}}}"#
                ),
            ),
            (
                "persons",
                format!(
                    r#"{{"id":"m","date":"2020-02-11","by":"a","kind":"meeting","activity":"meeting","persons":{value}}}"#
                ),
            ),
            (
                "person",
                format!(
                    r#"{{"id":"s","date":"2020-02-11","by":"a","kind":"support","person":{value}}}"#
                ),
            ),
        ] {
            let results = jsonl(&line);
            let e = only_error(&results);
            assert_eq!(e.field.as_deref(), Some(field), "{line}: {e}");
            assert_no_raw(e);
        }
    }
    // A person value in a field of the wrong kind is refused by its name only.
    let results = jsonl(
        r#"{"id":"d","date":"2020-02-11","by":"a","kind":"pilot","jst":"0410","person":"Kowalski"}"#,
    );
    assert_no_raw(only_error(&results));
    // And in CSV.
    let results = csv(
        "id,date,by,kind,person\nq,2020-02-11,a,qualification,Jan Kowalski\nq2,2020-02-11,a,qualification,85010112345\n",
    );
    assert_eq!(shape(&results), [Some(2), Some(3)]);
    for r in &results {
        assert_no_raw(r.as_ref().unwrap_err());
    }
}

#[test]
fn other_values_in_messages_are_bounded() {
    let long = "x".repeat(10_000);
    for line in [
        GOOD.replace(r#""kind":"meeting""#, &format!(r#""kind":"{long}""#)),
        GOOD.replace(
            r#""activity":"meeting""#,
            &format!(r#""activity":"{long}""#),
        ),
        GOOD.replace("2020-02-11", &long),
        GOOD.replace(
            r#""activity":"meeting""#,
            &format!(r#""activity":"meeting","days":"{long}""#),
        ),
        GOOD.replace(r#""kind""#, &format!(r#""{long}":1,"kind""#)),
    ] {
        let results = jsonl(&line);
        let e = only_error(&results);
        assert!(e.to_string().chars().count() < 400, "{e}");
    }
}

/// A person value sent by mistake in a field that is not a person field (the
/// kind, the date, the territory…) is not quoted back either: messages show a
/// value only when it cannot be a PESEL number, a name or an e-mail address.
#[test]
fn a_person_value_in_another_field_is_not_quoted_back() {
    let base = r#"{"id":"m","date":"2020-02-11","by":"a","kind":"meeting","activity":"meeting"}"#;
    for (field, line) in [
        (
            "kind",
            base.replace(r#""kind":"meeting""#, r#""kind":"85010112345""#),
        ),
        (
            "kind",
            base.replace(r#""kind":"meeting""#, r#""kind":"Kowalski""#),
        ),
        ("date", base.replace("2020-02-11", "85010112345")),
        ("date", base.replace("2020-02-11", "Jan Kowalski")),
        (
            "activity",
            base.replace(
                r#""activity":"meeting""#,
                r#""activity":"jan.kowalski@example.com""#,
            ),
        ),
        (
            "territory",
            base.replace(r#""by":"a""#, r#""by":"a","territory":"85010112345""#),
        ),
        (
            "days",
            base.replace(r#""by":"a""#, r#""by":"a","days":"85010112345""#),
        ),
        (
            "Kowalski",
            base.replace(r#""by":"a""#, r#""by":"a","Kowalski":"x""#),
        ),
    ] {
        let results = jsonl(&line);
        let e = only_error(&results);
        if field != "Kowalski" {
            assert_eq!(e.field.as_deref(), Some(field), "{e}");
        }
        assert_no_raw(e);
    }
    let results = jsonl(
        r#"{"id":"e","date":"2020-02-11","by":"a","kind":"expenditure","amount":"85010112345,5x","category":"c"}"#,
    );
    assert_no_raw(only_error(&results));
    // An ordinary mistake is still quoted, to be found and fixed.
    let results = jsonl(&base.replace(r#""kind":"meeting""#, r#""kind":"meting""#));
    assert!(only_error(&results).message.contains(r#""meting""#));
}

/// A JSON number that is a whole number in any notation (`2.0`, `2e1`, as
/// JSON Schema counts integers) is read exactly; one with a fraction is not.
#[test]
fn days_as_a_whole_number_in_any_notation_are_read_exactly() {
    for (text, days) in [
        ("2.0", 2),
        ("2e1", 20),
        ("20E-1", 2),
        ("1.50e1", 15),
        ("2275939.000", 2_275_939),
        ("4294967295.0", 4_294_967_295),
        ("0.0e5", 0),
        ("-0", 0),
    ] {
        let line = GOOD.replace(
            r#""activity":"meeting""#,
            &format!(r#""activity":"meeting","days":{text}"#),
        );
        let results = jsonl(&line);
        let fact = results[0]
            .as_ref()
            .unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(fact.value("days"), Some(Value::Count(days)), "{text}");
    }
    for text in [
        "1.5",
        "25e-1",
        "4294967296.0",
        "4.294967296e9",
        "1e400",
        "-1.0",
        "1e-400",
    ] {
        let line = GOOD.replace(
            r#""activity":"meeting""#,
            &format!(r#""activity":"meeting","days":{text}"#),
        );
        let results = jsonl(&line);
        assert_eq!(
            only_error(&results).field.as_deref(),
            Some("days"),
            "{text}"
        );
    }
}
