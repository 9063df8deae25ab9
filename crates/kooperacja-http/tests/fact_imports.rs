//! `POST /v1/projects/{id}/fact-imports`: a partner's filled-in sheet (XLSX
//! or CSV, as Polish Excel and LibreOffice write them) through the server,
//! all or nothing, with every bad cell named by file, sheet, row and column,
//! under the uploading partner's rights, idempotent by id.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, KOORDYNACJA, Part, Server, fixture};
use serde_json::Value;

const THIRD: &str = "kooperacje-3d-makroregion-iii";

fn imports(project: &str) -> String {
    format!("/v1/projects/{project}/fact-imports")
}

fn file<'a>(name: &'a str, bytes: &'a [u8]) -> Part<'a> {
    ("file", Some(name), bytes)
}

/// Two coaching sessions in Nakło, as a UTF-8 CSV with `,` (RFC 4180).
const COACHING_CSV: &str = "\
Data,Terytorium,osoba,forma,rola
2018-09-03,0410033,k-0001,individual,social-worker
04.09.2018,0410033,k-0002,grupowy,social-worker
";

/// How many facts of `kind` the leader's listing shows.
fn stored(server: &Server, project: &str, leader: &str, kind: &str) -> Vec<Value> {
    let r = server.get_as(
        &format!("/v1/projects/{project}/facts?kind={kind}&limit=1000"),
        leader,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["facts"].as_array().unwrap().clone()
}

fn coaching(server: &Server) -> Vec<Value> {
    let leader = server.token(KOOPERACJA, "rops-torun");
    stored(server, KOOPERACJA, &leader, "coaching")
}

fn cells(problem: &Value) -> Vec<Value> {
    problem["cells"].as_array().unwrap().clone()
}

/// A workbook of one sheet from rows of text (a cell starting with `=` is a
/// formula; `date:` a date cell; `num:` a number cell).
fn xlsx(sheet: &str, rows: &[&[&str]]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap();
        for (c, text) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap();
            if let Some(ymd) = text.strip_prefix("date:") {
                let parts: Vec<u16> = ymd.split('-').map(|p| p.parse().unwrap()).collect();
                let d = ExcelDateTime::from_ymd(
                    parts[0],
                    u8::try_from(parts[1]).unwrap(),
                    u8::try_from(parts[2]).unwrap(),
                )
                .unwrap();
                ws.write_datetime_with_format(r, c, &d, &date).unwrap();
            } else if let Some(n) = text.strip_prefix("num:") {
                ws.write_number(r, c, n.parse::<f64>().unwrap()).unwrap();
            } else if text.starts_with('=') {
                ws.write_formula(r, c, Formula::new(*text)).unwrap();
            } else if !text.is_empty() {
                ws.write_string(r, c, *text).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_csv_sheet_is_stored_as_a_batch_is() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[
            file("coaching.csv", COACHING_CSV.as_bytes()),
            ("kind", None, b"coaching"),
        ],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let body = r.json();
    assert_eq!(body["created"], 2, "{body}");
    assert_eq!(body["duplicates"], 0, "{body}");
    assert_eq!(body["results"][0]["row"], 2, "{body}");
    assert_eq!(body["results"][1]["file"], "coaching.csv", "{body}");
    let facts = coaching(&server);
    assert_eq!(facts.len(), 2);
    assert_eq!(facts[1]["fact"]["form"], "group", "{facts:?}");
}

#[test]
fn the_same_sheet_uploaded_again_stores_nothing_new() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let parts = [
        file("coaching.csv", COACHING_CSV.as_bytes()),
        ("kind", None, b"coaching".as_slice()),
    ];
    assert_eq!(
        server
            .post_form(&imports(KOOPERACJA), Some(&token), None, &parts)
            .status,
        201
    );
    let again = server.post_form(&imports(KOOPERACJA), Some(&token), None, &parts);
    assert_eq!(again.status, 200, "{}", again.text());
    assert_eq!(again.json()["created"], 0);
    assert_eq!(again.json()["duplicates"], 2);
    assert_eq!(coaching(&server).len(), 2);
}

#[test]
fn a_polish_excel_csv_in_windows_1250_with_semicolons_is_stored() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    // "miejsce" holds "Łódź, sala 3": Ł = 0xA3, ó = 0xF3, ź = 0x9F in Windows-1250.
    let mut bytes = b"Data;Terytorium;rodzaj dzia\xb3ania;dni;uczestnicy;miejsce\r\n".to_vec();
    bytes.extend_from_slice(b"11.02.2020;0410033;pilot;1;12;\xa3\xf3d\x9f, sala 3\r\n");
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("spotkania.csv", &bytes), ("kind", None, b"meeting")],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let leader = server.token(KOOPERACJA, "rops-torun");
    let facts = stored(&server, KOOPERACJA, &leader, "meeting");
    assert_eq!(facts[0]["fact"]["place"], "Łódź, sala 3", "{facts:?}");
    assert_eq!(facts[0]["fact"]["participants"], 12, "{facts:?}");
}

#[test]
fn an_xlsx_sheet_named_after_its_kind_is_stored() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let book = xlsx(
        "coaching",
        &[
            &["Data", "Terytorium", "osoba", "forma", "rola"],
            &[
                "date:2018-09-03",
                "0410033",
                "k-0001",
                "indywidualny",
                "social-worker",
            ],
        ],
    );
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("coaching.xlsx", &book)],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let facts = coaching(&server);
    assert_eq!(facts[0]["fact"]["date"], "2018-09-03", "{facts:?}");
    assert_eq!(facts[0]["fact"]["form"], "individual", "{facts:?}");
}

#[test]
fn by_is_the_tokens_organisation() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[
            file("c.csv", COACHING_CSV.as_bytes()),
            ("kind", None, b"coaching"),
        ],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    for fact in coaching(&server) {
        assert_eq!(fact["fact"]["by"], "rops-torun", "{fact}");
        assert_eq!(fact["written_by"], "rops-torun", "{fact}");
    }
}

#[test]
fn every_bad_cell_is_listed_and_nothing_is_stored() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let csv = "\
Data,Terytorium,osoba,forma,rola
2018-09-03,0410033,k-0001,individual,social-worker
jutro,0410033,k-0002,individual,social-worker
2018-09-05,0410033,k-0003,everywhere,social-worker
";
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("zle.csv", csv.as_bytes()), ("kind", None, b"coaching")],
    );
    let p = r.problem(422);
    assert_eq!(p["type"], "urn:kooperacja:problem:import-problems", "{p}");
    assert_eq!(
        p["detail"],
        "nothing was stored; problems in the uploaded files: 2, each listed in `cells` (file, sheet, row, column)"
    );
    let cells = cells(&p);
    assert_eq!(cells.len(), 2, "{p}");
    assert_eq!(cells[0]["row"], 3, "{p}");
    assert_eq!(cells[0]["column"], "A", "{p}");
    assert_eq!(cells[0]["header"], "Data", "{p}");
    assert_eq!(cells[0]["pointer"], "/zle.csv/zle.csv/3/A", "{p}");
    assert_eq!(cells[1]["pointer"], "/zle.csv/zle.csv/4/D", "{p}");
    for cell in &cells {
        assert_eq!(cell["file"], "zle.csv");
        assert!(
            cell["code"].as_str().unwrap().starts_with("import."),
            "{cell}"
        );
        assert!(!cell["message"].as_str().unwrap().is_empty(), "{cell}");
    }
    assert!(
        coaching(&server).is_empty(),
        "the good row is not stored either"
    );
}

#[test]
fn problems_in_several_files_are_all_listed() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let bad = "Data,Terytorium,osoba,forma,rola\njutro,0410033,k-0002,individual,social-worker\n";
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[
            file("a.csv", bad.as_bytes()),
            file("b.csv", bad.as_bytes()),
            ("kind", None, b"coaching"),
        ],
    );
    let p = r.problem(422);
    let cells = cells(&p);
    let files: Vec<&str> = cells.iter().map(|c| c["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["a.csv", "b.csv"], "{p}");
}

#[test]
fn the_pointer_escapes_a_tilde_in_the_file_name() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let bad = "Data,Terytorium,osoba,forma,rola\njutro,0410033,k-0002,individual,social-worker\n";
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[
            file("raport~1.csv", bad.as_bytes()),
            ("kind", None, b"coaching"),
        ],
    );
    let p = r.problem(422);
    assert_eq!(cells(&p)[0]["file"], "raport~1.csv", "{p}");
    assert!(
        cells(&p)[0]["pointer"]
            .as_str()
            .unwrap()
            .starts_with("/raport~01.csv/"),
        "{p}"
    );
}

#[test]
fn the_messages_are_in_the_requests_language() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let bad = "Data,Terytorium,osoba,forma,rola\njutro,0410033,k-0002,individual,social-worker\n";
    let parts = [
        file("a.csv", bad.as_bytes()),
        ("kind", None, b"coaching".as_slice()),
    ];
    let en = server
        .post_form(&imports(KOOPERACJA), Some(&token), Some("en"), &parts)
        .problem(422);
    let pl = server
        .post_form(&imports(KOOPERACJA), Some(&token), Some("pl"), &parts)
        .problem(422);
    assert_ne!(cells(&en)[0]["message"], cells(&pl)[0]["message"]);
    assert_eq!(pl["title"], "Błędy w przesłanych arkuszach", "{pl}");
    assert!(
        pl["detail"]
            .as_str()
            .unwrap()
            .starts_with("nic nie zapisano"),
        "{pl}"
    );
}

#[test]
fn a_partner_may_not_upload_facts_outside_its_voivodeship() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-gdansk");
    // Row 2 is in Pomorskie (22), row 3 in Kujawsko-Pomorskie (04).
    let csv = "\
Data,Terytorium,osoba,forma,rola
2018-09-03,2201,k-0001,individual,social-worker
2018-09-03,0410033,k-0002,individual,social-worker
";
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("g.csv", csv.as_bytes()), ("kind", None, b"coaching")],
    );
    let p = r.problem(422);
    let cells = cells(&p);
    assert_eq!(cells.len(), 1, "{p}");
    assert_eq!(cells[0]["code"], "forbidden", "{p}");
    assert_eq!(cells[0]["row"], 3, "{p}");
    assert_eq!(cells[0]["column"], "B", "{p}");
    assert!(coaching(&server).is_empty());
}

#[test]
fn a_partner_may_not_upload_in_another_organisations_name() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-gdansk");
    let csv = "Data,Organizacja,Terytorium,osoba,forma,rola\n2018-09-03,rops-torun,2201,k-0001,individual,social-worker\n";
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("g.csv", csv.as_bytes()), ("kind", None, b"coaching")],
    );
    let p = r.problem(422);
    assert_eq!(cells(&p)[0]["code"], "forbidden", "{p}");
    assert_eq!(cells(&p)[0]["column"], "B", "{p}");
}

#[test]
fn a_partner_stores_what_it_may() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-gdansk");
    let csv = "Data,Terytorium,osoba,forma,rola\n2018-09-03,2201,k-0001,individual,social-worker\n";
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("g.csv", csv.as_bytes()), ("kind", None, b"coaching")],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(coaching(&server)[0]["fact"]["by"], "rops-gdansk");
}

#[test]
fn a_file_that_cannot_be_read_is_a_problem_of_that_file() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("zepsuty.xlsx", b"PK\x03\x04 not really a zip archive")],
    );
    let p = r.problem(422);
    let cell = &cells(&p)[0];
    assert_eq!(cell["file"], "zepsuty.xlsx", "{p}");
    assert_eq!(cell["sheet"], Value::Null, "{p}");
    assert_eq!(cell["pointer"], "/zepsuty.xlsx", "{p}");
}

#[test]
fn a_refused_upload_is_audited_without_a_value() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let bad = "Data,Terytorium,osoba,forma,rola\njutro,0410033,k-0002,individual,social-worker\n";
    server
        .post_form(
            &imports(KOOPERACJA),
            Some(&token),
            None,
            &[file("a.csv", bad.as_bytes()), ("kind", None, b"coaching")],
        )
        .problem(422);
    let audit = server
        .get_as(&format!("/v1/projects/{KOOPERACJA}/audit"), &token)
        .json();
    let entry = audit["entries"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(entry["action"], "import", "{entry}");
    assert_eq!(entry["result"], "invalid", "{entry}");
    assert_eq!(entry["status"], 422, "{entry}");
    let detail = entry["detail"].as_str().unwrap();
    assert!(detail.starts_with("import-problems: 1 ("), "{detail}");
    assert!(!detail.contains("jutro"), "{detail}");
}

#[test]
fn a_stored_upload_is_audited_fact_by_fact() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[
            file("c.csv", COACHING_CSV.as_bytes()),
            ("kind", None, b"coaching"),
        ],
    );
    let audit = server
        .get_as(&format!("/v1/projects/{KOOPERACJA}/audit"), &token)
        .json();
    let created = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["result"] == "created")
        .count();
    assert_eq!(created, 2, "{audit}");
}

#[test]
fn a_token_is_needed() {
    let server = Server::start();
    let r = server.post_form(
        &imports(KOOPERACJA),
        None,
        None,
        &[file("c.csv", COACHING_CSV.as_bytes())],
    );
    r.problem(401);
}

#[test]
fn a_body_that_is_not_multipart_is_415() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = server.request(
        "POST",
        &imports(KOOPERACJA),
        Some(&token),
        Some(("text/csv", COACHING_CSV.as_bytes())),
    );
    r.problem(415);
}

#[test]
fn a_form_without_a_file_is_400() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[("kind", None, b"coaching")],
    );
    let p = r.problem(400);
    assert!(p["detail"].as_str().unwrap().contains("`file`"), "{p}");
}

#[test]
fn an_unknown_part_is_400() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("c.csv", COACHING_CSV.as_bytes()), ("plik", None, b"x")],
    );
    r.problem(400);
}

#[test]
fn more_than_twenty_files_is_413() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let names: Vec<String> = (1..=21).map(|n| format!("f{n}.csv")).collect();
    let parts: Vec<Part<'_>> = names
        .iter()
        .map(|n| file(n, COACHING_CSV.as_bytes()))
        .collect();
    let r = server.post_form(&imports(KOOPERACJA), Some(&token), None, &parts);
    r.problem(413);
    assert!(coaching(&server).is_empty());
}

#[test]
fn an_upload_over_sixteen_mib_is_413() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let big = vec![b'x'; (16 << 20) + 1];
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("big.csv", &big)],
    );
    r.problem(413);
}

#[test]
fn an_upload_under_sixteen_mib_is_read_whole() {
    // Over the 1 MiB of the other bodies: the upload's own limit applies.
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let mut csv = String::from("Data,Terytorium,osoba,forma,rola,Uwagi\n");
    let pad = "p".repeat(200);
    for n in 0..6000 {
        csv.push_str(&format!(
            "2018-09-03,0410033,k-{n:04},individual,social-worker,{pad}\n"
        ));
    }
    assert!(csv.len() > 1 << 20);
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[
            file("duzy.csv", csv.as_bytes()),
            ("kind", None, b"coaching"),
        ],
    );
    assert_eq!(r.status, 201, "{}", &r.text()[..r.text().len().min(2000)]);
    assert_eq!(r.json()["created"], 6000);
}

#[test]
fn an_upload_on_the_second_fixture_is_stored() {
    let server = Server::start();
    let token = server.token(KOORDYNACJA, "rops-torun");
    let csv =
        "Data;Terytorium;osoba;instytucja;rola\n15.01.2024;0401;k-0157;ops-0401;social-worker\n";
    let r = server.post_form(
        &imports(KOORDYNACJA),
        Some(&token),
        None,
        &[
            file("wsparcie.csv", csv.as_bytes()),
            ("kind", None, b"support"),
        ],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(stored(&server, KOORDYNACJA, &token, "support").len(), 1);
}

#[test]
fn an_upload_on_the_third_fixture_is_stored() {
    let server = Server::with(&[
        "--project",
        &fixture("fixtures/projects/kooperacje-3d-makroregion-iii.toml"),
    ]);
    let token = server.token(THIRD, "rcps-lodz");
    let book = xlsx(
        "spotkanie",
        &[
            &["Data", "Terytorium", "activity", "days"],
            &["date:2018-07-10", "1061011", "model-team", "num:1"],
        ],
    );
    let r = server.post_form(
        &imports(THIRD),
        Some(&token),
        None,
        &[file("lodz.xlsx", &book)],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let leader = server.token(THIRD, "rops-katowice");
    let facts = stored(&server, THIRD, &leader, "meeting");
    assert_eq!(facts[0]["fact"]["by"], "rcps-lodz", "{facts:?}");
}

#[test]
fn a_formula_in_an_xlsx_sheet_is_a_problem_at_its_cell() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let book = xlsx(
        "spotkanie",
        &[
            &[
                "Data",
                "Terytorium",
                "rodzaj działania",
                "dni",
                "uczestnicy",
            ],
            &["date:2020-02-11", "0410033", "pilot", "num:1", "=2+3"],
        ],
    );
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[file("s.xlsx", &book)],
    );
    let p = r.problem(422);
    let cell = &cells(&p)[0];
    assert_eq!(cell["code"], "import.formula", "{p}");
    assert_eq!(cell["pointer"], "/s.xlsx/spotkanie/2/E", "{p}");
}

#[test]
fn a_file_that_cannot_be_read_is_said_in_the_requests_language() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let parts = [file(
        "zepsuty.xlsx",
        b"PK\x03\x04 not really a zip archive".as_slice(),
    )];
    let en = server
        .post_form(&imports(KOOPERACJA), Some(&token), Some("en"), &parts)
        .problem(422);
    let pl = server
        .post_form(&imports(KOOPERACJA), Some(&token), Some("pl"), &parts)
        .problem(422);
    assert_eq!(cells(&en)[0]["code"], cells(&pl)[0]["code"]);
    assert_ne!(cells(&en)[0]["message"], cells(&pl)[0]["message"], "{pl}");
}

/// The note column (`Uwagi`) of a sheet is stored as the fact's note, as a
/// note sent with a fact as JSON is: nothing typed into the sheet is lost.
#[test]
fn the_note_column_is_stored_as_the_facts_note() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let csv = "Data,Terytorium,osoba,forma,rola,Uwagi\n2018-09-03,0410033,k-0001,individual,social-worker,sesja w Nakle\n";
    let r = server.post_form(
        &imports(KOOPERACJA),
        Some(&token),
        None,
        &[
            file("coaching.csv", csv.as_bytes()),
            ("kind", None, b"coaching"),
        ],
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let facts = coaching(&server);
    assert_eq!(facts.len(), 1);
    assert_eq!(facts[0]["fact"]["note"], "sesja w Nakle", "{facts:?}");
}
