//! Facts over HTTP: durability and idempotency across restarts, conflicts,
//! batches, pagination, retractions, pseudonymisation, the audit trail, the
//! start-up import and the rebuild of the indicators.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use std::collections::BTreeSet;

use common::{KOOPERACJA, KOORDYNACJA, Server, fixture, meeting};
use serde_json::json;

fn facts_path(project: &str) -> String {
    format!("/v1/projects/{project}/facts")
}

fn indicator(server: &Server, id: &str, as_of: &str) -> serde_json::Value {
    let r = server.get(&format!(
        "/v1/projects/{KOOPERACJA}/indicators?as_of={as_of}"
    ));
    assert_eq!(r.status, 200);
    r.json()["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .cloned()
        .unwrap()
}

#[test]
fn a_retried_fact_is_stored_once_and_answers_200_also_after_a_restart() {
    let mut server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let body = meeting("m-1", "rops-torun", "0410");
    let first = server.post(&facts_path(KOOPERACJA), Some(&token), &body);
    assert_eq!(first.status, 201, "{}", first.text());
    assert_eq!(
        first.header("location"),
        Some("/v1/projects/kooperacja-makroregion-ii/facts/m-1")
    );
    let stored = first.json();
    assert_eq!(stored["fact"]["id"], "m-1");
    assert_eq!(stored["written_by"], "rops-torun");

    let again = server.post(&facts_path(KOOPERACJA), Some(&token), &body);
    assert_eq!(again.status, 200, "{}", again.text());
    assert_eq!(again.json(), stored);

    server.restart();
    let after = server.post(&facts_path(KOOPERACJA), Some(&token), &body);
    assert_eq!(after.status, 200, "{}", after.text());
    assert_eq!(after.json(), stored);

    let page = server.get_as(&facts_path(KOOPERACJA), &token).json();
    assert_eq!(page["facts"].as_array().unwrap().len(), 1);
    // A note is not part of a fact's content: a retry with another note is the same fact.
    let mut noted: serde_json::Value = serde_json::from_str(&body).unwrap();
    noted["note"] = json!("sent again");
    let r = server.post(&facts_path(KOOPERACJA), Some(&token), &noted.to_string());
    assert_eq!(r.status, 200);
}

#[test]
fn other_content_under_a_stored_id_is_a_409_also_after_a_restart() {
    let mut server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = server.post(
        &facts_path(KOOPERACJA),
        Some(&token),
        &meeting("m-1", "rops-torun", "0410"),
    );
    assert_eq!(r.status, 201);
    let other = meeting("m-1", "rops-torun", "0401");
    let p = server
        .post(&facts_path(KOOPERACJA), Some(&token), &other)
        .problem(409);
    assert_eq!(p["pointer"], "/id");
    server.restart();
    server
        .post(&facts_path(KOOPERACJA), Some(&token), &other)
        .problem(409);
    let page = server.get_as(&facts_path(KOOPERACJA), &token).json();
    assert_eq!(page["facts"][0]["fact"]["territory"], "0410");
}

#[test]
fn a_batch_is_all_or_nothing_and_idempotent() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let batch_path = format!("/v1/projects/{KOOPERACJA}/fact-batches");
    let facts: Vec<serde_json::Value> = (0..5)
        .map(|i| serde_json::from_str(&meeting(&format!("b-{i}"), "rops-torun", "0410")).unwrap())
        .collect();
    let body = json!({ "facts": facts }).to_string();
    let r = server.post(&batch_path, Some(&token), &body);
    assert_eq!(r.status, 201, "{}", r.text());
    let result = r.json();
    assert_eq!(result["created"], 5);
    assert_eq!(result["results"][4]["result"], "created");

    let again = server.post(&batch_path, Some(&token), &body);
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["duplicates"], 5);

    // One conflicting fact refuses the whole batch, and names it.
    let mut mixed = facts.clone();
    mixed.push(serde_json::from_str(&meeting("new-1", "rops-torun", "0410")).unwrap());
    mixed.push(serde_json::from_str(&meeting("b-2", "rops-torun", "0401")).unwrap());
    let p = server
        .post(
            &batch_path,
            Some(&token),
            &json!({ "facts": mixed }).to_string(),
        )
        .problem(409);
    assert_eq!(p["index"], 6);
    assert_eq!(p["pointer"], "/facts/6/id");
    let page = server.get_as(&facts_path(KOOPERACJA), &token).json();
    assert_eq!(
        page["facts"].as_array().unwrap().len(),
        5,
        "new-1 was not stored"
    );

    // A bad field is named with its place in the batch.
    let bad = json!({ "facts": [facts[0], {"id": "x", "date": "2020-02-30", "by": "rops-torun", "kind": "pilot", "jst": "0410"}] });
    let p = server
        .post(&batch_path, Some(&token), &bad.to_string())
        .problem(400);
    assert_eq!(p["pointer"], "/facts/1/date");
}

#[test]
fn a_fact_in_a_batch_is_read_and_refused_as_it_would_be_alone() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let batch_path = format!("/v1/projects/{KOOPERACJA}/fact-batches");
    let good: serde_json::Value =
        serde_json::from_str(&meeting("g-1", "rops-torun", "0410")).unwrap();
    let refused = |second: &str, status: u16| {
        let body = format!("{{\"facts\": [{good}, {second}]}}");
        let p = server
            .post(&batch_path, Some(&token), &body)
            .problem(status);
        assert_eq!(p["index"], 1, "{p}");
        p["pointer"].as_str().unwrap().to_owned()
    };
    // Not an object (serde alone would read a record from an array).
    assert_eq!(
        refused(r#"["x", "2020-02-11", "rops-torun"]"#, 400),
        "/facts/1"
    );
    // An unknown field and a number for a text field fit the API document
    // (which describes a fact of any project) but not the project's
    // vocabulary: 422. A list of numbers and a note that is not text break
    // the document: 400.
    let m = meeting("g-2", "rops-torun", "0410");
    let with = |extra: &str| format!("{},{extra}}}", &m[..m.len() - 1]);
    // (an unknown field's name is the client's text: not repeated)
    assert_eq!(refused(&with(r#""colour":"red""#), 422), "/facts/1/…");
    assert_eq!(refused(&with(r#""place":5"#), 422), "/facts/1/place");
    assert_eq!(
        refused(&with(r#""persons":[1,2]"#), 400),
        "/facts/1/persons"
    );
    assert_eq!(refused(&with(r#""note":true"#), 400), "/facts/1/note");
    // The envelope: another key beside "facts", or facts that are not a list.
    let p = server
        .post(
            &batch_path,
            Some(&token),
            &format!("{{\"facts\": [{good}], \"more\": 1}}"),
        )
        .problem(400);
    assert_eq!(p["pointer"], "/…", "the client's key is not repeated");
    let p = server
        .post(&batch_path, Some(&token), r#"{"facts": {"a": 1}}"#)
        .problem(400);
    assert_eq!(p["pointer"], "/facts");
    let p = server
        .post(&batch_path, Some(&token), r#"{"facts": [1, 2"#)
        .problem(400);
    assert_eq!(p["pointer"], "");
    // A repeated field is refused, in a batch as alone (issue 11: which of
    // the two values was meant cannot be known).
    let repeated = with(r#""id":"g-3""#);
    assert_eq!(refused(&repeated, 400), "/facts/1/id");
    let single = server.post(&facts_path(KOOPERACJA), Some(&token), &repeated);
    assert_eq!(single.problem(400)["pointer"], "/id");
    // A number and a string of digits are the same fact.
    let as_text = meeting("g-3", "rops-torun", "0410").replace(r#""days":1"#, r#""days":"1""#);
    assert!(as_text.contains(r#""days":"1""#), "{as_text}");
    let r = server.post(
        &batch_path,
        Some(&token),
        &format!("{{\"facts\": [{good}, {as_text}]}}"),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let result = r.json();
    assert_eq!(result["results"][1]["id"], "g-3");
    let single = server.post(
        &facts_path(KOOPERACJA),
        Some(&token),
        &meeting("g-3", "rops-torun", "0410"),
    );
    assert_eq!(single.status, 200, "{}", single.text());
    assert_eq!(single.json()["fact"]["id"], "g-3");
    assert_eq!(single.json()["fact"]["days"], 1);
}

#[test]
fn pages_have_no_gaps_or_repeats_while_facts_are_appended() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    for i in 0..30 {
        let r = server.post(
            &facts_path(KOOPERACJA),
            Some(&token),
            &meeting(&format!("p-{i:03}"), "rops-torun", "0410"),
        );
        assert_eq!(r.status, 201);
    }
    let addr = server.addr.clone();
    let writer_token = token.clone();
    let writer = std::thread::spawn(move || {
        for i in 30..90 {
            let body = meeting(&format!("p-{i:03}"), "rops-torun", "0410");
            let r = common::raw(
                &addr,
                "POST",
                "/v1/projects/kooperacja-makroregion-ii/facts",
                &[("Authorization".to_owned(), format!("Bearer {writer_token}"))],
                Some(("application/json", body.as_bytes())),
            );
            assert_eq!(r.status, 201);
        }
    });
    let mut seen = Vec::new();
    let mut cursor = String::new();
    let mut reads = 0;
    loop {
        let page = server
            .get_as(
                &if cursor.is_empty() {
                    format!("{}?limit=7", facts_path(KOOPERACJA))
                } else {
                    format!("{}?limit=7&cursor={cursor}", facts_path(KOOPERACJA))
                },
                &token,
            )
            .json();
        for f in page["facts"].as_array().unwrap() {
            seen.push((
                f["seq"].as_i64().unwrap(),
                f["fact"]["id"].as_str().unwrap().to_owned(),
            ));
        }
        cursor = page["next_cursor"].as_str().unwrap().to_owned();
        reads += 1;
        if !page["has_more"].as_bool().unwrap() {
            if writer.is_finished() && seen.len() >= 90 {
                break;
            }
            std::thread::yield_now();
        }
        assert!(reads < 100_000, "pagination does not end");
    }
    writer.join().unwrap();
    // Once more from the last cursor: nothing new and nothing again.
    let tail = server
        .get_as(
            &format!("{}?cursor={cursor}", facts_path(KOOPERACJA)),
            &token,
        )
        .json();
    assert_eq!(tail["facts"].as_array().unwrap().len(), 0);
    let ids: BTreeSet<&str> = seen.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids.len(), seen.len(), "no fact twice");
    assert_eq!(ids.len(), 90, "no fact missing");
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "storage order");
}

#[test]
fn the_listing_filters_by_kind_territory_and_dates() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let facts = [
        meeting("a", "rops-torun", "0410"),
        meeting("b", "rops-torun", "2201"),
        json!({"id": "c", "date": "2019-03-20", "by": "umk", "kind": "deliverable", "deliverable": "model", "title": "Model"}).to_string(),
        json!({"id": "d", "date": "2018-05-02", "by": "rops-torun", "territory": "0410033", "kind": "agreement", "institution": "ops", "name": "OPS", "sector": "social-assistance"}).to_string(),
    ];
    for f in &facts {
        assert_eq!(
            server.post(&facts_path(KOOPERACJA), Some(&token), f).status,
            201
        );
    }
    let ids = |query: &str| -> Vec<String> {
        let r = server.get_as(&format!("{}?{query}", facts_path(KOOPERACJA)), &token);
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()["facts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["fact"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids("kind=meeting"), ["a", "b"]);
    assert_eq!(ids("territory=04"), ["a", "d"]);
    assert_eq!(ids("territory=0410033"), ["d"]);
    assert_eq!(ids("from=2019-01-01&to=2019-12-31"), ["c"]);
    assert_eq!(ids("to=2018-12-31"), ["d"]);
    assert_eq!(ids("kind=meeting&territory=22"), ["b"]);
    let one = server.get_as(&format!("{}/c", facts_path(KOOPERACJA)), &token);
    assert_eq!(one.status, 200);
    assert_eq!(one.json()["fact"]["deliverable"], "model");
    server
        .get_as(&format!("{}/nope", facts_path(KOOPERACJA)), &token)
        .problem(404);
    // A kind the project does not declare: the document takes any text.
    let p = server
        .get_as(&format!("{}?kind=party", facts_path(KOOPERACJA)), &token)
        .problem(422);
    assert_eq!(p["parameter"], "kind");
    for (query, parameter) in [
        ("territory=04x", "territory"),
        ("from=2019-02-30", "from"),
        ("cursor=zzz", "cursor"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
    ] {
        let p = server
            .get_as(&format!("{}?{query}", facts_path(KOOPERACJA)), &token)
            .problem(400);
        assert_eq!(p["parameter"], parameter, "{query}");
    }
}

#[test]
fn raw_person_keys_are_pseudonymised_and_never_stored_or_returned() {
    let mut server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let raw_key = "kowalski-jan-1985";
    let coaching = json!({"id": "c-1", "date": "2018-09-03", "by": "rops-torun", "territory": "0410033",
        "kind": "coaching", "person": raw_key, "form": "individual", "role": "social-worker"});
    let r = server.post(&facts_path(KOOPERACJA), Some(&token), &coaching.to_string());
    assert_eq!(r.status, 201, "{}", r.text());
    let pseudonym = r.json()["fact"]["person"].as_str().unwrap().to_owned();
    assert!(
        pseudonym.starts_with("ps-") && pseudonym.len() == 43,
        "{pseudonym}"
    );
    assert!(!r.text().contains(raw_key));
    // The same raw key again is the same fact (the pseudonym is deterministic).
    assert_eq!(
        server
            .post(&facts_path(KOOPERACJA), Some(&token), &coaching.to_string())
            .status,
        200
    );
    // Sending the stored fact back is also the same fact.
    let mut back = coaching.clone();
    back["person"] = json!(pseudonym);
    assert_eq!(
        server
            .post(&facts_path(KOOPERACJA), Some(&token), &back.to_string())
            .status,
        200
    );
    let meeting = json!({"id": "m-p", "date": "2019-02-05", "by": "rops-torun", "territory": "04",
        "kind": "meeting", "group": "RGR", "persons": [raw_key, "nowak-anna-2"]});
    let r = server.post(&facts_path(KOOPERACJA), Some(&token), &meeting.to_string());
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["fact"]["persons"][0], pseudonym.as_str());
    let listing = server.get_as(&facts_path(KOOPERACJA), &token);
    assert!(!listing.text().contains(raw_key));
    assert!(!listing.text().contains("nowak-anna-2"));
    // Not in the database file either (nor its WAL), before and after a restart.
    server.stop();
    for suffix in ["", "-wal"] {
        let mut path = server.db().into_os_string();
        path.push(suffix);
        if let Ok(bytes) = std::fs::read(&path) {
            assert!(
                !bytes
                    .windows(raw_key.len())
                    .any(|w| w == raw_key.as_bytes()),
                "the raw key is in {path:?}"
            );
        }
    }
    server.restart();
    let listing = server.get_as(&facts_path(KOOPERACJA), &token);
    assert_eq!(
        listing.json()["facts"][0]["fact"]["person"],
        pseudonym.as_str()
    );
}

#[test]
fn a_retraction_is_a_fact_and_removes_its_fact_from_the_indicators() {
    let server = Server::start();
    let umk = server.token(KOOPERACJA, "umk");
    let model = json!({"id": "model-1", "date": "2019-03-20", "by": "umk", "kind": "deliverable",
        "deliverable": "model", "title": "Model kooperacji"});
    assert_eq!(
        server
            .post(&facts_path(KOOPERACJA), Some(&umk), &model.to_string())
            .status,
        201
    );
    let before = indicator(&server, "models-developed", "2019-03-31");
    assert_eq!(before["value"], "1");
    let retraction = json!({"id": "model-1-r", "date": "2019-04-02", "by": "umk", "kind": "retraction",
        "retracts": "model-1", "reason": "recorded twice"});
    let r = server.post(&facts_path(KOOPERACJA), Some(&umk), &retraction.to_string());
    assert_eq!(r.status, 201, "{}", r.text());
    let after = indicator(&server, "models-developed", "2019-03-31");
    assert_eq!(after["value"], "0");
    // A retraction of an unknown id, of itself, or of a retraction is refused.
    for (id, retracts) in [
        ("r-2", "nothing-here"),
        ("r-3", "r-3"),
        ("r-4", "model-1-r"),
    ] {
        let bad = json!({"id": id, "date": "2019-04-02", "by": "umk", "kind": "retraction",
            "retracts": retracts, "reason": "x"});
        let p = server
            .post(&facts_path(KOOPERACJA), Some(&umk), &bad.to_string())
            .problem(422);
        assert_eq!(p["pointer"], "/retracts", "{p}");
    }
}

#[test]
fn indicators_are_rebuilt_from_the_database_at_start() {
    let mut server = Server::with_sample_facts();
    let report = |s: &Server| {
        let r = s.get(&format!(
            "/v1/projects/{KOOPERACJA}/report?as_of=2020-09-30"
        ));
        assert_eq!(r.status, 200);
        r.json()
    };
    let first = report(&server);
    server.restart();
    let second = report(&server);
    assert_eq!(
        first, second,
        "the same report after a restart (and a second import)"
    );

    // The indicators equal core's, computed here from the same file.
    let project = kooperacja_core::project::Project::parse(
        &std::fs::read_to_string(fixture("fixtures/projects/kooperacja-makroregion-ii.toml"))
            .unwrap(),
    )
    .unwrap();
    let register = kooperacja_core::territory::Register::parse_terc(
        &std::fs::read_to_string(fixture("fixtures/teryt/TERC_Urzedowy_2025-11-18.csv")).unwrap(),
    )
    .unwrap();
    let mut engine = kooperacja_core::engine::Engine::new(
        project.clone(),
        Some(std::sync::Arc::new(register.clone())),
    );
    let file = std::fs::File::open(fixture("fixtures/facts/kooperacja-sample.jsonl")).unwrap();
    for fact in kooperacja_core::facts::FactReader::new(
        std::io::BufReader::new(file),
        kooperacja_core::facts::Format::JsonLines,
        std::sync::Arc::clone(project.vocabulary()),
        kooperacja_core::pseudonym::PseudonymKey::from_bytes([0; 32]),
    ) {
        engine.apply(&fact.unwrap());
    }
    let mut expected = engine.report(chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap());
    // The server's reads take no token, so they show person breakdowns suppressed.
    expected.suppress_persons();
    assert_eq!(
        first["indicators"],
        serde_json::to_value(&expected.indicators).unwrap()
    );
    assert_eq!(
        first["budget"],
        serde_json::to_value(&expected.budget).unwrap()
    );
    let stored = server.get(&format!("/v1/projects/{KOOPERACJA}")).json();
    assert_eq!(stored["facts"], 1248, "1249 records, one a repeat");
}

#[test]
fn the_audit_trail_records_every_write_for_the_leader_only() {
    let server = Server::start();
    let leader = server.token(KOOPERACJA, "rops-torun");
    let gdansk = server.token(KOOPERACJA, "rops-gdansk");
    assert_eq!(
        server
            .post(
                &facts_path(KOOPERACJA),
                Some(&gdansk),
                &meeting("g-1", "rops-gdansk", "2201")
            )
            .status,
        201
    );
    assert_eq!(
        server
            .post(
                &facts_path(KOOPERACJA),
                Some(&gdansk),
                &meeting("g-1", "rops-gdansk", "2201")
            )
            .status,
        200
    );
    server
        .post(
            &facts_path(KOOPERACJA),
            Some(&gdansk),
            &meeting("g-2", "rops-gdansk", "0410"),
        )
        .problem(403);
    server
        .post(
            &facts_path(KOOPERACJA),
            Some(&gdansk),
            &meeting("g-1", "rops-gdansk", "2202"),
        )
        .problem(409);
    let audit_path = format!("/v1/projects/{KOOPERACJA}/audit");
    server.get_as(&audit_path, &gdansk).problem(403);
    server.get(&audit_path).problem(401);
    let r = server.get_as(&audit_path, &leader);
    assert_eq!(r.status, 200);
    let entries = r.json()["entries"].as_array().unwrap().clone();
    let rows: Vec<(String, String, String, u64)> = entries
        .iter()
        .map(|e| {
            (
                e["org"].as_str().unwrap().to_owned(),
                e["fact_id"].as_str().unwrap_or("-").to_owned(),
                e["result"].as_str().unwrap().to_owned(),
                e["status"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String, u64)> = [
        ("g-1", "created", 201),
        ("g-1", "duplicate", 200),
        ("g-2", "forbidden", 403),
        ("g-1", "conflict", 409),
    ]
    .iter()
    .map(|(id, result, status)| {
        (
            "rops-gdansk".to_owned(),
            (*id).to_owned(),
            (*result).to_owned(),
            *status,
        )
    })
    .collect();
    assert_eq!(rows, expected);
    assert!(
        entries
            .iter()
            .all(|e| e["at"].as_str().unwrap().ends_with('Z'))
    );
    // The other project's trail is its own.
    let other = server.token(KOORDYNACJA, "rops-torun");
    let r = server.get_as(&format!("/v1/projects/{KOORDYNACJA}/audit"), &other);
    assert_eq!(r.json()["entries"].as_array().unwrap().len(), 0);
}
