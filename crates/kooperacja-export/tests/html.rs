//! `kooperacja-export --format html` run as a real process: the page for both
//! fixtures at two dates each and in English (snapshots), that it is
//! self-contained, marks the report's date, shows every indicator with its
//! status, escapes the project's text and shows the `--force` warning; and, when
//! Chromium is installed, that it renders to a non-blank picture and prints to
//! an A4 PDF.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{
    CASES, ROOT, TERC, export_ok, external_tool, refused_then_forced, run, temp_dir, text,
};
use kooperacja_core::engine::Engine;
use kooperacja_core::present::palette;
use kooperacja_core::project::Project;
use kooperacja_core::report::{MilestoneState, Status};
use kooperacja_export::{Lang, html::html};

/// The kooperacja fixture's project and fact files.
const KOOPERACJA: (&str, &str) = (CASES[0].1, CASES[0].2);
const KOORDYNACJA: (&str, &str) = (CASES[1].1, CASES[1].2);

/// Exports `project` with `facts` as of `as_of` into `dir`, in `lang`, with the
/// `format`; returns the path written.
fn export(
    dir: &Path,
    (project, facts): (&str, &str),
    as_of: &str,
    lang: &str,
    format: &str,
) -> PathBuf {
    let path = dir.join(format!("report-{as_of}-{lang}.{format}"));
    export_ok(project, facts, as_of, format, &path, &["--lang", lang]);
    path
}

/// Nothing outside the file is referenced: no URLs, no scripts, images, style
/// sheets or fonts from elsewhere; the only `url(` would be a fragment.
fn assert_self_contained(page: &str) {
    for forbidden in [
        "http://",
        "https://",
        "src=",
        "<link",
        "@import",
        "<script",
        "<img",
        "<iframe",
        "@font-face",
        "href=",
    ] {
        assert!(
            !page.contains(forbidden),
            "the page must not contain {forbidden:?}"
        );
    }
    for (at, _) in page.match_indices("url(") {
        assert!(
            page[at + 4..].starts_with('#'),
            "url( must only point within the file: {}",
            &page[at..(at + 40).min(page.len())]
        );
    }
}

/// Every indicator of the JSON report appears in the page's indicator table,
/// in a row with its status written out.
fn assert_indicators_with_status(page: &str, json: &serde_json::Value, lang: Lang) {
    let indicators = json["indicators"].as_array().expect("indicators");
    assert!(!indicators.is_empty());
    let table = &page[page
        .find("<table class=\"indicators\">")
        .expect("indicator table")..];
    let table = &table[..table.find("</table>").expect("table end")];
    for i in indicators {
        let id = i["id"].as_str().expect("id");
        let status = Status::ALL
            .into_iter()
            .find(|s| s.english().replace(' ', "-") == i["status"].as_str().expect("status"))
            .expect("a known status");
        let row = table
            .split("<tr")
            .find(|row| row.contains(&format!("<span class=\"id\">{id}</span>")))
            .unwrap_or_else(|| panic!("{id} has a row"));
        let name = kooperacja_core::present::label::status(status).get(lang);
        assert!(
            row.contains(&format!("{name}</span>")),
            "{id}: status {name:?} written in its row"
        );
    }
}

#[test]
fn html_for_both_fixtures_at_two_dates() {
    let dir = temp_dir("fixtures");
    for (name, project, facts, dates) in CASES {
        let files = (project, facts);
        for as_of in dates {
            let page =
                std::fs::read_to_string(export(&dir, files, as_of, "pl", "html")).expect("written");
            let json: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(export(&dir, files, as_of, "pl", "json"))
                    .expect("written"),
            )
            .expect("JSON");

            assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"pl\">"));
            assert!(page.contains("<title>"));
            assert!(page.contains("@page { size: A4;"));
            assert_self_contained(&page);
            // The report's date is marked on the timeline.
            let date = chrono::NaiveDate::parse_from_str(as_of, "%Y-%m-%d").expect("date");
            let polish = kooperacja_core::period::polish_date(date);
            assert!(page.contains("<g class=\"as-of\"><line "), "{name} {as_of}");
            assert!(page.contains(&format!("▼ stan na {polish}</text></g>")));
            assert!(page.contains(&format!("<time datetime=\"{as_of}\">{polish}</time>")));
            assert_indicators_with_status(&page, &json, Lang::Pl);
            // Every SVG is labelled for screen readers.
            assert_eq!(
                page.matches("<svg ").count(),
                page.matches("<svg viewBox=").count()
            );
            for svg in page.split("<svg ").skip(1) {
                let open = &svg[..svg.find('>').expect("tag end")];
                assert!(open.contains("role=\"img\""), "{open}");
                assert!(open.contains("aria-label"), "{open}");
                assert!(svg.contains("<title"), "{open}");
            }
            assert!(!page.contains("class=\"warning\""));
            insta::assert_snapshot!(format!("{name}-{as_of}"), page);
        }
    }
}

#[test]
fn html_in_english() {
    let dir = temp_dir("english");
    let page = std::fs::read_to_string(export(&dir, KOOPERACJA, "2020-09-30", "en", "html"))
        .expect("written");
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(export(&dir, KOOPERACJA, "2020-09-30", "en", "json"))
            .expect("written"),
    )
    .expect("JSON");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_self_contained(&page);
    // English dates are ISO 8601, as everywhere (present::date).
    assert!(page.contains("▼ as of 2020-09-30</text></g>"));
    assert!(page.contains("PLN 31,604,368.34"));
    assert!(!page.contains(" zł"));
    assert_indicators_with_status(&page, &json, Lang::En);
    insta::assert_snapshot!("kooperacja-2020-09-30-en", page);
}

#[test]
fn html_escapes_text_from_the_project() {
    // Through the binary: a copy of the fixture whose title holds markup.
    let dir = temp_dir("escape");
    let original = std::fs::read_to_string(format!("{ROOT}/{}", KOOPERACJA.0)).expect("fixture");
    let title = "title = \"Kooperacja – efektywna i skuteczna\"";
    assert!(original.contains(title), "the fixture's title line");
    let edited = original.replacen(
        title,
        r#"title = "A <b>bold</b> & \"quoted\" 'plan' </title><script>x</script>""#,
        1,
    );
    let project = dir.join("markup.toml");
    std::fs::write(&project, edited).expect("write");
    let project = project.to_str().expect("utf-8");
    let teryt = format!("{ROOT}/{TERC}");
    let out_path = dir.join("out.html");
    let out = run(&[
        project,
        "--teryt",
        &teryt,
        "--as-of",
        "2020-09-30",
        "--format",
        "html",
        "-o",
        out_path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = std::fs::read_to_string(&out_path).expect("written");
    // maud escapes `&`, `<`, `>` and `"`; an apostrophe needs none in text
    // or in a double-quoted attribute.
    let escaped = "A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; 'plan' &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;";
    assert!(page.contains(&format!("<h1>{escaped}</h1>")));
    assert!(page.contains(&format!("<title>{escaped} · stan na")));
    assert!(!page.contains("<b>bold"));
    assert!(!page.contains("<script"));
    assert_eq!(
        page.matches("</title>").count(),
        page.matches("<title").count()
    );

    // Through the library: an organisation's name and the warning.
    let mut project = Project::parse(&original).expect("fixture parses");
    let umk = project
        .organisations
        .iter_mut()
        .find(|o| o.id == "umk")
        .expect("umk");
    umk.name = "Uniwersytet <i>\"UMK\"</i> & co".to_owned();
    let report = Engine::new(project.clone(), None)
        .report(chrono::NaiveDate::from_ymd_opt(2020, 9, 30).unwrap());
    let page = html(
        &project,
        &report,
        Lang::En,
        Some("WARNING: <b>two</b> leaders & more"),
    );
    assert!(page.contains("Uniwersytet &lt;i&gt;&quot;UMK&quot;&lt;/i&gt; &amp; co"));
    assert!(page.contains("WARNING: &lt;b&gt;two&lt;/b&gt; leaders &amp; more"));
    assert!(!page.contains("<i>"));
    assert!(!page.contains("<b>"));
    // Deterministic: the same input gives the same page.
    assert_eq!(
        page,
        html(
            &project,
            &report,
            Lang::En,
            Some("WARNING: <b>two</b> leaders & more")
        )
    );
}

#[test]
fn a_forced_export_shows_the_warning_first() {
    let dir = temp_dir("forced");
    let out_path = dir.join("out.html");
    refused_then_forced(&dir, "html", &out_path);
    let page = std::fs::read_to_string(&out_path).expect("written");
    let warning = page
        .find("<div class=\"warning\" role=\"alert\">")
        .expect("a warning");
    assert!(
        warning < page.find("<h1>").expect("a title"),
        "the warning comes first"
    );
    assert!(page.contains("Uwaga: raport wyeksportowany mimo błędów w planie projektu"));
    assert!(page.contains("<p>OSTRZEŻENIE: wyeksportowano z opcją --force, choć projekt ma błędy walidacji (liczba: 1): "));
    assert_self_contained(&page);
}

/// Chromium, if installed: `/usr/bin/chromium` or `chromium` on `PATH`.
fn chromium() -> Option<PathBuf> {
    let usual = PathBuf::from("/usr/bin/chromium");
    if usual.is_file() {
        return Some(usual);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Runs headless Chromium on `page` with `output` (`--screenshot=…` or
/// `--print-to-pdf=…`), killing it after 60 seconds.
fn render(chromium: &Path, dir: &Path, page: &Path, output: &[String]) {
    render_at(chromium, dir, page, "1240,1754", output, Stdio::null());
}

/// Runs headless Chromium on `page` in a window of `size` (`width,height`)
/// with `output`, its standard output into `stdout`.
fn render_at(
    chromium: &Path,
    dir: &Path,
    page: &Path,
    size: &str,
    output: &[String],
    stdout: Stdio,
) {
    let profile = dir.join(format!("profile-{}", output.len()));
    let _ = std::fs::remove_dir_all(&profile);
    let log = std::fs::File::create(dir.join("chromium.log")).expect("log file");
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
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--window-size={size}"))
        .args(output)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::from(log))
        .spawn()
        .expect("chromium starts");
    for _ in 0..600 {
        if let Some(status) = child.try_wait().expect("chromium runs") {
            assert!(status.success(), "chromium failed: {status}");
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("chromium did not finish within 60 s");
}

/// The pixels of a PNG as RGB triples, with its width and height.
fn pixels(path: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::fs::File::open(path).expect("png"));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let step = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    let rgb = buf[..info.buffer_size()]
        .chunks_exact(step)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, rgb)
}

fn hex(colour: &str) -> [u8; 3] {
    let byte = |i: usize| u8::from_str_radix(&colour[i..i + 2], 16).expect("hex");
    [byte(1), byte(3), byte(5)]
}

#[test]
fn html_renders_in_chromium() {
    let found = chromium();
    if !external_tool(found.is_some(), "chromium", "apt-get install chromium") {
        return;
    }
    let Some(chromium) = found else { return };
    let dir = temp_dir("chromium");
    let page = export(&dir, KOOPERACJA, "2020-09-30", "pl", "html");
    let page = page.canonicalize().expect("absolute path");

    let png = dir.join("report.png");
    render(
        &chromium,
        &dir,
        &page,
        &[format!("--screenshot={}", png.display())],
    );
    let (width, height, rgb) = pixels(&png);
    assert_eq!((width, height), (1240, 1754));
    let total = rgb.len();
    let distinct: HashSet<[u8; 3]> = rgb.iter().copied().collect();
    assert!(distinct.len() >= 64, "only {} colours", distinct.len());
    let white = rgb.iter().filter(|p| p.iter().all(|&c| c >= 250)).count();
    assert!(white * 100 >= total * 30, "the page is mostly paper");
    let ink = rgb
        .iter()
        .filter(|p| p.iter().map(|&c| u32::from(c)).sum::<u32>() < 3 * 160)
        .count();
    assert!(
        ink * 100 >= total * 2,
        "text and charts: {ink} of {total} pixels"
    );
    // The statuses of this report, and the marker of the date, in their colours.
    for (what, colour) in [
        ("achieved", palette::of_status(Status::Achieved).fill.hex()),
        ("missed / the date's line", palette::AS_OF.hex()),
        (
            "not started",
            palette::of_status(Status::NotStarted).fill.hex(),
        ),
        (
            "the running milestone",
            palette::of_state(MilestoneState::Running).fill.hex(),
        ),
    ] {
        let want = hex(&colour);
        let near = |p: &&[u8; 3]| p.iter().zip(want).all(|(&a, b)| a.abs_diff(b) <= 4);
        let n = rgb.iter().filter(near).count();
        assert!(n >= 40, "{what} ({colour}): {n} pixels");
    }

    let pdf = dir.join("report.pdf");
    render(
        &chromium,
        &dir,
        &page,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_owned(),
        ],
    );
    let bytes = std::fs::read(&pdf).expect("a PDF");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() > 20_000, "a PDF of {} bytes", bytes.len());
    let raw = String::from_utf8_lossy(&bytes);
    let pages = raw.matches("/Type /Page").count() - raw.matches("/Type /Pages").count();
    assert!(pages >= 2, "{pages} pages");
    // A4 is 595 × 842 points.
    let media = &raw[raw.find("/MediaBox [").expect("a media box") + 11..];
    let numbers: Vec<&str> = media[..media.find(']').expect("box end")]
        .split_whitespace()
        .collect();
    let points = |s: &str| {
        s.split('.')
            .next()
            .expect("a number")
            .parse::<i64>()
            .expect("points")
    };
    assert_eq!(numbers.len(), 4);
    assert!(
        (points(numbers[2]) - 595).abs() <= 2,
        "width {}",
        numbers[2]
    );
    assert!(
        (points(numbers[3]) - 842).abs() <= 2,
        "height {}",
        numbers[3]
    );
    // Chromium's profiles are large; keep nothing once the checks pass.
    let _ = std::fs::remove_dir_all(&dir);
}

/// In a window 400 px wide (a phone), nothing of the page sticks out of the
/// viewport or out of its box: every card, table, figure and chart fits, and
/// no text overflows the card it is in. Measured in Chromium by a script
/// added to a copy of the page, whose verdict `--dump-dom` returns.
#[test]
fn html_is_usable_400_px_wide() {
    let found = chromium();
    if !external_tool(found.is_some(), "chromium", "apt-get install chromium") {
        return;
    }
    let Some(chromium) = found else { return };
    let dir = temp_dir("narrow");
    for (name, project, as_of) in [
        ("kooperacja", KOOPERACJA, "2020-09-30"),
        ("koordynacja", KOORDYNACJA, "2025-11-30"),
    ] {
        let page = export(&dir, project, as_of, "pl", "html");
        let html = std::fs::read_to_string(&page).expect("written");
        let probe = r#"<script>
const width = document.documentElement.clientWidth;
const bad = [];
for (const el of document.querySelectorAll('.card, .cards, table, figure, svg, header, section, footer, .warning')) {
  const r = el.getBoundingClientRect();
  const cls = typeof el.className === 'string' ? el.className : (el.className.baseVal || '');
  if (r.right > width + 0.5 || r.left < -0.5) bad.push('outside the window: ' + el.tagName + '.' + cls + ' right=' + Math.round(r.right));
}
for (const el of document.querySelectorAll('.card, .card *')) {
  if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') bad.push('clipped ' + el.tagName + '.' + el.className + ' ' + el.scrollWidth + '>' + el.clientWidth);
  const card = el.closest('.card');
  if (card && el !== card) {
    const r = el.getBoundingClientRect(), c = card.getBoundingClientRect();
    if (r.right > c.right + 0.5) bad.push('sticks out of its card: ' + el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40));
  }
}
parent.document.getElementById('verdict').textContent = 'width=' + width + ' scroll=' + document.documentElement.scrollWidth + '\n' + bad.join('\n');
</script>"#;
        let probed = dir.join(format!("{name}-probe.html"));
        // Headless Chromium's window is at least 500 px wide, so the page
        // is shown in a frame 400 px wide (its own viewport: media queries
        // and all); the probe in it writes its verdict into the frame's parent.
        let inner = html.replace("</body>", &format!("{probe}</body>"));
        let attribute = inner.replace('&', "&amp;").replace('"', "&quot;");
        std::fs::write(
            &probed,
            format!(
                "<!DOCTYPE html><html><body style=\"margin:0\"><pre id=\"verdict\">not run</pre><iframe srcdoc=\"{attribute}\" style=\"width:400px;height:3000px;border:0\"></iframe></body></html>"
            ),
        )
        .expect("write");
        let probed = probed.canonicalize().expect("absolute path");
        let dom = dir.join(format!("{name}-dom.html"));
        render_at(
            &chromium,
            &dir,
            &probed,
            "400,3000",
            &["--dump-dom".to_owned()],
            Stdio::from(std::fs::File::create(&dom).expect("dom file")),
        );
        let dom = std::fs::read_to_string(&dom).expect("dumped");
        let verdict = dom
            .split("<pre id=\"verdict\">")
            .nth(1)
            .and_then(|v| v.split("</pre>").next())
            .expect("the probe ran");
        let mut lines = verdict.lines();
        let first = lines.next().unwrap_or_default();
        let rest: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
        assert!(
            first.starts_with("width=400 scroll=400"),
            "{name}: the page scrolls sideways: {first}\n{}",
            rest.join("\n")
        );
        assert!(rest.is_empty(), "{name}: at 400 px:\n{}", rest.join("\n"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
