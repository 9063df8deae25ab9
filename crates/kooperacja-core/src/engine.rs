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
//! let mut engine = Engine::new(&project, None);
//! let facts = r#"{"id":"d-1","date":"2019-03-15","by":"umk","kind":"deliverable","deliverable":"model","title":"Model kooperacji"}"#;
//! let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
//! for fact in FactReader::new(facts.as_bytes(), Format::JsonLines, key) {
//!     engine.apply(&fact?)?;
//! }
//! let report = engine.report(NaiveDate::from_ymd_opt(2019, 3, 31).unwrap());
//! let models = report.indicators.iter().find(|i| i.id == "models-developed").unwrap();
//! assert_eq!(models.status, Status::Achieved);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::facts::{Fact, FactKind, What};
use crate::groups::GroupLevel;
use crate::indicator::Target;
use crate::money::{Amount, Rate};
use crate::period::YearMonth;
use crate::project::{Project, Version};
use crate::report::{
    ActivityProgress, BudgetReport, BudgetYear, FactCounts, Held, IndicatorReport, MilestoneReport,
    MilestoneState, MonthlyFacts, MonthlySpending, Part, PartnerSpending, Report, Status,
};
use crate::rule::{Denominator, Filter, Key, Measure, Rule, Units};
use crate::schedule::ActivityKind;
use crate::territory::{Level, Register, TerytCode};

/// Why a fact was not applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    /// A fact with this id is already recorded with other content.
    #[error(
        "fact {id:?} is already recorded with other content; facts are never edited: retract it and record a new one"
    )]
    Conflict {
        /// The id.
        id: String,
    },
    /// The fact retracts a retraction.
    #[error(
        "fact {id:?} retracts {target:?}, which is itself a retraction; record the fact again under a new id instead"
    )]
    RetractsRetraction {
        /// The retraction's id.
        id: String,
        /// The retracted retraction's id.
        target: String,
    },
    /// The fact retracts itself.
    #[error("fact {id:?} retracts itself")]
    RetractsItself {
        /// The id.
        id: String,
    },
}

/// What applying a fact did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

// ---------------------------------------------------------------------------
// Hashing and interning

/// A fast hasher for keys that are already well mixed (ids hashed to 128 bits)
/// or small integers.
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // A final avalanche (MurmurHash3's fmix64): without it the low bits, which
        // pick the bucket, depend only on the keys' first bytes, and keys with a
        // common prefix ("p123…") collide.
        fmix64(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0_u8; 8];
            w.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0_u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(w) ^ (rest.len() as u64) << 56);
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u128(&mut self, n: u128) {
        // The ids are MurmurHash3 outputs: their bits are already uniform.
        self.0 ^= (n as u64) ^ ((n >> 64) as u64).rotate_left(17);
    }
    fn write_u16(&mut self, n: u16) {
        self.write_u32(u32::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// An id hashed to 128 bits with MurmurHash3 (x64, 128-bit variant). With 128
/// well-mixed bits, two different ids among even 10^12 collide with probability
/// below 10^-14, so ids are compared by this hash and not kept as text.
fn id_hash(id: &str) -> u128 {
    murmur3_x64_128(id.as_bytes(), 0x6b6f_6f70)
}

/// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

fn murmur3_x64_128(bytes: &[u8], seed: u64) -> u128 {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    fn word(chunk: &[u8]) -> u64 {
        let mut w = [0_u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        u64::from_le_bytes(w)
    }
    let (mut h1, mut h2) = (seed, seed);
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        let k1 = word(&block[..8])
            .wrapping_mul(C1)
            .rotate_left(31)
            .wrapping_mul(C2);
        h1 ^= k1;
        h1 = h1
            .rotate_left(27)
            .wrapping_add(h2)
            .wrapping_mul(5)
            .wrapping_add(0x52dc_e729);
        let k2 = word(&block[8..])
            .wrapping_mul(C2)
            .rotate_left(33)
            .wrapping_mul(C1);
        h2 ^= k2;
        h2 = h2
            .rotate_left(31)
            .wrapping_add(h1)
            .wrapping_mul(5)
            .wrapping_add(0x3849_5ab5);
    }
    let tail = blocks.remainder();
    if tail.len() > 8 {
        h2 ^= word(&tail[8..])
            .wrapping_mul(C2)
            .rotate_left(33)
            .wrapping_mul(C1);
    }
    if !tail.is_empty() {
        h1 ^= word(&tail[..tail.len().min(8)])
            .wrapping_mul(C1)
            .rotate_left(31)
            .wrapping_mul(C2);
    }
    let len = bytes.len() as u64;
    h1 ^= len;
    h2 ^= len;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    (u128::from(h2) << 64) | u128::from(h1)
}

/// A 64-bit hash of a fact's whole content, to tell a repeat from a conflict.
fn content_hash(fact: &Fact) -> u64 {
    let mut h = FastHasher::default();
    fact.hash(&mut h);
    h.finish()
}

#[derive(Debug, Default, Clone)]
struct Interner {
    ids: FastMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = u32::try_from(self.names.len()).expect("fewer than 2^32 distinct names");
        self.names.push(text.into());
        self.ids.insert(text.into(), id);
        id
    }

    fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("-", |s| s)
    }
}

// ---------------------------------------------------------------------------
// Tallies

/// Deltas by day: a sorted list of (day, delta) while few days are used, and a
/// dense array over the days seen once many are, so that thousands of small
/// tallies stay small and the big ones stay fast.
#[derive(Debug, Clone)]
enum Series {
    Sparse(Vec<(i32, i64)>),
    Dense { base: i32, values: Vec<i64> },
}

impl Default for Series {
    fn default() -> Series {
        Series::Sparse(Vec::new())
    }
}

/// A sparse series with more days than this becomes dense.
const DENSE_AFTER: usize = 96;

fn day(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    date.num_days_from_ce()
}

impl Series {
    fn add(&mut self, at: i32, delta: i64) {
        match self {
            Series::Sparse(entries) => {
                match entries.binary_search_by_key(&at, |(d, _)| *d) {
                    Ok(i) => entries[i].1 += delta,
                    Err(i) => entries.insert(i, (at, delta)),
                }
                if entries.len() > DENSE_AFTER {
                    let (first, last) = (entries[0].0, entries[entries.len() - 1].0);
                    // Room for about a year either side.
                    let base = first - 366;
                    let mut values = vec![0; usize::try_from(last - base + 367).unwrap_or(0)];
                    for (d, v) in entries.iter() {
                        values[usize::try_from(d - base).expect("d >= base")] += v;
                    }
                    *self = Series::Dense { base, values };
                }
            }
            Series::Dense { base, values } => {
                if at < *base {
                    // Grow to the left by at least the current length, so that
                    // facts in any order cost amortised constant time.
                    let need = usize::try_from(*base - at).expect("positive");
                    let grow = need.max(values.len());
                    let mut grown = vec![0; grow];
                    grown.extend_from_slice(values);
                    *values = grown;
                    *base -= i32::try_from(grow).expect("a span of days fits i32");
                }
                let index = usize::try_from(at - *base).expect("at >= base");
                if index >= values.len() {
                    let len = (index + 1).max(values.len() * 2);
                    values.resize(len, 0);
                }
                values[index] += delta;
            }
        }
    }

    /// The sum of deltas on days `from..=to`.
    fn sum(&self, from: i32, to: i32) -> i64 {
        if to < from {
            return 0;
        }
        match self {
            Series::Sparse(entries) => entries
                .iter()
                .filter(|(d, _)| from <= *d && *d <= to)
                .map(|(_, v)| v)
                .sum(),
            Series::Dense { base, values } => {
                let start = usize::try_from((from - base).max(0)).unwrap_or(0);
                let end = usize::try_from(to - base).map_or(0, |e| (e + 1).min(values.len()));
                values.get(start..end).map_or(0, |v| v.iter().sum())
            }
        }
    }

    fn up_to(&self, to: i32) -> i64 {
        self.sum(i32::MIN / 2, to)
    }

    /// The non-zero sums by calendar month of the days up to `to`.
    fn by_month(&self, to: i32) -> BTreeMap<YearMonth, i64> {
        let mut months: BTreeMap<YearMonth, i64> = BTreeMap::new();
        let mut add = |at: i32, delta: i64| {
            if at <= to && delta != 0 {
                if let Some(date) = NaiveDate::from_num_days_from_ce_opt(at) {
                    *months.entry(YearMonth::of(date)).or_default() += delta;
                }
            }
        };
        match self {
            Series::Sparse(entries) => entries.iter().for_each(|(d, v)| add(*d, *v)),
            Series::Dense { base, values } => {
                for (offset, v) in values.iter().enumerate() {
                    if let Ok(offset) = i32::try_from(offset) {
                        add(base + offset, *v);
                    }
                }
            }
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
            self.0[i].1 -= 1;
            if self.0[i].1 == 0 {
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
    fn value(&self, from: i32, to: i32) -> i64 {
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

    fn filter(&self) -> &Filter {
        match &self.rule {
            Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => filter,
            Rule::Ratio { .. } => unreachable!("leaves are counts or distinct counts"),
        }
    }
}

/// What one stored fact contributed, so that a retraction can undo it.
#[derive(Debug, Clone)]
struct Stored {
    content: u64,
    day: i32,
    kind: FactKind,
    live: bool,
    /// Leaves matched, as a bit set over leaf indexes.
    leaves: u64,
    voivodeship: u32,
    partner: u32,
    /// Key ids for distinct leaves, each with its kind (slot: 0 person,
    /// 1 institution, 2 JST).
    keys: Box<[(u8, u32)]>,
    /// Meeting-days and participants, for meeting measures.
    days: u32,
    participants: u32,
}

/// The identity of a retraction fact.
#[derive(Debug, Clone)]
struct RetractionRecord {
    target: u128,
}

/// Meeting counts for milestone progress.
#[derive(Debug, Clone, Default)]
struct MeetingTally {
    count: Series,
    days: Series,
}

/// Everything needed to undo a meeting's or an expenditure's contribution.
#[derive(Debug, Clone)]
enum Extra {
    Meeting {
        label: u32,
        territory: u32,
        days: u32,
    },
    Expenditure {
        partner: u32,
        category: u32,
        grosze: i64,
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
pub struct Engine<'p> {
    project: &'p Project,
    register: Option<&'p Register>,
    leaves: Vec<Leaf>,
    /// For each indicator, its rule rewritten over leaf indexes.
    plans: Vec<Option<Plan>>,
    ids: FastMap<u128, u32>,
    stored: Vec<Stored>,
    retractions: FastMap<u128, RetractionRecord>,
    pending: FastMap<u128, u32>,
    extras: FastMap<u32, Extra>,
    voivodeships: Interner,
    partners: Interner,
    keys: [Interner; 3],
    labels: Interner,
    territories: Interner,
    categories: Interner,
    meetings: FastMap<(u32, u32), MeetingTally>,
    spending: FastMap<(u32, u32), Series>,
    kinds: FastMap<FactKind, Series>,
    retracted: u64,
    duplicates: u64,
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

impl<'p> Engine<'p> {
    /// An engine for `project`, with no facts yet. The register is needed only
    /// by ratios over territorial units (`units = "jst"`); without it those
    /// indicators are reported as not evaluated.
    pub fn new(project: &'p Project, register: Option<&'p Register>) -> Engine<'p> {
        let mut leaves: Vec<Leaf> = Vec::new();
        let leaf_of = |rule: &Rule, leaves: &mut Vec<Leaf>| -> usize {
            if let Some(i) = leaves.iter().position(|l| &l.rule == rule) {
                return i;
            }
            leaves.push(Leaf::new(rule.clone()));
            leaves.len() - 1
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
                        numerator: leaf_of(numerator, &mut leaves),
                        denominator: match denominator {
                            Denominator::Rule(r) => PlanDenominator::Leaf(leaf_of(r, &mut leaves)),
                            Denominator::Territory { units, within } => PlanDenominator::Units {
                                units: *units,
                                within: within.clone(),
                            },
                        },
                    },
                    leaf => Plan::Leaf(leaf_of(leaf, &mut leaves)),
                })
            })
            .collect();
        assert!(
            leaves.len() <= 64,
            "at most 64 distinct leaf rules per project"
        );
        Engine {
            project,
            register,
            leaves,
            plans,
            ids: FastMap::default(),
            stored: Vec::new(),
            retractions: FastMap::default(),
            pending: FastMap::default(),
            extras: FastMap::default(),
            voivodeships: Interner::default(),
            partners: Interner::default(),
            keys: Default::default(),
            labels: Interner::default(),
            territories: Interner::default(),
            categories: Interner::default(),
            meetings: FastMap::default(),
            spending: FastMap::default(),
            kinds: FastMap::default(),
            retracted: 0,
            duplicates: 0,
        }
    }

    /// The number of facts recorded (retracted ones and retractions included).
    pub fn len(&self) -> usize {
        self.stored.len() + self.retractions.len()
    }

    /// Whether no fact is recorded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Records one fact and updates every tally it touches.
    ///
    /// Recording the same fact (same id, same content) again changes nothing; the
    /// same id with other content is refused. A retraction removes its fact from
    /// every tally, whether the fact came before it or comes after.
    pub fn apply(&mut self, fact: &Fact) -> Result<Applied, ApplyError> {
        let id = id_hash(&fact.id);
        let content = content_hash(fact);
        if let Some(&index) = self.ids.get(&id) {
            return if self.stored[index as usize].content == content {
                self.duplicates += 1;
                Ok(Applied::Duplicate)
            } else {
                Err(ApplyError::Conflict {
                    id: fact.id.clone(),
                })
            };
        }
        if self.retractions.contains_key(&id) {
            // A retraction with this id exists; a repeat of it is a duplicate.
            return match &fact.what {
                What::Retraction { retracts, .. }
                    if self.retractions[&id].target == id_hash(retracts) =>
                {
                    self.duplicates += 1;
                    Ok(Applied::Duplicate)
                }
                _ => Err(ApplyError::Conflict {
                    id: fact.id.clone(),
                }),
            };
        }
        let at = day(fact.date);
        if let What::Retraction { retracts, .. } = &fact.what {
            let target = id_hash(retracts);
            if target == id {
                return Err(ApplyError::RetractsItself {
                    id: fact.id.clone(),
                });
            }
            if self.retractions.contains_key(&target) {
                return Err(ApplyError::RetractsRetraction {
                    id: fact.id.clone(),
                    target: retracts.clone(),
                });
            }
            self.retractions.insert(id, RetractionRecord { target });
            self.kinds
                .entry(FactKind::Retraction)
                .or_default()
                .add(at, 1);
            return Ok(match self.ids.get(&target) {
                Some(&index) => {
                    if self.stored[index as usize].live {
                        self.contribute(index, false);
                        self.stored[index as usize].live = false;
                        self.retracted += 1;
                    }
                    Applied::Retracted
                }
                None => {
                    *self.pending.entry(target).or_default() += 1;
                    Applied::RetractionPending
                }
            });
        }
        let index = u32::try_from(self.stored.len()).expect("fewer than 2^32 facts");
        let stored = self.describe(fact, content, at, index);
        self.stored.push(stored);
        self.ids.insert(id, index);
        if self.pending.remove(&id).is_some() {
            self.stored[index as usize].live = false;
            self.retracted += 1;
            return Ok(Applied::ArrivedRetracted);
        }
        self.contribute(index, true);
        Ok(Applied::Added)
    }

    /// Works out what a fact contributes, interning its names.
    fn describe(&mut self, fact: &Fact, content: u64, at: i32, index: u32) -> Stored {
        let mut leaves = 0_u64;
        for (i, leaf) in self.leaves.iter().enumerate() {
            if leaf.filter().matches(fact) {
                leaves |= 1 << i;
            }
        }
        let voivodeship = match &fact.territory {
            Some(t) => self.voivodeships.intern(&t.as_str()[..2]),
            None => self.voivodeships.intern("-"),
        };
        let partner = self.partners.intern(&fact.recorded_by);
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
        let keys: Box<[(u8, u32)]> = keys
            .into_iter()
            .map(|(slot, k)| (u8::try_from(slot).unwrap_or(0), self.keys[slot].intern(k)))
            .collect();
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
                    .intern(&meeting_label(group.as_deref(), *activity));
                let territory = self
                    .territories
                    .intern(fact.territory.as_ref().map_or("-", TerytCode::as_str));
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
            What::Expenditure {
                partner,
                amount,
                category,
            } => {
                let partner = self.partners.intern(partner);
                let category = self.categories.intern(category);
                let grosze = i64::try_from(amount.grosze()).unwrap_or(0);
                self.extras.insert(
                    index,
                    Extra::Expenditure {
                        partner,
                        category,
                        grosze,
                    },
                );
                (0, 0)
            }
            _ => (0, 0),
        };
        Stored {
            content,
            day: at,
            kind: fact.what.kind(),
            live: true,
            leaves,
            voivodeship,
            partner,
            keys,
            days,
            participants,
        }
    }

    /// Adds (or, with `add = false`, removes) a stored fact's contribution.
    fn contribute(&mut self, index: u32, add: bool) {
        let s = &self.stored[index as usize];
        let sign: i64 = if add { 1 } else { -1 };
        let (at, voivodeship, partner) = (s.day, s.voivodeship as usize, s.partner as usize);
        self.kinds.entry(s.kind).or_default().add(at, sign);
        for (i, leaf) in self.leaves.iter_mut().enumerate() {
            if s.leaves & (1 << i) == 0 {
                continue;
            }
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
            let measure = match &leaf.rule {
                Rule::Count {
                    measure: Measure::Facts,
                    ..
                } => 1,
                Rule::Count {
                    measure: Measure::MeetingDays,
                    ..
                } => i64::from(s.days),
                Rule::Count {
                    measure: Measure::Participants,
                    ..
                } => i64::from(s.participants),
                _ => 0,
            };
            for tally in [
                &mut leaf.total,
                &mut leaf.by_voivodeship[voivodeship],
                &mut leaf.by_partner[partner],
            ] {
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
                tally.days.add(at, sign * i64::from(*days));
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
    pub fn report(&self, as_of: NaiveDate) -> Report {
        let project = self.project;
        let version = project
            .version_in_force(as_of)
            .expect("a parsed project has at least one version");
        let version_index = project
            .versions
            .iter()
            .position(|v| v.id == version.id)
            .unwrap_or(0);
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
            .collect();
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
                    activities,
                }
            })
            .collect();
        Report {
            project: project.id.clone(),
            title: project.title.clone(),
            version: version.id.clone(),
            version_label: version.label.clone(),
            as_of,
            period: version.period,
            days_passed: version.period.days_passed(as_of),
            indicators,
            milestones,
            budget: self.budget(version, to),
            facts: FactCounts {
                by_kind: FactKind::ALL
                    .iter()
                    .filter_map(|k| {
                        let n = self.kinds.get(k).map_or(0, |s| s.up_to(to));
                        (n > 0).then(|| (*k, u64::try_from(n).unwrap_or(0)))
                    })
                    .collect(),
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
                duplicates: self.duplicates,
                pending_retractions: self.pending.values().map(|n| u64::from(*n)).sum(),
            },
        }
    }

    fn leaf_parts(&self, leaf: usize, to: i32) -> LeafParts {
        let leaf = &self.leaves[leaf];
        let total = Decimal::from(leaf.total.value(i32::MIN / 2, to));
        let parts = |tallies: &[Tally], names: &Interner| -> Vec<(String, i64)> {
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
    ) -> Result<Vec<(String, i64)>, String> {
        let register = self
            .register
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
        let mut by_voivodeship: BTreeMap<String, i64> = BTreeMap::new();
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
                        (
                            Decimal::from(parts.iter().map(|(_, n)| n).sum::<i64>()),
                            parts,
                        )
                    }
                };
                if den.is_zero() {
                    return Err(
                        "the denominator is 0 as of this date, so the share is undefined"
                            .to_owned(),
                    );
                }
                let percent = |n: Decimal, d: Decimal| round4(n * Decimal::ONE_HUNDRED / d);
                let by_v = v
                    .iter()
                    .filter_map(|(k, n)| {
                        let d = den_by_v.iter().find(|(dk, _)| dk == k).map(|(_, d)| *d)?;
                        (d != 0).then(|| (k.clone(), percent(Decimal::from(*n), Decimal::from(d))))
                    })
                    .collect::<Vec<_>>();
                // Each partner's numerator as a share of the whole denominator.
                let by_p = p
                    .iter()
                    .map(|(k, n)| (k.clone(), percent(Decimal::from(*n), den)))
                    .collect();
                let value = percent(num, den);
                let forecast = round4(forecast(num, start, to, due) * Decimal::ONE_HUNDRED / den);
                return Ok(Evaluation {
                    value,
                    forecast,
                    by_voivodeship: sorted_parts(by_v),
                    by_partner: sorted_parts(by_p),
                });
            }
        };
        let forecast = forecast(value, start, to, due);
        let to_parts = |v: Vec<(String, i64)>| {
            sorted_parts(v.into_iter().map(|(k, n)| (k, Decimal::from(n))).collect())
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

    fn budget(&self, version: &Version, to: i32) -> BudgetReport {
        let budget = &version.budget;
        let mut by_partner: BTreeMap<String, i64> = BTreeMap::new();
        let mut by_category: BTreeMap<String, i64> = BTreeMap::new();
        let mut by_month: BTreeMap<(YearMonth, String), i64> = BTreeMap::new();
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
        let spent = Amount::from_grosze(by_partner.values().sum());
        let mut partners: Vec<PartnerSpending> = budget
            .partners
            .iter()
            .map(|p| {
                let spent = Amount::from_grosze(by_partner.remove(&p.organisation).unwrap_or(0));
                PartnerSpending {
                    partner: p.organisation.clone(),
                    planned: Some(p.total.amount),
                    spent,
                    share: Rate::implied(spent, p.total.amount),
                }
            })
            .collect();
        partners.extend(
            by_partner
                .into_iter()
                .map(|(partner, grosze)| PartnerSpending {
                    partner,
                    planned: None,
                    spent: Amount::from_grosze(grosze),
                    share: None,
                }),
        );
        let mut report = BudgetReport {
            total: budget.total.amount,
            eu_contribution: budget.eu_contribution.amount,
            national_contribution: budget.national_contribution(),
            spent,
            spent_share: Rate::implied(spent, budget.total.amount),
            remaining: budget.total.amount - spent,
            by_partner: partners,
            by_category: by_category
                .into_iter()
                .filter(|(_, g)| *g != 0)
                .map(|(c, g)| (c, Amount::from_grosze(g)))
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
                    spent: Amount::from_grosze(g),
                })
                .collect(),
            findings: Vec::new(),
        };
        report.findings = report.execution_findings();
        report
    }
}

/// A leaf's total, with its values by voivodeship and by partner.
type LeafParts = (Decimal, Vec<(String, i64)>, Vec<(String, i64)>);

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
    let elapsed = Decimal::from(to - start + 1);
    let whole = Decimal::from(due - start + 1);
    (value * whole / elapsed).round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven)
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
/// applied, and the report as of `as_of`. Facts that cannot be applied
/// (conflicting repeats) are returned beside the report.
pub fn evaluate<'a>(
    project: &Project,
    register: Option<&Register>,
    facts: impl IntoIterator<Item = &'a Fact>,
    as_of: NaiveDate,
) -> (Report, Vec<ApplyError>) {
    let mut engine = Engine::new(project, register);
    let errors = facts
        .into_iter()
        .filter_map(|f| engine.apply(f).err())
        .collect();
    (engine.report(as_of), errors)
}
