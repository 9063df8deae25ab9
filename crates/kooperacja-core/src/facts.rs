//! Facts: the append-only record of what happened in a project.
//!
//! A fact has a stable id, a date, the organisation that recorded it, the
//! territory (TERYT unit) it belongs to, and what happened. Facts are never
//! edited: a mistake is undone by a [`What::Retraction`] naming the fact's id.
//! Persons appear only by a pseudonymous key, never by name or PESEL.
//!
//! Facts are read from JSON Lines or CSV with [`FactReader`], which streams from
//! any [`BufRead`], never holds the whole input, and reports the line and field
//! of every bad record without stopping at the first one.
//!
//! ```
//! use std::sync::Arc;
//! use kooperacja_core::facts::{FactReader, Format, Value};
//! use kooperacja_core::vocabulary::{Declaration, Vocabulary};
//! let declaration: Declaration = toml::from_str(r#"
//!     [[fact_kinds]]
//!     id = "meeting"
//!     fields = [{ id = "days", type = "days", default = 1 }, { id = "participants", type = "count" }, { id = "place", type = "text" }]
//! "#).unwrap();
//! let vocabulary = Arc::new(Vocabulary::new(&declaration).unwrap());
//! let jsonl = r#"{"id":"m-1","date":"2020-02-11","by":"rops-torun","territory":"0410","kind":"meeting","participants":25,"place":"Przystań, Nakło nad Notecią"}
//! {"id":"x","date":"2020-02-30","by":"rops-torun","kind":"meeting"}
//! "#;
//! let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
//! let results: Vec<_> = FactReader::new(jsonl.as_bytes(), Format::JsonLines, vocabulary, key).collect();
//! let fact = results[0].as_ref().unwrap();
//! assert_eq!(fact.value("days"), Some(Value::Count(1)));
//! assert_eq!(fact.value("participants"), Some(Value::Count(25)));
//! let err = results[1].as_ref().unwrap_err();
//! assert_eq!(err.to_string(), "line 2, field date: invalid date \"2020-02-30\": there is no such day in the calendar");
//! //! ```

use std::fmt;
use std::io::BufRead;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

mod json;
mod reader;

pub use json::parse_json_record;
pub use reader::{FactReader, Format, MAX_RECORD_BYTES, MAX_SKIP_BYTES};

use crate::identifier;
use crate::money::Amount;
use crate::period::parse_date;
use crate::pseudonym::PseudonymKey;
use crate::territory::TerytCode;
use crate::vocabulary::{BASE_FIELDS, FieldDecl, FieldType, Vocabulary};

/// The pseudonymous key of a person: `ps-` and 40 lower-case hex digits, the
/// keyed hash ([`PseudonymKey::person`]) of the value a fact file or a request
/// gave. A fact never holds a raw person value.
///
/// ```
/// use kooperacja_core::facts::PersonKey;
/// use kooperacja_core::pseudonym::PseudonymKey;
/// let key = PseudonymKey::from_bytes([1; 32]);
/// let person = key.person("p-7f3a9c")?;
/// assert!(person.as_str().starts_with("ps-"));
/// assert_eq!(PersonKey::from_pseudonym(person.as_str()), Some(person));
/// assert_eq!(PersonKey::from_pseudonym("p-7f3a9c"), None); // not hashed
/// # Ok::<(), kooperacja_core::pseudonym::PersonError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
pub struct PersonKey(String);

impl PersonKey {
    /// A key already of the pseudonym's shape; `None` for any other text.
    pub fn from_pseudonym(text: &str) -> Option<PersonKey> {
        crate::pseudonym::is_pseudonym(text).then(|| PersonKey(text.to_owned()))
    }

    /// A key the pseudonym module made.
    pub(crate) fn from_checked(text: String) -> PersonKey {
        PersonKey(text)
    }

    /// The key.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// At most 64 characters of a value for a message, then `…`: messages of the
/// fact readers quote no more of a value than this (and no person value at all).
///
/// ```
/// use kooperacja_core::facts::bounded;
/// assert_eq!(bounded("short"), "short");
/// assert_eq!(bounded(&"x".repeat(100)).chars().count(), 65);
/// ```
pub fn bounded(text: &str) -> String {
    const MAX: usize = 64;
    match text.char_indices().nth(MAX) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}…", &text[..end]),
    }
}

/// Whether a value may be personal data, and so must not be quoted back in a
/// message: it holds a run of 9 or more digits (a PESEL, ID or phone number),
/// an `@` (an e-mail address), a space (a full name) or a capitalised word of
/// letters only (a surname).
///
/// ```
/// use kooperacja_core::facts::may_be_personal;
/// assert!(may_be_personal("85010112345"));
/// assert!(may_be_personal("Kowalski"));
/// assert!(!may_be_personal("meting"));
/// ```
pub fn may_be_personal(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars() {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        if digits >= 9 || c == '@' || c.is_whitespace() {
            return true;
        }
    }
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_uppercase)
        && text.chars().count() > 1
        && chars.all(char::is_lowercase)
}

/// What a message says of a value: the value quoted and [`bounded()`], or a
/// note that it is not shown, when it [may be personal](may_be_personal).
pub fn shown(text: &str) -> String {
    if may_be_personal(text) {
        "(a value not shown, as it may be personal data)".to_owned()
    } else {
        format!("{:?}", bounded(text))
    }
}

fn quoted(text: &str) -> String {
    shown(text)
}

/// The message of a value that did not parse: the parser's own, which quotes
/// the value, or, for a value that may be personal, one that does not.
fn unparsed(text: &str, name: &str, error: impl fmt::Display) -> FieldError {
    if may_be_personal(text) {
        FieldError::new(name, format!("invalid {name} {}", shown(text)))
    } else {
        FieldError::new(name, error.to_string())
    }
}

/// The value of one field of a fact, typed by the field's declaration.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Value {
    /// An id (institution, group, organisation), an enumeration value or free text.
    Text(String),
    /// A person or household, by pseudonymous key.
    Person(PersonKey),
    /// A JST, by TERYT code.
    Jst(TerytCode),
    /// A count or whole days.
    Count(u32),
    /// Hours, exact, with at most two decimal places.
    Hours(rust_decimal::Decimal),
    /// An amount.
    Amount(Amount),
    /// A day.
    Date(#[serde(with = "crate::period::date_serde")] NaiveDate),
    /// The values of a list field.
    List(Vec<Value>),
}

impl Value {
    /// The value as a fact file writes it (a list's entries separated by spaces).
    ///
    /// ```
    /// use kooperacja_core::facts::Value;
    /// assert_eq!(Value::Count(2).to_text(), "2");
    /// assert_eq!(Value::List(vec![Value::Text("a".into()), Value::Text("b".into())]).to_text(), "a b");
    /// ```
    pub fn to_text(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Person(p) => p.as_str().to_owned(),
            Value::Jst(c) => c.to_string(),
            Value::Count(n) => n.to_string(),
            Value::Hours(h) => h.normalize().to_string(),
            Value::Amount(a) => a.to_plain(),
            Value::Date(d) => d.to_string(),
            Value::List(items) => items
                .iter()
                .map(Value::to_text)
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// The single values this value holds: itself, or a list's entries.
    pub fn items(&self) -> &[Value] {
        match self {
            Value::List(items) => items,
            one => std::slice::from_ref(one),
        }
    }

    /// The text of an id, enumeration or text value.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// What a fact of a kind other than an expenditure or a retraction records:
/// its kind and the values of its fields, in the order the kind declares them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Fields {
    /// The kind's id.
    pub kind: String,
    /// The fields given (and the declared defaults), in declaration order.
    pub values: Vec<(String, Value)>,
}

impl Fields {
    /// The value of a field, if given.
    ///
    /// ```
    /// use kooperacja_core::facts::{Fields, Value};
    /// let f = Fields { kind: "meeting".into(), values: vec![("days".into(), Value::Count(2))] };
    /// assert_eq!(f.get("days"), Some(&Value::Count(2)));
    /// assert_eq!(f.get("place"), None);
    /// ```
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.values
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, v)| v)
    }

    /// The text of an id, enumeration or text field, if given.
    pub fn text(&self, field: &str) -> Option<&str> {
        self.get(field).and_then(Value::as_text)
    }
}

/// The task and cost line of the budget an expenditure settles.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct PlanRef {
    /// The task's number.
    pub task: u32,
    /// The cost line's id, if the fact names one.
    pub line: Option<String>,
}

/// The accounting document an expenditure is paid on (faktura, lista płac).
/// The day of payment is the fact's date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Document {
    /// Its number.
    pub number: String,
    /// The issuer: its NIP or firm (never a person's name).
    pub issuer: Option<String>,
    /// The day it was issued.
    #[serde(with = "crate::period::date_serde::option")]
    pub issued: Option<NaiveDate>,
    /// Its gross amount.
    pub gross: Option<Amount>,
    /// The VAT within the eligible amount.
    pub vat: Option<Amount>,
}

/// What a fact records.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum What {
    /// A fact of a declared kind, or of the built-in kinds `entry`, `exit` and
    /// `transfer`: its fields as the vocabulary types them.
    Fields(Fields),
    /// Money was spent (the built-in kind `expenditure`).
    Expenditure {
        /// The partner (organisation id) that spent it.
        partner: String,
        /// How much (negative for a refund).
        amount: Amount,
        /// The budget category.
        category: String,
        /// Where the plan has it: the task and cost line it settles, if the
        /// fact names them (`task`, `line`).
        plan: Option<PlanRef>,
        /// The document it is paid on, if the fact describes it (`document`,
        /// `issuer`, `issued`, `gross`, `vat`), for the claim's list of
        /// documents.
        document: Option<Box<Document>>,
    },
    /// An earlier fact is retracted: it is treated as never having happened.
    Retraction {
        /// The id of the retracted fact.
        retracts: String,
        /// Why.
        reason: String,
    },
}

impl What {
    /// The kind's id, as files write it under `kind`.
    pub fn kind(&self) -> &str {
        match self {
            What::Fields(f) => &f.kind,
            What::Expenditure { .. } => "expenditure",
            What::Retraction { .. } => "retraction",
        }
    }

    /// The fields of a fact of a declared kind (or of `entry`, `exit`, `transfer`).
    pub fn fields(&self) -> Option<&Fields> {
        match self {
            What::Fields(f) => Some(f),
            _ => None,
        }
    }

    /// An expenditure's fields and values, in the built-in kind's order,
    /// those not given left out; empty for any other kind.
    ///
    /// ```
    /// use kooperacja_core::facts::{PlanRef, Value, What};
    /// use kooperacja_core::money::Amount;
    /// let what = What::Expenditure {
    ///     partner: "umk".into(), amount: Amount::from_grosze(1000), category: "coaching".into(),
    ///     plan: Some(PlanRef { task: 2, line: Some("2.1".into()) }), document: None,
    /// };
    /// let names: Vec<&str> = what.expenditure_values().into_iter().map(|(n, _)| n).collect();
    /// assert_eq!(names, ["partner", "amount", "category", "task", "line"]);
    /// ```
    pub fn expenditure_values(&self) -> Vec<(&'static str, Value)> {
        let What::Expenditure {
            partner,
            amount,
            category,
            plan,
            document,
        } = self
        else {
            return Vec::new();
        };
        let mut out = vec![
            ("partner", Value::Text(partner.clone())),
            ("amount", Value::Amount(*amount)),
            ("category", Value::Text(category.clone())),
        ];
        if let Some(plan) = plan {
            out.push(("task", Value::Count(plan.task)));
            if let Some(line) = &plan.line {
                out.push(("line", Value::Text(line.clone())));
            }
        }
        if let Some(d) = document {
            out.push(("document", Value::Text(d.number.clone())));
            if let Some(issuer) = &d.issuer {
                out.push(("issuer", Value::Text(issuer.clone())));
            }
            if let Some(issued) = d.issued {
                out.push(("issued", Value::Date(issued)));
            }
            if let Some(gross) = d.gross {
                out.push(("gross", Value::Amount(gross)));
            }
            if let Some(vat) = d.vat {
                out.push(("vat", Value::Amount(vat)));
            }
        }
        out
    }

    /// Whether this is a retraction.
    pub fn is_retraction(&self) -> bool {
        matches!(self, What::Retraction { .. })
    }
}

/// One fact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Fact {
    /// A stable id, unique in the project.
    pub id: String,
    /// The day it happened.
    #[serde(with = "crate::period::date_serde")]
    pub date: NaiveDate,
    /// The organisation (id) that recorded it.
    #[serde(rename = "by")]
    pub recorded_by: String,
    /// The territorial unit it belongs to.
    pub territory: Option<TerytCode>,
    /// What happened.
    pub what: What,
}

impl Fact {
    /// Reads a fact from a flat [`Record`], checking it against the
    /// vocabulary and naming the field of any problem; person values are
    /// pseudonymised with `key`.
    pub fn from_record(
        record: Record,
        vocabulary: &Vocabulary,
        key: &PseudonymKey,
    ) -> Result<Fact, FieldError> {
        record.into_fact(vocabulary, key)
    }

    /// The kind's id.
    pub fn kind(&self) -> &str {
        self.what.kind()
    }

    /// The value of a field, from any kind (an expenditure's `partner`,
    /// `amount`, `category`; a retraction's `retracts`, `reason`).
    pub fn value(&self, field: &str) -> Option<Value> {
        match &self.what {
            What::Fields(f) => f.get(field).cloned(),
            What::Expenditure { .. } => self
                .what
                .expenditure_values()
                .into_iter()
                .find(|(name, _)| *name == field)
                .map(|(_, v)| v),
            What::Retraction { retracts, reason } => match field {
                "retracts" => Some(Value::Text(retracts.clone())),
                "reason" => Some(Value::Text(reason.clone())),
                _ => None,
            },
        }
    }

    /// The flat record of this fact, as JSON Lines and CSV write it.
    pub fn to_record(&self) -> Record {
        let mut r = Record::default();
        r.set("id", &self.id, Shape::Text);
        r.set("date", &self.date.to_string(), Shape::Text);
        r.set("by", &self.recorded_by, Shape::Text);
        if let Some(t) = &self.territory {
            r.set("territory", t.as_str(), Shape::Text);
        }
        r.set("kind", self.kind(), Shape::Text);
        let mut put = |name: &str, value: &Value| {
            let shape = match value {
                Value::Count(_) => Shape::Number,
                Value::List(_) => Shape::List,
                _ => Shape::Text,
            };
            r.set(name, &value.to_text(), shape);
        };
        match &self.what {
            What::Fields(f) => {
                for (name, value) in &f.values {
                    put(name, value);
                }
            }
            What::Expenditure { .. } => {
                for (name, value) in self.what.expenditure_values() {
                    put(name, &value);
                }
            }
            What::Retraction { retracts, reason } => {
                put("retracts", &Value::Text(retracts.clone()));
                put("reason", &Value::Text(reason.clone()));
            }
        }
        r
    }
}

/// How a record's value was written: as text, as a JSON number, or as a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum Shape {
    /// A string (every CSV value).
    Text,
    /// A JSON number (its exact text kept).
    Number,
    /// A JSON array of strings, its entries joined by single spaces.
    List,
}

/// A fact as a flat record of named text values, in the order given: the
/// shape of a JSON Lines object and of a CSV row alike. JSON text becomes a
/// record through [`parse_json_record`], and a record becomes a fact through
/// [`Fact::from_record`], which checks it against the project's vocabulary.
///
/// ```
/// use kooperacja_core::facts::{Record, Shape};
/// let mut r = Record::default();
/// r.set("days", "2", Shape::Number);
/// assert_eq!(r.get("days"), Some("2"));
/// assert_eq!(r.get("place"), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Record {
    entries: Vec<(String, String, Shape)>,
}

impl Record {
    /// Sets a field (replacing an earlier value of the same name).
    pub fn set(&mut self, name: &str, value: &str, shape: Shape) {
        match self.entries.iter_mut().find(|(n, _, _)| n == name) {
            Some(entry) => {
                value.clone_into(&mut entry.1);
                entry.2 = shape;
            }
            None => self
                .entries
                .push((name.to_owned(), value.to_owned(), shape)),
        }
    }

    /// A field's text, if given and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(n, v, _)| n == name && !v.trim().is_empty())
            .map(|(_, v, _)| v.as_str())
    }

    /// Whether a field was given (even empty).
    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|(n, _, _)| n == name)
    }

    /// The fields given, in order: name, text and shape.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str, Shape)> {
        self.entries
            .iter()
            .map(|(n, v, s)| (n.as_str(), v.as_str(), *s))
    }

    /// Removes a field, returning its text if it was given and not empty.
    pub fn take(&mut self, name: &str) -> Option<(String, Shape)> {
        let i = self.entries.iter().position(|(n, _, _)| n == name)?;
        let (_, v, s) = self.entries.remove(i);
        (!v.trim().is_empty()).then_some((v, s))
    }
}
/// A problem with one field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldError {
    /// The field's name (a base field or a field of the vocabulary), or `None`
    /// for the whole record.
    pub field: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl FieldError {
    fn new(field: &str, message: impl Into<String>) -> FieldError {
        FieldError {
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    /// The error of the record on `line`.
    pub fn at_line(self, line: u64) -> RecordError {
        RecordError {
            line,
            field: self.field,
            message: self.message,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "field {field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for FieldError {}

/// Reads one fact from the text of a JSON object: [`parse_json_record`], then
/// [`Fact::from_record`]. The one JSON reader of facts, for every adapter.
///
/// ```
/// use kooperacja_core::facts::{parse_json_fact, Value};
/// use kooperacja_core::pseudonym::PseudonymKey;
/// use kooperacja_core::vocabulary::{Declaration, Vocabulary};
/// let declaration: Declaration = toml::from_str(r#"
///     [[fact_kinds]]
///     id = "qualification"
///     fields = [{ id = "person", type = "person", required = true }]
/// "#).unwrap();
/// let vocabulary = Vocabulary::new(&declaration).unwrap();
/// let key = PseudonymKey::from_bytes([3; 32]);
/// let fact = parse_json_fact(r#"{"id":"q-1","date":"2020-03-02","by":"umk","kind":"qualification","person":"k-0157"}"#, &vocabulary, &key)?;
/// let Some(Value::Person(person)) = fact.value("person") else { unreachable!() };
/// assert!(person.as_str().starts_with("ps-"));
/// let err = parse_json_fact(r#"{"id":"q-2","date":"2020-03-02","by":"umk","kind":"qualification","person":85010112345}"#, &vocabulary, &key).unwrap_err();
/// assert_eq!(err.to_string(), "field person: expected a string, found a number");
/// # Ok::<(), kooperacja_core::facts::FieldError>(())
/// ```
pub fn parse_json_fact(
    text: &str,
    vocabulary: &Vocabulary,
    key: &PseudonymKey,
) -> Result<Fact, FieldError> {
    parse_json_record(text)?.into_fact(vocabulary, key)
}

/// The longest date, amount or TERYT text looked at (longer is refused unread).
const MAX_VALUE_CHARS: usize = 64;

fn short(text: &str, name: &str) -> Result<(), FieldError> {
    if text.chars().count() > MAX_VALUE_CHARS {
        return Err(FieldError::new(
            name,
            format!("{name} has more than {MAX_VALUE_CHARS} characters"),
        ));
    }
    Ok(())
}

fn checked(text: String, name: &str) -> Result<String, FieldError> {
    identifier::check(&text).map_err(|e| FieldError::new(name, format!("{name} {e}")))?;
    Ok(text)
}

fn code(text: &str, name: &str) -> Result<TerytCode, FieldError> {
    short(text, name)?;
    TerytCode::parse(text.trim()).map_err(|e| unparsed(text, name, e))
}

/// One value of a field, typed by its declaration.
fn typed(
    text: &str,
    shape: Shape,
    field: &FieldDecl,
    vocabulary: &Vocabulary,
    key: &PseudonymKey,
) -> Result<Value, FieldError> {
    let name = field.id.as_str();
    let number_refused =
        |what: &str| FieldError::new(name, format!("expected {what}, found a number"));
    Ok(match field.field_type {
        FieldType::Person | FieldType::Household => {
            if shape == Shape::Number {
                return Err(number_refused("a string"));
            }
            Value::Person(
                key.person(text.trim())
                    .map_err(|e| FieldError::new(name, e.to_string()))?,
            )
        }
        FieldType::Jst => Value::Jst(code(text, name)?),
        FieldType::Institution | FieldType::Group | FieldType::Organisation => {
            if shape == Shape::Number {
                return Err(number_refused("a string"));
            }
            Value::Text(checked(text.to_owned(), name)?)
        }
        FieldType::Count | FieldType::Days if shape == Shape::Number => Value::Count(
            json::whole_text(text, name)?
                .parse()
                .map_err(|_| FieldError::new(name, "expected a whole number"))?,
        ),
        FieldType::Count | FieldType::Days => Value::Count(text.trim().parse().map_err(|_| {
            FieldError::new(
                name,
                format!(
                    "expected a whole number from 0 to {}, found {}",
                    u32::MAX,
                    quoted(text)
                ),
            )
        })?),
        FieldType::Hours => {
            short(text, name)?;
            let refused = || {
                FieldError::new(
                    name,
                    format!(
                        "expected hours from 0 with at most 2 decimal places (1.5), found {}",
                        quoted(text)
                    ),
                )
            };
            let hours: rust_decimal::Decimal = text
                .trim()
                .replace(',', ".")
                .parse()
                .map_err(|_| refused())?;
            if hours.is_sign_negative() || hours.normalize().scale() > 2 {
                return Err(refused());
            }
            Value::Hours(hours.normalize())
        }
        FieldType::Amount => {
            if shape == Shape::Number {
                return Err(FieldError::new(
                    name,
                    "write the amount as a string, such as \"1234.56\": a JSON number is a binary float in most tools and may have lost grosze before it reached us",
                ));
            }
            short(text, name)?;
            Value::Amount(Amount::parse(text).map_err(|e| unparsed(text, name, e))?)
        }
        FieldType::Enum => {
            let value = text.trim();
            if let Some(values) = vocabulary.values(field) {
                if !values.iter().any(|v| v.id == value) {
                    let ids: Vec<&str> = values.iter().map(|v| v.id.as_str()).collect();
                    return Err(FieldError::new(
                        name,
                        format!(
                            "unknown {name} {}; expected one of: {}",
                            quoted(value),
                            ids.join(", ")
                        ),
                    ));
                }
                Value::Text(value.to_owned())
            } else {
                Value::Text(checked(value.to_owned(), name)?)
            }
        }
        FieldType::Date => {
            short(text, name)?;
            Value::Date(parse_date(text).map_err(|e| unparsed(text, name, e))?)
        }
        FieldType::Text => {
            if shape == Shape::Number {
                return Err(number_refused("a string"));
            }
            Value::Text(text.to_owned())
        }
    })
}

impl Record {
    fn into_fact(
        mut self,
        vocabulary: &Vocabulary,
        key: &PseudonymKey,
    ) -> Result<Fact, FieldError> {
        let mut take = |name: &str| -> Result<(String, Shape), FieldError> {
            self.take(name)
                .ok_or_else(|| FieldError::new(name, format!("missing {name}")))
        };
        let (id, _) = take("id")?;
        let id = checked(id, "id")?;
        let (date_text, _) = take("date")?;
        short(&date_text, "date")?;
        let date = parse_date(&date_text).map_err(|e| unparsed(&date_text, "date", e))?;
        let (by, _) = take("by")?;
        let recorded_by = checked(by, "by")?;
        let territory = self
            .take("territory")
            .map(|(t, _)| code(&t, "territory"))
            .transpose()?;
        let (kind_text, _) = self
            .take("kind")
            .ok_or_else(|| FieldError::new("kind", "missing kind"))?;
        let kind = vocabulary.kind(kind_text.trim()).ok_or_else(|| {
            let names: Vec<&str> = vocabulary.kinds().iter().map(|k| k.id.as_str()).collect();
            FieldError::new(
                "kind",
                format!(
                    "unknown kind {}; expected one of: {}",
                    quoted(&kind_text),
                    names.join(", ")
                ),
            )
        })?;
        self.take("note");
        let mut values: Vec<(String, Value)> = Vec::with_capacity(kind.fields.len());
        for field in &kind.fields {
            let name = field.id.as_str();
            let value = match self.take(name) {
                None => match field.default {
                    Some(n) => Some(Value::Count(n)),
                    None if field.required => {
                        return Err(FieldError::new(name, format!("missing {name}")));
                    }
                    None => None,
                },
                Some((text, _)) if field.many => {
                    let items = text
                        .split([' ', ';', ','])
                        .filter(|s| !s.is_empty())
                        .map(|item| typed(item, Shape::Text, field, vocabulary, key))
                        .collect::<Result<Vec<_>, _>>()?;
                    Some(Value::List(items))
                }
                Some((_, Shape::List)) => {
                    return Err(FieldError::new(
                        name,
                        "expected one value, found an array (the field is not a list)",
                    ));
                }
                Some((text, shape)) => Some(typed(&text, shape, field, vocabulary, key)?),
            };
            if let Some(v) = value {
                values.push((field.id.clone(), v));
            }
        }
        if !kind.one_of.is_empty()
            && !kind
                .one_of
                .iter()
                .any(|f| values.iter().any(|(name, _)| name == f))
        {
            let first = kind.one_of.first().map_or("kind", String::as_str);
            return Err(FieldError::new(
                first,
                format!(
                    "a {} fact names at least one of: {}",
                    kind.id,
                    kind.one_of.join(", ")
                ),
            ));
        }
        // Any field left over does not belong to this kind.
        if let Some((column, _, _)) = self.entries().find(|(_, v, _)| !v.trim().is_empty()) {
            let known = vocabulary.kinds().iter().any(|k| k.field(column).is_some());
            if !known {
                let mut fields: Vec<&str> = BASE_FIELDS.to_vec();
                fields.extend(kind.fields.iter().map(|f| f.id.as_str()));
                return Err(FieldError {
                    field: (!may_be_personal(column)).then(|| bounded(column)),
                    message: format!(
                        "unknown field {}; a {} fact has: {}",
                        shown(column),
                        kind.id,
                        fields.join(", ")
                    ),
                });
            }
            return Err(FieldError::new(
                column,
                format!("{column} does not belong to a {} fact", kind.id),
            ));
        }
        let what = match kind.id.as_str() {
            "expenditure" => {
                let text = |f: &str| {
                    values
                        .iter()
                        .find(|(n, _)| n == f)
                        .map(|(_, v)| v.to_text())
                };
                let amount = values.iter().find_map(|(n, v)| match v {
                    Value::Amount(a) if n == "amount" => Some(*a),
                    _ => None,
                });
                let get = |f: &str| values.iter().find(|(n, _)| n == f).map(|(_, v)| v);
                let amount_of = |f: &str| match get(f) {
                    Some(Value::Amount(a)) => Some(*a),
                    _ => None,
                };
                let task = match get("task") {
                    Some(Value::Count(n)) => Some(*n),
                    _ => None,
                };
                let line = text("line").map(|l| checked(l, "line")).transpose()?;
                let plan = match (task, line) {
                    (Some(task), line) => Some(PlanRef { task, line }),
                    (None, Some(_)) => {
                        return Err(FieldError::new(
                            "task",
                            "a cost line is named with its task: give `task` with `line`",
                        ));
                    }
                    (None, None) => None,
                };
                let issued = match get("issued") {
                    Some(Value::Date(d)) => Some(*d),
                    _ => None,
                };
                let number = text("document");
                let issuer = text("issuer");
                let (gross, vat) = (amount_of("gross"), amount_of("vat"));
                let document = if number.is_some()
                    || issuer.is_some()
                    || issued.is_some()
                    || gross.is_some()
                    || vat.is_some()
                {
                    Some(Box::new(Document {
                        number: number.unwrap_or_else(|| id.clone()),
                        issuer,
                        issued,
                        gross,
                        vat,
                    }))
                } else {
                    None
                };
                What::Expenditure {
                    partner: text("partner").unwrap_or_else(|| recorded_by.clone()),
                    amount: amount.ok_or_else(|| FieldError::new("amount", "missing amount"))?,
                    category: text("category")
                        .ok_or_else(|| FieldError::new("category", "missing category"))
                        .and_then(|c| checked(c, "category"))?,
                    plan,
                    document,
                }
            }
            "retraction" => {
                let text = |f: &str| {
                    values
                        .iter()
                        .find(|(n, _)| n == f)
                        .map(|(_, v)| v.to_text())
                        .ok_or_else(|| FieldError::new(f, format!("missing {f}")))
                };
                What::Retraction {
                    retracts: checked(text("retracts")?, "retracts")?,
                    reason: text("reason")?,
                }
            }
            _ => What::Fields(Fields {
                kind: kind.id.clone(),
                values,
            }),
        };
        Ok(Fact {
            id,
            date,
            recorded_by,
            territory,
            what,
        })
    }
}

/// A bad record: its line and field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct RecordError {
    /// The line the record starts on, from 1.
    pub line: u64,
    /// The field, if one is to blame.
    pub field: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "line {}, field {field}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// What to do with a bad record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// Stop at the first bad record and return it.
    Stop,
    /// Skip bad records, keep them (up to a limit) and count them all.
    Skip,
}

/// The outcome of reading a whole input with [`read_all`].
#[derive(Debug, Clone, Default)]
pub struct ReadOutcome {
    /// The good facts, in input order.
    pub facts: Vec<Fact>,
    /// The first bad records (at most 1,000 kept).
    pub errors: Vec<RecordError>,
    /// How many records were bad.
    pub bad: u64,
}

/// Reads every fact of an input, stopping at the first error or skipping.
///
/// With [`OnError::Stop`], the first bad record is returned as the error.
pub fn read_all<R: BufRead>(
    input: R,
    format: Format,
    on_error: OnError,
    vocabulary: &Arc<Vocabulary>,
    key: &PseudonymKey,
) -> Result<ReadOutcome, RecordError> {
    let mut outcome = ReadOutcome::default();
    for item in FactReader::new(input, format, Arc::clone(vocabulary), key.clone()) {
        match item {
            Ok(fact) => outcome.facts.push(fact),
            Err(e) if on_error == OnError::Stop => return Err(e),
            Err(e) => {
                outcome.bad += 1;
                if outcome.errors.len() < 1000 {
                    outcome.errors.push(e);
                }
            }
        }
    }
    Ok(outcome)
}

/// One fact as a line of JSON Lines (without the newline): the fields that are
/// set, in the record's order; counts as numbers, lists as arrays.
///
/// ```
/// use std::sync::Arc;
/// use kooperacja_core::facts::{to_json_line, FactReader, Format};
/// use kooperacja_core::vocabulary::{Declaration, Vocabulary};
/// let declaration: Declaration = toml::from_str(r#"
///     [[fact_kinds]]
///     id = "agreement"
///     fields = [{ id = "institution", type = "institution" }, { id = "name", type = "text" }, { id = "days", type = "count" }]
/// "#).unwrap();
/// let vocabulary = Arc::new(Vocabulary::new(&declaration).unwrap());
/// let line = r#"{"id":"a-1","date":"2020-02-20","by":"rops-torun","territory":"0410033","kind":"agreement","institution":"ops-naklo","name":"MGOPS Nakło","days":2}"#;
/// let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
/// let fact = FactReader::new(line.as_bytes(), Format::JsonLines, vocabulary, key).next().unwrap().unwrap();
/// assert_eq!(to_json_line(&fact.to_record()), line);
/// ```
pub fn to_json_line(record: &Record) -> String {
    let mut object = serde_json::Map::new();
    for (name, value, shape) in record.entries() {
        let json = match shape {
            Shape::Number => value.parse::<u64>().map_or_else(
                |_| serde_json::Value::String(value.to_owned()),
                serde_json::Value::from,
            ),
            Shape::List => serde_json::Value::Array(
                value
                    .split(' ')
                    .filter(|k| !k.is_empty())
                    .map(|k| serde_json::Value::String(k.to_owned()))
                    .collect(),
            ),
            Shape::Text => serde_json::Value::String(value.to_owned()),
        };
        object.insert(name.to_owned(), json);
    }
    serde_json::Value::Object(object).to_string()
}

/// Writes the CSV header row for a vocabulary's [columns](Vocabulary::columns).
pub fn csv_header(columns: &[String]) -> String {
    columns.join(",")
}

/// Writes one record as a CSV row under [`csv_header`] of the same columns,
/// quoting where RFC 4180 asks.
///
/// ```
/// use std::sync::Arc;
/// use kooperacja_core::facts::{csv_header, to_csv_row, FactReader, Format};
/// use kooperacja_core::vocabulary::{Declaration, Vocabulary};
/// let declaration: Declaration = toml::from_str(r#"
///     [[fact_kinds]]
///     id = "deliverable"
///     fields = [{ id = "title", type = "text", required = true }]
/// "#).unwrap();
/// let vocabulary = Arc::new(Vocabulary::new(&declaration).unwrap());
/// let line = r#"{"id":"a","date":"2020-01-02","by":"umk","kind":"deliverable","title":"Model, wersja 1"}"#;
/// let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
/// let fact = FactReader::new(line.as_bytes(), Format::JsonLines, vocabulary.clone(), key.clone()).next().unwrap().unwrap();
/// let columns = vocabulary.columns();
/// let csv = format!("{}\n{}\n", csv_header(&columns), to_csv_row(&fact.to_record(), &columns));
/// let back = FactReader::new(csv.as_bytes(), Format::Csv, vocabulary, key).next().unwrap().unwrap();
/// assert_eq!(back, fact);
/// ```
pub fn to_csv_row(record: &Record, columns: &[String]) -> String {
    let mut row = String::new();
    for (i, column) in columns.iter().enumerate() {
        if i > 0 {
            row.push(',');
        }
        if let Some(value) = record.get(column) {
            if value.contains([',', '"', '\n', '\r']) {
                row.push('"');
                row.push_str(&value.replace('"', "\"\""));
                row.push('"');
            } else {
                row.push_str(value);
            }
        }
    }
    row
}

/// A stable id for a fact that has none, derived from its content: `f-` and
/// the first 20 hex digits of the SHA-256 of its JSON line without the id
/// (persons already pseudonymised, so the id reveals nothing about them).
/// The same content gives the same id, so recording it again adds nothing;
/// `occurrence` (0 for the first) tells apart identical facts that are
/// meant as several, such as two identical rows of one sheet (`f-…-2` for
/// the second).
///
/// ```
/// use kooperacja_core::facts::{content_id, FactReader, Format};
/// use kooperacja_core::vocabulary::Vocabulary;
/// use std::sync::Arc;
/// let vocabulary = Arc::new(Vocabulary::built_in());
/// let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
/// let read = |id: &str| {
///     let line = format!(r#"{{"id":"{id}","date":"2020-02-11","by":"rops","kind":"expenditure","partner":"rops","amount":"10.00","category":"meetings"}}"#);
///     FactReader::new(line.as_bytes(), Format::JsonLines, vocabulary.clone(), key.clone()).next().unwrap().unwrap()
/// };
/// let (a, b) = (read("a"), read("b"));
/// assert_eq!(content_id(&a, 0), content_id(&b, 0));
/// assert!(content_id(&a, 0).starts_with("f-"));
/// assert_ne!(content_id(&a, 0), content_id(&a, 1));
/// ```
pub fn content_id(fact: &Fact, occurrence: u32) -> String {
    use sha2::{Digest, Sha256};
    let mut record = fact.to_record();
    record.take("id");
    let digest = Sha256::digest(to_json_line(&record).as_bytes());
    let mut id = String::with_capacity(24);
    id.push_str("f-");
    for byte in &digest[..10] {
        id.push_str(&format!("{byte:02x}"));
    }
    if occurrence > 0 {
        id.push_str(&format!("-{}", occurrence + 1));
    }
    id
}
