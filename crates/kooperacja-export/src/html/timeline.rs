//! The milestones section: the timeline SVG of the project and its
//! milestones, and their table.

use maud::{Markup, html};

use super::*;

impl Page<'_> {
    pub(super) fn milestones(&self) -> Markup {
        let r = self.report;
        let lang = self.lang;
        html! {
            section {
                "\n"
                h2 { (label::MILESTONES.get(lang)) }
                "\n"
                (self.gantt())
                @if r.milestones.is_empty() {
                    p class="muted" { (label::THIS_VERSION_HAS_NO_MILESTONES.get(lang)) }
                    "\n"
                } @else {
                    table {
                        "\n"
                        thead {
                            tr {
                                th scope="col" { (label::MILESTONE_SHORT.get(lang)) }
                                th scope="col" { (label::TITLE.get(lang)) }
                                th scope="col" { (label::PERIOD.get(lang)) }
                                th scope="col" class="num" { (label::DAYS_PASSED_SHORT.get(lang)) }
                                th scope="col" { (label::STATE.get(lang)) }
                            }
                        }
                        "\n"
                        tbody {
                            "\n"
                            @for m in &r.milestones {
                                tr {
                                    th scope="row" class="id" { (m.id) }
                                    td lang=[self.source_lang()] { (m.title) }
                                    td class="nowrap" data-figure=(format!("milestone.{}.period", m.id)) {
                                        (present::short_period(lang, m.period))
                                    }
                                    td class="num" { (present::count(lang, u64::from(m.days_passed))) " / " (present::count(lang, u64::from(m.period.days()))) }
                                    td class={ "nowrap ms-" (m.state.machine()) } data-figure=(format!("milestone.{}.state", m.id)) { (self.state(m.state)) }
                                }
                                "\n"
                            }
                        }
                        "\n"
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    /// The timeline: the project's period and each milestone on one axis of
    /// days, with the report's date as a line.
    fn gantt(&self) -> Markup {
        let r = self.report;
        let lang = self.lang;
        let (as_of_colour, ink, line, muted, soft) = (
            palette::AS_OF.hex(),
            palette::INK.hex(),
            palette::LINE.hex(),
            palette::MUTED.hex(),
            palette::SOFT.hex(),
        );
        let running = palette::of_state(MilestoneState::Running).fill.hex();
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
        let title = format!("{} {}", label::TIMELINE_AS_OF.get(lang), self.date(r.as_of));
        let mut desc = vec![format!(
            "{}: {} – {}",
            label::PROJECT.get(lang),
            self.stated(r.period.start_stated()),
            self.stated(r.period.end_stated())
        )];
        for m in &r.milestones {
            desc.push(format!(
                "{}: {} – {}, {}",
                m.id,
                self.stated(m.period.start_stated()),
                self.stated(m.period.end_stated()),
                self.state(m.state)
            ));
        }
        // Years: a line at each 1 January (but the first) and the year's
        // number in its middle where it fits.
        let years: Vec<(i32, i64, i64, bool)> = (first.year()..=last.year())
            .filter_map(|year| {
                let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)?;
                let next = NaiveDate::from_ymd_opt(year + 1, 1, 1)?;
                let from = x(jan1.max(first));
                let to = x(next.min(last + chrono::Days::new(1)));
                Some((year, from, to, jan1 > first))
            })
            .collect();
        // The project's period, with the part that has passed.
        let y = TOP + 6;
        let (px0, px1) = (
            x(r.period.start()),
            x(r.period.end() + chrono::Days::new(1)),
        );
        let passed = px_rate(r.period_elapsed, px1 - px0);
        let as_of = format!("{} {}", label::AS_OF.get(lang), self.date(r.as_of));
        html! {
            figure {
                "\n"
                svg viewBox={ "0 0 960 " (height) } role="img" aria-labelledby="gantt-title gantt-desc" {
                    "\n"
                    title id="gantt-title" { (title) }
                    "\n"
                    desc id="gantt-desc" { (desc.join("; ")) "." }
                    "\n"
                    rect x=(X0) y=(TOP) width=(W) height=(rows * ROW) fill=(soft) {}
                    "\n"
                    @for (year, from, to, line_before) in years {
                        @if line_before {
                            line x1=(from) y1=(TOP) x2=(from) y2=(bottom + 6) stroke=(line) stroke-width="1" {}
                            "\n"
                        }
                        @if to - from >= 36 {
                            text x=((from + to) / 2) y=(bottom + 19) font-size="12.5" text-anchor="middle"
                                style={ "fill:" (muted) } { (year) }
                            "\n"
                        }
                    }
                    line x1=(X0) y1=(bottom) x2=(X0 + W) y2=(bottom) stroke=(ink) stroke-width="1" {}
                    "\n"
                    text x="0" y=(y + 13) font-size="14" font-weight="bold" { (label::PROJECT.get(lang)) }
                    "\n"
                    rect x=(px0) y=(y) width=((px1 - px0).max(2)) height="18" fill=(line) stroke=(muted) {
                        title {
                            (label::PROJECT.get(lang)) ": " (self.stated(r.period.start_stated())) " – "
                            (self.stated(r.period.end_stated()))
                        }
                    }
                    "\n"
                    rect x=(px0) y=(y) width=(passed) height="18" fill=(muted) {}
                    "\n"
                    text x=(X0 + W + 12) y=(y + 13) font-size="13" {
                        (present::share(self.lang, r.period_elapsed)) " " (label::OF_THE_PERIOD.get(lang))
                    }
                    "\n"
                    @for (n, m) in r.milestones.iter().enumerate() {
                        @let y = TOP + ROW * (1 + i64::try_from(n).unwrap_or(0)) + 6;
                        @let (mx0, mx1) = (x(m.period.start()), x(m.period.end() + chrono::Days::new(1)));
                        @let (fill, stroke) = state_colours(m.state);
                        @let is_running = m.state == MilestoneState::Running;
                        text x="0" y=(y + 13) font-size="14" font-weight="bold" { (m.id) }
                        "\n"
                        rect x=(mx0) y=(y) width=((mx1 - mx0).max(2)) height="18" fill=(fill) stroke=(stroke) {
                            title {
                                (m.id) ": " (self.stated(m.period.start_stated())) " – "
                                (self.stated(m.period.end_stated())) " (" (self.state(m.state)) ")"
                            }
                        }
                        "\n"
                        @if is_running {
                            @let done = px_rate(m.elapsed, mx1 - mx0);
                            rect x=(mx0) y=(y) width=(done) height="18" fill=(running) {}
                            "\n"
                        }
                        text x=(X0 + W + 12) y=(y + 13) font-size="13"
                            font-weight=[is_running.then_some("bold")] { (self.state(m.state)) }
                        "\n"
                    }
                    @if (first..=last).contains(&r.as_of) {
                        @let at = x(r.as_of + chrono::Days::new(1));
                        @let anchor = if at > X0 + W - 90 { "end" } else if at < X0 + 90 { "start" } else { "middle" };
                        g class="as-of" {
                            line x1=(at) y1=(TOP - 8) x2=(at) y2=(bottom + 4) stroke=(as_of_colour)
                                stroke-width="2.5" stroke-dasharray="6 3" {}
                            "\n"
                            text x=(at) y="18" font-size="13" font-weight="bold" text-anchor=(anchor)
                                style={ "fill:" (as_of_colour) } { "▼ " (as_of) }
                        }
                        "\n"
                    } @else {
                        @let (at, anchor, arrow) = if r.as_of < first { (X0, "start", "◀") } else { (X0 + W, "end", "▶") };
                        g class="as-of" {
                            text x=(at) y="18" font-size="13" font-weight="bold" text-anchor=(anchor)
                                style={ "fill:" (as_of_colour) } {
                                (arrow) " " (as_of) " (" (label::OUTSIDE_THE_AXIS.get(lang)) ")"
                            }
                        }
                        "\n"
                    }
                }
                "\n"
                figcaption { (label::TIMELINE_CAPTION.get(lang)) }
                "\n"
            }
            "\n"
        }
    }
}
