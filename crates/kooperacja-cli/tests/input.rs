//! Reading project files: bounded, and every error located (line, column,
//! a window of the line and a caret), run as the real binary.

use std::path::Path;
use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const KOORDYNACJA: &str = "fixtures/projects/koordynacja-kujawy-pomorze.toml";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooperacja"))
        .args(args)
        .current_dir(ROOT)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8")
}

/// A fresh temporary directory for one test, removed when the test ends (the
/// inputs here are up to 17 MiB).
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("kooperacja-cli-input-{name}-"))
        .tempdir()
        .expect("temp dir")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path.to_str().expect("utf-8 path").to_owned()
}

#[test]
fn a_non_utf8_project_is_located_at_its_first_invalid_byte() {
    let dir = temp_dir("non-utf8");
    let path = write(
        dir.path(),
        "p.toml",
        b"format = 1\nid = \"x\"\ntitle = \"ab\xffcd\"\n",
    );
    let out = run(&["validate", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!(" --> {path}:3:12\n")), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn a_too_deeply_nested_key_is_located_on_its_line() {
    let dir = temp_dir("deep-key");
    let text = format!("format = 1\nid = \"x\"\n{}z = 1\n", "a.".repeat(300));
    let path = write(dir.path(), "p.toml", text.as_bytes());
    let out = run(&["validate", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!(" --> {path}:3:1\n")), "{err}");
}

#[test]
fn a_long_error_line_is_shown_as_a_window_with_the_caret_under_the_error() {
    let dir = temp_dir("long-line");
    // A 10 MB string value, then `x` where a comma or the end of the line belongs.
    let long = "a".repeat(10 << 20);
    let text = format!("format = 1\nid = \"x\"\ntitle = \"{long}\" x\n");
    let path = write(dir.path(), "p.toml", text.as_bytes());
    let out = run(&["validate", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for line in err.lines() {
        assert!(line.chars().count() <= 200, "{}", line.len());
    }
    // The caret is under the character the column names.
    let lines: Vec<&str> = err.lines().collect();
    let shown = lines
        .iter()
        .find(|l| l.starts_with("3 | "))
        .expect("the line");
    let caret = lines.iter().find(|l| l.ends_with('^')).expect("the caret");
    let at = caret.chars().count() - 1;
    assert_eq!(shown.chars().nth(at), Some('x'), "{shown}\n{caret}");
    assert!(shown.starts_with("3 | ..."), "{shown}");
}

#[test]
fn a_project_larger_than_the_limit_is_refused() {
    let dir = temp_dir("too-large");
    let mut text = std::fs::read_to_string(format!("{ROOT}/{KOORDYNACJA}")).expect("fixture");
    // Comments: the file stays a valid project, only its size is wrong.
    let comment = format!("# {}\n", "x".repeat(1000));
    while text.len() <= 17 << 20 {
        text.push_str(&comment);
    }
    let path = write(dir.path(), "p.toml", text.as_bytes());
    let out = run(&["validate", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("16 MiB"), "{err}");
}

#[test]
fn dev_zero_as_a_project_is_refused() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let out = run(&["validate", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("16 MiB"), "{}", stderr(&out));
}

#[test]
fn a_directory_as_a_project_is_refused_with_a_clear_message() {
    let dir = temp_dir("dir");
    let out = run(&["validate", dir.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("directory"), "{}", stderr(&out));
}
