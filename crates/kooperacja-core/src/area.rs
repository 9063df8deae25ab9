//! The project's area: the voivodeships, powiats and gminas it works in, the
//! macroregions of its programme, and how the units were selected.
//!
//! Every unit carries its official TERYT code and name; validation checks both
//! against the [`Register`] the caller supplies (the adapters: the one the project
//! pins, else [`Register::embedded`]).
//!
//! Territory through time: a unit whose code changed between the project's years
//! and the register (a rural gmina, type 2, that became urban-rural, type 3) is
//! declared in [`Territory::former_codes`] and is then one unit under both codes
//! ([`Territory::current`]). Rules and denominators say where they count with
//! [`Within`]: units, or the project's own area.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::organisation::AsWritten;
use crate::period::YearMonth;
use crate::territory::{GminaType, Level, Register, TerytCode, Unit};

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
    /// Units known under an earlier code: each is one unit under both codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_codes: Vec<FormerCode>,
}

/// A unit's former TERYT code: the code it had in the project's years, and the
/// code the register gives it now. A rural gmina (type digit 2) that became
/// urban-rural (3) keeps its first six digits and changes its last.
///
/// Facts, listed units and `within` codes under either code are the same unit:
/// a fact with the former code counts for the unit, and distinct counts count it
/// once ([`Territory::current`]; an example at [`Territory::former_code`]).
///
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormerCode {
    /// The former code (as the project's documents and older facts write it).
    pub code: TerytCode,
    /// The unit's code in the register.
    pub now: TerytCode,
    /// The last day the former code was in force, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::period::date_serde::option"
    )]
    #[schemars(with = "Option<crate::period::Date>")]
    pub until: Option<NaiveDate>,
    /// Where the change is documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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

    /// Whether the project lists this unit (at its own level), under its code
    /// or a [former code](FormerCode) of it.
    pub fn contains(&self, code: &TerytCode) -> bool {
        let code = self.current(code);
        match code.level() {
            Level::Voivodeship => self.voivodeships.iter().any(|v| &v.code == code),
            Level::Powiat => self.powiats().any(|p| self.current(&p.code) == code),
            Level::Gmina => self.gminas().any(|g| self.current(&g.code) == code),
        }
    }

    /// The code a unit has now: `now` of the [former code](FormerCode) declared
    /// for `code`, else `code` itself. Two codes are the same unit when their
    /// current codes are equal.
    ///
    /// ```
    /// use kooperacja_core::area::Territory;
    /// use kooperacja_core::territory::TerytCode;
    /// let t: Territory = toml::from_str(r#"
    ///     former_codes = [{ code = "0410012", now = "0410013" }]
    /// "#).unwrap();
    /// let old = TerytCode::parse("0410012")?;
    /// assert_eq!(t.current(&old).as_str(), "0410013");
    /// assert_eq!(t.current(&TerytCode::parse("0410013")?).as_str(), "0410013");
    /// # Ok::<(), kooperacja_core::territory::TerytError>(())
    /// ```
    pub fn current<'a>(&'a self, code: &'a TerytCode) -> &'a TerytCode {
        self.former_code(code).map_or(code, |f| &f.now)
    }

    /// The former-code declaration for `code`, if `code` is a former code.
    ///
    /// An illustration (Kcynia, `0410013`, has been urban-rural for long; the change
    /// is made up):
    ///
    /// ```
    /// use kooperacja_core::area::Territory;
    /// use kooperacja_core::territory::TerytCode;
    /// let t: Territory = toml::from_str(r#"
    ///     [[former_codes]]
    ///     code = "0410012"
    ///     now = "0410013"
    ///     until = 2021-12-31
    ///     source = "an illustration"
    /// "#).unwrap();
    /// let former = t.former_code(&TerytCode::parse("0410012")?).unwrap();
    /// assert_eq!(former.now.as_str(), "0410013");
    /// assert_eq!(former.until.map(|d| d.to_string()).as_deref(), Some("2021-12-31"));
    /// # Ok::<(), kooperacja_core::territory::TerytError>(())
    /// ```
    pub fn former_code(&self, code: &TerytCode) -> Option<&FormerCode> {
        self.former_codes.iter().find(|f| &f.code == code)
    }

    /// Whether `code` lies in the project's own area: the units the territory
    /// lists, each at the deepest level it gives. A voivodeship that lists no
    /// powiat is wholly in the area; one that lists powiats contributes only
    /// them. A powiat is in the area as a unit, and so are its gminas when it
    /// lists none; when it lists gminas, only those are. Former codes are
    /// recognised.
    ///
    /// ```
    /// use kooperacja_core::area::Territory;
    /// use kooperacja_core::territory::TerytCode;
    /// let t: Territory = toml::from_str(r#"
    ///     [[voivodeships]]
    ///     code = "04"
    ///     name = "kujawsko-pomorskie"
    ///     [[voivodeships.powiats]]
    ///     code = "0410"
    ///     name = "nakielski"
    ///     gminas = [{ code = "0410033", name = "Nakło nad Notecią" }]
    ///     [[voivodeships]]
    ///     code = "32"
    ///     name = "zachodniopomorskie"
    /// "#).unwrap();
    /// let code = |c: &str| TerytCode::parse(c).unwrap();
    /// assert!(t.in_area(&code("0410")));        // a listed powiat
    /// assert!(t.in_area(&code("0410033")));     // a listed gmina
    /// assert!(!t.in_area(&code("0410013")));    // Kcynia: its powiat lists other gminas
    /// assert!(!t.in_area(&code("0416")));       // a powiat of 04 not listed
    /// assert!(t.in_area(&code("3204023")));     // 32 lists no powiat: all of it
    /// assert!(!t.in_area(&code("06")));
    /// ```
    pub fn in_area(&self, code: &TerytCode) -> bool {
        let code = self.current(code);
        let Some(v) = self
            .voivodeships
            .iter()
            .find(|v| v.code == code.voivodeship())
        else {
            return false;
        };
        if v.powiats.is_empty() || code.level() == Level::Voivodeship {
            return true;
        }
        let Some(parent) = (match code.level() {
            Level::Gmina => code.parent(),
            _ => Some(code.clone()),
        }) else {
            return false;
        };
        let Some(p) = v.powiats.iter().find(|p| self.current(&p.code) == &parent) else {
            return false;
        };
        code.level() == Level::Powiat
            || p.gminas.is_empty()
            || p.gminas.iter().any(|g| self.current(&g.code) == code)
    }
}

/// The hint a finding about codes not in `register` ends with when a gmina code
/// among them differs from a register gmina only in its type digit: which gmina
/// it most likely is, and how to declare the former code. `None` when no code
/// is such a gmina.
///
/// ```
/// use kooperacja_core::area::type_change_hint;
/// use kooperacja_core::territory::{Register, TerytCode};
/// let old = TerytCode::parse("0410012")?;
/// let hint = type_change_hint(&Register::embedded(), [&old]).unwrap();
/// assert_eq!(hint, "; 0410013 (Kcynia, urban-rural) has the same gmina number: if the gmina changed type, declare [[territory.former_codes]] code = \"0410012\", now = \"0410013\"");
/// # Ok::<(), kooperacja_core::territory::TerytError>(())
/// ```
pub fn type_change_hint<'a>(
    register: &Register,
    codes: impl IntoIterator<Item = &'a TerytCode>,
) -> Option<String> {
    codes.into_iter().find_map(|code| {
        let unit = register.same_gmina_other_type(code)?;
        let kind = unit.code.gmina_type().map_or("", GminaType::english);
        Some(format!(
            "; {} ({}, {kind}) has the same gmina number: if the gmina changed type, declare [[territory.former_codes]] code = \"{code}\", now = \"{}\"",
            unit.code, unit.name, unit.code
        ))
    })
}

/// Where a rule looks, or a ratio's denominator counts units: the units given
/// (a fact's territory must be one of them or lie within one), or the project's
/// own area ([`Territory::in_area`]).
///
/// In a project file: one TERYT code, a list of codes (any of them), or
/// `"project"`.
///
/// ```
/// use kooperacja_core::area::{Territory, Within};
/// use kooperacja_core::territory::TerytCode;
/// #[derive(serde::Deserialize)]
/// struct Rule { within: Within }
/// let one: Rule = toml::from_str(r#"within = "0410""#).unwrap();
/// let many: Rule = toml::from_str(r#"within = ["0410", "0416"]"#).unwrap();
/// let project: Rule = toml::from_str(r#"within = "project""#).unwrap();
/// assert_eq!(project.within, Within::Project);
/// assert_eq!(many.within.to_string(), "0410, 0416");
///
/// let area = Territory::default();
/// let gmina = TerytCode::parse("0416063")?;
/// assert!(!one.within.contains(&gmina, &area));
/// assert!(many.within.contains(&gmina, &area));
/// # Ok::<(), kooperacja_core::territory::TerytError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Within {
    /// These units (and everything within them).
    Units(Vec<TerytCode>),
    /// The project's own area.
    Project,
}

impl Within {
    /// Whether a unit lies within: it is one of the units or lies within one
    /// (by its code's digits), or lies in the project's area. Former codes of
    /// `area` are recognised on both sides.
    pub fn contains(&self, code: &TerytCode, area: &Territory) -> bool {
        match self {
            Within::Units(units) => {
                let code = area.current(code);
                units.iter().any(|u| code.is_within(area.current(u)))
            }
            Within::Project => area.in_area(code),
        }
    }

    /// The units of `register` that lie within, at any level, in code order.
    ///
    /// ```
    /// use kooperacja_core::area::{Territory, Within};
    /// use kooperacja_core::territory::{Level, Register, TerytCode};
    /// let within = Within::Units(vec![TerytCode::parse("0410")?]);
    /// let register = Register::embedded();
    /// let gminas = within
    ///     .units(&register, &Territory::default())
    ///     .filter(|u| u.code.level() == Level::Gmina)
    ///     .count();
    /// assert_eq!(gminas, 5); // the gminas of powiat nakielski
    /// # Ok::<(), kooperacja_core::territory::TerytError>(())
    /// ```
    pub fn units<'r>(
        &'r self,
        register: &'r Register,
        area: &'r Territory,
    ) -> impl Iterator<Item = &'r Unit> + 'r {
        register
            .units()
            .filter(move |u| self.contains(&u.code, area))
    }

    /// The codes it names that are not in `register` (under their code or the
    /// code `area` says they have now): validation reports each.
    pub fn unknown_codes<'a>(
        &'a self,
        register: &'a Register,
        area: &'a Territory,
    ) -> impl Iterator<Item = &'a TerytCode> + 'a {
        let units: &[TerytCode] = match self {
            Within::Units(units) => units,
            Within::Project => &[],
        };
        units
            .iter()
            .filter(move |u| register.get(area.current(u)).is_none())
    }
}

impl fmt::Display for Within {
    /// `project`, or the codes separated by commas.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Within::Project => f.write_str("project"),
            Within::Units(units) => {
                for (i, u) in units.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{u}")?;
                }
                Ok(())
            }
        }
    }
}

impl From<TerytCode> for Within {
    fn from(code: TerytCode) -> Within {
        Within::Units(vec![code])
    }
}

/// The word that stands for the project's own area in `within`.
const PROJECT: &str = "project";

impl Serialize for Within {
    /// `"project"`, one code as a string, several as a list.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Within::Project => serializer.serialize_str(PROJECT),
            Within::Units(units) => match units.as_slice() {
                [one] => one.serialize(serializer),
                many => many.serialize(serializer),
            },
        }
    }
}

impl<'de> Deserialize<'de> for Within {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Within;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a TERYT code (\"0410\"), a list of codes ([\"0410\", \"0416\"]) or \"project\" (the project's own area)",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Within, E> {
                if v == PROJECT {
                    return Ok(Within::Project);
                }
                TerytCode::parse(v).map(Within::from).map_err(E::custom)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Within, A::Error> {
                let mut units = Vec::new();
                while let Some(code) = seq.next_element::<TerytCode>()? {
                    units.push(code);
                }
                if units.is_empty() {
                    return Err(serde::de::Error::custom(
                        "an empty list of units; expected at least one TERYT code, or \"project\"",
                    ));
                }
                Ok(Within::Units(units))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Within {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Within".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let code = generator.subschema_for::<TerytCode>();
        schemars::json_schema!({
            "description": "Where: one TERYT code, a list of codes (any of them), or \"project\" (the project's own area).",
            "oneOf": [
                { "const": "project" },
                code,
                { "type": "array", "items": code, "minItems": 1 }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> TerytCode {
        TerytCode::parse(text).expect("a code")
    }

    #[derive(Debug, Deserialize)]
    struct Rule {
        within: Within,
    }

    fn within(toml_value: &str) -> Result<Within, String> {
        toml::from_str::<Rule>(&format!("within = {toml_value}"))
            .map(|r| r.within)
            .map_err(|e| e.message().to_owned())
    }

    /// The makroregion-like area: 04 lists powiat 0410 with one gmina; 32 lists
    /// no powiat. Kcynia (0410013) is also known under a made-up former code.
    fn area() -> Territory {
        toml::from_str(
            r#"
            former_codes = [{ code = "0410012", now = "0410013" }]
            [[voivodeships]]
            code = "04"
            name = "kujawsko-pomorskie"
            [[voivodeships.powiats]]
            code = "0410"
            name = "nakielski"
            gminas = [{ code = "0410013", name = "Kcynia" }]
            [[voivodeships]]
            code = "32"
            name = "zachodniopomorskie"
            "#,
        )
        .expect("an area")
    }

    #[test]
    fn within_reads_one_code() {
        assert_eq!(within(r#""0410""#), Ok(Within::Units(vec![code("0410")])));
    }

    #[test]
    fn within_reads_a_list_of_codes() {
        assert_eq!(
            within(r#"["0410", "3204023"]"#),
            Ok(Within::Units(vec![code("0410"), code("3204023")]))
        );
    }

    #[test]
    fn within_reads_project() {
        assert_eq!(within(r#""project""#), Ok(Within::Project));
    }

    #[test]
    fn within_refuses_an_empty_list() {
        let err = within("[]").expect_err("refused");
        assert!(err.contains("an empty list of units"), "{err}");
    }

    #[test]
    fn within_refuses_a_bad_code_naming_it() {
        let err = within(r#""041""#).expect_err("refused");
        assert!(err.contains(r#"invalid TERYT code "041""#), "{err}");
    }

    #[test]
    fn within_writes_back_as_read() {
        for (text, json) in [
            (r#""0410""#, r#""0410""#),
            (r#"["0410", "0416"]"#, r#"["0410","0416"]"#),
            (r#""project""#, r#""project""#),
        ] {
            let written = serde_json::to_string(&within(text).expect("reads")).expect("writes");
            assert_eq!(written, json);
        }
    }

    #[test]
    fn within_units_recognises_former_codes_on_both_sides() {
        let area = area();
        let now = Within::Units(vec![code("0410013")]);
        let former = Within::Units(vec![code("0410012")]);
        assert!(now.contains(&code("0410012"), &area));
        assert!(former.contains(&code("0410013"), &area));
        assert!(!now.contains(&code("0410023"), &area));
    }

    fn in_project(unit: &str) -> bool {
        Within::Project.contains(&code(unit), &area())
    }

    #[test]
    fn the_project_area_holds_its_listed_powiats_and_gminas() {
        assert!(in_project("0410") && in_project("0410013"));
    }

    #[test]
    fn the_project_area_holds_a_listed_gmina_under_its_former_code() {
        assert!(in_project("0410012"));
    }

    #[test]
    fn the_project_area_leaves_out_gminas_its_powiat_does_not_list() {
        assert!(!in_project("0410023")); // Mrocza
    }

    #[test]
    fn the_project_area_leaves_out_powiats_its_voivodeship_does_not_list() {
        assert!(!in_project("0416") && !in_project("0416063"));
    }

    #[test]
    fn the_project_area_holds_all_of_a_voivodeship_that_lists_no_powiat() {
        assert!(in_project("32") && in_project("3204") && in_project("3204023"));
    }

    #[test]
    fn the_project_area_holds_its_listed_voivodeships_as_units() {
        assert!(in_project("04"));
    }

    #[test]
    fn the_project_area_leaves_out_other_voivodeships() {
        assert!(!in_project("06") && !in_project("0601011"));
    }

    #[test]
    fn within_project_counts_the_project_units_of_the_register() {
        let register = Register::embedded();
        let area = area();
        let gminas_of_04 = Within::Project
            .units(&register, &area)
            .filter(|u| u.code.level() == Level::Gmina && u.code.voivodeship().as_str() == "04")
            .count();
        assert_eq!(gminas_of_04, 1);
    }

    #[test]
    fn within_names_its_codes_not_in_the_register() {
        let register = Register::embedded();
        let area = area();
        let w = Within::Units(vec![code("0410"), code("0499"), code("0410012")]);
        let unknown: Vec<&str> = w
            .unknown_codes(&register, &area)
            .map(TerytCode::as_str)
            .collect();
        assert_eq!(unknown, ["0499"]);
        assert_eq!(Within::Project.unknown_codes(&register, &area).count(), 0);
    }
}
