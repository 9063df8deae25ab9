//! The milestone timeline: the project's period and each milestone as bars
//! of an SVG chart (one for wide screens, one for phones; CSS shows one), on a
//! time axis with the years marked and the report's date as a line; then the
//! same as a list that reads without the chart.

use chrono::{Datelike, NaiveDate};
use kooperacja_core::present::{self, Lang, label, palette};
use kooperacja_core::report::MilestoneReport;
use maud::{Markup, html};
use rust_decimal::Decimal;

use super::card::labelled_by;
use super::geometry::scale;
use super::{Entry, polish, style};

/// The size of a chart, in SVG units.
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

/// The rest of a chart's geometry, the same in both sizes.
const RIGHT: i64 = 14;
const TOP: i64 = 22;
const ROW: i64 = 26;
const BAR: i64 = 16;
const AXIS: i64 = 24;

/// The timeline panel of a card.
pub(super) fn panel(entry: &Entry<'_>, anchor: &str, lang: Lang) -> Markup {
    let r = entry.report;
    html! {
        section.panel.wide aria-labelledby=(labelled_by(anchor, "milestones")) {
            h3 id=(format!("{anchor}-milestones")) { (lang.text(label::TIMELINE_AND_MILESTONES)) }
            (gantt(entry, anchor, lang, WIDE))
            (gantt(entry, anchor, lang, NARROW))
            @if r.milestones.is_empty() {
                p.empty { (lang.text(label::NO_MILESTONES)) }
            } @else {
                ol.milestones {
                    @for m in &r.milestones {
                        li {
                            span.dot style=(format!("background:{}", palette::of_state(m.state).fill.hex())) {}
                            span.id { (m.id) }
                            " "
                            span.dates data-figure=(format!("milestone.{}.period", m.id)) { (present::period(lang, m.period)) }
                            " · "
                            span class=(style::state_class(m.state)) data-figure=(format!("milestone.{}.state", m.id)) { (lang.text(label::state(m.state))) }
                            span.title { (title_markup(entry, m, lang)) }
                        }
                    }
                }
            }
        }
    }
}

/// The milestone's English title, on the English page, if the project file
/// gives one.
fn title_en(entry: &Entry<'_>, m: &MilestoneReport, lang: Lang) -> Option<String> {
    if lang == Lang::Pl {
        return None;
    }
    entry
        .project
        .milestones_of(&entry.report.version)
        .into_iter()
        .find(|p| p.id == m.id)
        .and_then(|p| p.title_en)
}

fn title_markup(entry: &Entry<'_>, m: &MilestoneReport, lang: Lang) -> Markup {
    match title_en(entry, m, lang) {
        Some(en) => html! { (en) },
        None => polish(lang, &m.title),
    }
}

/// One row at `y`: a label, and a bar from `x.0` to `x.2` whose part up to
/// `x.1` is solid and the rest tinted; `tip` is its tooltip.
fn bar(
    g: Geometry,
    y: i64,
    label: &str,
    x: (i64, i64, i64),
    colours: (String, String),
    tip: &str,
) -> Markup {
    let (from, solid_to, to) = x;
    let (solid, tint) = colours;
    let label: String = if label.chars().count() > 10 {
        label.chars().take(9).chain(['…']).collect()
    } else {
        label.to_owned()
    };
    let width = (to - from).max(2);
    let solid_width = (solid_to - from).clamp(0, width);
    html! {
        g {
            title { (tip) }
            text x=(g.label - 8) y=(y + BAR - 3) font-size="12.5" font-weight="600" text-anchor="end" { (label) }
            rect x=(from) y=(y) width=(width) height=(BAR) rx="3" fill=(tint) stroke=(solid) {}
            @if solid_width > 0 {
                rect x=(from) y=(y) width=(solid_width) height=(BAR) rx="3" fill=(solid) {}
            }
        }
    }
}

/// The chart of the given geometry.
fn gantt(entry: &Entry<'_>, anchor: &str, lang: Lang, g: Geometry) -> Markup {
    let r = entry.report;
    let mut first = r.period.start().min(r.as_of);
    let mut last = r.period.end().max(r.as_of);
    for m in &r.milestones {
        first = first.min(m.period.start());
        last = last.max(m.period.end());
    }
    let total = Decimal::from((last - first).num_days() + 1);
    let plot = g.width - g.label - RIGHT;
    // The x of the start of the day `days` days after the first day.
    let x = |days: i64| g.label + scale(Decimal::from(days), total, plot);
    let offset = |date: NaiveDate| (date - first).num_days();
    let rows = i64::try_from(r.milestones.len()).unwrap_or(0) + 1;
    let bottom = TOP + rows * ROW;
    let height = bottom + AXIS;
    let title_id = format!("{anchor}-{}", g.class);
    // The years: a grid line at each 1 January (every `step` years), the year
    // beside it where there is room.
    let step = (last.year() - first.year()) / g.year_labels + 1;
    let first_tick =
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1).map_or(g.width, |d| x(offset(d)));
    let first_label = first_tick - g.label >= 40;
    let labels_from = if first_label { g.label + 40 } else { g.label };
    let mut ticks = Vec::new();
    let mut year = first.year() + step;
    while let Some(jan) = NaiveDate::from_ymd_opt(year, 1, 1).filter(|jan| *jan <= last) {
        let tick = x(offset(jan));
        ticks.push((tick, year, tick >= labels_from && tick + 32 <= g.width));
        year += step;
    }
    let start = offset(r.period.start());
    let period_bar = (
        x(start),
        x(start + i64::from(r.days_passed)),
        x(start + i64::from(r.period.days())),
    );
    // The report's date: a line at the end of that day, since its days passed
    // count the day itself.
    let today = x(offset(r.as_of) + 1);
    let (text_anchor, dx) = if today > g.label + plot / 2 {
        ("end", -4)
    } else {
        ("start", 4)
    };
    let as_of_text = format!(
        "{} {}",
        lang.text(label::AS_OF),
        present::date(lang, r.as_of)
    );
    let muted = palette::MUTED.hex();
    html! {
        svg class=(format!("gantt {}", g.class)) viewBox=(format!("0 0 {} {height}", g.width)) role="img" aria-labelledby=(title_id) {
            title id=(title_id) { (lang.text(label::TIMELINE)) ": " (present::period(lang, r.period)) ", " (as_of_text) }
            @if first_label {
                text x=(g.label + 3) y=(bottom + 15) font-size="11" fill=(muted) { (first.year()) }
            }
            @for (tick, year, labelled) in &ticks {
                line x1=(tick) y1=(TOP - 4) x2=(tick) y2=(bottom + 4) stroke=(palette::LINE.hex()) {}
                @if *labelled {
                    text x=(tick + 3) y=(bottom + 15) font-size="11" fill=(muted) { (year) }
                }
            }
            line x1=(g.label) y1=(bottom) x2=(g.width - RIGHT) y2=(bottom) stroke=(muted) {}
            (bar(g, TOP, lang.text(label::PERIOD), period_bar, (palette::MUTED.hex(), palette::LINE.hex()),
                &format!("{}: {}", lang.text(label::PROJECT_PERIOD), present::period(lang, r.period))))
            @for (row, m) in r.milestones.iter().enumerate() {
                @let y = TOP + ROW * (i64::try_from(row).unwrap_or(0) + 1);
                @let start = offset(m.period.start());
                @let swatch = palette::of_state(m.state);
                (bar(g, y, &m.id,
                    (x(start), x(start + i64::from(m.days_passed)), x(start + i64::from(m.period.days()))),
                    (swatch.fill.hex(), swatch.tint.hex()),
                    &format!("{}: {}, {} – {}", m.id, present::period(lang, m.period), lang.text(label::state(m.state)),
                        title_en(entry, m, lang).unwrap_or_else(|| m.title.clone()))))
            }
            line x1=(today) y1=(TOP - 8) x2=(today) y2=(bottom + 2) stroke=(palette::AS_OF.hex()) stroke-width="2" {}
            text x=(today + dx) y=(TOP - 10) font-size="11.5" font-weight="700" fill=(palette::AS_OF.hex()) text-anchor=(text_anchor) { (as_of_text) }
        }
    }
}
