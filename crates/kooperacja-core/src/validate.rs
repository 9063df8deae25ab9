//! Every consistency check over a project, reported all at once.
//!
//! Each [`Finding`] has a stable code (a user may filter or suppress by it), a
//! severity, the path to the offending value in the file, and a message that says
//! what is wrong and what was expected. The codes are listed in
//! `docs/project-file.md`.
//!
//! ```
//! use kooperacja_core::{project::Project, validate::{validate, Severity}};
//! let text = include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml");
//! let project = Project::parse(text)?;
//! let report = validate(&project, None);
//! assert!(!report.has_errors());
//! assert!(report.findings.iter().any(|f| f.code == "task.numbering-as-written"));
//! # Ok::<(), kooperacja_core::parse::ParseError>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use crate::budget::{RateCheck, Stated, UNKNOWN};
use crate::indicator::{CountedOnce, Target};
use crate::money::{Amount, MoneyError, Rounding};
use crate::organisation::AsWritten;
use crate::period::polish_date;
use crate::project::{Project, VersionKind};
use crate::territory::{Level, Register, TerytCode};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing: a correction of a source, a change between versions.
    Info,
    /// Probably wrong, or inconsistent in the sources; the data still holds.
    Warning,
    /// The plan is inconsistent: a count, a date or a reference does not hold.
    Error,
}

impl Severity {
    /// The lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One problem or observation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Finding {
    /// A stable code, such as `budget.eu-rate-mismatch`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Where in the file: `versions[1].budget.eu_contribution`.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Finding {
    /// A finding from its code, severity, path and message.
    ///
    /// ```
    /// use kooperacja_core::validate::{Finding, Severity};
    /// let f = Finding::new("fact.bad-record", Severity::Error, "amount", "not an amount");
    /// assert_eq!((f.code, f.path.as_str()), ("fact.bad-record", "amount"));
    /// ```
    pub fn new(
        code: &'static str,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            code,
            severity,
            path: path.into(),
            message: message.into(),
        }
    }
}

/// The result of validating a project: every finding, in the order the checks
/// ran (identity, references, organisations, money, versions, amendments, schedule, groups,
/// territory, the TERYT register, indicators, tasks, the budget by task, the
/// claim schedule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Validation {
    /// All findings.
    pub findings: Vec<Finding>,
}

impl Validation {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The error findings, each as one line: `code path: message`, the form
    /// adapters use when they refuse a project for its errors.
    ///
    /// ```
    /// use kooperacja_core::validate::Validation;
    /// assert!(Validation::default().error_lines().is_empty());
    /// ```
    pub fn error_lines(&self) -> Vec<String> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}: {}", f.code, f.path, f.message))
            .collect()
    }

    /// The number of findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The findings with a code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.code == code)
    }
}

struct Checker<'a> {
    project: &'a Project,
    register: Option<&'a Register>,
    findings: Vec<Finding>,
}

impl Checker<'_> {
    fn push(
        &mut self,
        code: &'static str,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.findings
            .push(Finding::new(code, severity, path, message));
    }
}

/// Runs every check over `project`. With a `register`, the territory is also
/// checked against the official TERYT codes and names; without one, a single
/// info finding says that it was not.
pub fn validate(project: &Project, register: Option<&Register>) -> Validation {
    let mut c = Checker {
        project,
        register,
        findings: Vec::new(),
    };
    if let Some(from) = project.upgraded_from {
        c.push(
            "format.upgrade-available",
            Severity::Info,
            "format".to_owned(),
            format!(
                "the file is in format {from} and was read through its upgrade to format {}; `kooperacja project upgrade FILE --in-place` writes the upgrade, comments kept",
                crate::project::FORMAT
            ),
        );
    }
    check_ids(&mut c);
    check_references(&mut c);
    check_organisations(&mut c);
    check_money(&mut c);
    check_versions(&mut c);
    c.findings.extend(crate::amendment::findings(project));
    check_schedule(&mut c);
    check_groups(&mut c);
    check_territory(&mut c);
    check_register(&mut c);
    check_amended_territories(&mut c);
    check_indicators(&mut c);
    check_participants(&mut c);
    check_tasks(&mut c);
    c.findings.extend(crate::plan_check::findings(project));
    c.findings.extend(crate::claim::schedule_findings(project));
    Validation {
        findings: c.findings,
    }
}

/// The explanation of every stated EU amount in every version: the project's and
/// each partner's, against the version's programme rate and rounding.
///
/// Versions without a programme rate, and unknown amounts, are skipped; the rounding defaults to
/// [`Rounding::Down`], the rule of the funding agreements.
pub fn rate_checks(project: &Project) -> Vec<RateCheck> {
    rate_checks_and_overflows(project).0
}

/// The rate checks, and the path and error of every stated EU amount whose
/// product with the programme rate could not be computed exactly.
fn rate_checks_and_overflows(project: &Project) -> (Vec<RateCheck>, Vec<(String, MoneyError)>) {
    let mut checks = Vec::new();
    let mut overflows = Vec::new();
    let mut add = |path: String, result: Result<RateCheck, MoneyError>| match result {
        Ok(check) => checks.push(check),
        Err(e) => overflows.push((path, e)),
    };
    for (i, version) in project.versions.iter().enumerate() {
        let budget = &version.budget;
        let Some(rate) = budget.programme_rate else {
            continue;
        };
        let rounding = budget.eu_rounding.unwrap_or(Rounding::Down);
        // An unknown amount has nothing to check.
        if let (Some(total), Some(eu)) = (budget.total.amount, budget.eu_contribution.amount) {
            let path = format!("versions[{i}].budget.eu_contribution");
            add(
                path.clone(),
                RateCheck::new(
                    path,
                    format!("{} · project", version.id),
                    total,
                    eu,
                    rate,
                    rounding,
                ),
            );
        }
        for (j, partner) in budget.partners.iter().enumerate() {
            let eu = partner.eu_contribution.as_ref().and_then(|s| s.amount);
            if let (Some(total), Some(eu)) = (partner.total.amount, eu) {
                let path = format!("versions[{i}].budget.partners[{j}].eu_contribution");
                add(
                    path.clone(),
                    RateCheck::new(
                        path,
                        format!("{} · partner {}", version.id, partner.organisation),
                        total,
                        eu,
                        rate,
                        rounding,
                    ),
                );
            }
        }
    }
    (checks, overflows)
}

fn duplicates<'a>(c: &mut Checker<'_>, what: &str, path: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            c.push(
                "id.duplicate",
                Severity::Error,
                format!("{path}[{i}]"),
                format!("{what} id {id:?} is used twice; expected each {what} id once"),
            );
        }
    }
}

fn check_ids(c: &mut Checker<'_>) {
    let p = c.project;
    duplicates(
        c,
        "organisation",
        "organisations",
        p.organisations.iter().map(|o| o.id.as_str()),
    );
    duplicates(
        c,
        "sector",
        "sectors",
        p.sectors.iter().map(|s| s.id.as_str()),
    );
    duplicates(c, "role", "roles", p.roles.iter().map(|r| r.id.as_str()));
    duplicates(
        c,
        "group kind",
        "groups",
        p.groups.iter().map(|g| g.code.as_str()),
    );
    duplicates(
        c,
        "version",
        "versions",
        p.versions.iter().map(|v| v.id.as_str()),
    );
    duplicates(
        c,
        "indicator",
        "indicators",
        p.indicators.iter().map(|i| i.id.as_str()),
    );
    duplicates(
        c,
        "macroregion",
        "macroregions",
        p.macroregions.iter().map(|m| m.id.as_str()),
    );
    for (i, v) in p.versions.iter().enumerate() {
        if let Some(ms) = &v.milestones {
            duplicates(
                c,
                "milestone",
                &format!("versions[{i}].milestones"),
                ms.iter().map(|m| m.id.as_str()),
            );
        }
    }
    let mut codes = BTreeSet::new();
    let units = p
        .territory
        .voivodeships
        .iter()
        .enumerate()
        .flat_map(|(vi, v)| {
            std::iter::once((format!("territory.voivodeships[{vi}]"), &v.code)).chain(
                v.powiats.iter().enumerate().flat_map(move |(pi, pw)| {
                    std::iter::once((
                        format!("territory.voivodeships[{vi}].powiats[{pi}]"),
                        &pw.code,
                    ))
                    .chain(pw.gminas.iter().enumerate().map(
                        move |(gi, g)| {
                            (
                                format!("territory.voivodeships[{vi}].powiats[{pi}].gminas[{gi}]"),
                                &g.code,
                            )
                        },
                    ))
                }),
            )
        });
    let mut dups = Vec::new();
    for (path, code) in units {
        if !codes.insert(code.clone()) {
            dups.push((path, code.clone()));
        }
    }
    for (path, code) in dups {
        c.push(
            "territory.duplicate-unit",
            Severity::Error,
            path,
            format!("unit {code} is listed twice; expected each unit once"),
        );
    }
}

fn check_references(c: &mut Checker<'_>) {
    let p = c.project;
    let orgs: BTreeSet<&str> = p.organisations.iter().map(|o| o.id.as_str()).collect();
    let sectors: BTreeSet<&str> = p.sectors.iter().map(|s| s.id.as_str()).collect();
    let roles: BTreeSet<&str> = p.roles.iter().map(|r| r.id.as_str()).collect();
    let groups: BTreeSet<&str> = p.groups.iter().map(|g| g.code.as_str()).collect();
    let mut missing: Vec<(String, &'static str, String, String)> = Vec::new();
    let mut need = |path: String, what: &'static str, id: &str, known: &BTreeSet<&str>| {
        if !known.contains(id) {
            let choices = known.iter().copied().collect::<Vec<_>>().join(", ");
            missing.push((path, what, id.to_owned(), choices));
        }
    };
    for (i, v) in p.territory.voivodeships.iter().enumerate() {
        if let Some(org) = &v.partner {
            need(
                format!("territory.voivodeships[{i}].partner"),
                "organisation",
                org,
                &orgs,
            );
        }
    }
    for (i, s) in p.territory.selections.iter().enumerate() {
        need(
            format!("territory.selections[{i}].by"),
            "organisation",
            &s.by,
            &orgs,
        );
    }
    for (i, t) in p.target_groups.iter().enumerate() {
        for (j, s) in t.especially.iter().enumerate() {
            need(
                format!("target_groups[{i}].especially[{j}]"),
                "sector",
                s,
                &sectors,
            );
        }
        for (j, r) in t.roles.iter().enumerate() {
            need(format!("target_groups[{i}].roles[{j}]"), "role", r, &roles);
        }
    }
    for (i, g) in p.groups.iter().enumerate() {
        if let Some(into) = &g.transforms_into {
            need(
                format!("groups[{i}].transforms_into"),
                "group kind",
                into,
                &groups,
            );
        }
    }
    let carriers: BTreeSet<&str> = orgs.union(&roles).copied().collect();
    for (vi, v) in p.versions.iter().enumerate() {
        for (j, pb) in v.budget.partners.iter().enumerate() {
            need(
                format!("versions[{vi}].budget.partners[{j}].organisation"),
                "organisation",
                &pb.organisation,
                &orgs,
            );
        }
        for (mi, m) in v.milestones.iter().flatten().enumerate() {
            for (ai, a) in m.activities.iter().enumerate() {
                let path = format!("versions[{vi}].milestones[{mi}].activities[{ai}]");
                if let Some(g) = &a.group {
                    need(format!("{path}.group"), "group kind", g, &groups);
                }
                if let Some(r) = &a.role {
                    need(format!("{path}.role"), "role", r, &roles);
                }
                for (k, who) in a.carried_by.iter().enumerate() {
                    need(
                        format!("{path}.carried_by[{k}]"),
                        "organisation or role",
                        who,
                        &carriers,
                    );
                }
            }
        }
    }
    let macroregions: BTreeSet<&str> = p.macroregions.iter().map(|m| m.id.as_str()).collect();
    if let Some(m) = &p.territory.macroregion {
        need(
            "territory.macroregion".to_owned(),
            "macroregion",
            m,
            &macroregions,
        );
    }
    let indicators: BTreeSet<&str> = p.indicators.iter().map(|i| i.id.as_str()).collect();
    for (i, ind) in p.indicators.iter().enumerate() {
        if let Some(s) = &ind.subset_of {
            need(
                format!("indicators[{i}].subset_of"),
                "indicator",
                s,
                &indicators,
            );
        }
    }
    for (path, what, id, choices) in missing {
        c.push(
            "reference.unknown",
            Severity::Error,
            path,
            format!("unknown {what} {id:?}; expected one of: {choices}"),
        );
    }
}

fn as_written_notes(c: &mut Checker<'_>, path: &str, name: &str, notes: &[AsWritten]) {
    for (k, w) in notes.iter().enumerate() {
        let source = w
            .source
            .as_deref()
            .map(|s| format!("{s} writes"))
            .unwrap_or_else(|| "a source writes".into());
        c.push(
            "name.as-written",
            Severity::Info,
            format!("{path}.as_written[{k}]"),
            format!(
                "{source} {:?}; the correct name is {name:?}, which the model holds",
                w.text
            ),
        );
    }
}

fn check_organisations(c: &mut Checker<'_>) {
    let p = c.project;
    let leaders = p
        .organisations
        .iter()
        .filter(|o| o.role == crate::organisation::PartnerRole::Leader)
        .count();
    if leaders != 1 {
        c.push(
            "organisation.leader-count",
            Severity::Error,
            "organisations",
            format!("{leaders} organisations have role \"leader\"; expected exactly one"),
        );
    }
    for (i, o) in p.organisations.iter().enumerate() {
        as_written_notes(c, &format!("organisations[{i}]"), &o.name, &o.as_written);
        if let Some(v) = &o.voivodeship {
            if v.level() != Level::Voivodeship {
                c.push(
                    "territory.wrong-level",
                    Severity::Error,
                    format!("organisations[{i}].voivodeship"),
                    format!("{v} is not a voivodeship code; expected 2 digits"),
                );
            } else if !p.territory.voivodeships.is_empty() && !p.territory.contains(v) {
                c.push(
                    "organisation.outside-territory",
                    Severity::Error,
                    format!("organisations[{i}].voivodeship"),
                    format!("voivodeship {v} is not in the project's territory"),
                );
            }
        }
    }
}

fn check_stated(c: &mut Checker<'_>, path: &str, stated: &Stated) {
    let source = stated.source.as_deref().unwrap_or("the source");
    match (stated.amount, &stated.as_written) {
        (Some(amount), _) if amount.is_negative() => c.push(
            "budget.negative",
            Severity::Error,
            path,
            format!(
                "{} is negative; expected an amount of zero or more",
                amount.to_polish()
            ),
        ),
        (None, None) => c.push(
            "amount.unknown",
            Severity::Info,
            path,
            format!(
                "{source} does not publish this amount; it is shown as unknown, and what depends on it is unknown too"
            ),
        ),
        _ => {}
    }
    let Some(text) = &stated.as_written else {
        return;
    };
    match (Amount::parse_lenient(text), stated.amount) {
        (Err(e), None) => c.push(
            "amount.as-written-unreadable",
            Severity::Warning,
            format!("{path}.as_written"),
            format!("{source} writes {text:?}, which cannot be read as an amount even leniently ({e}); the text is kept and the amount is unknown"),
        ),
        (Err(e), Some(amount)) => c.push(
            "amount.as-written-unreadable",
            Severity::Warning,
            format!("{path}.as_written"),
            format!("{source} writes {text:?}, which cannot be read as an amount even leniently ({e}); the text is kept and the file's amount {} stands", amount.to_polish()),
        ),
        (Ok((read, _)), stated_amount) if Some(read) != stated_amount => c.push(
            "amount.as-written-differs",
            Severity::Error,
            format!("{path}.as_written"),
            format!(
                "{source} writes {text:?}, which is {}, but the file states {}; expected the same amount",
                read.to_polish(),
                stated_amount.map_or_else(|| UNKNOWN.to_owned(), Amount::to_polish)
            ),
        ),
        (Ok((read, repairs)), _) if !repairs.is_empty() => {
            let what = repairs.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
            c.push(
                "amount.as-written-repaired",
                Severity::Info,
                format!("{path}.as_written"),
                format!("{source} writes {text:?}, which is malformed ({what}); read as {}", read.to_polish()),
            );
        }
        (Ok(_), _) => {}
    }
}

fn check_money(c: &mut Checker<'_>) {
    let p = c.project;
    for (i, v) in p.versions.iter().enumerate() {
        let b = &v.budget;
        let base = format!("versions[{i}].budget");
        check_stated(c, &format!("{base}.total"), &b.total);
        check_stated(c, &format!("{base}.eu_contribution"), &b.eu_contribution);
        if let (Some(eu), Some(total)) = (b.eu_contribution.amount, b.total.amount) {
            if eu > total {
                c.push(
                    "budget.eu-exceeds-total",
                    Severity::Error,
                    format!("{base}.eu_contribution"),
                    format!(
                        "EU contribution {} exceeds the total {}; expected at most the total",
                        eu.to_polish(),
                        total.to_polish()
                    ),
                );
            }
        }
        // The known partners' amounts: an unknown one is zero or more, so a sum
        // of the known ones above the total is already a contradiction.
        let mut partners_total = Amount::ZERO;
        for (j, pb) in b.partners.iter().enumerate() {
            let pp = format!("{base}.partners[{j}]");
            check_stated(c, &format!("{pp}.total"), &pb.total);
            partners_total = partners_total + pb.total.amount.unwrap_or(Amount::ZERO);
            if let Some(eu) = &pb.eu_contribution {
                check_stated(c, &format!("{pp}.eu_contribution"), eu);
                if let (Some(eu), Some(total)) = (eu.amount, pb.total.amount) {
                    if eu > total {
                        c.push(
                            "budget.eu-exceeds-total",
                            Severity::Error,
                            format!("{pp}.eu_contribution"),
                            format!(
                                "partner {}'s EU funding {} exceeds its total funding {}; expected at most that",
                                pb.organisation,
                                eu.to_polish(),
                                total.to_polish()
                            ),
                        );
                    }
                }
            }
        }
        if let Some(total) = b.total.amount {
            if partners_total > total {
                c.push(
                    "budget.partners-exceed-total",
                    Severity::Error,
                    format!("{base}.partners"),
                    format!(
                        "the partners' amounts sum to {}, more than the project's total {}",
                        partners_total.to_polish(),
                        total.to_polish()
                    ),
                );
            }
        }
    }
    let (checks, overflows) = rate_checks_and_overflows(p);
    for (path, error) in overflows {
        c.push(
            "budget.rate-overflow",
            Severity::Error,
            path,
            format!("{error}; expected a programme rate between 0 % and 1000 %"),
        );
    }
    for check in checks {
        if !check.matches {
            let also = if let Some(digit) = check.single_digit_difference() {
                format!(
                    "no named rounding of the programme rate gives it; the stated and the expected amount differ in one digit only ({digit}), which suggests a typo in the source"
                )
            } else if check.matching_roundings.is_empty() {
                "no named rounding of the programme rate gives it".to_owned()
            } else {
                let names: Vec<&str> = check.matching_roundings.iter().map(|r| r.name()).collect();
                format!("rounding {} would give it", names.join(" or "))
            };
            c.push(
                "budget.eu-rate-mismatch",
                Severity::Warning,
                check.path.clone(),
                format!("{}; {also}", check.explanation()),
            );
        }
    }
}

fn check_versions(c: &mut Checker<'_>) {
    let p = c.project;
    if p.versions.is_empty() {
        c.push(
            "version.none",
            Severity::Error,
            "versions",
            "the project has no version; expected at least the funding agreement",
        );
        return;
    }
    let mut last_from = None;
    for (i, v) in p.versions.iter().enumerate() {
        let path = format!("versions[{i}]");
        let expected = if i == 0 {
            VersionKind::Agreement
        } else {
            VersionKind::Amendment
        };
        if v.kind != expected {
            c.push(
                "version.kind-order",
                Severity::Warning,
                format!("{path}.kind"),
                if i == 0 {
                    "the first version is not the agreement; expected kind = \"agreement\""
                        .to_owned()
                } else {
                    "a later version is not an amendment; expected kind = \"amendment\"".to_owned()
                },
            );
        }
        if let Some(from) = v.in_force_date() {
            if last_from.is_some_and(|last| from < last) {
                c.push(
                    "version.order",
                    Severity::Error,
                    format!("{path}.in_force_from"),
                    format!("takes effect {} before the version listed above it; expected versions oldest first", polish_date(from)),
                );
            }
            last_from = Some(from);
        } else if i > 0 {
            c.push(
                "version.undated",
                Severity::Info,
                format!("{path}.in_force_from"),
                format!(
                    "the sources do not say when {:?} took effect; as-of questions treat it as in force from {}",
                    v.id,
                    polish_date(v.period.start())
                ),
            );
        }
        // A deadline stated to the month is that month's last day.
        if let Some(deadline) = v.goal.deadline.map(crate::period::StatedDate::last_day) {
            if deadline != v.period.end() {
                c.push(
                    "goal.deadline-mismatch",
                    Severity::Warning,
                    format!("{path}.goal.deadline"),
                    format!(
                        "the goal's deadline {} is not the end of the period {}",
                        polish_date(deadline),
                        polish_date(v.period.end())
                    ),
                );
            }
        }
        if i > 0 {
            let prev = &p.versions[i - 1];
            if let Some(diff) = p.diff(&prev.id, &v.id) {
                let fields: Vec<String> = diff
                    .changes
                    .iter()
                    .filter(|ch| !ch.field.starts_with("budget.national"))
                    .map(|ch| {
                        if ch.field == "goal.text" {
                            "goal.text (reworded)".to_owned()
                        } else {
                            format!("{} {} → {}", ch.field, ch.old, ch.new)
                        }
                    })
                    .collect();
                c.push(
                    "version.amended",
                    Severity::Info,
                    path,
                    if fields.is_empty() {
                        format!(
                            "{:?} supersedes {:?}; both are kept. No field changed",
                            v.id, prev.id
                        )
                    } else {
                        format!(
                            "{:?} supersedes {:?}; both are kept. Changed: {}",
                            v.id,
                            prev.id,
                            fields.join("; ")
                        )
                    },
                );
            }
        }
    }
}

fn check_schedule(c: &mut Checker<'_>) {
    let p = c.project;
    for (vi, v) in p.versions.iter().enumerate() {
        let own = v.milestones.is_some();
        let ms = p.milestones_at(vi);
        let base = if own {
            format!("versions[{vi}].milestones")
        } else {
            match p.versions[..vi]
                .iter()
                .rposition(|x| x.milestones.is_some())
            {
                Some(from) => format!("versions[{from}].milestones"),
                None => continue,
            }
        };
        if own {
            for (mi, m) in ms.iter().enumerate() {
                let path = format!("{base}[{mi}]");
                let expected_number = u32::try_from(mi + 1).unwrap_or(u32::MAX);
                if m.number != expected_number {
                    c.push(
                        "schedule.numbering",
                        Severity::Warning,
                        format!("{path}.number"),
                        format!("milestone {} is numbered {}; expected {expected_number} (milestones in order)", m.id, m.number),
                    );
                }
                if let Some(stated) = m.stated_months {
                    match m.period.whole_months() {
                        Some(actual) if actual == stated => {}
                        actual => c.push(
                            "schedule.months-mismatch",
                            Severity::Error,
                            format!("{path}.stated_months"),
                            format!(
                                "{} is stated as {stated} months, but {} is {}",
                                m.id,
                                m.period.to_polish(),
                                actual.map_or_else(
                                    || format!(
                                        "not a whole number of months ({} days)",
                                        m.period.days()
                                    ),
                                    |a| format!("{a} months")
                                )
                            ),
                        ),
                    }
                }
                if let Some(prev) = mi.checked_sub(1).and_then(|k| ms.get(k)) {
                    if !prev.period.is_followed_by(m.period) {
                        let (code, what) = if m.period.start() <= prev.period.end() {
                            ("schedule.overlap", "overlaps")
                        } else {
                            ("schedule.gap", "leaves a gap after")
                        };
                        c.push(
                            code,
                            Severity::Error,
                            format!("{path}.period"),
                            format!(
                                "{} starts {} and {what} {}, which ends {}; expected milestones to follow each other day by day",
                                m.id,
                                polish_date(m.period.start()),
                                prev.id,
                                polish_date(prev.period.end())
                            ),
                        );
                    }
                }
            }
        }
        for (mi, m) in ms.iter().enumerate() {
            if !v.period.covers(m.period) {
                c.push(
                    "schedule.outside-period",
                    Severity::Error,
                    format!("{base}[{mi}].period"),
                    format!(
                        "{} ({}) lies outside the period of {:?}, {}",
                        m.id,
                        m.period.to_polish(),
                        v.id,
                        v.period.to_polish()
                    ),
                );
            }
        }
        if let (Some(first), Some(last)) = (ms.first(), ms.last()) {
            if first.period.start() > v.period.start() {
                c.push(
                    "schedule.late-start",
                    Severity::Warning,
                    format!("{base}[0].period"),
                    format!(
                        "the first milestone starts {}, after the project starts {}",
                        polish_date(first.period.start()),
                        polish_date(v.period.start())
                    ),
                );
            }
            if last.period.end() < v.period.end() {
                let tail = crate::period::Period::new(
                    last.period.end().succ_opt().unwrap_or(v.period.end()),
                    v.period.end(),
                );
                let months = tail.ok().map_or(0, |t| {
                    t.whole_months().unwrap_or_else(|| t.months_touched())
                });
                let inherited = if own {
                    String::new()
                } else {
                    " (unchanged from an earlier version)".to_owned()
                };
                c.push(
                    "schedule.uncovered-tail",
                    Severity::Info,
                    format!("versions[{vi}].period"),
                    format!(
                        "the milestones{inherited} end {}, but {:?} runs until {}: {months} months without a milestone",
                        polish_date(last.period.end()),
                        v.id,
                        polish_date(v.period.end())
                    ),
                );
            }
        }
    }
}

fn check_groups(c: &mut Checker<'_>) {
    let p = c.project;
    for (i, g) in p.groups.iter().enumerate() {
        let expected = p.expected_groups(g.one_per);
        if let Some(stated) = g.stated_count {
            match listed_against_stated(stated, expected) {
                std::cmp::Ordering::Equal => {}
                std::cmp::Ordering::Less => c.push(
                    "groups.list-incomplete",
                    Severity::Info,
                    format!("groups[{i}].stated_count"),
                    format!(
                        "{} groups are stated as {stated}, and one per {} of the listed territory gives {expected}; the territory's list is incomplete",
                        g.code,
                        g.one_per.name()
                    ),
                ),
                std::cmp::Ordering::Greater => c.push(
                    "groups.count-mismatch",
                    Severity::Error,
                    format!("groups[{i}].stated_count"),
                    format!(
                        "{} groups are stated as {stated}, but one per {} gives {expected}; the territory lists more units than groups are stated",
                        g.code,
                        g.one_per.name()
                    ),
                ),
            }
        }
        if g.members == Some(0) {
            c.push(
                "groups.empty",
                Severity::Error,
                format!("groups[{i}].members"),
                format!("{} groups have 0 members; expected at least 1", g.code),
            );
        }
        if let Some(target) = g.transforms_into.as_deref().and_then(|t| p.group_kind(t)) {
            if target.one_per != g.one_per {
                c.push(
                    "groups.transform-mismatch",
                    Severity::Error,
                    format!("groups[{i}].transforms_into"),
                    format!(
                        "{} (one per {}) becomes {} (one per {}); expected the same level, one group becoming one group",
                        g.code,
                        g.one_per.name(),
                        target.code,
                        target.one_per.name()
                    ),
                );
            }
        }
    }
    for (vi, v) in p.versions.iter().enumerate() {
        for (mi, m) in v.milestones.iter().flatten().enumerate() {
            for (ai, a) in m.activities.iter().enumerate() {
                let (Some(code), Some(count)) = (&a.group, a.count) else {
                    continue;
                };
                let Some(kind) = p.group_kind(code) else {
                    continue;
                };
                if kind.joint {
                    // A joint meeting is one meeting of all the groups together.
                    continue;
                }
                let groups = p.expected_groups(kind.one_per);
                let groups_u32 = u32::try_from(groups).unwrap_or(0);
                if groups_u32 == 0 || count % groups_u32 != 0 {
                    c.push(
                        "schedule.meetings-not-whole",
                        Severity::Warning,
                        format!("versions[{vi}].milestones[{mi}].activities[{ai}].count"),
                        format!(
                            "{count} {code} meetings in {} do not divide evenly among {groups} {code} groups; expected a whole number of meetings per group",
                            m.id
                        ),
                    );
                }
            }
        }
    }
}

/// How a stated count compares with the units listed: equal, more stated than
/// listed (the list is incomplete: a note), or more listed than stated (a
/// contradiction: an error).
fn listed_against_stated(stated: u32, listed: usize) -> std::cmp::Ordering {
    // A count that does not fit a usize is more than any list.
    usize::try_from(stated).map_or(std::cmp::Ordering::Less, |s| listed.cmp(&s))
}

/// A stated count of territorial units against the units the territory lists:
/// fewer listed is `territory.list-incomplete` (info), more listed is
/// `territory.count-mismatch` (error).
fn count_check(c: &mut Checker<'_>, path: String, what: &str, stated: Option<u32>, actual: usize) {
    let Some(stated) = stated else {
        return;
    };
    match listed_against_stated(stated, actual) {
        std::cmp::Ordering::Equal => {}
        std::cmp::Ordering::Less => c.push(
            "territory.list-incomplete",
            Severity::Info,
            path,
            format!(
                "{stated} {what} are stated, and the territory lists {actual} of them; the list is incomplete, and figures over listed units count only those {actual}"
            ),
        ),
        std::cmp::Ordering::Greater => c.push(
            "territory.count-mismatch",
            Severity::Error,
            path,
            format!(
                "{stated} {what} are stated, but the territory lists {actual}; expected at most {stated} listed"
            ),
        ),
    }
}

fn check_territory(c: &mut Checker<'_>) {
    let p = c.project;
    let t = &p.territory;
    count_check(
        c,
        "territory.stated.voivodeships".into(),
        "voivodeships",
        t.stated.voivodeships,
        t.count(Level::Voivodeship),
    );
    count_check(
        c,
        "territory.stated.powiats".into(),
        "powiats",
        t.stated.powiats,
        t.count(Level::Powiat),
    );
    count_check(
        c,
        "territory.stated.gminas".into(),
        "gminas",
        t.stated.gminas,
        t.count(Level::Gmina),
    );
    count_check(
        c,
        "territory.stated.jst".into(),
        "JST (powiats and gminas)",
        t.stated.jst,
        t.jst_count(),
    );
    for (i, tg) in p.target_groups.iter().enumerate() {
        count_check(
            c,
            format!("target_groups[{i}].powiats"),
            "powiats",
            tg.powiats,
            t.count(Level::Powiat),
        );
        count_check(
            c,
            format!("target_groups[{i}].gminas"),
            "gminas",
            tg.gminas,
            t.count(Level::Gmina),
        );
    }
    let mut level_errors = Vec::new();
    for (vi, v) in t.voivodeships.iter().enumerate() {
        let vpath = format!("territory.voivodeships[{vi}]");
        count_check(
            c,
            format!("{vpath}.stated_powiats"),
            &format!("powiats of {}", v.name),
            v.stated_powiats,
            v.powiats.len(),
        );
        if v.code.level() != Level::Voivodeship {
            level_errors.push((format!("{vpath}.code"), v.code.clone(), Level::Voivodeship));
        }
        for (pi, pw) in v.powiats.iter().enumerate() {
            let ppath = format!("{vpath}.powiats[{pi}]");
            if pw.code.level() != Level::Powiat {
                level_errors.push((format!("{ppath}.code"), pw.code.clone(), Level::Powiat));
            } else if !pw.code.is_within(&v.code) {
                c.push(
                    "territory.wrong-parent",
                    Severity::Error,
                    format!("{ppath}.code"),
                    format!("powiat {} {} is filed under voivodeship {} {}; its code places it in voivodeship {}", pw.code, pw.name, v.code, v.name, pw.code.voivodeship()),
                );
            }
            for (gi, g) in pw.gminas.iter().enumerate() {
                let gpath = format!("{ppath}.gminas[{gi}]");
                if g.code.level() != Level::Gmina {
                    level_errors.push((format!("{gpath}.code"), g.code.clone(), Level::Gmina));
                    continue;
                }
                if !g.code.is_within(&pw.code) {
                    c.push(
                        "territory.wrong-parent",
                        Severity::Error,
                        format!("{gpath}.code"),
                        format!(
                            "gmina {} {} is filed under powiat {} {}; its code places it in powiat {}",
                            g.code,
                            g.name,
                            pw.code,
                            pw.name,
                            g.code.parent().map(|c| c.to_string()).unwrap_or_default()
                        ),
                    );
                }
                let by_code = g.code.gmina_type();
                if by_code.is_none() {
                    c.push(
                        "territory.not-a-gmina",
                        Severity::Error,
                        format!("{gpath}.code"),
                        format!("{} ends in a type digit that is not a gmina (1 urban, 2 rural, 3 urban-rural)", g.code),
                    );
                }
                if let (Some(stated), Some(actual)) = (g.gmina_type, by_code) {
                    if stated != actual {
                        c.push(
                            "territory.gmina-type-mismatch",
                            Severity::Error,
                            format!("{gpath}.type"),
                            format!(
                                "{} is stated as {}, but its code {} says {}",
                                g.name,
                                stated.english(),
                                g.code,
                                actual.english()
                            ),
                        );
                    }
                }
                if let (Some(required), Some(actual)) = (t.gmina_type, g.gmina_type.or(by_code)) {
                    if required != actual {
                        c.push(
                            "territory.gmina-type-required",
                            Severity::Error,
                            format!("{gpath}.type"),
                            format!(
                                "{} is {}, but the project is for {} gminas only",
                                g.name,
                                actual.english(),
                                required.english()
                            ),
                        );
                    }
                }
                as_written_notes(c, &gpath, &g.name, &g.as_written);
            }
        }
    }
    for (path, code, level) in level_errors {
        c.push(
            "territory.wrong-level",
            Severity::Error,
            path,
            format!(
                "{code} is not a {} code; expected {} digits",
                level.name(),
                match level {
                    Level::Voivodeship => 2,
                    Level::Powiat => 4,
                    Level::Gmina => 7,
                }
            ),
        );
    }
    // Macroregions: disjoint, and the project's own equals its voivodeships.
    let mut owner: BTreeMap<&TerytCode, &str> = BTreeMap::new();
    for (i, m) in p.macroregions.iter().enumerate() {
        for (j, code) in m.voivodeships.iter().enumerate() {
            if code.level() != Level::Voivodeship {
                c.push(
                    "territory.wrong-level",
                    Severity::Error,
                    format!("macroregions[{i}].voivodeships[{j}]"),
                    format!("{code} is not a voivodeship code; expected 2 digits"),
                );
            }
            if let Some(other) = owner.insert(code, &m.id) {
                c.push(
                    "territory.macroregion-overlap",
                    Severity::Error,
                    format!("macroregions[{i}].voivodeships[{j}]"),
                    format!("voivodeship {code} is in macroregions {other} and {}; expected each in one", m.id),
                );
            }
        }
    }
    if let Some(m) = t
        .macroregion
        .as_deref()
        .and_then(|id| p.macroregions.iter().find(|m| m.id == id))
    {
        let listed: BTreeSet<&TerytCode> = t.voivodeships.iter().map(|v| &v.code).collect();
        let declared: BTreeSet<&TerytCode> = m.voivodeships.iter().collect();
        if listed != declared {
            let fmt = |s: &BTreeSet<&TerytCode>| {
                s.iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            c.push(
                "territory.macroregion-mismatch",
                Severity::Error,
                "territory.voivodeships",
                format!(
                    "the territory lists voivodeships {}, but macroregion {} comprises {}",
                    fmt(&listed),
                    m.id,
                    fmt(&declared)
                ),
            );
        }
    }
    check_selections(c);
}

fn check_selections(c: &mut Checker<'_>) {
    let p = c.project;
    let t = &p.territory;
    for (i, s) in t.selections.iter().enumerate() {
        let path = format!("territory.selections[{i}]");
        let Some(v) = t.voivodeships.iter().find(|v| v.code == s.voivodeship) else {
            c.push(
                "selection.mismatch",
                Severity::Error,
                format!("{path}.voivodeship"),
                format!(
                    "voivodeship {} is not in the project's territory",
                    s.voivodeship
                ),
            );
            continue;
        };
        let listed_gminas = v.powiats.iter().map(|p| p.gminas.len()).sum::<usize>();
        // Each problem: whether it only says the list is incomplete, and what.
        let mut problems: Vec<(bool, String)> = Vec::new();
        let mut against =
            |stated: u32, listed: usize, what: &str, where_: &str| match listed_against_stated(
                stated, listed,
            ) {
                std::cmp::Ordering::Equal => {}
                order => problems.push((
                    order == std::cmp::Ordering::Less,
                    format!("{stated} {what} stated, {listed} {where_}"),
                )),
            };
        against(
            s.gminas,
            listed_gminas,
            "gminas",
            &format!("listed in {}", v.name),
        );
        against(
            s.powiats,
            v.powiats.len(),
            "powiats",
            &format!("listed in {}", v.name),
        );
        if !s.chosen.is_empty() {
            let chosen_g = s
                .chosen
                .iter()
                .filter(|c| c.level() == Level::Gmina)
                .count();
            let chosen_p = s
                .chosen
                .iter()
                .filter(|c| c.level() == Level::Powiat)
                .count();
            against(s.gminas, chosen_g, "gminas", "named as chosen");
            against(s.powiats, chosen_p, "powiats", "named as chosen");
        }
        if !s.subregions.is_empty() {
            let sum: u64 = s.subregions.iter().map(|r| u64::from(r.gminas)).sum();
            if sum != u64::from(s.gminas) {
                problems.push((
                    false,
                    format!("the subregions' gminas sum to {sum}, not {}", s.gminas),
                ));
            }
        }
        for code in &s.chosen {
            if !code.is_within(&s.voivodeship) || !t.contains(code) {
                problems.push((
                    false,
                    format!("chosen unit {code} is not a listed unit of {}", v.name),
                ));
            }
        }
        for (incomplete, problem) in problems {
            if incomplete {
                c.push(
                    "selection.list-incomplete",
                    Severity::Info,
                    path.clone(),
                    format!("{problem}; the list is incomplete"),
                );
            } else {
                c.push(
                    "selection.mismatch",
                    Severity::Error,
                    path.clone(),
                    format!("{problem}; expected the selection to match the territory"),
                );
            }
        }
    }
}

/// The territory and register checks over each area an amendment states
/// (`[versions.territory]`) or a milestone names as its own, with the paths
/// of their findings under that area.
fn check_amended_territories(c: &mut Checker<'_>) {
    let p = c.project;
    let mut areas: Vec<(String, &crate::area::Territory)> = Vec::new();
    for (vi, v) in p.versions.iter().enumerate() {
        if let Some(t) = &v.territory {
            areas.push((format!("versions[{vi}].territory"), t));
        }
        for (mi, m) in v.milestones.iter().flatten().enumerate() {
            if let Some(t) = &m.territory {
                areas.push((format!("versions[{vi}].milestones[{mi}].territory"), t));
            }
        }
    }
    for (prefix, territory) in areas {
        let mut project = p.clone();
        project.territory = territory.clone();
        if project.territory.register.is_none() {
            project.territory.register.clone_from(&p.territory.register);
        }
        let mut sub = Checker {
            project: &project,
            register: c.register,
            findings: Vec::new(),
        };
        check_territory(&mut sub);
        check_register(&mut sub);
        for mut f in sub.findings {
            // Findings of the project's own area only, once: not the register
            // note, not the macroregions.
            let Some(rest) = f.path.strip_prefix("territory") else {
                continue;
            };
            if rest.is_empty() && f.code == "teryt.not-checked" {
                continue;
            }
            f.path = format!("{prefix}{rest}");
            c.findings.push(f);
        }
    }
}

fn check_register(c: &mut Checker<'_>) {
    let p = c.project;
    let Some(register) = c.register else {
        c.push(
            "teryt.not-checked",
            Severity::Info,
            "territory",
            "no TERC register was given, so codes and names were not checked against TERYT",
        );
        return;
    };
    let mut problems = Vec::new();
    let mut check = |path: String, code: &TerytCode, name: &str| match register
        .get(p.territory.current(code))
    {
        None => problems.push((
            "teryt.unknown-code",
            path,
            format!(
                "{code} ({name}) is not in {}; expected an official code{}",
                register.name(),
                crate::area::type_change_hint(register, [code]).unwrap_or_default()
            ),
        )),
        Some(unit) if unit.name != name => {
            let hint = register
                .find_by_name(code.level(), name)
                .map(|u| u.code.to_string())
                .collect::<Vec<_>>();
            let hint = if hint.is_empty() {
                String::new()
            } else {
                format!(" ({name:?} is {})", hint.join(", "))
            };
            problems.push((
                "teryt.name-mismatch",
                path,
                format!(
                    "{code} is {:?} in {}, not {name:?}{hint}",
                    unit.name,
                    register.name()
                ),
            ));
        }
        Some(_) => {}
    };
    for (vi, v) in p.territory.voivodeships.iter().enumerate() {
        let vpath = format!("territory.voivodeships[{vi}]");
        check(vpath.clone(), &v.code, &v.name);
        for (pi, pw) in v.powiats.iter().enumerate() {
            let ppath = format!("{vpath}.powiats[{pi}]");
            check(ppath.clone(), &pw.code, &pw.name);
            for (gi, g) in pw.gminas.iter().enumerate() {
                check(format!("{ppath}.gminas[{gi}]"), &g.code, &g.name);
            }
        }
    }
    for (i, m) in p.macroregions.iter().enumerate() {
        for (j, code) in m.voivodeships.iter().enumerate() {
            if register.get(code).is_none() {
                problems.push((
                    "teryt.unknown-code",
                    format!("macroregions[{i}].voivodeships[{j}]"),
                    format!("{code} is not a voivodeship in {}", register.name()),
                ));
            }
        }
    }
    for (code, path, message) in problems {
        c.push(code, Severity::Error, path, message);
    }
    check_former_codes(c, register);
    check_within(c, register);
    if p.macroregions.len() > 1 {
        let covered: BTreeSet<&TerytCode> = p
            .macroregions
            .iter()
            .flat_map(|m| &m.voivodeships)
            .collect();
        let left: Vec<String> = register
            .at_level(Level::Voivodeship)
            .filter(|u| !covered.contains(&u.code))
            .map(|u| format!("{} ({})", u.name, u.code))
            .collect();
        if !left.is_empty() {
            let all = register.at_level(Level::Voivodeship).count();
            c.push(
                "territory.macroregions-incomplete",
                Severity::Info,
                "macroregions",
                format!(
                    "the {} macroregions cover {} of Poland's {all} voivodeships; in none: {}",
                    p.macroregions.len(),
                    covered.len(),
                    left.join(", ")
                ),
            );
        }
    }
}

/// Every `within` code of every indicator rule (filters and units
/// denominators) is a unit of the register (under the code it has now).
fn check_within(c: &mut Checker<'_>, register: &Register) {
    let p = c.project;
    let mut found = Vec::new();
    for (i, ind) in p.indicators.iter().enumerate() {
        if let Some(rule) = &ind.rule {
            rule_withins(rule, format!("indicators[{i}].rule"), &mut found);
        }
    }
    for (path, within) in found {
        let unknown: Vec<String> = within
            .unknown_codes(register, &p.territory)
            .map(|code| {
                format!(
                    "{code}{}",
                    crate::area::type_change_hint(register, [code]).unwrap_or_default()
                )
            })
            .collect();
        if !unknown.is_empty() {
            c.push(
                "teryt.within-unknown",
                Severity::Error,
                path,
                format!(
                    "within names {} not in {}; expected official codes",
                    unknown.join(", "),
                    register.name()
                ),
            );
        }
    }
}

/// The `within` of a rule and of its parts, each with its path in the file.
fn rule_withins(
    rule: &crate::rule::Rule,
    path: String,
    out: &mut Vec<(String, crate::area::Within)>,
) {
    use crate::rule::{Denominator, Rule};
    match rule {
        Rule::Count { filter, .. } | Rule::Distinct { filter, .. } => {
            if let Some(w) = &filter.within {
                out.push((format!("{path}.within"), w.clone()));
            }
        }
        Rule::Ratio {
            numerator,
            denominator,
        } => {
            rule_withins(numerator, format!("{path}.ratio.numerator"), out);
            match denominator {
                Denominator::Rule(r) => rule_withins(r, format!("{path}.ratio.denominator"), out),
                Denominator::Territory { within, .. } => {
                    if let Some(w) = within {
                        out.push((format!("{path}.ratio.denominator.within"), w.clone()));
                    }
                }
            }
        }
    }
}

/// The declared former codes: each names a unit of the register under its new
/// code, is no current unit itself, and is declared once.
fn check_former_codes(c: &mut Checker<'_>, register: &Register) {
    let t = &c.project.territory;
    for (i, f) in t.former_codes.iter().enumerate() {
        let path = format!("territory.former_codes[{i}]");
        let (code, now) = (&f.code, &f.now);
        if code.level() != now.level() || code == now {
            c.push(
                "territory.former-code-level",
                Severity::Error,
                path,
                format!(
                    "former code {code} ({}) and now = {now} ({}) are not two codes of one unit; expected two different codes of the same level",
                    code.level().name(),
                    now.level().name()
                ),
            );
            continue;
        }
        if t.former_codes[..i].iter().any(|g| &g.code == code) {
            c.push(
                "territory.former-code-duplicate",
                Severity::Error,
                format!("{path}.code"),
                format!("former code {code} is declared twice; expected it once"),
            );
            continue;
        }
        if t.former_code(now).is_some() {
            c.push(
                "territory.former-code-chain",
                Severity::Error,
                format!("{path}.now"),
                format!(
                    "now = {now} is itself declared as a former code; expected the code the unit has in the register"
                ),
            );
            continue;
        }
        if let Some(unit) = register.get(code) {
            c.push(
                "teryt.former-code-current",
                Severity::Error,
                format!("{path}.code"),
                format!(
                    "{code} is {:?} in {}, a unit of its own, so it cannot be a former code of {now}",
                    unit.name,
                    register.name()
                ),
            );
            continue;
        }
        let Some(unit) = register.get(now) else {
            c.push(
                "teryt.former-code-unknown",
                Severity::Error,
                format!("{path}.now"),
                format!(
                    "now = {now} is not in {}; expected the unit's code in it",
                    register.name()
                ),
            );
            continue;
        };
        let kind = unit
            .code
            .gmina_type()
            .map(|g| format!(", {}", g.english()))
            .unwrap_or_default();
        let until = f.until.map(|d| format!(" until {d}")).unwrap_or_default();
        c.push(
            "teryt.former-code",
            Severity::Info,
            path,
            format!(
                "{code} (its code{until}) is counted as {now} ({}{kind} in {}): facts, units and `within` under either code are one unit",
                unit.name,
                register.name()
            ),
        );
    }
}

/// A target split by sex names declared categories only, and its parts add up
/// to the indicator's count target.
fn check_target_by_sex(c: &mut Checker<'_>, path: &str, ind: &crate::indicator::Indicator) {
    let Some(by_sex) = &ind.target_by_sex else {
        return;
    };
    let declared = crate::participant::Requirements::of(c.project.participants()).sexes;
    for sex in by_sex.keys().filter(|s| !declared.contains(s)) {
        let known = declared
            .iter()
            .map(|s| s.code())
            .collect::<Vec<_>>()
            .join(", ");
        c.push(
            "indicator.target-sex-undeclared",
            Severity::Error,
            format!("{path}.target_by_sex.{}", sex.code()),
            format!(
                "the sex category {} is not among [participants] sexes; expected one of: {known}",
                sex.code()
            ),
        );
    }
    let sum = by_sex.values().fold(0_u64, |a, n| a.saturating_add(*n));
    match ind.target {
        Target::Count(n) if n == sum => {}
        Target::Count(n) => c.push(
            "indicator.target-by-sex-sum",
            Severity::Error,
            format!("{path}.target_by_sex"),
            format!("the target by sex adds up to {sum}, the target is {n}"),
        ),
        Target::Share(_) => c.push(
            "indicator.target-by-sex-sum",
            Severity::Error,
            format!("{path}.target_by_sex"),
            "a target by sex splits a count; this target is a share",
        ),
    }
}

/// The `[participants]` declaration's own problems.
fn check_participants(c: &mut Checker<'_>) {
    let Some(decl) = &c.project.participants else {
        return;
    };
    for problem in crate::participant::problems(decl) {
        c.push(
            problem.code(),
            Severity::Error,
            "participants",
            problem.to_string(),
        );
    }
    if let Some(small) = decl.small_cell.filter(|n| *n < 3) {
        c.push(
            "participants.small-cell-below-law",
            Severity::Warning,
            "participants.small_cell",
            format!(
                "a small-cell threshold of {} is below 3, the least aggregate official statistics may publish (ustawa o statystyce publicznej, art. 38)",
                small
            ),
        );
    }
}

fn check_indicators(c: &mut Checker<'_>) {
    let p = c.project;
    let Some((current_index, current)) = p.versions.iter().enumerate().next_back() else {
        return;
    };
    let resolved = p.resolved_versions();
    // An indicator an amendment adds or changes is due by a milestone of that
    // version.
    for (vi, v) in p.versions.iter().enumerate() {
        let Some(parts) = resolved.get(vi) else {
            continue;
        };
        for (j, change) in v.indicators.iter().enumerate() {
            if let Some(id) = change.due.as_ref().and_then(|d| d.milestone.as_ref()) {
                if parts.milestone(id).is_none() {
                    let known: Vec<&str> = parts.milestones.iter().map(|m| m.id.as_str()).collect();
                    c.push(
                        "reference.unknown",
                        Severity::Error,
                        format!("versions[{vi}].indicators[{j}].due.milestone"),
                        format!(
                            "unknown milestone {id:?} in version {:?}; expected one of: {}",
                            v.id,
                            known.join(", ")
                        ),
                    );
                }
            }
        }
    }
    for (i, ind) in p.indicators.iter().enumerate() {
        let path = format!("indicators[{i}]");
        // The milestones of the last version the indicator is in force in.
        let (current, milestones) = resolved
            .iter()
            .rev()
            .find(|v| v.indicator(&ind.id).is_some())
            .and_then(|v| Some((p.versions.get(v.index)?, v.milestones.clone())))
            .unwrap_or_else(|| (current, p.milestones_at(current_index)));
        if let (Some(_), Some(_)) = (&ind.due.milestone, ind.due.date) {
            c.push(
                "indicator.due-ambiguous",
                Severity::Error,
                format!("{path}.due"),
                "both a milestone and a date are given; expected one of them",
            );
        }
        let due_index = match &ind.due.milestone {
            Some(id) => {
                match milestones.iter().position(|m| &m.id == id) {
                    Some(k) => Some(k),
                    None => {
                        let known = milestones
                            .iter()
                            .map(|m| m.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ");
                        c.push(
                        "reference.unknown",
                        Severity::Error,
                        format!("{path}.due.milestone"),
                        format!("unknown milestone {id:?} in version {:?}; expected one of: {known}", current.id),
                    );
                        None
                    }
                }
            }
            None => None,
        };
        check_target_by_sex(c, &path, ind);
        if let Target::Share(rate) = ind.target {
            if rate.percent() > rust_decimal::Decimal::ONE_HUNDRED
                || rate.fraction().is_sign_negative()
            {
                c.push(
                    "indicator.share-out-of-range",
                    Severity::Error,
                    format!("{path}.target"),
                    format!("a share target of {rate} is outside 0–100 %"),
                );
            }
        }
        if let Some(other) = ind
            .subset_of
            .as_deref()
            .and_then(|id| p.indicators.iter().find(|x| x.id == id))
        {
            if let (Target::Count(mine), Target::Count(theirs)) = (ind.target, other.target) {
                if mine > theirs {
                    c.push(
                        "indicator.subset-exceeds",
                        Severity::Error,
                        format!("{path}.target"),
                        format!("{} ({mine}) counts a subset of {} ({theirs}), so its target cannot be larger", ind.id, other.id),
                    );
                }
            }
        }
        if let (Some(kind), Some(k), Target::Count(target)) =
            (ind.planned_by.as_deref(), due_index, ind.target)
        {
            let relevant = &milestones[..=k];
            let lines: Vec<(String, u32)> = relevant
                .iter()
                .flat_map(|m| m.activities.iter().map(move |a| (m, a)))
                .filter(|(_, a)| a.kind == kind)
                .filter_map(|(m, a)| {
                    let form = a.form.clone().unwrap_or_else(|| "any form".into());
                    a.persons.map(|n| (format!("{n} {form} in {}", m.id), n))
                })
                .collect();
            let planned: u64 = lines.iter().map(|(_, n)| u64::from(*n)).sum();
            let detail = lines
                .iter()
                .map(|(s, _)| s.as_str())
                .collect::<Vec<_>>()
                .join(" + ");
            let by = &milestones[k].id;
            if planned < target {
                c.push(
                    "indicator.plan-short",
                    Severity::Warning,
                    path.clone(),
                    format!("{} has a target of {target} by {by}, but the plan up to {by} has only {planned} places ({detail}); expected at least the target", ind.id),
                );
            } else if planned > target && ind.counts_once == Some(CountedOnce::Person) {
                let overlap = planned - target;
                c.push(
                    "indicator.plan-differs",
                    Severity::Info,
                    path.clone(),
                    format!(
                        "{} counts {target} persons once each by {by}, while the plan up to {by} has {planned} places ({detail}): either at least {overlap} persons take more than one form, or the places and the target count different people, or more follows after {by}",
                        ind.id
                    ),
                );
            }
        }
    }
}

fn check_tasks(c: &mut Checker<'_>) {
    let p = c.project;
    for (i, t) in p.tasks.iter().enumerate() {
        let expected = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if t.number != expected {
            c.push(
                "task.numbering",
                Severity::Warning,
                format!("tasks[{i}].number"),
                format!(
                    "task {:?} is numbered {}; expected {expected}",
                    t.title, t.number
                ),
            );
        }
        if let Some(written) = t.as_written_number {
            if written != t.number {
                c.push(
                    "task.numbering-as-written",
                    Severity::Info,
                    format!("tasks[{i}].as_written_number"),
                    format!("the source numbers task {} {:?} as \"{written}.\"; the model numbers it {}", t.number, t.title, t.number),
                );
            }
        }
    }
}
