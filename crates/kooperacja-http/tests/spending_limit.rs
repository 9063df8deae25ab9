//! The server refuses on write what core's engine would exclude under its
//! spending limit, instead of storing a fact that then does not count
//! (issue 11, class 6: one acceptance rule, applied by every adapter).

mod common;

use common::{Server, fixture};

/// The Kujawy fixture as a project worth just under 10^15 zł, so that two of
/// its largest expenditures reach the engine's spending limit.
fn huge_project(dir: &std::path::Path) -> String {
    let text =
        std::fs::read_to_string(fixture("fixtures/projects/koordynacja-kujawy-pomorze.toml"))
            .expect("fixture");
    let register = fixture("fixtures/teryt/TERC_Urzedowy_2025-11-18.csv");
    let text = text
        .replacen("id = \"koordynacja-kujawy-pomorze\"", "id = \"wielki\"", 1)
        .replace(
            "\"../teryt/TERC_Urzedowy_2025-11-18.csv\"",
            &format!("{register:?}"),
        )
        .replace(
            "total = \"22 009 655,37 zł\"",
            "total = \"999 999 999 999 999,99 zł\"",
        )
        .replace(
            "eu_contribution = \"18 162 367,61 zł\"",
            "eu_contribution = \"825 199 999 999 999,99 zł\"",
        );
    let path = dir.join("wielki.toml");
    std::fs::write(&path, text).expect("writable");
    path.display().to_string()
}

fn spend(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","date":"2024-05-01","by":"rops-torun","kind":"expenditure","amount":"999999999999999.99","category":"platforma"}}"#
    )
}

#[test]
fn an_expenditure_past_the_spending_limit_is_refused_not_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = huge_project(dir.path());
    let server = Server::with(&["--project", &project]);
    let token = server.token("wielki", "rops-torun");
    let first = server.post("/v1/projects/wielki/facts", Some(&token), &spend("e-1"));
    assert_eq!(first.status, 201, "{}", first.text());
    let second = server.post("/v1/projects/wielki/facts", Some(&token), &spend("e-2"));
    let problem = second.problem(422);
    assert_eq!(
        problem["findings"][0]["code"], "fact.spending-limit",
        "{problem}"
    );
    assert_eq!(problem["pointer"], "/amount", "{problem}");
    let stored = server.get_as("/v1/projects/wielki/facts/e-2", &token);
    assert_eq!(stored.status, 404, "{}", stored.text());
}

#[test]
fn a_batch_that_crosses_the_spending_limit_is_refused_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = huge_project(dir.path());
    let server = Server::with(&["--project", &project]);
    let token = server.token("wielki", "rops-torun");
    let body = format!(r#"{{"facts":[{},{}]}}"#, spend("b-1"), spend("b-2"));
    let answer = server.post("/v1/projects/wielki/fact-batches", Some(&token), &body);
    let problem = answer.problem(422);
    assert_eq!(
        problem["findings"][0]["code"], "fact.spending-limit",
        "{problem}"
    );
    assert_eq!(
        server
            .get_as("/v1/projects/wielki/facts/b-1", &token)
            .status,
        404
    );
}
