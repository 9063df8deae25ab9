//! The dashboard page served at `/`: where each project stands on a date, for
//! people, as one server-rendered HTML page.
//!
//! One card per project: the version in force, the date of the report, the
//! period and how much of it has passed; a milestone timeline (inline SVG: one
//! bar per milestone coloured by its state, the report's date as a line); every
//! indicator with a progress bar coloured by its status, the status also written
//! out so that the page reads without colour; and the budget (total, EU and
//! national contributions, spent and remaining, and by partner where the report
//! has it). Polish by default, English with `?lang=en`; the date is today's or
//! the one asked for with `?as_of=` (a date picker on the page asks for it, a
//! plain GET form that needs no script).
//!
//! This module renders and decides nothing: every word comes from
//! [`present::label`](kooperacja_core::present::label), every number and date
//! from [`present`](kooperacja_core::present)'s formats, every colour from
//! [`present::palette`](kooperacja_core::present::palette), every figure from
//! the [`Report`] or the [`Project`]. The markup is written with `maud`, which escapes every text it
//! is given. The only arithmetic here is geometry (lengths in whole SVG units,
//! from shares, in exact decimals; no float). The page is self-contained:
//! inline CSS and SVG, no script, and no font, image or style sheet from
//! elsewhere; its only links are the language switch, anchors within the page,
//! the API's own paths, each project's upload page (`upload`: a form that
//! needs no script either) and, for a project with a claim schedule, its
//! claim schedule page (`claims`: a table of each claim's status).
//!
//! The parts: `frame` (the page around the cards: head, masthead with the
//! language switch and the date picker, the list of projects, the footer),
//! `card` (one project: its header, tiles and facts line), `timeline` (the
//! milestones as an SVG chart and a list), `indicators`, `budget`,
//! `style` (the stylesheet, from the palette) and `geometry` (lengths on
//! bars).

mod budget;
mod card;
pub mod claims;
mod frame;
mod geometry;
mod indicators;
mod style;
mod timeline;
pub mod upload;

use std::collections::HashSet;

use chrono::NaiveDate;
use kooperacja_core::present::Lang;
use kooperacja_core::project::Project;
use kooperacja_core::report::Report;
use maud::{Markup, html};

/// One project on the page: the project and its report as of a date.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The project, for what the report does not carry (the English title,
    /// partner names, milestone titles in English).
    pub project: &'a Project,
    /// Its report; its `as_of` is the date the card shows.
    pub report: &'a Report,
}

/// What the page was asked for: its language and its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// The page's language.
    pub lang: Lang,
    /// The date the reports are made for (the date picker's value).
    pub as_of: NaiveDate,
    /// Whether the date was asked for (`?as_of=`), so that the language
    /// switch keeps it; otherwise the page shows today, whatever day that is.
    pub asked: bool,
}

/// The dashboard: one self-contained HTML page with a card per entry, in the
/// order given, in the view's language.
///
/// ```
/// use kooperacja_core::{engine::Engine, present::Lang, project::Project};
/// use kooperacja_http::dashboard::{Entry, View, page};
/// let project = Project::parse(include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
/// let as_of = chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap();
/// let report = Engine::new(project.clone(), None).report(as_of);
/// let view = View { lang: Lang::Pl, as_of, asked: false };
/// let html = page(&[Entry { project: &project, report: &report }], view);
/// assert!(html.starts_with("<!DOCTYPE html><html lang=\"pl\">"));
/// assert!(html.contains("stan na 30.09.2020 r."));
/// assert!(html.contains(r#"href="?lang=en""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn page(entries: &[Entry<'_>], view: View) -> String {
    let anchors = anchors(entries);
    let body = html! {
        (frame::projects_nav(entries, &anchors, view.lang))
        main {
            @if entries.is_empty() {
                p.empty { (view.lang.text(kooperacja_core::present::label::NO_PROJECTS)) }
            }
            @for (entry, anchor) in entries.iter().zip(&anchors) {
                (card::card(entry, anchor, view.lang))
            }
        }
    };
    frame::page(view, body).into_string()
}

/// The page that refuses a date that is not one (served with 400): the
/// reason, and the date picker (on the view's date) to ask again. Like every
/// refusal of the server, it does not quote what was sent.
///
/// ```
/// use kooperacja_core::present::Lang;
/// use kooperacja_http::dashboard::{View, bad_date};
/// let today = chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap();
/// let html = bad_date(View { lang: Lang::En, as_of: today, asked: false });
/// assert!(html.contains("Invalid date"));
/// assert!(html.contains(r#"name="as_of""#));
/// ```
pub fn bad_date(view: View) -> String {
    use kooperacja_core::present::label;
    let body = html! {
        main {
            section.project aria-labelledby="invalid-date" {
                h2 #invalid-date { (view.lang.text(label::INVALID_DATE)) }
                p { (view.lang.text(label::NOT_A_DATE)) }
            }
        }
    };
    frame::page(view, body).into_string()
}

/// Text known to be Polish only (a label or a name from the project file),
/// marked as Polish on the English page.
fn polish(lang: Lang, text: &str) -> Markup {
    html! {
        @if lang == Lang::Pl { (text) } @else { span lang="pl" { (text) } }
    }
}

/// Text known to be English only (a finding's message, an indicator's note
/// from core), marked as English on the Polish page.
fn english(lang: Lang, text: &str) -> Markup {
    html! {
        @if lang == Lang::En { (text) } @else { span lang="en" { (text) } }
    }
}

/// A fragment id for each entry, from the project's id (`p-kooperacja-…`),
/// unique on the page.
fn anchors(entries: &[Entry<'_>]) -> Vec<String> {
    let mut used = HashSet::new();
    entries
        .iter()
        .map(|entry| {
            let slug: String = entry
                .project
                .id
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let base = format!("p-{slug}");
            let mut anchor = base.clone();
            let mut n = 2;
            while !used.insert(anchor.clone()) {
                anchor = format!("{base}-{n}");
                n += 1;
            }
            anchor
        })
        .collect()
}

#[cfg(test)]
mod tests;
