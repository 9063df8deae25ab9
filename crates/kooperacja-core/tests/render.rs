//! `ParseError::render`: the window of a long line keeps the caret under the
//! character the column names, and never shows more than 120 characters.

use kooperacja_core::parse::ParseError;
use proptest::prelude::*;

fn error_at(line: usize, column: usize) -> ParseError {
    ParseError {
        line,
        column,
        span: None,
        message: "m".to_owned(),
    }
}

/// The shown line and the caret line of a rendering.
fn shown_and_caret(rendered: &str) -> (String, String) {
    let lines: Vec<&str> = rendered.lines().collect();
    let (_, shown) = lines[2].split_once(" | ").expect("the source line");
    let (_, caret) = lines[3].split_once(" | ").expect("the caret line");
    (shown.to_owned(), caret.to_owned())
}

#[test]
fn a_short_line_is_shown_whole() {
    let text = "a = 1\nb = \"ż\" x\n";
    let out = error_at(2, 9).render("p.toml", text);
    assert_eq!(out, "p.toml:2:9: m\n  |\n2 | b = \"ż\" x\n  |         ^");
}

#[test]
fn a_tab_before_the_column_stays_a_tab_under_it() {
    let out = error_at(1, 3).render("p", "\tax");
    assert_eq!(shown_and_caret(&out).1, "\t ^");
}

proptest! {
    #[test]
    fn the_caret_stays_under_the_named_character(
        line in proptest::collection::vec(prop_oneof![Just('a'), Just('ż'), Just(' '), Just('€')], 0..400),
        column in 1_usize..420,
    ) {
        let text: String = line.iter().collect();
        let out = error_at(1, column).render("p", &format!("{text}\n"));
        let (shown, caret) = shown_and_caret(&out);
        let shown: Vec<char> = shown.chars().collect();
        prop_assert!(shown.len() <= 120, "{} characters shown", shown.len());
        prop_assert!(caret.ends_with('^'));
        let at = caret.chars().count() - 1;
        // The column, clamped to just past the end of the line.
        let want = line.get(column.min(line.len() + 1) - 1).copied();
        prop_assert_eq!(shown.get(at).copied(), want);
    }
}
