//! Who runs a project and whom it serves: the leader and partners, the sectors
//! of cooperation (obszary kooperacji), roles of people, target groups and tasks.

use serde::{Deserialize, Serialize};

/// A name as a source document wrote it, when that differs from the correct name
/// the model holds (a typo, a wrong institution name). Validation reports each one.
///
/// ```
/// use kooperacja_core::organisation::AsWritten;
/// let w: AsWritten = toml::from_str("text = \"Bursy\"\nsource = \"seed 000\"").unwrap();
/// assert_eq!(w.text, "Bursy");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AsWritten {
    /// The text exactly as the source writes it.
    pub text: String,
    /// Where it is written (a document, a seed file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The role an organisation has in the partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PartnerRole {
    /// Lider: signs the funding agreement and answers for the project.
    Leader,
    /// Partner: carries out part of the project under the partnership agreement.
    Partner,
}

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OrganisationKind {
    /// A voivodeship self-government acting through its Regional Social Policy
    /// Centre (ROPS, Regionalny Ośrodek Polityki Społecznej).
    Rops,
    /// A university or one of its units.
    University,
    /// A gmina or powiat social assistance centre (OPS, MGOPS, PCPR).
    SocialAssistanceCentre,
    /// A non-governmental organisation.
    Ngo,
    /// Any other public body.
    PublicBody,
    /// Anything else.
    Other,
}

/// A member of the partnership: the leader or a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// A short stable id used for references within the file (`rops-torun`).
    pub id: String,
    /// Leader or partner.
    pub role: PartnerRole,
    /// What kind of body it is.
    pub kind: OrganisationKind,
    /// The official name of the body that acts, in Polish.
    pub name: String,
    /// The legal person it represents, if another (`Województwo Kujawsko-Pomorskie`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub represents: Option<String>,
    /// The unit within it that carries out the work (`Centrum Badań nad Rodziną`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The voivodeship it is responsible for in the project, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voivodeship: Option<crate::territory::TerytCode>,
    /// Whether it signed the funding agreement (umowa o dofinansowanie).
    #[serde(default)]
    pub signed_funding_agreement: bool,
    /// Other spellings of its name in the sources, reported by validation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub as_written: Vec<AsWritten>,
    /// Where the facts about it come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A sector of cooperation (obszar kooperacji): social assistance, education,
/// health, police and the like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    /// A stable id (`education`).
    pub id: String,
    /// The Polish name.
    pub name: String,
    /// The English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

/// A role a person has in the project (social worker, family assistant, animator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// A stable id (`social-worker`).
    pub id: String,
    /// The Polish name.
    pub name: String,
    /// The English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

/// A target group of the project (grupa docelowa).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetGroup {
    /// The group as the document describes it, in Polish.
    pub name: String,
    /// The English description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The sectors named as especially meant (ids of [`Sector`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub especially: Vec<String>,
    /// The roles of people in this group (ids of [`Role`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Whether taking part is obligatory for the group.
    #[serde(default)]
    pub obligatory: bool,
    /// The level at which the group is found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<crate::territory::Level>,
    /// The number of powiats the group comes from, as stated; checked against the
    /// project's territory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub powiats: Option<u32>,
    /// The number of gminas the group comes from, as stated; checked against the
    /// project's territory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gminas: Option<u32>,
}

/// A task (zadanie) of the project, with what it comprises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// The task's number in order (1, 2, …).
    pub number: u32,
    /// The number the source prints, when it differs (a source numbering every
    /// task "1."); validation reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_written_number: Option<u32>,
    /// The title, in Polish.
    pub title: String,
    /// The English title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// What the task comprises, one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
}
