//! Text fitted to the width: wrapping that never breaks an amount, a date or
//! a percentage, headings and padded or right-aligned cells.

use std::io::{self, Write};

use chrono::NaiveDate;
use kooperacja_core::present::{self, Lang};

use super::{Ctx, Style, WIDTH};

/// Wraps text to `width` columns on spaces, never inside an amount
/// ("4 863 047,40 zł") or a Polish date ("31.03.2021 r."). A word (without
/// spaces) longer than the width is cut into pieces of the width, each on a
/// line of its own.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    wrap_words(text, width)
        .into_iter()
        .flat_map(|line| {
            // An amount or a date longer than the width stays whole (they
            // are short); only a word without spaces is cut.
            if width_of(&line) <= width || line.contains(' ') {
                return vec![line];
            }
            let chars: Vec<char> = line.chars().collect();
            chars.chunks(width).map(|c| c.iter().collect()).collect()
        })
        .collect()
}

/// `text` wrapped to `width` columns, the lines after the first indented by
/// `indent` spaces (every line of a text that does not fit `indent` columns
/// narrower than `width`): for
/// headings and labels that must fit the width whatever their length.
pub fn wrap_hanging(text: &str, width: usize, indent: usize) -> Vec<String> {
    if width_of(text) <= width {
        return vec![text.to_owned()];
    }
    let pad = " ".repeat(indent);
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(k, line)| if k == 0 { line } else { format!("{pad}{line}") })
        .collect()
}

/// Writes a heading: `bold` (painted bold) then `rest`, wrapped to [`WIDTH`]
/// columns, the lines after the first indented by two spaces. With an empty
/// `rest`, every line is bold. A heading that fits is written as it is.
pub fn heading(ctx: &Ctx, out: &mut dyn Write, bold: &str, rest: &str) -> io::Result<()> {
    let text = format!("{bold}{rest}");
    for (k, line) in wrap_hanging(&text, WIDTH, 2).iter().enumerate() {
        match line.strip_prefix(bold) {
            _ if rest.is_empty() => writeln!(out, "{}", ctx.paint(Style::Bold, line))?,
            Some(after) if k == 0 => writeln!(out, "{}{after}", ctx.paint(Style::Bold, bold))?,
            _ => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}

/// Writes one line: `painted` as it is when its text `plain` fits [`WIDTH`]
/// columns, else `plain` wrapped with the lines after the first starting with
/// `indent` (without colour: a wrapped line is rare, and plain text cannot
/// cut a colour in two).
pub fn fitted(out: &mut dyn Write, painted: &str, plain: &str, indent: &str) -> io::Result<()> {
    if width_of(plain) <= WIDTH {
        return writeln!(out, "{painted}");
    }
    let lines = wrap(plain, WIDTH.saturating_sub(width_of(indent)));
    for (k, line) in lines.iter().enumerate() {
        if k == 0 {
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{indent}{line}")?;
        }
    }
    Ok(())
}

/// The words core writes after a number in Polish: the currency of an amount
/// (`zł`), the `r.` of a date and the per cent sign; a line never breaks before
/// one of them.
static UNITS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let last_word = |text: String| text.rsplit(' ').next().unwrap_or_default().to_owned();
    vec![
        last_word(present::amount(
            Lang::Pl,
            kooperacja_core::money::Amount::ZERO,
        )),
        last_word(present::date(Lang::Pl, NaiveDate::default())),
        present::percent_sign(Lang::Pl).trim().to_owned(),
    ]
});

/// [`wrap`] on spaces only: a word longer than the width stays whole.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ') {
        let glue = words.last().is_some_and(|prev: &String| {
            prev.ends_with(|c: char| c.is_ascii_digit())
                && (word.starts_with(|c: char| c.is_ascii_digit())
                    || UNITS.iter().any(|unit| word.starts_with(unit.as_str())))
        });
        match words.last_mut() {
            Some(prev) if glue => {
                prev.push(' ');
                prev.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in &words {
        let len = width_of(&line);
        if len > 0 && len + 1 + width_of(word) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The number of characters (every character the tables use is one column wide).
pub fn width_of(text: &str) -> usize {
    text.chars().count()
}

/// Pads `text` to `width` characters on the right.
pub fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(width_of(text))))
}

/// Right-aligns `text` in `width` characters.
pub fn right(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(width_of(text))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_a_polish_date_whole() {
        let lines = wrap("do 31.03.2021 r. kwota dla partnera", 12);
        assert!(lines.contains(&"31.03.2021 r.".to_owned()), "{lines:?}");
    }

    #[test]
    fn wrap_keeps_an_amount_whole() {
        let lines = wrap("kwota 4 863 047,40 zł dla partnera", 12);
        assert!(lines.contains(&"4 863 047,40 zł".to_owned()), "{lines:?}");
    }

    #[test]
    fn wrap_keeps_a_percentage_whole() {
        let lines = wrap("udział 52,6 % okresu", 6);
        assert!(lines.contains(&"52,6 %".to_owned()), "{lines:?}");
    }

    #[test]
    fn wrap_cuts_a_word_longer_than_the_width() {
        let word = "x".repeat(25);
        let lines = wrap(&format!("a {word} b"), 10);
        assert_eq!(lines, ["a", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx", "b"]);
    }
}
