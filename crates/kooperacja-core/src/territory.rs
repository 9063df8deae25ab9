//! Poland's territorial division on official TERYT codes: voivodeship → powiat →
//! gmina, read from the TERC register published by GUS.
//!
//! Core embeds one edition of the register, [`Register::embedded`] (GUS's file
//! `TERC_Urzedowy_2025-11-18.csv`, copied unchanged), so that no user needs a file
//! to check a project anywhere in Poland. Another edition is read from its text with
//! [`Register::parse_terc`] (core reads no files: a project pins one with
//! `territory.register`, and the adapters read it).
//!
//! ```
//! use kooperacja_core::territory::{Register, TerytCode};
//! let register = Register::embedded();
//! assert_eq!(register.date().map(|d| d.to_string()).as_deref(), Some("2025-11-18"));
//! assert_eq!(register.get(&TerytCode::parse("0410033")?).map(|u| u.name.as_str()), Some("Nakło nad Notecią"));
//! # Ok::<(), kooperacja_core::territory::TerytError>(())
//! ```
//!
//! ```
//! use kooperacja_core::territory::{Register, TerytCode, UnitKind, GminaType};
//! let terc = "\u{feff}WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n\
//!             04;;;;KUJAWSKO-POMORSKIE;województwo;2025-01-01\r\n\
//!             04;10;;;nakielski;powiat;2025-01-01\r\n\
//!             04;10;03;3;Nakło nad Notecią;gmina miejsko-wiejska;2025-01-01\r\n";
//! let register = Register::parse_terc(terc)?;
//! let gmina = register.get(&TerytCode::parse("0410033")?).unwrap();
//! assert_eq!(gmina.name, "Nakło nad Notecią");
//! assert_eq!(gmina.kind, UnitKind::Gmina(GminaType::UrbanRural));
//! assert_eq!(gmina.code.parent().unwrap().as_str(), "0410");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What went wrong reading a TERYT code or the register.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TerytError {
    /// The text is not a TERYT code.
    #[error(
        "invalid TERYT code {text:?}: expected 2 digits (voivodeship), 4 (powiat) or 7 (gmina: voivodeship, powiat, gmina and type digit), like 0410033"
    )]
    InvalidCode {
        /// The offending text.
        text: String,
    },
    /// A line of the register could not be read.
    #[error("TERC register line {line}: {defect}")]
    BadLine {
        /// The line number, from 1.
        line: usize,
        /// What is wrong.
        defect: RegisterDefect,
    },
}

/// What is wrong with a line of the TERC register ([`TerytError::BadLine`]).
///
/// ```
/// use kooperacja_core::territory::{Register, RegisterDefect, TerytError};
/// let err = Register::parse_terc("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n04;;\n").unwrap_err();
/// assert_eq!(err, TerytError::BadLine { line: 2, defect: RegisterDefect::FieldCount { found: 3 } });
/// assert_eq!(err.to_string(), "TERC register line 2: expected 7 fields separated by ';', found 3");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterDefect {
    /// The first line is not the register's header.
    #[error("expected the header WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA, found {found:?}")]
    Header {
        /// The line found instead.
        found: String,
    },
    /// A line without the register's seven fields.
    #[error("expected 7 fields separated by ';', found {found}")]
    FieldCount {
        /// How many fields the line has.
        found: usize,
    },
    /// The code fields do not make a TERYT code.
    #[error(
        "invalid TERYT code {text:?}: expected 2 digits (voivodeship), 4 (powiat) or 7 (gmina: voivodeship, powiat, gmina and type digit), like 0410033"
    )]
    InvalidCode {
        /// The code fields joined.
        text: String,
    },
    /// A unit type (RODZ) the register does not define.
    #[error("unknown RODZ (unit type) {rodz:?}")]
    UnknownType {
        /// The RODZ field.
        rodz: String,
    },
    /// Some of the code fields are empty in a way no unit has.
    #[error("incomplete code {code:?}")]
    IncompleteCode {
        /// The code fields joined.
        code: String,
    },
    /// A code listed before.
    #[error("duplicate code {code}")]
    DuplicateCode {
        /// The code.
        code: TerytCode,
    },
    /// The register lists no unit at all.
    #[error("the register holds no units")]
    NoUnits,
}

/// An official TERYT code of a voivodeship (2 digits, `04`), a powiat (4 digits,
/// `0410`) or a gmina (7 digits: voivodeship, powiat, gmina and a type digit,
/// `0410033`).
///
/// ```
/// use kooperacja_core::territory::{TerytCode, Level};
/// let code = TerytCode::parse("0410033")?;
/// assert_eq!(code.level(), Level::Gmina);
/// assert_eq!(code.voivodeship().as_str(), "04");
/// assert!(code.is_within(&TerytCode::parse("0410")?));
/// assert!(TerytCode::parse("041003").is_err());
/// # Ok::<(), kooperacja_core::territory::TerytError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TerytCode(String);

/// The level of a territorial unit.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Województwo: the region, 16 in Poland.
    Voivodeship,
    /// Powiat: the county, including cities with powiat rights.
    Powiat,
    /// Gmina: the municipality.
    Gmina,
}

impl Level {
    /// The English name of the level.
    pub fn name(self) -> &'static str {
        match self {
            Level::Voivodeship => "voivodeship",
            Level::Powiat => "powiat",
            Level::Gmina => "gmina",
        }
    }
}

impl TerytCode {
    /// Parses a 2-, 4- or 7-digit code.
    pub fn parse(text: &str) -> Result<TerytCode, TerytError> {
        let ok = matches!(text.len(), 2 | 4 | 7) && text.bytes().all(|b| b.is_ascii_digit());
        if ok {
            Ok(TerytCode(text.to_owned()))
        } else {
            Err(TerytError::InvalidCode {
                text: text.to_owned(),
            })
        }
    }

    /// The code's digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The level the code's length denotes.
    pub fn level(&self) -> Level {
        match self.0.len() {
            2 => Level::Voivodeship,
            4 => Level::Powiat,
            _ => Level::Gmina,
        }
    }

    /// The code of the unit above: a gmina's powiat, a powiat's voivodeship.
    pub fn parent(&self) -> Option<TerytCode> {
        match self.level() {
            Level::Voivodeship => None,
            Level::Powiat => Some(TerytCode(self.0[..2].to_owned())),
            Level::Gmina => Some(TerytCode(self.0[..4].to_owned())),
        }
    }

    /// The code of the voivodeship this unit lies in (itself for a voivodeship).
    pub fn voivodeship(&self) -> TerytCode {
        TerytCode(self.0[..2].to_owned())
    }

    /// Whether this unit is `ancestor` or lies within it.
    pub fn is_within(&self, ancestor: &TerytCode) -> bool {
        self.0.starts_with(&ancestor.0)
    }

    /// For a gmina code, the type its last digit denotes.
    pub fn gmina_type(&self) -> Option<GminaType> {
        match self.0.as_bytes().get(6)? {
            b'1' => Some(GminaType::Urban),
            b'2' => Some(GminaType::Rural),
            b'3' => Some(GminaType::UrbanRural),
            _ => None,
        }
    }
}

impl fmt::Display for TerytCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for TerytCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TerytCode({})", self.0)
    }
}

impl Serialize for TerytCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for TerytCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = TerytCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a TERYT code as a string of 2, 4 or 7 digits, like \"0410033\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TerytCode, E> {
                TerytCode::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl schemars::JsonSchema for TerytCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TerytCode".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An official TERYT code: 2 digits (voivodeship), 4 (powiat) or 7 (gmina).",
            "type": "string",
            "pattern": "^([0-9]{2}|[0-9]{4}|[0-9]{7})$"
        })
    }
}

/// The type of a gmina, as the last digit of its TERYT code says.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum GminaType {
    /// Gmina miejska (type 1).
    Urban,
    /// Gmina wiejska (type 2).
    Rural,
    /// Gmina miejsko-wiejska (type 3): a town and its rural surroundings.
    UrbanRural,
}

impl GminaType {
    /// The Polish name used in the register.
    pub fn polish(self) -> &'static str {
        match self {
            GminaType::Urban => "gmina miejska",
            GminaType::Rural => "gmina wiejska",
            GminaType::UrbanRural => "gmina miejsko-wiejska",
        }
    }

    /// The English name.
    pub fn english(self) -> &'static str {
        match self {
            GminaType::Urban => "urban",
            GminaType::Rural => "rural",
            GminaType::UrbanRural => "urban-rural",
        }
    }
}

/// What kind of unit a register entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "type")]
pub enum UnitKind {
    /// A voivodeship.
    Voivodeship,
    /// A powiat (or a city with powiat rights, `miasto na prawach powiatu`).
    Powiat {
        /// Whether it is a city with powiat rights.
        city: bool,
    },
    /// A gmina of the given type. Every gmina is a JST.
    Gmina(GminaType),
}

/// One unit of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// Its TERYT code.
    pub code: TerytCode,
    /// Its official name. The register writes voivodeships in capitals; this is
    /// the name in lower case, as the project documents write it.
    pub name: String,
    /// What kind of unit it is.
    pub kind: UnitKind,
}

impl Unit {
    /// Whether the unit is a JST (jednostka samorządu terytorialnego) for the
    /// project indicators: a powiat or a gmina.
    pub fn is_jst(&self) -> bool {
        !matches!(self.kind, UnitKind::Voivodeship)
    }
}

/// The TERC register: every voivodeship, powiat and gmina of Poland.
///
/// The parts of urban-rural gminas (type digits 4 and 5) and the districts of
/// cities (8 and 9) are read but not kept: they are not units a project is planned
/// in.
#[derive(Debug, Clone, Default)]
pub struct Register {
    units: BTreeMap<TerytCode, Unit>,
    as_of: Option<String>,
    date: Option<NaiveDate>,
}

/// The date of the edition of the TERC register core embeds
/// ([`Register::embedded`]): the date in the name GUS gave its file.
pub const EMBEDDED_DATE: &str = "2025-11-18";

/// The embedded register's text: `fixtures/teryt/TERC_Urzedowy_2025-11-18.csv`,
/// GUS's file unchanged (its origin is in `fixtures/teryt/SOURCE.md`).
const EMBEDDED_TERC: &str = include_str!("../../../fixtures/teryt/TERC_Urzedowy_2025-11-18.csv");

impl Register {
    /// The TERC register core embeds: GUS's edition of 2025-11-18
    /// ([`EMBEDDED_DATE`]; its `STAN_NA` is 2025-01-01), 16 voivodeships,
    /// 380 powiats and 2,479 gminas. It is the default of every adapter; a
    /// project pins another edition with `territory.register`.
    ///
    /// The text is parsed once, on the first call, and shared after that
    /// (`std::sync::OnceLock`). A test checks that it parses; were it ever
    /// unreadable, the register returned would be empty, so every code would be
    /// reported as not in it rather than silently accepted.
    ///
    /// ```
    /// use kooperacja_core::territory::{Register, Level};
    /// let register = Register::embedded();
    /// assert_eq!(register.at_level(Level::Voivodeship).count(), 16);
    /// assert_eq!(register.as_of(), Some("2025-01-01"));
    /// assert!(std::sync::Arc::ptr_eq(&register, &Register::embedded()));
    /// ```
    pub fn embedded() -> Arc<Register> {
        static EMBEDDED: OnceLock<Arc<Register>> = OnceLock::new();
        Arc::clone(EMBEDDED.get_or_init(|| {
            Arc::new(
                Register::parse_named("TERC_Urzedowy_2025-11-18.csv", EMBEDDED_TERC)
                    .unwrap_or_default(),
            )
        }))
    }

    /// The register with the date of its edition set (see [`Register::date`]).
    pub fn with_date(mut self, date: NaiveDate) -> Register {
        self.date = Some(date);
        self
    }

    /// The date in the name GUS gives a TERC file (`TERC_Urzedowy_2025-11-18.csv`,
    /// also `TERC_Adresowy_…`), if the name has that form; a directory before the
    /// name is ignored.
    ///
    /// ```
    /// use kooperacja_core::territory::Register;
    /// let date = Register::date_in_file_name("../teryt/TERC_Urzedowy_2025-11-18.csv");
    /// assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2025-11-18"));
    /// assert_eq!(Register::date_in_file_name("terc.csv"), None);
    /// ```
    pub fn date_in_file_name(name: &str) -> Option<NaiveDate> {
        let base = name.rsplit(['/', '\\']).next()?;
        let stem = base.strip_prefix("TERC_")?.strip_suffix(".csv")?;
        let (_, date) = stem.rsplit_once('_')?;
        NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
    }

    /// Reads a TERC file's text ([`Register::parse_terc`]) and dates it by the
    /// file's name ([`Register::date_in_file_name`]) when GUS's name is kept:
    /// how adapters read the register a project pins.
    ///
    /// ```
    /// use kooperacja_core::territory::Register;
    /// let terc = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n04;;;;KUJAWSKO-POMORSKIE;województwo;2025-01-01\n";
    /// let register = Register::parse_named("teryt/TERC_Urzedowy_2025-11-18.csv", terc)?;
    /// assert_eq!(register.date().map(|d| d.to_string()).as_deref(), Some("2025-11-18"));
    /// # Ok::<(), kooperacja_core::territory::TerytError>(())
    /// ```
    pub fn parse_named(name: &str, text: &str) -> Result<Register, TerytError> {
        let register = Register::parse_terc(text)?;
        Ok(match Register::date_in_file_name(name) {
            Some(date) => register.with_date(date),
            None => register,
        })
    }

    /// The date that names this register in findings: the date of its edition
    /// when known (the embedded one's, or one set by [`Register::with_date`]),
    /// else the date it describes (`STAN_NA`, [`Register::as_of`]).
    ///
    /// ```
    /// use kooperacja_core::territory::Register;
    /// let terc = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n04;;;;KUJAWSKO-POMORSKIE;województwo;2025-01-01\n";
    /// let register = Register::parse_terc(terc)?;
    /// assert_eq!(register.date().map(|d| d.to_string()).as_deref(), Some("2025-01-01"));
    /// # Ok::<(), kooperacja_core::territory::TerytError>(())
    /// ```
    pub fn date(&self) -> Option<NaiveDate> {
        self.date.or_else(|| {
            self.as_of
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        })
    }

    /// How findings name the register: `the TERC register of 2025-11-18`, or
    /// `the TERC register` when it has no date.
    ///
    /// ```
    /// use kooperacja_core::territory::Register;
    /// assert_eq!(Register::embedded().name(), "the TERC register of 2025-11-18");
    /// ```
    pub fn name(&self) -> String {
        match self.date() {
            Some(date) => format!("the TERC register of {date}"),
            None => "the TERC register".to_owned(),
        }
    }

    /// Reads the TERC register in the official "urzędowy" CSV form: UTF-8 (with or
    /// without BOM), `;`-separated, columns `WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA`.
    /// Blank lines are skipped; any other unreadable line is an error naming it.
    pub fn parse_terc(text: &str) -> Result<Register, TerytError> {
        let mut register = Register::default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let raw = raw.trim_end_matches('\r');
            if raw.trim().is_empty() {
                continue;
            }
            let bad = |defect: RegisterDefect| TerytError::BadLine { line, defect };
            let fields: Vec<&str> = raw.split(';').collect();
            if line == 1 {
                if fields.first().map(|f| f.trim()) != Some("WOJ") {
                    return Err(bad(RegisterDefect::Header {
                        found: raw.to_owned(),
                    }));
                }
                continue;
            }
            let [woj, pow, gmi, rodz, name, extra, as_of] = fields.as_slice() else {
                return Err(bad(RegisterDefect::FieldCount {
                    found: fields.len(),
                }));
            };
            if register.as_of.is_none() && !as_of.is_empty() {
                register.as_of = Some((*as_of).to_owned());
            }
            let code_text = format!("{woj}{pow}{gmi}{rodz}");
            let code = TerytCode::parse(&code_text).map_err(|_| {
                bad(RegisterDefect::InvalidCode {
                    text: code_text.clone(),
                })
            })?;
            let kind = match (pow.is_empty(), gmi.is_empty(), rodz.is_empty()) {
                (true, true, true) => UnitKind::Voivodeship,
                (false, true, true) => UnitKind::Powiat {
                    city: extra.contains("miasto"),
                },
                (false, false, false) => match code.gmina_type() {
                    Some(t) => UnitKind::Gmina(t),
                    // A town or rural part of a gmina, or a city district.
                    None if matches!(*rodz, "4" | "5" | "8" | "9") => continue,
                    None => {
                        return Err(bad(RegisterDefect::UnknownType {
                            rodz: (*rodz).to_owned(),
                        }));
                    }
                },
                _ => return Err(bad(RegisterDefect::IncompleteCode { code: code_text })),
            };
            let name = if kind == UnitKind::Voivodeship {
                name.to_lowercase()
            } else {
                (*name).to_owned()
            };
            if register.units.contains_key(&code) {
                return Err(bad(RegisterDefect::DuplicateCode { code }));
            }
            register
                .units
                .insert(code.clone(), Unit { code, name, kind });
        }
        if register.units.is_empty() {
            return Err(TerytError::BadLine {
                line: 1,
                defect: RegisterDefect::NoUnits,
            });
        }
        Ok(register)
    }

    /// The unit with this code, if the register has one.
    pub fn get(&self, code: &TerytCode) -> Option<&Unit> {
        self.units.get(code)
    }

    /// For a gmina code that is not in the register, the register's gmina with
    /// the same first six digits (voivodeship, powiat, gmina number) and another
    /// type digit: most likely the same gmina after a change of type (a rural
    /// gmina that became urban-rural). `None` when the code is in the register,
    /// is no gmina code, or no such gmina exists. Within one edition of TERC,
    /// the first six digits name one gmina.
    ///
    /// ```
    /// use kooperacja_core::territory::{Register, TerytCode};
    /// let register = Register::embedded();
    /// let old = TerytCode::parse("0410012")?; // Kcynia is 0410013
    /// assert_eq!(register.same_gmina_other_type(&old).map(|u| u.name.as_str()), Some("Kcynia"));
    /// assert!(register.same_gmina_other_type(&TerytCode::parse("0410013")?).is_none());
    /// # Ok::<(), kooperacja_core::territory::TerytError>(())
    /// ```
    pub fn same_gmina_other_type(&self, code: &TerytCode) -> Option<&Unit> {
        if code.level() != Level::Gmina || self.units.contains_key(code) {
            return None;
        }
        let number = code.as_str().get(..6)?;
        ['1', '2', '3'].iter().find_map(|digit| {
            let candidate = TerytCode(format!("{number}{digit}"));
            self.units.get(&candidate)
        })
    }

    /// The date the register describes (its `STAN_NA` column), as written.
    pub fn as_of(&self) -> Option<&str> {
        self.as_of.as_deref()
    }

    /// All units, ordered by code.
    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.units.values()
    }

    /// The units at a level, ordered by code.
    pub fn at_level(&self, level: Level) -> impl Iterator<Item = &Unit> {
        self.units.values().filter(move |u| u.code.level() == level)
    }

    /// The units directly below `code`: a voivodeship's powiats, a powiat's gminas.
    pub fn children<'a>(&'a self, code: &'a TerytCode) -> impl Iterator<Item = &'a Unit> + 'a {
        self.units
            .range(code.clone()..)
            .take_while(move |(c, _)| c.is_within(code))
            .map(|(_, u)| u)
            .filter(move |u| u.code.parent().as_ref() == Some(code))
    }

    /// Finds units at a level by name (exact, case-insensitive).
    pub fn find_by_name<'a>(
        &'a self,
        level: Level,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Unit> + 'a {
        let wanted = name.to_lowercase();
        self.at_level(level)
            .filter(move |u| u.name.to_lowercase() == wanted)
    }
}

/// The sixteen voivodeships by their TERYT code and official name, as the TERC
/// register (2025-11-18) gives them; for outputs that show every
/// voivodeship, such as a tile map, without a register at hand.
///
/// ```
/// use kooperacja_core::territory::{VOIVODESHIPS, voivodeship_name};
/// assert_eq!(VOIVODESHIPS.len(), 16);
/// assert_eq!(voivodeship_name("04"), Some("kujawsko-pomorskie"));
/// assert_eq!(voivodeship_name("99"), None);
/// ```
pub const VOIVODESHIPS: [(&str, &str); 16] = [
    ("02", "dolnośląskie"),
    ("04", "kujawsko-pomorskie"),
    ("06", "lubelskie"),
    ("08", "lubuskie"),
    ("10", "łódzkie"),
    ("12", "małopolskie"),
    ("14", "mazowieckie"),
    ("16", "opolskie"),
    ("18", "podkarpackie"),
    ("20", "podlaskie"),
    ("22", "pomorskie"),
    ("24", "śląskie"),
    ("26", "świętokrzyskie"),
    ("28", "warmińsko-mazurskie"),
    ("30", "wielkopolskie"),
    ("32", "zachodniopomorskie"),
];

/// The official name of a voivodeship by its two-digit TERYT code.
pub fn voivodeship_name(code: &str) -> Option<&'static str> {
    VOIVODESHIPS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_register_holds_all_of_poland() {
        let register = Register::embedded();
        assert_eq!(register.at_level(Level::Voivodeship).count(), 16);
        assert_eq!(register.at_level(Level::Powiat).count(), 380);
        assert_eq!(register.at_level(Level::Gmina).count(), 2479);
    }

    #[test]
    fn the_embedded_register_is_dated_by_its_edition() {
        assert_eq!(
            Register::embedded()
                .date()
                .map(|d| d.to_string())
                .as_deref(),
            Some(EMBEDDED_DATE)
        );
    }

    #[test]
    fn a_file_name_without_gus_form_has_no_date() {
        for name in [
            "TERC.csv",
            "TERC_Urzedowy.csv",
            "TERC_Urzedowy_2025-13-01.csv",
            "x_2025-11-18.csv",
        ] {
            assert_eq!(Register::date_in_file_name(name), None, "{name}");
        }
    }

    #[test]
    fn bad_lines_are_named() {
        let err =
            Register::parse_terc("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n04;;;\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "TERC register line 2: expected 7 fields separated by ';', found 4"
        );
        let err = Register::parse_terc("hello\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("TERC register line 1: expected the header")
        );
        let err =
            Register::parse_terc("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n04;10;03;7;X;y;z\n")
                .unwrap_err();
        assert_eq!(
            err.to_string(),
            "TERC register line 2: unknown RODZ (unit type) \"7\""
        );
    }
}
