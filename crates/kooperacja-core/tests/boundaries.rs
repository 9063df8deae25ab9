//! Architecture invariants, checked rather than hoped for:
//! - `kooperacja-core` depends only on an allowed list of crates, without
//!   chrono's clock;
//! - each adapter depends on `kooperacja-core` and on no other workspace crate;
//! - core's source does no I/O, reads no clock or environment, starts no thread,
//!   prints nothing, and has no float.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The crates `kooperacja-core` may depend on (normal dependencies).
const CORE_ALLOWED: &[&str] = &[
    "chrono",
    // CSV fact files are read with a maintained RFC 4180 parser instead of a
    // hand-written one (pure parsing over a `Read`; core opens no file).
    "csv",
    // Keyed pseudonyms of persons (HMAC-SHA256): pure computation, the key is
    // a parameter the adapter supplies; no randomness, no I/O.
    "hmac",
    "sha2",
    // Look-alike identifiers: NFC is checked (never silently applied) ...
    "unicode-normalization",
    // ... and invisible characters found by their Unicode general category.
    "unicode-general-category",
    // Hash maps keyed by interned ids and small integers: a maintained fast
    // hasher, used with fixed seeds (its random seed reads the clock), instead
    // of the hand-written MurmurHash3/FxHash it replaces (issue 11).
    "foldhash",
    // `HashTable`: each fact id is stored once (in the admission's arena) and
    // looked up by its text, with no second copy as a map key (issue 11).
    "hashbrown",
    // Enum names for machines (`at-risk`) and languages parsed from text,
    // derived once instead of hand-written matches (issue 12).
    "strum",
    // Located errors (file:line:column, the line, a caret, a window of a long
    // line) laid out as rustc and cargo lay out theirs, instead of the
    // hand-built frame it replaces: pure text building (issue 12).
    "annotate-snippets",
    // Data entry (issue 14): XLSX workbooks a coordinator fills in are read
    // with a maintained reader of the format (typed cells, formulas, merged
    // ranges) from bytes the adapter loaded (`Cursor`; core opens no file) ...
    "calamine",
    // ... and CSV files Polish Excel writes in Windows-1250 are decoded with
    // the maintained WHATWG encoding tables (pure bytes to text).
    "encoding_rs",
    "rust_decimal",
    "schemars",
    "serde_json",
    "serde",
    "thiserror",
    "toml",
    // `project upgrade` rewrites a format-1 project file into format 2 keeping
    // its comments and layout: an editing TOML parser instead of re-serialising
    // (which loses comments); pure text to text (issue 13).
    "toml_edit",
    // Optional, only with the `proptest` feature: `kooperacja_core::strategies`
    // gives teams that embed core generators of valid projects and fact
    // histories for their own laws (issue 13). Strategies are pure values; the
    // test runner that drives them (and persists failures) runs in the team's
    // tests, never in core's code.
    "proptest",
];

fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml");
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
            "--manifest-path",
            manifest,
        ])
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("metadata is JSON")
}

fn workspace_packages(meta: &Value) -> Vec<&Value> {
    meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .collect()
}

fn normal_dependencies(package: &Value) -> Vec<&Value> {
    package["dependencies"]
        .as_array()
        .expect("dependencies")
        .iter()
        .filter(|d| d["kind"].is_null())
        .collect()
}

#[test]
fn core_depends_only_on_allowed_crates() {
    let meta = metadata();
    let core = workspace_packages(&meta)
        .into_iter()
        .find(|p| p["name"] == "kooperacja-core")
        .expect("core is a workspace member");
    for dep in normal_dependencies(core) {
        let name = dep["name"].as_str().expect("name");
        assert!(
            CORE_ALLOWED.contains(&name),
            "kooperacja-core must not depend on {name}; allowed: {CORE_ALLOWED:?}"
        );
        if name == "chrono" {
            let features: Vec<&str> = dep["features"]
                .as_array()
                .expect("features")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            assert!(
                !features.contains(&"clock") && !features.contains(&"now"),
                "core must not enable chrono's clock"
            );
            assert_eq!(
                dep["uses_default_features"], false,
                "chrono's default features include the clock"
            );
        }
    }
}

#[test]
fn adapters_depend_on_core_and_not_on_each_other() {
    let meta = metadata();
    let members: Vec<&str> = workspace_packages(&meta)
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(members.contains(&"kooperacja-cli"));
    for package in workspace_packages(&meta) {
        let name = package["name"].as_str().expect("name");
        if name == "kooperacja-core" {
            continue;
        }
        let internal: Vec<&str> = package["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter_map(|d| d["name"].as_str())
            .filter(|d| members.contains(d))
            .collect();
        assert_eq!(
            internal,
            ["kooperacja-core"],
            "{name} may depend on kooperacja-core only among workspace crates"
        );
    }
}

/// Forbidden in core's source: what would make it impure.
const FORBIDDEN: &[(&str, &str)] = &[
    ("std::fs", "file I/O"),
    ("std::net", "network"),
    ("std::env", "environment"),
    ("std::thread", "threads"),
    ("std::process", "processes"),
    ("std::time", "the clock"),
    ("std::io::stdin", "standard input"),
    ("std::io::stdout", "printing"),
    ("tokio", "async I/O"),
    ("Utc::now", "the clock"),
    ("Local::now", "the clock"),
    ("SystemTime", "the clock"),
    ("println!", "printing"),
    ("print!(", "printing"),
    ("eprintln!", "printing"),
    ("dbg!", "printing"),
    ("f32", "floats"),
    ("f64", "floats"),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_source_is_pure() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(!files.is_empty());
    let mut violations = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            // Doc comments show examples; they are compiled as doctests, not into the library.
            if code.starts_with("//") {
                continue;
            }
            for (needle, what) in FORBIDDEN {
                if code.contains(needle) {
                    violations.push(format!(
                        "{}:{}: {what} ({needle}): {}",
                        file.display(),
                        n + 1,
                        code
                    ));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "kooperacja-core must stay pure:\n{}",
        violations.join("\n")
    );
}
