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
//! let outcome = read_all(facts.as_bytes(), Format::JsonLines, OnError::Stop, project.vocabulary(), &key)?;
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

use std::collections::BTreeMap;

use crate::admission::{Admission, Defect, Verdict};
use crate::facts::{Fact, Value, What};
use crate::period::YearMonth;
use crate::project::Project;
use crate::territory::{Register, TerytCode};
use crate::validate::{Finding, Severity};
use chrono::{Datelike, NaiveDate};

/// Checks facts, one at a time, against a project.
///
/// It decides with the same [`Admission`] the engine uses, so a fact it
/// reports an error for is exactly a fact the report counts as excluded,
/// under the same code. Each defect is one finding, naming every field that
/// carries it; a repeat of a fact already seen is one `fact.duplicate` info.
#[derive(Debug)]
pub struct FactCheck<'p> {
    project: &'p Project,
    register: Option<&'p Register>,
    admission: Admission,
    /// The participants of the entries counted so far, so that `finish`
    /// names the records missing a required datum.
    participants: crate::participant::Registry,
}

fn finding(id: &str, defect: Defect) -> Finding {
    Finding {
        code: defect.reason.code(),
        severity: Severity::Error,
        path: format!("facts[{id}]"),
        message: defect.message,
    }
}

impl<'p> FactCheck<'p> {
    /// A check against `project`; with a `register`, territory codes are also
    /// looked up in the official TERC register.
    pub fn new(project: &'p Project, register: Option<&'p Register>) -> FactCheck<'p> {
        FactCheck {
            project,
            register,
            admission: Admission::new(),
            participants: crate::participant::Registry::new(project.participants()),
        }
    }

    /// The findings about one fact: one error per defect, in the order of
    /// [`Reason::ALL`](crate::admission::Reason::ALL) (id, organisation,
    /// date, territory, then the fields of its kind), or one info for a
    /// repeat.
    pub fn check(&mut self, fact: &Fact) -> Vec<Finding> {
        self.check_fields(fact)
            .into_iter()
            .map(|(finding, _)| finding)
            .collect()
    }

    /// The findings of [`check`](FactCheck::check), each with the fields
    /// that carry it, as files name them (`["territory", "jst"]`; none for a
    /// repeat), so that a reader can point at the cell to blame.
    ///
    /// ```
    /// use kooperacja_core::fact_check::FactCheck;
    /// use kooperacja_core::facts::parse_json_fact;
    /// use kooperacja_core::project::Project;
    /// use kooperacja_core::pseudonym::PseudonymKey;
    /// let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
    /// let key = PseudonymKey::from_bytes([0; 32]);
    /// let fact = parse_json_fact(r#"{"id":"m1","date":"2019-02-05","by":"acme","kind":"meeting","group":"RGR"}"#, project.vocabulary(), &key)?;
    /// let found = FactCheck::new(&project, None).check_fields(&fact);
    /// assert_eq!(found[0].0.code, "fact.unknown-organisation");
    /// assert_eq!(found[0].1, ["by"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_fields(&mut self, fact: &Fact) -> Vec<(Finding, Vec<String>)> {
        match self
            .admission
            .admit(self.project, self.register, fact)
            .verdict
        {
            Verdict::Excluded(defects) => defects
                .into_iter()
                .map(|d| {
                    let fields = d.fields.clone();
                    (finding(&fact.id, d), fields)
                })
                .collect(),
            Verdict::Duplicate => vec![(
                Finding {
                    code: "fact.duplicate",
                    severity: Severity::Info,
                    path: format!("facts[{}]", fact.id),
                    message: format!(
                        "fact {:?} appears again with the same content; it counts once",
                        fact.id
                    ),
                },
                Vec::new(),
            )],
            Verdict::Counted { .. } => {
                if let Some(entry) = crate::participant::Entry::of_fact(fact) {
                    self.participants.enter(entry);
                }
                Vec::new()
            }
            Verdict::Retraction { .. } => {
                if let What::Retraction { retracts, .. } = &fact.what {
                    self.participants.retract(retracts);
                }
                Vec::new()
            }
        }
    }

    /// The findings that need the whole file: retractions of ids that no fact
    /// has, retractions of facts that turned out to be retractions, and
    /// (`participant.incomplete`, by the fact id of the first entry, never the
    /// person) the participants whose first entry lacks a datum
    /// `[participants] required` names. Call it once, after the last fact.
    pub fn finish(&mut self) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .admission
            .finish()
            .into_iter()
            .map(|(id, d)| finding(&id, d))
            .collect();
        findings.extend(
            self.participants
                .incomplete()
                .iter()
                .map(crate::participant::Incomplete::finding),
        );
        findings
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
/// use kooperacja_core::facts::{read_all, Format, OnError};
/// use kooperacja_core::project::Project;
///
/// let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
/// let text = concat!(
///     r#"{"id":"p1","date":"2020-02-01","by":"umk","territory":"0410","kind":"pilot","jst":"0410"}"#, "\n",
///     r#"{"id":"p2","date":"2020-02-15","by":"umk","territory":"2003","kind":"pilot","jst":"2003"}"#, "\n",
/// );
/// let key = kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]);
/// let facts = read_all(text.as_bytes(), Format::JsonLines, OnError::Stop, project.vocabulary(), &key)?.facts;
/// let mut summary = FactSummary::default();
/// facts.iter().for_each(|f| summary.add(f));
/// assert_eq!(summary.total, 2);
/// assert_eq!(summary.by_kind["pilot"], 2);
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
    pub by_kind: BTreeMap<String, u64>,
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
        *self.by_kind.entry(fact.kind().to_owned()).or_default() += 1;
        let month = YearMonth {
            year: fact.date.year(),
            month: fact.date.month(),
        };
        *self.by_month.entry(month).or_default() += 1;
        let voivodeship = fact
            .territory
            .as_ref()
            .or(match &fact.what {
                What::Fields(fields) => fields.values.iter().find_map(|(_, v)| match v {
                    Value::Jst(code) => Some(code),
                    _ => None,
                }),
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
        let facts = read_all(
            text.as_bytes(),
            Format::JsonLines,
            OnError::Stop,
            project.vocabulary(),
            &key,
        )
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
                vec!["fact.territory-outside"],
                vec![]
            ]
        );
    }
}
