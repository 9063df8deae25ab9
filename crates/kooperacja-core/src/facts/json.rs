//! The one JSON reader of a fact, used by the JSON Lines reader and by every
//! adapter that takes facts as JSON (the server).
//!
//! The object is read entry by entry, each value kept as its exact JSON text,
//! so that nothing passes through a binary float or a map that forgets a
//! repeated key:
//! - a key given twice is refused;
//! - an unknown key is refused;
//! - `days` and `participants` may be whole JSON numbers (from 0 to
//!   4,294,967,295) or strings; a fraction, an exponent or a number out of
//!   range is refused, never rounded;
//! - `amount` must be a string such as `"1234.56"`: a JSON number is refused,
//!   since most tools write it through a binary float and it may already be
//!   wrong (`90071992547409.93` becomes `…94`) before it reaches us;
//! - `persons` and `led_by` are arrays of strings (a single string is a list of
//!   one); an entry holding a space, `,` or `;` is refused, not split;
//! - every other value is a string (or null, meaning absent).
//!
//! Messages name the field and what was expected, and never quote a value.

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::value::RawValue;

use super::{FieldError, Record, bounded};

/// The entries of one JSON object, in order, each value as its JSON text.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a fact as a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value: &'de RawValue = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_map(Object)
    }
}

/// What a JSON value is, by its first character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    String,
    Number,
    Array,
    Object,
    Bool,
    Null,
}

impl Shape {
    fn of(raw: &RawValue) -> Shape {
        match raw.get().trim_start().as_bytes().first() {
            Some(b'"') => Shape::String,
            Some(b'[') => Shape::Array,
            Some(b'{') => Shape::Object,
            Some(b't' | b'f') => Shape::Bool,
            Some(b'n') => Shape::Null,
            _ => Shape::Number,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Shape::String => "a string",
            Shape::Number => "a number",
            Shape::Array => "an array",
            Shape::Object => "an object",
            Shape::Bool => "true or false",
            Shape::Null => "null",
        }
    }
}

/// The string a raw JSON string value holds.
fn string(raw: &RawValue, field: &str) -> Result<String, FieldError> {
    serde_json::from_str::<String>(raw.get())
        .map_err(|_| FieldError::new(field, format!("{field}: expected a string")))
}

fn wrong(field: &str, expected: &str, found: Shape) -> FieldError {
    FieldError::new(
        field,
        format!("{field}: expected {expected}, found {}", found.name()),
    )
}

/// A whole JSON number from 0 to `u32::MAX`, from its exact text.
fn whole(raw: &RawValue, field: &str) -> Result<String, FieldError> {
    let text = raw.get().trim();
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        let what = if text.starts_with('-') {
            "a negative number"
        } else {
            "a number with a fraction or an exponent"
        };
        return Err(FieldError::new(
            field,
            format!(
                "{field}: expected a whole number from 0 to {}, found {what}",
                u32::MAX
            ),
        ));
    }
    match text.parse::<u32>() {
        Ok(n) => Ok(n.to_string()),
        Err(_) => Err(FieldError::new(
            field,
            format!(
                "{field}: expected a whole number from 0 to {}, found a larger one",
                u32::MAX
            ),
        )),
    }
}

/// One entry of a list: refused if empty or if it holds a separator.
fn one_entry(entry: String, field: &str, index: usize) -> Result<String, FieldError> {
    if entry.is_empty() || entry.contains(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        return Err(FieldError::new(
            field,
            format!(
                "{field}: entry {index} is empty or holds a space, ',' or ';'; each entry is one key (write several as an array of strings)"
            ),
        ));
    }
    Ok(entry)
}

/// A list of strings, joined by single spaces, each entry refused if it holds
/// a separator (so that it is never split into several).
fn list(raw: &RawValue, field: &str) -> Result<String, FieldError> {
    let items: Vec<&RawValue> = serde_json::from_str(raw.get())
        .map_err(|_| FieldError::new(field, format!("{field}: expected an array of strings")))?;
    let mut joined = String::new();
    for (i, item) in items.iter().enumerate() {
        let shape = Shape::of(item);
        if shape != Shape::String {
            return Err(FieldError::new(
                field,
                format!(
                    "{field}: entry {} is {}; expected each entry as a string",
                    i + 1,
                    shape.name()
                ),
            ));
        }
        let entry = one_entry(string(item, field)?, field, i + 1)?;
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(&entry);
    }
    Ok(joined)
}

/// Reads one fact's record from the text of a JSON object, with the rules of
/// the module's documentation; the record is not yet a fact (see
/// [`Record::into_fact`](super::Fact::from_record)).
///
/// ```
/// use kooperacja_core::facts::parse_json_record;
/// let record = parse_json_record(r#"{"id":"m-1","days":2,"persons":["p-1","p-2"]}"#)?;
/// assert_eq!(record.days.as_deref(), Some("2"));
/// assert_eq!(record.persons.as_deref(), Some("p-1 p-2"));
/// assert!(parse_json_record(r#"{"id":"a","id":"b"}"#).is_err());
/// assert!(parse_json_record(r#"{"amount":12.5}"#).is_err());
/// # Ok::<(), kooperacja_core::facts::FieldError>(())
/// ```
pub fn parse_json_record(text: &str) -> Result<Record, FieldError> {
    if !text.trim_start().starts_with('{') {
        return Err(FieldError {
            field: None,
            message: "expected a fact: a JSON object".to_owned(),
        });
    }
    let entries: Entries<'_> = serde_json::from_str(text).map_err(|e| FieldError {
        field: None,
        message: format!("not valid JSON: {e}"),
    })?;
    let mut record = Record::default();
    let mut seen = [false; Record::COLUMNS.len()];
    for (key, raw) in entries.0 {
        let Some(column) = Record::COLUMNS.iter().position(|c| *c == key) else {
            let shown = bounded(&key);
            return Err(FieldError {
                field: Some(shown.clone()),
                message: format!(
                    "unknown field {shown:?}; expected some of: {}",
                    Record::COLUMNS.join(", ")
                ),
            });
        };
        let field = Record::COLUMNS[column];
        if std::mem::replace(&mut seen[column], true) {
            return Err(FieldError::new(
                field,
                format!("{field} is given more than once; a fact names each field once"),
            ));
        }
        let shape = Shape::of(raw);
        let value = match (field, shape) {
            (_, Shape::Null) => None,
            // In JSON, a list given as one string is a list of one entry.
            ("persons" | "led_by", Shape::String) => {
                Some(one_entry(string(raw, field)?, field, 1)?)
            }
            (_, Shape::String) => Some(string(raw, field)?),
            ("days" | "participants", Shape::Number) => Some(whole(raw, field)?),
            ("days" | "participants", _) => {
                return Err(wrong(field, "a whole number or a string", shape));
            }
            ("amount", Shape::Number) => {
                return Err(FieldError::new(
                    field,
                    "amount: write the amount as a string, such as \"1234.56\": a JSON number is a binary float in most tools and may have lost grosze before it reached us",
                ));
            }
            ("persons" | "led_by", Shape::Array) => Some(list(raw, field)?),
            ("persons" | "led_by", _) => {
                return Err(wrong(field, "an array of strings", shape));
            }
            _ => return Err(wrong(field, "a string", shape)),
        };
        if let Some(slot) = record.field_mut(column) {
            *slot = value;
        }
    }
    Ok(record)
}
