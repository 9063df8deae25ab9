//! Who may write what: the leader anywhere in its project; a partner with a
//! voivodeship only facts in it, in its own name; a partner with no territory
//! (a university) only facts of the kinds that name no place or local body.
//!
//! The rules know no kind by name: kinds are the project's
//! ([`Vocabulary`]). What they look at is the type of each field a kind
//! declares. A field of type `jst`, `group` or `institution` ties a fact to a
//! unit of the territory, a group (which works in one) or a local body; a
//! partner with no territory in the project answers for none, so it records
//! only kinds without such fields (in the seed projects: deliverables,
//! coaching and qualifications; of the built-in kinds: participants' entries
//! and exits, its own spending, transfers, retractions). A partner
//! with a voivodeship gives every fact but a retraction a territory within it,
//! and every `jst` value of the fact lies in it too.

use kooperacja_core::facts::{Fact, Value, What};
use kooperacja_core::organisation::PartnerRole;
use kooperacja_core::present::message;
use kooperacja_core::project::Project;
use kooperacja_core::territory::TerytCode;
use kooperacja_core::vocabulary::{FactKindDecl, FieldType, Vocabulary};

use crate::problem::Problem;

/// The organisation a request acts for, from its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The organisation's id.
    pub org: String,
    /// Leader or partner.
    pub role: PartnerRole,
    /// The voivodeship it is responsible for, if any.
    pub voivodeship: Option<TerytCode>,
    /// The token's id in the database; `None` for the start-up import.
    pub token: Option<i64>,
}

impl Actor {
    /// The actor of an organisation of `project`, if it is one.
    pub fn of(project: &Project, org: &str, token: Option<i64>) -> Option<Actor> {
        let o = project.organisation(org)?;
        Some(Actor {
            org: o.id.clone(),
            role: o.role,
            voivodeship: o.voivodeship.clone(),
            token,
        })
    }

    /// Whether this is the project's leader.
    pub fn is_leader(&self) -> bool {
        self.role == PartnerRole::Leader
    }

    /// Whether the actor may write `fact`; a 403 problem naming the field if not.
    ///
    /// For a retraction this checks the retraction itself; the writer checks
    /// the retracted fact with [`Actor::may_write`] too.
    pub fn may_write(&self, project: &Project, fact: &Fact) -> Result<(), Problem> {
        if self.is_leader() {
            return Ok(());
        }
        if fact.recorded_by != self.org {
            return Err(Problem::forbidden_said(
                message::PARTNER_OWN_NAME,
                &[
                    &format_args!("{:?}", self.org),
                    &format_args!("{:?}", fact.recorded_by),
                ],
            )
            .at("/by"));
        }
        if let What::Expenditure { partner, .. } = &fact.what
            && partner != &self.org
        {
            return Err(Problem::forbidden_said(
                message::PARTNER_OWN_SPENDING,
                &[
                    &format_args!("{:?}", self.org),
                    &format_args!("{partner:?}"),
                ],
            )
            .at("/partner"));
        }
        let kind = fact.kind();
        let vocabulary = project.vocabulary();
        match &self.voivodeship {
            None => {
                let placed = vocabulary.kind(kind).is_some_and(names_a_place);
                if placed {
                    return Err(Problem::forbidden_said(
                        message::NO_TERRITORY_KIND,
                        &[&self.org, &kind],
                    )
                    .at("/kind"));
                }
                Ok(())
            }
            Some(voivodeship) => {
                let inside = |code: &TerytCode| code.is_within(voivodeship);
                match &fact.territory {
                    Some(code) if !inside(code) => {
                        return Err(Problem::forbidden_said(
                            message::TERRITORY_OUTSIDE_VOIVODESHIP,
                            &[&self.org, voivodeship, code],
                        )
                        .at("/territory"));
                    }
                    None if !fact.what.is_retraction() => {
                        return Err(Problem::forbidden_said(
                            message::TERRITORY_REQUIRED,
                            &[&self.org, voivodeship],
                        )
                        .at("/territory"));
                    }
                    _ => {}
                }
                if let Some((field, jst)) = jst_values(vocabulary, fact).find(|(_, j)| !inside(j)) {
                    return Err(Problem::forbidden_said(
                        message::JST_OUTSIDE_VOIVODESHIP,
                        &[&self.org, voivodeship, jst],
                    )
                    .at(format!("/{field}")));
                }
                Ok(())
            }
        }
    }
}

/// Whether a kind ties its facts to a place a partner answers for: it has a
/// field of type `jst`, `group` or `institution`.
pub fn names_a_place(kind: &FactKindDecl) -> bool {
    kind.fields.iter().any(|f| {
        matches!(
            f.field_type,
            FieldType::Jst | FieldType::Group | FieldType::Institution
        )
    })
}

/// Every JST a fact names, in its fields of type `jst` (lists included), with
/// the field's id.
fn jst_values<'a>(
    vocabulary: &'a Vocabulary,
    fact: &'a Fact,
) -> impl Iterator<Item = (&'a str, &'a TerytCode)> + 'a {
    let fields = fact.what.fields();
    vocabulary
        .kind(fact.kind())
        .into_iter()
        .flat_map(|k| k.fields.iter())
        .filter(|f| f.field_type == FieldType::Jst)
        .filter_map(move |f| Some((f.id.as_str(), fields?.get(&f.id)?)))
        .flat_map(|(id, value)| {
            value.items().iter().filter_map(move |v| match v {
                Value::Jst(code) => Some((id, code)),
                _ => None,
            })
        })
}
