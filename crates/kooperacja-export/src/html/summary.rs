//! The summary cards at the top of the page: period, spending, the running
//! milestone, indicators by status.

use maud::{Markup, html};

use super::*;

impl Page<'_> {
    /// A thin horizontal bar for the summary cards.
    fn mini_bar(&self, rate: Rate, colour: &str, label: &str) -> Markup {
        let fill = px_rate(rate, 200);
        html! {
            svg viewBox="0 0 200 10" role="img" aria-label=(label) {
                title { (label) }
                rect x="0" y="0" width="200" height="10" rx="3" fill=(palette::LINE.hex()) {}
                rect x="0" y="0" width=(fill) height="10" rx="3" fill=(colour) {}
            }
            "\n"
        }
    }

    pub(super) fn summary(&self) -> Markup {
        let r = self.report;
        let lang = self.lang;
        let elapsed = r.period_elapsed;
        let b = &r.budget;
        let running: Vec<_> = r
            .milestones
            .iter()
            .filter(|m| m.state == MilestoneState::Running)
            .collect();
        html! {
            section class="cards" aria-label=(label::SUMMARY.get(lang)) {
                "\n"
                div class="card" {
                    "\n"
                    h2 { (label::PERIOD.get(lang)) }
                    "\n"
                    div class="big" data-figure="period.share" { (present::share(self.lang, elapsed)) }
                    "\n"
                    (self.mini_bar(
                        elapsed,
                        &palette::MUTED.hex(),
                        &format!("{} {}", label::ELAPSED.get(lang), present::share(self.lang, elapsed)),
                    ))
                    p class="small" {
                        (present::count(lang, u64::from(r.days_passed))) " " (label::OF.get(lang)) " " (present::count(lang, u64::from(r.period.days()))) " "
                        (label::DAYS_WORD.get(lang))
                    }
                    "\n"
                    p class="small" data-figure="period" {
                        (present::short_period(lang, r.period))
                    }
                    "\n"
                }
                "\n"
                div class="card" {
                    "\n"
                    h2 { (label::SPENT.get(lang)) }
                    "\n"
                    @match b.spent_share {
                        Some(share) => {
                            div class="big" data-figure="budget.spent-share" { (present::share(self.lang, share)) }
                            "\n"
                            (self.mini_bar(
                                share,
                                &palette::SPENT.hex(),
                                &format!("{} {}", label::SPENT.get(lang), present::share(self.lang, share)),
                            ))
                        }
                        None => { div class="big" { "—" } "\n" }
                    }
                    p class="small nowrap" { (self.amount(b.spent)) }
                    "\n"
                    p class="small nowrap" { (label::OF.get(lang)) " " (self.maybe_amount(b.total)) }
                    "\n"
                }
                "\n"
                div class="card" {
                    "\n"
                    h2 { (label::MILESTONE.get(lang)) }
                    "\n"
                    @if r.milestones.is_empty() {
                        div class="big" { "—" }
                        "\n"
                        p class="small" { (label::NO_MILESTONES.get(lang)) }
                        "\n"
                    } @else if running.is_empty() {
                        div class="big" { "—" }
                        "\n"
                        p class="small" { (label::NO_MILESTONE_RUNNING.get(lang)) }
                        "\n"
                    } @else {
                        @for m in running {
                            div class="big" { (m.id) }
                            "\n"
                            p class="small" {
                                (self.state(m.state)) " · " (label::UNTIL_WORD.get(lang)) " "
                                (self.short_stated(m.period.end_stated()))
                            }
                            "\n"
                        }
                    }
                }
                "\n"
                div class="card" {
                    "\n"
                    h2 { (label::INDICATORS.get(lang)) }
                    "\n"
                    ul class="legend" {
                        "\n"
                        @for status in Status::ALL {
                            @let n = r.indicators_with(status);
                            @if n > 0 {
                                li {
                                    span class="swatch" style=(format!("background:{}", status_colour(status))) {}
                                    (status_symbol(status)) " " (self.status(status)) " "
                                    strong { (present::count(lang, n)) }
                                }
                                "\n"
                            }
                        }
                        @if r.indicators.is_empty() {
                            li { (label::NO_INDICATORS_SHORT.get(lang)) }
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
}
