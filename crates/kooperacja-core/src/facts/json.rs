//! The one JSON reader of a fact, used by the JSON Lines reader and by every
//! adapter that takes facts as JSON (the server).
//!
//! The object is read entry by entry, each value kept as its exact JSON text,
//! so that nothing passes through a binary float or a map that forgets a
//! repeated key:
//! - a key given twice is refused;
//! - a value is a string, a number, an array of strings or null (absent);
//! - a number is kept as its exact text, never a binary float: whether the
//!   field takes one is the vocabulary's decision, when the record becomes a
//!   fact (a count or days field takes a whole number from 0 to 4,294,967,295
//!   in any notation, `2`, `2.0`, `2e1`, and a fraction or a number out of
//!   range is refused, never rounded; an amount must be a string such as
//!   `"1234.56"`, since most tools write a JSON number through a binary float
//!   and it may already be wrong, `90071992547409.93` become `…94`);
//! - an array is a list: each entry a string holding no space, `,` or `;`
//!   (refused, not split).
//!
//! Messages name the field and what was expected, and never quote a value.

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::value::RawValue;

use super::{FieldError, Record, Shape as Written, bounded, may_be_personal, shown};

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
        .map_err(|_| FieldError::new(field, "expected a string"))
}

fn wrong(field: &str, expected: &str, found: Shape) -> FieldError {
    FieldError::new(
        field,
        format!("expected {expected}, found {}", found.name()),
    )
}

/// A whole JSON number from 0 to `u32::MAX`, from its exact text. Any notation
/// of a whole number is taken (`2`, `2.0`, `2e1`: JSON Schema counts them all as
/// integers); a fraction is refused, never rounded.
fn whole(raw: &RawValue, field: &str) -> Result<String, FieldError> {
    whole_text(raw.get(), field)
}

/// [`whole`] of a JSON number's text.
pub(crate) fn whole_text(text: &str, field: &str) -> Result<String, FieldError> {
    let refused = |what: &str| {
        FieldError::new(
            field,
            format!(
                "expected a whole number from 0 to {}, found {what}",
                u32::MAX
            ),
        )
    };
    let text = text.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, "0"),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The number is `digits` × 10^shift.
    let digits = format!("{int}{frac}");
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Ok("0".to_owned());
    }
    if negative {
        return Err(refused("a negative number"));
    }
    let frac_len = i64::try_from(frac.len()).unwrap_or(i64::MAX);
    // An exponent beyond ±10^6 cannot make a number in range (nor a whole one
    // out of a line of at most 1 MiB).
    let exponent: i64 = exponent
        .trim_start_matches('+')
        .parse()
        .unwrap_or(if exponent.starts_with('-') {
            i64::MIN
        } else {
            i64::MAX
        })
        .clamp(-1_000_000, 1_000_000);
    let shift = exponent - frac_len;
    let whole_digits = if shift >= 0 {
        if significant.len() as i64 + shift > 10 {
            return Err(refused("a larger one"));
        }
        let zeros = usize::try_from(shift).unwrap_or(usize::MAX);
        format!("{significant}{}", "0".repeat(zeros))
    } else {
        let cut = usize::try_from(-shift).unwrap_or(usize::MAX);
        if cut > significant.len() {
            return Err(refused("a number with a fraction"));
        }
        let (kept, dropped) = significant.split_at(significant.len() - cut);
        if dropped.bytes().any(|b| b != b'0') {
            return Err(refused("a number with a fraction"));
        }
        if kept.is_empty() {
            return Ok("0".to_owned());
        }
        if kept.len() > 10 {
            return Err(refused("a larger one"));
        }
        kept.to_owned()
    };
    match whole_digits.parse::<u32>() {
        Ok(n) => Ok(n.to_string()),
        Err(_) => Err(refused("a larger one")),
    }
}

/// One entry of a list: refused if empty or if it holds a separator.
fn one_entry(entry: String, field: &str, index: usize) -> Result<String, FieldError> {
    if entry.is_empty() || entry.contains(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        return Err(FieldError::new(
            field,
            format!(
                "entry {index} is empty or holds a space, ',' or ';'; each entry is one key (write several as an array of strings)"
            ),
        ));
    }
    Ok(entry)
}

/// A list of strings, joined by single spaces, each entry refused if it holds
/// a separator (so that it is never split into several).
fn list(raw: &RawValue, field: &str) -> Result<String, FieldError> {
    let items: Vec<&RawValue> = serde_json::from_str(raw.get())
        .map_err(|_| FieldError::new(field, "expected an array of strings"))?;
    let mut joined = String::new();
    for (i, item) in items.iter().enumerate() {
        let shape = Shape::of(item);
        if shape != Shape::String {
            return Err(FieldError::new(
                field,
                format!(
                    "entry {} is {}; expected each entry as a string",
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
/// [`Fact::from_record`](super::Fact::from_record)).
///
/// ```
/// use kooperacja_core::facts::parse_json_record;
/// let record = parse_json_record(r#"{"id":"m-1","days":2,"persons":["p-1","p-2"]}"#)?;
/// assert_eq!(record.get("days"), Some("2"));
/// assert_eq!(record.get("persons"), Some("p-1 p-2"));
/// assert!(parse_json_record(r#"{"id":"a","id":"b"}"#).is_err());
/// assert!(parse_json_record(r#"{"days":true}"#).is_err());
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
    for (key, raw) in entries.0 {
        let personal = may_be_personal(&key);
        let field = if personal {
            "?".to_owned()
        } else {
            bounded(&key)
        };
        if crate::identifier::check(&key).is_err() || key.chars().count() > 64 {
            return Err(FieldError {
                field: None,
                message: format!("unknown field {}", shown(&key)),
            });
        }
        if record.has(&key) {
            return Err(FieldError::new(
                &field,
                format!("{field} is given more than once; a fact names each field once"),
            ));
        }
        let shape = Shape::of(raw);
        let (value, written) = match shape {
            Shape::Null => (String::new(), Written::Text),
            Shape::String => (string(raw, &field)?, Written::Text),
            Shape::Number => (number(raw, &field)?, Written::Number),
            Shape::Array => (list(raw, &field)?, Written::List),
            _ => {
                return Err(wrong(
                    &field,
                    "a string, a number or an array of strings",
                    shape,
                ));
            }
        };
        record.set(&key, &value, written);
    }
    Ok(record)
}

/// A JSON number's text: a whole number in range is normalised ([`whole`]);
/// any other is kept as written, for the field's type to judge (a decimal
/// field, hours, reads it exactly; a count refuses it with [`whole`]'s
/// reason; a text field refuses a number).
fn number(raw: &RawValue, field: &str) -> Result<String, FieldError> {
    let text = raw.get().trim();
    match whole(raw, field) {
        Ok(n) => Ok(n),
        Err(_) if text.len() <= 64 => Ok(text.to_owned()),
        Err(e) => Err(e),
    }
}
