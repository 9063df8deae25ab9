//! The project files the server reads at start: bounded, and a parse error
//! located and rendered as the `kooperacja` command renders it.

use std::process::{Command, Output};

fn serve(project: &str, dir: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kooperacja-server"))
        .args([
            "serve",
            "--project",
            project,
            "--listen",
            "127.0.0.1:0",
            "--db",
        ])
        .arg(dir.join("k.sqlite3"))
        .output()
        .expect("binary runs")
}

#[test]
fn dev_zero_as_a_project_is_refused_at_start() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = serve("/dev/zero", dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("16 MiB"), "{err}");
}

#[test]
fn a_non_utf8_project_is_refused_with_its_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("p.toml");
    std::fs::write(&project, b"format = 1\nid = \"x\"\ntitle = \"ab\xffcd\"\n").expect("write");
    let project = project.to_str().expect("utf-8");
    let out = serve(project, dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!(" --> {project}:3:12\n")), "{err}");
    assert!(err.contains('^'), "{err}");
}
