//! Payment claims (wnioski o płatność): the report a beneficiary files for
//! each reporting period of its claim schedule (harmonogram płatności).
//!
//! A [`Claim`] is one value, computed by a [`ClaimBook`] from the project, its
//! facts and the claims already filed: material progress (each indicator of
//! the version in force: target, value in the period, cumulative value, share
//! of target, by sex for persons), financial progress (per task and cost line:
//! plan, expenditure in the period, cumulative, share), the sources of
//! financing of the period, the advance received and settled, the list of
//! expenditure documents (zestawienie dokumentów) and the checks that would
//! make the central system reject it.
//!
//! Core stays pure: the filed claims are an input ([`FiledClaim`]); the server
//! stores them, the CLI reads them from a file. A filed claim's figures never
//! change: a later retraction of a fact it counted shows up as a
//! [`Correction`] in the next claim.
//!
//! The programme's rules ([`ProgrammeRules`]: flat rates of indirect costs,
//! limits, claim kinds) are data in the project file, with their source.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::budget::FundingSource;
use crate::facts::Fact;
use crate::indicator::IndicatorKind;
use crate::money::{Amount, Rate, Rounding};
use crate::participant::Sex;
use crate::period::Period;
use crate::project::Project;
use crate::territory::Register;
use crate::validate::Finding;

mod compute;

/// The kind of a payment claim, as SL2014 and SL2021 name them. A claim may be
/// of several kinds at once (an advance request that also settles the last
/// advance and reports progress).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// Wniosek o zaliczkę: asks for an advance.
    Advance,
    /// Wniosek o refundację: asks to refund expenditure already paid.
    Refund,
    /// Wniosek rozliczający zaliczkę: settles an advance received with
    /// expenditure.
    Settlement,
    /// Wniosek sprawozdawczy: reports progress only, asks for no money.
    Reporting,
    /// Wniosek końcowy: the final claim.
    Final,
}

impl ClaimKind {
    /// The machine name, as the project file writes it (`settlement`).
    ///
    /// ```
    /// use kooperacja_core::claim::ClaimKind;
    /// assert_eq!(ClaimKind::Settlement.machine(), "settlement");
    /// ```
    pub fn machine(self) -> &'static str {
        match self {
            ClaimKind::Advance => "advance",
            ClaimKind::Refund => "refund",
            ClaimKind::Settlement => "settlement",
            ClaimKind::Reporting => "reporting",
            ClaimKind::Final => "final",
        }
    }

    /// Every kind, in order.
    pub const ALL: [ClaimKind; 5] = [
        ClaimKind::Advance,
        ClaimKind::Refund,
        ClaimKind::Settlement,
        ClaimKind::Reporting,
        ClaimKind::Final,
    ];
}

/// Where a claim stands in its life: draft, filed, returned for correction,
/// corrected, approved.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimStatus {
    /// Computed from the facts; not filed yet: its figures follow the facts.
    Draft,
    /// Filed (złożony): its figures are frozen as submitted.
    Filed,
    /// Returned by the institution for correction (do poprawy).
    Returned,
    /// Corrected and filed again (poprawiony).
    Corrected,
    /// Approved (zatwierdzony).
    Approved,
}

impl ClaimStatus {
    /// Whether a claim in this status may move to `next`: draft → filed;
    /// filed or corrected → returned or approved; returned → corrected.
    ///
    /// ```
    /// use kooperacja_core::claim::ClaimStatus;
    /// assert!(ClaimStatus::Draft.can_become(ClaimStatus::Filed));
    /// assert!(!ClaimStatus::Approved.can_become(ClaimStatus::Returned));
    /// ```
    pub fn can_become(self, next: ClaimStatus) -> bool {
        use ClaimStatus::*;
        matches!(
            (self, next),
            (Draft, Filed)
                | (Filed, Returned)
                | (Filed, Approved)
                | (Returned, Corrected)
                | (Corrected, Returned)
                | (Corrected, Approved)
        )
    }
}

/// One band of a programme's table of flat rates of indirect costs: the rate
/// for direct costs up to `up_to` (inclusive) and above the previous band's
/// bound; the last band has no bound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlatRateBand {
    /// The upper bound of the direct costs, inclusive; absent for the last band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<Amount>,
    /// The flat rate of indirect costs for direct costs in the band.
    pub rate: Rate,
}

/// The programme's rules that budgets and claims are checked against, as data
/// with their source (`[programme.rules]` in the project file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeRules {
    /// The table of flat rates of indirect costs by the value of direct
    /// costs, bands in ascending order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indirect_rates: Vec<FlatRateBand>,
    /// The most cross-financing may be, as a share of the project's total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_financing_limit: Option<Rate>,
    /// The most purchases of fixed assets may be, as a share of the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_assets_limit: Option<Rate>,
    /// The claim kinds the programme has; empty means all of [`ClaimKind`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claim_kinds: Vec<ClaimKind>,
    /// Where the rules are written (the guideline, its version and section).
    pub source: String,
}

impl ProgrammeRules {
    /// The flat rate the table gives for direct costs of `direct`: the first
    /// band whose bound is at least `direct`.
    ///
    /// ```
    /// use kooperacja_core::claim::{FlatRateBand, ProgrammeRules};
    /// use kooperacja_core::money::{Amount, Rate};
    /// let rules = ProgrammeRules {
    ///     indirect_rates: vec![
    ///         FlatRateBand { up_to: Some(Amount::parse("830 000,00")?), rate: Rate::parse("25 %")? },
    ///         FlatRateBand { up_to: None, rate: Rate::parse("20 %")? },
    ///     ],
    ///     cross_financing_limit: None, fixed_assets_limit: None, claim_kinds: vec![],
    ///     source: "guideline".into(),
    /// };
    /// assert_eq!(rules.indirect_rate_for(Amount::parse("830 000,00")?), Some(Rate::parse("25 %")?));
    /// assert_eq!(rules.indirect_rate_for(Amount::parse("830 000,01")?), Some(Rate::parse("20 %")?));
    /// # Ok::<(), kooperacja_core::money::MoneyError>(())
    /// ```
    pub fn indirect_rate_for(&self, direct: Amount) -> Option<Rate> {
        self.indirect_rates
            .iter()
            .find(|band| band.up_to.is_none_or(|bound| direct <= bound))
            .map(|band| band.rate)
    }
}

/// One reporting period of the claim schedule (harmonogram płatności).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlannedClaim {
    /// The claim's number, from 1, in order.
    pub number: u32,
    /// The reporting period; each starts the day after the previous ends.
    pub period: Period,
    /// The claim's kinds.
    pub kinds: Vec<ClaimKind>,
    /// The expenditure planned for the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_expenditure: Option<Amount>,
    /// The advance (or refund) planned to be asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_advance: Option<Amount>,
    /// Where the schedule comes from; `"assumed"` when no source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// An exact share in a claim, as a [`Rate`] writes it (`"2.5 %"`,
/// `"0.23333333333333333333333333 %"`), read back without [`Rate::parse`]'s
/// limit of 8 decimals (which is for rates a file states), so that a filed
/// claim reads back exactly as it was written.
///
/// ```
/// use kooperacja_core::claim::Progress;
/// use kooperacja_core::money::{Amount, Rate};
/// let p = Progress {
///     plan: Some(Amount::parse("30 000,00")?),
///     in_period: Amount::ZERO,
///     cumulative: Amount::parse("70,00")?,
///     share: Rate::implied(Amount::parse("70,00")?, Amount::parse("30 000,00")?),
/// };
/// let text = serde_json::to_string(&p).unwrap();
/// assert!(text.contains("\"0.23333333333333333333333333 %\""));
/// assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), p);
/// # Ok::<(), kooperacja_core::money::MoneyError>(())
/// ```
mod exact_share {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::money::Rate;

    pub fn serialize<S: Serializer>(rate: &Option<Rate>, serializer: S) -> Result<S::Ok, S::Error> {
        rate.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Rate>, D::Error> {
        let Some(text) = Option::<String>::deserialize(deserializer)? else {
            return Ok(None);
        };
        let number = text.trim().trim_end_matches('%').trim_end();
        let percent: Decimal = number.parse().map_err(|_| {
            serde::de::Error::custom(format!(
                "not a share: {text:?}; expected a percentage like \"2.5 %\""
            ))
        })?;
        Ok(Some(Rate::from_percent(percent)))
    }
}

/// Progress of one money figure: the plan, the expenditure in the period and
/// since the start, and the cumulative share of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Progress {
    /// The plan (of the version in force at the period's end); `None` when
    /// the plan has no such figure.
    pub plan: Option<Amount>,
    /// Expenditure in the period.
    pub in_period: Amount,
    /// Expenditure since the start, up to the period's end.
    pub cumulative: Amount,
    /// cumulative / plan, when there is a plan above zero; exact (written
    /// with every decimal, and read back so).
    #[serde(with = "exact_share")]
    #[schemars(with = "Option<Rate>")]
    pub share: Option<Rate>,
}

/// The material progress of one indicator in a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct IndicatorProgress {
    /// The indicator's id.
    pub id: String,
    /// Its name, in Polish.
    pub name: String,
    /// Its name in English.
    pub name_en: Option<String>,
    /// Product or result.
    pub kind: IndicatorKind,
    /// The unit.
    pub unit: String,
    /// The target value (of the version in force).
    #[schemars(with = "Option<String>")]
    pub target: Option<Decimal>,
    /// The value in the period: for counts and sums, the facts dated in it;
    /// for distinct counts, the keys first counted in it; `None` for ratios
    /// (a ratio has no value of a period).
    #[schemars(with = "Option<String>")]
    pub in_period: Option<Decimal>,
    /// The value since the start, as of the period's end.
    #[schemars(with = "Option<String>")]
    pub cumulative: Option<Decimal>,
    /// cumulative / target; exact (written with every decimal, and read
    /// back so).
    #[serde(with = "exact_share")]
    #[schemars(with = "Option<Rate>")]
    pub share_of_target: Option<Rate>,
    /// For indicators of persons, the split by sex (K, M, …); the total
    /// (ogółem) is `in_period` and `cumulative`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_sex: Vec<SexProgress>,
    /// For indicators of persons, those with no recorded sex (płeć nieznana),
    /// when there are any: with `by_sex` they sum to the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex_unknown: Option<SexCount>,
}

/// Persons of one part of a split, in the period and since the start.
///
/// ```
/// use kooperacja_core::claim::SexCount;
/// let c = SexCount { in_period: 2, cumulative: 95 };
/// assert!(c.in_period <= c.cumulative);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SexCount {
    /// In the period.
    pub in_period: u64,
    /// Since the start.
    pub cumulative: u64,
}

/// One sex's part of a person indicator in a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SexProgress {
    /// The sex category.
    pub sex: Sex,
    /// In the period.
    pub in_period: u64,
    /// Since the start.
    pub cumulative: u64,
}

/// The financial progress of one cost line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LineProgress {
    /// The line's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The partner that incurs it.
    pub partner: String,
    /// Its category.
    pub category: String,
    /// Plan, period, cumulative, share.
    pub progress: Progress,
}

/// The financial progress of one task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TaskProgress {
    /// The task's number.
    pub task: u32,
    /// Its title.
    pub title: String,
    /// Plan, period, cumulative, share.
    pub progress: Progress,
    /// Its cost lines.
    pub lines: Vec<LineProgress>,
}

/// The financial progress of a claim (postęp finansowy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FinancialProgress {
    /// Per task, in task order.
    pub tasks: Vec<TaskProgress>,
    /// Expenditure naming no task or line of the plan (by category only).
    pub unassigned: Progress,
    /// The direct costs: the tasks and the unassigned.
    pub direct: Progress,
    /// The indirect costs, settled at the flat rate of the direct costs
    /// settled (or as stated, for a budget without a flat rate).
    pub indirect: Progress,
    /// Direct plus indirect.
    pub total: Progress,
    /// Per partner (organisation id), in the file's order of organisations.
    pub by_partner: Vec<(String, Progress)>,
    /// Per category, in name order.
    pub by_category: Vec<(String, Progress)>,
}

/// One source's part of a claim's expenditure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SourceAmount {
    /// The source.
    pub source: FundingSource,
    /// Its part of the period's expenditure.
    pub in_period: Amount,
    /// Its part since the start.
    pub cumulative: Amount,
    /// How the part was rounded.
    pub rounding: Rounding,
    /// Whether the source takes the remainder (the derived source, or the
    /// last one when none is derived), so that the parts sum exactly.
    #[serde(default)]
    pub derived: bool,
}

/// The advances received and settled (rozliczenie zaliczek).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AdvanceSettlement {
    /// Advances received before the period (transfer facts).
    pub received_before: Amount,
    /// Advances received in the period.
    pub received_in_period: Amount,
    /// Advance settled by earlier claims.
    pub settled_before: Amount,
    /// Advance this claim settles with its expenditure.
    pub settled_in_period: Amount,
    /// What remains to be settled after this claim.
    pub to_settle: Amount,
    /// What this claim asks to be refunded (expenditure beyond the advance).
    pub refund_asked: Amount,
}

/// One line of the list of expenditure documents (zestawienie dokumentów).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DocumentLine {
    /// The expenditure fact's id.
    pub fact: String,
    /// The document's number (invoice, payroll); the fact id when none is given.
    pub number: String,
    /// The issuer (its NIP or firm), if given.
    pub issuer: Option<String>,
    /// The day the document was issued, if given.
    #[serde(with = "crate::period::date_serde::option")]
    #[schemars(with = "Option<crate::period::Date>")]
    pub issued: Option<NaiveDate>,
    /// The day it was paid: the fact's date.
    #[serde(with = "crate::period::date_serde")]
    #[schemars(with = "crate::period::Date")]
    pub paid: NaiveDate,
    /// The gross amount of the document, if given.
    pub gross: Option<Amount>,
    /// The eligible amount: the fact's amount.
    pub eligible: Amount,
    /// The VAT within the eligible amount, if given.
    pub vat: Option<Amount>,
    /// The task, if named.
    pub task: Option<u32>,
    /// The cost line, if named.
    pub line: Option<String>,
    /// The category.
    pub category: String,
    /// The partner that paid.
    pub partner: String,
}

/// What a correction corrects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "of", rename_all = "kebab-case")]
pub enum Corrected {
    /// An indicator's cumulative value.
    Indicator {
        /// The indicator's id.
        id: String,
    },
    /// The expenditure of a cost line (or of a task's unassigned part).
    Expenditure {
        /// The task, if the expenditure named one.
        task: Option<u32>,
        /// The line, if the expenditure named one.
        line: Option<String>,
    },
}

/// A correction line: a figure of an earlier filed claim that the facts no
/// longer support (a fact it counted was retracted), shown in this claim
/// instead of changing the filed one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Correction {
    /// The number of the filed claim corrected.
    pub corrects: u32,
    /// What is corrected.
    pub subject: Corrected,
    /// The figure as filed.
    #[schemars(with = "String")]
    pub filed: Decimal,
    /// The figure the facts give now, for the same period.
    #[schemars(with = "String")]
    pub now: Decimal,
    /// now − filed.
    #[schemars(with = "String")]
    pub difference: Decimal,
    /// The retracted facts that explain it.
    pub retracted: Vec<String>,
}

/// The payment claim for one period of the claim schedule; see the module
/// documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Claim {
    /// The project's id.
    pub project: String,
    /// The claim's number in the schedule.
    pub number: u32,
    /// The reporting period.
    pub period: Period,
    /// The claim's kinds.
    pub kinds: Vec<ClaimKind>,
    /// The version in force at the period's end (id).
    pub version: String,
    /// Where the claim stands.
    pub status: ClaimStatus,
    /// The day it was filed, once filed.
    #[serde(with = "crate::period::date_serde::option")]
    #[schemars(with = "Option<crate::period::Date>")]
    pub filed_on: Option<NaiveDate>,
    /// Postęp rzeczowy: every indicator of the version in force.
    pub material: Vec<IndicatorProgress>,
    /// Postęp finansowy.
    pub financial: FinancialProgress,
    /// Źródła finansowania wydatków: the period's expenditure by source.
    pub financing: Vec<SourceAmount>,
    /// Rozliczenie zaliczek.
    pub advances: AdvanceSettlement,
    /// Zestawienie dokumentów: the expenditure dated in the period, by date
    /// then fact id.
    pub documents: Vec<DocumentLine>,
    /// Corrections of earlier filed claims.
    pub corrections: Vec<Correction>,
    /// The checks that would make the central system reject the claim (and
    /// the warnings on overspending); not kept when a filed claim is read back.
    #[serde(skip_deserializing)]
    #[schemars(skip)]
    pub findings: Vec<Finding>,
    /// The facts excluded by the admission (they count nowhere), by reason
    /// code.
    pub excluded: BTreeMap<String, u64>,
}

/// A claim as filed: its figures as submitted, frozen, and where it stands
/// since. The CLI keeps these in a JSON file (`--filed FILE`), the server in
/// its store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FiledClaim {
    /// The claim as submitted; its `status` is where it stands now.
    pub claim: Claim,
    /// The ids of the facts its figures counted (expenditure, transfers and
    /// the facts of every indicator), so that a later retraction of one is
    /// found and shown as a correction.
    #[serde(default)]
    pub counted: Vec<String>,
}

impl FiledClaim {
    /// Moves the filed claim on in its life (returned for correction,
    /// corrected, approved), if its status allows it
    /// ([`ClaimStatus::can_become`]); its figures stay as filed.
    ///
    /// ```
    /// # use kooperacja_core::claim::*;
    /// # let json = r#"{"project":"p","number":1,"period":{"start":"2024-01-01","end":"2024-03-31"},"kinds":["reporting"],"version":"umowa","status":"filed","filed_on":"2024-04-02","material":[],"financial":{"tasks":[],"unassigned":{"plan":null,"in_period":"0.00","cumulative":"0.00","share":null},"direct":{"plan":null,"in_period":"0.00","cumulative":"0.00","share":null},"indirect":{"plan":null,"in_period":"0.00","cumulative":"0.00","share":null},"total":{"plan":null,"in_period":"0.00","cumulative":"0.00","share":null},"by_partner":[],"by_category":[]},"financing":[],"advances":{"received_before":"0.00","received_in_period":"0.00","settled_before":"0.00","settled_in_period":"0.00","to_settle":"0.00","refund_asked":"0.00"},"documents":[],"corrections":[],"excluded":{}}"#;
    /// let mut filed = FiledClaim { claim: serde_json::from_str(json).unwrap(), counted: vec![] };
    /// filed.set_status(ClaimStatus::Approved)?;
    /// assert_eq!(filed.claim.status, ClaimStatus::Approved);
    /// assert!(matches!(filed.set_status(ClaimStatus::Returned), Err(ClaimError::Transition { number: 1, .. })));
    /// # Ok::<(), ClaimError>(())
    /// ```
    pub fn set_status(&mut self, next: ClaimStatus) -> Result<(), ClaimError> {
        let from = self.claim.status;
        if !from.can_become(next) {
            return Err(ClaimError::Transition {
                number: self.claim.number,
                from,
                to: next,
            });
        }
        self.claim.status = next;
        Ok(())
    }
}

/// Why a claim cannot be computed, filed or moved on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClaimError {
    /// The project states no claim schedule.
    #[error("the project states no claim schedule (payment_schedule)")]
    NoSchedule,
    /// No period of the schedule has this number.
    #[error("the claim schedule has no period {number}; it has 1 to {last}")]
    UnknownPeriod {
        /// The number asked for.
        number: u32,
        /// The last number of the schedule.
        last: u32,
    },
    /// A claim is filed before the one before it.
    #[error("claim {number} cannot be filed before claim {missing}")]
    NotInOrder {
        /// The claim to be filed.
        number: u32,
        /// The earlier claim not filed yet.
        missing: u32,
    },
    /// The claim is filed already.
    #[error("claim {number} is filed already")]
    AlreadyFiled {
        /// The claim.
        number: u32,
    },
    /// The claim has findings that the central system would reject it for.
    #[error("claim {number} would be rejected: {}", codes.join(", "))]
    Rejected {
        /// The claim.
        number: u32,
        /// The codes of the findings that block it.
        codes: Vec<String>,
    },
    /// A status change the claim's life does not allow.
    #[error("claim {number} cannot go from {from:?} to {to:?}")]
    Transition {
        /// The claim.
        number: u32,
        /// Where it stands.
        from: ClaimStatus,
        /// Where it was asked to go.
        to: ClaimStatus,
    },
}

/// Computes the claims of one project from its facts; see the module
/// documentation. Built once over the facts, it gives any period's claim.
///
/// ```
/// # use std::sync::Arc;
/// # use kooperacja_core::claim::{ClaimBook, ClaimError, ClaimStatus};
/// # use kooperacja_core::facts::{FactReader, Format};
/// # use kooperacja_core::money::Amount;
/// # use kooperacja_core::project::Project;
/// # use kooperacja_core::pseudonym::PseudonymKey;
/// # let project = Arc::new(Project::parse(r#"
/// # format = 2
/// # id = "p"
/// # title = "P"
/// # programme = { name = "P", short = "P", action = "1", action_name = "A", fund = "EFS+" }
/// # organisations = [{ id = "lider", role = "leader", kind = "rops", name = "Lider" }]
/// # tasks = [{ number = 1, title = "Zadanie" }]
/// # territory = { voivodeships = [{ code = "04", name = "kujawsko-pomorskie" }] }
/// # [[versions]]
/// # id = "umowa"
/// # kind = "agreement"
/// # label = "Umowa"
/// # period = { start = 2024-01-01, end = 2024-12-31 }
/// # goal = { text = "Cel" }
/// # [versions.budget]
/// # total = "11 000,00 zł"
/// # eu_contribution = "9 350,00 zł"
/// # indirect_costs = { flat_rate = "10 %", rounding = "down" }
/// # financing = [{ source = "state-budget" }]
/// # [[versions.budget.tasks]]
/// # task = 1
/// # lines = [{ id = "1.1", name = "Wynagrodzenia", partner = "lider", category = "staff", total = "10 000,00 zł" }]
/// # [[payment_schedule]]
/// # number = 1
/// # period = { start = 2024-01-01, end = 2024-06-30 }
/// # kinds = ["advance", "reporting"]
/// # [[payment_schedule]]
/// # number = 2
/// # period = { start = 2024-07-01, end = 2024-12-31 }
/// # kinds = ["settlement", "final"]
/// # "#)?);
/// # let jsonl = concat!(
/// #     r#"{"id":"e1","date":"2024-03-01","by":"lider","kind":"expenditure","partner":"lider","amount":"1000.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
/// #     r#"{"id":"e2","date":"2024-08-01","by":"lider","kind":"expenditure","partner":"lider","amount":"500.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
/// # );
/// # let facts: Vec<_> = FactReader::new(jsonl.as_bytes(), Format::JsonLines, project.vocabulary().clone(), PseudonymKey::from_bytes([0; 32]))
/// #     .collect::<Result<_, _>>()?;
/// let book = ClaimBook::new(project, None, &facts);
/// let first = book.claim(1, &[])?;
/// assert_eq!(first.financial.direct.cumulative, Amount::parse("1 000,00")?);
/// assert_eq!(first.financial.indirect.cumulative, Amount::parse("100,00")?); // 10 % flat rate
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClaimBook {
    book: compute::Book,
}

impl ClaimBook {
    /// A book over `facts` (in any order; the admission decides which count,
    /// as everywhere).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use kooperacja_core::claim::{ClaimBook, ClaimError, ClaimStatus};
    /// # use kooperacja_core::facts::{FactReader, Format};
    /// # use kooperacja_core::money::Amount;
    /// # use kooperacja_core::project::Project;
    /// # use kooperacja_core::pseudonym::PseudonymKey;
    /// # let project = Arc::new(Project::parse(r#"
    /// # format = 2
    /// # id = "p"
    /// # title = "P"
    /// # programme = { name = "P", short = "P", action = "1", action_name = "A", fund = "EFS+" }
    /// # organisations = [{ id = "lider", role = "leader", kind = "rops", name = "Lider" }]
    /// # tasks = [{ number = 1, title = "Zadanie" }]
    /// # territory = { voivodeships = [{ code = "04", name = "kujawsko-pomorskie" }] }
    /// # [[versions]]
    /// # id = "umowa"
    /// # kind = "agreement"
    /// # label = "Umowa"
    /// # period = { start = 2024-01-01, end = 2024-12-31 }
    /// # goal = { text = "Cel" }
    /// # [versions.budget]
    /// # total = "11 000,00 zł"
    /// # eu_contribution = "9 350,00 zł"
    /// # indirect_costs = { flat_rate = "10 %", rounding = "down" }
    /// # financing = [{ source = "state-budget" }]
    /// # [[versions.budget.tasks]]
    /// # task = 1
    /// # lines = [{ id = "1.1", name = "Wynagrodzenia", partner = "lider", category = "staff", total = "10 000,00 zł" }]
    /// # [[payment_schedule]]
    /// # number = 1
    /// # period = { start = 2024-01-01, end = 2024-06-30 }
    /// # kinds = ["advance", "reporting"]
    /// # [[payment_schedule]]
    /// # number = 2
    /// # period = { start = 2024-07-01, end = 2024-12-31 }
    /// # kinds = ["settlement", "final"]
    /// # "#)?);
    /// # let jsonl = concat!(
    /// #     r#"{"id":"e1","date":"2024-03-01","by":"lider","kind":"expenditure","partner":"lider","amount":"1000.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
    /// #     r#"{"id":"e2","date":"2024-08-01","by":"lider","kind":"expenditure","partner":"lider","amount":"500.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
    /// # );
    /// # let facts: Vec<_> = FactReader::new(jsonl.as_bytes(), Format::JsonLines, project.vocabulary().clone(), PseudonymKey::from_bytes([0; 32]))
    /// #     .collect::<Result<_, _>>()?;
    /// let book = ClaimBook::new(project.clone(), None, &facts);
    /// assert_eq!(book.project().id, "p");
    /// assert_eq!(book.claim(2, &[])?.documents.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        project: Arc<Project>,
        register: Option<Arc<Register>>,
        facts: &[Fact],
    ) -> ClaimBook {
        ClaimBook {
            book: compute::Book::new(project, register, facts),
        }
    }

    /// The project.
    pub fn project(&self) -> &Arc<Project> {
        &self.book.project
    }

    /// The claim of period `number`: the filed one as filed (with its status
    /// now), or a draft computed from the facts, with corrections of the
    /// filed claims before it.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use kooperacja_core::claim::{ClaimBook, ClaimError, ClaimStatus};
    /// # use kooperacja_core::facts::{FactReader, Format};
    /// # use kooperacja_core::money::Amount;
    /// # use kooperacja_core::project::Project;
    /// # use kooperacja_core::pseudonym::PseudonymKey;
    /// # let project = Arc::new(Project::parse(r#"
    /// # format = 2
    /// # id = "p"
    /// # title = "P"
    /// # programme = { name = "P", short = "P", action = "1", action_name = "A", fund = "EFS+" }
    /// # organisations = [{ id = "lider", role = "leader", kind = "rops", name = "Lider" }]
    /// # tasks = [{ number = 1, title = "Zadanie" }]
    /// # territory = { voivodeships = [{ code = "04", name = "kujawsko-pomorskie" }] }
    /// # [[versions]]
    /// # id = "umowa"
    /// # kind = "agreement"
    /// # label = "Umowa"
    /// # period = { start = 2024-01-01, end = 2024-12-31 }
    /// # goal = { text = "Cel" }
    /// # [versions.budget]
    /// # total = "11 000,00 zł"
    /// # eu_contribution = "9 350,00 zł"
    /// # indirect_costs = { flat_rate = "10 %", rounding = "down" }
    /// # financing = [{ source = "state-budget" }]
    /// # [[versions.budget.tasks]]
    /// # task = 1
    /// # lines = [{ id = "1.1", name = "Wynagrodzenia", partner = "lider", category = "staff", total = "10 000,00 zł" }]
    /// # [[payment_schedule]]
    /// # number = 1
    /// # period = { start = 2024-01-01, end = 2024-06-30 }
    /// # kinds = ["advance", "reporting"]
    /// # [[payment_schedule]]
    /// # number = 2
    /// # period = { start = 2024-07-01, end = 2024-12-31 }
    /// # kinds = ["settlement", "final"]
    /// # "#)?);
    /// # let jsonl = concat!(
    /// #     r#"{"id":"e1","date":"2024-03-01","by":"lider","kind":"expenditure","partner":"lider","amount":"1000.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
    /// #     r#"{"id":"e2","date":"2024-08-01","by":"lider","kind":"expenditure","partner":"lider","amount":"500.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
    /// # );
    /// # let facts: Vec<_> = FactReader::new(jsonl.as_bytes(), Format::JsonLines, project.vocabulary().clone(), PseudonymKey::from_bytes([0; 32]))
    /// #     .collect::<Result<_, _>>()?;
    /// let book = ClaimBook::new(project, None, &facts);
    /// let draft = book.claim(2, &[])?;
    /// assert_eq!(draft.status, ClaimStatus::Draft);
    /// assert_eq!((draft.financial.direct.in_period, draft.financial.direct.cumulative),
    ///            (Amount::parse("500,00")?, Amount::parse("1 500,00")?));
    /// assert!(matches!(book.claim(3, &[]), Err(ClaimError::UnknownPeriod { number: 3, last: 2 })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claim(&self, number: u32, filed: &[FiledClaim]) -> Result<Claim, ClaimError> {
        self.book.claim(number, filed)
    }

    /// Every period's claim, in order.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use kooperacja_core::claim::{ClaimBook, ClaimError, ClaimStatus};
    /// # use kooperacja_core::facts::{FactReader, Format};
    /// # use kooperacja_core::money::Amount;
    /// # use kooperacja_core::project::Project;
    /// # use kooperacja_core::pseudonym::PseudonymKey;
    /// # let project = Arc::new(Project::parse(r#"
    /// # format = 2
    /// # id = "p"
    /// # title = "P"
    /// # programme = { name = "P", short = "P", action = "1", action_name = "A", fund = "EFS+" }
    /// # organisations = [{ id = "lider", role = "leader", kind = "rops", name = "Lider" }]
    /// # tasks = [{ number = 1, title = "Zadanie" }]
    /// # territory = { voivodeships = [{ code = "04", name = "kujawsko-pomorskie" }] }
    /// # [[versions]]
    /// # id = "umowa"
    /// # kind = "agreement"
    /// # label = "Umowa"
    /// # period = { start = 2024-01-01, end = 2024-12-31 }
    /// # goal = { text = "Cel" }
    /// # [versions.budget]
    /// # total = "11 000,00 zł"
    /// # eu_contribution = "9 350,00 zł"
    /// # indirect_costs = { flat_rate = "10 %", rounding = "down" }
    /// # financing = [{ source = "state-budget" }]
    /// # [[versions.budget.tasks]]
    /// # task = 1
    /// # lines = [{ id = "1.1", name = "Wynagrodzenia", partner = "lider", category = "staff", total = "10 000,00 zł" }]
    /// # [[payment_schedule]]
    /// # number = 1
    /// # period = { start = 2024-01-01, end = 2024-06-30 }
    /// # kinds = ["advance", "reporting"]
    /// # [[payment_schedule]]
    /// # number = 2
    /// # period = { start = 2024-07-01, end = 2024-12-31 }
    /// # kinds = ["settlement", "final"]
    /// # "#)?);
    /// # let jsonl = concat!(
    /// #     r#"{"id":"e1","date":"2024-03-01","by":"lider","kind":"expenditure","partner":"lider","amount":"1000.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
    /// #     r#"{"id":"e2","date":"2024-08-01","by":"lider","kind":"expenditure","partner":"lider","amount":"500.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
    /// # );
    /// # let facts: Vec<_> = FactReader::new(jsonl.as_bytes(), Format::JsonLines, project.vocabulary().clone(), PseudonymKey::from_bytes([0; 32]))
    /// #     .collect::<Result<_, _>>()?;
    /// let claims = ClaimBook::new(project, None, &facts).claims(&[])?;
    /// assert_eq!(claims.iter().map(|c| c.number).collect::<Vec<_>>(), [1, 2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claims(&self, filed: &[FiledClaim]) -> Result<Vec<Claim>, ClaimError> {
        let schedule = &self.book.project.payment_schedule;
        if schedule.is_empty() {
            return Err(ClaimError::NoSchedule);
        }
        schedule
            .iter()
            .map(|p| self.claim(p.number, filed))
            .collect()
    }

    /// Files the draft of period `number` on `on`: refused when an earlier
    /// claim is not filed, when it is filed already, or when it has findings
    /// the central system would reject it for. The result is frozen: given
    /// back to [`ClaimBook::claim`], it is returned as filed.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use kooperacja_core::claim::{ClaimBook, ClaimError, ClaimStatus};
    /// # use kooperacja_core::facts::{FactReader, Format};
    /// # use kooperacja_core::money::Amount;
    /// # use kooperacja_core::project::Project;
    /// # use kooperacja_core::pseudonym::PseudonymKey;
    /// # let project = Arc::new(Project::parse(r#"
    /// # format = 2
    /// # id = "p"
    /// # title = "P"
    /// # programme = { name = "P", short = "P", action = "1", action_name = "A", fund = "EFS+" }
    /// # organisations = [{ id = "lider", role = "leader", kind = "rops", name = "Lider" }]
    /// # tasks = [{ number = 1, title = "Zadanie" }]
    /// # territory = { voivodeships = [{ code = "04", name = "kujawsko-pomorskie" }] }
    /// # [[versions]]
    /// # id = "umowa"
    /// # kind = "agreement"
    /// # label = "Umowa"
    /// # period = { start = 2024-01-01, end = 2024-12-31 }
    /// # goal = { text = "Cel" }
    /// # [versions.budget]
    /// # total = "11 000,00 zł"
    /// # eu_contribution = "9 350,00 zł"
    /// # indirect_costs = { flat_rate = "10 %", rounding = "down" }
    /// # financing = [{ source = "state-budget" }]
    /// # [[versions.budget.tasks]]
    /// # task = 1
    /// # lines = [{ id = "1.1", name = "Wynagrodzenia", partner = "lider", category = "staff", total = "10 000,00 zł" }]
    /// # [[payment_schedule]]
    /// # number = 1
    /// # period = { start = 2024-01-01, end = 2024-06-30 }
    /// # kinds = ["advance", "reporting"]
    /// # [[payment_schedule]]
    /// # number = 2
    /// # period = { start = 2024-07-01, end = 2024-12-31 }
    /// # kinds = ["settlement", "final"]
    /// # "#)?);
    /// # let jsonl = concat!(
    /// #     r#"{"id":"e1","date":"2024-03-01","by":"lider","kind":"expenditure","partner":"lider","amount":"1000.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
    /// #     r#"{"id":"e2","date":"2024-08-01","by":"lider","kind":"expenditure","partner":"lider","amount":"500.00","category":"staff","task":1,"line":"1.1"}"#, "\n",
    /// # );
    /// # let facts: Vec<_> = FactReader::new(jsonl.as_bytes(), Format::JsonLines, project.vocabulary().clone(), PseudonymKey::from_bytes([0; 32]))
    /// #     .collect::<Result<_, _>>()?;
    /// let book = ClaimBook::new(project, None, &facts);
    /// let on = chrono::NaiveDate::from_ymd_opt(2024, 7, 10).unwrap();
    /// assert!(matches!(book.file(2, on, &[]), Err(ClaimError::NotInOrder { number: 2, missing: 1 })));
    /// let first = book.file(1, on, &[])?;
    /// assert_eq!((first.claim.status, first.claim.filed_on), (ClaimStatus::Filed, Some(on)));
    /// assert_eq!(first.counted, ["e1"]);
    /// assert_eq!(book.claim(1, &[first.clone()])?, first.claim);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn file(
        &self,
        number: u32,
        on: NaiveDate,
        filed: &[FiledClaim],
    ) -> Result<FiledClaim, ClaimError> {
        self.book.file(number, on, filed)
    }
}

/// The claim schedule's own checks (periods contiguous, each starting the day
/// after the previous ends, within the project's period; numbers in order;
/// kinds the programme has), each a finding with its code and path.
///
/// The project's period is the latest version's. Every finding is an error:
/// the central system refuses a claim whose period overlaps another, leaves
/// a gap, or lies outside the project.
///
/// ```
/// use kooperacja_core::claim::schedule_findings;
/// use kooperacja_core::project::Project;
/// let text = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
/// let mut p = Project::parse(text)?;
/// assert!(schedule_findings(&p).is_empty());
/// p.payment_schedule.remove(3); // a quarter left out: a gap
/// let codes: Vec<_> = schedule_findings(&p).iter().map(|f| f.code).collect();
/// assert_eq!(codes, ["claim.numbering", "claim.period-gap"]);
/// # Ok::<(), kooperacja_core::parse::ParseError>(())
/// ```
pub fn schedule_findings(project: &Project) -> Vec<Finding> {
    use crate::validate::Severity;
    let mut out = Vec::new();
    let schedule = &project.payment_schedule;
    let project_period = project.current_version().map(|v| v.period);
    let kinds: &[ClaimKind] = match &project.programme.rules {
        Some(rules) if !rules.claim_kinds.is_empty() => &rules.claim_kinds,
        _ => &ClaimKind::ALL,
    };
    let mut error = |code: &'static str, path: String, message: String| {
        out.push(Finding::new(code, Severity::Error, path, message));
    };
    for (i, planned) in schedule.iter().enumerate() {
        let path = format!("payment_schedule[{i}]");
        // Each number follows the one before it (the first is 1), so one
        // claim left out or numbered wrongly is one finding, not one for
        // every claim after it.
        let expected = match i.checked_sub(1).and_then(|p| schedule.get(p)) {
            Some(previous) => previous.number.checked_add(1),
            None => Some(1),
        };
        if Some(planned.number) != expected {
            let expected = expected.map_or_else(|| "none".to_owned(), |n| n.to_string());
            error(
                "claim.numbering",
                format!("{path}.number"),
                format!(
                    "claim number {} where {expected} comes next; claims are numbered from 1, in order",
                    planned.number
                ),
            );
        }
        if planned.kinds.is_empty() {
            error(
                "claim.unknown-kind",
                format!("{path}.kinds"),
                format!("claim {} names no kind", planned.number),
            );
        }
        for (k, kind) in planned.kinds.iter().enumerate() {
            if !kinds.contains(kind) {
                error(
                    "claim.unknown-kind",
                    format!("{path}.kinds[{k}]"),
                    format!(
                        "claim {} is of the kind {:?}, which the programme's rules do not have (claim_kinds: {})",
                        planned.number,
                        kind.machine(),
                        kinds
                            .iter()
                            .map(|k| k.machine())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
        if let Some(whole) = project_period {
            if !whole.covers(planned.period) {
                error(
                    "claim.period-outside-project",
                    format!("{path}.period"),
                    format!(
                        "the period of claim {} ({}) is not within the project's period {}",
                        planned.number,
                        planned.period.to_polish(),
                        whole.to_polish()
                    ),
                );
            }
        }
        if let Some(previous) = i.checked_sub(1).and_then(|j| schedule.get(j)) {
            let after = previous.period.end().succ_opt();
            let start = planned.period.start();
            if start <= previous.period.end() {
                error(
                    "claim.period-overlap",
                    format!("{path}.period"),
                    format!(
                        "the period of claim {} ({}) overlaps that of claim {} ({}); it should start on {}",
                        planned.number,
                        planned.period.to_polish(),
                        previous.number,
                        previous.period.to_polish(),
                        after.map_or_else(String::new, crate::period::polish_date)
                    ),
                );
            } else if Some(start) != after {
                error(
                    "claim.period-gap",
                    format!("{path}.period"),
                    format!(
                        "the period of claim {} ({}) leaves a gap after that of claim {} ({}); it should start on {}",
                        planned.number,
                        planned.period.to_polish(),
                        previous.number,
                        previous.period.to_polish(),
                        after.map_or_else(String::new, crate::period::polish_date)
                    ),
                );
            }
        }
    }
    out
}
