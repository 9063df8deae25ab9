//! The JSON API under `/v1`: what the handlers share (parameters, tokens,
//! projects), then the read endpoints ([`reads`]) and the fact endpoints
//! ([`facts`]).

pub mod claims;
pub mod facts;
pub mod imports;
pub mod reads;

use std::sync::Arc;

use axum::extract::Query;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::{HeaderMap, StatusCode, header};
use chrono::NaiveDate;
use kooperacja_core::period::parse_date;
use kooperacja_core::present::message;

use crate::access::Actor;
use crate::app::AppState;
use crate::problem::Problem;
use crate::state::ProjectState;
use crate::store;

/// The query parameters of a request, as name and value pairs.
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// The parameters, or a 400 problem if the query string is malformed.
    pub fn from(
        query: Result<Query<Vec<(String, String)>>, QueryRejection>,
    ) -> Result<Params, Problem> {
        query
            .map(|Query(pairs)| Params(pairs))
            .map_err(|e| Problem::bad_request_said(message::QUERY_CANNOT_BE_READ, &[&e]))
    }

    /// The value of a parameter. An empty value is a value (`?as_of=` is not
    /// a date, and is refused as one), not an absent parameter: the API
    /// document describes each parameter's form, and an empty string breaks it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A date parameter (`2020-09-30` or `30.09.2020`).
    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, Problem> {
        self.get(name)
            .map(|v| {
                parse_date(v).map_err(|_| {
                    Problem::said(
                        StatusCode::BAD_REQUEST,
                        "invalid-field",
                        message::PARAMETER_NOT_A_DATE,
                        &[&name],
                    )
                    .param(name)
                })
            })
            .transpose()
    }
}

/// A path's parameters, or a 400 problem.
pub fn path<T>(path: Result<axum::extract::Path<T>, PathRejection>) -> Result<T, Problem> {
    path.map(|axum::extract::Path(p)| p)
        .map_err(|e| Problem::bad_request_said(message::PATH_CANNOT_BE_READ, &[&e]))
}

/// The project with this id, or 404.
pub fn project(state: &AppState, id: &str) -> Result<Arc<ProjectState>, Problem> {
    state.project(id).cloned().ok_or_else(|| {
        let known: Vec<&str> = state.projects.iter().map(|p| p.id()).collect();
        Problem::said(
            StatusCode::NOT_FOUND,
            "not-found",
            message::NO_SUCH_PROJECT,
            &[&format!("{id:?}"), &known.join(", ")],
        )
        .param("id")
    })
}

/// Today, by the server's clock (core never reads a clock; this adapter does).
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The organisation the request's bearer token acts for in `project`: `None`
/// without an `Authorization` header; 401 for a malformed, unknown or revoked
/// token; 403 for a token of another project.
pub fn actor(
    state: &AppState,
    headers: &HeaderMap,
    project: &ProjectState,
) -> Result<Option<Actor>, Problem> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| {
        Problem::said(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            message::AUTHORIZATION_MALFORMED,
            &[],
        )
    })?;
    let token = match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
        _ => {
            return Err(Problem::said(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                message::AUTHORIZATION_MALFORMED,
                &[],
            ));
        }
    };
    if token.is_empty() || token.len() > 200 {
        return Err(Problem::said(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            message::AUTHORIZATION_MALFORMED,
            &[],
        ));
    }
    let info = state
        .readers
        .with(|c| store::find_token(c, token))?
        .ok_or_else(|| {
            Problem::said(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                message::TOKEN_UNKNOWN,
                &[],
            )
        })?;
    if info.project != project.id() {
        return Err(Problem::forbidden_said(
            message::TOKEN_OF_ANOTHER_PROJECT,
            &[
                &format!("{:?}", info.project),
                &format!("{:?}", project.id()),
            ],
        ));
    }
    Actor::of(&project.project, &info.org, Some(info.id))
        .map(Some)
        .ok_or_else(|| {
            Problem::forbidden_said(
                message::TOKEN_ORGANISATION_NOT_IN_THE_PROJECT,
                &[&format!("{:?}", info.org), &format!("{:?}", project.id())],
            )
        })
}

/// Like [`actor`], but a token is required (401 without one).
pub fn required_actor(
    state: &AppState,
    headers: &HeaderMap,
    project: &ProjectState,
) -> Result<Actor, Problem> {
    actor(state, headers, project)?.ok_or_else(|| {
        Problem::said(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            message::TOKEN_NEEDED,
            &[],
        )
    })
}

/// An opaque cursor for a storage sequence.
pub fn cursor_of(seq: i64) -> String {
    format!("c{seq:016x}")
}

/// The storage sequence a cursor names (0 without one), or 400.
pub fn cursor(params: &Params) -> Result<i64, Problem> {
    let Some(text) = params.get("cursor") else {
        return Ok(0);
    };
    text.strip_prefix('c')
        .filter(|hex| hex.len() == 16)
        .and_then(|hex| i64::from_str_radix(hex, 16).ok())
        .filter(|seq| *seq >= 0)
        .ok_or_else(|| {
            Problem::bad_request_said(message::NOT_A_CURSOR, &[&format!("{text:?}")])
                .param("cursor")
        })
}

/// The page size (`limit`), or 400.
pub fn limit(params: &Params) -> Result<u32, Problem> {
    use crate::limits::{DEFAULT_PAGE, MAX_PAGE};
    let Some(text) = params.get("limit") else {
        return Ok(DEFAULT_PAGE);
    };
    text.parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_PAGE).contains(n))
        .ok_or_else(|| {
            Problem::bad_request_said(
                message::LIMIT_OUT_OF_RANGE,
                &[&format!("{text:?}"), &MAX_PAGE],
            )
            .param("limit")
        })
}

pub use crate::upload::encode_segment;

/// Runs blocking database work off the async threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, Problem> + Send + 'static,
) -> Result<T, Problem> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Problem::internal_said(message::DATABASE_TASK_FAILED, &[&e]))?
}
