use std::collections::HashSet;

use chrono::NaiveDate;
use kooperacja_core::engine::Engine;
use kooperacja_core::facts::{FactReader, Format};
use kooperacja_core::present::{self, Lang, label, palette::Rgb};
use kooperacja_core::project::Project;
use kooperacja_core::pseudonym::PseudonymKey;
use kooperacja_core::report::{Report, Status};

use super::{Entry, View, page, style};

const KOOPERACJA: &str =
    include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml");
const KOORDYNACJA: &str =
    include_str!("../../../../fixtures/projects/koordynacja-kujawy-pomorze.toml");
const KOOPERACJA_FACTS: &str = include_str!("../../../../fixtures/facts/kooperacja-sample.jsonl");
const KOORDYNACJA_FACTS: &str = include_str!("../../../../fixtures/facts/koordynacja-sample.jsonl");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn view(lang: Lang) -> View {
    View {
        lang,
        as_of: date(2020, 9, 30),
        asked: false,
    }
}

fn report(project: &Project, facts: &str, as_of: NaiveDate) -> Report {
    let mut engine = Engine::new(project.clone(), None);
    for fact in FactReader::new(
        facts.as_bytes(),
        Format::JsonLines,
        std::sync::Arc::clone(project.vocabulary()),
        PseudonymKey::from_bytes([0; 32]),
    ) {
        engine.apply(&fact.unwrap());
    }
    engine.report(as_of)
}

/// Both fixtures with their sample facts, as the server serves them.
fn fixtures() -> [(Project, Report); 2] {
    let kooperacja = Project::parse(KOOPERACJA).unwrap();
    let koordynacja = Project::parse(KOORDYNACJA).unwrap();
    let k1 = report(&kooperacja, KOOPERACJA_FACTS, date(2020, 9, 30));
    let k2 = report(&koordynacja, KOORDYNACJA_FACTS, date(2025, 11, 30));
    [(kooperacja, k1), (koordynacja, k2)]
}

fn both(fixtures: &[(Project, Report)], lang: Lang) -> String {
    let entries: Vec<Entry<'_>> = fixtures
        .iter()
        .map(|(project, report)| Entry { project, report })
        .collect();
    page(&entries, view(lang))
}

fn one(project: &Project, report: &Report, lang: Lang) -> String {
    page(&[Entry { project, report }], view(lang))
}

/// The page with a line break between adjacent tags, so that a snapshot's
/// diff shows what changed (the page itself is one line).
fn lines(html: &str) -> String {
    html.replace("><", ">\n<")
}

#[test]
fn snapshot_polish() {
    insta::assert_snapshot!("both_pl", lines(&both(&fixtures(), Lang::Pl)));
}

#[test]
fn snapshot_english() {
    insta::assert_snapshot!("both_en", lines(&both(&fixtures(), Lang::En)));
}

#[test]
fn page_is_self_contained() {
    let fixtures = fixtures();
    for lang in Lang::ALL {
        let html = both(&fixtures, lang);
        for forbidden in [
            "http://", "https://", "<script", "<link", "@import", "url(", "<img", "<iframe",
            "src=", "//fonts",
        ] {
            assert!(!html.contains(forbidden), "{lang:?} page has {forbidden}");
        }
        for href in html.split("href=\"").skip(1) {
            let target = href.split('"').next().unwrap();
            assert!(
                target.starts_with('#')
                    || target.starts_with("?lang=")
                    || target.starts_with("/v1/")
                    || (target.starts_with("/projects/")
                        && (target.contains("/upload") || target.contains("/claims"))),
                "{lang:?} page links to {target}"
            );
        }
        assert!(html.starts_with(&format!("<!DOCTYPE html><html lang=\"{}\">", lang.code())));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("name=\"viewport\""));
        assert!(html.contains("<title>"));
        assert!(html.ends_with("</html>"));
    }
}

#[test]
fn every_indicator_appears_with_its_status() {
    let fixtures = fixtures();
    for lang in Lang::ALL {
        let html = both(&fixtures, lang);
        for (_, report) in &fixtures {
            for i in &report.indicators {
                let code = format!("<code>{}</code>", i.id);
                let at = html
                    .find(&code)
                    .unwrap_or_else(|| panic!("{} missing", i.id));
                let item_start = html[..at].rfind("<li class=\"st-").unwrap();
                let item = &html[item_start..at];
                let badge = format!(
                    "<span class=\"badge {}\" data-figure=\"indicator.{}.status\">{}</span>",
                    style::status_class(i.status),
                    i.id,
                    label::status(i.status).get(lang)
                );
                assert!(item.contains(&badge), "{lang:?} {}: no {badge}", i.id);
            }
        }
    }
    // The fixtures between them show more than one status.
    let statuses: HashSet<Status> = fixtures
        .iter()
        .flat_map(|(_, r)| r.indicators.iter().map(|i| i.status))
        .collect();
    assert!(statuses.len() >= 3, "{statuses:?}");
}

#[test]
fn text_from_the_file_is_escaped() {
    let mut project = Project::parse(KOOPERACJA).unwrap();
    project.title = "Kooperacja <script>alert(1)</script> & \"spółka\"".to_owned();
    project.title_en = Some("Cooperation <script>x</script> & co".to_owned());
    if let Some(org) = project.organisations.iter_mut().find(|o| o.id == "umk") {
        org.name = "UMK <b>&</b>".to_owned();
    }
    let report = report(&project, KOOPERACJA_FACTS, date(2020, 9, 30));
    for lang in Lang::ALL {
        let html = one(&project, &report, lang);
        assert!(!html.contains("<script"), "{lang:?}");
        assert!(!html.contains("<b>"), "{lang:?}");
        assert!(html.contains("UMK &lt;b&gt;&amp;&lt;/b&gt;"), "{lang:?}");
    }
    let pl = one(&project, &report, Lang::Pl);
    assert!(
        pl.contains("Kooperacja &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;spółka&quot;")
    );
    let en = one(&project, &report, Lang::En);
    assert!(en.contains("Cooperation &lt;script&gt;x&lt;/script&gt; &amp; co"));
}

#[test]
fn language_switch_links_to_the_other_language() {
    let fixtures = fixtures();
    let pl = both(&fixtures, Lang::Pl);
    assert!(pl.contains("<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\""));
    assert!(!pl.contains("href=\"?lang=pl\""));
    assert!(pl.contains("stan na 30.09.2020 r."));
    let en = both(&fixtures, Lang::En);
    assert!(en.contains("<a href=\"?lang=pl\" hreflang=\"pl\" lang=\"pl\""));
    assert!(!en.contains("href=\"?lang=en\""));
    assert!(en.contains("as of 2020-09-30"));
    assert!(en.contains("Cooperation – effective and efficient"));
}

#[test]
fn each_project_has_an_anchor_and_a_link_to_it() {
    let fixtures = fixtures();
    let html = both(&fixtures, Lang::Pl);
    for id in [
        "p-kooperacja-makroregion-ii",
        "p-koordynacja-kujawy-pomorze",
    ] {
        assert!(html.contains(&format!("<article class=\"project\" id=\"{id}\"")));
        assert!(html.contains(&format!("<a href=\"#{id}\">")));
    }
    // The same project twice gets two anchors.
    let (project, report) = &fixtures[0];
    let entry = Entry { project, report };
    let twice = page(&[entry, entry], view(Lang::Pl));
    assert!(twice.contains("id=\"p-kooperacja-makroregion-ii-2\""));
}

#[test]
fn a_version_without_milestones_renders() {
    let fixtures = fixtures();
    let (project, report) = &fixtures[1];
    assert!(report.milestones.is_empty());
    let html = one(project, report, Lang::Pl);
    assert!(html.contains("<p class=\"empty\">Wersja w mocy nie ma kamieni milowych.</p>"));
    assert!(html.contains("<svg class=\"gantt gantt-wide\""));
    assert!(html.contains("<svg class=\"gantt gantt-narrow\""));
    let en = one(project, report, Lang::En);
    assert!(en.contains("The version in force has no milestones."));
}

#[test]
fn a_share_indicator_shows_percentages() {
    let project = Project::parse(KOORDYNACJA).unwrap();
    let register = kooperacja_core::territory::Register::parse_terc(include_str!(
        "../../../../fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"
    ))
    .unwrap();
    let mut engine = Engine::new(project.clone(), Some(std::sync::Arc::new(register)));
    for fact in FactReader::new(
        KOORDYNACJA_FACTS.as_bytes(),
        Format::JsonLines,
        std::sync::Arc::clone(project.vocabulary()),
        PseudonymKey::from_bytes([0; 32]),
    ) {
        engine.apply(&fact.unwrap());
    }
    let report = engine.report(date(2025, 11, 30));
    let pl = one(&project, &report, Lang::Pl);
    assert!(
        text_of(&pl)
            .contains("24 % / 50 % · 47,9 % · termin 31.12.2028 r. · prognoza na termin: 59,4 %"),
        "{pl}"
    );
    let en = one(&project, &report, Lang::En);
    assert!(
        text_of(&en).contains("24% / 50% · 47.9% · due 2028-12-31 · forecast at due date: 59.4%"),
        "{en}"
    );
}

#[test]
fn dates_outside_the_period_and_no_facts_render() {
    let project = Project::parse(KOORDYNACJA).unwrap();
    for as_of in [date(2000, 1, 1), date(2040, 12, 31)] {
        let report = Engine::new(project.clone(), None).report(as_of);
        let html = one(&project, &report, Lang::En);
        assert!(html.contains(&format!("as of {}", present::date(Lang::En, as_of))));
    }
    let empty = page(&[], view(Lang::Pl));
    assert!(empty.contains(label::NO_PROJECTS.get(Lang::Pl)));
}

/// WCAG 2's contrast ratio of two colours.
#[allow(
    clippy::float_arithmetic,
    reason = "WCAG's formula is defined on reals; a test's arithmetic on colours, no money near"
)]
fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Rgb) -> f64 {
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn every_text_has_a_contrast_of_at_least_4_5() {
    for (what, text, background) in style::text_on_background() {
        let ratio = contrast(text, background);
        assert!(
            ratio >= 4.5,
            "{what}: {} on {} is {ratio:.2}:1",
            text.hex(),
            background.hex()
        );
    }
}

/// The names of the page's landmarks (`nav`, `section`, `form`, `aside`
/// with `aria-label` or `aria-labelledby`), by element, as written.
fn landmark_names(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for element in ["nav", "section", "aside", "form"] {
        for tag in html.split(&format!("<{element} ")).skip(1) {
            let tag = tag.split('>').next().unwrap();
            for attribute in ["aria-label=\"", "aria-labelledby=\""] {
                if let Some(value) = tag.split(attribute).nth(1) {
                    out.push((
                        element.to_owned(),
                        value.split('"').next().unwrap().to_owned(),
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn every_landmark_has_a_name_of_its_own() {
    let fixtures = fixtures();
    for lang in Lang::ALL {
        let html = both(&fixtures, lang);
        let names = landmark_names(&html);
        let sections = html.matches("<section ").count() + html.matches("<nav ").count();
        assert_eq!(names.len(), sections, "{lang:?}: a landmark without a name");
        let unique: HashSet<&(String, String)> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{lang:?}: {names:?}");
        // Each section's name includes its project's title.
        for (element, name) in &names {
            if element == "section" {
                assert!(name.ends_with("-title"), "{name}");
            }
        }
    }
}

#[test]
fn the_english_page_marks_polish_text() {
    let fixtures = fixtures();
    let en = both(&fixtures, Lang::En);
    // The Polish title under the English one, the version's Polish label.
    assert!(en.contains("<p class=\"alt\" lang=\"pl\">Kooperacja – efektywna i skuteczna"));
    assert!(en.contains("<strong><span lang=\"pl\">"));
    let pl = both(&fixtures, Lang::Pl);
    assert!(
        !pl.contains("<span lang=\"pl\">") && !pl.contains("<p class=\"alt\""),
        "nothing is marked Polish on the Polish page"
    );
}

#[test]
fn the_date_picker_keeps_the_date_and_the_language() {
    let fixtures = fixtures();
    let entries: Vec<Entry<'_>> = fixtures
        .iter()
        .map(|(project, report)| Entry { project, report })
        .collect();
    let asked = View {
        lang: Lang::En,
        as_of: date(2021, 3, 31),
        asked: true,
    };
    let html = page(&entries, asked);
    assert!(html.contains("<input type=\"hidden\" name=\"lang\" value=\"en\">"));
    assert!(html.contains("name=\"as_of\" value=\"2021-03-31\""));
    assert!(html.contains("href=\"?lang=pl&amp;as_of=2021-03-31\""));
}

/// The text of a page: its markup without the tags.
fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
