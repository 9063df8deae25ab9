//! The checks of a version's budget by task and cost line (`budget.*`
//! findings): lines sum to tasks, tasks to the direct costs, direct plus
//! indirect costs to the total; the flat rate of indirect costs is the
//! programme table's for the direct costs; each partner's lines and share of
//! the indirect costs make its stated total; the sources of financing add up
//! to the total; cross-financing and fixed assets stay within the programme's
//! limits. Every amount is exact; every rounding is named.
//!
//! [`findings`] runs them all; [`crate::validate::validate`] reports them with
//! the other checks.
//!
//! ```
//! use kooperacja_core::plan_check::findings;
//! use kooperacja_core::project::Project;
//! let text = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
//! let project = Project::parse(text)?;
//! // The fixture's budget by task adds up in both versions.
//! assert!(findings(&project).iter().all(|f| f.code == "budget.no-lines"));
//! # Ok::<(), kooperacja_core::parse::ParseError>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use crate::budget::{Budget, CostLine};
use crate::claim::ProgrammeRules;
use crate::money::{Amount, Rate, Rounding};
use crate::project::Project;
use crate::validate::{Finding, Severity};

/// How the flat-rate amount of indirect costs is rounded when the budget
/// names no rounding: down, the rule of the funding agreements.
pub const DEFAULT_INDIRECT_ROUNDING: Rounding = Rounding::Down;

/// Every budget finding of every version of `project`, in version order.
///
/// ```
/// use kooperacja_core::plan_check::findings;
/// use kooperacja_core::project::Project;
/// let p = Project::parse(include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml"))?;
/// // The sources publish no budget by task, and the file says so: a note.
/// let codes: Vec<_> = findings(&p).iter().map(|f| (f.code, f.severity.name())).collect();
/// assert_eq!(codes, [("budget.no-lines", "info")]);
/// # Ok::<(), kooperacja_core::parse::ParseError>(())
/// ```
pub fn findings(project: &Project) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, version) in project.versions.iter().enumerate() {
        check_budget(
            project,
            project.programme.rules.as_ref(),
            &version.budget,
            &format!("versions[{i}].budget"),
            &mut out,
        );
    }
    out
}

/// The direct costs of a budget: stated, or else the sum of its lines (of
/// the tasks' stated totals where a task has no lines); `None` when the
/// budget states neither.
///
/// ```
/// use kooperacja_core::budget::Budget;
/// use kooperacja_core::plan_check::direct_costs;
/// let b: Budget = toml::from_str(r#"
///     total = "110,00 zł"
///     eu_contribution = "unknown"
///     [[tasks]]
///     task = 1
///     lines = [{ id = "1.1", name = "a", partner = "p", category = "c", total = "60,00 zł" },
///              { id = "1.2", name = "b", partner = "p", category = "c", total = "40,00 zł" }]
/// "#).unwrap();
/// assert_eq!(direct_costs(&b).map(|a| a.to_polish()).as_deref(), Some("100,00 zł"));
/// ```
pub fn direct_costs(budget: &Budget) -> Option<Amount> {
    if let Some(stated) = &budget.direct_costs {
        return stated.amount;
    }
    if budget.tasks.is_empty() {
        return None;
    }
    budget.tasks.iter().map(task_total).sum()
}

/// A task's total: the sum of its lines, or its stated total when it has
/// none.
fn task_total(task: &crate::budget::TaskBudget) -> Option<Amount> {
    if task.lines.is_empty() {
        task.total.as_ref().and_then(|s| s.amount)
    } else {
        Some(task.lines.iter().map(|l| l.total).sum())
    }
}

/// The indirect costs of a budget: the stated amount, or else the flat rate
/// of `direct` rounded with the budget's rounding (down by default); zero
/// when the budget states no indirect costs; `None` when they cannot be
/// known (a flat rate without known direct costs).
///
/// ```
/// use kooperacja_core::budget::Budget;
/// use kooperacja_core::money::Amount;
/// use kooperacja_core::plan_check::indirect_costs;
/// let b: Budget = toml::from_str(r#"
///     total = "unknown"
///     eu_contribution = "unknown"
///     indirect_costs = { flat_rate = "10 %", rounding = "down" }
/// "#).unwrap();
/// let direct = Amount::parse("28 731 243,95 zł").ok();
/// assert_eq!(indirect_costs(&b, direct).map(|a| a.to_polish()).as_deref(), Some("2 873 124,39 zł"));
/// ```
pub fn indirect_costs(budget: &Budget, direct: Option<Amount>) -> Option<Amount> {
    let Some(indirect) = &budget.indirect_costs else {
        return Some(Amount::ZERO);
    };
    if let Some(stated) = &indirect.amount {
        return stated.amount;
    }
    let rate = indirect.flat_rate?;
    rate.apply(
        direct?,
        indirect.rounding.unwrap_or(DEFAULT_INDIRECT_ROUNDING),
    )
}

fn check_budget(
    project: &Project,
    rules: Option<&ProgrammeRules>,
    budget: &Budget,
    path: &str,
    out: &mut Vec<Finding>,
) {
    if budget.tasks.is_empty() {
        let (severity, message) = match &budget.lines_unpublished {
            Some(reason) => (
                Severity::Info,
                format!("the version has no budget by task: {reason}"),
            ),
            None => (
                Severity::Warning,
                "the version has no budget by task, and the file does not say why (write `lines_unpublished = \"…\"` with the reason when the sources publish none)".to_owned(),
            ),
        };
        out.push(Finding::new(
            "budget.no-lines",
            severity,
            format!("{path}.tasks"),
            message,
        ));
    }

    let mut push = |code: &'static str, at: String, message: String| {
        out.push(Finding::new(code, Severity::Error, at, message));
    };
    // Tasks and lines.
    let known_tasks: BTreeSet<u32> = project.tasks.iter().map(|t| t.number).collect();
    let mut seen_lines: BTreeMap<&str, String> = BTreeMap::new();
    for (j, task) in budget.tasks.iter().enumerate() {
        let task_path = format!("{path}.tasks[{j}]");
        if !known_tasks.contains(&task.task) {
            push(
                "budget.unknown-task",
                format!("{task_path}.task"),
                format!(
                    "the budget names task {}, which `[[tasks]]` does not list (tasks: {})",
                    task.task,
                    list(known_tasks.iter().map(u32::to_string))
                ),
            );
        }
        for (k, line) in task.lines.iter().enumerate() {
            let line_path = format!("{task_path}.lines[{k}]");
            if let Some(first) = seen_lines.insert(&line.id, line_path.clone()) {
                push(
                    "budget.duplicate-line",
                    format!("{line_path}.id"),
                    format!(
                        "the cost line id {:?} is used twice in the version's budget; first at {first}",
                        line.id
                    ),
                );
            }
            if project.organisation(&line.partner).is_none() {
                push(
                    "budget.unknown-partner",
                    format!("{line_path}.partner"),
                    format!(
                        "cost line {} names the partner {:?}, which `[[organisations]]` does not list (organisations: {})",
                        line.id,
                        line.partner,
                        list(project.organisations.iter().map(|o| o.id.clone()))
                    ),
                );
            }
            if let Some(message) = product_mismatch(line) {
                push("budget.line-product", format!("{line_path}.total"), message);
            }
        }
        if let (Some(stated), false) = (
            task.total.as_ref().and_then(|s| s.amount),
            task.lines.is_empty(),
        ) {
            let sum: Amount = task.lines.iter().map(|l| l.total).sum();
            if sum != stated {
                push(
                    "budget.lines-sum",
                    format!("{task_path}.total"),
                    format!(
                        "the lines of task {} sum to {}; the task's stated total is {} ({} {})",
                        task.task,
                        sum.to_polish(),
                        stated.to_polish(),
                        difference(sum, stated),
                        if sum > stated { "more" } else { "less" }
                    ),
                );
            }
        }
    }

    // Direct costs.
    let tasks_sum: Option<Amount> = if budget.tasks.is_empty() {
        None
    } else {
        budget.tasks.iter().map(task_total).sum()
    };
    let stated_direct = budget.direct_costs.as_ref().and_then(|s| s.amount);
    if let (Some(stated), Some(sum)) = (stated_direct, tasks_sum) {
        if stated != sum {
            push(
                "budget.tasks-sum",
                format!("{path}.direct_costs"),
                format!(
                    "the tasks sum to {}; the stated direct costs are {} ({} {})",
                    sum.to_polish(),
                    stated.to_polish(),
                    difference(sum, stated),
                    if sum > stated { "more" } else { "less" }
                ),
            );
        }
    }
    let direct = direct_costs(budget);

    // Indirect costs.
    if let Some(indirect) = &budget.indirect_costs {
        let rounding = indirect.rounding.unwrap_or(DEFAULT_INDIRECT_ROUNDING);
        if let (Some(rate), Some(direct), Some(rules)) = (indirect.flat_rate, direct, rules) {
            if let Some(table) = rules.indirect_rate_for(direct) {
                if table != rate {
                    push(
                        "budget.indirect-rate",
                        format!("{path}.indirect_costs.flat_rate"),
                        format!(
                            "the flat rate of indirect costs is {}; the programme's table gives {} for direct costs of {} ({})",
                            rate.to_polish(),
                            table.to_polish(),
                            direct.to_polish(),
                            rules.source
                        ),
                    );
                }
            }
        }
        let stated = indirect.amount.as_ref().and_then(|s| s.amount);
        if let (Some(rate), Some(direct), Some(stated)) = (indirect.flat_rate, direct, stated) {
            if let Some(expected) = rate.apply(direct, rounding) {
                if expected != stated {
                    push(
                        "budget.indirect-amount",
                        format!("{path}.indirect_costs.amount"),
                        format!(
                            "the indirect costs are stated as {}; {} of the direct costs {} rounded {} is {}",
                            stated.to_polish(),
                            rate.to_polish(),
                            direct.to_polish(),
                            rounding,
                            expected.to_polish()
                        ),
                    );
                }
            }
        }
    }
    let indirect = indirect_costs(budget, direct);

    // Direct plus indirect is the total, when the budget states how it is made.
    let states_structure = !budget.tasks.is_empty() || budget.direct_costs.is_some();
    if let (true, Some(total), Some(direct), Some(indirect)) =
        (states_structure, budget.total.amount, direct, indirect)
    {
        let sum = direct + indirect;
        if sum != total {
            push(
                "budget.total-sum",
                format!("{path}.total"),
                format!(
                    "direct costs {} plus indirect costs {} make {}; the stated total is {} ({} {})",
                    direct.to_polish(),
                    indirect.to_polish(),
                    sum.to_polish(),
                    total.to_polish(),
                    difference(sum, total),
                    if sum > total { "more" } else { "less" }
                ),
            );
        }
    }

    // Each partner's lines and its share of the indirect costs.
    if !budget.tasks.is_empty() {
        let flat = budget
            .indirect_costs
            .as_ref()
            .and_then(|i| i.flat_rate.map(|r| (r, i.rounding)));
        for (j, partner) in budget.partners.iter().enumerate() {
            let Some(stated) = partner.total.amount else {
                continue;
            };
            let lines: Amount = budget
                .tasks
                .iter()
                .flat_map(|t| &t.lines)
                .filter(|l| l.partner == partner.organisation)
                .map(|l| l.total)
                .sum();
            let share = match flat {
                Some((rate, rounding)) => {
                    rate.apply(lines, rounding.unwrap_or(DEFAULT_INDIRECT_ROUNDING))
                }
                None => Some(Amount::ZERO),
            };
            let Some(share) = share else { continue };
            let sum = lines + share;
            if sum != stated {
                push(
                    "budget.partner-sum",
                    format!("{path}.partners[{j}].total"),
                    format!(
                        "the lines of partner {} sum to {}, with its share of the indirect costs {} to {}; its stated total is {}",
                        partner.organisation,
                        lines.to_polish(),
                        share.to_polish(),
                        sum.to_polish(),
                        stated.to_polish()
                    ),
                );
            }
        }
    }

    // Sources of financing.
    if !budget.financing.is_empty() {
        let derived = budget
            .financing
            .iter()
            .filter(|f| f.amount.is_none())
            .count();
        let stated: Option<Amount> = budget
            .financing
            .iter()
            .filter_map(|f| f.amount.as_ref())
            .map(|s| s.amount)
            .sum();
        if derived > 1 {
            push(
                "budget.financing-sum",
                format!("{path}.financing"),
                format!(
                    "{derived} sources of financing are derived (no amount); at most one can take the remainder of the total"
                ),
            );
        } else if let (Some(total), Some(eu), Some(stated)) =
            (budget.total.amount, budget.eu_contribution.amount, stated)
        {
            let sum = eu + stated;
            if derived == 0 && sum != total {
                push(
                    "budget.financing-sum",
                    format!("{path}.financing"),
                    format!(
                        "the EU contribution {} and the stated sources {} make {}; the total is {}",
                        eu.to_polish(),
                        stated.to_polish(),
                        sum.to_polish(),
                        total.to_polish()
                    ),
                );
            } else if derived == 1 && sum > total {
                push(
                    "budget.financing-sum",
                    format!("{path}.financing"),
                    format!(
                        "the EU contribution {} and the stated sources {} make {}, more than the total {}: nothing is left for the derived source",
                        eu.to_polish(),
                        stated.to_polish(),
                        sum.to_polish(),
                        total.to_polish()
                    ),
                );
            }
        }
    }

    // The programme's limits, as shares of the total.
    if let (Some(rules), Some(total)) = (rules, budget.total.amount) {
        type Limit = (
            &'static str,
            Option<Rate>,
            fn(&CostLine) -> bool,
            &'static str,
            &'static str,
        );
        let limits: [Limit; 2] = [
            (
                "budget.cross-financing-limit",
                rules.cross_financing_limit,
                |l| l.cross_financing,
                "cross-financing is",
                "cross_financing_limit",
            ),
            (
                "budget.fixed-assets-limit",
                rules.fixed_assets_limit,
                |l| l.fixed_asset,
                "purchases of fixed assets are",
                "fixed_assets_limit",
            ),
        ];
        for (code, limit, flagged, what, key) in limits {
            let Some(limit) = limit else { continue };
            let sum: Amount = budget
                .tasks
                .iter()
                .flat_map(|t| &t.lines)
                .filter(|l| flagged(l))
                .map(|l| l.total)
                .sum();
            // The limit is exact: no rounding of limit × total.
            let Some(most) = limit.exact_product(total) else {
                continue;
            };
            if sum.as_decimal() > most {
                push(
                    code,
                    format!("{path}.tasks"),
                    format!(
                        "{what} {}, more than {} of the total {} ({}; programme.rules.{key}, {})",
                        sum.to_polish(),
                        limit.to_polish(),
                        total.to_polish(),
                        Rounding::Down.round(most).to_polish(),
                        rules.source
                    ),
                );
            }
        }
    }
}

/// The message when a line's quantity × unit price is not its total, exactly.
fn product_mismatch(line: &CostLine) -> Option<String> {
    let (quantity, price) = (line.quantity?, line.unit_price?);
    let product = quantity.checked_mul(price.as_decimal());
    match product {
        Some(p) if p == line.total.as_decimal() => None,
        Some(p) => Some(format!(
            "cost line {}: {} × {} = {}; the line's total is {}",
            line.id,
            quantity.normalize(),
            price.to_polish(),
            Amount::from_decimal(p).map_or_else(
                || format!("{} zł", p.normalize()).replace('.', ","),
                Amount::to_polish
            ),
            line.total.to_polish()
        )),
        None => Some(format!(
            "cost line {}: {} × {} cannot be computed exactly; the line's total is {}",
            line.id,
            quantity.normalize(),
            price.to_polish(),
            line.total.to_polish()
        )),
    }
}

fn difference(a: Amount, b: Amount) -> String {
    if a > b {
        (a - b).to_polish()
    } else {
        (b - a).to_polish()
    }
}

fn list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}
