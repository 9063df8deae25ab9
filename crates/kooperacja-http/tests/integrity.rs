//! Corruption: a changed row, a row the engine refuses, a damaged file, a
//! database lost while its secret stayed, and two servers on one database
//! all stop the start with a message that says what to do.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, Server};
use kooperacja_http::pseudonym::Secret;
use rusqlite::{Connection, params};

/// The sample facts stored, then the server stopped.
fn stored() -> Server {
    let mut server = Server::with_sample_facts();
    server.stop();
    server
}

fn db(server: &Server) -> Connection {
    Connection::open(server.db()).unwrap()
}

/// A stored meeting of the project: its storage sequence and body.
fn a_meeting(conn: &Connection) -> (i64, String) {
    conn.query_row(
        "SELECT seq, body FROM facts WHERE project = ?1 AND kind = 'meeting' AND body LIKE '%\"participants\":%' ORDER BY seq LIMIT 1",
        [KOOPERACJA],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

fn assert_says_restore(err: &str, what: &str) {
    assert!(err.contains(what), "{err}");
    assert!(err.contains("restore"), "{err}");
    assert!(err.contains("backup"), "{err}");
}

#[test]
fn a_row_changed_outside_the_server_stops_the_start() {
    let server = stored();
    let conn = db(&server);
    let (seq, body) = a_meeting(&conn);
    let changed = regex_free_bump(&body);
    assert_ne!(changed, body);
    conn.execute(
        "UPDATE facts SET body = ?2 WHERE seq = ?1",
        params![seq, changed],
    )
    .unwrap();
    drop(conn);
    let err = server.refused_start();
    assert_says_restore(&err, &format!("storage sequence {seq}"));
    assert!(err.contains("checksum"), "{err}");
}

/// The body with its participants count raised by one: still valid JSON and
/// still a valid fact.
fn regex_free_bump(body: &str) -> String {
    let at = body.find("\"participants\":").unwrap() + "\"participants\":".len();
    let end = at + body[at..].find(|c: char| !c.is_ascii_digit()).unwrap();
    let n: u64 = body[at..end].parse().unwrap();
    format!("{}{}{}", &body[..at], n + 1, &body[end..])
}

#[test]
fn a_row_the_engine_refuses_stops_the_start_even_with_a_valid_checksum() {
    let server = stored();
    let conn = db(&server);
    let secret_text = std::fs::read_to_string(format!("{}.secret", server.db().display())).unwrap();
    let secret = Secret::from_hex(&secret_text).unwrap();
    // r-1 retracts a meeting, r-2 retracts r-1: the writer never stores
    // that, the engine refuses it.
    let (_, body) = a_meeting(&conn);
    let target: serde_json::Value = serde_json::from_str(&body).unwrap();
    let target = target["id"].as_str().unwrap().to_owned();
    let insert = |id: &str, retracts: &str| {
        let body = serde_json::json!({
            "id": id, "date": "2020-03-01", "by": "rops-torun", "kind": "retraction",
            "retracts": retracts, "reason": "test"
        })
        .to_string();
        conn.execute(
            "INSERT INTO facts (project, id, kind, date, territory, body, written_at, written_by, checksum)
             VALUES (?1, ?2, 'retraction', '2020-03-01', NULL, ?3, '2020-03-01T00:00:00Z', 'rops-torun', ?4)",
            params![KOOPERACJA, id, body, secret.checksum(KOOPERACJA, id, &body)],
        )
        .unwrap();
    };
    insert("r-1", &target);
    insert("r-2", "r-1");
    drop(conn);
    let err = server.refused_start();
    assert_says_restore(&err, "\"r-2\"");
    assert!(err.contains("refused by the engine"), "{err}");
}

#[test]
fn a_raw_person_key_in_storage_stops_the_start() {
    let server = stored();
    let conn = db(&server);
    let secret_text = std::fs::read_to_string(format!("{}.secret", server.db().display())).unwrap();
    let secret = Secret::from_hex(&secret_text).unwrap();
    let body = serde_json::json!({
        "id": "c-raw", "date": "2020-03-01", "by": "rops-torun", "territory": "0410033",
        "kind": "coaching", "person": "k-0157", "form": "individual", "role": "social-worker"
    })
    .to_string();
    conn.execute(
        "INSERT INTO facts (project, id, kind, date, territory, body, written_at, written_by, checksum)
         VALUES (?1, 'c-raw', 'coaching', '2020-03-01', '0410033', ?2, '2020-03-01T00:00:00Z', 'rops-torun', ?3)",
        params![KOOPERACJA, body, secret.checksum(KOOPERACJA, "c-raw", &body)],
    )
    .unwrap();
    drop(conn);
    let err = server.refused_start();
    assert_says_restore(&err, "\"c-raw\"");
    assert!(err.contains("not a pseudonym"), "{err}");
}

#[test]
fn rows_stored_before_checksums_get_one_at_migration_and_are_checked_after() {
    let mut server = stored();
    // Back to schema 1: no checksum column, no record of the backfill, no
    // claims table (schema 3).
    let conn = db(&server);
    conn.execute_batch(
        "DROP TABLE claims;
         ALTER TABLE facts DROP COLUMN checksum;
         DELETE FROM meta WHERE key = 'fact_checksums';
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    server.start_again_with(&[]);
    let r = server.get(&format!("/v1/projects/{KOOPERACJA}"));
    assert_eq!(r.status, 200, "{}", r.text());
    server.stop();
    let conn = db(&server);
    let missing: i64 = conn
        .query_row(
            "SELECT count(*) FROM facts WHERE checksum IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(missing, 0);
    // Now a row without its checksum is a damaged row.
    let (seq, _) = a_meeting(&conn);
    conn.execute("UPDATE facts SET checksum = NULL WHERE seq = ?1", [seq])
        .unwrap();
    drop(conn);
    let err = server.refused_start();
    assert_says_restore(&err, &format!("storage sequence {seq}"));
}

#[test]
fn a_damaged_database_file_fails_the_integrity_check() {
    let server = stored();
    // Overwrite the middle of the file (past the header and schema pages).
    let path = server.db();
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 16 * 4096, "{}", bytes.len());
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 8192] {
        *b = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = server.refused_start();
    assert!(err.contains("restore"), "{err}");
    assert!(
        err.contains("damaged") || err.contains("malformed"),
        "{err}"
    );
}

#[test]
fn an_empty_database_beside_an_existing_secret_refuses_to_start_without_the_flag() {
    let mut server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = server.post(
        &format!("/v1/projects/{KOOPERACJA}/facts"),
        Some(&token),
        &common::meeting("m-1", "rops-torun", "0410"),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    server.stop();
    let db = server.db();
    std::fs::write(&db, b"").unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let err = server.refused_start();
    assert_says_restore(&err, "new or empty");
    assert!(err.contains("--allow-new-database"), "{err}");
    // The operator says so: it starts, empty.
    server.start_again_with(&["--allow-new-database"]);
    let r = server.get(&format!("/v1/projects/{KOOPERACJA}"));
    assert_eq!(r.json()["facts"], 0, "{}", r.text());
}

#[test]
fn a_second_server_on_the_same_database_refuses_to_start() {
    let server = Server::start();
    let err = server.refused_start();
    assert!(err.contains("another kooperacja-server"), "{err}");
    assert!(err.contains("Stop the other server"), "{err}");
    // The first one goes on serving.
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn the_import_reports_how_many_records_it_read_stored_and_excluded() {
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("facts.jsonl");
    let good = common::meeting("m-1", "rops-torun", "0410");
    let outside = serde_json::json!({"id": "m-2", "date": "2030-01-01", "by": "rops-torun", "territory": "0410", "kind": "meeting", "activity": "seminar", "days": 1, "participants": 10}).to_string();
    std::fs::write(&file, format!("{good}\n{outside}\n{{not json\n")).unwrap();
    let mut server = Server::with(&["--facts", &format!("{KOOPERACJA}={}", file.display())]);
    server.stop();
    let log = String::from_utf8_lossy(&server.output()).into_owned();
    assert!(
        log.contains("3 record(s) read: 1 stored, 0 already stored, 2 excluded"),
        "{log}"
    );
    assert!(log.contains("fact.date-outside"), "{log}");
}
