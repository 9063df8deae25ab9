//! The access matrix: each organisation of the Kooperacja fixture × a
//! territory in each of the project's voivodeships and one outside it ×
//! read and write, and requests without a token.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, KOORDYNACJA, Server, meeting};
use serde_json::json;

/// The organisations and the voivodeship each answers for.
const ORGS: [(&str, Option<&str>); 7] = [
    ("rops-torun", Some("04")),
    ("rops-zielona-gora", Some("08")),
    ("rops-gdansk", Some("22")),
    ("rops-olsztyn", Some("28")),
    ("rops-poznan", Some("30")),
    ("rops-szczecin", Some("32")),
    ("umk", None),
];

/// A powiat in each voivodeship of the project, and Warsaw (outside it).
const TERRITORIES: [&str; 7] = ["0410", "0801", "2201", "2801", "3001", "3201", "1465"];

#[test]
fn each_organisation_writes_and_reads_where_it_may() {
    let server = Server::start();
    let facts = format!("/v1/projects/{KOOPERACJA}/facts");
    let mut n = 0;
    for (org, voivodeship) in ORGS {
        let token = server.token(KOOPERACJA, org);
        for territory in TERRITORIES {
            n += 1;
            let leader = org == "rops-torun";
            let inside_project = territory != "1465";
            // A meeting, recorded in the organisation's own name.
            let expected = match voivodeship {
                _ if leader && inside_project => 201,
                _ if leader => 422,
                Some(v) if territory.starts_with(v) => 201,
                _ => 403,
            };
            let r = server.post(
                &facts,
                Some(&token),
                &meeting(&format!("m-{n}"), org, territory),
            );
            assert_eq!(
                r.status,
                expected,
                "{org} writes a meeting in {territory}: {}",
                r.text()
            );
            if expected == 403 {
                let p = r.json();
                let pointer = p["pointer"].as_str().unwrap();
                assert!(pointer == "/territory" || pointer == "/kind", "{p}");
            }
            // Coaching: the university may record it anywhere in the project.
            let coaching = json!({"id": format!("c-{n}"), "date": "2018-09-03", "by": org,
                "territory": territory, "kind": "coaching", "person": format!("p-{n}"),
                "form": "individual", "role": "social-worker"});
            let expected = match voivodeship {
                _ if leader || org == "umk" => {
                    if inside_project {
                        201
                    } else {
                        422
                    }
                }
                Some(v) if territory.starts_with(v) => 201,
                _ => 403,
            };
            let r = server.post(&facts, Some(&token), &coaching.to_string());
            assert_eq!(
                r.status,
                expected,
                "{org} coaches in {territory}: {}",
                r.text()
            );
            // Reading the facts of any territory is open to every organisation.
            let r = server.get_as(&format!("{facts}?territory={}", &territory[..2]), &token);
            assert_eq!(r.status, 200, "{org} reads {territory}");
            let r = server.get(&format!("{facts}?territory={}", &territory[..2]));
            r.problem(401);
        }
        // Deliverables: the leader and the university only (a partner with a
        // voivodeship needs a territory within it).
        let deliverable = json!({"id": format!("d-{org}"), "date": "2019-03-20", "by": org,
            "kind": "deliverable", "deliverable": "model", "title": "Model"});
        let r = server.post(&facts, Some(&token), &deliverable.to_string());
        let expected = if voivodeship.is_none() || org == "rops-torun" {
            201
        } else {
            403
        };
        assert_eq!(
            r.status,
            expected,
            "{org} records a deliverable: {}",
            r.text()
        );
        // A partner never writes in another organisation's name; the leader may.
        let other = if org == "rops-gdansk" {
            "rops-poznan"
        } else {
            "rops-gdansk"
        };
        let r = server.post(
            &facts,
            Some(&token),
            &meeting(&format!("o-{org}"), other, "2201"),
        );
        if org == "rops-torun" {
            assert_eq!(r.status, 201, "{}", r.text());
        } else {
            assert_eq!(r.problem(403)["pointer"], "/by");
        }
        // Aggregated reads need no token; the audit trail is the leader's.
        assert_eq!(
            server
                .get_as(&format!("/v1/projects/{KOOPERACJA}/report"), &token)
                .status,
            200
        );
        let audit = server.get_as(&format!("/v1/projects/{KOOPERACJA}/audit"), &token);
        assert_eq!(
            audit.status,
            if org == "rops-torun" { 200 } else { 403 },
            "{org} audit"
        );
    }
}

#[test]
fn a_partner_retracts_only_what_it_could_write() {
    let server = Server::start();
    let facts = format!("/v1/projects/{KOOPERACJA}/facts");
    let leader = server.token(KOOPERACJA, "rops-torun");
    let gdansk = server.token(KOOPERACJA, "rops-gdansk");
    assert_eq!(
        server
            .post(&facts, Some(&leader), &meeting("t-1", "rops-torun", "0410"))
            .status,
        201
    );
    assert_eq!(
        server
            .post(
                &facts,
                Some(&gdansk),
                &meeting("g-1", "rops-gdansk", "2201")
            )
            .status,
        201
    );
    let retract = |id: &str, target: &str| {
        json!({"id": id, "date": "2020-03-01", "by": "rops-gdansk", "kind": "retraction",
            "retracts": target, "reason": "mistake"})
        .to_string()
    };
    let p = server
        .post(&facts, Some(&gdansk), &retract("r-1", "t-1"))
        .problem(403);
    assert_eq!(p["pointer"], "/retracts");
    assert_eq!(
        server
            .post(&facts, Some(&gdansk), &retract("r-2", "g-1"))
            .status,
        201
    );
    // The leader may retract anything, in anyone's name.
    let r = server.post(&facts, Some(&leader), &retract("r-3", "t-1"));
    assert_eq!(r.status, 201, "{}", r.text());
}

#[test]
fn tokens_are_checked() {
    let server = Server::start();
    let facts = format!("/v1/projects/{KOOPERACJA}/facts");
    // Malformed, unknown: 401.
    for header in ["Basic abc", "Bearer", "Bearer kpt_0000"] {
        let r = common::raw(
            &server.addr,
            "GET",
            &facts,
            &[("Authorization".to_owned(), header.to_owned())],
            None,
        );
        r.problem(401);
    }
    // A token of the other project: 403.
    let other = server.token(KOORDYNACJA, "rops-torun");
    server.get_as(&facts, &other).problem(403);
    server
        .post(&facts, Some(&other), &meeting("x", "rops-torun", "0410"))
        .problem(403);
    // A revoked token stops working at once, without a restart.
    let token = server.token(KOOPERACJA, "rops-torun");
    assert_eq!(server.get_as(&facts, &token).status, 200);
    let list = std::process::Command::new(env!("CARGO_BIN_EXE_kooperacja-server"))
        .args(["token", "list", "--db"])
        .arg(server.db())
        .output()
        .unwrap();
    let listing = String::from_utf8(list.stdout).unwrap();
    assert!(!listing.contains(&token), "tokens are never listed");
    let id = listing
        .lines()
        .rfind(|l| l.contains(KOOPERACJA))
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_owned();
    let revoke = std::process::Command::new(env!("CARGO_BIN_EXE_kooperacja-server"))
        .args(["token", "revoke", &id, "--db"])
        .arg(server.db())
        .output()
        .unwrap();
    assert!(revoke.status.success());
    server.get_as(&facts, &token).problem(401);
    // Only the hash is stored.
    let bytes = std::fs::read(server.db()).unwrap_or_default();
    let wal = std::fs::read(format!("{}-wal", server.db().display())).unwrap_or_default();
    for b in [bytes, wal] {
        assert!(!b.windows(token.len()).any(|w| w == token.as_bytes()));
    }
    // An organisation the project does not have cannot get a token.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kooperacja-server"))
        .args([
            "token",
            "create",
            "--project",
            KOOPERACJA,
            "--org",
            "nobody",
            "--db",
        ])
        .arg(server.db())
        .output()
        .unwrap();
    assert!(!out.status.success());
}

/// The rules know no kind by name, only the types of a kind's fields: a
/// partner with no territory records no kind with a `jst`, `group` or
/// `institution` field; a partner with a voivodeship names no JST outside it.
#[test]
fn the_rules_follow_the_types_of_the_fields_of_a_kind() {
    let server = Server::start();
    let facts = format!("/v1/projects/{KOOPERACJA}/facts");
    let umk = server.token(KOOPERACJA, "umk");
    let gdansk = server.token(KOOPERACJA, "rops-gdansk");
    let post =
        |token: &str, fact: serde_json::Value| server.post(&facts, Some(token), &fact.to_string());
    // A JST field (pilot), a group (meeting of a team), an institution (agreement).
    for (id, fact) in [
        (
            "u-1",
            json!({"kind": "pilot", "territory": "0410", "jst": "0410"}),
        ),
        (
            "u-2",
            json!({"kind": "meeting", "territory": "0410", "group": "RGR"}),
        ),
        (
            "u-3",
            json!({"kind": "agreement", "territory": "0410", "institution": "ops-naklo",
            "name": "MGOPS", "sector": "social-assistance"}),
        ),
    ] {
        let mut fact = fact;
        fact["id"] = json!(id);
        fact["date"] = json!("2020-02-11");
        fact["by"] = json!("umk");
        let p = post(&umk, fact).problem(403);
        assert_eq!(p["pointer"], "/kind", "{p}");
    }
    // A kind of persons only, and its own spending: no place to answer for.
    let r = post(
        &umk,
        json!({"id": "u-4", "date": "2020-02-11", "by": "umk",
        "territory": "0410", "kind": "qualification", "person": "k-1"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let r = post(
        &umk,
        json!({"id": "u-5", "date": "2020-02-11", "by": "umk",
        "kind": "expenditure", "amount": "100.00", "category": "badania"}),
    );
    assert_ne!(r.status, 403, "{}", r.text());
    // A JST outside the partner's voivodeship, in a territory inside it.
    let p = post(
        &gdansk,
        json!({"id": "g-1", "date": "2020-02-11", "by": "rops-gdansk",
        "territory": "2201", "kind": "pilot", "jst": "0410"}),
    )
    .problem(403);
    assert_eq!(p["pointer"], "/jst", "{p}");
    let r = post(
        &gdansk,
        json!({"id": "g-2", "date": "2020-02-11", "by": "rops-gdansk",
        "territory": "2201", "kind": "pilot", "jst": "2201"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
}
