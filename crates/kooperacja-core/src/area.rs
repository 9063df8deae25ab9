//! The project's area: the voivodeships, powiats and gminas it works in, the
//! macroregions of its programme, and how the units were selected.
//!
//! Every unit carries its official TERYT code and name; validation checks both
//! against the [`Register`](crate::territory::Register) the caller supplies.

use serde::{Deserialize, Serialize};

use crate::organisation::AsWritten;
use crate::period::YearMonth;
use crate::territory::{GminaType, Level, TerytCode};

/// A macroregion: a group of voivodeships served by one project of a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Macroregion {
    /// A stable id (`II`).
    pub id: String,
    /// The title of the project serving it.
    pub project: String,
    /// The voivodeships it comprises (2-digit TERYT codes).
    pub voivodeships: Vec<TerytCode>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Counts of units the documents state, checked against the listed units.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct StatedCounts {
    /// Voivodeships.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voivodeships: Option<u32>,
    /// Powiats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub powiats: Option<u32>,
    /// Gminas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gminas: Option<u32>,
    /// JST: powiats and gminas together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jst: Option<u32>,
}

/// The project's area.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// The TERC register file to check against, relative to the project file.
    /// Adapters read it; core only receives its text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<String>,
    /// The macroregion (id) the project serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub macroregion: Option<String>,
    /// The type every gmina of the project must have (urban-rural gminas only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gmina_type: Option<GminaType>,
    /// The order in which units were chosen (gminas first, then powiats).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub selection_order: Vec<Level>,
    /// The totals the documents state.
    #[serde(default)]
    pub stated: StatedCounts,
    /// The voivodeships, each with its powiats and gminas.
    #[serde(default)]
    pub voivodeships: Vec<Voivodeship>,
    /// How units were selected in a voivodeship.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub selections: Vec<Selection>,
}

/// A voivodeship of the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Voivodeship {
    /// The 2-digit TERYT code.
    pub code: TerytCode,
    /// The official name, in lower case (`kujawsko-pomorskie`).
    pub name: String,
    /// The organisation (id) responsible for it in the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The number of powiats the documents state for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_powiats: Option<u32>,
    /// Its powiats in the project.
    #[serde(default)]
    pub powiats: Vec<Powiat>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A powiat of the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Powiat {
    /// The 4-digit TERYT code.
    pub code: TerytCode,
    /// The official name (`nakielski`).
    pub name: String,
    /// Its gminas in the project.
    #[serde(default)]
    pub gminas: Vec<Gmina>,
}

/// A gmina of the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gmina {
    /// The 7-digit TERYT code.
    pub code: TerytCode,
    /// The official name.
    pub name: String,
    /// Its type as the documents state it.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub gmina_type: Option<GminaType>,
    /// Other spellings in the sources (a typo such as "Bursy" for Brusy).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub as_written: Vec<AsWritten>,
}

/// A part of a voivodeship used when selecting gminas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subregion {
    /// Its name (`ełcki`).
    pub name: String,
    /// How many gminas were chosen in it.
    pub gminas: u32,
    /// Why that many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a partner selected the units of its voivodeship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// The voivodeship.
    pub voivodeship: TerytCode,
    /// The organisation (id) that selected.
    pub by: String,
    /// The month of the selection.
    pub month: YearMonth,
    /// The number of gminas chosen, as stated.
    pub gminas: u32,
    /// The number of powiats chosen, as stated.
    pub powiats: u32,
    /// The subregions the voivodeship was split into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subregions: Vec<Subregion>,
    /// The data the choice was based on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source: Option<String>,
    /// The main criterion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_criterion: Option<String>,
    /// Further criteria considered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_criteria: Vec<String>,
    /// The units chosen (TERYT codes of gminas and powiats).
    #[serde(default)]
    pub chosen: Vec<TerytCode>,
    /// Whether every chosen unit agreed to take part.
    #[serde(default)]
    pub all_agreed: bool,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Territory {
    /// All powiats of the project, in file order.
    pub fn powiats(&self) -> impl Iterator<Item = &Powiat> {
        self.voivodeships.iter().flat_map(|v| v.powiats.iter())
    }

    /// All gminas of the project, in file order.
    pub fn gminas(&self) -> impl Iterator<Item = &Gmina> {
        self.powiats().flat_map(|p| p.gminas.iter())
    }

    /// The number of units the project lists at a level.
    ///
    /// ```
    /// use kooperacja_core::area::Territory;
    /// use kooperacja_core::territory::Level;
    /// let t: Territory = toml::from_str(r#"
    ///     [[voivodeships]]
    ///     code = "04"
    ///     name = "kujawsko-pomorskie"
    ///     [[voivodeships.powiats]]
    ///     code = "0410"
    ///     name = "nakielski"
    ///     gminas = [{ code = "0410033", name = "Nakło nad Notecią" }, { code = "0410013", name = "Kcynia" }]
    /// "#).unwrap();
    /// assert_eq!(t.count(Level::Gmina), 2);
    /// assert_eq!(t.jst_count(), 3);
    /// ```
    pub fn count(&self, level: Level) -> usize {
        match level {
            Level::Voivodeship => self.voivodeships.len(),
            Level::Powiat => self.powiats().count(),
            Level::Gmina => self.gminas().count(),
        }
    }

    /// The number of JST (powiats and gminas) the project lists.
    pub fn jst_count(&self) -> usize {
        self.count(Level::Powiat) + self.count(Level::Gmina)
    }

    /// Whether the project lists this unit (at its own level).
    pub fn contains(&self, code: &TerytCode) -> bool {
        match code.level() {
            Level::Voivodeship => self.voivodeships.iter().any(|v| &v.code == code),
            Level::Powiat => self.powiats().any(|p| &p.code == code),
            Level::Gmina => self.gminas().any(|g| &g.code == code),
        }
    }
}
