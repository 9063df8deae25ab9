//! The summary cards at the top of the page: period, spending, the running milestone, indicators by status.

use super::*;

impl Page<'_> {
    /// A thin horizontal bar for the summary cards.
    pub(super) fn mini_bar(&self, rate: Rate, colour: &str, label: &str) -> String {
        let c_line = palette::LINE.hex();
        let fill = px_rate(rate, 200);
        format!(
            "<svg viewBox=\"0 0 200 10\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>\
             <rect x=\"0\" y=\"0\" width=\"200\" height=\"10\" rx=\"3\" fill=\"{c_line}\"/>\
             <rect x=\"0\" y=\"0\" width=\"{fill}\" height=\"10\" rx=\"3\" fill=\"{colour}\"/></svg>\n",
            label = esc(label)
        )
    }

    pub(super) fn summary(&self, out: &mut String) {
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
}
