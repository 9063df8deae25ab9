//! Upgrading a project file from format 1 to format 2, keeping every comment
//! and the layout (the text is edited with `toml_edit`, not re-serialised).
//!
//! Format 1 built its kinds of fact (meeting, coaching, agreement, pilot,
//! deliverable, support, qualification, di-plan) and their enumerations into
//! the program; format 2 has the project declare them. [`upgrade`]:
//! - sets `format = 2`;
//! - declares format 1's vocabulary, [`FORMAT1_VOCABULARY`] (a data file,
//!   `upgrade/format1.toml`): its `[[enumerations]]` and `[[fact_kinds]]` are
//!   appended at the end of the file, and `activity_enumeration = "activity"`
//!   names the enumeration of milestone activities (when the file plans any);
//! - rewrites the rules whose meaning format 2 spells out: `count =
//!   "meeting-days"` becomes `sum = "days"`, `count = "participants"` becomes
//!   `sum = "participants"`, and a distinct count of institutions over support
//!   facts gains `absent = ["person"]` (format 1 counted the institution of a
//!   support only when no person was supported);
//! - gives each milestone activity the facts format 1 counted for its kind, as
//!   a `counts` filter: a group's meetings (`group`), coaching in the
//!   activity's form and role with `sessions = ["by", "date"]` (one session per
//!   organisation and day), and meetings of the activity (`activity =
//!   "<kind>"`) for the other kinds. A `meeting` activity without a group
//!   counted nothing in format 1 and gets no `counts`.
//!
//! A format-2 file is returned unchanged, so upgrading twice is upgrading
//! once. Anything else is an [`UpgradeError`] with a code.
//!
//! ```
//! use kooperacja_core::upgrade::upgrade;
//! let old = "format = 1 # the first\n\n[[indicators]]\nid = \"days\"\n\
//!            rule = { count = \"meeting-days\", kind = [\"meeting\"] } # PGR days\n";
//! let upgraded = upgrade(old)?;
//! assert!(upgraded.text.starts_with("format = 2 # the first\n"));
//! assert!(upgraded.text.contains("rule = { sum = \"days\", kind = [\"meeting\"] } # PGR days\n"));
//! assert!(upgraded.text.contains("[[fact_kinds]]\nid = \"meeting\""));
//! // Idempotent: a format-2 file comes back as it was.
//! let again = upgrade(&upgraded.text)?;
//! assert_eq!(again.text, upgraded.text);
//! assert!(again.changes.is_empty());
//! # Ok::<(), kooperacja_core::upgrade::UpgradeError>(())
//! ```

use std::fmt;
use std::ops::Range;

use toml_edit::{Array, DocumentMut, InlineTable, Item, Key, Table, Value};

use crate::parse::{ParseError, line_column};
use crate::present::{Lang, Text, label};

/// Format 1's vocabulary as format 2 declares it: the `[[enumerations]]` of
/// activities, coaching forms and deliverables, and the `[[fact_kinds]]` of
/// format 1 with their fields. [`upgrade`] appends this text to the file.
///
/// ```
/// use kooperacja_core::upgrade::FORMAT1_VOCABULARY;
/// assert!(FORMAT1_VOCABULARY.contains("id = \"di-plan\""));
/// ```
pub const FORMAT1_VOCABULARY: &str = include_str!("upgrade/format1.toml");

/// The format [`upgrade`] writes.
pub const TARGET_FORMAT: i64 = 2;

/// Top-level keys format 2 introduced; a format-1 file holding one is refused
/// rather than given a second declaration.
const FORMAT2_KEYS: [&str; 4] = [
    "enumerations",
    "fact_kinds",
    "activity_enumeration",
    "participants",
];

/// An upgraded project file and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Upgraded {
    /// The file in format 2 (the input itself when it was format 2 already).
    pub text: String,
    /// The format the input had.
    pub from: i64,
    /// What changed, in file order (empty when the input was format 2).
    pub changes: Vec<Change>,
}

impl Upgraded {
    /// Whether the upgrade changed anything.
    pub fn changed(&self) -> bool {
        !self.changes.is_empty()
    }

    /// One line per change, for a person: `indicators[x].rule: + absent =
    /// ["person"] (why)`.
    ///
    /// ```
    /// use kooperacja_core::present::Lang;
    /// let up = kooperacja_core::upgrade::upgrade("format = 1\n")?;
    /// assert_eq!(up.lines(Lang::En)[0], "format: 1 → 2 (the version of the project file format)");
    /// # Ok::<(), kooperacja_core::upgrade::UpgradeError>(())
    /// ```
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        self.changes.iter().map(|c| c.line(lang)).collect()
    }
}

/// One change the upgrade made.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// Where: `indicators[jst-piloted].rule`, `versions[umowa].milestones[KM-I].activities[0]`.
    pub at: String,
    /// The TOML replaced, if any (`count = "meeting-days"`).
    pub was: Option<String>,
    /// The TOML written (`sum = "days"`).
    pub now: String,
    /// Why.
    pub why: Why,
}

impl Change {
    /// The change as one line: `at: was → now (why)` or `at: + now (why)`.
    pub fn line(&self, lang: Lang) -> String {
        let why = self.why.text().get(lang);
        match &self.was {
            Some(was) => format!("{}: {was} → {} ({why})", self.at, self.now),
            None => format!("{}: + {} ({why})", self.at, self.now),
        }
    }
}

/// Why the upgrade changed something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Why {
    /// `format = 2`.
    Format,
    /// Format 1's kinds of fact and enumerations, declared.
    Vocabulary,
    /// `activity_enumeration`: milestone activity kinds are values of an enumeration.
    ActivityEnumeration,
    /// `count` of a quantity became `sum` of the field.
    Sum,
    /// A distinct count of institutions of support facts gained `absent = ["person"]`.
    SupportWithoutPerson,
    /// A milestone activity gained the `counts` format 1 implied.
    ActivityCounts,
    /// A coaching activity gained `sessions = ["by", "date"]`.
    CoachingSessions,
}

impl Why {
    /// The reason in words (the `UPGRADE_WHY_*` entries of the catalogue).
    pub fn text(self) -> Text {
        match self {
            Why::Format => label::UPGRADE_WHY_FORMAT,
            Why::Vocabulary => label::UPGRADE_WHY_VOCABULARY,
            Why::ActivityEnumeration => label::UPGRADE_WHY_ACTIVITY_ENUMERATION,
            Why::Sum => label::UPGRADE_WHY_SUM,
            Why::SupportWithoutPerson => label::UPGRADE_WHY_SUPPORT_WITHOUT_PERSON,
            Why::ActivityCounts => label::UPGRADE_WHY_ACTIVITY_COUNTS,
            Why::CoachingSessions => label::UPGRADE_WHY_COACHING_SESSIONS,
        }
    }
}

/// A file that cannot be upgraded.
///
/// ```
/// use kooperacja_core::upgrade::upgrade;
/// let err = upgrade("format = 3\n").unwrap_err();
/// assert_eq!(err.code(), "format.unsupported");
/// let at = err.to_parse_error("format = 3\n", kooperacja_core::present::Lang::En);
/// assert_eq!((at.line, at.column), (1, 10));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UpgradeError {
    /// The text is not TOML.
    NotToml {
        /// The TOML parser's message.
        message: String,
        /// Where.
        span: Option<Range<usize>>,
    },
    /// There is no top-level `format`.
    NoFormat,
    /// `format` is neither 1 nor 2.
    UnknownFormat {
        /// The value as written.
        found: String,
        /// Where.
        span: Option<Range<usize>>,
    },
    /// A format-1 file holds a key of format 2.
    Format2Key {
        /// The key.
        key: String,
        /// Where.
        span: Option<Range<usize>>,
    },
}

impl UpgradeError {
    /// A stable code: `format.not-toml`, `format.missing`,
    /// `format.unsupported`, `format.format-2-key`.
    pub fn code(&self) -> &'static str {
        match self {
            UpgradeError::NotToml { .. } => "format.not-toml",
            UpgradeError::NoFormat => "format.missing",
            UpgradeError::UnknownFormat { .. } => "format.unsupported",
            UpgradeError::Format2Key { .. } => "format.format-2-key",
        }
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            UpgradeError::NotToml { message, .. } => {
                label::UPGRADE_NOT_TOML.fill(lang, &[&message.trim_end()])
            }
            UpgradeError::NoFormat => label::UPGRADE_NO_FORMAT.get(lang).to_owned(),
            UpgradeError::UnknownFormat { found, .. } => {
                label::UPGRADE_UNKNOWN_FORMAT.fill(lang, &[found])
            }
            UpgradeError::Format2Key { key, .. } => {
                label::UPGRADE_FORMAT2_KEY_IN_FORMAT1.fill(lang, &[key])
            }
        }
    }

    /// The byte range of `text` to blame, if known.
    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            UpgradeError::NotToml { span, .. }
            | UpgradeError::UnknownFormat { span, .. }
            | UpgradeError::Format2Key { span, .. } => span.clone(),
            UpgradeError::NoFormat => None,
        }
    }

    /// The error located in `text` (the file upgraded), with its message in
    /// `lang` and its code, for [`crate::present::located`] to show with a caret.
    pub fn to_parse_error(&self, text: &str, lang: Lang) -> ParseError {
        let span = self.span();
        let (line, column) = span.as_ref().map_or((1, 1), |s| line_column(text, s.start));
        let message = format!("{} [{}]", self.message(lang), self.code());
        ParseError::new(line, column, span, message)
    }
}

impl fmt::Display for UpgradeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message(Lang::En))
    }
}

impl std::error::Error for UpgradeError {}

/// The format a project file declares, if it says: `Some(1)`, `Some(2)`;
/// `None` when the text is not TOML or has no integer `format`.
///
/// ```
/// assert_eq!(kooperacja_core::upgrade::format_of("format = 1\nid = \"x\"\n"), Some(1));
/// assert_eq!(kooperacja_core::upgrade::format_of("id = \"x\"\n"), None);
/// ```
pub fn format_of(text: &str) -> Option<i64> {
    let doc = toml_edit::Document::parse(text).ok()?;
    doc.as_table()
        .get("format")
        .and_then(Item::as_value)
        .and_then(Value::as_integer)
}

/// Rewrites a format-1 project file into format 2, keeping every comment and
/// the layout; see the [module](self) for what changes. A format-2 file is
/// returned unchanged.
pub fn upgrade(text: &str) -> Result<Upgraded, UpgradeError> {
    let parsed = toml_edit::Document::parse(text).map_err(|e| UpgradeError::NotToml {
        message: e.message().to_owned(),
        span: e.span(),
    })?;
    let root = parsed.as_table();
    let format = root
        .get("format")
        .and_then(Item::as_value)
        .ok_or(UpgradeError::NoFormat)?;
    match format.as_integer() {
        Some(TARGET_FORMAT) => {
            return Ok(Upgraded {
                text: text.to_owned(),
                from: TARGET_FORMAT,
                changes: Vec::new(),
            });
        }
        Some(1) => {}
        _ => {
            return Err(UpgradeError::UnknownFormat {
                found: format.to_string().trim().to_owned(),
                span: format.span(),
            });
        }
    }
    if let Some(key) = FORMAT2_KEYS.iter().find(|k| root.contains_key(k)) {
        return Err(UpgradeError::Format2Key {
            key: (*key).to_owned(),
            span: root.key(key).and_then(Key::span),
        });
    }
    let mut doc: DocumentMut = parsed.into_mut();
    let mut changes = Vec::new();

    if let Some(value) = doc.get_mut("format").and_then(Item::as_value_mut) {
        let decor = value.decor().clone();
        *value = Value::from(TARGET_FORMAT);
        *value.decor_mut() = decor;
    }
    changes.push(Change {
        at: "format".to_owned(),
        was: Some("1".to_owned()),
        now: TARGET_FORMAT.to_string(),
        why: Why::Format,
    });

    if upgrade_versions(&mut doc, &mut changes) {
        // After the last top-level key, told from the keys above it by a comment.
        let mut key = Key::new("activity_enumeration");
        key.leaf_decor_mut()
            .set_prefix("\n# Milestone activities: their `kind` is a value of this enumeration.\n");
        doc.as_table_mut()
            .insert_formatted(&key, Item::Value(Value::from("activity")));
        changes.insert(
            1,
            Change {
                at: "activity_enumeration".to_owned(),
                was: None,
                now: "activity_enumeration = \"activity\"".to_owned(),
                why: Why::ActivityEnumeration,
            },
        );
    }
    upgrade_indicators(&mut doc, &mut changes);

    let mut out = doc.to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(FORMAT1_VOCABULARY);
    changes.push(Change {
        at: "enumerations".to_owned(),
        was: None,
        now: declared_ids("enumerations"),
        why: Why::Vocabulary,
    });
    changes.push(Change {
        at: "fact_kinds".to_owned(),
        was: None,
        now: declared_ids("fact_kinds"),
        why: Why::Vocabulary,
    });
    Ok(Upgraded {
        text: out,
        from: 1,
        changes,
    })
}

/// `[[name]]` and the ids the vocabulary declares under it.
fn declared_ids(name: &str) -> String {
    let ids: Vec<String> = toml_edit::Document::parse(FORMAT1_VOCABULARY)
        .ok()
        .and_then(|doc| {
            doc.as_table()
                .get(name)
                .and_then(Item::as_array_of_tables)
                .map(|tables| {
                    tables
                        .iter()
                        .filter_map(|t| t.get("id").and_then(Item::as_str).map(str::to_owned))
                        .collect()
                })
        })
        .unwrap_or_default();
    format!("[[{name}]] {}", ids.join(", "))
}

fn upgrade_indicators(doc: &mut DocumentMut, changes: &mut Vec<Change>) {
    let Some(indicators) = doc.get_mut("indicators") else {
        return;
    };
    each_table(indicators, &mut |i, indicator| {
        let name = indicator.text("id").unwrap_or_else(|| i.to_string());
        if let Some(rule) = indicator.child("rule") {
            upgrade_rule(rule, &format!("indicators[{name}].rule"), changes);
        }
    });
}

fn upgrade_rule(rule: &mut dyn Node, at: &str, changes: &mut Vec<Change>) {
    let summed = match rule.text("count").as_deref() {
        Some("meeting-days") => Some(("meeting-days", "days")),
        Some("participants") => Some(("participants", "participants")),
        _ => None,
    };
    if let Some((measure, field)) = summed {
        rule.rename("count", "sum", field);
        changes.push(Change {
            at: at.to_owned(),
            was: Some(format!("count = \"{measure}\"")),
            now: format!("sum = \"{field}\""),
            why: Why::Sum,
        });
    }
    if rule.text("distinct").as_deref() == Some("institution") && !rule.has("absent") {
        let kinds = rule.strings("kind");
        if kinds.is_empty() || kinds.iter().any(|k| k == "support") {
            rule.append("absent", strings(&["person"]));
            changes.push(Change {
                at: at.to_owned(),
                was: None,
                now: "absent = [\"person\"]".to_owned(),
                why: Why::SupportWithoutPerson,
            });
        }
    }
    if let Some(ratio) = rule.child("ratio") {
        for side in ["numerator", "denominator"] {
            if let Some(part) = ratio.child(side) {
                upgrade_rule(part, &format!("{at}.ratio.{side}"), changes);
            }
        }
    }
}

/// Upgrades the milestone activities of every version; whether there were any.
fn upgrade_versions(doc: &mut DocumentMut, changes: &mut Vec<Change>) -> bool {
    let mut any = false;
    let Some(versions) = doc.get_mut("versions") else {
        return any;
    };
    each_table(versions, &mut |vi, version| {
        let vname = version.text("id").unwrap_or_else(|| vi.to_string());
        let Some(milestones) = version.item("milestones") else {
            return;
        };
        each_table(milestones, &mut |mi, milestone| {
            let mname = milestone.text("id").unwrap_or_else(|| mi.to_string());
            let Some(activities) = milestone.item("activities") else {
                return;
            };
            each_table(activities, &mut |ai, activity| {
                let at = format!("versions[{vname}].milestones[{mname}].activities[{ai}]");
                upgrade_activity(activity, &at, changes);
                any = true;
            });
        });
    });
    any
}

fn upgrade_activity(activity: &mut dyn Node, at: &str, changes: &mut Vec<Change>) {
    if activity.has("counts") {
        return;
    }
    let Some(kind) = activity.text("kind") else {
        return;
    };
    let group = activity.text("group");
    let mut counts = InlineTable::new();
    let mut sessions = false;
    match (kind.as_str(), group) {
        ("coaching", _) => {
            counts.insert("kind", strings(&["coaching"]));
            for key in ["form", "role"] {
                if let Some(value) = activity.text(key) {
                    counts.insert(key, Value::from(value));
                }
            }
            sessions = true;
        }
        (_, Some(group)) => {
            counts.insert("kind", strings(&["meeting"]));
            counts.insert("group", Value::from(group));
        }
        // Format 1 counted nothing for a meeting activity without a group.
        ("meeting", None) => return,
        (other, None) => {
            counts.insert("kind", strings(&["meeting"]));
            counts.insert("activity", Value::from(other));
        }
    }
    counts.fmt();
    let counts = Value::InlineTable(counts);
    let shown = counts.to_string();
    activity.append("counts", counts);
    changes.push(Change {
        at: at.to_owned(),
        was: None,
        now: format!("counts = {}", shown.trim()),
        why: Why::ActivityCounts,
    });
    if sessions {
        activity.append("sessions", strings(&["by", "date"]));
        changes.push(Change {
            at: at.to_owned(),
            was: None,
            now: "sessions = [\"by\", \"date\"]".to_owned(),
            why: Why::CoachingSessions,
        });
    }
}

/// An array of strings, formatted as `["a", "b"]`.
fn strings(items: &[&str]) -> Value {
    let mut array: Array = items.iter().copied().collect();
    array.fmt();
    Value::Array(array)
}

/// Calls `f` with each table of an array of tables (`[[x]]`) or of an array of
/// inline tables (`x = [{ … }]`), with its index.
fn each_table(item: &mut Item, f: &mut dyn FnMut(usize, &mut dyn Node)) {
    match item {
        Item::ArrayOfTables(tables) => {
            for (i, table) in tables.iter_mut().enumerate() {
                f(i, table);
            }
        }
        Item::Value(Value::Array(array)) => {
            for (i, value) in array.iter_mut().enumerate() {
                if let Value::InlineTable(table) = value {
                    f(i, table);
                }
            }
        }
        _ => {}
    }
}

/// A table, standard (`[x]`) or inline (`{ … }`), as the upgrade edits it.
trait Node {
    /// The item under `key`.
    fn item(&mut self, key: &str) -> Option<&mut Item>;
    /// The string under `key`.
    fn text(&self, key: &str) -> Option<String>;
    /// The strings under `key` (an array of strings, or one string).
    fn strings(&self, key: &str) -> Vec<String>;
    /// Whether `key` is present.
    fn has(&self, key: &str) -> bool;
    /// The table (of either form) under `key`.
    fn child(&mut self, key: &str) -> Option<&mut dyn Node>;
    /// Replaces the key `old` by `new` with the string `value`, in its place
    /// and with its comments.
    fn rename(&mut self, old: &str, new: &str, value: &str);
    /// Adds `key = value` after the last key.
    fn append(&mut self, key: &str, value: Value);
}

fn value_strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.value().clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// `value` with the decor (spaces, comments) of `like`.
fn decorated(mut value: Value, like: &Value) -> Value {
    *value.decor_mut() = like.decor().clone();
    value
}

/// A key named `name` with the leaf decor of `like`.
fn renamed(name: &str, like: &Key) -> Key {
    Key::new(name).with_leaf_decor(like.leaf_decor().clone())
}

impl Node for Table {
    fn item(&mut self, key: &str) -> Option<&mut Item> {
        self.get_mut(key)
    }
    fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(Item::as_str).map(str::to_owned)
    }
    fn strings(&self, key: &str) -> Vec<String> {
        value_strings(self.get(key).and_then(Item::as_value))
    }
    fn has(&self, key: &str) -> bool {
        self.contains_key(key)
    }
    fn child(&mut self, key: &str) -> Option<&mut dyn Node> {
        match self.get_mut(key)? {
            Item::Table(table) => Some(table),
            Item::Value(Value::InlineTable(table)) => Some(table),
            _ => None,
        }
    }
    fn rename(&mut self, old: &str, new: &str, value: &str) {
        let entries: Vec<(Key, Item)> = self
            .iter()
            .filter_map(|(k, _)| self.get_key_value(k))
            .map(|(k, item)| (k.clone(), item.clone()))
            .collect();
        self.clear();
        for (key, item) in entries {
            if key.get() == old {
                let value = match &item {
                    Item::Value(like) => decorated(Value::from(value), like),
                    _ => Value::from(value),
                };
                self.insert_formatted(&renamed(new, &key), Item::Value(value));
            } else {
                self.insert_formatted(&key, item);
            }
        }
    }
    fn append(&mut self, key: &str, value: Value) {
        self.insert(key, Item::Value(value));
    }
}

impl Node for InlineTable {
    fn item(&mut self, _key: &str) -> Option<&mut Item> {
        // An inline table holds values only; its arrays of tables are values
        // too, reached through `each_table` on the containing item.
        None
    }
    fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(Value::as_str).map(str::to_owned)
    }
    fn strings(&self, key: &str) -> Vec<String> {
        value_strings(self.get(key))
    }
    fn has(&self, key: &str) -> bool {
        self.contains_key(key)
    }
    fn child(&mut self, key: &str) -> Option<&mut dyn Node> {
        match self.get_mut(key)? {
            Value::InlineTable(table) => Some(table),
            _ => None,
        }
    }
    fn rename(&mut self, old: &str, new: &str, value: &str) {
        let entries: Vec<(Key, Value)> = self
            .iter()
            .filter_map(|(k, _)| self.get_key_value(k))
            .filter_map(|(k, item)| item.as_value().map(|v| (k.clone(), v.clone())))
            .collect();
        self.clear();
        for (key, item) in entries {
            if key.get() == old {
                let value = decorated(Value::from(value), &item);
                self.insert_formatted(&renamed(new, &key), value);
            } else {
                self.insert_formatted(&key, item);
            }
        }
    }
    fn append(&mut self, key: &str, mut value: Value) {
        // The space before `}` belongs to the last value: it moves to the new one.
        let mut suffix = None;
        if let Some((_, last)) = self.iter_mut().last() {
            suffix = last
                .decor()
                .suffix()
                .and_then(|s| s.as_str())
                .map(str::to_owned);
            last.decor_mut().set_suffix("");
        }
        value.decor_mut().set_prefix(" ");
        value
            .decor_mut()
            .set_suffix(suffix.unwrap_or_else(|| " ".to_owned()));
        let mut new_key = Key::new(key);
        new_key.leaf_decor_mut().set_prefix(" ");
        new_key.leaf_decor_mut().set_suffix(" ");
        self.insert_formatted(&new_key, value);
    }
}
