//! The JSON API under `/v1`: what the handlers share (parameters, tokens,
//! projects), then the read endpoints ([`reads`]) and the fact endpoints
//! ([`facts`]).

pub mod facts;
pub mod reads;

use std::sync::Arc;

use axum::extract::Query;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::{HeaderMap, header};
use chrono::NaiveDate;
use kooperacja_core::period::parse_date;

use crate::access::Actor;
use crate::problem::Problem;
use crate::state::{AppState, ProjectState};
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
            .map_err(|e| Problem::bad_request(format!("the query string cannot be read: {e}")))
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
                parse_date(v).map_err(|e| {
                    Problem::bad_request(format!("{name}: {e}; expected a date like 2020-09-30"))
                        .param(name)
                })
            })
            .transpose()
    }
}

/// A path's parameters, or a 400 problem.
pub fn path<T>(path: Result<axum::extract::Path<T>, PathRejection>) -> Result<T, Problem> {
    path.map(|axum::extract::Path(p)| p)
        .map_err(|e| Problem::bad_request(format!("the path cannot be read: {e}")))
}

/// The project with this id, or 404.
pub fn project(state: &AppState, id: &str) -> Result<Arc<ProjectState>, Problem> {
    state.project(id).cloned().ok_or_else(|| {
        let known: Vec<&str> = state.projects.iter().map(|p| p.id()).collect();
        Problem::not_found(format!(
            "no project {id:?} is served here; expected one of: {}",
            known.join(", ")
        ))
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
    let value = value
        .to_str()
        .map_err(|_| Problem::unauthorized("the Authorization header is not text"))?;
    let token = match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
        _ => {
            return Err(Problem::unauthorized(
                "expected an Authorization header of the form \"Bearer <token>\"",
            ));
        }
    };
    if token.is_empty() || token.len() > 200 {
        return Err(Problem::unauthorized(
            "the bearer token is empty or too long",
        ));
    }
    let info = state
        .readers
        .with(|c| store::find_token(c, token))?
        .ok_or_else(|| Problem::unauthorized("the token is not known or has been revoked"))?;
    if info.project != project.id() {
        return Err(Problem::forbidden(format!(
            "the token is for project {:?}, not {:?}",
            info.project,
            project.id()
        )));
    }
    Actor::of(&project.project, &info.org, Some(info.id))
        .map(Some)
        .ok_or_else(|| {
            Problem::forbidden(format!(
                "the token's organisation {:?} is not an organisation of project {:?}",
                info.org,
                project.id()
            ))
        })
}

/// Like [`actor`], but a token is required (401 without one).
pub fn required_actor(
    state: &AppState,
    headers: &HeaderMap,
    project: &ProjectState,
) -> Result<Actor, Problem> {
    actor(state, headers, project)?.ok_or_else(|| {
        Problem::unauthorized(
            "this endpoint needs a token: send \"Authorization: Bearer <token>\" (kooperacja-server token create)",
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
            Problem::bad_request(format!(
                "cursor {text:?} is not a cursor this server gave; pass next_cursor from the previous page"
            ))
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
            Problem::bad_request(format!(
                "limit {text:?}: expected a whole number from 1 to {MAX_PAGE}"
            ))
            .param("limit")
        })
}

/// Percent-encodes one path segment (everything but RFC 3986's unreserved characters).
pub fn encode_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Runs blocking database work off the async threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, Problem> + Send + 'static,
) -> Result<T, Problem> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Problem::internal(format!("a database task failed: {e}")))?
}
