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

/// The word of a fact's kind: `spotkanie`, `meeting`.
pub fn fact_kind(kind: crate::facts::FactKind) -> Text {
    use crate::facts::FactKind;
    match kind {
        FactKind::Meeting => Text::new("spotkanie", "meeting"),
        FactKind::Coaching => Text::new("coaching", "coaching"),
        FactKind::Agreement => Text::new("porozumienie", "agreement"),
        FactKind::Pilot => Text::new("pilotaż", "pilot"),
        FactKind::Deliverable => Text::new("produkt", "deliverable"),
        FactKind::Support => Text::new("wsparcie", "support"),
        FactKind::Qualification => Text::new("kwalifikacja", "qualification"),
        FactKind::DiPlan => Text::new("plan DI", "DI plan"),
        FactKind::Expenditure => Text::new("wydatek", "expenditure"),
        FactKind::Retraction => Text::new("wycofanie", "retraction"),
    }
}
