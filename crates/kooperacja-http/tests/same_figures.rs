//! One figure, one text: the command line, the HTML report, the dashboard and
//! the workbook show every figure of the fixtures with the same digits, the
//! same words and the same colour, at three dates of each project, in Polish
//! and in English.
//!
//! The texts are taken from the real outputs of the three binaries, never from
//! core's formatter:
//! - the CLI: `kooperacja status` as printed (and with `--color always` for
//!   the terminal colour of each status);
//! - the HTML report (`kooperacja-export --format html`) and the dashboard
//!   (`GET /?as_of=…` of a running `kooperacja-server`): the text of each
//!   element marked `data-figure="…"` (the mark names the figure; the text is
//!   what the page shows), and the colour each indicator's bar is drawn in
//!   (the status colour);
//! - the workbook (`kooperacja-export --format xlsx`), as LibreOffice shows it:
//!   converted headless to CSV with "save cell contents as shown".
//!
//! Every figure one output shows is compared with the same figure in every
//! other output that shows it, after collapsing runs of white space (the
//! outputs lay out differently; a figure's text does not). The date of a
//! figure shown as `30.09.2020` in a narrow column and `30.09.2020 r.` in
//! prose is the same text.
//!
//! The test builds the sibling binaries it runs (`cargo build --bins`, a no-op
//! after `cargo test --workspace`). Without LibreOffice it skips the workbook
//! with a visible line, unless `KOOPERACJA_REQUIRE_EXTERNAL=1` (set by
//! `.ci/run`), which fails it.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{KOOPERACJA, KOORDYNACJA, Server, fixture, root};
use kooperacja_core::present::{Lang, Text, label};
use scraper::{ElementRef, Html, Selector};

/// The fixtures and the three dates each is compared at: before, within and
/// at the end of its period, chosen where milestones and due dates change.
const CASES: &[(&str, &str, &str, [&str; 3])] = &[
    (
        KOOPERACJA,
        "fixtures/projects/kooperacja-makroregion-ii.toml",
        "fixtures/facts/kooperacja-sample.jsonl",
        ["2019-03-31", "2020-09-30", "2022-12-31"],
    ),
    (
        KOORDYNACJA,
        "fixtures/projects/koordynacja-kujawy-pomorze.toml",
        "fixtures/facts/koordynacja-sample.jsonl",
        ["2024-06-30", "2026-12-01", "2028-12-31"],
    ),
];

/// The figures of one output: figure name → text as shown.
type Figures = BTreeMap<String, String>;

fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_kooperacja-server"))
        .parent()
        .expect("the binary has a directory")
        .to_owned()
}

/// Builds the CLI and the exporter (a no-op when they are fresh).
fn build_siblings() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args([
            "build",
            "--quiet",
            "-p",
            "kooperacja-cli",
            "-p",
            "kooperacja-export",
            "--bins",
        ])
        .current_dir(root())
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn run(bin: &str, args: &[&str]) -> String {
    let out = Command::new(bin_dir().join(bin))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "{bin} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs of white space (spaces, no-break spaces, line breaks) become one space.
fn norm(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A date's text without the Polish ` r.`, so that the narrow and the prose
/// form of one date compare equal.
fn same_date(text: &str) -> String {
    norm(text).replace(" r.", "")
}

// ---------------------------------------------------------------- HTML

/// Every `data-figure` element under `root`: name → text.
fn html_figures(root: ElementRef<'_>) -> Figures {
    let marked = Selector::parse("[data-figure]").expect("selector");
    root.select(&marked)
        .map(|e| {
            let name = e.value().attr("data-figure").expect("marked").to_owned();
            (name, norm(&e.text().collect::<String>()))
        })
        .collect()
}

/// The colour each indicator's bar is drawn in (the `fill` of the element
/// marked `indicator.ID.bar`): the colour of its status.
fn html_colours(root: ElementRef<'_>) -> Figures {
    let marked = Selector::parse("[data-figure$='.bar']").expect("selector");
    root.select(&marked)
        .filter_map(|e| {
            let fill = e.value().attr("fill")?.to_ascii_lowercase();
            Some((
                e.value().attr("data-figure").expect("marked").to_owned(),
                fill,
            ))
        })
        .collect()
}

// ---------------------------------------------------------------- CLI

/// The figures of `kooperacja status` as printed. The sections and rows are
/// found by their headings and labels (the catalogue's words in the run's
/// language); the figures are the text the CLI printed beside them.
fn cli_figures(text: &str, lang: Lang) -> Figures {
    let mut out = Figures::new();
    let bar = |c: char| c == '█' || c == '░';
    let mut lines = text.lines().peekable();
    let mut section = "";
    let mut indicator: Option<String> = None;
    let budget_rows = [
        (label::PROJECT_VALUE, "budget.total"),
        (label::EU_CONTRIBUTION, "budget.eu"),
        (label::NATIONAL_CONTRIBUTION, "budget.national"),
        (label::SPENT, "budget.spent"),
        (label::REMAINING, "budget.remaining"),
    ];
    while let Some(line) = lines.next() {
        let as_of = format!(" · {} ", label::AS_OF.get(lang));
        if let Some((_, date)) = line.split_once(&as_of) {
            out.insert("as-of".into(), norm(date));
            continue;
        }
        if let Some(rest) = line.strip_prefix(label::PERIOD.get(lang)) {
            out.insert("period".into(), norm(rest));
            if let Some(next) = lines.peek() {
                let share = next.trim().trim_start_matches(bar);
                let share = share.split(" (").next().unwrap_or("");
                out.insert("period.share".into(), norm(share));
            }
            continue;
        }
        if !line.starts_with(' ') {
            section = line.trim();
            continue;
        }
        if section == label::BUDGET.get(lang) {
            for (row, key) in budget_rows {
                if let Some(rest) = line.trim_start().strip_prefix(row.get(lang)) {
                    let mut parts = rest.split(|c: char| bar(c));
                    out.insert(key.into(), norm(parts.next().unwrap_or("")));
                    if let Some(share) = parts.next_back().filter(|s| !s.trim().is_empty()) {
                        out.insert(format!("{key}-share"), norm(share));
                    }
                }
            }
        } else if section == label::MILESTONES.get(lang) {
            // `  KM-I    01.04.2018 – 31.03.2019  zakończony`
            let fields: Vec<&str> = line
                .trim()
                .split("  ")
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect();
            if let [id, period, state] = fields[..]
                && line.starts_with("  ")
                && !line.starts_with("    ")
                && period.contains(" – ")
            {
                out.insert(format!("milestone.{id}.period"), norm(period));
                out.insert(format!("milestone.{id}.state"), norm(state));
            }
        } else if section == label::INDICATORS.get(lang) {
            if !line.starts_with("    ") {
                indicator = Some(line.trim().to_owned());
                continue;
            }
            let Some(id) = &indicator else { continue };
            let trimmed = line.trim();
            if !trimmed.starts_with(bar) {
                continue;
            }
            // `████████████ 104,2 %    300 / 288 do 31.03.2019  osiągnięty → 303`
            let fields: Vec<&str> = trimmed
                .trim_start_matches(bar)
                .split("  ")
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect();
            let [share, reached, status] = fields[..] else {
                panic!("an indicator line of the CLI: {line:?}");
            };
            out.insert(format!("indicator.{id}.share"), norm(share));
            if let Some((value, rest)) = reached.split_once(" / ") {
                out.insert(format!("indicator.{id}.value"), norm(value));
                let by = format!(" {}", label::DUE_BY.get(lang).replace("{0}", ""));
                if let Some((target, due)) = rest.split_once(&by) {
                    out.insert(format!("indicator.{id}.target"), norm(target));
                    out.insert(format!("indicator.{id}.due"), norm(due));
                }
            }
            match status.split_once(" → ") {
                Some((status, forecast)) => {
                    out.insert(format!("indicator.{id}.status"), norm(status));
                    out.insert(format!("indicator.{id}.forecast"), norm(forecast));
                }
                None => {
                    out.insert(format!("indicator.{id}.status"), norm(status));
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------- workbook

fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("soffice"))
        .find(|candidate| candidate.is_file())
}

/// Each sheet of a workbook as LibreOffice shows it: sheet name → rows.
fn workbook_as_shown(soffice: &Path, xlsx: &Path) -> BTreeMap<String, Vec<Vec<String>>> {
    let dir = xlsx.parent().expect("a directory");
    let profile = dir.join("lo-profile");
    // 44 = ',', 34 = '"', 76 = UTF-8, first line 1, token 9 true = "as
    // shown", token 12 = -1: every sheet to its own file.
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1045,false,true,true,false,false,-1";
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(dir)
        .arg(xlsx)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "LibreOffice converts the workbook");
    let stem = xlsx
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    let mut sheets = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(sheet) = name
            .strip_prefix(&format!("{stem}-"))
            .and_then(|n| n.strip_suffix(".csv"))
        else {
            continue;
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(entry.path())
            .expect("csv");
        let rows = reader
            .records()
            .map(|r| r.expect("a row").iter().map(norm).collect())
            .collect();
        sheets.insert(sheet.to_owned(), rows);
    }
    sheets
}

/// The figures of a workbook as shown: the sheets, columns and rows are found
/// by the catalogue's words in the workbook's language.
fn workbook_figures(sheets: &BTreeMap<String, Vec<Vec<String>>>, lang: Lang) -> Figures {
    let mut out = Figures::new();
    let sheet = |name: Text| sheets.get(name.get(lang)).map(Vec::as_slice).unwrap_or(&[]);
    let column = |rows: &[Vec<String>], name: Text| {
        rows.first()
            .and_then(|header| header.iter().position(|h| h == name.get(lang)))
    };
    let cell = |row: &[String], at: Option<usize>| {
        at.and_then(|i| row.get(i))
            .filter(|c| !c.is_empty())
            .cloned()
    };
    let indicators = sheet(label::INDICATORS);
    let columns = [
        (label::TARGET, "target"),
        (label::ACHIEVED, "value"),
        (label::SHARE_OF_TARGET, "share"),
        (label::DUE, "due"),
        (label::STATUS, "status"),
        (label::FORECAST, "forecast"),
    ];
    for row in indicators.iter().skip(1) {
        let Some(id) = row.first().filter(|id| !id.is_empty()) else {
            continue;
        };
        for (name, key) in columns {
            if let Some(text) = cell(row, column(indicators, name)) {
                out.insert(format!("indicator.{id}.{key}"), text);
            }
        }
    }
    let schedule = sheet(label::SCHEDULE);
    let (from, to, state) = (
        column(schedule, label::FROM),
        column(schedule, label::TO),
        column(schedule, label::STATE),
    );
    for row in schedule.iter().skip(1) {
        if let (Some(id), Some(start), Some(end)) = (row.first(), cell(row, from), cell(row, to)) {
            out.insert(format!("milestone.{id}.period"), format!("{start} – {end}"));
            if let Some(state) = cell(row, state) {
                out.insert(format!("milestone.{id}.state"), state);
            }
        }
    }
    let rows = [
        (label::AS_OF_DATE, "as-of"),
        (label::PROJECT_VALUE, "budget.total"),
        (label::EU_CONTRIBUTION, "budget.eu"),
        (label::NATIONAL_CONTRIBUTION, "budget.national"),
        (label::SPENT, "budget.spent"),
        (label::REMAINING, "budget.remaining"),
    ];
    for row in sheet(label::PROJECT) {
        if let [name, value, ..] = &row[..] {
            for (label, key) in rows {
                if name == label.get(lang) && !value.is_empty() {
                    out.insert(key.into(), value.clone());
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------- the test

struct Outputs {
    name: &'static str,
    figures: Figures,
}

fn compare(case: &str, outputs: &[Outputs]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, a) in outputs.iter().enumerate() {
        for b in &outputs[i + 1..] {
            for (name, text) in &a.figures {
                if let Some(other) = b.figures.get(name)
                    && same_date(text) != same_date(other)
                {
                    problems.push(format!(
                        "{case}: {name}: {} shows {text:?}, {} shows {other:?}",
                        a.name, b.name
                    ));
                }
            }
        }
    }
    problems
}

#[test]
fn every_output_shows_each_figure_with_the_same_text() {
    build_siblings();
    let server = Server::with_sample_facts();
    let soffice = soffice();
    if soffice.is_none() {
        assert!(
            std::env::var_os("KOOPERACJA_REQUIRE_EXTERNAL").is_none(),
            "LibreOffice (soffice) is required"
        );
        eprintln!("SKIPPED the workbook: LibreOffice (soffice) is not installed");
    }
    let work = tempfile::tempdir().expect("tempdir");
    let card = |id: &str| Selector::parse(&format!("[data-project='{id}']")).expect("selector");
    let mut problems = Vec::new();
    let mut compared = 0;
    let mut compared_colours = 0;
    for (id, project, facts, dates) in CASES {
        let (project, facts) = (fixture(project), fixture(facts));
        for as_of in dates {
            for lang in Lang::ALL {
                let lang_code = lang.code();
                let case = format!("{id} {as_of} {lang_code}");
                let common = [
                    project.as_str(),
                    "--facts",
                    facts.as_str(),
                    "--as-of",
                    as_of,
                    "--lang",
                    lang_code,
                ];
                let cli = cli_figures(
                    &run(
                        "kooperacja",
                        &[&["status"], &common[..], &["--color", "never"]].concat(),
                    ),
                    lang,
                );
                let html_path = work.path().join(format!("{id}-{as_of}-{lang_code}.html"));
                let html_out = html_path.display().to_string();
                run(
                    "kooperacja-export",
                    &[&common[..], &["--format", "html", "-o", &html_out]].concat(),
                );
                let report = Html::parse_document(
                    &std::fs::read_to_string(&html_path).expect("the report was written"),
                );
                let page = server.get(&format!("/?as_of={as_of}&lang={lang_code}"));
                let dashboard = Html::parse_document(&page.text());
                let dashboard_card = dashboard
                    .select(&card(id))
                    .next()
                    .unwrap_or_else(|| panic!("{case}: the dashboard has a card for {id}"));
                let mut outputs = vec![
                    Outputs {
                        name: "the CLI",
                        figures: cli,
                    },
                    Outputs {
                        name: "the HTML report",
                        figures: html_figures(report.root_element()),
                    },
                    Outputs {
                        name: "the dashboard",
                        figures: html_figures(dashboard_card),
                    },
                ];
                if let Some(soffice) = &soffice {
                    let dir = work.path().join(format!("{id}-{as_of}-{lang_code}"));
                    std::fs::create_dir_all(&dir).expect("dir");
                    let xlsx = dir.join("report.xlsx");
                    let xlsx_out = xlsx.display().to_string();
                    run(
                        "kooperacja-export",
                        &[&common[..], &["--format", "xlsx", "-o", &xlsx_out]].concat(),
                    );
                    outputs.push(Outputs {
                        name: "the workbook",
                        figures: workbook_figures(&workbook_as_shown(soffice, &xlsx), lang),
                    });
                }
                for o in &outputs {
                    assert!(
                        o.figures.len() >= 10,
                        "{case}: {} shows only {} figures: {:?}",
                        o.name,
                        o.figures.len(),
                        o.figures
                    );
                }
                compared += outputs.iter().map(|o| o.figures.len()).sum::<usize>();
                problems.extend(compare(&case, &outputs));
                let colours = [
                    html_colours(report.root_element()),
                    html_colours(dashboard_card),
                ];
                compared_colours += colours[0]
                    .keys()
                    .filter(|k| colours[1].contains_key(*k))
                    .count();
                let [report_colours, dashboard_colours] = colours;
                problems.extend(compare(
                    &format!("{case} (colour)"),
                    &[
                        Outputs {
                            name: "the HTML report",
                            figures: report_colours,
                        },
                        Outputs {
                            name: "the dashboard",
                            figures: dashboard_colours,
                        },
                    ],
                ));
            }
        }
    }
    assert!(
        compared_colours > 0,
        "no status colour is shown by both HTML outputs"
    );
    assert!(
        problems.is_empty(),
        "{} of {compared} figures differ:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
