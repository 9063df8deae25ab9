//! The payment claim (wniosek o płatność) as one printable HTML page.
//!
//! The sections follow the central system's claim (SL2014, CST2021) in its
//! order: Postęp rzeczowy: wskaźniki produktu i rezultatu; Problemy;
//! Planowany przebieg realizacji; Postęp finansowy; Źródła finansowania
//! wydatków; Rozliczenie zaliczek; Zestawienie dokumentów; then Korekty when
//! the claim corrects an earlier one. Every figure is core's [`Claim`]; this
//! module only lays it out, with the report page's style sheet and print
//! rules for A4 (table heads repeated on every page, rows never split, page
//! numbers in the margin).
//!
//! ```
//! use kooperacja_core::{claim::ClaimBook, project::Project};
//! use kooperacja_export::{Lang, html::claim_html};
//! let project = std::sync::Arc::new(Project::parse(include_str!("../../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?);
//! let claim = ClaimBook::new(project.clone(), None, &[]).claim(1, &[])?;
//! let page = claim_html(&project, &claim, Lang::Pl, None);
//! assert!(page.contains("<h2>1. Postęp rzeczowy</h2>"));
//! assert!(page.contains("Wniosek o płatność nr 1 za okres 01.04.2018 r. – 30.06.2018 r."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use kooperacja_core::claim::{Claim, Corrected, PlannedClaim, Progress};
use kooperacja_core::money::Rounding;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::*;

/// What every section of the claim needs.
#[derive(Debug, Clone, Copy)]
struct ClaimPage<'a> {
    lang: Lang,
    project: &'a Project,
    claim: &'a Claim,
}

/// The claim as one self-contained, printable HTML page, in Polish or
/// English. `warning` (a claim exported with `--force` despite error
/// findings of the project) is shown first.
pub fn claim_html(project: &Project, claim: &Claim, lang: Lang, warning: Option<&str>) -> String {
    let page = ClaimPage {
        lang,
        project,
        claim,
    };
    let markup = html! {
        (DOCTYPE) "\n"
        html lang=(lang.code()) {
            "\n"
            (page.head())
            body {
                "\n"
                main class="claim" {
                    "\n"
                    @if let Some(w) = warning { (page.warning(w)) }
                    (page.header())
                    (page.material())
                    (page.problems())
                    (page.planned_course())
                    (page.financial())
                    (page.financing())
                    (page.advances())
                    (page.documents())
                    @if !claim.corrections.is_empty() { (page.corrections()) }
                    (page.footer())
                }
                "\n"
            }
            "\n"
        }
        "\n"
    };
    markup.into_string()
}

/// The words of a rounding.
fn rounding(rounding: Rounding) -> present::Text {
    match rounding {
        Rounding::Down => label::ROUNDING_DOWN,
        Rounding::HalfUp => label::ROUNDING_HALF_UP,
        Rounding::HalfEven => label::ROUNDING_HALF_EVEN,
    }
}

impl ClaimPage<'_> {
    fn t(&self, text: present::Text) -> &'static str {
        text.get(self.lang)
    }

    fn source(&self, text: &str) -> Markup {
        html! {
            @match self.lang {
                Lang::En => span lang="pl" { (text) },
                Lang::Pl => (text),
            }
        }
    }

    fn amount(&self, amount: Amount) -> String {
        present::amount(self.lang, amount)
    }

    fn maybe_amount(&self, amount: Option<Amount>) -> String {
        amount.map_or_else(String::new, |a| self.amount(a))
    }

    fn share(&self, rate: Option<Rate>) -> String {
        rate.map_or_else(String::new, |r| present::share(self.lang, r))
    }

    fn value(&self, value: Option<Decimal>) -> String {
        value.map_or_else(|| "—".to_owned(), |v| present::value(self.lang, v))
    }

    fn short_date(&self, date: NaiveDate) -> String {
        present::short_date(self.lang, date)
    }

    fn title(&self) -> String {
        let c = self.claim;
        label::CLAIM_FOR_PERIOD.fill(
            self.lang,
            &[&c.number, &present::period(self.lang, c.period)],
        )
    }

    fn partner(&self, id: &str) -> String {
        self.project
            .organisation(id)
            .map_or_else(|| id.to_owned(), |o| o.name.clone())
    }

    fn kinds(&self, kinds: &[kooperacja_core::claim::ClaimKind]) -> String {
        kinds
            .iter()
            .map(|k| label::claim_kind(*k).get(self.lang))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn head(&self) -> Markup {
        html! {
            head {
                "\n"
                meta charset="utf-8";
                "\n"
                meta name="viewport" content="width=device-width, initial-scale=1";
                "\n"
                meta name="generator" content=(format!("kooperacja-export {}", env!("CARGO_PKG_VERSION")));
                "\n"
                title { (self.title()) " · " (self.claim.project) }
                "\n"
                // The style sheets are this crate's own text, never data.
                style { (PreEscaped(style::style())) (PreEscaped(CLAIM_STYLE)) }
                "\n"
            }
            "\n"
        }
    }

    fn warning(&self, warning: &str) -> Markup {
        html! {
            div class="warning" role="alert" {
                "\n"
                strong { "⚠ " (self.t(label::EXPORTED_DESPITE_ERRORS)) }
                "\n"
                p { (warning) }
                "\n"
            }
            "\n"
        }
    }

    fn header(&self) -> Markup {
        let c = self.claim;
        let p = self.project;
        html! {
            header {
                "\n"
                h1 data-figure="claim.title" { (self.title()) }
                "\n"
                @match (self.lang, &p.title_en) {
                    (Lang::En, Some(en)) => p class="subtitle" { (en) },
                    _ => p class="subtitle" { (self.source(&p.title)) },
                }
                "\n"
                table class="fields" {
                    tbody {
                        tr { th scope="row" { (self.t(label::PROJECT)) } td { strong { (c.project) } } }
                        "\n"
                        tr { th scope="row" { (self.t(label::PROGRAMME)) } td { (p.programme.short) ", " (self.t(label::ACTION_WORD)) " " (p.programme.action) } }
                        "\n"
                        @if let Some(leader) = p.leader() {
                            tr { th scope="row" { (self.t(label::LEADER)) } td { (self.source(&leader.name)) } }
                            "\n"
                        }
                        tr { th scope="row" { (self.t(label::PERIOD)) } td data-figure="claim.period" { (present::period(self.lang, c.period)) } }
                        "\n"
                        tr { th scope="row" { (self.t(label::CLAIM_KINDS)) } td data-figure="claim.kinds" { (self.kinds(&c.kinds)) } }
                        "\n"
                        tr { th scope="row" { (self.t(label::CLAIM_STATUS)) } td { strong data-figure="claim.status" class={ "claim-status cs-" (claim_status_class(c.status)) } { (label::claim_status(c.status).get(self.lang)) } } }
                        "\n"
                        @if let Some(on) = c.filed_on {
                            tr { th scope="row" { (self.t(label::FILED_ON)) } td { (present::date(self.lang, on)) } }
                            "\n"
                        }
                        tr { th scope="row" { (self.t(label::VERSION_IN_FORCE)) } td { (c.version) } }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    }

    fn material(&self) -> Markup {
        html! {
            section id="material" {
                "\n"
                h2 { "1. " (self.t(label::CLAIM_MATERIAL_PROGRESS)) }
                "\n"
                h3 { (self.t(label::CLAIM_INDICATORS)) }
                "\n"
                @if self.claim.material.is_empty() {
                    p class="muted" { (self.t(label::NO_INDICATORS)) }
                } @else {
                    table class="claim-table material" {
                        thead { tr {
                            th scope="col" { (self.t(label::INDICATOR)) }
                            th scope="col" { (self.t(label::KIND)) }
                            th scope="col" { (self.t(label::UNIT)) }
                            th scope="col" class="num" { (self.t(label::TARGET)) }
                            th scope="col" class="num" { (self.t(label::IN_PERIOD)) }
                            th scope="col" class="num" { (self.t(label::CUMULATIVE)) }
                            th scope="col" class="num" { (self.t(label::SHARE_OF_TARGET)) }
                        } }
                        "\n"
                        @for i in &self.claim.material {
                            tbody class="keep" {
                                tr data-indicator=(i.id) {
                                    th scope="row" {
                                        span class="id" { (i.id) } " "
                                        @match (self.lang, &i.name_en) {
                                            (Lang::En, Some(en)) => span class="name" { (en) },
                                            _ => span class="name" { (self.source(&i.name)) },
                                        }
                                    }
                                    td { (match i.kind {
                                        IndicatorKind::Product => self.t(label::OUTPUT_INDICATOR),
                                        IndicatorKind::Result => self.t(label::RESULT_INDICATOR),
                                    }) }
                                    td { (self.source(&i.unit)) }
                                    td class="num" { (self.value(i.target)) }
                                    td class="num" data-figure=(format!("indicator.{}.in-period", i.id)) { (self.value(i.in_period)) }
                                    td class="num" data-figure=(format!("indicator.{}.cumulative", i.id)) { (self.value(i.cumulative)) }
                                    td class="num" { (self.share(i.share_of_target)) }
                                }
                                "\n"
                                @if !i.by_sex.is_empty() {
                                    @for s in &i.by_sex {
                                        tr class="sex" {
                                            th scope="row" { (s.sex.label().get(self.lang)) }
                                            td {} td {} td {}
                                            td class="num" { (present::count(self.lang, s.in_period)) }
                                            td class="num" { (present::count(self.lang, s.cumulative)) }
                                            td {}
                                        }
                                        "\n"
                                    }
                                    @if let Some(u) = &i.sex_unknown {
                                        tr class="sex" {
                                            th scope="row" { (self.t(label::SEX_UNKNOWN)) }
                                            td {} td {} td {}
                                            td class="num" { (present::count(self.lang, u.in_period)) }
                                            td class="num" { (present::count(self.lang, u.cumulative)) }
                                            td {}
                                        }
                                        "\n"
                                    }
                                    tr class="sex all" {
                                        th scope="row" { (self.t(label::SEX_TOTAL)) }
                                        td {} td {} td {}
                                        td class="num" { (self.value(i.in_period)) }
                                        td class="num" { (self.value(i.cumulative)) }
                                        td {}
                                    }
                                    "\n"
                                }
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    fn problems(&self) -> Markup {
        let findings = &self.claim.findings;
        html! {
            section id="problems" {
                "\n"
                h2 { "2. " (self.t(label::CLAIM_PROBLEMS)) }
                "\n"
                @if findings.is_empty() {
                    p data-figure="claim.no-problems" { (self.t(label::CLAIM_NO_PROBLEMS)) }
                    "\n"
                } @else {
                    table class="claim-table problems" {
                        thead { tr {
                            th scope="col" { (self.t(label::SEVERITY)) }
                            th scope="col" { (self.t(label::CODE)) }
                            th scope="col" { (self.t(label::MESSAGE)) }
                        } }
                        "\n"
                        tbody {
                            @for f in findings {
                                tr class={ "sev-" (severity_class(f.severity)) } {
                                    td class="nowrap" { (label::severity(f.severity).get(self.lang)) }
                                    td class="nowrap" { code { (f.code) } }
                                    td {
                                        // Core's finding messages are English.
                                        @match self.lang {
                                            Lang::Pl => span lang="en" { (f.message) },
                                            Lang::En => (f.message),
                                        }
                                        @if !f.path.is_empty() { span class="name" { (f.path) } }
                                    }
                                }
                                "\n"
                            }
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    fn planned_course(&self) -> Markup {
        let c = self.claim;
        let next: Option<&PlannedClaim> = self
            .project
            .payment_schedule
            .iter()
            .find(|p| p.number > c.number);
        let ahead: Vec<_> = self
            .project
            .milestones_of(&c.version)
            .into_iter()
            .filter(|m| m.period.end() > c.period.end())
            .collect();
        html! {
            section id="planned" {
                "\n"
                h2 { "3. " (self.t(label::CLAIM_PLANNED_COURSE)) }
                "\n"
                h3 { (self.t(label::NEXT_REPORTING_PERIOD)) }
                "\n"
                @match next {
                    None => { p { (self.t(label::LAST_REPORTING_PERIOD)) } "\n" },
                    Some(n) => {
                        table class="claim-table fields" {
                            tbody {
                                tr { th scope="row" { (self.t(label::NUMBER_ABBREVIATED)) } td { (n.number) } }
                                "\n"
                                tr { th scope="row" { (self.t(label::PERIOD)) } td { (present::period(self.lang, n.period)) } }
                                "\n"
                                tr { th scope="row" { (self.t(label::CLAIM_KINDS)) } td { (self.kinds(&n.kinds)) } }
                                "\n"
                                @if let Some(a) = n.planned_expenditure {
                                    tr { th scope="row" { (self.t(label::PLANNED_EXPENDITURE)) } td class="num" { (self.amount(a)) } }
                                    "\n"
                                }
                                @if let Some(a) = n.planned_advance {
                                    tr { th scope="row" { (self.t(label::PLANNED_ADVANCE)) } td class="num" { (self.amount(a)) } }
                                    "\n"
                                }
                            }
                        }
                        "\n"
                    },
                }
                h3 { (self.t(label::MILESTONES_AHEAD)) }
                "\n"
                @if ahead.is_empty() {
                    p { (self.t(label::NO_MILESTONES_AHEAD)) }
                    "\n"
                } @else {
                    table class="claim-table milestones" {
                        thead { tr {
                            th scope="col" { (self.t(label::NUMBER_ABBREVIATED)) }
                            th scope="col" { (self.t(label::MILESTONE)) }
                            th scope="col" { (self.t(label::PERIOD)) }
                        } }
                        "\n"
                        tbody {
                            @for m in &ahead {
                                tr {
                                    td { (m.number) }
                                    td {
                                        span class="id" { (m.id) } " "
                                        @match (self.lang, &m.title_en) {
                                            (Lang::En, Some(en)) => (en),
                                            _ => (self.source(&m.title)),
                                        }
                                    }
                                    td class="nowrap" { (present::short_period(self.lang, m.period)) }
                                }
                                "\n"
                            }
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    /// The four figure cells of a progress row: plan, period, cumulative, share.
    fn progress_cells(&self, p: &Progress, figure: &str) -> Markup {
        html! {
            td class="num" { (self.maybe_amount(p.plan)) }
            td class="num" data-figure=(format!("{figure}.in-period")) { (self.amount(p.in_period)) }
            td class="num" data-figure=(format!("{figure}.cumulative")) { (self.amount(p.cumulative)) }
            td class="num" { (self.share(p.share)) }
        }
    }

    fn progress_head(&self, first: &str) -> Markup {
        html! {
            thead { tr {
                th scope="col" { (first) }
                th scope="col" class="num" { (self.t(label::PLAN)) }
                th scope="col" class="num" { (self.t(label::IN_PERIOD)) }
                th scope="col" class="num" { (self.t(label::CUMULATIVE)) }
                th scope="col" class="num" { (self.t(label::SHARE_OF_PLAN)) }
            } }
            "\n"
        }
    }

    fn financial(&self) -> Markup {
        let f = &self.claim.financial;
        let first = format!("{} / {}", self.t(label::TASK), self.t(label::COST_LINE));
        let titles: BTreeMapTitles = self
            .project
            .tasks
            .iter()
            .map(|t| (t.number, (t.title.as_str(), t.title_en.as_deref())))
            .collect();
        html! {
            section id="financial" {
                "\n"
                h2 { "4. " (self.t(label::CLAIM_FINANCIAL_PROGRESS)) }
                "\n"
                table class="claim-table financial" {
                    (self.progress_head(&first))
                    @for t in &f.tasks {
                        tbody class="task" {
                            tr class="task-row" {
                                th scope="row" {
                                    (self.t(label::TASK)) " " (t.task) ". "
                                    @match (self.lang, titles.get(&t.task)) {
                                        (Lang::En, Some((_, Some(en)))) => (en),
                                        _ => (self.source(&t.title)),
                                    }
                                }
                                (self.progress_cells(&t.progress, &format!("task.{}", t.task)))
                            }
                            "\n"
                            @for l in &t.lines {
                                tr class="line" {
                                    th scope="row" {
                                        span class="id" { (l.id) } " " (self.source(&l.name))
                                        span class="name" { (self.source(&self.partner(&l.partner))) " · " (self.source(&l.category)) }
                                    }
                                    (self.progress_cells(&l.progress, &format!("line.{}", l.id)))
                                }
                                "\n"
                            }
                        }
                        "\n"
                    }
                    tbody class="sums" {
                        @if f.unassigned.cumulative != Amount::ZERO || f.unassigned.plan.is_some() {
                            tr { th scope="row" { (self.t(label::WITHOUT_COST_LINE)) } (self.progress_cells(&f.unassigned, "unassigned")) }
                            "\n"
                        }
                        tr class="sum" { th scope="row" { (self.t(label::DIRECT_COSTS)) } (self.progress_cells(&f.direct, "direct")) }
                        "\n"
                        tr { th scope="row" { (self.t(label::INDIRECT_COSTS)) } (self.progress_cells(&f.indirect, "indirect")) }
                        "\n"
                        tr class="sum total" { th scope="row" { (self.t(label::TOTAL)) } (self.progress_cells(&f.total, "total")) }
                        "\n"
                    }
                }
                "\n"
                @if !f.by_partner.is_empty() {
                    h3 { (self.t(label::BY_PARTNER)) }
                    "\n"
                    table class="claim-table by-partner" {
                        (self.progress_head(self.t(label::PARTNER)))
                        tbody {
                            @for (id, p) in &f.by_partner {
                                tr { th scope="row" { (self.source(&self.partner(id))) } (self.progress_cells(p, &format!("partner.{id}"))) }
                                "\n"
                            }
                        }
                    }
                    "\n"
                }
                @if !f.by_category.is_empty() {
                    h3 { (self.t(label::BY_COST_CATEGORY)) }
                    "\n"
                    table class="claim-table by-category" {
                        (self.progress_head(self.t(label::COST_CATEGORY)))
                        tbody {
                            @for (category, p) in &f.by_category {
                                tr { th scope="row" { (self.source(category)) } (self.progress_cells(p, &format!("category.{category}"))) }
                                "\n"
                            }
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    fn financing(&self) -> Markup {
        let total = &self.claim.financial.total;
        html! {
            section id="financing" class="keep" {
                "\n"
                h2 { "5. " (self.t(label::CLAIM_SOURCES_OF_FINANCING)) }
                "\n"
                table class="claim-table financing" {
                    thead { tr {
                        th scope="col" { (self.t(label::SOURCE)) }
                        th scope="col" class="num" { (self.t(label::IN_PERIOD)) }
                        th scope="col" class="num" { (self.t(label::CUMULATIVE)) }
                        th scope="col" { (self.t(label::ROUNDING)) }
                    } }
                    "\n"
                    tbody {
                        @for s in &self.claim.financing {
                            tr {
                                th scope="row" { (label::funding_source(s.source).get(self.lang)) }
                                td class="num" { (self.amount(s.in_period)) }
                                td class="num" { (self.amount(s.cumulative)) }
                                td class="muted" { (if s.derived { label::REMAINDER_OF_TOTAL } else { rounding(s.rounding) }.get(self.lang)) }
                            }
                            "\n"
                        }
                        tr class="sum total" {
                            th scope="row" { (self.t(label::TOTAL)) }
                            td class="num" { (self.amount(total.in_period)) }
                            td class="num" { (self.amount(total.cumulative)) }
                            td {}
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    }

    fn advances(&self) -> Markup {
        let a = &self.claim.advances;
        let rows = [
            (
                "advances.received-before",
                label::ADVANCES_RECEIVED_BEFORE,
                a.received_before,
            ),
            (
                "advances.received-in-period",
                label::ADVANCES_RECEIVED_IN_PERIOD,
                a.received_in_period,
            ),
            (
                "advances.settled-before",
                label::ADVANCE_SETTLED_BEFORE,
                a.settled_before,
            ),
            (
                "advances.settled-in-period",
                label::ADVANCE_SETTLED_NOW,
                a.settled_in_period,
            ),
            ("advances.to-settle", label::ADVANCE_TO_SETTLE, a.to_settle),
            ("advances.refund-asked", label::REFUND_ASKED, a.refund_asked),
        ];
        html! {
            section id="advances" class="keep" {
                "\n"
                h2 { "6. " (self.t(label::CLAIM_ADVANCES)) }
                "\n"
                table class="claim-table amounts" {
                    tbody {
                        @for (figure, name, amount) in rows {
                            tr {
                                th scope="row" { (name.get(self.lang)) }
                                td class="num" data-figure=(figure) { (self.amount(amount)) }
                            }
                            "\n"
                        }
                    }
                }
                "\n"
            }
            "\n"
        }
    }

    fn documents(&self) -> Markup {
        let docs = &self.claim.documents;
        html! {
            section id="documents" {
                "\n"
                h2 { "7. " (self.t(label::CLAIM_DOCUMENTS)) }
                "\n"
                @if docs.is_empty() {
                    p { (self.t(label::NO_DOCUMENTS_IN_PERIOD)) }
                    "\n"
                } @else {
                    table class="claim-table documents" {
                        thead { tr {
                            th scope="col" class="num" { (self.t(label::NUMBER_ABBREVIATED)) }
                            th scope="col" { (self.t(label::DOCUMENT_NUMBER)) }
                            th scope="col" { (self.t(label::DOCUMENT_ISSUER)) }
                            th scope="col" { (self.t(label::DATE_OF_ISSUE)) }
                            th scope="col" { (self.t(label::DATE_OF_PAYMENT)) }
                            th scope="col" class="num" { (self.t(label::GROSS_AMOUNT)) }
                            th scope="col" class="num" { (self.t(label::ELIGIBLE_AMOUNT)) }
                            th scope="col" class="num" { (self.t(label::VAT_AMOUNT)) }
                            th scope="col" { (self.t(label::TASK)) " / " (self.t(label::COST_LINE)) }
                            th scope="col" { (self.t(label::PAID_BY)) }
                        } }
                        "\n"
                        tbody {
                            @for (n, d) in (1_u32..).zip(docs) {
                                tr data-fact=(d.fact) {
                                    td class="num" { (n) }
                                    td { (d.number) }
                                    td { (d.issuer.as_deref().unwrap_or("")) }
                                    td class="nowrap" { (d.issued.map(|x| self.short_date(x)).unwrap_or_default()) }
                                    td class="nowrap" { (self.short_date(d.paid)) }
                                    td class="num" { (self.maybe_amount(d.gross)) }
                                    td class="num" { (self.amount(d.eligible)) }
                                    td class="num" { (self.maybe_amount(d.vat)) }
                                    td class="nowrap" {
                                        @match (d.task, &d.line) {
                                            (_, Some(line)) => (line),
                                            (Some(task), None) => (task),
                                            (None, None) => "",
                                        }
                                        span class="name" { (self.source(&d.category)) }
                                    }
                                    td { (self.source(&self.partner(&d.partner))) }
                                }
                                "\n"
                            }
                            tr class="sum total" {
                                th scope="row" colspan="6" { (self.t(label::TOTAL)) }
                                td class="num" data-figure="documents.eligible" { (self.amount(self.claim.financial.direct.in_period)) }
                                td colspan="3" {}
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
    }

    fn corrections(&self) -> Markup {
        html! {
            section id="corrections" {
                "\n"
                h2 { "8. " (self.t(label::CLAIM_CORRECTIONS)) }
                "\n"
                table class="claim-table corrections" {
                    thead { tr {
                        th scope="col" { (self.t(label::CORRECTED_CLAIM)) }
                        th scope="col" { (self.t(label::ITEM)) }
                        th scope="col" class="num" { (self.t(label::AS_FILED)) }
                        th scope="col" class="num" { (self.t(label::NOW_FROM_FACTS)) }
                        th scope="col" class="num" { (self.t(label::DIFFERENCE)) }
                        th scope="col" { (self.t(label::RETRACTED_FACTS)) }
                    } }
                    "\n"
                    tbody {
                        @for c in &self.claim.corrections {
                            @let money = matches!(c.subject, Corrected::Expenditure { .. });
                            @let figure = |v: Decimal| if money {
                                Amount::from_decimal(v).map_or_else(|| present::value(self.lang, v), |a| self.amount(a))
                            } else {
                                present::value(self.lang, v)
                            };
                            tr {
                                td class="num" { (c.corrects) }
                                td { (self.subject(&c.subject)) }
                                td class="num" { (figure(c.filed)) }
                                td class="num" { (figure(c.now)) }
                                td class="num" { (figure(c.difference)) }
                                td { code { (c.retracted.join(", ")) } }
                            }
                            "\n"
                        }
                    }
                }
                "\n"
            }
            "\n"
        }
    }

    /// What a correction corrects, for people.
    fn subject(&self, subject: &Corrected) -> String {
        match subject {
            Corrected::Indicator { id } => format!("{} {id}", self.t(label::INDICATOR)),
            Corrected::Expenditure {
                line: Some(line), ..
            } => {
                format!("{} {line}", self.t(label::COST_LINE))
            }
            Corrected::Expenditure {
                task: Some(task),
                line: None,
            } => label::TASK_WITHOUT_LINE.fill(self.lang, &[task]),
            Corrected::Expenditure {
                task: None,
                line: None,
            } => self.t(label::WITHOUT_COST_LINE).to_owned(),
        }
    }

    fn footer(&self) -> Markup {
        let excluded: Vec<String> = self
            .claim
            .excluded
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect();
        html! {
            footer {
                "\n"
                @if !excluded.is_empty() {
                    p { (label::CLAIM_FACTS_EXCLUDED.fill(self.lang, &[&excluded.join(", ")])) }
                    "\n"
                }
                p {
                    (self.title()) " · "
                    (self.t(label::GENERATED_BY)) " kooperacja-export "
                    (env!("CARGO_PKG_VERSION")) ". "
                    (self.t(label::SELF_CONTAINED_PAGE))
                }
                "\n"
            }
            "\n"
        }
    }
}

/// Task numbers to their Polish and English titles.
type BTreeMapTitles<'a> = std::collections::BTreeMap<u32, (&'a str, Option<&'a str>)>;

/// A CSS class name for a claim status (`draft`).
fn claim_status_class(status: kooperacja_core::claim::ClaimStatus) -> &'static str {
    use kooperacja_core::claim::ClaimStatus;
    match status {
        ClaimStatus::Draft => "draft",
        ClaimStatus::Filed => "filed",
        ClaimStatus::Returned => "returned",
        ClaimStatus::Corrected => "corrected",
        ClaimStatus::Approved => "approved",
    }
}

/// A CSS class name for a severity (`error`).
fn severity_class(severity: kooperacja_core::validate::Severity) -> &'static str {
    use kooperacja_core::validate::Severity;
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The claim's own rules, after the report's style sheet: compact tables,
/// A4 print with repeated heads and page numbers.
const CLAIM_STYLE: &str = r#"
main.claim { max-width: 1120px; }
main.claim h1 { font-size: 23px; }
main.claim h2 { font-size: 17px; margin-top: 24px; }
table.fields { width: auto; margin: 8px 0 4px; font-size: 13.5px; }
table.fields th { padding: 2px 16px 2px 0; border: 0; color: var(--muted); font-weight: normal; white-space: nowrap; }
table.fields td { padding: 2px 0; border: 0; }
table.claim-table { font-size: 12.5px; }
table.claim-table th, table.claim-table td { padding: 4px 6px; }
table.claim-table thead th { font-size: 11.5px; background: var(--soft); white-space: normal; }
table.claim-table .name { font-size: 0.92em; }
table.problems td:last-child { width: 62%; }
table.documents td:nth-child(2), table.documents td:nth-child(3) { white-space: nowrap; }
table.documents td:last-child { min-width: 14em; }
table.material th[scope="row"] { width: 46%; }
table.material .name { display: inline; font-size: inherit; color: var(--ink); }
table.material tr.sex th, table.material tr.sex td { padding-top: 1px; padding-bottom: 1px; border-bottom: 0; font-size: 11.5px; color: var(--muted); }
table.material tr.sex th { padding-left: 28px; }
table.material tr.sex.all th, table.material tr.sex.all td { border-bottom: 1px solid var(--line); }
table.financial th[scope="row"] { width: 48%; }
tr.task-row th, tr.task-row td { font-weight: bold; background: var(--soft); }
tr.line th { padding-left: 22px; }
tr.sum th, tr.sum td { font-weight: bold; border-top: 1.5px solid var(--ink); }
tr.total th, tr.total td { border-bottom: 2px solid var(--ink); }
table.by-partner, table.by-category, table.financing { max-width: 900px; }
table.documents { font-size: 11px; }
table.documents td { overflow-wrap: anywhere; }
table.problems code, table.corrections code { font-size: 11.5px; }
.sev-error td:first-child { font-weight: bold; }
.claim-status { padding: 1px 8px; border: 1.5px solid var(--line); border-radius: 10px; }
thead { display: table-header-group; }
tbody.keep, tbody.task { break-inside: avoid; page-break-inside: avoid; }
@page { size: A4; margin: 14mm 11mm 16mm 11mm; @bottom-right { content: counter(page) " / " counter(pages); font: 8pt "DejaVu Sans", sans-serif; color: #555; } }
@media print {
  main.claim { max-width: none; }
  main.claim h1 { font-size: 16pt; }
  main.claim h2 { font-size: 12.5pt; margin-top: 14pt; }
  table.claim-table { font-size: 8.5pt; }
  table.claim-table thead th { font-size: 7.5pt; }
  table.documents { font-size: 7.5pt; }
  table.material tr.sex th, table.material tr.sex td { font-size: 7.5pt; }
  section#financing, section#advances { break-inside: avoid; page-break-inside: avoid; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample_claim;

    /// Where each section's heading starts in the page.
    fn heading_positions(page: &str, lang: Lang) -> Vec<Option<usize>> {
        [
            label::CLAIM_MATERIAL_PROGRESS,
            label::CLAIM_PROBLEMS,
            label::CLAIM_PLANNED_COURSE,
            label::CLAIM_FINANCIAL_PROGRESS,
            label::CLAIM_SOURCES_OF_FINANCING,
            label::CLAIM_ADVANCES,
            label::CLAIM_DOCUMENTS,
            label::CLAIM_CORRECTIONS,
        ]
        .iter()
        .map(|t| page.find(&format!(". {}", t.get(lang))))
        .collect()
    }

    #[test]
    fn the_sections_are_in_the_central_systems_order() {
        for lang in Lang::ALL {
            let page = claim_html(
                &sample_claim::project(),
                &sample_claim::claim(true),
                lang,
                None,
            );
            let at = heading_positions(&page, lang);
            assert!(at.iter().all(Option::is_some), "{lang:?}: {at:?}");
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{lang:?}: {at:?}");
        }
    }

    #[test]
    fn the_corrections_section_is_there_only_when_the_claim_has_corrections() {
        let project = sample_claim::project();
        let without = claim_html(&project, &sample_claim::claim(false), Lang::Pl, None);
        let with = claim_html(&project, &sample_claim::claim(true), Lang::Pl, None);
        assert!(!without.contains("id=\"corrections\""));
        assert!(with.contains("id=\"corrections\""));
        assert!(
            with.contains("−200,00 zł") || with.contains("-200,00 zł"),
            "the difference as money"
        );
    }

    #[test]
    fn table_heads_repeat_on_every_printed_page() {
        let page = claim_html(
            &sample_claim::project(),
            &sample_claim::claim(true),
            Lang::Pl,
            None,
        );
        assert!(page.contains("thead { display: table-header-group; }"));
        assert!(page.contains("@page { size: A4;"));
        // Every table with a head has it in <thead>, never as a first body row.
        assert_eq!(
            page.matches("<thead>").count(),
            page.matches("</thead>").count()
        );
        assert!(page.matches("<thead>").count() >= 7);
    }

    #[test]
    fn figures_are_formatted_by_core_in_both_languages() {
        let project = sample_claim::project();
        let pl = claim_html(&project, &sample_claim::claim(false), Lang::Pl, None);
        let en = claim_html(&project, &sample_claim::claim(false), Lang::En, None);
        assert!(pl.contains("500 000,00 zł"), "Polish amounts");
        assert!(en.contains("PLN 500,000.00"), "English amounts");
        assert!(pl.contains("01.04.2019 r. – 30.06.2019 r."));
        assert!(en.contains("2019-04-01 – 2019-06-30"));
        assert!(en.contains("Persons coached"));
    }
}
