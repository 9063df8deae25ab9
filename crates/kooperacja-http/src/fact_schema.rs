//! The JSON Schema (draft 2020-12) of the facts a project's vocabulary
//! declares: one schema per kind (the declared kinds in file order, then the
//! built-in ones), under a `oneOf` whose branches the `kind` constant tells
//! apart.
//!
//! Each branch has the base fields ([`BASE_FIELDS`]), the kind's fields typed
//! by their declaration (a person, household or other id: a string; a count or
//! days: an integer from 0; hours: a number or a string; an amount: a string
//! in plain or Polish notation; an enum: its values, or a string for a field
//! whose values are the project file's `roles` or `sectors`; a date: a string
//! of format `date`; a list field: an array), `required` as declared, `anyOf`
//! for `one_of`, and `additionalProperties: false`.
//!
//! The module is pure: it reads a [`Vocabulary`] and nothing of the server,
//! so that it can move into core as it stands. The server adds its own limit
//! (the note's length) where it serves the schema.

use kooperacja_core::present::Lang;
use kooperacja_core::vocabulary::{BASE_FIELDS, FactKindDecl, FieldDecl, FieldType, Vocabulary};
use serde_json::{Map, Value, json};

/// The dialect of the schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A TERYT code of 2, 4 or 7 digits (a voivodeship, powiat or gmina).
pub const TERYT_PATTERN: &str = "^[0-9]{2}([0-9]{2}([0-9]{3})?)?$";

/// An amount as core reads it (`money::Amount::parse`), without the currency
/// sign: an optional minus, złoty ungrouped or in groups of three digits
/// separated by a space (or a no-break space), at most two decimals after `,`
/// or `.`.
pub const AMOUNT_PATTERN: &str = "^-?([0-9]{1,3}([ \u{a0}][0-9]{3})+|[0-9]+)([.,][0-9]{1,2})?$";

/// Hours as text: a number from 0 with a decimal `.` or `,`.
pub const HOURS_PATTERN: &str = "^[0-9]+([.,][0-9]+)?$";

/// A raw person key (`pseudonym::check_raw`'s characters and length) or a
/// pseudonym.
pub const PERSON_PATTERN: &str = "^[A-Za-z0-9_-]{1,64}$";

/// The fields every fact of every kind gives, whatever else it gives.
pub const REQUIRED_BASE: [&str; 4] = ["id", "date", "by", "kind"];

/// The JSON Schema of the facts of `vocabulary`, with titles in `lang`.
pub fn fact_schema(vocabulary: &Vocabulary, lang: Lang) -> Value {
    let kinds: Vec<Value> = vocabulary
        .kinds()
        .iter()
        .map(|kind| kind_schema(vocabulary, kind, lang))
        .collect();
    json!({
        "$schema": DIALECT,
        "type": "object",
        "oneOf": kinds,
    })
}

/// The schemas of the base fields but `kind` (`BASE_FIELDS`).
pub fn base_properties() -> Map<String, Value> {
    let mut properties = Map::new();
    for field in BASE_FIELDS {
        let schema = match field {
            "id" => json!({"type": "string", "minLength": 1,
                "maxLength": kooperacja_core::identifier::MAX_CHARS}),
            "date" => json!({"type": "string", "format": "date"}),
            "by" => json!({"type": "string", "minLength": 1}),
            "territory" => json!({"type": "string", "pattern": TERYT_PATTERN}),
            "note" => json!({"type": "string"}),
            _ => continue,
        };
        properties.insert(field.to_owned(), schema);
    }
    properties
}

/// The schema of the facts of one kind.
pub fn kind_schema(vocabulary: &Vocabulary, kind: &FactKindDecl, lang: Lang) -> Value {
    let mut properties = base_properties();
    properties.insert("kind".to_owned(), json!({"const": kind.id}));
    let mut required: Vec<&str> = REQUIRED_BASE.to_vec();
    for field in &kind.fields {
        properties.insert(field.id.clone(), field_schema(vocabulary, field, lang));
        // A field with a default is taken from it when absent.
        if field.required && field.default.is_none() {
            required.push(&field.id);
        }
    }
    let mut schema = Map::new();
    schema.insert(
        "title".to_owned(),
        Value::from(vocabulary.kind_label(&kind.id, lang)),
    );
    schema.insert("type".to_owned(), Value::from("object"));
    schema.insert("properties".to_owned(), Value::Object(properties));
    schema.insert("required".to_owned(), json!(required));
    if !kind.one_of.is_empty() {
        let any: Vec<Value> = kind
            .one_of
            .iter()
            .map(|f| json!({"required": [f]}))
            .collect();
        schema.insert("anyOf".to_owned(), Value::Array(any));
    }
    schema.insert("additionalProperties".to_owned(), Value::Bool(false));
    Value::Object(schema)
}

/// The schema of one declared field (of one value; an array of them for a
/// list field), with its name in `lang` as title.
pub fn field_schema(vocabulary: &Vocabulary, field: &FieldDecl, lang: Lang) -> Value {
    let one = match field.field_type {
        FieldType::Person | FieldType::Household => {
            json!({"type": "string", "pattern": PERSON_PATTERN})
        }
        FieldType::Institution | FieldType::Group | FieldType::Organisation => {
            json!({"type": "string", "minLength": 1,
                "maxLength": kooperacja_core::identifier::MAX_CHARS})
        }
        FieldType::Jst => json!({"type": "string", "pattern": TERYT_PATTERN}),
        FieldType::Count | FieldType::Days => {
            json!({"type": "integer", "minimum": 0, "maximum": u32::MAX})
        }
        FieldType::Hours => {
            json!({"type": ["number", "string"], "minimum": 0, "pattern": HOURS_PATTERN})
        }
        FieldType::Amount => json!({"type": "string", "pattern": AMOUNT_PATTERN}),
        FieldType::Enum => match vocabulary.values(field) {
            Some(values) => {
                json!({"enum": values.iter().map(|v| v.id.as_str()).collect::<Vec<_>>()})
            }
            // The file's own lists (`roles`, `sectors`), which core's fact
            // check holds the value against.
            None => json!({"type": "string", "minLength": 1}),
        },
        FieldType::Date => json!({"type": "string", "format": "date"}),
        _ => json!({"type": "string"}),
    };
    let mut schema = if field.many {
        json!({"type": "array", "items": one})
    } else {
        one
    };
    if let Value::Object(map) = &mut schema {
        map.insert("title".to_owned(), Value::from(field.label(lang)));
        if let (Some(default), false) = (field.default, field.many) {
            map.insert("default".to_owned(), Value::from(default));
        }
    }
    schema
}
