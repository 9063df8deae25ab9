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
//! shares, in exact decimals or integers (no float touches money). Every text
//! from the project or the facts is escaped, and the output depends on nothing
//! but its arguments (no clock), so it can be frozen in snapshots.
//!
//! ```
//! use kooperacja_core::{engine::Engine, project::Project};
//! use kooperacja_export::{Lang, html::html};
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
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
use kooperacja_core::present::{self, label, palette};
use kooperacja_core::project::Project;
use kooperacja_core::report::{IndicatorReport, MilestoneState, Report, Status};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::Lang;

/// The report as one self-contained HTML page, in Polish or English.
///
/// `warning` (given when the project was exported with `--force` despite error
/// findings) is shown at the top of the page, before the title.
pub fn html(project: &Project, report: &Report, lang: Lang, warning: Option<&str>) -> String {
    let page = Page {
        lang,
        project,
        report,
    };
    let mut out = String::with_capacity(64 * 1024);
    page.head(&mut out);
    out.push_str("<body>\n<main>\n");
    if let Some(w) = warning {
        page.warning(&mut out, w);
    }
    page.header(&mut out);
    page.summary(&mut out);
    page.milestones(&mut out);
    page.indicators(&mut out);
    page.budget(&mut out);
    page.territory(&mut out);
    page.footer(&mut out);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Text for HTML content and attribute values: `&`, `<`, `>` and both quotes
/// escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `width × part / whole` in whole pixels, rounded half away from zero, within
/// `0..=width`; 0 when `whole` is not positive.
fn px(part: Decimal, whole: Decimal, width: i64) -> i64 {
    if whole <= Decimal::ZERO || part <= Decimal::ZERO {
        return 0;
    }
    part.checked_mul(Decimal::from(width))
        .and_then(|p| p.checked_div(whole))
        .map(|x| x.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        .and_then(|x| x.to_i64())
        .unwrap_or(width)
        .clamp(0, width)
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

/// The sixteen voivodeships on a 4 × 4 tile map of Poland: TERYT code, name,
/// row, column.
const TILES: [(&str, &str, i64, i64); 16] = [
    ("32", "zachodniopomorskie", 0, 0),
    ("22", "pomorskie", 0, 1),
    ("28", "warmińsko-mazurskie", 0, 2),
    ("20", "podlaskie", 0, 3),
    ("08", "lubuskie", 1, 0),
    ("30", "wielkopolskie", 1, 1),
    ("04", "kujawsko-pomorskie", 1, 2),
    ("14", "mazowieckie", 1, 3),
    ("02", "dolnośląskie", 2, 0),
    ("10", "łódzkie", 2, 1),
    ("26", "świętokrzyskie", 2, 2),
    ("06", "lubelskie", 2, 3),
    ("16", "opolskie", 3, 0),
    ("24", "śląskie", 3, 1),
    ("12", "małopolskie", 3, 2),
    ("18", "podkarpackie", 3, 3),
];

/// The style sheet: the palette's colours as custom properties, the fixed
/// rules, then the status, state and warning colours from the palette.
fn style() -> String {
    let mut css = format!(
        "\n:root {{ --ink: {}; --muted: {}; --line: {}; --soft: {}; --accent: {}; }}\n",
        palette::INK.hex(),
        palette::MUTED.hex(),
        palette::LINE.hex(),
        palette::SOFT.hex(),
        palette::ACCENT.hex()
    );
    // The fixed rules first: the colour rules below override their
    // shorthands (`border: 1.5px solid` sets a border colour too).
    css.push_str(STYLE.trim_start());
    for status in Status::ALL {
        let swatch = palette::of_status(status);
        css.push_str(&format!(
            ".st-{} {{ border-color: {}; background: {}; color: {}; }}\n",
            status.machine(),
            swatch.fill.hex(),
            swatch.tint.hex(),
            palette::INK.hex()
        ));
    }
    for state in [
        MilestoneState::Finished,
        MilestoneState::Running,
        MilestoneState::NotStarted,
    ] {
        css.push_str(&format!(
            ".ms-{} {{ color: {}; }}\n",
            state.machine(),
            palette::of_state(state).ink.hex()
        ));
    }
    let warning = palette::of_status(Status::Missed);
    let findings = palette::of_status(Status::AtRisk);
    css.push_str(&format!(
        ".warning {{ border-color: {}; background: {}; color: {}; }}\n.findings {{ border-left-color: {}; background: {}; }}\n.note {{ color: {}; }}\n",
        warning.fill.hex(),
        warning.tint.hex(),
        warning.ink.hex(),
        findings.fill.hex(),
        findings.tint.hex(),
        palette::of_status(Status::NotEvaluated).ink.hex()
    ));
    css
}

const STYLE: &str = r#"
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: var(--soft); }
body { margin: 0; color: var(--ink); font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 40px 36px; background: #fff; }
header { padding-top: 12px; border-top: 6px solid var(--accent); }
h1 { font-size: 27px; line-height: 1.2; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 4px 0; }
.subtitle { margin: 0 0 6px; color: var(--muted); font-style: italic; }
.meta { margin: 2px 0; color: var(--muted); }
.meta strong { color: var(--ink); }
.warning { margin: 0 0 20px; padding: 12px 16px; border: 3px solid; }
.warning strong { font-size: 17px; }
.findings { margin: 8px 0 16px; padding: 8px 12px 8px 28px; border-left: 4px solid; overflow-wrap: anywhere; }
.warning p { color: var(--ink); overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 18px 0 4px; }
.card { padding: 10px 12px; border: 1px solid var(--line); border-radius: 6px; background: var(--soft); break-inside: avoid; page-break-inside: avoid; }
.card h2 { margin: 0 0 2px; padding: 0; border: 0; font-size: 12px; font-weight: bold; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
.big { font-size: 24px; font-weight: bold; line-height: 1.25; }
.small { font-size: 12.5px; color: var(--muted); }
.card svg { margin: 6px 0 2px; }
.legend { margin: 2px 0 0; padding: 0; list-style: none; font-size: 13px; }
.legend li { margin: 1px 0; white-space: nowrap; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; border-radius: 2px; vertical-align: -1px; }
figure { margin: 8px 0 14px; break-inside: avoid; page-break-inside: avoid; }
figcaption { margin-top: 4px; font-size: 12.5px; color: var(--muted); }
svg { display: block; width: 100%; height: auto; }
svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; fill: var(--ink); }
table { width: 100%; margin: 6px 0 12px; border-collapse: collapse; font-size: 13.5px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-size: 12.5px; vertical-align: bottom; }
tbody th { font-weight: normal; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
.muted { color: var(--muted); }
.id { font-weight: bold; }
.name { display: block; font-size: 12.5px; color: var(--muted); }
.note { display: block; font-size: 12.5px; }
.kind { display: block; font-size: 11.5px; color: var(--muted); font-style: italic; }
table.indicators th[scope="row"] { width: 42%; }
.bar { width: 22%; min-width: 120px; }
.bar svg { margin-bottom: 1px; }
table.amounts { max-width: 760px; }
.badge { display: inline-block; padding: 1px 8px; border: 1.5px solid; border-radius: 10px; font-size: 12.5px; font-weight: bold; white-space: nowrap; color: var(--ink); }
.ms-running { font-weight: bold; }
figure.map { max-width: 940px; }
.breakdown th[scope="col"] { overflow-wrap: anywhere; }
footer { margin-top: 26px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 12.5px; color: var(--muted); }
@media screen and (max-width: 640px) {
  main { padding: 12px 12px 20px; }
  h1 { font-size: 22px; }
  .legend li { white-space: normal; }
  table { display: block; overflow-x: auto; }
  .bar { min-width: 90px; }
}
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
@media print {
  html { background: #fff; }
  .cards { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  body { font-size: 10pt; }
  table { font-size: 9pt; }
  .bar { min-width: 90px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, .card, .keep, table.breakdown, svg { break-inside: avoid; page-break-inside: avoid; }
  .warning { border-width: 4px; }
}
"#;

/// What every section needs: the language, the project and its report.
#[derive(Debug, Clone, Copy)]
struct Page<'a> {
    lang: Lang,
    project: &'a Project,
    report: &'a Report,
}

impl Page<'_> {
    /// `30.09.2020 r.` or `2020-09-30`.
    fn date(&self, date: NaiveDate) -> String {
        present::date(self.lang, date)
    }

    /// `30.09.2020` or `2020-09-30`, for narrow places.
    fn short_date(&self, date: NaiveDate) -> String {
        present::short_date(self.lang, date)
    }

    /// A date as `<time>`, with the ISO date for machines.
    fn time(&self, date: NaiveDate) -> String {
        format!(
            "<time datetime=\"{}\">{}</time>",
            present::short_date(Lang::En, date),
            self.date(date)
        )
    }

    fn amount(&self, amount: Amount) -> String {
        present::amount(self.lang, amount)
    }

    /// A value as shown: one decimal at most, with the language's decimal mark.
    fn number(&self, value: Decimal) -> String {
        present::value(self.lang, value)
    }

    /// A rate as a percentage rounded to `places`: `56,7 %` or `56.7%`.
    fn percent(&self, rate: Rate, places: u32) -> String {
        present::percent(self.lang, rate, places)
    }

    /// A percentage value: `24 %` or `24%`.
    fn percent_number(&self, value: Decimal) -> String {
        format!(
            "{}{}",
            present::value(self.lang, value),
            present::percent_sign(self.lang)
        )
    }

    /// A value of an indicator (or of one of its parts): a count, or a
    /// percentage for a share target.
    fn indicator_value(&self, i: &IndicatorReport, value: Decimal) -> String {
        match i.target {
            Target::Count(_) => self.number(value),
            Target::Share(_) => self.percent_number(value),
        }
    }

    fn target(&self, i: &IndicatorReport) -> String {
        match i.target {
            Target::Count(n) => n.to_string(),
            Target::Share(r) => self.percent_number(r.percent()),
        }
    }

    fn status(&self, status: Status) -> &'static str {
        label::status(status).get(self.lang)
    }

    fn state(&self, state: MilestoneState) -> &'static str {
        label::state(state).get(self.lang)
    }

    fn badge(&self, status: Status) -> String {
        format!(
            "<span class=\"badge st-{}\">{} {}</span>",
            status_class(status),
            status_symbol(status),
            self.status(status)
        )
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
        self.project
            .territory
            .voivodeships
            .iter()
            .find(|v| v.code.as_str() == key)
            .map(|v| v.name.clone())
            .or_else(|| {
                TILES
                    .iter()
                    .find(|(code, ..)| *code == key)
                    .map(|(_, name, ..)| (*name).to_owned())
            })
            .unwrap_or_else(|| key.to_owned())
    }

    fn head(&self, out: &mut String) {
        let r = self.report;
        let title = format!(
            "{} · {} {}",
            r.title,
            label::AS_OF.get(self.lang),
            self.date(r.as_of)
        );
        out.push_str("<!DOCTYPE html>\n");
        out.push_str(&format!(
            "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
            self.lang.code()
        ));
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(&format!(
            "<meta name=\"generator\" content=\"kooperacja-export {}\">\n",
            env!("CARGO_PKG_VERSION")
        ));
        out.push_str(&format!("<title>{}</title>\n", esc(&title)));
        out.push_str("<style>");
        out.push_str(&style());
        out.push_str("</style>\n</head>\n");
    }

    fn warning(&self, out: &mut String, warning: &str) {
        out.push_str(&format!(
            "<div class=\"warning\" role=\"alert\">\n<strong>⚠ {}</strong>\n<p>{}</p>\n</div>\n",
            label::EXPORTED_DESPITE_ERRORS.get(self.lang),
            esc(warning)
        ));
    }

    fn header(&self, out: &mut String) {
        let r = self.report;
        out.push_str("<header>\n");
        out.push_str(&format!("<h1>{}</h1>\n", esc(&r.title)));
        if let (Lang::En, Some(en)) = (self.lang, &self.project.title_en) {
            out.push_str(&format!("<p class=\"subtitle\">{}</p>\n", esc(en)));
        }
        out.push_str(&format!(
            "<p class=\"meta\">{} <strong>{}</strong> · <strong>{} {}</strong></p>\n",
            label::PROJECT.get(self.lang),
            esc(&r.project),
            label::AS_OF.get(self.lang),
            self.time(r.as_of)
        ));
        out.push_str(&format!(
            "<p class=\"meta\">{} <strong>{}</strong> ({})</p>\n",
            label::VERSION_IN_FORCE_FIELD.get(self.lang),
            esc(&r.version),
            esc(&r.version_label)
        ));
        let programme = &self.project.programme;
        out.push_str(&format!(
            "<p class=\"meta\">{} {}, {} {} ({}) · {}</p>\n",
            label::PROGRAMME.get(self.lang),
            esc(&programme.short),
            label::ACTION_WORD.get(self.lang),
            esc(&programme.action),
            esc(&programme.action_name),
            esc(&programme.fund)
        ));
        if let Some(leader) = self
            .project
            .organisations
            .iter()
            .find(|o| o.role == PartnerRole::Leader)
        {
            out.push_str(&format!(
                "<p class=\"meta\">{} {}</p>\n",
                label::LEADER_FIELD.get(self.lang),
                esc(&leader.name)
            ));
        }
        out.push_str("</header>\n");
    }

    /// A thin horizontal bar for the summary cards.
    fn mini_bar(&self, rate: Rate, colour: &str, label: &str) -> String {
        let c_line = palette::LINE.hex();
        let fill = px_rate(rate, 200);
        format!(
            "<svg viewBox=\"0 0 200 10\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>\
             <rect x=\"0\" y=\"0\" width=\"200\" height=\"10\" rx=\"3\" fill=\"{c_line}\"/>\
             <rect x=\"0\" y=\"0\" width=\"{fill}\" height=\"10\" rx=\"3\" fill=\"{colour}\"/></svg>\n",
            label = esc(label)
        )
    }

    fn summary(&self, out: &mut String) {
        let c_muted = palette::MUTED.hex();
        let c_spent = palette::SPENT.hex();
        let r = self.report;
        out.push_str(&format!(
            "<section class=\"cards\" aria-label=\"{}\">\n",
            label::SUMMARY.get(self.lang)
        ));

        // The period.
        let elapsed = r.period_elapsed();
        out.push_str("<div class=\"card\">\n");
        out.push_str(&format!("<h2>{}</h2>\n", label::PERIOD.get(self.lang)));
        out.push_str(&format!(
            "<div class=\"big\">{}</div>\n",
            self.percent(elapsed, 0)
        ));
        out.push_str(&self.mini_bar(
            elapsed,
            &c_muted,
            &format!(
                "{} {}",
                label::ELAPSED.get(self.lang),
                self.percent(elapsed, 0)
            ),
        ));
        out.push_str(&format!(
            "<p class=\"small\">{} {} {} {}</p>\n<p class=\"small\">{} – {}</p>\n</div>\n",
            r.days_passed,
            label::OF.get(self.lang),
            r.period.days(),
            label::DAYS_WORD.get(self.lang),
            self.short_date(r.period.start()),
            self.short_date(r.period.end())
        ));

        // The budget.
        let b = &r.budget;
        out.push_str("<div class=\"card\">\n");
        out.push_str(&format!("<h2>{}</h2>\n", label::SPENT.get(self.lang)));
        match b.spent_share {
            Some(share) => {
                out.push_str(&format!(
                    "<div class=\"big\">{}</div>\n",
                    self.percent(share, 1)
                ));
                out.push_str(&self.mini_bar(
                    share,
                    &c_spent,
                    &format!("{} {}", label::SPENT.get(self.lang), self.percent(share, 1)),
                ));
            }
            None => out.push_str("<div class=\"big\">—</div>\n"),
        }
        out.push_str(&format!(
            "<p class=\"small nowrap\">{}</p>\n<p class=\"small nowrap\">{} {}</p>\n</div>\n",
            self.amount(b.spent),
            label::OF.get(self.lang),
            self.amount(b.total)
        ));

        // The milestones.
        out.push_str("<div class=\"card\">\n");
        out.push_str(&format!("<h2>{}</h2>\n", label::MILESTONE.get(self.lang)));
        let running: Vec<_> = r
            .milestones
            .iter()
            .filter(|m| m.state == MilestoneState::Running)
            .collect();
        if r.milestones.is_empty() {
            out.push_str(&format!(
                "<div class=\"big\">—</div>\n<p class=\"small\">{}</p>\n",
                label::VERSION_HAS_NO_MILESTONES.get(self.lang)
            ));
        } else if running.is_empty() {
            out.push_str(&format!(
                "<div class=\"big\">—</div>\n<p class=\"small\">{}</p>\n",
                label::NO_MILESTONE_RUNNING.get(self.lang)
            ));
        } else {
            for m in running {
                out.push_str(&format!(
                    "<div class=\"big\">{}</div>\n<p class=\"small\">{} · {} {}</p>\n",
                    esc(&m.id),
                    self.state(m.state),
                    label::UNTIL.get(self.lang),
                    self.short_date(m.period.end())
                ));
            }
        }
        out.push_str("</div>\n");

        // The indicators by status.
        out.push_str("<div class=\"card\">\n");
        out.push_str(&format!("<h2>{}</h2>\n", label::INDICATORS.get(self.lang)));
        out.push_str("<ul class=\"legend\">\n");
        for status in Status::ALL {
            let n = r.indicators.iter().filter(|i| i.status == status).count();
            if n > 0 {
                out.push_str(&format!(
                    "<li><span class=\"swatch\" style=\"background:{}\"></span>{} {} <strong>{n}</strong></li>\n",
                    status_colour(status),
                    status_symbol(status),
                    self.status(status)
                ));
            }
        }
        if r.indicators.is_empty() {
            out.push_str(&format!(
                "<li>{}</li>\n",
                label::NO_INDICATORS_SHORT.get(self.lang)
            ));
        }
        out.push_str("</ul>\n</div>\n</section>\n");
    }

    fn budget(&self, out: &mut String) {
        let b = &self.report.budget;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            label::BUDGET.get(self.lang)
        ));
        let share = |part: Amount| {
            Rate::implied(part, b.total).map_or_else(String::new, |s| self.percent(s, 1))
        };
        out.push_str(&format!(
            "<table class=\"amounts\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            label::ITEM.get(self.lang),
            label::AMOUNT.get(self.lang),
            label::SHARE_OF_PROJECT_VALUE.get(self.lang)
        ));
        let spent_share = b
            .spent_share
            .map_or_else(String::new, |s| self.percent(s, 1));
        let rows = [
            (
                label::PROJECT_VALUE.get(self.lang),
                b.total,
                String::new(),
                true,
            ),
            (
                label::EU_CONTRIBUTION.get(self.lang),
                b.eu_contribution,
                share(b.eu_contribution),
                false,
            ),
            (
                label::NATIONAL_CONTRIBUTION.get(self.lang),
                b.national_contribution,
                share(b.national_contribution),
                false,
            ),
            (label::SPENT.get(self.lang), b.spent, spent_share, true),
            (
                label::REMAINING.get(self.lang),
                b.remaining,
                share(b.remaining),
                false,
            ),
        ];
        for (label, amount, share, strong) in rows {
            let (open, close) = if strong {
                ("<strong>", "</strong>")
            } else {
                ("", "")
            };
            out.push_str(&format!(
                "<tr><th scope=\"row\">{open}{label}{close}</th><td class=\"num\">{open}{}{close}</td><td class=\"num\">{share}</td></tr>\n",
                self.amount(amount)
            ));
        }
        out.push_str("</tbody>\n</table>\n");
        if !b.findings.is_empty() {
            out.push_str("<ul class=\"findings\">\n");
            for f in &b.findings {
                out.push_str(&format!(
                    "<li><code>{}</code> {}</li>\n",
                    esc(f.code),
                    esc(&f.message)
                ));
            }
            out.push_str("</ul>\n");
        }
        self.budget_chart(out);
        out.push_str("<div class=\"keep\">\n");
        self.partner_chart(out);
        out.push_str("</div>\n");
        if !b.by_category.is_empty() {
            out.push_str(&format!(
                "<div class=\"keep\">\n<h3>{}</h3>\n<table class=\"amounts\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                label::SPENDING_BY_CATEGORY.get(self.lang),
                label::CATEGORY.get(self.lang),
                label::SPENT.get(self.lang)
            ));
            for (category, amount) in &b.by_category {
                out.push_str(&format!(
                    "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>\n",
                    esc(category),
                    self.amount(*amount)
                ));
            }
            out.push_str("</tbody>\n</table>\n</div>\n");
        }
        out.push_str("</section>\n");
    }

    /// Two stacked bars: the sources (EU and national) and the execution (spent
    /// and remaining) of the total.
    fn budget_chart(&self, out: &mut String) {
        let c_accent = palette::ACCENT.hex();
        let c_ink = palette::INK.hex();
        let c_line = palette::LINE.hex();
        let c_plan = palette::PLAN.hex();
        let c_spent = palette::SPENT.hex();
        let b = &self.report.budget;
        const X0: i64 = 150;
        const W: i64 = 800;
        let title = label::BUDGET_BY_SOURCE_AND_EXECUTION.get(self.lang);
        let desc = format!(
            "{}: {}; {}: {}; {}: {}; {}: {}; {}: {}.",
            label::PROJECT_VALUE.get(self.lang),
            self.amount(b.total),
            label::EU_CONTRIBUTION_WORD.get(self.lang),
            self.amount(b.eu_contribution),
            label::NATIONAL_CONTRIBUTION_WORD.get(self.lang),
            self.amount(b.national_contribution),
            label::SPENT_WORD.get(self.lang),
            self.amount(b.spent),
            label::REMAINING_WORD.get(self.lang),
            self.amount(b.remaining)
        );
        out.push_str("<figure>\n");
        out.push_str(&format!(
            "<svg viewBox=\"0 0 960 150\" role=\"img\" aria-labelledby=\"budget-title budget-desc\">\n<title id=\"budget-title\">{}</title>\n<desc id=\"budget-desc\">{}</desc>\n",
            esc(title),
            esc(&desc)
        ));
        let rows = [
            (
                label::SOURCES.get(self.lang),
                (
                    label::EU_CONTRIBUTION.get(self.lang),
                    b.eu_contribution,
                    c_accent.as_str(),
                    "#fff",
                ),
                (
                    label::NATIONAL_CONTRIBUTION.get(self.lang),
                    b.national_contribution,
                    c_plan.as_str(),
                    c_ink.as_str(),
                ),
                14,
            ),
            (
                label::EXECUTION.get(self.lang),
                (label::SPENT.get(self.lang), b.spent, c_spent.as_str(), "#fff"),
                (
                    label::REMAINING.get(self.lang),
                    b.remaining,
                    c_line.as_str(),
                    c_ink.as_str(),
                ),
                84,
            ),
        ];
        for (label, first, second, y) in rows {
            let w1 = px_amount(first.1, b.total, W);
            let w2 = (W - w1).max(0);
            out.push_str(&format!(
                "<text x=\"0\" y=\"{}\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
                y + 19,
                esc(label)
            ));
            out.push_str(&format!(
                "<rect x=\"{X0}\" y=\"{y}\" width=\"{w1}\" height=\"28\" fill=\"{}\"><title>{}: {}</title></rect>\n",
                first.2,
                esc(first.0),
                self.amount(first.1)
            ));
            out.push_str(&format!(
                "<rect x=\"{}\" y=\"{y}\" width=\"{w2}\" height=\"28\" fill=\"{}\"><title>{}: {}</title></rect>\n",
                X0 + w1,
                second.2,
                esc(second.0),
                self.amount(second.1)
            ));
            out.push_str(&format!(
                "<rect x=\"{X0}\" y=\"{y}\" width=\"{W}\" height=\"28\" fill=\"none\" stroke=\"{c_ink}\" stroke-width=\"1\"/>\n"
            ));
            // Percentages inside the segments, where they fit.
            let pct = |part: Amount| {
                Rate::implied(part, b.total).map_or_else(String::new, |s| self.percent(s, 1))
            };
            if w1 >= 70 {
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" style=\"fill:{}\">{}</text>\n",
                    X0 + 8,
                    y + 19,
                    first.3,
                    pct(first.1)
                ));
            }
            if w2 >= 70 {
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" text-anchor=\"end\" style=\"fill:{}\">{}</text>\n",
                    X0 + W - 8,
                    y + 19,
                    second.3,
                    pct(second.1)
                ));
            }
            out.push_str(&format!(
                "<text x=\"{X0}\" y=\"{}\" font-size=\"13.5\"><tspan font-weight=\"bold\">{}</tspan> {}</text>\n",
                y + 46,
                esc(first.0),
                self.amount(first.1)
            ));
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"13.5\" text-anchor=\"end\"><tspan font-weight=\"bold\">{}</tspan> {}</text>\n",
                X0 + W,
                y + 46,
                esc(second.0),
                self.amount(second.1)
            ));
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<figcaption>{}</figcaption>\n</figure>\n",
            label::BUDGET_CHART_CAPTION.get(self.lang)
        ));
    }

    /// Planned and spent per partner, on one scale.
    fn partner_chart(&self, out: &mut String) {
        let c_accent = palette::ACCENT.hex();
        let c_muted = palette::MUTED.hex();
        let c_plan = palette::PLAN.hex();
        let c_spent = palette::SPENT.hex();
        let parts = &self.report.budget.by_partner;
        out.push_str(&format!(
            "<h3>{}</h3>\n",
            label::PARTNERS_BUDGETS_AND_SPENDING.get(self.lang)
        ));
        if parts.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n",
                label::NO_PARTNER_BUDGETS.get(self.lang)
            ));
            return;
        }
        let max = parts
            .iter()
            .flat_map(|p| [p.planned, Some(p.spent)])
            .flatten()
            .max()
            .unwrap_or(Amount::from_grosze(0));
        const W: i64 = 540;
        const ROW: i64 = 54;
        let height = 30 + ROW * i64::try_from(parts.len()).unwrap_or(0);
        let title = label::BUDGET_AND_SPENDING_BY_PARTNER.get(self.lang);
        let desc: Vec<String> = parts
            .iter()
            .map(|p| {
                format!(
                    "{} – {}: {}, {}: {}",
                    self.partner(&p.partner),
                    label::PLANNED_WORD.get(self.lang),
                    p.planned.map_or_else(
                        || label::NOT_STATED.get(self.lang).to_owned(),
                        |a| self.amount(a)
                    ),
                    label::SPENT_WORD.get(self.lang),
                    self.amount(p.spent)
                )
            })
            .collect();
        out.push_str("<figure>\n");
        out.push_str(&format!(
            "<svg viewBox=\"0 0 960 {height}\" role=\"img\" aria-labelledby=\"partners-title partners-desc\">\n<title id=\"partners-title\">{}</title>\n<desc id=\"partners-desc\">{}.</desc>\n",
            esc(title),
            esc(&desc.join("; "))
        ));
        // The legend.
        out.push_str(&format!(
            "<rect x=\"0\" y=\"4\" width=\"14\" height=\"10\" fill=\"{c_plan}\" stroke=\"{c_accent}\"/><text x=\"20\" y=\"14\" font-size=\"13\">{}</text>\n<rect x=\"220\" y=\"4\" width=\"14\" height=\"10\" fill=\"{c_spent}\"/><text x=\"240\" y=\"14\" font-size=\"13\">{}</text>\n",
            label::PLANNED_IN_VERSION_IN_FORCE.get(self.lang),
            label::SPENT_UP_TO_REPORT_DATE.get(self.lang)
        ));
        for (n, p) in parts.iter().enumerate() {
            let y = 30 + ROW * i64::try_from(n).unwrap_or(0);
            out.push_str(&format!(
                "<text x=\"0\" y=\"{}\" font-size=\"13.5\" font-weight=\"bold\">{}</text>\n",
                y + 12,
                esc(&self.partner(&p.partner))
            ));
            match p.planned {
                Some(planned) => {
                    let w = px_amount(planned, max, W);
                    out.push_str(&format!(
                        "<rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"11\" fill=\"{c_plan}\" stroke=\"{c_accent}\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"12.5\">{} {}</text>\n",
                        y + 18,
                        W + 12,
                        y + 28,
                        label::PLANNED_WORD.get(self.lang),
                        self.amount(planned)
                    ));
                }
                None => out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"12.5\" style=\"fill:{c_muted}\">{}</text>\n",
                    W + 12,
                    y + 28,
                    label::PLAN_NOT_STATED.get(self.lang)
                )),
            }
            let w = px_amount(p.spent, max, W);
            let share = p
                .share
                .map_or_else(String::new, |s| format!(" ({})", self.percent(s, 1)));
            out.push_str(&format!(
                "<rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"13\" fill=\"{c_spent}\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"12.5\">{} {}{share}</text>\n",
                y + 31,
                W + 12,
                y + 43,
                label::SPENT_WORD.get(self.lang),
                self.amount(p.spent)
            ));
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<figcaption>{}</figcaption>\n</figure>\n",
            label::PARTNER_CHART_CAPTION.get(self.lang)
        ));
    }

    fn milestones(&self, out: &mut String) {
        let r = self.report;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            label::MILESTONES.get(self.lang)
        ));
        self.gantt(out);
        if r.milestones.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n</section>\n",
                label::THIS_VERSION_HAS_NO_MILESTONES.get(self.lang)
            ));
            return;
        }
        out.push_str(&format!(
            "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            label::MILESTONE_SHORT.get(self.lang),
            label::TITLE.get(self.lang),
            label::PERIOD.get(self.lang),
            label::DAYS_PASSED_SHORT.get(self.lang),
            label::STATE.get(self.lang)
        ));
        for m in &r.milestones {
            let class = m.state.english().replace(' ', "-");
            out.push_str(&format!(
                "<tr><th scope=\"row\" class=\"id\">{}</th><td>{}</td><td class=\"nowrap\">{} – {}</td><td class=\"num\">{} / {}</td><td class=\"nowrap ms-{class}\">{}</td></tr>\n",
                esc(&m.id),
                esc(&m.title),
                self.short_date(m.period.start()),
                self.short_date(m.period.end()),
                m.days_passed,
                m.period.days(),
                self.state(m.state)
            ));
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    /// The timeline: the project's period and each milestone on one axis of
    /// days, with the report's date as a line.
    fn gantt(&self, out: &mut String) {
        let c_as_of = palette::AS_OF.hex();
        let c_ink = palette::INK.hex();
        let c_line = palette::LINE.hex();
        let c_muted = palette::MUTED.hex();
        let c_running = palette::of_state(MilestoneState::Running).fill.hex();
        let c_soft = palette::SOFT.hex();
        let r = self.report;
        const X0: i64 = 110;
        const W: i64 = 690;
        const ROW: i64 = 30;
        const TOP: i64 = 30;
        let first = r
            .milestones
            .iter()
            .map(|m| m.period.start())
            .fold(r.period.start(), Ord::min);
        let last = r
            .milestones
            .iter()
            .map(|m| m.period.end())
            .fold(r.period.end(), Ord::max);
        let span = (last - first).num_days() + 1;
        // The left edge of a day: days since `first` on the axis.
        let x = |d: NaiveDate| {
            X0 + px(
                Decimal::from((d - first).num_days()),
                Decimal::from(span),
                W,
            )
        };
        let rows = 1 + i64::try_from(r.milestones.len()).unwrap_or(0);
        let bottom = TOP + rows * ROW;
        let height = bottom + 26;
        let title = format!(
            "{} {}",
            label::TIMELINE_AS_OF.get(self.lang),
            self.date(r.as_of)
        );
        let mut desc = vec![format!(
            "{}: {} – {}",
            label::PROJECT.get(self.lang),
            self.date(r.period.start()),
            self.date(r.period.end())
        )];
        for m in &r.milestones {
            desc.push(format!(
                "{}: {} – {}, {}",
                m.id,
                self.date(m.period.start()),
                self.date(m.period.end()),
                self.state(m.state)
            ));
        }
        out.push_str("<figure>\n");
        out.push_str(&format!(
            "<svg viewBox=\"0 0 960 {height}\" role=\"img\" aria-labelledby=\"gantt-title gantt-desc\">\n<title id=\"gantt-title\">{}</title>\n<desc id=\"gantt-desc\">{}.</desc>\n",
            esc(&title),
            esc(&desc.join("; "))
        ));
        // Years: a line at each 1 January and the year's number in its middle.
        out.push_str(&format!(
            "<rect x=\"{X0}\" y=\"{TOP}\" width=\"{W}\" height=\"{}\" fill=\"{c_soft}\"/>\n",
            rows * ROW
        ));
        for year in first.year()..=last.year() {
            let Some(jan1) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                continue;
            };
            let Some(next) = NaiveDate::from_ymd_opt(year + 1, 1, 1) else {
                continue;
            };
            let from = x(jan1.max(first));
            let to = x(next.min(last + chrono::Days::new(1)));
            if jan1 > first {
                out.push_str(&format!(
                    "<line x1=\"{from}\" y1=\"{TOP}\" x2=\"{from}\" y2=\"{}\" stroke=\"{c_line}\" stroke-width=\"1\"/>\n",
                    bottom + 6
                ));
            }
            if to - from >= 36 {
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"12.5\" text-anchor=\"middle\" style=\"fill:{c_muted}\">{year}</text>\n",
                    (from + to) / 2,
                    bottom + 19
                ));
            }
        }
        out.push_str(&format!(
            "<line x1=\"{X0}\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\" stroke=\"{c_ink}\" stroke-width=\"1\"/>\n",
            X0 + W
        ));
        // The project's period, with the part that has passed.
        let y = TOP + 6;
        let (px0, px1) = (
            x(r.period.start()),
            x(r.period.end() + chrono::Days::new(1)),
        );
        let passed = px(
            Decimal::from(r.days_passed),
            Decimal::from(r.period.days().max(1)),
            px1 - px0,
        );
        out.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{}</text>\n",
            y + 13,
            label::PROJECT.get(self.lang)
        ));
        out.push_str(&format!(
            "<rect x=\"{px0}\" y=\"{y}\" width=\"{}\" height=\"18\" fill=\"{c_line}\" stroke=\"{c_muted}\"><title>{}: {} – {}</title></rect>\n",
            (px1 - px0).max(2),
            label::PROJECT.get(self.lang),
            self.date(r.period.start()),
            self.date(r.period.end())
        ));
        out.push_str(&format!(
            "<rect x=\"{px0}\" y=\"{y}\" width=\"{passed}\" height=\"18\" fill=\"{c_muted}\"/>\n"
        ));
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"13\">{} {}</text>\n",
            X0 + W + 12,
            y + 13,
            self.percent(r.period_elapsed(), 0),
            label::OF_THE_PERIOD.get(self.lang)
        ));
        for (n, m) in r.milestones.iter().enumerate() {
            let y = TOP + ROW * (1 + i64::try_from(n).unwrap_or(0)) + 6;
            let (mx0, mx1) = (
                x(m.period.start()),
                x(m.period.end() + chrono::Days::new(1)),
            );
            let (fill, stroke) = state_colours(m.state);
            out.push_str(&format!(
                "<text x=\"0\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{}</text>\n",
                y + 13,
                esc(&m.id)
            ));
            out.push_str(&format!(
                "<rect x=\"{mx0}\" y=\"{y}\" width=\"{}\" height=\"18\" fill=\"{fill}\" stroke=\"{stroke}\"><title>{}: {} – {} ({})</title></rect>\n",
                (mx1 - mx0).max(2),
                esc(&m.id),
                self.date(m.period.start()),
                self.date(m.period.end()),
                self.state(m.state)
            ));
            if m.state == MilestoneState::Running {
                let done = px(
                    Decimal::from(m.days_passed),
                    Decimal::from(m.period.days().max(1)),
                    mx1 - mx0,
                );
                out.push_str(&format!(
                    "<rect x=\"{mx0}\" y=\"{y}\" width=\"{done}\" height=\"18\" fill=\"{c_running}\"/>\n"
                ));
            }
            let weight = if m.state == MilestoneState::Running {
                " font-weight=\"bold\""
            } else {
                ""
            };
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"13\"{weight}>{}</text>\n",
                X0 + W + 12,
                y + 13,
                self.state(m.state)
            ));
        }
        // The report's date.
        let label = format!("{} {}", label::AS_OF.get(self.lang), self.date(r.as_of));
        if (first..=last).contains(&r.as_of) {
            let at = x(r.as_of + chrono::Days::new(1));
            let anchor = if at > X0 + W - 90 {
                "end"
            } else if at < X0 + 90 {
                "start"
            } else {
                "middle"
            };
            out.push_str(&format!(
                "<g class=\"as-of\"><line x1=\"{at}\" y1=\"{}\" x2=\"{at}\" y2=\"{}\" stroke=\"{c_as_of}\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\"/>\n<text x=\"{at}\" y=\"18\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"{anchor}\" style=\"fill:{c_as_of}\">▼ {}</text></g>\n",
                TOP - 8,
                bottom + 4,
                esc(&label)
            ));
        } else {
            let (at, anchor, arrow) = if r.as_of < first {
                (X0, "start", "◀")
            } else {
                (X0 + W, "end", "▶")
            };
            out.push_str(&format!(
                "<g class=\"as-of\"><text x=\"{at}\" y=\"18\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"{anchor}\" style=\"fill:{c_as_of}\">{arrow} {} ({})</text></g>\n",
                esc(&label),
                label::OUTSIDE_THE_AXIS.get(self.lang)
            ));
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<figcaption>{}</figcaption>\n</figure>\n",
            label::TIMELINE_CAPTION.get(self.lang)
        ));
    }

    fn indicators(&self, out: &mut String) {
        let r = self.report;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            label::INDICATORS.get(self.lang)
        ));
        if r.indicators.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n</section>\n",
                label::NO_INDICATORS.get(self.lang)
            ));
            return;
        }
        out.push_str(&format!(
            "<table class=\"indicators\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"bar\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            label::INDICATOR.get(self.lang),
            label::PROGRESS_TO_TARGET.get(self.lang),
            label::VALUE_AND_TARGET.get(self.lang),
            label::DUE.get(self.lang),
            label::STATUS.get(self.lang)
        ));
        for (n, i) in r.indicators.iter().enumerate() {
            let kind = match i.kind {
                IndicatorKind::Product => label::PRODUCT_INDICATOR.get(self.lang),
                IndicatorKind::Result => label::RESULT_INDICATOR_WORDS.get(self.lang),
            };
            let note = i.note.as_deref().map_or_else(String::new, |note| {
                format!("<span class=\"note\">{}</span>", esc(note))
            });
            let value = i
                .value
                .map_or_else(|| "—".to_owned(), |v| self.indicator_value(i, v));
            let share = i.share_of_target.map_or_else(
                || label::NOT_EVALUATED_YET.get(self.lang).to_owned(),
                |s| format!("{} {}", self.percent(s, 0), label::OF_TARGET.get(self.lang)),
            );
            let forecast = match (i.forecast, i.status) {
                (Some(f), Status::OnTrack | Status::AtRisk) => format!(
                    "<br><span class=\"small\">{} ▾ {}</span>",
                    label::FORECAST_WORD.get(self.lang),
                    self.indicator_value(i, f)
                ),
                _ => String::new(),
            };
            out.push_str(&format!(
                "<tr class=\"st-row-{}\"><th scope=\"row\"><span class=\"id\">{}</span><span class=\"name\">{}</span><span class=\"kind\">{kind}</span>{note}</th>\n<td class=\"bar\">{}<span class=\"small\">{share}</span></td><td class=\"num\">{value} / {}{forecast}</td><td class=\"nowrap\">{}</td><td>{}</td></tr>\n",
                status_class(i.status),
                esc(&i.id),
                esc(self.indicator_name(i)),
                self.progress_bar(n, i),
                self.target(i),
                self.time(i.due),
                self.badge(i.status)
            ));
        }
        out.push_str("</tbody>\n</table>\n");
        out.push_str(&format!(
            "<p class=\"small\">{}</p>\n</section>\n",
            label::INDICATOR_BAR_CAPTION.get(self.lang)
        ));
    }

    /// One indicator's progress bar: the share of its target reached, in the
    /// colour of its status, with the forecast marked for open indicators.
    fn progress_bar(&self, n: usize, i: &IndicatorReport) -> String {
        let c_ink = palette::INK.hex();
        let c_line = palette::LINE.hex();
        let c_soft = palette::SOFT.hex();
        const W: i64 = 240;
        let colour = status_colour(i.status);
        let fill = i.share_of_target.map_or(0, |s| px_rate(s, W));
        let target = match i.target {
            Target::Count(t) => Decimal::from(t),
            Target::Share(r) => r.percent(),
        };
        let label = format!(
            "{}: {} {} ({})",
            i.id,
            i.share_of_target
                .map_or_else(|| "—".to_owned(), |s| self.percent(s, 0)),
            label::OF_TARGET.get(self.lang),
            self.status(i.status)
        );
        let mut svg = format!(
            "<svg viewBox=\"0 0 {W} 24\" role=\"img\" aria-labelledby=\"ind-{n}-title\"><title id=\"ind-{n}-title\">{}</title>",
            esc(&label)
        );
        svg.push_str(&format!(
            "<rect x=\"0.5\" y=\"6.5\" width=\"{}\" height=\"13\" rx=\"2\" fill=\"{c_soft}\" stroke=\"{c_line}\"/>",
            W - 1
        ));
        if fill > 0 {
            svg.push_str(&format!(
                "<rect x=\"0\" y=\"6\" width=\"{fill}\" height=\"14\" rx=\"2\" fill=\"{colour}\"/>"
            ));
        }
        if let (Some(f), Status::OnTrack | Status::AtRisk) = (i.forecast, i.status) {
            let at = px(f, target, W).clamp(2, W - 2);
            svg.push_str(&format!(
                "<line x1=\"{at}\" y1=\"4\" x2=\"{at}\" y2=\"22\" stroke=\"{c_ink}\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/><path d=\"M{} 0 L{} 0 L{at} 5 Z\" fill=\"{c_ink}\"/>",
                at - 4,
                at + 4
            ));
        }
        svg.push_str("</svg>");
        svg
    }

    fn territory(&self, out: &mut String) {
        let territory = &self.project.territory;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            label::TERRITORY_AND_INDICATORS.get(self.lang)
        ));
        self.tile_map(out);
        if territory.voivodeships.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n",
                label::NO_VOIVODESHIPS.get(self.lang)
            ));
        } else {
            out.push_str(&format!(
                "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                label::VOIVODESHIP_HEADING.get(self.lang),
                label::RESPONSIBLE_PARTNER.get(self.lang),
                label::POWIATS_WITH_GMINAS.get(self.lang)
            ));
            for v in &territory.voivodeships {
                let partner = v
                    .partner
                    .as_deref()
                    .map_or_else(|| "–".to_owned(), |p| esc(&self.organisation(p)));
                let powiats = if v.powiats.is_empty() {
                    format!(
                        "<span class=\"muted\">{}</span>",
                        label::NO_POWIATS_LISTED.get(self.lang)
                    )
                } else {
                    v.powiats
                        .iter()
                        .map(|p| {
                            format!(
                                "<span class=\"nowrap\">{} ({}, {})</span>",
                                esc(&p.name),
                                esc(p.code.as_str()),
                                label::GMINAS.count(
                                    self.lang,
                                    u64::try_from(p.gminas.len()).unwrap_or(u64::MAX)
                                )
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                out.push_str(&format!(
                    "<tr><th scope=\"row\"><span class=\"id nowrap\">{}</span> <span class=\"muted\">{}</span></th><td>{partner}</td><td>{powiats}</td></tr>\n",
                    esc(&v.name),
                    esc(v.code.as_str())
                ));
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("<div class=\"keep\">\n");
        self.breakdown(out);
        out.push_str("</div>\n");
        out.push_str("</section>\n");
    }

    /// The sixteen voivodeships as tiles; those of the project are highlighted
    /// with their number of powiats.
    fn tile_map(&self, out: &mut String) {
        let c_accent = palette::ACCENT.hex();
        let c_line = palette::LINE.hex();
        let c_muted = palette::MUTED.hex();
        let c_plan = palette::PLAN.hex();
        let c_soft = palette::SOFT.hex();
        const TW: i64 = 228;
        const TH: i64 = 72;
        const GAP: i64 = 8;
        let voivodeships = &self.project.territory.voivodeships;
        let names: Vec<String> = voivodeships.iter().map(|v| v.name.clone()).collect();
        let title = label::TILE_MAP_TITLE.get(self.lang);
        let desc = format!(
            "{}: {}.",
            label::PROJECT_VOIVODESHIPS.get(self.lang),
            if names.is_empty() {
                label::NONE.get(self.lang).to_owned()
            } else {
                names.join(", ")
            }
        );
        out.push_str("<figure class=\"map\">\n");
        out.push_str(&format!(
            "<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"map-title map-desc\">\n<title id=\"map-title\">{}</title>\n<desc id=\"map-desc\">{}</desc>\n",
            4 * TW + 3 * GAP,
            4 * TH + 3 * GAP,
            esc(title),
            esc(&desc)
        ));
        for (code, name, row, col) in TILES {
            let (x, y) = (col * (TW + GAP), row * (TH + GAP));
            match voivodeships.iter().find(|v| v.code.as_str() == code) {
                Some(v) => {
                    out.push_str(&format!(
                        "<rect x=\"{x}\" y=\"{y}\" width=\"{TW}\" height=\"{TH}\" rx=\"5\" fill=\"{c_plan}\" stroke=\"{c_accent}\" stroke-width=\"2\"/>\n"
                    ));
                    out.push_str(&format!(
                        "<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
                        x + 10,
                        y + 24,
                        esc(&v.name)
                    ));
                    let powiats = if v.powiats.is_empty() {
                        label::WHOLE_REGION.get(self.lang).to_owned()
                    } else {
                        label::POWIATS.count(
                            self.lang,
                            u64::try_from(v.powiats.len()).unwrap_or(u64::MAX),
                        )
                    };
                    out.push_str(&format!(
                        "<text x=\"{}\" y=\"{}\" font-size=\"13\">{} · {}</text>\n",
                        x + 10,
                        y + 44,
                        esc(code),
                        powiats
                    ));
                    if let Some(p) = &v.partner {
                        let id = esc(p);
                        out.push_str(&format!(
                            "<text x=\"{}\" y=\"{}\" font-size=\"12\" style=\"fill:{c_muted}\">{id}</text>\n",
                            x + 10,
                            y + 62
                        ));
                    }
                }
                None => {
                    out.push_str(&format!(
                        "<rect x=\"{x}\" y=\"{y}\" width=\"{TW}\" height=\"{TH}\" rx=\"5\" fill=\"{c_soft}\" stroke=\"{c_line}\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"13\" style=\"fill:{c_muted}\">{name}</text>\n",
                        x + 10,
                        y + 24
                    ));
                }
            }
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<figcaption>{}</figcaption>\n</figure>\n",
            label::TILE_MAP_CAPTION.get(self.lang)
        ));
    }

    /// Each indicator's value by voivodeship, for the indicators that have one.
    fn breakdown(&self, out: &mut String) {
        let r = self.report;
        let with: Vec<&IndicatorReport> = r
            .indicators
            .iter()
            .filter(|i| !i.by_voivodeship.is_empty())
            .collect();
        out.push_str(&format!(
            "<h3>{}</h3>\n",
            label::INDICATORS_BY_VOIVODESHIP.get(self.lang)
        ));
        if with.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n",
                label::NO_VALUES_BY_VOIVODESHIP.get(self.lang)
            ));
            return;
        }
        // The rows: the project's voivodeships in file order, then any other
        // key the facts name (such as `-`, no territory), in order of appearance.
        let mut keys: Vec<String> = self
            .project
            .territory
            .voivodeships
            .iter()
            .map(|v| v.code.as_str().to_owned())
            .collect();
        for i in &with {
            for part in &i.by_voivodeship {
                if !keys.contains(&part.key) {
                    keys.push(part.key.clone());
                }
            }
        }
        out.push_str("<table class=\"breakdown\">\n<thead><tr>");
        out.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            label::VOIVODESHIP_HEADING.get(self.lang)
        ));
        for i in &with {
            out.push_str(&format!(
                "<th scope=\"col\" class=\"num\" title=\"{}\">{}</th>",
                esc(self.indicator_name(i)),
                esc(&i.id)
            ));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for key in &keys {
            out.push_str(&format!(
                "<tr><th scope=\"row\"><span class=\"nowrap\">{}</span> <span class=\"muted\">{}</span></th>",
                esc(&self.voivodeship(key)),
                if key == "-" { String::new() } else { esc(key) }
            ));
            for i in &with {
                let cell = i.by_voivodeship.iter().find(|p| &p.key == key).map_or_else(
                    || "<span class=\"muted\">–</span>".to_owned(),
                    |p| self.indicator_value(i, p.value),
                );
                out.push_str(&format!("<td class=\"num\">{cell}</td>"));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        let without: Vec<String> = r
            .indicators
            .iter()
            .filter(|i| i.by_voivodeship.is_empty())
            .map(|i| esc(&i.id))
            .collect();
        if !without.is_empty() {
            out.push_str(&format!(
                "<p class=\"small\">{}: {}.</p>\n",
                label::WITHOUT_VALUES_BY_VOIVODESHIP.get(self.lang),
                without.join(", ")
            ));
        }
    }

    fn footer(&self, out: &mut String) {
        let f = &self.report.facts;
        let total: u64 = f.by_kind.iter().map(|(_, n)| n).sum();
        let kinds: Vec<String> = f
            .by_kind
            .iter()
            .map(|(kind, n)| format!("{} {n}", kind.name()))
            .collect();
        let facts =
            label::FACTS_RETRACTED_REPEATED.fill(self.lang, &[&total, &f.retracted, &f.duplicates]);
        out.push_str("<footer>\n");
        out.push_str(&format!(
            "<p>{facts}{}</p>\n",
            if kinds.is_empty() {
                String::new()
            } else {
                format!(": {}", kinds.join(", "))
            }
        ));
        out.push_str(&format!(
            "<p>{} {}, {} kooperacja-export {}. {}</p>\n",
            label::AS_OF_SENTENCE.get(self.lang),
            self.date(self.report.as_of),
            label::GENERATED_BY.get(self.lang),
            env!("CARGO_PKG_VERSION"),
            label::SELF_CONTAINED_PAGE.get(self.lang)
        ));
        out.push_str("</footer>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

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
