//! Problem documents for people: the title names the kind of problem and,
//! with the detail, is in Polish when the request prefers Polish
//! (`Accept-Language`), in English otherwise; the type, status and the field
//! to blame never change with the language.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, Server, raw};

fn get(server: &Server, path: &str, lang: Option<&str>) -> common::Response {
    let headers: Vec<(String, String)> = lang
        .map(|l| vec![("Accept-Language".to_owned(), l.to_owned())])
        .unwrap_or_default();
    raw(&server.addr, "GET", path, &headers, None)
}

#[test]
fn the_title_names_the_kind_of_problem() {
    let server = Server::start();
    let p = get(&server, "/v1/projects/nope/report", None).problem(404);
    assert_eq!(p["type"], "urn:kooperacja:problem:not-found");
    assert_eq!(p["title"], "Not found");
}

#[test]
fn a_request_preferring_polish_gets_a_polish_title_and_detail() {
    let server = Server::start();
    let path = format!("/v1/projects/{KOOPERACJA}/report?as_of=2020-02-30");
    let r = get(&server, &path, Some("pl-PL,pl;q=0.9,en;q=0.8"));
    assert_eq!(r.header("content-language"), Some("pl"));
    let p = r.problem(400);
    assert_eq!(p["type"], "urn:kooperacja:problem:invalid-field");
    assert_eq!(p["parameter"], "as_of");
    assert_eq!(p["title"], "Nieprawidłowe pole lub parametr");
    assert_eq!(
        p["detail"],
        "as_of: to nie jest data; podaj datę w postaci 2020-09-30"
    );
}

#[test]
fn the_same_request_in_english() {
    let server = Server::start();
    let path = format!("/v1/projects/{KOOPERACJA}/report?as_of=2020-02-30");
    let r = get(&server, &path, Some("en-GB,pl;q=0.5"));
    assert_eq!(r.header("content-language"), Some("en"));
    let p = r.problem(400);
    assert_eq!(p["title"], "Invalid field or parameter");
    assert_eq!(
        p["detail"],
        "as_of: not a date; expected a date like 2020-09-30"
    );
}

#[test]
fn english_when_no_language_asked_is_served() {
    let server = Server::start();
    let p = get(&server, "/v1/projects/nope/report", Some("de-DE,fr;q=0.5")).problem(404);
    assert_eq!(p["title"], "Not found");
}

#[test]
fn a_token_needed_is_said_in_polish() {
    let server = Server::start();
    let path = format!("/v1/projects/{KOOPERACJA}/facts");
    let p = get(&server, &path, Some("pl")).problem(401);
    assert_eq!(p["type"], "urn:kooperacja:problem:unauthorized");
    assert_eq!(p["title"], "Brak ważnego tokenu");
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .starts_with("ta ścieżka wymaga tokenu"),
        "{p}"
    );
}

#[test]
fn an_unknown_path_is_said_in_polish() {
    let server = Server::start();
    let p = get(&server, "/v2/nothing", Some("pl")).problem(404);
    assert_eq!(p["type"], "urn:kooperacja:problem:no-such-route");
    assert_eq!(p["title"], "Nie ma takiej ścieżki");
}

#[test]
fn a_refusal_for_a_partner_is_said_in_polish() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-gdansk");
    let headers = vec![
        ("Authorization".to_owned(), format!("Bearer {token}")),
        ("Accept-Language".to_owned(), "pl".to_owned()),
    ];
    let path = format!("/v1/projects/{KOOPERACJA}/audit");
    let p = raw(&server.addr, "GET", &path, &headers, None).problem(403);
    assert_eq!(p["type"], "urn:kooperacja:problem:forbidden");
    assert_eq!(p["title"], "Brak uprawnień");
    assert_eq!(
        p["detail"], "dziennik zmian jest tylko dla lidera projektu …",
        "the project's id, a value of the request, is not repeated"
    );
}

#[test]
fn a_fact_of_a_batch_is_named_in_polish_too() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let headers = vec![
        ("Authorization".to_owned(), format!("Bearer {token}")),
        ("Accept-Language".to_owned(), "pl".to_owned()),
    ];
    let body = format!(
        r#"{{"facts": [{}, {{"id": "n1", "date": "2020-02-11", "by": "rops-torun", "kind": "meeting", "note": "{}"}}]}}"#,
        common::meeting("b0", "rops-torun", "04"),
        "x".repeat(2001)
    );
    let path = format!("/v1/projects/{KOOPERACJA}/fact-batches");
    let r = raw(
        &server.addr,
        "POST",
        &path,
        &headers,
        Some(("application/json", body.as_bytes())),
    );
    let p = r.problem(400);
    assert_eq!(p["index"], 1);
    assert_eq!(
        p["detail"],
        "fakt 1 partii: notatka jest dłuższa niż 2000 znaków"
    );
}
