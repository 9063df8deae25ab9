//! Errors as `application/problem+json` (RFC 9457): a type, a title, the
//! status, a detail that says what is wrong, and where a field is to blame, a
//! JSON pointer into the body (`pointer`) or the name of the query or path
//! parameter (`parameter`).

use std::fmt::Display;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kooperacja_core::present::{Lang, Text, message};
use kooperacja_core::vocabulary::{BASE_FIELDS, Vocabulary};
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
    /// For a refused upload (`import-problems`): every bad cell, row or
    /// sheet of its files, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<crate::upload::ImportCell>,
    /// The detail as the catalogue says it, to say it again in the
    /// request's language (not serialised: `detail` is its English).
    #[serde(skip)]
    pub said: Option<Said>,
}

/// A problem's detail from the catalogue, with its arguments, so that the
/// problems layer can write it in the language the request prefers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// The catalogue's entry.
    pub text: Text,
    /// Its arguments, as text.
    pub args: Vec<String>,
    /// For a fact of a batch: its position, said before the detail.
    pub in_batch: Option<usize>,
}

impl Said {
    /// The detail in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<&dyn Display> = self.args.iter().map(|a| a as &dyn Display).collect();
        let detail = self.text.fill(lang, &args);
        match self.in_batch {
            Some(index) => message::FACT_OF_THE_BATCH.fill(lang, &[&index, &detail]),
            None => detail,
        }
    }
}

/// The title of a kind of problem (the last part of its type URI), from the
/// catalogue.
pub fn title(slug: &str) -> Text {
    match slug {
        "malformed-request" => message::PROBLEM_MALFORMED_REQUEST,
        "invalid-field" => message::PROBLEM_INVALID_FIELD,
        "unauthorized" => message::PROBLEM_UNAUTHORIZED,
        "forbidden" => message::PROBLEM_FORBIDDEN,
        "not-found" => message::PROBLEM_NOT_FOUND,
        "no-such-route" => message::PROBLEM_NO_SUCH_ROUTE,
        "method-not-allowed" => message::PROBLEM_METHOD_NOT_ALLOWED,
        "timeout" => message::PROBLEM_TIMEOUT,
        "conflict" => message::PROBLEM_CONFLICT,
        "too-large" => message::PROBLEM_TOO_LARGE,
        "uri-too-long" => message::PROBLEM_URI_TOO_LONG,
        "headers-too-large" => message::PROBLEM_HEADERS_TOO_LARGE,
        "unsupported-media-type" => message::PROBLEM_UNSUPPORTED_MEDIA_TYPE,
        "invalid-fact" => message::PROBLEM_INVALID_FACT,
        "personal-data" => message::PROBLEM_PERSONAL_DATA,
        "import-problems" => kooperacja_core::present::label::PROBLEM_IMPORT_PROBLEMS,
        "fact-check" => message::PROBLEM_FACT_CHECK,
        "nothing-to-compare" => message::PROBLEM_NOTHING_TO_COMPARE,
        "claim-not-filed" => kooperacja_core::present::label::PROBLEM_CLAIM_NOT_FILED,
        "claim-rejected" => kooperacja_core::present::label::PROBLEM_CLAIM_REJECTED,
        "internal" => message::PROBLEM_INTERNAL,
        "unavailable" => message::PROBLEM_UNAVAILABLE,
        _ => message::PROBLEM_OTHER,
    }
}

/// The language a request prefers for what people read in a problem, from
/// its `Accept-Language` (the highest `q` among Polish and English): English
/// unless Polish is preferred.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    let Some(value) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Lang::En;
    };
    let mut best: Option<(u16, Lang)> = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let primary = tag.split('-').next().unwrap_or_default();
        let Ok(lang) = primary.to_ascii_lowercase().parse::<Lang>() else {
            continue;
        };
        // q in thousandths (q=0.8 is 800), 1000 when not given.
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .next()
            .map_or(1000, thousandths);
        if q > 0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, lang));
        }
    }
    best.map_or(Lang::En, |(_, lang)| lang)
}

/// A `q` value (`0.8`, `1`, `0.125`) in thousandths; 0 if it does not parse.
fn thousandths(q: &str) -> u16 {
    let (whole, fraction) = q.trim().split_once('.').unwrap_or((q.trim(), ""));
    let digits: String = fraction.chars().chain("000".chars()).take(3).collect();
    match (whole, digits.parse::<u16>()) {
        ("1", Ok(_)) => 1000,
        ("0", Ok(n)) => n,
        _ => 0,
    }
}

/// Writes a problem document's title, and its detail when it was said from
/// the catalogue, in `lang`.
pub fn localise(problem: &mut serde_json::Value, lang: Lang, said: Option<&Said>) {
    let slug = problem["type"]
        .as_str()
        .and_then(|t| t.strip_prefix("urn:kooperacja:problem:"))
        .unwrap_or_default()
        .to_owned();
    if let serde_json::Value::Object(map) = problem {
        map.insert("title".to_owned(), title(&slug).get(lang).into());
        if let Some(said) = said {
            map.insert("detail".to_owned(), said.in_lang(lang).into());
        }
    }
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
            title: title(slug).get(Lang::En).to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            pointer: None,
            parameter: None,
            findings: Vec::new(),
            index: None,
            cells: Vec::new(),
            said: None,
        }
    }

    /// A problem whose detail is an entry of the catalogue (said in English
    /// here, and again in the request's language by the problems layer).
    pub fn said(status: StatusCode, slug: &str, text: Text, args: &[&dyn Display]) -> Problem {
        let mut problem = Problem::new(status, slug, text.fill(Lang::En, args));
        problem.said = Some(Said {
            text,
            args: args.iter().map(|a| a.to_string()).collect(),
            in_batch: None,
        });
        problem
    }

    /// 400 (`invalid-field`), said from the catalogue.
    pub fn bad_request_said(text: Text, args: &[&dyn Display]) -> Problem {
        Problem::said(StatusCode::BAD_REQUEST, "invalid-field", text, args)
    }

    /// 403 (`forbidden`), said from the catalogue.
    pub fn forbidden_said(text: Text, args: &[&dyn Display]) -> Problem {
        Problem::said(StatusCode::FORBIDDEN, "forbidden", text, args)
    }

    /// 404 (`not-found`), said from the catalogue.
    pub fn not_found_said(text: Text, args: &[&dyn Display]) -> Problem {
        Problem::said(StatusCode::NOT_FOUND, "not-found", text, args)
    }

    /// 500 (`internal`), said from the catalogue.
    pub fn internal_said(text: Text, args: &[&dyn Display]) -> Problem {
        Problem::said(StatusCode::INTERNAL_SERVER_ERROR, "internal", text, args)
    }

    /// 409 (`conflict`), said from the catalogue.
    pub fn conflict_said(text: Text, args: &[&dyn Display]) -> Problem {
        Problem::said(StatusCode::CONFLICT, "conflict", text, args)
    }

    /// 422 (`fact-check`), said from the catalogue.
    pub fn unprocessable_said(text: Text, args: &[&dyn Display]) -> Problem {
        Problem::said(StatusCode::UNPROCESSABLE_ENTITY, "fact-check", text, args)
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
        self.detail = message::FACT_OF_THE_BATCH.fill(Lang::En, &[&index, &self.detail]);
        if let Some(said) = &mut self.said {
            said.in_batch = Some(index);
        }
        self
    }

    /// What the audit trail and the log keep of this problem: its code (the
    /// first finding's, else its type), the field to blame and the rule, and
    /// never a value of the request (its `detail` may quote one). Field names
    /// are those of the project's `vocabulary`.
    pub fn audit_note(&self, vocabulary: &Vocabulary) -> String {
        let slug = self
            .kind
            .strip_prefix("urn:kooperacja:problem:")
            .unwrap_or(&self.kind);
        let code = self.findings.first().map_or(slug, |f| f.code.as_str());
        let rule = match slug {
            "invalid-field" => message::AUDIT_INVALID_FIELD.get(Lang::En),
            "invalid-fact" => message::AUDIT_INVALID_FACT.get(Lang::En),
            "fact-check" => message::AUDIT_FACT_CHECK.get(Lang::En),
            "forbidden" => message::AUDIT_FORBIDDEN.get(Lang::En),
            "conflict" => message::AUDIT_CONFLICT.get(Lang::En),
            "too-large" => message::AUDIT_TOO_LARGE.get(Lang::En),
            "unsupported-media-type" => message::AUDIT_UNSUPPORTED_MEDIA_TYPE.get(Lang::En),
            "personal-data" => message::AUDIT_PERSONAL_DATA.get(Lang::En),
            _ => self.title.as_str(),
        };
        match self.pointer.as_deref() {
            Some(pointer) => format!("{code} at {}: {rule}", safe_pointer(pointer, vocabulary)),
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

/// Whether `name` is the name of a field of facts in `vocabulary`: a base
/// field, or one a kind declares.
pub fn is_field_name(vocabulary: &Vocabulary, name: &str) -> bool {
    BASE_FIELDS.contains(&name) || vocabulary.fields_named(name).next().is_some()
}

/// A JSON pointer with every segment that is not a field name of the API (of
/// the project's `vocabulary`) or an index replaced by `…` (a body may name a
/// field with any text).
pub fn safe_pointer(pointer: &str, vocabulary: &Vocabulary) -> String {
    pointer
        .split('/')
        .map(|segment| {
            let known = segment.is_empty()
                || segment == "facts"
                || is_field_name(vocabulary, segment)
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
        if let Some(said) = self.said {
            response.extensions_mut().insert(said);
        }
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
        Problem::said(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            message::DATABASE_FAILED,
            &[&e],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(accept: &str) -> Lang {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_str(accept).unwrap_or(HeaderValue::from_static("")),
        );
        lang_of(&headers)
    }

    #[test]
    fn polish_first_is_polish() {
        assert_eq!(lang("pl-PL,pl;q=0.9,en;q=0.8"), Lang::Pl);
    }

    #[test]
    fn english_with_a_higher_q_wins() {
        assert_eq!(lang("pl;q=0.5,en;q=0.8"), Lang::En);
    }

    #[test]
    fn polish_with_a_higher_q_wins() {
        assert_eq!(lang("en;q=0.3,de,pl;q=0.7"), Lang::Pl);
    }

    #[test]
    fn polish_refused_with_q_0_is_not_polish() {
        assert_eq!(lang("pl;q=0"), Lang::En);
    }

    #[test]
    fn no_header_is_english() {
        assert_eq!(lang_of(&HeaderMap::new()), Lang::En);
    }

    #[test]
    fn every_kind_in_the_docs_has_a_title_of_its_own() {
        for slug in [
            "invalid-field",
            "not-found",
            "no-such-route",
            "unavailable",
            "timeout",
        ] {
            assert_ne!(title(slug), message::PROBLEM_OTHER, "{slug}");
        }
    }
}
