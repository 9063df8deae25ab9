//! Errors and findings shown where they are: the file, line and column, the
//! line's text and a caret under the column, laid out by `annotate-snippets`
//! (as rustc and cargo lay out theirs). Pure functions returning text: the
//! adapter prints it.
//!
//! ```
//! use kooperacja_core::parse::parse_project;
//! use kooperacja_core::present::{Lang, located::{self, Look}};
//! let text = "format = 1\nid = \"x\"\ntitle = 7\n";
//! let err = parse_project(text).unwrap_err();
//! assert_eq!(
//!     located::parse_error(Lang::En, Look::Plain, "p.toml", text, &err),
//!     "error: invalid type: integer `7`, expected a string\n --> p.toml:3:9\n  |\n3 | title = 7\n  |         ^"
//! );
//! assert!(located::parse_error(Lang::Pl, Look::Plain, "p.toml", text, &err).starts_with("błąd: "));
//! ```

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Lang, label};
use crate::parse::ParseError;
use crate::validate::{Finding, Severity};

/// Plain text, or text with ANSI colours and bold for a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Look {
    /// No escape codes: for files, pipes, logs and tests.
    #[default]
    Plain,
    /// ANSI styles (the severity in its colour, the gutter and caret in
    /// bold), for a terminal that shows colour.
    Styled,
}

/// The widest a rendered line is, in columns, gutter included: a longer line
/// is shown as a window around the column, cut with `...` on the side where
/// it goes on, the caret still under the offending character.
pub const WIDTH: usize = 120;

/// How many characters on each side of the column are given to the layout at
/// most: enough for any window of [`WIDTH`], and the work stays small on a
/// line of megabytes.
const REACH: usize = 4 * WIDTH;

fn renderer(look: Look) -> Renderer {
    match look {
        Look::Plain => Renderer::plain(),
        Look::Styled => Renderer::styled(),
    }
    // One column kept for a caret just past the end of a line that fills the width.
    .term_width(WIDTH - 1)
}

fn level(lang: Lang, severity: Severity) -> Level<'static> {
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    };
    level.with_name(label::severity(severity).get(lang))
}

/// A [`ParseError`] for a person, in `lang`: the severity word and the
/// message, then `path:line:column`, the line's text and a caret under the
/// column. `text` is the file's text (for a file that is not UTF-8, its lossy
/// decoding: the column then points at the replacement character). A line
/// wider than [`WIDTH`] is shown as a window around the column.
///
/// ```
/// use kooperacja_core::parse::parse_project_bytes;
/// use kooperacja_core::present::{Lang, located::{self, Look}};
/// let bytes = b"format = 1\ntitle = \"\xff\"\n";
/// let err = parse_project_bytes(bytes).unwrap_err();
/// let shown = located::parse_error(Lang::Pl, Look::Plain, "p.toml", &String::from_utf8_lossy(bytes), &err);
/// assert!(shown.ends_with(" --> p.toml:2:10\n  |\n2 | title = \"\u{FFFD}\"\n  |          ^"), "{shown}");
/// ```
pub fn parse_error(lang: Lang, look: Look, path: &str, text: &str, err: &ParseError) -> String {
    render_parse_error(level(lang, Severity::Error), look, path, text, err)
}

/// [`parse_error`] without the severity word: the message, then the place,
/// the line and the caret, for an adapter that writes its own word (`error:`)
/// before every message it prints.
///
/// ```
/// use kooperacja_core::parse::parse_project;
/// use kooperacja_core::present::located::{self, Look};
/// let text = "title = 7\n";
/// let err = parse_project(text).unwrap_err();
/// assert!(located::parse_error_unnamed(Look::Plain, "p.toml", text, &err)
///     .starts_with("invalid type: integer `7`, expected a string\n --> p.toml:1:9\n"));
/// ```
pub fn parse_error_unnamed(look: Look, path: &str, text: &str, err: &ParseError) -> String {
    render_parse_error(Level::ERROR.no_name(), look, path, text, err)
}

fn render_parse_error(
    level: Level<'_>,
    look: Look,
    path: &str,
    text: &str,
    err: &ParseError,
) -> String {
    let line = text
        .split('\n')
        .nth(err.line.saturating_sub(1))
        .unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    let before = err.column.saturating_sub(1);
    // The byte offsets of the characters: the window starts at most REACH
    // characters before the column and ends at most REACH after it.
    let at = |n: usize| line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
    let start = at(before.saturating_sub(REACH));
    let caret = at(before);
    let caret_end = at(before + 1);
    let end = at(before.saturating_add(REACH));
    let shown = &line[start..end];
    let annotation = AnnotationKind::Primary.span(caret - start..caret_end - start);
    // The code (of errors found after the file's shape was read) follows the
    // message, as in `ParseError`'s own text.
    let message = match err.code.as_deref() {
        Some(code) => format!("{} [{code}]", err.message),
        None => err.message.clone(),
    };
    let report = [level.primary_title(message.as_str()).element(
        Snippet::source(shown)
            .path(path)
            .line_start(err.line)
            .annotation(annotation),
    )];
    let rendered = renderer(look).render(&report);
    if start == 0 {
        return rendered;
    }
    // The layout counts the column within the window it was given; the
    // header names the column in the line.
    let cut = line[..start].chars().count();
    rendered.replacen(
        &format!("{path}:{}:{}", err.line, err.column - cut),
        &format!("{path}:{}:{}", err.line, err.column),
        1,
    )
}

/// A validation [`Finding`] for a person, in `lang`: the severity word with
/// the code, the message, then where: `file` (and its `line`, for a fact file)
/// when given, and the path to the value in the file.
///
/// ```
/// use kooperacja_core::present::{Lang, located::{self, Look}};
/// use kooperacja_core::validate::{Finding, Severity};
/// let f = Finding::new("budget.eu-rate-mismatch", Severity::Warning, "versions[1].budget", "the EU rate differs");
/// assert_eq!(
///     located::finding(Lang::Pl, Look::Plain, &f, None, None),
///     "ostrzeżenie[budget.eu-rate-mismatch]: the EU rate differs\n --> versions[1].budget"
/// );
/// assert_eq!(
///     located::finding(Lang::En, Look::Plain, &f, Some("p.toml"), None),
///     "warning[budget.eu-rate-mismatch]: the EU rate differs\n --> p.toml\n  = versions[1].budget"
/// );
/// ```
pub fn finding(
    lang: Lang,
    look: Look,
    finding: &Finding,
    file: Option<&str>,
    line: Option<u64>,
) -> String {
    let title = level(lang, finding.severity)
        .primary_title(finding.message.as_str())
        .id(finding.code);
    let group: Group<'_> = match file {
        None if finding.path.is_empty() => Group::with_title(title),
        None => title.element(Origin::path(finding.path.as_str())),
        Some(file) => {
            let origin = match line.and_then(|l| usize::try_from(l).ok()) {
                Some(l) if l > 0 => Origin::path(file).line(l),
                _ => Origin::path(file),
            };
            let group = title.element(origin);
            if finding.path.is_empty() {
                group
            } else {
                group.element(Level::NOTE.no_name().message(finding.path.as_str()))
            }
        }
    };
    renderer(look).render(&[group])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_project, parse_project_bytes};

    fn plain(text: &str) -> String {
        let err = parse_project(text).expect_err("the text is not a project");
        parse_error(Lang::En, Look::Plain, "p.toml", text, &err)
    }

    #[test]
    fn the_caret_is_under_the_column() {
        assert_eq!(
            plain("format = 1\nid = \"x\"\ntitle = 7\n"),
            "error: invalid type: integer `7`, expected a string\n --> p.toml:3:9\n  |\n3 | title = 7\n  |         ^"
        );
    }

    #[test]
    fn polish_names_the_error_in_polish() {
        let text = "format = 1\nid = \"x\"\ntitle = 7\n";
        let err = parse_project(text).expect_err("invalid");
        let shown = parse_error(Lang::Pl, Look::Plain, "p.toml", text, &err);
        assert!(shown.starts_with("błąd: invalid type"), "{shown}");
    }

    #[test]
    fn a_long_line_is_a_window_around_the_column() {
        let text = format!("format = 1\ntitle = \"{}\" = 1\n", "a".repeat(5000));
        let err = parse_project(&text).expect_err("invalid");
        let shown = parse_error(Lang::En, Look::Plain, "p.toml", &text, &err);
        let lines: Vec<&str> = shown.lines().collect();
        assert!(
            lines[1].ends_with(&format!("p.toml:2:{}", err.column)),
            "{shown}"
        );
        assert!(lines.iter().all(|l| l.chars().count() <= WIDTH), "{shown}");
        assert!(lines[3].starts_with("2 | ..."), "{shown}");
        let caret = lines[4].find('^').expect("a caret");
        // The caret is under the `=` that follows the closing quote.
        assert_eq!(lines[3].as_bytes()[caret], b'=', "{shown}");
    }

    #[test]
    fn the_column_counts_characters_not_bytes() {
        for text in [
            "format = 1\ntitle = \"żółć\" = 1\n".to_owned(),
            format!("format = 1\ntitle = \"{}\" = 1\n", "ż".repeat(3000)),
        ] {
            let err = parse_project(&text).expect_err("invalid");
            let shown = parse_error(Lang::En, Look::Plain, "p.toml", &text, &err);
            let header = shown.lines().nth(1).unwrap_or_default();
            assert_eq!(header, format!(" --> p.toml:2:{}", err.column), "{shown}");
        }
    }

    #[test]
    fn a_line_of_megabytes_renders_at_once() {
        let text = format!("format = 1\ntitle = \"{}\" = 1\n", "a".repeat(4 << 20));
        let err = parse_project(&text).expect_err("invalid");
        let shown = parse_error(Lang::En, Look::Plain, "p.toml", &text, &err);
        assert!(shown.len() < 1000, "{shown}");
    }

    #[test]
    fn an_error_past_the_last_line_shows_an_empty_line() {
        let text = "format = 1\ntitle = \"x";
        let err = parse_project(text).expect_err("invalid");
        let shown = parse_error(Lang::En, Look::Plain, "p.toml", text, &err);
        assert!(shown.contains("p.toml:"), "{shown}");
        assert!(shown.ends_with('^'), "{shown}");
    }

    #[test]
    fn a_file_that_is_not_utf8_points_at_the_replacement_character() {
        let bytes = b"format = 1\ntitle = \"\xff\"\n";
        let err = parse_project_bytes(bytes).expect_err("not UTF-8");
        let text = String::from_utf8_lossy(bytes);
        let shown = parse_error(Lang::En, Look::Plain, "p.toml", &text, &err);
        assert!(shown.starts_with("error: the file is not UTF-8"), "{shown}");
        assert!(
            shown.ends_with(" --> p.toml:2:10\n  |\n2 | title = \"\u{FFFD}\"\n  |          ^"),
            "{shown}"
        );
    }

    #[test]
    fn plain_has_no_escape_codes_and_styled_has() {
        let text = "title = 7\n";
        let err = parse_project(text).expect_err("invalid");
        assert!(!parse_error(Lang::En, Look::Plain, "p", text, &err).contains('\u{1b}'));
        assert!(parse_error(Lang::En, Look::Styled, "p", text, &err).contains('\u{1b}'));
    }

    #[test]
    fn a_fact_finding_names_its_file_and_line() {
        let f = Finding::new(
            "fact.bad-record",
            Severity::Error,
            "amount",
            "not an amount",
        );
        assert_eq!(
            finding(Lang::Pl, Look::Plain, &f, Some("f.jsonl"), Some(12)),
            "błąd[fact.bad-record]: not an amount\n --> f.jsonl:12\n  = amount"
        );
    }
}
