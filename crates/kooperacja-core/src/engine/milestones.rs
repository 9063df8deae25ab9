//! Milestone progress: the meetings and coaching sessions held for each
//! planned activity, and each group kind joined with its meetings.

use std::collections::{BTreeMap, BTreeSet};

use super::Engine;
use crate::groups::GroupLevel;
use crate::project::Project;
use crate::report::{ActivityProgress, GroupReport, Held, MilestoneMeetings, MilestoneReport};
use crate::territory::Level;

impl Engine {
    pub(super) fn activity_progress(
        &self,
        activity: &crate::schedule::Activity,
        from: i32,
        until: i32,
    ) -> ActivityProgress {
        let leaf = activity.counts.as_ref().and_then(|filter| {
            self.activities
                .iter()
                .find(|a| &a.filter == filter && a.sessions == activity.sessions)
        });
        let group_kind = activity
            .group
            .as_deref()
            .and_then(|g| self.project.group_kind(g));
        let group_digits = group_kind.map(|g| match g.one_per {
            GroupLevel::Powiat => 4,
            GroupLevel::Gmina => 7,
            GroupLevel::Voivodeship | GroupLevel::Macroregion => 2,
        });
        let mut per_group: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let mut by_voivodeship: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let (mut held, mut held_days) = (0_u64, 0_u64);
        if let Some(leaf) = leaf {
            if !leaf.sessions.is_empty() {
                // The events are sessions: the distinct (session, day) pairs
                // with a live fact, and the distinct days among them.
                let mut sessions: BTreeSet<(u32, i32)> = BTreeSet::new();
                let mut days: BTreeSet<i32> = BTreeSet::new();
                for &(session, at) in leaf.sessions_live.keys() {
                    if at < from || at > until {
                        continue;
                    }
                    sessions.insert((session, at));
                    days.insert(at);
                }
                held += u64::try_from(sessions.len()).unwrap_or(u64::MAX);
                held_days += u64::try_from(days.len()).unwrap_or(u64::MAX);
            }
            for (territory, tally) in &leaf.by_territory {
                let n = u64::try_from(tally.count.sum(from, until)).unwrap_or(0);
                let d = u64::try_from(tally.days.sum(from, until)).unwrap_or(0);
                if n == 0 && d == 0 {
                    continue;
                }
                held += n;
                held_days += d;
                let code = self.territories.name(*territory);
                let voivodeship = code
                    .get(..2)
                    .filter(|_| code != "-")
                    .unwrap_or("-")
                    .to_owned();
                let entry = by_voivodeship.entry(voivodeship).or_default();
                entry.0 += n;
                entry.1 += d;
                if let Some(digits) = group_digits {
                    let unit = code
                        .get(..digits)
                        .filter(|_| code != "-")
                        .unwrap_or("-")
                        .to_owned();
                    let entry = per_group.entry(unit).or_default();
                    entry.0 += n;
                    entry.1 += d;
                }
            }
        }
        let groups = group_kind.map(|g| match g.one_per {
            GroupLevel::Macroregion => self.project.macroregions.len(),
            GroupLevel::Voivodeship => self.project.territory.count(Level::Voivodeship),
            GroupLevel::Powiat => self.project.territory.count(Level::Powiat),
            GroupLevel::Gmina => self.project.territory.count(Level::Gmina),
        });
        let planned_per_group = match (activity.count, groups, group_kind.map(|g| g.joint)) {
            (Some(count), Some(groups), Some(false)) if groups > 0 => {
                let groups = u32::try_from(groups).unwrap_or(u32::MAX);
                (count % groups == 0).then_some(count / groups)
            }
            _ => None,
        };
        let held_list = |m: BTreeMap<String, (u64, u64)>| {
            m.into_iter()
                .map(|(unit, (meetings, days))| Held {
                    unit,
                    meetings,
                    days,
                })
                .collect::<Vec<_>>()
        };
        ActivityProgress {
            text: activity.text.clone(),
            kind: activity.kind.clone(),
            group: activity.group.clone(),
            planned: activity.count,
            planned_days: activity.meeting_days(),
            planned_per_group,
            held,
            held_days,
            per_group: held_list(per_group),
            by_voivodeship: held_list(by_voivodeship),
        }
    }
}

/// The project's group kinds, each joined with the activities of
/// `milestones` its groups meet for.
pub(super) fn groups(project: &Project, milestones: &[MilestoneReport]) -> Vec<GroupReport> {
    project
        .groups
        .iter()
        .map(|g| GroupReport {
            code: g.code.clone(),
            name: g.name.clone(),
            name_en: g.name_en.clone(),
            one_per: g.one_per,
            expected: u64::try_from(project.expected_groups(g.one_per)).unwrap_or(u64::MAX),
            stated: g.stated_count,
            members: g.members,
            transforms_into: g.transforms_into.clone(),
            joint: g.joint,
            meetings: milestones
                .iter()
                .flat_map(|m| m.activities.iter().map(move |a| (m, a)))
                .filter(|(_, a)| a.group.as_deref() == Some(g.code.as_str()))
                .map(|(m, a)| MilestoneMeetings {
                    milestone: m.id.clone(),
                    planned: a.planned,
                    planned_per_group: a.planned_per_group,
                    held: a.held,
                    per_group: a.per_group.clone(),
                })
                .collect(),
        })
        .collect()
}
