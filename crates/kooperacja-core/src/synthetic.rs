//! A deterministic generator of synthetic facts, for tests and benchmarks.
//!
//! Given a project, the TERC register and a seed, it yields any number of facts
//! with a realistic mix: every kind of fact, spread over the project's period and
//! over the gminas and powiats of the project's voivodeships in the register
//! (all of Poland's when the project names none there), so that every fact
//! fits the project and counts (see [`crate::admission`]), recorded by the
//! partner of the fact's voivodeship where there is one (else by the leader),
//! with persons, institutions and JST drawn from pools sized to the count, and
//! about 1 % retractions of earlier facts. The same project, register, seed and
//! count always give the same facts. Every fact carries no note; callers that
//! write them out label them as synthetic.
//!
//! ```
//! use kooperacja_core::synthetic::Generator;
//! use kooperacja_core::project::Project;
//! use kooperacja_core::territory::Register;
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let register = Register::parse_terc(include_str!("../../../fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"))?;
//! let a: Vec<_> = Generator::new(&project, &register, 7, 1000)?.collect();
//! let b: Vec<_> = Generator::new(&project, &register, 7, 1000)?.collect();
//! assert_eq!(a.len(), 1000);
//! assert_eq!(a, b);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;

use crate::facts::{DeliverableKind, Fact, PersonKey, What};
use crate::money::Amount;
use crate::project::Project;
use crate::schedule::{ActivityKind, CoachingForm};
use crate::territory::{Level, Register, TerytCode};

/// SplitMix64: a small, fast, well-mixed generator; enough for test data.
#[derive(Debug, Clone)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        // The modulo bias is below 2^-40 for the sizes used here.
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        &items[i]
    }
}

/// Why no generator could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GeneratorError {
    /// The register lists no powiat and no gmina.
    #[error("the register has no powiat or gmina to spread synthetic facts over")]
    NoUnits,
}

/// The generator; an iterator of [`Fact`]s.
#[derive(Debug, Clone)]
pub struct Generator {
    rng: SplitMix64,
    count: u64,
    produced: u64,
    start: NaiveDate,
    days: u64,
    gminas: Vec<TerytCode>,
    powiats: Vec<TerytCode>,
    /// Partner id per voivodeship code (first two digits), and the leader.
    partner_of: Vec<(String, String)>,
    leader: String,
    partners: Vec<String>,
    groups: Vec<String>,
    sectors: Vec<String>,
    persons: u64,
    institutions: u64,
    /// The roles of coaching facts, the first (social workers, where the
    /// project has them) three times as often as each other one.
    roles: Vec<String>,
    /// Which indexes are retractions (a bit set), so none is retracted.
    retractions: Vec<u64>,
}

/// The units of `level` in the project's voivodeships, or in all of the
/// register when none of them is there.
fn within_project(project: &Project, register: &Register, level: Level) -> Vec<TerytCode> {
    let inside: Vec<TerytCode> = register
        .at_level(level)
        .filter(|u| {
            project
                .territory
                .voivodeships
                .iter()
                .any(|v| v.code == u.code.voivodeship())
        })
        .map(|u| u.code.clone())
        .collect();
    if inside.is_empty() {
        register.at_level(level).map(|u| u.code.clone()).collect()
    } else {
        inside
    }
}

impl Generator {
    /// A generator of `count` facts for `project`, spread over the gminas and
    /// powiats of `register`, seeded by `seed`; an error if the register has
    /// no powiat or gmina to spread them over.
    ///
    /// ```
    /// use kooperacja_core::synthetic::Generator;
    /// use kooperacja_core::project::Project;
    /// use kooperacja_core::territory::Register;
    /// let project = Project::parse(include_str!("../../../fixtures/projects/koordynacja-kujawy-pomorze.toml"))?;
    /// let voivodeship_only = Register::parse_terc("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n04;;;;KUJAWSKO-POMORSKIE;województwo;2025-01-01\n")?;
    /// let err = Generator::new(&project, &voivodeship_only, 1, 10).unwrap_err();
    /// assert_eq!(err.to_string(), "the register has no powiat or gmina to spread synthetic facts over");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        project: &Project,
        register: &Register,
        seed: u64,
        count: u64,
    ) -> Result<Generator, GeneratorError> {
        let period = project.current_version().map(|v| v.period);
        let (start, days) = match period {
            Some(p) => (p.start(), u64::from(p.days())),
            None => (NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid"), 365),
        };
        let leader = project
            .leader()
            .map_or_else(|| "leader".to_owned(), |o| o.id.clone());
        let partner_of = project
            .organisations
            .iter()
            .filter_map(|o| {
                o.voivodeship
                    .as_ref()
                    .map(|v| (v.to_string(), o.id.clone()))
            })
            .collect();
        let sectors: Vec<String> = project.sectors.iter().map(|s| s.id.clone()).collect();
        let gminas = within_project(project, register, Level::Gmina);
        let powiats = within_project(project, register, Level::Powiat);
        if gminas.is_empty() && powiats.is_empty() {
            return Err(GeneratorError::NoUnits);
        }
        let mut partners: Vec<String> =
            project.organisations.iter().map(|o| o.id.clone()).collect();
        if partners.is_empty() {
            partners.push(leader.clone());
        }
        Ok(Generator {
            rng: SplitMix64(seed ^ 0x6b6f_6f70_6572_6163),
            count,
            produced: 0,
            start,
            days: days.max(1),
            gminas,
            powiats,
            partner_of,
            leader,
            partners,
            groups: project.groups.iter().map(|g| g.code.clone()).collect(),
            sectors,
            persons: (count / 10).max(10),
            institutions: (count / 40).max(10),
            roles: {
                let mut roles: Vec<String> = project.roles.iter().map(|r| r.id.clone()).collect();
                if let Some(i) = roles.iter().position(|r| r == "social-worker") {
                    roles.swap(0, i);
                }
                match roles.first().cloned() {
                    Some(first) => {
                        roles.insert(0, first.clone());
                        roles.insert(0, first);
                    }
                    None => roles.push("social-worker".to_owned()),
                }
                roles
            },
            retractions: Vec::new(),
        })
    }

    fn recorder(&self, territory: &TerytCode) -> String {
        let v = territory.voivodeship();
        self.partner_of
            .iter()
            .find(|(code, _)| code == v.as_str())
            .map_or_else(|| self.leader.clone(), |(_, id)| id.clone())
    }

    fn is_retraction(&self, index: u64) -> bool {
        let word = usize::try_from(index / 64).unwrap_or(usize::MAX);
        self.retractions
            .get(word)
            .is_some_and(|w| w & (1 << (index % 64)) != 0)
    }

    fn mark_retraction(&mut self, index: u64) {
        let word = usize::try_from(index / 64).unwrap_or(usize::MAX);
        if self.retractions.len() <= word {
            self.retractions.resize(word + 1, 0);
        }
        self.retractions[word] |= 1 << (index % 64);
    }

    fn person(&mut self) -> PersonKey {
        let n = self.rng.below(self.persons);
        // Made-up persons get keys of the pseudonym's shape directly, so that
        // generated facts hold no value a reader would hash.
        PersonKey::from_checked(format!("{}{n:040x}", crate::pseudonym::PREFIX))
    }
}

impl Iterator for Generator {
    type Item = Fact;

    fn next(&mut self) -> Option<Fact> {
        if self.produced >= self.count {
            return None;
        }
        let index = self.produced;
        self.produced += 1;
        let date = self.start
            + chrono::Duration::days(i64::try_from(self.rng.below(self.days)).unwrap_or(0));
        let at_powiat = self.rng.below(10) == 0;
        // `new` ensures that one of the two lists is not empty.
        let territory = if (at_powiat && !self.powiats.is_empty()) || self.gminas.is_empty() {
            self.rng.pick(&self.powiats).clone()
        } else {
            self.rng.pick(&self.gminas).clone()
        };
        let recorded_by = self.recorder(&territory);
        // Kinds, per mille: meeting 250, coaching 150, agreement 100, support 200,
        // qualification 80, pilot 20, DI plan 20, deliverable 1, expenditure 169,
        // retraction 10.
        let roll = self.rng.below(1000);
        let what = match roll {
            0..250 => {
                let by_group = !self.groups.is_empty() && self.rng.below(4) != 0;
                let persons = (0..self.rng.below(3)).map(|_| self.person()).collect();
                What::Meeting {
                    group: by_group.then(|| self.rng.pick(&self.groups).clone()),
                    activity: if by_group {
                        None
                    } else {
                        Some(*self.rng.pick(&[
                            ActivityKind::Education,
                            ActivityKind::Seminar,
                            ActivityKind::Dissemination,
                        ]))
                    },
                    days: 1 + u32::try_from(self.rng.below(2)).unwrap_or(0),
                    participants: 5 + u32::try_from(self.rng.below(30)).unwrap_or(0),
                    place: None,
                    persons,
                    led_by: Vec::new(),
                }
            }
            250..400 => What::Coaching {
                person: self.person(),
                form: if self.rng.below(3) == 0 {
                    CoachingForm::Individual
                } else {
                    CoachingForm::Group
                },
                role: self.rng.pick(&self.roles).clone(),
            },
            400..500 if self.sectors.is_empty() => {
                // A project with no sectors signs no agreements: the
                // institution is supported instead.
                let n = self.rng.below(self.institutions);
                What::Support {
                    person: None,
                    institution: Some(format!("i{n}")),
                    role: None,
                }
            }
            400..500 => {
                let n = self.rng.below(self.institutions);
                What::Agreement {
                    institution: format!("i{n}"),
                    name: format!("Instytucja {n}"),
                    sector: self.rng.pick(&self.sectors).clone(),
                    place: None,
                }
            }
            500..700 => {
                if self.rng.below(5) == 0 {
                    let n = self.rng.below(self.institutions);
                    What::Support {
                        person: None,
                        institution: Some(format!("i{n}")),
                        role: None,
                    }
                } else {
                    What::Support {
                        person: Some(self.person()),
                        institution: None,
                        role: self.roles.first().cloned(),
                    }
                }
            }
            700..780 => What::Qualification {
                person: self.person(),
            },
            780..800 => What::Pilot {
                jst: territory.clone(),
            },
            800..820 => What::DiPlan {
                jst: territory.clone(),
            },
            820..821 => What::Deliverable {
                deliverable: *self.rng.pick(&[
                    DeliverableKind::Model,
                    DeliverableKind::PilotReport,
                    DeliverableKind::SummaryReport,
                ]),
                title: "Raport".to_owned(),
            },
            821..990 => What::Expenditure {
                partner: self.rng.pick(&self.partners).clone(),
                amount: Amount::from_grosze(
                    i64::try_from(10_000 + self.rng.below(5_000_000)).unwrap_or(0),
                ),
                category: (*self.rng.pick(&[
                    "wynagrodzenia",
                    "spotkania",
                    "coaching",
                    "badania",
                    "platforma",
                ]))
                .to_owned(),
            },
            _ if index > 0 => {
                let mut target = self.rng.below(index);
                while self.is_retraction(target) && target > 0 {
                    target -= 1;
                }
                if self.is_retraction(target) {
                    What::Qualification {
                        person: self.person(),
                    }
                } else {
                    self.mark_retraction(index);
                    What::Retraction {
                        retracts: format!("g{target}"),
                        reason: "synthetic correction".to_owned(),
                    }
                }
            }
            _ => What::Qualification {
                person: self.person(),
            },
        };
        Some(Fact {
            id: format!("g{index}"),
            date,
            recorded_by,
            territory: Some(territory),
            what,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::try_from(self.count - self.produced).unwrap_or(usize::MAX);
        (left, Some(left))
    }
}
