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
use kooperacja_core::period::polish_date;
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
fn status_class(status: Status) -> String {
    status.english().replace(' ', "-")
}

/// The colour of a status, in charts and badges.
fn status_colour(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "#9e9e9e",
        Status::OnTrack => "#1565c0",
        Status::AtRisk => "#ef8f00",
        Status::Achieved => "#2e7d32",
        Status::Missed => "#c62828",
        Status::NotEvaluated => "#8e24aa",
    }
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

/// Fill and stroke of a milestone's bar.
fn state_colours(state: MilestoneState) -> (&'static str, &'static str) {
    match state {
        MilestoneState::Finished => ("#546e7a", "#37474f"),
        MilestoneState::Running => ("#bbdefb", "#1565c0"),
        MilestoneState::NotStarted => ("#eceff1", "#90a4ae"),
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

const STYLE: &str = r#"
:root { --ink: #1d2327; --muted: #5b6770; --line: #d5dbe0; --soft: #f4f6f8; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: #e9edf1; }
body { margin: 0; color: var(--ink); font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 40px 36px; background: #fff; }
header { padding-top: 12px; border-top: 6px solid #1f4e9c; }
h1 { font-size: 27px; line-height: 1.2; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 4px 0; }
.subtitle { margin: 0 0 6px; color: var(--muted); font-style: italic; }
.meta { margin: 2px 0; color: var(--muted); }
.meta strong { color: var(--ink); }
.warning { margin: 0 0 20px; padding: 12px 16px; border: 3px solid #b71c1c; background: #fdecea; color: #7f0000; }
.warning strong { font-size: 17px; }
.findings { margin: 8px 0 16px; padding: 8px 12px 8px 28px; border-left: 4px solid #e65100; background: #fff3e0; overflow-wrap: anywhere; }
.warning p { color: var(--ink); overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 18px 0 4px; }
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
.note { display: block; font-size: 12.5px; color: #6a1b9a; }
.kind { display: block; font-size: 11.5px; color: var(--muted); font-style: italic; }
table.indicators th[scope="row"] { width: 42%; }
.bar { width: 22%; min-width: 120px; }
.bar svg { margin-bottom: 1px; }
table.amounts { max-width: 760px; }
.badge { display: inline-block; padding: 1px 8px; border: 1.5px solid; border-radius: 10px; font-size: 12.5px; font-weight: bold; white-space: nowrap; color: var(--ink); }
.st-not-started { border-color: #9e9e9e; background: #f3f3f3; }
.st-on-track { border-color: #1565c0; background: #e3f0fd; }
.st-at-risk { border-color: #ef8f00; background: #fff2dc; }
.st-achieved { border-color: #2e7d32; background: #e6f4e7; }
.st-missed { border-color: #c62828; background: #fdeaea; }
.st-not-evaluated { border-color: #8e24aa; background: #f6e8f9; }
.ms-finished { color: #37474f; }
.ms-running { color: #1565c0; font-weight: bold; }
.ms-not-started { color: var(--muted); }
figure.map { max-width: 940px; }
.breakdown th[scope="col"] { overflow-wrap: anywhere; }
footer { margin-top: 26px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 12.5px; color: var(--muted); }
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
@media print {
  html { background: #fff; }
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
    fn t<'s>(&self, pl: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(pl, en)
    }

    /// `30.09.2020 r.` or `30 Sep 2020`.
    fn date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::Pl => polish_date(date),
            Lang::En => date.format("%-d %b %Y").to_string(),
        }
    }

    /// `30.09.2020` or `30 Sep 2020`, for narrow places.
    fn short_date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::Pl => date.format("%d.%m.%Y").to_string(),
            Lang::En => date.format("%-d %b %Y").to_string(),
        }
    }

    /// A date as `<time>`, with the ISO date for machines.
    fn time(&self, date: NaiveDate) -> String {
        format!(
            "<time datetime=\"{}\">{}</time>",
            date.format("%Y-%m-%d"),
            self.date(date)
        )
    }

    fn amount(&self, amount: Amount) -> String {
        match self.lang {
            Lang::Pl => amount.to_polish(),
            Lang::En => amount.to_english(),
        }
    }

    /// A value as shown: one decimal at most, with the language's decimal mark.
    fn number(&self, value: Decimal) -> String {
        let text = value
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
            .to_string();
        match self.lang {
            Lang::Pl => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// A rate as a percentage rounded to `places`: `56,7 %` or `56.7%`.
    fn percent(&self, rate: Rate, places: u32) -> String {
        self.percent_number(rate.percent_rounded(places))
    }

    /// A percentage value: `24 %` or `24%`.
    fn percent_number(&self, value: Decimal) -> String {
        let number = match self.lang {
            Lang::Pl => value.normalize().to_string().replace('.', ","),
            Lang::En => value.normalize().to_string(),
        };
        match self.lang {
            Lang::Pl => format!("{number} %"),
            Lang::En => format!("{number}%"),
        }
    }

    /// A value of an indicator (or of one of its parts): a count, or a
    /// percentage for a share target.
    fn indicator_value(&self, i: &IndicatorReport, value: Decimal) -> String {
        match i.target {
            Target::Count(_) => self.number(value),
            Target::Share(_) => {
                let shown = value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
                self.percent_number(shown)
            }
        }
    }

    fn target(&self, i: &IndicatorReport) -> String {
        match i.target {
            Target::Count(n) => n.to_string(),
            Target::Share(r) => self.percent_number(r.percent()),
        }
    }

    fn status(&self, status: Status) -> &'static str {
        match self.lang {
            Lang::Pl => status.polish(),
            Lang::En => status.english(),
        }
    }

    fn state(&self, state: MilestoneState) -> &'static str {
        match self.lang {
            Lang::Pl => state.polish(),
            Lang::En => state.english(),
        }
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

    /// `3 powiaty`, `5 powiatów`, `1 powiat`; `3 powiats` in English.
    fn count(
        &self,
        n: usize,
        one: &str,
        few: &str,
        many: &str,
        en_one: &str,
        en_many: &str,
    ) -> String {
        let word = match self.lang {
            Lang::Pl if n == 1 => one,
            Lang::Pl if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) => few,
            Lang::Pl => many,
            Lang::En if n == 1 => en_one,
            Lang::En => en_many,
        };
        format!("{n} {word}")
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
                format!("{} ({})", o.name, self.t("lider", "leader"))
            }
            Some(o) => o.name.clone(),
            None => id.to_owned(),
        }
    }

    /// The name of a voivodeship by its TERYT code (or `-`, no territory).
    fn voivodeship(&self, key: &str) -> String {
        if key == "-" {
            return self.t("bez terytorium", "no territory").to_owned();
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
            self.t("stan na", "as of"),
            self.date(r.as_of)
        );
        out.push_str("<!DOCTYPE html>\n");
        out.push_str(&format!(
            "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
            self.t("pl", "en")
        ));
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(&format!(
            "<meta name=\"generator\" content=\"kooperacja-export {}\">\n",
            env!("CARGO_PKG_VERSION")
        ));
        out.push_str(&format!("<title>{}</title>\n", esc(&title)));
        out.push_str("<style>");
        out.push_str(STYLE);
        out.push_str("</style>\n</head>\n");
    }

    fn warning(&self, out: &mut String, warning: &str) {
        out.push_str(&format!(
            "<div class=\"warning\" role=\"alert\">\n<strong>⚠ {}</strong>\n<p>{}</p>\n</div>\n",
            self.t(
                "Uwaga: raport wyeksportowany mimo błędów w planie projektu",
                "Warning: exported despite error findings in the project plan"
            ),
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
            self.t("Projekt", "Project"),
            esc(&r.project),
            self.t("stan na", "as of"),
            self.time(r.as_of)
        ));
        out.push_str(&format!(
            "<p class=\"meta\">{} <strong>{}</strong> ({})</p>\n",
            self.t("Wersja w mocy:", "Version in force:"),
            esc(&r.version),
            esc(&r.version_label)
        ));
        let programme = &self.project.programme;
        out.push_str(&format!(
            "<p class=\"meta\">{} {}, {} {} ({}) · {}</p>\n",
            self.t("Program", "Programme"),
            esc(&programme.short),
            self.t("działanie", "action"),
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
                self.t("Lider:", "Leader:"),
                esc(&leader.name)
            ));
        }
        out.push_str("</header>\n");
    }

    /// A thin horizontal bar for the summary cards.
    fn mini_bar(&self, rate: Rate, colour: &str, label: &str) -> String {
        let fill = px_rate(rate, 200);
        format!(
            "<svg viewBox=\"0 0 200 10\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>\
             <rect x=\"0\" y=\"0\" width=\"200\" height=\"10\" rx=\"3\" fill=\"#dfe4e8\"/>\
             <rect x=\"0\" y=\"0\" width=\"{fill}\" height=\"10\" rx=\"3\" fill=\"{colour}\"/></svg>\n",
            label = esc(label)
        )
    }

    fn summary(&self, out: &mut String) {
        let r = self.report;
        out.push_str(&format!(
            "<section class=\"cards\" aria-label=\"{}\">\n",
            self.t("Podsumowanie", "Summary")
        ));

        // The period.
        let elapsed = r.period_elapsed;
        out.push_str("<div class=\"card\">\n");
        out.push_str(&format!("<h2>{}</h2>\n", self.t("Okres", "Period")));
        out.push_str(&format!(
            "<div class=\"big\">{}</div>\n",
            self.percent(elapsed, 0)
        ));
        out.push_str(&self.mini_bar(
            elapsed,
            "#455a64",
            &format!(
                "{} {}",
                self.t("Upłynęło", "Elapsed"),
                self.percent(elapsed, 0)
            ),
        ));
        out.push_str(&format!(
            "<p class=\"small\">{} {} {} {}</p>\n<p class=\"small\">{} – {}</p>\n</div>\n",
            r.days_passed,
            self.t("z", "of"),
            r.period.days(),
            self.t("dni", "days"),
            self.short_date(r.period.start()),
            self.short_date(r.period.end())
        ));

        // The budget.
        let b = &r.budget;
        out.push_str("<div class=\"card\">\n");
        out.push_str(&format!("<h2>{}</h2>\n", self.t("Wydano", "Spent")));
        match b.spent_share {
            Some(share) => {
                out.push_str(&format!(
                    "<div class=\"big\">{}</div>\n",
                    self.percent(share, 1)
                ));
                out.push_str(&self.mini_bar(
                    share,
                    "#00796b",
                    &format!("{} {}", self.t("Wydano", "Spent"), self.percent(share, 1)),
                ));
            }
            None => out.push_str("<div class=\"big\">—</div>\n"),
        }
        out.push_str(&format!(
            "<p class=\"small nowrap\">{}</p>\n<p class=\"small nowrap\">{} {}</p>\n</div>\n",
            self.amount(b.spent),
            self.t("z", "of"),
            self.amount(b.total)
        ));

        // The milestones.
        out.push_str("<div class=\"card\">\n");
        out.push_str(&format!(
            "<h2>{}</h2>\n",
            self.t("Kamień milowy", "Milestone")
        ));
        let running: Vec<_> = r
            .milestones
            .iter()
            .filter(|m| m.state == MilestoneState::Running)
            .collect();
        if r.milestones.is_empty() {
            out.push_str(&format!(
                "<div class=\"big\">—</div>\n<p class=\"small\">{}</p>\n",
                self.t(
                    "ta wersja nie ma kamieni milowych",
                    "this version has no milestones"
                )
            ));
        } else if running.is_empty() {
            out.push_str(&format!(
                "<div class=\"big\">—</div>\n<p class=\"small\">{}</p>\n",
                self.t("żaden kamień milowy nie trwa", "no milestone is running")
            ));
        } else {
            for m in running {
                out.push_str(&format!(
                    "<div class=\"big\">{}</div>\n<p class=\"small\">{} · {} {}</p>\n",
                    esc(&m.id),
                    self.state(m.state),
                    self.t("do", "until"),
                    self.short_date(m.period.end())
                ));
            }
        }
        out.push_str("</div>\n");

        // The indicators by status.
        out.push_str("<div class=\"card\">\n");
        out.push_str(&format!("<h2>{}</h2>\n", self.t("Wskaźniki", "Indicators")));
        out.push_str("<ul class=\"legend\">\n");
        for status in Status::ALL {
            let n = r.indicators_with(status);
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
                self.t("brak wskaźników", "no indicators")
            ));
        }
        out.push_str("</ul>\n</div>\n</section>\n");
    }

    fn budget(&self, out: &mut String) {
        let b = &self.report.budget;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            self.t("Budżet", "Budget")
        ));
        let share = |rate: Option<Rate>| rate.map_or_else(String::new, |s| self.percent(s, 1));
        out.push_str(&format!(
            "<table class=\"amounts\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            self.t("Pozycja", "Item"),
            self.t("Kwota", "Amount"),
            self.t("Udział w wartości projektu", "Share of the total")
        ));
        let spent_share = b
            .spent_share
            .map_or_else(String::new, |s| self.percent(s, 1));
        let rows = [
            (
                self.t("Wartość projektu", "Total value"),
                b.total,
                String::new(),
                true,
            ),
            (
                self.t("Wkład UE", "EU contribution"),
                b.eu_contribution,
                share(b.eu_share),
                false,
            ),
            (
                self.t("Wkład krajowy", "National contribution"),
                b.national_contribution,
                share(b.national_share),
                false,
            ),
            (self.t("Wydano", "Spent"), b.spent, spent_share, true),
            (
                self.t("Pozostało", "Remaining"),
                b.remaining,
                share(b.remaining_share),
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
                self.t("Wydatki według kategorii", "Spending by category"),
                self.t("Kategoria", "Category"),
                self.t("Wydano", "Spent")
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
        let b = &self.report.budget;
        const X0: i64 = 150;
        const W: i64 = 800;
        let title = self.t(
            "Budżet według źródeł finansowania i wykonanie",
            "The budget by source of funding, and its execution",
        );
        let desc = format!(
            "{}: {}; {}: {}; {}: {}; {}: {}; {}: {}.",
            self.t("Wartość projektu", "Total value"),
            self.amount(b.total),
            self.t("wkład UE", "EU contribution"),
            self.amount(b.eu_contribution),
            self.t("wkład krajowy", "national contribution"),
            self.amount(b.national_contribution),
            self.t("wydano", "spent"),
            self.amount(b.spent),
            self.t("pozostało", "remaining"),
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
                self.t("Źródła", "Sources"),
                (
                    self.t("Wkład UE", "EU contribution"),
                    b.eu_contribution,
                    "#1f4e9c",
                    "#fff",
                    b.eu_share,
                ),
                (
                    self.t("Wkład krajowy", "National contribution"),
                    b.national_contribution,
                    "#e0b64a",
                    "#1d2327",
                    b.national_share,
                ),
                14,
            ),
            (
                self.t("Wykonanie", "Execution"),
                (
                    self.t("Wydano", "Spent"),
                    b.spent,
                    "#00796b",
                    "#fff",
                    b.spent_share,
                ),
                (
                    self.t("Pozostało", "Remaining"),
                    b.remaining,
                    "#d3e6e3",
                    "#1d2327",
                    b.remaining_share,
                ),
                84,
            ),
        ];
        for (label, first, second, y) in rows {
            let w1 = first.4.map_or(0, |s| px_rate(s, W));
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
                "<rect x=\"{X0}\" y=\"{y}\" width=\"{W}\" height=\"28\" fill=\"none\" stroke=\"#1d2327\" stroke-width=\"1\"/>\n"
            ));
            // Percentages inside the segments, where they fit.
            let pct = |rate: Option<Rate>| rate.map_or_else(String::new, |s| self.percent(s, 1));
            if w1 >= 70 {
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" style=\"fill:{}\">{}</text>\n",
                    X0 + 8,
                    y + 19,
                    first.3,
                    pct(first.4)
                ));
            }
            if w2 >= 70 {
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" text-anchor=\"end\" style=\"fill:{}\">{}</text>\n",
                    X0 + W - 8,
                    y + 19,
                    second.3,
                    pct(second.4)
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
            self.t(
                "Wartość projektu według źródeł (wkład UE i wkład krajowy) oraz wydatki z faktów do dnia raportu.",
                "The total value by source (EU and national contribution), and the spending recorded in facts up to the report's date."
            )
        ));
    }

    /// Planned and spent per partner, on one scale.
    fn partner_chart(&self, out: &mut String) {
        let parts = &self.report.budget.by_partner;
        out.push_str(&format!(
            "<h3>{}</h3>\n",
            self.t(
                "Budżet i wydatki partnerów",
                "Partners' budgets and spending"
            )
        ));
        if parts.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n",
                self.t(
                    "Wersja w mocy nie dzieli budżetu między partnerów, a fakty nie zawierają wydatków partnerów.",
                    "The version in force does not split the budget among partners, and no partner spending is recorded."
                )
            ));
            return;
        }
        let max = self.report.budget.partners_scale;
        const W: i64 = 540;
        const ROW: i64 = 54;
        let height = 30 + ROW * i64::try_from(parts.len()).unwrap_or(0);
        let title = self.t(
            "Budżet i wydatki według partnerów",
            "Budget and spending by partner",
        );
        let desc: Vec<String> = parts
            .iter()
            .map(|p| {
                format!(
                    "{} – {}: {}, {}: {}",
                    self.partner(&p.partner),
                    self.t("plan", "planned"),
                    p.planned.map_or_else(
                        || self.t("nie podano", "not stated").to_owned(),
                        |a| self.amount(a)
                    ),
                    self.t("wydano", "spent"),
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
            "<rect x=\"0\" y=\"4\" width=\"14\" height=\"10\" fill=\"#c9d7ee\" stroke=\"#1f4e9c\"/><text x=\"20\" y=\"14\" font-size=\"13\">{}</text>\n<rect x=\"220\" y=\"4\" width=\"14\" height=\"10\" fill=\"#00796b\"/><text x=\"240\" y=\"14\" font-size=\"13\">{}</text>\n",
            self.t("plan w wersji w mocy", "planned in the version in force"),
            self.t("wydano do dnia raportu", "spent up to the report's date")
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
                        "<rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"11\" fill=\"#c9d7ee\" stroke=\"#1f4e9c\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"12.5\">{} {}</text>\n",
                        y + 18,
                        W + 12,
                        y + 28,
                        self.t("plan", "planned"),
                        self.amount(planned)
                    ));
                }
                None => out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"12.5\" style=\"fill:#5b6770\">{}</text>\n",
                    W + 12,
                    y + 28,
                    self.t(
                        "plan: nie podano w wersji w mocy",
                        "planned: not stated in the version in force"
                    )
                )),
            }
            let w = px_amount(p.spent, max, W);
            let share = p
                .share
                .map_or_else(String::new, |s| format!(" ({})", self.percent(s, 1)));
            out.push_str(&format!(
                "<rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"13\" fill=\"#00796b\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"12.5\">{} {}{share}</text>\n",
                y + 31,
                W + 12,
                y + 43,
                self.t("wydano", "spent"),
                self.amount(p.spent)
            ));
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<figcaption>{}</figcaption>\n</figure>\n",
            self.t(
                "Kwota partnera w budżecie wersji w mocy (jeśli ją podaje) i suma jego faktów o wydatkach; jedna skala dla wszystkich pasków.",
                "Each partner's amount in the budget of the version in force (where it states one) and the sum of its expenditure facts; one scale for all bars."
            )
        ));
    }

    fn milestones(&self, out: &mut String) {
        let r = self.report;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            self.t("Kamienie milowe", "Milestones")
        ));
        self.gantt(out);
        if r.milestones.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n</section>\n",
                self.t(
                    "Ta wersja nie ma kamieni milowych.",
                    "This version has no milestones."
                )
            ));
            return;
        }
        out.push_str(&format!(
            "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            self.t("Kamień", "Milestone"),
            self.t("Tytuł", "Title"),
            self.t("Okres", "Period"),
            self.t("Upłynęło dni", "Days passed"),
            self.t("Stan", "State")
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
            self.t(
                "Oś czasu projektu i kamieni milowych, stan na",
                "Timeline of the project and its milestones, as of"
            ),
            self.date(r.as_of)
        );
        let mut desc = vec![format!(
            "{}: {} – {}",
            self.t("Projekt", "Project"),
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
            "<rect x=\"{X0}\" y=\"{TOP}\" width=\"{W}\" height=\"{}\" fill=\"#f7f9fa\"/>\n",
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
                    "<line x1=\"{from}\" y1=\"{TOP}\" x2=\"{from}\" y2=\"{}\" stroke=\"#c3cbd2\" stroke-width=\"1\"/>\n",
                    bottom + 6
                ));
            }
            if to - from >= 36 {
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"12.5\" text-anchor=\"middle\" style=\"fill:#5b6770\">{year}</text>\n",
                    (from + to) / 2,
                    bottom + 19
                ));
            }
        }
        out.push_str(&format!(
            "<line x1=\"{X0}\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\" stroke=\"#1d2327\" stroke-width=\"1\"/>\n",
            X0 + W
        ));
        // The project's period, with the part that has passed.
        let y = TOP + 6;
        let (px0, px1) = (
            x(r.period.start()),
            x(r.period.end() + chrono::Days::new(1)),
        );
        let passed = px_rate(r.period_elapsed, px1 - px0);
        out.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{}</text>\n",
            y + 13,
            self.t("Projekt", "Project")
        ));
        out.push_str(&format!(
            "<rect x=\"{px0}\" y=\"{y}\" width=\"{}\" height=\"18\" fill=\"#cfd8dc\" stroke=\"#78909c\"><title>{}: {} – {}</title></rect>\n",
            (px1 - px0).max(2),
            self.t("Projekt", "Project"),
            self.date(r.period.start()),
            self.date(r.period.end())
        ));
        out.push_str(&format!(
            "<rect x=\"{px0}\" y=\"{y}\" width=\"{passed}\" height=\"18\" fill=\"#78909c\"/>\n"
        ));
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"13\">{} {}</text>\n",
            X0 + W + 12,
            y + 13,
            self.percent(r.period_elapsed, 0),
            self.t("okresu", "of the period")
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
                let done = px_rate(m.elapsed, mx1 - mx0);
                out.push_str(&format!(
                    "<rect x=\"{mx0}\" y=\"{y}\" width=\"{done}\" height=\"18\" fill=\"#1565c0\"/>\n"
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
        let label = format!("{} {}", self.t("stan na", "as of"), self.date(r.as_of));
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
                "<g class=\"as-of\"><line x1=\"{at}\" y1=\"{}\" x2=\"{at}\" y2=\"{}\" stroke=\"#c62828\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\"/>\n<text x=\"{at}\" y=\"18\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"{anchor}\" style=\"fill:#c62828\">▼ {}</text></g>\n",
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
                "<g class=\"as-of\"><text x=\"{at}\" y=\"18\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"{anchor}\" style=\"fill:#c62828\">{arrow} {} ({})</text></g>\n",
                esc(&label),
                self.t("poza osią", "outside the axis")
            ));
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<figcaption>{}</figcaption>\n</figure>\n",
            self.t(
                "Szary pasek: okres projektu (ciemniejsza część upłynęła). Kamienie milowe: zakończone ciemne, w trakcie niebieskie (ciemniejsza część upłynęła), nierozpoczęte jasne. Czerwona linia: dzień raportu.",
                "Grey bar: the project's period (the darker part has passed). Milestones: finished dark, running blue (the darker part has passed), not started light. Red line: the report's date."
            )
        ));
    }

    fn indicators(&self, out: &mut String) {
        let r = self.report;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            self.t("Wskaźniki", "Indicators")
        ));
        if r.indicators.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n</section>\n",
                self.t(
                    "Projekt nie ma wskaźników.",
                    "The project has no indicators."
                )
            ));
            return;
        }
        out.push_str(&format!(
            "<table class=\"indicators\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"bar\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            self.t("Wskaźnik", "Indicator"),
            self.t("Postęp względem celu", "Progress to target"),
            self.t("Wartość / cel", "Value / target"),
            self.t("Termin", "Due"),
            self.t("Status", "Status")
        ));
        for (n, i) in r.indicators.iter().enumerate() {
            let kind = match i.kind {
                IndicatorKind::Product => self.t("wskaźnik produktu", "product indicator"),
                IndicatorKind::Result => self.t("wskaźnik rezultatu", "result indicator"),
            };
            let note = i.note.as_deref().map_or_else(String::new, |note| {
                format!("<span class=\"note\">{}</span>", esc(note))
            });
            let value = i
                .value
                .map_or_else(|| "—".to_owned(), |v| self.indicator_value(i, v));
            let share = i.share_of_target.map_or_else(
                || self.t("nie oceniono", "not evaluated").to_owned(),
                |s| format!("{} {}", self.percent(s, 0), self.t("celu", "of target")),
            );
            let forecast = match (i.forecast, i.status) {
                (Some(f), Status::OnTrack | Status::AtRisk) => format!(
                    "<br><span class=\"small\">{} ▾ {}</span>",
                    self.t("prognoza", "forecast"),
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
            self.t(
                "Pasek: wartość względem celu (cały pasek = cel), w kolorze statusu. Znacznik ▾ i przerywana linia: prognoza na termin przy dotychczasowym tempie (dla wskaźników w toku).",
                "Bar: the value against the target (the whole bar is the target), in the status's colour. Mark ▾ and dashed line: the forecast at the due date at the pace so far (for open indicators)."
            )
        ));
    }

    /// One indicator's progress bar: the share of its target reached, in the
    /// colour of its status, with the forecast marked for open indicators.
    fn progress_bar(&self, n: usize, i: &IndicatorReport) -> String {
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
            self.t("celu", "of target"),
            self.status(i.status)
        );
        let mut svg = format!(
            "<svg viewBox=\"0 0 {W} 24\" role=\"img\" aria-labelledby=\"ind-{n}-title\"><title id=\"ind-{n}-title\">{}</title>",
            esc(&label)
        );
        svg.push_str(&format!(
            "<rect x=\"0.5\" y=\"6.5\" width=\"{}\" height=\"13\" rx=\"2\" fill=\"#eef1f3\" stroke=\"#b0bac3\"/>",
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
                "<line x1=\"{at}\" y1=\"4\" x2=\"{at}\" y2=\"22\" stroke=\"#1d2327\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/><path d=\"M{} 0 L{} 0 L{at} 5 Z\" fill=\"#1d2327\"/>",
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
            self.t(
                "Obszar i wskaźniki według województw",
                "Territory and indicators by voivodeship"
            )
        ));
        self.tile_map(out);
        if territory.voivodeships.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n",
                self.t(
                    "Plik projektu nie wymienia województw.",
                    "The project file lists no voivodeships."
                )
            ));
        } else {
            out.push_str(&format!(
                "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                self.t("Województwo", "Voivodeship"),
                self.t("Partner odpowiedzialny", "Responsible partner"),
                self.t("Powiaty (TERYT, gminy w projekcie)", "Powiats (TERYT, gminas in the project)")
            ));
            for v in &territory.voivodeships {
                let partner = v
                    .partner
                    .as_deref()
                    .map_or_else(|| "–".to_owned(), |p| esc(&self.organisation(p)));
                let powiats = if v.powiats.is_empty() {
                    format!(
                        "<span class=\"muted\">{}</span>",
                        self.t("bez wskazanych powiatów", "no powiats listed")
                    )
                } else {
                    v.powiats
                        .iter()
                        .map(|p| {
                            format!(
                                "<span class=\"nowrap\">{} ({}, {})</span>",
                                esc(&p.name),
                                esc(p.code.as_str()),
                                self.count(
                                    p.gminas.len(),
                                    "gmina",
                                    "gminy",
                                    "gmin",
                                    "gmina",
                                    "gminas"
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
        const TW: i64 = 228;
        const TH: i64 = 72;
        const GAP: i64 = 8;
        let voivodeships = &self.project.territory.voivodeships;
        let names: Vec<String> = voivodeships.iter().map(|v| v.name.clone()).collect();
        let title = self.t(
            "Mapa kafelkowa województw; województwa projektu wyróżnione",
            "Tile map of the voivodeships; the project's voivodeships highlighted",
        );
        let desc = format!(
            "{}: {}.",
            self.t("Województwa projektu", "The project's voivodeships"),
            if names.is_empty() {
                self.t("brak", "none").to_owned()
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
                        "<rect x=\"{x}\" y=\"{y}\" width=\"{TW}\" height=\"{TH}\" rx=\"5\" fill=\"#dbe8f6\" stroke=\"#1f4e9c\" stroke-width=\"2\"/>\n"
                    ));
                    out.push_str(&format!(
                        "<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
                        x + 10,
                        y + 24,
                        esc(&v.name)
                    ));
                    let powiats = if v.powiats.is_empty() {
                        self.t("cały region", "whole region").to_owned()
                    } else {
                        self.count(
                            v.powiats.len(),
                            "powiat",
                            "powiaty",
                            "powiatów",
                            "powiat",
                            "powiats",
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
                            "<text x=\"{}\" y=\"{}\" font-size=\"12\" style=\"fill:#5b6770\">{id}</text>\n",
                            x + 10,
                            y + 62
                        ));
                    }
                }
                None => {
                    out.push_str(&format!(
                        "<rect x=\"{x}\" y=\"{y}\" width=\"{TW}\" height=\"{TH}\" rx=\"5\" fill=\"#f3f5f7\" stroke=\"#d5dbe0\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"13\" style=\"fill:#7d8891\">{name}</text>\n",
                        x + 10,
                        y + 24
                    ));
                }
            }
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<figcaption>{}</figcaption>\n</figure>\n",
            self.t(
                "Województwa w przybliżonym położeniu; niebieskie należą do projektu (kod TERYT, liczba powiatów, partner).",
                "Voivodeships in their approximate places; blue ones belong to the project (TERYT code, number of powiats, partner)."
            )
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
            self.t("Wskaźniki według województw", "Indicators by voivodeship")
        ));
        if with.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n",
                self.t(
                    "Żaden wskaźnik nie ma jeszcze wartości w podziale na województwa.",
                    "No indicator has a value by voivodeship yet."
                )
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
            self.t("Województwo", "Voivodeship")
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
                self.t(
                    "Bez wartości w podziale na województwa",
                    "No value by voivodeship"
                ),
                without.join(", ")
            ));
        }
    }

    fn footer(&self, out: &mut String) {
        let f = &self.report.facts;
        let total = f.live;
        let kinds: Vec<String> = f
            .by_kind
            .iter()
            .map(|(kind, n)| format!("{} {n}", kind.name()))
            .collect();
        let facts = match self.lang {
            Lang::Pl => format!(
                "Fakty: {total} (wycofanych {}, powtórzonych {})",
                f.retracted, f.duplicates
            ),
            Lang::En => format!(
                "Facts: {total} (retracted {}, repeated {})",
                f.retracted, f.duplicates
            ),
        };
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
            self.t("Stan na", "As of"),
            self.date(self.report.as_of),
            self.t("wygenerowano programem", "generated by"),
            env!("CARGO_PKG_VERSION"),
            self.t(
                "Strona jest samodzielna: nie pobiera niczego z sieci.",
                "The page is self-contained: it loads nothing from the network."
            )
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
