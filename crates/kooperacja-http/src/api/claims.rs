//! The payment claims (wnioski o płatność): the claim schedule with where
//! each claim stands, a claim (filed: exactly as frozen; else the draft core's
//! [`ClaimBook`] computes from the stored facts), and the leader's filing.
//!
//! Every figure comes from core. What this module adds is the store: a filed
//! claim is kept as the JSON answered when it was filed, and every later read
//! answers those bytes, whatever facts arrive since (a retraction of a fact
//! it counted shows as a correction in the next claim, core's rule). Claims
//! hold per-sex counts without small-cell suppression (they are for the
//! institution), so every claim endpoint takes a token.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use kooperacja_core::claim::{ClaimBook, ClaimError, ClaimKind, ClaimStatus};
use kooperacja_core::facts::Fact;
use kooperacja_core::money::Amount;
use kooperacja_core::period::Period;
use kooperacja_core::present::{Lang, label};
use kooperacja_core::validate::Severity;
use serde::Serialize;
use utoipa::ToSchema;

use super::{blocking, path, project, required_actor, today};
use crate::access::Actor;
use crate::apidoc::refs;
use crate::app::AppState;
use crate::problem::{Problem, ProblemFinding};
use crate::state::ProjectState;
use crate::store::{self, ClaimStore, Filing, StoredClaim};
use crate::writer::{AuditRow, result_word};

type AppRef = State<Arc<AppState>>;

/// The claim schedule (harmonogram płatności) with where each claim stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimSchedule {
    /// The project's id.
    pub project: String,
    /// The periods of the schedule, in order, each with its claim's status;
    /// empty when the project states no schedule.
    pub claims: Vec<ScheduledClaim>,
}

/// One period of the claim schedule and where its claim stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScheduledClaim {
    /// The claim's number in the schedule.
    pub number: u32,
    /// The reporting period.
    #[schema(schema_with = refs::period)]
    pub period: Period,
    /// The claim's kinds (`advance`, `refund`, `settlement`, `reporting`, `final`).
    #[schema(schema_with = refs::claim_kinds)]
    pub kinds: Vec<ClaimKind>,
    /// The expenditure the schedule plans for the period, if it says.
    #[schema(schema_with = refs::amount_or_null)]
    pub planned_expenditure: Option<Amount>,
    /// The advance the schedule plans to ask for, if it says.
    #[schema(schema_with = refs::amount_or_null)]
    pub planned_advance: Option<Amount>,
    /// Where the claim stands: `draft` until filed.
    #[schema(schema_with = refs::claim_status)]
    pub status: ClaimStatus,
    /// The day it was filed, once filed.
    #[schema(value_type = Option<String>, format = Date)]
    pub filed_on: Option<NaiveDate>,
    /// The organisation whose token filed it, once filed.
    pub filed_by: Option<String>,
}

/// The schedule of `project` with the stored claims' statuses.
pub fn schedule(project: &ProjectState, filed: &[StoredClaim]) -> ClaimSchedule {
    let claims = project
        .project
        .payment_schedule
        .iter()
        .map(|planned| {
            let stored = filed.iter().find(|c| c.number == planned.number);
            ScheduledClaim {
                number: planned.number,
                period: planned.period,
                kinds: planned.kinds.clone(),
                planned_expenditure: planned.planned_expenditure,
                planned_advance: planned.planned_advance,
                status: stored.map_or(ClaimStatus::Draft, |c| c.status),
                filed_on: stored.map(|c| c.filed_on),
                filed_by: stored.map(|c| c.filed_by.clone()),
            }
        })
        .collect();
    ClaimSchedule {
        project: project.id().to_owned(),
        claims,
    }
}

/// The claims of a project filed so far, from the readers.
pub fn filed_claims(state: &AppState, project: &str) -> Result<Vec<StoredClaim>, Problem> {
    Ok(state.readers.with(|c| c.filed_claims(project))?)
}

/// Core's claim book over every stored fact of `project`.
pub fn book(state: &AppState, project: &ProjectState) -> Result<Arc<ClaimBook>, Problem> {
    project.claim_book(|| {
        let vocabulary = project.project.vocabulary();
        let mut facts: Vec<Fact> = Vec::new();
        state
            .readers
            .with(|c| {
                store::each_fact(c, project.id(), |row| {
                    store::fact_of(row.body, vocabulary).map(|fact| facts.push(fact))
                })
            })?
            .map_err(|e| {
                Problem::internal_said(
                    kooperacja_core::present::message::STORED_FACT_CANNOT_BE_READ,
                    &[&e],
                )
            })?;
        Ok(facts)
    })
}

/// The filed claims as core takes them.
fn as_filed(stored: &[StoredClaim]) -> Result<Vec<kooperacja_core::claim::FiledClaim>, Problem> {
    stored
        .iter()
        .map(|c| c.filed().map_err(Problem::internal))
        .collect()
}

/// The problem a claim error answers for claim `number` of `project`.
fn claim_problem(project: &ProjectState, number: u32, error: &ClaimError) -> Problem {
    let id = project.id();
    match error {
        ClaimError::NoSchedule => {
            Problem::not_found_said(label::NO_PAYMENT_SCHEDULE, &[&id]).param("n")
        }
        ClaimError::UnknownPeriod { .. } => {
            let numbers: Vec<String> = project
                .project
                .payment_schedule
                .iter()
                .map(|p| p.number.to_string())
                .collect();
            Problem::not_found_said(label::NO_SUCH_CLAIM, &[&id, &number, &numbers.join(", ")])
                .param("n")
        }
        ClaimError::AlreadyFiled { .. } => Problem::said(
            StatusCode::CONFLICT,
            "claim-not-filed",
            label::CLAIM_FILED_ALREADY,
            &[&number, &id],
        ),
        ClaimError::NotInOrder { missing, .. } => Problem::said(
            StatusCode::CONFLICT,
            "claim-not-filed",
            label::CLAIM_EARLIER_NOT_FILED,
            &[&number, missing],
        ),
        ClaimError::Rejected { codes, .. } => Problem::said(
            StatusCode::UNPROCESSABLE_ENTITY,
            "claim-rejected",
            label::CLAIM_WOULD_BE_REJECTED,
            &[&number, &codes.join(", ")],
        ),
        other => Problem::internal_said(label::CLAIM_CANNOT_BE_COMPUTED, &[&number, other]),
    }
}

/// 404 unless the project's schedule has claim `number` (checked before any
/// computation: a number not in the schedule costs no claim book).
fn scheduled(project: &ProjectState, number: u32) -> Result<(), Problem> {
    let schedule = &project.project.payment_schedule;
    if schedule.is_empty() {
        return Err(claim_problem(project, number, &ClaimError::NoSchedule));
    }
    if schedule.iter().any(|p| p.number == number) {
        return Ok(());
    }
    let last = schedule.iter().map(|p| p.number).max().unwrap_or_default();
    Err(claim_problem(
        project,
        number,
        &ClaimError::UnknownPeriod { number, last },
    ))
}

/// A JSON response of bytes already rendered.
fn json_body(status: StatusCode, body: impl Into<Bytes>) -> Response {
    let mut response = (status, body.into()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The claim schedule (harmonogram płatności): every period with its kinds,
/// its planned amounts and where its claim stands (`draft` until the leader
/// files it). Needs a token of any organisation of the project.
#[utoipa::path(get, path = "/v1/projects/{id}/claims", tag = "claims",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii")),
    responses((status = 200, description = "The claim schedule", body = ClaimSchedule)),
    security(("bearer" = [])))]
pub async fn list_claims(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let project = project(&state, &path(id)?)?;
    required_actor(&state, &headers, &project)?;
    let s = state.clone();
    let p = project.clone();
    let listed = blocking(move || Ok(schedule(&p, &filed_claims(&s, p.id())?))).await?;
    crate::api::reads::json(StatusCode::OK, &listed)
}

/// One payment claim: a filed claim exactly as it was filed (the same bytes
/// every time, whatever facts arrived since); a claim not filed yet as the
/// draft core computes from the stored facts now, with corrections of the
/// claims filed before it. Needs a token of any organisation of the project
/// (a claim gives counts of persons by sex, unsuppressed).
#[utoipa::path(get, path = "/v1/projects/{id}/claims/{n}", tag = "claims",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"),
        ("n" = u32, Path, description = "The claim's number in the schedule", minimum = 0, example = 1)),
    responses((status = 200, description = "The claim (core's Claim)", body = crate::apidoc::ClaimDoc)),
    security(("bearer" = [])))]
pub async fn get_claim(
    State(state): AppRef,
    ids: Result<Path<(String, u32)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let (id, number) = path(ids)?;
    let project = project(&state, &id)?;
    required_actor(&state, &headers, &project)?;
    scheduled(&project, number)?;
    let s = state.clone();
    let body = blocking(move || {
        let stored = filed_claims(&s, project.id())?;
        if let Some(frozen) = stored.iter().find(|c| c.number == number) {
            return Ok(Bytes::from(frozen.claim.clone()));
        }
        let filed = as_filed(&stored)?;
        let claim = book(&s, &project)?
            .claim(number, &filed)
            .map_err(|e| claim_problem(&project, number, &e))?;
        let body = serde_json::to_vec(&claim).map_err(|e| {
            Problem::internal_said(
                kooperacja_core::present::message::CANNOT_WRITE_RESPONSE,
                &[&e],
            )
        })?;
        Ok(Bytes::from(body))
    })
    .await?;
    Ok(json_body(StatusCode::OK, body))
}

/// Files claim `n` (the leader only): the draft as core computes it now is
/// frozen and stored, and answered; from then on `GET …/claims/{n}` answers
/// exactly these bytes. Refused with 409 when it is filed already or an
/// earlier claim of the schedule is not, and with 422 when it has findings
/// the central system would reject it for (listed under `findings`). The day
/// of filing is today, by the server's clock. The request has no body.
#[utoipa::path(post, path = "/v1/projects/{id}/claims/{n}/submission", tag = "claims",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"),
        ("n" = u32, Path, description = "The claim's number in the schedule", minimum = 0, example = 1)),
    responses((status = 201, description = "Filed now: the claim as frozen (core's Claim)", body = crate::apidoc::ClaimDoc)),
    security(("bearer" = [])))]
pub async fn post_submission(
    State(state): AppRef,
    ids: Result<Path<(String, u32)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let (id, number) = path(ids)?;
    let project = project(&state, &id)?;
    let actor = required_actor(&state, &headers, &project)?;
    match file(&state, &project, &actor, number).await {
        Ok(response) => Ok(response),
        Err(Refusal::Audited(problem)) => Err(problem),
        Err(Refusal::Before(problem)) => {
            // Refused before the writer: audited now, as a refused fact is,
            // with the codes of the findings that blocked it.
            let mut detail = label::CLAIM_NUMBERED.fill(Lang::En, &[&number]);
            let codes: Vec<&str> = problem.findings.iter().map(|f| f.code.as_str()).collect();
            if !codes.is_empty() {
                detail = format!("{detail}: {}", codes.join(", "));
            }
            let row = AuditRow {
                project: project.id().to_owned(),
                actor,
                action: "file-claim",
                fact_id: None,
                result: result_word(&problem),
                status: problem.status,
                detail: Some(detail),
            };
            state.writer.audit(vec![row]).await?;
            Err(problem)
        }
    }
}

/// Why a filing was refused: before the writer (to be audited), or by it
/// (audited in its transaction).
enum Refusal {
    Before(Problem),
    Audited(Problem),
}

impl From<Problem> for Refusal {
    fn from(problem: Problem) -> Refusal {
        Refusal::Before(problem)
    }
}

/// Files claim `number` for `actor`: see [`post_submission`].
async fn file(
    state: &Arc<AppState>,
    project: &Arc<ProjectState>,
    actor: &Actor,
    number: u32,
) -> Result<Response, Refusal> {
    if !actor.is_leader() {
        return Err(Problem::forbidden_said(
            label::CLAIMS_FILED_BY_THE_LEADER_ONLY,
            &[&project.id()],
        )
        .into());
    }
    scheduled(project, number)?;
    let s = state.clone();
    let p = project.clone();
    let by = actor.org.clone();
    let stored = blocking(move || {
        let stored = filed_claims(&s, p.id())?;
        let filed = as_filed(&stored)?;
        let book = book(&s, &p)?;
        let on = today();
        let frozen = match book.file(number, on, &filed) {
            Ok(frozen) => frozen,
            Err(e @ ClaimError::Rejected { .. }) => {
                let mut problem = claim_problem(&p, number, &e);
                // The blocking findings, as the draft has them.
                if let Ok(draft) = book.claim(number, &filed) {
                    problem.findings = draft
                        .findings
                        .iter()
                        .filter(|f| f.severity == Severity::Error)
                        .map(|f| ProblemFinding {
                            code: f.code.to_owned(),
                            severity: f.severity.name().to_owned(),
                            message: f.message.clone(),
                        })
                        .collect();
                }
                return Err(problem);
            }
            Err(e) => return Err(claim_problem(&p, number, &e)),
        };
        let claim = serde_json::to_string(&frozen.claim).map_err(|e| {
            Problem::internal_said(
                kooperacja_core::present::message::CANNOT_WRITE_RESPONSE,
                &[&e],
            )
        })?;
        Ok(StoredClaim {
            number,
            status: frozen.claim.status,
            filed_on: frozen.claim.filed_on.unwrap_or(on),
            claim,
            counted: frozen.counted,
            filed_at: store::now(),
            filed_by: by,
        })
    })
    .await?;
    let earlier: Vec<u32> = project
        .project
        .payment_schedule
        .iter()
        .map(|p| p.number)
        .take_while(|n| *n != number)
        .collect();
    let body = stored.claim.clone();
    match state
        .writer
        .file_claim(project.id(), actor.clone(), stored, earlier)
        .await
        .map_err(Refusal::Audited)?
    {
        Filing::Filed => {
            let mut response = json_body(StatusCode::CREATED, body);
            if let Ok(location) = HeaderValue::from_str(&format!(
                "/v1/projects/{}/claims/{number}",
                crate::api::encode_segment(project.id())
            )) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            Ok(response)
        }
        Filing::AlreadyFiled => Err(Refusal::Audited(claim_problem(
            project,
            number,
            &ClaimError::AlreadyFiled { number },
        ))),
        Filing::Missing(missing) => Err(Refusal::Audited(claim_problem(
            project,
            number,
            &ClaimError::NotInOrder { number, missing },
        ))),
    }
}
