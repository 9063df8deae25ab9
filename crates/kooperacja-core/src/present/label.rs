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
/// A milestone (the one under way, or the next, or the last).
pub const A_MILESTONE: Text = Text::new("Kamień milowy", "Milestone");
/// Until a date: {0} the date.
pub const UNTIL: Text = Text::new("do {0}", "until {0}");
/// From a date on: {0} the date.
pub const FROM_DATE: Text = Text::new("od {0}", "from {0}");
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
/// An indicator's due date in running text: {0} the date.
pub const DUE_ON_DATE: Text = Text::new("termin {0}", "due {0}");
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
/// A column of activities (działania).
pub const ACTIVITY: Text = Text::new("Działanie", "Activity");
/// Execution measured against the version in force (before its id).
pub const AGAINST_THE_VERSION_IN_FORCE: Text =
    Text::new("wobec wersji w mocy", "against the version in force");
/// The report's date when it falls outside the chart's period.
pub const AS_OF_OUTSIDE_THE_PERIOD: Text =
    Text::new("stan na (poza okresem)", "as of (outside the period)");
/// Before the description of one bad record.
pub const BAD_RECORD: Text = Text::new("błąd", "bad");
/// Bad (unreadable) fact records, counted.
pub const BAD_RECORDS: Plural = Plural::new(
    ["błędny rekord", "błędne rekordy", "błędnych rekordów"],
    ["bad record", "bad records"],
);
/// The total of bad records skipped, after the first few were listed.
pub const BAD_RECORDS_SKIPPED_IN_ALL: Text = Text::new(
    "{0} błędnych rekordów pominięto łącznie",
    "{0} bad records skipped in all",
);
/// What a group kind turns into (a column).
pub const BECOMES: Text = Text::new("Staje się", "Becomes");
/// A file that cannot be read: `{0}` the file, `{1}` why.
pub const CANNOT_READ_FILE: Text = Text::new("nie można odczytać {0}: {1}", "cannot read {0}: {1}");
/// A file that cannot be written: `{0}` the file, `{1}` why.
pub const CANNOT_WRITE_FILE: Text =
    Text::new("nie można zapisać {0}: {1}", "cannot write {0}: {1}");
/// Standard output that cannot be written: `{0}` why.
pub const CANNOT_WRITE_OUTPUT: Text =
    Text::new("nie można zapisać wyniku: {0}", "cannot write output: {0}");
/// The heading of what an amendment changed.
pub const CHANGES: Text = Text::new("Zmiany", "Changes");
/// A column of codes.
pub const CODE: Text = Text::new("Kod", "Code");
/// Days passed of a period's days: `{0}` passed, `{1}` all (`914 z 1736 dni`).
pub const PART_OF_WHOLE: Text = Text::new("{0} z {1}", "{0} of {1}");
/// A column of due dates.
pub const DUE: Text = Text::new("Termin", "Due");
/// A due date: `do 31.03.2019`.
pub const DUE_BY: Text = Text::new("do {0}", "by {0}");
/// A column of EU rates in per cent.
pub const EU_RATE_PERCENT: Text = Text::new("Stopa UE %", "EU rate %");
/// Facts the admission excluded (a heading).
pub const EXCLUDED_FACTS: Text = Text::new("Pominięte fakty", "Excluded facts");
/// Why facts were excluded and where to see each.
pub const EXCLUDED_FACTS_WHY: Text = Text::new(
    "nie pasują do projektu; wymienia je validate --facts",
    "they do not fit the project; validate --facts names them",
);
/// The heading of the budget's execution.
pub const EXECUTION: Text = Text::new("Wykonanie", "Execution");
/// A column of how many groups the territory calls for.
pub const EXPECTED: Text = Text::new("Oczekiwano", "Expected");
/// The facts (a heading).
pub const FACTS: Text = Text::new("Fakty", "Facts");
/// Facts, counted: `1 fakt`, `2 fakty`, `5 faktów`.
pub const FACTS_COUNTED: Plural = Plural::new(["fakt", "fakty", "faktów"], ["fact", "facts"]);
/// The total of excluded facts, after the first few were listed.
pub const FACTS_EXCLUDED_IN_ALL: Text = Text::new(
    "{0} faktów pominiętych łącznie",
    "{0} facts excluded in all",
);
/// `--facts` given with more than one project file.
pub const FACTS_NEED_ONE_PROJECT: Text = Text::new(
    "--facts wymaga dokładnie jednego pliku projektu",
    "--facts needs exactly one project file",
);
/// Facts retracted and repeated: `{0}` retracted, `{1}` repeated.
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
/// One fact the admission excluded: `{0}` its id, `{1}` the reason's code.
pub const FACT_EXCLUDED: Text = Text::new(
    "fakt {0} pominięty: {1} (validate --facts podaje przyczynę)",
    "fact {0} excluded: {1} (validate --facts says why)",
);
/// A file over its size limit: `{0}` the limit in MiB, `{1}` the kind of file.
pub const FILE_LARGER_THAN_LIMIT: Text = Text::new(
    "plik jest większy niż {0} MiB, limit dla {1}",
    "the file is larger than {0} MiB, the limit for {1}",
);
/// A file that is not UTF-8: `{0}` the first bad byte's offset.
pub const FILE_NOT_UTF8_AT_BYTE: Text = Text::new(
    "plik nie jest w UTF-8: byte {0}",
    "the file is not UTF-8: byte {0}",
);
/// The fact generator without a register.
pub const GENERATOR_NEEDS_REGISTER: Text = Text::new(
    "generator potrzebuje rejestru TERC: podaj --teryt lub territory.register",
    "the generator needs the TERC register: give --teryt or territory.register",
);
/// Gminas (a count's label).
pub const GMINAS: Text = Text::new("gminy", "gminas");
/// A column of groups.
pub const GROUP: Text = Text::new("Grupa", "Group");
/// The heading of the group kinds.
pub const GROUPS: Text = Text::new("Grupy", "Groups");
/// The heading of the groups' meetings.
pub const GROUP_MEETINGS: Text = Text::new("Spotkania grup", "Group meetings");
/// A column of meetings held.
pub const HELD: Text = Text::new("Odbyte", "Held");
/// The heading of how each stated EU amount was rounded.
pub const HOW_EU_AMOUNTS_WERE_ROUNDED: Text =
    Text::new("Jak zaokrąglono kwoty UE", "How each EU amount was rounded");
/// A column of indicators.
pub const INDICATOR: Text = Text::new("Wskaźnik", "Indicator");
/// A path that is a directory where a file was expected.
pub const IS_A_DIRECTORY: Text = Text::new("to katalog, nie plik", "it is a directory, not a file");
/// A column of kinds.
pub const KIND: Text = Text::new("Rodzaj", "Kind");
/// A column of a group's members.
pub const MEMBERS: Text = Text::new("Osób", "Members");
/// A column of milestones.
pub const MILESTONE: Text = Text::new("Kamień milowy", "Milestone");
/// A column of months.
pub const MONTH: Text = Text::new("Miesiąc", "Month");
/// Bad records beyond those listed: `{0}` how many.
pub const MORE_BAD_RECORDS: Text =
    Text::new("i {0} więcej błędnych rekordów", "and {0} more bad records");
/// A column of names.
pub const NAME: Text = Text::new("Nazwa", "Name");
/// Two versions without a difference.
pub const NO_CHANGES: Text = Text::new("bez zmian", "no changes");
/// A version without milestones.
pub const NO_MILESTONES: Text = Text::new(
    "ta wersja nie ma kamieni milowych",
    "this version has no milestones",
);
/// The first version has none before it: `{0}` its id.
pub const NO_VERSION_BEFORE: Text = Text::new(
    "brak wersji przed {0}; podaj --from",
    "no version before {0}; give --from",
);
/// "of a project file", after a size limit.
pub const OF_A_PROJECT_FILE: Text = Text::new("pliku projektu", "a project file");
/// "of the TERC register", after a size limit.
pub const OF_THE_TERC_REGISTER: Text = Text::new("rejestru TERC", "the TERC register");
/// A column of the EU part of an amount.
pub const OF_WHICH_EU: Text = Text::new("W tym UE", "Of which EU");
/// A column of the level a group kind has one group per.
pub const ONE_PER: Text = Text::new("Jedna na", "One per");
/// A column of partners.
pub const PARTNER: Text = Text::new("Partner", "Partner");
/// The heading of the partners.
pub const PARTNERS: Text = Text::new("Partnerzy", "Partners");
/// A column of meetings planned per group.
pub const PER_GROUP: Text = Text::new("Na grupę", "Per group");
/// The plan of a version (before its id).
pub const PLAN_OF_VERSION: Text = Text::new("plan wersji", "plan of version");
/// Powiats (a count's label).
pub const POWIATS: Text = Text::new("powiaty", "powiats");
/// A voivodeship's powiats and gminas: `{0}` powiats, `{1}` gminas.
pub const POWIATS_AND_GMINAS: Text = Text::new("{0} pow., {1} gm.", "{0} powiats, {1} gminas");
/// The programme's EU co-financing rate.
pub const PROGRAMME_EU_RATE: Text = Text::new("Stopa programu (UE)", "Programme EU rate");
/// A record skipped.
pub const SKIPPED: Text = Text::new("pominięto", "skipped");
/// Bad records skipped, and where to see them.
pub const SKIPPED_SEE_FACTS_CHECK: Text =
    Text::new("pominięto (zob. facts check)", "skipped (see facts check)");
/// The heading of the budget's sources.
pub const SOURCES: Text = Text::new("Źródła", "Sources");
/// A column of how many groups the documents state.
pub const STATED: Text = Text::new("Wg dokumentów", "Stated");
/// A column of status and forecast.
pub const STATUS_FORECAST: Text = Text::new("Status / prognoza", "Status / forecast");
/// A column of targets.
pub const TARGET: Text = Text::new("Cel", "Target");
/// The heading of the territory.
pub const TERRITORY: Text = Text::new("Terytorium", "Territory");
/// How the source document writes an amount that was repaired.
pub const THE_SOURCE_WRITES: Text = Text::new("w źródle zapisano", "the source writes");
/// A column of totals.
pub const TOTAL: Text = Text::new("Razem", "Total");
/// An unknown version id: `{0}` the id, `{1}` the known ids.
pub const UNKNOWN_VERSION: Text = Text::new(
    "nieznana wersja {0}; oczekiwano jednej z: {1}",
    "unknown version {0}; expected one of: {1}",
);
/// A column of values.
pub const VALUE: Text = Text::new("Wartość", "Value");
/// A version (before its id).
pub const VERSION: Text = Text::new("wersja", "version");
/// Voivodeships (a count's label).
pub const VOIVODESHIPS: Text = Text::new("województwa", "voivodeships");
/// The word of a gmina's type: `gmina miejska`, `urban`.
pub fn gmina_type(kind: crate::territory::GminaType) -> Text {
    use crate::territory::GminaType;
    match kind {
        GminaType::Urban => Text::new("gmina miejska", "urban"),
        GminaType::Rural => Text::new("gmina wiejska", "rural"),
        GminaType::UrbanRural => Text::new("gmina miejsko-wiejska", "urban-rural"),
    }
}
/// The word of the level a group kind has one group per: `województwo`.
pub fn group_level(level: crate::groups::GroupLevel) -> Text {
    use crate::groups::GroupLevel;
    match level {
        GroupLevel::Macroregion => Text::new("makroregion", "macroregion"),
        GroupLevel::Voivodeship => Text::new("województwo", "voivodeship"),
        GroupLevel::Powiat => Text::new("powiat", "powiat"),
        GroupLevel::Gmina => Text::new("gmina", "gmina"),
    }
}
/// No randomness for the run's pseudonym key: `{0}` why.
pub const NO_RANDOMNESS_FOR_PSEUDONYMS: Text = Text::new(
    "brak losowości dla pseudonimów osób: {0}",
    "no randomness for the pseudonyms of persons: {0}",
);
/// A line of a file: `wiersz 12`, `line 12`.
pub const LINE_NUMBER: Text = Text::new("wiersz {0}", "line {0}");
/// The heading of a column of voivodeships.
pub const VOIVODESHIP_HEADING: Text = Text::new("Województwo", "Voivodeship");
/// A fact of a batch that is refused: {0} its position from 0, {1} why.
pub const FACT_OF_THE_BATCH: Text = Text::new("fakt {0} partii: {1}", "fact {0} of the batch: {1}");
/// A write whose body is not JSON.
pub const BODY_NOT_JSON_TYPE: Text = Text::new(
    "oczekiwano treści typu application/json",
    "expected a body of type application/json",
);
/// A body over its limit: {0} the limit in bytes.
pub const BODY_TOO_LARGE: Text = Text::new(
    "treść jest większa niż {0} bajtów",
    "the body is larger than {0} bytes",
);
/// A body that cannot be read: {0} why.
pub const BODY_CANNOT_BE_READ: Text = Text::new(
    "nie można odczytać treści: {0}",
    "the body cannot be read: {0}",
);
/// A body that is not JSON: {0} where and why.
pub const BODY_NOT_VALID_JSON: Text = Text::new(
    "treść nie jest poprawnym JSON-em: {0}",
    "the body is not valid JSON: {0}",
);
/// A body that is not UTF-8: {0} the first bad byte's position from 1.
pub const BODY_NOT_UTF8: Text = Text::new(
    "treść nie jest w UTF-8: bajt {0} jest nieprawidłowy",
    "the body is not UTF-8: byte {0} is not valid",
);
/// A field holding what looks like a PESEL number: {0} the field.
pub const FIELD_LOOKS_LIKE_A_PESEL: Text = Text::new(
    "{0}: zawiera liczbę 11-cyfrową, czyli kształt numeru PESEL; żadne pole faktu nie może zawierać danych osobowych (osoby zapisuje się kluczami pseudonimowymi)",
    "{0}: holds an 11-digit number, the shape of a PESEL number; no field of a fact may hold personal data (persons are recorded by pseudonymous keys)",
);
/// A note over its limit: {0} the limit in characters.
pub const NOTE_TOO_LONG: Text = Text::new(
    "notatka jest dłuższa niż {0} znaków",
    "the note is longer than {0} characters",
);
/// A fact that fails the project's checks: {0} the project, {1} the first finding.
pub const FACT_DOES_NOT_FIT_THE_PROJECT: Text = Text::new(
    "fakt nie pasuje do projektu {0}: {1}",
    "the fact does not fit project {0}: {1}",
);
/// An expenditure over the project's whole value: {0} the amount, {1} the largest value.
pub const EXPENDITURE_OVER_THE_PROJECT_VALUE: Text = Text::new(
    "wydatek {0} jest większy niż cała wartość projektu; oczekiwano najwyżej {1} w którąkolwiek stronę",
    "an expenditure of {0} is larger than the project's whole value; expected at most {1} either way",
);
/// A batch body that is not an object.
pub const BATCH_NOT_AN_OBJECT: Text = Text::new(
    "oczekiwano obiektu {\"facts\": [...]}",
    "expected an object {\"facts\": [...]}",
);
/// A batch body with another field: {0} the field.
pub const BATCH_UNKNOWN_FIELD: Text = Text::new(
    "nieznane pole {0}; oczekiwano tylko \"facts\"",
    "unknown field {0}; expected only \"facts\"",
);
/// A batch body naming its facts twice.
pub const BATCH_FACTS_TWICE: Text = Text::new(
    "\"facts\" podano więcej niż raz",
    "\"facts\" is given more than once",
);
/// A batch body whose facts are not an array.
pub const BATCH_FACTS_NOT_AN_ARRAY: Text = Text::new(
    "oczekiwano \"facts\": tablicy faktów",
    "expected \"facts\": an array of facts",
);
/// A batch over its limit: {0} the facts in it, {1} the limit.
pub const BATCH_TOO_MANY_FACTS: Text = Text::new(
    "partia zawiera {0} faktów; naraz przyjmuje się najwyżej {1}",
    "the batch holds {0} facts; at most {1} are taken at once",
);
/// A fact kind that is not one: {0} the kind given, {1} the kinds.
pub const UNKNOWN_FACT_KIND: Text = Text::new(
    "nieznany rodzaj {0}; oczekiwano jednego z: {1}",
    "unknown kind {0}; expected one of: {1}",
);
/// A territory filter that is not digits: {0} the value given.
pub const TERRITORY_FILTER_NOT_DIGITS: Text = Text::new(
    "terytorium {0}: oczekiwano od 1 do 7 pierwszych cyfr kodu TERYT (04 dla województwa)",
    "territory {0}: expected the first 1 to 7 digits of a TERYT code (04 for a voivodeship)",
);
/// No fact of that id: {0} the project, {1} the id.
pub const NO_SUCH_FACT: Text = Text::new(
    "projekt {0} nie ma faktu {1}",
    "project {0} has no fact {1}",
);
/// The audit trail asked for by a partner: {0} the project.
pub const AUDIT_FOR_THE_LEADER_ONLY: Text = Text::new(
    "dziennik zmian jest tylko dla lidera projektu {0}",
    "the audit trail is for the leader of {0} only",
);
/// A query string that cannot be read: {0} why.
pub const QUERY_CANNOT_BE_READ: Text = Text::new(
    "nie można odczytać parametrów zapytania: {0}",
    "the query string cannot be read: {0}",
);
/// A path that cannot be read: {0} why.
pub const PATH_CANNOT_BE_READ: Text = Text::new(
    "nie można odczytać ścieżki: {0}",
    "the path cannot be read: {0}",
);
/// A token of another project: {0} its project, {1} the project asked for.
pub const TOKEN_OF_ANOTHER_PROJECT: Text = Text::new(
    "token jest dla projektu {0}, nie {1}",
    "the token is for project {0}, not {1}",
);
/// A token whose organisation is not in the project: {0} the organisation, {1} the project.
pub const TOKEN_ORGANISATION_NOT_IN_THE_PROJECT: Text = Text::new(
    "organizacja tokenu {0} nie jest organizacją projektu {1}",
    "the token's organisation {0} is not an organisation of project {1}",
);
/// A cursor this server did not give: {0} the value given.
pub const NOT_A_CURSOR: Text = Text::new(
    "{0} nie jest kursorem wydanym przez ten serwer; podaj next_cursor z poprzedniej strony",
    "cursor {0} is not a cursor this server gave; pass next_cursor from the previous page",
);
/// A page size out of range: {0} the value given, {1} the largest.
pub const LIMIT_OUT_OF_RANGE: Text = Text::new(
    "limit {0}: oczekiwano liczby całkowitej od 1 do {1}",
    "limit {0}: expected a whole number from 1 to {1}",
);
/// No version of that id: {0} the project, {1} the id, {2} the versions.
pub const NO_SUCH_VERSION: Text = Text::new(
    "projekt {0} nie ma wersji {1}; dostępne: {2}",
    "project {0} has no version {1}; expected one of: {2}",
);
/// A version with none before it to compare with: {0} the version, {1} the versions.
pub const NO_VERSION_BEFORE_IT: Text = Text::new(
    "wersja {0} nie ma wersji przed sobą; wskaż ją parametrem from (jedną z: {1})",
    "version {0} has no version before it; name one with from (one of: {1})",
);
