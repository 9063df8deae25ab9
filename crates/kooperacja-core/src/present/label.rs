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
/// The title of the dashboard page (the browser's tab).
pub const DASHBOARD_PAGE_TITLE: Text =
    Text::new("Stan projektów · kooperacja", "Project status · kooperacja");
/// The heading of a page of where the projects stand.
pub const PROJECT_STATUS: Text = Text::new("Stan projektów", "Project status");
/// Under the dashboard's heading: {0} the date of the reports.
pub const DASHBOARD_SUBTITLE: Text = Text::new(
    "Stan na {0}, z zapisanych faktów",
    "As of {0}, from the recorded facts",
);
/// The name of the language switch.
pub const LANGUAGE: Text = Text::new("Język", "Language");
/// Each language's name in itself: `Polski`, `English`.
pub const LANGUAGE_OWN_NAME: Text = Text::new("Polski", "English");
/// The list of the projects shown.
pub const PROJECTS: Text = Text::new("Projekty", "Projects");
/// The label of the date a report is made for (a date picker).
pub const REPORT_DATE: Text = Text::new("Stan na dzień", "Report date");
/// The button that shows what a form asks for.
pub const SHOW: Text = Text::new("Pokaż", "Show");
/// No project is served.
pub const NO_PROJECTS: Text = Text::new("Brak projektów.", "No projects.");
/// Where the dashboard's figures come from.
pub const FIGURES_FROM_THE_REPORT: Text = Text::new(
    "Wszystkie liczby na tej stronie, także prognozy, pochodzą z raportu liczonego z zapisanych faktów i z pliku projektu; strona tylko je układa.",
    "Every figure on this page, forecasts included, comes from the report computed from the recorded facts and the project file; the page only lays them out.",
);
/// Before the link to the API's data.
pub const SAME_DATA_IN_THE_API: Text =
    Text::new("Te same dane w API:", "The same data in the API:");
/// Before the link to the API's description (the OpenAPI document).
pub const API_DESCRIPTION: Text = Text::new("opis API:", "its description:");
/// The heading of a refusal of a date that is not one.
pub const INVALID_DATE: Text = Text::new("Nieprawidłowa data", "Invalid date");
/// Why a date was refused (the text given is not repeated: a refusal never
/// quotes the request).
pub const NOT_A_DATE: Text = Text::new(
    "To nie jest data: podaj datę w postaci 2020-09-30 albo wybierz ją z kalendarza.",
    "That is not a date: give one like 2020-09-30, or pick it from the calendar.",
);
/// The kind of a version: the funding agreement itself.
pub const AGREEMENT: Text = Text::new("umowa", "agreement");
/// The kind of a version: an amendment of the agreement.
pub const AMENDMENT: Text = Text::new("aneks", "amendment");
/// The days of a period passed: {0} passed, {1} in all.
pub const PERIOD_DAYS_PASSED: Text = Text::new("upłynęło {0} z {1} dni", "{0} of {1} days passed");
/// A part of a whole: {0} of {1} (`3 z 12`, `PLN 5.00 of PLN 10.00`).
pub const PART_OF_WHOLE: Text = Text::new("{0} z {1}", "{0} of {1}");
/// A milestone (the one under way, or the next, or the last).
pub const A_MILESTONE: Text = Text::new("Kamień milowy", "Milestone");
/// Until a date: {0} the date.
pub const UNTIL: Text = Text::new("do {0}", "until {0}");
/// From a date on: {0} the date.
pub const FROM_DATE: Text = Text::new("od {0}", "from {0}");
/// The version in force has no milestones.
pub const NO_MILESTONES: Text = Text::new(
    "ta wersja nie ma kamieni milowych",
    "this version has no milestones",
);
/// Indicators that reached their target (after a count of them).
pub const ACHIEVED_MANY: Text = Text::new("osiągniętych", "achieved");
/// The heading of the schedule with its milestones.
pub const TIMELINE_AND_MILESTONES: Text =
    Text::new("Harmonogram i kamienie milowe", "Timeline and milestones");
/// A project's schedule drawn as a chart.
pub const TIMELINE: Text = Text::new("Harmonogram", "Timeline");
/// The period of the whole project.
pub const PROJECT_PERIOD: Text = Text::new("Okres projektu", "Project period");
/// The project has no indicators.
pub const NO_INDICATORS: Text = Text::new(
    "Projekt nie ma wskaźników.",
    "The project has no indicators.",
);
/// An indicator's due date.
pub const DUE: Text = Text::new("termin", "due");
/// The forecast of an indicator's value at its due date.
pub const FORECAST_AT_DUE: Text = Text::new("prognoza na termin", "forecast at due date");
/// The heading of the budget by partner.
pub const BY_PARTNER: Text = Text::new("Według partnerów", "By partner");
/// The column of a partner with its plan and the share of it spent.
pub const PARTNER_PLAN_AND_SHARE_SPENT: Text = Text::new(
    "Partner (plan i jego wykonanie)",
    "Partner (plan and share spent)",
);
/// Planned (before an amount).
pub const PLANNED: Text = Text::new("plan", "planned");
/// Why some partners show no plan.
pub const PLAN_WHERE_STATED: Text = Text::new(
    "Plan jest podany tam, gdzie budżet wersji w mocy określa go dla partnera.",
    "A plan is shown where the budget of the version in force states one for the partner.",
);
/// The facts a report counts: {0} their number.
pub const FACTS_IN_THE_REPORT: Text =
    Text::new("Faktów w raporcie: {0}", "Facts in the report: {0}");
/// Facts retracted and repeated records: {0} retracted, {1} repeated.
pub const FACTS_RETRACTED_REPEATED: Text = Text::new(
    "wycofanych {0}, powtórzonych {1}",
    "retracted {0}, repeated {1}",
);
/// A link back to the top of a page.
pub const TO_THE_TOP: Text = Text::new("↑ na górę", "↑ to the top");
/// The title of a problem: a request that cannot be read as HTTP.
pub const PROBLEM_MALFORMED_REQUEST: Text = Text::new("Nieczytelne żądanie", "Unreadable request");
/// The title of a problem: a field of the body or a parameter is malformed.
pub const PROBLEM_INVALID_FIELD: Text = Text::new(
    "Nieprawidłowe pole lub parametr",
    "Invalid field or parameter",
);
/// The title of a problem: no token, or one that is not valid.
pub const PROBLEM_UNAUTHORIZED: Text = Text::new("Brak ważnego tokenu", "No valid token");
/// The title of a problem: the organisation may not do this.
pub const PROBLEM_FORBIDDEN: Text = Text::new("Brak uprawnień", "Not allowed");
/// The title of a problem: no such project, version or fact.
pub const PROBLEM_NOT_FOUND: Text = Text::new("Nie znaleziono", "Not found");
/// The title of a problem: a path the API does not have.
pub const PROBLEM_NO_SUCH_ROUTE: Text = Text::new("Nie ma takiej ścieżki", "No such path");
/// The title of a problem: a method the path does not take.
pub const PROBLEM_METHOD_NOT_ALLOWED: Text = Text::new("Niedozwolona metoda", "Method not allowed");
/// The title of a problem: the request took too long.
pub const PROBLEM_TIMEOUT: Text = Text::new("Przekroczono limit czasu", "Time limit exceeded");
/// The title of a problem: the id is stored with other content.
pub const PROBLEM_CONFLICT: Text =
    Text::new("Konflikt z zapisanym faktem", "Conflict with a stored fact");
/// The title of a problem: the body is over its limit.
pub const PROBLEM_TOO_LARGE: Text = Text::new("Za duże żądanie", "Request too large");
/// The title of a problem: the path and query are too long.
pub const PROBLEM_URI_TOO_LONG: Text = Text::new("Za długi adres", "Address too long");
/// The title of a problem: too many or too large headers.
pub const PROBLEM_HEADERS_TOO_LARGE: Text = Text::new("Za duże nagłówki", "Headers too large");
/// The title of a problem: the body is not JSON.
pub const PROBLEM_UNSUPPORTED_MEDIA_TYPE: Text =
    Text::new("Nieobsługiwany typ treści", "Unsupported media type");
/// The title of a problem: the record is not a fact of its kind.
pub const PROBLEM_INVALID_FACT: Text = Text::new("Nieprawidłowy fakt", "Invalid fact");
/// The title of a problem: a value has the shape of personal data.
pub const PROBLEM_PERSONAL_DATA: Text = Text::new(
    "Wartość wygląda na dane osobowe",
    "A value looks like personal data",
);
/// The title of a problem: the fact does not fit the project.
pub const PROBLEM_FACT_CHECK: Text = Text::new(
    "Fakt nie pasuje do projektu",
    "The fact does not fit the project",
);
/// The title of a problem: a project of one version has nothing to compare.
pub const PROBLEM_NOTHING_TO_COMPARE: Text =
    Text::new("Nie ma czego porównać", "Nothing to compare");
/// The title of a problem: the server failed.
pub const PROBLEM_INTERNAL: Text = Text::new("Błąd serwera", "Server error");
/// The title of a problem: the server is starting or its database is not available.
pub const PROBLEM_UNAVAILABLE: Text = Text::new("Serwer niedostępny", "Server unavailable");
/// The title of a problem of no other kind.
pub const PROBLEM_OTHER: Text = Text::new("Błąd", "Error");
/// A parameter that should be a date is not one: {0} the parameter's name.
pub const PARAMETER_NOT_A_DATE: Text = Text::new(
    "{0}: to nie jest data; podaj datę w postaci 2020-09-30",
    "{0}: not a date; expected a date like 2020-09-30",
);
/// The server is not ready yet.
pub const SERVER_STARTING: Text = Text::new(
    "serwer startuje: odbudowuje wskaźniki z bazy danych",
    "the server is starting: rebuilding the indicators from the database",
);
/// No project of that id is served: {0} the id, {1} the ids served.
pub const NO_SUCH_PROJECT: Text = Text::new(
    "nie ma tu projektu {0}; dostępne: {1}",
    "no project {0} is served here; expected one of: {1}",
);
/// A path that needs a token was asked for without one.
pub const TOKEN_NEEDED: Text = Text::new(
    "ta ścieżka wymaga tokenu: wyślij nagłówek \"Authorization: Bearer <token>\" (kooperacja-server token create)",
    "this endpoint needs a token: send \"Authorization: Bearer <token>\" (kooperacja-server token create)",
);
/// The token sent is not known, or has been revoked.
pub const TOKEN_UNKNOWN: Text = Text::new(
    "token jest nieznany albo został unieważniony",
    "the token is not known or has been revoked",
);
/// The Authorization header is not of the form `Bearer <token>`.
pub const AUTHORIZATION_MALFORMED: Text = Text::new(
    "oczekiwano nagłówka Authorization w postaci \"Bearer <token>\"",
    "expected an Authorization header of the form \"Bearer <token>\"",
);
/// A path the API does not have was asked for: {0} the path.
pub const NO_SUCH_ROUTE: Text = Text::new(
    "nie ma ścieżki {0}; zob. /v1/openapi.json",
    "there is no route {0}; see /v1/openapi.json",
);
/// A method the path does not take.
pub const METHOD_NOT_ALLOWED: Text = Text::new(
    "ta ścieżka nie przyjmuje tej metody; nagłówek Allow wymienia te, które przyjmuje",
    "this method is not allowed on this path; the Allow header lists those that are",
);
/// The request took too long: {0} the limit in milliseconds.
pub const REQUEST_TIMED_OUT: Text = Text::new(
    "żądanie nie zakończyło się w ciągu {0} ms; zapis mógł zostać zachowany: można go bezpiecznie powtórzyć",
    "the request was not completed within {0} ms; a write may still have been stored: retrying it is safe",
);
