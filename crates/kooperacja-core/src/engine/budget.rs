//! Budget execution: spending against the plan of a version, by partner,
//! category and month.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::Engine;
use crate::money::{Amount, Rate};
use crate::period::YearMonth;
use crate::project::Version;
use crate::report::{BudgetReport, BudgetYear, MonthlySpending, PartnerSpending};

impl Engine {
    pub(super) fn budget(&self, version: &Version, to: i32) -> BudgetReport {
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
        let total = budget.total.amount;
        let mut partners: Vec<PartnerSpending> = budget
            .partners
            .iter()
            .map(|p| {
                let spent = amount(by_partner.remove(&p.organisation).unwrap_or(0));
                let planned = p.total.amount;
                PartnerSpending {
                    partner: p.organisation.clone(),
                    in_plan: true,
                    planned,
                    spent,
                    share: planned.and_then(|planned| Rate::implied(spent, planned)),
                    planned_share: planned
                        .zip(total)
                        .and_then(|(planned, total)| Rate::implied(planned, total)),
                    remaining: planned.map(|planned| planned - spent),
                }
            })
            .collect();
        partners.extend(
            by_partner
                .into_iter()
                .map(|(partner, grosze)| PartnerSpending {
                    partner,
                    in_plan: false,
                    planned: None,
                    spent: amount(grosze),
                    share: None,
                    planned_share: None,
                    remaining: None,
                }),
        );
        let eu = budget.eu_contribution.amount;
        let national = budget.national_contribution();
        let remaining = total.map(|total| total - spent);
        let share_of_total = |part: Option<Amount>| {
            part.zip(total)
                .and_then(|(part, total)| Rate::implied(part, total))
        };
        let mut report = BudgetReport {
            version: version.id.clone(),
            total,
            eu_contribution: eu,
            eu_share: share_of_total(eu),
            national_contribution: national,
            national_share: share_of_total(national),
            spent,
            spent_share: share_of_total(Some(spent)),
            remaining,
            remaining_share: share_of_total(remaining),
            // A sum with an unknown term is unknown.
            partners_planned: partners
                .iter()
                .filter(|p| p.in_plan)
                .map(|p| p.planned)
                .sum(),
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
                // An unknown total has no yearly plan.
                total
                    .and_then(|total| total.split(&days).ok())
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

/// Grosze as an amount. The admission keeps the magnitudes of all counted
/// expenditures below the range of amounts, so every spending total is one.
pub(super) fn amount(grosze: i128) -> Amount {
    Decimal::try_from_i128_with_scale(grosze, 2)
        .ok()
        .and_then(Amount::from_decimal)
        .unwrap_or(Amount::ZERO)
}
