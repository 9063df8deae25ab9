//! The dashboard at `/` over HTTP: the date it reports on (`?as_of=`), the
//! date picker that works without JavaScript, and a bad date refused with a
//! page that says why.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failure is a failing test, as in #[test] functions"
)]

mod common;

use common::Server;

#[test]
fn the_dashboard_reports_on_the_date_asked() {
    let server = Server::with_sample_facts();
    let page = server.get("/?as_of=2020-09-30");
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("stan na 30.09.2020 r."), "{html}");
    let later = server.get("/?as_of=2021-03-31").text();
    assert!(later.contains("stan na 31.03.2021 r."));
    assert!(!later.contains("stan na 30.09.2020 r."));
}

#[test]
fn the_dashboard_reports_on_the_date_asked_in_english() {
    let server = Server::with_sample_facts();
    let html = server.get("/?lang=en&as_of=2020-09-30").text();
    assert!(html.contains("as of 2020-09-30"), "{html}");
}

#[test]
fn the_date_picker_is_a_form_without_script() {
    let server = Server::with_sample_facts();
    let html = server.get("/?as_of=2020-09-30").text();
    assert!(
        html.contains("<form class=\"picker\" method=\"get\" action=\"/\">"),
        "{html}"
    );
    assert!(html.contains("<input type=\"date\" id=\"as-of\" name=\"as_of\" value=\"2020-09-30\""));
    assert!(html.contains("<button type=\"submit\">"));
    assert!(!html.contains("<script"));
    // Polish is the default: the form sends no `lang`.
    assert!(!html.contains("name=\"lang\""));
}

#[test]
fn the_date_picker_keeps_the_language() {
    let server = Server::with_sample_facts();
    let html = server.get("/?lang=en").text();
    assert!(
        html.contains("<input type=\"hidden\" name=\"lang\" value=\"en\">"),
        "{html}"
    );
}

#[test]
fn the_language_switch_keeps_the_date_asked() {
    let server = Server::with_sample_facts();
    let en = server.get("/?lang=en&as_of=2020-09-30").text();
    assert!(
        en.contains("href=\"?lang=pl&amp;as_of=2020-09-30\""),
        "{en}"
    );
    let pl = server.get("/?as_of=2020-09-30").text();
    assert!(pl.contains("href=\"?lang=en&amp;as_of=2020-09-30\""));
    // Without a date asked, the switch asks for none.
    assert!(server.get("/").text().contains("href=\"?lang=en\""));
}

#[test]
fn a_bad_date_is_refused_with_a_page_that_says_why() {
    let server = Server::with_sample_facts();
    for bad in ["2020-02-30", "yesterday", ""] {
        let page = server.get(&format!("/?as_of={bad}"));
        assert_eq!(page.status, 400, "{bad}");
        assert!(
            page.header("content-type")
                .unwrap()
                .starts_with("text/html")
        );
        let html = page.text();
        assert!(html.contains("<html lang=\"pl\">"));
        assert!(html.contains("Nieprawidłowa data"), "{html}");
        assert!(
            html.contains("name=\"as_of\""),
            "the page offers the picker again"
        );
    }
    let en = server.get("/?lang=en&as_of=2020-13-01");
    assert_eq!(en.status, 400);
    assert!(en.text().contains("Invalid date"));
}
