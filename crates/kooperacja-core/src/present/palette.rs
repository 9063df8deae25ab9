//! The status palette: one set of colours per indicator status and milestone
//! state, used by every output that colours them (the terminal, the HTML
//! report, the dashboard, the workbook).
//!
//! Each [`Swatch`] has an `ink` for text on white (contrast of at least 4.5:1,
//! WCAG AA; a test checks it), a `fill` for bars and borders, a `tint` for
//! backgrounds behind `ink`, `on_fill` for text written on `fill`, and the
//! nearest of the sixteen terminal colours. Colour is never the only sign:
//! every output also writes the status word.
//!
//! ```
//! use kooperacja_core::present::palette::{of_status, Terminal};
//! use kooperacja_core::report::Status;
//! let achieved = of_status(Status::Achieved);
//! assert_eq!(achieved.fill.hex(), "#2e7d32");
//! assert_eq!(achieved.terminal, Terminal::Green);
//! ```

use crate::report::{MilestoneState, Status};

/// A colour in sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The CSS notation: `#2e7d32`.
    ///
    /// ```
    /// use kooperacja_core::present::palette::Rgb;
    /// assert_eq!(Rgb(255, 0, 10).hex(), "#ff000a");
    /// ```
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// The notation spreadsheet styles use: `2E7D32`.
    ///
    /// ```
    /// use kooperacja_core::present::palette::Rgb;
    /// assert_eq!(Rgb(46, 125, 50).argb_hex(), "2E7D32");
    /// ```
    pub fn argb_hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// The colour as one number `0xRRGGBB`.
    pub fn to_u32(self) -> u32 {
        (u32::from(self.0) << 16) | (u32::from(self.1) << 8) | u32::from(self.2)
    }
}

/// The basic terminal colours a status is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Terminal {
    /// Green.
    Green,
    /// Cyan.
    Cyan,
    /// Yellow.
    Yellow,
    /// Red.
    Red,
    /// Magenta.
    Magenta,
    /// The terminal's dim text.
    Dim,
}

/// The colours of one status or state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Swatch {
    /// Text on a white or `tint` background (contrast ≥ 4.5:1).
    pub ink: Rgb,
    /// Bars, borders and markers.
    pub fill: Rgb,
    /// A light background behind `ink` text.
    pub tint: Rgb,
    /// Text written on `fill` (contrast ≥ 4.5:1).
    pub on_fill: Rgb,
    /// The terminal colour.
    pub terminal: Terminal,
}

const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
/// The colour of ordinary text.
pub const INK: Rgb = Rgb(0x1d, 0x23, 0x27);
/// The colour of secondary text (contrast ≥ 4.5:1 on white and on [`SOFT`]).
pub const MUTED: Rgb = Rgb(0x4f, 0x5b, 0x64);
/// The colour of rules and frames.
pub const LINE: Rgb = Rgb(0xd5, 0xdb, 0xe0);
/// A light background for panels.
pub const SOFT: Rgb = Rgb(0xf4, 0xf6, 0xf8);
/// Planned amounts (bars of the plan).
pub const PLAN: Rgb = Rgb(0xc9, 0xd7, 0xee);
/// Spent amounts (bars of spending).
pub const SPENT: Rgb = Rgb(0x00, 0x79, 0x6b);
/// The report's date on a timeline.
pub const AS_OF: Rgb = Rgb(0xc6, 0x28, 0x28);
/// The accent of headers.
pub const ACCENT: Rgb = Rgb(0x1f, 0x4e, 0x9c);

/// The colours of an indicator's status.
///
/// ```
/// use kooperacja_core::present::palette::of_status;
/// use kooperacja_core::report::Status;
/// assert_eq!(of_status(Status::Missed).ink.hex(), "#c62828");
/// ```
pub fn of_status(status: Status) -> Swatch {
    let (ink, fill, tint, on_fill, terminal) = match status {
        Status::NotStarted => (
            Rgb(0x54, 0x6e, 0x7a),
            Rgb(0x90, 0xa4, 0xae),
            Rgb(0xec, 0xef, 0xf1),
            INK,
            Terminal::Dim,
        ),
        Status::OnTrack => (
            Rgb(0x15, 0x65, 0xc0),
            Rgb(0x15, 0x65, 0xc0),
            Rgb(0xe3, 0xf0, 0xfd),
            WHITE,
            Terminal::Cyan,
        ),
        Status::AtRisk => (
            Rgb(0x9a, 0x4f, 0x00),
            Rgb(0xef, 0x8f, 0x00),
            Rgb(0xff, 0xf2, 0xdc),
            INK,
            Terminal::Yellow,
        ),
        Status::Achieved => (
            Rgb(0x2e, 0x7d, 0x32),
            Rgb(0x2e, 0x7d, 0x32),
            Rgb(0xe6, 0xf4, 0xe7),
            WHITE,
            Terminal::Green,
        ),
        Status::Missed => (
            Rgb(0xc6, 0x28, 0x28),
            Rgb(0xc6, 0x28, 0x28),
            Rgb(0xfd, 0xea, 0xea),
            WHITE,
            Terminal::Red,
        ),
        Status::NotEvaluated => (
            Rgb(0x7b, 0x1f, 0xa2),
            Rgb(0x8e, 0x24, 0xaa),
            Rgb(0xf6, 0xe8, 0xf9),
            WHITE,
            Terminal::Magenta,
        ),
    };
    Swatch {
        ink,
        fill,
        tint,
        on_fill,
        terminal,
    }
}

/// The colours of a milestone's state.
///
/// ```
/// use kooperacja_core::present::palette::of_state;
/// use kooperacja_core::report::MilestoneState;
/// assert_eq!(of_state(MilestoneState::Running).fill.hex(), "#1565c0");
/// ```
pub fn of_state(state: MilestoneState) -> Swatch {
    let (ink, fill, tint, on_fill, terminal) = match state {
        MilestoneState::Finished => (
            Rgb(0x37, 0x47, 0x4f),
            Rgb(0x54, 0x6e, 0x7a),
            Rgb(0xec, 0xef, 0xf1),
            WHITE,
            Terminal::Green,
        ),
        MilestoneState::Running => (
            Rgb(0x15, 0x65, 0xc0),
            Rgb(0x15, 0x65, 0xc0),
            Rgb(0xbb, 0xde, 0xfb),
            WHITE,
            Terminal::Cyan,
        ),
        MilestoneState::NotStarted => (
            Rgb(0x54, 0x6e, 0x7a),
            Rgb(0xcf, 0xd8, 0xdc),
            Rgb(0xf5, 0xf7, 0xf8),
            INK,
            Terminal::Dim,
        ),
    };
    Swatch {
        ink,
        fill,
        tint,
        on_fill,
        terminal,
    }
}
