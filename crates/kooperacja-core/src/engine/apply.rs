//! Applying facts: what a fact contributes, and adding or removing it from
//! every tally it touches.

use super::tally::{Leaf, Series, Tally, day};
use super::{Applied, Engine, NO_SLOT};
use crate::admission::{Reason, Verdict};
use crate::facts::{Fact, FactKind, What};
use crate::rule::{Key, Measure, Rule};
use crate::schedule::{ActivityKind, CoachingForm};

/// What one stored fact contributed, so that a retraction can undo it.
#[derive(Debug, Clone)]
pub(super) struct Stored {
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
pub(super) struct MeetingTally {
    pub(super) count: Series,
    pub(super) days: Series,
}

/// A coaching session: the coaching facts one organisation recorded on one
/// day in one form, for one role.
pub(super) type Session = (CoachingForm, u32, u32, i32);

/// Everything needed to undo a meeting's, a coaching's or an expenditure's
/// contribution.
#[derive(Debug, Clone)]
pub(super) enum Extra {
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
pub(super) fn meeting_label(group: Option<&str>, activity: Option<ActivityKind>) -> String {
    match (group, activity) {
        (Some(g), _) => format!("group:{g}"),
        (None, Some(a)) => format!("activity:{}", activity_name(a)),
        (None, None) => "meeting".to_owned(),
    }
}

pub(super) fn activity_name(kind: ActivityKind) -> &'static str {
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

impl Engine {
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
        // A former code of the project's territory counts as the unit's code now.
        let area = &self.project.territory;
        let voivodeship = match &fact.territory {
            Some(t) => self
                .voivodeships
                .intern(area.current(t).voivodeship().as_str())?,
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
            What::Pilot { jst } | What::DiPlan { jst } => vec![(2, area.current(jst).as_str())],
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
                let territory = self.territories.intern(
                    fact.territory
                        .as_ref()
                        .map_or("-", |t| area.current(t).as_str()),
                )?;
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
}
