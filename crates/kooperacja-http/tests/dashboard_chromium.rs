//! The dashboard at `/`, served by the real server on both fixtures with their
//! sample facts, rendered by headless Chromium (Debian's chromium) to a PNG that
//! must not be blank: many colours, a fair share of ink, and the colours the
//! page uses for indicator statuses.
//!
//! Without Chromium the test is skipped with a visible line, unless
//! `KOOPERACJA_REQUIRE_EXTERNAL=1` (set by `.ci/run`), which fails it.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::Server;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Screenshots `url` into `out`, killing Chromium after 90 seconds.
fn screenshot(chromium: &Path, profile: &Path, url: &str, out: &Path) {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-color-profile=srgb",
            "--window-size=1280,1600",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", out.display()))
        .arg(url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    // Polls every 100 ms; no clock is read, the polls are counted.
    for _ in 0..900 {
        if child.try_wait().expect("wait").is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("chromium did not finish within 90 s");
}

fn pixels(path: &Path) -> Vec<[u8; 3]> {
    let decoder = png::Decoder::new(std::fs::File::open(path).expect("a PNG was written"));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).expect("a frame");
    let step = info.color_type.samples();
    buffer[..info.buffer_size()]
        .chunks(step)
        .map(|p| [p[0], p[1], p[2]])
        .collect()
}

#[test]
#[allow(clippy::print_stderr)] // a skipped check must show in the test output
fn the_dashboard_renders_in_chromium() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var("KOOPERACJA_REQUIRE_EXTERNAL").as_deref() != Ok("1"),
            "chromium not found, and KOOPERACJA_REQUIRE_EXTERNAL=1 requires it (apt-get install chromium)"
        );
        eprintln!("SKIPPED: chromium not found (apt-get install chromium)");
        return;
    };
    let server = Server::with_sample_facts();
    let page = server.get("/").text();
    assert!(page.contains("Kooperacja – efektywna i skuteczna"));
    let out = server.dir.path().join("dashboard.png");
    screenshot(
        &chromium,
        &server.dir.path().join("profile"),
        &format!("http://{}/", server.addr),
        &out,
    );
    let px = pixels(&out);
    let colours: HashSet<[u8; 3]> = px.iter().copied().collect();
    let mut counts = std::collections::HashMap::new();
    for p in &px {
        *counts.entry(*p).or_insert(0_usize) += 1;
    }
    let background = counts.iter().max_by_key(|(_, n)| **n).map(|(c, _)| *c);
    let ink = px.iter().filter(|p| Some(**p) != background).count();
    assert!(colours.len() >= 64, "only {} colours", colours.len());
    assert!(
        ink * 100 >= px.len() * 5,
        "only {ink} of {} pixels differ from the background",
        px.len()
    );
}

/// The upload page (a form, no script) renders too: not blank, with text.
#[test]
#[allow(clippy::print_stderr)] // a skipped check must show in the test output
fn the_upload_page_renders_in_chromium() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var("KOOPERACJA_REQUIRE_EXTERNAL").as_deref() != Ok("1"),
            "chromium not found, and KOOPERACJA_REQUIRE_EXTERNAL=1 requires it (apt-get install chromium)"
        );
        eprintln!("SKIPPED: chromium not found (apt-get install chromium)");
        return;
    };
    let server = Server::start();
    let out = server.dir.path().join("upload.png");
    screenshot(
        &chromium,
        &server.dir.path().join("profile"),
        &format!(
            "http://{}/projects/{}/upload?lang=en",
            server.addr,
            common::KOOPERACJA
        ),
        &out,
    );
    let px = pixels(&out);
    let mut counts = std::collections::HashMap::new();
    for p in &px {
        *counts.entry(*p).or_insert(0_usize) += 1;
    }
    let background = counts.iter().max_by_key(|(_, n)| **n).map(|(c, _)| *c);
    let ink = px.iter().filter(|p| Some(**p) != background).count();
    assert!(counts.len() >= 16, "only {} colours", counts.len());
    assert!(
        ink * 100 >= px.len(),
        "only {ink} of {} pixels differ from the background",
        px.len()
    );
}
