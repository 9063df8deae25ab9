//! The page frame: the head with its style sheet, the forced-export warning, the header and the footer.

use super::*;

impl Page<'_> {
    pub(super) fn head(&self, out: &mut String) {
        let r = self.report;
        let title = format!(
            "{} · {} {}",
            r.title,
            label::AS_OF.get(self.lang),
            self.date(r.as_of)
        );
        out.push_str("<!DOCTYPE html>\n");
        out.push_str(&format!(
            "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
            self.lang.code()
        ));
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(&format!(
            "<meta name=\"generator\" content=\"kooperacja-export {}\">\n",
            env!("CARGO_PKG_VERSION")
        ));
        out.push_str(&format!("<title>{}</title>\n", esc(&title)));
        out.push_str("<style>");
        out.push_str(&style::style());
        out.push_str("</style>\n</head>\n");
    }

    pub(super) fn warning(&self, out: &mut String, warning: &str) {
        out.push_str(&format!(
            "<div class=\"warning\" role=\"alert\">\n<strong>⚠ {}</strong>\n<p>{}</p>\n</div>\n",
            label::EXPORTED_DESPITE_ERRORS.get(self.lang),
            esc(warning)
        ));
    }

    pub(super) fn header(&self, out: &mut String) {
        let r = self.report;
        out.push_str("<header>\n");
        out.push_str(&format!("<h1>{}</h1>\n", esc(&r.title)));
        if let (Lang::En, Some(en)) = (self.lang, &self.project.title_en) {
            out.push_str(&format!("<p class=\"subtitle\">{}</p>\n", esc(en)));
        }
        out.push_str(&format!(
            "<p class=\"meta\">{} <strong>{}</strong> · <strong>{} {}</strong></p>\n",
            label::PROJECT.get(self.lang),
            esc(&r.project),
            label::AS_OF.get(self.lang),
            self.time(r.as_of)
        ));
        out.push_str(&format!(
            "<p class=\"meta\">{} <strong>{}</strong> ({})</p>\n",
            label::VERSION_IN_FORCE_FIELD.get(self.lang),
            esc(&r.version),
            esc(&r.version_label)
        ));
        let programme = &self.project.programme;
        out.push_str(&format!(
            "<p class=\"meta\">{} {}, {} {} ({}) · {}</p>\n",
            label::PROGRAMME.get(self.lang),
            esc(&programme.short),
            label::ACTION_WORD.get(self.lang),
            esc(&programme.action),
            esc(&programme.action_name),
            esc(&programme.fund)
        ));
        if let Some(leader) = self
            .project
            .organisations
            .iter()
            .find(|o| o.role == PartnerRole::Leader)
        {
            out.push_str(&format!(
                "<p class=\"meta\">{} {}</p>\n",
                label::LEADER_FIELD.get(self.lang),
                esc(&leader.name)
            ));
        }
        out.push_str("</header>\n");
    }

    pub(super) fn footer(&self, out: &mut String) {
        let f = &self.report.facts;
        let total: u64 = f.by_kind.iter().map(|(_, n)| n).sum();
        let kinds: Vec<String> = f
            .by_kind
            .iter()
            .map(|(kind, n)| format!("{} {n}", kind.name()))
            .collect();
        let facts =
            label::FACTS_RETRACTED_REPEATED.fill(self.lang, &[&total, &f.retracted, &f.duplicates]);
        out.push_str("<footer>\n");
        out.push_str(&format!(
            "<p>{facts}{}</p>\n",
            if kinds.is_empty() {
                String::new()
            } else {
                format!(": {}", kinds.join(", "))
            }
        ));
        out.push_str(&format!(
            "<p>{} {}, {} kooperacja-export {}. {}</p>\n",
            label::AS_OF_SENTENCE.get(self.lang),
            self.date(self.report.as_of),
            label::GENERATED_BY.get(self.lang),
            env!("CARGO_PKG_VERSION"),
            label::SELF_CONTAINED_PAGE.get(self.lang)
        ));
        out.push_str("</footer>\n");
    }
}
