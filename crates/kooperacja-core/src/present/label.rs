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
use crate::budget::FundingSource;
use crate::claim::{ClaimKind, ClaimStatus};
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

/// The word of a payment claim's kind: `refundacja`, `refund`.
///
/// ```
/// use kooperacja_core::claim::ClaimKind;
/// use kooperacja_core::present::{Lang, label};
/// assert_eq!(label::claim_kind(ClaimKind::Settlement).get(Lang::Pl), "rozliczenie zaliczki");
/// ```
pub fn claim_kind(kind: ClaimKind) -> Text {
    match kind {
        ClaimKind::Advance => Text::new("zaliczka", "advance"),
        ClaimKind::Refund => Text::new("refundacja", "refund"),
        ClaimKind::Settlement => Text::new("rozliczenie zaliczki", "settlement of an advance"),
        ClaimKind::Reporting => Text::new("sprawozdawczy", "reporting"),
        ClaimKind::Final => Text::new("końcowy", "final"),
    }
}

/// The word of where a payment claim stands: `złożony`, `filed`.
///
/// ```
/// use kooperacja_core::claim::ClaimStatus;
/// use kooperacja_core::present::{Lang, label};
/// assert_eq!(label::claim_status(ClaimStatus::Returned).get(Lang::En), "returned for correction");
/// ```
pub fn claim_status(status: ClaimStatus) -> Text {
    match status {
        ClaimStatus::Draft => Text::new("projekt", "draft"),
        ClaimStatus::Filed => Text::new("złożony", "filed"),
        ClaimStatus::Returned => Text::new("do poprawy", "returned for correction"),
        ClaimStatus::Corrected => Text::new("poprawiony", "corrected"),
        ClaimStatus::Approved => Text::new("zatwierdzony", "approved"),
    }
}

/// The name of a source of financing: `Budżet państwa`, `State budget`.
///
/// ```
/// use kooperacja_core::budget::FundingSource;
/// use kooperacja_core::present::{Lang, label};
/// assert_eq!(label::funding_source(FundingSource::Own).get(Lang::Pl), "Wkład własny");
/// ```
pub fn funding_source(source: FundingSource) -> Text {
    match source {
        FundingSource::Eu => Text::new("Środki UE", "EU funds"),
        FundingSource::StateBudget => Text::new("Budżet państwa", "State budget"),
        FundingSource::Jst => Text::new("Budżety JST", "JST budgets"),
        FundingSource::Own => Text::new("Wkład własny", "Own contribution"),
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
pub const PROJECTS_STATUS: Text = Text::new("Stan projektów", "Project status");
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
/// The row of the whole project under the partners' rows (its plan is the project value).
pub const WHOLE_PROJECT: Text = Text::new("Cały projekt", "Whole project");
/// The state of the project on the report's date (a document's subject).
pub const PROJECT_STATUS: Text = Text::new("Stan projektu", "Project status");
/// The header of a column of field names.
pub const FIELD: Text = Text::new("Pole", "Field");
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
/// Where in the project a finding is.
pub const FINDING_PATH: Text = Text::new("Miejsce", "Where");
/// What a finding says.
pub const MESSAGE: Text = Text::new("Opis", "Message");
/// A number in a list, abbreviated.
pub const NUMBER_ABBREVIATED: Text = Text::new("Nr", "No.");
/// A column holding a milestone's title or one of its activities.
pub const TITLE_OR_ACTIVITY: Text = Text::new("Tytuł / działanie", "Title / activity");
/// The state of a milestone.
pub const STATE: Text = Text::new("Stan", "State");
/// Meetings planned.
pub const MEETINGS_PLANNED: Text = Text::new("Spotkania: plan", "Meetings planned");
/// Meetings held.
pub const MEETINGS_HELD: Text = Text::new("Spotkania: odbyte", "Meetings held");
/// Days (of meetings) planned.
pub const DAYS_PLANNED: Text = Text::new("Dni: plan", "Days planned");
/// Days (of meetings) held.
pub const DAYS_HELD: Text = Text::new("Dni: odbyte", "Days held");
/// An identifier.
pub const ID: Text = Text::new("Id", "Id");
/// The unit of an indicator.
pub const UNIT: Text = Text::new("Jednostka", "Unit");
/// What an indicator has achieved.
pub const ACHIEVED: Text = Text::new("Osiągnięto", "Achieved");
/// The share of its target an indicator has achieved.
pub const SHARE_OF_TARGET: Text = Text::new("% celu", "% of target");
/// The status of an indicator.
pub const STATUS: Text = Text::new("Status", "Status");
/// An indicator's forecast for its due date.
pub const FORECAST: Text = Text::new("Prognoza", "Forecast");
/// An output indicator (wskaźnik produktu).
pub const OUTPUT_INDICATOR: Text = Text::new("produkt", "output");
/// A result indicator (wskaźnik rezultatu).
pub const RESULT_INDICATOR: Text = Text::new("rezultat", "result");
/// A macroregion.
pub const MACROREGION: Text = Text::new("makroregion", "macroregion");
/// A territorial level.
pub const LEVEL: Text = Text::new("Poziom", "Level");
/// A TERYT code.
pub const TERYT_CODE: Text = Text::new("Kod TERYT", "TERYT code");
/// The TERYT code of the unit above.
pub const PARENT_CODE: Text = Text::new("Kod nadrzędny", "Parent code");
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
/// A powiat.
pub const POWIAT: Text = Text::new("powiat", "powiat");
/// A gmina.
pub const GMINA: Text = Text::new("gmina", "gmina");
/// An expenditure fact.
pub const FACT_EXPENDITURE: Text = Text::new("wydatek", "expenditure");
/// A retraction fact.
pub const FACT_RETRACTION: Text = Text::new("wycofanie", "retraction");
/// After a partner's name: it is the leader.
pub const LEADER_MARK: Text = Text::new("lider", "leader");
/// Values given for no voivodeship.
pub const NO_TERRITORY: Text = Text::new("bez terytorium", "no territory");
/// The heading of a forced export's warning.
pub const EXPORTED_DESPITE_ERRORS: Text = Text::new(
    "Uwaga: raport wyeksportowany mimo błędów w planie projektu",
    "Warning: exported despite error findings in the project plan",
);
/// "Version in force:" before the version.
pub const VERSION_IN_FORCE_FIELD: Text = Text::new("Wersja w mocy:", "Version in force:");
/// "action" inside a sentence (the programme's działanie).
pub const ACTION_WORD: Text = Text::new("działanie", "action");
/// "Leader:" before the leader's name.
pub const LEADER_FIELD: Text = Text::new("Lider:", "Leader:");
/// The summary of a report.
pub const SUMMARY: Text = Text::new("Podsumowanie", "Summary");
/// How much of a period has passed.
pub const ELAPSED: Text = Text::new("Upłynęło", "Elapsed");
/// "of" between a part and its whole ("914 of 1736").
pub const OF: Text = Text::new("z", "of");
/// "days" after a count of days (any number).
pub const DAYS_WORD: Text = Text::new("dni", "days");
/// Said when no milestone is running.
pub const NO_MILESTONE_RUNNING: Text =
    Text::new("żaden kamień milowy nie trwa", "no milestone is running");
/// "until" before a date.
pub const UNTIL_WORD: Text = Text::new("do", "until");
/// Said in a summary when there are no indicators.
pub const NO_INDICATORS_SHORT: Text = Text::new("brak wskaźników", "no indicators");
/// An item of a table.
pub const ITEM: Text = Text::new("Pozycja", "Item");
/// A share of the project value.
pub const SHARE_OF_PROJECT_VALUE: Text =
    Text::new("Udział w wartości projektu", "Share of the total");
/// The title of the chart of the budget by source and its execution.
pub const BUDGET_BY_SOURCE_AND_EXECUTION: Text = Text::new(
    "Budżet według źródeł finansowania i wykonanie",
    "The budget by source of funding, and its execution",
);
/// "EU contribution" inside a sentence.
pub const EU_CONTRIBUTION_WORD: Text = Text::new("wkład UE", "EU contribution");
/// "national contribution" inside a sentence.
pub const NATIONAL_CONTRIBUTION_WORD: Text = Text::new("wkład krajowy", "national contribution");
/// "spent" inside a sentence.
pub const SPENT_WORD: Text = Text::new("wydano", "spent");
/// "remaining" inside a sentence.
pub const REMAINING_WORD: Text = Text::new("pozostało", "remaining");
/// The caption of the budget chart.
pub const BUDGET_CHART_CAPTION: Text = Text::new(
    "Wartość projektu według źródeł (wkład UE i wkład krajowy) oraz wydatki z faktów do dnia raportu.",
    "The total value by source (EU and national contribution), and the spending recorded in facts up to the report's date.",
);
/// The heading of the partners' budgets and spending.
pub const PARTNERS_BUDGETS_AND_SPENDING: Text = Text::new(
    "Budżet i wydatki partnerów",
    "Partners' budgets and spending",
);
/// Said when no partner has a budget or spending.
pub const NO_PARTNER_BUDGETS: Text = Text::new(
    "Wersja w mocy nie dzieli budżetu między partnerów, a fakty nie zawierają wydatków partnerów.",
    "The version in force does not split the budget among partners, and no partner spending is recorded.",
);
/// The title of the chart of partners' budgets and spending.
pub const BUDGET_AND_SPENDING_BY_PARTNER: Text = Text::new(
    "Budżet i wydatki według partnerów",
    "Budget and spending by partner",
);
/// Said of a value the project file does not give.
pub const NOT_STATED: Text = Text::new("nie podano", "not stated");
/// A legend: planned in the version in force.
pub const PLANNED_IN_VERSION_IN_FORCE: Text =
    Text::new("plan w wersji w mocy", "planned in the version in force");
/// A legend: spent up to the report's date.
pub const SPENT_UP_TO_REPORT_DATE: Text =
    Text::new("wydano do dnia raportu", "spent up to the report's date");
/// Said of a partner whose plan the version in force does not state.
pub const PLAN_NOT_STATED: Text = Text::new(
    "plan: nie podano w wersji w mocy",
    "planned: not stated in the version in force",
);
/// The caption of the partners' chart.
pub const PARTNER_CHART_CAPTION: Text = Text::new(
    "Kwota partnera w budżecie wersji w mocy (jeśli ją podaje) i suma jego faktów o wydatkach; jedna skala dla wszystkich pasków.",
    "Each partner's amount in the budget of the version in force (where it states one) and the sum of its expenditure facts; one scale for all bars.",
);
/// Said when the version in force has no milestones (a sentence).
pub const THIS_VERSION_HAS_NO_MILESTONES: Text = Text::new(
    "Ta wersja nie ma kamieni milowych.",
    "This version has no milestones.",
);
/// A milestone, in a narrow column.
pub const MILESTONE_SHORT: Text = Text::new("Kamień", "Milestone");
/// Days passed, in a narrow column.
pub const DAYS_PASSED_SHORT: Text = Text::new("Upłynęło dni", "Days passed");
/// The title of the timeline, before the report's date.
pub const TIMELINE_AS_OF: Text = Text::new(
    "Oś czasu projektu i kamieni milowych, stan na",
    "Timeline of the project and its milestones, as of",
);
/// "of the period" after a percentage.
pub const OF_THE_PERIOD: Text = Text::new("okresu", "of the period");
/// Said of a date outside the timeline's axis.
pub const OUTSIDE_THE_AXIS: Text = Text::new("poza osią", "outside the axis");
/// The caption of the timeline.
pub const TIMELINE_CAPTION: Text = Text::new(
    "Szary pasek: okres projektu (ciemniejsza część upłynęła). Kamienie milowe: zakończone ciemne, w trakcie niebieskie (ciemniejsza część upłynęła), nierozpoczęte jasne. Czerwona linia: dzień raportu.",
    "Grey bar: the project's period (the darker part has passed). Milestones: finished dark, running blue (the darker part has passed), not started light. Red line: the report's date.",
);
/// Said when the project has no indicators.
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
/// Progress to target.
pub const PROGRESS_TO_TARGET: Text = Text::new("Postęp względem celu", "Progress to target");
/// Value / target.
pub const VALUE_AND_TARGET: Text = Text::new("Wartość / cel", "Value / target");
/// A product (output) indicator, in words.
pub const PRODUCT_INDICATOR: Text = Text::new("wskaźnik produktu", "product indicator");
/// A result indicator, in words.
pub const RESULT_INDICATOR_WORDS: Text = Text::new("wskaźnik rezultatu", "result indicator");
/// Said of a share not evaluated.
pub const NOT_EVALUATED_YET: Text = Text::new("nie oceniono", "not evaluated");
/// "of target" after a percentage.
pub const OF_TARGET: Text = Text::new("celu", "of target");
/// "forecast" inside a sentence.
pub const FORECAST_WORD: Text = Text::new("prognoza", "forecast");
/// The caption of the indicators' bars.
pub const INDICATOR_BAR_CAPTION: Text = Text::new(
    "Pasek: wartość względem celu (cały pasek = cel), w kolorze statusu. Znacznik ▾ i przerywana linia: prognoza na termin przy dotychczasowym tempie (dla wskaźników w toku).",
    "Bar: the value against the target (the whole bar is the target), in the status's colour. Mark ▾ and dashed line: the forecast at the due date at the pace so far (for open indicators).",
);
/// The heading of the territory and indicators by voivodeship.
pub const TERRITORY_AND_INDICATORS: Text = Text::new(
    "Obszar i wskaźniki według województw",
    "Territory and indicators by voivodeship",
);
/// Said when the project lists no voivodeships.
pub const NO_VOIVODESHIPS: Text = Text::new(
    "Plik projektu nie wymienia województw.",
    "The project file lists no voivodeships.",
);
/// The partner responsible for a voivodeship.
pub const RESPONSIBLE_PARTNER: Text = Text::new("Partner odpowiedzialny", "Responsible partner");
/// A column of powiats with their TERYT codes and gminas.
pub const POWIATS_WITH_GMINAS: Text = Text::new(
    "Powiaty (TERYT, gminy w projekcie)",
    "Powiats (TERYT, gminas in the project)",
);
/// Said of a voivodeship without powiats listed.
pub const NO_POWIATS_LISTED: Text = Text::new("bez wskazanych powiatów", "no powiats listed");
/// The title of the tile map.
pub const TILE_MAP_TITLE: Text = Text::new(
    "Mapa kafelkowa województw; województwa projektu wyróżnione",
    "Tile map of the voivodeships; the project's voivodeships highlighted",
);
/// The project's voivodeships.
pub const PROJECT_VOIVODESHIPS: Text =
    Text::new("Województwa projektu", "The project's voivodeships");
/// Said when a list is empty.
pub const NONE: Text = Text::new("brak", "none");
/// Said of a voivodeship taken whole.
pub const WHOLE_REGION: Text = Text::new("cały region", "whole region");
/// The caption of the tile map.
pub const TILE_MAP_CAPTION: Text = Text::new(
    "Województwa w przybliżonym położeniu; niebieskie należą do projektu (kod TERYT, liczba powiatów, partner).",
    "Voivodeships in their approximate places; blue ones belong to the project (TERYT code, number of powiats, partner).",
);
/// Indicators by voivodeship.
pub const INDICATORS_BY_VOIVODESHIP: Text =
    Text::new("Wskaźniki według województw", "Indicators by voivodeship");
/// Said when no indicator has a value by voivodeship.
pub const NO_VALUES_BY_VOIVODESHIP: Text = Text::new(
    "Żaden wskaźnik nie ma jeszcze wartości w podziale na województwa.",
    "No indicator has a value by voivodeship yet.",
);
/// Before the indicators without values by voivodeship.
pub const WITHOUT_VALUES_BY_VOIVODESHIP: Text = Text::new(
    "Bez wartości w podziale na województwa",
    "No value by voivodeship",
);
/// "As of" starting a sentence, before a date.
pub const AS_OF_SENTENCE: Text = Text::new("Stan na", "As of");
/// "generated by" before a program's name.
pub const GENERATED_BY: Text = Text::new("wygenerowano programem", "generated by");
/// Said of a page that loads nothing from the network.
pub const SELF_CONTAINED_PAGE: Text = Text::new(
    "Strona jest samodzielna: nie pobiera niczego z sieci.",
    "The page is self-contained: it loads nothing from the network.",
);
/// Gminas, counted.
pub const GMINAS_COUNTED: Plural = Plural::new(["gmina", "gminy", "gmin"], ["gmina", "gminas"]);
/// Powiats, counted.
pub const POWIATS_COUNTED: Plural =
    Plural::new(["powiat", "powiaty", "powiatów"], ["powiat", "powiats"]);
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
/// The facts: `{0}` live ones, `{1}` retracted, `{2}` repeated.
pub const FACTS_RETRACTED_REPEATED: Text = Text::new(
    "Fakty: {0} (wycofanych {1}, powtórzonych {2})",
    "Facts: {0} (retracted {1}, repeated {2})",
);
/// A link back to the top of a page.
pub const TO_THE_TOP: Text = Text::new("↑ na górę", "↑ to the top");
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
pub const GMINAS_WORD: Text = Text::new("gminy", "gminas");
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
    "Wersja w mocy nie ma kamieni milowych.",
    "The version in force has no milestones.",
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
pub const POWIATS_WORD: Text = Text::new("powiaty", "powiats");
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

/// The column of women in a split by sex.
pub const SEX_WOMEN: Text = Text::new("kobiety", "women");
/// The column of men in a split by sex.
pub const SEX_MEN: Text = Text::new("mężczyźni", "men");
/// The column of non-binary persons in a split by sex (where national law has the category).
pub const SEX_NON_BINARY: Text = Text::new("osoby niebinarne", "non-binary persons");
/// The column of persons with no recorded sex in a split by sex.
pub const SEX_UNKNOWN: Text = Text::new("płeć nieznana", "sex not recorded");
/// The total of a split by sex (ogółem).
pub const SEX_TOTAL: Text = Text::new("ogółem", "total");
/// A cell hidden by small-cell suppression: `{0}` the threshold (`<5`).
pub const CELL_HIDDEN: Text = Text::new("<{0}", "<{0}");
/// Records missing a required characteristic, not shown as participants.
pub const PARTICIPANTS_INCOMPLETE: Text = Text::new(
    "rekordy niekompletne (nie wykazywane jako uczestnicy)",
    "incomplete records (not shown as participants)",
);
/// The built-in kind of a participant's entry into support.
pub const FACT_ENTRY: Text = Text::new("przystąpienie do wsparcia", "entry into support");
/// The built-in kind of a participant's exit from support.
pub const FACT_EXIT: Text = Text::new("zakończenie udziału", "exit from support");
/// The built-in kind of a transfer received (an advance).
pub const FACT_TRANSFER: Text = Text::new("transza", "transfer");
/// Why an upgrade changed `format`: the version of the file format.
pub const UPGRADE_WHY_FORMAT: Text = Text::new(
    "wersja formatu pliku projektu",
    "the version of the project file format",
);
/// Why an upgrade added `[[enumerations]]` and `[[fact_kinds]]`.
pub const UPGRADE_WHY_VOCABULARY: Text = Text::new(
    "rodzaje faktów i wyliczenia formatu 1, teraz zadeklarowane w pliku",
    "format 1's kinds of fact and enumerations, now declared in the file",
);
/// Why an upgrade added `activity_enumeration`.
pub const UPGRADE_WHY_ACTIVITY_ENUMERATION: Text = Text::new(
    "rodzaje działań kamieni milowych to wartości wyliczenia `activity`",
    "the kinds of milestone activities are values of the enumeration `activity`",
);
/// Why an upgrade rewrote `count = "meeting-days"` or `"participants"` as `sum`.
pub const UPGRADE_WHY_SUM: Text = Text::new(
    "format 2 nazywa sumowane pole faktu",
    "format 2 names the field of the facts that is summed",
);
/// Why an upgrade added `absent = ["person"]` to a distinct count of institutions.
pub const UPGRADE_WHY_SUPPORT_WITHOUT_PERSON: Text = Text::new(
    "format 1 liczył instytucję wsparcia tylko we wsparciu bez osoby; przy osobie to jej pracodawca",
    "format 1 counted the institution of a support only when no person was supported; with a person it is the employer",
);
/// Why an upgrade added `counts` to a milestone activity.
pub const UPGRADE_WHY_ACTIVITY_COUNTS: Text = Text::new(
    "fakty, które format 1 liczył dla tego rodzaju działania",
    "the facts format 1 counted for this kind of activity",
);
/// Why an upgrade added `sessions = ["by", "date"]` to a coaching activity.
pub const UPGRADE_WHY_COACHING_SESSIONS: Text = Text::new(
    "jedna sesja coachingu na organizację i dzień, jak w formacie 1",
    "one coaching session per organisation and day, as in format 1",
);
/// A file the upgrade rewrote: `{0}` the file, `{1}` the old format, `{2}` the new.
pub const UPGRADED_FILE: Text = Text::new(
    "{0}: zaktualizowano z formatu {1} do formatu {2}",
    "{0}: upgraded from format {1} to format {2}",
);
/// A file the upgrade left as it was: `{0}` the file, `{1}` its format.
pub const ALREADY_CURRENT_FORMAT: Text = Text::new(
    "{0}: plik jest już w formacie {1}; nic do zmiany",
    "{0}: the file is already in format {1}; nothing to change",
);
/// A file to upgrade that is not TOML: `{0}` the parser's message.
pub const UPGRADE_NOT_TOML: Text = Text::new(
    "to nie jest poprawny plik TOML: {0}",
    "not a valid TOML file: {0}",
);
/// A file to upgrade without a `format` key.
pub const UPGRADE_NO_FORMAT: Text = Text::new(
    "brak klucza `format` na najwyższym poziomie pliku; plik projektu zaczyna się od `format = 1` albo `format = 2`",
    "no `format` key at the top level of the file; a project file starts with `format = 1` or `format = 2`",
);
/// A file to upgrade of a format this version does not know: `{0}` the value.
pub const UPGRADE_UNKNOWN_FORMAT: Text = Text::new(
    "nieznany format pliku projektu {0}: ta wersja programu czyta formaty 1 i 2 (liczba całkowita)",
    "unknown project file format {0}: this version of kooperacja reads formats 1 and 2 (an integer)",
);
/// A format-1 file holding a key only format 2 has: `{0}` the key.
pub const UPGRADE_FORMAT2_KEY_IN_FORMAT1: Text = Text::new(
    "plik w formacie 1 ma klucz `{0}` formatu 2; ustaw `format = 2` albo usuń ten klucz",
    "a format-1 file has the format-2 key `{0}`; set `format = 2` or remove the key",
);
/// In place of an amount the sources do not publish (a budget stated as `"unknown"`).
pub const UNKNOWN_AMOUNT: Text = Text::new("nieznana", "unknown");
/// A fact's date, as a column header of a sheet to fill in.
pub const FACT_DATE: Text = Text::new("Data", "Date");
/// The organisation that records a fact, as a column header.
pub const FACT_BY: Text = Text::new("Organizacja", "Organisation");
/// A fact's free note, as a column header.
pub const FACT_NOTE: Text = Text::new("Uwagi", "Note");
/// The title of a problem document listing the bad cells of an upload.
pub const PROBLEM_IMPORT_PROBLEMS: Text = Text::new(
    "Błędy w przesłanych arkuszach",
    "Problems in the uploaded sheets",
);
/// The detail of a refused upload: `{0}` how many problems.
pub const UPLOAD_NOTHING_STORED: Text = Text::new(
    "nic nie zapisano; błędów w przesłanych plikach: {0}, każdy opisany w `cells` (plik, arkusz, wiersz, kolumna)",
    "nothing was stored; problems in the uploaded files: {0}, each listed in `cells` (file, sheet, row, column)",
);
/// An upload whose body is not a multipart form.
pub const UPLOAD_NOT_MULTIPART: Text = Text::new(
    "treść nie jest formularzem multipart/form-data; wyślij pliki w częściach `file`",
    "the body is not multipart/form-data; send the files as `file` parts",
);
/// An upload with no file: `{0}` the name of the part that carries one.
pub const UPLOAD_NO_FILE: Text = Text::new(
    "nie przesłano żadnego pliku: formularz wysyła pliki XLSX lub CSV w częściach `{0}`",
    "no file was sent: the form sends XLSX or CSV files as `{0}` parts",
);
/// A multipart body that cannot be read: `{0}` why.
pub const UPLOAD_CANNOT_BE_READ: Text = Text::new(
    "nie można odczytać formularza: {0}",
    "the form cannot be read: {0}",
);
/// A part of an upload form that is not one of the known ones: `{0}` the part, `{1}` the known parts.
pub const UPLOAD_UNKNOWN_PART: Text = Text::new(
    "nieznana część formularza {0}; znane części: {1}",
    "unknown part {0} of the form; the known parts: {1}",
);
/// An upload with more files than allowed: `{0}` how many, `{1}` the most.
pub const UPLOAD_TOO_MANY_FILES: Text = Text::new(
    "przesłano {0} plików, a najwięcej można {1} naraz",
    "{0} files were sent, and at most {1} are taken at once",
);
/// An upload whose files hold more rows than one import may: `{0}` how many facts, `{1}` the most.
pub const UPLOAD_TOO_MANY_FACTS: Text = Text::new(
    "przesłane pliki mają {0} faktów, a jeden import może mieć najwyżej {1}; podziel je",
    "the uploaded files hold {0} facts, and one import takes at most {1}; split them",
);
/// A text part of an upload form that is too long: `{0}` the part, `{1}` the most characters.
pub const UPLOAD_PART_TOO_LONG: Text = Text::new(
    "część formularza `{0}` jest dłuższa niż {1} znaków",
    "the part `{0}` of the form is longer than {1} characters",
);
/// The heading and title of the page to upload a sheet of facts.
pub const UPLOAD_SHEET: Text = Text::new("Wgraj arkusz faktów", "Upload a sheet of facts");
/// What the upload page is for: `{0}` the project's title.
pub const UPLOAD_SHEET_INTRO: Text = Text::new(
    "Plik XLSX lub CSV (np. wypełniony szablon z `kooperacja facts template`) dla projektu {0}. Wszystkie wiersze są sprawdzane; nic nie jest zapisywane, dopóki każda komórka nie jest dobra, a ten sam arkusz wgrany drugi raz niczego nie dodaje.",
    "An XLSX or CSV file (such as the filled-in template from `kooperacja facts template`) for the project {0}. Every row is checked; nothing is stored until every cell is good, and the same sheet uploaded again adds nothing.",
);
/// The field for the partner's access token.
pub const ACCESS_TOKEN: Text = Text::new("Token dostępu", "Access token");
/// The field for the files to upload.
pub const FILES_XLSX_OR_CSV: Text = Text::new("Pliki (XLSX lub CSV)", "Files (XLSX or CSV)");
/// The choice of the kind of facts that leaves it to the sheet (its name or a kind column).
pub const KIND_FROM_THE_SHEET: Text = Text::new(
    "według arkusza (nazwa arkusza lub kolumna Rodzaj)",
    "as the sheet says (its name or a Kind column)",
);
/// The button that sends a form.
pub const SEND: Text = Text::new("Wyślij", "Send");
/// A file, as a column header of a report.
pub const FILE: Text = Text::new("Plik", "File");
/// A sheet of a workbook, as a column header of a report.
pub const SHEET: Text = Text::new("Arkusz", "Sheet");
/// A row of a sheet, as a column header of a report.
pub const ROW: Text = Text::new("Wiersz", "Row");
/// A column of a sheet, as a column header of a report.
pub const COLUMN: Text = Text::new("Kolumna", "Column");
/// The heading of an upload refused for its cells.
pub const UPLOAD_REFUSED: Text = Text::new(
    "Nic nie zapisano: popraw te komórki i wyślij pliki ponownie",
    "Nothing was stored: correct these cells and send the files again",
);
/// The heading of an upload refused as a whole (a token, the form).
pub const UPLOAD_NOT_TAKEN: Text = Text::new("Nie przyjęto przesyłki", "The upload was not taken");
/// The heading of an upload whose facts were stored.
pub const UPLOAD_STORED: Text = Text::new("Zapisano", "Stored");
/// How many facts an upload stored now: `{0}` the count (as `label::FACTS_COUNTED` says it).
pub const FACTS_STORED_NOW: Text = Text::new("zapisane teraz: {0}", "stored now: {0}");
/// How many facts of an upload were stored before: `{0}` the count.
pub const FACTS_ALREADY_STORED: Text = Text::new(
    "już zapisane wcześniej (bez zmian): {0}",
    "already stored before (unchanged): {0}",
);
/// The link back to the upload form.
pub const UPLOAD_ANOTHER: Text = Text::new("Wgraj kolejny plik", "Upload another file");
/// The link from the upload page back to the dashboard.
pub const BACK_TO_THE_DASHBOARD: Text = Text::new("Powrót do przeglądu", "Back to the dashboard");
/// The first line of a template's instructions: `{0}` the kind's name, `{1}` the project's id.
pub const TEMPLATE_FOR_KIND: Text = Text::new(
    "Arkusz do wypełnienia: {0} (projekt {1})",
    "Sheet to fill in: {0} (project {1})",
);
/// A template's instruction on rows: `{0}` the data sheet's name.
pub const TEMPLATE_ONE_ROW_ONE_FACT: Text = Text::new(
    "Każdy wiersz arkusza „{0}” to jeden fakt. Pierwszy wiersz to nagłówki: nie zmieniaj ich ani nazwy arkusza.",
    "Each row of the sheet \"{0}\" is one fact. The first row holds the headers: change neither them nor the sheet's name.",
);
/// A template's instruction on required columns.
pub const TEMPLATE_REQUIRED_BOLD: Text = Text::new(
    "Kolumny z pogrubionym nagłówkiem są wymagane; pozostałe można zostawić puste.",
    "Columns with a bold header are required; the others may be left empty.",
);
/// A template's instruction on typed cells.
pub const TEMPLATE_TYPED_CELLS: Text = Text::new(
    "Daty wpisuj jako daty, kwoty i liczby jako liczby, wartości z listy wybieraj z rozwijanej listy. Nie wpisuj formuł.",
    "Enter dates as dates, amounts and numbers as numbers, and pick listed values from the drop-down list. Enter no formulas.",
);
/// A template's instruction on persons.
pub const TEMPLATE_PERSONS: Text = Text::new(
    "Osobę wpisuj tylko jej kluczem nadanym w projekcie (np. k-0157), nigdy imieniem, nazwiskiem, numerem PESEL, adresem ani telefonem: arkusz z takimi danymi zostanie odrzucony.",
    "Enter a person only by the key the project gave them (such as k-0157), never by a name, a PESEL number, an address or a phone number: a sheet holding such data is refused.",
);
/// A template's instruction on merged cells and empty rows.
pub const TEMPLATE_NO_MERGING: Text = Text::new(
    "Nie scalaj komórek; puste wiersze są pomijane.",
    "Do not merge cells; empty rows are skipped.",
);
/// A template's instruction on importing it.
pub const TEMPLATE_HOW_TO_IMPORT: Text = Text::new(
    "Wypełniony plik wczytuje się poleceniem „kooperacja facts import PROJEKT.toml PLIK.xlsx” albo formularzem na serwerze. Każdy błąd jest wskazany arkuszem, wierszem i kolumną, a nic nie jest zapisane, dopóki wszystkie nie są poprawione. Ponowne wczytanie tego samego pliku niczego nie dubluje.",
    "The filled-in file is imported with \"kooperacja facts import PROJECT.toml FILE.xlsx\" or the server's upload form. Every error is named by sheet, row and column, and nothing is written until all are fixed. Importing the same file again adds nothing.",
);
/// The heading of the columns in a template's instructions.
pub const TEMPLATE_COLUMNS: Text = Text::new("Kolumny:", "Columns:");
/// One column in a template's instructions: `{0}` the header, `{1}` what it takes.
pub const TEMPLATE_COLUMN_LINE: Text = Text::new("{0}: {1}", "{0}: {1}");
/// The name of a template's instructions sheet.
pub const SHEET_OF_INSTRUCTIONS: Text = Text::new("Instrukcja", "Instructions");
/// The name of a template's hidden sheet of drop-down lists.
pub const SHEET_OF_LISTS: Text = Text::new("Listy", "Lists");
/// What a date column takes.
pub const HELP_DATE: Text = Text::new("data, np. 11.02.2020", "a date, such as 2020-02-11");
/// What an organisation column takes.
pub const HELP_ORGANISATION: Text = Text::new(
    "identyfikator organizacji projektu (z listy)",
    "the id of one of the project's organisations (from the list)",
);
/// What a TERYT column takes.
pub const HELP_TERYT: Text = Text::new(
    "kod TERYT jednostki, np. 0410033 dla gminy, 0410 dla powiatu",
    "the TERYT code of the unit, such as 0410033 for a gmina, 0410 for a powiat",
);
/// What a note column takes.
pub const HELP_NOTE: Text = Text::new(
    "dowolny tekst, bez danych osobowych",
    "any text, without personal data",
);
/// A column's help, required: `{0}` what it takes.
pub const HELP_REQUIRED: Text = Text::new("{0}; wymagane", "{0}; required");
/// What an amount column takes.
pub const HELP_AMOUNT: Text = Text::new(
    "kwota w złotych z groszami, np. 1234,56",
    "an amount in złoty and grosze, such as 1234.56",
);
/// What a count or days column takes.
pub const HELP_WHOLE_NUMBER: Text = Text::new("liczba całkowita od 0", "a whole number from 0");
/// What an hours column takes.
pub const HELP_HOURS: Text = Text::new(
    "liczba godzin, najwyżej dwa miejsca po przecinku, np. 1,5",
    "a number of hours, at most two decimal places, such as 1.5",
);
/// What a person column takes.
pub const HELP_PERSON: Text = Text::new(
    "klucz osoby nadany w projekcie, np. k-0157; nigdy imię, nazwisko ani PESEL",
    "the person's key the project gave, such as k-0157; never a name or a PESEL number",
);
/// What a household column takes.
pub const HELP_HOUSEHOLD: Text = Text::new(
    "klucz rodziny nadany w projekcie, np. r-0042; nigdy nazwisko ani adres",
    "the household's key the project gave, such as r-0042; never a name or an address",
);
/// What an institution column takes.
pub const HELP_INSTITUTION: Text = Text::new(
    "identyfikator instytucji, np. ops-naklo",
    "the institution's id, such as ops-naklo",
);
/// What a group column takes.
pub const HELP_GROUP: Text = Text::new(
    "kod rodzaju grupy projektu (z listy)",
    "the code of one of the project's kinds of group (from the list)",
);
/// What an enumeration column takes.
pub const HELP_CHOOSE: Text = Text::new("wartość z listy", "a value from the list");
/// What a free-text column takes.
pub const HELP_TEXT: Text = Text::new("dowolny tekst", "any text");
/// A column's help, several values: `{0}` what each takes.
pub const HELP_SEVERAL: Text = Text::new(
    "{0}; kilka wartości oddziel spacjami",
    "{0}; separate several values with spaces",
);
/// A column's help, with a default: `{0}` what it takes, `{1}` the default.
pub const HELP_DEFAULT: Text = Text::new("{0}; puste oznacza {1}", "{0}; empty means {1}");
/// What a secret that is not hexadecimal should be.
pub const SECRET_HEX_DIGITS_EXPECTED: Text = Text::new(
    "oczekiwano 64 cyfr szesnastkowych (0–9, a–f)",
    "64 hex digits (0-9, a-f) expected",
);
/// A fact appended: `{0}` the file, `{1}` the id, `{2}` the kind, `{3}` the date.
pub const FACT_APPENDED: Text = Text::new(
    "{0}: dopisano fakt {1} ({2}, {3})",
    "{0}: appended fact {1} ({2}, {3})",
);
/// A fact already in the file: `{0}` the file, `{1}` the id, `{2}` the kind, `{3}` the date.
pub const FACT_ALREADY_THERE: Text = Text::new(
    "{0}: fakt {1} ({2}, {3}) już tam jest; nic nie dopisano",
    "{0}: fact {1} ({2}, {3}) is already there; nothing appended",
);
/// A fact whose id the file holds with other content: `{0}` the file, `{1}` the id.
pub const FACT_ID_CONFLICT: Text = Text::new(
    "{0}: fakt {1} jest już zapisany z inną treścią; nic nie zapisano",
    "{0}: fact {1} is already there with other content; nothing written",
);
/// Where facts go without `-o`.
pub const STANDARD_OUTPUT: Text = Text::new("standardowe wyjście", "standard output");
/// An import appended: `{0}` the file, `{1}` the facts appended, `{2}` those already there.
pub const FACTS_IMPORTED: Text = Text::new(
    "{0}: dopisano {1}; już zapisanych: {2}",
    "{0}: appended {1}; already there: {2}",
);
/// Problems, counted.
pub const PROBLEMS: Plural = Plural::new(
    ["problem", "problemy", "problemów"],
    ["problem", "problems"],
);
/// Columns, counted.
pub const COLUMNS_COUNTED: Plural =
    Plural::new(["kolumna", "kolumny", "kolumn"], ["column", "columns"]);
/// An import refused: `{0}` the problems, counted.
pub const NOTHING_WRITTEN_FOR_PROBLEMS: Text =
    Text::new("{0}; nic nie zapisano", "{0}; nothing written");
/// Where a problem is: the sheet, `{0}` its name.
pub const AT_SHEET: Text = Text::new("arkusz {0}", "sheet {0}");
/// Where a problem is: the row, `{0}` its number.
pub const AT_ROW: Text = Text::new("wiersz {0}", "row {0}");
/// Where a problem is: the column, `{0}` its letter.
pub const AT_COLUMN: Text = Text::new("kolumna {0}", "column {0}");
/// Persons to pseudonymise without a secret file.
pub const SECRET_NEEDED: Text = Text::new(
    "fakty z osobami wymagają --secret PLIK: pseudonim osoby musi być ten sam przy każdym zapisie",
    "facts naming persons need --secret FILE: a person's pseudonym must be the same at every write",
);
/// A `--field` without `=`: `{0}` what was given.
pub const FIELD_ASSIGNMENT_EXPECTED: Text = Text::new(
    "--field {0}: oczekiwano NAZWA=WARTOŚĆ",
    "--field {0}: expected NAME=VALUE",
);
/// A field a kind does not have: `{0}` the kind, `{1}` the name given, `{2}` its fields.
pub const KIND_HAS_NO_FIELD: Text = Text::new(
    "rodzaj {0} nie ma pola {1}; jego pola: {2}",
    "the kind {0} has no field {1}; its fields: {2}",
);
/// A field given twice: `{0}` the field.
pub const FIELD_GIVEN_TWICE: Text =
    Text::new("pole {0} podano dwa razy", "the field {0} is given twice");
/// A fact that does not fit the project.
pub const FACT_REFUSED_NOTHING_WRITTEN: Text = Text::new(
    "fakt nie pasuje do projektu; nic nie zapisano",
    "the fact does not fit the project; nothing written",
);
/// Facts to append to a CSV file: `{0}` the file.
pub const APPEND_TO_JSON_LINES_ONLY: Text = Text::new(
    "{0}: fakty dopisuje się do pliku JSON Lines (np. fakty.jsonl), nie do CSV",
    "{0}: facts are appended to a JSON Lines file (such as facts.jsonl), not to CSV",
);
/// A fact file to append to that holds a bad record: `{0}` the file, `{1}` the record's problem.
pub const APPEND_TARGET_HAS_BAD_RECORD: Text = Text::new(
    "{0}: plik faktów ma błędny rekord ({1}); popraw go (kooperacja facts check) przed dopisywaniem",
    "{0}: the fact file has a bad record ({1}); fix it (kooperacja facts check) before appending",
);
/// A template written: `{0}` the file, `{1}` the kind's name, `{2}` the columns, counted.
pub const TEMPLATE_WRITTEN: Text = Text::new(
    "{0}: zapisano arkusz do wypełnienia „{1}” ({2})",
    "{0}: wrote the sheet to fill in \"{1}\" ({2})",
);
/// "for a file to import", after a size limit (Polish in the genitive).
pub const OF_A_FILE_TO_IMPORT: Text = Text::new("pliku do wczytania", "a file to import");
/// Why a read without a token shows no value for an indicator that counts
/// persons by a sensitive characteristic: the count is small.
pub const SUPPRESSED_SMALL_COUNT: Text = Text::new(
    "ukryte: mniej osób niż próg małych liczebności, a wskaźnik liczy według danej wrażliwej",
    "hidden: fewer persons than the small-cell threshold, and the indicator counts by a sensitive characteristic",
);
/// A payment claim (wniosek o płatność).
pub const CLAIM: Text = Text::new("Wniosek o płatność", "Payment claim");
/// A claim's title: `{0}` its number, `{1}` its period.
pub const CLAIM_FOR_PERIOD: Text = Text::new(
    "Wniosek o płatność nr {0} za okres {1}",
    "Payment claim no. {0} for {1}",
);
/// The claim schedule (harmonogram płatności).
pub const CLAIM_SCHEDULE: Text = Text::new("Harmonogram płatności", "Payment schedule");
/// A claim's kinds (column or field).
pub const CLAIM_KINDS: Text = Text::new("Rodzaj wniosku", "Kind of claim");
/// Where a claim stands (column or field).
pub const CLAIM_STATUS: Text = Text::new("Status wniosku", "Status of the claim");
/// The day a claim was filed.
pub const FILED_ON: Text = Text::new("Data złożenia", "Filed on");
/// The claim's section: material progress.
pub const CLAIM_MATERIAL_PROGRESS: Text = Text::new("Postęp rzeczowy", "Material progress");
/// The claim's section: output and result indicators.
pub const CLAIM_INDICATORS: Text = Text::new(
    "Wskaźniki produktu i rezultatu",
    "Output and result indicators",
);
/// The claim's section: problems.
pub const CLAIM_PROBLEMS: Text = Text::new("Problemy", "Problems");
/// The claim's section: the planned course of implementation.
pub const CLAIM_PLANNED_COURSE: Text = Text::new(
    "Planowany przebieg realizacji",
    "Planned course of implementation",
);
/// The claim's section: financial progress.
pub const CLAIM_FINANCIAL_PROGRESS: Text = Text::new("Postęp finansowy", "Financial progress");
/// The claim's section: sources of financing of expenditure.
pub const CLAIM_SOURCES_OF_FINANCING: Text = Text::new(
    "Źródła finansowania wydatków",
    "Sources of financing of expenditure",
);
/// The claim's section: settlement of advances.
pub const CLAIM_ADVANCES: Text = Text::new("Rozliczenie zaliczek", "Settlement of advances");
/// The claim's section: the list of expenditure documents.
pub const CLAIM_DOCUMENTS: Text =
    Text::new("Zestawienie dokumentów", "List of expenditure documents");
/// The claim's section: corrections of earlier claims.
pub const CLAIM_CORRECTIONS: Text = Text::new("Korekty", "Corrections");
/// A figure in the reporting period.
pub const IN_PERIOD: Text = Text::new("W okresie rozliczeniowym", "In the period");
/// A figure since the start of the project.
pub const CUMULATIVE: Text = Text::new("Narastająco", "Cumulative");
/// The cumulative share of a plan or target.
pub const SHARE_OF_PLAN: Text = Text::new("% planu", "% of plan");
/// All persons, of a split by sex (ogółem).
pub const ALL_PERSONS: Text = Text::new("Ogółem", "Total");
/// A task (zadanie) of the project.
pub const TASK: Text = Text::new("Zadanie", "Task");
/// A cost line of the budget.
pub const COST_LINE: Text = Text::new("Pozycja budżetu", "Cost line");
/// A budget category.
pub const COST_CATEGORY: Text = Text::new("Kategoria kosztów", "Cost category");
/// The direct costs.
pub const DIRECT_COSTS: Text = Text::new("Koszty bezpośrednie", "Direct costs");
/// The indirect costs.
pub const INDIRECT_COSTS: Text = Text::new("Koszty pośrednie", "Indirect costs");
/// Expenditure that names no cost line of the plan.
pub const WITHOUT_COST_LINE: Text = Text::new(
    "Wydatki bez pozycji budżetu",
    "Expenditure without a cost line",
);
/// A document's number.
pub const DOCUMENT_NUMBER: Text = Text::new("Numer dokumentu", "Document number");
/// A document's issuer.
pub const DOCUMENT_ISSUER: Text = Text::new("Wystawca (NIP)", "Issuer (NIP)");
/// The day a document was issued.
pub const DATE_OF_ISSUE: Text = Text::new("Data wystawienia", "Date of issue");
/// The day a document was paid.
pub const DATE_OF_PAYMENT: Text = Text::new("Data zapłaty", "Date of payment");
/// A document's gross amount.
pub const GROSS_AMOUNT: Text = Text::new("Kwota brutto", "Gross amount");
/// The eligible expenditure of a document.
pub const ELIGIBLE_AMOUNT: Text = Text::new("Wydatki kwalifikowalne", "Eligible expenditure");
/// The VAT of a document.
pub const VAT_AMOUNT: Text = Text::new("w tym VAT", "of which VAT");
/// The partner that paid an expenditure.
pub const PAID_BY: Text = Text::new("Partner ponoszący wydatek", "Partner that paid");
/// Advances received before the period.
pub const ADVANCES_RECEIVED_BEFORE: Text = Text::new(
    "Zaliczki otrzymane przed okresem",
    "Advances received before the period",
);
/// Advances received in the period.
pub const ADVANCES_RECEIVED_IN_PERIOD: Text = Text::new(
    "Zaliczki otrzymane w okresie",
    "Advances received in the period",
);
/// Advance settled by earlier claims.
pub const ADVANCE_SETTLED_BEFORE: Text = Text::new(
    "Rozliczono we wcześniejszych wnioskach",
    "Settled by earlier claims",
);
/// Advance settled by this claim.
pub const ADVANCE_SETTLED_NOW: Text =
    Text::new("Rozliczane tym wnioskiem", "Settled by this claim");
/// Advance left to settle.
pub const ADVANCE_TO_SETTLE: Text = Text::new("Pozostaje do rozliczenia", "Left to settle");
/// The refund a claim asks for.
pub const REFUND_ASKED: Text = Text::new("Wnioskowana refundacja", "Refund asked");
/// The claim a correction corrects.
pub const CORRECTED_CLAIM: Text = Text::new("Korygowany wniosek", "Claim corrected");
/// A figure as filed.
pub const AS_FILED: Text = Text::new("Jak złożono", "As filed");
/// A figure as the facts give it now.
pub const NOW_FROM_FACTS: Text = Text::new("Według faktów obecnie", "From the facts now");
/// now − filed.
pub const DIFFERENCE: Text = Text::new("Różnica", "Difference");
/// Planned expenditure of a period.
pub const PLANNED_EXPENDITURE: Text = Text::new("Planowane wydatki", "Planned expenditure");
/// The advance planned to be asked for.
pub const PLANNED_ADVANCE: Text = Text::new("Planowana kwota wnioskowana", "Planned amount asked");
/// A claim with no problems found.
pub const CLAIM_NO_PROBLEMS: Text = Text::new(
    "Nie stwierdzono problemów, dla których system odrzuciłby wniosek.",
    "No problem found for which the system would reject the claim.",
);
/// A stored payment claim the server cannot read back: `{0}` its number, `{1}` why.
pub const STORED_CLAIM_UNREADABLE: Text = Text::new(
    "nie można odczytać zapisanego wniosku o płatność nr {0}: {1}",
    "stored payment claim no. {0} unreadable: {1}",
);
/// The title of a problem: a claim that cannot be filed now (filed already, or an earlier one is not).
pub const PROBLEM_CLAIM_NOT_FILED: Text = Text::new(
    "Wniosku o płatność nie można złożyć",
    "The payment claim cannot be filed",
);
/// The title of a problem: a claim the central system would reject.
pub const PROBLEM_CLAIM_REJECTED: Text = Text::new(
    "Wniosek o płatność zostałby odrzucony",
    "The payment claim would be rejected",
);
/// A claim filed already: `{0}` its number, `{1}` the project.
pub const CLAIM_FILED_ALREADY: Text = Text::new(
    "wniosek o płatność nr {0} projektu {1} jest już złożony; złożony wniosek się nie zmienia",
    "payment claim no. {0} of {1} is filed already; a filed claim does not change",
);
/// A claim filed before an earlier one: `{0}` its number, `{1}` the earlier claim's.
pub const CLAIM_EARLIER_NOT_FILED: Text = Text::new(
    "wniosku o płatność nr {0} nie można złożyć przed wnioskiem nr {1}",
    "payment claim no. {0} cannot be filed before claim no. {1}",
);
/// A claim with findings the central system rejects: `{0}` its number, `{1}` the findings' codes.
pub const CLAIM_WOULD_BE_REJECTED: Text = Text::new(
    "wniosek o płatność nr {0} zostałby odrzucony przez system: {1}",
    "payment claim no. {0} would be rejected by the central system: {1}",
);
/// Only the leader files claims: `{0}` the project.
pub const CLAIMS_FILED_BY_THE_LEADER_ONLY: Text = Text::new(
    "wnioski o płatność projektu {0} składa tylko lider",
    "only the leader of {0} files its payment claims",
);
/// No such claim in the schedule: `{0}` the project, `{1}` the number asked, `{2}` the numbers it has.
pub const NO_SUCH_CLAIM: Text = Text::new(
    "harmonogram płatności projektu {0} nie ma wniosku nr {1}; ma: {2}",
    "the payment schedule of {0} has no claim no. {1}; it has: {2}",
);
/// A project without a claim schedule: `{0}` the project.
pub const NO_PAYMENT_SCHEDULE: Text = Text::new(
    "projekt {0} nie podaje harmonogramu płatności (payment_schedule)",
    "the project {0} states no payment schedule (payment_schedule)",
);
/// A claim that cannot be computed: `{0}` its number, `{1}` why.
pub const CLAIM_CANNOT_BE_COMPUTED: Text = Text::new(
    "wniosku o płatność nr {0} nie można obliczyć: {1}",
    "payment claim no. {0} cannot be computed: {1}",
);
/// A payment claim, as the audit trail names one: `{0}` its number.
pub const CLAIM_NUMBERED: Text = Text::new("wniosek o płatność nr {0}", "payment claim no. {0}");
/// A project whose file states no claim schedule (dashboard).
pub const NO_PAYMENT_SCHEDULE_STATED: Text = Text::new(
    "Projekt nie podaje harmonogramu płatności.",
    "The project states no payment schedule.",
);
/// A project without a claim schedule: `{0}` the project file.
pub const NO_CLAIM_SCHEDULE: Text = Text::new(
    "{0}: projekt nie podaje harmonogramu płatności (payment_schedule)",
    "{0}: the project states no payment schedule (payment_schedule)",
);
/// A period number the claim schedule lacks: `{0}` the number, `{1}` the last.
pub const UNKNOWN_CLAIM_PERIOD: Text = Text::new(
    "harmonogram płatności nie ma okresu {0}; ma okresy od 1 do {1}",
    "the payment schedule has no period {0}; it has periods 1 to {1}",
);
/// A claim filed before an earlier one: `{0}` the claim, `{1}` the earlier one.
pub const CLAIM_NOT_IN_ORDER: Text = Text::new(
    "wniosku nr {0} nie można złożyć przed wnioskiem nr {1}",
    "claim {0} cannot be filed before claim {1}",
);
/// A claim filed twice: `{0}` the claim.
pub const CLAIM_ALREADY_FILED: Text = Text::new(
    "wniosek nr {0} jest już złożony",
    "claim {0} is filed already",
);
/// A claim not filed because of its blocking findings: `{0}` the claim,
/// `{1}` the findings' codes.
pub const CLAIM_REJECTED: Text = Text::new(
    "wniosku nr {0} nie złożono: system centralny odrzuciłby go z powodu: {1}",
    "claim {0} was not filed: the central system would reject it for: {1}",
);
/// A status change a claim's life does not allow: `{0}` the claim, `{1}`
/// and `{2}` the statuses.
pub const CLAIM_TRANSITION: Text = Text::new(
    "wniosek nr {0} nie może przejść ze stanu „{1}” do „{2}”",
    "claim {0} cannot go from “{1}” to “{2}”",
);
/// A file of filed claims that cannot be read: `{0}` the file, `{1}` why.
pub const BAD_FILED_CLAIMS_FILE: Text = Text::new(
    "{0}: to nie jest plik złożonych wniosków (tablica JSON wniosków): {1}",
    "{0}: not a file of filed claims (a JSON array of claims): {1}",
);
/// A filed claim of another project: `{0}` the file, `{1}` the claim's
/// number, `{2}` its project, `{3}` the project asked for.
pub const FILED_CLAIM_OF_OTHER_PROJECT: Text = Text::new(
    "{0}: wniosek nr {1} w tym pliku jest wnioskiem projektu {2}, nie {3}",
    "{0}: claim {1} in this file is a claim of project {2}, not {3}",
);
/// A claim filed twice in a file of filed claims: `{0}` the file, `{1}` the number.
pub const FILED_CLAIM_TWICE: Text = Text::new(
    "{0}: wniosek nr {1} występuje w tym pliku więcej niż raz",
    "{0}: claim {1} is in this file more than once",
);
/// A filed claim the schedule has no period for: `{0}` the file, `{1}` the number.
pub const FILED_CLAIM_NOT_IN_SCHEDULE: Text = Text::new(
    "{0}: wniosek nr {1} w tym pliku nie ma okresu w harmonogramie płatności",
    "{0}: claim {1} in this file has no period in the payment schedule",
);
/// A claim filed: `{0}` the claim, `{1}` the day, `{2}` the file written.
pub const CLAIM_FILED_INTO: Text = Text::new(
    "Wniosek nr {0} złożono {1}; zapisano go w {2}",
    "Claim {0} filed on {1}; written to {2}",
);
/// The next claim of the schedule.
pub const NEXT_CLAIM: Text = Text::new("Następny wniosek", "Next claim");
/// The claim is the schedule's last.
pub const LAST_CLAIM_OF_SCHEDULE: Text = Text::new(
    "To ostatni wniosek harmonogramu płatności.",
    "This is the last claim of the payment schedule.",
);
/// The expenditure of a claim, in the period (schedule column).
pub const CLAIM_EXPENDITURE: Text = Text::new("Wydatki we wniosku", "Expenditure claimed");
/// A short sheet name for the planned course of implementation.
pub const CLAIM_SHEET_PLANNED_COURSE: Text = Text::new("Przebieg realizacji", "Planned course");
/// The next reporting period of the claim schedule.
pub const NEXT_REPORTING_PERIOD: Text =
    Text::new("Następny okres rozliczeniowy", "Next reporting period");
/// Said when a claim's period is the schedule's last.
pub const LAST_REPORTING_PERIOD: Text = Text::new(
    "To ostatni okres rozliczeniowy harmonogramu.",
    "This is the last reporting period of the schedule.",
);
/// The milestones that end after a claim's period.
pub const MILESTONES_AHEAD: Text = Text::new(
    "Kamienie milowe do realizacji po okresie",
    "Milestones ahead of the period",
);
/// Said when no milestone ends after a claim's period.
pub const NO_MILESTONES_AHEAD: Text = Text::new(
    "Żaden kamień milowy nie kończy się po tym okresie.",
    "No milestone ends after this period.",
);
/// Said when no expenditure is dated in a claim's period.
pub const NO_DOCUMENTS_IN_PERIOD: Text = Text::new(
    "Brak wydatków z datą zapłaty w okresie.",
    "No expenditure paid in the period.",
);
/// How serious a finding is (column).
pub const SEVERITY: Text = Text::new("Waga", "Severity");
/// The claim's progress by cost category (heading).
pub const BY_COST_CATEGORY: Text = Text::new("Według kategorii kosztów", "By cost category");
/// The rounding of a source's part (column).
pub const ROUNDING: Text = Text::new("Zaokrąglenie", "Rounding");
/// Rounding down (towards minus infinity).
pub const ROUNDING_DOWN: Text = Text::new("w dół", "down");
/// Rounding half away from zero.
pub const ROUNDING_HALF_UP: Text = Text::new("połówki w górę", "half up");
/// Rounding half to even.
pub const ROUNDING_HALF_EVEN: Text = Text::new("połówki do parzystej", "half to even");
/// The subject of a correction: the expenditure of a task's part that names no line.
pub const TASK_WITHOUT_LINE: Text = Text::new("zadanie {0}, bez pozycji", "task {0}, no line");
/// `--claim` asks for a format a claim has no form in: `{0}` the format.
pub const CLAIM_FORMAT_NOT_AVAILABLE: Text = Text::new(
    "wniosek o płatność zapisuje się jako html, xlsx lub json, nie {0}",
    "a payment claim is written as html, xlsx or json, not {0}",
);
/// A file of filed claims that cannot be read: `{0}` the path, `{1}` why.
pub const CANNOT_READ_FILED_CLAIMS: Text = Text::new(
    "nie można odczytać złożonych wniosków z {0}: {1}",
    "cannot read the filed claims in {0}: {1}",
);
/// The facts a claim left out: `{0}` each reason code with its count.
pub const CLAIM_FACTS_EXCLUDED: Text = Text::new(
    "Fakty pominięte według przyczyny: {0}",
    "Facts excluded, by reason: {0}",
);
/// The kind of file in a size refusal: the filed claims (genitive in Polish).
pub const FILE_KIND_FILED_CLAIMS: Text =
    Text::new("pliku złożonych wniosków", "a file of filed claims");
/// Said of the source of financing that takes the remainder of the total
/// (so the sources' parts sum exactly), in place of its rounding.
pub const REMAINDER_OF_TOTAL: Text = Text::new("pozostała część kwoty", "the remainder");
/// The sex of persons (a column of a split by sex).
pub const SEX: Text = Text::new("Płeć", "Sex");
