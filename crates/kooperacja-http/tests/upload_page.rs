//! The dashboard's upload page: a form that works without a script (a
//! multipart POST with the token, the files and the kind, as a browser sends
//! it), answering a page with every bad cell in a table, or what was stored.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::{KOOPERACJA, Part, Server};
use scraper::{Html, Selector};

fn page_path(lang: &str) -> String {
    format!("/projects/{KOOPERACJA}/upload?lang={lang}")
}

fn select(html: &str, css: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse(css).unwrap();
    doc.select(&selector)
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

fn attr(html: &str, css: &str, name: &str) -> Option<String> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse(css).unwrap();
    doc.select(&selector)
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_owned))
}

const GOOD: &str =
    "Data,Terytorium,osoba,forma,rola\n2018-09-03,0410033,k-0001,individual,social-worker\n";
const BAD: &str =
    "Data,Terytorium,osoba,forma,rola\njutro,0410033,k-0001,individual,social-worker\n";

fn send(server: &Server, lang: &str, token: &str, csv: &str) -> common::Response {
    let parts: [Part<'_>; 3] = [
        ("token", None, token.as_bytes()),
        ("file", Some("coaching.csv"), csv.as_bytes()),
        ("kind", None, b"coaching"),
    ];
    server.post_form(&page_path(lang), None, None, &parts)
}

#[test]
fn the_upload_page_is_a_multipart_form_without_script() {
    let server = Server::start();
    let r = server.get(&page_path("pl"));
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let html = r.text();
    assert!(!html.contains("<script"), "no script");
    assert_eq!(
        attr(&html, "form.upload", "method").as_deref(),
        Some("post")
    );
    assert_eq!(
        attr(&html, "form.upload", "enctype").as_deref(),
        Some("multipart/form-data")
    );
    assert_eq!(
        attr(&html, "form.upload input[name=token]", "type").as_deref(),
        Some("password")
    );
    assert_eq!(
        attr(&html, "form.upload input[name=file]", "type").as_deref(),
        Some("file")
    );
    let kinds = select(&html, "form.upload select[name=kind] option");
    assert!(kinds.contains(&"spotkanie".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"coaching".to_owned()), "{kinds:?}");
}

#[test]
fn the_upload_page_speaks_english_with_lang_en() {
    let server = Server::start();
    let html = server.get(&page_path("en")).text();
    assert_eq!(select(&html, "h2#upload"), ["Upload a sheet of facts"]);
    assert_eq!(select(&html, "label[for=token]"), ["Access token"]);
    let kinds = select(&html, "select[name=kind] option");
    assert!(kinds.contains(&"meeting".to_owned()), "{kinds:?}");
}

#[test]
fn the_dashboard_links_each_project_to_its_upload_page() {
    let server = Server::start();
    let html = server.get("/?lang=en").text();
    let doc = Html::parse_document(&html);
    let selector = Selector::parse("p.facts a").unwrap();
    let links: Vec<String> = doc
        .select(&selector)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    let expected = format!("/projects/{KOOPERACJA}/upload?lang=en");
    assert!(links.contains(&expected), "{links:?}");
}

#[test]
fn the_upload_page_of_no_project_is_a_404_page() {
    let server = Server::start();
    let r = server.get("/projects/no-such-project/upload");
    assert_eq!(r.status, 404);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
}

#[test]
fn the_form_stores_the_sheet_and_says_how_many() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = send(&server, "pl", &token, GOOD);
    assert_eq!(r.status, 201, "{}", r.text());
    let html = r.text();
    assert_eq!(select(&html, "h2#answer"), ["Zapisano"]);
    assert_eq!(
        select(&html, "[data-figure=created]"),
        ["zapisane teraz: 1 fakt"]
    );
    let again = send(&server, "pl", &token, GOOD);
    assert_eq!(again.status, 200);
    assert_eq!(
        select(&again.text(), "[data-figure=duplicates]"),
        ["już zapisane wcześniej (bez zmian): 1 fakt"]
    );
}

#[test]
fn the_form_answers_every_bad_cell_in_a_table() {
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let r = send(&server, "en", &token, BAD);
    assert_eq!(r.status, 422, "{}", r.text());
    let html = r.text();
    assert_eq!(
        select(&html, "table.cells th"),
        ["File", "Sheet", "Row", "Column", "Message"]
    );
    let row = select(&html, "table.cells tbody tr td");
    assert_eq!(row[0], "coaching.csv");
    assert_eq!(row[2], "2");
    assert!(row[3].starts_with('A'), "{row:?}");
    assert!(!row[4].is_empty());
    // The form again, to send the corrected file.
    assert_eq!(select(&html, "form.upload button"), ["Send"]);
}

#[test]
fn the_form_without_a_token_answers_a_401_page() {
    let server = Server::start();
    let parts: [Part<'_>; 1] = [("file", Some("c.csv"), GOOD.as_bytes())];
    let r = server.post_form(&page_path("en"), None, None, &parts);
    assert_eq!(r.status, 401);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(select(&r.text(), "h2#answer"), ["The upload was not taken"]);
}

#[test]
fn the_form_with_an_unknown_token_answers_a_401_page() {
    let server = Server::start();
    let r = send(&server, "pl", "not-a-token", GOOD);
    assert_eq!(r.status, 401);
    assert!(!select(&r.text(), "p.reason")[0].is_empty());
}

#[test]
fn the_form_with_no_file_chosen_answers_a_400_page() {
    // A browser sends an empty file part with an empty file name.
    let server = Server::start();
    let token = server.token(KOOPERACJA, "rops-torun");
    let parts: [Part<'_>; 2] = [("token", None, token.as_bytes()), ("file", Some(""), b"")];
    let r = server.post_form(&page_path("en"), None, None, &parts);
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(
        select(&r.text(), "p.reason")[0].contains("no file"),
        "{}",
        r.text()
    );
}
