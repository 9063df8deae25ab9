//! The offline HTML report: the dashboard of `kooperacja status` as one
//! self-contained page that a coordinator can e-mail or print.
//!
//! Everything is inline: the CSS, and the charts as SVG (a milestone timeline
//! with the report's date marked, a progress bar per indicator coloured by its
//! status, the budget by source and by partner, a tile map of the voivodeships
//! with their powiats and the indicators by voivodeship). Nothing is fetched:
//! no fonts, scripts, images or style sheets from elsewhere. The page prints on
//! A4, keeps each chart on one page, and writes every status as text as well
//! as in colour, so a black-and-white copy reads the same.
//!
//! Every number comes from the [`Report`] or the [`Project`]; this module only
//! lays them out. The one arithmetic of its own is geometry: pixel lengths from
//! shares, in exact decimals or integers (no float touches money). The page is
//! written with `maud`, which escapes every text it is given (only the style
//! sheet, this crate's own text, goes in unescaped); labels come from
//! `present::label`, numbers and dates from `present::*`, colours from
//! `present::palette`. On an English page the project file's Polish texts
//! carry `lang="pl"`. The output depends on nothing but its arguments (no
//! clock), so it can be frozen in snapshots.
//!
//! The parts, one file each: the frame (head, warning, header, footer), the
//! style sheet, summary cards, budget, timeline (milestones), indicators,
//! territory.
//!
//! ```
//! use kooperacja_core::{engine::Engine, project::Project};
//! use kooperacja_export::{Lang, html::html};
//! let project = Project::parse(include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let report = Engine::new(project.clone(), None).report(chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap());
//! let page = html(&project, &report, Lang::Pl, None);
//! assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"pl\">"));
//! assert!(page.contains("stan na 30.09.2020 r."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Datelike, NaiveDate};
use kooperacja_core::indicator::{IndicatorKind, Target};
use kooperacja_core::money::{Amount, Rate};
use kooperacja_core::organisation::PartnerRole;
use kooperacja_core::period::StatedDate;
use kooperacja_core::present::{self, label, palette};
use kooperacja_core::project::Project;
use kooperacja_core::report::{IndicatorReport, MilestoneState, Report, Status};
use kooperacja_core::territory::voivodeship_name;
use rust_decimal::Decimal;

use maud::{DOCTYPE, Markup, html};

use crate::Lang;

mod budget;
mod claim;
mod frame;
mod indicators;
mod style;
mod summary;
mod territory;
mod timeline;

pub use claim::claim_html;

/// The report as one self-contained HTML page, in Polish or English.
///
/// `warning` (given when the project was exported with `--force` despite error
/// findings) is shown at the top of the page, before the title.
pub fn html(project: &Project, report: &Report, lang: Lang, warning: Option<&str>) -> String {
    let area = project.area(report.as_of);
    let page = Page {
        lang,
        project,
        report,
        area: &area,
    };
    let markup = html! {
        (DOCTYPE) "\n"
        html lang=(lang.code()) {
            "\n"
            (page.head())
            body {
                "\n"
                main {
                    "\n"
                    @if let Some(w) = warning { (page.warning(w)) }
                    (page.header())
                    (page.summary())
                    (page.milestones())
                    (page.indicators())
                    (page.budget())
                    (page.territory())
                    (page.footer())
                }
                "\n"
            }
            "\n"
        }
        "\n"
    };
    markup.into_string()
}

/// `width × part / whole` in whole pixels: core's `present::bar_length`.
fn px(part: Decimal, whole: Decimal, width: i64) -> i64 {
    present::bar_length(part, whole, width)
}

/// The pixel length of a rate (a fraction of one) on a bar `width` long.
fn px_rate(rate: Rate, width: i64) -> i64 {
    px(rate.fraction(), Decimal::ONE, width)
}

/// The pixel length of `part` on a bar where `whole` is `width` long.
fn px_amount(part: Amount, whole: Amount, width: i64) -> i64 {
    px(part.as_decimal(), whole.as_decimal(), width)
}

/// A CSS class name for a status (`on-track`).
fn status_class(status: Status) -> &'static str {
    status.machine()
}

/// The colour of a status, in charts and badges.
fn status_colour(status: Status) -> String {
    palette::of_status(status).fill.hex()
}

/// A symbol that tells the statuses apart without colour.
fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "○",
        Status::OnTrack => "→",
        Status::AtRisk => "!",
        Status::Achieved => "✓",
        Status::Missed => "✗",
        Status::NotEvaluated => "–",
    }
}

/// Fill and stroke of a milestone's bar: a finished one solid, the others
/// light with their colour as the frame.
fn state_colours(state: MilestoneState) -> (String, String) {
    let swatch = palette::of_state(state);
    match state {
        MilestoneState::Finished => (swatch.fill.hex(), swatch.ink.hex()),
        MilestoneState::Running | MilestoneState::NotStarted => {
            (swatch.tint.hex(), swatch.fill.hex())
        }
    }
}

/// The sixteen voivodeships on a 4 × 4 tile map of Poland: TERYT code, row,
/// column (their names are core's `territory::VOIVODESHIPS`).
const TILES: [(&str, i64, i64); 16] = [
    ("32", 0, 0),
    ("22", 0, 1),
    ("28", 0, 2),
    ("20", 0, 3),
    ("08", 1, 0),
    ("30", 1, 1),
    ("04", 1, 2),
    ("14", 1, 3),
    ("02", 2, 0),
    ("10", 2, 1),
    ("26", 2, 2),
    ("06", 2, 3),
    ("16", 3, 0),
    ("24", 3, 1),
    ("12", 3, 2),
    ("18", 3, 3),
];

/// What every section needs: the language, the project and its report.
#[derive(Debug, Clone, Copy)]
struct Page<'a> {
    lang: Lang,
    project: &'a Project,
    report: &'a Report,
    /// The area of the version in force on the report's date.
    area: &'a kooperacja_core::area::Territory,
}

impl Page<'_> {
    /// The language of texts taken from the project file (titles, names,
    /// labels), which are Polish: marked as such on an English page.
    fn source_lang(&self) -> Option<&'static str> {
        (self.lang == Lang::En).then_some("pl")
    }

    /// `30.09.2020 r.` or `2020-09-30`.
    fn date(&self, date: NaiveDate) -> String {
        present::date(self.lang, date)
    }

    /// `30.09.2020` or `2020-09-30`, for narrow places.
    fn short_date(&self, date: NaiveDate) -> String {
        present::short_date(self.lang, date)
    }

    /// A date as the source states it: a day, or a month.
    fn stated(&self, date: StatedDate) -> String {
        present::stated_date(self.lang, date)
    }

    /// A date as the source states it, for narrow places: a short day, or a month.
    fn short_stated(&self, date: StatedDate) -> String {
        match date {
            StatedDate::Day(day) => self.short_date(day),
            StatedDate::Month(month) => present::month(self.lang, month),
        }
    }

    /// A date as `<time>`, with the ISO date for machines.
    fn time(&self, date: NaiveDate) -> Markup {
        html! { time datetime=(present::short_date(Lang::En, date)) { (self.date(date)) } }
    }

    /// A text from the project file (Polish), marked `lang="pl"` on an
    /// English page.
    fn source(&self, text: &str) -> Markup {
        html! {
            @match self.source_lang() {
                Some(lang) => span lang=(lang) { (text) },
                None => (text),
            }
        }
    }

    fn amount(&self, amount: Amount) -> String {
        present::amount(self.lang, amount)
    }

    /// An amount that may be unknown (the catalogue's word in its place).
    fn maybe_amount(&self, amount: Option<Amount>) -> String {
        present::amount_or_unknown(self.lang, amount)
    }

    /// A value of an indicator (or of one of its parts): a count, or a
    /// percentage for a share target.
    fn indicator_value(&self, i: &IndicatorReport, value: Decimal) -> String {
        present::indicator_value(self.lang, i.target, Some(value))
    }

    fn target(&self, i: &IndicatorReport) -> String {
        present::indicator_target(self.lang, i.target)
    }

    fn status(&self, status: Status) -> &'static str {
        label::status(status).get(self.lang)
    }

    fn state(&self, state: MilestoneState) -> &'static str {
        label::state(state).get(self.lang)
    }

    /// The status of an indicator as a badge: a symbol and the word (the word
    /// marked as the indicator's status figure).
    fn badge(&self, status: Status, indicator: &str) -> Markup {
        html! {
            span class={ "badge st-" (status_class(status)) } {
                (status_symbol(status)) " "
                span data-figure=(format!("indicator.{indicator}.status")) { (self.status(status)) }
            }
        }
    }

    fn indicator_name<'r>(&self, i: &'r IndicatorReport) -> &'r str {
        match (self.lang, &i.name_en) {
            (Lang::En, Some(en)) => en,
            _ => &i.name,
        }
    }

    /// The name of an organisation by its id, or the id when it is unknown.
    fn organisation(&self, id: &str) -> String {
        self.project
            .organisation(id)
            .map_or_else(|| id.to_owned(), |o| o.name.clone())
    }

    /// A partner's name, marked when it is the leader.
    fn partner(&self, id: &str) -> String {
        match self.project.organisation(id) {
            Some(o) if o.role == PartnerRole::Leader => {
                format!("{} ({})", o.name, label::LEADER_MARK.get(self.lang))
            }
            Some(o) => o.name.clone(),
            None => id.to_owned(),
        }
    }

    /// The name of a voivodeship by its TERYT code (or `-`, no territory).
    fn voivodeship(&self, key: &str) -> String {
        if key == "-" {
            return label::NO_TERRITORY.get(self.lang).to_owned();
        }
        self.area
            .voivodeships
            .iter()
            .find(|v| v.code.as_str() == key)
            .map(|v| v.name.clone())
            .or_else(|| voivodeship_name(key).map(str::to_owned))
            .unwrap_or_else(|| key.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixel_lengths_round_and_clamp() {
        assert_eq!(px(Decimal::from(1), Decimal::from(3), 300), 100);
        assert_eq!(px(Decimal::from(1), Decimal::from(8), 100), 13);
        assert_eq!(px(Decimal::from(5), Decimal::from(4), 100), 100);
        assert_eq!(px(Decimal::from(-1), Decimal::from(4), 100), 0);
        assert_eq!(px(Decimal::from(1), Decimal::ZERO, 100), 0);
        let half = Amount::from_grosze(50);
        assert_eq!(px_amount(half, Amount::from_grosze(100), 200), 100);
    }
}
