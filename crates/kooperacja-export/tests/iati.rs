//! `kooperacja-export --format iati` run as a real process: both fixtures at two
//! dates each, frozen as insta snapshots, every document validated against the
//! official IATI 2.03 schema with xmllint, and the IATI rules the schema cannot
//! express (date order, budget periods, sums, values on targets and actuals)
//! checked here by parsing the XML.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use chrono::{Months, NaiveDate};
use common::{CASES, export_ok, external_tool, refused_then_forced, run, temp_dir, text};
use kooperacja_core::money::Amount;

/// The official IATI 2.03 activity schema, copied unchanged into
/// `fixtures/iati-schemas/` (with `iati-common.xsd`, `xml.xsd` and `SOURCE.md`).
const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/iati-schemas/iati-activities-schema.xsd"
);

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// One exported document and what the JSON report of the same run says.
#[derive(Debug)]
struct Doc {
    name: String,
    as_of: NaiveDate,
    path: PathBuf,
    xml: String,
    total: Amount,
    spent: Amount,
}

/// The four documents, exported once for all tests.
fn documents() -> &'static [Doc] {
    static DOCS: OnceLock<Vec<Doc>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let dir = temp_dir("docs");
        let mut docs = Vec::new();
        for (name, project, facts, dates) in CASES {
            for as_of in dates {
                let path = dir.join(format!("{name}-{as_of}.xml"));
                export_ok(project, facts, as_of, "iati", &path, &[]);
                let json_path = dir.join(format!("{name}-{as_of}.json"));
                export_ok(project, facts, as_of, "json", &json_path, &[]);
                let report: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&json_path).expect("written"))
                        .expect("JSON");
                let amount = |key: &str| {
                    Amount::parse(report["budget"][key].as_str().expect("an amount string"))
                        .expect("an amount")
                };
                docs.push(Doc {
                    name: name.to_owned(),
                    as_of: date(as_of),
                    xml: std::fs::read_to_string(&path).expect("written"),
                    path,
                    total: amount("total"),
                    spent: amount("spent"),
                });
            }
        }
        docs
    })
}

#[test]
fn iati_documents_for_both_fixtures_at_two_dates() {
    for doc in documents() {
        assert!(
            doc.xml
                .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        );
        assert!(doc.xml.ends_with("</iati-activities>\n"));
        insta::assert_snapshot!(format!("{}-{}", doc.name, doc.as_of), doc.xml);
    }
}

// --- the schema, with xmllint ---

/// Whether xmllint can run. Absent, the schema tests fail when
/// `KOOPERACJA_REQUIRE_EXTERNAL=1` (as in CI) and are skipped, saying so,
/// otherwise.
fn xmllint_available() -> bool {
    assert!(
        std::path::Path::new(SCHEMA).is_file(),
        "the IATI 2.03 schema is missing: expected {SCHEMA} (fixtures/iati-schemas/, see its SOURCE.md)"
    );
    let found = Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    external_tool(found, "xmllint", "apt-get install libxml2-utils")
}

/// xmllint's verdict on a file: `Ok` if it validates, else its messages.
fn xmllint(path: &std::path::Path) -> Result<(), String> {
    let out = Command::new("xmllint")
        .args(["--noout", "--schema", SCHEMA])
        .arg(path)
        .output()
        .expect("xmllint runs");
    if out.status.success() {
        Ok(())
    } else {
        Err(text(&out.stderr))
    }
}

#[test]
fn every_document_is_valid_against_the_iati_2_03_schema() {
    if !xmllint_available() {
        return;
    }
    for doc in documents() {
        if let Err(e) = xmllint(&doc.path) {
            panic!("{}-{} does not validate:\n{e}", doc.name, doc.as_of);
        }
    }
}

#[test]
fn xmllint_rejects_a_broken_document() {
    if !xmllint_available() {
        return;
    }
    let dir = temp_dir("broken");
    let good = &documents()[0].xml;
    let identifier = good
        .lines()
        .find(|l| l.contains("<iati-identifier>"))
        .expect("an identifier line");
    let broken = [
        // A required element missing.
        (
            "no-identifier",
            good.replacen(&format!("{identifier}\n"), "", 1),
        ),
        // Elements out of the schema's order.
        (
            "status-after-dates",
            good.replacen("<activity-status code=\"2\"/>", "", 1)
                .replacen(
                    "<recipient-country",
                    "<activity-status code=\"2\"/>\n<recipient-country",
                    1,
                ),
        ),
        // A money value that is not a decimal.
        ("comma-amount", good.replacen("5006452.36", "5006452,36", 1)),
    ];
    for (name, xml) in broken {
        assert_ne!(&xml, good, "{name}: the edit applies");
        let path = dir.join(format!("{name}.xml"));
        std::fs::write(&path, xml).expect("write");
        assert!(xmllint(&path).is_err(), "{name}: xmllint accepted it");
    }
}

// --- the IATI rules the schema cannot check ---

fn is_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.chars().all(|c| c.is_ascii_digit())
}

/// A percentage with at most two decimals, in hundredths.
fn hundredths(text: &str) -> Option<i64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 2 {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    Some(whole * 100 + fraction)
}

/// An attribute's value, empty if absent.
fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name).unwrap_or("")
}

/// The `iso-date` of a child element (`period-start`, `transaction-date`).
fn sub(node: roxmltree::Node<'_, '_>, name: &str) -> Option<NaiveDate> {
    node.children()
        .find(|n| n.has_tag_name(name))
        .and_then(|n| n.attribute("iso-date"))
        .map(date)
}

/// Every broken rule of the IATI standard the schema leaves out, as one line
/// each; empty for a sound document.
fn rule_violations(xml: &str, as_of: NaiveDate, total: Amount, spent: Amount) -> Vec<String> {
    let mut errors = Vec::new();
    let mut fail = |message: String| errors.push(message);
    let doc = match roxmltree::Document::parse(xml) {
        Ok(doc) => doc,
        Err(e) => return vec![format!("not well-formed: {e}")],
    };
    let root = doc.root_element();
    let generated = format!("{as_of}T00:00:00Z");
    if root.attribute("version") != Some("2.03") {
        fail("iati-activities/@version is not 2.03".into());
    }
    if root.attribute("generated-datetime") != Some(generated.as_str()) {
        fail(format!(
            "generated-datetime is {:?}, not {generated} (derived from the as-of date)",
            root.attribute("generated-datetime")
        ));
    }
    let activities: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("iati-activity"))
        .collect();
    let [activity] = activities[..] else {
        return vec![format!("{} activities, not one", activities.len())];
    };
    let child = |name: &str| activity.children().find(|n| n.has_tag_name(name));
    let children = |name: &'static str| activity.children().filter(move |n| n.has_tag_name(name));

    // Identifiers.
    let org_ref = child("reporting-org").map_or("", |n| attr(n, "ref"));
    let identifier = child("iati-identifier")
        .and_then(|n| n.text())
        .unwrap_or("");
    if org_ref.is_empty() || !identifier.starts_with(&format!("{org_ref}-")) {
        fail(format!(
            "iati-identifier {identifier:?} does not start with reporting-org/@ref {org_ref:?}"
        ));
    }

    // Activity dates.
    let dates = |kind: &str| -> Vec<NaiveDate> {
        children("activity-date")
            .filter(|n| n.attribute("type") == Some(kind))
            .map(|n| date(attr(n, "iso-date")))
            .collect()
    };
    let (planned_start, actual_start, planned_end, actual_end) =
        (dates("1"), dates("2"), dates("3"), dates("4"));
    match (&planned_start[..], &planned_end[..]) {
        ([start], [end]) => {
            if start > end {
                fail(format!("planned start {start} after planned end {end}"));
            }
            if (as_of >= *start) != (actual_start.len() == 1) {
                fail(format!(
                    "actual start given {} times on {as_of} for a start on {start}",
                    actual_start.len()
                ));
            }
            if (as_of > *end) != (actual_end.len() == 1) {
                fail(format!(
                    "actual end given {} times on {as_of} for an end on {end}",
                    actual_end.len()
                ));
            }
        }
        _ => fail("not exactly one planned start and one planned end".into()),
    }
    if let ([start], [end]) = (&actual_start[..], &actual_end[..]) {
        if start > end {
            fail(format!("actual start {start} after actual end {end}"));
        }
    }
    for d in actual_start.iter().chain(&actual_end) {
        if *d > as_of {
            fail(format!("actual date {d} after the as-of date {as_of}"));
        }
    }

    // Budgets: at most a year each, not overlapping, summing to the total.
    let mut budgets = Vec::new();
    let mut budget_sum = Amount::ZERO;
    for b in children("budget") {
        let (Some(start), Some(end)) = (sub(b, "period-start"), sub(b, "period-end")) else {
            fail("a budget without its period".into());
            continue;
        };
        if start > end {
            fail(format!("budget {start}..{end} ends before it starts"));
        }
        let year_later = start.checked_add_months(Months::new(12)).expect("a date");
        if end >= year_later {
            fail(format!("budget {start}..{end} is longer than a year"));
        }
        if attr(b, "type") != "1" || attr(b, "status") != "1" {
            fail(format!("budget {start}..{end} is not type 1, status 1"));
        }
        let value = b.children().find(|n| n.has_tag_name("value"));
        let value_date = value.map(|v| date(attr(v, "value-date")));
        if !value_date.is_some_and(|d| start <= d && d <= end) {
            fail(format!(
                "budget {start}..{end}: value-date outside the period"
            ));
        }
        match value.and_then(|v| v.text()).map(Amount::parse) {
            Some(Ok(amount)) => {
                budget_sum = budget_sum.checked_add(amount).expect("in range");
            }
            _ => fail(format!("budget {start}..{end}: no exact amount")),
        }
        budgets.push((start, end));
    }
    budgets.sort();
    for pair in budgets.windows(2) {
        if pair[1].0 <= pair[0].1 {
            fail(format!("budgets {:?} and {:?} overlap", pair[0], pair[1]));
        }
    }
    if budget_sum != total {
        fail(format!(
            "budgets sum to {}, not the total {}",
            budget_sum.to_plain(),
            total.to_plain()
        ));
    }

    // Transactions: expenditure, dated by the as-of date, summing to what was spent.
    let mut spent_sum = Amount::ZERO;
    for t in children("transaction") {
        let code = t
            .children()
            .find(|n| n.has_tag_name("transaction-type"))
            .map(|n| attr(n, "code"));
        if code != Some("4") {
            fail(format!("transaction {} is not type 4", attr(t, "ref")));
        }
        let day = sub(t, "transaction-date");
        let value = t.children().find(|n| n.has_tag_name("value"));
        let value_date = value.map(|v| date(attr(v, "value-date")));
        if day.is_none_or(|d| d > as_of) || value_date != day {
            fail(format!(
                "transaction {}: dates {day:?}, {value_date:?}",
                attr(t, "ref")
            ));
        }
        if value.map(|v| attr(v, "currency")) != Some("PLN") {
            fail(format!("transaction {}: not in PLN", attr(t, "ref")));
        }
        match value.and_then(|v| v.text()).map(Amount::parse) {
            Some(Ok(amount)) => spent_sum = spent_sum.checked_add(amount).expect("in range"),
            _ => fail(format!("transaction {}: no exact amount", attr(t, "ref"))),
        }
        let provider = t.children().find(|n| n.has_tag_name("provider-org"));
        if !provider.is_some_and(|p| p.children().any(|n| n.has_tag_name("narrative"))) {
            fail(format!(
                "transaction {}: no provider-org narrative",
                attr(t, "ref")
            ));
        }
    }
    if spent_sum != spent {
        fail(format!(
            "transactions sum to {}, not the spending {}",
            spent_sum.to_plain(),
            spent.to_plain()
        ));
    }

    // Sectors: per vocabulary, percentages sum to exactly 100.
    let mut by_vocabulary: std::collections::BTreeMap<&str, i64> = Default::default();
    for s in children("sector") {
        match hundredths(attr(s, "percentage")) {
            Some(h) => *by_vocabulary.entry(attr(s, "vocabulary")).or_default() += h,
            None => fail(format!("sector {}: bad percentage", attr(s, "code"))),
        }
        if attr(s, "vocabulary") == "99" && !s.children().any(|n| n.has_tag_name("narrative")) {
            fail(format!(
                "sector {} of vocabulary 99 has no narrative",
                attr(s, "code")
            ));
        }
    }
    for (vocabulary, sum) in by_vocabulary {
        if sum != 10_000 {
            fail(format!(
                "sectors of vocabulary {vocabulary} sum to {sum} hundredths"
            ));
        }
    }

    // Results: values on every quantitative baseline, target and actual; period order.
    let locations: Vec<&str> = children("location").map(|n| attr(n, "ref")).collect();
    for indicator in activity
        .descendants()
        .filter(|n| n.has_tag_name("indicator"))
    {
        let id = indicator
            .children()
            .find(|n| n.has_tag_name("reference"))
            .map_or("?", |n| attr(n, "code"));
        let quantitative = matches!(attr(indicator, "measure"), "1" | "2");
        if !quantitative {
            fail(format!("indicator {id}: measure is not 1 or 2"));
        }
        for node in indicator.descendants().filter(|n| {
            n.has_tag_name("baseline") || n.has_tag_name("target") || n.has_tag_name("actual")
        }) {
            if !node.attribute("value").is_some_and(is_decimal) {
                fail(format!(
                    "indicator {id}: a {} without a decimal value",
                    node.tag_name().name()
                ));
            }
            for l in node.children().filter(|n| n.has_tag_name("location")) {
                if !locations.contains(&attr(l, "ref")) {
                    fail(format!(
                        "indicator {id}: unknown location {}",
                        attr(l, "ref")
                    ));
                }
            }
        }
        let mut periods = Vec::new();
        for p in indicator.children().filter(|n| n.has_tag_name("period")) {
            match (sub(p, "period-start"), sub(p, "period-end")) {
                (Some(start), Some(end)) if start <= end => periods.push((start, end)),
                other => fail(format!("indicator {id}: period {other:?}")),
            }
            let has_actual = p.children().any(|n| n.has_tag_name("actual"));
            if has_actual && sub(p, "period-start").is_some_and(|s| s > as_of) {
                fail(format!(
                    "indicator {id}: an actual for a period not yet started"
                ));
            }
        }
        for pair in periods.windows(2) {
            if pair[1].0 <= pair[0].1 {
                fail(format!(
                    "indicator {id}: periods {:?} and {:?} overlap",
                    pair[0], pair[1]
                ));
            }
        }
    }

    // Every narrative names its language.
    for n in doc.descendants().filter(|n| n.has_tag_name("narrative")) {
        if n.attribute((roxmltree::NS_XML_URI, "lang")).is_none() {
            fail(format!("a narrative without xml:lang: {:?}", n.text()));
        }
    }
    errors
}

#[test]
fn iati_rules_the_schema_cannot_check_hold() {
    for doc in documents() {
        let errors = rule_violations(&doc.xml, doc.as_of, doc.total, doc.spent);
        assert!(
            errors.is_empty(),
            "{}-{}:\n{}",
            doc.name,
            doc.as_of,
            errors.join("\n")
        );
    }
    // Both fixtures on both dates give budgets and results; kooperacja spends.
    assert!(documents().iter().all(|d| d.xml.contains("<budget ")));
    assert!(documents().iter().all(|d| d.xml.contains("<result ")));
    assert!(documents()[1].xml.matches("<transaction ").count() > 100);
}

#[test]
fn the_rule_checks_catch_broken_documents() {
    let doc = &documents()[1]; // kooperacja on 2020-09-30
    let check = |xml: &str, expect: &str| {
        let errors = rule_violations(xml, doc.as_of, doc.total, doc.spent);
        assert!(
            errors.iter().any(|e| e.contains(expect)),
            "expected {expect:?} among {errors:#?}"
        );
    };
    let replace = |from: &str, to: &str| {
        assert!(doc.xml.contains(from), "{from:?} is in the document");
        doc.xml.replacen(from, to, 1)
    };
    check(
        &replace(
            r#"<period-end iso-date="2018-12-31"/>"#,
            r#"<period-end iso-date="2019-06-30"/>"#,
        ),
        "longer than a year",
    );
    check(&replace("5006452.36", "5006452.35"), "budgets sum to");
    check(
        &replace(
            r#"<activity-date type="2" iso-date="2018-04-01"/>"#,
            r#"<activity-date type="2" iso-date="2020-10-01"/>"#,
        ),
        "after the as-of date",
    );
    check(
        &replace(r#"<target value="50"/>"#, "<target/>"),
        "without a decimal value",
    );
    check(&replace("61697.41", "61697.42"), "transactions sum to");
    check(
        &replace(r#"percentage="11.12""#, r#"percentage="11.11""#),
        "sum to 9999",
    );
    check(
        &replace(r#"version="2.03""#, r#"version="2.02""#),
        "not 2.03",
    );
}

// --- options and refusal ---

#[test]
fn a_forced_export_carries_the_warning_in_a_comment_and_a_description() {
    let dir = temp_dir("forced");
    let out_path = dir.join("forced.xml");
    refused_then_forced(&dir, "iati", &out_path);
    let xml = std::fs::read_to_string(&out_path).expect("written");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    let first = doc.root().first_child().expect("a first node");
    assert!(
        first.is_comment() && first.text().is_some_and(|t| t.contains("WARNING")),
        "the warning is the first thing in the document: {:?}",
        first.text()
    );
    let description = doc
        .descendants()
        .find(|n| n.has_tag_name("description") && n.attribute("type") == Some("4"))
        .expect("a description of type 4");
    assert!(description.children().any(|n| {
        n.text()
            .is_some_and(|t| t.starts_with("WARNING: exported with --force"))
    }));
    if xmllint_available() {
        if let Err(e) = xmllint(&out_path) {
            panic!("the forced document does not validate:\n{e}");
        }
    }
}

#[test]
fn the_organisation_identifier_comes_from_iati_org_ref() {
    let dir = temp_dir("org-ref");
    let out_path = dir.join("out.xml");
    let base = [
        "fixtures/projects/koordynacja-kujawy-pomorze.toml",
        "--as-of",
        "2024-06-30",
        "--format",
        "iati",
        "-o",
        out_path.to_str().expect("utf-8"),
    ];
    let out = run(&[&base[..], &["--iati-org-ref", "XX-TEST-7"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let xml = std::fs::read_to_string(&out_path).expect("written");
    assert!(
        xml.contains("<iati-identifier>XX-TEST-7-koordynacja-kujawy-pomorze</iati-identifier>")
    );
    assert!(xml.contains(r#"<reporting-org ref="XX-TEST-7" type="11">"#));
    assert!(
        !xml.contains("PLACEHOLDER"),
        "no placeholder once a ref is given"
    );
    // Without the option, the placeholder is used and named as one.
    assert!(
        documents()[2]
            .xml
            .contains("XX-PLACEHOLDER-rops-torun is a PLACEHOLDER")
    );

    std::fs::remove_file(&out_path).expect("remove");
    let bad = run(&[&base[..], &["--iati-org-ref", "PL/KRS"]].concat());
    assert_eq!(bad.status.code(), Some(2), "a usage error");
    assert!(
        text(&bad.stderr).contains("cannot hold '/'"),
        "{}",
        text(&bad.stderr)
    );
    assert!(!out_path.exists());
}
