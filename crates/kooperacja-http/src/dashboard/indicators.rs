//! The indicators panel: a tally by status, then each indicator with its
//! status written out and a bar of the share of its target reached (a tick at
//! the forecast), its value, target, due date and forecast.

use kooperacja_core::indicator::Target;
use kooperacja_core::participant;
use kooperacja_core::present::{self, Lang, label, palette};
use kooperacja_core::report::{IndicatorReport, Status};
use maud::{Markup, html};
use rust_decimal::Decimal;

use super::card::labelled_by;
use super::geometry::{METER, scale, scale_rate};
use super::{Entry, english, polish, style};

/// The indicators panel of a card.
pub(super) fn panel(entry: &Entry<'_>, anchor: &str, lang: Lang) -> Markup {
    let r = entry.report;
    html! {
        section.panel aria-labelledby=(labelled_by(anchor, "indicators")) {
            h3 id=(format!("{anchor}-indicators")) { (lang.text(label::INDICATORS)) }
            @if r.indicators.is_empty() {
                p.empty { (lang.text(label::NO_INDICATORS)) }
            } @else {
                p.tally {
                    @for status in Status::ALL {
                        @let n = r.indicators_with(status);
                        @if n > 0 {
                            span class=(format!("badge {}", style::status_class(status))) {
                                (lang.text(label::status(status))) ": " (present::count(lang, n))
                            }
                        }
                    }
                }
                ul.indicators {
                    @for i in &r.indicators { (indicator(i, lang)) }
                }
            }
        }
    }
}

/// A value of an indicator: a count, or a share given in per cent.
fn shown(i: &IndicatorReport, value: Decimal, lang: Lang) -> String {
    present::indicator_value(lang, i.target, Some(value))
}

fn indicator(i: &IndicatorReport, lang: Lang) -> Markup {
    let class = style::status_class(i.status);
    let filled = i.share_of_target.map_or(0, |s| scale_rate(s, METER));
    let target = match i.target {
        Target::Count(n) => Decimal::from(n),
        Target::Share(rate) => rate.percent(),
    };
    let target_text = present::indicator_target(lang, i.target);
    let shows_forecast = matches!(i.status, Status::OnTrack | Status::AtRisk);
    let forecast = i.forecast.filter(|_| shows_forecast);
    html! {
        li class=(class) {
            div.ind-head {
                span.ind-name {
                    @match (lang, i.name_en.as_deref()) {
                        (Lang::En, Some(en)) => (en),
                        _ => (polish(lang, &i.name)),
                    }
                }
                " "
                span class=(format!("badge {class}")) data-figure=(format!("indicator.{}.status", i.id)) { (lang.text(label::status(i.status))) }
            }
            svg.meter viewBox=(format!("0 0 {METER} 10")) preserveAspectRatio="none" aria-hidden="true" {
                rect width=(METER) height="10" fill=(palette::LINE.hex()) {}
                rect width=(filled) height="10" fill=(palette::of_status(i.status).fill.hex())
                    data-figure=(format!("indicator.{}.bar", i.id)) {}
                @if let Some(forecast) = forecast {
                    @let at = scale(forecast, target, METER).clamp(4, METER - 4);
                    rect x=(at - 3) width="6" height="10" fill=(palette::INK.hex()) opacity=".55" {}
                }
            }
            p.figures {
                strong {
                    span data-figure=(format!("indicator.{}.value", i.id)) { @match i.value { Some(v) => (shown(i, v, lang)), None => "—" } }
                    " / " span data-figure=(format!("indicator.{}.target", i.id)) { (target_text) }
                }
                @if lang == Lang::Pl && matches!(i.target, Target::Count(_)) && !i.unit.is_empty() {
                    " " (i.unit)
                }
                @if let Some(share) = i.share_of_target { " · " span data-figure=(format!("indicator.{}.share", i.id)) { (present::share(lang, share)) } }
                @let (before, after) = lang.text(label::DUE_ON_DATE).split_once("{0}").unwrap_or(("", ""));
                " · " (before) span data-figure=(format!("indicator.{}.due", i.id)) { (present::date(lang, i.due)) } (after)
                @if let Some(forecast) = forecast {
                    " · " (lang.text(label::FORECAST_AT_DUE)) ": " span data-figure=(format!("indicator.{}.forecast", i.id)) { (shown(i, forecast, lang)) }
                }
                " · " code { (i.id) }
            }
            @if let Some(split) = &i.by_sex {
                p.by-sex { (participant::split_line(lang, split)) }
            }
            @if let Some(note) = &i.note {
                p.note { (english(lang, note)) }
            }
        }
    }
}
