//! `present::located::parse_error`: the window of a long line keeps the caret
//! under the character the column names, and no line of the rendering is
//! wider than 120 columns.

use kooperacja_core::parse::ParseError;
use kooperacja_core::present::Lang;
use kooperacja_core::present::located::{Look, WIDTH, parse_error};
use proptest::prelude::*;

fn error_at(line: usize, column: usize) -> ParseError {
    ParseError::new(line, column, None, "m")
}

fn render(err: &ParseError, path: &str, text: &str) -> String {
    parse_error(Lang::En, Look::Plain, path, text, err)
}

/// The shown line and the caret line of a rendering.
fn shown_and_caret(rendered: &str) -> (String, String) {
    let lines: Vec<&str> = rendered.lines().collect();
    // After the gutter: `2 | text`, or `2 |` for an empty line.
    let after = |l: &str| {
        let (_, rest) = l.split_once(" |").expect("a gutter");
        rest.strip_prefix(' ').unwrap_or(rest).to_owned()
    };
    (after(lines[3]), after(lines[4]))
}

#[test]
fn a_short_line_is_shown_whole() {
    let text = "a = 1\nb = \"ż\" x\n";
    let out = render(&error_at(2, 9), "p.toml", text);
    assert_eq!(
        out,
        "error: m\n --> p.toml:2:9\n  |\n2 | b = \"ż\" x\n  |         ^"
    );
}

#[test]
fn a_tab_before_the_column_keeps_the_caret_under_it() {
    let out = render(&error_at(1, 3), "p", "\tax");
    let (shown, caret) = shown_and_caret(&out);
    assert_eq!(
        shown.chars().nth(caret.chars().count() - 1),
        Some('x'),
        "{out}"
    );
}

proptest! {
    #[test]
    fn the_caret_stays_under_the_named_character(
        line in proptest::collection::vec(prop_oneof![Just('a'), Just('ż'), Just(' '), Just('€')], 0..400),
        column in 1_usize..420,
    ) {
        let text: String = line.iter().collect();
        let out = render(&error_at(1, column), "p", &format!("{text}\n"));
        prop_assert!(out.lines().all(|l| l.chars().count() <= WIDTH), "{out}");
        // A column past the end of the line is shown just past it.
        let header = format!(" --> p:1:{}", column.min(line.len() + 1));
        prop_assert_eq!(out.lines().nth(1), Some(header.as_str()));
        let (shown, caret) = shown_and_caret(&out);
        let shown: Vec<char> = shown.chars().collect();
        prop_assert!(caret.ends_with('^'));
        let at = caret.chars().count() - 1;
        // The column, clamped to just past the end of the line.
        let want = line.get(column.min(line.len() + 1) - 1).copied();
        // A space at the end of the line is not shown (trailing space is
        // trimmed), nor is anything past the end.
        let got = shown.get(at).copied();
        prop_assert!(got == want || (got.is_none() && want.is_none_or(|c| c == ' ')), "{out}");
    }
}
