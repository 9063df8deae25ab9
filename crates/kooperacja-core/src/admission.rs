//! Which facts count: the one decision every adapter applies.
//!
//! A fact read from a file or sent to the server either *counts* (it enters the
//! indicators, the milestones and the budget), is a *duplicate* (the same id
//! with the same content, already recorded: it counts once), or is *excluded*
//! with one or more [`Defect`]s, each with a stable [`Reason`] code. The
//! [`Engine`](crate::engine::Engine) applies this decision to every fact and
//! counts the excluded facts in its report; [`FactCheck`](crate::fact_check::FactCheck)
//! (`validate --facts`) reports each defect as an error with the same code. So
//! what a report leaves out is exactly what `validate --facts` calls an error.
//!
//! The decision on a fact alone is [`defects`] (or [`admit`], its first
//! defect). The decisions that need the facts before it (an id used again with
//! other content, a retraction of a retraction, a retraction whose fact never
//! comes, a spending total that would leave the range of amounts) are kept by
//! an [`Admission`], which compares ids and content exactly: each id is
//! interned once, and each fact's canonical bytes are kept beside it.
//!
//! ```
//! use kooperacja_core::admission::{Admission, Reason, Verdict, admit};
//! use kooperacja_core::facts::{FactReader, Format};
//! use kooperacja_core::project::Project;
//!
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let text = r#"{"id":"d1","date":"2030-01-01","by":"umk","kind":"deliverable","deliverable":"model","title":"Model"}"#;
//! let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
//! let fact = FactReader::new(text.as_bytes(), Format::JsonLines, project.vocabulary().clone(), key).next().unwrap()?;
//! assert_eq!(admit(&project, None, &fact).unwrap_err().reason, Reason::DateOutside);
//!
//! let mut admission = Admission::new();
//! assert!(matches!(admission.admit(&project, None, &fact).verdict, Verdict::Excluded(_)));
//! assert_eq!(admission.counts().excluded_by_reason[&Reason::DateOutside.code().to_owned()], 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::hash::BuildHasher;

use chrono::{Datelike, NaiveDate};
use hashbrown::HashTable;

use crate::facts::{Fact, Value, What};
use crate::money::AMOUNT_LIMIT_ZLOTY;
use crate::period::polish_date;
use crate::project::Project;
use crate::territory::{Register, TerytCode};
use crate::vocabulary::FieldType;

/// Why a fact is excluded. Each reason has a stable code ([`Reason::code`]),
/// the same in reports, in `validate --facts` and over HTTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Reason {
    /// The id is already recorded with other content.
    IdConflict,
    /// The organisation that recorded it, led it or spent the money is not an
    /// organisation of the project.
    UnknownOrganisation,
    /// It is dated outside the project's period (in the version in force on
    /// its date), or the project has no version.
    DateOutside,
    /// Its territory (or JST) lies outside the voivodeships of every version
    /// of the project (an amendment may add one).
    TerritoryOutside,
    /// Its territory (or JST) is not in the TERC register given.
    TerritoryUnknown,
    /// A meeting of a group kind the project does not form.
    UnknownGroup,
    /// A role the project does not have.
    UnknownRole,
    /// A sector the project does not have.
    UnknownSector,
    /// A retraction of itself.
    RetractsItself,
    /// A retraction of a retraction (in either order of arrival).
    RetractsRetraction,
    /// A retraction of an id that no fact has (so far).
    RetractionUnknown,
    /// An expenditure that would take the sum of the magnitudes of the counted
    /// expenditures to the range limit of amounts ([`AMOUNT_LIMIT_ZLOTY`]).
    SpendingLimit,
    /// More facts than one engine holds ([`MAX_FACTS`]).
    TooManyFacts,
}

impl Reason {
    /// Every reason, in the order defects are listed (the first defect of a
    /// fact is the reason it is counted under).
    pub const ALL: [Reason; 13] = [
        Reason::IdConflict,
        Reason::UnknownOrganisation,
        Reason::DateOutside,
        Reason::TerritoryOutside,
        Reason::TerritoryUnknown,
        Reason::UnknownGroup,
        Reason::UnknownRole,
        Reason::UnknownSector,
        Reason::RetractsItself,
        Reason::RetractsRetraction,
        Reason::RetractionUnknown,
        Reason::SpendingLimit,
        Reason::TooManyFacts,
    ];

    /// The stable code, as findings and reports write it (`fact.date-outside`).
    pub fn code(self) -> &'static str {
        match self {
            Reason::IdConflict => "fact.id-conflict",
            Reason::UnknownOrganisation => "fact.unknown-organisation",
            Reason::DateOutside => "fact.date-outside",
            Reason::TerritoryOutside => "fact.territory-outside",
            Reason::TerritoryUnknown => "fact.territory-unknown",
            Reason::UnknownGroup => "fact.unknown-group",
            Reason::UnknownRole => "fact.unknown-role",
            Reason::UnknownSector => "fact.unknown-sector",
            Reason::RetractsItself => "fact.retracts-itself",
            Reason::RetractsRetraction => "fact.retracts-retraction",
            Reason::RetractionUnknown => "fact.retraction-unknown",
            Reason::SpendingLimit => "fact.spending-limit",
            Reason::TooManyFacts => "fact.too-many",
        }
    }
}

/// One defect of a fact: a reason, the fields that carry it, and a message
/// that names the rule and what was expected. Messages quote organisation,
/// group, role and sector ids, territory codes and fact ids, never a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defect {
    /// Why.
    pub reason: Reason,
    /// The fields that carry it (`["territory", "jst"]`), as files name them.
    pub fields: Vec<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

/// At most this many distinct fact ids (and ids retracted before they
/// arrive) per [`Admission`]; facts past it are excluded with
/// [`Reason::TooManyFacts`].
pub const MAX_FACTS: usize = (u32::MAX / 2) as usize;

/// The limit of the sum of the magnitudes of the counted expenditures, in
/// grosze: the range of an amount. Below it every spending total (by partner,
/// category, month, as of any date) is an exact [`Amount`](crate::money::Amount).
const SPENDING_LIMIT_GROSZE: i128 = AMOUNT_LIMIT_ZLOTY as i128 * 100;

fn choices<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let all: Vec<&str> = ids.collect();
    if all.is_empty() {
        "(none)".to_owned()
    } else {
        all.join(", ")
    }
}

fn fields_text(fields: &[String]) -> String {
    fields.join(" and ")
}

/// The defects of a fact on its own, against its project: every defect once,
/// naming all the fields that carry it, in the order of [`Reason::ALL`].
/// Empty when the fact fits the project.
pub fn defects(project: &Project, register: Option<&Register>, fact: &Fact) -> Vec<Defect> {
    let p = project;
    let mut out = Vec::new();

    // Organisations: the recorder, every organisation field, the spender.
    let vocabulary = std::sync::Arc::clone(p.vocabulary());
    let declared: Vec<(&str, FieldType, Option<&str>, &Value)> = match &fact.what {
        What::Fields(fields) => {
            let kind = vocabulary.kind(&fields.kind);
            fields
                .values
                .iter()
                .filter_map(|(name, value)| {
                    let decl = kind.and_then(|k| k.field(name))?;
                    Some((
                        name.as_str(),
                        decl.field_type,
                        decl.enumeration.as_deref(),
                        value,
                    ))
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let mut unknown: Vec<(String, String)> = Vec::new();
    if p.organisation(&fact.recorded_by).is_none() {
        unknown.push(("by".to_owned(), fact.recorded_by.clone()));
    }
    for (name, field_type, _, value) in &declared {
        if *field_type != FieldType::Organisation {
            continue;
        }
        for item in value.items() {
            let org = item.to_text();
            if p.organisation(&org).is_none() && !unknown.iter().any(|(f, _)| f == name) {
                unknown.push(((*name).to_owned(), org));
            }
        }
    }
    if let What::Expenditure { partner, .. } = &fact.what
        && p.organisation(partner).is_none()
    {
        unknown.push(("partner".to_owned(), partner.clone()));
    }
    if !unknown.is_empty() {
        let mut names: Vec<&str> = unknown.iter().map(|(_, v)| v.as_str()).collect();
        names.dedup();
        let fields: Vec<String> = unknown.iter().map(|(f, _)| f.clone()).collect();
        out.push(Defect {
            reason: Reason::UnknownOrganisation,
            message: format!(
                "{} {}: {:?} is not an organisation of the project; expected one of: {}",
                fields_text(&fields),
                if fields.len() == 1 { "names" } else { "name" },
                names.join("\", \""),
                choices(p.organisations.iter().map(|o| o.id.as_str()))
            ),
            fields,
        });
    }

    match p.version_in_force(fact.date) {
        Some(version) if !version.period.contains(fact.date) => out.push(Defect {
            reason: Reason::DateOutside,
            fields: vec!["date".to_owned()],
            message: format!(
                "dated {}, outside the project's period {} (version {:?}); expected a date within it",
                polish_date(fact.date),
                version.period.to_polish(),
                version.id
            ),
        }),
        Some(_) => {}
        None => out.push(Defect {
            reason: Reason::DateOutside,
            fields: vec!["date".to_owned()],
            message: "the project has no version, so no period a fact could fall in".to_owned(),
        }),
    }

    // Territory: the fact's own, and every JST field's.
    let mut codes: Vec<(&str, &TerytCode)> = Vec::new();
    if let Some(t) = &fact.territory {
        codes.push(("territory", t));
    }
    for (name, field_type, _, value) in &declared {
        if *field_type == FieldType::Jst {
            for item in value.items() {
                if let Value::Jst(code) = item {
                    codes.push((name, code));
                }
            }
        }
    }
    let (mut outside, mut unlisted) = (Vec::new(), Vec::new());
    for (field, code) in codes {
        let voivodeship = code.voivodeship();
        // Any version's area: a voivodeship an amendment adds belongs to
        // the project (its facts count from the day they happen).
        if !p.has_voivodeship_in_any_version(&voivodeship) {
            outside.push((field, code));
        } else if register.is_some_and(|r| r.get(p.territory.current(code)).is_none()) {
            unlisted.push((field, code));
        }
    }
    let listed = |units: &[(&str, &TerytCode)]| {
        let mut codes: Vec<String> = units.iter().map(|(_, c)| c.to_string()).collect();
        codes.dedup();
        codes.join(", ")
    };
    if !outside.is_empty() {
        let fields: Vec<String> = outside.iter().map(|(f, _)| (*f).to_owned()).collect();
        out.push(Defect {
            reason: Reason::TerritoryOutside,
            message: format!(
                "{} {} outside the project's voivodeships; expected a unit within: {}",
                fields_text(&fields),
                listed(&outside),
                choices(p.territory.voivodeships.iter().map(|v| v.code.as_str()))
            ),
            fields,
        });
    }
    if !unlisted.is_empty() {
        let fields: Vec<String> = unlisted.iter().map(|(f, _)| (*f).to_owned()).collect();
        out.push(Defect {
            reason: Reason::TerritoryUnknown,
            message: format!(
                "{} {} not in {}; expected an official code{}",
                fields_text(&fields),
                listed(&unlisted),
                register.map_or_else(|| "the TERC register".to_owned(), Register::name),
                register
                    .and_then(|r| crate::area::type_change_hint(
                        r,
                        unlisted.iter().map(|(_, c)| *c)
                    ))
                    .unwrap_or_default()
            ),
            fields,
        });
    }

    for (name, field_type, enumeration, value) in &declared {
        for item in value.items() {
            let Some(code) = item.as_text() else {
                continue;
            };
            if *field_type == FieldType::Group && p.group_kind(code).is_none() {
                out.push(Defect {
                    reason: Reason::UnknownGroup,
                    fields: vec![(*name).to_owned()],
                    message: format!(
                        "a fact of group {code:?}, which the project does not form; expected one of: {}",
                        choices(p.groups.iter().map(|g| g.code.as_str()))
                    ),
                });
            } else if *enumeration == Some("roles") && !p.roles.iter().any(|r| r.id == code) {
                out.push(Defect {
                    reason: Reason::UnknownRole,
                    fields: vec![(*name).to_owned()],
                    message: format!(
                        "{name} {code:?} is not a role of the project; expected one of: {}",
                        choices(p.roles.iter().map(|r| r.id.as_str()))
                    ),
                });
            } else if *enumeration == Some("sectors") && !p.sectors.iter().any(|s| s.id == code) {
                out.push(Defect {
                    reason: Reason::UnknownSector,
                    fields: vec![(*name).to_owned()],
                    message: format!(
                        "{name} {code:?} is not a sector of the project; expected one of: {}",
                        choices(p.sectors.iter().map(|s| s.id.as_str()))
                    ),
                });
            }
        }
    }
    match &fact.what {
        What::Retraction { retracts, .. } if *retracts == fact.id => out.push(Defect {
            reason: Reason::RetractsItself,
            fields: vec!["retracts".to_owned()],
            message: "the fact retracts itself; expected the id of another fact".to_owned(),
        }),
        _ => {}
    }
    out
}

/// Whether a fact on its own counts: `Ok`, or its first defect.
///
/// This is the part of the decision that needs no other fact; an
/// [`Admission`] adds the rest.
pub fn admit(project: &Project, register: Option<&Register>, fact: &Fact) -> Result<(), Defect> {
    match defects(project, register, fact).into_iter().next() {
        Some(first) => Err(first),
        None => Ok(()),
    }
}

/// A fact's id, interned by an [`Admission`]: equal ids, equal numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactId(u32);

impl FactId {
    /// The number, from 0, in order of first appearance.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What the admission decided about one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A new fact that counts. `retracted`: an earlier retraction retracts
    /// it, so it counts nowhere.
    Counted {
        /// Its id.
        id: FactId,
        /// Whether an earlier retraction retracts it.
        retracted: bool,
    },
    /// A new retraction that counts.
    Retraction {
        /// Its id.
        id: FactId,
        /// The id it retracts.
        target: FactId,
        /// Whether the retracted fact is still unknown (the retraction waits
        /// for it, and until it comes is reported as
        /// [`Reason::RetractionUnknown`]).
        pending: bool,
    },
    /// The same id with the same content is already recorded.
    Duplicate,
    /// Excluded: the defects, at least one; the first is the reason counted.
    Excluded(Vec<Defect>),
}

/// A verdict, and the retractions that waited for this fact's id and take
/// effect now (their dates), because the fact arrived and is not a
/// retraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The verdict on the fact.
    pub verdict: Verdict,
    /// The dates of the waiting retractions that count from now on.
    pub retractions_now_counted: Vec<NaiveDate>,
}

/// How many facts an [`Admission`] has read, and what it made of them.
///
/// `read = counted + duplicates + excluded`, always; `excluded` is the sum of
/// `excluded_by_reason`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Facts read.
    pub read: u64,
    /// Facts that count (retractions and retracted facts included).
    pub counted: u64,
    /// Repeats of a recorded fact.
    pub duplicates: u64,
    /// Facts excluded.
    pub excluded: u64,
    /// Facts excluded, by the code of their first defect.
    pub excluded_by_reason: BTreeMap<String, u64>,
    /// Of the excluded, retractions whose fact is still unknown.
    pub pending_retractions: u64,
}

#[derive(Debug, Clone)]
enum State {
    /// Named by a retraction, not yet arrived.
    Unseen,
    /// Arrived and counted.
    Counted,
    /// Arrived and excluded.
    Excluded,
}

#[derive(Debug, Clone)]
struct Entry {
    /// Where the id's bytes start in the arena; the content follows them.
    start: usize,
    id_len: u32,
    content_len: u32,
    state: State,
    retraction: bool,
}

type Hasher = foldhash::quality::FixedState;

/// The stateful part of the decision: identity (exact ids and content),
/// retractions, and the spending limit. See the module documentation.
#[derive(Debug, Clone)]
pub struct Admission {
    hasher: Hasher,
    table: HashTable<u32>,
    entries: Vec<Entry>,
    /// Each id's bytes, then its fact's canonical content.
    arena: Vec<u8>,
    /// Retractions waiting for their fact: target → (retraction, its date).
    waiting: hashbrown::HashMap<u32, Vec<(u32, NaiveDate)>, Hasher>,
    /// Retractions found to retract a retraction after they were counted,
    /// each with the retraction it retracts.
    late: Vec<(u32, u32)>,
    /// Excluded retractions, with the id they name: a retraction of an id no
    /// fact has is one more defect of theirs, known at the end.
    excluded_retractions: Vec<(u32, Box<str>)>,
    spending: i128,
    /// The content of the fact being decided.
    scratch: Vec<u8>,
    counts: Counts,
    by_reason: [u64; Reason::ALL.len()],
}

/// The canonical content of a fact, everything but its id, as compact bytes:
/// every field in a fixed order, strings and lists length-prefixed, enums by
/// variant, so equal facts give equal bytes and different facts different
/// bytes. The destructuring names every field (no `..`), so a field added to
/// [`Fact`] or [`What`] does not compile until it is encoded here.
fn content(fact: &Fact, out: &mut Vec<u8>) {
    out.clear();
    let Fact {
        id: _,
        date,
        recorded_by,
        territory,
        what,
    } = fact;
    out.extend_from_slice(&date.num_days_from_ce().to_le_bytes());
    text(out, recorded_by);
    opt(out, territory.as_ref().map(TerytCode::as_str));
    match what {
        What::Fields(fields) => {
            out.push(0);
            text(out, &fields.kind);
            len(out, fields.values.len());
            for (name, value) in &fields.values {
                text(out, name);
                value_bytes(out, value);
            }
        }
        What::Expenditure {
            partner,
            amount,
            category,
            plan,
            document,
        } => {
            out.push(8);
            text(out, partner);
            out.extend_from_slice(&amount.grosze().to_le_bytes());
            text(out, category);
            // The plan and the document are content too: an id given again
            // with another line or document is a conflict, not a repeat.
            match plan {
                Some(crate::facts::PlanRef { task, line }) => {
                    out.push(1);
                    out.extend_from_slice(&task.to_le_bytes());
                    opt(out, line.as_deref());
                }
                None => out.push(0),
            }
            match document.as_deref() {
                Some(crate::facts::Document {
                    number,
                    issuer,
                    issued,
                    gross,
                    vat,
                }) => {
                    out.push(1);
                    text(out, number);
                    opt(out, issuer.as_deref());
                    match issued {
                        Some(d) => {
                            out.push(1);
                            out.extend_from_slice(&d.num_days_from_ce().to_le_bytes());
                        }
                        None => out.push(0),
                    }
                    for amount in [gross, vat] {
                        match amount {
                            Some(a) => {
                                out.push(1);
                                out.extend_from_slice(&a.grosze().to_le_bytes());
                            }
                            None => out.push(0),
                        }
                    }
                }
                None => out.push(0),
            }
        }
        What::Retraction { retracts, reason } => {
            out.push(9);
            text(out, retracts);
            text(out, reason);
        }
    }
}

/// A field's value as bytes: a tag of its type, then its content.
fn value_bytes(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Text(t) => {
            out.push(0);
            text(out, t);
        }
        Value::Person(p) => {
            out.push(1);
            text(out, p.as_str());
        }
        Value::Jst(c) => {
            out.push(2);
            text(out, c.as_str());
        }
        Value::Count(n) => {
            out.push(3);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Value::Hours(h) => {
            out.push(4);
            out.extend_from_slice(&h.normalize().serialize());
        }
        Value::Amount(a) => {
            out.push(5);
            out.extend_from_slice(&a.grosze().to_le_bytes());
        }
        Value::Date(d) => {
            out.push(6);
            out.extend_from_slice(&d.num_days_from_ce().to_le_bytes());
        }
        Value::List(items) => {
            out.push(7);
            len(out, items.len());
            items.iter().for_each(|v| value_bytes(out, v));
        }
    }
}

/// A length, as a LEB128 varint.
fn len(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let low = u8::try_from(n & 0x7f).unwrap_or(0);
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn text(out: &mut Vec<u8>, s: &str) {
    len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            out.push(1);
            text(out, s);
        }
        None => out.push(0),
    }
}

impl Default for Admission {
    fn default() -> Admission {
        Admission::new()
    }
}

impl Admission {
    /// An admission with no fact seen yet. It keeps no project: each
    /// [`Admission::admit`] is given the project (and register) to decide
    /// against, always the same ones for one admission.
    pub fn new() -> Admission {
        Admission {
            hasher: Hasher::with_seed(0x6b6f_6f70),
            table: HashTable::new(),
            entries: Vec::new(),
            arena: Vec::new(),
            waiting: hashbrown::HashMap::with_hasher(Hasher::with_seed(0x7265_7472)),
            late: Vec::new(),
            excluded_retractions: Vec::new(),
            spending: 0,
            scratch: Vec::new(),
            counts: Counts::default(),
            by_reason: [0; Reason::ALL.len()],
        }
    }

    fn id_bytes(&self, entry: &Entry) -> &[u8] {
        self.arena
            .get(entry.start..entry.start + entry.id_len as usize)
            .unwrap_or_default()
    }

    fn content_bytes(&self, entry: &Entry) -> &[u8] {
        let from = entry.start + entry.id_len as usize;
        self.arena
            .get(from..from + entry.content_len as usize)
            .unwrap_or_default()
    }

    /// The interned number of an id, if the id was seen (as a fact or as the
    /// target of a retraction).
    pub fn id(&self, text: &str) -> Option<FactId> {
        let hash = self.hasher.hash_one(text.as_bytes());
        self.table
            .find(hash, |&i| {
                self.entries
                    .get(i as usize)
                    .is_some_and(|e| self.id_bytes(e) == text.as_bytes())
            })
            .map(|&i| FactId(i))
    }

    /// The text of an interned id.
    pub fn id_text(&self, id: FactId) -> &str {
        self.entries
            .get(id.index())
            .and_then(|e| std::str::from_utf8(self.id_bytes(e)).ok())
            .unwrap_or("-")
    }

    /// Whether a fact with this id has arrived (counted or excluded).
    pub fn arrived(&self, id: FactId) -> bool {
        self.entries
            .get(id.index())
            .is_some_and(|e| !matches!(e.state, State::Unseen))
    }

    /// Interns an id with no content yet; `None` past [`MAX_FACTS`].
    fn intern(&mut self, text: &str) -> Option<u32> {
        if let Some(id) = self.id(text) {
            return Some(id.0);
        }
        if self.entries.len() >= MAX_FACTS {
            return None;
        }
        let index = u32::try_from(self.entries.len()).ok()?;
        let id_len = u32::try_from(text.len()).ok()?;
        let start = self.arena.len();
        self.arena.extend_from_slice(text.as_bytes());
        self.entries.push(Entry {
            start,
            id_len,
            content_len: 0,
            state: State::Unseen,
            retraction: false,
        });
        let hash = self.hasher.hash_one(text.as_bytes());
        let (entries, arena, hasher) = (&self.entries, &self.arena, &self.hasher);
        self.table.insert_unique(hash, index, |&i| {
            let bytes = entries
                .get(i as usize)
                .and_then(|e| arena.get(e.start..e.start + e.id_len as usize))
                .unwrap_or_default();
            hasher.hash_one(bytes)
        });
        Some(index)
    }

    /// Gives an unseen entry its content; the content goes at the end of the
    /// arena, so an id first named by a retraction is copied there once more.
    fn settle(&mut self, index: u32, fact: &Fact, state: State) {
        let bytes = std::mem::take(&mut self.scratch);
        let Some(entry) = self.entries.get(index as usize) else {
            return;
        };
        let start = if entry.start + entry.id_len as usize == self.arena.len() {
            entry.start
        } else {
            let start = self.arena.len();
            self.arena.extend_from_slice(fact.id.as_bytes());
            start
        };
        self.arena.extend_from_slice(&bytes);
        if let Some(entry) = self.entries.get_mut(index as usize) {
            entry.start = start;
            entry.content_len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
            entry.state = state;
            entry.retraction = matches!(fact.what, What::Retraction { .. });
        }
        self.scratch = bytes;
    }

    fn exclude(&mut self, defects: Vec<Defect>) -> Decision {
        let reason = defects.first().map_or(Reason::TooManyFacts, |d| d.reason);
        self.counts.excluded += 1;
        if let Some(slot) = Reason::ALL
            .iter()
            .position(|r| *r == reason)
            .and_then(|i| self.by_reason.get_mut(i))
        {
            *slot += 1;
        }
        Decision {
            verdict: Verdict::Excluded(defects),
            retractions_now_counted: Vec::new(),
        }
    }

    /// Decides about one fact and records it. See the module documentation.
    /// `project` and `register` are those of every fact this admission
    /// decides about; with a `register`, territory codes must be in it.
    pub fn admit(
        &mut self,
        project: &Project,
        register: Option<&Register>,
        fact: &Fact,
    ) -> Decision {
        self.counts.read += 1;
        let mut scratch = std::mem::take(&mut self.scratch);
        content(fact, &mut scratch);
        self.scratch = scratch;
        let known = self.id(&fact.id);
        if let Some(id) = known
            && let Some(entry) = self.entries.get(id.index())
            && !matches!(entry.state, State::Unseen)
        {
            if self.content_bytes(entry) == self.scratch.as_slice() {
                self.counts.duplicates += 1;
                return Decision {
                    verdict: Verdict::Duplicate,
                    retractions_now_counted: Vec::new(),
                };
            }
            let mut all = vec![Defect {
                reason: Reason::IdConflict,
                fields: vec!["id".to_owned()],
                message: format!(
                    "id {:?} is used again with other content; expected each id once (retract the fact and record a new one)",
                    fact.id
                ),
            }];
            all.extend(defects(project, register, fact));
            return self.exclude(all);
        }
        let mut found = defects(project, register, fact);
        let target = match &fact.what {
            What::Retraction { retracts, .. } => Some(retracts.as_str()),
            _ => None,
        };
        if let Some(target) = target
            && let Some(t) = self.id(target)
            && self
                .entries
                .get(t.index())
                .is_some_and(|e| e.retraction && !matches!(e.state, State::Unseen))
        {
            found.push(Defect {
                reason: Reason::RetractsRetraction,
                fields: vec!["retracts".to_owned()],
                message: format!(
                    "retracts {target:?}, which is itself a retraction; record the fact again under a new id instead"
                ),
            });
        }
        let magnitude = match &fact.what {
            What::Expenditure { amount, .. } => amount.grosze().unsigned_abs(),
            _ => 0,
        };
        let magnitude = i128::try_from(magnitude).unwrap_or(i128::MAX);
        if found.is_empty()
            && magnitude > 0
            && self.spending.saturating_add(magnitude) >= SPENDING_LIMIT_GROSZE
        {
            found.push(Defect {
                reason: Reason::SpendingLimit,
                fields: vec!["amount".to_owned()],
                message: format!(
                    "with this amount the counted expenditures would sum to {} zł or more in magnitude, beyond the range of amounts; expected real amounts",
                    AMOUNT_LIMIT_ZLOTY
                ),
            });
        }
        let Some(index) = self.intern(&fact.id) else {
            let mut all = vec![Defect {
                reason: Reason::TooManyFacts,
                fields: vec!["id".to_owned()],
                message: format!("more than {MAX_FACTS} facts; expected fewer per project"),
            }];
            all.extend(found);
            return self.exclude(all);
        };
        // The retractions that waited for this id.
        let waiting = self.waiting.remove(&index).unwrap_or_default();
        let is_retraction = target.is_some();
        let mut now_counted = Vec::new();
        if is_retraction {
            // They retract a retraction: excluded from now on.
            for (r, _) in &waiting {
                self.late.push((*r, index));
                self.counts.counted = self.counts.counted.saturating_sub(1);
                self.counts.excluded += 1;
                self.counts.pending_retractions = self.counts.pending_retractions.saturating_sub(1);
                if let Some(i) = Reason::ALL
                    .iter()
                    .position(|x| *x == Reason::RetractsRetraction)
                {
                    if let Some(n) = self.by_reason.get_mut(i) {
                        *n += 1;
                    }
                }
            }
        } else {
            self.counts.pending_retractions = self
                .counts
                .pending_retractions
                .saturating_sub(u64::try_from(waiting.len()).unwrap_or(u64::MAX));
            now_counted = waiting.iter().map(|(_, d)| *d).collect();
        }
        let target_index = match target {
            Some(t) if found.is_empty() => match self.intern(t) {
                Some(t) => Some(t),
                None => {
                    found.push(Defect {
                        reason: Reason::TooManyFacts,
                        fields: vec!["retracts".to_owned()],
                        message: format!("more than {MAX_FACTS} facts; expected fewer per project"),
                    });
                    None
                }
            },
            _ => None,
        };
        if !found.is_empty() {
            self.settle(index, fact, State::Excluded);
            if let Some(t) = target
                && !found.iter().any(|d| d.reason == Reason::RetractsItself)
            {
                self.excluded_retractions.push((index, t.into()));
            }
            let mut decision = self.exclude(found);
            decision.retractions_now_counted = now_counted;
            return decision;
        }
        self.settle(index, fact, State::Counted);
        self.spending += magnitude;
        self.counts.counted += 1;
        let verdict = match target_index {
            Some(t) => {
                let pending = !self.arrived(FactId(t));
                if pending {
                    self.waiting.entry(t).or_default().push((index, fact.date));
                    self.counts.pending_retractions += 1;
                }
                Verdict::Retraction {
                    id: FactId(index),
                    target: FactId(t),
                    pending,
                }
            }
            None => Verdict::Counted {
                id: FactId(index),
                retracted: !waiting.is_empty(),
            },
        };
        Decision {
            verdict,
            retractions_now_counted: now_counted,
        }
    }

    /// How many grosze of expenditure, in magnitude, may still be counted: an
    /// expenditure whose amount is this much or more in magnitude is excluded
    /// as [`Reason::SpendingLimit`]. A writer that stores facts before they
    /// reach the engine (the server) checks against it, so that it refuses what
    /// the engine would exclude.
    ///
    /// ```
    /// use kooperacja_core::admission::Admission;
    /// let admission = Admission::new();
    /// assert_eq!(admission.spending_room(), 100_000_000_000_000_000); // 10^15 zł in grosze
    /// ```
    pub fn spending_room(&self) -> i128 {
        SPENDING_LIMIT_GROSZE.saturating_sub(self.spending)
    }

    /// The counts so far. Retractions still waiting for their fact are
    /// counted as excluded, under [`Reason::RetractionUnknown`]: they change
    /// nothing unless their fact comes.
    pub fn counts(&self) -> Counts {
        let mut counts = self.counts.clone();
        counts.counted = counts.counted.saturating_sub(counts.pending_retractions);
        counts.excluded += counts.pending_retractions;
        for (reason, n) in Reason::ALL.iter().zip(self.by_reason) {
            let n = if *reason == Reason::RetractionUnknown {
                n + counts.pending_retractions
            } else {
                n
            };
            if n > 0 {
                counts
                    .excluded_by_reason
                    .insert(reason.code().to_owned(), n);
            }
        }
        counts
    }

    /// The defects known only once every fact is read, each with the id of
    /// the retraction it excludes: retractions whose fact never came, and
    /// retractions whose fact turned out to be a retraction, in the order the
    /// retractions were read.
    pub fn finish(&self) -> Vec<(String, Defect)> {
        let mut out: Vec<(u32, Defect)> = Vec::new();
        for (r, t) in &self.late {
            let target = self.id_text(FactId(*t));
            out.push((
                *r,
                Defect {
                    reason: Reason::RetractsRetraction,
                    fields: vec!["retracts".to_owned()],
                    message: format!(
                        "retracts {target:?}, which is itself a retraction; record the fact again under a new id instead"
                    ),
                },
            ));
        }
        for (target, waiting) in &self.waiting {
            let name = self.id_text(FactId(*target)).to_owned();
            for (r, _) in waiting {
                out.push((
                    *r,
                    Defect {
                        reason: Reason::RetractionUnknown,
                        fields: vec!["retracts".to_owned()],
                        message: format!(
                            "retracts {name:?}, but no fact has that id; expected the id of a recorded fact"
                        ),
                    },
                ));
            }
        }
        for (r, target) in &self.excluded_retractions {
            if !self.id(target).is_some_and(|t| self.arrived(t)) {
                out.push((
                    *r,
                    Defect {
                        reason: Reason::RetractionUnknown,
                        fields: vec!["retracts".to_owned()],
                        message: format!(
                            "retracts {target:?}, but no fact has that id; expected the id of a recorded fact"
                        ),
                    },
                ));
            }
        }
        out.sort_by_key(|(r, _)| *r);
        out.into_iter()
            .map(|(r, d)| (self.id_text(FactId(r)).to_owned(), d))
            .collect()
    }

    /// The bytes kept for identity: ids and canonical content.
    pub fn arena_bytes(&self) -> usize {
        self.arena.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agreement(date: u32, institution: &str, name: &str, place: Option<&str>) -> Fact {
        Fact {
            id: "a1".to_owned(),
            date: NaiveDate::from_ymd_opt(2019, 3, date).expect("valid date"),
            recorded_by: "umk".to_owned(),
            territory: None,
            what: What::Fields(crate::facts::Fields {
                kind: "agreement".to_owned(),
                values: [
                    Some(("institution", institution)),
                    Some(("name", name)),
                    Some(("sector", "education")),
                    place.map(|p| ("place", p)),
                ]
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.to_owned(), Value::Text(v.to_owned())))
                .collect(),
            }),
        }
    }

    /// A repeat is a duplicate only when every field is equal: moving text
    /// between two fields, or a value against none, is a conflict.
    #[test]
    fn content_is_compared_exactly() {
        let project = Project::parse(include_str!(
            "../../../fixtures/projects/kooperacja-makroregion-ii.toml"
        ))
        .expect("fixture parses");
        let a = agreement(1, "ab", "c", None);
        let cases = [
            (a.clone(), true),
            (agreement(1, "a", "bc", None), false),
            (agreement(1, "ab", "c", Some("x")), false),
            (agreement(2, "ab", "c", None), false),
        ];
        for (other, same) in cases {
            let mut admission = Admission::new();
            assert!(matches!(
                admission.admit(&project, None, &a).verdict,
                Verdict::Counted { .. }
            ));
            let verdict = admission.admit(&project, None, &other).verdict;
            assert_eq!(
                verdict == Verdict::Duplicate,
                same,
                "{other:?}: {verdict:?}"
            );
        }
    }
}
