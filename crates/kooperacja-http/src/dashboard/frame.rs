//! The page around the cards: the head with the stylesheet, the masthead
//! (heading, the date picker, the language switch), the list of projects and
//! the footer.

use kooperacja_core::present::{self, Lang, label};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Entry, View, polish, style};

/// A whole page: head, masthead, `body` (the list of projects and the main
/// part), footer.
pub(super) fn page(view: View, body: Markup) -> Markup {
    let lang = view.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (lang.text(label::DASHBOARD_PAGE_TITLE)) }
                style { (PreEscaped(style::css())) }
            }
            body {
                (masthead(view))
                (body)
                (footer(lang))
            }
        }
    }
}

/// The query string of the page in `lang`, keeping a date asked for.
fn query(view: View, lang: Lang) -> String {
    let mut query = format!("?lang={}", lang.code());
    if view.asked {
        query.push_str("&as_of=");
        query.push_str(&view.as_of.to_string());
    }
    query
}

fn masthead(view: View) -> Markup {
    let lang = view.lang;
    html! {
        header.masthead #top {
            div.wrap {
                h1 { (lang.text(label::PROJECTS_STATUS)) }
                p { (label::DASHBOARD_SUBTITLE.fill(lang, &[&present::date(lang, view.as_of)])) }
                (date_picker(view))
                nav.switch aria-label=(lang.text(label::LANGUAGE)) {
                    @for other in Lang::ALL {
                        @if other == lang {
                            span aria-current="true" { (other.code().to_uppercase()) }
                        } @else {
                            a href=(query(view, other)) hreflang=(other.code()) lang=(other.code())
                                title=(other.text(label::LANGUAGE_OWN_NAME)) {
                                (other.code().to_uppercase())
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The date picker: a GET form that needs no script, keeping the language.
fn date_picker(view: View) -> Markup {
    let lang = view.lang;
    html! {
        form method="get" action="/" .picker {
            @if lang != Lang::default() {
                input type="hidden" name="lang" value=(lang.code());
            }
            label for="as-of" { (lang.text(label::REPORT_DATE)) }
            " "
            input type="date" id="as-of" name="as_of" value=(view.as_of.to_string()) required;
            " "
            button type="submit" { (lang.text(label::SHOW)) }
        }
    }
}

/// The list of the projects on the page, each with its report's date.
pub(super) fn projects_nav(entries: &[Entry<'_>], anchors: &[String], lang: Lang) -> Markup {
    html! {
        @if !entries.is_empty() {
            nav.projects aria-label=(lang.text(label::PROJECTS)) {
                div.wrap {
                    ul {
                        @for (entry, anchor) in entries.iter().zip(anchors) {
                            li {
                                a href=(format!("#{anchor}")) { (title(entry, lang)) }
                                " "
                                small { (lang.text(label::AS_OF)) " " (present::date(lang, entry.report.as_of)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The project's title in the page's language: the English title if there
/// is one, else the Polish title, marked as Polish on the English page.
pub(super) fn title(entry: &Entry<'_>, lang: Lang) -> Markup {
    match (lang, entry.project.title_en.as_deref()) {
        (Lang::En, Some(en)) => html! { (en) },
        _ => polish(lang, &entry.report.title),
    }
}

fn footer(lang: Lang) -> Markup {
    html! {
        footer {
            p {
                (lang.text(label::FIGURES_FROM_THE_REPORT)) " "
                (lang.text(label::SAME_DATA_IN_THE_API)) " "
                a href="/v1/projects" { code { "/v1/projects" } } ", "
                (lang.text(label::API_DESCRIPTION)) " "
                a href="/v1/openapi.json" { code { "/v1/openapi.json" } } "."
            }
        }
    }
}
