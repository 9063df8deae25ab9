//! No raw person value is ever stored, logged or returned: a PESEL number (as
//! a JSON number and as a string) and names, sent in every field of every
//! kind of fact (single, in a batch, as a retraction), in query parameters,
//! in the path and in headers, and in a start-up import file, never appear
//! in the database file, its `-wal` and `-shm`, the server's output or any
//! response: neither as written, nor JSON-escaped, percent-encoded, in hex
//! or in base64 (the bytes are searched).
//!
//! Not covered, by design: a name in a free-text field (`id`, `place`,
//! `institution`, `name`, `title`, `category`, `reason`, `note`, and every
//! field a kind declares of type `text`) is stored as sent, as
//! any text there is: the server cannot tell a name from a title. The API
//! says these fields must not hold personal data; an 11-digit number (the
//! shape of a PESEL) is refused in every field.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, KOORDYNACJA, Server, raw};
use kooperacja_core::project::Project;
use kooperacja_core::vocabulary::FieldType;
use serde_json::{Value, json};

const PESEL: &str = "85010112345";
const NAMES: [&str; 2] = ["Jan Kowalski", "Grażyna Żółkiewska"];

/// Fields that hold free text, stored as sent.
const FREE_TEXT: [&str; 8] = [
    "id",
    "place",
    "institution",
    "name",
    "title",
    "category",
    "reason",
    "note",
];

/// Both fixture projects.
fn projects() -> Vec<Project> {
    ["kooperacja-makroregion-ii", "koordynacja-kujawy-pomorze"]
        .iter()
        .map(|id| {
            let path = common::fixture(&format!("fixtures/projects/{id}.toml"));
            Project::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
        })
        .collect()
}

/// Every field of every kind of both projects (their CSV columns), each once.
fn columns() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for project in projects() {
        for column in project.vocabulary().columns() {
            if !out.contains(&column) {
                out.push(column);
            }
        }
    }
    out
}

/// Whether a field holds free text (stored as sent): one of [`FREE_TEXT`], or
/// of type `text` in a kind of either project.
fn free_text(field: &str) -> bool {
    FREE_TEXT.contains(&field)
        || projects().iter().any(|p| {
            p.vocabulary()
                .fields_named(field)
                .any(|(_, f)| f.field_type == FieldType::Text)
        })
}

/// One fact of each kind, valid in its project.
fn templates() -> Vec<(&'static str, Value)> {
    vec![
        (
            KOOPERACJA,
            json!({"date": "2020-02-11", "by": "rops-torun", "territory": "0410", "kind": "meeting", "activity": "seminar", "days": 1, "participants": 10, "place": "sala", "persons": ["k-1", "k-2"], "led_by": ["rops-torun"]}),
        ),
        (
            KOOPERACJA,
            json!({"date": "2018-09-03", "by": "rops-torun", "territory": "0410033", "kind": "coaching", "person": "sw-001", "form": "individual", "role": "social-worker"}),
        ),
        (
            KOORDYNACJA,
            json!({"date": "2024-06-01", "by": "rops-torun", "territory": "04", "kind": "qualification", "person": "k-0001"}),
        ),
        (
            KOORDYNACJA,
            json!({"date": "2024-01-15", "by": "rops-torun", "territory": "0401", "kind": "support", "person": "k-0157", "institution": "ops-0401", "role": "social-worker"}),
        ),
        (
            KOOPERACJA,
            json!({"date": "2020-02-11", "by": "rops-torun", "territory": "0410033", "kind": "agreement", "institution": "mgops", "name": "MGOPS", "sector": "social-assistance", "place": "Nakło"}),
        ),
        (
            KOOPERACJA,
            json!({"date": "2019-09-02", "by": "rops-poznan", "territory": "3021083", "kind": "pilot", "jst": "3021083"}),
        ),
        (
            KOOPERACJA,
            json!({"date": "2019-03-20", "by": "umk", "kind": "deliverable", "deliverable": "model", "title": "Model"}),
        ),
        (
            KOORDYNACJA,
            json!({"date": "2024-09-01", "by": "rops-torun", "territory": "0401", "kind": "di-plan", "jst": "0401"}),
        ),
        (
            KOOPERACJA,
            json!({"date": "2018-04-30", "by": "rops-gdansk", "kind": "expenditure", "partner": "rops-gdansk", "amount": "100.00", "category": "platforma"}),
        ),
        (
            KOOPERACJA,
            json!({"date": "2020-03-01", "by": "rops-torun", "kind": "retraction", "retracts": "base-1", "reason": "a mistake"}),
        ),
    ]
}

/// The raw values, as JSON.
fn raw_values() -> Vec<Value> {
    let mut v = vec![json!(85010112345_u64), json!(PESEL)];
    v.extend(NAMES.iter().map(|n| json!(n)));
    v
}

/// Every form in which a value must not be found.
fn forms(value: &str) -> Vec<(String, Vec<u8>)> {
    let mut texts = vec![value.to_owned()];
    // Long words of a name, alone.
    texts.extend(
        value
            .split_whitespace()
            .filter(|w| w.chars().count() >= 5 && *w != value)
            .map(str::to_owned),
    );
    let mut out = Vec::new();
    for text in texts {
        let json = serde_json::to_string(&text).unwrap();
        let ascii: String = text
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else {
                    format!("\\u{:04x}", u32::from(c))
                }
            })
            .collect();
        let percent: String = text
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        let candidates = [
            ("as written", text.clone().into_bytes()),
            ("JSON-escaped", json.as_bytes()[1..json.len() - 1].to_vec()),
            ("\\u-escaped", ascii.into_bytes()),
            ("\\u-escaped upper", {
                let upper: String = text
                    .chars()
                    .map(|c| {
                        if c.is_ascii() {
                            c.to_string()
                        } else {
                            format!("\\u{:04X}", u32::from(c))
                        }
                    })
                    .collect();
                upper.into_bytes()
            }),
            ("percent-encoded", percent.into_bytes()),
            ("hex", hex::encode(text.as_bytes()).into_bytes()),
            ("HEX", hex::encode_upper(text.as_bytes()).into_bytes()),
            ("base64", base64(text.as_bytes(), false).into_bytes()),
            ("base64url", base64(text.as_bytes(), true).into_bytes()),
        ];
        for (how, bytes) in candidates {
            out.push((format!("{text:?} {how}"), bytes));
        }
    }
    out
}

/// Base64 without padding (a padded encoding contains it).
fn base64(data: &[u8], url: bool) -> String {
    let table: &[u8] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    };
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(char::from(table[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Each (place, form) where a raw value was found.
fn leaks(places: &[(String, Vec<u8>)]) -> Vec<String> {
    let mut values = vec![PESEL.to_owned()];
    values.extend(NAMES.iter().map(|n| (*n).to_owned()));
    let mut found = Vec::new();
    for value in &values {
        for (how, bytes) in forms(value) {
            for (place, data) in places {
                if find(data, &bytes) {
                    found.push(format!("{how} in {place}"));
                }
            }
        }
    }
    found
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn a_raw_person_value_in_any_field_of_any_request_is_never_stored_logged_or_returned() {
    // A start-up import file whose records carry the values.
    let files = tempfile::tempdir().unwrap();
    let import = files.path().join("import.jsonl");
    let mut lines = Vec::new();
    for (i, value) in raw_values().iter().enumerate() {
        for field in [
            "person",
            "by",
            "territory",
            "date",
            "jst",
            "place",
            "note",
            "id",
        ] {
            if free_text(field) && value.is_string() && text(value) != PESEL {
                continue;
            }
            let mut fact = json!({"id": format!("imp-{i}-{field}"), "date": "2018-09-03", "by": "rops-torun", "territory": "0410033", "kind": "coaching", "person": "sw-001", "form": "individual", "role": "social-worker"});
            fact[field] = value.clone();
            lines.push(fact.to_string());
        }
    }
    std::fs::write(&import, lines.join("\n") + "\n").unwrap();
    let server = Server::with(&["--facts", &format!("{KOOPERACJA}={}", import.display())]);
    let leader = server.token(KOOPERACJA, "rops-torun");
    let leader2 = server.token(KOORDYNACJA, "rops-torun");
    let token = |project: &str| {
        if project == KOOPERACJA {
            &leader
        } else {
            &leader2
        }
    };
    let mut responses: Vec<(String, Vec<u8>)> = Vec::new();
    let mut keep = |what: String, r: common::Response| {
        let mut bytes = Vec::new();
        for (k, v) in &r.headers {
            bytes.extend_from_slice(format!("{k}: {v}\n").as_bytes());
        }
        bytes.extend_from_slice(&r.body);
        responses.push((what, bytes));
    };
    // The fact that the retractions retract.
    let base = json!({"id": "base-1", "date": "2020-02-11", "by": "rops-torun", "territory": "0410", "kind": "meeting", "activity": "seminar", "days": 1, "participants": 10});
    let r = server.post(
        &format!("/v1/projects/{KOOPERACJA}/facts"),
        Some(&leader),
        &base.to_string(),
    );
    assert_eq!(r.status, 201, "{}", r.text());

    // Every field of every kind, single and in a batch.
    let mut n = 0;
    for (project, template) in templates() {
        let columns = columns();
        let free: Vec<bool> = columns.iter().map(|c| free_text(c)).collect();
        for (field, free) in columns.iter().zip(&free) {
            for value in raw_values() {
                if *free && value.is_string() && text(&value) != PESEL {
                    continue; // a name in free text: stored by design
                }
                n += 1;
                let mut fact = template.clone();
                fact["id"] = json!(format!("t-{n}"));
                fact[field.as_str()] = value.clone();
                let path = format!("/v1/projects/{project}/facts");
                let r = server.post(&path, Some(token(project)), &fact.to_string());
                keep(format!("POST {path} {field}={value}"), r);
                let mut good = base.clone();
                good["id"] = json!(format!("b-{n}"));
                let batch = json!({"facts": [good, fact]});
                let path = format!("/v1/projects/{project}/fact-batches");
                let r = server.post(&path, Some(token(project)), &batch.to_string());
                keep(format!("POST {path} {field}={value}"), r);
            }
        }
    }
    // Query parameters, path segments, headers.
    let base_path = format!("/v1/projects/{KOOPERACJA}");
    for value in [PESEL, NAMES[0], NAMES[1]] {
        let v = percent(value);
        let mut paths = vec![
            format!("/v1/projects/{v}"),
            format!("/v1/projects/{v}/report"),
            format!("{base_path}/facts/{v}"),
            format!("/{v}"),
            format!("{base_path}/diff?from={v}&to={v}"),
            format!("{base_path}/audit?cursor={v}&limit={v}"),
            format!("/?lang={v}"),
            format!("{base_path}/claims/{v}"),
            format!("/projects/{v}/claims"),
            format!("/projects/{KOOPERACJA}/claims?lang={v}"),
        ];
        for param in ["as_of", "version"] {
            for part in [
                "report",
                "indicators",
                "milestones",
                "budget",
                "groups",
                "territory",
            ] {
                paths.push(format!("{base_path}/{part}?{param}={v}"));
            }
        }
        for param in ["kind", "territory", "from", "to", "cursor", "limit"] {
            paths.push(format!("{base_path}/facts?{param}={v}"));
        }
        paths.push(format!("{base_path}/facts?{v}={v}"));
        for path in paths {
            let r = server.get_as(&path, &leader);
            keep(format!("GET {path}"), r);
        }
        let headers = vec![
            ("Authorization".to_owned(), format!("Bearer {value}")),
            ("X-Person".to_owned(), value.to_owned()),
        ];
        let r = raw(
            &server.addr,
            "GET",
            &format!("{base_path}/facts"),
            &headers,
            None,
        );
        keep(format!("GET with headers {value}"), r);
        let r = raw(
            &server.addr,
            "POST",
            &format!("{base_path}/facts"),
            &headers,
            Some(("application/json", base.to_string().as_bytes())),
        );
        keep(format!("POST with headers {value}"), r);
        let r = raw(
            &server.addr,
            "POST",
            &format!("{base_path}/facts"),
            &[("Authorization".to_owned(), format!("Bearer {leader}"))],
            Some((value, base.to_string().as_bytes())),
        );
        keep(format!("POST with content type {value}"), r);
        let r = server.request(
            "POST",
            &format!("{base_path}/claims/{v}/submission"),
            Some(&leader),
            None,
        );
        keep(format!("POST a claim's submission {value}"), r);
    }
    // A claim filed (when the fixture has a schedule): its stored bytes are
    // checked with the database's below.
    let r = server.request(
        "POST",
        &format!("{base_path}/claims/1/submission"),
        Some(&leader),
        None,
    );
    keep("POST claim 1's submission".to_owned(), r);
    // What reads return: the audit trail and every stored fact.
    for path in [
        format!("{base_path}/audit?limit=1000"),
        format!("{base_path}/facts?limit=1000"),
        format!("/v1/projects/{KOORDYNACJA}/audit?limit=1000"),
        format!("/v1/projects/{KOORDYNACJA}/facts?limit=1000"),
        format!("{base_path}/report"),
        format!("{base_path}/claims"),
        format!("/projects/{KOOPERACJA}/claims"),
        "/".to_owned(),
    ] {
        let tok = if path.contains(KOORDYNACJA) {
            &leader2
        } else {
            &leader
        };
        let r = server.get_as(&path, tok);
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        keep(format!("GET {path}"), r);
    }

    let mut places: Vec<(String, Vec<u8>)> = responses
        .into_iter()
        .map(|(what, bytes)| (format!("the response to {what}"), bytes))
        .collect();
    let db = server.db().display().to_string();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{db}{suffix}");
        places.push((
            format!("the database file {suffix:?} while running"),
            std::fs::read(&path).unwrap_or_default(),
        ));
    }
    let mut server = server;
    server.stop();
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{db}{suffix}");
        places.push((
            format!("the database file {suffix:?} after stopping"),
            std::fs::read(&path).unwrap_or_default(),
        ));
    }
    places.push(("the server's output".to_owned(), server.output()));
    assert!(
        server.output().windows(7).any(|w| w == b"refused"),
        "the import refused records: {}",
        String::from_utf8_lossy(&server.output())
    );

    let found = leaks(&places);
    assert!(
        found.is_empty(),
        "{} leaks, the first ones:\n{}",
        found.len(),
        found
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
