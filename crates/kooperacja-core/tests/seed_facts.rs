//! Every fact of `SEED-FACTS.md` that the project fixtures hold, checked against
//! the fixtures. Each check names its fact: `// SEED: B-03`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use kooperacja_core::area::Territory;
use kooperacja_core::budget::FundingSource;
use kooperacja_core::groups::GroupLevel;
use kooperacja_core::indicator::{CountedOnce, Indicator, IndicatorKind, Target};
use kooperacja_core::money::{Amount, Rate, Rounding};
use kooperacja_core::organisation::{OrganisationKind, PartnerRole};
use kooperacja_core::project::{Project, Value, VersionKind};
use kooperacja_core::schedule::Milestone;
use kooperacja_core::territory::{GminaType, Level, Register, TerytCode};
use kooperacja_core::validate::{Severity, Validation, rate_checks, validate};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{rel}")).expect("fixture readable")
}

fn kooperacja() -> Project {
    Project::parse(&read("projects/kooperacja-makroregion-ii.toml")).expect("fixture parses")
}

fn fers() -> Project {
    Project::parse(&read("projects/koordynacja-kujawy-pomorze.toml")).expect("fixture parses")
}

fn register() -> Register {
    Register::parse_terc(&read("teryt/TERC_Urzedowy_2025-11-18.csv")).expect("register parses")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn amount(text: &str) -> Amount {
    Amount::parse(text).expect("valid amount")
}

fn indicator<'a>(p: &'a Project, id: &str) -> &'a Indicator {
    p.indicators
        .iter()
        .find(|i| i.id == id)
        .expect("indicator present")
}

fn milestone<'a>(p: &'a Project, id: &str) -> &'a Milestone {
    p.milestones_of("umowa")
        .iter()
        .find(|m| m.id == id)
        .expect("milestone present")
}

fn findings(v: &Validation, code: &str) -> Vec<String> {
    v.with_code(code)
        .map(|f| format!("{} {}", f.path, f.message))
        .collect()
}

fn voivodeship_powiats(t: &Territory, code: &str) -> Vec<(String, Vec<String>)> {
    t.voivodeships
        .iter()
        .find(|v| v.code.as_str() == code)
        .expect("voivodeship listed")
        .powiats
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.gminas.iter().map(|g| g.name.clone()).collect(),
            )
        })
        .collect()
}

fn names(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    list.iter()
        .map(|(p, gs)| {
            (
                (*p).to_owned(),
                gs.iter().map(|g| (*g).to_owned()).collect(),
            )
        })
        .collect()
}

#[test]
fn project_identity() {
    let p = kooperacja();
    // SEED: P-01
    assert_eq!(p.title, "Kooperacja – efektywna i skuteczna");
    // SEED: P-02
    assert_eq!(p.programme.short, "PO WER");
    assert_eq!(
        p.programme.name,
        "Program Operacyjny Wiedza Edukacja Rozwój 2014-2020"
    );
    assert_eq!(
        (
            p.programme.action.as_str(),
            p.programme.action_name.as_str()
        ),
        ("2.5", "Skuteczna pomoc społeczna")
    );
    assert_eq!(p.programme.fund, "EFS");
    // SEED: P-09
    assert_eq!(p.programme.specific_objective.as_deref(), Some("2"));
}

#[test]
fn leader_and_partners() {
    let p = kooperacja();
    // SEED: P-03
    let leader = p.leader().expect("a leader");
    assert_eq!(
        leader.name,
        "Regionalny Ośrodek Polityki Społecznej w Toruniu"
    );
    assert_eq!(
        leader.represents.as_deref(),
        Some("Województwo Kujawsko-Pomorskie")
    );
    assert!(leader.signed_funding_agreement);
    assert_eq!(
        p.organisations
            .iter()
            .filter(|o| o.role == PartnerRole::Leader)
            .count(),
        1
    );
    // SEED: P-04
    let partners: Vec<(&str, Option<&str>)> = p
        .partners()
        .map(|o| (o.name.as_str(), o.represents.as_deref()))
        .collect();
    assert_eq!(
        partners,
        vec![
            (
                "Regionalny Ośrodek Polityki Społecznej w Zielonej Górze",
                Some("Województwo Lubuskie")
            ),
            (
                "Regionalny Ośrodek Polityki Społecznej w Gdańsku",
                Some("Województwo Pomorskie")
            ),
            (
                "Regionalny Ośrodek Polityki Społecznej w Olsztynie",
                Some("Województwo Warmińsko-Mazurskie")
            ),
            (
                "Regionalny Ośrodek Polityki Społecznej w Poznaniu",
                Some("Województwo Wielkopolskie")
            ),
            (
                "Regionalny Ośrodek Polityki Społecznej w Szczecinie",
                Some("Województwo Zachodniopomorskie")
            ),
            ("Uniwersytet Mikołaja Kopernika w Toruniu", None),
        ]
    );
    let umk = p.organisation("umk").expect("UMK");
    assert_eq!(umk.kind, OrganisationKind::University);
    assert_eq!(umk.unit.as_deref(), Some("Centrum Badań nad Rodziną"));
}

#[test]
fn goals_of_both_versions() {
    let p = kooperacja();
    let (original, amended) = (&p.versions[0], &p.versions[1]);
    // SEED: P-05
    for v in [original, amended] {
        assert!(v.goal.text.contains("modelu kooperacji pomiędzy instytucjami pomocy i integracji społecznej a podmiotami innych polityk sektorowych"));
        assert!(v.goal.text.contains("dla gmin miejsko-wiejskich"));
        assert!(v.goal.text.contains("Makroregionu II"));
    }
    assert_eq!(p.territory.gmina_type, Some(GminaType::UrbanRural));
    // SEED: P-06
    assert!(!original.goal.text.contains("deinstytucjonalizacji"));
    assert!(
        amended.goal.text.contains(
            "popularyzacja deinstytucjonalizacji (DI) oraz centrów usług społecznych (CUS)"
        )
    );
    assert_eq!(original.goal.deadline, Some(date(2021, 3, 31)));
    assert_eq!(amended.goal.deadline, Some(date(2022, 12, 31)));
}

#[test]
fn target_groups_and_sectors() {
    let p = kooperacja();
    // SEED: P-07
    let tg = &p.target_groups[0];
    assert_eq!(
        tg.especially,
        [
            "labour-market",
            "education",
            "health",
            "judiciary",
            "police"
        ]
    );
    assert_eq!((tg.powiats, tg.gminas), (Some(20), Some(30)));
    // The stated counts agree with the territory: no count finding.
    assert!(findings(&validate(&p, None), "territory.count-mismatch").is_empty());
    // SEED: P-08
    let sectors: Vec<&str> = p.sectors.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        sectors,
        [
            "social-assistance",
            "education",
            "health",
            "culture",
            "sport",
            "judiciary",
            "police",
            "ngo",
            "labour-market"
        ]
    );
    // SEED: P-10
    let obligatory = p
        .target_groups
        .iter()
        .find(|t| t.obligatory)
        .expect("obligatory group");
    assert_eq!(obligatory.roles, ["social-worker", "family-assistant"]);
    assert_eq!(obligatory.level, Some(Level::Gmina));
    assert_eq!(p.territory.selection_order, [Level::Gmina, Level::Powiat]);
}

#[test]
fn money_of_both_versions() {
    let p = kooperacja();
    let (original, amended) = (&p.versions[0].budget, &p.versions[1].budget);
    // SEED: B-01
    assert_eq!(original.total.amount, amount("11 977 479,39 zł"));
    // SEED: B-02
    assert_eq!(original.eu_contribution.amount, amount("10 094 619,62 zł"));
    // SEED: B-03
    assert_eq!(amended.total.amount, amount("31 604 368,34 zł"));
    assert_eq!(amended.total.as_written.as_deref(), Some("31 604 368,34zł"));
    // SEED: B-04
    assert_eq!(amended.eu_contribution.amount, amount("26 736 161,63 zł"));
    let umk = amended
        .partners
        .iter()
        .find(|b| b.organisation == "umk")
        .expect("UMK's budget");
    // SEED: B-05
    assert_eq!(umk.total.amount, amount("4 863 047,40 zł"));
    assert_eq!(umk.total.as_written.as_deref(), Some("4 863 047, 40 zł"));
    // SEED: B-06
    assert_eq!(
        umk.eu_contribution.as_ref().expect("UMK EU").amount,
        amount("4 098 576,36 zł")
    );
    // SEED: B-07
    assert_eq!(
        p.programme.co_financed_by,
        [FundingSource::Eu, FundingSource::StateBudget]
    );
    assert_eq!(original.national_contribution(), amount("1 882 859,77 zł"));
}

#[test]
fn periods_and_versions() {
    let p = kooperacja();
    // SEED: T-01
    assert_eq!(
        p.versions[0].period.to_polish(),
        "01.04.2018 r. – 31.03.2021 r."
    );
    assert_eq!(p.versions[0].period.whole_months(), Some(36));
    // SEED: T-02
    assert_eq!(
        p.versions[1].period.to_polish(),
        "01.04.2018 r. – 31.12.2022 r."
    );
    // SEED: T-03
    assert_eq!(
        p.versions.iter().map(|v| v.kind).collect::<Vec<_>>(),
        [VersionKind::Agreement, VersionKind::Amendment]
    );
    assert_eq!(p.current_version().map(|v| v.id.as_str()), Some("aneks"));
    let diff = p.diff("umowa", "aneks").expect("both versions exist");
    let changed: Vec<&str> = diff.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        changed,
        [
            "period",
            "goal.text",
            "goal.deadline",
            "budget.total",
            "budget.eu_contribution",
            "budget.national_contribution",
            "budget.partners[umk].total",
            "budget.partners[umk].eu_contribution",
        ]
    );
    let total = diff
        .changes
        .iter()
        .find(|c| c.field == "budget.total")
        .expect("total changed");
    assert_eq!(
        (&total.old, &total.new),
        (
            &Value::Amount(amount("11 977 479,39")),
            &Value::Amount(amount("31 604 368,34"))
        )
    );
    // The milestones are unchanged: the amendment inherits them.
    assert_eq!(p.milestones_of("aneks"), p.milestones_of("umowa"));
    assert!(p.diff("umowa", "nope").is_none());
}

#[test]
fn derived_rates_are_explained() {
    // SEED: T-04
    let checks = rate_checks(&kooperacja());
    let summary: Vec<(String, bool, String, String)> = checks
        .iter()
        .map(|c| {
            (
                c.subject.clone(),
                c.matches,
                c.expected.to_plain(),
                c.implied_percent_shown(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "umowa · project".to_owned(),
                true,
                "10094619.62".to_owned(),
                "84.2800".to_owned()
            ),
            (
                "aneks · project".to_owned(),
                false,
                "26636161.63".to_owned(),
                "84.5964".to_owned()
            ),
            (
                "aneks · partner umk".to_owned(),
                false,
                "4098576.34".to_owned(),
                "84.2800002".to_owned()
            ),
        ]
    );
    // 11 977 479,39 × 0,8428 = 10 094 619,6298…: only rounding down gives the stated amount.
    assert_eq!(checks[0].exact_product.to_string(), "10094619.629892");
    assert_eq!(checks[0].matching_roundings, [Rounding::Down]);
    // B-04/B-03 ≈ 84.596 %.
    assert_eq!(
        checks[1].implied_rate.percent_rounded(3).to_string(),
        "84.596"
    );
}

#[test]
fn macroregions() {
    let p = kooperacja();
    let codes = |id: &str| -> Vec<&str> {
        p.macroregions
            .iter()
            .find(|m| m.id == id)
            .expect("macroregion")
            .voivodeships
            .iter()
            .map(TerytCode::as_str)
            .collect()
    };
    // SEED: R-01
    assert_eq!(p.macroregions[0].project, "Liderzy kooperacji");
    assert_eq!(codes("I"), ["18", "20", "06", "26", "14"]);
    // SEED: R-02
    assert_eq!(codes("II"), ["04", "32", "08", "30", "28", "22"]);
    assert_eq!(p.territory.macroregion.as_deref(), Some("II"));
    // SEED: R-03
    assert_eq!(
        p.macroregions[2].project,
        "Kooperacje 3D – model wielosektorowej współpracy na rzecz wsparcia osób i rodzin"
    );
    assert_eq!(codes("III"), ["24", "10", "12", "16"]);
    let reg = register();
    let name = |c: &str| {
        reg.get(&TerytCode::parse(c).expect("code"))
            .expect("in register")
            .name
            .clone()
    };
    assert_eq!(
        ["18", "20", "06", "26", "14", "24", "10", "12", "16"].map(name),
        [
            "podkarpackie",
            "podlaskie",
            "lubelskie",
            "świętokrzyskie",
            "mazowieckie",
            "śląskie",
            "łódzkie",
            "małopolskie",
            "opolskie"
        ]
    );
}

#[test]
fn powiats_and_gminas_per_voivodeship() {
    let t = kooperacja().territory;
    // SEED: R-04
    assert_eq!(
        voivodeship_powiats(&t, "04"),
        names(&[
            ("nakielski", &["Nakło nad Notecią", "Kcynia"]),
            ("tucholski", &["Tuchola"]),
            ("inowrocławski", &["Gniewkowo", "Kruszwica"])
        ])
    );
    // SEED: R-05
    assert_eq!(
        voivodeship_powiats(&t, "32"),
        names(&[
            ("goleniowski", &["Goleniów", "Stepnica"]),
            ("policki", &["Nowe Warpno"]),
            ("stargardzki", &["Dobrzany", "Chociwel"])
        ])
    );
    // SEED: R-06
    assert_eq!(
        voivodeship_powiats(&t, "28"),
        names(&[
            ("piski", &["Pisz"]),
            ("ostródzki", &["Morąg", "Miłomłyn"]),
            ("kętrzyński", &["Korsze", "Reszel"])
        ])
    );
    // SEED: R-07
    assert_eq!(
        voivodeship_powiats(&t, "22"),
        names(&[
            ("kartuski", &["Kartuzy", "Żukowo"]),
            ("sztumski", &["Dzierzgoń"]),
            ("chojnicki", &["Brusy"]),
            ("starogardzki", &["Skarszewy"])
        ])
    );
    // SEED: R-08
    assert_eq!(
        voivodeship_powiats(&t, "30"),
        names(&[
            ("gnieźnieński", &["Czerniejewo"]),
            ("gostyński", &["Krobia"]),
            ("poznański", &["Kostrzyn", "Swarzędz"]),
            ("śremski", &["Śrem"])
        ])
    );
    // SEED: R-09
    assert_eq!(
        voivodeship_powiats(&t, "08"),
        names(&[
            ("nowosolski", &["Kożuchów"]),
            (
                "strzelecko-drezdenecki",
                &["Dobiegniew", "Drezdenko", "Strzelce Krajeńskie"]
            ),
            ("słubicki", &["Cybinka"])
        ])
    );
}

#[test]
fn territory_totals() {
    let t = kooperacja().territory;
    // SEED: R-10
    assert_eq!(
        (
            t.count(Level::Voivodeship),
            t.count(Level::Powiat),
            t.count(Level::Gmina),
            t.jst_count()
        ),
        (6, 20, 30, 50)
    );
    let per_voivodeship: Vec<usize> = t.voivodeships.iter().map(|v| v.powiats.len()).collect();
    assert_eq!(per_voivodeship, [3, 3, 3, 4, 4, 3]);
    assert!(
        t.gminas()
            .all(|g| g.code.gmina_type() == Some(GminaType::UrbanRural))
    );
    assert_eq!(
        (
            t.stated.voivodeships,
            t.stated.powiats,
            t.stated.gminas,
            t.stated.jst
        ),
        (Some(6), Some(20), Some(30), Some(50))
    );
    // SEED: E-04
    let stated: Vec<(&str, Option<u32>)> = t
        .voivodeships
        .iter()
        .map(|v| (v.name.as_str(), v.stated_powiats))
        .collect();
    assert_eq!(
        stated,
        [
            ("kujawsko-pomorskie", Some(3)),
            ("zachodniopomorskie", Some(3)),
            ("warmińsko-mazurskie", Some(3)),
            ("pomorskie", Some(4)),
            ("wielkopolskie", Some(4)),
            ("lubuskie", Some(3)),
        ]
    );
}

#[test]
fn teryt_codes_match_the_official_register() {
    // SEED: R-11
    let p = kooperacja();
    let reg = register();
    // The fixture's units are exactly the 56 units of the cross-check list.
    let listed: BTreeSet<(String, String, String)> = read("teryt/teryt-makroregion-ii.csv")
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            (f[1].to_owned(), f[2].to_owned(), f[3].to_owned())
        })
        .collect();
    let mut ours = BTreeSet::new();
    for v in &p.territory.voivodeships {
        ours.insert((v.code.to_string(), v.name.clone(), String::new()));
        for pw in &v.powiats {
            ours.insert((pw.code.to_string(), pw.name.clone(), v.code.to_string()));
            for g in &pw.gminas {
                ours.insert((g.code.to_string(), g.name.clone(), pw.code.to_string()));
            }
        }
    }
    assert_eq!(listed.len(), 56);
    assert_eq!(ours, listed);
    // And every one is in the official register under that name.
    for (code, name, _) in &listed {
        let unit = reg
            .get(&TerytCode::parse(code).expect("code"))
            .expect("unit in register");
        assert_eq!(&unit.name, name, "{code}");
    }
    assert!(
        validate(&p, Some(&reg))
            .with_code("teryt.unknown-code")
            .next()
            .is_none()
    );
    assert!(
        validate(&p, Some(&reg))
            .with_code("teryt.name-mismatch")
            .next()
            .is_none()
    );
}

#[test]
fn group_structures() {
    let p = kooperacja();
    let v = validate(&p, None);
    let kind = |code: &str| p.group_kind(code).expect("group kind");
    // SEED: G-01
    assert_eq!(
        (kind("RGR").one_per, kind("RGR").stated_count),
        (GroupLevel::Voivodeship, Some(6))
    );
    // SEED: G-02
    assert_eq!(
        (
            kind("PGR").one_per,
            kind("PGR").stated_count,
            kind("PGR").members
        ),
        (GroupLevel::Powiat, Some(20), Some(7))
    );
    // SEED: G-03
    assert_eq!(
        (kind("PGD").one_per, kind("PGD").stated_count),
        (GroupLevel::Powiat, Some(20))
    );
    // SEED: G-04
    assert_eq!(
        (kind("PGR").transforms_into.as_deref(), kind("PGR").in_task),
        (Some("PZK"), Some(2))
    );
    assert_eq!(
        (kind("PZK").one_per, kind("PZK").stated_count),
        (GroupLevel::Powiat, Some(20))
    );
    // SEED: G-05
    assert_eq!(
        (
            kind("KS").one_per,
            kind("KS").stated_count,
            kind("KS").joint
        ),
        (GroupLevel::Macroregion, Some(3), true)
    );
    // All stated counts equal those derived from the territory (6, 20, 20, 20, 3).
    assert!(findings(&v, "groups.count-mismatch").is_empty());
    assert!(findings(&v, "groups.transform-mismatch").is_empty());
    // SEED: G-06
    let km3 = milestone(&p, "KM-III");
    let dissemination = km3
        .activities
        .iter()
        .find(|a| a.kind == "dissemination")
        .expect("dissemination");
    assert_eq!(dissemination.carried_by, ["regional-animator", "umk"]);
    assert!(
        p.roles
            .iter()
            .any(|r| r.id == "regional-animator" && r.name == "regionalny animator współpracy")
    );
}

#[test]
fn milestone_periods_and_stated_months() {
    let p = kooperacja();
    let v = validate(&p, None);
    let check = |id: &str, period: &str, months: u32| {
        let m = milestone(&p, id);
        assert_eq!(m.period.to_polish(), period, "{id}");
        assert_eq!(m.stated_months, Some(months), "{id}");
        assert_eq!(m.period.whole_months(), Some(months), "{id}");
    };
    // SEED: M-01
    check("KM-I", "01.04.2018 r. – 31.03.2019 r.", 12);
    assert!(
        milestone(&p, "KM-I")
            .title
            .starts_with("Opracowanie modelu kooperacji instytucji pomocy i integracji")
    );
    // SEED: M-03
    check("KM-II", "01.04.2019 r. – 30.09.2020 r.", 18);
    assert_eq!(
        milestone(&p, "KM-II").title,
        "Przeprowadzenie testu modelu kooperacji"
    );
    // SEED: M-05
    check("KM-III", "01.10.2020 r. – 31.12.2020 r.", 3);
    assert_eq!(milestone(&p, "KM-III").title, "Podsumowanie testów");
    // SEED: M-07
    check("KM-IV", "01.01.2021 r. – 31.03.2021 r.", 3);
    assert_eq!(
        milestone(&p, "KM-IV").title,
        "Działania edukacyjne w stosowaniu rezultatów projektu na terenie kraju"
    );
    // Contiguous and inside both versions' periods.
    for code in [
        "schedule.months-mismatch",
        "schedule.gap",
        "schedule.overlap",
        "schedule.outside-period",
    ] {
        assert!(findings(&v, code).is_empty(), "{code}");
    }
}

/// Kind, group, count, days each, persons.
type ActivityLine<'a> = (
    &'a str,
    Option<String>,
    Option<u32>,
    Option<u32>,
    Option<u32>,
);

fn activity_summary(m: &Milestone) -> Vec<ActivityLine<'_>> {
    m.activities
        .iter()
        .map(|a| {
            (
                a.kind.as_str(),
                a.group.clone(),
                a.count,
                a.days_each,
                a.persons,
            )
        })
        .collect()
}

#[test]
fn milestone_activities() {
    let p = kooperacja();
    let g = |s: &str| Some(s.to_owned());
    // SEED: M-02
    assert_eq!(
        activity_summary(milestone(&p, "KM-I")),
        vec![
            ("meeting", g("PGR"), Some(100), Some(2), None),
            ("meeting", g("PGD"), Some(40), Some(1), None),
            ("meeting", g("RGR"), Some(12), Some(1), None),
            ("seminar", None, Some(40), Some(1), None),
            ("coaching", None, None, None, Some(30)),
            ("coaching", None, Some(6), Some(2), Some(90)),
            ("research", None, None, None, None),
            ("consultation", None, Some(6), None, None),
            ("platform", None, None, None, None),
            ("scientific-seminar", None, Some(1), None, None),
        ]
    );
    let km1 = milestone(&p, "KM-I");
    assert_eq!(km1.activities[4].form, Some("individual".to_owned()));
    assert_eq!(km1.activities[4].role.as_deref(), Some("social-worker"));
    assert_eq!(km1.activities[5].form, Some("group".to_owned()));
    assert_eq!(km1.activities[7].one_per, Some(GroupLevel::Voivodeship));
    assert_eq!(km1.activities[0].meeting_days(), Some(200));
    // SEED: M-04
    assert_eq!(
        activity_summary(milestone(&p, "KM-II")),
        vec![
            ("meeting", g("PZK"), Some(180), Some(2), None),
            ("meeting", g("PGD"), Some(40), None, None),
            ("meeting", g("RGR"), Some(18), None, None),
            ("selection", None, None, None, None),
            ("pilot", None, None, None, None),
            ("recommendations", None, None, None, None),
            ("coaching", None, Some(6), None, None),
            ("international-seminar", None, Some(1), None, None),
            ("steering-committee", g("KS"), Some(1), Some(2), None),
            ("platform", None, None, None, None),
        ]
    );
    // SEED: M-06
    assert_eq!(
        activity_summary(milestone(&p, "KM-III")),
        vec![
            ("report", None, None, None, None),
            ("dissemination", None, None, None, None),
            ("platform", None, None, None, None)
        ]
    );
    assert!(
        milestone(&p, "KM-III").activities[0]
            .text
            .contains("Księgi rekomendacyjnej")
    );
    // SEED: M-08
    assert_eq!(
        activity_summary(milestone(&p, "KM-IV")),
        vec![
            ("education", None, None, None, None),
            ("dissemination", None, Some(6), None, None),
            ("education", None, Some(1), None, None),
            ("steering-committee", g("KS"), Some(1), Some(2), None),
            ("platform", None, None, None, None),
        ]
    );
}

#[test]
fn activity_lists_follow_the_slide_order() {
    // SEED: M-09
    // In the extracted slides each list precedes its heading; the fixture assigns
    // each list to the heading after it, so PGR meetings (the model's groundwork)
    // belong to KM I and the PZK meetings of the test to KM II, as G-04 requires:
    // the PZK are formed from the PGR in task 2.
    let p = kooperacja();
    let has = |id: &str, group: &str| {
        milestone(&p, id)
            .activities
            .iter()
            .any(|a| a.group.as_deref() == Some(group))
    };
    assert!(has("KM-I", "PGR") && !has("KM-I", "PZK"));
    assert!(has("KM-II", "PZK") && !has("KM-II", "PGR"));
    for id in ["KM-I", "KM-II", "KM-III", "KM-IV"] {
        assert_eq!(
            milestone(&p, id).note.as_deref(),
            Some("activity list printed before the heading in the extracted text")
        );
    }
    // Planned meetings divide evenly among groups: 100/20 PGR, 180/20 PZK, 40/20 PGD, 12/6 and 18/6 RGR.
    assert!(
        validate(&p, None)
            .with_code("schedule.meetings-not-whole")
            .next()
            .is_none()
    );
}

fn indicator_summary(i: &Indicator) -> (IndicatorKind, Target, Option<&str>) {
    (i.kind, i.target, i.due.milestone.as_deref())
}

#[test]
fn kooperacja_indicators() {
    let p = kooperacja();
    // SEED: I-01
    assert_eq!(
        indicator_summary(indicator(&p, "jst-piloted")),
        (IndicatorKind::Result, Target::Count(50), Some("KM-II"))
    );
    assert_eq!(
        indicator(&p, "jst-piloted").counts_once,
        Some(CountedOnce::Jst)
    );
    // SEED: I-02
    assert_eq!(
        indicator_summary(indicator(&p, "entities-cooperating")),
        (IndicatorKind::Result, Target::Count(288), Some("KM-I"))
    );
    // SEED: I-03
    assert_eq!(
        indicator_summary(indicator(&p, "models-developed")),
        (IndicatorKind::Product, Target::Count(1), Some("KM-I"))
    );
    // SEED: I-04
    let coached = indicator(&p, "social-workers-coached");
    assert_eq!(
        indicator_summary(coached),
        (IndicatorKind::Product, Target::Count(100), Some("KM-I"))
    );
    assert_eq!(coached.counts_once, Some(CountedOnce::Person));
    assert_eq!(coached.planned_by.as_deref(), Some("coaching"));
    // SEED: I-05
    assert_eq!(
        indicator_summary(indicator(&p, "pilot-reports")),
        (IndicatorKind::Product, Target::Count(1), Some("KM-II"))
    );
    // SEED: I-06
    assert_eq!(
        indicator_summary(indicator(&p, "summary-reports")),
        (IndicatorKind::Product, Target::Count(1), Some("KM-III"))
    );
    // SEED: I-07
    assert_eq!(
        indicator_summary(indicator(&p, "training-meetings")),
        (IndicatorKind::Product, Target::Count(6), Some("KM-IV"))
    );
    assert!(
        indicator(&p, "training-meetings")
            .name
            .contains("Makroregionu II")
    );
    assert!(
        validate(&p, None)
            .with_code("reference.unknown")
            .next()
            .is_none()
    );
}

#[test]
fn selection_in_warminsko_mazurskie() {
    let p = kooperacja();
    let s = &p.territory.selections[0];
    // SEED: S-01
    assert_eq!(
        (s.voivodeship.as_str(), s.by.as_str(), s.gminas, s.powiats),
        ("28", "rops-olsztyn", 5, 3)
    );
    assert_eq!(s.month.to_string(), "2018-04");
    // SEED: S-02
    let subregions: Vec<(&str, u32)> = s
        .subregions
        .iter()
        .map(|r| (r.name.as_str(), r.gminas))
        .collect();
    assert_eq!(
        subregions,
        [("olsztyński", 2), ("elbląski", 2), ("ełcki", 1)]
    );
    // SEED: S-03
    assert_eq!(
        s.data_source.as_deref(),
        Some("Ocena zasobów pomocy społecznej województwa warmińsko-mazurskiego za 2016 rok")
    );
    // SEED: S-04
    assert_eq!(
        s.main_criterion.as_deref(),
        Some("liczba rodzin oraz osób w rodzinach korzystających z pomocy społecznej")
    );
    assert_eq!(s.other_criteria.len(), 4);
    assert!(s.other_criteria[0].contains("bezradności w sprawach opiekuńczo-wychowawczych"));
    assert!(s.other_criteria[3].contains("dochodów"));
    // SEED: S-05
    let chosen: Vec<&str> = s.chosen.iter().map(TerytCode::as_str).collect();
    assert_eq!(
        chosen,
        [
            "2816033", "2815083", "2815073", "2808043", "2808053", "2816", "2815", "2808"
        ]
    );
    assert!(s.all_agreed);
    // The selection agrees with the territory.
    assert!(
        validate(&p, None)
            .with_code("selection.mismatch")
            .next()
            .is_none()
    );
}

#[test]
fn fers_project() {
    let p = fers();
    // SEED: F-01
    assert_eq!(
        p.title,
        "Koordynacja spójnej polityki społecznej Kujaw i Pomorza"
    );
    // SEED: F-02
    assert_eq!(
        (
            p.programme.short.as_str(),
            p.programme.action.as_str(),
            p.programme.action_name.as_str(),
            p.programme.fund.as_str()
        ),
        (
            "FERS",
            "04.13",
            "Wysokiej jakości system włączenia społecznego",
            "EFS+"
        )
    );
    assert_eq!(
        p.programme.name,
        "Fundusze Europejskie dla Rozwoju Społecznego 2021-2027"
    );
    // SEED: F-03
    assert_eq!(
        p.versions[0].period.to_polish(),
        "01.11.2023 r. – 31.12.2028 r."
    );
    // SEED: F-04
    let b = &p.versions[0].budget;
    assert_eq!(
        (b.total.amount, b.eu_contribution.amount),
        (amount("22 009 655,37 zł"), amount("18 162 367,61 zł"))
    );
    let checks = rate_checks(&p);
    assert_eq!(checks.len(), 1);
    assert!(checks[0].matches);
    assert_eq!(
        checks[0].programme_rate,
        Rate::parse("82,52 %").expect("rate")
    );
    assert_eq!(checks[0].rounding, Rounding::Down);
    // 22 009 655,37 × 0,8252 = 18 162 367,611…: any of the roundings gives …,61.
    assert_eq!(checks[0].exact_product.to_string(), "18162367.611324");
    assert_eq!(checks[0].matching_roundings, Rounding::ALL);
    // SEED: F-05
    assert_eq!(
        p.tasks[0].title,
        "Koordynowanie działań w zakresie polityki społecznej w regionie"
    );
    assert!(p.tasks[0].items.iter().any(|i| i.contains("RPDI")));
    assert!(p.tasks[0].items.iter().any(|i| i.contains("OWES")));
    // SEED: F-06
    assert_eq!(
        p.tasks[1].title,
        "Wdrażanie działań na rzecz rozwoju polityki społecznej w regionie"
    );
    assert_eq!(
        (p.tasks[1].number, p.tasks[1].as_written_number),
        (2, Some(1))
    );
    assert!(p.tasks[1].items.iter().any(|i| i.contains("LPDI")));
    assert!(p.tasks[1].items.iter().any(|i| i.contains("cudzoziemców")));
    // SEED: F-07
    assert_eq!(p.target_groups.len(), 7);
    assert!(p.target_groups[0].name.starts_with("pracownicy socjalni"));
    assert!(p.target_groups[5].name.contains("OWES"));
    let ind = |id: &str| indicator(&p, id);
    // SEED: F-08
    assert_eq!(
        (
            ind("persons-supported").kind,
            ind("persons-supported").target
        ),
        (IndicatorKind::Result, Target::Count(1100))
    );
    // SEED: F-09
    assert_eq!(ind("institutions-supported").target, Target::Count(200));
    // SEED: F-10
    assert_eq!(ind("persons-qualified").target, Target::Count(1045));
    assert_eq!(
        ind("persons-qualified").subset_of.as_deref(),
        Some("persons-supported")
    );
    // SEED: F-11
    assert_eq!(
        ind("jst-di-plans").target,
        Target::Share(Rate::parse("50 %").expect("rate"))
    );
    // Due at the end of the project: no milestone, no date.
    assert!(
        p.indicators
            .iter()
            .all(|i| i.due.milestone.is_none() && i.due.date.is_none())
    );
    assert!(!validate(&p, Some(&register())).has_errors());
}

/// The defects of the sources, each reported as a finding.
#[test]
fn source_defects_are_findings() {
    let p = kooperacja();
    let v = validate(&p, Some(&register()));
    assert!(!v.has_errors(), "{:#?}", v.findings);
    let one = |code: &str, needle: &str| -> (Severity, String) {
        let hits: Vec<_> = v
            .with_code(code)
            .filter(|f| f.message.contains(needle))
            .collect();
        assert_eq!(hits.len(), 1, "{code} {needle}: {:#?}", v.findings);
        (hits[0].severity, hits[0].path.clone())
    };
    // SEED: Q-01
    assert_eq!(
        one("name.as-written", "\"Bursy\""),
        (
            Severity::Info,
            "territory.voivodeships[3].powiats[2].gminas[0].as_written[0]".to_owned()
        )
    );
    // SEED: Q-02
    assert_eq!(
        one("amount.as-written-repaired", "4 863 047, 40 zł"),
        (
            Severity::Info,
            "versions[1].budget.partners[0].total.as_written".to_owned()
        )
    );
    assert!(Amount::parse("4 863 047, 40 zł").is_err());
    // SEED: Q-03
    assert_eq!(
        one("version.amended", "supersedes"),
        (Severity::Info, "versions[1]".to_owned())
    );
    // SEED: Q-04
    assert_eq!(
        one("budget.eu-rate-mismatch", "partner umk"),
        (
            Severity::Warning,
            "versions[1].budget.partners[0].eu_contribution".to_owned()
        )
    );
    assert_eq!(
        one("budget.eu-rate-mismatch", "84.5964 %"),
        (
            Severity::Warning,
            "versions[1].budget.eu_contribution".to_owned()
        )
    );
    // SEED: Q-05
    let (severity, _) = one("territory.macroregions-incomplete", "dolnośląskie (02)");
    assert_eq!(severity, Severity::Info);
    assert!(
        v.with_code("territory.macroregions-incomplete")
            .any(|f| f.message.contains("cover 15 of Poland's 16"))
    );
    // SEED: Q-06
    assert_eq!(
        one(
            "name.as-written",
            "Regionalnego Ośrodka Pomocy Społecznej w Toruniu"
        ),
        (Severity::Info, "organisations[0].as_written[0]".to_owned())
    );
    // SEED: Q-07
    let (severity, path) = one("indicator.plan-differs", "at least 20 persons");
    assert_eq!((severity, path.as_str()), (Severity::Info, "indicators[3]"));
}
