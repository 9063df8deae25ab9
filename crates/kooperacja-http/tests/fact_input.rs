//! The server reads facts through core's one JSON reader (issue 11): duplicate
//! keys, JSON numbers as amounts and look-alike ids are refused, and a raw
//! person value is never echoed, stored in the audit or returned; nor one in
//! an uploaded sheet (`fact-imports`, the upload page), nor in the log.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, Server};

fn facts_path() -> String {
    format!("/v1/projects/{KOOPERACJA}/facts")
}

fn batch_path() -> String {
    format!("/v1/projects/{KOOPERACJA}/fact-batches")
}

const COACHING: &str = r#"{"id":"c-1","date":"2018-09-03","by":"rops-torun","territory":"0410033","kind":"coaching","form":"individual","role":"social-worker","person":"#;

#[test]
fn a_duplicate_key_is_refused_in_one_fact_and_in_a_batch() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let body = r#"{"id":"m-1","id":"m-2","date":"2019-02-05","by":"rops-torun","territory":"04","kind":"meeting","group":"RGR"}"#;
    let p = server.post(&facts_path(), Some(&token), body).problem(400);
    assert_eq!(p["pointer"], "/id", "{p}");
    let batch = format!(r#"{{"facts":[{body}]}}"#);
    let p = server
        .post(&batch_path(), Some(&token), &batch)
        .problem(400);
    assert_eq!(p["pointer"], "/facts/0/id", "{p}");
    let twice = r#"{"facts":[],"facts":[]}"#;
    server.post(&batch_path(), Some(&token), twice).problem(400);
}

#[test]
fn an_amount_as_a_json_number_is_refused() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let body = r#"{"id":"e-1","date":"2019-02-05","by":"rops-torun","kind":"expenditure","amount":90071992547409.93,"category":"spotkania"}"#;
    // 422, not 400: the API document takes a number for a field of any
    // kind (a count, hours); the amount's declaration refuses one.
    let p = server.post(&facts_path(), Some(&token), body).problem(422);
    assert_eq!(p["pointer"], "/amount", "{p}");
    assert!(
        p["detail"].as_str().unwrap().contains(r#""1234.56""#),
        "{p}"
    );
}

#[test]
fn an_id_in_nfd_is_refused() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let body = "{\"id\":\"m-lo\u{301}dz\",\"date\":\"2019-02-05\",\"by\":\"rops-torun\",\"territory\":\"04\",\"kind\":\"meeting\",\"group\":\"RGR\"}";
    // 422, not 400: the id is a string the API document's schema takes; the
    // identifier rule (NFC) is beyond what JSON Schema can say.
    let p = server.post(&facts_path(), Some(&token), body).problem(422);
    assert_eq!(p["pointer"], "/id", "{p}");
    assert!(p["detail"].as_str().unwrap().contains("NFC"), "{p}");
}

#[test]
fn names_in_a_persons_list_are_refused() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let body = r#"{"id":"m-p","date":"2019-02-05","by":"rops-torun","territory":"04","kind":"meeting","group":"RGR","persons":["Jan Kowalski","Anna Nowak"]}"#;
    let r = server.post(&facts_path(), Some(&token), body);
    // 400: the API document's schema takes a list of keys, each holding no
    // space, so a list of names breaks the document.
    let p = r.problem(400);
    assert_eq!(p["pointer"], "/persons", "{p}");
    assert!(!r.text().contains("Kowalski"), "{}", r.text());
}

#[test]
fn a_raw_person_value_is_never_echoed_audited_or_stored() {
    let mut server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let leader = server.token(KOOPERACJA, "rops-torun");
    let raws = ["85010112345", "Kowalski", "Jan Kowalski"];
    let bodies = [
        format!("{COACHING}85010112345}}"),
        format!("{COACHING}\"85010112345\"}}"),
        format!("{COACHING}\"Kowalski\"}}"),
        format!("{COACHING}\"Jan Kowalski\"}}"),
        format!("{COACHING}[\"Jan Kowalski\"]}}"),
        format!("{COACHING}{{\"name\":\"Jan Kowalski\"}}}}"),
    ];
    for body in &bodies {
        let r = server.post(&facts_path(), Some(&token), body);
        assert!(r.status >= 400, "{body}: {}", r.text());
        for raw in raws {
            assert!(!r.text().contains(raw), "{raw} echoed: {}", r.text());
        }
        let batch = format!(r#"{{"facts":[{body}]}}"#);
        let r = server.post(&batch_path(), Some(&token), &batch);
        assert!(r.status >= 400, "{batch}: {}", r.text());
        for raw in raws {
            assert!(!r.text().contains(raw), "{raw} echoed: {}", r.text());
        }
    }
    let audit = server.get_as(&format!("/v1/projects/{KOOPERACJA}/audit"), &leader);
    assert_eq!(audit.status, 200, "{}", audit.text());
    for raw in raws {
        assert!(
            !audit.text().contains(raw),
            "{raw} in the audit: {}",
            audit.text()
        );
    }
    server.stop();
    for suffix in ["", "-wal", "-shm"] {
        let mut path = server.db().into_os_string();
        path.push(suffix);
        if let Ok(bytes) = std::fs::read(&path) {
            for raw in raws {
                assert!(
                    !bytes.windows(raw.len()).any(|w| w == raw.as_bytes()),
                    "{raw} is in {path:?}"
                );
            }
        }
    }
}

#[test]
fn a_content_id_with_a_run_of_eleven_digits_is_not_taken_for_a_pesel() {
    // Core's stable id of a fact from its content (`f-` and 20 hex digits,
    // as `facts import` and the upload give it) may hold such a run.
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let body = common::meeting("f-12345678901abcdef123", "rops-torun", "0410033");
    let r = server.post(&facts_path(), Some(&token), &body);
    assert_eq!(r.status, 201, "{}", r.text());
}

/// A sheet of coaching sessions whose person column holds a name and a
/// PESEL number (rows 2 and 3), for the upload paths.
const NAMES_IN_A_PERSON_COLUMN: &str = "Data,Terytorium,osoba,forma,rola
2018-09-03,0410033,Jan Kowalski,individual,social-worker
2018-09-04,0410033,85010112345,individual,social-worker
";

/// A sheet with a PESEL column and a name column beside a good person key.
const A_PESEL_COLUMN: &str = "Data,Terytorium,osoba,PESEL,Imię i nazwisko,forma,rola
2018-09-03,0410033,k-0001,85010112345,Jan Kowalski,individual,social-worker
";

/// A name and a PESEL number typed into the header row.
const A_NAME_AS_A_HEADER: &str = "Data,Terytorium,osoba,forma,rola,Jan Kowalski,85010112345
2018-09-03,0410033,k-0001,individual,social-worker,x,y
";

/// A PESEL number in a column that is not about a person (the place).
const A_PESEL_ELSEWHERE: &str = "Data,Terytorium,rodzaj działania,miejsce
11.02.2020,0410033,pilot,85010112345
";

fn xlsx_of(csv: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            sheet
                .write_string(u32::try_from(r).unwrap(), u16::try_from(c).unwrap(), cell)
                .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_raw_person_value_in_an_upload_is_never_echoed_logged_audited_or_stored() {
    let mut server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let raws = ["85010112345", "Kowalski", "Jan Kowalski"];
    let imports = format!("/v1/projects/{KOOPERACJA}/fact-imports");
    let page = format!("/projects/{KOOPERACJA}/upload");
    for (sheet, kind) in [
        (NAMES_IN_A_PERSON_COLUMN, "coaching"),
        (A_PESEL_COLUMN, "coaching"),
        (A_PESEL_ELSEWHERE, "meeting"),
        (A_NAME_AS_A_HEADER, "coaching"),
    ] {
        let book = xlsx_of(sheet);
        for (name, bytes) in [("s.csv", sheet.as_bytes()), ("s.xlsx", book.as_slice())] {
            for lang in ["pl", "en"] {
                let parts: [common::Part<'_>; 2] =
                    [("file", Some(name), bytes), ("kind", None, kind.as_bytes())];
                let r = server.post_form(&imports, Some(&token), Some(lang), &parts);
                assert_eq!(r.status, 422, "{name}: {}", r.text());
                // Refused for what they hold, not for another reason.
                let codes = r.json()["cells"].to_string();
                assert!(codes.contains("\"import."), "{name}: {codes}");
                let form: [common::Part<'_>; 3] = [
                    ("token", None, token.as_bytes()),
                    ("file", Some(name), bytes),
                    ("kind", None, kind.as_bytes()),
                ];
                let p = server.post_form(&format!("{page}?lang={lang}"), None, None, &form);
                assert_eq!(p.status, 422, "{name}: {}", p.text());
                for raw in raws {
                    assert!(!r.text().contains(raw), "{raw} echoed: {}", r.text());
                    assert!(!p.text().contains(raw), "{raw} on the page: {}", p.text());
                }
            }
        }
    }
    // A good sheet: its person keys are stored pseudonymised only.
    let good = "Data,Terytorium,osoba,forma,rola\n2018-09-03,0410033,k-raw-0001,individual,social-worker\n";
    let parts: [common::Part<'_>; 2] = [
        ("file", Some("g.csv"), good.as_bytes()),
        ("kind", None, b"coaching"),
    ];
    let r = server.post_form(&imports, Some(&token), None, &parts);
    assert_eq!(r.status, 201, "{}", r.text());
    assert!(!r.text().contains("k-raw-0001"), "{}", r.text());
    let audit = server.get_as(&format!("/v1/projects/{KOOPERACJA}/audit"), &token);
    assert_eq!(audit.status, 200, "{}", audit.text());
    let log = String::from_utf8_lossy(&server.output()).into_owned();
    for raw in raws.iter().chain(&["k-raw-0001"]) {
        assert!(
            !audit.text().contains(raw),
            "{raw} in the audit: {}",
            audit.text()
        );
        assert!(!log.contains(raw), "{raw} in the log: {log}");
    }
    server.stop();
    for suffix in ["", "-wal", "-shm"] {
        let mut path = server.db().into_os_string();
        path.push(suffix);
        if let Ok(bytes) = std::fs::read(&path) {
            for raw in raws.iter().chain(&["k-raw-0001"]) {
                assert!(
                    !bytes.windows(raw.len()).any(|w| w == raw.as_bytes()),
                    "{raw} is in {path:?}"
                );
            }
        }
    }
}
