//! A deterministic generator of synthetic facts, for tests and benchmarks.
//!
//! Given a project, the TERC register and a seed, it yields any number of facts
//! of the project's vocabulary: each declared kind about as often as each
//! other, with its fields filled by type (optional ones about half the time),
//! about 17 % expenditures, entries of participants where the project declares
//! `[participants]`, spread over the project's period and
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

use std::sync::Arc;

use crate::facts::{Fact, Fields, PersonKey, Value, What};
use crate::money::Amount;
use crate::project::Project;
use crate::territory::{Level, Register, TerytCode};
use crate::vocabulary::{FactKindDecl, FieldDecl, FieldType, Vocabulary};

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
    /// The roles an enum field over the file's `roles` takes, the first three
    /// times as often as each other one.
    roles: Vec<String>,
    /// Which indexes are retractions (a bit set), so none is retracted.
    retractions: Vec<u64>,
    vocabulary: Arc<Vocabulary>,
    /// The kinds drawn: the declared ones, and `entry` where the project
    /// declares participants.
    kinds: Vec<FactKindDecl>,
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
                // The file's first role three times as often as each other one.
                let mut roles: Vec<String> = project.roles.iter().map(|r| r.id.clone()).collect();
                if let Some(first) = roles.first().cloned() {
                    roles.insert(0, first.clone());
                    roles.insert(0, first);
                }
                roles
            },
            retractions: Vec::new(),
            vocabulary: Arc::clone(project.vocabulary()),
            kinds: {
                let mut kinds = project.fact_kinds.clone();
                if project.participants.is_some() {
                    kinds.extend(project.vocabulary().kind("entry").cloned());
                }
                kinds
            },
        })
    }

    /// A value of a field, by its type; `None` where the project offers none
    /// (an enum of an empty list, a group where it forms none).
    fn value(
        &mut self,
        field: &FieldDecl,
        territory: &TerytCode,
        date: NaiveDate,
    ) -> Option<Value> {
        let one = |g: &mut Generator| -> Option<Value> {
            Some(match field.field_type {
                FieldType::Person | FieldType::Household => Value::Person(g.person()),
                FieldType::Institution => Value::Text(format!("i{}", g.rng.below(g.institutions))),
                FieldType::Jst => Value::Jst(territory.clone()),
                FieldType::Group => {
                    if g.groups.is_empty() {
                        return None;
                    }
                    Value::Text(g.rng.pick(&g.groups).clone())
                }
                FieldType::Organisation => Value::Text(g.rng.pick(&g.partners).clone()),
                FieldType::Count => Value::Count(5 + u32::try_from(g.rng.below(30)).unwrap_or(0)),
                FieldType::Days => Value::Count(1 + u32::try_from(g.rng.below(2)).unwrap_or(0)),
                FieldType::Hours => Value::Hours(rust_decimal::Decimal::new(
                    i64::try_from(50 + g.rng.below(750)).unwrap_or(100),
                    2,
                )),
                FieldType::Amount => Value::Amount(Amount::from_grosze(
                    i64::try_from(10_000 + g.rng.below(5_000_000)).unwrap_or(0),
                )),
                FieldType::Enum => {
                    let values: Vec<String> = match field.enumeration.as_deref() {
                        Some("roles") => g.roles.clone(),
                        Some("sectors") => g.sectors.clone(),
                        _ => g
                            .vocabulary
                            .values(field)
                            .unwrap_or(&[])
                            .iter()
                            .map(|v| v.id.clone())
                            .collect(),
                    };
                    if values.is_empty() {
                        return None;
                    }
                    Value::Text(g.rng.pick(&values).clone())
                }
                FieldType::Date => Value::Date(date),
                _ => Value::Text("synthetic".to_owned()),
            })
        };
        if field.many {
            let n = self.rng.below(3);
            let items: Vec<Value> = (0..n).filter_map(|_| one(self)).collect();
            (!items.is_empty()).then_some(Value::List(items))
        } else {
            one(self)
        }
    }

    /// A fact of a kind the project declares (or an entry), its fields filled.
    fn declared(&mut self, territory: &TerytCode, date: NaiveDate) -> Option<What> {
        if self.kinds.is_empty() {
            return None;
        }
        let kind = self.rng.pick(&self.kinds).clone();
        // The first field of `one_of` that can have a value here is given.
        let forced = kind.one_of.iter().find(|name| {
            kind.field(name).is_some_and(|f| match f.field_type {
                FieldType::Group => !self.groups.is_empty(),
                FieldType::Enum => match f.enumeration.as_deref() {
                    Some("roles") => !self.roles.is_empty(),
                    Some("sectors") => !self.sectors.is_empty(),
                    _ => self.vocabulary.values(f).is_some_and(|v| !v.is_empty()),
                },
                _ => true,
            })
        });
        let forced = forced.cloned();
        let mut values = Vec::new();
        for field in &kind.fields {
            let wanted = field.required
                || forced.as_deref() == Some(field.id.as_str())
                || self.rng.below(2) == 0;
            if !wanted {
                continue;
            }
            match self.value(field, territory, date) {
                Some(v) => values.push((field.id.clone(), v)),
                None if field.required => return None,
                None => {}
            }
        }
        if !kind.one_of.is_empty() && !values.iter().any(|(name, _)| kind.one_of.contains(name)) {
            return None;
        }
        Some(What::Fields(Fields {
            kind: kind.id.clone(),
            values,
        }))
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
        // Per mille: the declared kinds 820, expenditure 170, retraction 10.
        let roll = self.rng.below(1000);
        let expenditure = |g: &mut Generator| What::Expenditure {
            partner: g.rng.pick(&g.partners).clone(),
            amount: Amount::from_grosze(
                i64::try_from(10_000 + g.rng.below(5_000_000)).unwrap_or(0),
            ),
            category: (*g
                .rng
                .pick(&["wynagrodzenia", "usługi", "materiały", "podróże", "inne"]))
            .to_owned(),
            plan: None,
            document: None,
        };
        let what = match roll {
            0..820 => match self.declared(&territory, date) {
                Some(what) => what,
                None => expenditure(self),
            },
            820..990 => expenditure(self),
            _ if index > 0 => {
                let mut target = self.rng.below(index);
                while self.is_retraction(target) && target > 0 {
                    target -= 1;
                }
                if self.is_retraction(target) {
                    expenditure(self)
                } else {
                    self.mark_retraction(index);
                    What::Retraction {
                        retracts: format!("g{target}"),
                        reason: "synthetic correction".to_owned(),
                    }
                }
            }
            _ => expenditure(self),
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
