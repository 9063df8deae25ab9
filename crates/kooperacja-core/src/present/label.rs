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
/// The state of the project on the report's date (a document's subject).
pub const PROJECT_STATUS: Text = Text::new("Stan projektu", "Project status");
/// The header of a column of field names.
pub const FIELD: Text = Text::new("Pole", "Field");
/// The header of a column of values.
pub const VALUE: Text = Text::new("Wartość", "Value");
/// A partner of the project.
pub const PARTNER: Text = Text::new("Partner", "Partner");
/// A name.
pub const NAME: Text = Text::new("Nazwa", "Name");
/// The share of the plan spent.
pub const SPENT_SHARE: Text = Text::new("Wykonanie", "Spent share");
/// The heading of the sources of funding.
pub const SOURCES_OF_FUNDING: Text = Text::new("Źródła finansowania", "Sources of funding");
/// A source of funding.
pub const SOURCE: Text = Text::new("Źródło", "Source");
/// An amount of money.
pub const AMOUNT: Text = Text::new("Kwota", "Amount");
/// The heading of the yearly plan, with how it is computed.
pub const YEARLY_PLAN: Text = Text::new(
    "Plan roczny (orientacyjny: wartość projektu w proporcji do dni)",
    "Yearly plan (indicative: the total pro rata by days)",
);
/// The first day of a period.
pub const FROM: Text = Text::new("Od", "From");
/// The last day of a period.
pub const TO: Text = Text::new("Do", "To");
/// The heading of spending by category.
pub const SPENDING_BY_CATEGORY: Text =
    Text::new("Wydatki według kategorii", "Spending by category");
/// A category of spending.
pub const CATEGORY: Text = Text::new("Kategoria", "Category");
/// The heading of the findings on the budget's execution.
pub const EXECUTION_FINDINGS: Text = Text::new("Uwagi do wykonania", "Findings on execution");
/// A code (of a finding, of a group).
pub const CODE: Text = Text::new("Kod", "Code");
/// Where in the project a finding is.
pub const FINDING_PATH: Text = Text::new("Miejsce", "Where");
/// What a finding says.
pub const MESSAGE: Text = Text::new("Opis", "Message");
/// One milestone (kamień milowy).
pub const MILESTONE: Text = Text::new("Kamień milowy", "Milestone");
/// A number in a list, abbreviated.
pub const NUMBER_ABBREVIATED: Text = Text::new("Nr", "No.");
/// A column holding a milestone's title or one of its activities.
pub const TITLE_OR_ACTIVITY: Text = Text::new("Tytuł / działanie", "Title / activity");
/// The state of a milestone.
pub const STATE: Text = Text::new("Stan", "State");
/// A group (of a milestone's activity).
pub const GROUP: Text = Text::new("Grupa", "Group");
/// Meetings planned.
pub const MEETINGS_PLANNED: Text = Text::new("Spotkania: plan", "Meetings planned");
/// Meetings held.
pub const MEETINGS_HELD: Text = Text::new("Spotkania: odbyte", "Meetings held");
/// Days (of meetings) planned.
pub const DAYS_PLANNED: Text = Text::new("Dni: plan", "Days planned");
/// Days (of meetings) held.
pub const DAYS_HELD: Text = Text::new("Dni: odbyte", "Days held");
/// Said when the version in force has no milestones.
pub const NO_MILESTONES: Text = Text::new(
    "Wersja w mocy nie ma kamieni milowych.",
    "The version in force has no milestones.",
);
/// An identifier.
pub const ID: Text = Text::new("Id", "Id");
/// The kind of a thing (of an indicator).
pub const KIND: Text = Text::new("Rodzaj", "Kind");
/// The unit of an indicator.
pub const UNIT: Text = Text::new("Jednostka", "Unit");
/// The target of an indicator.
pub const TARGET: Text = Text::new("Cel", "Target");
/// What an indicator has achieved.
pub const ACHIEVED: Text = Text::new("Osiągnięto", "Achieved");
/// The share of its target an indicator has achieved.
pub const SHARE_OF_TARGET: Text = Text::new("% celu", "% of target");
/// When an indicator is due.
pub const DUE: Text = Text::new("Termin", "Due");
/// The status of an indicator.
pub const STATUS: Text = Text::new("Status", "Status");
/// An indicator's forecast for its due date.
pub const FORECAST: Text = Text::new("Prognoza", "Forecast");
/// An output indicator (wskaźnik produktu).
pub const OUTPUT_INDICATOR: Text = Text::new("produkt", "output");
/// A result indicator (wskaźnik rezultatu).
pub const RESULT_INDICATOR: Text = Text::new("rezultat", "result");
/// The territorial level a group is formed once per.
pub const ONE_PER: Text = Text::new("Jedna na", "One per");
/// How many (groups) are expected.
pub const EXPECTED: Text = Text::new("Oczekiwano", "Expected");
/// How many (groups) the documents state.
pub const STATED: Text = Text::new("Wg dokumentów", "Stated");
/// How many persons (a group has).
pub const MEMBERS: Text = Text::new("Osób", "Members");
/// What a group becomes later.
pub const BECOMES: Text = Text::new("Staje się", "Becomes");
/// Meetings per group.
pub const PER_GROUP: Text = Text::new("Na grupę", "Per group");
/// A macroregion.
pub const MACROREGION: Text = Text::new("makroregion", "macroregion");
/// A territorial level.
pub const LEVEL: Text = Text::new("Poziom", "Level");
/// A TERYT code.
pub const TERYT_CODE: Text = Text::new("Kod TERYT", "TERYT code");
/// The TERYT code of the unit above.
pub const PARENT_CODE: Text = Text::new("Kod nadrzędny", "Parent code");
/// A month.
pub const MONTH: Text = Text::new("Miesiąc", "Month");
/// A row or column that sums the others.
pub const TOTAL: Text = Text::new("Razem", "Total");
/// Facts retracted.
pub const RETRACTED_FACTS: Text = Text::new("Wycofane fakty", "Retracted facts");
/// Records given twice.
pub const REPEATED_RECORDS: Text = Text::new("Powtórzone rekordy", "Repeated records");
/// Retractions of facts not (yet) known.
pub const PENDING_RETRACTIONS: Text = Text::new(
    "Wycofania nieznanych faktów",
    "Retractions of unknown facts",
);
/// The project's identifier.
pub const IDENTIFIER: Text = Text::new("Identyfikator", "Id");
/// A title.
pub const TITLE: Text = Text::new("Tytuł", "Title");
/// The English title.
pub const TITLE_EN: Text = Text::new("Tytuł (ang.)", "Title (English)");
/// The funding programme.
pub const PROGRAMME: Text = Text::new("Program", "Programme");
/// The programme's action (działanie).
pub const ACTION: Text = Text::new("Działanie", "Action");
/// The fund.
pub const FUND: Text = Text::new("Fundusz", "Fund");
/// The project's leader.
pub const LEADER: Text = Text::new("Lider", "Leader");
/// The partners.
pub const PARTNERS: Text = Text::new("Partnerzy", "Partners");
/// What a version of the plan is.
pub const VERSION_LABEL: Text = Text::new("Opis wersji", "Version label");
/// The first day.
pub const START: Text = Text::new("Początek", "Start");
/// The last day.
pub const END: Text = Text::new("Koniec", "End");
/// The report's date (a field name).
pub const AS_OF_DATE: Text = Text::new("Stan na dzień", "As of");
/// Days of the project's period passed.
pub const DAYS_PASSED: Text = Text::new("Dni okresu, które minęły", "Days of the period passed");
/// Days of the project's period.
pub const PERIOD_DAYS: Text = Text::new("Dni okresu", "Days of the period");
/// The schedule.
pub const SCHEDULE: Text = Text::new("Harmonogram", "Schedule");
/// The groups.
pub const GROUPS: Text = Text::new("Grupy", "Groups");
/// The project's territory.
pub const TERRITORY: Text = Text::new("Terytorium", "Territory");
/// The facts.
pub const FACTS: Text = Text::new("Fakty", "Facts");
/// A powiat.
pub const POWIAT: Text = Text::new("powiat", "powiat");
/// A gmina.
pub const GMINA: Text = Text::new("gmina", "gmina");
/// A meeting fact.
pub const FACT_MEETING: Text = Text::new("spotkanie", "meeting");
/// A coaching fact.
pub const FACT_COACHING: Text = Text::new("coaching", "coaching");
/// An agreement fact.
pub const FACT_AGREEMENT: Text = Text::new("porozumienie", "agreement");
/// A pilot fact.
pub const FACT_PILOT: Text = Text::new("pilotaż", "pilot");
/// A deliverable fact.
pub const FACT_DELIVERABLE: Text = Text::new("produkt", "deliverable");
/// A support fact.
pub const FACT_SUPPORT: Text = Text::new("wsparcie", "support");
/// A qualification fact.
pub const FACT_QUALIFICATION: Text = Text::new("kwalifikacja", "qualification");
/// A DI plan fact.
pub const FACT_DI_PLAN: Text = Text::new("plan DI", "DI plan");
/// An expenditure fact.
pub const FACT_EXPENDITURE: Text = Text::new("wydatek", "expenditure");
/// A retraction fact.
pub const FACT_RETRACTION: Text = Text::new("wycofanie", "retraction");
