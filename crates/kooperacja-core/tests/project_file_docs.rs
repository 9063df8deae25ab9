//! `docs/project-file.md` lists every key the parser accepts: each table of
//! keys in the page is compared with the properties of its struct in the JSON
//! Schema `docs/project-file.schema.json` (which `tests/reports.rs` keeps equal
//! to the parser's own schema). A key the parser gains and the page does not
//! list fails here, as `rule` of `[[indicators]]` did.

use std::collections::BTreeSet;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Each section of the page that has a table of keys, and the schema
/// definitions (`$defs`) whose keys it lists (`""` is the top level).
const SECTIONS: &[(&str, &[&str])] = &[
    ("## Top-level keys", &[""]),
    ("### Amounts", &["Stated"]),
    ("## `[programme]`", &["Programme"]),
    (
        "### `[programme.rules]`",
        &["ProgrammeRules", "FlatRateBand"],
    ),
    ("## `[[organisations]]`", &["Organisation"]),
    ("## Sectors and roles", &["Sector", "Role"]),
    ("## `[[target_groups]]`", &["TargetGroup"]),
    ("## `[[tasks]]`", &["Task"]),
    ("## `[[macroregions]]`", &["Macroregion"]),
    ("## `[territory]`", &["Territory"]),
    ("### `territory.stated`", &["StatedCounts"]),
    ("### `[[territory.voivodeships]]`", &["Voivodeship"]),
    ("### `[[territory.voivodeships.powiats]]`", &["Powiat"]),
    ("### Gminas (`gminas = [...]` of a powiat)", &["Gmina"]),
    ("### `[[territory.selections]]`", &["Selection"]),
    ("### `[[territory.former_codes]]`", &["FormerCode"]),
    ("## `[[groups]]`", &["GroupKind"]),
    ("## `[[versions]]`", &["Version"]),
    ("### `[versions.goal]`", &["Goal"]),
    (
        "### `[versions.budget]`",
        &["Budget", "IndirectCosts", "Financing"],
    ),
    ("#### `[[versions.budget.partners]]`", &["PartnerBudget"]),
    ("#### `[[versions.budget.tasks]]`", &["TaskBudget"]),
    (
        "##### Cost lines (`lines = [...]` of a task)",
        &["CostLine"],
    ),
    ("## `[[payment_schedule]]`", &["PlannedClaim"]),
    ("### `[[versions.milestones]]`", &["Milestone"]),
    (
        "#### Activities (`activities = [...]` of a milestone)",
        &["Activity"],
    ),
    ("## `[[indicators]]`", &["Indicator", "IndicatorChange"]),
    ("### `[[enumerations]]`", &["Enumeration"]),
    ("### `[[fact_kinds]]`", &["FactKindDecl"]),
    ("### Fields (`fields = [...]` of a kind)", &["FieldDecl"]),
    ("### `[participants]`", &["ParticipantsDecl"]),
    ("## `[[sources]]`", &["Source"]),
    (
        "## `as_written`: names as a source wrote them",
        &["AsWritten"],
    ),
];

/// Definitions whose few keys the pages write in prose rather than in a table:
/// the definition, and the page that must name each key in backticks.
const IN_PROSE: &[(&str, &str)] = &[
    ("Subregion", "project-file.md"),
    ("Period", "project-file.md"),
    ("Due", "project-file.md"),
    ("Rule", "indicators.md"),
    ("RawRule", "indicators.md"),
    ("RawRatio", "indicators.md"),
    ("Filter", "indicators.md"),
    ("EnumValue", "project-file.md"),
    ("Name", "project-file.md"),
];

/// Sections with a table of keys that are not keys of the file.
const NOT_FILE_KEYS: &[&str] = &["## Errors when parsing"];

fn page(name: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/docs/{name}")).expect("the page")
}

fn schema() -> serde_json::Value {
    serde_json::from_str(&page("project-file.schema.json")).expect("the schema parses")
}

/// The property names of a schema node: its own, and those of the object
/// alternatives of a `oneOf` or `anyOf` (a stated amount is a string or a table).
fn node_properties(node: &serde_json::Value) -> BTreeSet<String> {
    let own = node["properties"]
        .as_object()
        .into_iter()
        .flat_map(|p| p.keys().cloned());
    let alternatives = ["oneOf", "anyOf"]
        .iter()
        .filter_map(|k| node[*k].as_array())
        .flatten()
        .flat_map(node_properties);
    own.chain(alternatives).collect()
}

/// The property names of a schema definition (`""`: the top level).
fn properties(schema: &serde_json::Value, def: &str) -> BTreeSet<String> {
    let node = if def.is_empty() {
        schema
    } else {
        &schema["$defs"][def]
    };
    let keys = node_properties(node);
    assert!(!keys.is_empty(), "{def:?} has properties in the schema");
    keys
}

/// The keys in the first column of each section's tables: `| `key` | …`.
fn documented() -> Vec<(String, BTreeSet<String>)> {
    let mut sections: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in page("project-file.md").lines() {
        if line.starts_with('#') {
            sections.push((line.to_owned(), BTreeSet::new()));
            continue;
        }
        let key = line
            .strip_prefix("| `")
            .and_then(|rest| rest.split_once("` |"))
            .map(|(key, _)| key)
            .filter(|key| key.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        if let (Some(key), Some((_, keys))) = (key, sections.last_mut()) {
            keys.insert(key.to_owned());
        }
    }
    sections.retain(|(_, keys)| !keys.is_empty());
    sections
}

fn keys_of(section: &str) -> BTreeSet<String> {
    documented()
        .into_iter()
        .find(|(heading, _)| heading == section)
        .map(|(_, keys)| keys)
        .unwrap_or_else(|| panic!("docs/project-file.md has no table of keys under {section:?}"))
}

#[test]
fn every_table_of_keys_in_the_page_is_compared_with_the_schema() {
    let known: BTreeSet<&str> = SECTIONS
        .iter()
        .map(|(s, _)| *s)
        .chain(NOT_FILE_KEYS.iter().copied())
        .collect();
    for (heading, _) in documented() {
        assert!(
            known.contains(heading.as_str()),
            "{heading:?} has a table of keys: add it to SECTIONS with its schema definitions"
        );
    }
}

#[test]
fn every_struct_of_the_schema_is_documented() {
    let schema = schema();
    let covered: BTreeSet<&str> = SECTIONS
        .iter()
        .flat_map(|(_, defs)| defs.iter().copied())
        .chain(IN_PROSE.iter().map(|(def, _)| *def))
        .collect();
    for (def, node) in schema["$defs"].as_object().expect("$defs") {
        if !node_properties(node).is_empty() {
            assert!(
                covered.contains(def.as_str()),
                "the schema's {def} has keys that docs/project-file.md does not list"
            );
        }
    }
}

#[test]
fn each_table_lists_exactly_the_keys_the_parser_accepts() {
    let schema = schema();
    let mut wrong = Vec::new();
    for (section, defs) in SECTIONS {
        let documented = keys_of(section);
        let accepted: BTreeSet<String> = defs.iter().flat_map(|d| properties(&schema, d)).collect();
        let missing: Vec<&String> = accepted.difference(&documented).collect();
        let unknown: Vec<&String> = documented.difference(&accepted).collect();
        if !missing.is_empty() || !unknown.is_empty() {
            wrong.push(format!(
                "{section}: not listed {missing:?}, listed but not accepted {unknown:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn keys_written_in_prose_are_named() {
    let schema = schema();
    for (def, page_name) in IN_PROSE {
        let text = page(page_name);
        for key in properties(&schema, def) {
            assert!(
                text.contains(&format!("`{key}")),
                "docs/{page_name} does not name {def}'s key `{key}`"
            );
        }
    }
}
