//! Tallies by day: sums of deltas (`Series`), distinct keys by the day they
//! first appear (`Distinct`), and a leaf rule with its tallies (`Leaf`).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::intern::FastMap;
use crate::period::YearMonth;
use crate::rule::{Filter, Rule};

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
pub(super) enum Series {
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
pub(super) const DENSE_AFTER: usize = 96;
/// A dense series holds at most this many slots per change...
pub(super) const DENSITY: usize = 16;
/// ...or this many, whichever is more.
pub(super) const DENSE_MIN: usize = 4096;

pub(super) fn day(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    date.num_days_from_ce()
}

impl Series {
    pub(super) fn add(&mut self, at: i32, delta: i128) {
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
    pub(super) fn sum(&self, from: i32, to: i32) -> i128 {
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

    pub(super) fn up_to(&self, to: i32) -> i128 {
        self.sum(i32::MIN / 2, to)
    }

    /// The non-zero sums by calendar month of the days up to `to`.
    pub(super) fn by_month(&self, to: i32) -> BTreeMap<YearMonth, i128> {
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
pub(super) struct Days(Vec<(i32, u32)>);

impl Days {
    pub(super) fn first(&self) -> Option<i32> {
        self.0.iter().map(|(d, _)| *d).min()
    }
    pub(super) fn add(&mut self, at: i32) {
        match self.0.iter_mut().find(|(d, _)| *d == at) {
            Some((_, n)) => *n += 1,
            None => self.0.push((at, 1)),
        }
    }
    pub(super) fn remove(&mut self, at: i32) {
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
pub(super) struct Distinct {
    keys: FastMap<u32, Days>,
    firsts: Series,
}

impl Distinct {
    pub(super) fn change(&mut self, key: u32, at: i32, add: bool) {
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
pub(super) enum Tally {
    Count(Series),
    Distinct(Distinct),
}

impl Tally {
    pub(super) fn value(&self, from: i32, to: i32) -> i128 {
        match self {
            Tally::Count(s) => s.sum(from, to),
            Tally::Distinct(d) => d.firsts.sum(from, to),
        }
    }
}

/// A leaf rule with its tallies in total, by voivodeship and by partner.
#[derive(Debug, Clone)]
pub(super) struct Leaf {
    pub(super) rule: Rule,
    pub(super) total: Tally,
    pub(super) by_voivodeship: Vec<Tally>,
    pub(super) by_partner: Vec<Tally>,
    /// For a `sum` leaf: its field's position among the engine's measures.
    pub(super) measure: Option<usize>,
    /// The decimal places of its tallies' units (2 for hours and amounts).
    pub(super) scale: u32,
}

impl Leaf {
    pub(super) fn new(rule: Rule) -> Leaf {
        let empty = Leaf::empty_tally(&rule);
        Leaf {
            rule,
            total: empty,
            by_voivodeship: Vec::new(),
            by_partner: Vec::new(),
            measure: None,
            scale: 0,
        }
    }

    pub(super) fn empty_tally(rule: &Rule) -> Tally {
        match rule {
            Rule::Distinct { .. } => Tally::Distinct(Distinct::default()),
            _ => Tally::Count(Series::default()),
        }
    }

    /// The leaf's filter; a ratio (which the parser never puts in a leaf)
    /// has none and matches nothing.
    pub(super) fn filter(&self) -> Option<&Filter> {
        match &self.rule {
            Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => Some(filter),
            Rule::Ratio { .. } => None,
        }
    }
}
