//! How the commands talk to people and programs, one file each: the language
//! of the run (`lang`), colour (`style`), text fitted to the width (`text`),
//! tables and bars (`table`), and CSV and JSON (`machine`). The words, the
//! formats and the colours come from core's `present`.
//!
//! Nothing here computes a domain value; it only renders what core gives.

mod lang;
mod machine;
mod style;
mod table;
mod text;

pub use kooperacja_core::present::Lang;
use kooperacja_core::present::{Plural, Text, label};

pub use lang::{lang_from_env, lang_parser, message_lang, msg, msg_fill, set_message_lang};
pub use machine::{Csv, iso, opt, opt_count, write_json};
pub use style::{ColorChoice, Style};
pub use table::{Cell, Col, Table, bar};
pub use text::{fitted, heading, pad, right, wrap};

/// The width tables are fitted to.
pub const WIDTH: usize = 80;

/// What every command needs to render for people.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub lang: Lang,
    pub color: bool,
}

impl Ctx {
    /// `text` in `style`, when colour is on.
    pub fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            let style = style.anstyle();
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }

    /// A catalogue entry in the language of the run.
    pub fn text(&self, text: Text) -> &'static str {
        text.get(self.lang)
    }

    /// A catalogue entry with its placeholders filled.
    pub fn fill(&self, text: Text, args: &[&dyn std::fmt::Display]) -> String {
        text.fill(self.lang, args)
    }

    /// "2 errors" or "2 błędy": a count with its noun in the right form.
    pub fn count(&self, n: u64, noun: Plural) -> String {
        noun.count(self.lang, n)
    }

    /// "0 errors, 2 warnings, 1 note" in the language.
    pub fn findings(&self, errors: usize, warnings: usize, infos: usize) -> String {
        let n = |k: usize| u64::try_from(k).unwrap_or(u64::MAX);
        format!(
            "{}, {}, {}",
            self.count(n(errors), label::ERRORS),
            self.count(n(warnings), label::WARNINGS),
            self.count(n(infos), label::NOTES),
        )
    }
}
