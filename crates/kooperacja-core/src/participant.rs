//! Participants (uczestnicy), as ESF monitoring counts them.
//!
//! A participant is a pseudonymous person key with the data the programme
//! requires at entry: sex, age (or year of birth) at entry, and the
//! characteristics the project declares under `[participants]` (labour-market
//! status, education level, disability…). The rules, with their sources, are in
//! `docs/decisions.md` ("Participants"):
//!
//! - a person who enters the project again is **one** participant, and keeps the
//!   data of the **first** entry (the earliest date; on the same day, the smallest
//!   fact id): only exit dates and outcomes are updated;
//! - a record missing a required characteristic cannot be shown as a
//!   participant: it is counted apart ([`Count::incomplete`]) and named by the
//!   fact id of its first entry ([`Registry::incomplete`]), never by the person;
//! - every count of persons is split by sex ([`SexSplit`]): the categories the
//!   project declares (`K`, `M`; `N` where national law has it) and those with no
//!   recorded sex, apart, so that the total is always their sum;
//! - reads without a token never show a cell of a person breakdown smaller than
//!   the project's threshold ([`suppress`]), nor one that the shown cells and
//!   the total would give by subtraction.
//!
//! The module is pure and takes events in any order:
//!
//! ```
//! use chrono::NaiveDate;
//! use kooperacja_core::participant::{Entry, ParticipantsDecl, Registry, Sex};
//! use kooperacja_core::pseudonym::PseudonymKey;
//!
//! let decl: ParticipantsDecl = toml::from_str(r#"
//!     sexes = ["K", "M"]
//!     required = ["sex", "age"]
//!     small_cell = 5
//! "#)?;
//! let key = PseudonymKey::from_bytes([7; 32]);
//! let day = |d| NaiveDate::from_ymd_opt(2024, 3, d).expect("a date");
//! let mut registry = Registry::new(&decl);
//! // A re-entry (recorded first) and the first entry, with other data.
//! registry.enter(Entry::new("e-2", key.person("p-1")?, day(20)).sex(Sex::M).age(41));
//! registry.enter(Entry::new("e-1", key.person("p-1")?, day(4)).sex(Sex::K).age(40));
//! // A record without an age: counted apart.
//! registry.enter(Entry::new("e-3", key.person("p-2")?, day(5)).sex(Sex::K));
//!
//! let count = registry.count(None);
//! assert_eq!(count.participants.total(), 1);
//! assert_eq!(count.participants.of(Sex::K), Some(1)); // the first entry's data
//! assert_eq!(count.incomplete, 1);
//! assert_eq!(registry.incomplete()[0].fact, "e-3");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::facts::PersonKey;
use crate::present::{Lang, Text};

/// A sex category of ESF+ monitoring.
///
/// Regulation (EU) 2021/1057, Annex I: "personal data are to be broken down by
/// gender (women, men, non-binary persons)", the last "in accordance with
/// national law". Polish law records only `K` and `M` (PESEL), so Polish
/// projects declare `sexes = ["K", "M"]` (the default); `N` exists for a
/// programme whose national law has the category.
///
/// ```
/// use kooperacja_core::participant::Sex;
/// use kooperacja_core::present::Lang;
/// assert_eq!("K".parse::<Sex>(), Ok(Sex::K));
/// assert_eq!(Sex::M.code(), "M");
/// assert_eq!(Sex::K.label().get(Lang::Pl), "kobiety");
/// assert_eq!(Sex::N.label().get(Lang::En), "non-binary persons");
/// ```
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
    strum::EnumString,
    strum::IntoStaticStr,
)]
pub enum Sex {
    /// Kobieta: a woman.
    K,
    /// Mężczyzna: a man.
    M,
    /// A non-binary person, where national law has the category.
    N,
}

impl Sex {
    /// Every category, in order.
    pub const ALL: [Sex; 3] = [Sex::K, Sex::M, Sex::N];

    /// The code, as in project and fact files: `K`, `M`, `N`.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The words for the category's column (plural: `kobiety`, `women`).
    pub fn label(self) -> Text {
        use crate::present::label;
        match self {
            Sex::K => label::SEX_WOMEN,
            Sex::M => label::SEX_MEN,
            Sex::N => label::SEX_NON_BINARY,
        }
    }
}

/// How many persons, in total and by sex: the declared categories and those
/// with no recorded sex (or one the project does not declare), apart.
///
/// The total is always the sum of the categories and the unknown: the split
/// can only grow by [`SexSplit::add`], which keeps it so.
///
/// ```
/// use kooperacja_core::participant::{Sex, SexSplit};
/// let mut split = SexSplit::new(&[Sex::K, Sex::M]);
/// split.add(Some(Sex::K));
/// split.add(Some(Sex::K));
/// split.add(None);
/// split.add(Some(Sex::N)); // not declared: unknown
/// assert_eq!((split.total(), split.of(Sex::K), split.of(Sex::M), split.unknown()), (4, Some(2), Some(0), 2));
/// assert_eq!(split.of(Sex::N), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, schemars::JsonSchema)]
pub struct SexSplit {
    /// Ogółem: every person counted.
    total: u64,
    /// By declared category (each declared one present, zero or not).
    by_sex: BTreeMap<Sex, u64>,
    /// Persons with no recorded sex (or one not declared).
    unknown: u64,
}

impl SexSplit {
    /// An empty split over the declared categories.
    pub fn new(sexes: &[Sex]) -> SexSplit {
        SexSplit {
            total: 0,
            by_sex: sexes.iter().map(|s| (*s, 0)).collect(),
            unknown: 0,
        }
    }

    /// Counts one person of that sex (`None`: not recorded).
    pub fn add(&mut self, sex: Option<Sex>) {
        self.add_n(sex, 1);
    }

    /// Counts `n` persons of that sex (`None`: not recorded). Saturates at
    /// `u64::MAX` rather than wrap.
    ///
    /// ```
    /// use kooperacja_core::participant::{Sex, SexSplit};
    /// let mut split = SexSplit::new(&[Sex::K, Sex::M]);
    /// split.add_n(Some(Sex::M), 3);
    /// assert_eq!((split.total(), split.of(Sex::M)), (3, Some(3)));
    /// ```
    pub fn add_n(&mut self, sex: Option<Sex>, n: u64) {
        let cell = match sex.and_then(|s| self.by_sex.get_mut(&s)) {
            Some(cell) => cell,
            None => &mut self.unknown,
        };
        *cell = cell.saturating_add(n);
        self.total = self.total.saturating_add(n);
    }

    /// Ogółem.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The persons of a declared category; `None` for one not declared.
    pub fn of(&self, sex: Sex) -> Option<u64> {
        self.by_sex.get(&sex).copied()
    }

    /// The persons with no recorded (or no declared) sex.
    pub fn unknown(&self) -> u64 {
        self.unknown
    }

    /// The declared categories, in order.
    ///
    /// ```
    /// use kooperacja_core::participant::{Sex, SexSplit};
    /// assert_eq!(SexSplit::new(&[Sex::M, Sex::K]).sexes().collect::<Vec<_>>(), [Sex::K, Sex::M]);
    /// ```
    pub fn sexes(&self) -> impl Iterator<Item = Sex> + '_ {
        self.by_sex.keys().copied()
    }

    /// The parts of the split: each declared category, then the unknown
    /// (`None`), with their counts; they sum to the total.
    ///
    /// ```
    /// use kooperacja_core::participant::{Sex, SexSplit};
    /// let mut split = SexSplit::new(&[Sex::K, Sex::M]);
    /// split.add(Some(Sex::M));
    /// assert_eq!(split.parts().collect::<Vec<_>>(), [(Some(Sex::K), 0), (Some(Sex::M), 1), (None, 0)]);
    /// ```
    pub fn parts(&self) -> impl Iterator<Item = (Option<Sex>, u64)> + '_ {
        self.by_sex
            .iter()
            .map(|(s, n)| (Some(*s), *n))
            .chain(std::iter::once((None, self.unknown)))
    }
}

/// A cell of a person breakdown as a read may show it.
///
/// In JSON a shown cell is its number, a hidden one `null`.
///
/// ```
/// use kooperacja_core::participant::Cell;
/// assert_eq!(serde_json::to_string(&Cell::Shown(7))?, "7");
/// assert_eq!(serde_json::to_string(&Cell::Hidden)?, "null");
/// assert_eq!(Cell::Shown(7).value(), Some(7));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// The count, shown.
    Shown(u64),
    /// Hidden by small-cell suppression.
    Hidden,
}

impl Cell {
    /// The count, if shown.
    pub fn value(self) -> Option<u64> {
        match self {
            Cell::Shown(n) => Some(n),
            Cell::Hidden => None,
        }
    }
}

impl Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Shown(n) => serializer.serialize_u64(*n),
            Cell::Hidden => serializer.serialize_none(),
        }
    }
}

impl schemars::JsonSchema for Cell {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Cell".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A count of persons, or null where small-cell suppression hides it.",
            "type": ["integer", "null"],
            "minimum": 0
        })
    }
}

/// A [`SexSplit`] as a read shows it: every cell, or with small cells hidden
/// ([`suppress`]).
///
/// ```
/// use kooperacja_core::participant::{Cell, Sex, SexSplit, ShownSplit};
/// let mut split = SexSplit::new(&[Sex::K, Sex::M]);
/// split.add_n(Some(Sex::K), 12);
/// let shown = ShownSplit::exact(&split);
/// assert_eq!(shown.total, Cell::Shown(12));
/// assert_eq!(shown.by_sex[&Sex::M], Cell::Shown(0));
/// assert_eq!(shown.threshold, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct ShownSplit {
    /// Ogółem.
    pub total: Cell,
    /// By declared category.
    pub by_sex: BTreeMap<Sex, Cell>,
    /// Persons with no recorded sex.
    pub unknown: Cell,
    /// The small-cell threshold applied, if any: a hidden cell held fewer
    /// persons than this (but more than none), or would have given one that
    /// did by subtraction.
    pub threshold: Option<u64>,
}

impl ShownSplit {
    /// Every cell shown (a read with a token).
    pub fn exact(split: &SexSplit) -> ShownSplit {
        ShownSplit {
            total: Cell::Shown(split.total),
            by_sex: split
                .by_sex
                .iter()
                .map(|(s, n)| (*s, Cell::Shown(*n)))
                .collect(),
            unknown: Cell::Shown(split.unknown),
            threshold: None,
        }
    }

    /// The split suppressed under `threshold` ([`suppress`], or
    /// [`suppress_sensitive`]); a split suppressed already is kept as it is.
    ///
    /// ```
    /// use kooperacja_core::participant::{Cell, Sex, SexSplit, ShownSplit};
    /// let mut split = SexSplit::new(&[Sex::K, Sex::M]);
    /// split.add_n(Some(Sex::K), 2);
    /// split.add_n(Some(Sex::M), 20);
    /// let once = ShownSplit::exact(&split).suppressed(5, false);
    /// assert_eq!(once.by_sex[&Sex::K], Cell::Hidden);
    /// assert_eq!(once.suppressed(3, false), once);
    /// ```
    pub fn suppressed(&self, threshold: u64, sensitive: bool) -> ShownSplit {
        if self.threshold.is_some() {
            return self.clone();
        }
        let mut split = SexSplit::new(&self.by_sex.keys().copied().collect::<Vec<_>>());
        for (sex, cell) in &self.by_sex {
            split.add_n(Some(*sex), cell.value().unwrap_or(0));
        }
        split.add_n(None, self.unknown.value().unwrap_or(0));
        if sensitive {
            suppress_sensitive(&split, threshold)
        } else {
            suppress(&split, threshold)
        }
    }

    /// Whether any cell is hidden.
    pub fn any_hidden(&self) -> bool {
        self.total == Cell::Hidden
            || self.unknown == Cell::Hidden
            || self.by_sex.values().any(|c| *c == Cell::Hidden)
    }
}

/// A split in one line, in the language: `ogółem 95 · kobiety 40 · mężczyźni
/// 50 · płeć nieznana 5`; a hidden cell as `<5` (the split's threshold).
///
/// ```
/// use kooperacja_core::participant::{split_line, suppress, Sex, SexSplit, ShownSplit};
/// use kooperacja_core::present::Lang;
/// let mut split = SexSplit::new(&[Sex::K, Sex::M]);
/// split.add_n(Some(Sex::K), 40);
/// split.add_n(Some(Sex::M), 2);
/// split.add_n(None, 1);
/// assert_eq!(split_line(Lang::Pl, &ShownSplit::exact(&split)), "ogółem 43 · kobiety 40 · mężczyźni 2 · płeć nieznana 1");
/// assert_eq!(split_line(Lang::En, &suppress(&split, 5)), "total 43 · women 40 · men <5 · sex not recorded <5");
/// ```
pub fn split_line(lang: Lang, split: &ShownSplit) -> String {
    use crate::present::label;
    let cell = |c: Cell| match c {
        Cell::Shown(n) => crate::present::count(lang, n),
        Cell::Hidden => label::CELL_HIDDEN.fill(lang, &[&split.threshold.unwrap_or(0)]),
    };
    let mut parts = vec![format!(
        "{} {}",
        label::SEX_TOTAL.get(lang),
        cell(split.total)
    )];
    for (sex, c) in &split.by_sex {
        parts.push(format!("{} {}", sex.label().get(lang), cell(*c)));
    }
    parts.push(format!(
        "{} {}",
        label::SEX_UNKNOWN.get(lang),
        cell(split.unknown)
    ));
    parts.join(" · ")
}

/// A target by sex in one line: `K 70 · M 30`.
///
/// ```
/// use std::collections::BTreeMap;
/// use kooperacja_core::participant::{target_line, Sex};
/// use kooperacja_core::present::Lang;
/// let target = BTreeMap::from([(Sex::K, 70), (Sex::M, 30)]);
/// assert_eq!(target_line(Lang::Pl, &target), "kobiety 70 · mężczyźni 30");
/// ```
pub fn target_line(lang: Lang, target: &BTreeMap<Sex, u64>) -> String {
    target
        .iter()
        .map(|(sex, n)| {
            format!(
                "{} {}",
                sex.label().get(lang),
                crate::present::count(lang, *n)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Small-cell suppression of a split shown without a token: the total is
/// shown, and the parts (each category and the unknown) are hidden where
///
/// 1. (primary) the part counts at least one person and fewer than
///    `threshold`;
/// 2. (complementary) the part is the one other part hidden when step 1 hid
///    exactly one, since the total minus the shown parts would give that one
///    back: the smallest shown part that is not zero, or if every shown part is
///    zero, the first of them.
///
/// So a shown part is never in `1..threshold`, and never exactly one part is
/// hidden. A threshold of 0 or 1 hides nothing. Use [`suppress_sensitive`]
/// when the total itself counts persons by a sensitive characteristic.
///
/// ```
/// use kooperacja_core::participant::{suppress, Cell, Sex, SexSplit};
/// let mut split = SexSplit::new(&[Sex::K, Sex::M]);
/// split.add_n(Some(Sex::K), 3);
/// split.add_n(Some(Sex::M), 40);
/// split.add_n(None, 9);
/// let shown = suppress(&split, 5);
/// assert_eq!(shown.total, Cell::Shown(52));
/// assert_eq!(shown.by_sex[&Sex::K], Cell::Hidden); // 3 < 5
/// assert_eq!(shown.unknown, Cell::Hidden); // else 52 - 40 - 9 = 3
/// assert_eq!(shown.by_sex[&Sex::M], Cell::Shown(40));
/// ```
pub fn suppress(split: &SexSplit, threshold: u64) -> ShownSplit {
    let mut parts: Vec<(Option<Sex>, u64, bool)> = split
        .parts()
        .map(|(s, n)| (s, n, n > 0 && n < threshold))
        .collect();
    if parts.iter().filter(|p| p.2).count() == 1 {
        let complement = parts
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.2)
            .min_by_key(|(i, p)| (p.1 == 0, p.1, *i))
            .map(|(i, _)| i);
        if let Some(part) = complement.and_then(|i| parts.get_mut(i)) {
            part.2 = true;
        }
    }
    let cell = |n: u64, hidden: bool| if hidden { Cell::Hidden } else { Cell::Shown(n) };
    let mut shown = ShownSplit {
        total: Cell::Shown(split.total),
        by_sex: BTreeMap::new(),
        unknown: Cell::Shown(split.unknown),
        threshold: Some(threshold),
    };
    for (sex, n, hidden) in parts {
        match sex {
            Some(sex) => {
                shown.by_sex.insert(sex, cell(n, hidden));
            }
            None => shown.unknown = cell(n, hidden),
        }
    }
    shown
}

/// [`suppress`] for a count of persons by a sensitive characteristic
/// (disability, say), where the total is itself a cell of a breakdown: a total
/// of at least one person and fewer than `threshold` is hidden too, and with it
/// every part that is not zero.
///
/// ```
/// use kooperacja_core::participant::{suppress_sensitive, Cell, Sex, SexSplit};
/// let mut split = SexSplit::new(&[Sex::K, Sex::M]);
/// split.add_n(Some(Sex::K), 2);
/// let shown = suppress_sensitive(&split, 5);
/// assert_eq!(shown.total, Cell::Hidden);
/// assert_eq!(shown.by_sex[&Sex::K], Cell::Hidden);
/// assert_eq!(shown.by_sex[&Sex::M], Cell::Shown(0));
/// ```
pub fn suppress_sensitive(split: &SexSplit, threshold: u64) -> ShownSplit {
    if split.total > 0 && split.total < threshold {
        let hide = |n: u64| if n > 0 { Cell::Hidden } else { Cell::Shown(0) };
        return ShownSplit {
            total: Cell::Hidden,
            by_sex: split.by_sex.iter().map(|(s, n)| (*s, hide(*n))).collect(),
            unknown: hide(split.unknown),
            threshold: Some(threshold),
        };
    }
    suppress(split, threshold)
}

pub use crate::vocabulary::ParticipantsDecl;

/// The default small-cell threshold, for a `[participants]` without
/// `small_cell`.
pub const DEFAULT_SMALL_CELL: u64 = 5;

/// The name `required` gives the sex.
pub const SEX: &str = "sex";
/// The name `required` gives the age at entry (an age or a year of birth).
pub const AGE: &str = "age";

/// What the registry applies of a [`ParticipantsDecl`]: the sex categories
/// (those of [`Sex`]; another text is a finding of validation), what a record
/// must hold (`required`, and the characteristics with `required = true`), the
/// characteristics' declarations, the small-cell threshold.
///
/// ```
/// use kooperacja_core::participant::{ParticipantsDecl, Requirements, Sex};
/// let decl: ParticipantsDecl = toml::from_str(r#"
///     sexes = ["K", "M"]
///     required = ["sex", "age"]
///     characteristics = [
///       { id = "labour_status", type = "enum", values = ["unemployed", "inactive", "employed"], required = true },
///     ]
/// "#)?;
/// let rules = Requirements::of(&decl);
/// assert_eq!(rules.sexes, [Sex::K, Sex::M]);
/// assert_eq!(rules.small_cell, 5);
/// assert_eq!(rules.required, ["age", "labour_status", "sex"]);
/// # Ok::<(), toml::de::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Requirements {
    /// The declared sex categories, in order.
    pub sexes: Vec<Sex>,
    /// What a record must hold, sorted, once each.
    pub required: Vec<String>,
    /// The characteristics' declarations.
    pub characteristics: Vec<crate::vocabulary::FieldDecl>,
    /// The small-cell threshold ([`DEFAULT_SMALL_CELL`] when not declared).
    pub small_cell: u64,
}

impl Default for Requirements {
    fn default() -> Requirements {
        Requirements::of(&ParticipantsDecl::default())
    }
}

impl Requirements {
    /// The requirements of a declaration.
    pub fn of(decl: &ParticipantsDecl) -> Requirements {
        let mut sexes: Vec<Sex> = Vec::new();
        for sex in decl.sexes.iter().filter_map(|s| s.parse::<Sex>().ok()) {
            if !sexes.contains(&sex) {
                sexes.push(sex);
            }
        }
        let required: BTreeSet<String> = decl
            .required
            .iter()
            .cloned()
            .chain(
                decl.characteristics
                    .iter()
                    .filter(|c| c.required)
                    .map(|c| c.id.clone()),
            )
            .collect();
        Requirements {
            sexes,
            required: required.into_iter().collect(),
            characteristics: decl.characteristics.clone(),
            small_cell: decl.small_cell.map_or(DEFAULT_SMALL_CELL, u64::from),
        }
    }

    /// The characteristic of an id.
    pub fn characteristic(&self, id: &str) -> Option<&crate::vocabulary::FieldDecl> {
        self.characteristics.iter().find(|c| c.id == id)
    }

    /// Whether a characteristic's value is one the declaration accepts: for an
    /// `enum` with listed values one of them, for a `count` a whole number,
    /// else any text that is not empty (the fact readers check the rest).
    pub fn accepts(&self, id: &str, value: &str) -> bool {
        use crate::vocabulary::FieldType;
        let Some(c) = self.characteristic(id) else {
            return false;
        };
        match c.field_type {
            FieldType::Enum if !c.values.is_empty() => c.values.iter().any(|v| v.id == value),
            FieldType::Count | FieldType::Days => value.parse::<u64>().is_ok(),
            _ => !value.is_empty(),
        }
    }

    /// Whether a characteristic is sensitive (health data): counts by it are
    /// suppressed as [`suppress_sensitive`] says.
    pub fn is_sensitive(&self, id: &str) -> bool {
        self.characteristic(id).is_some_and(|c| c.sensitive)
    }
}

/// A problem of a `[participants]` declaration, found by [`problems`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DeclProblem {
    /// No sex category is declared.
    #[error("`sexes` lists no category; Polish programmes use [\"K\", \"M\"]")]
    NoSexes,
    /// A category that ESF+ monitoring does not have.
    #[error(
        "`sexes` lists `{0}`; expected K (women), M (men) or N (non-binary persons, where national law has them)"
    )]
    UnknownSex(String),
    /// A category is listed twice.
    #[error("the sex category `{0}` is listed twice")]
    DuplicateSex(String),
    /// `required` names what is neither `sex`, `age` nor a characteristic.
    #[error("`required` names `{0}`, which is neither sex, age nor a declared characteristic")]
    UnknownRequired(String),
}

impl DeclProblem {
    /// The finding code of the problem.
    ///
    /// ```
    /// use kooperacja_core::participant::DeclProblem;
    /// assert_eq!(DeclProblem::NoSexes.code(), "participants.no-sexes");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            DeclProblem::NoSexes => "participants.no-sexes",
            DeclProblem::UnknownSex(_) => "participants.unknown-sex",
            DeclProblem::DuplicateSex(_) => "participants.duplicate-sex",
            DeclProblem::UnknownRequired(_) => "participants.unknown-required",
        }
    }
}

/// Every problem of a `[participants]` declaration that the vocabulary does
/// not check already (its characteristics are checked as fields there).
///
/// ```
/// use kooperacja_core::participant::{problems, DeclProblem, ParticipantsDecl};
/// let decl: ParticipantsDecl = toml::from_str(r#"sexes = ["K", "X"]
/// required = ["sex", "education"]"#)?;
/// assert_eq!(problems(&decl), [
///     DeclProblem::UnknownSex("X".into()),
///     DeclProblem::UnknownRequired("education".into()),
/// ]);
/// assert!(problems(&ParticipantsDecl::default()).is_empty());
/// # Ok::<(), toml::de::Error>(())
/// ```
pub fn problems(decl: &ParticipantsDecl) -> Vec<DeclProblem> {
    let mut problems = Vec::new();
    if decl.sexes.is_empty() {
        problems.push(DeclProblem::NoSexes);
    }
    let mut seen = BTreeSet::new();
    for sex in &decl.sexes {
        if sex.parse::<Sex>().is_err() {
            problems.push(DeclProblem::UnknownSex(sex.clone()));
        } else if !seen.insert(sex.as_str()) {
            problems.push(DeclProblem::DuplicateSex(sex.clone()));
        }
    }
    for r in &decl.required {
        if r != SEX && r != AGE && !decl.characteristics.iter().any(|c| &c.id == r) {
            problems.push(DeclProblem::UnknownRequired(r.clone()));
        }
    }
    problems
}

/// A participant enters a support (or the project): the data of an `entry`
/// fact.
///
/// ```
/// use chrono::NaiveDate;
/// use kooperacja_core::participant::{Entry, Sex};
/// use kooperacja_core::pseudonym::PseudonymKey;
/// let key = PseudonymKey::from_bytes([7; 32]);
/// let entry = Entry::new("e-1", key.person("p-1")?, NaiveDate::from_ymd_opt(2024, 3, 4).expect("a date"))
///     .sex(Sex::K)
///     .birth_year(1990)
///     .support("coaching")
///     .with("labour_status", "unemployed");
/// assert_eq!(entry.age_at_entry(), Some(34));
/// # Ok::<(), kooperacja_core::pseudonym::PersonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The fact's id.
    pub fact: String,
    /// The participant's pseudonymous key.
    pub participant: PersonKey,
    /// The day of entry.
    pub date: NaiveDate,
    /// Which support (for entries to several supports of one project).
    pub support: Option<String>,
    /// The sex, if recorded.
    pub sex: Option<Sex>,
    /// The age at entry, in completed years, if recorded.
    pub age: Option<u16>,
    /// The year of birth, if recorded.
    pub birth_year: Option<i32>,
    /// The declared characteristics recorded: id → value.
    pub characteristics: BTreeMap<String, String>,
}

impl Entry {
    /// An entry with no data beyond its fact, person and day.
    pub fn new(fact: impl Into<String>, participant: PersonKey, date: NaiveDate) -> Entry {
        Entry {
            fact: fact.into(),
            participant,
            date,
            support: None,
            sex: None,
            age: None,
            birth_year: None,
            characteristics: BTreeMap::new(),
        }
    }

    /// With a sex.
    pub fn sex(mut self, sex: Sex) -> Entry {
        self.sex = Some(sex);
        self
    }

    /// With an age at entry.
    pub fn age(mut self, age: u16) -> Entry {
        self.age = Some(age);
        self
    }

    /// With a year of birth.
    pub fn birth_year(mut self, year: i32) -> Entry {
        self.birth_year = Some(year);
        self
    }

    /// Into a support.
    pub fn support(mut self, support: impl Into<String>) -> Entry {
        self.support = Some(support.into());
        self
    }

    /// With a characteristic's value.
    pub fn with(mut self, id: impl Into<String>, value: impl Into<String>) -> Entry {
        self.characteristics.insert(id.into(), value.into());
        self
    }

    /// The age at entry: as recorded, or from the year of birth the age
    /// reached in the year of entry (SL2014 took the age on the day of entry
    /// from the PESEL; with a year only, a person whose birthday comes later
    /// in that year is counted one year older). `None` when neither is
    /// recorded, or the year of birth is after the entry.
    pub fn age_at_entry(&self) -> Option<u16> {
        if let Some(age) = self.age {
            return Some(age);
        }
        let years = self.date.year().checked_sub(self.birth_year?)?;
        u16::try_from(years).ok()
    }

    /// The required data this entry lacks, in the order of
    /// [`Requirements::required`]: `sex` also when the sex is not one the
    /// project declares, a characteristic also when its value does not fit.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kooperacja_core::participant::{Entry, Requirements, Sex};
    /// use kooperacja_core::pseudonym::PseudonymKey;
    /// let key = PseudonymKey::from_bytes([7; 32]);
    /// let day = NaiveDate::from_ymd_opt(2024, 3, 4).expect("a date");
    /// let rules = Requirements::of(&toml::from_str(r#"required = ["sex", "age"]"#)?); // K and M
    /// let entry = Entry::new("e-1", key.person("p-1")?, day).sex(Sex::N);
    /// assert_eq!(entry.missing(&rules), ["age", "sex"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn missing<'d>(&self, rules: &'d Requirements) -> Vec<&'d str> {
        rules
            .required
            .iter()
            .map(String::as_str)
            .filter(|id| !self.holds(rules, id))
            .collect()
    }

    fn holds(&self, rules: &Requirements, id: &str) -> bool {
        match id {
            SEX => self.sex.is_some_and(|s| rules.sexes.contains(&s)),
            AGE => self.age_at_entry().is_some(),
            _ => self
                .characteristics
                .get(id)
                .is_some_and(|v| rules.accepts(id, v)),
        }
    }
}

impl Entry {
    /// The entry an `entry` fact records; `None` for any other fact, or an
    /// entry without its participant. Every field other than `participant`,
    /// `support`, `sex`, `age` and `birth_year` is a characteristic.
    ///
    /// ```
    /// use kooperacja_core::facts::{FactReader, Format};
    /// use kooperacja_core::participant::{Entry, Sex};
    /// use kooperacja_core::project::Project;
    /// use kooperacja_core::pseudonym::PseudonymKey;
    /// let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// let line = r#"{"id":"e-1","date":"2019-03-04","by":"umk","kind":"entry","participant":"p-1","sex":"K","age":40}"#;
    /// let key = PseudonymKey::from_bytes([7; 32]);
    /// let fact = FactReader::new(line.as_bytes(), Format::JsonLines, project.vocabulary().clone(), key).next().expect("a fact")?;
    /// let entry = Entry::of_fact(&fact).expect("an entry");
    /// assert_eq!((entry.fact.as_str(), entry.sex, entry.age), ("e-1", Some(Sex::K), Some(40)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_fact(fact: &crate::facts::Fact) -> Option<Entry> {
        use crate::facts::Value;
        let fields = fact.what.fields().filter(|f| f.kind == "entry")?;
        let Some(Value::Person(participant)) = fields.get("participant") else {
            return None;
        };
        let mut entry = Entry::new(fact.id.clone(), participant.clone(), fact.date);
        entry.support = fields.text("support").map(str::to_owned);
        entry.sex = fields.text("sex").and_then(|s| s.parse().ok());
        let count = |f: &str| match fields.get(f) {
            Some(Value::Count(n)) => Some(*n),
            _ => None,
        };
        entry.age = count("age").and_then(|n| u16::try_from(n).ok());
        entry.birth_year = count("birth_year").and_then(|n| i32::try_from(n).ok());
        for (id, value) in &fields.values {
            if !ENTRY_FIELDS.contains(&id.as_str()) {
                entry.characteristics.insert(id.clone(), value.to_text());
            }
        }
        Some(entry)
    }
}

/// The built-in fields of an entry fact; every other field is a
/// characteristic.
pub const ENTRY_FIELDS: [&str; 5] = ["participant", "support", "sex", "birth_year", "age"];

/// A participation ends: the data of an `exit` fact.
///
/// ```
/// use chrono::NaiveDate;
/// use kooperacja_core::participant::Exit;
/// use kooperacja_core::pseudonym::PseudonymKey;
/// let key = PseudonymKey::from_bytes([7; 32]);
/// let exit = Exit::new("x-1", key.person("p-1")?, NaiveDate::from_ymd_opt(2024, 6, 28).expect("a date"))
///     .outcome("completed");
/// assert_eq!(exit.outcome.as_deref(), Some("completed"));
/// # Ok::<(), kooperacja_core::pseudonym::PersonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exit {
    /// The fact's id.
    pub fact: String,
    /// The participant's pseudonymous key.
    pub participant: PersonKey,
    /// The day of exit.
    pub date: NaiveDate,
    /// Which support.
    pub support: Option<String>,
    /// How it ended (an outcome id), if recorded.
    pub outcome: Option<String>,
}

impl Exit {
    /// An exit with no data beyond its fact, person and day.
    pub fn new(fact: impl Into<String>, participant: PersonKey, date: NaiveDate) -> Exit {
        Exit {
            fact: fact.into(),
            participant,
            date,
            support: None,
            outcome: None,
        }
    }

    /// From a support.
    pub fn support(mut self, support: impl Into<String>) -> Exit {
        self.support = Some(support.into());
        self
    }

    /// With an outcome.
    pub fn outcome(mut self, outcome: impl Into<String>) -> Exit {
        self.outcome = Some(outcome.into());
        self
    }
}

impl Exit {
    /// The exit an `exit` fact records; `None` for any other fact.
    pub fn of_fact(fact: &crate::facts::Fact) -> Option<Exit> {
        use crate::facts::Value;
        let fields = fact.what.fields().filter(|f| f.kind == "exit")?;
        let Some(Value::Person(participant)) = fields.get("participant") else {
            return None;
        };
        let mut exit = Exit::new(fact.id.clone(), participant.clone(), fact.date);
        exit.support = fields.text("support").map(str::to_owned);
        exit.outcome = fields.text("outcome").map(str::to_owned);
        Some(exit)
    }
}

/// One participant as the registry holds them: the data of the first entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Participant<'r> {
    /// The first entry (earliest date, then smallest fact id).
    pub first: &'r Entry,
    /// How many entries the person has (1 for no re-entry).
    pub entries: usize,
    rules: &'r Requirements,
}

impl<'r> Participant<'r> {
    /// The pseudonymous key.
    pub fn key(&self) -> &'r PersonKey {
        &self.first.participant
    }

    /// The sex as of the first entry, if recorded and declared.
    pub fn sex(&self) -> Option<Sex> {
        self.first.sex.filter(|s| self.rules.sexes.contains(s))
    }

    /// A characteristic as of the first entry.
    pub fn characteristic(&self, id: &str) -> Option<&'r str> {
        self.first.characteristics.get(id).map(String::as_str)
    }

    /// The required data the first entry lacks.
    pub fn missing(&self) -> Vec<&'r str> {
        self.first.missing(self.rules)
    }

    /// Whether the record holds every required datum, so it may be shown as
    /// a participant.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }
}

/// Participants counted: the complete records split by sex, and the
/// incomplete ones apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Count {
    /// The participants (complete records), by sex.
    pub participants: SexSplit,
    /// Records missing a required datum: not participants.
    pub incomplete: u64,
}

/// An incomplete record, named by the fact id of its first entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Incomplete {
    /// The first entry's fact id.
    pub fact: String,
    /// What it lacks (`sex`, `age`, characteristic ids).
    pub missing: Vec<String>,
}

impl Incomplete {
    /// The finding of validation that names the record: `participant.incomplete`
    /// (a warning: the fact counts, but its person is not a participant), at
    /// `facts[ID]` of the first entry, never naming the person.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kooperacja_core::participant::{Entry, Registry, Sex};
    /// use kooperacja_core::pseudonym::PseudonymKey;
    /// let key = PseudonymKey::from_bytes([7; 32]);
    /// let mut registry = Registry::new(&toml::from_str(r#"required = ["sex", "age"]"#)?);
    /// registry.enter(Entry::new("e-3", key.person("p-2")?, NaiveDate::from_ymd_opt(2024, 3, 5).expect("a date")).sex(Sex::K));
    /// let finding = registry.incomplete()[0].finding();
    /// assert_eq!((finding.code, finding.path.as_str()), ("participant.incomplete", "facts[e-3]"));
    /// assert!(finding.message.contains("age"));
    /// assert!(!finding.message.contains("ps-"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn finding(&self) -> crate::validate::Finding {
        crate::validate::Finding::new(
            "participant.incomplete",
            crate::validate::Severity::Warning,
            format!("facts[{}]", self.fact),
            format!(
                "the first entry of this participant lacks {}, which [participants] requires at entry; the record is counted apart and cannot be shown as a participant",
                self.missing.join(", ")
            ),
        )
    }
}

/// One participant's time in one support: first entry, last exit.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Stay {
    /// The support (`None`: the project as a whole).
    pub support: Option<String>,
    /// The first entry into it.
    pub entered: NaiveDate,
    /// The last exit from it, if any.
    pub exited: Option<NaiveDate>,
    /// The outcome of that exit.
    pub outcome: Option<String>,
    /// The entries into it (more than 1 for re-entries).
    pub entries: usize,
}

/// Participants who entered and left one support, as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct SupportCount {
    /// The support (`None`: entries that name none).
    pub support: Option<String>,
    /// Persons who entered it (once each), complete or not.
    pub entered: u64,
    /// Of those, persons whose last record in it is an exit.
    pub exited: u64,
}

/// The participants of a project: entry and exit events in, in any order;
/// each person's data as of their first entry out.
///
/// An event whose fact id the registry holds already is ignored, so applying
/// a fact twice changes nothing; [`Registry::retract`] removes one.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    rules: Requirements,
    /// By person key (its text, so that a key can be looked up by `&str`).
    entries: BTreeMap<String, Vec<Entry>>,
    exits: BTreeMap<String, Vec<Exit>>,
    /// Fact id → person key.
    facts: BTreeMap<String, String>,
}

impl Registry {
    /// An empty registry under the declaration.
    pub fn new(decl: &ParticipantsDecl) -> Registry {
        Registry {
            rules: Requirements::of(decl),
            ..Registry::default()
        }
    }

    /// What it applies of the declaration.
    pub fn rules(&self) -> &Requirements {
        &self.rules
    }

    /// Records an entry; `false` if its fact id was recorded already.
    pub fn enter(&mut self, entry: Entry) -> bool {
        if self.facts.contains_key(&entry.fact) {
            return false;
        }
        let person = entry.participant.as_str().to_owned();
        self.facts.insert(entry.fact.clone(), person.clone());
        let list = self.entries.entry(person).or_default();
        let at = list.partition_point(|e| (e.date, &e.fact) < (entry.date, &entry.fact));
        list.insert(at, entry);
        true
    }

    /// Records an exit; `false` if its fact id was recorded already.
    pub fn exit(&mut self, exit: Exit) -> bool {
        if self.facts.contains_key(&exit.fact) {
            return false;
        }
        let person = exit.participant.as_str().to_owned();
        self.facts.insert(exit.fact.clone(), person.clone());
        let list = self.exits.entry(person).or_default();
        let at = list.partition_point(|x| (x.date, &x.fact) < (exit.date, &exit.fact));
        list.insert(at, exit);
        true
    }

    /// Removes the entry or exit of a fact id; `false` if none was recorded.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kooperacja_core::participant::{Entry, Registry};
    /// use kooperacja_core::pseudonym::PseudonymKey;
    /// let key = PseudonymKey::from_bytes([7; 32]);
    /// let day = NaiveDate::from_ymd_opt(2024, 3, 4).expect("a date");
    /// let mut registry = Registry::default();
    /// registry.enter(Entry::new("e-1", key.person("p-1")?, day));
    /// assert!(registry.retract("e-1"));
    /// assert_eq!(registry.participants(None).count(), 0);
    /// # Ok::<(), kooperacja_core::pseudonym::PersonError>(())
    /// ```
    pub fn retract(&mut self, fact: &str) -> bool {
        let Some(person) = self.facts.remove(fact) else {
            return false;
        };
        if let Some(list) = self.entries.get_mut(&person) {
            list.retain(|e| e.fact != fact);
            if list.is_empty() {
                self.entries.remove(&person);
            }
        }
        if let Some(list) = self.exits.get_mut(&person) {
            list.retain(|x| x.fact != fact);
            if list.is_empty() {
                self.exits.remove(&person);
            }
        }
        true
    }

    /// The participant of a key, with the first entry's data (any date).
    pub fn participant(&self, key: &PersonKey) -> Option<Participant<'_>> {
        self.participant_of(key.as_str())
    }

    /// [`Registry::participant`] by the key's text.
    pub fn participant_of(&self, key: &str) -> Option<Participant<'_>> {
        self.entries.get(key).and_then(|list| self.view(list))
    }

    /// The sex of a person as of their first entry (recorded and declared),
    /// complete record or not; `None` for a person who never entered.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kooperacja_core::participant::{Entry, Registry, Sex};
    /// use kooperacja_core::pseudonym::PseudonymKey;
    /// let key = PseudonymKey::from_bytes([7; 32]);
    /// let p = key.person("p-1")?;
    /// let mut registry = Registry::default();
    /// registry.enter(Entry::new("e-1", p.clone(), NaiveDate::from_ymd_opt(2024, 3, 4).expect("a date")).sex(Sex::M));
    /// assert_eq!(registry.sex_of(p.as_str()), Some(Sex::M));
    /// assert_eq!(registry.sex_of("ps-unknown"), None);
    /// # Ok::<(), kooperacja_core::pseudonym::PersonError>(())
    /// ```
    pub fn sex_of(&self, key: &str) -> Option<Sex> {
        self.participant_of(key).and_then(|p| p.sex())
    }

    fn view<'r>(&'r self, list: &'r [Entry]) -> Option<Participant<'r>> {
        list.first().map(|first| Participant {
            first,
            entries: list.len(),
            rules: &self.rules,
        })
    }

    /// Every person who entered by `as_of` (every one, with `None`), by key,
    /// complete or not.
    pub fn participants(&self, as_of: Option<NaiveDate>) -> impl Iterator<Item = Participant<'_>> {
        self.entries
            .values()
            .filter_map(|list| self.view(list))
            .filter(move |p| as_of.is_none_or(|d| p.first.date <= d))
    }

    /// The participants who entered by `as_of`, by sex, and the incomplete
    /// records apart.
    pub fn count(&self, as_of: Option<NaiveDate>) -> Count {
        self.count_where(as_of, |_| true)
    }

    /// [`Registry::count`] of the persons for whom `keep` holds (a filter on
    /// the first entry's data: a rule's characteristic, say).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kooperacja_core::participant::{Entry, Registry, Sex};
    /// use kooperacja_core::pseudonym::PseudonymKey;
    /// let key = PseudonymKey::from_bytes([7; 32]);
    /// let day = NaiveDate::from_ymd_opt(2024, 3, 4).expect("a date");
    /// let mut registry = Registry::default();
    /// registry.enter(Entry::new("e-1", key.person("p-1")?, day).sex(Sex::K).age(30).with("disability", "yes"));
    /// registry.enter(Entry::new("e-2", key.person("p-2")?, day).sex(Sex::M).age(30));
    /// let count = registry.count_where(None, |p| p.characteristic("disability") == Some("yes"));
    /// assert_eq!((count.participants.total(), count.participants.of(Sex::K)), (1, Some(1)));
    /// # Ok::<(), kooperacja_core::pseudonym::PersonError>(())
    /// ```
    pub fn count_where(
        &self,
        as_of: Option<NaiveDate>,
        mut keep: impl FnMut(&Participant<'_>) -> bool,
    ) -> Count {
        let mut count = Count {
            participants: SexSplit::new(&self.rules.sexes),
            incomplete: 0,
        };
        for p in self.participants(as_of).filter(|p| keep(p)) {
            if p.is_complete() {
                count.participants.add(p.sex());
            } else {
                count.incomplete = count.incomplete.saturating_add(1);
            }
        }
        count
    }

    /// The incomplete records of persons who entered (any date), each named
    /// by its first entry's fact id, in fact id order.
    pub fn incomplete(&self) -> Vec<Incomplete> {
        let mut list: Vec<Incomplete> = self
            .participants(None)
            .filter_map(|p| {
                let missing = p.missing();
                (!missing.is_empty()).then(|| Incomplete {
                    fact: p.first.fact.clone(),
                    missing: missing.into_iter().map(str::to_owned).collect(),
                })
            })
            .collect();
        list.sort_by(|a, b| a.fact.cmp(&b.fact));
        list
    }

    /// A person's stays, one per support, in support order (`None` first):
    /// the first entry, the last exit on or after it.
    pub fn stays(&self, key: &PersonKey) -> Vec<Stay> {
        let key = key.as_str();
        let mut stays: BTreeMap<Option<&str>, Stay> = BTreeMap::new();
        for e in self.entries.get(key).into_iter().flatten() {
            stays
                .entry(e.support.as_deref())
                .and_modify(|s| s.entries += 1)
                .or_insert_with(|| Stay {
                    support: e.support.clone(),
                    entered: e.date,
                    exited: None,
                    outcome: None,
                    entries: 1,
                });
        }
        for x in self.exits.get(key).into_iter().flatten() {
            if let Some(stay) = stays.get_mut(&x.support.as_deref()) {
                if x.date >= stay.entered {
                    stay.exited = Some(x.date);
                    stay.outcome = x.outcome.clone();
                }
            }
        }
        stays.into_values().collect()
    }

    /// Per support, the persons who entered by `as_of` and of them those who
    /// left by then (whose last entry or exit in it, by `as_of`, is an exit).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kooperacja_core::participant::{Entry, Exit, Registry};
    /// use kooperacja_core::pseudonym::PseudonymKey;
    /// let key = PseudonymKey::from_bytes([7; 32]);
    /// let day = |d| NaiveDate::from_ymd_opt(2024, 3, d).expect("a date");
    /// let mut registry = Registry::default();
    /// registry.enter(Entry::new("e-1", key.person("p-1")?, day(4)).support("coaching"));
    /// registry.exit(Exit::new("x-1", key.person("p-1")?, day(9)).support("coaching"));
    /// registry.enter(Entry::new("e-2", key.person("p-1")?, day(12)).support("coaching"));
    /// let counts = registry.supports(Some(day(10)));
    /// assert_eq!((counts[0].entered, counts[0].exited), (1, 1));
    /// let counts = registry.supports(None); // re-entered on the 12th
    /// assert_eq!((counts[0].entered, counts[0].exited), (1, 0));
    /// # Ok::<(), kooperacja_core::pseudonym::PersonError>(())
    /// ```
    pub fn supports(&self, as_of: Option<NaiveDate>) -> Vec<SupportCount> {
        let by = |d: NaiveDate| as_of.is_none_or(|a| d <= a);
        let mut counts: BTreeMap<Option<&str>, SupportCount> = BTreeMap::new();
        for (key, list) in &self.entries {
            // The last event per support by `as_of`: (date, is exit).
            let mut last: BTreeMap<Option<&str>, (NaiveDate, bool)> = BTreeMap::new();
            for e in list.iter().filter(|e| by(e.date)) {
                let slot = last.entry(e.support.as_deref()).or_insert((e.date, false));
                if e.date >= slot.0 {
                    *slot = (e.date, false);
                }
            }
            for x in self
                .exits
                .get(key)
                .into_iter()
                .flatten()
                .filter(|x| by(x.date))
            {
                if let Some(slot) = last.get_mut(&x.support.as_deref()) {
                    if x.date >= slot.0 {
                        *slot = (x.date, true);
                    }
                }
            }
            for (support, (_, exited)) in last {
                let count = counts.entry(support).or_insert_with(|| SupportCount {
                    support: support.map(str::to_owned),
                    entered: 0,
                    exited: 0,
                });
                count.entered = count.entered.saturating_add(1);
                if exited {
                    count.exited = count.exited.saturating_add(1);
                }
            }
        }
        counts.into_values().collect()
    }
}
