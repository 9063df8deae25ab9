//! `kooperacja project upgrade`, run as the real binary: a format-1 file to
//! standard output, to `-o OUT` and in place; a format-2 file left alone; a
//! file of an unknown format refused with its code.

use std::path::Path;
use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const MAKROREGION: &str = "fixtures/format1/kooperacja-makroregion-ii.toml";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooperacja"))
        .args(args)
        .current_dir(ROOT)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

fn core_upgrade(path: &str) -> String {
    let original = std::fs::read_to_string(Path::new(ROOT).join(path)).expect("fixture");
    kooperacja_core::upgrade::upgrade(&original)
        .expect("upgrades")
        .text
}

#[test]
fn upgrade_writes_the_file_to_standard_output_and_the_changes_to_standard_error() {
    let out = run(&["project", "upgrade", MAKROREGION]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), core_upgrade(MAKROREGION));
    insta::assert_snapshot!(text(&out.stderr));
}

#[test]
fn upgrade_with_output_writes_the_file_there() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let target = dir.path().join("upgraded.toml");
    let target_arg = target.to_str().expect("utf-8 path");
    let out = run(&[
        "project",
        "upgrade",
        MAKROREGION,
        "-o",
        target_arg,
        "--lang",
        "en",
    ]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(&target).expect("written"),
        core_upgrade(MAKROREGION)
    );
    assert!(text(&out.stdout).starts_with(&format!(
        "{MAKROREGION}: upgraded from format 1 to format 2\n  format: 1 → 2 ("
    )));
}

#[test]
fn upgrade_in_place_rewrites_the_file_once() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("project.toml");
    std::fs::copy(Path::new(ROOT).join(MAKROREGION), &file).expect("copied");
    let file_arg = file.to_str().expect("utf-8 path");
    let first = run(&["project", "upgrade", file_arg, "--in-place", "--lang", "en"]);
    assert!(first.status.success());
    let once = std::fs::read_to_string(&file).expect("rewritten");
    assert_eq!(once, core_upgrade(MAKROREGION));
    let second = run(&["project", "upgrade", file_arg, "--in-place", "--lang", "en"]);
    assert!(second.status.success());
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), once);
    assert_eq!(
        text(&second.stdout),
        format!("{file_arg}: the file is already in format 2; nothing to change\n")
    );
}

#[cfg(unix)]
#[test]
fn upgrade_in_place_keeps_the_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("project.toml");
    std::fs::copy(Path::new(ROOT).join(MAKROREGION), &file).expect("copied");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let out = run(&[
        "project",
        "upgrade",
        file.to_str().expect("utf-8"),
        "--in-place",
    ]);
    assert!(out.status.success());
    let mode = std::fs::metadata(&file).expect("file").permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn upgrade_refuses_an_unknown_format_with_its_code_and_place() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("future.toml");
    std::fs::write(&file, "format = 3\nid = \"x\"\n").expect("written");
    let out = run(&[
        "project",
        "upgrade",
        file.to_str().expect("utf-8"),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with(
        "error: unknown project file format 3: this version of kooperacja reads formats 1 and 2 (an integer) [format.unsupported]\n"
    ));
    assert!(stderr.contains("future.toml:1:10"));
    assert!(out.stdout.is_empty());
}

#[test]
fn upgrade_takes_either_output_or_in_place() {
    let out = run(&[
        "project",
        "upgrade",
        MAKROREGION,
        "-o",
        "x.toml",
        "--in-place",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!Path::new(ROOT).join("x.toml").exists());
}
