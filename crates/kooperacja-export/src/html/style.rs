//! The style sheet of the page: fixed rules and the palette's colours.

use super::*;

/// The style sheet: the palette's colours as custom properties, the fixed
/// rules, then the status, state and warning colours from the palette.
pub(super) fn style() -> String {
    let mut css = format!(
        "\n:root {{ --ink: {}; --muted: {}; --line: {}; --soft: {}; --accent: {}; }}\n",
        palette::INK.hex(),
        palette::MUTED.hex(),
        palette::LINE.hex(),
        palette::SOFT.hex(),
        palette::ACCENT.hex()
    );
    // The fixed rules first: the colour rules below override their
    // shorthands (`border: 1.5px solid` sets a border colour too).
    css.push_str(STYLE.trim_start());
    for status in Status::ALL {
        let swatch = palette::of_status(status);
        css.push_str(&format!(
            ".st-{} {{ border-color: {}; background: {}; color: {}; }}\n",
            status.machine(),
            swatch.fill.hex(),
            swatch.tint.hex(),
            palette::INK.hex()
        ));
    }
    for state in MilestoneState::ALL {
        css.push_str(&format!(
            ".ms-{} {{ color: {}; }}\n",
            state.machine(),
            palette::of_state(state).ink.hex()
        ));
    }
    let warning = palette::of_status(Status::Missed);
    let findings = palette::of_status(Status::AtRisk);
    css.push_str(&format!(
        ".warning {{ border-color: {}; background: {}; color: {}; }}\n.findings {{ border-left-color: {}; background: {}; }}\n.note {{ color: {}; }}\n",
        warning.fill.hex(),
        warning.tint.hex(),
        warning.ink.hex(),
        findings.fill.hex(),
        findings.tint.hex(),
        palette::of_status(Status::NotEvaluated).ink.hex()
    ));
    css
}

const STYLE: &str = r#"
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: var(--soft); }
body { margin: 0; color: var(--ink); font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 40px 36px; background: #fff; }
header { padding-top: 12px; border-top: 6px solid var(--accent); }
h1 { font-size: 27px; line-height: 1.2; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 4px 0; }
.subtitle { margin: 0 0 6px; color: var(--muted); font-style: italic; }
.meta { margin: 2px 0; color: var(--muted); }
.meta strong { color: var(--ink); }
.warning { margin: 0 0 20px; padding: 12px 16px; border: 3px solid; }
.warning strong { font-size: 17px; }
.findings { margin: 8px 0 16px; padding: 8px 12px 8px 28px; border-left: 4px solid; overflow-wrap: anywhere; }
.warning p { color: var(--ink); overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 18px 0 4px; }
.card { padding: 10px 12px; border: 1px solid var(--line); border-radius: 6px; background: var(--soft); break-inside: avoid; page-break-inside: avoid; }
.card h2 { margin: 0 0 2px; padding: 0; border: 0; font-size: 12px; font-weight: bold; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
.big { font-size: 24px; font-weight: bold; line-height: 1.25; }
.small { font-size: 12.5px; color: var(--muted); }
.card svg { margin: 6px 0 2px; }
.legend { margin: 2px 0 0; padding: 0; list-style: none; font-size: 13px; }
.legend li { margin: 1px 0; white-space: nowrap; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; border-radius: 2px; vertical-align: -1px; }
figure { margin: 8px 0 14px; break-inside: avoid; page-break-inside: avoid; }
figcaption { margin-top: 4px; font-size: 12.5px; color: var(--muted); }
svg { display: block; width: 100%; height: auto; }
svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; fill: var(--ink); }
table { width: 100%; margin: 6px 0 12px; border-collapse: collapse; font-size: 13.5px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-size: 12.5px; vertical-align: bottom; }
tbody th { font-weight: normal; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
.muted { color: var(--muted); }
.id { font-weight: bold; }
.name { display: block; font-size: 12.5px; color: var(--muted); }
.note { display: block; font-size: 12.5px; }
.kind { display: block; font-size: 11.5px; color: var(--muted); font-style: italic; }
.by-sex { display: block; font-size: 11.5px; color: var(--muted); }
table.indicators th[scope="row"] { width: 42%; }
.bar { width: 22%; min-width: 120px; }
.bar svg { margin-bottom: 1px; }
table.amounts { max-width: 760px; }
.badge { display: inline-block; padding: 1px 8px; border: 1.5px solid; border-radius: 10px; font-size: 12.5px; font-weight: bold; white-space: nowrap; color: var(--ink); }
.ms-running { font-weight: bold; }
figure.map { max-width: 940px; }
.breakdown th[scope="col"] { overflow-wrap: anywhere; }
footer { margin-top: 26px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 12.5px; color: var(--muted); }
@media screen and (max-width: 640px) {
  main { padding: 12px 12px 20px; }
  h1 { font-size: 22px; }
  .legend li { white-space: normal; }
  table { display: block; overflow-x: auto; }
  .bar { min-width: 90px; }
}
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
@media print {
  html { background: #fff; }
  .cards { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  body { font-size: 10pt; }
  table { font-size: 9pt; }
  .bar { min-width: 90px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, .card, .keep, table.breakdown, svg { break-inside: avoid; page-break-inside: avoid; }
  .warning { border-width: 4px; }
}
"#;

#[cfg(test)]
mod tests {
    use kooperacja_core::present::palette::Rgb;

    use super::*;

    /// The WCAG 2 relative luminance of a colour (floating point: colour
    /// science in a test, no money).
    #[allow(clippy::float_arithmetic)]
    fn luminance(c: Rgb) -> f64 {
        let channel = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.039_28 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    #[allow(clippy::float_arithmetic)]
    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
        (hi + 0.05) / (lo + 0.05)
    }

    const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

    /// Every pair of text colour and background the page uses (style sheet
    /// and charts) has a contrast of at least 4.5:1 (WCAG AA for body text).
    #[test]
    #[allow(clippy::float_arithmetic)] // colour science, no money
    fn text_colours_have_a_contrast_of_4_5() {
        let mut pairs: Vec<(String, Rgb, Rgb)> = vec![
            ("ink on white".into(), palette::INK, WHITE),
            ("ink on soft".into(), palette::INK, palette::SOFT),
            ("muted on white".into(), palette::MUTED, WHITE),
            (
                "muted on soft (cards, tiles)".into(),
                palette::MUTED,
                palette::SOFT,
            ),
            ("as-of date on white".into(), palette::AS_OF, WHITE),
            ("white on accent (EU share)".into(), WHITE, palette::ACCENT),
            ("white on spent (spent share)".into(), WHITE, palette::SPENT),
            (
                "ink on plan (national share, tiles)".into(),
                palette::INK,
                palette::PLAN,
            ),
            (
                "ink on line (remaining share)".into(),
                palette::INK,
                palette::LINE,
            ),
        ];
        for status in Status::ALL {
            let s = palette::of_status(status);
            pairs.push((format!("{status:?} badge"), palette::INK, s.tint));
        }
        for state in [
            MilestoneState::Finished,
            MilestoneState::Running,
            MilestoneState::NotStarted,
        ] {
            pairs.push((
                format!("{state:?} state"),
                palette::of_state(state).ink,
                WHITE,
            ));
        }
        let missed = palette::of_status(Status::Missed);
        pairs.push(("warning".into(), missed.ink, missed.tint));
        pairs.push((
            "note".into(),
            palette::of_status(Status::NotEvaluated).ink,
            WHITE,
        ));
        let low: Vec<String> = pairs
            .iter()
            .filter(|(_, fg, bg)| contrast(*fg, *bg) < 4.5)
            .map(|(what, fg, bg)| format!("{what}: {:.2}", contrast(*fg, *bg)))
            .collect();
        assert!(low.is_empty(), "too little contrast: {low:?}");
    }
}
