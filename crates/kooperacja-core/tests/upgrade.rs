//! `upgrade`: a format-1 project file rewritten into format 2, keeping its
//! comments and layout (issue 13, item 6). The format-1 originals of the seed
//! fixtures are kept in `fixtures/format1/` as inputs.

use kooperacja_core::present::Lang;
use kooperacja_core::upgrade::{FORMAT1_VOCABULARY, Upgraded, upgrade};

const MAKROREGION: &str = include_str!("../../../fixtures/format1/kooperacja-makroregion-ii.toml");
const KUJAWY: &str = include_str!("../../../fixtures/format1/koordynacja-kujawy-pomorze.toml");

fn upgraded(text: &str) -> Upgraded {
    upgrade(text).expect("a format-1 fixture upgrades")
}

/// The comments of a TOML text, in order: each from a `#` outside a string to
/// the end of its line. Basic strings (with escapes), literal strings and
/// multi-line strings are skipped.
fn comments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let starts = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    while i < chars.len() {
        let c = chars[i];
        if starts(i, "\"\"\"") || starts(i, "'''") {
            let close: String = chars[i..i + 3].iter().collect();
            i += 3;
            while i < chars.len() && !starts(i, &close) {
                i += if chars[i] == '\\' && close == "\"\"\"" {
                    2
                } else {
                    1
                };
            }
            i += 3;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c == '#' {
            let start = i;
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            out.push(
                chars[start..i]
                    .iter()
                    .collect::<String>()
                    .trim_end()
                    .to_owned(),
            );
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `small` is `big` with some items left out.
fn is_subsequence(small: &[String], big: &[String]) -> bool {
    let mut rest = big.iter();
    small.iter().all(|s| rest.any(|b| b == s))
}

fn assert_comments_kept(original: &str) {
    let up = upgraded(original);
    let before = comments(original);
    let after = comments(&up.text);
    assert!(
        is_subsequence(&before, &after),
        "a comment of the format-1 file is missing or changed after the upgrade"
    );
    let added = comments(FORMAT1_VOCABULARY).len()
        + usize::from(up.text.contains("\nactivity_enumeration = "));
    assert_eq!(
        after.len(),
        before.len() + added,
        "the upgrade adds only its own comments"
    );
}

#[test]
fn the_comments_of_the_makroregion_fixture_are_kept() {
    assert_comments_kept(MAKROREGION);
}

#[test]
fn the_comments_of_the_kujawy_fixture_are_kept() {
    assert_comments_kept(KUJAWY);
}

#[test]
fn the_comment_scanner_skips_hashes_in_strings() {
    let text = "a = \"x # y\" # one\nb = 'p#q'\n# two\nc = \"\"\"\n# not\n\"\"\"\n";
    assert_eq!(comments(text), ["# one", "# two"]);
}

#[test]
fn upgrading_twice_is_upgrading_once() {
    for text in [MAKROREGION, KUJAWY] {
        let once = upgraded(text);
        let twice = upgraded(&once.text);
        assert_eq!(twice.text, once.text);
        assert_eq!(twice.from, 2);
        assert!(!twice.changed());
    }
}

#[test]
fn a_format_2_file_comes_back_byte_for_byte() {
    let text = "format = 2   # kept\n\n[x]\ny = 1\n";
    let up = upgraded(text);
    assert_eq!(up.text, text);
    assert!(up.changes.is_empty());
}

#[test]
fn the_upgraded_fixture_says_format_2_and_keeps_the_line_of_format() {
    let up = upgraded(KUJAWY);
    assert!(
        up.text
            .contains("\n\nformat = 2\nid = \"koordynacja-kujawy-pomorze\"\n")
    );
    assert!(!up.text.contains("format = 1"));
}

#[test]
fn the_vocabulary_is_appended_verbatim_at_the_end() {
    let up = upgraded(MAKROREGION);
    assert!(up.text.ends_with(FORMAT1_VOCABULARY));
    assert!(
        up.text.starts_with(
            &MAKROREGION[..MAKROREGION
                .find("format = 1")
                .expect("the fixture says format 1")]
        )
    );
}

fn toml_of(text: &str) -> toml::Table {
    toml::from_str(text).expect("the upgrade writes TOML")
}

fn ids(table: &toml::Table, key: &str) -> Vec<String> {
    table[key]
        .as_array()
        .expect("an array of tables")
        .iter()
        .map(|t| t["id"].as_str().expect("an id").to_owned())
        .collect()
}

#[test]
fn every_format_1_kind_of_fact_is_declared() {
    let doc = toml_of(&upgraded(KUJAWY).text);
    assert_eq!(doc["format"].as_integer(), Some(2));
    assert_eq!(
        ids(&doc, "fact_kinds"),
        [
            "meeting",
            "coaching",
            "agreement",
            "pilot",
            "deliverable",
            "support",
            "qualification",
            "di-plan"
        ]
    );
    assert_eq!(
        ids(&doc, "enumerations"),
        ["activity", "coaching-form", "deliverable"]
    );
}

#[test]
fn the_activity_enumeration_holds_every_format_1_activity_kind() {
    let doc = toml_of(FORMAT1_VOCABULARY);
    let activity = &doc["enumerations"].as_array().expect("enumerations")[0];
    let values: Vec<&str> = activity["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| v["id"].as_str().expect("an id"))
        .collect();
    // The kebab-case names of `schedule::ActivityKind`, in its order.
    assert_eq!(
        values,
        [
            "meeting",
            "seminar",
            "scientific-seminar",
            "international-seminar",
            "coaching",
            "research",
            "consultation",
            "platform",
            "selection",
            "pilot",
            "recommendations",
            "report",
            "dissemination",
            "education",
            "steering-committee",
            "other"
        ]
    );
    for value in activity["values"].as_array().expect("values") {
        assert!(value.get("pl").is_some() && value.get("en").is_some());
    }
}

#[test]
fn a_distinct_count_of_supported_institutions_leaves_out_support_of_persons() {
    let up = upgraded(KUJAWY);
    assert!(up.text.contains(
        "rule = { distinct = \"institution\", kind = [\"support\"], absent = [\"person\"] }\n"
    ));
    assert_eq!(
        up.lines(Lang::En)[1],
        "indicators[institutions-supported].rule: + absent = [\"person\"] (format 1 counted the institution of a support only when no person was supported; with a person it is the employer)"
    );
}

#[test]
fn a_distinct_count_of_institutions_of_agreements_is_left_as_it_was() {
    let up = upgraded(MAKROREGION);
    assert!(up.text.contains(
        "rule = { distinct = \"institution\", kind = [\"agreement\"] }  # each institution once\n"
    ));
}

const MINIMAL_RULES: &str = r#"format = 1

[[indicators]]
id = "days"
rule = { count = "meeting-days", kind = ["meeting"], group = "PGR" }   # days of PGR

[[indicators]]
id = "people"
# a rule as a table of its own
[indicators.rule]
# how many took part
count = "participants"   # summed
kind = ["meeting"]

[[indicators]]
id = "share"
rule = { ratio = { numerator = { distinct = "institution" }, denominator = { count = "meeting-days" } } }
"#;

#[test]
fn count_of_meeting_days_becomes_sum_of_days_in_its_place() {
    let up = upgraded(MINIMAL_RULES);
    assert!(up.text.contains(
        "rule = { sum = \"days\", kind = [\"meeting\"], group = \"PGR\" }   # days of PGR\n"
    ));
}

#[test]
fn count_of_participants_in_a_rule_table_keeps_its_comments() {
    let up = upgraded(MINIMAL_RULES);
    assert!(up.text.contains(
        "# a rule as a table of its own\n[indicators.rule]\n# how many took part\nsum = \"participants\"   # summed\nkind = [\"meeting\"]\n"
    ));
}

#[test]
fn rules_inside_a_ratio_are_upgraded_too() {
    let up = upgraded(MINIMAL_RULES);
    assert!(up.text.contains(
        "rule = { ratio = { numerator = { distinct = \"institution\", absent = [\"person\"] }, denominator = { sum = \"days\" } } }\n"
    ));
    let at: Vec<&str> = up.changes.iter().map(|c| c.at.as_str()).collect();
    assert!(at.contains(&"indicators[share].rule.ratio.numerator"));
    assert!(at.contains(&"indicators[share].rule.ratio.denominator"));
}

const ACTIVITIES_AS_TABLES: &str = r#"format = 1

[[versions]]
id = "umowa"

[[versions.milestones]]
id = "KM-I"

# coaching of social workers
[[versions.milestones.activities]]
kind = "coaching"
form = "group"     # group coaching
role = "social-worker"
text = "coaching"

[[versions.milestones.activities]]
kind = "meeting"
text = "meetings of no group"

[[versions.milestones.activities]]
kind = "steering-committee"
group = "KS"
text = "KS"
"#;

#[test]
fn a_coaching_activity_counts_its_form_and_role_in_sessions_by_organisation_and_day() {
    let up = upgraded(ACTIVITIES_AS_TABLES);
    assert!(up.text.contains(
        "# coaching of social workers\n[[versions.milestones.activities]]\nkind = \"coaching\"\nform = \"group\"     # group coaching\nrole = \"social-worker\"\ntext = \"coaching\"\ncounts = { kind = [\"coaching\"], form = \"group\", role = \"social-worker\" }\nsessions = [\"by\", \"date\"]\n"
    ));
}

#[test]
fn a_meeting_activity_without_a_group_counted_nothing_and_gets_no_counts() {
    let up = upgraded(ACTIVITIES_AS_TABLES);
    assert!(
        up.text
            .contains("kind = \"meeting\"\ntext = \"meetings of no group\"\n\n")
    );
}

#[test]
fn an_activity_of_a_group_counts_the_groups_meetings_whatever_its_kind() {
    let up = upgraded(ACTIVITIES_AS_TABLES);
    assert!(up.text.contains(
        "kind = \"steering-committee\"\ngroup = \"KS\"\ntext = \"KS\"\ncounts = { kind = [\"meeting\"], group = \"KS\" }\n"
    ));
}

#[test]
fn an_activity_of_another_kind_counts_meetings_of_that_activity() {
    let up = upgraded(MAKROREGION);
    assert!(up.text.contains(
        "text = \"1 seminarium naukowe\", counts = { kind = [\"meeting\"], activity = \"scientific-seminar\" } },\n"
    ));
}

#[test]
fn the_activity_enumeration_is_named_only_when_activities_are_planned() {
    assert!(upgraded(MAKROREGION).text.contains(
        "\n# Milestone activities: their `kind` is a value of this enumeration.\nactivity_enumeration = \"activity\"\n"
    ));
    assert!(!upgraded(KUJAWY).text.contains("activity_enumeration"));
}

#[test]
fn an_unknown_format_is_refused_with_a_code_and_a_place() {
    let err = upgrade("id = \"x\"\nformat = 3   # future\n").expect_err("format 3");
    assert_eq!(err.code(), "format.unsupported");
    let at = err.to_parse_error("id = \"x\"\nformat = 3   # future\n", Lang::En);
    assert_eq!((at.line, at.column), (2, 10));
    assert_eq!(
        at.message,
        "unknown project file format 3: this version of kooperacja reads formats 1 and 2 (an integer)"
    );
    assert_eq!(at.code.as_deref(), Some("format.unsupported"));
}

#[test]
fn a_format_given_as_a_string_is_refused() {
    let err = upgrade("format = \"1\"\n").expect_err("a string");
    assert_eq!(err.code(), "format.unsupported");
}

#[test]
fn a_file_without_format_is_refused() {
    let err = upgrade("id = \"x\"\n").expect_err("no format");
    assert_eq!(err.code(), "format.missing");
}

#[test]
fn a_file_that_is_not_toml_is_refused_with_its_place() {
    let text = "format = 1\ntitle = \"unclosed\n";
    let err = upgrade(text).expect_err("not TOML");
    assert_eq!(err.code(), "format.not-toml");
    assert_eq!(err.to_parse_error(text, Lang::En).line, 2);
}

#[test]
fn a_format_1_file_with_a_vocabulary_of_its_own_is_refused() {
    let text = "format = 1\n[[fact_kinds]]\nid = \"visit\"\n";
    let err = upgrade(text).expect_err("format-2 key");
    assert_eq!(err.code(), "format.format-2-key");
    assert_eq!(err.to_parse_error(text, Lang::Pl).line, 2);
}

/// What an upgrade did to a file, as a reviewer reads it: the change lines,
/// then a diff of the file above the appended vocabulary.
fn summary(original: &str) -> String {
    let up = upgraded(original);
    let body = up
        .text
        .strip_suffix(FORMAT1_VOCABULARY)
        .expect("the vocabulary is appended");
    let diff = similar::TextDiff::from_lines(original, body);
    let mut out = String::new();
    for line in up.lines(Lang::En) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str("\n--- the file above the vocabulary (format 1 → format 2) ---\n");
    out.push_str(&diff.unified_diff().context_radius(0).to_string());
    out.push_str(&format!(
        "--- then FORMAT1_VOCABULARY ({} lines) appended ---\n",
        FORMAT1_VOCABULARY.lines().count()
    ));
    out
}

#[test]
fn the_upgrade_of_the_makroregion_fixture() {
    insta::assert_snapshot!(summary(MAKROREGION));
}

#[test]
fn the_upgrade_of_the_kujawy_fixture() {
    insta::assert_snapshot!(summary(KUJAWY));
}
fn line_of(text: &str, start: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(start))
        .expect("the line is there")
        + 1
}

#[test]
fn every_kept_line_knows_its_line_in_the_format_1_file() {
    for original in [MAKROREGION, KUJAWY, ACTIVITIES_AS_TABLES, MINIMAL_RULES] {
        let up = upgraded(original);
        let lines: Vec<&str> = original.lines().collect();
        for (i, line) in up.text.lines().enumerate() {
            if let Some(n) = up.original_line(i + 1) {
                let was = lines[n - 1];
                // A kept line is the same, or the line the upgrade edited in place.
                assert!(
                    line == was
                        || line.contains("sum = ")
                        || line.contains("counts = ")
                        || line.contains("absent = ")
                        || line == "format = 2",
                    "line {} is not line {n} of the format-1 file:\n{line}\n{was}",
                    i + 1
                );
            }
        }
        let kept = (1..=up.text.lines().count())
            .filter_map(|l| up.original_line(l))
            .count();
        assert_eq!(
            kept,
            lines.len(),
            "every line of the format-1 file is kept once"
        );
    }
}

#[test]
fn an_error_in_the_upgraded_text_is_located_in_the_format_1_file() {
    use kooperacja_core::parse::ParseError;
    let up = upgraded(MAKROREGION);
    let at = line_of(&up.text, "[programme]");
    let err = ParseError::new(at, 2, Some(0..3), "an error");
    let located = up.locate(&err, MAKROREGION);
    let line = line_of(MAKROREGION, "[programme]");
    assert_eq!((located.line, located.column), (line, 2));
    let start: usize = MAKROREGION
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    assert_eq!(located.span, Some(start + 1..start + 4));
    assert_eq!(&MAKROREGION[start + 1..start + 4], "pro");
}

#[test]
fn an_error_in_a_line_the_upgrade_wrote_is_put_on_the_format_line() {
    use kooperacja_core::parse::ParseError;
    let up = upgraded(MAKROREGION);
    let at = line_of(&up.text, "[[fact_kinds]]");
    let located = up.locate(&ParseError::new(at, 1, None, "an error"), MAKROREGION);
    assert_eq!(
        (located.line, located.column),
        (line_of(MAKROREGION, "format = 1"), 1)
    );
}

/// A format-1 file with a format-1 rule and, below it, an error of its own.
fn with_an_error_below_a_format_1_rule() -> String {
    KUJAWY.replacen(
        "rule = { distinct = \"person\", kind = [\"support\"] }",
        "rule = { count = \"participants\", kind = [\"meeting\"] }",
        1,
    ) + "\n[[indicators]]\nid = \"x\"\nkind = \"result\"\nname = 7\n"
}

#[test]
fn a_format_1_file_read_in_memory_names_its_own_error_on_its_own_line() {
    use kooperacja_core::project::Project;
    let text = with_an_error_below_a_format_1_rule();
    let err = Project::parse(&text).expect_err("name = 7");
    assert_eq!(err.line, text.lines().count());
    assert_eq!(err.column, 8);
    assert!(
        err.message.starts_with("invalid type: integer `7`"),
        "{}",
        err.message
    );
}

#[test]
fn a_format_1_file_read_in_memory_is_located_below_the_lines_the_upgrade_adds() {
    use kooperacja_core::project::Project;
    let text = MAKROREGION.replacen("title = \"Podsumowanie testów\"", "title = 3", 1);
    let err = Project::parse(&text).expect_err("title = 3");
    assert_eq!(err.line, line_of(&text, "title = 3"));
    assert_eq!(err.column, 9);
}
