//! The dashboard page served at `/`: where each project stands on its report's
//! date, for people, as one server-rendered HTML page.
//!
//! One card per project: the version in force, the date of the report, the
//! period and how much of it has passed; a milestone timeline (inline SVG: one
//! bar per milestone coloured by its state, the report's date as a line); every
//! indicator with a progress bar coloured by its status, the status also written
//! out so that the page reads without colour; and the budget (total, EU and
//! national contributions, spent and remaining, and by partner where the report
//! has it). Polish by default, English with `?lang=en`.
//!
//! The page is self-contained: inline CSS and SVG, no script, and no font, image
//! or style sheet from elsewhere. Its only links are the language switch, anchors
//! within the page and the API's own paths. Every number comes from the
//! [`Report`] or the [`Project`]; the only arithmetic here is geometry (lengths
//! in whole SVG units, from shares, in integers and exact decimals; no float).
//! Every text from the project file or the facts is escaped, and the output
//! depends on the arguments only (no clock): each report's `as_of` is its date.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use kooperacja_core::indicator::Target;
use kooperacja_core::money::{Amount, Rate};
use kooperacja_core::period::{Period, polish_date};
use kooperacja_core::project::{Project, VersionKind};
use kooperacja_core::report::{
    BudgetReport, IndicatorReport, MilestoneReport, MilestoneState, Report, Status,
};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// The language of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Polish, the default.
    #[default]
    Pl,
    /// English.
    En,
}

impl Lang {
    /// The language that the `lang` query parameter asks for: `en` gives
    /// English; anything else, or no parameter, gives Polish.
    ///
    /// ```
    /// use kooperacja_http::dashboard::Lang;
    /// assert_eq!(Lang::from_query(Some("en")), Lang::En);
    /// assert_eq!(Lang::from_query(Some("pl")), Lang::Pl);
    /// assert_eq!(Lang::from_query(Some("de")), Lang::Pl);
    /// assert_eq!(Lang::from_query(None), Lang::Pl);
    /// ```
    pub fn from_query(value: Option<&str>) -> Lang {
        match value {
            Some(v) if v.trim().eq_ignore_ascii_case("en") => Lang::En,
            _ => Lang::Pl,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Lang::Pl => "pl",
            Lang::En => "en",
        }
    }

    fn pick<'s>(self, pl: &'s str, en: &'s str) -> &'s str {
        match self {
            Lang::Pl => pl,
            Lang::En => en,
        }
    }

    /// `30.09.2020 r.` or `30 Sep 2020`.
    fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::Pl => polish_date(date),
            Lang::En => date.format("%-d %b %Y").to_string(),
        }
    }

    fn period(self, period: Period) -> String {
        match self {
            Lang::Pl => period.to_polish(),
            Lang::En => format!(
                "{} – {}",
                self.date(period.start()),
                self.date(period.end())
            ),
        }
    }

    fn amount(self, amount: Amount) -> String {
        match self {
            Lang::Pl => amount.to_polish(),
            Lang::En => amount.to_english(),
        }
    }

    /// A number rounded half-even to `places` decimals for display, without
    /// trailing zeros, grouped by thousands (Polish from five digits on, with a
    /// no-break space; English from four, with a comma).
    fn number(self, value: Decimal, places: u32) -> String {
        let rounded = value
            .round_dp_with_strategy(places, RoundingStrategy::MidpointNearestEven)
            .normalize();
        let text = if rounded.is_zero() {
            "0".to_owned()
        } else {
            rounded.to_string()
        };
        let (sign, digits) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text.as_str()),
        };
        let (whole, fraction) = match digits.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (digits, None),
        };
        let (separator, mark, from) = match self {
            Lang::Pl => ('\u{a0}', ',', 5),
            Lang::En => (',', '.', 4),
        };
        let mut out = String::from(sign);
        for (i, digit) in whole.chars().enumerate() {
            if whole.len() >= from && i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(separator);
            }
            out.push(digit);
        }
        if let Some(f) = fraction {
            out.push(mark);
            out.push_str(f);
        }
        out
    }

    /// A percentage (given as a number of per cent) for display: `53 %`, `53%`.
    fn percent(self, percent: Decimal, places: u32) -> String {
        let number = self.number(percent, places);
        match self {
            Lang::Pl => format!("{number}\u{a0}%"),
            Lang::En => format!("{number}%"),
        }
    }

    /// A rate as a percentage rounded for display.
    fn rate(self, rate: Rate, places: u32) -> String {
        self.percent(rate.percent_rounded(places), places)
    }

    fn status(self, status: Status) -> &'static str {
        self.pick(status.polish(), status.english())
    }

    fn state(self, state: MilestoneState) -> &'static str {
        self.pick(state.polish(), state.english())
    }
}

/// One project on the page: the project and its report as of a date.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The project, for what the report does not carry (the English title,
    /// partner names, milestone titles in English).
    pub project: &'a Project,
    /// Its report; its `as_of` is the date the card shows.
    pub report: &'a Report,
}

/// The dashboard: one self-contained HTML page with a card per entry, in the
/// order given, in Polish or English.
///
/// ```
/// use kooperacja_core::{engine::Engine, project::Project};
/// use kooperacja_http::dashboard::{Entry, Lang, page};
/// let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
/// let report = Engine::new(project.clone(), None).report(chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap());
/// let html = page(&[Entry { project: &project, report: &report }], Lang::Pl);
/// assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"pl\">"));
/// assert!(html.contains("stan na 30.09.2020 r."));
/// assert!(html.contains(r#"href="?lang=en""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn page(entries: &[Entry<'_>], lang: Lang) -> String {
    let anchors = anchors(entries);
    let mut out = String::with_capacity(24 * 1024 * (entries.len() + 1));
    head(&mut out, lang);
    out.push_str("<body>\n");
    top(&mut out, entries, &anchors, lang);
    out.push_str("<main>\n");
    if entries.is_empty() {
        out.push_str(&format!(
            "<p class=\"empty\">{}</p>\n",
            lang.pick("Brak projektów.", "No projects.")
        ));
    }
    for (entry, anchor) in entries.iter().zip(&anchors) {
        Card {
            lang,
            project: entry.project,
            report: entry.report,
            anchor,
        }
        .render(&mut out);
    }
    out.push_str("</main>\n");
    footer(&mut out, lang);
    out.push_str("</body>\n</html>\n");
    out
}

/// Escapes text for HTML: safe in element content and in a quoted attribute.
fn esc(text: &str) -> String {
    text.chars()
        .fold(String::with_capacity(text.len()), |mut out, c| {
            let entity = match c {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => {
                    out.push(c);
                    return out;
                }
            };
            out.push_str(entity);
            out
        })
}

/// The length, out of `len`, that `part` takes when `whole` takes all of it:
/// rounded half away from zero, never more than `len`, and 0 unless both are
/// positive.
fn scale(part: Decimal, whole: Decimal, len: i64) -> i64 {
    if part <= Decimal::ZERO || whole <= Decimal::ZERO {
        return 0;
    }
    let Some(fraction) = part.checked_div(whole) else {
        return len;
    };
    (fraction.min(Decimal::ONE) * Decimal::from(len))
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_i64()
        .unwrap_or(0)
}

/// The length of a rate (a fraction of one) on a bar `len` long.
fn scale_rate(rate: Rate, len: i64) -> i64 {
    scale(rate.fraction(), Decimal::ONE, len)
}

/// The length of `part` on a bar where `whole` is `len` long.
fn scale_amount(part: Amount, whole: Amount, len: i64) -> i64 {
    scale(part.as_decimal(), whole.as_decimal(), len)
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

/// The colour of a status (bars and badges) and of the text on it.
fn status_colours(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::NotStarted => ("#607d8b", "#fff"),
        Status::OnTrack => ("#1565c0", "#fff"),
        Status::AtRisk => ("#f2a900", "#1b2430"),
        Status::Achieved => ("#2e7d32", "#fff"),
        Status::Missed => ("#c62828", "#fff"),
        Status::NotEvaluated => ("#7b1fa2", "#fff"),
    }
}

/// The CSS class of a status (`st-on-track`).
fn status_class(status: Status) -> String {
    format!("st-{}", status.english().replace(' ', "-"))
}

/// The solid colour of a milestone's bar (the days passed) and its tint (the
/// rest).
fn state_colours(state: MilestoneState) -> (&'static str, &'static str) {
    match state {
        MilestoneState::Finished => ("#00897b", "#b2dfdb"),
        MilestoneState::Running => ("#1e88e5", "#bbdefb"),
        MilestoneState::NotStarted => ("#90a4ae", "#eceff1"),
    }
}

fn state_class(state: MilestoneState) -> String {
    format!("state-{}", state.english().replace(' ', "-"))
}

const CSS: &str = r#"
:root { --ink: #1b2430; --mute: #5c6975; --rule: #dde3e9; --page: #eef1f5; --card: #fff; --brand: #0d4a8f; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--page); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
a { color: var(--brand); }
code { font: 12.5px/1.3 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; color: var(--mute); }
.masthead { background: var(--brand); color: #fff; }
.masthead .wrap { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 18px; }
.masthead h1 { flex: 1 1 auto; margin: 0; font-size: 21px; line-height: 1.3; }
.masthead p { margin: 0; font-size: 13px; opacity: .85; }
.switch { display: inline-flex; border: 1px solid rgba(255,255,255,.6); border-radius: 6px; overflow: hidden; font-size: 13px; font-weight: 600; }
.switch a, .switch span { padding: 2px 10px; text-decoration: none; color: #fff; }
.switch span { background: #fff; color: var(--brand); }
.wrap { max-width: 1200px; margin: 0 auto; padding: 12px 20px; }
nav.projects { background: #fff; border-bottom: 1px solid var(--rule); }
nav.projects ul { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 22px; }
nav.projects a { font-weight: 600; text-decoration: none; }
nav.projects a:hover { text-decoration: underline; }
nav.projects small { color: var(--mute); white-space: nowrap; }
main { max-width: 1200px; margin: 0 auto; padding: 18px 20px 4px; }
.project { margin: 0 0 22px; padding: 18px 22px 14px; background: var(--card); border-radius: 10px; box-shadow: 0 1px 3px rgba(20,35,50,.14); scroll-margin-top: 10px; }
.project > header h2 { margin: 0; font-size: 22px; line-height: 1.25; }
.project > header .alt { margin: 2px 0 0; color: var(--mute); font-style: italic; }
.project > header .meta { margin: 4px 0 0; color: var(--mute); font-size: 14px; }
.project > header .meta strong { color: var(--ink); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 12.5rem), 1fr)); gap: 10px; margin: 14px 0 6px; }
.tile { padding: 8px 12px; border: 1px solid var(--rule); border-radius: 8px; background: #f7f9fb; }
.tile .k { display: block; font-size: 11.5px; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; color: var(--mute); }
.tile .v { display: block; font-size: 23px; font-weight: 700; line-height: 1.3; }
.tile .s { display: block; font-size: 12.5px; color: var(--mute); }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); gap: 4px 28px; }
.panel { min-width: 0; }
.finding { margin: 6px 0; padding: 6px 10px; border-left: 4px solid #e65100; background: #fff3e0; overflow-wrap: anywhere; }
.panel.wide { grid-column: 1 / -1; }
.panel h3 { margin: 16px 0 8px; padding-bottom: 3px; font-size: 16px; border-bottom: 2px solid var(--rule); }
.panel h4 { margin: 14px 0 4px; font-size: 14px; }
svg { display: block; width: 100%; height: auto; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
.gantt-wide { max-width: 900px; }
.gantt-narrow { display: none; }
.milestones { margin: 8px 0 0; padding: 0; list-style: none; font-size: 13.5px; }
.milestones li { padding: 3px 0; border-top: 1px solid var(--rule); }
.milestones .id { display: inline-block; min-width: 4.2em; font-weight: 700; }
.milestones .dates { white-space: nowrap; color: var(--mute); }
.milestones .title { display: block; }
.dot { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 50%; }
.state { font-weight: 600; white-space: nowrap; }
.state-running { color: #1565c0; }
.state-finished { color: #00695c; }
.state-not-started { color: var(--mute); font-weight: 400; }
.tally { margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px; }
.badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 700; line-height: 1.6; white-space: nowrap; background: var(--st); color: var(--st-ink); }
.indicators { margin: 0; padding: 0; list-style: none; }
.indicators li { padding: 8px 0; border-top: 1px solid var(--rule); }
.indicators li:first-child { border-top: 0; padding-top: 2px; }
.ind-head { display: flex; gap: 10px; align-items: flex-start; justify-content: space-between; }
.ind-name { font-size: 14px; line-height: 1.35; }
.meter { height: 10px; margin: 5px 0 3px; border-radius: 3px; overflow: hidden; }
.figures { margin: 0; font-size: 13px; color: var(--mute); }
.figures strong { color: var(--ink); font-variant-numeric: tabular-nums; }
.figures code { white-space: nowrap; }
.note { margin: 2px 0 0; font-size: 12.5px; color: #6a1b9a; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { padding: 4px 6px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: baseline; }
td.amt, th.amt { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.part th { padding-left: 18px; font-weight: 400; color: var(--mute); }
tr.total th, tr.total td { font-weight: 700; }
.pct { color: var(--mute); font-weight: 400; }
.stack { height: 14px; margin: 8px 0 2px; border-radius: 3px; overflow: hidden; }
.legend { margin: 0 0 6px; font-size: 12.5px; color: var(--mute); }
.legend span.sw { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 0; border-radius: 2px; vertical-align: -1px; }
.legend span.sw + span { margin-right: 14px; }
table.partners { font-size: 13px; }
table.partners thead th { font-size: 12px; color: var(--mute); border-bottom: 2px solid var(--rule); }
table.partners .plan { display: block; font-size: 12px; color: var(--mute); }
table.partners td svg { height: 6px; margin: 2px 0; border-radius: 2px; overflow: hidden; }
.facts { margin: 14px 0 0; font-size: 12.5px; color: var(--mute); }
.empty { color: var(--mute); }
body > footer { max-width: 1200px; margin: 0 auto; padding: 4px 20px 28px; font-size: 13px; color: var(--mute); }
@media (max-width: 640px) {
  body { font-size: 14px; }
  .wrap, main { padding-left: 10px; padding-right: 10px; }
  .project { padding: 14px 12px 10px; border-radius: 8px; }
  .project > header h2 { font-size: 19px; }
  .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .tile .v { font-size: 19px; }
  .ind-head { flex-direction: column; gap: 2px; }
  .gantt-wide { display: none; }
  .gantt-narrow { display: block; }
}
"#;

fn head(out: &mut String, lang: Lang) {
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}",
        lang.code(),
        lang.pick("Stan projektów · kooperacja", "Project status · kooperacja"),
    ));
    for status in Status::ALL {
        let (colour, ink) = status_colours(status);
        out.push_str(&format!(
            ".{} {{ --st: {colour}; --st-ink: {ink}; }}\n",
            status_class(status)
        ));
    }
    out.push_str("</style>\n</head>\n");
}

/// The masthead with the language switch, and the list of projects.
fn top(out: &mut String, entries: &[Entry<'_>], anchors: &[String], lang: Lang) {
    let switch = match lang {
        Lang::Pl => {
            "<span aria-current=\"true\">PL</span>\
                     <a href=\"?lang=en\" hreflang=\"en\" lang=\"en\" title=\"English\">EN</a>"
        }
        Lang::En => {
            "<a href=\"?lang=pl\" hreflang=\"pl\" lang=\"pl\" title=\"Polski\">PL</a>\
                     <span aria-current=\"true\">EN</span>"
        }
    };
    out.push_str(&format!(
        "<header class=\"masthead\" id=\"top\"><div class=\"wrap\">\n\
         <h1>{}</h1>\n<p>{}</p>\n<nav class=\"switch\" aria-label=\"{}\">{switch}</nav>\n\
         </div></header>\n",
        lang.pick("Stan projektów", "Project status"),
        lang.pick(
            "Na dzień raportu każdego projektu, z zapisanych faktów",
            "As of each project's report date, from recorded facts"
        ),
        lang.pick("Język", "Language"),
    ));
    if entries.is_empty() {
        return;
    }
    out.push_str(&format!(
        "<nav class=\"projects\" aria-label=\"{}\"><div class=\"wrap\"><ul>\n",
        lang.pick("Projekty", "Projects")
    ));
    for (entry, anchor) in entries.iter().zip(anchors) {
        out.push_str(&format!(
            "<li><a href=\"#{anchor}\">{}</a> <small>{} {}</small></li>\n",
            title_html(entry.project, entry.report, lang),
            lang.pick("stan na", "as of"),
            lang.date(entry.report.as_of),
        ));
    }
    out.push_str("</ul></div></nav>\n");
}

fn footer(out: &mut String, lang: Lang) {
    out.push_str(&format!(
        "<footer>\n<p>{} {} <a href=\"/v1/projects\"><code>/v1/projects</code></a>, {} \
         <a href=\"/v1/openapi.json\"><code>/v1/openapi.json</code></a>.</p>\n</footer>\n",
        lang.pick(
            "Wszystkie liczby na tej stronie, także prognozy, pochodzą z raportu liczonego \
             z zapisanych faktów i z pliku projektu; strona tylko je układa.",
            "Every figure on this page, forecasts included, comes from the report computed \
             from the recorded facts and the project file; the page only lays them out.",
        ),
        lang.pick("Te same dane w API:", "The same data in the API:"),
        lang.pick("opis API:", "its description:"),
    ));
}

/// The project's title in the page's language, as HTML: the English title if
/// there is one, else the Polish title marked as Polish.
fn title_html(project: &Project, report: &Report, lang: Lang) -> String {
    match (lang, project.title_en.as_deref()) {
        (Lang::En, Some(en)) => esc(en),
        (Lang::En, None) => format!("<span lang=\"pl\">{}</span>", esc(&report.title)),
        (Lang::Pl, _) => esc(&report.title),
    }
}

/// Width of a status bar in SVG units.
const METER: i64 = 1000;

/// The size of a Gantt chart, in SVG units: the page carries one for wide
/// screens and one for phones, and CSS shows one of them.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    /// The CSS class that shows or hides it.
    class: &'static str,
    /// The whole width.
    width: i64,
    /// The width of the label column.
    label: i64,
    /// At most about this many years labelled.
    year_labels: i32,
}

const WIDE: Geometry = Geometry {
    class: "gantt-wide",
    width: 720,
    label: 74,
    year_labels: 10,
};

const NARROW: Geometry = Geometry {
    class: "gantt-narrow",
    width: 380,
    label: 54,
    year_labels: 5,
};

/// The rest of a Gantt chart's geometry, the same in both sizes.
const GANTT_RIGHT: i64 = 14;
const GANTT_TOP: i64 = 22;
const GANTT_ROW: i64 = 26;
const GANTT_BAR: i64 = 16;
const GANTT_AXIS: i64 = 24;

/// One project's card.
#[derive(Debug, Clone, Copy)]
struct Card<'a> {
    lang: Lang,
    project: &'a Project,
    report: &'a Report,
    anchor: &'a str,
}

impl Card<'_> {
    fn t<'s>(&self, pl: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(pl, en)
    }

    /// Text known to be Polish only (a label, a name from the file), marked as
    /// Polish on the English page.
    fn polish_text(&self, text: &str) -> String {
        match self.lang {
            Lang::Pl => esc(text),
            Lang::En => format!("<span lang=\"pl\">{}</span>", esc(text)),
        }
    }

    fn render(&self, out: &mut String) {
        out.push_str(&format!(
            "<article class=\"project\" id=\"{}\" aria-labelledby=\"{}-title\">\n",
            self.anchor, self.anchor
        ));
        self.header(out);
        self.tiles(out);
        out.push_str("<div class=\"panels\">\n");
        self.timeline(out);
        self.indicators(out);
        self.budget(out);
        out.push_str("</div>\n");
        self.facts(out);
        out.push_str("</article>\n");
    }

    fn header(&self, out: &mut String) {
        let r = self.report;
        out.push_str(&format!(
            "<header>\n<h2 id=\"{}-title\">{}</h2>\n",
            self.anchor,
            title_html(self.project, r, self.lang)
        ));
        if self.lang == Lang::En && self.project.title_en.is_some() {
            out.push_str(&format!(
                "<p class=\"alt\" lang=\"pl\">{}</p>\n",
                esc(&r.title)
            ));
        }
        // On the English page, the kind of the version, since its label is
        // Polish; the Polish label says it already.
        let kind = self
            .project
            .version(&r.version)
            .filter(|_| self.lang == Lang::En)
            .map(|(_, v)| match v.kind {
                VersionKind::Agreement => "agreement",
                VersionKind::Amendment => "amendment",
            });
        out.push_str(&format!(
            "<p class=\"meta\"><strong>{} {}</strong> · {} <strong>{}</strong>{} · <code>{}</code></p>\n</header>\n",
            self.t("stan na", "as of"),
            self.lang.date(r.as_of),
            self.t("wersja w mocy:", "version in force:"),
            self.polish_text(&r.version_label),
            kind.map(|k| format!(" ({k})")).unwrap_or_default(),
            esc(&r.project),
        ));
    }

    fn tiles(&self, out: &mut String) {
        let r = self.report;
        let lang = self.lang;
        out.push_str("<div class=\"tiles\">\n");
        tile(
            out,
            self.t("Okres", "Period"),
            &lang.rate(r.period_elapsed, 0),
            &format!(
                "{} {} {} {} {}<br>{}",
                self.t("upłynęło", "passed:"),
                lang.number(r.days_passed.into(), 0),
                self.t("z", "of"),
                lang.number(r.period.days().into(), 0),
                self.t("dni", "days"),
                lang.period(r.period),
            ),
        );
        let b = &r.budget;
        tile(
            out,
            self.t("Wydano", "Spent"),
            &b.spent_share
                .map(|s| lang.rate(s, 1))
                .unwrap_or_else(|| "—".to_owned()),
            &format!(
                "{} {} {}",
                lang.amount(b.spent),
                self.t("z", "of"),
                lang.amount(b.total)
            ),
        );
        let current = r
            .milestones
            .iter()
            .find(|m| m.state == MilestoneState::Running)
            .or_else(|| {
                r.milestones
                    .iter()
                    .find(|m| m.state == MilestoneState::NotStarted)
            })
            .or_else(|| r.milestones.last());
        match current {
            Some(m) => {
                let when = match m.state {
                    MilestoneState::Running => {
                        format!("{} {}", self.t("do", "until"), lang.date(m.period.end()))
                    }
                    MilestoneState::NotStarted => {
                        format!("{} {}", self.t("od", "from"), lang.date(m.period.start()))
                    }
                    MilestoneState::Finished => lang.date(m.period.end()),
                };
                tile(
                    out,
                    self.t("Kamień milowy", "Milestone"),
                    &esc(&m.id),
                    &format!(
                        "<span class=\"state {}\">{}</span> {when}",
                        state_class(m.state),
                        lang.state(m.state)
                    ),
                );
            }
            None => tile(
                out,
                self.t("Kamień milowy", "Milestone"),
                "—",
                self.t(
                    "ta wersja nie ma kamieni milowych",
                    "this version has no milestones",
                ),
            ),
        }
        let achieved = r.indicators_with(Status::Achieved);
        tile(
            out,
            self.t("Wskaźniki", "Indicators"),
            &format!("{achieved} {} {}", self.t("z", "of"), r.indicators.len()),
            self.t("osiągniętych", "achieved"),
        );
        out.push_str("</div>\n");
    }

    /// The milestone timeline: the project's period, then each milestone, as
    /// bars on a time axis with the years marked and the report's date as a
    /// line; then the same as a list that reads without the chart.
    fn timeline(&self, out: &mut String) {
        let r = self.report;
        let lang = self.lang;
        let heading_id = format!("{}-milestones", self.anchor);
        out.push_str(&format!(
            "<section class=\"panel wide\" aria-labelledby=\"{heading_id}\">\n<h3 id=\"{heading_id}\">{}</h3>\n",
            self.t("Harmonogram i kamienie milowe", "Timeline and milestones")
        ));
        self.gantt(out, WIDE);
        self.gantt(out, NARROW);
        if r.milestones.is_empty() {
            out.push_str(&format!(
                "<p class=\"empty\">{}</p>\n",
                self.t(
                    "Ta wersja projektu nie ma kamieni milowych.",
                    "This version of the project has no milestones."
                )
            ));
        } else {
            out.push_str("<ol class=\"milestones\">\n");
            for m in &r.milestones {
                out.push_str(&format!(
                    "<li><span class=\"dot\" style=\"background:{}\"></span><span class=\"id\">{}</span> \
                     <span class=\"dates\">{}</span> · <span class=\"state {}\">{}</span>\
                     <span class=\"title\">{}</span></li>\n",
                    state_colours(m.state).0,
                    esc(&m.id),
                    lang.period(m.period),
                    state_class(m.state),
                    lang.state(m.state),
                    self.milestone_title_html(m),
                ));
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</section>\n");
    }

    /// The timeline as an SVG Gantt chart of the given geometry: the project's
    /// period, then each milestone, as bars on a time axis with the years
    /// marked and the report's date as a line.
    fn gantt(&self, out: &mut String, g: Geometry) {
        let r = self.report;
        let lang = self.lang;
        let mut first = r.period.start().min(r.as_of);
        let mut last = r.period.end().max(r.as_of);
        for m in &r.milestones {
            first = first.min(m.period.start());
            last = last.max(m.period.end());
        }
        let total = Decimal::from((last - first).num_days() + 1);
        let plot = g.width - g.label - GANTT_RIGHT;
        // The x of the start of the day `days` days after the first day.
        let x = |days: i64| g.label + scale(Decimal::from(days), total, plot);
        let offset = |date: NaiveDate| (date - first).num_days();
        let rows = i64::try_from(r.milestones.len()).unwrap_or(0) + 1;
        let bottom = GANTT_TOP + rows * GANTT_ROW;
        let height = bottom + GANTT_AXIS;
        let title_id = format!("{}-{}", self.anchor, g.class);
        out.push_str(&format!(
            "<svg class=\"gantt {}\" viewBox=\"0 0 {} {height}\" role=\"img\" aria-labelledby=\"{title_id}\">\n\
             <title id=\"{title_id}\">{}: {}, {} {}</title>\n",
            g.class,
            g.width,
            self.t("Harmonogram", "Timeline"),
            lang.period(r.period),
            self.t("stan na", "as of"),
            lang.date(r.as_of),
        ));
        // The years: a grid line at each 1 January (every `step` years), the
        // year beside it where there is room.
        let year_label = |out: &mut String, x: i64, year: i32| {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#5c6975\">{year}</text>\n",
                x + 3,
                bottom + 15
            ));
        };
        let step = (last.year() - first.year()) / g.year_labels + 1;
        let mut labels_from = g.label;
        let first_tick =
            NaiveDate::from_ymd_opt(first.year() + 1, 1, 1).map_or(g.width, |d| x(offset(d)));
        if first_tick - g.label >= 40 {
            year_label(out, g.label, first.year());
            labels_from = g.label + 40;
        }
        let mut year = first.year() + step;
        while let Some(jan) = NaiveDate::from_ymd_opt(year, 1, 1).filter(|jan| *jan <= last) {
            let tick = x(offset(jan));
            out.push_str(&format!(
                "<line x1=\"{tick}\" y1=\"{}\" x2=\"{tick}\" y2=\"{}\" stroke=\"#dde3e9\"/>\n",
                GANTT_TOP - 4,
                bottom + 4
            ));
            if tick >= labels_from && tick + 32 <= g.width {
                year_label(out, tick, year);
            }
            year += step;
        }
        out.push_str(&format!(
            "<line x1=\"{}\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\" stroke=\"#9aa7b2\"/>\n",
            g.label,
            g.width - GANTT_RIGHT
        ));
        // The project's period, the days passed in a darker shade.
        let start = offset(r.period.start());
        bar(
            out,
            (g.label, GANTT_TOP),
            self.t("Okres", "Period"),
            (
                x(start),
                x(start + i64::from(r.days_passed)),
                x(start + i64::from(r.period.days())),
            ),
            ("#546e7a", "#cfd8dc"),
            &format!(
                "{}: {}",
                self.t("Okres projektu", "Project period"),
                lang.period(r.period)
            ),
        );
        let mut y = GANTT_TOP;
        for m in &r.milestones {
            y += GANTT_ROW;
            let start = offset(m.period.start());
            bar(
                out,
                (g.label, y),
                &m.id,
                (
                    x(start),
                    x(start + i64::from(m.days_passed)),
                    x(start + i64::from(m.period.days())),
                ),
                state_colours(m.state),
                &format!(
                    "{}: {}, {} – {}",
                    m.id,
                    lang.period(m.period),
                    lang.state(m.state),
                    self.milestone_title(m)
                ),
            );
        }
        // The report's date: a line at the end of that day, since its days
        // passed count the day itself.
        let today = x(offset(r.as_of) + 1);
        let (anchor, dx) = if today > g.label + plot / 2 {
            ("end", -4)
        } else {
            ("start", 4)
        };
        out.push_str(&format!(
            "<line x1=\"{today}\" y1=\"{}\" x2=\"{today}\" y2=\"{}\" stroke=\"#c62828\" stroke-width=\"2\"/>\n\
             <text x=\"{}\" y=\"{}\" font-size=\"11.5\" font-weight=\"700\" fill=\"#c62828\" text-anchor=\"{anchor}\">{} {}</text>\n\
             </svg>\n",
            GANTT_TOP - 8,
            bottom + 2,
            today + dx,
            GANTT_TOP - 10,
            self.t("stan na", "as of"),
            lang.date(r.as_of),
        ));
    }

    /// The milestone's English title, on the English page, if the project
    /// file gives one.
    fn milestone_title_en(&self, m: &MilestoneReport) -> Option<&str> {
        if self.lang == Lang::Pl {
            return None;
        }
        self.project
            .milestones_of(&self.report.version)
            .iter()
            .find(|p| p.id == m.id)
            .and_then(|p| p.title_en.as_deref())
    }

    /// The milestone's title in the page's language, as plain text.
    fn milestone_title<'m>(&'m self, m: &'m MilestoneReport) -> &'m str {
        self.milestone_title_en(m).unwrap_or(&m.title)
    }

    fn milestone_title_html(&self, m: &MilestoneReport) -> String {
        match self.milestone_title_en(m) {
            Some(en) => esc(en),
            None => self.polish_text(&m.title),
        }
    }

    fn indicators(&self, out: &mut String) {
        let r = self.report;
        let heading_id = format!("{}-indicators", self.anchor);
        out.push_str(&format!(
            "<section class=\"panel\" aria-labelledby=\"{heading_id}\">\n<h3 id=\"{heading_id}\">{}</h3>\n",
            self.t("Wskaźniki", "Indicators")
        ));
        if r.indicators.is_empty() {
            out.push_str(&format!(
                "<p class=\"empty\">{}</p>\n</section>\n",
                self.t(
                    "Projekt nie ma wskaźników.",
                    "The project has no indicators."
                )
            ));
            return;
        }
        out.push_str("<p class=\"tally\">");
        for status in Status::ALL {
            let n = r.indicators_with(status);
            if n > 0 {
                out.push_str(&format!(
                    "<span class=\"badge {}\">{}: {n}</span>",
                    status_class(status),
                    self.lang.status(status)
                ));
            }
        }
        out.push_str("</p>\n<ul class=\"indicators\">\n");
        for indicator in &r.indicators {
            self.indicator(out, indicator);
        }
        out.push_str("</ul>\n</section>\n");
    }

    fn indicator(&self, out: &mut String, i: &IndicatorReport) {
        let lang = self.lang;
        let name = match (lang, i.name_en.as_deref()) {
            (Lang::En, Some(en)) => esc(en),
            _ => self.polish_text(&i.name),
        };
        let class = status_class(i.status);
        out.push_str(&format!(
            "<li class=\"{class}\">\n<div class=\"ind-head\"><span class=\"ind-name\">{name}</span> \
             <span class=\"badge {class}\">{}</span></div>\n",
            lang.status(i.status)
        ));
        // The bar: the share of the target reached, a tick at the forecast.
        let filled = i.share_of_target.map_or(0, |s| scale_rate(s, METER));
        let (colour, _) = status_colours(i.status);
        out.push_str(&format!(
            "<svg class=\"meter\" viewBox=\"0 0 {METER} 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
             <rect width=\"{METER}\" height=\"10\" fill=\"#e4e9ee\"/><rect width=\"{filled}\" height=\"10\" fill=\"{colour}\"/>"
        ));
        let target = match i.target {
            Target::Count(n) => Decimal::from(n),
            Target::Share(rate) => rate.percent(),
        };
        let shows_forecast = matches!(i.status, Status::OnTrack | Status::AtRisk);
        if let (true, Some(forecast)) = (shows_forecast, i.forecast) {
            let at = scale(forecast, target, METER).clamp(4, METER - 4);
            out.push_str(&format!(
                "<rect x=\"{}\" width=\"6\" height=\"10\" fill=\"#1b2430\" opacity=\".55\"/>",
                at - 3
            ));
        }
        out.push_str("</svg>\n");
        let (value, target_text) = match i.target {
            Target::Count(n) => (
                i.value.map(|v| lang.number(v, 1)),
                lang.number(Decimal::from(n), 0),
            ),
            Target::Share(rate) => (
                i.value.map(|v| lang.percent(v, 1)),
                lang.percent(rate.percent(), 2),
            ),
        };
        let mut figures = format!(
            "<strong>{} / {target_text}</strong>",
            value.unwrap_or_else(|| "—".to_owned())
        );
        if lang == Lang::Pl && matches!(i.target, Target::Count(_)) && !i.unit.is_empty() {
            figures.push_str(&format!(" {}", esc(&i.unit)));
        }
        if let Some(share) = i.share_of_target {
            figures.push_str(&format!(" · {}", lang.rate(share, 0)));
        }
        figures.push_str(&format!(
            " · {} {}",
            self.t("termin", "due"),
            lang.date(i.due)
        ));
        if let (true, Some(forecast)) = (shows_forecast, i.forecast) {
            let forecast = match i.target {
                Target::Count(_) => lang.number(forecast, 1),
                Target::Share(_) => lang.percent(forecast, 1),
            };
            figures.push_str(&format!(
                " · {} {forecast}",
                self.t("prognoza na termin:", "forecast at due date:")
            ));
        }
        out.push_str(&format!(
            "<p class=\"figures\">{figures} · <code>{}</code></p>\n",
            esc(&i.id)
        ));
        if let Some(note) = &i.note {
            out.push_str(&format!("<p class=\"note\">{}</p>\n", esc(note)));
        }
        out.push_str("</li>\n");
    }

    fn budget(&self, out: &mut String) {
        let b: &BudgetReport = &self.report.budget;
        let lang = self.lang;
        let heading_id = format!("{}-budget", self.anchor);
        out.push_str(&format!(
            "<section class=\"panel\" aria-labelledby=\"{heading_id}\">\n<h3 id=\"{heading_id}\">{}</h3>\n<table class=\"sums\">\n",
            self.t("Budżet", "Budget")
        ));
        let row = |out: &mut String, class: &str, label: &str, amount: Amount, extra: &str| {
            out.push_str(&format!(
                "<tr class=\"{class}\"><th scope=\"row\">{label}</th><td class=\"amt\">{}{extra}</td></tr>\n",
                lang.amount(amount)
            ));
        };
        row(
            out,
            "total",
            self.t("Wartość projektu", "Total value"),
            b.total,
            "",
        );
        row(
            out,
            "part",
            self.t("wkład UE", "EU contribution"),
            b.eu_contribution,
            "",
        );
        row(
            out,
            "part",
            self.t("wkład krajowy", "national contribution"),
            b.national_contribution,
            "",
        );
        let spent_share = b
            .spent_share
            .map(|s| format!(" <span class=\"pct\">({})</span>", lang.rate(s, 1)))
            .unwrap_or_default();
        row(
            out,
            "spent",
            self.t("Wydano", "Spent"),
            b.spent,
            &spent_share,
        );
        row(
            out,
            "left",
            self.t("Pozostało", "Remaining"),
            b.remaining,
            "",
        );
        out.push_str("</table>\n");
        for f in &b.findings {
            out.push_str(&format!(
                "<p class=\"finding\"><code>{}</code> {}</p>\n",
                esc(f.code),
                esc(&f.message)
            ));
        }
        stack(
            out,
            scale_amount(b.spent, b.total, METER),
            ("#1565c0", "#cfe0f5"),
            (self.t("wydano", "spent"), self.t("pozostało", "remaining")),
        );
        stack(
            out,
            scale_amount(b.eu_contribution, b.total, METER),
            ("#003399", "#e0a800"),
            (
                self.t("wkład UE", "EU contribution"),
                self.t("wkład krajowy", "national contribution"),
            ),
        );
        if !b.by_partner.is_empty() {
            out.push_str(&format!(
                "<h4>{}</h4>\n<table class=\"partners\">\n<thead><tr><th>{}</th>\
                 <th class=\"amt\">{}</th></tr></thead>\n<tbody>\n",
                self.t("Według partnerów", "By partner"),
                self.t(
                    "Partner (plan i jego wykonanie)",
                    "Partner (plan and share spent)"
                ),
                self.t("Wydano", "Spent"),
            ));
            for p in &b.by_partner {
                let name = self
                    .project
                    .organisation(&p.partner)
                    .map_or_else(|| esc(&p.partner), |o| self.polish_text(&o.name));
                let plan = match (p.planned, p.share) {
                    (Some(planned), Some(share)) => format!(
                        "<span class=\"plan\">{} {} · {}</span>\
                         <svg viewBox=\"0 0 {METER} 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
                         <rect width=\"{METER}\" height=\"6\" fill=\"#cfe0f5\"/>\
                         <rect width=\"{}\" height=\"6\" fill=\"#1565c0\"/></svg>",
                        self.t("plan", "planned"),
                        lang.amount(planned),
                        lang.rate(share, 1),
                        scale_rate(share, METER)
                    ),
                    (Some(planned), None) => format!(
                        "<span class=\"plan\">{} {}</span>",
                        self.t("plan", "planned"),
                        lang.amount(planned)
                    ),
                    (None, _) => String::new(),
                };
                out.push_str(&format!(
                    "<tr><td>{name}{plan}</td><td class=\"amt\">{}</td></tr>\n",
                    lang.amount(p.spent),
                ));
            }
            out.push_str("</tbody>\n</table>\n");
            if b.by_partner.iter().any(|p| p.planned.is_none()) {
                out.push_str(&format!(
                    "<p class=\"legend\">{}</p>\n",
                    self.t(
                        "Plan jest podany tam, gdzie budżet wersji w mocy określa go dla partnera.",
                        "A plan is shown where the budget of the version in force states one for the partner."
                    )
                ));
            }
        }
        out.push_str("</section>\n");
    }

    fn facts(&self, out: &mut String) {
        let f = &self.report.facts;
        let live = f.live;
        let lang = self.lang;
        out.push_str(&format!(
            "<p class=\"facts\">{} {} ({} {}, {} {}) · <a href=\"#top\">{}</a></p>\n",
            self.t("Faktów w raporcie:", "Facts in the report:"),
            lang.number(live.into(), 0),
            self.t("wycofanych", "retracted"),
            lang.number(f.retracted.into(), 0),
            self.t("powtórzonych", "repeated"),
            lang.number(f.duplicates.into(), 0),
            self.t("↑ na górę", "↑ to the top"),
        ));
    }
}

fn tile(out: &mut String, key: &str, value: &str, sub: &str) {
    out.push_str(&format!(
        "<div class=\"tile\"><span class=\"k\">{key}</span><span class=\"v\">{value}</span><span class=\"s\">{sub}</span></div>\n"
    ));
}

/// One Gantt row at `at` (the label column's width, the row's top): a label,
/// and a bar from `x.0` to `x.2` whose part up to `x.1` is solid and the rest
/// tinted; `tip` (plain text) is its tooltip.
fn bar(
    out: &mut String,
    at: (i64, i64),
    label: &str,
    x: (i64, i64, i64),
    colours: (&str, &str),
    tip: &str,
) {
    let (label_width, y) = at;
    let (from, solid_to, to) = x;
    let (solid, tint) = colours;
    let label: String = if label.chars().count() > 10 {
        label.chars().take(9).chain(['…']).collect()
    } else {
        label.to_owned()
    };
    let width = (to - from).max(2);
    let solid_width = (solid_to - from).clamp(0, width);
    out.push_str(&format!(
        "<g><title>{}</title><text x=\"{}\" y=\"{}\" font-size=\"12.5\" font-weight=\"600\" text-anchor=\"end\">{}</text>\
         <rect x=\"{from}\" y=\"{y}\" width=\"{width}\" height=\"{GANTT_BAR}\" rx=\"3\" fill=\"{tint}\" stroke=\"{solid}\"/>",
        esc(tip),
        label_width - 8,
        y + GANTT_BAR - 3,
        esc(&label),
    ));
    if solid_width > 0 {
        out.push_str(&format!(
            "<rect x=\"{from}\" y=\"{y}\" width=\"{solid_width}\" height=\"{GANTT_BAR}\" rx=\"3\" fill=\"{solid}\"/>"
        ));
    }
    out.push_str("</g>\n");
}

/// A bar of two parts, the first `first` units of [`METER`] long, with a
/// legend below.
fn stack(out: &mut String, first: i64, colours: (&str, &str), labels: (&str, &str)) {
    let (a, b) = colours;
    out.push_str(&format!(
        "<svg class=\"stack\" viewBox=\"0 0 {METER} 14\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
         <rect width=\"{METER}\" height=\"14\" fill=\"{b}\"/><rect width=\"{first}\" height=\"14\" fill=\"{a}\"/></svg>\n\
         <p class=\"legend\"><span class=\"sw\" style=\"background:{a}\"></span><span>{}</span>\
         <span class=\"sw\" style=\"background:{b}\"></span><span>{}</span></p>\n",
        labels.0, labels.1
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use kooperacja_core::engine::Engine;
    use kooperacja_core::facts::{FactReader, Format};
    use kooperacja_core::pseudonym::PseudonymKey;

    const KOOPERACJA: &str =
        include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
    const KOORDYNACJA: &str =
        include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml");
    const KOOPERACJA_FACTS: &str = include_str!("../../../fixtures/facts/kooperacja-sample.jsonl");
    const KOORDYNACJA_FACTS: &str =
        include_str!("../../../fixtures/facts/koordynacja-sample.jsonl");

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn report(project: &Project, facts: &str, as_of: NaiveDate) -> Report {
        let mut engine = Engine::new(project.clone(), None);
        for fact in FactReader::new(
            facts.as_bytes(),
            Format::JsonLines,
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
        page(&entries, lang)
    }

    #[test]
    fn snapshot_polish() {
        insta::assert_snapshot!("both_pl", both(&fixtures(), Lang::Pl));
    }

    #[test]
    fn snapshot_english() {
        insta::assert_snapshot!("both_en", both(&fixtures(), Lang::En));
    }

    #[test]
    fn page_is_self_contained() {
        let fixtures = fixtures();
        for lang in [Lang::Pl, Lang::En] {
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
                        || target.starts_with("/v1/"),
                    "{lang:?} page links to {target}"
                );
            }
            assert!(html.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{}\">", lang.code())));
            assert!(html.contains("<meta charset=\"utf-8\">"));
            assert!(html.contains("name=\"viewport\""));
            assert!(html.contains("<title>"));
            assert!(html.ends_with("</html>\n"));
        }
    }

    #[test]
    fn every_indicator_appears_with_its_status() {
        let fixtures = fixtures();
        for lang in [Lang::Pl, Lang::En] {
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
                        "<span class=\"badge {}\">{}</span>",
                        status_class(i.status),
                        lang.status(i.status)
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
        for lang in [Lang::Pl, Lang::En] {
            let html = page(
                &[Entry {
                    project: &project,
                    report: &report,
                }],
                lang,
            );
            assert!(!html.contains("<script"), "{lang:?}");
            assert!(!html.contains("<b>"), "{lang:?}");
            assert!(html.contains("UMK &lt;b&gt;&amp;&lt;/b&gt;"), "{lang:?}");
        }
        let pl = page(
            &[Entry {
                project: &project,
                report: &report,
            }],
            Lang::Pl,
        );
        assert!(
            pl.contains(
                "Kooperacja &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;spółka&quot;"
            )
        );
        let en = page(
            &[Entry {
                project: &project,
                report: &report,
            }],
            Lang::En,
        );
        assert!(en.contains("Cooperation &lt;script&gt;x&lt;/script&gt; &amp; co"));
    }

    #[test]
    fn language_switch_links_to_the_other_language() {
        let fixtures = fixtures();
        let pl = both(&fixtures, Lang::Pl);
        assert!(pl.contains("<a href=\"?lang=en\" hreflang=\"en\""));
        assert!(!pl.contains("?lang=pl"));
        assert!(pl.contains("stan na 30.09.2020 r."));
        let en = both(&fixtures, Lang::En);
        assert!(en.contains("<a href=\"?lang=pl\" hreflang=\"pl\""));
        assert!(!en.contains("?lang=en"));
        assert!(en.contains("as of 30 Sep 2020"));
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
        let twice = page(&[entry, entry], Lang::Pl);
        assert!(twice.contains("id=\"p-kooperacja-makroregion-ii-2\""));
    }

    #[test]
    fn a_version_without_milestones_renders() {
        let fixtures = fixtures();
        let (project, report) = &fixtures[1];
        assert!(report.milestones.is_empty());
        let html = page(&[Entry { project, report }], Lang::Pl);
        assert!(html.contains("Ta wersja projektu nie ma kamieni milowych."));
        assert!(html.contains("<svg class=\"gantt gantt-wide\""));
        assert!(html.contains("<svg class=\"gantt gantt-narrow\""));
        let en = page(&[Entry { project, report }], Lang::En);
        assert!(en.contains("This version of the project has no milestones."));
    }

    #[test]
    fn a_share_indicator_shows_percentages() {
        let project = Project::parse(KOORDYNACJA).unwrap();
        let register = kooperacja_core::territory::Register::parse_terc(include_str!(
            "../../../fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"
        ))
        .unwrap();
        let mut engine = Engine::new(project.clone(), Some(std::sync::Arc::new(register.clone())));
        for fact in FactReader::new(
            KOORDYNACJA_FACTS.as_bytes(),
            Format::JsonLines,
            PseudonymKey::from_bytes([0; 32]),
        ) {
            engine.apply(&fact.unwrap());
        }
        let report = engine.report(date(2025, 11, 30));
        let entry = Entry {
            project: &project,
            report: &report,
        };
        let pl = page(&[entry], Lang::Pl);
        assert!(
            pl.contains("<strong>24\u{a0}% / 50\u{a0}%</strong> · 48\u{a0}% · termin 31.12.2028 r. · prognoza na termin: 59,4\u{a0}%"),
            "{pl}"
        );
        let en = page(&[entry], Lang::En);
        assert!(en.contains(
            "<strong>24% / 50%</strong> · 48% · due 31 Dec 2028 · forecast at due date: 59.4%"
        ));
    }

    #[test]
    fn dates_outside_the_period_and_no_facts_render() {
        let project = Project::parse(KOORDYNACJA).unwrap();
        for as_of in [date(2000, 1, 1), date(2040, 12, 31)] {
            let report = Engine::new(project.clone(), None).report(as_of);
            let html = page(
                &[Entry {
                    project: &project,
                    report: &report,
                }],
                Lang::En,
            );
            assert!(html.contains(&format!("as of {}", Lang::En.date(as_of))));
        }
        let empty = page(&[], Lang::Pl);
        assert!(empty.contains("Brak projektów."));
    }

    #[test]
    fn lang_from_query() {
        assert_eq!(Lang::from_query(Some("en")), Lang::En);
        assert_eq!(Lang::from_query(Some("EN")), Lang::En);
        assert_eq!(Lang::from_query(Some("pl")), Lang::Pl);
        assert_eq!(Lang::from_query(Some("")), Lang::Pl);
        assert_eq!(Lang::from_query(None), Lang::Pl);
        assert_eq!(Lang::default(), Lang::Pl);
    }

    #[test]
    fn numbers_are_grouped_and_rounded_for_display() {
        assert_eq!(Lang::Pl.number(Decimal::new(1736, 0), 0), "1736");
        assert_eq!(Lang::En.number(Decimal::new(1736, 0), 0), "1,736");
        assert_eq!(Lang::Pl.number(Decimal::new(123456, 0), 0), "123\u{a0}456");
        assert_eq!(Lang::Pl.number(Decimal::new(59543, 2), 1), "595,4");
        assert_eq!(Lang::Pl.percent(Decimal::new(239521, 4), 1), "24\u{a0}%");
        assert_eq!(Lang::En.percent(Decimal::new(567, 1), 1), "56.7%");
        assert_eq!(scale(Decimal::ONE, Decimal::TWO, 1000), 500);
        assert_eq!(scale(Decimal::TEN, Decimal::ONE, 1000), 1000);
        assert_eq!(scale(Decimal::ONE, Decimal::ZERO, 1000), 0);
    }
}
