//! IATI 2.03 activity XML: the project as one `iati-activity`.
//!
//! The mapping from the model to IATI elements, the codes used and the choices
//! made where the sources say less than IATI asks (the organisation identifier,
//! yearly budgets, result periods, TERYT locations) are listed in
//! `docs/export.md`, section "IATI 2.03 XML". Everything is computed by core:
//! the budget years and monthly spending come from the [`Report`], indicator
//! values at each period end from [`Engine::report`]. No clock is read: every
//! date in the document, `generated-datetime` included, derives from `as_of`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use kooperacja_core::budget::FundingSource;
use kooperacja_core::engine::Engine;
use kooperacja_core::indicator::{IndicatorKind, Target};
use kooperacja_core::organisation::{Organisation, OrganisationKind};
use kooperacja_core::period::{Period, polish_date};
use kooperacja_core::present::{Lang, message};
use kooperacja_core::project::Project;
use kooperacja_core::report::{IndicatorReport, Report};

/// The prefix of every placeholder organisation identifier. `XX` is a code
/// ISO 3166 leaves to private use, so no registration agency has it, and the
/// word says what it is.
pub const PLACEHOLDER_PREFIX: &str = "XX-PLACEHOLDER-";

/// A registered IATI organisation identifier (`{agency}-{number}`), as given
/// with `--iati-org-ref`.
///
/// It must be non-empty, hold no white space, and none of `/ & | ?`, which the
/// IATI rules forbid in identifiers.
///
/// ```
/// use kooperacja_export::iati::OrgRef;
/// assert!(OrgRef::parse("XX-TEST-7").is_ok());
/// assert!(OrgRef::parse("PL/KRS").is_err());
/// assert!(OrgRef::parse("").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgRef(String);

impl OrgRef {
    /// Checks and wraps an identifier.
    pub fn parse(text: &str) -> Result<OrgRef, String> {
        if text.is_empty() {
            return Err(message::ORG_REF_EMPTY.get(Lang::En).to_owned());
        }
        if let Some(c) = text
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '/' | '&' | '|' | '?'))
        {
            return Err(
                message::ORG_REF_FORBIDDEN_CHARACTER.fill(Lang::En, &[&format_args!("{c:?}")])
            );
        }
        Ok(OrgRef(text.to_owned()))
    }

    /// The identifier.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for OrgRef {
    type Err = String;
    fn from_str(text: &str) -> Result<OrgRef, String> {
        OrgRef::parse(text)
    }
}

/// What the IATI export needs beyond the project and its facts.
#[derive(Debug, Clone, Default)]
pub struct IatiOptions {
    /// The leader's registered IATI organisation identifier. Without one the
    /// document uses `XX-PLACEHOLDER-{leader id}` and says so in a comment.
    pub org_ref: Option<OrgRef>,
    /// A warning to carry visibly (the project was exported with `--force`
    /// despite error findings): an XML comment at the top and a `description`
    /// of type 4.
    pub warning: Option<String>,
}

/// The project as an IATI 2.03 `iati-activities` document holding one
/// `iati-activity`, as of `as_of`.
///
/// `engine` must be built over `project` with the facts applied; it is asked
/// for the report as of `as_of` and, for the result periods, as of each
/// period's end. The text is UTF-8 with a line end, and it is the same for the
/// same input: `generated-datetime` is `as_of` at midnight UTC.
///
/// ```
/// use chrono::NaiveDate;
/// use kooperacja_core::{engine::Engine, project::Project};
/// use kooperacja_export::iati::{IatiOptions, iati};
/// let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
/// let engine = Engine::new(project.clone(), None);
/// let as_of = NaiveDate::from_ymd_opt(2020, 9, 30).unwrap();
/// let xml = iati(&project, &engine, as_of, &IatiOptions::default());
/// assert!(xml.contains(r#"<iati-activities version="2.03" generated-datetime="2020-09-30T00:00:00Z">"#));
/// assert!(xml.contains("<iati-identifier>XX-PLACEHOLDER-rops-torun-kooperacja-makroregion-ii</iati-identifier>"));
/// assert!(xml.contains(r#"<activity-date type="2" iso-date="2018-04-01"/>"#));
/// assert!(!xml.contains(r#"type="4" iso-date"#), "not finished on 2020-09-30");
/// # Ok::<(), kooperacja_core::parse::ParseError>(())
/// ```
pub fn iati(project: &Project, engine: &Engine, as_of: NaiveDate, options: &IatiOptions) -> String {
    let report = engine.report(as_of);
    let leader = project.leader();
    let org_ref = match &options.org_ref {
        Some(r) => r.as_str().to_owned(),
        None => format!(
            "{PLACEHOLDER_PREFIX}{}",
            leader.map_or("unknown-leader", |l| l.id.as_str())
        ),
    };
    let generated = format!("{}T00:00:00Z", iso(as_of));
    let mut w = Xml::default();
    w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    if let Some(warning) = &options.warning {
        w.comment(warning);
    }
    w.comment(&message::IATI_ABOUT.fill(
        Lang::En,
        &[
            &project.id,
            &iso(as_of),
            &report.version,
            &report.version_label,
        ],
    ));
    if options.org_ref.is_none() {
        w.comment(&message::IATI_PLACEHOLDER.fill(Lang::En, &[&org_ref]));
    }
    w.open(
        "iati-activities",
        &[("version", "2.03"), ("generated-datetime", &generated)],
    );
    w.open(
        "iati-activity",
        &[
            ("last-updated-datetime", &generated),
            ("xml:lang", "pl"),
            ("default-currency", "PLN"),
        ],
    );
    w.text("iati-identifier", &[], &format!("{org_ref}-{}", project.id));
    let leader_type = leader.map_or("90", |l| org_type(l));
    w.open("reporting-org", &[("ref", &org_ref), ("type", leader_type)]);
    w.narrative(
        "pl",
        leader.map_or(project.id.as_str(), |l| l.name.as_str()),
    );
    w.close("reporting-org");
    w.open("title", &[]);
    w.narratives(&project.title, project.title_en.as_deref());
    w.close("title");
    descriptions(&mut w, project, &report, options.warning.as_deref());
    participants(&mut w, project, &org_ref);
    w.open("other-identifier", &[("ref", &project.id), ("type", "A1")]);
    w.open("owner-org", &[("ref", &org_ref)]);
    w.narrative(
        "pl",
        leader.map_or(project.id.as_str(), |l| l.name.as_str()),
    );
    w.close("owner-org");
    w.close("other-identifier");
    let period = report.period;
    let status = if as_of < period.start() {
        "1"
    } else if as_of <= period.end() {
        "2"
    } else {
        "3"
    };
    w.empty("activity-status", &[("code", status)]);
    w.empty(
        "activity-date",
        &[("type", "1"), ("iso-date", &iso(period.start()))],
    );
    if as_of >= period.start() {
        w.empty(
            "activity-date",
            &[("type", "2"), ("iso-date", &iso(period.start()))],
        );
    }
    w.empty(
        "activity-date",
        &[("type", "3"), ("iso-date", &iso(period.end()))],
    );
    if as_of > period.end() {
        w.empty(
            "activity-date",
            &[("type", "4"), ("iso-date", &iso(period.end()))],
        );
    }
    let voivodeships = project.territory.voivodeships.len();
    if voivodeships > 0 {
        let scope = match voivodeships {
            1 => "6",
            16.. => "4",
            _ => "5",
        };
        w.empty("activity-scope", &[("code", scope)]);
    }
    w.empty("recipient-country", &[("code", "PL")]);
    locations(&mut w, project);
    sectors(&mut w, project);
    budgets(&mut w, &report);
    transactions(&mut w, project, &report, &org_ref, as_of);
    results(&mut w, project, engine, &report, as_of);
    w.close("iati-activity");
    w.close("iati-activities");
    w.out
}

/// A date as IATI's `xsd:date` (ISO 8601, `2020-09-30`): a machine format,
/// which is what a date's `Display` writes.
fn iso(date: NaiveDate) -> String {
    date.to_string()
}

/// The reference of a territorial unit's `location`, from its TERYT code.
fn location_ref(code: &str) -> String {
    format!("TERYT-{code}")
}

/// IATI OrganisationType of a member of the partnership.
fn org_type(org: &Organisation) -> &'static str {
    match org.kind {
        // A ROPS acts for a voivodeship self-government; an OPS for a gmina or powiat.
        OrganisationKind::Rops | OrganisationKind::SocialAssistanceCentre => "11",
        OrganisationKind::University => "80",
        OrganisationKind::Ngo => "22",
        OrganisationKind::PublicBody => "15",
        OrganisationKind::Other => "90",
    }
}

fn descriptions(w: &mut Xml, project: &Project, report: &Report, warning: Option<&str>) {
    if let Some(warning) = warning {
        w.open("description", &[("type", "4")]);
        w.narrative("pl", message::IATI_FORCED_EXPORT.get(Lang::Pl));
        w.narrative("en", warning);
        w.close("description");
    }
    let p = &project.programme;
    let leader = project.leader().map_or("—", |l| l.name.as_str());
    let partners = project.partners().count();
    w.open("description", &[("type", "1")]);
    w.narrative(
        "pl",
        &message::IATI_PROJECT.fill(
            Lang::Pl,
            &[
                &project.title,
                &p.name,
                &p.short,
                &p.action,
                &p.action_name,
                &p.fund_name.as_deref().unwrap_or(&p.fund),
                &p.fund,
                &leader,
                &partners,
                &report.period.to_polish(),
                &report.version_label,
            ],
        ),
    );
    w.narrative(
        "en",
        &message::IATI_PROJECT.fill(
            Lang::En,
            &[
                &project.title_en.as_deref().unwrap_or(&project.title),
                &p.name,
                &p.short,
                &p.action,
                &p.action_name,
                &fund_english(&p.fund),
                &leader,
                &partners,
                &iso(report.period.start()),
                &iso(report.period.end()),
                &report.version,
            ],
        ),
    );
    w.close("description");
    // The report's version is one of the project's; the goal is written when
    // it is found.
    if let Some((_, version)) = project.version(&report.version) {
        w.open("description", &[("type", "2")]);
        w.narratives(&version.goal.text, version.goal.text_en.as_deref());
        w.close("description");
    }
    if !project.target_groups.is_empty() {
        let pl: Vec<&str> = project
            .target_groups
            .iter()
            .map(|g| g.name.as_str())
            .collect();
        let en: Option<Vec<&str>> = project
            .target_groups
            .iter()
            .map(|g| g.name_en.as_deref())
            .collect();
        w.open("description", &[("type", "3")]);
        w.narratives(&pl.join("; "), en.map(|e| e.join("; ")).as_deref());
        w.close("description");
    }
}

fn fund_english(fund: &str) -> String {
    match fund {
        "EFS" => message::FUND_ESF.get(Lang::En).to_owned(),
        "EFS+" => message::FUND_ESF_PLUS.get(Lang::En).to_owned(),
        other => other.to_owned(),
    }
}

fn participants(w: &mut Xml, project: &Project, org_ref: &str) {
    let p = &project.programme;
    for source in &p.co_financed_by {
        match source {
            FundingSource::Eu => {
                w.open("participating-org", &[("role", "1"), ("type", "40")]);
                w.narrative(
                    "pl",
                    &message::FUNDER_EU.fill(
                        Lang::Pl,
                        &[&p.fund_name.as_deref().unwrap_or(&p.fund), &p.fund],
                    ),
                );
                w.narrative(
                    "en",
                    &message::FUNDER_EU.fill(Lang::En, &[&fund_english(&p.fund)]),
                );
            }
            FundingSource::StateBudget => {
                w.open("participating-org", &[("role", "1"), ("type", "10")]);
                let name = message::FUNDER_STATE_BUDGET;
                w.narratives(name.get(Lang::Pl), Some(name.get(Lang::En)));
            }
            FundingSource::Jst => {
                // IATI OrganisationType 11: Local Government.
                w.open("participating-org", &[("role", "1"), ("type", "11")]);
                let name = message::FUNDER_JST;
                w.narratives(name.get(Lang::Pl), Some(name.get(Lang::En)));
            }
            FundingSource::Own => {
                w.open("participating-org", &[("role", "1")]);
                let name = message::FUNDER_OWN;
                w.narratives(name.get(Lang::Pl), Some(name.get(Lang::En)));
            }
        }
        w.close("participating-org");
    }
    if let Some(leader) = project.leader() {
        w.open(
            "participating-org",
            &[("ref", org_ref), ("role", "2"), ("type", org_type(leader))],
        );
        w.narrative("pl", &leader.name);
        w.close("participating-org");
    }
    // Every member implements, in file order; the leader carries the identifier.
    let leader_id = project.leader().map(|l| l.id.as_str());
    for org in &project.organisations {
        let mut attrs = vec![("role", "4"), ("type", org_type(org))];
        if leader_id == Some(org.id.as_str()) {
            attrs.insert(0, ("ref", org_ref));
        }
        w.open("participating-org", &attrs);
        w.narrative("pl", &org.name);
        w.close("participating-org");
    }
}

fn locations(w: &mut Xml, project: &Project) {
    if project.territory.voivodeships.is_empty() {
        return;
    }
    w.comment(message::IATI_LOCATIONS.get(Lang::En));
    let mut location = |code: &str, feature: &str, name: String| {
        w.open("location", &[("ref", &location_ref(code))]);
        w.empty("location-reach", &[("code", "1")]);
        w.open("name", &[]);
        w.narrative("pl", &name);
        w.close("name");
        w.empty(
            "administrative",
            &[("vocabulary", "A4"), ("level", "0"), ("code", "PL")],
        );
        w.empty("location-class", &[("code", "1")]);
        w.empty("feature-designation", &[("code", feature)]);
        w.close("location");
    };
    for v in &project.territory.voivodeships {
        let name = message::LOCATION_VOIVODESHIP.fill(Lang::Pl, &[&v.name]);
        location(v.code.as_str(), "ADM1", name);
        for p in &v.powiats {
            let name = message::LOCATION_POWIAT.fill(Lang::Pl, &[&p.name]);
            location(p.code.as_str(), "ADM2", name);
            for g in &p.gminas {
                let name = message::LOCATION_GMINA.fill(Lang::Pl, &[&g.name]);
                location(g.code.as_str(), "ADM3", name);
            }
        }
    }
}

/// `n` equal percentages that sum to exactly 100, two decimals each: the
/// hundredths left over go one each to the first ones.
fn equal_percentages(n: usize) -> Vec<String> {
    let n = u64::try_from(n.max(1)).unwrap_or(u64::MAX);
    let (each, left) = (10_000 / n, 10_000 % n);
    (0..n)
        .map(|i| {
            let h = each + u64::from(i < left);
            format!("{}.{:02}", h / 100, h % 100)
        })
        .collect()
}

fn sectors(w: &mut Xml, project: &Project) {
    w.open(
        "sector",
        &[
            ("vocabulary", "1"),
            ("code", "16010"),
            ("percentage", "100"),
        ],
    );
    w.narrative("en", message::SECTOR_SOCIAL_PROTECTION.get(Lang::En));
    w.close("sector");
    for (sector, pct) in project
        .sectors
        .iter()
        .zip(equal_percentages(project.sectors.len()))
    {
        w.open(
            "sector",
            &[
                ("vocabulary", "99"),
                ("code", &sector.id),
                ("percentage", &pct),
            ],
        );
        w.narratives(&sector.name, sector.name_en.as_deref());
        w.close("sector");
    }
}

fn budgets(w: &mut Xml, report: &Report) {
    // An unknown total has no yearly plan: no budget elements.
    let Some(total) = report.budget.total else {
        return;
    };
    if report.budget.by_year.is_empty() {
        return;
    }
    w.comment(&message::IATI_BUDGETS.fill(Lang::En, &[&total.to_plain()]));
    for year in &report.budget.by_year {
        let start = iso(year.period.start());
        w.open("budget", &[("type", "1"), ("status", "1")]);
        w.empty("period-start", &[("iso-date", &start)]);
        w.empty("period-end", &[("iso-date", &iso(year.period.end()))]);
        w.text(
            "value",
            &[("currency", "PLN"), ("value-date", &start)],
            &year.planned.to_plain(),
        );
        w.close("budget");
    }
}

fn transactions(w: &mut Xml, project: &Project, report: &Report, org_ref: &str, as_of: NaiveDate) {
    if report.budget.spent_by_month.is_empty() {
        return;
    }
    w.comment(&message::IATI_TRANSACTIONS.fill(Lang::En, &[&report.budget.spent.to_plain()]));
    let leader = project.leader().map(|l| l.id.as_str());
    for m in &report.budget.spent_by_month {
        let date = iso(m.month.period().end().min(as_of));
        w.open(
            "transaction",
            &[("ref", &format!("{}-{}", m.partner, m.month))],
        );
        w.empty("transaction-type", &[("code", "4")]);
        w.empty("transaction-date", &[("iso-date", &date)]);
        w.text(
            "value",
            &[("currency", "PLN"), ("value-date", &date)],
            &m.spent.to_plain(),
        );
        let org = project.organisation(&m.partner);
        let mut attrs = Vec::new();
        if leader == Some(m.partner.as_str()) {
            attrs.push(("ref", org_ref));
        }
        if let Some(org) = org {
            attrs.push(("type", org_type(org)));
        }
        w.open("provider-org", &attrs);
        w.narrative("pl", org.map_or(m.partner.as_str(), |o| o.name.as_str()));
        w.close("provider-org");
        w.close("transaction");
    }
}

/// The periods results are reported in: the milestones of the version in force
/// and, if they end before the project does, the rest of the project's period;
/// for a project without milestones, the calendar years of its period.
fn result_periods(report: &Report) -> Vec<Period> {
    if report.milestones.is_empty() {
        return report.period.calendar_years();
    }
    let mut periods: Vec<Period> = report.milestones.iter().map(|m| m.period).collect();
    let last = periods.iter().map(|p| p.end()).max();
    if let Some(rest) = last
        .and_then(|d| d.succ_opt())
        .and_then(|d| Period::new(d, report.period.end()).ok())
    {
        periods.push(rest);
    }
    periods
}

/// The period that gets the target: the one holding the due date, else the
/// first ending after it, else the last.
fn target_period(periods: &[Period], due: NaiveDate) -> Option<usize> {
    periods
        .iter()
        .position(|p| p.contains(due))
        .or_else(|| periods.iter().position(|p| p.end() >= due))
        .or_else(|| periods.len().checked_sub(1))
}

fn results(w: &mut Xml, project: &Project, engine: &Engine, report: &Report, as_of: NaiveDate) {
    if report.indicators.is_empty() {
        return;
    }
    let periods = result_periods(report);
    // One report per date asked: each period's end (or the as-of date), and the
    // day before the project starts, for the baseline.
    let mut at: BTreeMap<NaiveDate, Report> = BTreeMap::new();
    let before_start = report.period.start().pred_opt();
    for date in periods
        .iter()
        .filter(|p| p.start() <= as_of)
        .map(|p| p.end().min(as_of))
        .chain(before_start)
    {
        at.entry(date).or_insert_with(|| engine.report(date));
    }
    let find = |date: NaiveDate, id: &str| -> Option<&IndicatorReport> {
        at.get(&date)?.indicators.iter().find(|i| i.id == id)
    };
    w.comment(message::IATI_RESULTS.get(Lang::En));
    // The indicators as the report's version declares them (an amendment may
    // add or change them).
    let parts = project
        .version(&report.version)
        .and_then(|(index, _)| project.resolve(index));
    for indicator in &report.indicators {
        let declared = parts.as_ref().and_then(|v| v.indicator(&indicator.id));
        let result_type = match indicator.kind {
            IndicatorKind::Product => "1",
            IndicatorKind::Result => "2",
        };
        let (measure, target) = match indicator.target {
            Target::Count(n) => ("1", n.to_string()),
            Target::Share(r) => ("2", r.percent().normalize().to_string()),
        };
        w.open("result", &[("type", result_type)]);
        w.open("title", &[]);
        w.narratives(&indicator.name, indicator.name_en.as_deref());
        w.close("title");
        w.open("indicator", &[("measure", measure), ("ascending", "1")]);
        w.open("title", &[]);
        w.narratives(&indicator.name, indicator.name_en.as_deref());
        w.close("title");
        let milestone = declared.and_then(|d| d.due.milestone.as_deref());
        let due_pl = match milestone {
            Some(m) => message::DUE_AT_MILESTONE.fill(Lang::Pl, &[&polish_date(indicator.due), &m]),
            None => polish_date(indicator.due),
        };
        let due_en = match milestone {
            Some(m) => message::DUE_AT_MILESTONE.fill(Lang::En, &[&iso(indicator.due), &m]),
            None => iso(indicator.due),
        };
        let mut en = message::IATI_INDICATOR.fill(Lang::En, &[&indicator.unit, &due_en]);
        if let Some(rule) = &indicator.rule {
            let _ = write!(
                en,
                " {}",
                message::COMPUTED_FROM_FACTS.fill(Lang::En, &[rule])
            );
        }
        if let Some(note) = &indicator.note {
            let _ = write!(en, " {}", message::NOT_EVALUATED.fill(Lang::En, &[note]));
        }
        w.open("description", &[]);
        w.narrative(
            "pl",
            &message::IATI_INDICATOR.fill(Lang::Pl, &[&indicator.unit, &due_pl]),
        );
        w.narrative("en", &en);
        w.close("description");
        w.empty(
            "reference",
            &[("vocabulary", "99"), ("code", &indicator.id)],
        );
        let start = report.period.start();
        let baseline = before_start
            .and_then(|d| find(d, &indicator.id))
            .and_then(|i| i.value);
        w.open(
            "baseline",
            &[
                ("year", &start.year().to_string()),
                ("iso-date", &iso(start)),
                (
                    "value",
                    &baseline.map_or_else(|| "0".to_owned(), |v| v.normalize().to_string()),
                ),
            ],
        );
        w.open("comment", &[]);
        let comment = if baseline.is_some() {
            message::BASELINE_FROM_FACTS
        } else {
            message::BASELINE_ASSUMED_ZERO
        };
        w.narratives(comment.get(Lang::Pl), Some(comment.get(Lang::En)));
        w.close("comment");
        w.close("baseline");
        let target_at = target_period(&periods, indicator.due);
        for (index, period) in periods.iter().enumerate() {
            let has_target = target_at == Some(index);
            let started = period.start() <= as_of;
            let actual = if started {
                // A small count by a sensitive characteristic is not
                // published at all: its total is a small cell of health data.
                find(period.end().min(as_of), &indicator.id)
                    .filter(|i| {
                        !(i.sensitive
                            && i.by_sex.as_ref().is_some_and(|s| {
                                s.suppressed(report.participants.small_cell, true).total
                                    == kooperacja_core::participant::Cell::Hidden
                            }))
                    })
                    .and_then(|i| {
                        i.value
                            .map(|v| (v, &i.by_voivodeship, &i.by_sex, i.sensitive))
                    })
            } else {
                None
            };
            if !has_target && actual.is_none() {
                continue;
            }
            w.open("period", &[]);
            w.empty("period-start", &[("iso-date", &iso(period.start()))]);
            w.empty("period-end", &[("iso-date", &iso(period.end()))]);
            if has_target {
                w.empty("target", &[("value", &target)]);
                for (sex, n) in indicator.target_by_sex.iter().flatten() {
                    w.open("target", &[("value", &n.to_string())]);
                    w.empty("dimension", &[("name", "sex"), ("value", sex.code())]);
                    w.close("target");
                }
            }
            if let Some((value, parts, by_sex, sensitive)) = actual {
                let running = as_of < period.end();
                if running {
                    w.open("actual", &[("value", &value.normalize().to_string())]);
                    w.open("comment", &[]);
                    w.narrative(
                        "pl",
                        &message::PERIOD_RUNNING.fill(Lang::Pl, &[&polish_date(as_of)]),
                    );
                    w.narrative(
                        "en",
                        &message::PERIOD_RUNNING.fill(Lang::En, &[&iso(as_of)]),
                    );
                    w.close("comment");
                    w.close("actual");
                } else {
                    w.empty("actual", &[("value", &value.normalize().to_string())]);
                }
                for part in parts.iter().filter(|p| p.key != "-") {
                    w.open("actual", &[("value", &part.value.normalize().to_string())]);
                    if project
                        .territory
                        .voivodeships
                        .iter()
                        .any(|v| v.code.as_str() == part.key)
                    {
                        w.empty("location", &[("ref", &location_ref(&part.key))]);
                    }
                    w.empty(
                        "dimension",
                        &[("name", "voivodeship"), ("value", &part.key)],
                    );
                    w.close("actual");
                }
                // The split by sex, as a publication shows it: small cells
                // suppressed under the project's threshold, and (like the
                // voivodeship parts) zero cells left out, so that a missing
                // cell may be either.
                if let Some(split) = by_sex {
                    let shown = split.suppressed(report.participants.small_cell, sensitive);
                    let cells = shown
                        .by_sex
                        .iter()
                        .map(|(sex, cell)| (sex.code(), *cell))
                        .chain(std::iter::once(("unknown", shown.unknown)));
                    for (code, cell) in cells {
                        if let Some(n) = cell.value().filter(|n| *n > 0) {
                            w.open("actual", &[("value", &n.to_string())]);
                            w.empty("dimension", &[("name", "sex"), ("value", code)]);
                            w.close("actual");
                        }
                    }
                }
            }
            w.close("period");
        }
        w.close("indicator");
        w.close("result");
    }
}

/// A small writer of indented XML; every text and attribute value is escaped.
#[derive(Debug, Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn raw(&mut self, line: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn tag(name: &str, attrs: &[(&str, &str)]) -> String {
        let mut tag = format!("<{name}");
        for (key, value) in attrs {
            let _ = write!(tag, " {key}=\"{}\"", escape(value, true));
        }
        tag
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let tag = Xml::tag(name, attrs);
        self.raw(&format!("{tag}>"));
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.raw(&format!("</{name}>"));
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let tag = Xml::tag(name, attrs);
        self.raw(&format!("{tag}/>"));
    }

    fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        let tag = Xml::tag(name, attrs);
        self.raw(&format!("{tag}>{}</{name}>", escape(text, false)));
    }

    fn narrative(&mut self, lang: &str, text: &str) {
        self.text("narrative", &[("xml:lang", lang)], text);
    }

    /// A Polish narrative and, when there is one, an English one.
    fn narratives(&mut self, pl: &str, en: Option<&str>) {
        self.narrative("pl", pl);
        if let Some(en) = en {
            self.narrative("en", en);
        }
    }

    /// An XML comment; `--` cannot occur in one, so it is broken up.
    fn comment(&mut self, text: &str) {
        let mut body = clean(text);
        while body.contains("--") {
            body = body.replace("--", "-\u{2060}-");
        }
        self.raw(&format!("<!-- {body} -->"));
    }
}

/// Characters XML 1.0 forbids (most control characters) become U+FFFD.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_forbidden_characters() {
        assert_eq!(escape("a & <b> \"c\"", false), "a &amp; &lt;b&gt; \"c\"");
        assert_eq!(escape("a \"c\"\nd", true), "a &quot;c&quot;&#10;d");
        assert_eq!(escape("x\u{1}y", false), "x\u{fffd}y");
    }

    #[test]
    fn comments_never_hold_a_double_hyphen() {
        let mut w = Xml::default();
        w.comment("--force --- end-");
        let inner = w
            .out
            .trim_end()
            .strip_prefix("<!--")
            .and_then(|s| s.strip_suffix("-->"));
        assert_eq!(inner.map(|s| s.contains("--")), Some(false), "{}", w.out);
    }

    #[test]
    fn equal_percentages_sum_to_exactly_100() {
        for n in 1..=13 {
            let sum: u64 = equal_percentages(n)
                .iter()
                .map(|p| p.replace('.', "").parse::<u64>().expect("digits"))
                .sum();
            assert_eq!(sum, 10_000, "{n}");
        }
        assert_eq!(equal_percentages(9)[0], "11.12");
        assert_eq!(equal_percentages(9)[8], "11.11");
    }

    #[test]
    fn org_refs_refuse_what_iati_forbids() {
        for bad in ["", "a b", "a/b", "a&b", "a|b", "a?b"] {
            assert!(OrgRef::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            OrgRef::parse("XM-DAC-1").map(|r| r.0),
            Ok("XM-DAC-1".into())
        );
    }
}
