//! The claim schedule page of a project: every period of its payment
//! schedule (harmonogram płatności) with its kinds, its planned amounts and
//! where its claim stands (a draft, or filed on a day), as a plain table that
//! needs no script.
//!
//! Every word comes from [`label`], every date and amount from
//! [`present`]'s formats; what a claim's status is, from the server's store.
//! The page shows no figure of a claim (those hold counts of persons by sex
//! and need a token: `GET /v1/projects/{id}/claims/{n}`).

use chrono::NaiveDate;
use kooperacja_core::claim::{ClaimStatus, PlannedClaim};
use kooperacja_core::present::{self, Lang, label};
use kooperacja_core::project::Project;
use maud::{Markup, html};

use super::{View, frame};
use crate::upload::encode_segment;

/// One period of the schedule and where its claim stands.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The period as the schedule states it.
    pub planned: &'a PlannedClaim,
    /// Where its claim stands.
    pub status: ClaimStatus,
    /// The day it was filed, once filed.
    pub filed_on: Option<NaiveDate>,
}

/// The path of a project's claim schedule page, in `lang` (Polish, the
/// default, without a query).
pub fn path(project: &str, lang: Lang) -> String {
    let path = format!("/projects/{}/claims", encode_segment(project));
    if lang == Lang::default() {
        path
    } else {
        format!("{path}?lang={}", lang.code())
    }
}

/// The machine name of a status (`filed`), for the row's class.
fn machine(status: ClaimStatus) -> String {
    match serde_json::to_value(status) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

fn title(project: &Project, lang: Lang) -> &str {
    match (lang, project.title_en.as_deref()) {
        (Lang::En, Some(en)) => en,
        _ => &project.title,
    }
}

fn amount(lang: Lang, value: Option<kooperacja_core::money::Amount>) -> String {
    value.map(|a| present::amount(lang, a)).unwrap_or_default()
}

fn table(rows: &[Row<'_>], lang: Lang) -> Markup {
    html! {
        table.claims {
            thead {
                tr {
                    th scope="col" { (lang.text(label::NUMBER_ABBREVIATED)) }
                    th scope="col" { (lang.text(label::PERIOD)) }
                    th scope="col" { (lang.text(label::CLAIM_KINDS)) }
                    th scope="col" { (lang.text(label::PLANNED_EXPENDITURE)) }
                    th scope="col" { (lang.text(label::PLANNED_ADVANCE)) }
                    th scope="col" { (lang.text(label::CLAIM_STATUS)) }
                    th scope="col" { (lang.text(label::FILED_ON)) }
                }
            }
            tbody {
                @for row in rows {
                    tr class=(format!("claim-{}", machine(row.status))) data-claim=(row.planned.number) {
                        th scope="row" { (row.planned.number) }
                        td { (present::period(lang, row.planned.period)) }
                        td {
                            @for (i, kind) in row.planned.kinds.iter().enumerate() {
                                @if i > 0 { ", " }
                                (lang.text(label::claim_kind(*kind)))
                            }
                        }
                        td.num { (amount(lang, row.planned.planned_expenditure)) }
                        td.num { (amount(lang, row.planned.planned_advance)) }
                        td data-figure="status" { strong { (lang.text(label::claim_status(row.status))) } }
                        td { @if let Some(on) = row.filed_on { (present::date(lang, on)) } }
                    }
                }
            }
        }
    }
}

/// The claim schedule page of `project`: one row per period of its payment
/// schedule, in the view's language.
pub fn page(project: &Project, rows: &[Row<'_>], view: View) -> String {
    let lang = view.lang;
    let body = html! {
        main {
            section.project aria-labelledby="claims" {
                h2 #claims { (lang.text(label::CLAIM_SCHEDULE)) }
                p { (title(project, lang)) " · " code { (project.id) } }
                @if rows.is_empty() {
                    p { (lang.text(label::NO_PAYMENT_SCHEDULE_STATED)) }
                } @else {
                    (table(rows, lang))
                }
                (back(lang))
            }
        }
    };
    frame::page(view, body).into_string()
}

/// The page that says why there is no claim schedule to show (no such
/// project, a path that cannot be read).
pub fn refused_page(view: View, reason: &str) -> String {
    let lang = view.lang;
    let body = html! {
        main {
            section.project aria-labelledby="claims" {
                h2 #claims { (lang.text(label::CLAIM_SCHEDULE)) }
                p.reason { (reason) }
                (back(lang))
            }
        }
    };
    frame::page(view, body).into_string()
}

fn back(lang: Lang) -> Markup {
    html! {
        p {
            a href=(if lang == Lang::default() { "/".to_owned() } else { format!("/?lang={}", lang.code()) }) {
                (lang.text(label::BACK_TO_THE_DASHBOARD))
            }
        }
    }
}
