//! The budget panel: the project's value, its EU and national parts, spent
//! and remaining, the budget's findings, two bars (spent of the value, EU of
//! the value), and spending by partner against each partner's plan.

use kooperacja_core::money::Amount;
use kooperacja_core::present::{self, Lang, Text, label, palette};
use maud::{Markup, html};

use super::card::labelled_by;
use super::geometry::{METER, scale_rate};
use super::{Entry, english, polish};

/// The budget panel of a card.
pub(super) fn panel(entry: &Entry<'_>, anchor: &str, lang: Lang) -> Markup {
    let b = &entry.report.budget;
    let row = |class: &str,
               figure: &str,
               text: Text,
               amount: Option<Amount>,
               extra: Option<Markup>| {
        html! {
            tr class=(class) {
                th scope="row" { (lang.text(text)) }
                td.amt { span data-figure=(figure) { (present::amount_or_unknown(lang, amount)) } @if let Some(extra) = extra { (extra) } }
            }
        }
    };
    html! {
        section.panel aria-labelledby=(labelled_by(anchor, "budget")) {
            h3 id=(format!("{anchor}-budget")) { (lang.text(label::BUDGET)) }
            table.sums {
                (row("total", "budget.total", label::PROJECT_VALUE, b.total, None))
                (row("part", "budget.eu", label::EU_CONTRIBUTION, b.eu_contribution, None))
                (row("part", "budget.national", label::NATIONAL_CONTRIBUTION, b.national_contribution, None))
                (row("spent", "budget.spent", label::SPENT, Some(b.spent),
                    b.spent_share.map(|s| html! { " " span.pct { "(" (present::share(lang, s)) ")" } })))
                (row("left", "budget.remaining", label::REMAINING, b.remaining, None))
            }
            @for f in &b.findings {
                p.finding { code { (f.code) } " " (english(lang, &f.message)) }
            }
            (stack(b.spent_share.map_or(0, |s| scale_rate(s, METER)), (palette::SPENT.hex(), palette::PLAN.hex()),
                (lang.text(label::SPENT), lang.text(label::REMAINING))))
            (stack(b.eu_share.map_or(0, |s| scale_rate(s, METER)), (palette::ACCENT.hex(), palette::PLAN.hex()),
                (lang.text(label::EU_CONTRIBUTION), lang.text(label::NATIONAL_CONTRIBUTION))))
            @if !b.by_partner.is_empty() {
                h4 { (lang.text(label::BY_PARTNER)) }
                table.partners {
                    thead { tr { th { (lang.text(label::PARTNER_PLAN_AND_SHARE_SPENT)) } th.amt { (lang.text(label::SPENT)) } } }
                    tbody {
                        @for p in &b.by_partner {
                            tr {
                                td {
                                    @match entry.project.organisation(&p.partner) {
                                        Some(o) => (polish(lang, &o.name)),
                                        None => (p.partner),
                                    }
                                    @if p.in_plan && p.planned.is_none() {
                                        span.plan { (lang.text(label::PLANNED)) " " (present::amount_or_unknown(lang, None)) }
                                    }
                                    @if let Some(planned) = p.planned {
                                        span.plan {
                                            (lang.text(label::PLANNED)) " " (present::amount(lang, planned))
                                            @if let Some(share) = p.share { " · " (present::share(lang, share)) }
                                        }
                                        @if let Some(share) = p.share {
                                            svg viewBox=(format!("0 0 {METER} 6")) preserveAspectRatio="none" aria-hidden="true" {
                                                rect width=(METER) height="6" fill=(palette::PLAN.hex()) {}
                                                rect width=(scale_rate(share, METER)) height="6" fill=(palette::SPENT.hex()) {}
                                            }
                                        }
                                    }
                                }
                                td.amt { (present::amount(lang, p.spent)) }
                            }
                        }
                    }
                }
                @if b.by_partner.iter().any(|p| !p.in_plan) {
                    p.legend { (lang.text(label::PLAN_WHERE_STATED)) }
                }
            }
        }
    }
}

/// A bar of two parts, the first `first` units of [`METER`] long, with a
/// legend below.
fn stack(first: i64, colours: (String, String), labels: (&str, &str)) -> Markup {
    let (a, b) = colours;
    html! {
        svg.stack viewBox=(format!("0 0 {METER} 14")) preserveAspectRatio="none" aria-hidden="true" {
            rect width=(METER) height="14" fill=(b) {}
            rect width=(first) height="14" fill=(a) {}
        }
        p.legend {
            span.sw style=(format!("background:{a}")) {} span { (labels.0) }
            span.sw style=(format!("background:{b}")) {} span { (labels.1) }
        }
    }
}
