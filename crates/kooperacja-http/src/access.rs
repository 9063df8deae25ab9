//! Who may write what: the leader anywhere in its project; a partner with a
//! voivodeship only facts in it, in its own name; a partner with no territory
//! (a university) only its own deliverables and coaching.

use kooperacja_core::facts::{Fact, FactKind, What};
use kooperacja_core::organisation::PartnerRole;
use kooperacja_core::present::message;
use kooperacja_core::project::Project;
use kooperacja_core::territory::TerytCode;

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
    pub fn may_write(&self, fact: &Fact) -> Result<(), Problem> {
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
        let kind = fact.what.kind();
        match &self.voivodeship {
            None => {
                if !matches!(
                    kind,
                    FactKind::Deliverable | FactKind::Coaching | FactKind::Retraction
                ) {
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
                    None if kind != FactKind::Retraction => {
                        return Err(Problem::forbidden_said(
                            message::TERRITORY_REQUIRED,
                            &[&self.org, voivodeship],
                        )
                        .at("/territory"));
                    }
                    _ => {}
                }
                if let What::Pilot { jst } | What::DiPlan { jst } = &fact.what
                    && !inside(jst)
                {
                    return Err(Problem::forbidden_said(
                        message::JST_OUTSIDE_VOIVODESHIP,
                        &[&self.org, voivodeship, jst],
                    )
                    .at("/jst"));
                }
                Ok(())
            }
        }
    }
}
