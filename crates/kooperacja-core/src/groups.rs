//! Group structures: the kinds of group a project forms (RGR, PGR, PGD, PZK,
//! steering committees), the level each sits at, its size rule, and how one kind
//! becomes another.
//!
//! ```
//! use kooperacja_core::groups::{GroupKind, GroupLevel};
//! let pgr: GroupKind = toml::from_str(r#"
//!     code = "PGR"
//!     name = "Powiatowa Grupa Refleksyjna"
//!     one_per = "powiat"
//!     members = 7
//!     stated_count = 20
//!     transforms_into = "PZK"
//! "#).unwrap();
//! assert_eq!(pgr.one_per, GroupLevel::Powiat);
//! assert_eq!(pgr.members, Some(7));
//! ```

use serde::{Deserialize, Serialize};

/// The unit a group is formed for: one group of the kind per such unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GroupLevel {
    /// One per macroregion (a steering committee of each macroregion project).
    Macroregion,
    /// One per voivodeship of the project (regional level).
    Voivodeship,
    /// One per powiat of the project.
    Powiat,
    /// One per gmina of the project.
    Gmina,
}

impl GroupLevel {
    /// The English name.
    pub fn name(self) -> &'static str {
        match self {
            GroupLevel::Macroregion => "macroregion",
            GroupLevel::Voivodeship => "voivodeship",
            GroupLevel::Powiat => "powiat",
            GroupLevel::Gmina => "gmina",
        }
    }
}

/// A kind of group the project forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupKind {
    /// The short code used in the documents (`PGR`), unique in the project.
    pub code: String,
    /// The Polish name (`Powiatowa Grupa Refleksyjna`).
    pub name: String,
    /// The English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// One group of this kind is formed per unit of this level; the expected
    /// number of groups is derived from the project's territory.
    pub one_per: GroupLevel,
    /// The number of members each group has, if fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<u32>,
    /// The number of groups the documents state; checked against the number
    /// derived from the territory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_count: Option<u32>,
    /// The kind (code) these groups are transformed into later in the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transforms_into: Option<String>,
    /// The task in which the transformation happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_task: Option<u32>,
    /// Whether the groups of this kind meet jointly (the steering committees of
    /// the three macroregion projects).
    #[serde(default)]
    pub joint: bool,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
