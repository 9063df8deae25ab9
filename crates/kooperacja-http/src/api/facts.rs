//! The fact endpoints: append one fact or a batch, list and fetch facts, and
//! the audit trail.
//!
//! A fact goes through these steps, each with its own status: the project
//! (404), the token (401, 403), the media type (415), the body's size (413)
//! and shape (400, with a pointer to the field; read by core's one JSON reader
//! of facts, which also pseudonymises person keys), the organisation's rights (403), core's fact check (422), then the
//! writer: same id with other content (409), same fact again (200 with the
//! stored fact), or stored and committed (201). Retractions are facts of kind
//! `retraction`, appended the same way.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use kooperacja_core::fact_check::FactCheck;
use kooperacja_core::facts::{
    Fact, Record, What, bounded, may_be_personal, parse_json_record, shown,
};
use kooperacja_core::present::message;
use kooperacja_core::pseudonym::PseudonymKey;
use kooperacja_core::validate::Severity;
use kooperacja_core::vocabulary::Vocabulary;
use serde::Serialize;
use utoipa::ToSchema;

use super::reads::json;
use super::{
    Params, blocking, cursor, cursor_of, encode_segment, limit, path, project, required_actor,
};
use crate::access::Actor;
use crate::app::AppState;
use crate::limits::{MAX_BATCH_FACTS, MAX_NOTE_CHARS};
use crate::problem::{Problem, ProblemFinding};
use crate::state::ProjectState;
use crate::store::{self, AuditEntry, FactFilter, StoredFact};
use crate::writer::{AuditRow, Incoming, Outcome, status_of};

type AppRef = State<Arc<AppState>>;
type Q = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Checks that the body is JSON (415 otherwise).
fn json_body(headers: &HeaderMap) -> Result<(), Problem> {
    let ok = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .is_some_and(|v| v == "application/json");
    if ok {
        Ok(())
    } else {
        Err(Problem::said(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            message::BODY_NOT_JSON_TYPE,
            &[],
        ))
    }
}

fn body(bytes: Result<Bytes, BytesRejection>, limit_bytes: usize) -> Result<Bytes, Problem> {
    bytes.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::said(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                message::BODY_TOO_LARGE,
                &[&limit_bytes],
            )
        } else {
            Problem::bad_request_said(message::BODY_CANNOT_BE_READ, &[&e])
        }
    })
}

fn parse_json(bytes: &[u8]) -> Result<serde_json::Value, Problem> {
    serde_json::from_slice(bytes)
        .map_err(|e| Problem::bad_request_said(message::BODY_NOT_VALID_JSON, &[&e]).at(""))
}

/// A fact read from the body, persons already pseudonymised, before the checks.
pub(super) struct Parsed {
    pub(super) fact: Fact,
    pub(super) note: Option<String>,
}

/// The first field of a record that holds a run of exactly 11 digits: the
/// shape of a PESEL number, which no field of a fact may hold (a backstop:
/// no field but the person fields is about a person). The person fields (of
/// type `person` or `household` in the record's kind, or in any kind when the
/// kind is unknown) are left to core's person check and pseudonymisation (a
/// pseudonym's hex digits may hold such a run).
pub fn personal_data(record: &Record, vocabulary: &Vocabulary) -> Option<String> {
    let kind = record.get("kind").and_then(|k| vocabulary.kind(k.trim()));
    let pseudonymous = |name: &str| match kind {
        Some(kind) => kind
            .field(name)
            .is_some_and(|f| f.field_type.is_pseudonymous()),
        None => vocabulary
            .fields_named(name)
            .any(|(_, f)| f.field_type.is_pseudonymous()),
    };
    record.entries().find_map(|(name, value, _)| {
        // A person field, or the stable id core gives a fact from its
        // content (`facts::content_id`), whose hex digits may hold such a run.
        if pseudonymous(name) || (name == "id" && is_content_id(value)) {
            return None;
        }
        let mut run = 0;
        for b in value.bytes().chain(std::iter::once(b' ')) {
            if b.is_ascii_digit() {
                run += 1;
            } else if run == 11 {
                return Some(name.to_owned());
            } else {
                run = 0;
            }
        }
        None
    })
}

/// Whether an id has the shape of core's content id (`facts::content_id`):
/// `f-`, 20 lower-case hex digits, and `-N` for a repeat.
fn is_content_id(id: &str) -> bool {
    let Some(rest) = id.strip_prefix("f-") else {
        return false;
    };
    let (hex, repeat) = rest.split_at_checked(20).unwrap_or((rest, "x"));
    hex.len() == 20
        && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && (repeat.is_empty()
            || repeat.strip_prefix('-').is_some_and(|n| {
                !n.is_empty() && n.len() <= 10 && n.bytes().all(|b| b.is_ascii_digit())
            }))
}

/// The 422 for a field that holds what looks like personal data.
pub fn personal_data_problem(field: &str) -> Problem {
    Problem::said(
        StatusCode::UNPROCESSABLE_ENTITY,
        "personal-data",
        message::FIELD_LOOKS_LIKE_A_PESEL,
        &[&field],
    )
    .at(format!("/{field}"))
}

/// A fact from the JSON text of one object, through core's one JSON reader of
/// facts (which refuses repeated and unknown keys, amounts as JSON numbers and
/// look-alike ids, and pseudonymises persons), checked against the project's
/// vocabulary, naming the field of any problem. A record that breaks the API
/// document, which describes a fact of any project ([`schema_takes`]), is a
/// 400; a record of the document's shape that does not fit this project's
/// vocabulary (an undeclared kind or field, a value its declaration refuses)
/// is a 422.
fn fact_of_text(
    text: &str,
    vocabulary: &Vocabulary,
    key: &PseudonymKey,
) -> Result<Parsed, Problem> {
    let pointer = |field: Option<String>| match field {
        Some(field) => format!("/{}", escape_pointer(&field)),
        None => String::new(),
    };
    let record = parse_json_record(text).map_err(|e| {
        // A value of the type the API document gives its field, refused by
        // core's reading of it (an empty list entry, a count too large): the
        // record has the document's shape, so 422; a value of another type
        // breaks the document: 400.
        let typed = match e.field.as_deref() {
            Some(f) => given(text, f).is_some_and(|v| schema_takes(f, &v)),
            // A field not named (its name may be personal data).
            None => document_takes(text),
        };
        let problem = if typed {
            invalid_fact(e.message)
        } else {
            Problem::bad_request(e.message)
        };
        problem.at(pointer(e.field))
    })?;
    if let Some(field) = personal_data(&record, vocabulary) {
        return Err(personal_data_problem(&field));
    }
    let note = record.get("note").map(str::to_owned);
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
    {
        return Err(
            Problem::bad_request_said(message::NOTE_TOO_LONG, &[&MAX_NOTE_CHARS]).at("/note"),
        );
    }
    // An id or organisation that the document's schema takes (a string of 1
    // to 256 characters) but core's identifier rule refuses (NFC, invisible
    // characters), which no JSON Schema can say: 422, not 400.
    let schema_valid = |text: Option<&str>| {
        text.is_some_and(|t| (1..=crate::limits::MAX_ID_CHARS).contains(&t.chars().count()))
    };
    let id_ok = schema_valid(record.get("id"));
    let by_ok = schema_valid(record.get("by"));
    let fact = Fact::from_record(record, vocabulary, key).map_err(|e| {
        let problem = match e.field.as_deref() {
            Some("id") if id_ok => invalid_fact(e.message),
            Some("by") if by_ok => invalid_fact(e.message),
            Some("kind") if given(text, "kind").is_some_and(|v| schema_takes("kind", &v)) => {
                invalid_fact(e.message)
            }
            Some("id" | "date" | "kind" | "by") => Problem::bad_request(e.message),
            // A value of a JSON type the document does not take for the
            // field: the document's shape is broken.
            Some(f) if given(text, f).is_some_and(|v| !schema_takes(f, &v)) => {
                Problem::bad_request(e.message)
            }
            Some(_) => invalid_fact(e.message),
            // A field no kind declares whose name may be personal data (so
            // not named): 422 when every value has a type the document takes.
            None if document_takes(text) => invalid_fact(e.message),
            None => Problem::bad_request(e.message),
        };
        problem.at(pointer(e.field))
    })?;
    Ok(Parsed { fact, note })
}

/// The value of a field of the fact's JSON text, if the text is an object
/// that gives it exactly once (a key given twice breaks the document: a JSON
/// object names each once).
fn given(text: &str, field: &str) -> Option<serde_json::Value> {
    let Ok(serde_json::Value::Object(mut map)) = serde_json::from_str::<serde_json::Value>(text)
    else {
        return None;
    };
    let value = map.remove(field)?;
    let times = serde_json::from_str::<Keys>(text)
        .map(|k| k.0.iter().filter(|k| *k == field).count())
        .unwrap_or(0);
    (times == 1).then_some(value)
}

/// Whether `value`, given for `field` in the fact's JSON text, has the type
/// the API document's schema gives the field (`openapi::fact_record_schema`),
/// which describes a fact of any project: the base fields as the document
/// types them, every other field as its `additionalProperties` (text, a
/// number, null, or a list of keys). A value the document takes but the
/// project's declaration refuses (a kind the project does not declare, a
/// field its kind lacks, a count given as text that is not a number) is a
/// fact that does not fit the project: 422, not 400.
fn schema_takes(field: &str, value: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    let chars = |s: &str| s.chars().count();
    match (field, value) {
        ("id", V::String(s)) => (1..=crate::limits::MAX_ID_CHARS).contains(&chars(s)),
        ("by" | "kind", V::String(s)) => chars(s) >= 1,
        ("date", V::String(_)) => true,
        ("id" | "by" | "date" | "kind", _) => false,
        ("territory", V::Null | V::String(_)) => true,
        ("note", V::String(s)) => chars(s) <= MAX_NOTE_CHARS,
        ("note", V::Null) => true,
        ("territory" | "note", _) => false,
        (_, V::Null | V::String(_) | V::Number(_)) => true,
        (_, V::Array(items)) => items.iter().all(|item| {
            item.as_str().is_some_and(|s| {
                !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c == ',' || c == ';')
            })
        }),
        _ => false,
    }
}

/// Whether every field of the fact's JSON text has a type the API document
/// takes for it ([`schema_takes`]).
fn document_takes(text: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(map)) => map.iter().all(|(k, v)| schema_takes(k, v)),
        _ => false,
    }
}

/// The keys of a JSON object, repeated ones included.
struct Keys(Vec<String>);

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Keys, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, serde::de::IgnoredAny)) = map.next_entry::<String, _>()? {
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        d.deserialize_map(Visit)
    }
}

fn invalid_fact(message: String) -> Problem {
    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid-fact", message)
}

/// A fact from a body of bytes (400 if it is not UTF-8).
fn fact_of_bytes(
    bytes: &[u8],
    vocabulary: &Vocabulary,
    key: &PseudonymKey,
) -> Result<Parsed, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Problem::bad_request_said(message::BODY_NOT_UTF8, &[&(e.valid_up_to() + 1)]).at("")
    })?;
    fact_of_text(text, vocabulary, key)
}

pub(super) fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Rights, then core's fact check: 403 or 422.
pub(super) fn admit(
    state: &AppState,
    project: &ProjectState,
    actor: &Actor,
    incoming: Parsed,
) -> Result<Incoming, Problem> {
    let fact = incoming.fact;
    actor.may_write(&project.project, &fact)?;
    within_budget(project, &fact)?;
    let findings: Vec<ProblemFinding> = FactCheck::new(&project.project, Some(&project.register))
        .check(&fact)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| ProblemFinding {
            code: f.code.to_owned(),
            severity: f.severity.name().to_owned(),
            message: f.message,
        })
        .collect();
    if let Some(first) = findings.first() {
        let mut problem = Problem::unprocessable_said(
            message::FACT_DOES_NOT_FIT_THE_PROJECT,
            &[&project.id(), &first.message],
        );
        // The field the first defect names (`date`, `territory`, or a field
        // of the kind: `group`, `role`…), else the one its code blames.
        let named =
            kooperacja_core::admission::defects(&project.project, Some(&project.register), &fact)
                .into_iter()
                .find(|d| d.reason.code() == first.code)
                .and_then(|d| d.fields.into_iter().next())
                .map(|f| format!("/{}", escape_pointer(&f)));
        if let Some(pointer) = named.or_else(|| pointer_of(&first.code).map(str::to_owned)) {
            problem = problem.at(pointer);
        }
        problem.findings = findings;
        return Err(problem);
    }
    Ok(Incoming::new(
        &state.secret,
        project.id(),
        fact,
        incoming.note,
    ))
}

/// An expenditure larger than the project's whole value (in its largest
/// version) is a mistake, and would only push the sums towards overflow: 422.
fn within_budget(project: &ProjectState, fact: &Fact) -> Result<(), Problem> {
    let What::Expenditure { amount, .. } = &fact.what else {
        return Ok(());
    };
    let Some(largest) = project
        .project
        .versions
        .iter()
        .filter_map(|v| v.budget.total.amount)
        .max()
    else {
        return Ok(());
    };
    if amount.grosze().abs() > largest.grosze() {
        return Err(Problem::unprocessable_said(
            message::EXPENDITURE_OVER_THE_PROJECT_VALUE,
            &[&amount.to_plain(), &largest.to_plain()],
        )
        .at("/amount"));
    }
    Ok(())
}

/// The field a fact-check finding blames, where its defect names none.
fn pointer_of(code: &str) -> Option<&'static str> {
    Some(match code {
        "fact.unknown-organisation" => "/by",
        "fact.date-outside" => "/date",
        "fact.territory-outside" | "fact.territory-unknown" => "/territory",
        // Core's admission now finds a self-retraction on the fact alone.
        "fact.retracts-itself" | "fact.retracts-retraction" | "fact.retraction-unknown" => {
            "/retracts"
        }
        _ => return None,
    })
}

fn action_of(fact: Option<&Fact>) -> &'static str {
    match fact.map(|f| &f.what) {
        Some(What::Retraction { .. }) => "retract",
        _ => "append",
    }
}

pub(super) fn word(status: u16) -> &'static str {
    match status {
        400 => "bad-request",
        403 => "forbidden",
        409 => "conflict",
        413 => "too-large",
        415 => "unsupported-media-type",
        422 => "invalid",
        _ => "refused",
    }
}

/// Audits a refusal made before the writer, then returns it.
pub(super) async fn refused(
    state: &AppState,
    project: &ProjectState,
    actor: &Actor,
    fact_id: Option<String>,
    action: &'static str,
    problem: Problem,
) -> Problem {
    let row = AuditRow {
        project: project.id().to_owned(),
        actor: actor.clone(),
        action,
        fact_id,
        result: word(problem.status),
        status: problem.status,
        detail: Some(problem.audit_note(project.project.vocabulary())),
    };
    match state.writer.audit(vec![row]).await {
        Ok(()) => problem,
        Err(e) => e,
    }
}

fn created_response(
    status: StatusCode,
    project: &str,
    stored: &StoredFact,
) -> Result<Response, Problem> {
    let mut response = json(status, stored)?;
    if let Some(id) = stored.fact.get("id").and_then(|v| v.as_str()) {
        let location = format!(
            "/v1/projects/{}/facts/{}",
            encode_segment(project),
            encode_segment(id)
        );
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
    }
    Ok(response)
}

/// Appends one fact (or a retraction). Answers once it is committed: 201 with
/// the stored fact; 200 with the stored fact if the same fact is already
/// stored; 409 if its id is stored with other content.
#[utoipa::path(post, path = "/v1/projects/{id}/facts", tag = "facts",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii")),
    request_body(content = crate::apidoc::FactRecordDoc, content_type = "application/json",
        description = "One fact, as a JSON Lines record"),
    responses(
        (status = 201, description = "Stored now", body = StoredFact),
        (status = 200, description = "Already stored with the same content", body = StoredFact)),
    security(("bearer" = [])))]
pub async fn post_fact(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    bytes: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let project = project(&state, &path(id)?)?;
    let actor = required_actor(&state, &headers, &project)?;
    let prepared = (|| {
        json_body(&headers)?;
        let bytes = body(bytes, crate::limits::MAX_BODY_BYTES)?;
        fact_of_bytes(&bytes, project.project.vocabulary(), state.secret.key())
    })();
    let incoming = match prepared {
        Ok(i) => i,
        Err(p) => return Err(refused(&state, &project, &actor, None, "append", p).await),
    };
    let fact_id = incoming.fact.id.clone();
    let action = action_of(Some(&incoming.fact));
    let incoming = match admit(&state, &project, &actor, incoming) {
        Ok(i) => i,
        Err(p) => return Err(refused(&state, &project, &actor, Some(fact_id), action, p).await),
    };
    let appended = state
        .writer
        .append(project.clone(), actor, vec![incoming], false)
        .await?;
    let status = status_of(&appended.outcomes);
    match appended.stored(0) {
        Some(stored) => created_response(status, project.id(), &stored),
        None => Err(Problem::internal_said(message::WRITER_GAVE_NO_OUTCOME, &[])),
    }
}

/// A batch as read on the fast path: each fact still as its JSON text.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBatch<'a> {
    #[serde(borrow)]
    facts: Vec<&'a serde_json::value::RawValue>,
}

/// What is wrong with a batch body that is not `{"facts": [ … ]}`, without
/// quoting any value of it.
fn batch_problem(bytes: &[u8]) -> Problem {
    let value = match parse_json(bytes) {
        Ok(v) => v,
        Err(p) => return p,
    };
    let serde_json::Value::Object(map) = value else {
        return Problem::bad_request_said(message::BATCH_NOT_AN_OBJECT, &[]).at("");
    };
    if let Some(key) = map.keys().find(|k| *k != "facts") {
        let problem = Problem::bad_request_said(message::BATCH_UNKNOWN_FIELD, &[&shown(key)]);
        return if may_be_personal(key) {
            problem.at("")
        } else {
            problem.at(format!("/{}", escape_pointer(&bounded(key))))
        };
    }
    match map.get("facts") {
        Some(serde_json::Value::Array(_)) => {
            Problem::bad_request_said(message::BATCH_FACTS_TWICE, &[]).at("/facts")
        }
        _ => Problem::bad_request_said(message::BATCH_FACTS_NOT_AN_ARRAY, &[]).at("/facts"),
    }
}

fn too_many(count: usize) -> Problem {
    Problem::said(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too-large",
        message::BATCH_TOO_MANY_FACTS,
        &[&count, &MAX_BATCH_FACTS],
    )
    .at("/facts")
}

/// A batch of facts to append.
#[derive(Debug, ToSchema)]
pub struct FactBatch {
    /// The facts, in the order to store them (a retraction after its fact).
    #[schema(schema_with = crate::apidoc::fact_record_list)]
    pub facts: Vec<serde_json::Value>,
}

/// What appending a batch did, fact by fact.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchResult {
    /// Facts stored now.
    pub created: u64,
    /// Facts already stored with the same content.
    pub duplicates: u64,
    /// Each fact of the batch, in order.
    pub results: Vec<BatchItem>,
}

/// One fact of a batch.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchItem {
    /// The fact's id.
    pub id: String,
    /// Its storage sequence.
    pub seq: i64,
    /// `created` or `duplicate`.
    pub result: &'static str,
}

/// Appends a batch of facts, all or nothing, in one transaction. Answers once
/// committed: 201 if any fact is new, 200 if all were already stored; a fact
/// that fails refuses the whole batch, and the problem names it (`index`,
/// `pointer` under `/facts/{index}`).
#[utoipa::path(post, path = "/v1/projects/{id}/fact-batches", tag = "facts",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii")),
    request_body(content = FactBatch, content_type = "application/json",
        description = "Up to 10,000 facts"),
    responses(
        (status = 201, description = "Stored now (some or all)", body = BatchResult),
        (status = 200, description = "Every fact was already stored", body = BatchResult)),
    security(("bearer" = [])))]
pub async fn post_batch(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    bytes: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let project = project(&state, &path(id)?)?;
    let actor = required_actor(&state, &headers, &project)?;
    let bytes =
        match json_body(&headers).and_then(|()| body(bytes, crate::limits::MAX_BATCH_BODY_BYTES)) {
            Ok(b) => b,
            Err(p) => return Err(refused(&state, &project, &actor, None, "append", p).await),
        };
    let items = (|| {
        // Each fact is kept as its text and read by core's JSON reader.
        let Ok(batch) = serde_json::from_slice::<RawBatch<'_>>(&bytes) else {
            return Err(batch_problem(&bytes));
        };
        if batch.facts.len() > MAX_BATCH_FACTS {
            return Err(too_many(batch.facts.len()));
        }
        Ok(batch.facts)
    })();
    let items = match items {
        Ok(i) => i,
        Err(p) => return Err(refused(&state, &project, &actor, None, "append", p).await),
    };
    let mut facts = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let parsed = fact_of_text(item.get(), project.project.vocabulary(), state.secret.key());
        let parsed = match parsed {
            Ok(i) => i,
            Err(p) => {
                let p = p.in_batch(index);
                return Err(refused(&state, &project, &actor, None, "append", p).await);
            }
        };
        let fact_id = parsed.fact.id.clone();
        let action = action_of(Some(&parsed.fact));
        match admit(&state, &project, &actor, parsed) {
            Ok(i) => facts.push(i),
            Err(p) => {
                let p = p.in_batch(index);
                return Err(refused(&state, &project, &actor, Some(fact_id), action, p).await);
            }
        }
    }
    let appended = state
        .writer
        .append(project.clone(), actor, facts, true)
        .await?;
    let status = status_of(&appended.outcomes);
    let (created, duplicates) = Outcome::tally(&appended.outcomes);
    let mut result = BatchResult {
        created,
        duplicates,
        results: Vec::with_capacity(appended.outcomes.len()),
    };
    for (outcome, incoming) in appended.outcomes.iter().zip(appended.facts) {
        result.results.push(BatchItem {
            id: incoming.fact.id,
            seq: outcome.seq(),
            result: outcome.word(),
        });
    }
    json(status, &result)
}

/// A page of facts.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactPage {
    /// The facts, in storage order.
    pub facts: Vec<StoredFact>,
    /// Where the next page starts: pass it as `cursor`. Present even at the
    /// end, so that a client can poll for facts stored later.
    pub next_cursor: String,
    /// Whether more facts matched when this page was read.
    pub has_more: bool,
}

/// Lists facts in storage order, filtered, a page at a time. Needs a token of
/// any organisation of the project (facts carry pseudonymous person keys).
#[utoipa::path(get, path = "/v1/projects/{id}/facts", tag = "facts",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"), crate::apidoc::FactListParams),
    responses((status = 200, description = "A page of facts", body = FactPage)),
    security(("bearer" = [])))]
pub async fn list_facts(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    query: Q,
) -> Result<Response, Problem> {
    let project = project(&state, &path(id)?)?;
    required_actor(&state, &headers, &project)?;
    let params = Params::from(query)?;
    let vocabulary = project.project.vocabulary();
    let kind = params
        .get("kind")
        .map(|k| {
            vocabulary.kind(k).map(|x| x.id.clone()).ok_or_else(|| {
                let names: Vec<&str> = vocabulary.kinds().iter().map(|x| x.id.as_str()).collect();
                // A string the document takes, naming no kind of this
                // project: 422, as for a fact of such a kind.
                Problem::said(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid-field",
                    message::UNKNOWN_FACT_KIND,
                    &[&format!("{k:?}"), &names.join(", ")],
                )
                .param("kind")
            })
        })
        .transpose()?;
    let territory = params
        .get("territory")
        .map(|t| {
            if (1..=7).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
                Ok(t.to_owned())
            } else {
                Err(Problem::bad_request_said(
                    message::TERRITORY_FILTER_NOT_DIGITS,
                    &[&format!("{t:?}")],
                )
                .param("territory"))
            }
        })
        .transpose()?;
    let filter = FactFilter {
        kind,
        territory,
        from: params.date("from")?.map(|d| d.to_string()),
        to: params.date("to")?.map(|d| d.to_string()),
    };
    let after = cursor(&params)?;
    let limit = limit(&params)?;
    let s = state.clone();
    let pid = project.id().to_owned();
    let (facts, has_more) = blocking(move || {
        s.readers
            .with(|c| store::list_facts(c, &pid, &filter, after, limit))
            .map_err(Problem::from)
    })
    .await?;
    let next = facts.last().map_or(after, |f| f.seq);
    json(
        StatusCode::OK,
        &FactPage {
            facts,
            next_cursor: cursor_of(next),
            has_more,
        },
    )
}

/// One stored fact by its id. Needs a token of any organisation of the project.
#[utoipa::path(get, path = "/v1/projects/{id}/facts/{fact_id}", tag = "facts",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"),
        ("fact_id" = String, Path, description = "The fact's id")),
    responses((status = 200, description = "The stored fact", body = StoredFact)),
    security(("bearer" = [])))]
pub async fn get_fact(
    State(state): AppRef,
    ids: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let (id, fact_id) = path(ids)?;
    let project = project(&state, &id)?;
    required_actor(&state, &headers, &project)?;
    let s = state.clone();
    let pid = project.id().to_owned();
    let wanted = fact_id.clone();
    let found = blocking(move || {
        s.readers
            .with(|c| store::fact_by_id(c, &pid, &wanted))
            .map_err(Problem::from)
    })
    .await?;
    match found {
        Some((stored, _)) => json(StatusCode::OK, &stored),
        None => Err(Problem::not_found_said(
            message::NO_SUCH_FACT,
            &[&project.id(), &format!("{fact_id:?}")],
        )
        .param("fact_id")),
    }
}

/// A page of the audit trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    /// The entries, oldest first.
    pub entries: Vec<AuditEntry>,
    /// Where the next page starts: pass it as `cursor`.
    pub next_cursor: String,
    /// Whether more entries existed when this page was read.
    pub has_more: bool,
}

/// The audit trail of every write to the project: who, when, which fact, and
/// the result. For the leader only.
#[utoipa::path(get, path = "/v1/projects/{id}/audit", tag = "facts",
    params(("id" = String, Path, description = "The project's id", example = "kooperacja-makroregion-ii"), crate::apidoc::PageParams),
    responses((status = 200, description = "A page of the audit trail", body = AuditPage)),
    security(("bearer" = [])))]
pub async fn audit(
    State(state): AppRef,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    query: Q,
) -> Result<Response, Problem> {
    let project = project(&state, &path(id)?)?;
    let actor = required_actor(&state, &headers, &project)?;
    if !actor.is_leader() {
        return Err(Problem::forbidden_said(
            message::AUDIT_FOR_THE_LEADER_ONLY,
            &[&project.id()],
        ));
    }
    let params = Params::from(query)?;
    let after = cursor(&params)?;
    let limit = limit(&params)?;
    let s = state.clone();
    let pid = project.id().to_owned();
    let (entries, has_more) = blocking(move || {
        s.readers
            .with(|c| store::list_audit(c, &pid, after, limit))
            .map_err(Problem::from)
    })
    .await?;
    let next = entries.last().map_or(after, |e| e.seq);
    json(
        StatusCode::OK,
        &AuditPage {
            entries,
            next_cursor: cursor_of(next),
            has_more,
        },
    )
}
