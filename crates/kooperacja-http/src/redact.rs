//! No request value in an error: a last layer removes every value the request
//! carried (path segments, query keys and values, header values, and every
//! string, key and number of a JSON body) from the problem documents it
//! answers with, whatever message core or a handler wrote.
//!
//! Core's and this crate's messages are written not to quote person values;
//! this layer does not depend on that. A raw person value sent in any field
//! (a PESEL in `date`, a name in `by`) can therefore not come back in an
//! error's `detail`, a finding's message or a `pointer`. Field names of the
//! API (`date`, `facts`) are not redacted: they are not values, and the
//! problem names the field to blame.

use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::http::request::Parts;
use http_body::{Body as HttpBody, Frame, SizeHint};
use kooperacja_core::vocabulary::Vocabulary;

/// What replaces a value in a message.
pub const REDACTED: &str = "…";

/// Values shorter than this (in characters) are left in messages: they carry
/// no person (a PESEL has 11 digits, a name at least 3 letters), and removing
/// them would only garble the messages.
const MIN_CHARS: usize = 3;

/// A request body that keeps (a cheap handle to) every chunk read from it,
/// so that the values of the body are known when an error is answered.
#[derive(Debug)]
pub struct Tee {
    inner: Body,
    seen: Arc<Mutex<Vec<Bytes>>>,
}

impl Tee {
    /// The body, and the chunks it will have been read as.
    pub fn new(inner: Body) -> (Tee, Arc<Mutex<Vec<Bytes>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        (
            Tee {
                inner,
                seen: seen.clone(),
            },
            seen,
        )
    }
}

impl HttpBody for Tee {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = std::pin::Pin::new(&mut self.inner).poll_frame(cx);
        if let Poll::Ready(Some(Ok(frame))) = &polled
            && let Some(data) = frame.data_ref()
            && let Ok(mut seen) = self.seen.lock()
        {
            seen.push(data.clone());
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// Every value of a request: its path segments, query keys and values,
/// header values, and what its body holds; not the names of the fields of
/// facts of the project's `vocabulary` (the problem names the field to blame).
pub fn values(parts: &Parts, body: &[Bytes], vocabulary: &Vocabulary) -> Vec<String> {
    let mut out = Vec::new();
    for segment in parts.uri.path().split('/') {
        out.push(segment.to_owned());
        out.push(percent_decode(segment));
    }
    if let Some(query) = parts.uri.query() {
        for pair in query.split('&') {
            for part in pair.splitn(2, '=') {
                out.push(part.to_owned());
                out.push(percent_decode(&part.replace('+', " ")));
            }
        }
    }
    for value in parts.headers.values() {
        let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
        out.extend(text.split_whitespace().map(str::to_owned));
        out.push(text);
    }
    let bytes: Vec<u8> = body.iter().flat_map(|b| b.iter().copied()).collect();
    match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(value) => json_values(&value, &mut out),
        Err(_) => {
            let text = String::from_utf8_lossy(&bytes);
            out.extend(
                text.split(|c: char| c.is_whitespace() || "{}[],:\"".contains(c))
                    .map(str::to_owned),
            );
        }
    }
    let mut words = Vec::new();
    for value in &out {
        if value.contains(char::is_whitespace) {
            words.extend(value.split_whitespace().map(str::to_owned));
        }
        // As `{:?}` quotes it, without the quotes.
        let debug = format!("{value:?}");
        if let Some(inner) = debug.get(1..debug.len().saturating_sub(1))
            && inner != value
        {
            words.push(inner.to_owned());
        }
    }
    out.extend(words);
    out.retain(|v| {
        v.chars().count() >= MIN_CHARS
            && !crate::problem::is_field_name(vocabulary, v)
            && !matches!(
                v.as_str(),
                "facts"
                    | "v1"
                    | "projects"
                    | "fact-batches"
                    | "claims"
                    | "submission"
                    | "application/json"
                    | "Bearer"
                    | "bearer"
                    | "close"
                    | "keep-alive"
                    // the query parameters' names
                    | "as_of"
                    | "version"
                    | "from"
                    | "kind"
                    | "territory"
                    | "cursor"
                    | "limit"
                    | "lang"
                    // the parts of an upload form and their framing
                    | "file"
                    | "token"
                    | "form-data"
                    | "filename"
                    | "name"
                    | "Content-Disposition"
                    | "Content-Type"
                    | "application/octet-stream"
            )
    });
    out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    out.dedup();
    out
}

fn json_values(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Number(n) => out.push(n.to_string()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_values(v, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                json_values(v, out);
            }
        }
        serde_json::Value::Null | serde_json::Value::Bool(_) => {}
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The text with every value removed.
pub fn redact(text: &str, values: &[String]) -> String {
    let mut out = text.to_owned();
    for value in values {
        if out.contains(value.as_str()) {
            out = out.replace(value.as_str(), REDACTED);
        }
    }
    out
}

/// A problem document (as JSON) with every value removed from its `detail`,
/// `pointer` and its findings' messages (`parameter` is always a name the
/// server gives, never taken from the request).
pub fn redact_problem(problem: &mut serde_json::Value, values: &[String]) {
    let Some(map) = problem.as_object_mut() else {
        return;
    };
    for key in ["detail", "pointer"] {
        if let Some(serde_json::Value::String(text)) = map.get_mut(key) {
            *text = redact(text, values);
        }
    }
    if let Some(serde_json::Value::Array(findings)) = map.get_mut("findings") {
        for finding in findings {
            if let Some(serde_json::Value::String(text)) = finding.get_mut("message") {
                *text = redact(text, values);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_every_part_of_a_request_are_removed() {
        let request = axum::http::Request::builder()
            .uri("/v1/projects/Jan%20Kowalski/facts?as_of=85010112345")
            .header("x-who", "Anna Nowak")
            .body(())
            .unwrap_or_default();
        let (parts, ()) = request.into_parts();
        let body =
            Bytes::from_static(br#"{"date": "Zofia", "participants": 85010112346, "Maria": 1}"#);
        let values = values(&parts, &[body], &Vocabulary::built_in());
        let text = "no project \"Jan Kowalski\" (Kowalski); as_of 85010112345; Anna Nowak; Zofia; 85010112346; field \"Maria\"; invalid date";
        let clean = redact(text, &values);
        for gone in [
            "Kowalski",
            "85010112345",
            "Anna",
            "Zofia",
            "85010112346",
            "Maria",
        ] {
            assert!(!clean.contains(gone), "{gone}: {clean}");
        }
        assert!(clean.contains("invalid date"), "{clean}");
    }
}
