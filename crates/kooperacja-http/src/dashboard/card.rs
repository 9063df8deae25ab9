//! One project's card: its header (title, date, version in force), the tiles
//! (period, spending, milestone, indicators), the panels and the facts line.

use kooperacja_core::present::{self, Lang, label};
use kooperacja_core::project::VersionKind;
use kooperacja_core::report::{MilestoneState, Status};
use maud::{Markup, html};

use super::{Entry, budget, frame, indicators, polish, style, timeline};

/// The card of one entry; `anchor` is its fragment id.
pub(super) fn card(entry: &Entry<'_>, anchor: &str, lang: Lang) -> Markup {
    html! {
        article.project id=(anchor) data-project=(entry.report.project) aria-labelledby=(format!("{anchor}-title")) {
            (header(entry, anchor, lang))
            (tiles(entry, lang))
            div.panels {
                (timeline::panel(entry, anchor, lang))
                (indicators::panel(entry, anchor, lang))
                (budget::panel(entry, anchor, lang))
            }
            (facts(entry, lang))
        }
    }
}

/// The `aria-labelledby` of a panel of the card: the panel's heading and the
/// project's title, so that each landmark's name is unique on the page.
pub(super) fn labelled_by(anchor: &str, part: &str) -> String {
    format!("{anchor}-{part} {anchor}-title")
}

fn header(entry: &Entry<'_>, anchor: &str, lang: Lang) -> Markup {
    let r = entry.report;
    // On the English page, the kind of the version, since its label is
    // Polish; the Polish label says it already.
    let kind = entry
        .project
        .version(&r.version)
        .filter(|_| lang == Lang::En)
        .map(|(_, v)| match v.kind {
            VersionKind::Agreement => label::AGREEMENT,
            VersionKind::Amendment => label::AMENDMENT,
        });
    html! {
        header {
            h2 id=(format!("{anchor}-title")) { (frame::title(entry, lang)) }
            @if lang == Lang::En && entry.project.title_en.is_some() {
                p.alt lang="pl" { (r.title) }
            }
            p.meta {
                strong { (lang.text(label::AS_OF)) " " span data-figure="as-of" { (present::date(lang, r.as_of)) } }
                " · " (lang.text(label::VERSION_IN_FORCE)) ": "
                strong { (polish(lang, &r.version_label)) }
                @if let Some(kind) = kind { " (" (lang.text(kind)) ")" }
                " · " code { (r.project) }
            }
        }
    }
}

fn tile(key: &str, value: Markup, sub: Markup) -> Markup {
    html! {
        div.tile {
            span.k { (key) }
            span.v { (value) }
            span.s { (sub) }
        }
    }
}

fn tiles(entry: &Entry<'_>, lang: Lang) -> Markup {
    let r = entry.report;
    let b = &r.budget;
    let days = label::PERIOD_DAYS_PASSED.fill(
        lang,
        &[
            &present::count(lang, u64::from(r.days_passed)),
            &present::count(lang, u64::from(r.period.days())),
        ],
    );
    let current = r
        .milestones
        .iter()
        .find(|m| m.state == MilestoneState::Running)
        .or_else(|| {
            r.milestones
                .iter()
                .find(|m| m.state == MilestoneState::NotStarted)
        })
        .or_else(|| r.milestones.last());
    let achieved = r.indicators_with(Status::Achieved);
    let indicators = u64::try_from(r.indicators.len()).unwrap_or(u64::MAX);
    html! {
        div.tiles {
            (tile(lang.text(label::PERIOD),
                html! { span data-figure="period.share" { (present::share(lang, r.period_elapsed)) } },
                html! { (days) br; span data-figure="period" { (present::period(lang, r.period)) } }))
            (tile(lang.text(label::SPENT),
                html! { span data-figure="budget.spent-share" { @match b.spent_share { Some(s) => (present::share(lang, s)), None => "—" } } },
                html! { (label::PART_OF_WHOLE.fill(lang, &[&present::amount(lang, b.spent), &present::amount_or_unknown(lang, b.total)])) }))
            @match current {
                Some(m) => {
                    @let when = match m.state {
                        MilestoneState::Running => label::UNTIL.fill(lang, &[&present::stated_date(lang, m.period.end_stated())]),
                        MilestoneState::NotStarted => label::FROM_DATE.fill(lang, &[&present::stated_date(lang, m.period.start_stated())]),
                        MilestoneState::Finished => present::stated_date(lang, m.period.end_stated()),
                    };
                    (tile(lang.text(label::MILESTONE),
                        html! { (m.id) },
                        html! { span class=(style::state_class(m.state)) { (lang.text(label::state(m.state))) } " " (when) }))
                }
                None => (tile(lang.text(label::MILESTONE), html! { "—" }, html! { (lang.text(label::NO_MILESTONES)) })),
            }
            (tile(lang.text(label::INDICATORS),
                html! { (label::PART_OF_WHOLE.fill(lang, &[&present::count(lang, achieved), &present::count(lang, indicators)])) },
                html! { (lang.text(label::ACHIEVED_MANY)) }))
        }
    }
}

fn facts(entry: &Entry<'_>, lang: Lang) -> Markup {
    let f = &entry.report.facts;
    html! {
        p.facts {
            (label::FACTS_RETRACTED_REPEATED.fill(lang, &[&present::count(lang, f.live), &present::count(lang, f.retracted), &present::count(lang, f.duplicates)]))
            " · "
            a href=(super::upload::path(&entry.project.id, lang)) { (lang.text(label::UPLOAD_SHEET)) }
            " · "
            @if !entry.project.payment_schedule.is_empty() {
                a href=(super::claims::path(&entry.project.id, lang)) { (lang.text(label::CLAIM_SCHEDULE)) }
                " · "
            }
            a href="#top" { (lang.text(label::TO_THE_TOP)) }
        }
    }
}
