//! Colour: when to colour, and the `anstyle` style of each kind of text (a
//! status or state in the terminal colour of core's palette).

use std::io::{self, IsTerminal};

use kooperacja_core::present::palette::{self, Terminal};
use kooperacja_core::report::{MilestoneState, Status};

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour standard output.
    pub fn resolve(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
        }
    }
}

/// A text style: bold, dim, or one of the terminal colours of core's palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Bold,
    Ink(Terminal),
}

impl Style {
    /// The `anstyle` style that renders it.
    pub(super) fn anstyle(self) -> anstyle::Style {
        use anstyle::AnsiColor;
        let color = |c: AnsiColor| anstyle::Style::new().fg_color(Some(c.into()));
        match self {
            Style::Bold => anstyle::Style::new().bold(),
            Style::Ink(Terminal::Dim) => anstyle::Style::new().dimmed(),
            Style::Ink(Terminal::Green) => color(AnsiColor::Green),
            Style::Ink(Terminal::Cyan) => color(AnsiColor::Cyan),
            Style::Ink(Terminal::Yellow) => color(AnsiColor::Yellow),
            Style::Ink(Terminal::Red) => color(AnsiColor::Red),
            Style::Ink(Terminal::Magenta) => color(AnsiColor::Magenta),
        }
    }

    /// The style a milestone's state is shown in (core's palette).
    pub fn of_state(state: MilestoneState) -> Style {
        Style::Ink(palette::of_state(state).terminal)
    }

    /// The style a status is shown in (core's palette).
    pub fn of_status(status: Status) -> Style {
        Style::Ink(palette::of_status(status).terminal)
    }

    /// Dim text.
    pub const DIM: Style = Style::Ink(Terminal::Dim);
    /// Green: a good outcome (no error findings).
    pub const GREEN: Style = Style::Ink(Terminal::Green);
    /// Red: an error or a figure that contradicts another.
    pub const RED: Style = Style::Ink(Terminal::Red);
    /// Yellow: a warning.
    pub const YELLOW: Style = Style::Ink(Terminal::Yellow);
    /// Cyan: codes (TERYT) beside names.
    pub const CYAN: Style = Style::Ink(Terminal::Cyan);
}
