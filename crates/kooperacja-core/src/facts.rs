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
//! let results: Vec<_> = FactReader::new(jsonl.as_bytes(), Format::JsonLines).collect();
//! let fact = results[0].as_ref().unwrap();
//! assert!(matches!(fact.what, What::Meeting { days: 1, participants: 25, .. }));
//! let err = results[1].as_ref().unwrap_err();
//! assert_eq!(err.to_string(), "line 2, field date: invalid date \"2020-02-30\": there is no such day in the calendar");
//! ```

use std::fmt;
use std::io::BufRead;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Amount;
use crate::period::parse_date;
use crate::schedule::{ActivityKind, CoachingForm};
use crate::territory::TerytCode;

/// A pseudonymous key of a person: 1 to 64 characters of letters, digits, `-`
/// and `_`, and never 11 digits (the shape of a PESEL number).
///
/// ```
/// use kooperacja_core::facts::PersonKey;
/// assert!(PersonKey::parse("p-7f3a9c").is_ok());
/// assert!(PersonKey::parse("85010112345").is_err()); // looks like a PESEL
/// assert!(PersonKey::parse("Jan Kowalski").is_err()); // looks like a name
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
pub struct PersonKey(String);

impl PersonKey {
    /// Checks and wraps a key.
    pub fn parse(text: &str) -> Result<PersonKey, String> {
        if text.is_empty() || text.len() > 64 {
            return Err("a person key has 1 to 64 characters".to_owned());
        }
        if !text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(format!(
                "person key {text:?} may hold only letters, digits, '-' and '_'; persons are recorded by pseudonymous keys, never by name"
            ));
        }
        if text.len() == 11 && text.bytes().all(|b| b.is_ascii_digit()) {
            return Err("a person key of 11 digits looks like a PESEL number; record a pseudonymous key instead".to_owned());
        }
        Ok(PersonKey(text.to_owned()))
    }

    /// The key.
    pub fn as_str(&self) -> &str {
        &self.0
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
    /// Reads a fact from a flat [`Record`], naming the field of any problem.
    pub fn from_record(record: Record) -> Result<Fact, FieldError> {
        Record::into_fact(record)
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
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
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
    #[serde(default, deserialize_with = "number_or_text")]
    days,
    #[serde(default, deserialize_with = "number_or_text")]
    participants,
    place,
    #[serde(default, deserialize_with = "list_or_text")]
    persons,
    #[serde(default, deserialize_with = "list_or_text")]
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
    #[serde(default, deserialize_with = "number_or_text")]
    amount,
    category,
    retracts,
    reason,
    /// A free note, kept by readers and ignored by evaluation (for example,
    /// "synthetic" on generated facts).
    note,
}

fn number_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(serde::de::Error::custom(format!(
                "expected a number or a string, found {other}"
            )));
        }
    })
}

fn list_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Array(items)) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    serde_json::Value::String(s) => keys.push(s),
                    other => {
                        return Err(serde::de::Error::custom(format!(
                            "expected person keys as strings, found {other}"
                        )));
                    }
                }
            }
            Some(keys.join(" "))
        }
        Some(other) => {
            return Err(serde::de::Error::custom(format!(
                "expected a list of person keys, found {other}"
            )));
        }
    })
}

/// A problem with one field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

impl Record {
    fn into_fact(mut self) -> Result<Fact, FieldError> {
        fn take(field: &mut Option<String>, name: &str) -> Result<String, FieldError> {
            match field.take() {
                Some(v) if !v.trim().is_empty() => Ok(v),
                _ => Err(FieldError::new(name, format!("missing {name}"))),
            }
        }
        fn opt(field: &mut Option<String>) -> Option<String> {
            field.take().filter(|v| !v.trim().is_empty())
        }
        fn number(
            field: &mut Option<String>,
            name: &str,
            default: Option<u32>,
        ) -> Result<u32, FieldError> {
            match opt(field) {
                Some(v) => v.trim().parse().map_err(|_| {
                    FieldError::new(name, format!("expected a whole number, found {v:?}"))
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
                            format!("unknown {name} {v:?}; expected one of: {choices}"),
                        )
                    }),
            }
        }
        fn person(field: &mut Option<String>, name: &str) -> Result<Option<PersonKey>, FieldError> {
            opt(field)
                .map(|v| PersonKey::parse(v.trim()).map_err(|e| FieldError::new(name, e)))
                .transpose()
        }
        fn code(field: &mut Option<String>, name: &str) -> Result<Option<TerytCode>, FieldError> {
            opt(field)
                .map(|v| {
                    TerytCode::parse(v.trim()).map_err(|e| FieldError::new(name, e.to_string()))
                })
                .transpose()
        }

        let id = take(&mut self.id, "id")?;
        let date_text = take(&mut self.date, "date")?;
        let date = parse_date(&date_text).map_err(|e| FieldError::new("date", e.to_string()))?;
        let recorded_by = take(&mut self.by, "by")?;
        let territory = code(&mut self.territory, "territory")?;
        let kind_text = take(&mut self.kind, "kind")?;
        let kind = FactKind::parse(kind_text.trim()).ok_or_else(|| {
            let names: Vec<&str> = FactKind::ALL.iter().map(|k| k.name()).collect();
            FieldError::new(
                "kind",
                format!(
                    "unknown kind {kind_text:?}; expected one of: {}",
                    names.join(", ")
                ),
            )
        })?;
        let what = match kind {
            FactKind::Meeting => {
                let group = opt(&mut self.group);
                let activity: Option<ActivityKind> = enumerated(&mut self.activity, "activity", "meeting, seminar, education, consultation, dissemination, steering-committee, …")?;
                if group.is_none() && activity.is_none() {
                    return Err(FieldError::new("group", "a meeting names its group (a group kind code) or its activity"));
                }
                let persons = match opt(&mut self.persons) {
                    None => Vec::new(),
                    Some(list) => list
                        .split([' ', ';', ','])
                        .filter(|s| !s.is_empty())
                        .map(|k| PersonKey::parse(k).map_err(|e| FieldError::new("persons", e)))
                        .collect::<Result<_, _>>()?,
                };
                let led_by = opt(&mut self.led_by)
                    .map(|list| list.split([' ', ';', ',']).filter(|s| !s.is_empty()).map(str::to_owned).collect())
                    .unwrap_or_default();
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
                role: take(&mut self.role, "role")?,
            },
            FactKind::Agreement => What::Agreement {
                institution: take(&mut self.institution, "institution")?,
                name: take(&mut self.name, "name")?,
                sector: take(&mut self.sector, "sector")?,
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
                let institution = opt(&mut self.institution);
                if person.is_none() && institution.is_none() {
                    return Err(FieldError::new("person", "support names the person or the institution supported"));
                }
                What::Support {
                    person,
                    institution,
                    role: opt(&mut self.role),
                }
            }
            FactKind::Qualification => What::Qualification {
                person: person(&mut self.person, "person")?.ok_or_else(|| FieldError::new("person", "missing person"))?,
            },
            FactKind::Expenditure => What::Expenditure {
                partner: opt(&mut self.partner).unwrap_or_else(|| recorded_by.clone()),
                amount: {
                    let text = take(&mut self.amount, "amount")?;
                    Amount::parse(&text).map_err(|e| FieldError::new("amount", e.to_string()))?
                },
                category: take(&mut self.category, "category")?,
            },
            FactKind::Retraction => What::Retraction {
                retracts: take(&mut self.retracts, "retracts")?,
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

/// The formats facts are read from and written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line, with the fields of [`Record`].
    JsonLines,
    /// RFC 4180 CSV with a header row naming [`Record`] fields (any subset, any order).
    Csv,
}

/// Reads facts one by one from a [`BufRead`], without holding the whole input.
///
/// It yields `Ok(fact)` or `Err(error)` for every record and goes on after a bad
/// one; the caller chooses whether to stop at the first error or skip and count
/// ([`read_all`] does either). An I/O error ends the input after being reported.
#[derive(Debug)]
pub struct FactReader<R> {
    input: R,
    format: Format,
    line: u64,
    buffer: String,
    columns: Option<Vec<Option<usize>>>,
    done: bool,
}

impl<R: BufRead> FactReader<R> {
    /// A reader of `format` over `input`.
    pub fn new(input: R, format: Format) -> FactReader<R> {
        FactReader {
            input,
            format,
            line: 0,
            buffer: String::new(),
            columns: None,
            done: false,
        }
    }

    /// The number of lines read so far.
    pub fn lines_read(&self) -> u64 {
        self.line
    }

    fn read_line(&mut self) -> Option<Result<(), RecordError>> {
        self.buffer.clear();
        match self.input.read_line(&mut self.buffer) {
            Ok(0) => None,
            Ok(_) => {
                self.line += 1;
                Some(Ok(()))
            }
            Err(e) => {
                self.done = true;
                Some(Err(RecordError {
                    line: self.line + 1,
                    field: None,
                    message: format!("cannot read input: {e}"),
                }))
            }
        }
    }

    fn next_jsonl(&mut self) -> Option<Result<Fact, RecordError>> {
        loop {
            if let Err(e) = self.read_line()? {
                return Some(Err(e));
            }
            let text = self.buffer.trim();
            if text.is_empty() || text.starts_with("//") {
                continue;
            }
            let line = self.line;
            let record: Record = match serde_json::from_str(text) {
                Ok(r) => r,
                Err(e) => {
                    let message = e.to_string();
                    let field = message
                        .strip_prefix("unknown field `")
                        .and_then(|rest| rest.split('`').next())
                        .map(str::to_owned);
                    return Some(Err(RecordError {
                        line,
                        field,
                        message,
                    }));
                }
            };
            return Some(record.into_fact().map_err(|e| RecordError {
                line,
                field: e.field,
                message: e.message,
            }));
        }
    }

    /// Reads one CSV record (which may span lines inside quotes) into fields.
    fn csv_fields(&mut self) -> Option<Result<(u64, Vec<String>), RecordError>> {
        loop {
            if let Err(e) = self.read_line()? {
                return Some(Err(e));
            }
            if !self.buffer.trim().is_empty() {
                break;
            }
        }
        let start = self.line;
        // Fast path: a row without quotes splits on commas.
        if !self.buffer.contains('"') {
            let row = self.buffer.trim_end_matches(['\r', '\n']);
            return Some(Ok((start, row.split(',').map(str::to_owned).collect())));
        }
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut at_start = true;
        loop {
            let mut chars = self.buffer.chars().peekable();
            while let Some(c) = chars.next() {
                if quoted {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            field.push('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.push(c);
                    }
                } else {
                    match c {
                        '"' if at_start => {
                            quoted = true;
                            at_start = false;
                        }
                        ',' => {
                            fields.push(std::mem::take(&mut field));
                            at_start = true;
                        }
                        '\r' | '\n' => {}
                        _ => {
                            field.push(c);
                            at_start = false;
                        }
                    }
                }
            }
            if !quoted {
                fields.push(field);
                return Some(Ok((start, fields)));
            }
            match self.read_line() {
                Some(Ok(())) => {}
                Some(Err(e)) => return Some(Err(e)),
                None => {
                    return Some(Err(RecordError {
                        line: start,
                        field: None,
                        message: "a quoted field is not closed before the end of the input"
                            .to_owned(),
                    }));
                }
            }
        }
    }

    fn next_csv(&mut self) -> Option<Result<Fact, RecordError>> {
        if self.columns.is_none() {
            let (line, header) = match self.csv_fields()? {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            let mut columns = Vec::with_capacity(header.len());
            for name in &header {
                let name = name.trim().trim_start_matches('\u{feff}');
                match Record::COLUMNS.iter().position(|c| *c == name) {
                    Some(i) => columns.push(Some(i)),
                    None => {
                        self.done = true;
                        return Some(Err(RecordError {
                            line,
                            field: Some(name.to_owned()),
                            message: format!(
                                "unknown column {name:?} in the header; expected some of: {}",
                                Record::COLUMNS.join(", ")
                            ),
                        }));
                    }
                }
            }
            self.columns = Some(columns);
        }
        let (line, values) = match self.csv_fields()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let columns = self.columns.as_ref().expect("header read above");
        if values.len() != columns.len() {
            return Some(Err(RecordError {
                line,
                field: None,
                message: format!(
                    "{} fields, but the header names {}",
                    values.len(),
                    columns.len()
                ),
            }));
        }
        let mut record = Record::default();
        for (value, column) in values.into_iter().zip(columns) {
            if let Some(slot) = column.and_then(|c| record.field_mut(c)) {
                if !value.is_empty() {
                    *slot = Some(value);
                }
            }
        }
        Some(record.into_fact().map_err(|e| RecordError {
            line,
            field: e.field,
            message: e.message,
        }))
    }
}

impl<R: BufRead> Iterator for FactReader<R> {
    type Item = Result<Fact, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.format {
            Format::JsonLines => self.next_jsonl(),
            Format::Csv => self.next_csv(),
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
) -> Result<ReadOutcome, RecordError> {
    let mut outcome = ReadOutcome::default();
    for item in FactReader::new(input, format) {
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
/// let fact = FactReader::new(line.as_bytes(), Format::JsonLines).next().unwrap().unwrap();
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
/// let fact = FactReader::new(line.as_bytes(), Format::JsonLines).next().unwrap().unwrap();
/// let csv = format!("{}\n{}\n", csv_header(), to_csv_row(&fact.to_record()));
/// let back = FactReader::new(csv.as_bytes(), Format::Csv).next().unwrap().unwrap();
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
