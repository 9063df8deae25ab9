//! The catalogue: every label and message an adapter shows to people, each
//! written once in Polish and English.
//!
//! Adapters take their words from here and never type a Polish or English
//! phrase of their own (a boundary test checks their sources). Before adding
//! an entry, look for one with the same meaning; name an entry after what it
//! means, not after where it is shown.
//!
//! ```
//! use kooperacja_core::present::{Lang, label};
//! assert_eq!(label::SPENT.get(Lang::Pl), "Wydano");
//! assert_eq!(label::status(kooperacja_core::report::Status::AtRisk).get(Lang::Pl), "zagrożony");
//! ```
// The entries below are top-level constants, one per item, so that additions
// from several branches merge as additions (`.gitattributes`: merge=union).

use super::{Plural, Text};
use crate::report::{MilestoneState, Status};
use crate::validate::Severity;

/// The word of an indicator's status: `zgodnie z planem`, `on track`.
pub fn status(status: Status) -> Text {
    match status {
        Status::NotStarted => Text::new("nierozpoczęty", "not started"),
        Status::OnTrack => Text::new("zgodnie z planem", "on track"),
        Status::AtRisk => Text::new("zagrożony", "at risk"),
        Status::Achieved => Text::new("osiągnięty", "achieved"),
        Status::Missed => Text::new("nieosiągnięty", "missed"),
        Status::NotEvaluated => Text::new("nieoceniany", "not evaluated"),
    }
}

/// The word of a milestone's state: `w trakcie`, `running`.
pub fn state(state: MilestoneState) -> Text {
    match state {
        MilestoneState::NotStarted => Text::new("nierozpoczęty", "not started"),
        MilestoneState::Running => Text::new("w trakcie", "running"),
        MilestoneState::Finished => Text::new("zakończony", "finished"),
    }
}

/// The word of a finding's severity: `błąd`, `error`.
pub fn severity(severity: Severity) -> Text {
    match severity {
        Severity::Error => Text::new("błąd", "error"),
        Severity::Warning => Text::new("ostrzeżenie", "warning"),
        Severity::Info => Text::new("uwaga", "note"),
    }
}

/// Errors, counted: `1 błąd`, `2 błędy`, `5 błędów`.
pub const ERRORS: Plural = Plural::new(["błąd", "błędy", "błędów"], ["error", "errors"]);
/// Warnings, counted.
pub const WARNINGS: Plural = Plural::new(
    ["ostrzeżenie", "ostrzeżenia", "ostrzeżeń"],
    ["warning", "warnings"],
);
/// Notes (informational findings), counted.
pub const NOTES: Plural = Plural::new(["uwaga", "uwagi", "uwag"], ["note", "notes"]);
/// Days, counted.
pub const DAYS: Plural = Plural::new(["dzień", "dni", "dni"], ["day", "days"]);

/// The heading of the budget.
pub const BUDGET: Text = Text::new("Budżet", "Budget");
/// The project's total value.
pub const PROJECT_VALUE: Text = Text::new("Wartość projektu", "Project value");
/// The EU contribution.
pub const EU_CONTRIBUTION: Text = Text::new("Wkład UE", "EU contribution");
/// The national contribution.
pub const NATIONAL_CONTRIBUTION: Text = Text::new("Wkład krajowy", "National contribution");
/// Spent so far.
pub const SPENT: Text = Text::new("Wydano", "Spent");
/// Left to spend.
pub const REMAINING: Text = Text::new("Pozostało", "Remaining");
/// Planned.
pub const PLAN: Text = Text::new("Plan", "Plan");
/// The heading of the milestones (kamienie milowe).
pub const MILESTONES: Text = Text::new("Kamienie milowe", "Milestones");
/// The heading of the indicators.
pub const INDICATORS: Text = Text::new("Wskaźniki", "Indicators");
/// The project's period.
pub const PERIOD: Text = Text::new("Okres", "Period");
/// "as of" before the report's date.
pub const AS_OF: Text = Text::new("stan na", "as of");
/// A voivodeship.
pub const VOIVODESHIP: Text = Text::new("województwo", "voivodeship");
/// The version in force on the report's date.
pub const VERSION_IN_FORCE: Text = Text::new("Wersja w mocy", "Version in force");
/// The project (as a word before its id).
pub const PROJECT: Text = Text::new("Projekt", "Project");
/// The row of the whole project under the partners' rows (its plan is the project value).
pub const WHOLE_PROJECT: Text = Text::new("Cały projekt", "Whole project");
/// The warning an export forced despite error findings carries: {0} the count of errors, {1} the findings.
pub const FORCED_EXPORT: Text = Text::new(
    "UWAGA: wyeksportowano z --force, choć projekt ma {0}: {1}",
    "WARNING: exported with --force although the project has {0}: {1}",
);
