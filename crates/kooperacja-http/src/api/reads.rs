//! The read endpoints: health, the dashboard, the projects and their reports.
//!
//! The report parts (`report`, `indicators`, `milestones`, `budget`, `groups`)
//! come from core's engine, never from a computation of this crate, and are
//! cached as rendered JSON per date and version until the next append.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use kooperacja_core::period::parse_date;
use kooperacja_core::present::{Lang, message};
use kooperacja_core::project::{Project, VersionKind};
use kooperacja_core::report::Report;
use kooperacja_core::territory::Level;
use serde::Serialize;
use utoipa::ToSchema;

use super::{Params, path, project, today};
use crate::apidoc::refs;
use crate::app::AppState;
use crate::dashboard;
use crate::problem::Problem;
use crate::state::{Part, ProjectState, SharedEngine};

type AppRef = State<Arc<AppState>>;
type Q = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// A JSON response from bytes already rendered.
fn json_bytes(body: Bytes) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// A JSON response of a value.
pub fn json<T: Serialize>(status: StatusCode, value: &T) -> Result<Response, Problem> {
    let body = serde_json::to_vec(value)
        .map_err(|e| Problem::internal_said(message::CANNOT_WRITE_RESPONSE, &[&e]))?;
    let mut response = json_bytes(Bytes::from(body));
    *response.status_mut() = status;
    Ok(response)
}

// ---------------------------------------------------------------------------
// health

/// The state of the process.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok` (alive) or `ready` (serving).
    pub status: String,
}

/// Whether the process is alive.
#[utoipa::path(get, path = "/healthz", tag = "operation",
    responses((status = 200, description = "The process is alive", body = Health)))]
pub async fn healthz() -> Result<Response, Problem> {
    json(
        StatusCode::OK,
        &Health {
            status: "ok".to_owned(),
        },
    )
}

/// Whether the server is ready: database open, engines rebuilt, import done.
#[utoipa::path(get, path = "/readyz", tag = "operation",
    responses((status = 200, description = "Ready to serve", body = Health)))]
pub async fn readyz(State(state): AppRef) -> Result<Response, Problem> {
    if !state.is_ready() {
        return Err(Problem::said(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            message::SERVER_STARTING,
            &[],
        ));
    }
    state
        .readers
        .with(|c| c.query_row("SELECT 1", [], |_| Ok(())))?;
    json(
        StatusCode::OK,
        &Health {
            status: "ready".to_owned(),
        },
    )
}

// ---------------------------------------------------------------------------
// dashboard

/// The dashboard: every project on a date (today by default), as an HTML
/// page (Polish; `?lang=en`). A date that is not one is refused with a 400
/// page that says so and offers the date picker again (a page for people,
/// not a problem document; it quotes nothing of the request).
#[utoipa::path(get, path = "/", tag = "dashboard",
    params(
        ("lang" = Option<String>, Query, description = "`en` for English; Polish otherwise"),
        ("as_of" = Option<String>, Query, format = Date, description = "The date to report on, like `2020-09-30` (default: today, by the server's clock)"),
    ),
    responses(
        (status = 200, description = "The dashboard page", content_type = "text/html", body = String),
        (status = 400, description = "`as_of` is not a date: a page that says so", content_type = "text/html", body = String),
    ))]
pub async fn dashboard(State(state): AppRef, query: Q) -> Result<Response, Problem> {
    let params = Params::from(query)?;
    let lang = dashboard_lang(params.get("lang"));
    let asked = params.get("as_of");
    let as_of = match asked.map(parse_date).transpose() {
        Ok(date) => date.unwrap_or_else(today),
        Err(_) => {
            let view = dashboard::View {
                lang,
                as_of: today(),
                asked: false,
            };
            let page = dashboard::bad_date(view);
            return Ok((StatusCode::BAD_REQUEST, Html(page)).into_response());
        }
    };
    let reports: Vec<Report> = state
        .projects
        .iter()
        .map(|p| {
            let mut report = read_engine(&p.engine).report(as_of);
            report.suppress_persons();
            report
        })
        .collect();
    let entries: Vec<dashboard::Entry<'_>> = state
        .projects
        .iter()
        .zip(&reports)
        .map(|(p, report)| dashboard::Entry {
            project: &p.project,
            report,
        })
        .collect();
    let view = dashboard::View {
        lang,
        as_of,
        asked: asked.is_some(),
    };
    Ok(Html(dashboard::page(&entries, view)).into_response())
}

/// The language the dashboard's `lang` parameter asks for: `en` (in any
/// case) gives English; anything else, or none, Polish.
pub(crate) fn dashboard_lang(value: Option<&str>) -> Lang {
    match value.map(|v| v.trim().to_ascii_lowercase().parse::<Lang>()) {
        Some(Ok(lang)) => lang,
        _ => Lang::default(),
    }
}

/// The claim schedule page of a project: every period of its payment
/// schedule with its kinds, planned amounts and where its claim stands
/// (draft, or filed on a day), a plain table (Polish; `?lang=en`). It shows
/// no figure of a claim, so it takes no token; the claims themselves are
/// `GET /v1/projects/{id}/claims/{n}`, with one.
#[utoipa::path(get, path = "/projects/{id}/claims", tag = "dashboard",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"),
        ("lang" = Option<String>, Query, description = "`en` for English; Polish otherwise")),
    responses(
        (status = 200, description = "The claim schedule page", content_type = "text/html", body = String),
        (status = 400, description = "The path cannot be read: a page that says so", content_type = "text/html", body = String),
        (status = 404, description = "No such project: a page that says so", content_type = "text/html", body = String),
    ))]
pub async fn claims_page(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    query: Q,
) -> Response {
    let params = Params::from(query).unwrap_or_default();
    let lang = dashboard_lang(params.get("lang"));
    let view = dashboard::View {
        lang,
        as_of: today(),
        asked: false,
    };
    let page = |status: StatusCode, body: String| (status, Html(body)).into_response();
    let p = match path(id).and_then(|id| project(&state, &id)) {
        Ok(p) => p,
        Err(problem) => {
            // The problem's title, not its detail: a page is not redacted,
            // and the detail quotes the path (a project id may be anything).
            let slug = problem
                .kind
                .strip_prefix("urn:kooperacja:problem:")
                .unwrap_or_default();
            let reason = crate::problem::title(slug).get(lang);
            return page(
                problem.status_code(),
                dashboard::claims::refused_page(view, reason),
            );
        }
    };
    let s = state.clone();
    let pid = p.id().to_owned();
    let stored = match super::blocking(move || super::claims::filed_claims(&s, &pid)).await {
        Ok(stored) => stored,
        Err(problem) => return problem.into_response(),
    };
    let rows: Vec<dashboard::claims::Row<'_>> = p
        .project
        .payment_schedule
        .iter()
        .map(|planned| {
            let filed = stored.iter().find(|c| c.number == planned.number);
            dashboard::claims::Row {
                planned,
                status: filed.map_or(kooperacja_core::claim::ClaimStatus::Draft, |c| c.status),
                filed_on: filed.map(|c| c.filed_on),
            }
        })
        .collect();
    page(
        StatusCode::OK,
        dashboard::claims::page(&p.project, &rows, view),
    )
}

fn read_engine(
    engine: &SharedEngine,
) -> std::sync::RwLockReadGuard<'_, kooperacja_core::engine::Engine> {
    engine
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

// ---------------------------------------------------------------------------
// projects

/// A project: its organisations and versions.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectInfo {
    /// The project's id.
    pub id: String,
    /// Its title, in Polish.
    pub title: String,
    /// Its title in English.
    pub title_en: Option<String>,
    /// The programme and action that fund it.
    pub programme: ProgrammeInfo,
    /// The leader and the partners.
    pub organisations: Vec<OrganisationInfo>,
    /// The agreement and its amendments, oldest first.
    pub versions: Vec<VersionInfo>,
    /// The version in force today.
    pub version_in_force: String,
    /// How many facts are stored.
    pub facts: i64,
}

/// The programme of a project.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgrammeInfo {
    /// The programme's name.
    pub name: String,
    /// Its abbreviation (`PO WER`).
    pub short: String,
    /// The action (`2.5`).
    pub action: String,
    /// The fund (`EFS`).
    pub fund: String,
}

/// An organisation of a project.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationInfo {
    /// Its id (what tokens and facts name).
    pub id: String,
    /// `leader` or `partner`.
    pub role: String,
    /// Its name.
    pub name: String,
    /// The voivodeship it answers for, if any (2-digit TERYT code).
    pub voivodeship: Option<String>,
}

/// A version of a project.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionInfo {
    /// Its id (what `?version=` takes).
    pub id: String,
    /// `agreement` or `amendment`.
    pub kind: String,
    /// A label for people.
    pub label: String,
    /// The day it took effect, if the file says (`2020-07-01`); a month
    /// (`2020-07`, in force from its first day) where the source gives only the
    /// month.
    pub in_force_from: Option<String>,
    /// The first day of the project's period in this version.
    pub start: String,
    /// The last day.
    pub end: String,
}

fn info(state: &ProjectState, facts: i64) -> ProjectInfo {
    let p = &state.project;
    ProjectInfo {
        id: p.id.clone(),
        title: p.title.clone(),
        title_en: p.title_en.clone(),
        programme: ProgrammeInfo {
            name: p.programme.name.clone(),
            short: p.programme.short.clone(),
            action: p.programme.action.clone(),
            fund: p.programme.fund.clone(),
        },
        organisations: p
            .organisations
            .iter()
            .map(|o| OrganisationInfo {
                id: o.id.clone(),
                role: match o.role {
                    kooperacja_core::organisation::PartnerRole::Leader => "leader",
                    kooperacja_core::organisation::PartnerRole::Partner => "partner",
                }
                .to_owned(),
                name: o.name.clone(),
                voivodeship: o.voivodeship.as_ref().map(|v| v.as_str().to_owned()),
            })
            .collect(),
        versions: p
            .versions
            .iter()
            .map(|v| VersionInfo {
                id: v.id.clone(),
                kind: match v.kind {
                    VersionKind::Agreement => "agreement",
                    VersionKind::Amendment => "amendment",
                }
                .to_owned(),
                label: v.label.clone(),
                in_force_from: v.in_force_from.map(|d| d.to_string()),
                start: v.period.start().to_string(),
                end: v.period.end().to_string(),
            })
            .collect(),
        version_in_force: p
            .version_in_force(today())
            .map(|v| v.id.clone())
            .unwrap_or_default(),
        facts,
    }
}

/// The number of facts stored for a project: what its engine holds (every
/// stored fact, retractions included), without a query.
fn stored(project: &ProjectState) -> i64 {
    i64::try_from(read_engine(&project.engine).len()).unwrap_or(i64::MAX)
}

/// Every project served.
#[utoipa::path(get, path = "/v1/projects", tag = "projects",
    responses((status = 200, description = "The projects", body = [ProjectInfo])))]
pub async fn list_projects(State(state): AppRef) -> Result<Response, Problem> {
    let list: Vec<ProjectInfo> = state.projects.iter().map(|p| info(p, stored(p))).collect();
    json(StatusCode::OK, &list)
}

/// One project with its versions.
#[utoipa::path(get, path = "/v1/projects/{id}", tag = "projects",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii")),
    responses((status = 200, description = "The project", body = ProjectInfo)))]
pub async fn get_project(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, Problem> {
    let p = project(&state, &path(id)?)?;
    json(StatusCode::OK, &info(&p, stored(&p)))
}

/// The JSON Schema (draft 2020-12) of the project's facts: a `oneOf` of one
/// schema per kind, the kinds the project declares and the built-in ones,
/// each with the base fields and the kind's fields typed as declared. Titles
/// (the kinds' and fields' names) are in the language the request prefers
/// (`Accept-Language`). A fact valid under it is one the server reads; core's
/// fact check (organisations, dates, territory, groups, roles) still applies.
#[utoipa::path(get, path = "/v1/projects/{id}/fact-schema", tag = "projects",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii")),
    responses((status = 200, description = "The JSON Schema of the project's facts", content_type = "application/json", body = Object)))]
pub async fn fact_schema(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let p = project(&state, &path(id)?)?;
    let lang = crate::problem::lang_of(&headers);
    let mut schema = crate::fact_schema::fact_schema(p.project.vocabulary(), lang);
    // The server's own limit on a note.
    if let Some(serde_json::Value::Array(kinds)) = schema.get_mut("oneOf") {
        for kind in kinds {
            if let Some(serde_json::Value::Object(note)) = kind.pointer_mut("/properties/note") {
                note.insert(
                    "maxLength".to_owned(),
                    serde_json::Value::from(crate::limits::MAX_NOTE_CHARS),
                );
            }
        }
    }
    let mut response = json(StatusCode::OK, &schema)?;
    response.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    Ok(response)
}

// ---------------------------------------------------------------------------
// report parts

/// The version `?version=` names, as its index, or 404.
fn version_index(project: &Project, params: &Params) -> Result<Option<usize>, Problem> {
    let Some(id) = params.get("version") else {
        return Ok(None);
    };
    project.version(id).map(|(i, _)| Some(i)).ok_or_else(|| {
        let known: Vec<&str> = project.versions.iter().map(|v| v.id.as_str()).collect();
        Problem::not_found_said(
            message::NO_SUCH_VERSION_OF_THE_PROJECT,
            &[&project.id, &format!("{id:?}"), &known.join(", ")],
        )
        .param("version")
    })
}

/// A report part, from the cache or from the engine.
async fn part(
    state: &AppState,
    id: &str,
    params: &Params,
    which: Part,
) -> Result<Response, Problem> {
    let project = project(state, id)?;
    let as_of = params.date("as_of")?.unwrap_or_else(today);
    let version = version_index(&project.project, params)?;
    if let Some(body) = project.cached(which, as_of, version) {
        return Ok(json_bytes(body));
    }
    // Any version is core's to report against (the version in force when
    // none is named).
    let (generation, report) = {
        let engine = read_engine(&project.engine);
        let report = match version.and_then(|i| project.project.versions.get(i)) {
            Some(v) => engine.report_for_version(as_of, &v.id),
            None => Some(engine.report(as_of)),
        };
        (project.generation.load(Ordering::Acquire), report)
    };
    let mut report = report
        .ok_or_else(|| Problem::not_found_said(message::NO_SUCH_VERSION, &[]).param("version"))?;
    // Reads take no token: every person breakdown is shown suppressed.
    report.suppress_persons();
    let body = render(&project, &report, which)?;
    let body = Bytes::from(body);
    project.keep(generation, which, as_of, version, body.clone());
    Ok(json_bytes(body))
}

fn to_value<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

fn render(project: &ProjectState, r: &Report, which: Part) -> Result<Vec<u8>, Problem> {
    let p = &project.project;
    let written = match which {
        Part::Report => serde_json::to_vec(r),
        Part::Indicators => serde_json::to_vec(&IndicatorsOut {
            project: r.project.clone(),
            as_of: r.as_of.to_string(),
            version: r.version.clone(),
            indicators: to_value(&r.indicators),
        }),
        Part::Milestones => serde_json::to_vec(&MilestonesOut {
            project: r.project.clone(),
            as_of: r.as_of.to_string(),
            version: r.version.clone(),
            period: to_value(&r.period),
            milestones: to_value(&r.milestones),
        }),
        Part::Budget => {
            let plan = p
                .version(&r.version)
                .map(|(_, v)| &v.budget)
                .ok_or_else(|| {
                    Problem::internal_said(message::REPORT_VERSION_NOT_IN_PROJECT, &[])
                })?;
            serde_json::to_vec(&BudgetOut {
                project: r.project.clone(),
                as_of: r.as_of.to_string(),
                version: r.version.clone(),
                plan: to_value(plan),
                national_contribution: to_value(&plan.national_contribution()),
                execution: to_value(&r.budget),
            })
        }
        Part::Groups => serde_json::to_vec(&groups_of(p, r)),
    };
    written.map_err(|e| Problem::internal_said(message::CANNOT_WRITE_RESPONSE, &[&e]))
}

/// The indicators as of a date.
#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorsOut {
    /// The project's id.
    pub project: String,
    /// The date.
    pub as_of: String,
    /// The version reported.
    pub version: String,
    /// Every indicator, in file order.
    #[schema(schema_with = refs::indicators)]
    pub indicators: serde_json::Value,
}

/// The milestones as of a date.
#[derive(Debug, Serialize, ToSchema)]
pub struct MilestonesOut {
    /// The project's id.
    pub project: String,
    /// The date.
    pub as_of: String,
    /// The version reported.
    pub version: String,
    /// The project's period in that version.
    #[schema(schema_with = refs::period)]
    pub period: serde_json::Value,
    /// The milestones with their progress.
    #[schema(schema_with = refs::milestones)]
    pub milestones: serde_json::Value,
}

/// The budget: the plan of the version reported and its execution.
#[derive(Debug, Serialize, ToSchema)]
pub struct BudgetOut {
    /// The project's id.
    pub project: String,
    /// The date.
    pub as_of: String,
    /// The version reported.
    pub version: String,
    /// The version's budget as the project file states it.
    #[schema(schema_with = refs::budget)]
    pub plan: serde_json::Value,
    /// The total less the EU contribution.
    #[schema(schema_with = refs::amount)]
    pub national_contribution: serde_json::Value,
    /// Spending up to the date, from expenditure facts.
    #[schema(schema_with = refs::budget_report)]
    pub execution: serde_json::Value,
}

/// The groups the project forms, and the meetings each held.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupsOut {
    /// The project's id.
    pub project: String,
    /// The date.
    pub as_of: String,
    /// The version reported.
    pub version: String,
    /// The kinds of group.
    pub groups: Vec<GroupOut>,
}

/// One kind of group.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupOut {
    /// Its code (`PGR`).
    pub code: String,
    /// Its name, in Polish.
    pub name: String,
    /// In English.
    pub name_en: Option<String>,
    /// One group per unit of this level.
    #[schema(schema_with = refs::group_level)]
    pub one_per: serde_json::Value,
    /// How many groups the territory implies.
    pub expected: u64,
    /// How many the documents state.
    pub stated: Option<u32>,
    /// Members per group, if stated.
    pub members: Option<u32>,
    /// The kind it turns into later, if any.
    pub transforms_into: Option<String>,
    /// Whether it is one joint group.
    pub joint: bool,
    /// Its meetings, by milestone.
    pub meetings: Vec<GroupMeetings>,
}

/// The meetings of a kind of group in one milestone.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupMeetings {
    /// The milestone's id.
    pub milestone: String,
    /// Meetings planned.
    pub planned: Option<u32>,
    /// Meetings planned per group.
    pub planned_per_group: Option<u32>,
    /// Meetings held up to the date.
    pub held: u64,
    /// Held per group unit.
    #[schema(schema_with = refs::held_list)]
    pub per_group: serde_json::Value,
}

fn groups_of(project: &Project, r: &Report) -> GroupsOut {
    GroupsOut {
        project: r.project.clone(),
        as_of: r.as_of.to_string(),
        version: r.version.clone(),
        groups: project
            .groups
            .iter()
            .map(|g| GroupOut {
                code: g.code.clone(),
                name: g.name.clone(),
                name_en: g.name_en.clone(),
                one_per: to_value(&g.one_per),
                expected: r
                    .groups
                    .iter()
                    .find(|x| x.code == g.code)
                    .map_or(0, |x| x.expected),
                stated: g.stated_count,
                members: g.members,
                transforms_into: g.transforms_into.clone(),
                joint: g.joint,
                meetings: r
                    .groups
                    .iter()
                    .find(|x| x.code == g.code)
                    .map_or(&[][..], |x| &x.meetings[..])
                    .iter()
                    .map(|a| GroupMeetings {
                        milestone: a.milestone.clone(),
                        planned: a.planned,
                        planned_per_group: a.planned_per_group,
                        held: a.held,
                        per_group: to_value(&a.per_group),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The report: indicators, milestones, budget and fact counts as of a date.
#[utoipa::path(get, path = "/v1/projects/{id}/report", tag = "reports",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"), crate::apidoc::ReportParams),
    responses((status = 200, description = "The report (core's Report)", body = crate::apidoc::ReportDoc)))]
pub async fn report(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    query: Q,
) -> Result<Response, Problem> {
    part(&state, &path(id)?, &Params::from(query)?, Part::Report).await
}

/// The indicators as of a date.
#[utoipa::path(get, path = "/v1/projects/{id}/indicators", tag = "reports",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"), crate::apidoc::ReportParams),
    responses((status = 200, description = "The indicators", body = IndicatorsOut)))]
pub async fn indicators(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    query: Q,
) -> Result<Response, Problem> {
    part(&state, &path(id)?, &Params::from(query)?, Part::Indicators).await
}

/// The milestones as of a date.
#[utoipa::path(get, path = "/v1/projects/{id}/milestones", tag = "reports",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"), crate::apidoc::ReportParams),
    responses((status = 200, description = "The milestones", body = MilestonesOut)))]
pub async fn milestones(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    query: Q,
) -> Result<Response, Problem> {
    part(&state, &path(id)?, &Params::from(query)?, Part::Milestones).await
}

/// The budget plan and its execution as of a date.
#[utoipa::path(get, path = "/v1/projects/{id}/budget", tag = "reports",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"), crate::apidoc::ReportParams),
    responses((status = 200, description = "The budget", body = BudgetOut)))]
pub async fn budget(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    query: Q,
) -> Result<Response, Problem> {
    part(&state, &path(id)?, &Params::from(query)?, Part::Budget).await
}

/// The groups and the meetings each held, as of a date.
#[utoipa::path(get, path = "/v1/projects/{id}/groups", tag = "reports",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"), crate::apidoc::ReportParams),
    responses((status = 200, description = "The groups", body = GroupsOut)))]
pub async fn groups(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    query: Q,
) -> Result<Response, Problem> {
    part(&state, &path(id)?, &Params::from(query)?, Part::Groups).await
}

// ---------------------------------------------------------------------------
// territory

/// The project's territory.
#[derive(Debug, Serialize, ToSchema)]
pub struct TerritoryOut {
    /// The project's id.
    pub project: String,
    /// The date asked for (the territory does not change with it).
    pub as_of: String,
    /// The version in force on that date (the territory is the same in every version).
    pub version: String,
    /// Units listed, by level.
    pub counts: TerritoryCounts,
    /// The counts the documents state.
    #[schema(schema_with = refs::stated_counts)]
    pub stated: serde_json::Value,
    /// The date of the TERC register the project is checked against (the one
    /// it pins, else the one built in), as findings name it.
    pub register: Option<String>,
    /// The voivodeships with their powiats and gminas.
    #[schema(schema_with = refs::voivodeships)]
    pub voivodeships: serde_json::Value,
}

/// Units of the territory by level.
#[derive(Debug, Serialize, ToSchema)]
pub struct TerritoryCounts {
    /// Voivodeships.
    pub voivodeships: u64,
    /// Powiats.
    pub powiats: u64,
    /// Gminas.
    pub gminas: u64,
    /// Powiats and gminas (JST).
    pub jst: u64,
}

/// The project's territory: voivodeships, powiats and gminas with TERYT codes.
#[utoipa::path(get, path = "/v1/projects/{id}/territory", tag = "reports",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"), crate::apidoc::ReportParams),
    responses((status = 200, description = "The territory", body = TerritoryOut)))]
pub async fn territory(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    query: Q,
) -> Result<Response, Problem> {
    let project = project(&state, &path(id)?)?;
    let params = Params::from(query)?;
    let as_of = params.date("as_of")?.unwrap_or_else(today);
    let p = &project.project;
    // The area of that version: an amendment may replace it.
    let parts = match version_index(p, &params)? {
        Some(i) => p.resolve(i),
        None => p.in_force(as_of),
    };
    let version = parts.as_ref().map(|v| v.id.clone()).unwrap_or_default();
    let t = parts.as_ref().map_or(&p.territory, |v| &v.territory);
    json(
        StatusCode::OK,
        &TerritoryOut {
            project: p.id.clone(),
            as_of: as_of.to_string(),
            version,
            counts: TerritoryCounts {
                voivodeships: t.count(Level::Voivodeship) as u64,
                powiats: t.count(Level::Powiat) as u64,
                gminas: t.count(Level::Gmina) as u64,
                jst: t.jst_count() as u64,
            },
            stated: to_value(&t.stated),
            register: project.register.date().map(|d| d.to_string()),
            voivodeships: to_value(&t.voivodeships),
        },
    )
}

// ---------------------------------------------------------------------------
// diff

/// What changed between two versions.
#[derive(Debug, Serialize, ToSchema)]
pub struct DiffOut {
    /// The older version's id.
    pub from: String,
    /// The newer version's id.
    pub to: String,
    /// Each changed field.
    pub changes: Vec<ChangeOut>,
}

/// One changed field.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeOut {
    /// The field's path within a version (`budget.total`, `indicators[ID].target`,
    /// `partners[ID]`, `territory[CODE]`); a part added has `old` absent, a part
    /// removed `new` absent.
    pub field: String,
    /// The value in the older version.
    #[schema(schema_with = refs::diff_value)]
    pub old: serde_json::Value,
    /// The value in the newer version.
    #[schema(schema_with = refs::diff_value)]
    pub new: serde_json::Value,
}

/// What changed from one version to another (by default: the last version
/// against the one before it).
#[utoipa::path(get, path = "/v1/projects/{id}/diff", tag = "reports",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"),
        ("from" = Option<String>, Query, description = "The older version's id (default: the one before `to`)"),
        ("to" = Option<String>, Query, description = "The newer version's id (default: the last)")),
    // 422: the project has a single version and `from` is not given.
    responses((status = 200, description = "The changes", body = DiffOut)))]
pub async fn diff(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    query: Q,
) -> Result<Response, Problem> {
    let project = project(&state, &path(id)?)?;
    let params = Params::from(query)?;
    let p = &project.project;
    let known = || {
        p.versions
            .iter()
            .map(|v| v.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let find = |name: &str, id: &str| {
        p.version(id).map(|(i, _)| i).ok_or_else(|| {
            Problem::not_found_said(
                message::NO_SUCH_VERSION_OF_THE_PROJECT,
                &[&p.id, &format!("{id:?}"), &known()],
            )
            .param(name)
        })
    };
    let to = match params.get("to") {
        Some(id) => find("to", id)?,
        None => p.versions.len().saturating_sub(1),
    };
    let from = match params.get("from") {
        Some(id) => find("from", id)?,
        // Well-formed, but there is nothing to compare with: 422.
        None => to.checked_sub(1).ok_or_else(|| {
            Problem::said(
                StatusCode::UNPROCESSABLE_ENTITY,
                "nothing-to-compare",
                message::NO_VERSION_BEFORE_IT,
                &[&p.versions[to].id, &known()],
            )
            .param("from")
        })?,
    };
    let diff = p
        .diff(&p.versions[from].id, &p.versions[to].id)
        .ok_or_else(|| Problem::internal_said(message::KNOWN_VERSION_NOT_FOUND, &[]))?;
    json(
        StatusCode::OK,
        &DiffOut {
            from: diff.from.clone(),
            to: diff.to.clone(),
            changes: diff
                .changes
                .iter()
                .map(|c| ChangeOut {
                    field: c.field.clone(),
                    old: to_value(&c.old),
                    new: to_value(&c.new),
                })
                .collect(),
        },
    )
}
