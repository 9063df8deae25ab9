//! The page frame: the head with its style sheet, the forced-export warning,
//! the header and the footer.

use maud::{Markup, PreEscaped, html};

use super::*;

impl Page<'_> {
    pub(super) fn head(&self) -> Markup {
        let r = self.report;
        let title = format!(
            "{} · {} {}",
            r.title,
            label::AS_OF.get(self.lang),
            self.date(r.as_of)
        );
        html! {
            head {
                "\n"
                meta charset="utf-8";
                "\n"
                meta name="viewport" content="width=device-width, initial-scale=1";
                "\n"
                meta name="generator" content=(format!("kooperacja-export {}", env!("CARGO_PKG_VERSION")));
                "\n"
                title { (title) }
                "\n"
                // The style sheet is this crate's own text, never data.
                style { (PreEscaped(style::style())) }
                "\n"
            }
            "\n"
        }
    }

    pub(super) fn warning(&self, warning: &str) -> Markup {
        html! {
            div class="warning" role="alert" {
                "\n"
                strong { "⚠ " (label::EXPORTED_DESPITE_ERRORS.get(self.lang)) }
                "\n"
                p { (warning) }
                "\n"
            }
            "\n"
        }
    }

    pub(super) fn header(&self) -> Markup {
        let r = self.report;
        let programme = &self.project.programme;
        let leader = self
            .project
            .organisations
            .iter()
            .find(|o| o.role == PartnerRole::Leader);
        html! {
            header {
                "\n"
                h1 lang=[self.source_lang()] { (r.title) }
                "\n"
                @if let (Lang::En, Some(en)) = (self.lang, &self.project.title_en) {
                    p class="subtitle" { (en) }
                    "\n"
                }
                p class="meta" {
                    (label::PROJECT.get(self.lang)) " " strong { (r.project) }
                    " · "
                    strong { (label::AS_OF.get(self.lang)) " " span data-figure="as-of" { (self.time(r.as_of)) } }
                }
                "\n"
                p class="meta" {
                    (label::VERSION_IN_FORCE_FIELD.get(self.lang)) " " strong { (r.version) }
                    " (" (self.source(&r.version_label)) ")"
                }
                "\n"
                p class="meta" {
                    (label::PROGRAMME.get(self.lang)) " " (programme.short) ", "
                    (label::ACTION_WORD.get(self.lang)) " " (programme.action)
                    " (" (self.source(&programme.action_name)) ") · "
                    (self.source(&programme.fund))
                }
                "\n"
                @if let Some(leader) = leader {
                    p class="meta" {
                        (label::LEADER_FIELD.get(self.lang)) " "
                        (self.source(&leader.name))
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    pub(super) fn footer(&self) -> Markup {
        let f = &self.report.facts;
        let total = f.live;
        let kinds: Vec<String> = f
            .by_kind
            .iter()
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        let facts =
            label::FACTS_RETRACTED_REPEATED.fill(self.lang, &[&total, &f.retracted, &f.duplicates]);
        html! {
            footer {
                "\n"
                p {
                    (facts)
                    @if !kinds.is_empty() { ": " (kinds.join(", ")) }
                }
                "\n"
                p {
                    (label::AS_OF_SENTENCE.get(self.lang)) " " (self.date(self.report.as_of)) ", "
                    (label::GENERATED_BY.get(self.lang)) " kooperacja-export "
                    (env!("CARGO_PKG_VERSION")) ". "
                    (label::SELF_CONTAINED_PAGE.get(self.lang))
                }
                "\n"
            }
            "\n"
        }
    }
}
