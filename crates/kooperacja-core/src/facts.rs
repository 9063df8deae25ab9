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
//! use kooperacja_core::facts::{FactReader, Format, What};
//! let jsonl = r#"{"id":"m-1","date":"2020-02-11","by":"rops-torun","territory":"0410","kind":"meeting","activity":"meeting","days":1,"participants":25,"place":"Przystań, Nakło nad Notecią"}
//! {"id":"x","date":"2020-02-30","by":"rops-torun","kind":"meeting"}
//! "#;
//! let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
//! let results: Vec<_> = FactReader::new(jsonl.as_bytes(), Format::JsonLines, key).collect();
//! let fact = results[0].as_ref().unwrap();
//! assert!(matches!(fact.what, What::Meeting { days: 1, participants: 25, .. }));
//! let err = results[1].as_ref().unwrap_err();
//! assert_eq!(err.to_string(), "line 2, field date: invalid date \"2020-02-30\": there is no such day in the calendar");
//! ```

use std::fmt;
use std::io::BufRead;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod json;
mod reader;

pub use json::parse_json_record;
pub use reader::{FactReader, Format, MAX_RECORD_BYTES, MAX_SKIP_BYTES};

use crate::identifier;
use crate::money::Amount;
use crate::period::parse_date;
use crate::pseudonym::PseudonymKey;
use crate::schedule::{ActivityKind, CoachingForm};
use crate::territory::TerytCode;

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

/// What kind of product a deliverable is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum DeliverableKind {
    /// A cooperation model.
    Model,
    /// A report from the pilot.
    PilotReport,
    /// A report summarising the pilot, with recommendations.
    SummaryReport,
    /// A recommendation book (Księga rekomendacyjna).
    RecommendationBook,
    /// A package of tools (diagnostic or for social work).
    ToolPackage,
    /// A research report.
    ResearchReport,
    /// Anything else.
    Other,
}

/// What a fact records.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum What {
    /// A meeting was held: of a group (`group`), or an activity (`activity`).
    Meeting {
        /// The group kind (code) that met.
        group: Option<String>,
        /// The kind of activity, when not a group meeting (seminar, education…).
        activity: Option<ActivityKind>,
        /// How many days it lasted.
        days: u32,
        /// How many took part.
        participants: u32,
        /// Where.
        place: Option<String>,
        /// The participants' pseudonymous keys, where recorded.
        persons: Vec<PersonKey>,
        /// The organisations (ids) that led it.
        led_by: Vec<String>,
    },
    /// A person was coached.
    Coaching {
        /// Who.
        person: PersonKey,
        /// Individual or group coaching.
        form: CoachingForm,
        /// The person's role (a role id, such as `social-worker`).
        role: String,
    },
    /// An institution signed a cooperation agreement (porozumienie).
    Agreement {
        /// The institution's stable id.
        institution: String,
        /// Its name.
        name: String,
        /// Its sector of cooperation (a sector id).
        sector: String,
        /// Where it was signed.
        place: Option<String>,
    },
    /// The pilot of the model started in a JST (`jst`).
    Pilot {
        /// The JST (powiat or gmina).
        jst: TerytCode,
    },
    /// A deliverable was produced.
    Deliverable {
        /// What kind.
        deliverable: DeliverableKind,
        /// Its title.
        title: String,
    },
    /// A person or an institution received support.
    Support {
        /// The person supported, if a person.
        person: Option<PersonKey>,
        /// The institution supported, or the person's employer.
        institution: Option<String>,
        /// The person's role.
        role: Option<String>,
    },
    /// A person gained a qualification thanks to the support.
    Qualification {
        /// Who.
        person: PersonKey,
    },
    /// A JST adopted a deinstitutionalisation (DI) plan.
    DiPlan {
        /// The JST.
        jst: TerytCode,
    },
    /// Money was spent.
    Expenditure {
        /// The partner (organisation id) that spent it.
        partner: String,
        /// How much (negative for a refund).
        amount: Amount,
        /// The budget category.
        category: String,
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
    /// The kind's name as files write it.
    pub fn kind(&self) -> FactKind {
        match self {
            What::Meeting { .. } => FactKind::Meeting,
            What::Coaching { .. } => FactKind::Coaching,
            What::Agreement { .. } => FactKind::Agreement,
            What::Pilot { .. } => FactKind::Pilot,
            What::Deliverable { .. } => FactKind::Deliverable,
            What::Support { .. } => FactKind::Support,
            What::Qualification { .. } => FactKind::Qualification,
            What::DiPlan { .. } => FactKind::DiPlan,
            What::Expenditure { .. } => FactKind::Expenditure,
            What::Retraction { .. } => FactKind::Retraction,
        }
    }
}

/// The kinds of fact.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FactKind {
    /// [`What::Meeting`].
    Meeting,
    /// [`What::Coaching`].
    Coaching,
    /// [`What::Agreement`].
    Agreement,
    /// [`What::Pilot`].
    Pilot,
    /// [`What::Deliverable`].
    Deliverable,
    /// [`What::Support`].
    Support,
    /// [`What::Qualification`].
    Qualification,
    /// [`What::DiPlan`].
    DiPlan,
    /// [`What::Expenditure`].
    Expenditure,
    /// [`What::Retraction`].
    Retraction,
}

impl FactKind {
    /// Every kind, in a fixed order.
    pub const ALL: [FactKind; 10] = [
        FactKind::Meeting,
        FactKind::Coaching,
        FactKind::Agreement,
        FactKind::Pilot,
        FactKind::Deliverable,
        FactKind::Support,
        FactKind::Qualification,
        FactKind::DiPlan,
        FactKind::Expenditure,
        FactKind::Retraction,
    ];

    /// The name files use.
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Meeting => "meeting",
            FactKind::Coaching => "coaching",
            FactKind::Agreement => "agreement",
            FactKind::Pilot => "pilot",
            FactKind::Deliverable => "deliverable",
            FactKind::Support => "support",
            FactKind::Qualification => "qualification",
            FactKind::DiPlan => "di-plan",
            FactKind::Expenditure => "expenditure",
            FactKind::Retraction => "retraction",
        }
    }

    fn parse(text: &str) -> Option<FactKind> {
        FactKind::ALL.into_iter().find(|k| k.name() == text)
    }
}

impl fmt::Display for FactKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
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
    #[serde(flatten)]
    pub what: What,
}

impl Fact {
    /// Reads a fact from a flat [`Record`], naming the field of any problem;
    /// person values are pseudonymised with `key`.
    pub fn from_record(record: Record, key: &PseudonymKey) -> Result<Fact, FieldError> {
        record.into_fact(key)
    }

    /// The flat record of this fact, as JSON Lines and CSV write it.
    pub fn to_record(&self) -> Record {
        let mut r = Record {
            id: Some(self.id.clone()),
            date: Some(self.date.to_string()),
            by: Some(self.recorded_by.clone()),
            territory: self.territory.as_ref().map(ToString::to_string),
            kind: Some(self.what.kind().name().to_owned()),
            ..Record::default()
        };
        match &self.what {
            What::Meeting {
                group,
                activity,
                days,
                participants,
                place,
                persons,
                led_by,
            } => {
                if !led_by.is_empty() {
                    r.led_by = Some(led_by.join(" "));
                }
                r.group.clone_from(group);
                r.activity = activity.map(|a| kebab(&a));
                r.days = Some(days.to_string());
                r.participants = Some(participants.to_string());
                r.place.clone_from(place);
                if !persons.is_empty() {
                    r.persons = Some(
                        persons
                            .iter()
                            .map(PersonKey::as_str)
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                }
            }
            What::Coaching { person, form, role } => {
                r.person = Some(person.0.clone());
                r.form = Some(kebab(form));
                r.role = Some(role.clone());
            }
            What::Agreement {
                institution,
                name,
                sector,
                place,
            } => {
                r.institution = Some(institution.clone());
                r.name = Some(name.clone());
                r.sector = Some(sector.clone());
                r.place.clone_from(place);
            }
            What::Pilot { jst } | What::DiPlan { jst } => r.jst = Some(jst.to_string()),
            What::Deliverable { deliverable, title } => {
                r.deliverable = Some(kebab(deliverable));
                r.title = Some(title.clone());
            }
            What::Support {
                person,
                institution,
                role,
            } => {
                r.person = person.as_ref().map(|p| p.0.clone());
                r.institution.clone_from(institution);
                r.role.clone_from(role);
            }
            What::Qualification { person } => r.person = Some(person.0.clone()),
            What::Expenditure {
                partner,
                amount,
                category,
            } => {
                r.partner = Some(partner.clone());
                r.amount = Some(amount.to_plain());
                r.category = Some(category.clone());
            }
            What::Retraction { retracts, reason } => {
                r.retracts = Some(retracts.clone());
                r.reason = Some(reason.clone());
            }
        }
        r
    }
}

fn kebab<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Declares [`Record`], its column list and its accessors from one list of
/// fields, so that the three cannot disagree.
macro_rules! record {
    ($($(#[$meta:meta])* $field:ident),* $(,)?) => {
        /// A fact as a flat record of optional text fields: the shape of a JSON
        /// Lines object and of a CSV row alike. [`Record::COLUMNS`] lists the fields.
        ///
        /// JSON text becomes a record through [`parse_json_record`], and a
        /// record becomes a fact through [`Fact::from_record`].
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
        #[allow(missing_docs)]
        pub struct Record {
            $($(#[$meta])* pub $field: Option<String>,)*
        }

        impl Record {
            /// The fields, in the order CSV files write them.
            pub const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The field at a [`Record::COLUMNS`] position.
            pub fn field_mut(&mut self, column: usize) -> Option<&mut Option<String>> {
                let fields = [$(&mut self.$field),*];
                fields.into_iter().nth(column)
            }

            /// The field at a [`Record::COLUMNS`] position, read-only.
            pub fn field(&self, column: usize) -> Option<&str> {
                let fields = [$(&self.$field),*];
                fields.get(column).and_then(|f| f.as_deref())
            }
        }
    };
}

record! {
    id,
    date,
    by,
    territory,
    kind,
    group,
    activity,
    days,
    participants,
    place,
    persons,
    led_by,
    person,
    form,
    role,
    institution,
    name,
    sector,
    jst,
    deliverable,
    title,
    partner,
    amount,
    category,
    retracts,
    reason,
    /// A free note, kept by readers and ignored by evaluation (for example,
    /// "synthetic" on generated facts).
    note,
}

/// A problem with one field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldError {
    /// The field's name (a [`Record::COLUMNS`] entry), or `None` for the whole record.
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
/// use kooperacja_core::facts::{parse_json_fact, What};
/// use kooperacja_core::pseudonym::PseudonymKey;
/// let key = PseudonymKey::from_bytes([3; 32]);
/// let fact = parse_json_fact(r#"{"id":"q-1","date":"2020-03-02","by":"umk","kind":"qualification","person":"k-0157"}"#, &key)?;
/// let What::Qualification { person } = &fact.what else { unreachable!() };
/// assert!(person.as_str().starts_with("ps-"));
/// let err = parse_json_fact(r#"{"id":"q-2","date":"2020-03-02","by":"umk","kind":"qualification","person":85010112345}"#, &key).unwrap_err();
/// assert_eq!(err.to_string(), "field person: expected a string, found a number");
/// # Ok::<(), kooperacja_core::facts::FieldError>(())
/// ```
pub fn parse_json_fact(text: &str, key: &PseudonymKey) -> Result<Fact, FieldError> {
    parse_json_record(text)?.into_fact(key)
}

/// The longest date, amount or TERYT text looked at (longer is refused unread).
const MAX_VALUE_CHARS: usize = 64;

impl Record {
    fn into_fact(mut self, key: &PseudonymKey) -> Result<Fact, FieldError> {
        fn take(field: &mut Option<String>, name: &str) -> Result<String, FieldError> {
            match field.take() {
                Some(v) if !v.trim().is_empty() => Ok(v),
                _ => Err(FieldError::new(name, format!("missing {name}"))),
            }
        }
        fn opt(field: &mut Option<String>) -> Option<String> {
            field.take().filter(|v| !v.trim().is_empty())
        }
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
        /// A required identifier.
        fn ident(field: &mut Option<String>, name: &str) -> Result<String, FieldError> {
            checked(take(field, name)?, name)
        }
        /// An optional identifier.
        fn opt_ident(field: &mut Option<String>, name: &str) -> Result<Option<String>, FieldError> {
            opt(field).map(|v| checked(v, name)).transpose()
        }
        fn number(
            field: &mut Option<String>,
            name: &str,
            default: Option<u32>,
        ) -> Result<u32, FieldError> {
            match opt(field) {
                Some(v) => v.trim().parse().map_err(|_| {
                    FieldError::new(
                        name,
                        format!(
                            "expected a whole number from 0 to {}, found {}",
                            u32::MAX,
                            quoted(&v)
                        ),
                    )
                }),
                None => default.ok_or_else(|| FieldError::new(name, format!("missing {name}"))),
            }
        }
        fn enumerated<T: for<'de> Deserialize<'de>>(
            field: &mut Option<String>,
            name: &str,
            choices: &str,
        ) -> Result<Option<T>, FieldError> {
            match opt(field) {
                None => Ok(None),
                Some(v) => serde_json::from_value(serde_json::Value::String(v.clone()))
                    .map(Some)
                    .map_err(|_| {
                        FieldError::new(
                            name,
                            format!("unknown {name} {}; expected one of: {choices}", quoted(&v)),
                        )
                    }),
            }
        }
        let person =
            |field: &mut Option<String>, name: &str| -> Result<Option<PersonKey>, FieldError> {
                opt(field)
                    .map(|v| {
                        key.person(v.trim())
                            .map_err(|e| FieldError::new(name, e.to_string()))
                    })
                    .transpose()
            };
        fn code(field: &mut Option<String>, name: &str) -> Result<Option<TerytCode>, FieldError> {
            opt(field)
                .map(|v| {
                    short(&v, name)?;
                    TerytCode::parse(v.trim()).map_err(|e| unparsed(&v, name, e))
                })
                .transpose()
        }

        let id = ident(&mut self.id, "id")?;
        let date_text = take(&mut self.date, "date")?;
        short(&date_text, "date")?;
        let date = parse_date(&date_text).map_err(|e| unparsed(&date_text, "date", e))?;
        let recorded_by = ident(&mut self.by, "by")?;
        let territory = code(&mut self.territory, "territory")?;
        let kind_text = take(&mut self.kind, "kind")?;
        let kind = FactKind::parse(kind_text.trim()).ok_or_else(|| {
            let names: Vec<&str> = FactKind::ALL.iter().map(|k| k.name()).collect();
            FieldError::new(
                "kind",
                format!(
                    "unknown kind {}; expected one of: {}",
                    quoted(&kind_text),
                    names.join(", ")
                ),
            )
        })?;
        let what = match kind {
            FactKind::Meeting => {
                let group = opt_ident(&mut self.group, "group")?;
                let activity: Option<ActivityKind> = enumerated(&mut self.activity, "activity", "meeting, seminar, education, consultation, dissemination, steering-committee, …")?;
                if group.is_none() && activity.is_none() {
                    return Err(FieldError::new("group", "a meeting names its group (a group kind code) or its activity"));
                }
                let persons = match opt(&mut self.persons) {
                    None => Vec::new(),
                    Some(list) => list
                        .split([' ', ';', ','])
                        .filter(|s| !s.is_empty())
                        .map(|k| key.person(k).map_err(|e| FieldError::new("persons", e.to_string())))
                        .collect::<Result<_, _>>()?,
                };
                let led_by = match opt(&mut self.led_by) {
                    None => Vec::new(),
                    Some(list) => list
                        .split([' ', ';', ','])
                        .filter(|s| !s.is_empty())
                        .map(|k| checked(k.to_owned(), "led_by"))
                        .collect::<Result<_, _>>()?,
                };
                What::Meeting {
                    group,
                    activity,
                    days: number(&mut self.days, "days", Some(1))?,
                    participants: number(&mut self.participants, "participants", Some(0))?,
                    place: opt(&mut self.place),
                    persons,
                    led_by,
                }
            }
            FactKind::Coaching => What::Coaching {
                person: person(&mut self.person, "person")?.ok_or_else(|| FieldError::new("person", "missing person"))?,
                form: enumerated(&mut self.form, "form", "individual, group")?.ok_or_else(|| FieldError::new("form", "missing form"))?,
                role: ident(&mut self.role, "role")?,
            },
            FactKind::Agreement => What::Agreement {
                institution: ident(&mut self.institution, "institution")?,
                name: take(&mut self.name, "name")?,
                sector: ident(&mut self.sector, "sector")?,
                place: opt(&mut self.place),
            },
            FactKind::Pilot => What::Pilot {
                jst: code(&mut self.jst, "jst")?.ok_or_else(|| FieldError::new("jst", "missing jst"))?,
            },
            FactKind::DiPlan => What::DiPlan {
                jst: code(&mut self.jst, "jst")?.ok_or_else(|| FieldError::new("jst", "missing jst"))?,
            },
            FactKind::Deliverable => What::Deliverable {
                deliverable: enumerated(&mut self.deliverable, "deliverable", "model, pilot-report, summary-report, recommendation-book, tool-package, research-report, other")?
                    .ok_or_else(|| FieldError::new("deliverable", "missing deliverable"))?,
                title: take(&mut self.title, "title")?,
            },
            FactKind::Support => {
                let person = person(&mut self.person, "person")?;
                let institution = opt_ident(&mut self.institution, "institution")?;
                if person.is_none() && institution.is_none() {
                    return Err(FieldError::new("person", "support names the person or the institution supported"));
                }
                What::Support {
                    person,
                    institution,
                    role: opt_ident(&mut self.role, "role")?,
                }
            }
            FactKind::Qualification => What::Qualification {
                person: person(&mut self.person, "person")?.ok_or_else(|| FieldError::new("person", "missing person"))?,
            },
            FactKind::Expenditure => What::Expenditure {
                partner: opt_ident(&mut self.partner, "partner")?.unwrap_or_else(|| recorded_by.clone()),
                amount: {
                    let text = take(&mut self.amount, "amount")?;
                    short(&text, "amount")?;
                    Amount::parse(&text).map_err(|e| unparsed(&text, "amount", e))?
                },
                category: ident(&mut self.category, "category")?,
            },
            FactKind::Retraction => What::Retraction {
                retracts: ident(&mut self.retracts, "retracts")?,
                reason: take(&mut self.reason, "reason")?,
            },
        };
        // Any field left over does not belong to this kind.
        for (i, column) in Record::COLUMNS.iter().enumerate() {
            if *column == "note" {
                continue;
            }
            if self.field(i).is_some_and(|v| !v.trim().is_empty()) {
                return Err(FieldError::new(
                    column,
                    format!("{column} does not belong to a {} fact", kind.name()),
                ));
            }
        }
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
    key: &PseudonymKey,
) -> Result<ReadOutcome, RecordError> {
    let mut outcome = ReadOutcome::default();
    for item in FactReader::new(input, format, key.clone()) {
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
/// set, in [`Record::COLUMNS`] order; days and participants as numbers.
///
/// ```
/// use kooperacja_core::facts::{to_json_line, FactReader, Format};
/// let line = r#"{"id":"a-1","date":"2020-02-20","by":"rops-torun","territory":"0410033","kind":"agreement","institution":"ops-naklo","name":"MGOPS Nakło","sector":"social-assistance"}"#;
/// let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
/// let fact = FactReader::new(line.as_bytes(), Format::JsonLines, key).next().unwrap().unwrap();
/// assert_eq!(to_json_line(&fact.to_record()), line);
/// ```
pub fn to_json_line(record: &Record) -> String {
    let mut object = serde_json::Map::new();
    for (i, column) in Record::COLUMNS.iter().enumerate() {
        let Some(value) = record.field(i) else {
            continue;
        };
        let json = match *column {
            "days" | "participants" => value.parse::<u64>().map_or_else(
                |_| serde_json::Value::String(value.to_owned()),
                serde_json::Value::from,
            ),
            "persons" | "led_by" => serde_json::Value::Array(
                value
                    .split(' ')
                    .map(|k| serde_json::Value::String(k.to_owned()))
                    .collect(),
            ),
            _ => serde_json::Value::String(value.to_owned()),
        };
        object.insert((*column).to_owned(), json);
    }
    serde_json::Value::Object(object).to_string()
}

/// Writes the CSV header row for [`Record::COLUMNS`].
pub fn csv_header() -> String {
    Record::COLUMNS.join(",")
}

/// Writes one record as a CSV row under [`csv_header`], quoting where RFC 4180 asks.
///
/// ```
/// use kooperacja_core::facts::{csv_header, to_csv_row, FactReader, Format};
/// let line = r#"{"id":"a","date":"2020-01-02","by":"umk","kind":"deliverable","deliverable":"model","title":"Model, wersja 1"}"#;
/// let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
/// let fact = FactReader::new(line.as_bytes(), Format::JsonLines, key.clone()).next().unwrap().unwrap();
/// let csv = format!("{}\n{}\n", csv_header(), to_csv_row(&fact.to_record()));
/// let back = FactReader::new(csv.as_bytes(), Format::Csv, key).next().unwrap().unwrap();
/// assert_eq!(back, fact);
/// ```
pub fn to_csv_row(record: &Record) -> String {
    let mut row = String::new();
    for i in 0..Record::COLUMNS.len() {
        if i > 0 {
            row.push(',');
        }
        if let Some(value) = record.field(i) {
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
