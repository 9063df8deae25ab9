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
    for state in MilestoneState::ALL {
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

/// The layout (`dashboard.css`): sizes, spacing, fonts; colours only through
/// the variables that [`css`] sets from the palette.
const RULES: &str = include_str!("dashboard.css");
