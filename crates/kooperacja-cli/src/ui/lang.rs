//! The language of the run: from `--lang` or the environment, parsed with
//! core's `Lang`, and the messages made far from a command's `Ctx`.

use kooperacja_core::present::{Lang, Text};

/// The language of this run, for messages made far from the command's `Ctx`
/// (file errors, skipped-record warnings). Set once in `main`.
static MESSAGE_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language the environment asks for: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty; English when it
/// starts with `en`, Polish otherwise (and when none is set).
pub fn lang_from_env() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty());
    match locale {
        Some(value) if value.starts_with("en") => Lang::En,
        _ => Lang::Pl,
    }
}

/// The values of `--lang`: core's [`Lang`] through its `FromStr`, with the
/// codes listed in `--help`.
pub fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(Lang::ALL.map(Lang::code)).try_map(|code| code.parse::<Lang>())
}

/// Sets the language of [`msg`]; the first call wins.
pub fn set_message_lang(lang: Lang) {
    let _ = MESSAGE_LANG.set(lang);
}

/// The language of this run (Polish until `main` sets it).
pub fn message_lang() -> Lang {
    MESSAGE_LANG.get().copied().unwrap_or_default()
}

/// A catalogue entry in the language of this run.
pub fn msg(text: Text) -> &'static str {
    text.get(message_lang())
}

/// A catalogue entry in the language of this run, its placeholders filled.
pub fn msg_fill(text: Text, args: &[&dyn std::fmt::Display]) -> String {
    text.fill(message_lang(), args)
}
