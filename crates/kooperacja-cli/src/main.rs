//! `kooperacja`: check and inspect social-policy partnership projects.
//!
//! The binary is glue: it parses arguments, reads the files (and, for a default
//! as-of date, the clock), calls `kooperacja-core` and renders what core returns.
//! Exit codes: 0 fine, 1 the checked thing has error findings (or bad records),
//! 2 usage or unreadable input.

mod facts_cmd;
mod indicators;
mod input;
mod render;
mod validate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::input::InputError;

/// Check and inspect EU-funded social-policy partnership projects.
#[derive(Debug, Parser)]
#[command(name = "kooperacja", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate project files and list every finding.
    ///
    /// Example: kooperacja validate fixtures/projects/*.toml
    ///
    /// Exit code 0 when no file has an error-severity finding, 1 when one has,
    /// 2 when a file cannot be read or parsed.
    Validate(ValidateArgs),
    /// Every indicator as of a date: value, target, due date, status, forecast.
    ///
    /// Example: kooperacja indicators fixtures/projects/kooperacja-makroregion-ii.toml
    /// --facts fixtures/facts/kooperacja-sample.jsonl --as-of 2020-09-30
    Indicators(IndicatorsArgs),
    /// Work with fact files.
    #[command(subcommand)]
    Facts(FactsCommand),
}

#[derive(Debug, Subcommand)]
enum FactsCommand {
    /// Read a fact file (JSON Lines, or CSV for a `.csv` name): counts by kind and
    /// every bad record with its line and field.
    ///
    /// Example: kooperacja facts check fixtures/facts/kooperacja-sample.jsonl
    ///
    /// Exit code 0 when every record is good, 1 when some are bad, 2 when the
    /// file cannot be read.
    Check(FactsCheckArgs),
    /// Write a deterministic synthetic fact history for a project, labelled
    /// `synthetic`, spread over all gminas and powiats of the TERC register.
    ///
    /// Example: kooperacja facts generate fixtures/projects/kooperacja-makroregion-ii.toml
    /// --count 1000000 --seed 1 --output facts.csv
    Generate(FactsGenerateArgs),
}

#[derive(Debug, clap::Args)]
struct FactsGenerateArgs {
    /// The project file (TOML).
    #[arg(value_name = "PROJECT")]
    project: PathBuf,
    /// How many facts.
    #[arg(long, default_value_t = 1000)]
    count: u64,
    /// The seed: the same seed gives the same facts.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write; `-` or absent for standard output. A `.csv` name writes
    /// CSV, anything else JSON Lines.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The TERC register. Default: the file named by the project's `territory.register`.
    #[arg(long, value_name = "CSV")]
    teryt: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct ValidateArgs {
    /// Project files (TOML).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The TERC register to check territory against. Default: the file named by
    /// `territory.register` in each project, relative to the project file.
    #[arg(long, value_name = "CSV")]
    teryt: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, clap::Args)]
struct IndicatorsArgs {
    /// The project file (TOML).
    #[arg(value_name = "PROJECT")]
    project: PathBuf,
    /// The facts: JSON Lines, or CSV for a `.csv` file name.
    #[arg(long, value_name = "FILE")]
    facts: Option<PathBuf>,
    /// The date to report on, like 2020-09-30. Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// The TERC register, for ratios over territorial units. Default: the file
    /// named by the project's `territory.register`.
    #[arg(long, value_name = "CSV")]
    teryt: Option<PathBuf>,
    /// What to do with a bad record: stop (exit 2) or skip it and go on.
    #[arg(long, value_enum, default_value_t = OnErrorArg::Stop)]
    on_error: OnErrorArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, clap::Args)]
struct FactsCheckArgs {
    /// The fact file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// How many bad records to list (all are counted).
    #[arg(long, default_value_t = 50)]
    max_errors: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table for people.
    Table,
    /// JSON for programs.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OnErrorArg {
    /// Stop at the first bad record.
    Stop,
    /// Skip bad records, report them on stderr, and go on.
    Skip,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    kooperacja_core::period::parse_date(text).map_err(|e| e.to_string())
}

/// Ends writing: a closed pipe (`| head`) is not an error.
fn finish(written: std::io::Result<()>) -> Result<(), InputError> {
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(InputError(format!("cannot write output: {e}")))
        }
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let result = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Indicators(args) => indicators::run(&args, &mut out),
        Command::Facts(FactsCommand::Check(args)) => facts_cmd::check(&args, &mut out),
        Command::Facts(FactsCommand::Generate(args)) => facts_cmd::generate(&args, &mut out),
    };
    match result {
        Ok(code) => code,
        Err(InputError(message)) => {
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::from(2)
        }
    }
}
