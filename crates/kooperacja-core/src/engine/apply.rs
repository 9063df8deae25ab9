//! Applying facts: what a fact contributes, and adding or removing it from
//! every tally it touches.

use super::tally::{Leaf, Series, Tally, day};
use super::{Applied, Engine, NO_SLOT};
use crate::admission::{Reason, Verdict};
use crate::facts::{Fact, Value, What};
use crate::participant::{Entry, Exit};
use crate::rule::{Key, Measure, Rule};

/// What one stored fact contributed, so that a retraction can undo it.
#[derive(Debug, Clone)]
pub(super) struct Stored {
    day: i32,
    /// The kind, interned.
    kind: u32,
    live: bool,
    /// The leaves matched: an index into the engine's interned leaf sets.
    leaves: u32,
    voivodeship: u32,
    partner: u32,
    /// Key ids for distinct leaves, each with its key ([`Key::index`]).
    keys: Box<[(u8, u32)]>,
    /// The values of the engine's measured fields ([`Engine::measures`]),
    /// scaled to whole units of their field type's scale.
    measures: Box<[i128]>,
}

/// Events of a planned activity for milestone progress, in one territory.
#[derive(Debug, Clone, Default)]
pub(super) struct MeetingTally {
    pub(super) count: Series,
    pub(super) days: Series,
}

/// The scale every `sum` leaf adds its values in: hundredths (of an hour, a
/// złoty: grosze; counts and days too), so that a field whose type differs
/// between the rule's kinds (a count in one, hours in another) adds up
/// exactly, whatever other kinds declare under the same name.
pub(super) const SUM_SCALE: u32 = 2;

/// A value as a whole number of hundredths (0 for a non-quantity).
fn scaled(value: &Value) -> i128 {
    match value {
        Value::Count(n) => i128::from(*n) * 100,
        Value::Hours(h) => {
            let mut h = *h;
            h.rescale(SUM_SCALE);
            h.mantissa()
        }
        Value::Amount(a) => a.grosze(),
        Value::List(items) => items.iter().map(scaled).sum(),
        _ => 0,
    }
}

/// Everything needed to undo a fact's contribution to activities and spending.
#[derive(Debug, Clone)]
pub(super) enum Extra {
    /// The activity leaves the fact is an event of, each with its session
    /// (interned, or [`NO_SLOT`] when each fact is an event).
    Activities {
        territory: u32,
        days: u32,
        matched: Box<[(u32, u32)]>,
    },
    Expenditure {
        partner: u32,
        category: u32,
        grosze: i128,
    },
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
                .entry("retraction".to_owned())
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
                    .entry("retraction".to_owned())
                    .or_default()
                    .add(at, 1);
                if let Some(index) = self.slot(target)
                    && self.stored.get(index as usize).is_some_and(|s| s.live)
                {
                    if let Some(id) = self.participant_facts.remove(&index) {
                        self.participants.retract(&id);
                    }
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
                // Entries and exits also go to the participant registry
                // (first entry's data, re-entries once).
                let recorded = match (Entry::of_fact(fact), Exit::of_fact(fact)) {
                    (Some(entry), _) => self.participants.enter(entry),
                    (None, Some(exit)) => self.participants.exit(exit),
                    (None, None) => false,
                };
                if recorded {
                    self.participant_facts.insert(index, fact.id.clone());
                }
                Applied::Added
            }
        }
    }

    /// Works out what a fact contributes, interning its names; `None` when an
    /// interner is full.
    fn describe(&mut self, fact: &Fact, at: i32, index: u32) -> Option<Stored> {
        // A former code of the project's territory counts as the unit's code
        // now (area::FormerCode): for filters, the breakdowns, JST keys and
        // milestones.
        let project = std::sync::Arc::clone(&self.project);
        let area = &project.territory;
        let mut matched = std::mem::take(&mut self.matched);
        matched.clear();
        matched.extend(
            self.leaves
                .iter()
                .enumerate()
                .filter(|(_, leaf)| leaf.filter().is_some_and(|f| f.matches(fact, area)))
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
            Some(t) => self
                .voivodeships
                .intern(area.current(t).voivodeship().as_str())?,
            None => self.voivodeships.intern("-")?,
        };
        let partner = self.partners.intern(&fact.recorded_by)?;
        let kind = self.kind_names.intern(fact.kind())?;
        // The keys a fact offers to distinct counts: the values of its subject
        // fields, by the key that counts them.
        let mut interned = Vec::new();
        if let What::Fields(fields) = &fact.what {
            let vocabulary = std::sync::Arc::clone(self.project.vocabulary());
            let decl = vocabulary.kind(&fields.kind);
            for (name, value) in &fields.values {
                let Some(field_type) = decl.and_then(|k| k.field(name)).map(|f| f.field_type)
                else {
                    continue;
                };
                let mut keys: Vec<Key> = Key::ALL
                    .iter()
                    .copied()
                    .filter(|k| *k != Key::Participant && k.field_type() == field_type)
                    .collect();
                if fields.kind == "entry" && name == "participant" {
                    keys.push(Key::Participant);
                }
                for key in keys {
                    if !self.used_keys.get(key.index()).copied().unwrap_or(false) {
                        continue;
                    }
                    for item in value.items() {
                        let text = match item {
                            Value::Person(p) => p.as_str().to_owned(),
                            Value::Jst(c) => area.current(c).as_str().to_owned(),
                            Value::Text(t) => t.clone(),
                            _ => continue,
                        };
                        let slot = key.index();
                        let interner = self.keys.get_mut(slot)?;
                        interned.push((u8::try_from(slot).ok()?, interner.intern(&text)?));
                    }
                }
            }
        }
        // An expenditure's partner is its organisation field.
        if let What::Expenditure { partner, .. } = &fact.what
            && self
                .used_keys
                .get(Key::Organisation.index())
                .copied()
                .unwrap_or(false)
        {
            let slot = Key::Organisation.index();
            let interner = self.keys.get_mut(slot)?;
            interned.push((u8::try_from(slot).ok()?, interner.intern(partner)?));
        }
        let keys: Box<[(u8, u32)]> = interned.into();
        let measures: Box<[i128]> = self
            .measures
            .iter()
            .map(|field| fact.value(field).map_or(0, |v| scaled(&v)))
            .collect();
        // The planned activities the fact is an event of.
        let mut activities = Vec::new();
        for (i, activity) in self.activities.iter().enumerate() {
            if !activity.filter.matches(fact, area) {
                continue;
            }
            let session = if activity.sessions.is_empty() {
                NO_SLOT
            } else {
                let key: Vec<String> = activity
                    .sessions
                    .iter()
                    .filter(|f| f.as_str() != "date")
                    .map(|f| match f.as_str() {
                        "by" => fact.recorded_by.clone(),
                        "territory" => fact
                            .territory
                            .as_ref()
                            .map_or_else(String::new, |t| area.current(t).as_str().to_owned()),
                        field => fact.value(field).map_or_else(String::new, |v| v.to_text()),
                    })
                    .collect();
                self.session_keys.intern(&key.join("\u{1f}"))?
            };
            activities.push((u32::try_from(i).ok()?, session));
        }
        if !activities.is_empty() {
            let territory = self.territories.intern(
                fact.territory
                    .as_ref()
                    .map_or("-", |t| area.current(t).as_str()),
            )?;
            let days = match fact.value("days") {
                Some(Value::Count(d)) => d,
                _ => 0,
            };
            self.extras.insert(
                index,
                Extra::Activities {
                    territory,
                    days,
                    matched: activities.into(),
                },
            );
        }
        if let What::Expenditure {
            partner,
            amount,
            category,
            ..
        } = &fact.what
        {
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
        }
        Some(Stored {
            day: at,
            kind,
            live: true,
            leaves,
            voivodeship,
            partner,
            keys,
            measures,
        })
    }

    /// Adds (or, with `add = false`, removes) a stored fact's contribution.
    fn contribute(&mut self, index: u32, add: bool) {
        let Some(s) = self.stored.get(index as usize) else {
            return;
        };
        let sign: i128 = if add { 1 } else { -1 };
        let (at, voivodeship, partner) = (s.day, s.voivodeship as usize, s.partner as usize);
        let kind = self.kind_names.name(s.kind).to_owned();
        self.kinds.entry(kind).or_default().add(at, sign);
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
                Rule::Distinct { key, .. } => u8::try_from(key.index()).unwrap_or(u8::MAX),
                _ => u8::MAX,
            };
            let measure: i128 = match &leaf.rule {
                Rule::Count {
                    measure: Measure::Facts,
                    ..
                } => 1,
                Rule::Count {
                    measure: Measure::Sum(_),
                    ..
                } => leaf
                    .measure
                    .and_then(|m| s.measures.get(m))
                    .copied()
                    .unwrap_or(0),
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
            Some(Extra::Activities {
                territory,
                days,
                matched,
            }) => {
                for &(activity, session) in matched.iter() {
                    let Some(a) = self.activities.get_mut(activity as usize) else {
                        continue;
                    };
                    if session == NO_SLOT {
                        let tally = a.by_territory.entry(*territory).or_default();
                        tally.count.add(at, sign);
                        tally.days.add(at, sign * i128::from(*days));
                    } else {
                        let n = a.sessions_live.entry((session, at)).or_default();
                        *n = if add {
                            n.saturating_add(1)
                        } else {
                            n.saturating_sub(1)
                        };
                        if *n == 0 {
                            a.sessions_live.remove(&(session, at));
                        }
                    }
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
