//! The reliability corpus through the binaries: every project file in
//! `fixtures/invalid/` and every case of `fixtures/invalid-facts/expect.toml`
//! runs through `kooperacja` (validate, status, indicators, budget) and
//! `kooperacja-export` (JSON), each process under a 2 GiB address-space limit
//! and a 20 s time limit. None may panic, be killed or exit with a code the
//! case does not allow; the expected texts must appear; the outputs of each
//! file or case are one insta snapshot.
//!
//! A case marked `pending` in the manifest waits for a fix on another branch:
//! it is skipped with a note on stderr (shown with `--nocapture`);
//! `KOOPERACJA_CORPUS_PENDING=1` runs the pending cases too.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde::Deserialize;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The address-space limit of every process, in KiB (2 GiB).
const MEMORY_KIB: u64 = 2 << 20;

/// The time limit of every process, in seconds.
const SECONDS: u32 = 20;

/// The default report date of a case.
const AS_OF: &str = "2020-09-30";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    class: u8,
    project: String,
    facts: Option<String>,
    as_of: Option<String>,
    commands: Option<Vec<String>>,
    exit: Option<Vec<i32>>,
    #[serde(default)]
    expect: Vec<String>,
    pending: Option<String>,
}

/// What one process did.
struct Ran {
    /// The command line as shown in the snapshot.
    shown: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// The directory for generated inputs of this test process.
fn generated_dir() -> PathBuf {
    std::env::temp_dir().join(format!("kooperacja-corpus-{}", std::process::id()))
}

/// `kooperacja-export`, built beside `kooperacja` by `cargo test --workspace`
/// (a test of one package cannot name another package's binary).
fn export_binary() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_BIN_EXE_kooperacja")).with_file_name("kooperacja-export");
    path.is_file().then_some(path)
}

/// Runs `bin` with `args` in the workspace root under the memory and time limits.
fn run_limited(bin: &Path, args: &[String]) -> Output {
    let script =
        format!("ulimit -v {MEMORY_KIB} || exit 125; exec timeout -s KILL {SECONDS} \"$@\"");
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(bin)
        .args(args)
        .current_dir(ROOT)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .output()
        .expect("sh runs")
}

/// Runs one command and checks what no input may cause: a panic, a kill
/// (time or memory), an exit code outside `allowed`.
fn run_checked(bin: &Path, name: &str, args: Vec<String>, allowed: &[i32]) -> Ran {
    let out = run_limited(bin, &args);
    let shown = format!(
        "{} {}",
        bin.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
        args.join(" ")
    )
    .replace(&generated_dir().display().to_string(), "GENERATED");
    let ran = Ran {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        shown,
    };
    assert!(
        !ran.stderr.contains("panicked") && ran.code != Some(101),
        "{name}: `{}` panicked:\n{}",
        ran.shown,
        ran.stderr
    );
    assert!(
        !matches!(ran.code, Some(124..) | None),
        "{name}: `{}` was killed or ran out of time or memory ({SECONDS} s, {} GiB): exit {:?}\n{}",
        ran.shown,
        MEMORY_KIB >> 20,
        ran.code,
        ran.stderr
    );
    assert!(
        ran.code.is_some_and(|c| allowed.contains(&c)),
        "{name}: `{}` exited {:?}, expected one of {allowed:?}\n{}",
        ran.shown,
        ran.code,
        ran.stderr
    );
    ran
}

/// The snapshot of a file's or case's runs: each command, its exit code and
/// its output.
fn snapshot_text(runs: &[Ran]) -> String {
    let generated = generated_dir().display().to_string();
    let mut text = String::new();
    for ran in runs {
        let code = ran.code.map_or("by a signal".to_owned(), |c| c.to_string());
        text.push_str(&format!("$ {}\nexit {code}\n", ran.shown));
        for (what, out) in [("stdout", &ran.stdout), ("stderr", &ran.stderr)] {
            if !out.is_empty() {
                text.push_str(&format!(
                    "--- {what}\n{}",
                    out.replace(&generated, "GENERATED")
                ));
                if !out.ends_with('\n') {
                    text.push('\n');
                }
            }
        }
        text.push('\n');
    }
    text
}

#[test]
fn every_invalid_project_through_the_binaries() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(format!("{ROOT}/fixtures/invalid"))
        .expect("the corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() > 50, "{} files", files.len());
    let kooperacja = Path::new(env!("CARGO_BIN_EXE_kooperacja"));
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a file name")
            .to_owned();
        let rel = format!("fixtures/invalid/{name}");
        let runs: Vec<Ran> = [
            vec!["validate".to_owned(), rel.clone()],
            vec![
                "status".to_owned(),
                rel.clone(),
                "--as-of".to_owned(),
                "2020-06-30".to_owned(),
            ],
        ]
        .into_iter()
        .map(|args| {
            let ran = run_checked(kooperacja, &name, args, &[0, 1, 2]);
            if ran.code == Some(2) {
                // A parse error: located, with the line and a caret.
                assert!(
                    ran.stderr.contains(&format!("{rel}:")),
                    "{name}: {}",
                    ran.stderr
                );
                assert!(ran.stderr.contains('^'), "{name}: {}", ran.stderr);
                // The source line is shown as a window of at most 120
                // characters (plus the gutter).
                for line in ran.stderr.lines().filter(|l| l.contains(" | ")) {
                    let n = line.chars().count();
                    assert!(n <= 140, "{name}: a source line of {n} characters");
                }
            }
            ran
        })
        .collect();
        insta::assert_snapshot!(format!("invalid-{name}"), snapshot_text(&runs));
    }
}

/// Makes a generated input; returns its path.
fn generate(what: &str) -> String {
    let dir = generated_dir();
    std::fs::create_dir_all(dir.join("projects")).expect("temp dir");
    std::fs::create_dir_all(dir.join("teryt")).expect("temp dir");
    let register = dir.join("teryt/TERC_Urzedowy_2025-11-18.csv");
    if !register.exists() {
        std::fs::copy(
            format!("{ROOT}/fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"),
            &register,
        )
        .expect("copy the register");
    }
    let mut text = std::fs::read_to_string(format!(
        "{ROOT}/fixtures/projects/koordynacja-kujawy-pomorze.toml"
    ))
    .expect("fixture");
    match what {
        "project-50mb" => {
            let comment = format!("# {}\n", "x".repeat(1000));
            while text.len() < 50 << 20 {
                text.push_str(&comment);
            }
        }
        "project-near-limit" => {
            let mut n = 0;
            while text.len() < (16 << 20) - 4096 {
                n += 1;
                text.push_str(&format!(
                    "\n[[sources]]\nid = \"generated {n:07}\"\ntitle = \"Źródło wygenerowane, by sprawdzić granicę rozmiaru pliku\"\n"
                ));
            }
        }
        "many-rules" => {
            for i in 0..70 {
                text.push_str(&format!(
                    "\n[[indicators]]\nid = \"many-{i:03}\"\nkind = \"product\"\nname = \"Wskaźnik {i}\"\nunit = \"szt.\"\ntarget = 1\nrule = {{ count = \"facts\", kind = [\"support\"], role = \"role-{i:03}\" }}\n"
                ));
            }
        }
        other => panic!("no generated input {other:?}"),
    }
    let path = dir.join(format!("projects/{what}.toml"));
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

fn input_path(spec: &str) -> String {
    match spec.strip_prefix("generated:") {
        Some(what) => generate(what),
        None => spec.to_owned(),
    }
}

#[test]
fn every_manifest_case_through_the_binaries() {
    let text = std::fs::read_to_string(format!("{ROOT}/fixtures/invalid-facts/expect.toml"))
        .expect("the manifest");
    let manifest: Manifest = toml::from_str(&text).expect("the manifest parses");
    assert!(!manifest.case.is_empty());
    let kooperacja = Path::new(env!("CARGO_BIN_EXE_kooperacja"));
    let export = export_binary();
    if export.is_none() {
        eprintln!(
            "note: kooperacja-export is not built (run `cargo test --workspace`); its runs are skipped"
        );
    }
    // KOOPERACJA_CORPUS_PENDING=1 runs the pending cases too (to check a merge).
    let run_pending = std::env::var_os("KOOPERACJA_CORPUS_PENDING").is_some();
    std::fs::create_dir_all(generated_dir()).expect("temp dir");
    for case in &manifest.case {
        assert!(
            (1..=9).contains(&case.class),
            "{}: class {}",
            case.name,
            case.class
        );
        if let Some(part) = case.pending.as_ref().filter(|_| !run_pending) {
            eprintln!(
                "note: {} skipped: pending = {part:?} (its fix is on the {part} branch)",
                case.name
            );
            continue;
        }
        let project = input_path(&case.project);
        let facts = case.facts.as_deref().map(input_path);
        let as_of = case.as_of.as_deref().unwrap_or(AS_OF).to_owned();
        let allowed = case.exit.clone().unwrap_or_else(|| vec![0, 1, 2]);
        let commands = case.commands.clone().unwrap_or_else(|| {
            ["validate", "status", "indicators", "budget", "export"]
                .map(str::to_owned)
                .to_vec()
        });
        let mut runs = Vec::new();
        for command in &commands {
            let mut args = Vec::new();
            let bin: PathBuf = match command.as_str() {
                "export" => {
                    let Some(bin) = &export else { continue };
                    let out = generated_dir().join(format!("{}.json", case.name));
                    args.extend([project.clone()]);
                    args.extend(["--format", "json", "--force", "-o"].map(str::to_owned));
                    args.push(out.display().to_string());
                    bin.clone()
                }
                "validate" => {
                    args.extend(["validate".to_owned(), project.clone()]);
                    kooperacja.to_path_buf()
                }
                "status" | "indicators" | "budget" => {
                    args.extend([command.clone(), project.clone()]);
                    kooperacja.to_path_buf()
                }
                other => panic!("{}: unknown command {other:?}", case.name),
            };
            if let Some(facts) = &facts {
                args.extend(["--facts".to_owned(), facts.clone()]);
            }
            if command != "validate" {
                args.extend(["--as-of".to_owned(), as_of.clone()]);
            }
            runs.push(run_checked(&bin, &case.name, args, &allowed));
        }
        for text in &case.expect {
            assert!(
                runs.iter()
                    .any(|r| r.stdout.contains(text.as_str()) || r.stderr.contains(text.as_str())),
                "{}: no command's output holds {text:?}",
                case.name
            );
        }
        insta::assert_snapshot!(format!("case-{}", case.name), snapshot_text(&runs));
    }
    let _ = std::fs::remove_dir_all(generated_dir());
}
