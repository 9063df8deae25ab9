//! Every read endpoint on the fixtures, and every error status.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, KOORDYNACJA, Server, meeting};
use serde_json::json;

#[test]
fn health_and_readiness() {
    let server = Server::start();
    assert_eq!(server.get("/healthz").json(), json!({"status": "ok"}));
    assert_eq!(server.get("/readyz").json(), json!({"status": "ready"}));
}

#[test]
fn projects_and_their_versions() {
    let server = Server::with_sample_facts();
    let list = server.get("/v1/projects");
    assert_eq!(list.status, 200);
    let list = list.json();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [KOOPERACJA, KOORDYNACJA]);
    let one = server.get(&format!("/v1/projects/{KOOPERACJA}")).json();
    let versions: Vec<&str> = one["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(versions, ["umowa", "aneks"]);
    assert_eq!(
        one["organisations"][0],
        json!({"id": "rops-torun", "role": "leader",
        "name": "Regionalny Ośrodek Polityki Społecznej w Toruniu", "voivodeship": "04"})
    );
    assert_eq!(
        one["organisations"][6]["voivodeship"],
        serde_json::Value::Null
    );
    assert_eq!(one["facts"], 1248);
}

#[test]
fn the_report_and_its_parts() {
    let server = Server::with_sample_facts();
    let base = format!("/v1/projects/{KOOPERACJA}");
    let report = server.get(&format!("{base}/report?as_of=2020-09-30"));
    assert_eq!(report.status, 200);
    assert_eq!(report.header("content-type"), Some("application/json"));
    let report = report.json();
    assert_eq!(report["version"], "aneks");
    assert_eq!(
        report["budget"]["spent"], "17873916.49",
        "the README's figure"
    );
    // The same request again comes from the cache, unchanged.
    assert_eq!(
        server
            .get(&format!("{base}/report?as_of=2020-09-30"))
            .json(),
        report
    );
    // Polish dates are taken too.
    assert_eq!(
        server
            .get(&format!("{base}/report?as_of=30.09.2020"))
            .json(),
        report
    );

    let indicators = server
        .get(&format!("{base}/indicators?as_of=2020-09-30"))
        .json();
    assert_eq!(indicators["indicators"], report["indicators"]);
    let milestones = server
        .get(&format!("{base}/milestones?as_of=2020-09-30"))
        .json();
    assert_eq!(milestones["milestones"], report["milestones"]);
    assert_eq!(milestones["period"], report["period"]);
    let budget = server
        .get(&format!("{base}/budget?as_of=2020-09-30"))
        .json();
    assert_eq!(budget["execution"], report["budget"]);
    // A stated amount is written as text, or with the text its source printed.
    let amount = |v: &serde_json::Value| v.get("amount").unwrap_or(v).clone();
    assert_eq!(amount(&budget["plan"]["total"]), "31604368.34");
    let groups = server
        .get(&format!("{base}/groups?as_of=2020-09-30"))
        .json();
    assert!(!groups["groups"].as_array().unwrap().is_empty());
    let territory = server.get(&format!("{base}/territory")).json();
    assert_eq!(territory["counts"]["voivodeships"], 6);
    assert_eq!(territory["voivodeships"].as_array().unwrap().len(), 6);

    // ?version=: the report as if that version were in force.
    let original = server
        .get(&format!("{base}/report?as_of=2020-09-30&version=umowa"))
        .json();
    assert_eq!(original["version"], "umowa");
    assert_eq!(original["budget"]["total"], "11977479.39");
    assert_eq!(original["budget"]["spent"], report["budget"]["spent"]);
    let plan = server
        .get(&format!("{base}/budget?as_of=2020-09-30&version=umowa"))
        .json();
    assert_eq!(amount(&plan["plan"]["total"]), "11977479.39");
    // The version in force, named, is the default report.
    assert_eq!(
        server
            .get(&format!("{base}/report?as_of=2020-09-30&version=aneks"))
            .json(),
        report
    );
    // The pinned engine follows appends too.
    let token = server.token(KOOPERACJA, "rops-torun");
    let spend = json!({"id": "x-1", "date": "2020-05-05", "by": "rops-torun", "kind": "expenditure",
        "amount": "100.01", "category": "platforma"});
    assert_eq!(
        server
            .post(&format!("{base}/facts"), Some(&token), &spend.to_string())
            .status,
        201
    );
    let original = server
        .get(&format!("{base}/report?as_of=2020-09-30&version=umowa"))
        .json();
    assert_eq!(original["budget"]["spent"], "17874016.50");
    let report = server
        .get(&format!("{base}/report?as_of=2020-09-30"))
        .json();
    assert_eq!(report["budget"]["spent"], "17874016.50");
}

#[test]
fn the_diff_between_versions() {
    let server = Server::start();
    let base = format!("/v1/projects/{KOOPERACJA}");
    let diff = server.get(&format!("{base}/diff")).json();
    assert_eq!(
        (diff["from"].as_str(), diff["to"].as_str()),
        (Some("umowa"), Some("aneks"))
    );
    let total = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "budget.total")
        .unwrap();
    assert_eq!(
        total["old"],
        json!({"type": "amount", "value": "11977479.39"})
    );
    let same = server
        .get(&format!("{base}/diff?from=aneks&to=aneks"))
        .json();
    assert_eq!(same["changes"], json!([]));
    let p = server.get(&format!("{base}/diff?from=nope")).problem(404);
    assert_eq!(p["parameter"], "from");
    let p = server
        .get(&format!("/v1/projects/{KOORDYNACJA}/diff"))
        .problem(422);
    assert_eq!(p["parameter"], "from");
    assert_eq!(p["type"], "urn:kooperacja:problem:nothing-to-compare");
}

#[test]
fn the_dashboard_in_polish_and_english() {
    let server = Server::with_sample_facts();
    let pl = server.get("/");
    assert_eq!(pl.status, 200);
    assert!(pl.header("content-type").unwrap().starts_with("text/html"));
    let html = pl.text();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"pl\">"));
    assert!(html.contains("<svg"));
    assert!(html.contains("Kooperacja"));
    assert!(!html.contains("<script"));
    let en = server.get("/?lang=en").text();
    assert!(en.contains("<html lang=\"en\">"));
}

#[test]
fn every_error_is_a_problem_document() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let base = format!("/v1/projects/{KOOPERACJA}");
    let facts = format!("{base}/facts");

    // 400: a bad parameter, bad JSON, a bad field (named by a pointer).
    let p = server
        .get(&format!("{base}/report?as_of=2020-02-30"))
        .problem(400);
    assert_eq!(p["parameter"], "as_of");
    let p = server.post(&facts, Some(&token), "{not json").problem(400);
    assert_eq!(p["pointer"], "");
    let p = server.post(&facts, Some(&token), "[1]").problem(400);
    assert_eq!(p["pointer"], "");
    // 400 when the body breaks the API document, which describes a fact of
    // any project (a date that is not one, a missing id, a value of a JSON
    // type no field takes); 422 when it has the document's shape but does not
    // fit the project's declared vocabulary (a kind or a field the project
    // does not declare, a JST given as a number, a missing required field).
    for (body, status, pointer) in [
        (
            json!({"id": "a", "date": "2020-02-30", "by": "rops-torun", "kind": "pilot", "jst": "0410"}),
            400,
            "/date",
        ),
        (
            json!({"id": "a", "date": "2020-02-03", "by": "rops-torun", "kind": "pilot"}),
            422,
            "/jst",
        ),
        (
            json!({"id": "a", "date": "2020-02-03", "by": "rops-torun", "kind": "party"}),
            422,
            "/kind",
        ),
        (
            // An unknown field's name is the client's text, so the pointer
            // does not repeat it (it could be a person value).
            json!({"id": "a", "date": "2020-02-03", "by": "rops-torun", "kind": "pilot", "jst": "0410", "colour": "red"}),
            422,
            "/…",
        ),
        (
            json!({"id": "a", "date": "2020-02-03", "by": "rops-torun", "kind": "pilot", "jst": 410}),
            422,
            "/jst",
        ),
        (
            json!({"id": "a", "date": "2020-02-03", "by": "rops-torun", "kind": "pilot", "jst": {"code": "0410"}}),
            400,
            "/jst",
        ),
        (
            json!({"id": "a", "date": "2020-02-03", "by": "rops-torun", "kind": "coaching", "person": "85010112345", "form": "individual", "role": "social-worker"}),
            422,
            "/person",
        ),
        (
            json!({"date": "2020-02-03", "by": "rops-torun", "kind": "pilot", "jst": "0410"}),
            400,
            "/id",
        ),
    ] {
        let p = server
            .post(&facts, Some(&token), &body.to_string())
            .problem(status);
        assert_eq!(p["pointer"], pointer, "{body}: {p}");
    }
    // An empty parameter is not an absent one.
    let p = server.get(&format!("{base}/report?as_of=")).problem(400);
    assert_eq!(p["parameter"], "as_of");
    // 401, 403: see tests/access.rs; 404: project, version, fact, route.
    server.get("/v1/projects/nope/report").problem(404);
    let p = server
        .get(&format!("{base}/report?version=v9"))
        .problem(404);
    assert_eq!(p["parameter"], "version");
    server.get_as(&format!("{facts}/nope"), &token).problem(404);
    let p = server.get("/v2/nothing").problem(404);
    assert_eq!(p["type"], "urn:kooperacja:problem:no-such-route");
    // 405.
    let r = server.request("DELETE", &facts, Some(&token), None);
    r.problem(405);
    assert!(r.header("allow").unwrap().contains("POST"));
    // 409: see tests/facts.rs. 413: a body or a batch too large.
    let big = format!("{{\"id\": \"{}\"}}", "x".repeat(1 << 20));
    server.post(&facts, Some(&token), &big).problem(413);
    let many: Vec<serde_json::Value> = (0..10_001)
        .map(|i| json!({"id": format!("f{i}")}))
        .collect();
    let p = server
        .post(
            &format!("{base}/fact-batches"),
            Some(&token),
            &json!({"facts": many}).to_string(),
        )
        .problem(413);
    assert_eq!(p["pointer"], "/facts");
    // 415.
    let r = server.request(
        "POST",
        &facts,
        Some(&token),
        Some(("text/plain", meeting("m", "rops-torun", "0410").as_bytes())),
    );
    r.problem(415);
    // 422: the fact does not fit the project, with core's findings.
    let outside = json!({"id": "late", "date": "2030-01-01", "by": "rops-torun", "territory": "0410",
        "kind": "meeting", "group": "XYZ"});
    let p = server
        .post(&facts, Some(&token), &outside.to_string())
        .problem(422);
    let codes: Vec<&str> = p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["fact.date-outside", "fact.unknown-group"]);
    assert_eq!(p["pointer"], "/date");
    let huge = json!({"id": "huge", "date": "2020-01-01", "by": "rops-torun", "kind": "expenditure",
        "amount": "999999999999999.99", "category": "x"});
    let p = server
        .post(&facts, Some(&token), &huge.to_string())
        .problem(422);
    assert_eq!(p["pointer"], "/amount");
    // Nothing of all this was stored.
    let page = server.get_as(&facts, &token).json();
    assert_eq!(page["facts"], json!([]));
}

#[test]
fn a_panic_answers_500_and_the_server_goes_on() {
    let server = Server::with(&["--test-routes"]);
    for _ in 0..3 {
        server.get("/__test/panic").problem(500);
        assert_eq!(server.get("/healthz").status, 200);
    }
    assert_eq!(
        server
            .get(&format!("/v1/projects/{KOOPERACJA}/report"))
            .status,
        200
    );
}

#[test]
fn a_request_over_the_time_limit_answers_408() {
    let server = Server::with(&["--test-routes", "--request-timeout-ms", "300"]);
    let p = server.get("/__test/sleep?ms=5000").problem(408);
    assert_eq!(p["type"], "urn:kooperacja:problem:timeout");
    assert_eq!(server.get("/__test/sleep?ms=0").status, 200);
}

#[test]
fn the_test_routes_are_off_by_default() {
    let server = Server::start();
    server.get("/__test/panic").problem(404);
}

#[test]
fn the_territory_is_the_area_of_the_version_in_force() {
    let zmiany = common::fixture("fixtures/amendments/zmiany.toml");
    let server = Server::with(&["--project", &zmiany]);
    let territory = |query: &str| {
        server
            .get(&format!("/v1/projects/zmiany/territory?{query}"))
            .json()
    };
    let before = territory("as_of=2024-06-30");
    assert_eq!(
        (
            before["version"].as_str(),
            before["counts"]["powiats"].as_u64()
        ),
        (Some("umowa"), Some(1))
    );
    let after = territory("as_of=2024-07-01");
    assert_eq!(
        (
            after["version"].as_str(),
            after["counts"]["powiats"].as_u64()
        ),
        (Some("aneks-1"), Some(2))
    );
    let asked = territory("as_of=2024-07-01&version=umowa");
    assert_eq!(asked["counts"]["powiats"], 1);
}
