//! What `kooperacja-export` does with input it cannot use and outputs it
//! cannot write as asked: bounded reads, located errors rendered like the
//! `kooperacja` command's, and a CSV `-o` that names a file.

mod common;

use common::{run, temp_dir, text};

const PROJECT: &str = "fixtures/projects/koordynacja-kujawy-pomorze.toml";
const FACTS: &str = "fixtures/facts/koordynacja-sample.jsonl";

/// The error message of a run, without the `error: ` prefix.
fn error_of(stderr: &str) -> &str {
    stderr.strip_prefix("error: ").unwrap_or(stderr).trim_end()
}

#[test]
fn a_parse_error_is_rendered_as_the_kooperacja_command_renders_it() {
    let dir = temp_dir("render");
    let out_path = dir.join("out.json");
    for file in [
        "fixtures/invalid/01-unclosed-string.toml",
        "fixtures/invalid/16-title-is-integer.toml",
    ] {
        let out = run(&[
            file,
            "--format",
            "json",
            "-o",
            out_path.to_str().expect("utf-8"),
        ]);
        assert_eq!(out.status.code(), Some(2));
        // The same renderer as `kooperacja validate` (core's
        // `present::located`): the place, a gutter with the line number.
        let err = text(&out.stderr);
        let lines: Vec<&str> = error_of(&err).lines().collect();
        assert_eq!(lines.len(), 5, "{err}");
        assert!(lines[1].starts_with(&format!(" --> {file}:")), "{err}");
        assert!(lines[2].ends_with(" |"), "{err}");
        assert!(
            lines[3].chars().next().is_some_and(|c| c.is_ascii_digit()),
            "{err}"
        );
        assert!(lines[4].ends_with('^'), "{err}");
    }
}

#[test]
fn a_non_utf8_project_is_located_at_its_first_invalid_byte() {
    let dir = temp_dir("non-utf8");
    let project = dir.join("p.toml");
    std::fs::write(&project, b"format = 1\nid = \"x\"\ntitle = \"ab\xffcd\"\n").expect("write");
    let project = project.to_str().expect("utf-8");
    let out_path = dir.join("out.json");
    let out = run(&[
        project,
        "--format",
        "json",
        "-o",
        out_path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains(&format!(" --> {project}:3:12\n")), "{err}");
}

#[test]
fn a_long_error_line_is_shown_as_a_bounded_window() {
    let dir = temp_dir("long-line");
    let project = dir.join("p.toml");
    let long = "a".repeat(1 << 20);
    std::fs::write(
        &project,
        format!("format = 1\nid = \"x\"\ntitle = \"{long}\" x\n"),
    )
    .expect("write");
    let out_path = dir.join("out.json");
    let out = run(&[
        project.to_str().expect("utf-8"),
        "--format",
        "json",
        "-o",
        out_path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    for line in text(&out.stderr).lines() {
        assert!(line.chars().count() <= 200, "{}", line.len());
    }
}

#[test]
fn dev_zero_as_a_project_is_refused() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let dir = temp_dir("dev-zero");
    let out_path = dir.join("out.json");
    let out = run(&[
        "/dev/zero",
        "--format",
        "json",
        "-o",
        out_path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("16 MiB"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn every_csv_table_to_a_csv_file_name_is_refused() {
    let dir = temp_dir("csv-file");
    let out_path = dir.join("x.csv");
    let out = run(&[
        PROJECT,
        "--facts",
        FACTS,
        "--as-of",
        "2025-11-30",
        "--format",
        "csv",
        "-o",
        out_path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("--table"), "{err}");
    assert!(!out_path.exists(), "nothing is created");
}

#[test]
fn one_csv_table_to_a_csv_file_name_is_that_file() {
    let dir = temp_dir("csv-one");
    let out_path = dir.join("x.csv");
    let out = run(&[
        PROJECT,
        "--facts",
        FACTS,
        "--as-of",
        "2025-11-30",
        "--format",
        "csv",
        "--table",
        "budget",
        "-o",
        out_path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out_path.is_file());
}
