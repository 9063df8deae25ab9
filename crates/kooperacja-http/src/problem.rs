//! Errors as `application/problem+json` (RFC 9457): a type, a title, the
//! status, a detail that says what is wrong, and where a field is to blame, a
//! JSON pointer into the body (`pointer`) or the name of the query or path
//! parameter (`parameter`).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The media type of problem documents.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One problem, as the body of an error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:kooperacja:problem:invalid-field`);
    /// `docs/http.md` lists them.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What is wrong in this request, and what was expected.
    pub detail: String,
    /// A JSON pointer (RFC 6901) to the field of the request body to blame.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The query or path parameter to blame.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// For a fact that fails the project's checks: the findings (code and message).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<ProblemFinding>,
    /// For a refused batch: the position of the fact to blame, from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

/// A finding of core's fact check, as a problem lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ProblemFinding {
    /// The finding's stable code (`fact.territory-outside`).
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Problem {
    /// A problem of a kind (the last part of its type URI) with a status.
    pub fn new(status: StatusCode, slug: &str, detail: impl Into<String>) -> Problem {
        Problem {
            kind: format!("urn:kooperacja:problem:{slug}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            pointer: None,
            parameter: None,
            findings: Vec::new(),
            index: None,
        }
    }

    /// The same problem, blaming a field of the body (a JSON pointer).
    pub fn at(mut self, pointer: impl Into<String>) -> Problem {
        self.pointer = Some(pointer.into());
        self
    }

    /// The same problem, blaming a query or path parameter.
    pub fn param(mut self, name: &str) -> Problem {
        self.parameter = Some(name.to_owned());
        self
    }

    /// The same problem, blaming the fact at `index` of a batch: its pointer
    /// is moved under `/facts/{index}`.
    pub fn in_batch(mut self, index: usize) -> Problem {
        let inner = self.pointer.take().unwrap_or_default();
        self.pointer = Some(format!("/facts/{index}{inner}"));
        self.index = Some(index);
        self.detail = format!("fact {index} of the batch: {}", self.detail);
        self
    }

    /// What the audit trail and the log keep of this problem: its code (the
    /// first finding's, else its type), the field to blame and the rule, and
    /// never a value of the request (its `detail` may quote one).
    pub fn audit_note(&self) -> String {
        let slug = self
            .kind
            .strip_prefix("urn:kooperacja:problem:")
            .unwrap_or(&self.kind);
        let code = self.findings.first().map_or(slug, |f| f.code.as_str());
        let rule = match slug {
            "invalid-field" => "the field does not have the form the API document gives",
            "invalid-fact" => "the record is not a fact of its kind",
            "fact-check" => "the fact does not fit the project",
            "forbidden" => "the organisation may not write this",
            "conflict" => "the id is stored with other content",
            "too-large" => "the body is over its limit",
            "unsupported-media-type" => "the body is not application/json",
            "personal-data" => "a value has the shape of personal data",
            _ => self.title.as_str(),
        };
        match self.pointer.as_deref() {
            Some(pointer) => format!("{code} at {}: {rule}", safe_pointer(pointer)),
            None => format!("{code}: {rule}"),
        }
    }

    /// The status as a [`StatusCode`].
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// 400: the body or a parameter is malformed.
    pub fn bad_request(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, "invalid-field", detail)
    }

    /// 401: no token, or a token that is not valid.
    pub fn unauthorized(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::UNAUTHORIZED, "unauthorized", detail)
    }

    /// 403: the token's organisation may not do this.
    pub fn forbidden(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::FORBIDDEN, "forbidden", detail)
    }

    /// 404: no such thing.
    pub fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "not-found", detail)
    }

    /// 409: the fact's id is stored with other content.
    pub fn conflict(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::CONFLICT, "conflict", detail)
    }

    /// 422: the fact is well formed but does not fit the project.
    pub fn unprocessable(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "fact-check", detail)
    }

    /// 500: something failed inside the server.
    pub fn internal(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", detail)
    }

    /// 503: the server is starting, or its store is not available.
    pub fn unavailable(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", detail)
    }
}

/// A JSON pointer with every segment that is not a field name of the API or
/// an index replaced by `…` (a body may name a field with any text).
pub fn safe_pointer(pointer: &str) -> String {
    pointer
        .split('/')
        .map(|segment| {
            let known = segment.is_empty()
                || segment == "facts"
                || kooperacja_core::facts::Record::COLUMNS.contains(&segment)
                || (segment.len() <= 5 && segment.bytes().all(|b| b.is_ascii_digit()));
            if known { segment } else { "…" }
        })
        .collect::<Vec<_>>()
        .join("/")
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status_code();
        let body = serde_json::to_vec(&self).unwrap_or_else(|_| b"{}".to_vec());
        let mut response = (status, body).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

impl From<rusqlite::Error> for Problem {
    fn from(e: rusqlite::Error) -> Problem {
        Problem::unavailable(format!("the database failed: {e}"))
    }
}
