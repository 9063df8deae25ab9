//! Amendments: each version of a project states only what it changes, and
//! inherits everything else from the version before it. The parts a version
//! may change are its indicators (added, removed, a field changed), its area
//! (the territory, replaced whole), its partners (joined, left) and its
//! milestones with their planned activities (replaced or added by id,
//! removed). [`ResolvedVersion`] is a version with every part resolved; the
//! report evaluates only what the version in force holds.
//!
//! ```
//! use kooperacja_core::project::Project;
//! // The agreement, and aneks-1 in force from 2024-07-01: it removes the
//! // indicator "seminars", raises the target of "meetings" from 12 to 30,
//! // lets "fundacja" leave and "uczelnia" join.
//! let project = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
//! let day = |m| chrono::NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
//! let before = project.in_force(day(3)).unwrap();
//! let after = project.in_force(day(9)).unwrap();
//! assert!(before.indicator("seminars").is_some());
//! assert!(after.indicator("seminars").is_none());
//! assert_eq!(after.indicator("meetings").unwrap().target.to_string(), "30");
//! assert_eq!((before.partners.as_slice(), after.partners.as_slice()), (&["fundacja".to_owned()][..], &["uczelnia".to_owned()][..]));
//! # Ok::<(), kooperacja_core::parse::ParseError>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::area::Territory;
use crate::indicator::{CountedOnce, Due, Indicator, IndicatorKind, Target};
use crate::organisation::PartnerRole;
use crate::project::{Project, Value};
use crate::rule::Rule;
use crate::schedule::Milestone;
use crate::validate::{Finding, Severity};

/// An indicator a version adds or changes. With the id of an indicator in
/// force, only the fields stated change (`{ id = "x", target = 60 }`); with a
/// new id it is a new indicator, and `kind`, `name`, `unit` and `target` are
/// required (validation: `amendment.indicator-incomplete`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorChange {
    /// The indicator's id.
    pub id: String,
    /// Product or result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<IndicatorKind>,
    /// The name, in Polish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The unit counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The target value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
    /// What is counted once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_once: Option<CountedOnce>,
    /// The target by sex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_by_sex: Option<BTreeMap<crate::participant::Sex, u64>>,
    /// The kind of planned activity that delivers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_by: Option<String>,
    /// The indicator (id) whose counted units include all of this one's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subset_of: Option<String>,
    /// How the value is computed from facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl IndicatorChange {
    /// The indicator this change makes of `base` (the indicator of the same id
    /// in force before it, if any): `base` with the stated fields replaced; or,
    /// without a base, a new indicator. `Err` names the fields a new indicator
    /// lacks.
    ///
    /// ```
    /// use kooperacja_core::amendment::IndicatorChange;
    /// let change: IndicatorChange = toml::from_str("id = \"x\"\ntarget = 5").unwrap();
    /// assert_eq!(change.apply(None).unwrap_err(), ["kind", "name", "unit"]);
    /// ```
    pub fn apply(&self, base: Option<&Indicator>) -> Result<Indicator, Vec<&'static str>> {
        let Some(base) = base else {
            let missing: Vec<&'static str> = [
                ("kind", self.kind.is_none()),
                ("name", self.name.is_none()),
                ("unit", self.unit.is_none()),
                ("target", self.target.is_none()),
            ]
            .into_iter()
            .filter_map(|(field, absent)| absent.then_some(field))
            .collect();
            return match (&self.kind, &self.name, &self.unit, self.target) {
                (Some(kind), Some(name), Some(unit), Some(target)) => Ok(Indicator {
                    id: self.id.clone(),
                    kind: *kind,
                    name: name.clone(),
                    name_en: self.name_en.clone(),
                    unit: unit.clone(),
                    target,
                    target_by_sex: self.target_by_sex.clone(),
                    due: self.due.clone().unwrap_or_default(),
                    counts_once: self.counts_once,
                    planned_by: self.planned_by.clone(),
                    subset_of: self.subset_of.clone(),
                    rule: self.rule.clone(),
                    source: self.source.clone(),
                }),
                _ => Err(missing),
            };
        };
        let mut out = base.clone();
        if let Some(kind) = self.kind {
            out.kind = kind;
        }
        if self.target_by_sex.is_some() {
            out.target_by_sex.clone_from(&self.target_by_sex);
        }
        if let Some(name) = &self.name {
            out.name.clone_from(name);
        }
        if self.name_en.is_some() {
            out.name_en.clone_from(&self.name_en);
        }
        if let Some(unit) = &self.unit {
            out.unit.clone_from(unit);
        }
        if let Some(target) = self.target {
            out.target = target;
        }
        if let Some(due) = &self.due {
            out.due = due.clone();
        }
        if self.counts_once.is_some() {
            out.counts_once = self.counts_once;
        }
        if self.planned_by.is_some() {
            out.planned_by.clone_from(&self.planned_by);
        }
        if self.subset_of.is_some() {
            out.subset_of.clone_from(&self.subset_of);
        }
        if self.rule.is_some() {
            out.rule.clone_from(&self.rule);
        }
        if self.source.is_some() {
            out.source.clone_from(&self.source);
        }
        Ok(out)
    }
}

/// A version with every part resolved: what it states, and what it inherits
/// from the versions before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ResolvedVersion {
    /// The version's position in the file, from 0.
    pub index: usize,
    /// The version's id.
    pub id: String,
    /// The indicators in force, in order: the first version's, then those
    /// added later, each where it was first added.
    pub indicators: Vec<Indicator>,
    /// The project's area.
    pub territory: Territory,
    /// The partners (organisation ids, the leader not included) taking part,
    /// in the order of `[[organisations]]`.
    pub partners: Vec<String>,
    /// The milestones, by number.
    pub milestones: Vec<Milestone>,
}

impl ResolvedVersion {
    /// The indicator in force with this id.
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let p = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
    /// let [umowa, aneks] = &p.resolved_versions()[..] else { panic!() };
    /// assert!(umowa.indicator("seminars").is_some());
    /// assert!(aneks.indicator("seminars").is_none());
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The milestone with this id.
    ///
    /// ```
    /// use kooperacja_core::project::Project;
    /// let p = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
    /// let aneks = p.resolve(1).unwrap();
    /// assert!(aneks.milestone("KM-II").is_none());
    /// assert_eq!(aneks.milestone("KM-IIb").unwrap().number, 3);
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn milestone(&self, id: &str) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.id == id)
    }

    /// The area a milestone works in: its own units, else the version's.
    ///
    /// ```
    /// use kooperacja_core::{project::Project, territory::Level};
    /// let p = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
    /// let aneks = p.resolve(1).unwrap();
    /// let phase_1 = aneks.milestone("KM-IIa").unwrap();
    /// assert_eq!(aneks.territory_of(phase_1).count(Level::Gmina), 1);
    /// assert_eq!(aneks.territory.count(Level::Gmina), 2);
    /// # Ok::<(), kooperacja_core::parse::ParseError>(())
    /// ```
    pub fn territory_of<'a>(&'a self, milestone: &'a Milestone) -> &'a Territory {
        milestone.territory.as_ref().unwrap_or(&self.territory)
    }
}

/// Every version of `project` resolved, oldest first. Parts that name
/// something not in force (an unknown indicator removed, a partner leaving
/// who never joined) are skipped here; [`findings`] reports them.
///
/// ```
/// use kooperacja_core::{amendment, project::Project};
/// let p = Project::parse(include_str!("../../../fixtures/amendments/zmiany.toml"))?;
/// let ids: Vec<String> = amendment::resolve_all(&p).into_iter().map(|v| v.id).collect();
/// assert_eq!(ids, ["umowa", "aneks-1"]);
/// # Ok::<(), kooperacja_core::parse::ParseError>(())
/// ```
pub fn resolve_all(project: &Project) -> Vec<ResolvedVersion> {
    let mut out = Vec::with_capacity(project.versions.len());
    walk(project, |resolved, _| out.push(resolved.clone()));
    out
}

/// The partners of the first version: every organisation with the partner
/// role that no version lists in `partners_joined` before (or in the same
/// version as) it lists it in `partners_left`: it was there from the start.
fn initial_partners(project: &Project) -> Vec<String> {
    let mut first: BTreeMap<&str, bool> = BTreeMap::new();
    // A partner that joins in a version was not one before it, even if the
    // same version also lets it leave.
    for v in &project.versions {
        for id in &v.partners_joined {
            first.entry(id.as_str()).or_insert(true);
        }
        for id in &v.partners_left {
            first.entry(id.as_str()).or_insert(false);
        }
    }
    project
        .organisations
        .iter()
        .filter(|o| o.role == PartnerRole::Partner)
        .filter(|o| first.get(o.id.as_str()) != Some(&true))
        .map(|o| o.id.clone())
        .collect()
}

/// Resolves the versions in order, calling `visit` with each resolved
/// version and the findings its own statements raised.
fn walk(project: &Project, mut visit: impl FnMut(&ResolvedVersion, Vec<Finding>)) {
    let mut state = ResolvedVersion {
        index: 0,
        id: String::new(),
        indicators: project.indicators.clone(),
        territory: project.territory.clone(),
        partners: initial_partners(project),
        milestones: Vec::new(),
    };
    let is_partner_org = |id: &str| {
        project
            .organisation(id)
            .map(|o| o.role == PartnerRole::Partner)
    };
    for (i, v) in project.versions.iter().enumerate() {
        let path = format!("versions[{i}]");
        let mut findings = Vec::new();
        state.index = i;
        state.id.clone_from(&v.id);
        // What was in force before this version, for the messages.
        let indicators_before = listed(state.indicators.iter().map(|x| x.id.as_str()));
        let milestones_before = listed(state.milestones.iter().map(|m| m.id.as_str()));
        let partners_before = listed(state.partners.iter().map(String::as_str));
        // Indicators: removals, then changes and additions.
        for (j, id) in v.removed_indicators.iter().enumerate() {
            match state.indicators.iter().position(|x| &x.id == id) {
                Some(at) => {
                    state.indicators.remove(at);
                }
                None => findings.push(Finding::new(
                    "amendment.unknown-indicator",
                    Severity::Error,
                    format!("{path}.removed_indicators[{j}]"),
                    format!(
                        "{id:?} is removed, but no indicator of that id is in force before {:?}; expected one of: {}",
                        v.id, indicators_before
                    ),
                )),
            }
        }
        for (j, change) in v.indicators.iter().enumerate() {
            let at = state.indicators.iter().position(|x| x.id == change.id);
            match (change.apply(at.and_then(|k| state.indicators.get(k))), at) {
                (Ok(indicator), Some(k)) => {
                    if let Some(slot) = state.indicators.get_mut(k) {
                        *slot = indicator;
                    }
                }
                (Ok(indicator), None) => state.indicators.push(indicator),
                (Err(missing), _) => findings.push(Finding::new(
                    "amendment.indicator-incomplete",
                    Severity::Error,
                    format!("{path}.indicators[{j}]"),
                    format!(
                        "{:?} is not an indicator in force before {:?}, so it is a new one and needs {}; state them, or use the id of an indicator in force",
                        change.id,
                        v.id,
                        missing.join(", ")
                    ),
                )),
            }
        }
        // Milestones: removals, then replacements and additions by id.
        for (j, id) in v.removed_milestones.iter().enumerate() {
            match state.milestones.iter().position(|m| &m.id == id) {
                Some(at) => {
                    state.milestones.remove(at);
                }
                None => findings.push(Finding::new(
                    "amendment.unknown-milestone",
                    Severity::Error,
                    format!("{path}.removed_milestones[{j}]"),
                    format!(
                        "{id:?} is removed, but no milestone of that id is in force before {:?}; expected one of: {}",
                        v.id, milestones_before
                    ),
                )),
            }
        }
        for m in v.milestones.iter().flatten() {
            match state.milestones.iter_mut().find(|x| x.id == m.id) {
                Some(slot) => *slot = m.clone(),
                None => state.milestones.push(m.clone()),
            }
        }
        state.milestones.sort_by_key(|m| m.number);
        // The area, replaced whole; the register is inherited unless named.
        if let Some(territory) = &v.territory {
            let register = state.territory.register.take();
            state.territory = territory.clone();
            if state.territory.register.is_none() {
                state.territory.register = register;
            }
        }
        // Partners.
        for (j, id) in v.partners_left.iter().enumerate() {
            let at = format!("{path}.partners_left[{j}]");
            match is_partner_org(id) {
                None => findings.push(unknown_organisation(project, at, id)),
                Some(false) => findings.push(Finding::new(
                    "amendment.leader-left",
                    Severity::Error,
                    at,
                    format!("{id:?} is the leader, who cannot leave the project; an amendment may only change partners"),
                )),
                Some(true) => match state.partners.iter().position(|p| p == id) {
                    Some(k) => {
                        state.partners.remove(k);
                    }
                    None => findings.push(Finding::new(
                        "amendment.partner-never-joined",
                        Severity::Error,
                        at,
                        format!(
                            "{id:?} leaves in {:?}, but is not a partner before it; expected one of: {}",
                            v.id, partners_before
                        ),
                    )),
                },
            }
        }
        for (j, id) in v.partners_joined.iter().enumerate() {
            let at = format!("{path}.partners_joined[{j}]");
            match is_partner_org(id) {
                None => findings.push(unknown_organisation(project, at, id)),
                Some(false) => findings.push(Finding::new(
                    "amendment.leader-joined",
                    Severity::Error,
                    at,
                    format!(
                        "{id:?} is the leader, who takes part from the start; expected a partner"
                    ),
                )),
                Some(true) if state.partners.contains(id) => findings.push(Finding::new(
                    "amendment.partner-already-in",
                    Severity::Error,
                    at,
                    format!("{id:?} joins in {:?}, but is a partner already", v.id),
                )),
                Some(true) => state.partners.push(id.clone()),
            }
        }
        let order = |id: &String| {
            project
                .organisations
                .iter()
                .position(|o| &o.id == id)
                .unwrap_or(usize::MAX)
        };
        state.partners.sort_by_key(order);
        visit(&state, findings);
    }
}

fn unknown_organisation(project: &Project, path: String, id: &str) -> Finding {
    Finding::new(
        "amendment.unknown-organisation",
        Severity::Error,
        path,
        format!(
            "{id:?} is no organisation of the project; expected one of [[organisations]]: {}",
            listed(project.organisations.iter().map(|o| o.id.as_str()))
        ),
    )
}

fn listed<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<String> = ids.map(|id| format!("{id:?}")).collect();
    if ids.is_empty() {
        "(none)".to_owned()
    } else {
        ids.join(", ")
    }
}

/// The findings of every version's amendments: what they remove, change or
/// let leave that is not in force (codes `amendment.*`), each at its path.
///
/// ```
/// use kooperacja_core::{amendment, project::Project};
/// let text = include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml");
/// let bad = text.replacen(
///     "id = \"aneks\"\n",
///     "id = \"aneks\"\nremoved_indicators = [\"no-such\"]\n",
///     1,
/// );
/// let findings = amendment::findings(&Project::parse(&bad)?);
/// assert_eq!(findings[0].code, "amendment.unknown-indicator");
/// assert_eq!(findings[0].path, "versions[1].removed_indicators[0]");
/// # Ok::<(), kooperacja_core::parse::ParseError>(())
/// ```
pub fn findings(project: &Project) -> Vec<Finding> {
    let mut out = Vec::new();
    walk(project, |_, findings| out.extend(findings));
    out
}

/// Pushes the changes of the resolved parts from `a` to `b`: partners,
/// indicators, territory units, milestones and their activities.
pub(crate) fn diff_parts(
    project: &Project,
    a: &ResolvedVersion,
    b: &ResolvedVersion,
    push: &mut impl FnMut(&str, Value, Value),
) {
    // Partners joined and left, in the order of [[organisations]].
    let name = |id: &str| {
        Value::Text(
            project
                .organisation(id)
                .map_or_else(|| id.to_owned(), |o| o.name.clone()),
        )
    };
    for o in &project.organisations {
        let (was, is) = (a.partners.contains(&o.id), b.partners.contains(&o.id));
        let value = |present: bool| if present { name(&o.id) } else { Value::Absent };
        push(&format!("partners[{}]", o.id), value(was), value(is));
    }
    // Indicators: the older version's order, then those added.
    let mut ids: Vec<&str> = a.indicators.iter().map(|i| i.id.as_str()).collect();
    for i in &b.indicators {
        if !ids.contains(&i.id.as_str()) {
            ids.push(&i.id);
        }
    }
    for id in ids {
        let field = format!("indicators[{id}]");
        match (a.indicator(id), b.indicator(id)) {
            (Some(x), Some(y)) => {
                push(
                    &format!("{field}.target"),
                    Value::Target(x.target),
                    Value::Target(y.target),
                );
                push(
                    &format!("{field}.name"),
                    Value::Text(x.name.clone()),
                    Value::Text(y.name.clone()),
                );
                push(
                    &format!("{field}.unit"),
                    Value::Text(x.unit.clone()),
                    Value::Text(y.unit.clone()),
                );
                push(
                    &format!("{field}.due.milestone"),
                    Value::from(x.due.milestone.clone()),
                    Value::from(y.due.milestone.clone()),
                );
                push(
                    &format!("{field}.due.date"),
                    Value::from(x.due.date),
                    Value::from(y.due.date),
                );
                push(
                    &format!("{field}.rule"),
                    Value::from(x.rule.as_ref().map(ToString::to_string)),
                    Value::from(y.rule.as_ref().map(ToString::to_string)),
                );
            }
            (x, y) => push(
                &field,
                Value::from(x.map(|i| i.name.clone())),
                Value::from(y.map(|i| i.name.clone())),
            ),
        }
    }
    // The area: each unit added or removed, by code.
    units(&a.territory, &b.territory, "territory", push);
    // Milestones, by number then id; each one's period, title, own area and
    // activities.
    let mut ms: Vec<&Milestone> = a.milestones.iter().chain(&b.milestones).collect();
    ms.sort_by(|x, y| (x.number, &x.id).cmp(&(y.number, &y.id)));
    ms.dedup_by(|x, y| x.id == y.id);
    for m in ms {
        let field = format!("milestones[{}]", m.id);
        match (a.milestone(&m.id), b.milestone(&m.id)) {
            (Some(x), Some(y)) => {
                push(
                    &format!("{field}.period"),
                    Value::Period(x.period),
                    Value::Period(y.period),
                );
                push(
                    &format!("{field}.title"),
                    Value::Text(x.title.clone()),
                    Value::Text(y.title.clone()),
                );
                // A milestone's own units; a change of the version's area
                // is shown once, under `territory`.
                if x.territory.is_some() || y.territory.is_some() {
                    units(
                        a.territory_of(x),
                        b.territory_of(y),
                        &format!("{field}.territory"),
                        push,
                    );
                }
                activities(x, y, &field, push);
            }
            (x, y) => push(
                &field,
                Value::from(x.map(|m| m.title.clone())),
                Value::from(y.map(|m| m.title.clone())),
            ),
        }
    }
}

/// Pushes each unit (voivodeship, powiat, gmina) of `b` not in `a` as added
/// and each of `a` not in `b` as removed, by code.
fn units(a: &Territory, b: &Territory, field: &str, push: &mut impl FnMut(&str, Value, Value)) {
    let all = |t: &Territory| -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for v in &t.voivodeships {
            out.insert(v.code.to_string(), v.name.clone());
            for p in &v.powiats {
                out.insert(p.code.to_string(), p.name.clone());
                for g in &p.gminas {
                    out.insert(g.code.to_string(), g.name.clone());
                }
            }
        }
        out
    };
    let (ua, ub) = (all(a), all(b));
    let mut codes: Vec<&String> = ua.keys().chain(ub.keys()).collect();
    codes.sort_unstable();
    codes.dedup();
    for code in codes {
        push(
            &format!("{field}[{code}]"),
            Value::from(ua.get(code).cloned()),
            Value::from(ub.get(code).cloned()),
        );
    }
}

/// Pushes the changes of a milestone's planned activities. Activities are
/// matched by their text; those left are paired in order among those of the
/// same kind (a reworded line). Paths number the activities from 1 in the
/// version they are in (the newer one, for a changed activity).
fn activities(
    a: &Milestone,
    b: &Milestone,
    field: &str,
    push: &mut impl FnMut(&str, Value, Value),
) {
    let mut pair: Vec<Option<usize>> = vec![None; b.activities.len()];
    let mut taken = vec![false; a.activities.len()];
    for (j, y) in b.activities.iter().enumerate() {
        if let Some(i) = (0..a.activities.len())
            .find(|&i| !taken[i] && a.activities.get(i).is_some_and(|x| x.text == y.text))
        {
            taken[i] = true;
            pair[j] = Some(i);
        }
    }
    for (j, y) in b.activities.iter().enumerate() {
        if pair[j].is_some() {
            continue;
        }
        if let Some(i) = (0..a.activities.len())
            .find(|&i| !taken[i] && a.activities.get(i).is_some_and(|x| x.kind == y.kind))
        {
            taken[i] = true;
            pair[j] = Some(i);
        }
    }
    let count = |n: Option<u32>| n.map_or(Value::Absent, |n| Value::Count(u64::from(n)));
    for (i, x) in a.activities.iter().enumerate() {
        if !taken[i] {
            push(
                &format!("{field}.activities[{}]", i + 1),
                Value::Text(x.text.clone()),
                Value::Absent,
            );
        }
    }
    for (j, y) in b.activities.iter().enumerate() {
        let at = format!("{field}.activities[{}]", j + 1);
        match pair[j].and_then(|i| a.activities.get(i)) {
            None => push(&at, Value::Absent, Value::Text(y.text.clone())),
            Some(x) => {
                push(
                    &format!("{at}.text"),
                    Value::Text(x.text.clone()),
                    Value::Text(y.text.clone()),
                );
                push(&format!("{at}.count"), count(x.count), count(y.count));
                push(
                    &format!("{at}.days_each"),
                    count(x.days_each),
                    count(y.days_each),
                );
                push(&format!("{at}.persons"), count(x.persons), count(y.persons));
                push(
                    &format!("{at}.per_month"),
                    count(x.per_month),
                    count(y.per_month),
                );
                push(
                    &format!("{at}.per"),
                    Value::from(x.per.map(|l| l.name().to_owned())),
                    Value::from(y.per.map(|l| l.name().to_owned())),
                );
            }
        }
    }
}
