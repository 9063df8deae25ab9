//! Evaluating indicators: a rule's value, its breakdowns, its forecast at
//! the due date and its status.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::intern::Interner;
use super::tally::{Tally, day};
use super::{Engine, Plan, PlanDenominator};
use crate::report::{Part, Status};
use crate::rule::Units;
use crate::territory::{Level, TerytCode};

impl Engine {
    pub(super) fn leaf_parts(&self, leaf: usize, to: i32) -> LeafParts {
        let Some(leaf) = self.leaves.get(leaf) else {
            return (Decimal::ZERO, Vec::new(), Vec::new());
        };
        let scale = leaf.scale;
        let total = scaled(leaf.total.value(i32::MIN / 2, to), scale);
        let parts = |tallies: &[Tally], names: &Interner| -> Vec<(String, Decimal)> {
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
                .map(|(k, v)| (k, scaled(v, scale)))
                .collect()
        };
        (
            total,
            parts(&leaf.by_voivodeship, &self.voivodeships),
            parts(&leaf.by_partner, &self.partners),
        )
    }

    pub(super) fn units(
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

    pub(super) fn evaluate(
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
                            count(parts.iter().map(|(_, n)| n).sum::<i128>()),
                            parts.into_iter().map(|(k, n)| (k, count(n))).collect(),
                        )
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
                        (!d.is_zero()).then(|| (k.clone(), percent(*n, d)))
                    })
                    .collect::<Vec<_>>();
                // Each partner's numerator as a share of the whole denominator.
                let by_p = p
                    .iter()
                    .map(|(k, n)| (k.clone(), percent(*n, den)))
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
        let to_parts = sorted_parts;
        Ok(Evaluation {
            value,
            forecast,
            by_voivodeship: to_parts(by_voivodeship),
            by_partner: to_parts(by_partner),
        })
    }
}

/// A leaf's total, with its values by voivodeship and by partner.
pub(super) type LeafParts = (Decimal, Vec<(String, Decimal)>, Vec<(String, Decimal)>);

/// A tally in units of `scale` decimal places, as a decimal (normalised: no
/// trailing zeros).
pub(super) fn scaled(n: i128, scale: u32) -> Decimal {
    Decimal::try_from_i128_with_scale(n, scale)
        .map_or(Decimal::MAX, |d| if scale == 0 { d } else { d.normalize() })
}

/// A count as a decimal. Counts stay below 2^64 (fewer than 2^31 facts, each
/// adding at most a u32 twice), far inside a decimal's 96 bits.
pub(super) fn count(n: i128) -> Decimal {
    Decimal::try_from_i128_with_scale(n, 0).unwrap_or(Decimal::MAX)
}

pub(super) struct Evaluation {
    pub(super) value: Decimal,
    pub(super) forecast: Decimal,
    pub(super) by_voivodeship: Vec<Part>,
    pub(super) by_partner: Vec<Part>,
}

pub(super) fn round4(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(4, RoundingStrategy::MidpointNearestEven)
}

pub(super) fn sorted_parts(parts: Vec<(String, Decimal)>) -> Vec<Part> {
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
pub(super) fn forecast(value: Decimal, start: NaiveDate, to: i32, due: NaiveDate) -> Decimal {
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

pub(super) fn status(
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
