//! The computation of a claim: which facts count, the material and financial
//! progress, the sources of financing, the advances, the documents, the
//! corrections of the last filed claim and the checks. See
//! `docs/claims.md` for one definition of every figure.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    AdvanceSettlement, Claim, ClaimError, ClaimStatus, Corrected, Correction, DocumentLine,
    FiledClaim, FinancialProgress, IndicatorProgress, LineProgress, PlannedClaim, Progress,
    SexCount, SexProgress, SourceAmount, TaskProgress,
};
use crate::admission::{Admission, Verdict};
use crate::budget::{Budget, FundingSource};
use crate::engine::Engine;
use crate::facts::{Document, Fact, PlanRef, Value, What};
use crate::indicator::Target;
use crate::money::{Amount, Rate, Rounding};
use crate::participant::Cell;
use crate::project::{Project, Version};
use crate::report::Report;
use crate::rule::Rule;
use crate::territory::Register;
use crate::validate::{Finding, Severity};

/// The rounding of a part of the expenditure proportional to a stated amount
/// (a stated source of financing, indirect costs stated as an amount) and of
/// the flat rate when the budget names none: down, as agreements round.
pub(super) const PROPORTION_ROUNDING: Rounding = Rounding::Down;

/// One live expenditure fact, as the claim reads it.
#[derive(Debug, Clone)]
pub(super) struct Spent {
    pub id: String,
    pub date: NaiveDate,
    pub partner: String,
    pub amount: Amount,
    pub category: String,
    pub plan: Option<PlanRef>,
    pub document: Option<Document>,
}

/// What the admission made of the facts, once for the book.
#[derive(Debug, Clone, Default)]
pub(super) struct Facts {
    /// Live expenditure, in the order read.
    pub spent: Vec<Spent>,
    /// Live transfers (advances received): id, date, amount.
    pub transfers: Vec<(String, NaiveDate, Amount)>,
    /// Every live fact that is not a retraction: id, date.
    pub live: Vec<(String, NaiveDate)>,
    /// The facts counted and then retracted: id → kind, and the
    /// expenditure's reading when it is one.
    pub retracted: BTreeMap<String, (String, Option<Spent>)>,
    /// The facts excluded, by reason code.
    pub excluded: BTreeMap<String, u64>,
}

impl Facts {
    /// Runs the admission over `facts` in their order, as the engine does.
    pub fn read(project: &Project, register: Option<&Register>, facts: &[Fact]) -> Facts {
        let mut admission = Admission::new();
        let mut counted: Vec<&Fact> = Vec::new();
        let mut targets: BTreeSet<String> = BTreeSet::new();
        for fact in facts {
            match admission.admit(project, register, fact).verdict {
                Verdict::Counted { .. } => counted.push(fact),
                Verdict::Retraction { .. } => {
                    if let What::Retraction { retracts, .. } = &fact.what {
                        targets.insert(retracts.clone());
                    }
                }
                Verdict::Duplicate | Verdict::Excluded(_) => {}
            }
        }
        let mut out = Facts {
            excluded: admission.counts().excluded_by_reason,
            ..Facts::default()
        };
        for fact in counted {
            let spent = spent_of(fact);
            if targets.contains(&fact.id) {
                out.retracted
                    .insert(fact.id.clone(), (fact.kind().to_owned(), spent));
                continue;
            }
            out.live.push((fact.id.clone(), fact.date));
            if let Some(spent) = spent {
                out.spent.push(spent);
            } else if fact.kind() == "transfer"
                && let Some(Value::Amount(amount)) =
                    fact.what.fields().and_then(|f| f.get("amount"))
            {
                out.transfers.push((fact.id.clone(), fact.date, *amount));
            }
        }
        out
    }
}

fn spent_of(fact: &Fact) -> Option<Spent> {
    let What::Expenditure {
        partner,
        amount,
        category,
        plan,
        document,
    } = &fact.what
    else {
        return None;
    };
    Some(Spent {
        id: fact.id.clone(),
        date: fact.date,
        partner: partner.clone(),
        amount: *amount,
        category: category.clone(),
        plan: plan.clone(),
        document: document.as_deref().cloned(),
    })
}

/// Where an expenditure falls in a version's plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Subject {
    /// A cost line of a task.
    Line(u32, String),
    /// A task, on no line of it (the fact names the task only, or a line
    /// the task lacks).
    Task(u32),
    /// No task of the plan.
    Unassigned,
}

impl Subject {
    fn of(budget: &Budget, plan: Option<&PlanRef>) -> Subject {
        let Some(plan) = plan else {
            return Subject::Unassigned;
        };
        let Some(task) = budget.tasks.iter().find(|t| t.task == plan.task) else {
            return Subject::Unassigned;
        };
        match &plan.line {
            Some(line) if task.lines.iter().any(|l| &l.id == line) => {
                Subject::Line(plan.task, line.clone())
            }
            _ => Subject::Task(plan.task),
        }
    }

    fn corrected(&self) -> Corrected {
        match self {
            Subject::Line(t, l) => Corrected::Expenditure {
                task: Some(*t),
                line: Some(l.clone()),
            },
            Subject::Task(t) => Corrected::Expenditure {
                task: Some(*t),
                line: None,
            },
            Subject::Unassigned => Corrected::Expenditure {
                task: None,
                line: None,
            },
        }
    }
}

/// Sums of expenditure of a set of facts, by subject, partner and category.
#[derive(Debug, Clone, Default)]
struct Sums {
    by_subject: BTreeMap<Subject, Amount>,
    by_partner: BTreeMap<String, Amount>,
    by_category: BTreeMap<String, Amount>,
    direct: Amount,
}

impl Sums {
    fn of<'a>(budget: &Budget, spent: impl Iterator<Item = &'a Spent>) -> Sums {
        let mut sums = Sums::default();
        for s in spent {
            add(
                sums.by_subject
                    .entry(Subject::of(budget, s.plan.as_ref()))
                    .or_default(),
                s.amount,
            );
            add(
                sums.by_partner.entry(s.partner.clone()).or_default(),
                s.amount,
            );
            add(
                sums.by_category.entry(s.category.clone()).or_default(),
                s.amount,
            );
            add(&mut sums.direct, s.amount);
        }
        sums
    }

    fn subject(&self, subject: &Subject) -> Amount {
        self.by_subject.get(subject).copied().unwrap_or_default()
    }

    fn task(&self, task: u32) -> Amount {
        self.by_subject
            .iter()
            .filter(|(s, _)| matches!(s, Subject::Line(t, _) | Subject::Task(t) if *t == task))
            .map(|(_, a)| *a)
            .sum()
    }
}

/// Adds to a running sum. The admission bounds the magnitude of all counted
/// expenditure below the range of amounts, so the sum is exact.
fn add(sum: &mut Amount, amount: Amount) {
    *sum = *sum + amount;
}

/// `amount × part / whole`, rounded to the grosz with `rounding`, exact
/// (integer arithmetic on grosze); `None` when `whole` is not above zero or
/// the result leaves the range of amounts.
pub(super) fn proportion(
    amount: Amount,
    part: Amount,
    whole: Amount,
    rounding: Rounding,
) -> Option<Amount> {
    let whole = whole.grosze();
    if whole <= 0 {
        return None;
    }
    let product = amount.grosze().checked_mul(part.grosze())?;
    let negative = product < 0;
    let magnitude = product.checked_abs()?;
    let (q, r) = (magnitude / whole, magnitude % whole);
    let twice = r.checked_mul(2)?;
    let up = match rounding {
        // Towards minus infinity: a negative value with a remainder goes one
        // grosz further from zero.
        Rounding::Down => negative && r > 0,
        Rounding::HalfUp => twice >= whole && r > 0,
        Rounding::HalfEven => twice > whole || (twice == whole && q % 2 == 1),
    };
    let q = if up { q.checked_add(1)? } else { q };
    let grosze = if negative { q.checked_neg()? } else { q };
    Amount::from_decimal(Decimal::try_from_i128_with_scale(grosze, 2).ok()?)
}

/// A rate of an amount, rounded: [`Rate::apply`], with zero of zero (an
/// amount of zero may hold fewer decimals, which the exact product refuses).
fn apply(rate: Rate, amount: Amount, rounding: Rounding) -> Option<Amount> {
    if amount.grosze() == 0 {
        return Some(Amount::ZERO);
    }
    rate.apply(amount, rounding)
}

fn progress(plan: Option<Amount>, in_period: Amount, cumulative: Amount) -> Progress {
    Progress {
        plan,
        in_period,
        cumulative,
        share: plan
            .filter(|p| p.grosze() > 0)
            .and_then(|p| Rate::implied(cumulative, p)),
    }
}

/// The plan figures of a version's budget.
struct Plan<'a> {
    budget: &'a Budget,
}

impl Plan<'_> {
    fn task(&self, task: u32) -> Option<Amount> {
        let t = self.budget.tasks.iter().find(|t| t.task == task)?;
        match t.total.as_ref().and_then(|s| s.amount) {
            Some(total) => Some(total),
            None => Some(t.lines.iter().map(|l| l.total).sum()),
        }
    }

    fn direct(&self) -> Option<Amount> {
        if let Some(stated) = self.budget.direct_costs.as_ref().and_then(|s| s.amount) {
            return Some(stated);
        }
        if self.budget.tasks.is_empty() {
            return None;
        }
        self.budget.tasks.iter().map(|t| self.task(t.task)).sum()
    }

    fn indirect(&self) -> Option<Amount> {
        let costs = self.budget.indirect_costs.as_ref()?;
        if let Some(stated) = costs.amount.as_ref().and_then(|s| s.amount) {
            return Some(stated);
        }
        let rate = costs.flat_rate?;
        apply(
            rate,
            self.direct()?,
            costs.rounding.unwrap_or(PROPORTION_ROUNDING),
        )
    }

    /// The indirect costs settled with `direct` settled: the flat rate of
    /// it, or the stated amount's share of the direct plan; zero without
    /// either. `None` when the product cannot be computed exactly.
    fn indirect_settled(&self, direct: Amount) -> Option<Amount> {
        let Some(costs) = self.budget.indirect_costs.as_ref() else {
            return Some(Amount::ZERO);
        };
        if let Some(rate) = costs.flat_rate {
            return apply(rate, direct, costs.rounding.unwrap_or(PROPORTION_ROUNDING));
        }
        match (costs.amount.as_ref().and_then(|s| s.amount), self.direct()) {
            (Some(stated), Some(plan)) if plan.grosze() > 0 => proportion(
                direct,
                stated,
                plan,
                costs.rounding.unwrap_or(PROPORTION_ROUNDING),
            ),
            _ => Some(Amount::ZERO),
        }
    }

    fn partner(&self, partner: &str) -> Option<Amount> {
        if self.budget.tasks.is_empty() {
            return self
                .budget
                .partners
                .iter()
                .find(|p| p.organisation == partner)
                .and_then(|p| p.total.amount);
        }
        let lines: Vec<Amount> = self
            .budget
            .tasks
            .iter()
            .flat_map(|t| &t.lines)
            .filter(|l| l.partner == partner)
            .map(|l| l.total)
            .collect();
        (!lines.is_empty()).then(|| lines.into_iter().sum())
    }

    fn category(&self, category: &str) -> Option<Amount> {
        let lines: Vec<Amount> = self
            .budget
            .tasks
            .iter()
            .flat_map(|t| &t.lines)
            .filter(|l| l.category == category)
            .map(|l| l.total)
            .collect();
        (!lines.is_empty()).then(|| lines.into_iter().sum())
    }
}

/// One source of financing and how its part of the expenditure is taken.
struct Share {
    source: FundingSource,
    /// Its part of the total, or `None` for the source that takes the
    /// remainder.
    part: Option<Part>,
    rounding: Rounding,
}

enum Part {
    /// stated / total.
    Stated(Amount, Amount),
    /// The programme rate.
    Rate(Rate),
}

/// The shares of the sources of a version's budget; empty when the budget
/// states no sources besides the EU, or no total.
fn shares(budget: &Budget) -> Vec<Share> {
    let Some(total) = budget.total.amount.filter(|t| t.grosze() > 0) else {
        return Vec::new();
    };
    if budget.financing.is_empty() {
        return Vec::new();
    }
    let eu_rounding = budget.eu_rounding.unwrap_or(PROPORTION_ROUNDING);
    let mut out = Vec::new();
    let eu_part = match (budget.eu_contribution.amount, budget.programme_rate) {
        (Some(eu), _) => Some(Part::Stated(eu, total)),
        (None, Some(rate)) => Some(Part::Rate(rate)),
        (None, None) => None,
    };
    if let Some(part) = eu_part {
        out.push(Share {
            source: FundingSource::Eu,
            part: Some(part),
            rounding: eu_rounding,
        });
    }
    let mut derived = false;
    for f in &budget.financing {
        match f.amount.as_ref() {
            Some(stated) => out.push(Share {
                source: f.source,
                // A stated source whose amount is unknown contributes nothing.
                part: Some(Part::Stated(stated.amount.unwrap_or_default(), total)),
                rounding: PROPORTION_ROUNDING,
            }),
            None if !derived => {
                derived = true;
                out.push(Share {
                    source: f.source,
                    part: None,
                    rounding: PROPORTION_ROUNDING,
                });
            }
            // A second derived source (validation reports it): nothing.
            None => out.push(Share {
                source: f.source,
                part: Some(Part::Stated(Amount::ZERO, total)),
                rounding: PROPORTION_ROUNDING,
            }),
        }
    }
    if !derived && let Some(last) = out.last_mut() {
        last.part = None;
    }
    out
}

/// Each share's part of `settled`; the parts sum exactly to it (the
/// derived source takes the remainder).
fn split_by_source(shares: &[Share], settled: Amount) -> Vec<Amount> {
    let mut parts: Vec<Option<Amount>> = shares
        .iter()
        .map(|s| match &s.part {
            Some(Part::Stated(part, whole)) => {
                Some(proportion(settled, *part, *whole, s.rounding).unwrap_or_default())
            }
            Some(Part::Rate(rate)) => Some(apply(*rate, settled, s.rounding).unwrap_or_default()),
            None => None,
        })
        .collect();
    let assigned: Amount = parts.iter().flatten().copied().sum();
    if let Some(rest) = parts.iter_mut().find(|p| p.is_none()) {
        *rest = Some(settled - assigned);
    }
    parts.into_iter().map(Option::unwrap_or_default).collect()
}

/// The budget of a project with no version (the parser refuses one): no
/// figure known.
fn empty_budget() -> Budget {
    Budget {
        total: crate::budget::Stated::unknown(),
        eu_contribution: crate::budget::Stated::unknown(),
        programme_rate: None,
        eu_rounding: None,
        source: None,
        partners: Vec::new(),
        tasks: Vec::new(),
        lines_unpublished: None,
        direct_costs: None,
        indirect_costs: None,
        financing: Vec::new(),
    }
}

/// The day before `date`, if there is one.
fn day_before(date: NaiveDate) -> Option<NaiveDate> {
    date.pred_opt()
}

/// The computation over one book's facts.
#[derive(Debug, Clone)]
pub(super) struct Book {
    pub project: Arc<Project>,
    pub engine: Engine,
    pub facts: Facts,
}

/// The figures the financial progress rests on, as of a date, for the
/// corrections.
struct Financial {
    progress: FinancialProgress,
    /// Cumulative per subject, as of the period's end.
    subjects: BTreeMap<Subject, Amount>,
    /// The total settled as of the day before the start, and as of the end.
    total_before: Amount,
    total_end: Amount,
}

impl Book {
    pub fn new(project: Arc<Project>, register: Option<Arc<Register>>, facts: &[Fact]) -> Book {
        let read = Facts::read(&project, register.as_deref(), facts);
        let mut engine = Engine::new(project.clone(), register);
        for fact in facts {
            engine.apply(fact);
        }
        Book {
            project,
            engine,
            facts: read,
        }
    }

    fn planned(&self, number: u32) -> Result<&PlannedClaim, ClaimError> {
        let schedule = &self.project.payment_schedule;
        if schedule.is_empty() {
            return Err(ClaimError::NoSchedule);
        }
        schedule
            .iter()
            .find(|p| p.number == number)
            .ok_or(ClaimError::UnknownPeriod {
                number,
                last: schedule.iter().map(|p| p.number).max().unwrap_or(0),
            })
    }

    fn version_at(&self, date: NaiveDate) -> Option<&Version> {
        self.project.version_in_force(date)
    }

    pub fn claim(&self, number: u32, filed: &[FiledClaim]) -> Result<Claim, ClaimError> {
        let planned = self.planned(number)?;
        if let Some(f) = filed.iter().find(|f| f.claim.number == number) {
            return Ok(f.claim.clone());
        }
        Ok(self.draft(planned, filed))
    }

    /// The draft of a period, computed from the facts.
    fn draft(&self, planned: &PlannedClaim, filed: &[FiledClaim]) -> Claim {
        let (start, end) = (planned.period.start(), planned.period.end());
        let version = self.version_at(end);
        let version_id = version.map(|v| v.id.clone()).unwrap_or_default();
        let empty = empty_budget();
        let budget = version.map_or(&empty, |v| &v.budget);
        let mut findings = super::schedule_findings(&self.project);

        let material = self.material(&version_id, start, end);
        let financial = self.financial(budget, start, end, &mut findings);
        let (financing, own_before, own_end) = self.financing(
            budget,
            financial.total_before,
            financial.total_end,
            &mut findings,
        );
        let advances = self.advances(
            planned,
            financial.total_before - own_before,
            financial.total_end - own_end,
        );
        let documents = self.documents(start, end);
        self.plan_checks(budget, &version_id, start, end, &mut findings);
        over_plan(&financial.progress, &version_id, &mut findings);

        let last = filed
            .iter()
            .filter(|f| f.claim.number < planned.number)
            .max_by_key(|f| f.claim.number);
        let mut corrections = Vec::new();
        if let Some(last) = last {
            corrections = self.corrections(last);
            below_filed(
                last,
                &material,
                &financial.subjects,
                &corrections,
                &mut findings,
            );
        }
        self.late_expenditure(planned.number, filed, &mut findings);

        Claim {
            project: self.project.id.clone(),
            number: planned.number,
            period: planned.period,
            kinds: planned.kinds.clone(),
            version: version_id,
            status: ClaimStatus::Draft,
            filed_on: None,
            material,
            financial: financial.progress,
            financing,
            advances,
            documents,
            corrections,
            findings,
            excluded: self.facts.excluded.clone(),
        }
    }

    fn report(&self, version: &str, as_of: Option<NaiveDate>) -> Option<Report> {
        self.engine.report_for_version(as_of?, version)
    }

    fn is_ratio(&self, version: &str, id: &str) -> bool {
        let Some((index, _)) = self.project.version(version) else {
            return false;
        };
        self.project.resolve(index).is_some_and(|v| {
            v.indicators
                .iter()
                .any(|i| i.id == id && matches!(i.rule, Some(Rule::Ratio { .. })))
        })
    }

    fn material(&self, version: &str, start: NaiveDate, end: NaiveDate) -> Vec<IndicatorProgress> {
        let Some(at_end) = self.report(version, Some(end)) else {
            return Vec::new();
        };
        let before = self.report(version, day_before(start));
        at_end
            .indicators
            .iter()
            .map(|ind| {
                let earlier = before
                    .as_ref()
                    .and_then(|r| r.indicators.iter().find(|i| i.id == ind.id));
                let ratio = self.is_ratio(version, &ind.id);
                let in_period = match ind.value {
                    Some(value) if !ratio => {
                        let was = earlier.and_then(|e| e.value).unwrap_or_default();
                        value.checked_sub(was)
                    }
                    _ => None,
                };
                let by_sex = ind
                    .by_sex
                    .as_ref()
                    .map(|split| {
                        split
                            .by_sex
                            .iter()
                            .map(|(sex, cell)| {
                                let now = cell.value().unwrap_or(0);
                                let was = earlier
                                    .and_then(|e| e.by_sex.as_ref())
                                    .and_then(|s| s.by_sex.get(sex))
                                    .and_then(|c: &Cell| c.value())
                                    .unwrap_or(0);
                                SexProgress {
                                    sex: *sex,
                                    // Persons counted by a date stay counted
                                    // later (retractions act on every date).
                                    in_period: now.saturating_sub(was),
                                    cumulative: now,
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let sex_unknown = ind.by_sex.as_ref().and_then(|split| {
                    let now = split.unknown.value().unwrap_or(0);
                    let was = earlier
                        .and_then(|e| e.by_sex.as_ref())
                        .and_then(|s| s.unknown.value())
                        .unwrap_or(0);
                    (now > 0).then_some(SexCount {
                        in_period: now.saturating_sub(was),
                        cumulative: now,
                    })
                });
                IndicatorProgress {
                    id: ind.id.clone(),
                    name: ind.name.clone(),
                    name_en: ind.name_en.clone(),
                    kind: ind.kind,
                    unit: ind.unit.clone(),
                    target: Some(match ind.target {
                        Target::Count(n) => Decimal::from(n),
                        Target::Share(rate) => rate.percent(),
                    }),
                    in_period,
                    cumulative: ind.value,
                    share_of_target: ind.share_of_target,
                    by_sex,
                    sex_unknown,
                }
            })
            .collect()
    }

    fn spent_upto(&self, date: Option<NaiveDate>) -> impl Iterator<Item = &Spent> {
        self.facts
            .spent
            .iter()
            .filter(move |s| date.is_some_and(|d| s.date <= d))
    }

    fn financial(
        &self,
        budget: &Budget,
        start: NaiveDate,
        end: NaiveDate,
        findings: &mut Vec<Finding>,
    ) -> Financial {
        let plan = Plan { budget };
        let before = day_before(start);
        let cum = Sums::of(budget, self.spent_upto(Some(end)));
        let prior = Sums::of(budget, self.spent_upto(before));
        let in_period = |get: &dyn Fn(&Sums) -> Amount| get(&cum) - get(&prior);

        let tasks: Vec<TaskProgress> = budget
            .tasks
            .iter()
            .map(|t| {
                let lines = t
                    .lines
                    .iter()
                    .map(|l| {
                        let subject = Subject::Line(t.task, l.id.clone());
                        LineProgress {
                            id: l.id.clone(),
                            name: l.name.clone(),
                            partner: l.partner.clone(),
                            category: l.category.clone(),
                            progress: progress(
                                Some(l.total),
                                in_period(&|s| s.subject(&subject)),
                                cum.subject(&subject),
                            ),
                        }
                    })
                    .collect();
                TaskProgress {
                    task: t.task,
                    title: self
                        .project
                        .tasks
                        .iter()
                        .find(|x| x.number == t.task)
                        .map(|x| x.title.clone())
                        .unwrap_or_default(),
                    progress: progress(
                        plan.task(t.task),
                        in_period(&|s| s.task(t.task)),
                        cum.task(t.task),
                    ),
                    lines,
                }
            })
            .collect();
        let unassigned = progress(
            None,
            in_period(&|s| s.subject(&Subject::Unassigned)),
            cum.subject(&Subject::Unassigned),
        );
        let direct = progress(plan.direct(), in_period(&|s| s.direct), cum.direct);
        let mut indirect_of = |direct: Amount| {
            plan.indirect_settled(direct).unwrap_or_else(|| {
                findings.push(Finding::new(
                    "claim.indirect-overflow",
                    Severity::Error,
                    "budget.indirect_costs",
                    format!(
                        "the indirect costs of direct costs of {} cannot be computed exactly",
                        direct.to_polish()
                    ),
                ));
                Amount::ZERO
            })
        };
        let indirect_end = indirect_of(cum.direct);
        let indirect_before = indirect_of(prior.direct);
        let indirect = progress(
            plan.indirect(),
            indirect_end - indirect_before,
            indirect_end,
        );
        let total_end = cum.direct + indirect_end;
        let total_before = prior.direct + indirect_before;
        let total = progress(budget.total.amount, total_end - total_before, total_end);

        let mut partners: Vec<String> = self
            .project
            .organisations
            .iter()
            .map(|o| o.id.clone())
            .filter(|id| plan.partner(id).is_some() || cum.by_partner.contains_key(id))
            .collect();
        for id in cum.by_partner.keys() {
            if !partners.contains(id) {
                partners.push(id.clone());
            }
        }
        let by_partner = partners
            .into_iter()
            .map(|id| {
                let p = progress(
                    plan.partner(&id),
                    in_period(&|s| s.by_partner.get(&id).copied().unwrap_or_default()),
                    cum.by_partner.get(&id).copied().unwrap_or_default(),
                );
                (id, p)
            })
            .collect();
        let mut categories: BTreeSet<String> = cum.by_category.keys().cloned().collect();
        categories.extend(
            budget
                .tasks
                .iter()
                .flat_map(|t| &t.lines)
                .map(|l| l.category.clone()),
        );
        let by_category = categories
            .into_iter()
            .map(|c| {
                let p = progress(
                    plan.category(&c),
                    in_period(&|s| s.by_category.get(&c).copied().unwrap_or_default()),
                    cum.by_category.get(&c).copied().unwrap_or_default(),
                );
                (c, p)
            })
            .collect();
        Financial {
            progress: FinancialProgress {
                tasks,
                unassigned,
                direct,
                indirect,
                total,
                by_partner,
                by_category,
            },
            subjects: cum.by_subject,
            total_before,
            total_end,
        }
    }

    /// The sources' parts of the period's expenditure, and the own and JST
    /// contributions within the total settled before the period and up to
    /// its end.
    fn financing(
        &self,
        budget: &Budget,
        total_before: Amount,
        total_end: Amount,
        findings: &mut Vec<Finding>,
    ) -> (Vec<SourceAmount>, Amount, Amount) {
        let shares = shares(budget);
        if shares.is_empty() {
            findings.push(Finding::new(
                "claim.financing-unstated",
                Severity::Info,
                "budget.financing",
                "the budget states no sources of financing besides the EU (or no total): the claim's expenditure is not split by source",
            ));
            return (Vec::new(), Amount::ZERO, Amount::ZERO);
        }
        let end = split_by_source(&shares, total_end);
        let before = split_by_source(&shares, total_before);
        let mut own = (Amount::ZERO, Amount::ZERO);
        let parts = shares
            .iter()
            .zip(end.iter().zip(&before))
            .map(|(share, (&end, &before))| {
                if matches!(share.source, FundingSource::Own | FundingSource::Jst) {
                    own = (own.0 + before, own.1 + end);
                }
                SourceAmount {
                    source: share.source,
                    in_period: end - before,
                    cumulative: end,
                    rounding: share.rounding,
                    derived: share.part.is_none(),
                }
            })
            .collect();
        (parts, own.0, own.1)
    }

    fn advances(
        &self,
        planned: &PlannedClaim,
        cofinancing_before: Amount,
        cofinancing_end: Amount,
    ) -> AdvanceSettlement {
        let (start, end) = (planned.period.start(), planned.period.end());
        let received = |upto: Option<NaiveDate>| -> Amount {
            self.facts
                .transfers
                .iter()
                .filter(|(_, d, _)| upto.is_some_and(|u| *d <= u))
                .map(|(_, _, a)| *a)
                .sum()
        };
        let received_before = received(day_before(start));
        let received_end = received(Some(end));
        let settled =
            |cofinancing: Amount, received: Amount| cofinancing.min(received).max(Amount::ZERO);
        let settled_before = settled(cofinancing_before, received_before);
        let settled_end = settled(cofinancing_end, received_end);
        let settled_in_period = settled_end - settled_before;
        let refund_asked = if planned.kinds.contains(&super::ClaimKind::Refund) {
            (cofinancing_end - cofinancing_before - settled_in_period).max(Amount::ZERO)
        } else {
            Amount::ZERO
        };
        AdvanceSettlement {
            received_before,
            received_in_period: received_end - received_before,
            settled_before,
            settled_in_period,
            to_settle: received_end - settled_end,
            refund_asked,
        }
    }

    fn documents(&self, start: NaiveDate, end: NaiveDate) -> Vec<DocumentLine> {
        let mut spent: Vec<&Spent> = self
            .facts
            .spent
            .iter()
            .filter(|s| s.date >= start && s.date <= end)
            .collect();
        spent.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        spent
            .into_iter()
            .map(|s| DocumentLine {
                fact: s.id.clone(),
                number: s
                    .document
                    .as_ref()
                    .map_or_else(|| s.id.clone(), |d| d.number.clone()),
                issuer: s.document.as_ref().and_then(|d| d.issuer.clone()),
                issued: s.document.as_ref().and_then(|d| d.issued),
                paid: s.date,
                gross: s.document.as_ref().and_then(|d| d.gross),
                eligible: s.amount,
                vat: s.document.as_ref().and_then(|d| d.vat),
                task: s.plan.as_ref().map(|p| p.task),
                line: s.plan.as_ref().and_then(|p| p.line.clone()),
                category: s.category.clone(),
                partner: s.partner.clone(),
            })
            .collect()
    }

    /// `claim.unknown-line` and `claim.category-mismatch` for the
    /// expenditure dated in the period, against a budget with tasks.
    fn plan_checks(
        &self,
        budget: &Budget,
        version: &str,
        start: NaiveDate,
        end: NaiveDate,
        findings: &mut Vec<Finding>,
    ) {
        if budget.tasks.is_empty() {
            return;
        }
        for s in self
            .facts
            .spent
            .iter()
            .filter(|s| s.date >= start && s.date <= end)
        {
            let Some(plan) = &s.plan else { continue };
            let path = format!("facts[{}]", s.id);
            let Some(task) = budget.tasks.iter().find(|t| t.task == plan.task) else {
                findings.push(Finding::new(
                    "claim.unknown-line",
                    Severity::Error,
                    path,
                    format!(
                        "expenditure {} names task {}, which the budget of version {version} does not have",
                        s.id, plan.task
                    ),
                ));
                continue;
            };
            let Some(line_id) = &plan.line else { continue };
            match task.lines.iter().find(|l| &l.id == line_id) {
                None => findings.push(Finding::new(
                    "claim.unknown-line",
                    Severity::Error,
                    path,
                    format!(
                        "expenditure {} names cost line {line_id} of task {}, which the budget of version {version} does not have",
                        s.id, plan.task
                    ),
                )),
                Some(line) if line.category != s.category => findings.push(Finding::new(
                    "claim.category-mismatch",
                    Severity::Error,
                    path,
                    format!(
                        "expenditure {} is of category {}, but its cost line {line_id} is of category {}",
                        s.id, s.category, line.category
                    ),
                )),
                Some(_) => {}
            }
        }
    }

    /// The corrections of the last filed claim: each figure the facts give
    /// now for its period that differs from the figure as filed.
    fn corrections(&self, last: &FiledClaim) -> Vec<Correction> {
        let filed = &last.claim;
        let retracted_in = |kind_is_spent: Option<&Subject>, budget: &Budget| -> Vec<String> {
            last.counted
                .iter()
                .filter(|id| match self.facts.retracted.get(*id) {
                    None => false,
                    Some((kind, spent)) => match kind_is_spent {
                        Some(subject) => spent
                            .as_ref()
                            .is_some_and(|s| &Subject::of(budget, s.plan.as_ref()) == subject),
                        None => kind != "expenditure" && kind != "transfer",
                    },
                })
                .cloned()
                .collect()
        };
        let empty = empty_budget();
        let budget = self
            .project
            .version(&filed.version)
            .map_or(&empty, |(_, v)| &v.budget);
        let mut out = Vec::new();
        let end = filed.period.end();
        if let Some(now) = self.report(&filed.version, Some(end)) {
            for ind in &filed.material {
                let Some(was) = ind.cumulative else { continue };
                let Some(is) = now
                    .indicators
                    .iter()
                    .find(|i| i.id == ind.id)
                    .and_then(|i| i.value)
                else {
                    continue;
                };
                if is != was {
                    out.push(Correction {
                        corrects: filed.number,
                        subject: Corrected::Indicator { id: ind.id.clone() },
                        filed: was,
                        now: is,
                        difference: is - was,
                        retracted: retracted_in(None, budget),
                    });
                }
            }
        }
        let now = Sums::of(budget, self.spent_upto(Some(end))).by_subject;
        let was = filed_subjects(filed);
        let subjects: BTreeSet<&Subject> = now.keys().chain(was.keys()).collect();
        for subject in subjects {
            let is = now.get(subject).copied().unwrap_or_default();
            let filed_amount = was.get(subject).copied().unwrap_or_default();
            if is != filed_amount {
                out.push(Correction {
                    corrects: filed.number,
                    subject: subject.corrected(),
                    filed: filed_amount.as_decimal(),
                    now: is.as_decimal(),
                    difference: (is - filed_amount).as_decimal(),
                    retracted: retracted_in(Some(subject), budget),
                });
            }
        }
        out
    }

    /// `claim.expenditure-outside-period`: live expenditure dated in the
    /// period of a claim filed before this one that the filed claim did not
    /// count.
    fn late_expenditure(&self, number: u32, filed: &[FiledClaim], findings: &mut Vec<Finding>) {
        for f in filed.iter().filter(|f| f.claim.number < number) {
            let counted: BTreeSet<&str> = f.counted.iter().map(String::as_str).collect();
            for s in &self.facts.spent {
                if f.claim.period.contains(s.date) && !counted.contains(s.id.as_str()) {
                    findings.push(Finding::new(
                        "claim.expenditure-outside-period",
                        Severity::Error,
                        format!("facts[{}]", s.id),
                        format!(
                            "expenditure {} of {} is dated {}, in the period of claim {}, filed already without it; it cannot go into claim {number}",
                            s.id,
                            s.amount.to_polish(),
                            s.date,
                            f.claim.number
                        ),
                    ));
                }
            }
        }
    }

    pub fn file(
        &self,
        number: u32,
        on: NaiveDate,
        filed: &[FiledClaim],
    ) -> Result<FiledClaim, ClaimError> {
        let planned = self.planned(number)?;
        if filed.iter().any(|f| f.claim.number == number) {
            return Err(ClaimError::AlreadyFiled { number });
        }
        if let Some(missing) = self
            .project
            .payment_schedule
            .iter()
            .map(|p| p.number)
            .filter(|n| *n < number)
            .filter(|n| !filed.iter().any(|f| f.claim.number == *n))
            .min()
        {
            return Err(ClaimError::NotInOrder { number, missing });
        }
        let mut claim = self.draft(planned, filed);
        let codes: Vec<String> = claim
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.code.to_owned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if !codes.is_empty() {
            return Err(ClaimError::Rejected { number, codes });
        }
        claim.status = ClaimStatus::Filed;
        claim.filed_on = Some(on);
        let end = planned.period.end();
        let mut counted: Vec<String> = self
            .facts
            .live
            .iter()
            .filter(|(_, d)| *d <= end)
            .map(|(id, _)| id.clone())
            .collect();
        counted.sort();
        counted.dedup();
        Ok(FiledClaim { claim, counted })
    }
}

/// The cumulative figures of a filed claim by subject: each line, each
/// task's remainder off its lines, the unassigned.
fn filed_subjects(claim: &Claim) -> BTreeMap<Subject, Amount> {
    let mut out = BTreeMap::new();
    for task in &claim.financial.tasks {
        let mut lines = Amount::ZERO;
        for line in &task.lines {
            out.insert(
                Subject::Line(task.task, line.id.clone()),
                line.progress.cumulative,
            );
            lines = lines + line.progress.cumulative;
        }
        out.insert(Subject::Task(task.task), task.progress.cumulative - lines);
    }
    out.insert(Subject::Unassigned, claim.financial.unassigned.cumulative);
    out.retain(|_, a| !a.grosze().eq(&0));
    out
}

/// `claim.cumulative-below-filed`: a cumulative figure below the last filed
/// claim's with no correction of it.
fn below_filed(
    last: &FiledClaim,
    material: &[IndicatorProgress],
    subjects: &BTreeMap<Subject, Amount>,
    corrections: &[Correction],
    findings: &mut Vec<Finding>,
) {
    let corrected = |subject: &Corrected| corrections.iter().any(|c| &c.subject == subject);
    for ind in material {
        let (Some(_), Some(now)) = (ind.in_period, ind.cumulative) else {
            continue;
        };
        let Some(was) = last
            .claim
            .material
            .iter()
            .find(|i| i.id == ind.id)
            .and_then(|i| i.cumulative)
        else {
            continue;
        };
        if now < was && !corrected(&Corrected::Indicator { id: ind.id.clone() }) {
            findings.push(Finding::new(
                "claim.cumulative-below-filed",
                Severity::Error,
                format!("material[{}]", ind.id),
                format!(
                    "indicator {} stands at {now} since the start, below the {was} of claim {}, with no correction explaining it",
                    ind.id, last.claim.number
                ),
            ));
        }
    }
    for (subject, was) in filed_subjects(&last.claim) {
        let now = subjects.get(&subject).copied().unwrap_or_default();
        if now < was && !corrected(&subject.corrected()) {
            let name = match &subject {
                Subject::Line(t, l) => format!("cost line {l} of task {t}"),
                Subject::Task(t) => format!("task {t} (off its lines)"),
                Subject::Unassigned => "the expenditure on no task".to_owned(),
            };
            findings.push(Finding::new(
                "claim.cumulative-below-filed",
                Severity::Error,
                "financial",
                format!(
                    "{name} stands at {} since the start, below the {} of claim {}, with no correction explaining it",
                    now.to_polish(),
                    was.to_polish(),
                    last.claim.number
                ),
            ));
        }
    }
}

/// The warnings on overspending: a line, a task, a partner or the project
/// above its plan, with the amount over.
fn over_plan(financial: &FinancialProgress, version: &str, findings: &mut Vec<Finding>) {
    let mut warn = |code: &'static str, path: String, what: String, p: &Progress| {
        let Some(plan) = p.plan else { return };
        if p.cumulative > plan {
            findings.push(Finding::new(
                code,
                Severity::Warning,
                path,
                format!(
                    "{what}: spent {} since the start of a plan of {}, {} over the plan",
                    p.cumulative.to_polish(),
                    plan.to_polish(),
                    (p.cumulative - plan).to_polish()
                ),
            ));
        }
    };
    for task in &financial.tasks {
        for line in &task.lines {
            warn(
                "claim.line-over-plan",
                format!(
                    "versions[{version}].budget.tasks[{}].lines[{}]",
                    task.task, line.id
                ),
                format!(
                    "cost line {} ({}) of task {}",
                    line.id, line.name, task.task
                ),
                &line.progress,
            );
        }
        warn(
            "claim.task-over-plan",
            format!("versions[{version}].budget.tasks[{}]", task.task),
            format!("task {}", task.task),
            &task.progress,
        );
    }
    for (partner, p) in &financial.by_partner {
        warn(
            "claim.partner-over-plan",
            format!("versions[{version}].budget.partners[{partner}]"),
            format!("partner {partner}"),
            p,
        );
    }
    warn(
        "claim.project-over-plan",
        format!("versions[{version}].budget.total"),
        "the project".to_owned(),
        &financial.total,
    );
}
