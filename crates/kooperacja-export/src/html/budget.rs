//! The budget section: the amounts table, the chart by source and execution, and the partners' chart.

use super::*;

impl Page<'_> {
    pub(super) fn budget(&self, out: &mut String) {
        let b = &self.report.budget;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            label::BUDGET.get(self.lang)
        ));
        let share = |part: Amount| {
            Rate::implied(part, b.total).map_or_else(String::new, |s| self.percent(s, 1))
        };
        out.push_str(&format!(
            "<table class=\"amounts\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            label::ITEM.get(self.lang),
            label::AMOUNT.get(self.lang),
            label::SHARE_OF_PROJECT_VALUE.get(self.lang)
        ));
        let spent_share = b
            .spent_share
            .map_or_else(String::new, |s| self.percent(s, 1));
        let rows = [
            (
                label::PROJECT_VALUE.get(self.lang),
                b.total,
                String::new(),
                true,
            ),
            (
                label::EU_CONTRIBUTION.get(self.lang),
                b.eu_contribution,
                share(b.eu_contribution),
                false,
            ),
            (
                label::NATIONAL_CONTRIBUTION.get(self.lang),
                b.national_contribution,
                share(b.national_contribution),
                false,
            ),
            (label::SPENT.get(self.lang), b.spent, spent_share, true),
            (
                label::REMAINING.get(self.lang),
                b.remaining,
                share(b.remaining),
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
                label::SPENDING_BY_CATEGORY.get(self.lang),
                label::CATEGORY.get(self.lang),
                label::SPENT.get(self.lang)
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
    pub(super) fn budget_chart(&self, out: &mut String) {
        let c_accent = palette::ACCENT.hex();
        let c_ink = palette::INK.hex();
        let c_line = palette::LINE.hex();
        let c_plan = palette::PLAN.hex();
        let c_spent = palette::SPENT.hex();
        let b = &self.report.budget;
        const X0: i64 = 150;
        const W: i64 = 800;
        let title = label::BUDGET_BY_SOURCE_AND_EXECUTION.get(self.lang);
        let desc = format!(
            "{}: {}; {}: {}; {}: {}; {}: {}; {}: {}.",
            label::PROJECT_VALUE.get(self.lang),
            self.amount(b.total),
            label::EU_CONTRIBUTION_WORD.get(self.lang),
            self.amount(b.eu_contribution),
            label::NATIONAL_CONTRIBUTION_WORD.get(self.lang),
            self.amount(b.national_contribution),
            label::SPENT_WORD.get(self.lang),
            self.amount(b.spent),
            label::REMAINING_WORD.get(self.lang),
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
                label::SOURCES.get(self.lang),
                (
                    label::EU_CONTRIBUTION.get(self.lang),
                    b.eu_contribution,
                    c_accent.as_str(),
                    "#fff",
                ),
                (
                    label::NATIONAL_CONTRIBUTION.get(self.lang),
                    b.national_contribution,
                    c_plan.as_str(),
                    c_ink.as_str(),
                ),
                14,
            ),
            (
                label::EXECUTION.get(self.lang),
                (
                    label::SPENT.get(self.lang),
                    b.spent,
                    c_spent.as_str(),
                    "#fff",
                ),
                (
                    label::REMAINING.get(self.lang),
                    b.remaining,
                    c_line.as_str(),
                    c_ink.as_str(),
                ),
                84,
            ),
        ];
        for (label, first, second, y) in rows {
            let w1 = px_amount(first.1, b.total, W);
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
                "<rect x=\"{X0}\" y=\"{y}\" width=\"{W}\" height=\"28\" fill=\"none\" stroke=\"{c_ink}\" stroke-width=\"1\"/>\n"
            ));
            // Percentages inside the segments, where they fit.
            let pct = |part: Amount| {
                Rate::implied(part, b.total).map_or_else(String::new, |s| self.percent(s, 1))
            };
            if w1 >= 70 {
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" style=\"fill:{}\">{}</text>\n",
                    X0 + 8,
                    y + 19,
                    first.3,
                    pct(first.1)
                ));
            }
            if w2 >= 70 {
                out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" text-anchor=\"end\" style=\"fill:{}\">{}</text>\n",
                    X0 + W - 8,
                    y + 19,
                    second.3,
                    pct(second.1)
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
            label::BUDGET_CHART_CAPTION.get(self.lang)
        ));
    }

    /// Planned and spent per partner, on one scale.
    pub(super) fn partner_chart(&self, out: &mut String) {
        let c_accent = palette::ACCENT.hex();
        let c_muted = palette::MUTED.hex();
        let c_plan = palette::PLAN.hex();
        let c_spent = palette::SPENT.hex();
        let parts = &self.report.budget.by_partner;
        out.push_str(&format!(
            "<h3>{}</h3>\n",
            label::PARTNERS_BUDGETS_AND_SPENDING.get(self.lang)
        ));
        if parts.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n",
                label::NO_PARTNER_BUDGETS.get(self.lang)
            ));
            return;
        }
        let max = parts
            .iter()
            .flat_map(|p| [p.planned, Some(p.spent)])
            .flatten()
            .max()
            .unwrap_or(Amount::from_grosze(0));
        const W: i64 = 540;
        const ROW: i64 = 54;
        let height = 30 + ROW * i64::try_from(parts.len()).unwrap_or(0);
        let title = label::BUDGET_AND_SPENDING_BY_PARTNER.get(self.lang);
        let desc: Vec<String> = parts
            .iter()
            .map(|p| {
                format!(
                    "{} – {}: {}, {}: {}",
                    self.partner(&p.partner),
                    label::PLANNED_WORD.get(self.lang),
                    p.planned.map_or_else(
                        || label::NOT_STATED.get(self.lang).to_owned(),
                        |a| self.amount(a)
                    ),
                    label::SPENT_WORD.get(self.lang),
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
            "<rect x=\"0\" y=\"4\" width=\"14\" height=\"10\" fill=\"{c_plan}\" stroke=\"{c_accent}\"/><text x=\"20\" y=\"14\" font-size=\"13\">{}</text>\n<rect x=\"220\" y=\"4\" width=\"14\" height=\"10\" fill=\"{c_spent}\"/><text x=\"240\" y=\"14\" font-size=\"13\">{}</text>\n",
            label::PLANNED_IN_VERSION_IN_FORCE.get(self.lang),
            label::SPENT_UP_TO_REPORT_DATE.get(self.lang)
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
                        "<rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"11\" fill=\"{c_plan}\" stroke=\"{c_accent}\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"12.5\">{} {}</text>\n",
                        y + 18,
                        W + 12,
                        y + 28,
                        label::PLANNED_WORD.get(self.lang),
                        self.amount(planned)
                    ));
                }
                None => out.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" font-size=\"12.5\" style=\"fill:{c_muted}\">{}</text>\n",
                    W + 12,
                    y + 28,
                    label::PLAN_NOT_STATED.get(self.lang)
                )),
            }
            let w = px_amount(p.spent, max, W);
            let share = p
                .share
                .map_or_else(String::new, |s| format!(" ({})", self.percent(s, 1)));
            out.push_str(&format!(
                "<rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"13\" fill=\"{c_spent}\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"12.5\">{} {}{share}</text>\n",
                y + 31,
                W + 12,
                y + 43,
                label::SPENT_WORD.get(self.lang),
                self.amount(p.spent)
            ));
        }
        out.push_str("</svg>\n");
        out.push_str(&format!(
            "<figcaption>{}</figcaption>\n</figure>\n",
            label::PARTNER_CHART_CAPTION.get(self.lang)
        ));
    }
}
