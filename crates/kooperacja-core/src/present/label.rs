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
/// Said in a summary when the version in force has no milestones.
pub const VERSION_HAS_NO_MILESTONES: Text = Text::new(
    "ta wersja nie ma kamieni milowych",
    "this version has no milestones",
);
/// Said when no milestone is running.
pub const NO_MILESTONE_RUNNING: Text =
    Text::new("żaden kamień milowy nie trwa", "no milestone is running");
/// "until" before a date.
pub const UNTIL: Text = Text::new("do", "until");
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
/// The sources of funding (a chart's row).
pub const SOURCES: Text = Text::new("Źródła", "Sources");
/// The execution of the budget (a chart's row).
pub const EXECUTION: Text = Text::new("Wykonanie", "Execution");
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
/// "planned" inside a sentence.
pub const PLANNED_WORD: Text = Text::new("plan", "planned");
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
/// One indicator.
pub const INDICATOR: Text = Text::new("Wskaźnik", "Indicator");
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
/// Voivodeship, as a column heading.
pub const VOIVODESHIP_HEADING: Text = Text::new("Województwo", "Voivodeship");
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
pub const GMINAS: Plural = Plural::new(["gmina", "gminy", "gmin"], ["gmina", "gminas"]);
/// Powiats, counted.
pub const POWIATS: Plural = Plural::new(["powiat", "powiaty", "powiatów"], ["powiat", "powiats"]);
/// The facts of a report: {0} counted, {1} retracted, {2} repeated.
pub const FACTS_RETRACTED_REPEATED: Text = Text::new(
    "Fakty: {0} (wycofanych {1}, powtórzonych {2})",
    "Facts: {0} (retracted {1}, repeated {2})",
);
