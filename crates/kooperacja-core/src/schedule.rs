//! The schedule: milestones (kamienie milowe) with their periods and the
//! activities planned in each.
//!
//! ```
//! use kooperacja_core::schedule::Milestone;
//! let km: Milestone = toml::from_str(r#"
//!     id = "KM-I"
//!     number = 1
//!     title = "Opracowanie modelu kooperacji"
//!     period = "01.04.2018 r. – 31.03.2019 r."
//!     stated_months = 12
//! "#).unwrap();
//! assert_eq!(km.period.whole_months(), km.stated_months);
//! ```

use serde::{Deserialize, Serialize};

use crate::period::Period;

/// A milestone (kamień milowy, KM): a stage of the project with a period and the
/// activities planned in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// A stable id (`KM-I`), unique in the project.
    pub id: String,
    /// Its number in order, from 1.
    pub number: u32,
    /// The title, in Polish, as the documents write it.
    pub title: String,
    /// The English title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// The period, inclusive.
    pub period: Period,
    /// The length in months the documents state; checked against the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_months: Option<u32>,
    /// The activities planned in this milestone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A note on how the source was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One line of a milestone's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// What kind of work it is: a value of the project's own list of
    /// activities (`seminar`, `coaching`, `study-visit`…), or free text.
    pub kind: String,
    /// The line as the document writes it, in Polish.
    pub text: String,
    /// The group kind (code) that meets, for meetings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// How many meetings (or events, sessions) are planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// How many days each lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_each: Option<u32>,
    /// How many persons (places) it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persons: Option<u32>,
    /// The form (individual, group…), as the plan states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// The role of the persons covered (id of a role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// One event per unit of this level (`6 meetings, one per voivodeship`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_per: Option<crate::groups::GroupLevel>,
    /// Who carries it out (ids of organisations or roles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried_by: Vec<String>,
    /// The facts that are its events (meetings of a group, sessions…): a rule
    /// filter. Without it the activity is planned work no fact counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<crate::rule::Filter>,
    /// The fields whose equal values, on one day, make the facts one event
    /// (`["by"]`: the persons one organisation coached on one day are one
    /// session). Empty: each fact is an event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<String>,
    /// The field that holds each event's days (default `days`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_field: Option<String>,
}

impl Activity {
    /// Planned meeting-days: count × days each, when both are known.
    pub fn meeting_days(&self) -> Option<u32> {
        self.count?.checked_mul(self.days_each?)
    }
}
