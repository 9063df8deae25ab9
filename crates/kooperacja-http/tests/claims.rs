//! Payment claims over HTTP, on a small purpose-made project
//! (`tests/data/claims-project.toml`: three claims, two partners, cost lines
//! whose figures the tests can check by hand) and on the Kooperacja fixture:
//! the schedule with each claim's status, a claim (filed: frozen; else the
//! draft), filing by the leader only, and a retraction posted after a claim
//! is filed showing as a correction in the next claim while the filed claim
//! stays byte for byte as it was.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, Server, fixture};
use serde_json::{Value, json};

/// The purpose-made project's id, its leader and its partner.
const PROJECT: &str = "maly";
const LEADER: &str = "lider";
const PARTNER: &str = "partner";

/// The server on both fixtures and the purpose-made project with its facts
/// (two expenditures and a meeting in claim 1's period, an advance of
/// 20 000,00 zł, an expenditure in claim 2's).
fn server() -> Server {
    let project = fixture("crates/kooperacja-http/tests/data/claims-project.toml");
    let facts = format!(
        "{PROJECT}={}",
        fixture("crates/kooperacja-http/tests/data/claims-facts.jsonl")
    );
    Server::with(&["--project", &project, "--facts", &facts])
}

fn claims() -> String {
    format!("/v1/projects/{PROJECT}/claims")
}

fn claim(n: u32) -> String {
    format!("/v1/projects/{PROJECT}/claims/{n}")
}

fn submission(n: u32) -> String {
    format!("/v1/projects/{PROJECT}/claims/{n}/submission")
}

fn facts() -> String {
    format!("/v1/projects/{PROJECT}/facts")
}

fn file(server: &Server, token: &str, n: u32) -> common::Response {
    server.request("POST", &submission(n), Some(token), None)
}

#[test]
fn claims_need_a_token() {
    let server = server();
    for path in [claims(), claim(1)] {
        let p = server.get(&path).problem(401);
        assert_eq!(p["type"], "urn:kooperacja:problem:unauthorized", "{path}");
    }
    server
        .request("POST", &submission(1), None, None)
        .problem(401);
}

#[test]
fn a_partner_reads_claims_but_cannot_file_one() {
    let server = server();
    let partner = server.token(PROJECT, PARTNER);
    let r = server.get_as(&claims(), &partner);
    assert_eq!(r.status, 200, "{}", r.text());
    let p = file(&server, &partner, 1).problem(403);
    assert!(p["detail"].as_str().unwrap().contains("leader"), "{p}");
    // Nothing was filed.
    let schedule = server.get_as(&claims(), &partner).json();
    assert_eq!(schedule["claims"][0]["status"], "draft", "{schedule}");
}

#[test]
fn the_schedule_lists_every_period_as_a_draft_until_it_is_filed() {
    let server = server();
    let leader = server.token(PROJECT, LEADER);
    let schedule = server.get_as(&claims(), &leader).json();
    assert_eq!(schedule["project"], PROJECT);
    let list = schedule["claims"].as_array().unwrap();
    assert_eq!(list.len(), 3, "{schedule}");
    assert_eq!(
        list[1]["period"],
        json!({"start": "2024-04-01", "end": "2024-06-30"})
    );
    assert_eq!(list[2]["kinds"], json!(["settlement", "refund", "final"]));
    for (i, entry) in list.iter().enumerate() {
        assert_eq!(entry["number"], json!(i + 1), "{entry}");
        assert_eq!(entry["status"], "draft", "{entry}");
        assert_eq!(entry["filed_on"], Value::Null, "{entry}");
    }
    let r = file(&server, &leader, 1);
    assert_eq!(r.status, 201, "{}", r.text());
    let schedule = server.get_as(&claims(), &leader).json();
    assert_eq!(schedule["claims"][0]["status"], "filed", "{schedule}");
    assert_eq!(schedule["claims"][0]["filed_by"], LEADER, "{schedule}");
    assert_eq!(schedule["claims"][1]["status"], "draft", "{schedule}");
}

#[test]
fn a_draft_is_the_claim_core_computes_from_the_stored_facts() {
    let server = server();
    let leader = server.token(PROJECT, LEADER);
    let r = server.get_as(&claim(1), &leader);
    assert_eq!(r.status, 200, "{}", r.text());
    let c = r.json();
    assert_eq!(c["number"], 1);
    assert_eq!(c["status"], "draft");
    assert_eq!(c["project"], PROJECT);
    assert_eq!(c["material"][0]["id"], "meetings", "{c}");
    assert_eq!(c["material"][0]["in_period"], "1", "{c}");
    // 1 000,00 + 500,00 zł direct, and 10 % of it indirect.
    assert_eq!(c["financial"]["direct"]["in_period"], "1500.00", "{c}");
    assert_eq!(c["financial"]["total"]["in_period"], "1650.00", "{c}");
    assert_eq!(c["advances"]["received_in_period"], "20000.00", "{c}");
    let documents: Vec<&str> = c["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["fact"].as_str().unwrap())
        .collect();
    assert_eq!(documents, ["e1", "e2"], "{c}");
    // A claim is for the institution: counts by sex are not suppressed.
    assert!(!r.text().contains("suppressed"), "{c}");
}

#[test]
fn a_filed_claim_stays_as_filed_and_a_later_retraction_corrects_the_next_claim() {
    let server = server();
    let leader = server.token(PROJECT, LEADER);
    let filed = file(&server, &leader, 1);
    assert_eq!(filed.status, 201, "{}", filed.text());
    assert_eq!(
        filed.header("location"),
        Some(format!("/v1/projects/{PROJECT}/claims/1").as_str())
    );
    let frozen = filed.json();
    assert_eq!(frozen["status"], "filed");
    let before = server.get_as(&claim(1), &leader);
    assert_eq!(before.status, 200);
    assert_eq!(
        before.body, filed.body,
        "the filed claim is answered as filed"
    );
    // An expenditure the filed claim counted, retracted now.
    let counted = frozen["documents"][0]["fact"].as_str().unwrap().to_owned();
    let retraction = json!({"id": "retract-counted", "date": "2024-05-01", "by": LEADER,
        "kind": "retraction", "retracts": counted, "reason": "a duplicate invoice"});
    let r = server.post(&facts(), Some(&leader), &retraction.to_string());
    assert_eq!(r.status, 201, "{}", r.text());
    let after = server.get_as(&claim(1), &leader);
    assert_eq!(
        after.body, before.body,
        "the filed claim's JSON is byte-identical after the retraction"
    );
    let next = server.get_as(&claim(2), &leader).json();
    let corrections = next["corrections"].as_array().unwrap();
    let correction = corrections
        .iter()
        .find(|c| {
            c["retracted"]
                .as_array()
                .unwrap()
                .iter()
                .any(|id| id == counted.as_str())
        })
        .unwrap_or_else(|| panic!("no correction names {counted}: {next}"));
    assert_eq!(correction["corrects"], 1, "{correction}");
    assert_eq!(correction["filed"], "1000.00", "{correction}");
    assert_eq!(correction["difference"], "-1000.00", "{correction}");
    assert_eq!(
        correction["subject"],
        json!({"of": "expenditure", "task": 1, "line": "1.1"})
    );
    // Still frozen after a restart.
    let mut server = server;
    server.restart();
    let restarted = server.get_as(&claim(1), &leader);
    assert_eq!(restarted.body, before.body, "frozen across a restart");
}

#[test]
fn a_claim_is_filed_once_and_in_order() {
    let server = server();
    let leader = server.token(PROJECT, LEADER);
    let p = file(&server, &leader, 2).problem(409);
    assert_eq!(p["type"], "urn:kooperacja:problem:claim-not-filed", "{p}");
    assert!(
        p["detail"].as_str().unwrap().contains("before claim no. 1"),
        "{p}"
    );
    assert_eq!(file(&server, &leader, 1).status, 201);
    let p = file(&server, &leader, 1).problem(409);
    assert!(
        p["detail"].as_str().unwrap().contains("filed already"),
        "{p}"
    );
}

#[test]
fn a_claim_not_in_the_schedule_is_not_found() {
    let server = server();
    let leader = server.token(PROJECT, LEADER);
    let p = server.get_as(&claim(999), &leader).problem(404);
    assert_eq!(p["parameter"], "n", "{p}");
    file(&server, &leader, 999).problem(404);
}

#[test]
fn a_claim_the_central_system_would_reject_is_not_filed_and_its_findings_are_listed() {
    let server = server();
    let leader = server.token(PROJECT, LEADER);
    let period = server.get_as(&claims(), &leader).json()["claims"][0]["period"].clone();
    // Expenditure naming a task the plan lacks, dated in the first period.
    let bad = json!({"id": "exp-unknown-task", "date": period["end"], "by": LEADER,
        "kind": "expenditure", "partner": LEADER, "amount": "100.00",
        "category": "badania", "task": 99, "line": "99.1"});
    let r = server.post(&facts(), Some(&leader), &bad.to_string());
    assert_eq!(r.status, 201, "{}", r.text());
    let p = file(&server, &leader, 1).problem(422);
    assert_eq!(p["type"], "urn:kooperacja:problem:claim-rejected", "{p}");
    let findings = p["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["code"] == "claim.unknown-line"),
        "{p}"
    );
    assert!(findings.iter().all(|f| f["severity"] == "error"), "{p}");
    let schedule = server.get_as(&claims(), &leader).json();
    assert_eq!(schedule["claims"][0]["status"], "draft", "{schedule}");
}

#[test]
fn filing_and_refused_filings_are_in_the_audit_trail() {
    let server = server();
    let leader = server.token(PROJECT, LEADER);
    let partner = server.token(PROJECT, PARTNER);
    assert_eq!(file(&server, &partner, 1).status, 403);
    assert_eq!(file(&server, &leader, 1).status, 201);
    assert_eq!(file(&server, &leader, 1).status, 409);
    let audit = server
        .get_as(&format!("/v1/projects/{PROJECT}/audit"), &leader)
        .json();
    let entries: Vec<(String, String, u64, String)> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "file-claim")
        .map(|e| {
            (
                e["org"].as_str().unwrap().to_owned(),
                e["result"].as_str().unwrap().to_owned(),
                e["status"].as_u64().unwrap(),
                e["detail"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let claim_1 = "payment claim no. 1".to_owned();
    assert_eq!(
        entries,
        [
            (
                PARTNER.to_owned(),
                "forbidden".to_owned(),
                403,
                claim_1.clone()
            ),
            (
                LEADER.to_owned(),
                "created".to_owned(),
                201,
                claim_1.clone()
            ),
            (LEADER.to_owned(), "conflict".to_owned(), 409, claim_1),
        ],
        "{audit}"
    );
}

#[test]
fn the_claim_schedule_page_shows_where_each_claim_stands() {
    let server = server();
    let leader = server.token(PROJECT, LEADER);
    assert_eq!(file(&server, &leader, 1).status, 201);
    for (lang, filed, draft) in [("", "złożony", "projekt"), ("?lang=en", "filed", "draft")] {
        let r = server.get(&format!("/projects/{PROJECT}/claims{lang}"));
        assert_eq!(r.status, 200, "{}", r.text());
        let html = r.text();
        assert!(!html.contains("<script"), "no script");
        let doc = scraper::Html::parse_document(&html);
        let row = |n: u32| {
            let selector =
                scraper::Selector::parse(&format!("tr[data-claim=\"{n}\"] td[data-figure=status]"))
                    .unwrap();
            doc.select(&selector)
                .next()
                .map(|e| e.text().collect::<String>())
                .unwrap_or_else(|| panic!("no row {n}: {html}"))
        };
        assert_eq!(row(1), filed, "{lang}");
        assert_eq!(row(2), draft, "{lang}");
    }
    // The dashboard links to it.
    let dashboard = server.get("/").text();
    assert!(
        dashboard.contains(&format!("/projects/{PROJECT}/claims")),
        "the dashboard links to the claim schedule"
    );
}

#[test]
fn two_filings_at_once_file_the_claim_once() {
    let server = server();
    let leader = server.token(PROJECT, LEADER);
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| file(&server, &leader, 1).status))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut sorted = statuses.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, [201, 409, 409, 409], "{statuses:?}");
}

#[test]
fn on_the_kooperacja_fixture_every_claim_files_in_turn_and_reads_back_as_filed() {
    let server = Server::with_sample_facts();
    let leader = server.token(KOOPERACJA, "rops-torun");
    let path = |n: u64| format!("/v1/projects/{KOOPERACJA}/claims/{n}");
    let schedule = server
        .get_as(&format!("/v1/projects/{KOOPERACJA}/claims"), &leader)
        .json();
    let numbers: Vec<u64> = schedule["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["number"].as_u64().unwrap())
        .collect();
    assert!(numbers.len() > 10, "{schedule}");
    let mut filed = Vec::new();
    for n in &numbers {
        // Each claim is filed after the ones before it were read back from
        // the store as core's FiledClaim (shares with many decimals too).
        let r = server.request(
            "POST",
            &format!("{}/submission", path(*n)),
            Some(&leader),
            None,
        );
        assert_eq!(r.status, 201, "claim {n}: {}", r.text());
        filed.push(r.body);
    }
    for (n, body) in numbers.iter().zip(&filed) {
        assert_eq!(&server.get_as(&path(*n), &leader).body, body, "claim {n}");
    }
}
