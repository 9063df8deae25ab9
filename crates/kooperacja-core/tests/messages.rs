//! The catalogue of messages (`present::message`) says the same thing in
//! both languages: every value one language shows, the other shows too, and
//! no entry was left untranslated.
//!
//! The entries are read from the source as Rust tokens, so a new entry is
//! checked without being listed here.

use std::collections::BTreeSet;
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Entries whose languages show different values, with the reason.
const DIFFERENT_PLACEHOLDERS: &[(&str, &str)] = &[(
    "FUNDER_EU",
    "the Polish narrative names the fund and its code, the English one the fund in English",
)];

/// Entries written alike in both languages, with the reason.
const SAME_IN_BOTH: &[(&str, &str)] = &[
    (
        "LOCATION_POWIAT",
        "English keeps the Polish word (docs/glossary.md)",
    ),
    (
        "LOCATION_GMINA",
        "English keeps the Polish word (docs/glossary.md)",
    ),
];

/// The catalogue's sources: `present::message`, and the import's messages
/// (`import::message`, issue 14).
const SOURCES: [&str; 2] = [
    include_str!("../src/present/message.rs"),
    include_str!("../src/import/message.rs"),
];

/// Every `const NAME: Text = Text::new("pl", "en")` of the catalogue.
fn entries() -> Vec<(String, String, String)> {
    SOURCES.iter().flat_map(|s| entries_of(s)).collect()
}

/// The entries of one source file.
fn entries_of(source: &str) -> Vec<(String, String, String)> {
    let tokens: Vec<TokenTree> = TokenStream::from_str(source)
        .expect("the catalogue is Rust")
        .into_iter()
        .collect();
    let mut out = Vec::new();
    let mut name = None;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(id) if *id == "const" => {
                name = tokens.get(i + 1).map(|t| t.to_string());
            }
            TokenTree::Group(g)
                if g.delimiter() == Delimiter::Parenthesis
                    && i > 0
                    && tokens[i - 1].to_string() == "new" =>
            {
                let texts: Vec<String> = g
                    .stream()
                    .into_iter()
                    .filter_map(|t| match t {
                        TokenTree::Literal(l) => Some(l.to_string()),
                        _ => None,
                    })
                    .collect();
                if let (Some(n), [pl, en]) = (name.take(), texts.as_slice()) {
                    out.push((n, pl.clone(), en.clone()));
                }
            }
            _ => {}
        }
    }
    out
}

/// The numbered placeholders of a text: `{0}`, `{1}`, …
fn placeholders(text: &str) -> BTreeSet<usize> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        .filter_map(|(inside, _)| inside.parse().ok())
        .collect()
}

#[test]
fn the_catalogue_is_read() {
    let found = entries();
    assert!(found.len() > 50, "{} entries read", found.len());
    assert!(found.iter().any(|(n, _, _)| n == "READ_TOO_LARGE"));
    assert!(found.iter().any(|(n, _, _)| n == "NOT_A_DATE"));
}

#[test]
fn both_languages_show_the_same_values() {
    let wrong: Vec<String> = entries()
        .into_iter()
        .filter(|(name, _, _)| !DIFFERENT_PLACEHOLDERS.iter().any(|(n, _)| n == name))
        .filter(|(_, pl, en)| placeholders(pl) != placeholders(en))
        .map(|(name, pl, en)| format!("{name}: {pl} / {en}"))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_message_is_translated() {
    let same: Vec<String> = entries()
        .into_iter()
        .filter(|(name, _, _)| !SAME_IN_BOTH.iter().any(|(n, _)| n == name))
        .filter(|(_, pl, en)| pl == en)
        .map(|(name, pl, _)| format!("{name}: {pl}"))
        .collect();
    assert!(same.is_empty(), "{}", same.join("\n"));
}
