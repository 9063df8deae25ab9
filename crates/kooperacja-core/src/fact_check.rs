//! Facts checked against their project, and summed up.
//!
//! [`FactCheck`] looks at each fact of a file in turn and says what does not
//! fit the project: an organisation, group, role or sector the project does not
//! have, territory outside the project's voivodeships (or not in the TERC
//! register), a date outside the project's period, an id used twice with other
//! content, and, once the file is read, retractions of ids that never appeared.
//! The findings are the same [`Finding`] values project validation gives; their
//! `path` is `facts[ID]`.
//!
//! [`FactSummary`] counts facts by kind, month and voivodeship.
//!
//! ```
//! use kooperacja_core::fact_check::FactCheck;
//! use kooperacja_core::facts::read_all;
//! use kooperacja_core::facts::{Format, OnError};
//! use kooperacja_core::project::Project;
//!
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let facts = concat!(
//!     r#"{"id":"m1","date":"2019-02-05","by":"rops-torun","territory":"04","kind":"meeting","group":"RGR","days":1,"participants":12}"#, "\n",
//!     r#"{"id":"m2","date":"2019-02-06","by":"rops-torun","territory":"04","kind":"meeting","group":"XYZ","days":1,"participants":12}"#, "\n",
//!     r#"{"id":"r1","date":"2019-03-01","by":"rops-torun","kind":"retraction","retracts":"m9","reason":"typo"}"#, "\n",
//! );
//! let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
//! let outcome = read_all(facts.as_bytes(), Format::JsonLines, OnError::Stop, &key)?;
//! let mut check = FactCheck::new(&project, None);
//! let mut findings = Vec::new();
//! for fact in &outcome.facts {
//!     findings.extend(check.check(fact));
//! }
//! findings.extend(check.finish());
//! let codes: Vec<&str> = findings.iter().map(|f| f.code).collect();
//! assert_eq!(codes, ["fact.unknown-group", "fact.retraction-unknown"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::facts::{Fact, FactKind, What};
use crate::period::{YearMonth, polish_date};
use crate::project::Project;
use crate::territory::{Register, TerytCode};
use crate::validate::{Finding, Severity};
use chrono::{Datelike, NaiveDate};

/// Checks facts, one at a time, against a project.
///
/// It keeps one 64-bit content hash per id seen, so that a reused id and a
/// retraction of an unknown id can be found; everything else is checked on
/// the fact alone.
#[derive(Debug)]
pub struct FactCheck<'p> {
    project: &'p Project,
    register: Option<&'p Register>,
    seen: HashMap<String, u64>,
    /// Retractions in file order: (retraction id, retracted id).
    retractions: Vec<(String, String)>,
}

impl<'p> FactCheck<'p> {
    /// A check against `project`; with a `register`, territory codes are also
    /// looked up in the official TERC register.
    pub fn new(project: &'p Project, register: Option<&'p Register>) -> FactCheck<'p> {
        FactCheck {
            project,
            register,
            seen: HashMap::new(),
            retractions: Vec::new(),
        }
    }

    /// The findings about one fact, in a fixed order: id, organisation, date,
    /// territory, then the fields of its kind.
    pub fn check(&mut self, fact: &Fact) -> Vec<Finding> {
        let mut out = Vec::new();
        let path = format!("facts[{}]", fact.id);
        let mut push = |code: &'static str, severity: Severity, message: String| {
            out.push(Finding {
                code,
                severity,
                path: path.clone(),
                message,
            });
        };

        let mut hasher = DefaultHasher::new();
        fact.hash(&mut hasher);
        let content = hasher.finish();
        match self.seen.entry(fact.id.clone()) {
            Entry::Occupied(stored) if *stored.get() != content => push(
                "fact.id-conflict",
                Severity::Error,
                format!(
                    "id {:?} is used again with other content; expected each id once (retract the fact and record a new one)",
                    fact.id
                ),
            ),
            Entry::Occupied(_) => push(
                "fact.duplicate",
                Severity::Info,
                format!(
                    "fact {:?} appears again with the same content; it counts once",
                    fact.id
                ),
            ),
            Entry::Vacant(slot) => {
                slot.insert(content);
            }
        }

        let p = self.project;
        if p.organisation(&fact.recorded_by).is_none() {
            push(
                "fact.unknown-organisation",
                Severity::Error,
                format!(
                    "recorded by {:?}, which is not an organisation of the project; expected one of: {}",
                    fact.recorded_by,
                    choices(p.organisations.iter().map(|o| o.id.as_str()))
                ),
            );
        }

        if let Some(version) = p.version_in_force(fact.date)
            && !version.period.contains(fact.date)
        {
            push(
                "fact.date-outside",
                Severity::Error,
                format!(
                    "dated {}, outside the project's period {} (version {:?}); expected a date within it",
                    polish_date(fact.date),
                    version.period.to_polish(),
                    version.id
                ),
            );
        }

        let territory =
            |code: &TerytCode, what: &str, push: &mut dyn FnMut(&'static str, Severity, String)| {
                let voivodeship = code.voivodeship();
                if !p
                    .territory
                    .voivodeships
                    .iter()
                    .any(|v| v.code == voivodeship)
                {
                    push(
                        "fact.territory-outside",
                        Severity::Error,
                        format!(
                            "{what} {code} is in voivodeship {voivodeship}, which is not in the project; expected a unit within: {}",
                            choices(p.territory.voivodeships.iter().map(|v| v.code.as_str()))
                        ),
                    );
                } else if let Some(register) = self.register
                    && register.get(code).is_none()
                {
                    push(
                        "fact.territory-unknown",
                        Severity::Error,
                        format!(
                            "{what} {code} is not in the TERC register; expected an official code"
                        ),
                    );
                }
            };
        if let Some(code) = &fact.territory {
            territory(code, "territory", &mut push);
        }

        match &fact.what {
            What::Meeting { group, led_by, .. } => {
                if let Some(code) = group
                    && p.group_kind(code).is_none()
                {
                    push(
                        "fact.unknown-group",
                        Severity::Error,
                        format!(
                            "a meeting of group {code:?}, which the project does not form; expected one of: {}",
                            choices(p.groups.iter().map(|g| g.code.as_str()))
                        ),
                    );
                }
                for org in led_by {
                    if p.organisation(org).is_none() {
                        push(
                            "fact.unknown-organisation",
                            Severity::Error,
                            format!(
                                "led by {org:?}, which is not an organisation of the project; expected one of: {}",
                                choices(p.organisations.iter().map(|o| o.id.as_str()))
                            ),
                        );
                    }
                }
            }
            What::Coaching { role, .. }
            | What::Support {
                role: Some(role), ..
            } => {
                if !p.roles.iter().any(|r| &r.id == role) {
                    push(
                        "fact.unknown-role",
                        Severity::Error,
                        format!(
                            "role {role:?} is not a role of the project; expected one of: {}",
                            choices(p.roles.iter().map(|r| r.id.as_str()))
                        ),
                    );
                }
            }
            What::Agreement { sector, .. } => {
                if !p.sectors.iter().any(|s| &s.id == sector) {
                    push(
                        "fact.unknown-sector",
                        Severity::Error,
                        format!(
                            "sector {sector:?} is not a sector of the project; expected one of: {}",
                            choices(p.sectors.iter().map(|s| s.id.as_str()))
                        ),
                    );
                }
            }
            What::Pilot { jst } | What::DiPlan { jst } => {
                territory(jst, "JST", &mut push);
            }
            What::Expenditure { partner, .. } => {
                if p.organisation(partner).is_none() {
                    push(
                        "fact.unknown-organisation",
                        Severity::Error,
                        format!(
                            "spent by {partner:?}, which is not an organisation of the project; expected one of: {}",
                            choices(p.organisations.iter().map(|o| o.id.as_str()))
                        ),
                    );
                }
            }
            What::Retraction { retracts, .. } => {
                self.retractions.push((fact.id.clone(), retracts.clone()));
            }
            What::Support { role: None, .. }
            | What::Deliverable { .. }
            | What::Qualification { .. } => {}
        }
        out
    }

    /// The findings that need the whole file: retractions of ids that no fact
    /// has. Call it once, after the last fact.
    pub fn finish(&mut self) -> Vec<Finding> {
        let retractions = std::mem::take(&mut self.retractions);
        retractions
            .into_iter()
            .filter(|(_, target)| !self.seen.contains_key(target))
            .map(|(id, target)| Finding {
                code: "fact.retraction-unknown",
                severity: Severity::Error,
                path: format!("facts[{id}]"),
                message: format!(
                    "retracts {target:?}, but no fact has that id; expected the id of a recorded fact"
                ),
            })
            .collect()
    }
}

fn choices<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let all: Vec<&str> = ids.collect();
    if all.is_empty() {
        "(none)".to_owned()
    } else {
        all.join(", ")
    }
}

/// Counts of facts by kind, by month and by voivodeship.
///
/// Retractions are counted as facts of their own kind; the facts they retract
/// are still counted (this is a summary of the file, not of what counts
/// towards indicators: the engine's report gives that).
///
/// ```
/// use kooperacja_core::fact_check::FactSummary;
/// use kooperacja_core::facts::{read_all, Format, OnError, FactKind};
///
/// let text = concat!(
///     r#"{"id":"p1","date":"2020-02-01","by":"umk","territory":"0410","kind":"pilot","jst":"0410"}"#, "\n",
///     r#"{"id":"p2","date":"2020-02-15","by":"umk","territory":"2003","kind":"pilot","jst":"2003"}"#, "\n",
/// );
/// let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
/// let facts = read_all(text.as_bytes(), Format::JsonLines, OnError::Stop, &key)?.facts;
/// let mut summary = FactSummary::default();
/// facts.iter().for_each(|f| summary.add(f));
/// assert_eq!(summary.total, 2);
/// assert_eq!(summary.by_kind[&FactKind::Pilot], 2);
/// assert_eq!(summary.by_voivodeship.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactSummary {
    /// All facts.
    pub total: u64,
    /// The first and the last date.
    pub first: Option<NaiveDate>,
    /// The last date.
    pub last: Option<NaiveDate>,
    /// By kind.
    pub by_kind: BTreeMap<FactKind, u64>,
    /// By calendar month of the fact's date.
    pub by_month: BTreeMap<YearMonth, u64>,
    /// By the voivodeship (2-digit TERYT code) of the fact's territory; facts
    /// without territory are counted under `None`.
    pub by_voivodeship: BTreeMap<Option<TerytCode>, u64>,
}

impl FactSummary {
    /// Counts one fact.
    pub fn add(&mut self, fact: &Fact) {
        self.total += 1;
        self.first = Some(self.first.map_or(fact.date, |d| d.min(fact.date)));
        self.last = Some(self.last.map_or(fact.date, |d| d.max(fact.date)));
        *self.by_kind.entry(fact.what.kind()).or_default() += 1;
        let month = YearMonth {
            year: fact.date.year(),
            month: fact.date.month(),
        };
        *self.by_month.entry(month).or_default() += 1;
        let voivodeship = fact
            .territory
            .as_ref()
            .or(match &fact.what {
                What::Pilot { jst } | What::DiPlan { jst } => Some(jst),
                _ => None,
            })
            .map(TerytCode::voivodeship);
        *self.by_voivodeship.entry(voivodeship).or_default() += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Format, OnError, read_all};

    const PROJECT: &str = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
    const TERC: &str = include_str!("../../../fixtures/teryt/TERC_Urzedowy_2025-11-18.csv");

    fn codes(lines: &[&str], register: Option<&Register>) -> Vec<Vec<&'static str>> {
        let project = Project::parse(PROJECT).expect("fixture parses");
        let text = lines.join("\n");
        let key = crate::pseudonym::PseudonymKey::from_bytes([0; 32]);
        let facts = read_all(text.as_bytes(), Format::JsonLines, OnError::Stop, &key)
            .expect("facts read")
            .facts;
        let mut check = FactCheck::new(&project, register);
        let mut out: Vec<Vec<&'static str>> = facts
            .iter()
            .map(|f| check.check(f).iter().map(|x| x.code).collect())
            .collect();
        out.push(check.finish().iter().map(|x| x.code).collect());
        out
    }

    #[test]
    fn a_reused_id_is_a_conflict_unless_the_content_is_the_same() {
        let model = r#"{"id":"d1","date":"2019-03-20","by":"umk","kind":"deliverable","deliverable":"model","title":"Model"}"#;
        let other = r#"{"id":"d1","date":"2019-03-21","by":"umk","kind":"deliverable","deliverable":"model","title":"Model"}"#;
        assert_eq!(
            codes(&[model, model, other], None),
            [
                vec![],
                vec!["fact.duplicate"],
                vec!["fact.id-conflict"],
                vec![]
            ]
        );
    }

    #[test]
    fn roles_sectors_and_partners_must_be_the_projects() {
        let lines = [
            r#"{"id":"c1","date":"2018-10-01","by":"umk","territory":"04","kind":"coaching","person":"p1","form":"individual","role":"astronaut"}"#,
            r#"{"id":"a1","date":"2018-10-01","by":"rops-torun","territory":"04","kind":"agreement","institution":"i1","name":"Szkoła","sector":"space"}"#,
            r#"{"id":"e1","date":"2018-10-01","by":"umk","kind":"expenditure","partner":"acme","amount":"10.00","category":"x"}"#,
        ];
        assert_eq!(
            codes(&lines, None),
            [
                vec!["fact.unknown-role"],
                vec!["fact.unknown-sector"],
                vec!["fact.unknown-organisation"],
                vec![]
            ]
        );
    }

    #[test]
    fn territory_is_checked_against_the_project_and_the_register() {
        let register = Register::parse_terc(TERC).expect("register");
        let lines = [
            // In a voivodeship of the project and in the register.
            r#"{"id":"p1","date":"2019-10-01","by":"umk","kind":"pilot","jst":"0410"}"#,
            // In a voivodeship of the project, but no such powiat.
            r#"{"id":"p2","date":"2019-10-01","by":"umk","kind":"pilot","jst":"0499"}"#,
            // Małopolskie (12) is not in Makroregion II.
            r#"{"id":"p3","date":"2019-10-01","by":"umk","territory":"1261","kind":"pilot","jst":"1261"}"#,
        ];
        assert_eq!(
            codes(&lines, Some(&register)),
            [
                vec![],
                vec!["fact.territory-unknown"],
                vec!["fact.territory-outside", "fact.territory-outside"],
                vec![]
            ]
        );
    }
}
