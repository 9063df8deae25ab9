//! The indicators section: one row per indicator with its progress bar and
//! status.

use maud::{Markup, html};

use super::*;

impl Page<'_> {
    pub(super) fn indicators(&self) -> Markup {
        let r = self.report;
        let lang = self.lang;
        html! {
            section {
                "\n"
                h2 { (label::INDICATORS.get(lang)) }
                "\n"
                @if r.indicators.is_empty() {
                    p class="muted" { (label::NO_INDICATORS.get(lang)) }
                    "\n"
                } @else {
                    table class="indicators" {
                        "\n"
                        thead {
                            tr {
                                th scope="col" { (label::INDICATOR.get(lang)) }
                                th scope="col" class="bar" { (label::PROGRESS_TO_TARGET.get(lang)) }
                                th scope="col" class="num" { (label::VALUE_AND_TARGET.get(lang)) }
                                th scope="col" { (label::DUE.get(lang)) }
                                th scope="col" { (label::STATUS.get(lang)) }
                            }
                        }
                        "\n"
                        tbody {
                            "\n"
                            @for (n, i) in r.indicators.iter().enumerate() {
                                (self.indicator_row(n, i))
                            }
                        }
                        "\n"
                    }
                    "\n"
                    p class="small" { (label::INDICATOR_BAR_CAPTION.get(lang)) }
                    "\n"
                }
            }
            "\n"
        }
    }

    /// One indicator's row: id, name, kind and note; its bar and share of
    /// target; value, target and forecast; due date; status.
    fn indicator_row(&self, n: usize, i: &IndicatorReport) -> Markup {
        let lang = self.lang;
        let kind = match i.kind {
            IndicatorKind::Product => label::PRODUCT_INDICATOR,
            IndicatorKind::Result => label::RESULT_INDICATOR_WORDS,
        };
        let value = i
            .value
            .map_or_else(|| "—".to_owned(), |v| self.indicator_value(i, v));
        let share = i.share_of_target.map_or_else(
            || label::NOT_EVALUATED_YET.get(lang).to_owned(),
            |s| present::share(self.lang, s),
        );
        // The English name where the file gives one, else the Polish, marked.
        let name_lang = match (lang, &i.name_en) {
            (Lang::En, Some(_)) => None,
            _ => self.source_lang(),
        };
        html! {
            tr class={ "st-row-" (status_class(i.status)) } {
                th scope="row" {
                    span class="id" { (i.id) }
                    span class="name" lang=[name_lang] { (self.indicator_name(i)) }
                    span class="kind" { (kind.get(lang)) }
                    @if let Some(split) = &i.by_sex {
                        span class="by-sex" { (kooperacja_core::participant::split_line(lang, split)) }
                    }
                    @if let Some(note) = &i.note {
                        span class="note" lang=[self.source_lang()] { (note) }
                    }
                }
                "\n"
                td class="bar" {
                    (self.progress_bar(n, i))
                    span class="small" { span data-figure=(format!("indicator.{}.share", i.id)) { (share) } @if i.share_of_target.is_some() { " " (label::OF_TARGET.get(lang)) } }
                }
                td class="num" {
                    span data-figure=(format!("indicator.{}.value", i.id)) { (value) } " / " span data-figure=(format!("indicator.{}.target", i.id)) { (self.target(i)) }
                    @if let (Some(f), Status::OnTrack | Status::AtRisk) = (i.forecast, i.status) {
                        br;
                        span class="small" {
                            (label::FORECAST_WORD.get(lang)) " ▾ " span data-figure=(format!("indicator.{}.forecast", i.id)) { (self.indicator_value(i, f)) }
                        }
                    }
                }
                td class="nowrap" data-figure=(format!("indicator.{}.due", i.id)) { (self.time(i.due)) }
                td { (self.badge(i.status, &i.id)) }
            }
            "\n"
        }
    }

    /// One indicator's progress bar: the share of its target reached, in the
    /// colour of its status, with the forecast marked for open indicators.
    fn progress_bar(&self, n: usize, i: &IndicatorReport) -> Markup {
        const W: i64 = 240;
        let ink = palette::INK.hex();
        let fill = i.share_of_target.map_or(0, |s| px_rate(s, W));
        let target = match i.target {
            Target::Count(t) => Decimal::from(t),
            Target::Share(r) => r.percent(),
        };
        let title = format!(
            "{}: {} {} ({})",
            i.id,
            i.share_of_target
                .map_or_else(|| "—".to_owned(), |s| present::share(self.lang, s)),
            label::OF_TARGET.get(self.lang),
            self.status(i.status)
        );
        let title_id = format!("ind-{n}-title");
        let forecast = match (i.forecast, i.status) {
            (Some(f), Status::OnTrack | Status::AtRisk) => Some(px(f, target, W).clamp(2, W - 2)),
            _ => None,
        };
        html! {
            svg viewBox={ "0 0 " (W) " 24" } role="img" aria-labelledby=(title_id) {
                title id=(title_id) { (title) }
                rect x="0.5" y="6.5" width=(W - 1) height="13" rx="2"
                    fill=(palette::SOFT.hex()) stroke=(palette::LINE.hex()) {}
                @if fill > 0 {
                    rect x="0" y="6" width=(fill) height="14" rx="2" fill=(status_colour(i.status))
                        data-figure=(format!("indicator.{}.bar", i.id)) {}
                }
                @if let Some(at) = forecast {
                    line x1=(at) y1="4" x2=(at) y2="22" stroke=(ink) stroke-width="1.5"
                        stroke-dasharray="3 2" {}
                    path d={ "M" (at - 4) " 0 L" (at + 4) " 0 L" (at) " 5 Z" } fill=(ink) {}
                }
            }
        }
    }
}
