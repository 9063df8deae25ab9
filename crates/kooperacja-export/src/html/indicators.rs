//! The indicators section: one row per indicator with its progress bar and status.

use super::*;

impl Page<'_> {
    pub(super) fn indicators(&self, out: &mut String) {
        let r = self.report;
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            label::INDICATORS.get(self.lang)
        ));
        if r.indicators.is_empty() {
            out.push_str(&format!(
                "<p class=\"muted\">{}</p>\n</section>\n",
                label::NO_INDICATORS.get(self.lang)
            ));
            return;
        }
        out.push_str(&format!(
            "<table class=\"indicators\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"bar\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            label::INDICATOR.get(self.lang),
            label::PROGRESS_TO_TARGET.get(self.lang),
            label::VALUE_AND_TARGET.get(self.lang),
            label::DUE.get(self.lang),
            label::STATUS.get(self.lang)
        ));
        for (n, i) in r.indicators.iter().enumerate() {
            let kind = match i.kind {
                IndicatorKind::Product => label::PRODUCT_INDICATOR.get(self.lang),
                IndicatorKind::Result => label::RESULT_INDICATOR_WORDS.get(self.lang),
            };
            let note = i.note.as_deref().map_or_else(String::new, |note| {
                format!("<span class=\"note\">{}</span>", esc(note))
            });
            let value = i
                .value
                .map_or_else(|| "—".to_owned(), |v| self.indicator_value(i, v));
            let share = i.share_of_target.map_or_else(
                || label::NOT_EVALUATED_YET.get(self.lang).to_owned(),
                |s| format!("{} {}", self.percent(s, 0), label::OF_TARGET.get(self.lang)),
            );
            let forecast = match (i.forecast, i.status) {
                (Some(f), Status::OnTrack | Status::AtRisk) => format!(
                    "<br><span class=\"small\">{} ▾ {}</span>",
                    label::FORECAST_WORD.get(self.lang),
                    self.indicator_value(i, f)
                ),
                _ => String::new(),
            };
            out.push_str(&format!(
                "<tr class=\"st-row-{}\"><th scope=\"row\"><span class=\"id\">{}</span><span class=\"name\">{}</span><span class=\"kind\">{kind}</span>{note}</th>\n<td class=\"bar\">{}<span class=\"small\">{share}</span></td><td class=\"num\">{value} / {}{forecast}</td><td class=\"nowrap\">{}</td><td>{}</td></tr>\n",
                status_class(i.status),
                esc(&i.id),
                esc(self.indicator_name(i)),
                self.progress_bar(n, i),
                self.target(i),
                self.time(i.due).into_string(),
                self.badge(i.status)
            ));
        }
        out.push_str("</tbody>\n</table>\n");
        out.push_str(&format!(
            "<p class=\"small\">{}</p>\n</section>\n",
            label::INDICATOR_BAR_CAPTION.get(self.lang)
        ));
    }

    /// One indicator's progress bar: the share of its target reached, in the
    /// colour of its status, with the forecast marked for open indicators.
    pub(super) fn progress_bar(&self, n: usize, i: &IndicatorReport) -> String {
        let c_ink = palette::INK.hex();
        let c_line = palette::LINE.hex();
        let c_soft = palette::SOFT.hex();
        const W: i64 = 240;
        let colour = status_colour(i.status);
        let fill = i.share_of_target.map_or(0, |s| px_rate(s, W));
        let target = match i.target {
            Target::Count(t) => Decimal::from(t),
            Target::Share(r) => r.percent(),
        };
        let label = format!(
            "{}: {} {} ({})",
            i.id,
            i.share_of_target
                .map_or_else(|| "—".to_owned(), |s| self.percent(s, 0)),
            label::OF_TARGET.get(self.lang),
            self.status(i.status)
        );
        let mut svg = format!(
            "<svg viewBox=\"0 0 {W} 24\" role=\"img\" aria-labelledby=\"ind-{n}-title\"><title id=\"ind-{n}-title\">{}</title>",
            esc(&label)
        );
        svg.push_str(&format!(
            "<rect x=\"0.5\" y=\"6.5\" width=\"{}\" height=\"13\" rx=\"2\" fill=\"{c_soft}\" stroke=\"{c_line}\"/>",
            W - 1
        ));
        if fill > 0 {
            svg.push_str(&format!(
                "<rect x=\"0\" y=\"6\" width=\"{fill}\" height=\"14\" rx=\"2\" fill=\"{colour}\"/>"
            ));
        }
        if let (Some(f), Status::OnTrack | Status::AtRisk) = (i.forecast, i.status) {
            let at = px(f, target, W).clamp(2, W - 2);
            svg.push_str(&format!(
                "<line x1=\"{at}\" y1=\"4\" x2=\"{at}\" y2=\"22\" stroke=\"{c_ink}\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/><path d=\"M{} 0 L{} 0 L{at} 5 Z\" fill=\"{c_ink}\"/>",
                at - 4,
                at + 4
            ));
        }
        svg.push_str("</svg>");
        svg
    }
}
