//! The renderer rule, checked: an adapter's `src/` holds no user-facing label
//! or message of its own, in Polish or English, and formats no number or date
//! itself. Words and formats come from `kooperacja_core::present`.
//!
//! Each adapter source file is read as Rust tokens (`proc-macro2`, so literals
//! inside macros such as `format!` or `html!` are seen, and comments are not).
//! A string literal is a user-facing text when it holds a Polish letter or
//! three words in a row. Out of scope, by the issue's decision: `--help` text
//! (clap attributes and doc comments), OpenAPI descriptions (the `openapi`
//! module), operator log lines (tracing macros), panic payloads (`panic!`
//! and its kin: they name a state the code rules out, and no user sees them:
//! the server's catch-panic layer answers with a catalogue message) and unit
//! tests in `src/`.
//! A literal that formats a number or date (`{:.2}`, `%d.%m.%Y`) or a call of
//! `round_dp*` is a format of the adapter's own.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

const ADAPTERS: [&str; 3] = ["kooperacja-cli", "kooperacja-export", "kooperacja-http"];

/// Files whose texts are out of the rule's scope, with the reason.
const OUT_OF_SCOPE: &[(&str, &str)] = &[
    (
        "kooperacja-http/src/openapi",
        "OpenAPI descriptions (English, for integrators)",
    ),
    ("kooperacja-http/src/doc", "OpenAPI documentation types"),
    (
        "kooperacja-export/src/sample_claim.rs",
        "a hand-made claim for unit tests (`#[cfg(test)] mod sample_claim;`): test data",
    ),
];

/// Macros whose arguments are logs for operators, not texts for users.
const LOG_MACROS: &[&str] = &["trace", "debug", "info", "warn", "error", "event", "span"];

/// Macros whose arguments are panic payloads: a state the code rules out,
/// for the developer who reads the backtrace, never a text for users.
const PANIC_MACROS: &[&str] = &["panic", "unreachable", "todo", "unimplemented"];

/// Attributes whose texts are documentation or `--help` (English by decision)
/// or machine names.
const SKIPPED_ATTRIBUTES: &[&str] = &[
    "doc",
    "arg",
    "command",
    "value",
    "serde",
    "schemars",
    "allow",
    "expect",
    "cfg",
    "derive",
    "strum",
    "must_use",
    "deprecated",
    "clap",
    "group",
    "utoipa",
    "schema",
    "param",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[derive(Debug)]
struct Violation {
    file: String,
    line: usize,
    what: &'static str,
    text: String,
}

fn is_polish_letter(c: char) -> bool {
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".contains(c)
}

/// Three words of letters in a row, separated by single spaces: prose.
fn has_prose(text: &str) -> bool {
    let mut run = 0;
    for token in text.split(' ') {
        let word = token.trim_end_matches([',', '.', ':', ';', '!', '?']);
        let is_word =
            word.chars().count() >= 2 && word.chars().all(|c| c.is_alphabetic() || c == '\'');
        run = if is_word { run + 1 } else { 0 };
        if run >= 3 {
            return true;
        }
    }
    false
}

/// SQL for the server's database: statements, not texts for people.
fn is_sql(text: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "SELECT",
        "INSERT",
        "CREATE",
        "ALTER",
        "UPDATE",
        "DELETE",
        "ROLLBACK",
        "PRAGMA",
        "AND",
        "ORDER",
        "RELEASE",
        "SAVEPOINT",
        "BEGIN",
        "COMMIT",
        "WITH",
        "DROP",
    ];
    text.split_whitespace()
        .next()
        .is_some_and(|first| KEYWORDS.contains(&first))
}

/// A style sheet (CSS rules): markup, not a text for people.
fn is_css(text: &str) -> bool {
    text.contains('{')
        && text.contains('}')
        && text.contains(':')
        && text.contains(';')
        && !text.contains("{0}")
}

/// A format of a number or a date written in the adapter.
fn formats_itself(text: &str) -> bool {
    let precision = text.contains("{:.")
        || text.contains(":.0}")
        || text.contains(":.1}")
        || text.contains(":.2}");
    let date = ["%d", "%m", "%Y", "%b", "%B", "%e"]
        .iter()
        .filter(|p| text.contains(*p))
        .count()
        >= 2;
    precision || date
}

/// The text of a string literal token, or `None` for other literals.
fn string_value(literal: &str) -> Option<String> {
    let body = literal.strip_prefix('b').unwrap_or(literal);
    if let Some(raw) = body.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let inner = &raw[hashes..];
        let inner = inner.strip_prefix('"')?;
        return Some(inner[..inner.len().saturating_sub(1 + hashes)].to_owned());
    }
    let inner = body.strip_prefix('"')?.strip_suffix('"')?;
    Some(inner.replace("\\n", "\n").replace("\\\"", "\""))
}

struct Scan<'a> {
    file: &'a str,
    out: &'a mut Vec<Violation>,
}

impl Scan<'_> {
    fn stream(&mut self, tokens: TokenStream) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                // `#[attr(...)]` and `#![attr(...)]`
                TokenTree::Punct(p) if p.as_char() == '#' => {
                    let mut j = i + 1;
                    if matches!(tokens.get(j), Some(TokenTree::Punct(b)) if b.as_char() == '!') {
                        j += 1;
                    }
                    if let Some(TokenTree::Group(g)) = tokens.get(j)
                        && g.delimiter() == Delimiter::Bracket
                    {
                        let name = g.stream().into_iter().next().map(|t| t.to_string());
                        let is_test = g.stream().to_string().replace(' ', "") == "cfg(test)";
                        if is_test {
                            // Skip the attribute and the item it marks (up to and
                            // including its first brace group or `;`).
                            let mut k = j + 1;
                            while k < tokens.len() {
                                match &tokens[k] {
                                    TokenTree::Group(b) if b.delimiter() == Delimiter::Brace => {
                                        break;
                                    }
                                    TokenTree::Punct(s) if s.as_char() == ';' => break,
                                    _ => k += 1,
                                }
                            }
                            i = k + 1;
                            continue;
                        }
                        if name
                            .as_deref()
                            .is_some_and(|n| SKIPPED_ATTRIBUTES.contains(&n))
                        {
                            i = j + 1;
                            continue;
                        }
                    }
                    i += 1;
                }
                // `name!(...)`: skip log and panic macros
                TokenTree::Ident(id)
                    if (LOG_MACROS.contains(&id.to_string().as_str())
                        || PANIC_MACROS.contains(&id.to_string().as_str()))
                        && matches!(tokens.get(i + 1), Some(TokenTree::Punct(b)) if b.as_char() == '!') =>
                {
                    i += 3;
                }
                TokenTree::Ident(id) if id.to_string().starts_with("round_dp") => {
                    self.push(id.span().start().line, "rounds for display", id.to_string());
                    i += 1;
                }
                TokenTree::Group(g) => {
                    self.stream(g.stream());
                    i += 1;
                }
                TokenTree::Literal(lit) => {
                    let line = lit.span().start().line;
                    if let Some(text) = string_value(&lit.to_string()) {
                        if is_sql(&text) || is_css(&text) {
                        } else if text.chars().any(is_polish_letter) {
                            self.push(line, "Polish text", text);
                        } else if has_prose(&text) {
                            self.push(line, "English text", text);
                        } else if formats_itself(&text) {
                            self.push(line, "formats a number or date", text);
                        }
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }

    fn push(&mut self, line: usize, what: &'static str, text: String) {
        self.out.push(Violation {
            file: self.file.to_owned(),
            line,
            what,
            text,
        });
    }
}

fn violations() -> Vec<Violation> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    for adapter in ADAPTERS {
        let mut files = Vec::new();
        rust_files(&crates.join(adapter).join("src"), &mut files);
        files.sort();
        for path in files {
            let shown = format!(
                "{adapter}/{}",
                path.strip_prefix(crates.join(adapter))
                    .expect("under the crate")
                    .display()
            );
            if OUT_OF_SCOPE
                .iter()
                .any(|(prefix, _)| shown.starts_with(prefix))
            {
                continue;
            }
            // Unit tests in a file of their own (`#[cfg(test)] mod tests;`).
            if path.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("a source file is UTF-8");
            let tokens = TokenStream::from_str(&source).expect("the source is Rust");
            Scan {
                file: &shown,
                out: &mut out,
            }
            .stream(tokens);
        }
    }
    out
}

#[test]
fn adapters_hold_no_label_message_or_format_of_their_own() {
    let found = violations();
    let listing: Vec<String> = found
        .iter()
        .map(|v| format!("{}:{}: {}: {:?}", v.file, v.line, v.what, v.text))
        .collect();
    assert!(
        found.is_empty(),
        "{} texts or formats in adapters' src/ that belong in kooperacja_core::present:\n{}",
        found.len(),
        listing.join("\n")
    );
}

#[test]
fn the_scan_sees_literals_inside_macros_and_skips_comments() {
    let source = r#"
        // "ten komentarz nie jest tekstem"
        fn f() { let _ = format!("Nie można otworzyć pliku {}", 1); info!("a log line for operators"); }
    "#;
    let mut out = Vec::new();
    Scan {
        file: "x.rs",
        out: &mut out,
    }
    .stream(TokenStream::from_str(source).expect("Rust"));
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].what, "Polish text");
}

#[test]
fn panic_payloads_are_not_texts_for_users() {
    let source = r#"
        fn f() { panic!("a state the code rules out"); unreachable!("never reached at all"); }
        fn g() -> String { format!("a text for the user") }
    "#;
    let mut out = Vec::new();
    Scan {
        file: "x.rs",
        out: &mut out,
    }
    .stream(TokenStream::from_str(source).expect("Rust"));
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].text, "a text for the user");
}

#[test]
fn prose_is_three_words_in_a_row() {
    assert!(has_prose("cannot read the file"));
    assert!(!has_prose("font-size: 12px; color: #fff"));
    assert!(!has_prose("application/problem+json"));
}
