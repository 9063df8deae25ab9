//! The milestones section: the timeline SVG of the project and its milestones, and their table.

use super::*;

impl Page<'_> {
    pub(super) fn milestones(&self, out: &mut String) {
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
    pub(super) fn gantt(&self, out: &mut String) {
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
}
