//! `GET /v1/projects/{id}/fact-schema`: the JSON Schema of the project's
//! declared kinds of fact. Every sample fact of both fixtures is valid under
//! its project's schema; facts that break a declaration are not, and the
//! server refuses them too.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, KOORDYNACJA, Server, fixture, raw};
use kooperacja_core::project::Project;
use serde_json::{Value, json};

fn project(id: &str) -> Project {
    let path = fixture(&format!("fixtures/projects/{id}.toml"));
    Project::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn schema_of(server: &Server, id: &str) -> Value {
    let r = server.get(&format!("/v1/projects/{id}/fact-schema"));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"));
    r.json()
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("a valid JSON Schema")
}

#[test]
fn the_schema_has_one_branch_per_kind_declared_and_built_in() {
    let server = Server::start();
    for id in [KOOPERACJA, KOORDYNACJA] {
        let schema = schema_of(&server, id);
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let kinds: Vec<&str> = schema["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["properties"]["kind"]["const"].as_str().unwrap())
            .collect();
        let project = project(id);
        let declared: Vec<&str> = project
            .vocabulary()
            .kinds()
            .iter()
            .map(|k| k.id.as_str())
            .collect();
        assert_eq!(kinds, declared);
        for built_in in kooperacja_core::vocabulary::BUILT_IN {
            assert!(kinds.contains(&built_in), "{built_in} in {id}");
        }
        for branch in schema["oneOf"].as_array().unwrap() {
            assert_eq!(branch["additionalProperties"], false, "{branch}");
            let required = branch["required"].as_array().unwrap();
            for base in ["id", "date", "by", "kind"] {
                assert!(required.contains(&json!(base)), "{branch}");
            }
            assert_eq!(branch["properties"]["note"]["maxLength"], 2000);
        }
    }
    // The declared fields, typed as declared.
    let schema = schema_of(&server, KOOPERACJA);
    let branch = |kind: &str| -> Value {
        schema["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["properties"]["kind"]["const"] == kind)
            .cloned()
            .unwrap()
    };
    let meeting = branch("meeting");
    assert_eq!(meeting["properties"]["days"]["type"], "integer");
    assert_eq!(meeting["properties"]["days"]["minimum"], 0);
    assert_eq!(meeting["properties"]["persons"]["type"], "array");
    assert!(
        meeting["properties"]["activity"]["enum"]
            .as_array()
            .unwrap()
            .contains(&json!("seminar"))
    );
    assert_eq!(
        meeting["anyOf"],
        json!([{"required": ["group"]}, {"required": ["activity"]}])
    );
    let coaching = branch("coaching");
    assert_eq!(
        coaching["properties"]["form"]["enum"],
        json!(["individual", "group"])
    );
    // A role is one of the file's `[[roles]]`, which core's fact check holds it to.
    assert_eq!(coaching["properties"]["role"]["type"], "string");
    assert_eq!(
        coaching["required"],
        json!(["id", "date", "by", "kind", "person", "form", "role"])
    );
    let expenditure = branch("expenditure");
    assert_eq!(expenditure["properties"]["amount"]["type"], "string");
    assert!(expenditure["properties"]["amount"]["pattern"].is_string());
    assert_eq!(branch("pilot")["properties"]["jst"]["type"], "string");
    // Titles in the language the request prefers.
    let polish = raw(
        &server.addr,
        "GET",
        &format!("/v1/projects/{KOOPERACJA}/fact-schema"),
        &[("Accept-Language".to_owned(), "pl".to_owned())],
        None,
    );
    assert_eq!(polish.header("content-language"), Some("pl"));
    let titles: Vec<String> = polish.json()["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["title"].as_str().unwrap().to_owned())
        .collect();
    assert!(titles.contains(&"spotkanie".to_owned()), "{titles:?}");
    assert_eq!(meeting["title"], "meeting");
    // An unknown project: 404, as for every read of a project.
    server.get("/v1/projects/nope/fact-schema").problem(404);
}

#[test]
fn sample_facts_are_valid_and_facts_that_break_a_declaration_are_not() {
    let server = Server::start();
    for (id, file) in [
        (KOOPERACJA, "fixtures/facts/kooperacja-sample.jsonl"),
        (KOORDYNACJA, "fixtures/facts/koordynacja-sample.jsonl"),
    ] {
        let validator = validator(&schema_of(&server, id));
        let text = std::fs::read_to_string(fixture(file)).unwrap();
        let mut broken = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let fact: Value = serde_json::from_str(line).unwrap();
            if let Some(e) = validator.iter_errors(&fact).next() {
                broken.push(format!("{file}:{}: {e} at {}", n + 1, e.instance_path()));
            }
        }
        assert!(broken.is_empty(), "{}", broken.join("\n"));
    }

    let validator = validator(&schema_of(&server, KOOPERACJA));
    let coaching = json!({"id": "c-1", "date": "2018-09-03", "by": "rops-torun",
        "territory": "0410033", "kind": "coaching", "person": "sw-001",
        "form": "individual", "role": "social-worker"});
    assert!(validator.is_valid(&coaching));
    // A valid fact is one the server takes.
    let token = server.token(KOOPERACJA, "rops-torun");
    let facts = format!("/v1/projects/{KOOPERACJA}/facts");
    let r = server.post(&facts, Some(&token), &coaching.to_string());
    assert_eq!(r.status, 201, "{}", r.text());

    let with = |changes: Value| -> Value {
        let mut fact = coaching.clone();
        for (k, v) in changes.as_object().unwrap() {
            if v.is_null() {
                fact.as_object_mut().unwrap().remove(k);
            } else {
                fact[k] = v.clone();
            }
        }
        fact
    };
    let bad = [
        ("an unknown kind", with(json!({"kind": "party"}))),
        ("a required field missing", with(json!({"person": null}))),
        (
            "a value no enumeration lists",
            with(json!({"form": "sometimes"})),
        ),
        ("a field of another kind", with(json!({"jst": "0410"}))),
        ("a field no kind declares", with(json!({"colour": "red"}))),
        (
            "a list for a single value",
            with(json!({"person": ["sw-001"]})),
        ),
        ("an impossible date", with(json!({"date": "2018-02-30"}))),
        (
            "a territory that is no TERYT code",
            with(json!({"territory": "04-10"})),
        ),
        ("an id missing", with(json!({"id": null}))),
        (
            "an amount as a JSON number",
            json!({"id": "e-1", "date": "2019-02-05", "by": "rops-torun", "kind": "expenditure",
                "amount": 1234.5, "category": "spotkania"}),
        ),
        (
            "a negative count",
            json!({"id": "m-1", "date": "2020-02-11", "by": "rops-torun", "territory": "0410",
                "kind": "meeting", "activity": "seminar", "participants": -1}),
        ),
        (
            "days with a fraction",
            json!({"id": "m-2", "date": "2020-02-11", "by": "rops-torun", "territory": "0410",
                "kind": "meeting", "activity": "seminar", "days": 1.5}),
        ),
        (
            "a list of numbers",
            json!({"id": "m-3", "date": "2020-02-11", "by": "rops-torun", "territory": "0410",
                "kind": "meeting", "activity": "seminar", "persons": [1, 2]}),
        ),
        (
            "a meeting naming neither its group nor its activity",
            json!({"id": "m-4", "date": "2020-02-11", "by": "rops-torun", "territory": "0410",
                "kind": "meeting", "days": 1}),
        ),
    ];
    for (what, fact) in bad {
        assert!(!validator.is_valid(&fact), "{what}: {fact} is valid");
        // The server refuses it too.
        let r = server.post(&facts, Some(&token), &fact.to_string());
        assert!(
            r.status == 400 || r.status == 422,
            "{what}: {fact}: {} {}",
            r.status,
            r.text()
        );
    }
}
