//! The vocabulary of facts a project declares: its kinds of fact, each with
//! typed fields, and the enumerations those fields take their values from.
//!
//! Core knows the meaning of only a few kinds, the built-in ones
//! ([`BUILT_IN`]): a participant's entry into support and exit from it, an
//! expenditure, a transfer (an advance received) and a retraction. Everything
//! else a project records (a meeting, a study visit, a completed individual
//! plan, supervision hours…) is declared in its project file under
//! `[[fact_kinds]]`, with Polish and English names, and indicator rules filter
//! on any declared field.
//!
//! ```
//! use kooperacja_core::vocabulary::{Declaration, FieldType, Vocabulary};
//! let declaration: Declaration = toml::from_str(r#"
//!     [[enumerations]]
//!     id = "visit-form"
//!     values = [{ id = "domestic", pl = "krajowa", en = "domestic" }, { id = "abroad", pl = "zagraniczna", en = "abroad" }]
//!
//!     [[fact_kinds]]
//!     id = "study-visit"
//!     name = { pl = "wizyta studyjna", en = "study visit" }
//!     fields = [
//!       { id = "person", type = "person", required = true },
//!       { id = "form", type = "enum", enumeration = "visit-form" },
//!       { id = "days", type = "days" },
//!     ]
//! "#).unwrap();
//! let vocabulary = Vocabulary::new(&declaration).unwrap();
//! let kind = vocabulary.kind("study-visit").unwrap();
//! assert_eq!(kind.field("days").unwrap().field_type, FieldType::Days);
//! assert!(vocabulary.kind("expenditure").is_some()); // built in
//! ```

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::present::Lang;

/// The ids of the built-in kinds; a project may not declare a kind of these ids.
pub const BUILT_IN: [&str; 5] = ["entry", "exit", "expenditure", "transfer", "retraction"];

/// The fields every fact has, whatever its kind; a kind may not declare them.
pub const BASE_FIELDS: [&str; 6] = ["id", "date", "by", "territory", "kind", "note"];

/// What a field holds.
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
    schemars::JsonSchema,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum FieldType {
    /// A person, by the value the project uses; pseudonymised by core's keyed
    /// function as the fact is read, so no raw value is ever kept.
    Person,
    /// A household or family; pseudonymised like a person.
    Household,
    /// An institution, by a stable id.
    Institution,
    /// A JST (powiat or gmina), by its TERYT code.
    Jst,
    /// A group, by its group kind code (of the project's `[[groups]]`).
    Group,
    /// One of the project's organisations (leader or partner), by id.
    Organisation,
    /// A whole number from 0.
    Count,
    /// Whole days, from 0.
    Days,
    /// Hours, from 0, with at most two decimal places.
    Hours,
    /// An amount in złoty, exact to the grosz.
    Amount,
    /// One of the values of an enumeration.
    Enum,
    /// A day.
    Date,
    /// Free text.
    Text,
}

impl FieldType {
    /// The name files write (`person`, `days`, …).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Whether values of this type are subjects a distinct count can count.
    pub fn is_subject(self) -> bool {
        matches!(
            self,
            FieldType::Person
                | FieldType::Household
                | FieldType::Institution
                | FieldType::Jst
                | FieldType::Group
                | FieldType::Organisation
        )
    }

    /// Whether values of this type are quantities a `sum` rule can add up.
    pub fn is_quantity(self) -> bool {
        matches!(
            self,
            FieldType::Count | FieldType::Days | FieldType::Hours | FieldType::Amount
        )
    }

    /// Whether values of this type are pseudonymised as they are read.
    pub fn is_pseudonymous(self) -> bool {
        matches!(self, FieldType::Person | FieldType::Household)
    }
}

impl<'de> Deserialize<'de> for FieldType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use strum::VariantArray;
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(|_| {
            let names: Vec<&str> = FieldType::VARIANTS.iter().map(|t| t.name()).collect();
            serde::de::Error::custom(format!(
                "[vocabulary.unknown-type] unknown field type `{text}`; expected one of: {}",
                names.join(", ")
            ))
        })
    }
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name in Polish and English. The English one falls back to the Polish one.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Name {
    /// In Polish.
    pub pl: String,
    /// In English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Name {
    /// The name in `lang`.
    ///
    /// ```
    /// use kooperacja_core::vocabulary::Name;
    /// use kooperacja_core::present::Lang;
    /// let name = Name { pl: "spotkanie".into(), en: None };
    /// assert_eq!(name.get(Lang::En), "spotkanie");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Pl => &self.pl,
            Lang::En => self.en.as_deref().unwrap_or(&self.pl),
        }
    }
}

/// One value of an enumeration.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnumValue {
    /// The value as facts write it.
    pub id: String,
    /// Its Polish name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pl: Option<String>,
    /// Its English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl EnumValue {
    /// The value's name in `lang`: the name given, else the Polish one, else the id.
    ///
    /// ```
    /// use kooperacja_core::vocabulary::EnumValue;
    /// use kooperacja_core::present::Lang;
    /// let v = EnumValue { id: "group".into(), pl: Some("grupowy".into()), en: None };
    /// assert_eq!(v.name(Lang::En), "grupowy");
    /// ```
    pub fn name(&self, lang: Lang) -> &str {
        let given = match lang {
            Lang::Pl => self.pl.as_deref(),
            Lang::En => self.en.as_deref().or(self.pl.as_deref()),
        };
        given.unwrap_or(&self.id)
    }
}

/// A value of an enumeration as a file writes it: the id alone, or a table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
enum RawEnumValue {
    Id(String),
    Named(EnumValue),
}

fn enum_values<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<EnumValue>, D::Error> {
    let raw: Vec<RawEnumValue> = Vec::deserialize(d)?;
    Ok(raw
        .into_iter()
        .map(|v| match v {
            RawEnumValue::Id(id) => EnumValue {
                id,
                pl: None,
                en: None,
            },
            RawEnumValue::Named(v) => v,
        })
        .collect())
}

/// An enumeration the project lists: the values a field of type `enum` takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Enumeration {
    /// Its id, which fields name (`enumeration = "…"`).
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    /// Its values, in the order lists show them.
    #[serde(deserialize_with = "enum_values")]
    #[schemars(with = "Vec<RawEnumValue>")]
    pub values: Vec<EnumValue>,
}

/// Which lists of the project file an `enum` field may take its values from
/// besides `[[enumerations]]`: the ids of `[[roles]]` and of `[[sectors]]`.
pub const PROJECT_LISTS: [&str; 2] = ["roles", "sectors"];

/// One field of a kind of fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldDecl {
    /// Its id: the JSON key and CSV column facts write it under.
    pub id: String,
    /// What it holds.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// Its name (the id when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    /// Whether every fact of the kind must give it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// Whether it holds a list (a JSON array; in CSV, values separated by spaces).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub many: bool,
    /// For `enum`: the enumeration's id (of `[[enumerations]]`, or `roles` or
    /// `sectors` for those lists of the file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enumeration: Option<String>,
    /// For `enum`: the values, when listed here instead of an enumeration.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "enum_values"
    )]
    #[schemars(with = "Vec<RawEnumValue>")]
    pub values: Vec<EnumValue>,
    /// The value a fact that does not give it has (a count or days: `1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<u32>,
    /// Whether the field is health data or otherwise sensitive (disability):
    /// breakdowns by it are suppressed in small cells for reads without a token.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
}

impl FieldDecl {
    /// A field of this id and type, neither required nor a list.
    ///
    /// ```
    /// use kooperacja_core::vocabulary::{FieldDecl, FieldType};
    /// let f = FieldDecl::new("days", FieldType::Days);
    /// assert!(!f.required);
    /// ```
    pub fn new(id: &str, field_type: FieldType) -> FieldDecl {
        FieldDecl {
            id: id.to_owned(),
            field_type,
            name: None,
            required: false,
            many: false,
            enumeration: None,
            values: Vec::new(),
            default: None,
            sensitive: false,
        }
    }

    /// The same field, required.
    pub fn required(mut self) -> FieldDecl {
        self.required = true;
        self
    }

    /// The same field, a list.
    pub fn many(mut self) -> FieldDecl {
        self.many = true;
        self
    }

    /// The field's name in `lang` (its id when it has none).
    ///
    /// ```
    /// use kooperacja_core::vocabulary::{FieldDecl, FieldType};
    /// use kooperacja_core::present::Lang;
    /// assert_eq!(FieldDecl::new("days", FieldType::Days).label(Lang::Pl), "days");
    /// ```
    pub fn label(&self, lang: Lang) -> &str {
        self.name.as_ref().map_or(&self.id, |n| n.get(lang))
    }
}

/// A kind of fact the project records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactKindDecl {
    /// Its id, as facts write it under `kind`.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    /// Its fields, besides the base ones ([`BASE_FIELDS`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldDecl>,
    /// Fields of which each fact gives at least one (a meeting names its group
    /// or its activity).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<String>,
}

impl FactKindDecl {
    /// The field of this id.
    pub fn field(&self, id: &str) -> Option<&FieldDecl> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The kind's name in `lang` (its id when it has none).
    pub fn label(&self, lang: Lang) -> &str {
        self.name.as_ref().map_or(&self.id, |n| n.get(lang))
    }
}

/// What a project file declares: `[[enumerations]]` and `[[fact_kinds]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Declaration {
    /// The enumerations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enumerations: Vec<Enumeration>,
    /// The kinds of fact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fact_kinds: Vec<FactKindDecl>,
}

/// A bad declaration: a code, the path of the declaration at fault and what is
/// wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
#[non_exhaustive]
pub struct DeclarationError {
    /// A stable code (`vocabulary.duplicate-kind`).
    pub code: &'static str,
    /// Where: `fact_kinds[2].fields[1]`, as a TOML path.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// The vocabulary of a project: its declared kinds and the built-in ones, with
/// the enumerations resolved. Built by [`Vocabulary::new`] from a
/// [`Declaration`], which it checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vocabulary {
    kinds: Vec<FactKindDecl>,
    enumerations: Vec<Enumeration>,
    /// The characteristics participants' entries carry (from `[participants]`).
    characteristics: Vec<FieldDecl>,
}

/// The built-in kinds' declarations (their fields), before a project's
/// participant characteristics are added to `entry`.
fn built_in() -> Vec<FactKindDecl> {
    let kind = |id: &str, fields: Vec<FieldDecl>| FactKindDecl {
        id: id.to_owned(),
        name: None,
        fields,
        one_of: Vec::new(),
    };
    let mut sex = FieldDecl::new("sex", FieldType::Enum);
    sex.enumeration = Some("sex".to_owned());
    vec![
        kind(
            "entry",
            vec![
                FieldDecl::new("participant", FieldType::Person).required(),
                FieldDecl::new("support", FieldType::Text),
                sex,
                FieldDecl::new("birth_year", FieldType::Count),
                FieldDecl::new("age", FieldType::Count),
            ],
        ),
        kind(
            "exit",
            vec![
                FieldDecl::new("participant", FieldType::Person).required(),
                FieldDecl::new("support", FieldType::Text),
                FieldDecl::new("outcome", FieldType::Text),
            ],
        ),
        kind(
            "expenditure",
            vec![
                FieldDecl::new("partner", FieldType::Organisation),
                FieldDecl::new("amount", FieldType::Amount).required(),
                FieldDecl::new("category", FieldType::Text).required(),
                FieldDecl::new("task", FieldType::Count),
                FieldDecl::new("line", FieldType::Text),
                FieldDecl::new("document", FieldType::Text),
                FieldDecl::new("issuer", FieldType::Text),
                FieldDecl::new("issued", FieldType::Date),
                FieldDecl::new("gross", FieldType::Amount),
                FieldDecl::new("vat", FieldType::Amount),
            ],
        ),
        kind(
            "transfer",
            vec![
                FieldDecl::new("amount", FieldType::Amount).required(),
                FieldDecl::new("partner", FieldType::Organisation),
                FieldDecl::new("title", FieldType::Text),
            ],
        ),
        kind(
            "retraction",
            vec![
                FieldDecl::new("retracts", FieldType::Text).required(),
                FieldDecl::new("reason", FieldType::Text).required(),
            ],
        ),
    ]
}

/// The sex categories participants' entries take (K, M), as an enumeration.
fn sex_enumeration(sexes: &[String]) -> Enumeration {
    Enumeration {
        id: "sex".to_owned(),
        name: None,
        values: sexes
            .iter()
            .map(|s| EnumValue {
                id: s.clone(),
                pl: None,
                en: None,
            })
            .collect(),
    }
}

impl Vocabulary {
    /// The vocabulary of a declaration, checked: every id unique and
    /// well-formed, no built-in or base id reused, every `enum` field with a
    /// known enumeration or values, `one_of` naming the kind's own fields.
    ///
    /// ```
    /// use kooperacja_core::vocabulary::{Declaration, Vocabulary};
    /// let twice: Declaration = toml::from_str(r#"
    ///     [[fact_kinds]]
    ///     id = "visit"
    ///     [[fact_kinds]]
    ///     id = "visit"
    /// "#).unwrap();
    /// let err = Vocabulary::new(&twice).unwrap_err();
    /// assert_eq!(err[0].code, "vocabulary.duplicate-kind");
    /// assert_eq!(err[0].path, "fact_kinds[1].id");
    /// ```
    pub fn new(declaration: &Declaration) -> Result<Vocabulary, Vec<DeclarationError>> {
        Vocabulary::with_participants(declaration, &["K".to_owned(), "M".to_owned()], &[])
    }

    /// The vocabulary of a declaration whose participants' entries take `sexes`
    /// and carry `characteristics` (from the project's `[participants]`).
    pub fn with_participants(
        declaration: &Declaration,
        sexes: &[String],
        characteristics: &[FieldDecl],
    ) -> Result<Vocabulary, Vec<DeclarationError>> {
        let mut errors = Vec::new();
        let mut error = |code: &'static str, path: String, message: String| {
            errors.push(DeclarationError {
                code,
                path,
                message,
            });
        };
        let mut enumerations = declaration.enumerations.clone();
        enumerations.push(sex_enumeration(sexes));
        let mut seen = BTreeSet::new();
        for (i, e) in declaration.enumerations.iter().enumerate() {
            if let Err(why) = crate::identifier::check(&e.id) {
                error(
                    "vocabulary.bad-id",
                    format!("enumerations[{i}].id"),
                    format!("the id {why}"),
                );
            }
            if e.id == "sex" || PROJECT_LISTS.contains(&e.id.as_str()) {
                error(
                    "vocabulary.reserved-enumeration",
                    format!("enumerations[{i}].id"),
                    format!(
                        "the enumeration id `{}` is reserved: `sex` lists the sexes of `[participants]`, `roles` and `sectors` are the file's own lists",
                        e.id
                    ),
                );
            }
            if !seen.insert(e.id.as_str()) {
                error(
                    "vocabulary.duplicate-enumeration",
                    format!("enumerations[{i}].id"),
                    format!("the enumeration `{}` is declared twice", e.id),
                );
            }
            let mut values = BTreeSet::new();
            for (j, v) in e.values.iter().enumerate() {
                if !values.insert(v.id.as_str()) {
                    error(
                        "vocabulary.duplicate-value",
                        format!("enumerations[{i}].values[{j}]"),
                        format!("the value `{}` is listed twice", v.id),
                    );
                }
            }
            if e.values.is_empty() {
                error(
                    "vocabulary.empty-enumeration",
                    format!("enumerations[{i}].values"),
                    format!("the enumeration `{}` lists no value", e.id),
                );
            }
        }
        let known_enumeration =
            |id: &str| enumerations.iter().any(|e| e.id == id) || PROJECT_LISTS.contains(&id);
        let mut built = built_in();
        if let Some(entry) = built.iter_mut().find(|k| k.id == "entry") {
            entry.fields.extend(characteristics.iter().cloned());
        }
        let mut kinds = Vec::new();
        let mut kind_ids = BTreeSet::new();
        let check_fields =
            |path: &str,
             fields: &[FieldDecl],
             error: &mut dyn FnMut(&'static str, String, String)| {
                let mut ids = BTreeSet::new();
                for (j, f) in fields.iter().enumerate() {
                    let at = format!("{path}.fields[{j}]");
                    if let Err(why) = crate::identifier::check(&f.id) {
                        error(
                            "vocabulary.bad-id",
                            format!("{at}.id"),
                            format!("the id {why}"),
                        );
                    }
                    if BASE_FIELDS.contains(&f.id.as_str()) {
                        error(
                            "vocabulary.base-field",
                            format!("{at}.id"),
                            format!(
                                "`{}` is a field of every fact ({}); a kind may not declare it",
                                f.id,
                                BASE_FIELDS.join(", ")
                            ),
                        );
                    }
                    if !ids.insert(f.id.as_str()) {
                        error(
                            "vocabulary.duplicate-field",
                            format!("{at}.id"),
                            format!("the field `{}` is declared twice", f.id),
                        );
                    }
                    match (f.field_type, &f.enumeration, f.values.is_empty()) {
                        (FieldType::Enum, None, true) => error(
                            "vocabulary.enum-without-values",
                            at.clone(),
                            format!(
                                "the enum field `{}` names no `enumeration` and lists no `values`",
                                f.id
                            ),
                        ),
                        (FieldType::Enum, Some(_), false) => error(
                            "vocabulary.enum-twice",
                            at.clone(),
                            format!(
                                "the enum field `{}` names an `enumeration` and lists `values`: give one",
                                f.id
                            ),
                        ),
                        (FieldType::Enum, Some(e), true) if !known_enumeration(e) => error(
                            "vocabulary.unknown-enumeration",
                            format!("{at}.enumeration"),
                            format!("no enumeration `{e}` is declared"),
                        ),
                        (t, Some(_), _) | (t, None, false) if t != FieldType::Enum => error(
                            "vocabulary.values-on-non-enum",
                            at.clone(),
                            format!(
                                "the field `{}` is of type {t}; only enum fields take values",
                                f.id
                            ),
                        ),
                        _ => {}
                    }
                    if f.default.is_some()
                        && !matches!(f.field_type, FieldType::Count | FieldType::Days)
                    {
                        error(
                            "vocabulary.default-on-non-count",
                            format!("{at}.default"),
                            format!(
                                "the field `{}` is of type {}; only count and days fields take a default",
                                f.id, f.field_type
                            ),
                        );
                    }
                }
            };
        check_fields("participants", characteristics, &mut error);
        for (i, k) in declaration.fact_kinds.iter().enumerate() {
            let path = format!("fact_kinds[{i}]");
            if let Err(why) = crate::identifier::check(&k.id) {
                error(
                    "vocabulary.bad-id",
                    format!("{path}.id"),
                    format!("the id {why}"),
                );
            }
            if BUILT_IN.contains(&k.id.as_str()) {
                error(
                    "vocabulary.built-in-kind",
                    format!("{path}.id"),
                    format!(
                        "`{}` is a built-in kind ({}); a project may not declare it",
                        k.id,
                        BUILT_IN.join(", ")
                    ),
                );
            }
            if !kind_ids.insert(k.id.as_str()) {
                error(
                    "vocabulary.duplicate-kind",
                    format!("{path}.id"),
                    format!("the kind `{}` is declared twice", k.id),
                );
            }
            check_fields(&path, &k.fields, &mut error);
            for (j, f) in k.one_of.iter().enumerate() {
                if k.field(f).is_none() {
                    error(
                        "vocabulary.unknown-field",
                        format!("{path}.one_of[{j}]"),
                        format!(
                            "`one_of` names `{f}`, which is no field of the kind `{}`",
                            k.id
                        ),
                    );
                }
            }
            kinds.push(k.clone());
        }
        kinds.extend(built);
        if errors.is_empty() {
            Ok(Vocabulary {
                kinds,
                enumerations,
                characteristics: characteristics.to_vec(),
            })
        } else {
            Err(errors)
        }
    }

    /// The vocabulary of the built-in kinds alone.
    ///
    /// ```
    /// use kooperacja_core::vocabulary::Vocabulary;
    /// assert!(Vocabulary::built_in().kind("retraction").is_some());
    /// assert!(Vocabulary::built_in().kind("meeting").is_none());
    /// ```
    pub fn built_in() -> Vocabulary {
        Vocabulary {
            kinds: built_in(),
            enumerations: vec![sex_enumeration(&["K".to_owned(), "M".to_owned()])],
            characteristics: Vec::new(),
        }
    }

    /// The kind of this id, declared or built in.
    pub fn kind(&self, id: &str) -> Option<&FactKindDecl> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// Every kind: the declared ones in file order, then the built-in ones.
    pub fn kinds(&self) -> &[FactKindDecl] {
        &self.kinds
    }

    /// The enumeration of this id.
    pub fn enumeration(&self, id: &str) -> Option<&Enumeration> {
        self.enumerations.iter().find(|e| e.id == id)
    }

    /// The characteristics participants' entries carry.
    pub fn characteristics(&self) -> &[FieldDecl] {
        &self.characteristics
    }

    /// The values an enum field takes: its own, or its enumeration's; `None`
    /// for a field whose values come from a list of the project file
    /// ([`PROJECT_LISTS`]), which admission checks.
    pub fn values<'a>(&'a self, field: &'a FieldDecl) -> Option<&'a [EnumValue]> {
        if !field.values.is_empty() {
            return Some(&field.values);
        }
        let id = field.enumeration.as_deref()?;
        self.enumeration(id).map(|e| e.values.as_slice())
    }

    /// Whether `id` is a kind (declared or built in).
    pub fn is_kind(&self, id: &str) -> bool {
        self.kind(id).is_some()
    }

    /// The ids of every field of any kind, each once, in the order CSV files
    /// write them: the base fields, then each kind's fields in order.
    ///
    /// ```
    /// use kooperacja_core::vocabulary::Vocabulary;
    /// let columns = Vocabulary::built_in().columns();
    /// assert_eq!(&columns[..5], ["id", "date", "by", "territory", "kind"]);
    /// assert!(columns.contains(&"participant".to_owned()));
    /// assert_eq!(columns.last().map(String::as_str), Some("note"));
    /// ```
    pub fn columns(&self) -> Vec<String> {
        let mut columns: Vec<String> = BASE_FIELDS[..5].iter().map(|s| (*s).to_owned()).collect();
        for k in &self.kinds {
            for f in &k.fields {
                if !columns.contains(&f.id) {
                    columns.push(f.id.clone());
                }
            }
        }
        columns.push("note".to_owned());
        columns
    }

    /// The fields of this id in any kind (a rule's filter key is checked
    /// against them).
    pub fn fields_named<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = (&'a FactKindDecl, &'a FieldDecl)> + 'a {
        self.kinds
            .iter()
            .filter_map(move |k| k.field(id).map(|f| (k, f)))
    }
}

/// The built-in kinds' names, from the catalogue.
pub(crate) fn built_in_label(id: &str) -> Option<crate::present::Text> {
    use crate::present::label;
    Some(match id {
        "entry" => label::FACT_ENTRY,
        "exit" => label::FACT_EXIT,
        "expenditure" => label::FACT_EXPENDITURE,
        "transfer" => label::FACT_TRANSFER,
        "retraction" => label::FACT_RETRACTION,
        _ => return None,
    })
}

impl Vocabulary {
    /// A kind's name in `lang`: the catalogue's for a built-in kind, the
    /// declared one for the project's; the id for an unknown kind.
    ///
    /// ```
    /// use kooperacja_core::vocabulary::Vocabulary;
    /// use kooperacja_core::present::Lang;
    /// assert_eq!(Vocabulary::built_in().kind_label("expenditure", Lang::Pl), "wydatek");
    /// assert_eq!(Vocabulary::built_in().kind_label("study-visit", Lang::Pl), "study-visit");
    /// ```
    pub fn kind_label<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        if let Some(text) = built_in_label(id) {
            return text.get(lang);
        }
        self.kind(id).map_or(id, |k| k.label(lang))
    }
}

impl Default for Vocabulary {
    fn default() -> Vocabulary {
        Vocabulary::built_in()
    }
}

/// What the programme requires of participants, as the project file's
/// `[participants]` states it.
///
/// ```
/// use kooperacja_core::vocabulary::ParticipantsDecl;
/// let p: ParticipantsDecl = toml::from_str(r#"
///     sexes = ["K", "M"]
///     required = ["sex", "age"]
///     small_cell = 5
///     characteristics = [{ id = "disability", type = "enum", values = ["yes", "no", "refused"], sensitive = true }]
/// "#).unwrap();
/// assert_eq!(p.small_cell, Some(5));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantsDecl {
    /// The sex categories the programme counts (`K`, `M`).
    #[serde(default = "default_sexes")]
    pub sexes: Vec<String>,
    /// The entry fields every participant's record must have to be shown as a
    /// participant (`sex`, `age`: age or year of birth; characteristics).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    /// The smallest person breakdown cell shown to a read without a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_cell: Option<u32>,
    /// The further characteristics entries carry (labour-market status,
    /// education, disability…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub characteristics: Vec<FieldDecl>,
    /// The outcomes an exit may name.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "enum_values"
    )]
    #[schemars(with = "Vec<RawEnumValue>")]
    pub outcomes: Vec<EnumValue>,
}

fn default_sexes() -> Vec<String> {
    vec!["K".to_owned(), "M".to_owned()]
}

impl Default for ParticipantsDecl {
    fn default() -> ParticipantsDecl {
        ParticipantsDecl {
            sexes: default_sexes(),
            required: Vec::new(),
            small_cell: None,
            characteristics: Vec::new(),
            outcomes: Vec::new(),
        }
    }
}

/// Checks a rule against a vocabulary: its kinds known, its filter fields
/// declared in them, its `sum` a quantity field, its `distinct` key a subject
/// some of its kinds has. Problems are added to `errors`, located at `path`.
pub fn check_rule(
    vocabulary: &Vocabulary,
    rule: &crate::rule::Rule,
    path: &str,
    errors: &mut Vec<DeclarationError>,
) {
    use crate::rule::{Denominator, Measure, Rule};
    match rule {
        Rule::Count { measure, filter } => {
            check_filter(vocabulary, filter, path, errors);
            if let Measure::Sum(field) = measure {
                let kinds = kinds_of(vocabulary, filter);
                let quantity = kinds
                    .iter()
                    .filter_map(|k| k.field(field))
                    .any(|f| f.field_type.is_quantity());
                if !quantity {
                    errors.push(DeclarationError {
                        code: "vocabulary.sum-not-a-quantity",
                        path: format!("{path}.sum"),
                        message: format!(
                            "`sum` adds up `{field}`, which is no count, days, hours or amount field of the rule's kinds"
                        ),
                    });
                }
            }
        }
        Rule::Distinct { key, filter } => {
            check_filter(vocabulary, filter, path, errors);
            let kinds = kinds_of(vocabulary, filter);
            let has = kinds.iter().any(|k| {
                if *key == crate::rule::Key::Participant {
                    k.id == "entry"
                } else {
                    k.fields.iter().any(|f| f.field_type == key.field_type())
                }
            });
            if !has && !filter.kind.is_empty() {
                errors.push(DeclarationError {
                    code: "vocabulary.key-not-in-kinds",
                    path: format!("{path}.distinct"),
                    message: format!(
                        "`distinct` counts {} values, but none of the kinds {} has a field of that type",
                        key.field_type(),
                        filter.kind.join(", ")
                    ),
                });
            }
        }
        Rule::Ratio {
            numerator,
            denominator,
        } => {
            check_rule(
                vocabulary,
                numerator,
                &format!("{path}.ratio.numerator"),
                errors,
            );
            if let Denominator::Rule(r) = denominator {
                check_rule(vocabulary, r, &format!("{path}.ratio.denominator"), errors);
            }
        }
    }
}

/// The kinds a filter looks at: those it names, or every kind.
fn kinds_of<'a>(vocabulary: &'a Vocabulary, filter: &crate::rule::Filter) -> Vec<&'a FactKindDecl> {
    if filter.kind.is_empty() {
        vocabulary.kinds().iter().collect()
    } else {
        filter
            .kind
            .iter()
            .filter_map(|k| vocabulary.kind(k))
            .collect()
    }
}

/// Checks a filter against a vocabulary: its kinds known, every field it
/// names declared in one of them, every value of an enum field one of the
/// field's values.
pub fn check_filter(
    vocabulary: &Vocabulary,
    filter: &crate::rule::Filter,
    path: &str,
    errors: &mut Vec<DeclarationError>,
) {
    for (i, kind) in filter.kind.iter().enumerate() {
        if !vocabulary.is_kind(kind) {
            let known: Vec<&str> = vocabulary.kinds().iter().map(|k| k.id.as_str()).collect();
            errors.push(DeclarationError {
                code: "vocabulary.unknown-kind",
                path: format!("{path}.kind[{i}]"),
                message: format!(
                    "no kind `{kind}` is declared; the kinds are: {}",
                    known.join(", ")
                ),
            });
        }
    }
    let kinds = kinds_of(vocabulary, filter);
    for field in filter.field_names() {
        let declared: Vec<&FieldDecl> = kinds.iter().filter_map(|k| k.field(field)).collect();
        if declared.is_empty() {
            errors.push(DeclarationError {
                code: "vocabulary.undeclared-field",
                path: format!("{path}.{field}"),
                message: if filter.kind.is_empty() {
                    format!("the rule filters on `{field}`, which no kind declares")
                } else {
                    format!(
                        "the rule filters on `{field}`, which is no field of the kinds {}",
                        filter.kind.join(", ")
                    )
                },
            });
            continue;
        }
        let Some(wanted) = filter.fields.get(field) else {
            continue;
        };
        for value in wanted {
            let allowed = declared.iter().any(|f| match vocabulary.values(f) {
                Some(values) if f.field_type == FieldType::Enum => {
                    values.iter().any(|v| v.id == *value)
                }
                _ => true,
            });
            if !allowed {
                errors.push(DeclarationError {
                    code: "vocabulary.unknown-value",
                    path: format!("{path}.{field}"),
                    message: format!("`{value}` is no value of the field `{field}`"),
                });
            }
        }
    }
}
