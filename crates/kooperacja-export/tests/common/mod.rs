//! What every export test shares: the fixtures, a fresh temporary directory,
//! running the real binary, a project with an error finding, and the rule for
//! tests that need an external tool.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// The workspace root: the binary runs there, so fixture paths are relative.
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The TERC register the fixtures name, relative to [`ROOT`].
pub const TERC: &str = "fixtures/teryt/TERC_Urzedowy_2025-11-18.csv";

/// Both fixtures: name, project file, fact file, and two report dates (one
/// mid-project, one later).
pub const CASES: [(&str, &str, &str, [&str; 2]); 2] = [
    (
        "kooperacja",
        "fixtures/projects/kooperacja-makroregion-ii.toml",
        "fixtures/facts/kooperacja-sample.jsonl",
        ["2019-03-31", "2020-09-30"],
    ),
    (
        "koordynacja",
        "fixtures/projects/koordynacja-kujawy-pomorze.toml",
        "fixtures/facts/koordynacja-sample.jsonl",
        ["2024-06-30", "2025-11-30"],
    ),
];

/// A fresh, empty directory for one test of one test binary.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "kooperacja-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs `kooperacja-export` in [`ROOT`].
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooperacja-export"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("binary runs")
}

/// A process's output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

/// Writes into `dir` a copy of the kooperacja fixture with a second leader,
/// which is an error finding; pass `--teryt` [`TERC`] with it, since the copy's
/// relative register path no longer resolves.
pub fn project_with_error_finding(dir: &std::path::Path) -> PathBuf {
    let original = std::fs::read_to_string(format!("{ROOT}/{}", CASES[0].1)).expect("fixture");
    let with_error = original.replacen("role = \"partner\"", "role = \"leader\"", 1);
    assert_ne!(with_error, original, "the edit applies");
    let path = dir.join("two-leaders.toml");
    std::fs::write(&path, with_error).expect("write");
    path
}

/// Whether a test that needs an external tool runs: `found` says whether the
/// tool is there. Without it the test is skipped with a visible line, unless
/// `KOOPERACJA_REQUIRE_EXTERNAL=1` (set by `.ci/run`), which fails it.
#[allow(clippy::print_stderr)] // a skipped check must show in the test output
pub fn external_tool(found: bool, tool: &str, install: &str) -> bool {
    if !found {
        assert!(
            std::env::var("KOOPERACJA_REQUIRE_EXTERNAL").as_deref() != Ok("1"),
            "{tool} not found, and KOOPERACJA_REQUIRE_EXTERNAL=1 requires it ({install})"
        );
        eprintln!("SKIPPED: {tool} not found ({install})");
    }
    found
}

/// Exports `project` with `facts` as of `as_of` in `format` to `out` (with
/// `extra` arguments), and asserts that it succeeded.
pub fn export_ok(
    project: &str,
    facts: &str,
    as_of: &str,
    format: &str,
    out: &std::path::Path,
    extra: &[&str],
) {
    let mut args = vec![
        project,
        "--facts",
        facts,
        "--as-of",
        as_of,
        "--format",
        format,
        "-o",
        out.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    let run = run(&args);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{format}: {}",
        text(&run.stderr)
    );
}

/// Exports the project with an error finding in `format` to `out`: first
/// without `--force`, which must be refused (exit 1, the findings on stderr, no
/// file), then with it, which must succeed. The caller checks the warning.
pub fn refused_then_forced(dir: &std::path::Path, format: &str, out: &std::path::Path) {
    let project = project_with_error_finding(dir);
    let args = [
        project.to_str().expect("utf-8"),
        "--teryt",
        TERC,
        "--as-of",
        "2020-09-30",
        "--format",
        format,
        "-o",
        out.to_str().expect("utf-8"),
    ];
    let refused = run(&args);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    assert!(text(&refused.stderr).contains("refused"));
    assert!(!out.exists(), "nothing is written when refused");
    let forced = run(&[&args[..], &["--force"]].concat());
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
}

/// Runs a command, killed after `limit`; None when it timed out.
pub fn run_with_timeout(command: &mut Command, limit: Duration) -> Option<Output> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    // Polls every 100 ms; no clock is read, the polls are counted.
    let step = Duration::from_millis(100);
    let mut waited = Duration::ZERO;
    loop {
        if child.try_wait().ok()?.is_some() {
            return child.wait_with_output().ok();
        }
        waited += step;
        if waited > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(step);
    }
}

/// LibreOffice, if installed.
pub fn libreoffice() -> Option<PathBuf> {
    ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}
