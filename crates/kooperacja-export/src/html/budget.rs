//! The budget section: the amounts table, the chart by source and
//! execution, and the partners' chart.

use maud::{Markup, html};

use super::*;

/// One segment of a stacked bar: its label, amount, fill and text colour,
/// and its share of the project value.
type Segment = (&'static str, Option<Amount>, String, String, Option<Rate>);

impl Page<'_> {
    pub(super) fn budget(&self) -> Markup {
        let b = &self.report.budget;
        let lang = self.lang;
        let share =
            |rate: Option<Rate>| rate.map_or_else(String::new, |s| present::share(self.lang, s));
        let spent_share = b
            .spent_share
            .map_or_else(String::new, |s| present::share(self.lang, s));
        let rows = [
            (
                "budget.total",
                label::PROJECT_VALUE,
                b.total,
                String::new(),
                true,
            ),
            (
                "budget.eu",
                label::EU_CONTRIBUTION,
                b.eu_contribution,
                share(b.eu_share),
                false,
            ),
            (
                "budget.national",
                label::NATIONAL_CONTRIBUTION,
                b.national_contribution,
                share(b.national_share),
                false,
            ),
            (
                "budget.spent",
                label::SPENT,
                Some(b.spent),
                spent_share,
                true,
            ),
            (
                "budget.remaining",
                label::REMAINING,
                b.remaining,
                share(b.remaining_share),
                false,
            ),
        ];
        html! {
            section {
                "\n"
                h2 { (label::BUDGET.get(lang)) }
                "\n"
                table class="amounts" {
                    "\n"
                    thead {
                        tr {
                            th scope="col" { (label::ITEM.get(lang)) }
                            th scope="col" class="num" { (label::AMOUNT.get(lang)) }
                            th scope="col" class="num" { (label::SHARE_OF_PROJECT_VALUE.get(lang)) }
                        }
                    }
                    "\n"
                    tbody {
                        "\n"
                        @for (figure, name, amount, share, strong) in rows {
                            tr {
                                @if strong {
                                    th scope="row" { strong { (name.get(lang)) } }
                                    td class="num" { strong data-figure=(figure) { (self.maybe_amount(amount)) } }
                                } @else {
                                    th scope="row" { (name.get(lang)) }
                                    td class="num" data-figure=(figure) { (self.maybe_amount(amount)) }
                                }
                                td class="num" data-figure=(format!("{figure}-share")) { (share) }
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
                "\n"
                @if !b.findings.is_empty() {
                    ul class="findings" {
                        "\n"
                        @for f in &b.findings {
                            // Core's finding messages are English.
                            li { code { (f.code) } " " span lang=[(lang != Lang::En).then_some("en")] { (f.message) } }
                            "\n"
                        }
                    }
                    "\n"
                }
                (self.budget_chart())
                div class="keep" {
                    "\n"
                    (self.partner_chart())
                }
                "\n"
                @if !b.by_category.is_empty() {
                    div class="keep" {
                        "\n"
                        h3 { (label::SPENDING_BY_CATEGORY.get(lang)) }
                        "\n"
                        table class="amounts" {
                            "\n"
                            thead {
                                tr {
                                    th scope="col" { (label::CATEGORY.get(lang)) }
                                    th scope="col" class="num" { (label::SPENT.get(lang)) }
                                }
                            }
                            "\n"
                            tbody {
                                "\n"
                                @for (category, amount) in &b.by_category {
                                    tr {
                                        th scope="row" { (self.source(category)) }
                                        td class="num" { (self.amount(*amount)) }
                                    }
                                    "\n"
                                }
                            }
                            "\n"
                        }
                        "\n"
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    /// Two stacked bars: the sources (EU and national) and the execution (spent
    /// and remaining) of the total.
    fn budget_chart(&self) -> Markup {
        let b = &self.report.budget;
        let lang = self.lang;
        const X0: i64 = 150;
        const W: i64 = 800;
        let white = "#fff".to_owned();
        let desc = format!(
            "{}: {}; {}: {}; {}: {}; {}: {}; {}: {}.",
            label::PROJECT_VALUE.get(lang),
            self.maybe_amount(b.total),
            label::EU_CONTRIBUTION_WORD.get(lang),
            self.maybe_amount(b.eu_contribution),
            label::NATIONAL_CONTRIBUTION_WORD.get(lang),
            self.maybe_amount(b.national_contribution),
            label::SPENT_WORD.get(lang),
            self.amount(b.spent),
            label::REMAINING_WORD.get(lang),
            self.maybe_amount(b.remaining)
        );
        let rows: [(&str, Segment, Segment, i64); 2] = [
            (
                label::SOURCES.get(lang),
                (
                    label::EU_CONTRIBUTION.get(lang),
                    b.eu_contribution,
                    palette::ACCENT.hex(),
                    white.clone(),
                    b.eu_share,
                ),
                (
                    label::NATIONAL_CONTRIBUTION.get(lang),
                    b.national_contribution,
                    palette::PLAN.hex(),
                    palette::INK.hex(),
                    b.national_share,
                ),
                14,
            ),
            (
                label::EXECUTION.get(lang),
                (
                    label::SPENT.get(lang),
                    Some(b.spent),
                    palette::SPENT.hex(),
                    white,
                    b.spent_share,
                ),
                (
                    label::REMAINING.get(lang),
                    b.remaining,
                    palette::LINE.hex(),
                    palette::INK.hex(),
                    b.remaining_share,
                ),
                84,
            ),
        ];
        // Percentages inside the segments, where they fit.
        let pct =
            |rate: Option<Rate>| rate.map_or_else(String::new, |s| present::share(self.lang, s));
        html! {
            figure {
                "\n"
                svg viewBox="0 0 960 150" role="img" aria-labelledby="budget-title budget-desc" {
                    "\n"
                    title id="budget-title" { (label::BUDGET_BY_SOURCE_AND_EXECUTION.get(lang)) }
                    "\n"
                    desc id="budget-desc" { (desc) }
                    "\n"
                    @for (name, first, second, y) in rows {
                        @let w1 = first.4.map_or(0, |s| px_rate(s, W));
                        @let w2 = (W - w1).max(0);
                        text x="0" y=(y + 19) font-size="15" font-weight="bold" { (name) }
                        "\n"
                        rect x=(X0) y=(y) width=(w1) height="28" fill=(first.2) {
                            title { (first.0) ": " (self.maybe_amount(first.1)) }
                        }
                        "\n"
                        rect x=(X0 + w1) y=(y) width=(w2) height="28" fill=(second.2) {
                            title { (second.0) ": " (self.maybe_amount(second.1)) }
                        }
                        "\n"
                        rect x=(X0) y=(y) width=(W) height="28" fill="none" stroke=(palette::INK.hex()) stroke-width="1" {}
                        "\n"
                        @if w1 >= 70 {
                            text x=(X0 + 8) y=(y + 19) font-size="14" font-weight="bold"
                                style={ "fill:" (first.3) } { (pct(first.4)) }
                            "\n"
                        }
                        @if w2 >= 70 {
                            text x=(X0 + W - 8) y=(y + 19) font-size="14" font-weight="bold"
                                text-anchor="end" style={ "fill:" (second.3) } { (pct(second.4)) }
                            "\n"
                        }
                        text x=(X0) y=(y + 46) font-size="13.5" {
                            tspan font-weight="bold" { (first.0) } " " (self.maybe_amount(first.1))
                        }
                        "\n"
                        text x=(X0 + W) y=(y + 46) font-size="13.5" text-anchor="end" {
                            tspan font-weight="bold" { (second.0) } " " (self.maybe_amount(second.1))
                        }
                        "\n"
                    }
                }
                "\n"
                figcaption { (label::BUDGET_CHART_CAPTION.get(lang)) }
                "\n"
            }
            "\n"
        }
    }

    /// Planned and spent per partner, on one scale.
    fn partner_chart(&self) -> Markup {
        let parts = &self.report.budget.by_partner;
        let lang = self.lang;
        let max = self.report.budget.partners_scale;
        const W: i64 = 540;
        const ROW: i64 = 54;
        let height = 30 + ROW * i64::try_from(parts.len()).unwrap_or(0);
        let desc: Vec<String> = parts
            .iter()
            .map(|p| {
                format!(
                    "{} – {}: {}, {}: {}",
                    self.partner(&p.partner),
                    label::PLANNED.get(lang),
                    match (p.in_plan, p.planned) {
                        (_, Some(a)) => self.amount(a),
                        (true, None) => self.maybe_amount(None),
                        (false, None) => label::NOT_STATED.get(lang).to_owned(),
                    },
                    label::SPENT_WORD.get(lang),
                    self.amount(p.spent)
                )
            })
            .collect();
        let (plan, accent, spent, muted) = (
            palette::PLAN.hex(),
            palette::ACCENT.hex(),
            palette::SPENT.hex(),
            palette::MUTED.hex(),
        );
        html! {
            h3 { (label::PARTNERS_BUDGETS_AND_SPENDING.get(lang)) }
            "\n"
            @if parts.is_empty() {
                p class="muted" { (label::NO_PARTNER_BUDGETS.get(lang)) }
                "\n"
            } @else {
                figure {
                    "\n"
                    svg viewBox={ "0 0 960 " (height) } role="img" aria-labelledby="partners-title partners-desc" {
                        "\n"
                        title id="partners-title" { (label::BUDGET_AND_SPENDING_BY_PARTNER.get(lang)) }
                        "\n"
                        desc id="partners-desc" { (desc.join("; ")) "." }
                        "\n"
                        rect x="0" y="4" width="14" height="10" fill=(plan) stroke=(accent) {}
                        text x="20" y="14" font-size="13" { (label::PLANNED_IN_VERSION_IN_FORCE.get(lang)) }
                        "\n"
                        rect x="220" y="4" width="14" height="10" fill=(spent) {}
                        text x="240" y="14" font-size="13" { (label::SPENT_UP_TO_REPORT_DATE.get(lang)) }
                        "\n"
                        @for (n, p) in parts.iter().enumerate() {
                            @let y = 30 + ROW * i64::try_from(n).unwrap_or(0);
                            text x="0" y=(y + 12) font-size="13.5" font-weight="bold" { (self.partner(&p.partner)) }
                            "\n"
                            @match p.planned {
                                Some(planned) => {
                                    rect x="0" y=(y + 18) width=(px_amount(planned, max, W)) height="11" fill=(plan) stroke=(accent) {}
                                    "\n"
                                    text x=(W + 12) y=(y + 28) font-size="12.5" {
                                        (label::PLANNED.get(lang)) " " (self.amount(planned))
                                    }
                                    "\n"
                                }
                                None if p.in_plan => {
                                    text x=(W + 12) y=(y + 28) font-size="12.5" style={ "fill:" (muted) } {
                                        (label::PLANNED.get(lang)) " " (self.maybe_amount(None))
                                    }
                                    "\n"
                                }
                                None => {
                                    text x=(W + 12) y=(y + 28) font-size="12.5" style={ "fill:" (muted) } {
                                        (label::PLAN_NOT_STATED.get(lang))
                                    }
                                    "\n"
                                }
                            }
                            rect x="0" y=(y + 31) width=(px_amount(p.spent, max, W)) height="13" fill=(spent) {}
                            "\n"
                            text x=(W + 12) y=(y + 43) font-size="12.5" {
                                (label::SPENT_WORD.get(lang)) " " (self.amount(p.spent))
                                @if let Some(s) = p.share { " (" (present::share(self.lang, s)) ")" }
                            }
                            "\n"
                        }
                    }
                    "\n"
                    figcaption { (label::PARTNER_CHART_CAPTION.get(lang)) }
                    "\n"
                }
                "\n"
            }
        }
    }
}
