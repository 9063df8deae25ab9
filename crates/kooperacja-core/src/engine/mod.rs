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
//! let project = Project::parse(include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let mut engine = Engine::new(project.clone(), None);
//! let facts = r#"{"id":"d-1","date":"2019-03-15","by":"umk","kind":"deliverable","deliverable":"model","title":"Model kooperacji"}"#;
//! let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
//! for fact in FactReader::new(facts.as_bytes(), Format::JsonLines, project.vocabulary().clone(), key) {
//!     engine.apply(&fact?);
//! }
//! let report = engine.report(NaiveDate::from_ymd_opt(2019, 3, 31).unwrap());
//! let models = report.indicators.iter().find(|i| i.id == "models-developed").unwrap();
//! assert_eq!(models.status, Status::Achieved);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod apply;
mod budget;
mod indicators;
mod intern;
mod milestones;
mod report;
mod tally;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::admission::{Admission, FactId, Reason};
use crate::facts::Fact;
use crate::project::Project;
use crate::report::Report;
use crate::rule::{Denominator, Rule, Units};
use crate::territory::{Register, TerytCode};
use apply::{Extra, MeetingTally, Stored};
use intern::{FastMap, Interner, fast_map};
use tally::{Leaf, Series};

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
    kind_names: Interner,
    /// The keys of distinct counts, one interner per [`Key`](crate::rule::Key).
    keys: [Interner; 7],
    /// Which keys some distinct leaf counts (the others are not interned).
    used_keys: [bool; 7],
    /// The quantity fields some `sum` leaf adds up.
    measures: Vec<String>,
    territories: Interner,
    categories: Interner,
    /// The planned activities of every milestone, each distinct filter once.
    activities: Vec<ActivityLeaf>,
    session_keys: Interner,
    spending: FastMap<(u32, u32), Series>,
    kinds: FastMap<String, Series>,
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

/// A planned activity's events: the facts its filter passes, tallied by
/// territory, or (with `sessions`) the live facts per session and day.
#[derive(Debug, Clone)]
struct ActivityLeaf {
    filter: crate::rule::Filter,
    sessions: Vec<String>,
    by_territory: FastMap<u32, MeetingTally>,
    sessions_live: FastMap<(u32, i32), u32>,
}

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
        let vocabulary = Arc::clone(project.vocabulary());
        let mut measures: Vec<String> = Vec::new();
        let mut used_keys = [false; 7];
        for leaf in &mut leaves {
            match &leaf.rule {
                Rule::Count {
                    measure: crate::rule::Measure::Sum(field),
                    ..
                } => {
                    let at = measures.iter().position(|m| m == field).unwrap_or_else(|| {
                        measures.push(field.clone());
                        measures.len() - 1
                    });
                    leaf.measure = Some(at);
                    leaf.scale = vocabulary
                        .fields_named(field)
                        .map(|(_, f)| apply::scale(f.field_type))
                        .next()
                        .unwrap_or(0);
                }
                Rule::Distinct { key, .. } => {
                    if let Some(used) = used_keys.get_mut(key.index()) {
                        *used = true;
                    }
                }
                _ => {}
            }
        }
        let mut activities: Vec<ActivityLeaf> = Vec::new();
        for version in &project.versions {
            for milestone in version.milestones.iter().flatten() {
                for activity in &milestone.activities {
                    let Some(filter) = &activity.counts else {
                        continue;
                    };
                    if !activities
                        .iter()
                        .any(|a| &a.filter == filter && a.sessions == activity.sessions)
                    {
                        activities.push(ActivityLeaf {
                            filter: filter.clone(),
                            sessions: activity.sessions.clone(),
                            by_territory: fast_map(),
                            sessions_live: fast_map(),
                        });
                    }
                }
            }
        }
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
            kind_names: Interner::default(),
            keys: Default::default(),
            used_keys,
            measures,
            territories: Interner::default(),
            categories: Interner::default(),
            activities,
            session_keys: Interner::default(),
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
