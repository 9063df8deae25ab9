//! The stylesheet: layout rules written here, every colour from
//! [`palette`] (the same colours as the HTML report), as CSS variables and one
//! class per status and per milestone state.

use kooperacja_core::present::palette::{self, Rgb};
use kooperacja_core::report::{MilestoneState, Status};

/// White: the cards' background and the masthead's text.
pub(super) const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// The CSS class of a status (`st-on-track`), from its machine name.
pub(super) fn status_class(status: Status) -> String {
    format!("st-{}", status.machine())
}

/// The CSS class of a milestone's state (`state state-running`).
pub(super) fn state_class(state: MilestoneState) -> String {
    format!("state state-{}", state.machine())
}

/// The page's stylesheet.
pub(super) fn css() -> String {
    let warn = palette::of_status(Status::AtRisk);
    let mut out = format!(
        ":root {{ --ink: {}; --mute: {}; --rule: {}; --page: {}; --card: {}; --brand: {}; --warn: {}; --warn-tint: {}; --note: {}; }}\n",
        palette::INK.hex(),
        palette::MUTED.hex(),
        palette::LINE.hex(),
        palette::SOFT.hex(),
        WHITE.hex(),
        palette::ACCENT.hex(),
        warn.fill.hex(),
        warn.tint.hex(),
        palette::of_status(Status::NotEvaluated).ink.hex(),
    );
    out.push_str(RULES);
    for status in Status::ALL {
        let s = palette::of_status(status);
        out.push_str(&format!(
            ".{} {{ --st: {}; --st-ink: {}; }}\n",
            status_class(status),
            s.fill.hex(),
            s.on_fill.hex()
        ));
    }
    for state in [
        MilestoneState::NotStarted,
        MilestoneState::Running,
        MilestoneState::Finished,
    ] {
        out.push_str(&format!(
            ".state-{} {{ color: {}; }}\n",
            state.machine(),
            palette::of_state(state).ink.hex()
        ));
    }
    out
}

/// Every pair of a text colour and the background it is written on, as the
/// stylesheet and the charts use them (a test checks each for a contrast of
/// at least 4.5:1).
#[cfg(test)]
pub(super) fn text_on_background() -> Vec<(String, Rgb, Rgb)> {
    let mut pairs = vec![
        ("text on a card".to_owned(), palette::INK, WHITE),
        (
            "text on the page, a tile".to_owned(),
            palette::INK,
            palette::SOFT,
        ),
        ("secondary text on a card".to_owned(), palette::MUTED, WHITE),
        (
            "secondary text on the page, a tile".to_owned(),
            palette::MUTED,
            palette::SOFT,
        ),
        ("links".to_owned(), palette::ACCENT, WHITE),
        ("the masthead".to_owned(), WHITE, palette::ACCENT),
        (
            "the current language, the picker's button".to_owned(),
            palette::ACCENT,
            WHITE,
        ),
        (
            "a finding".to_owned(),
            palette::INK,
            palette::of_status(Status::AtRisk).tint,
        ),
        (
            "an indicator's note".to_owned(),
            palette::of_status(Status::NotEvaluated).ink,
            WHITE,
        ),
        (
            "the report's date on the timeline".to_owned(),
            palette::AS_OF,
            WHITE,
        ),
    ];
    for status in Status::ALL {
        let s = palette::of_status(status);
        pairs.push((format!("the badge {}", status.machine()), s.on_fill, s.fill));
    }
    for state in [
        MilestoneState::NotStarted,
        MilestoneState::Running,
        MilestoneState::Finished,
    ] {
        pairs.push((
            format!("the state {}", state.machine()),
            palette::of_state(state).ink,
            WHITE,
        ));
        pairs.push((
            format!("the state {} in a tile", state.machine()),
            palette::of_state(state).ink,
            palette::SOFT,
        ));
    }
    pairs
}

/// The layout: sizes, spacing, fonts; colours only through the variables.
const RULES: &str = r#"* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--page); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
a { color: var(--brand); }
code { font: 12.5px/1.3 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; color: var(--mute); }
.masthead { background: var(--brand); color: var(--card); }
.masthead .wrap { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 18px; }
.masthead h1 { flex: 1 1 auto; margin: 0; font-size: 21px; line-height: 1.3; }
.masthead p { margin: 0; font-size: 13px; }
.switch { display: inline-flex; border: 1px solid var(--card); border-radius: 6px; overflow: hidden; font-size: 13px; font-weight: 600; }
.switch a, .switch span { padding: 2px 10px; text-decoration: none; color: var(--card); }
.switch span { background: var(--card); color: var(--brand); }
.picker { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px; font-size: 13px; }
.picker input, .picker button { font: inherit; color: var(--ink); background: var(--card); border: 1px solid var(--rule); border-radius: 4px; padding: 1px 6px; }
.picker button { font-weight: 600; color: var(--brand); }
.wrap { max-width: 1200px; margin: 0 auto; padding: 12px 20px; }
nav.projects { background: var(--card); border-bottom: 1px solid var(--rule); }
nav.projects ul { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 22px; }
nav.projects a { font-weight: 600; text-decoration: none; }
nav.projects a:hover { text-decoration: underline; }
nav.projects small { color: var(--mute); white-space: nowrap; }
main { max-width: 1200px; margin: 0 auto; padding: 18px 20px 4px; }
.project { margin: 0 0 22px; padding: 18px 22px 14px; background: var(--card); border-radius: 10px; box-shadow: 0 1px 3px var(--rule); scroll-margin-top: 10px; }
.project > header h2 { margin: 0; font-size: 22px; line-height: 1.25; }
.project > header .alt { margin: 2px 0 0; color: var(--mute); font-style: italic; }
.project > header .meta { margin: 4px 0 0; color: var(--mute); font-size: 14px; }
.project > header .meta strong { color: var(--ink); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 12.5rem), 1fr)); gap: 10px; margin: 14px 0 6px; }
.tile { padding: 8px 12px; border: 1px solid var(--rule); border-radius: 8px; background: var(--page); }
.tile .k { display: block; font-size: 11.5px; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; color: var(--mute); }
.tile .v { display: block; font-size: 23px; font-weight: 700; line-height: 1.3; }
.tile .s { display: block; font-size: 12.5px; color: var(--mute); }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); gap: 4px 28px; }
.panel { min-width: 0; }
.finding { margin: 6px 0; padding: 6px 10px; border-left: 4px solid var(--warn); background: var(--warn-tint); overflow-wrap: anywhere; }
.panel.wide { grid-column: 1 / -1; }
.panel h3 { margin: 16px 0 8px; padding-bottom: 3px; font-size: 16px; border-bottom: 2px solid var(--rule); }
.panel h4 { margin: 14px 0 4px; font-size: 14px; }
svg { display: block; width: 100%; height: auto; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
.gantt-wide { max-width: 900px; }
.gantt-narrow { display: none; }
.milestones { margin: 8px 0 0; padding: 0; list-style: none; font-size: 13.5px; }
.milestones li { padding: 3px 0; border-top: 1px solid var(--rule); }
.milestones .id { display: inline-block; min-width: 4.2em; font-weight: 700; }
.milestones .dates { white-space: nowrap; color: var(--mute); }
.milestones .title { display: block; }
.dot { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 50%; }
.state { font-weight: 600; white-space: nowrap; }
.tally { margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px; }
.badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 700; line-height: 1.6; white-space: nowrap; background: var(--st); color: var(--st-ink); }
.indicators { margin: 0; padding: 0; list-style: none; }
.indicators li { padding: 8px 0; border-top: 1px solid var(--rule); }
.indicators li:first-child { border-top: 0; padding-top: 2px; }
.ind-head { display: flex; gap: 10px; align-items: flex-start; justify-content: space-between; }
.ind-name { font-size: 14px; line-height: 1.35; }
.meter { height: 10px; margin: 5px 0 3px; border-radius: 3px; overflow: hidden; }
.figures { margin: 0; font-size: 13px; color: var(--mute); }
.figures strong { color: var(--ink); font-variant-numeric: tabular-nums; }
.figures code { white-space: nowrap; }
.note { margin: 2px 0 0; font-size: 12.5px; color: var(--note); }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { padding: 4px 6px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: baseline; }
td.amt, th.amt { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.part th { padding-left: 18px; font-weight: 400; color: var(--mute); }
tr.total th, tr.total td { font-weight: 700; }
.pct { color: var(--mute); font-weight: 400; }
.stack { height: 14px; margin: 8px 0 2px; border-radius: 3px; overflow: hidden; }
.legend { margin: 0 0 6px; font-size: 12.5px; color: var(--mute); }
.legend span.sw { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 0; border-radius: 2px; vertical-align: -1px; }
.legend span.sw + span { margin-right: 14px; }
table.partners { font-size: 13px; }
table.partners thead th { font-size: 12px; color: var(--mute); border-bottom: 2px solid var(--rule); }
table.partners .plan { display: block; font-size: 12px; color: var(--mute); }
table.partners td svg { height: 6px; margin: 2px 0; border-radius: 2px; overflow: hidden; }
.facts { margin: 14px 0 0; font-size: 12.5px; color: var(--mute); }
.empty { color: var(--mute); }
body > footer { max-width: 1200px; margin: 0 auto; padding: 4px 20px 28px; font-size: 13px; color: var(--mute); }
@media (max-width: 640px) {
  body { font-size: 14px; }
  .wrap, main { padding-left: 10px; padding-right: 10px; }
  .project { padding: 14px 12px 10px; border-radius: 8px; }
  .project > header h2 { font-size: 19px; }
  .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .tile .v { font-size: 19px; }
  .ind-head { flex-direction: column; gap: 2px; }
  .gantt-wide { display: none; }
  .gantt-narrow { display: block; }
}
"#;
