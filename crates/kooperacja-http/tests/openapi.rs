//! The OpenAPI document against the router: every route is documented, every
//! documented operation is routed, and every reference resolves.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use std::collections::BTreeSet;

use common::{KOOPERACJA, Server};
use kooperacja_http::openapi::{core_schemas, document, generated};
use kooperacja_http::server::ROUTES;
use serde_json::Value;

fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "delete", "patch", "head", "options"]
                .contains(&method.as_str())
            {
                out.insert((path.clone(), method.clone()));
            }
        }
    }
    out
}

fn routes() -> BTreeSet<(String, String)> {
    ROUTES
        .iter()
        .flat_map(|(path, methods)| {
            methods
                .iter()
                .map(move |m| ((*path).to_owned(), (*m).to_owned()))
        })
        .collect()
}

#[test]
fn the_document_lists_exactly_the_routes() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(operations(&doc), routes());
}

#[test]
fn every_reference_resolves_and_no_schema_name_is_taken_twice() {
    let doc = document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    fn refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    out.push(r.clone());
                }
                map.values().for_each(|x| refs(x, out));
            }
            Value::Array(items) => items.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    refs(&doc, &mut all);
    assert!(!all.is_empty());
    for r in &all {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("a reference outside components: {r}"));
        assert!(schemas.contains_key(name), "{r} does not resolve");
    }
    // This crate's own schema names never shadow core's (Report, Claim and
    // FactRecord are placeholders, replaced on purpose).
    let own = generated();
    let own: BTreeSet<&String> = own["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    for name in core_schemas().keys() {
        assert!(
            !own.contains(name) || name == "Report" || name == "Claim",
            "{name} is defined twice"
        );
    }
}

#[test]
fn every_operation_documents_its_problems() {
    let doc = document();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            for (status, response) in responses {
                let content = response["content"].as_object().unwrap();
                let types: Vec<&String> = content.keys().collect();
                let layer = ["408", "431", "500", "503"].contains(&status.as_str());
                if path == "/" && status == "400" {
                    // The dashboard refuses a bad date with a page for people.
                    assert_eq!(types, ["text/html"], "{method} {path} {status}");
                } else if path.starts_with("/projects/") && !layer {
                    // The upload page answers every refusal of its own with a
                    // page for people; the layers around every route answer
                    // problem documents.
                    assert_eq!(types, ["text/html"], "{method} {path} {status}");
                } else if status.starts_with('4') || status.starts_with('5') {
                    assert_eq!(
                        types,
                        ["application/problem+json"],
                        "{method} {path} {status}"
                    );
                } else {
                    assert!(
                        types == ["application/json"] || types == ["text/html"],
                        "{method} {path} {status}: {types:?}"
                    );
                }
            }
            for status in ["400", "500", "503"] {
                assert!(
                    responses.contains_key(status),
                    "{method} {path} lacks {status}"
                );
            }
        }
    }
}

#[test]
fn the_server_routes_exactly_what_the_document_lists() {
    let server = Server::start();
    let served: Value = server.get("/v1/openapi.json").json();
    assert_eq!(served, document());
    for (path, methods) in ROUTES {
        let concrete = path
            .replace("{id}", KOOPERACJA)
            .replace("{fact_id}", "some-fact");
        for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
            let r = server.request(method, &concrete, None, Some(("application/json", b"{}")));
            let documented = methods.contains(&method.to_ascii_lowercase().as_str());
            if documented {
                assert_ne!(r.status, 405, "{method} {path} is routed");
                if r.status == 404 {
                    assert_ne!(
                        r.json()["type"],
                        "urn:kooperacja:problem:no-such-route",
                        "{method} {path} is routed"
                    );
                }
            } else {
                assert_eq!(r.status, 405, "{method} {path} is not routed: {}", r.text());
            }
        }
    }
}

/// Every named enum of the document, as `enum` lists: a generated client
/// (openapi-python-client) reads `enum`, and fails on `oneOf` of `const`.
#[test]
fn enums_are_enum_lists() {
    fn walk(v: &Value, at: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Array(items)) = map.get("oneOf") {
                    if items.iter().any(|i| i.get("const").is_some()) {
                        out.push(at.to_owned());
                    }
                }
                for (k, x) in map {
                    walk(x, &format!("{at}/{k}"), out);
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    walk(x, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let doc = document();
    let mut found = Vec::new();
    walk(&doc, "", &mut found);
    assert_eq!(found, Vec::<String>::new());
    let status = &doc["components"]["schemas"]["Status"];
    assert_eq!(status["type"], "string");
    assert!(
        status["enum"]
            .as_array()
            .unwrap()
            .contains(&Value::from("at-risk"))
    );
}

/// Every operation says what it needs: the bearer token where a token is
/// asked for (the operation can answer 401), and `security: []` (none) on
/// the public ones and on the upload page, whose form carries the token (a
/// browser's form cannot send a header).
#[test]
fn every_operation_states_its_security() {
    let doc = document();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let guarded = op["responses"].get("401").is_some() && !path.starts_with("/projects/");
            let security = op["security"].as_array();
            let security = security.unwrap_or_else(|| panic!("{method} {path} has no security"));
            if guarded {
                assert_eq!(
                    security,
                    &[serde_json::json!({"bearer": []})],
                    "{method} {path}"
                );
            } else {
                assert!(security.is_empty(), "{method} {path}: {security:?}");
            }
        }
    }
}

#[test]
fn the_document_names_a_server() {
    let doc = document();
    let servers = doc["servers"].as_array().unwrap();
    assert!(!servers.is_empty());
    assert!(servers[0]["url"].as_str().unwrap().starts_with("http://"));
}
