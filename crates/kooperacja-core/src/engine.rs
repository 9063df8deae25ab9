//! The indicator engine: facts in, one at a time; a [`Report`] out, as of any date.
//!
//! The engine keeps, for each leaf rule of every indicator, running tallies by
//! day (in total, by voivodeship and by partner), and for distinct counts the
//! days on which each key appears. Adding or retracting a fact updates those
//! tallies in time independent of how many facts came before; a report reads
//! them, never the facts. So one pass over the facts computes every indicator,
//! and one more fact costs one more update ([`Engine::apply`]).
//!
//! The laws the engine obeys (monotonic, idempotent, order-free, retraction
//! undoes, incremental equals full, …) are stated in `docs/indicators.md` and
//! tested with proptest.
//!
//! ```
//! use kooperacja_core::engine::Engine;
//! use kooperacja_core::facts::{FactReader, Format};
//! use kooperacja_core::project::Project;
//! use kooperacja_core::report::Status;
//! use chrono::NaiveDate;
//!
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let mut engine = Engine::new(project, None);
//! let facts = r#"{"id":"d-1","date":"2019-03-15","by":"umk","kind":"deliverable","deliverable":"model","title":"Model kooperacji"}"#;
//! let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
//! for fact in FactReader::new(facts.as_bytes(), Format::JsonLines, key) {
//!     engine.apply(&fact?);
//! }
//! let report = engine.report(NaiveDate::from_ymd_opt(2019, 3, 31).unwrap());
//! let models = report.indicators.iter().find(|i| i.id == "models-developed").unwrap();
//! assert_eq!(models.status, Status::Achieved);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::admission::{Admission, FactId, Reason, Verdict};
use crate::facts::{Fact, FactKind, What};
use crate::groups::GroupLevel;
use crate::indicator::Target;
use crate::money::{Amount, Rate};
use crate::period::YearMonth;
use crate::project::{Project, Version};
use crate::report::{
    ActivityProgress, BudgetReport, BudgetYear, FactCounts, GroupReport, Held, IndicatorReport,
    MilestoneMeetings, MilestoneReport, MilestoneState, MonthlyFacts, MonthlySpending, Part,
    PartnerSpending, Report, Status, StatusCount,
};
use crate::rule::{Denominator, Filter, Key, Measure, Rule, Units};
use crate::schedule::{ActivityKind, CoachingForm};
use crate::territory::{Level, Register, TerytCode};

/// What applying a fact did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Applied {
    /// A new fact was counted.
    Added,
    /// The same fact was already recorded; nothing changed.
    Duplicate,
    /// A retraction was recorded and its fact removed from every tally.
    Retracted,
    /// A retraction was recorded for a fact not yet seen; that fact will not
    /// count when it arrives.
    RetractionPending,
    /// A fact arrived that an earlier retraction had already retracted.
    ArrivedRetracted,
    /// The fact does not count: the [admission](crate::admission) excluded it
    /// for this reason (its first defect). The report counts it under
    /// `facts.excluded_by_reason`.
    Excluded(Reason),
}

// ---------------------------------------------------------------------------
// Hashing and interning

/// Maps keyed by small integers and interned names, hashed with foldhash (a
/// fixed seed: core reads no clock, and equality, not the hash, decides).
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

fn fast_map<K, V>() -> FastMap<K, V> {
    HashMap::with_hasher(foldhash::fast::FixedState::with_seed(0x6b6f_6f70))
}

#[derive(Debug, Clone)]
struct Interner {
    ids: FastMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Default for Interner {
    fn default() -> Interner {
        Interner {
            ids: fast_map(),
            names: Vec::new(),
        }
    }
}

impl Interner {
    /// The name's number; `None` once 2^32 names are interned (the admission
    /// caps facts far below; only persons listed on meetings could get there).
    fn intern(&mut self, text: &str) -> Option<u32> {
        if let Some(&id) = self.ids.get(text) {
            return Some(id);
        }
        let id = u32::try_from(self.names.len()).ok()?;
        self.names.push(text.into());
        self.ids.insert(text.into(), id);
        Some(id)
    }

    fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("-", |s| s)
    }
}

// ---------------------------------------------------------------------------
// Tallies

/// Deltas by day, summed exactly in `i128`: a sorted list while few days are
/// used; a dense array over the days once many are and they lie close
/// together; an ordered map when they are many and spread out. A dense array
/// never holds more than [`DENSITY`] slots per change it has received (or
/// [`DENSE_MIN`]), so memory stays proportional to the facts, whatever their
/// dates (issue 11: dates over years 1 to 9999 took 3.4 GB).
///
/// No sum can overflow: each delta is at most 2^64 in magnitude (a u32 measure,
/// or an amount below 10^17 grosze), and an engine holds fewer than 2^31 facts,
/// each applied at most twice, so every sum stays below 2^97.
#[derive(Debug, Clone)]
enum Series {
    Sparse(Vec<(i32, i128)>),
    Dense {
        base: i32,
        values: Vec<i128>,
        changes: usize,
    },
    Tree(BTreeMap<i32, i128>),
}

impl Default for Series {
    fn default() -> Series {
        Series::Sparse(Vec::new())
    }
}

/// A sparse series with more days than this becomes dense or a tree.
const DENSE_AFTER: usize = 96;
/// A dense series holds at most this many slots per change...
const DENSITY: usize = 16;
/// ...or this many, whichever is more.
const DENSE_MIN: usize = 4096;

fn day(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    date.num_days_from_ce()
}

impl Series {
    fn add(&mut self, at: i32, delta: i128) {
        match self {
            Series::Sparse(entries) => {
                match entries.binary_search_by_key(&at, |(d, _)| *d) {
                    Ok(i) => {
                        if let Some(e) = entries.get_mut(i) {
                            e.1 += delta;
                        }
                    }
                    Err(i) => entries.insert(i, (at, delta)),
                }
                if entries.len() > DENSE_AFTER {
                    let (Some(&(first, _)), Some(&(last, _))) = (entries.first(), entries.last())
                    else {
                        return;
                    };
                    let span = usize::try_from(i64::from(last) - i64::from(first) + 1)
                        .unwrap_or(usize::MAX);
                    let changes = entries.len();
                    // Room for about a year either side, within the bound.
                    let room = (DENSITY * changes).max(DENSE_MIN);
                    if span.saturating_add(732) > room {
                        *self = Series::Tree(entries.iter().copied().collect());
                        return;
                    }
                    let base = first - 366;
                    let mut values = vec![0; span + 732];
                    for (d, v) in entries.iter() {
                        if let Some(slot) = usize::try_from(d - base)
                            .ok()
                            .and_then(|i| values.get_mut(i))
                        {
                            *slot += v;
                        }
                    }
                    *self = Series::Dense {
                        base,
                        values,
                        changes,
                    };
                }
            }
            Series::Dense {
                base,
                values,
                changes,
            } => {
                *changes += 1;
                let room = (DENSITY * *changes).max(DENSE_MIN);
                let offset = i64::from(at) - i64::from(*base);
                let len = values.len();
                // The length the array would need: growing to the left by at
                // least its length, to the right to at least double, so that
                // facts in any order cost amortised constant time.
                let needed = if offset < 0 {
                    usize::try_from(-offset).unwrap_or(usize::MAX).max(len) + len
                } else {
                    let index = usize::try_from(offset).unwrap_or(usize::MAX);
                    if index < len {
                        len
                    } else {
                        index.saturating_add(1).max(len * 2)
                    }
                };
                if needed > room {
                    let mut tree = BTreeMap::new();
                    for (i, v) in values.iter().enumerate() {
                        if *v != 0
                            && let Ok(i) = i32::try_from(i)
                        {
                            tree.insert(*base + i, *v);
                        }
                    }
                    *tree.entry(at).or_insert(0) += delta;
                    *self = Series::Tree(tree);
                    return;
                }
                if offset < 0 {
                    let grow = needed - len;
                    let mut grown = vec![0; grow];
                    grown.extend_from_slice(values);
                    *values = grown;
                    *base -= i32::try_from(grow).unwrap_or(0);
                } else if needed > len {
                    values.resize(needed, 0);
                }
                if let Some(slot) = usize::try_from(i64::from(at) - i64::from(*base))
                    .ok()
                    .and_then(|i| values.get_mut(i))
                {
                    *slot += delta;
                }
            }
            Series::Tree(tree) => {
                let v = tree.entry(at).or_insert(0);
                *v += delta;
                if *v == 0 {
                    tree.remove(&at);
                }
            }
        }
    }

    /// The sum of deltas on days `from..=to`.
    fn sum(&self, from: i32, to: i32) -> i128 {
        if to < from {
            return 0;
        }
        match self {
            Series::Sparse(entries) => entries
                .iter()
                .filter(|(d, _)| from <= *d && *d <= to)
                .map(|(_, v)| v)
                .sum(),
            Series::Dense { base, values, .. } => {
                let start = usize::try_from((i64::from(from) - i64::from(*base)).max(0))
                    .unwrap_or(usize::MAX);
                let end = usize::try_from(i64::from(to) - i64::from(*base))
                    .map_or(0, |e| (e + 1).min(values.len()));
                values.get(start..end).map_or(0, |v| v.iter().sum())
            }
            Series::Tree(tree) => tree.range(from..=to).map(|(_, v)| v).sum(),
        }
    }

    fn up_to(&self, to: i32) -> i128 {
        self.sum(i32::MIN / 2, to)
    }

    /// The non-zero sums by calendar month of the days up to `to`.
    fn by_month(&self, to: i32) -> BTreeMap<YearMonth, i128> {
        let mut months: BTreeMap<YearMonth, i128> = BTreeMap::new();
        let mut add = |at: i32, delta: i128| {
            if at <= to && delta != 0 {
                if let Some(date) = NaiveDate::from_num_days_from_ce_opt(at) {
                    *months.entry(YearMonth::of(date)).or_default() += delta;
                }
            }
        };
        match self {
            Series::Sparse(entries) => entries.iter().for_each(|(d, v)| add(*d, *v)),
            Series::Dense { base, values, .. } => {
                for (offset, v) in values.iter().enumerate() {
                    if let Ok(offset) = i32::try_from(offset) {
                        add(base + offset, *v);
                    }
                }
            }
            Series::Tree(tree) => tree.iter().for_each(|(d, v)| add(*d, *v)),
        }
        months.retain(|_, v| *v != 0);
        months
    }
}

/// The live days of one key, as (day, facts) pairs.
#[derive(Debug, Clone, Default)]
struct Days(Vec<(i32, u32)>);

impl Days {
    fn first(&self) -> Option<i32> {
        self.0.iter().map(|(d, _)| *d).min()
    }
    fn add(&mut self, at: i32) {
        match self.0.iter_mut().find(|(d, _)| *d == at) {
            Some((_, n)) => *n += 1,
            None => self.0.push((at, 1)),
        }
    }
    fn remove(&mut self, at: i32) {
        if let Some(i) = self.0.iter().position(|(d, _)| *d == at) {
            let gone = self.0.get_mut(i).is_some_and(|(_, n)| {
                *n = n.saturating_sub(1);
                *n == 0
            });
            if gone {
                self.0.swap_remove(i);
            }
        }
    }
}

/// Distinct keys: for each key its live days, and how many keys first appear
/// on each day.
#[derive(Debug, Clone, Default)]
struct Distinct {
    keys: FastMap<u32, Days>,
    firsts: Series,
}

impl Distinct {
    fn change(&mut self, key: u32, at: i32, add: bool) {
        let days = self.keys.entry(key).or_default();
        let before = days.first();
        if add {
            days.add(at);
        } else {
            days.remove(at);
        }
        let after = days.first();
        if after.is_none() {
            self.keys.remove(&key);
        }
        if before != after {
            if let Some(b) = before {
                self.firsts.add(b, -1);
            }
            if let Some(a) = after {
                self.firsts.add(a, 1);
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Tally {
    Count(Series),
    Distinct(Distinct),
}

impl Tally {
    fn value(&self, from: i32, to: i32) -> i128 {
        match self {
            Tally::Count(s) => s.sum(from, to),
            Tally::Distinct(d) => d.firsts.sum(from, to),
        }
    }
}

/// A leaf rule with its tallies in total, by voivodeship and by partner.
#[derive(Debug, Clone)]
struct Leaf {
    rule: Rule,
    total: Tally,
    by_voivodeship: Vec<Tally>,
    by_partner: Vec<Tally>,
}

impl Leaf {
    fn new(rule: Rule) -> Leaf {
        let empty = Leaf::empty_tally(&rule);
        Leaf {
            rule,
            total: empty,
            by_voivodeship: Vec::new(),
            by_partner: Vec::new(),
        }
    }

    fn empty_tally(rule: &Rule) -> Tally {
        match rule {
            Rule::Distinct { .. } => Tally::Distinct(Distinct::default()),
            _ => Tally::Count(Series::default()),
        }
    }

    /// The leaf's filter; a ratio (which the parser never puts in a leaf)
    /// has none and matches nothing.
    fn filter(&self) -> Option<&Filter> {
        match &self.rule {
            Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => Some(filter),
            Rule::Ratio { .. } => None,
        }
    }
}

/// What one stored fact contributed, so that a retraction can undo it.
#[derive(Debug, Clone)]
struct Stored {
    day: i32,
    kind: FactKind,
    live: bool,
    /// The leaves matched: an index into the engine's interned leaf sets.
    leaves: u32,
    voivodeship: u32,
    partner: u32,
    /// Key ids for distinct leaves, each with its kind (slot: 0 person,
    /// 1 institution, 2 JST).
    keys: Box<[(u8, u32)]>,
    /// Meeting-days and participants, for meeting measures.
    days: u32,
    participants: u32,
}

/// Meeting counts for milestone progress.
#[derive(Debug, Clone, Default)]
struct MeetingTally {
    count: Series,
    days: Series,
}

/// A coaching session: the coaching facts one organisation recorded on one
/// day in one form, for one role.
type Session = (CoachingForm, u32, u32, i32);

/// Everything needed to undo a meeting's, a coaching's or an expenditure's
/// contribution.
#[derive(Debug, Clone)]
enum Extra {
    Meeting {
        label: u32,
        territory: u32,
        days: u32,
    },
    Coaching(Session),
    Expenditure {
        partner: u32,
        category: u32,
        grosze: i128,
    },
}

/// The label under which meetings are tallied for milestone progress:
/// `group:PGR`, `activity:education`, or `meeting`.
fn meeting_label(group: Option<&str>, activity: Option<ActivityKind>) -> String {
    match (group, activity) {
        (Some(g), _) => format!("group:{g}"),
        (None, Some(a)) => format!("activity:{}", activity_name(a)),
        (None, None) => "meeting".to_owned(),
    }
}

fn activity_name(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Meeting => "meeting",
        ActivityKind::Seminar => "seminar",
        ActivityKind::ScientificSeminar => "scientific-seminar",
        ActivityKind::InternationalSeminar => "international-seminar",
        ActivityKind::Coaching => "coaching",
        ActivityKind::Research => "research",
        ActivityKind::Consultation => "consultation",
        ActivityKind::Platform => "platform",
        ActivityKind::Selection => "selection",
        ActivityKind::Pilot => "pilot",
        ActivityKind::Recommendations => "recommendations",
        ActivityKind::Report => "report",
        ActivityKind::Dissemination => "dissemination",
        ActivityKind::Education => "education",
        ActivityKind::SteeringCommittee => "steering-committee",
        ActivityKind::Other => "other",
    }
}

/// The indicator engine over one project; see the module documentation.
#[derive(Debug, Clone)]
pub struct Engine {
    project: Arc<Project>,
    register: Option<Arc<Register>>,
    /// Which facts count, with their exact ids and content.
    admission: Admission,
    leaves: Vec<Leaf>,
    /// For each indicator, its rule rewritten over leaf indexes.
    plans: Vec<Option<Plan>>,
    /// For each fact id (by [`FactId`]), its index in `stored`, or `u32::MAX`.
    slots: Vec<u32>,
    stored: Vec<Stored>,
    /// The distinct sets of leaves facts match, each a sorted list of leaf
    /// indexes.
    leaf_sets: Vec<Box<[u32]>>,
    leaf_set_ids: FastMap<Box<[u32]>, u32>,
    /// The leaves of the fact being described.
    matched: Vec<u32>,
    extras: FastMap<u32, Extra>,
    voivodeships: Interner,
    partners: Interner,
    keys: [Interner; 3],
    labels: Interner,
    territories: Interner,
    categories: Interner,
    roles: Interner,
    meetings: FastMap<(u32, u32), MeetingTally>,
    /// Live coaching facts per session.
    coaching: FastMap<Session, u32>,
    spending: FastMap<(u32, u32), Series>,
    kinds: FastMap<FactKind, Series>,
    retracted: u64,
    /// Facts the admission counted that the engine could not take (2^32
    /// names interned): counted under [`Reason::TooManyFacts`].
    overfull: u64,
}

#[derive(Debug, Clone)]
enum Plan {
    Leaf(usize),
    Ratio {
        numerator: usize,
        denominator: PlanDenominator,
    },
}

#[derive(Debug, Clone)]
enum PlanDenominator {
    Leaf(usize),
    Units {
        units: Units,
        within: Option<TerytCode>,
    },
}

const NO_SLOT: u32 = u32::MAX;

impl Engine {
    /// An engine for `project`, with no facts yet. The register is needed only
    /// by ratios over territorial units (`units = "jst"`); without it those
    /// indicators are reported as not evaluated. Any number of rules.
    ///
    /// The engine owns its project (shared: an [`Arc`] given is kept, a
    /// [`Project`] given is moved into one), so it lives as long as its owner
    /// wants, with no borrow to outlive.
    pub fn new(project: impl Into<Arc<Project>>, register: Option<Arc<Register>>) -> Engine {
        let project: Arc<Project> = project.into();
        let mut leaves: Vec<Leaf> = Vec::new();
        let leaf_of = |rule: &Rule, leaves: &mut Vec<Leaf>| -> Option<usize> {
            if matches!(rule, Rule::Ratio { .. }) {
                return None;
            }
            if let Some(i) = leaves.iter().position(|l| &l.rule == rule) {
                return Some(i);
            }
            leaves.push(Leaf::new(rule.clone()));
            Some(leaves.len() - 1)
        };
        let plans = project
            .indicators
            .iter()
            .map(|indicator| {
                let rule = indicator.rule.as_ref()?;
                Some(match rule {
                    Rule::Ratio {
                        numerator,
                        denominator,
                    } => Plan::Ratio {
                        numerator: leaf_of(numerator, &mut leaves)?,
                        denominator: match denominator {
                            Denominator::Rule(r) => PlanDenominator::Leaf(leaf_of(r, &mut leaves)?),
                            Denominator::Territory { units, within } => PlanDenominator::Units {
                                units: *units,
                                within: within.clone(),
                            },
                        },
                    },
                    leaf => Plan::Leaf(leaf_of(leaf, &mut leaves)?),
                })
            })
            .collect();
        Engine {
            project,
            register,
            admission: Admission::new(),
            leaves,
            plans,
            slots: Vec::new(),
            stored: Vec::new(),
            leaf_sets: Vec::new(),
            leaf_set_ids: fast_map(),
            matched: Vec::new(),
            extras: fast_map(),
            voivodeships: Interner::default(),
            partners: Interner::default(),
            keys: Default::default(),
            labels: Interner::default(),
            territories: Interner::default(),
            categories: Interner::default(),
            roles: Interner::default(),
            meetings: fast_map(),
            coaching: fast_map(),
            spending: fast_map(),
            kinds: fast_map(),
            retracted: 0,
            overfull: 0,
        }
    }

    /// The number of facts recorded: counted (retracted ones and retractions
    /// included) and excluded; repeats are not.
    pub fn len(&self) -> usize {
        let c = self.admission.counts();
        usize::try_from(c.counted + c.excluded).unwrap_or(usize::MAX)
    }

    /// Whether no fact is recorded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The admission the engine decides with: its counts, and the ids it has
    /// seen.
    pub fn admission(&self) -> &Admission {
        &self.admission
    }

    /// The project the engine evaluates.
    pub fn project(&self) -> &Arc<Project> {
        &self.project
    }

    /// The TERC register it was given, if any.
    pub fn register(&self) -> Option<&Arc<Register>> {
        self.register.as_ref()
    }

    fn slot(&self, id: FactId) -> Option<u32> {
        self.slots
            .get(id.index())
            .copied()
            .filter(|s| *s != NO_SLOT)
    }

    /// Records one fact and updates every tally it touches.
    ///
    /// Whether it counts is the [admission](crate::admission)'s decision:
    /// a fact that does not fit the project, reuses an id with other content,
    /// or retracts a retraction is excluded (and counted as excluded in the
    /// report), never an error that stops the caller. Recording the same fact
    /// (same id, same content) again changes nothing. A retraction removes its
    /// fact from every tally, whether the fact came before it or comes after.
    pub fn apply(&mut self, fact: &Fact) -> Applied {
        let decision = self
            .admission
            .admit(&self.project, self.register.as_deref(), fact);
        for date in &decision.retractions_now_counted {
            self.kinds
                .entry(FactKind::Retraction)
                .or_default()
                .add(day(*date), 1);
        }
        let at = day(fact.date);
        match decision.verdict {
            Verdict::Duplicate => Applied::Duplicate,
            Verdict::Excluded(defects) => {
                Applied::Excluded(defects.first().map_or(Reason::TooManyFacts, |d| d.reason))
            }
            Verdict::Retraction {
                target, pending, ..
            } => {
                if pending {
                    return Applied::RetractionPending;
                }
                self.kinds
                    .entry(FactKind::Retraction)
                    .or_default()
                    .add(at, 1);
                if let Some(index) = self.slot(target)
                    && self.stored.get(index as usize).is_some_and(|s| s.live)
                {
                    self.contribute(index, false);
                    if let Some(s) = self.stored.get_mut(index as usize) {
                        s.live = false;
                    }
                    self.retracted += 1;
                }
                Applied::Retracted
            }
            Verdict::Counted { id, retracted } => {
                let Ok(index) = u32::try_from(self.stored.len()) else {
                    self.overfull += 1;
                    return Applied::Excluded(Reason::TooManyFacts);
                };
                let Some(mut stored) = self.describe(fact, at, index) else {
                    self.overfull += 1;
                    return Applied::Excluded(Reason::TooManyFacts);
                };
                if self.slots.len() <= id.index() {
                    self.slots.resize(id.index() + 1, NO_SLOT);
                }
                if let Some(slot) = self.slots.get_mut(id.index()) {
                    *slot = index;
                }
                stored.live = !retracted;
                self.stored.push(stored);
                if retracted {
                    self.extras.remove(&index);
                    self.retracted += 1;
                    return Applied::ArrivedRetracted;
                }
                self.contribute(index, true);
                Applied::Added
            }
        }
    }

    /// Works out what a fact contributes, interning its names; `None` when an
    /// interner is full.
    fn describe(&mut self, fact: &Fact, at: i32, index: u32) -> Option<Stored> {
        let mut matched = std::mem::take(&mut self.matched);
        matched.clear();
        matched.extend(
            self.leaves
                .iter()
                .enumerate()
                .filter(|(_, leaf)| leaf.filter().is_some_and(|f| f.matches(fact)))
                .filter_map(|(i, _)| u32::try_from(i).ok()),
        );
        let leaves = match self.leaf_set_ids.get(matched.as_slice()) {
            Some(&id) => Some(id),
            None => u32::try_from(self.leaf_sets.len()).ok().inspect(|&id| {
                self.leaf_sets.push(matched.as_slice().into());
                self.leaf_set_ids.insert(matched.as_slice().into(), id);
            }),
        };
        self.matched = matched;
        let leaves = leaves?;
        let voivodeship = match &fact.territory {
            Some(t) => self.voivodeships.intern(t.voivodeship().as_str())?,
            None => self.voivodeships.intern("-")?,
        };
        let partner = self.partners.intern(&fact.recorded_by)?;
        // The keys a fact offers to distinct counts, by kind. A support fact
        // names a person, or (with no person) the institution supported.
        let keys: Vec<(usize, &str)> = match &fact.what {
            What::Coaching { person, .. } | What::Qualification { person } => {
                vec![(0, person.as_str())]
            }
            What::Support {
                person: Some(p), ..
            } => vec![(0, p.as_str())],
            What::Support {
                person: None,
                institution: Some(i),
                ..
            } => vec![(1, i.as_str())],
            What::Meeting { persons, .. } => persons.iter().map(|p| (0, p.as_str())).collect(),
            What::Agreement { institution, .. } => vec![(1, institution.as_str())],
            What::Pilot { jst } | What::DiPlan { jst } => vec![(2, jst.as_str())],
            _ => Vec::new(),
        };
        let mut interned = Vec::with_capacity(keys.len());
        for (slot, k) in keys {
            let interner = self.keys.get_mut(slot)?;
            interned.push((u8::try_from(slot).ok()?, interner.intern(k)?));
        }
        let keys: Box<[(u8, u32)]> = interned.into();
        let (days, participants) = match &fact.what {
            What::Meeting {
                days,
                participants,
                group,
                activity,
                ..
            } => {
                let label = self
                    .labels
                    .intern(&meeting_label(group.as_deref(), *activity))?;
                let territory = self
                    .territories
                    .intern(fact.territory.as_ref().map_or("-", TerytCode::as_str))?;
                self.extras.insert(
                    index,
                    Extra::Meeting {
                        label,
                        territory,
                        days: *days,
                    },
                );
                (*days, *participants)
            }
            What::Coaching { form, role, .. } => {
                let role = self.roles.intern(role)?;
                self.extras
                    .insert(index, Extra::Coaching((*form, role, partner, at)));
                (0, 0)
            }
            What::Expenditure {
                partner,
                amount,
                category,
            } => {
                let partner = self.partners.intern(partner)?;
                let category = self.categories.intern(category)?;
                self.extras.insert(
                    index,
                    Extra::Expenditure {
                        partner,
                        category,
                        grosze: amount.grosze(),
                    },
                );
                (0, 0)
            }
            _ => (0, 0),
        };
        Some(Stored {
            day: at,
            kind: fact.what.kind(),
            live: true,
            leaves,
            voivodeship,
            partner,
            keys,
            days,
            participants,
        })
    }

    /// Adds (or, with `add = false`, removes) a stored fact's contribution.
    fn contribute(&mut self, index: u32, add: bool) {
        let Some(s) = self.stored.get(index as usize) else {
            return;
        };
        let sign: i128 = if add { 1 } else { -1 };
        let (at, voivodeship, partner) = (s.day, s.voivodeship as usize, s.partner as usize);
        self.kinds.entry(s.kind).or_default().add(at, sign);
        let matched = self
            .leaf_sets
            .get(s.leaves as usize)
            .map_or(&[][..], |l| &l[..]);
        for &i in matched {
            let Some(leaf) = self.leaves.get_mut(i as usize) else {
                continue;
            };
            let empty = Leaf::empty_tally(&leaf.rule);
            if leaf.by_voivodeship.len() <= voivodeship {
                leaf.by_voivodeship.resize(voivodeship + 1, empty.clone());
            }
            if leaf.by_partner.len() <= partner {
                leaf.by_partner.resize(partner + 1, empty);
            }
            let key_slot = match &leaf.rule {
                Rule::Distinct {
                    key: Key::Person, ..
                } => 0,
                Rule::Distinct {
                    key: Key::Institution,
                    ..
                } => 1,
                Rule::Distinct { key: Key::Jst, .. } => 2,
                _ => u8::MAX,
            };
            let measure: i128 = match &leaf.rule {
                Rule::Count {
                    measure: Measure::Facts,
                    ..
                } => 1,
                Rule::Count {
                    measure: Measure::MeetingDays,
                    ..
                } => i128::from(s.days),
                Rule::Count {
                    measure: Measure::Participants,
                    ..
                } => i128::from(s.participants),
                _ => 0,
            };
            let (Some(by_v), Some(by_p)) = (
                leaf.by_voivodeship.get_mut(voivodeship),
                leaf.by_partner.get_mut(partner),
            ) else {
                continue;
            };
            for tally in [&mut leaf.total, by_v, by_p] {
                match tally {
                    Tally::Count(series) => series.add(at, sign * measure),
                    Tally::Distinct(distinct) => {
                        for &(slot, key) in &s.keys {
                            if slot == key_slot {
                                distinct.change(key, at, add);
                            }
                        }
                    }
                }
            }
        }
        match self.extras.get(&index) {
            Some(Extra::Meeting {
                label,
                territory,
                days,
            }) => {
                let tally = self.meetings.entry((*label, *territory)).or_default();
                tally.count.add(at, sign);
                tally.days.add(at, sign * i128::from(*days));
            }
            Some(Extra::Coaching(session)) => {
                let n = self.coaching.entry(*session).or_default();
                *n = if add {
                    n.saturating_add(1)
                } else {
                    n.saturating_sub(1)
                };
                if *n == 0 {
                    self.coaching.remove(session);
                }
            }
            Some(Extra::Expenditure {
                partner,
                category,
                grosze,
            }) => {
                self.spending
                    .entry((*partner, *category))
                    .or_default()
                    .add(at, sign * grosze);
            }
            None => {}
        }
    }

    /// The report as of `as_of`, from the tallies.
    ///
    /// A project with no version (the parser refuses one) gets a report with
    /// no indicator evaluated, each saying why, and an empty budget.
    pub fn report(&self, as_of: NaiveDate) -> Report {
        let project = &*self.project;
        let in_force = project
            .version_in_force(as_of)
            .and_then(|v| project.versions.iter().position(|x| x.id == v.id));
        match in_force {
            Some(index) => self.report_against(as_of, index),
            None => self.report_without_version(as_of),
        }
    }

    /// The report as of `as_of` measured against the version `version` (its
    /// id, as `aneks-1`), as if that version were in force: its period,
    /// budget, milestones and due dates, over the same facts. `None` when the
    /// project has no such version. For the version in force on `as_of` it is
    /// [`Engine::report`].
    ///
    /// ```
    /// use kooperacja_core::{engine::Engine, project::Project};
    /// use chrono::NaiveDate;
    /// let p = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// let engine = Engine::new(p, None);
    /// let as_of = NaiveDate::from_ymd_opt(2020, 9, 30).unwrap();
    /// let original = engine.report_for_version(as_of, "umowa").unwrap();
    /// assert_eq!(original.version, "umowa");
    /// assert_ne!(original.budget.total, engine.report(as_of).budget.total);
    /// assert!(engine.report_for_version(as_of, "v9").is_none());
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn report_for_version(&self, as_of: NaiveDate, version: &str) -> Option<Report> {
        let (index, _) = self.project.version(version)?;
        Some(self.report_against(as_of, index))
    }

    /// The report as of `as_of` against the version at `version_index`.
    fn report_against(&self, as_of: NaiveDate, version_index: usize) -> Report {
        let project = &*self.project;
        let Some(version) = project.versions.get(version_index) else {
            return self.report_without_version(as_of);
        };
        let milestones = project.milestones_at(version_index);
        let to = day(as_of);
        let indicators = project
            .indicators
            .iter()
            .zip(&self.plans)
            .map(|(indicator, plan)| {
                let due = match (&indicator.due.milestone, indicator.due.date) {
                    (_, Some(date)) => date,
                    (Some(m), None) => milestones
                        .iter()
                        .find(|x| &x.id == m)
                        .map_or(version.period.end(), |x| x.period.end()),
                    (None, None) => version.period.end(),
                };
                let mut report = IndicatorReport {
                    id: indicator.id.clone(),
                    name: indicator.name.clone(),
                    name_en: indicator.name_en.clone(),
                    kind: indicator.kind,
                    unit: indicator.unit.clone(),
                    target: indicator.target,
                    value: None,
                    share_of_target: None,
                    due,
                    status: Status::NotEvaluated,
                    forecast: None,
                    by_voivodeship: Vec::new(),
                    by_partner: Vec::new(),
                    rule: indicator.rule.as_ref().map(ToString::to_string),
                    note: None,
                };
                let Some(plan) = plan else {
                    report.note = Some(
                        "no rule: the indicator is declared but not computed from facts".to_owned(),
                    );
                    return report;
                };
                // The pace is measured from the rule's `from`, else from the start of
                // the due milestone (when the work is done), else from the start of
                // the project.
                let rule_from = match &indicator.rule {
                    Some(Rule::Count { filter, .. } | Rule::Distinct { filter, .. }) => filter.from,
                    Some(Rule::Ratio { numerator, .. }) => match numerator.as_ref() {
                        Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => filter.from,
                        Rule::Ratio { .. } => None,
                    },
                    None => None,
                };
                let milestone_start = indicator
                    .due
                    .milestone
                    .as_ref()
                    .and_then(|m| milestones.iter().find(|x| &x.id == m))
                    .map(|m| m.period.start());
                let window_start = rule_from
                    .or(milestone_start)
                    .unwrap_or(version.period.start());
                match self.evaluate(plan, to, window_start, due) {
                    Err(note) => report.note = Some(note),
                    Ok(e) => {
                        report.value = Some(e.value);
                        report.forecast = Some(e.forecast);
                        report.by_voivodeship = e.by_voivodeship;
                        report.by_partner = e.by_partner;
                        let target = match indicator.target {
                            Target::Count(n) => Decimal::from(n),
                            Target::Share(rate) => rate.percent(),
                        };
                        report.share_of_target =
                            (!target.is_zero()).then(|| Rate::from_fraction(e.value / target));
                        report.status = status(e.value, e.forecast, target, as_of, due);
                    }
                }
                report
            })
            .collect::<Vec<_>>();
        let milestones = milestones
            .iter()
            .map(|m| {
                let state = if as_of < m.period.start() {
                    MilestoneState::NotStarted
                } else if as_of > m.period.end() {
                    MilestoneState::Finished
                } else {
                    MilestoneState::Running
                };
                let (from, until) = (day(m.period.start()), day(m.period.end()).min(to));
                let activities = m
                    .activities
                    .iter()
                    .filter(|a| a.count.is_some())
                    .map(|a| self.activity_progress(a, from, until))
                    .collect();
                MilestoneReport {
                    id: m.id.clone(),
                    number: m.number,
                    title: m.title.clone(),
                    period: m.period,
                    state,
                    days_passed: m.period.days_passed(as_of),
                    elapsed: elapsed(m.period, as_of),
                    activities,
                }
            })
            .collect::<Vec<_>>();
        Report {
            project: project.id.clone(),
            title: project.title.clone(),
            version: version.id.clone(),
            version_label: version.label.clone(),
            as_of,
            period: version.period,
            days_passed: version.period.days_passed(as_of),
            period_elapsed: elapsed(version.period, as_of),
            by_status: by_status(&indicators),
            indicators,
            groups: groups(project, &milestones),
            milestones,
            budget: self.budget(version, to),
            facts: self.fact_counts(to),
        }
    }

    /// The counts of facts as of day `to`.
    fn fact_counts(&self, to: i32) -> FactCounts {
        let counts = self.admission.counts();
        let mut excluded_by_reason = counts.excluded_by_reason;
        if self.overfull > 0 {
            *excluded_by_reason
                .entry(Reason::TooManyFacts.code().to_owned())
                .or_default() += self.overfull;
        }
        let by_kind: Vec<(FactKind, u64)> = FactKind::ALL
            .iter()
            .filter_map(|k| {
                let n = self.kinds.get(k).map_or(0, |s| s.up_to(to));
                (n > 0).then(|| (*k, u64::try_from(n).unwrap_or(u64::MAX)))
            })
            .collect();
        FactCounts {
            live: by_kind
                .iter()
                .fold(0_u64, |sum, (_, n)| sum.saturating_add(*n)),
            by_kind,
            by_month: {
                let mut months: BTreeMap<(YearMonth, FactKind), u64> = BTreeMap::new();
                for (kind, series) in &self.kinds {
                    for (month, n) in series.by_month(to) {
                        months.insert((month, *kind), u64::try_from(n).unwrap_or(0));
                    }
                }
                months
                    .into_iter()
                    .filter(|(_, facts)| *facts > 0)
                    .map(|((month, kind), facts)| MonthlyFacts { month, kind, facts })
                    .collect()
            },
            retracted: self.retracted,
            duplicates: counts.duplicates,
            pending_retractions: counts.pending_retractions,
            read: counts.read,
            counted: counts.counted.saturating_sub(self.overfull),
            excluded: counts.excluded + self.overfull,
            excluded_by_reason,
        }
    }

    /// The report of a project with no version: nothing can be dated within
    /// it, so nothing is evaluated.
    fn report_without_version(&self, as_of: NaiveDate) -> Report {
        let note = "the project has no version, so no period, budget or milestones".to_owned();
        let mut report = Report {
            project: self.project.id.clone(),
            title: self.project.title.clone(),
            version: String::new(),
            version_label: String::new(),
            as_of,
            period: crate::period::Period::single_day(as_of),
            days_passed: 0,
            period_elapsed: Rate::from_fraction(Decimal::ZERO),
            by_status: Vec::new(),
            groups: groups(&self.project, &[]),
            indicators: self
                .project
                .indicators
                .iter()
                .map(|indicator| IndicatorReport {
                    id: indicator.id.clone(),
                    name: indicator.name.clone(),
                    name_en: indicator.name_en.clone(),
                    kind: indicator.kind,
                    unit: indicator.unit.clone(),
                    target: indicator.target,
                    value: None,
                    share_of_target: None,
                    due: indicator.due.date.unwrap_or(as_of),
                    status: Status::NotEvaluated,
                    forecast: None,
                    by_voivodeship: Vec::new(),
                    by_partner: Vec::new(),
                    rule: indicator.rule.as_ref().map(ToString::to_string),
                    note: Some(note.clone()),
                })
                .collect(),
            milestones: Vec::new(),
            budget: BudgetReport {
                version: String::new(),
                total: Amount::ZERO,
                eu_contribution: Amount::ZERO,
                eu_share: None,
                national_contribution: Amount::ZERO,
                national_share: None,
                spent: Amount::ZERO,
                spent_share: None,
                remaining: Amount::ZERO,
                remaining_share: None,
                partners_planned: Amount::ZERO,
                partners_spent: Amount::ZERO,
                partners_scale: Amount::ZERO,
                by_partner: Vec::new(),
                by_category: Vec::new(),
                by_year: Vec::new(),
                spent_by_month: Vec::new(),
                findings: Vec::new(),
            },
            facts: self.fact_counts(day(as_of)),
        };
        report.by_status = by_status(&report.indicators);
        report
    }

    fn leaf_parts(&self, leaf: usize, to: i32) -> LeafParts {
        let Some(leaf) = self.leaves.get(leaf) else {
            return (Decimal::ZERO, Vec::new(), Vec::new());
        };
        let total = count(leaf.total.value(i32::MIN / 2, to));
        let parts = |tallies: &[Tally], names: &Interner| -> Vec<(String, i128)> {
            tallies
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        names.name(u32::try_from(i).unwrap_or(u32::MAX)).to_owned(),
                        t.value(i32::MIN / 2, to),
                    )
                })
                .filter(|(_, v)| *v != 0)
                .collect()
        };
        (
            total,
            parts(&leaf.by_voivodeship, &self.voivodeships),
            parts(&leaf.by_partner, &self.partners),
        )
    }

    fn units(
        &self,
        units: Units,
        within: Option<&TerytCode>,
    ) -> Result<Vec<(String, i128)>, String> {
        let register = self
            .register
            .as_deref()
            .ok_or("needs the TERYT register to count territorial units; none was given")?;
        let scopes: Vec<TerytCode> = match within {
            Some(unit) => vec![unit.clone()],
            None => self
                .project
                .territory
                .voivodeships
                .iter()
                .map(|v| v.code.clone())
                .collect(),
        };
        let mut by_voivodeship: BTreeMap<String, i128> = BTreeMap::new();
        for unit in register.units() {
            let counted = matches!(
                (units, unit.code.level()),
                (Units::Jst | Units::Powiats, Level::Powiat)
                    | (Units::Jst | Units::Gminas, Level::Gmina)
            );
            if counted && scopes.iter().any(|s| unit.code.is_within(s)) {
                *by_voivodeship
                    .entry(unit.code.voivodeship().to_string())
                    .or_default() += 1;
            }
        }
        if by_voivodeship.is_empty() {
            return Err("the territory holds no such units, so the share is undefined".to_owned());
        }
        Ok(by_voivodeship.into_iter().collect())
    }

    fn evaluate(
        &self,
        plan: &Plan,
        to: i32,
        start: NaiveDate,
        due: NaiveDate,
    ) -> Result<Evaluation, String> {
        let (value, by_voivodeship, by_partner) = match plan {
            Plan::Leaf(leaf) => self.leaf_parts(*leaf, to),
            Plan::Ratio {
                numerator,
                denominator,
            } => {
                let (num, v, p) = self.leaf_parts(*numerator, to);
                let (den, den_by_v) = match denominator {
                    PlanDenominator::Leaf(leaf) => {
                        let (d, dv, _) = self.leaf_parts(*leaf, to);
                        (d, dv)
                    }
                    PlanDenominator::Units { units, within } => {
                        let parts = self.units(*units, within.as_ref())?;
                        (count(parts.iter().map(|(_, n)| n).sum::<i128>()), parts)
                    }
                };
                if den.is_zero() {
                    return Err(
                        "the denominator is 0 as of this date, so the share is undefined"
                            .to_owned(),
                    );
                }
                let percent = |n: Decimal, d: Decimal| {
                    round4(
                        n.checked_mul(Decimal::ONE_HUNDRED)
                            .and_then(|x| x.checked_div(d))
                            .unwrap_or(Decimal::MAX),
                    )
                };
                let by_v = v
                    .iter()
                    .filter_map(|(k, n)| {
                        let d = den_by_v.iter().find(|(dk, _)| dk == k).map(|(_, d)| *d)?;
                        (d != 0).then(|| (k.clone(), percent(count(*n), count(d))))
                    })
                    .collect::<Vec<_>>();
                // Each partner's numerator as a share of the whole denominator.
                let by_p = p
                    .iter()
                    .map(|(k, n)| (k.clone(), percent(count(*n), den)))
                    .collect();
                let value = percent(num, den);
                let forecast = percent(forecast(num, start, to, due), den);
                return Ok(Evaluation {
                    value,
                    forecast,
                    by_voivodeship: sorted_parts(by_v),
                    by_partner: sorted_parts(by_p),
                });
            }
        };
        let forecast = forecast(value, start, to, due);
        let to_parts = |v: Vec<(String, i128)>| {
            sorted_parts(v.into_iter().map(|(k, n)| (k, count(n))).collect())
        };
        Ok(Evaluation {
            value,
            forecast,
            by_voivodeship: to_parts(by_voivodeship),
            by_partner: to_parts(by_partner),
        })
    }

    fn activity_progress(
        &self,
        activity: &crate::schedule::Activity,
        from: i32,
        until: i32,
    ) -> ActivityProgress {
        let label = match (&activity.group, activity.kind) {
            (None, ActivityKind::Meeting) => None,
            (group, kind) => Some(meeting_label(group.as_deref(), Some(kind))),
        };
        let group_kind = activity
            .group
            .as_deref()
            .and_then(|g| self.project.group_kind(g));
        let group_digits = group_kind.map(|g| match g.one_per {
            GroupLevel::Powiat => 4,
            GroupLevel::Gmina => 7,
            GroupLevel::Voivodeship | GroupLevel::Macroregion => 2,
        });
        let mut per_group: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let mut by_voivodeship: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let (mut held, mut held_days) = (0_u64, 0_u64);
        if activity.kind == ActivityKind::Coaching {
            let (sessions, days) = self.coaching_sessions(activity, from, until);
            held += sessions;
            held_days += days;
        }
        if let Some(label) = label.as_deref().and_then(|l| self.labels.ids.get(l)) {
            for ((l, territory), tally) in &self.meetings {
                if l != label {
                    continue;
                }
                let n = u64::try_from(tally.count.sum(from, until)).unwrap_or(0);
                let d = u64::try_from(tally.days.sum(from, until)).unwrap_or(0);
                if n == 0 && d == 0 {
                    continue;
                }
                held += n;
                held_days += d;
                let code = self.territories.name(*territory);
                let voivodeship = code
                    .get(..2)
                    .filter(|_| code != "-")
                    .unwrap_or("-")
                    .to_owned();
                let entry = by_voivodeship.entry(voivodeship).or_default();
                entry.0 += n;
                entry.1 += d;
                if let Some(digits) = group_digits {
                    let unit = code
                        .get(..digits)
                        .filter(|_| code != "-")
                        .unwrap_or("-")
                        .to_owned();
                    let entry = per_group.entry(unit).or_default();
                    entry.0 += n;
                    entry.1 += d;
                }
            }
        }
        let groups = group_kind.map(|g| match g.one_per {
            GroupLevel::Macroregion => self.project.macroregions.len(),
            GroupLevel::Voivodeship => self.project.territory.count(Level::Voivodeship),
            GroupLevel::Powiat => self.project.territory.count(Level::Powiat),
            GroupLevel::Gmina => self.project.territory.count(Level::Gmina),
        });
        let planned_per_group = match (activity.count, groups, group_kind.map(|g| g.joint)) {
            (Some(count), Some(groups), Some(false)) if groups > 0 => {
                let groups = u32::try_from(groups).unwrap_or(u32::MAX);
                (count % groups == 0).then_some(count / groups)
            }
            _ => None,
        };
        let held_list = |m: BTreeMap<String, (u64, u64)>| {
            m.into_iter()
                .map(|(unit, (meetings, days))| Held {
                    unit,
                    meetings,
                    days,
                })
                .collect::<Vec<_>>()
        };
        ActivityProgress {
            text: activity.text.clone(),
            kind: activity.kind,
            group: activity.group.clone(),
            planned: activity.count,
            planned_days: activity.meeting_days(),
            planned_per_group,
            held,
            held_days,
            per_group: held_list(per_group),
            by_voivodeship: held_list(by_voivodeship),
        }
    }

    /// The coaching sessions held for a planned coaching activity within
    /// `from..=until`: the distinct (organisation, day) pairs of live coaching
    /// facts in the activity's form and role (either, when the plan does not
    /// say), and the distinct days among them. A coaching fact records one
    /// person coached; the persons coached together on one day by one
    /// organisation are one session.
    fn coaching_sessions(
        &self,
        activity: &crate::schedule::Activity,
        from: i32,
        until: i32,
    ) -> (u64, u64) {
        let role = match &activity.role {
            Some(r) => match self.roles.ids.get(r.as_str()) {
                Some(id) => Some(*id),
                None => return (0, 0),
            },
            None => None,
        };
        let mut sessions: BTreeSet<(u32, i32)> = BTreeSet::new();
        let mut days: BTreeSet<i32> = BTreeSet::new();
        for &(form, r, partner, at) in self.coaching.keys() {
            if activity.form.is_some_and(|f| f != form)
                || role.is_some_and(|x| x != r)
                || at < from
                || at > until
            {
                continue;
            }
            sessions.insert((partner, at));
            days.insert(at);
        }
        (
            u64::try_from(sessions.len()).unwrap_or(u64::MAX),
            u64::try_from(days.len()).unwrap_or(u64::MAX),
        )
    }

    fn budget(&self, version: &Version, to: i32) -> BudgetReport {
        let budget = &version.budget;
        let mut by_partner: BTreeMap<String, i128> = BTreeMap::new();
        let mut by_category: BTreeMap<String, i128> = BTreeMap::new();
        let mut by_month: BTreeMap<(YearMonth, String), i128> = BTreeMap::new();
        for ((partner, category), series) in &self.spending {
            for (month, grosze) in series.by_month(to) {
                *by_month
                    .entry((month, self.partners.name(*partner).to_owned()))
                    .or_default() += grosze;
            }
            let spent = series.up_to(to);
            *by_partner
                .entry(self.partners.name(*partner).to_owned())
                .or_default() += spent;
            *by_category
                .entry(self.categories.name(*category).to_owned())
                .or_default() += spent;
        }
        let spent = amount(by_partner.values().sum());
        let mut partners: Vec<PartnerSpending> = budget
            .partners
            .iter()
            .map(|p| {
                let spent = amount(by_partner.remove(&p.organisation).unwrap_or(0));
                PartnerSpending {
                    partner: p.organisation.clone(),
                    planned: Some(p.total.amount),
                    spent,
                    share: Rate::implied(spent, p.total.amount),
                    planned_share: Rate::implied(p.total.amount, budget.total.amount),
                    remaining: Some(p.total.amount - spent),
                }
            })
            .collect();
        partners.extend(
            by_partner
                .into_iter()
                .map(|(partner, grosze)| PartnerSpending {
                    partner,
                    planned: None,
                    spent: amount(grosze),
                    share: None,
                    planned_share: None,
                    remaining: None,
                }),
        );
        let total = budget.total.amount;
        let national = budget.national_contribution();
        let remaining = total - spent;
        let mut report = BudgetReport {
            version: version.id.clone(),
            total,
            eu_contribution: budget.eu_contribution.amount,
            eu_share: Rate::implied(budget.eu_contribution.amount, total),
            national_contribution: national,
            national_share: Rate::implied(national, total),
            spent,
            spent_share: Rate::implied(spent, total),
            remaining,
            remaining_share: Rate::implied(remaining, total),
            partners_planned: partners.iter().filter_map(|p| p.planned).sum(),
            partners_spent: partners.iter().map(|p| p.spent).sum(),
            partners_scale: partners
                .iter()
                .flat_map(|p| [p.planned, Some(p.spent)])
                .flatten()
                .fold(Amount::ZERO, Amount::max),
            by_partner: partners,
            by_category: by_category
                .into_iter()
                .filter(|(_, g)| *g != 0)
                .map(|(c, g)| (c, amount(g)))
                .collect(),
            by_year: {
                let years = version.period.calendar_years();
                let days: Vec<u64> = years.iter().map(|y| u64::from(y.days())).collect();
                // A total too large to split cannot be parsed in the first place;
                // if it ever were, the yearly plan is left empty rather than wrong.
                budget
                    .total
                    .amount
                    .split(&days)
                    .map(|parts| {
                        years
                            .into_iter()
                            .zip(parts)
                            .map(|(period, planned)| BudgetYear { period, planned })
                            .collect()
                    })
                    .unwrap_or_default()
            },
            spent_by_month: by_month
                .into_iter()
                .filter(|(_, g)| *g != 0)
                .map(|((month, partner), g)| MonthlySpending {
                    month,
                    partner,
                    spent: amount(g),
                })
                .collect(),
            findings: Vec::new(),
        };
        report.findings = report.execution_findings();
        report
    }
}

/// A leaf's total, with its values by voivodeship and by partner.
type LeafParts = (Decimal, Vec<(String, i128)>, Vec<(String, i128)>);

/// A count as a decimal. Counts stay below 2^64 (fewer than 2^31 facts, each
/// adding at most a u32 twice), far inside a decimal's 96 bits.
fn count(n: i128) -> Decimal {
    Decimal::try_from_i128_with_scale(n, 0).unwrap_or(Decimal::MAX)
}

/// Grosze as an amount. The admission keeps the magnitudes of all counted
/// expenditures below the range of amounts, so every spending total is one.
fn amount(grosze: i128) -> Amount {
    Decimal::try_from_i128_with_scale(grosze, 2)
        .ok()
        .and_then(Amount::from_decimal)
        .unwrap_or(Amount::ZERO)
}

struct Evaluation {
    value: Decimal,
    forecast: Decimal,
    by_voivodeship: Vec<Part>,
    by_partner: Vec<Part>,
}

fn round4(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(4, RoundingStrategy::MidpointNearestEven)
}

fn sorted_parts(parts: Vec<(String, Decimal)>) -> Vec<Part> {
    let mut parts: Vec<Part> = parts
        .into_iter()
        .map(|(key, value)| Part { key, value })
        .collect();
    parts.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.key.cmp(&b.key)));
    parts
}

/// The value expected on `due` at the pace so far: value × (days from start to
/// due) / (days from start to as-of), both counted inclusively; the value itself
/// once the due date is reached, and 0 before the start. Rounded half-even to
/// two decimals.
fn forecast(value: Decimal, start: NaiveDate, to: i32, due: NaiveDate) -> Decimal {
    let (start, due) = (day(start), day(due));
    if to >= due {
        return value;
    }
    if to < start {
        return Decimal::ZERO;
    }
    let elapsed = Decimal::from(i64::from(to) - i64::from(start) + 1);
    let whole = Decimal::from(i64::from(due) - i64::from(start) + 1);
    value
        .checked_mul(whole)
        .and_then(|x| x.checked_div(elapsed))
        .unwrap_or(Decimal::MAX)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven)
}

/// The share of `period` passed on `as_of`: its days passed over its days,
/// exact.
fn elapsed(period: crate::period::Period, as_of: NaiveDate) -> Rate {
    let days = Decimal::from(period.days().max(1));
    Decimal::from(period.days_passed(as_of))
        .checked_div(days)
        .map_or(Rate::from_fraction(Decimal::ONE), Rate::from_fraction)
}

/// How many of `indicators` have each status, every status in order.
fn by_status(indicators: &[IndicatorReport]) -> Vec<StatusCount> {
    Status::ALL
        .iter()
        .map(|&status| StatusCount {
            status,
            indicators: indicators
                .iter()
                .filter(|i| i.status == status)
                .fold(0_u64, |n, _| n.saturating_add(1)),
        })
        .collect()
}

/// The project's group kinds, each joined with the activities of
/// `milestones` its groups meet for.
fn groups(project: &Project, milestones: &[MilestoneReport]) -> Vec<GroupReport> {
    project
        .groups
        .iter()
        .map(|g| GroupReport {
            code: g.code.clone(),
            name: g.name.clone(),
            name_en: g.name_en.clone(),
            one_per: g.one_per,
            expected: u64::try_from(project.expected_groups(g.one_per)).unwrap_or(u64::MAX),
            stated: g.stated_count,
            members: g.members,
            transforms_into: g.transforms_into.clone(),
            joint: g.joint,
            meetings: milestones
                .iter()
                .flat_map(|m| m.activities.iter().map(move |a| (m, a)))
                .filter(|(_, a)| a.group.as_deref() == Some(g.code.as_str()))
                .map(|(m, a)| MilestoneMeetings {
                    milestone: m.id.clone(),
                    planned: a.planned,
                    planned_per_group: a.planned_per_group,
                    held: a.held,
                    per_group: a.per_group.clone(),
                })
                .collect(),
        })
        .collect()
}

fn status(
    value: Decimal,
    forecast: Decimal,
    target: Decimal,
    as_of: NaiveDate,
    due: NaiveDate,
) -> Status {
    if value >= target {
        Status::Achieved
    } else if as_of > due {
        Status::Missed
    } else if value.is_zero() {
        Status::NotStarted
    } else if forecast >= target {
        Status::OnTrack
    } else {
        Status::AtRisk
    }
}

/// Evaluates a project over facts in one pass: a new [`Engine`], every fact
/// applied, and the report as of `as_of`. The report counts the facts that
/// were excluded (`facts.excluded_by_reason`).
pub fn evaluate<'a>(
    project: impl Into<Arc<Project>>,
    register: Option<Arc<Register>>,
    facts: impl IntoIterator<Item = &'a Fact>,
    as_of: NaiveDate,
) -> Report {
    let mut engine = Engine::new(project, register);
    for fact in facts {
        engine.apply(fact);
    }
    engine.report(as_of)
}
