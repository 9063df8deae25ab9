//! `kooperacja`: check and inspect social-policy partnership projects.
//!
//! The binary is glue: it parses arguments, reads the files (and, for a default
//! as-of date, the clock), calls `kooperacja-core` and renders what core returns.
//! Exit codes: 0 fine, 1 the checked thing has error findings, bad records or
//! missed indicators, 2 usage or unreadable input. See `docs/cli.md`.

mod append;
mod claim_cmd;
mod facts_add;
mod facts_cmd;
mod facts_import;
mod facts_template;
mod filed;
mod input;
mod project_cmd;
mod secret;
mod show;
mod status;
mod ui;
mod validate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::input::InputError;
use kooperacja_core::present::{Lang, label};

use crate::ui::{ColorChoice, Ctx};

/// Check and inspect EU-funded social-policy partnership projects.
///
/// Example: kooperacja status fixtures/projects/kooperacja-makroregion-ii.toml
/// --facts fixtures/facts/kooperacja-sample.jsonl --as-of 2020-09-30
///
/// Exit codes: 0 fine; 1 the checked thing has error findings, bad records or
/// (with `status --check`) missed indicators; 2 usage or unreadable input.
#[derive(Debug, Parser)]
#[command(
    name = "kooperacja",
    version,
    about,
    long_about,
    propagate_version = true
)]
struct Cli {
    /// Language of labels and messages: pl (amounts as "31 604 368,34 zł",
    /// dates as "31.03.2021 r.") or en (amounts as "PLN 31,604,368.34", ISO
    /// dates). Default: from LC_ALL, LC_MESSAGES or LANG (English for `en…`),
    /// else Polish.
    #[arg(long, global = true, value_parser = ui::lang_parser())]
    lang: Option<Lang>,
    /// When to colour the output: on a terminal unless NO_COLOR is set (auto).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// One screen: version, period, budget, milestones, indicators.
    ///
    /// Example: kooperacja status fixtures/projects/kooperacja-makroregion-ii.toml
    /// --facts fixtures/facts/kooperacja-sample.jsonl --as-of 2020-09-30
    ///
    /// With --check the exit code is 1 when the plan has error findings or an
    /// indicator is missed.
    Status(StatusArgs),
    /// Validate project files (and, with --facts, a fact file) and list every finding.
    ///
    /// Example: kooperacja validate fixtures/projects/*.toml
    ///
    /// Exit code 0 when nothing has an error-severity finding, 1 when something
    /// has, 2 when a file cannot be read or parsed.
    Validate(ValidateArgs),
    /// Every indicator as of a date: value, target, due date, status, forecast.
    ///
    /// Example: kooperacja indicators fixtures/projects/kooperacja-makroregion-ii.toml
    /// --facts fixtures/facts/kooperacja-sample.jsonl --as-of 2020-09-30
    Indicators(ReportArgs),
    /// The milestones (kamienie milowe) as a text Gantt chart, with the as-of
    /// date marked, and the meetings planned and held in each.
    ///
    /// Example: kooperacja milestones fixtures/projects/kooperacja-makroregion-ii.toml
    /// --facts fixtures/facts/kooperacja-sample.jsonl --as-of 2020-09-30
    Milestones(ReportArgs),
    /// The budget: sources, partners, implied EU rates, how each stated amount
    /// was rounded, and its execution.
    ///
    /// Example: kooperacja budget fixtures/projects/kooperacja-makroregion-ii.toml --plan umowa
    Budget(BudgetArgs),
    /// The territory as a tree with TERYT codes and JST counts: the area of the
    /// version in force on the date (an amendment may replace the area).
    ///
    /// Example: kooperacja territory fixtures/projects/koordynacja-kujawy-pomorze.toml
    Territory(TerritoryArgs),
    /// The group kinds: level, groups expected and stated, members, planned and
    /// held meetings per milestone.
    ///
    /// Example: kooperacja groups fixtures/projects/kooperacja-makroregion-ii.toml
    Groups(ReportArgs),
    /// What an amendment changed, field by field, old → new.
    ///
    /// Example: kooperacja diff fixtures/projects/kooperacja-makroregion-ii.toml
    /// --from umowa --to aneks
    Diff(DiffArgs),
    /// The payment claims (wnioski o płatność): the claim schedule with where
    /// each claim stands, or one period's claim in the order of the central
    /// system's claim; with --file, file it.
    ///
    /// Example: kooperacja claim fixtures/projects/kooperacja-makroregion-ii.toml
    /// --facts fixtures/facts/kooperacja-sample.jsonl --period 3
    ///
    /// The claims filed so far are read from --filed FILE (a JSON array; none
    /// when the file does not exist yet). With --file, claim --period is filed
    /// on --on into that file (rewritten atomically) and shown. Exit code 0
    /// when shown or filed, 1 when filing is refused (an earlier claim not
    /// filed, filed already, or findings the central system would reject the
    /// claim for, listed), 2 on bad input (no schedule, an unknown period, a
    /// bad file of filed claims).
    Claim(ClaimArgs),
    /// Work with fact files.
    #[command(subcommand)]
    Facts(FactsCommand),
    /// Work with project files.
    #[command(subcommand)]
    Project(ProjectCommand),
    /// Print a shell completion script.
    ///
    /// Example: kooperacja completions bash > ~/.local/share/bash-completion/completions/kooperacja
    Completions(CompletionsArgs),
}

#[derive(Debug, Subcommand)]
enum FactsCommand {
    /// Read a fact file (JSON Lines, or CSV for a `.csv` name) against the kinds
    /// of fact the project declares: counts by kind and every bad record with its
    /// line and field.
    ///
    /// Example: kooperacja facts check fixtures/facts/kooperacja-sample.jsonl
    /// --project fixtures/projects/kooperacja-makroregion-ii.toml
    ///
    /// Exit code 0 when every record is good, 1 when some are bad, 2 when the
    /// file cannot be read.
    Check(FactsCheckArgs),
    /// Counts of the facts in a file by kind, by month and by voivodeship.
    ///
    /// Example: kooperacja facts summary fixtures/facts/kooperacja-sample.jsonl
    /// --project fixtures/projects/kooperacja-makroregion-ii.toml
    Summary(FactsSummaryArgs),
    /// Write a deterministic synthetic fact history for a project, labelled
    /// `synthetic`, spread over all gminas and powiats of the TERC register.
    ///
    /// Example: kooperacja facts generate fixtures/projects/kooperacja-makroregion-ii.toml
    /// --count 1000000 --seed 1 --output facts.csv
    Generate(FactsGenerateArgs),
    /// Append one fact, checked against the project, to a fact file (JSON
    /// Lines), and say what was appended.
    ///
    /// Example: kooperacja facts add fixtures/projects/koordynacja-kujawy-pomorze.toml
    /// --kind deliverable --date 2025-06-30 --by rops-torun --field deliverable=model
    /// --field "title=Model kooperacji" -o facts.jsonl
    ///
    /// Field names are a field's id or its Polish or English name; a listed
    /// value is its id or its name. Without --id the fact's id comes from its
    /// content, so adding the same fact twice appends it once. Exit code 0
    /// when appended or already there, 1 when the fact does not fit the
    /// project or its id is taken by another fact, 2 on bad input.
    Add(FactsAddArgs),
    /// Write the spreadsheet (XLSX) a partner fills in for one kind of fact:
    /// one column per field, drop-down lists, typed cells, an instructions
    /// sheet.
    ///
    /// Example: kooperacja facts template fixtures/projects/koordynacja-kujawy-pomorze.toml
    /// --kind meeting -o spotkania.xlsx
    ///
    /// The headers are the fields' Polish names (English with --lang en);
    /// `facts import` reads them back in either language.
    Template(FactsTemplateArgs),
    /// Import filled-in spreadsheets (XLSX) or CSV files (RFC 4180, or Polish
    /// Excel's `;` with a decimal comma, UTF-8 or Windows-1250) into a fact
    /// file, all or nothing.
    ///
    /// Example: kooperacja facts import fixtures/projects/koordynacja-kujawy-pomorze.toml
    /// spotkania.xlsx -o facts.jsonl --secret secret.key
    ///
    /// Every bad cell is listed by file, sheet, row and column, and then
    /// nothing is written (exit code 1). Otherwise the facts not yet in the
    /// fact file are appended to it (atomically) and the others counted as
    /// already there: importing a sheet twice appends nothing. Exit code 2
    /// when a file cannot be read.
    Import(FactsImportArgs),
}

#[derive(Debug, clap::Args)]
struct FactsAddArgs {
    /// The project file (TOML).
    #[arg(value_name = "PROJECT")]
    project: PathBuf,
    /// The kind of fact: its id or its Polish or English name.
    #[arg(long, value_name = "KIND")]
    kind: String,
    /// The fact's id. Default: one derived from its content (`f-` and 20 hex
    /// digits).
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// The day it happened, like 2020-02-11 or 11.02.2020.
    #[arg(long, value_name = "DATE")]
    date: String,
    /// The organisation (id) that records it.
    #[arg(long, value_name = "ORG")]
    by: String,
    /// The TERYT code of the unit it belongs to.
    #[arg(long, value_name = "TERYT")]
    territory: Option<String>,
    /// A free note (never personal data).
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// A field of the kind, NAME=VALUE (repeat for each field); a list field
    /// takes its values separated by spaces.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    fields: Vec<String>,
    /// The fact file (JSON Lines) to append to; created when missing.
    /// Default: the fact's line goes to standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    secret: SecretArgs,
}

#[derive(Debug, clap::Args)]
struct FactsTemplateArgs {
    /// The project file (TOML).
    #[arg(value_name = "PROJECT")]
    project: PathBuf,
    /// The kind of fact: its id or its Polish or English name.
    #[arg(long, value_name = "KIND")]
    kind: String,
    /// The spreadsheet to write (XLSX).
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Debug, clap::Args)]
struct FactsImportArgs {
    /// The project file (TOML).
    #[arg(value_name = "PROJECT")]
    project: PathBuf,
    /// The files to import: XLSX, or CSV.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The kind of fact of every row. Default: a sheet named after a kind is
    /// that kind; a CSV file needs a `kind` column.
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// The organisation (id) of the rows that name none.
    #[arg(long, value_name = "ORG")]
    by: Option<String>,
    /// The fact file (JSON Lines) to append to; created when missing.
    /// Default: the facts' lines go to standard output.
    #[arg(long, short, value_name = "FACTS")]
    output: Option<PathBuf>,
    #[command(flatten)]
    secret: SecretArgs,
}

/// The key of persons' pseudonyms for the commands that write facts.
#[derive(Debug, clap::Args)]
struct SecretArgs {
    /// The secret of persons' pseudonyms: a file of 64 hex digits (the
    /// server's format), created (mode 0600) when missing. Needed when a
    /// fact names a person: the same person gets the same pseudonym at every
    /// write. Keep it, and keep it private.
    #[arg(long, value_name = "FILE")]
    secret: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum ProjectCommand {
    /// Rewrite a format-1 project file into format 2, keeping its comments and
    /// layout, and list what changed.
    ///
    /// Example: kooperacja project upgrade fixtures/format1/kooperacja-makroregion-ii.toml
    /// -o kooperacja-makroregion-ii.toml
    ///
    /// Without -o or --in-place the upgraded file goes to standard output and
    /// the list of changes to standard error. A file already in format 2 is
    /// left as it is. Exit code 0 when upgraded or already in format 2, 2 when
    /// the file cannot be read or is no format-1 or format-2 project file.
    Upgrade(ProjectUpgradeArgs),
}

#[derive(Debug, clap::Args)]
struct ProjectUpgradeArgs {
    /// The project file (TOML).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Write the upgraded file here (`-` for standard output) instead of
    /// standard output.
    #[arg(long, short, value_name = "OUT", conflicts_with = "in_place")]
    output: Option<PathBuf>,
    /// Rewrite FILE itself (atomically: a reader never sees half a file).
    #[arg(long)]
    in_place: bool,
}

/// A project file and its register.
#[derive(Debug, Clone, clap::Args)]
struct ProjectArgs {
    /// The project file (TOML).
    #[arg(value_name = "PROJECT")]
    project: PathBuf,
    /// The TERC register. Default: the file named by the project's
    /// `territory.register`, relative to the project file.
    #[arg(long, value_name = "CSV")]
    teryt: Option<PathBuf>,
    /// Output format: a table for people, JSON or CSV for programs.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// A project and a date.
#[derive(Debug, Clone, clap::Args)]
struct TerritoryArgs {
    #[command(flatten)]
    input: ProjectArgs,
    /// The date whose version's area to show, like 2024-07-01 or 01.07.2024.
    /// Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
}

/// A project, its facts and a date.
#[derive(Debug, Clone, clap::Args)]
struct ReportArgs {
    #[command(flatten)]
    input: ProjectArgs,
    /// The facts: JSON Lines, or CSV for a `.csv` file name.
    #[arg(long, value_name = "FILE")]
    facts: Option<PathBuf>,
    /// The date to report on, like 2020-09-30 or 30.09.2020. Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// What to do with a bad record: stop (exit 2) or skip it and go on.
    #[arg(long, value_enum, default_value_t = OnErrorArg::Stop)]
    on_error: OnErrorArg,
}

#[derive(Debug, clap::Args)]
struct StatusArgs {
    #[command(flatten)]
    report: ReportArgs,
    /// Exit with 1 when the plan has error findings or an indicator is missed.
    #[arg(long)]
    check: bool,
}

#[derive(Debug, clap::Args)]
struct BudgetArgs {
    #[command(flatten)]
    report: ReportArgs,
    /// The version whose plan to show (an id such as `aneks-1`). Default: the
    /// version in force on the as-of date.
    #[arg(long, value_name = "ID")]
    plan: Option<String>,
}

#[derive(Debug, clap::Args)]
struct ClaimArgs {
    /// The project file (TOML).
    #[arg(value_name = "PROJECT")]
    project: PathBuf,
    /// The facts: JSON Lines, or CSV for a `.csv` file name.
    #[arg(long, value_name = "FILE")]
    facts: PathBuf,
    /// The number of the period (of the claim) in the project's payment
    /// schedule. Default: the whole schedule, with where each claim stands.
    #[arg(long, value_name = "N")]
    period: Option<u32>,
    /// The file of claims filed so far (JSON); created by --file.
    #[arg(long, value_name = "FILE")]
    filed: Option<PathBuf>,
    /// File the claim of --period into --filed: refused when an earlier
    /// claim is not filed, when it is filed already, or when it has findings
    /// the central system would reject it for.
    #[arg(long, requires_all = ["period", "filed"])]
    file: bool,
    /// The day of filing, like 2019-07-10 or 10.07.2019. Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "file")]
    on: Option<NaiveDate>,
    /// The TERC register. Default: the file named by the project's
    /// `territory.register`, relative to the project file.
    #[arg(long, value_name = "CSV")]
    teryt: Option<PathBuf>,
    /// What to do with a bad record: stop (exit 2) or skip it and go on.
    #[arg(long, value_enum, default_value_t = OnErrorArg::Stop)]
    on_error: OnErrorArg,
    /// Output format: a table for people, JSON or CSV for programs.
    #[arg(long, visible_alias = "as", value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    #[command(flatten)]
    input: ProjectArgs,
    /// The older version's id. Default: the one before --to.
    #[arg(long, value_name = "ID")]
    from: Option<String>,
    /// The newer version's id. Default: the last version.
    #[arg(long, value_name = "ID")]
    to: Option<String>,
}

#[derive(Debug, clap::Args)]
struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Shell {
    Bash,
    Zsh,
    Fish,
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
    /// A fact file to check against the project (only with one project file):
    /// unknown organisations, groups, roles and sectors, territory outside the
    /// project, dates outside its period, reused ids, retractions of unknown ids.
    #[arg(long, value_name = "FILE")]
    facts: Option<PathBuf>,
    /// The TERC register to check territory against. Default: the file named by
    /// `territory.register` in each project, relative to the project file.
    #[arg(long, value_name = "CSV")]
    teryt: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, clap::Args)]
struct FactsCheckArgs {
    /// The fact file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The project file, whose vocabulary declares the kinds of fact and their
    /// fields.
    #[arg(long, value_name = "PROJECT")]
    project: PathBuf,
    /// How many bad records to list (all are counted).
    #[arg(long, default_value_t = 50)]
    max_errors: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, clap::Args)]
struct FactsSummaryArgs {
    /// The fact file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The project file, whose vocabulary declares the kinds of fact and their
    /// fields; it also names the voivodeships.
    #[arg(long, value_name = "PROJECT")]
    project: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table for people.
    Table,
    /// JSON for programs (shapes in docs/cli.md).
    Json,
    /// CSV (RFC 4180) for spreadsheets and scripts.
    Csv,
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
            Err(InputError(ui::msg_fill(label::CANNOT_WRITE_OUTPUT, &[&e])))
        }
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Ctx {
        lang: cli.lang.unwrap_or_else(ui::lang_from_env),
        color: cli.color.resolve(),
    };
    ui::set_message_lang(ctx.lang);
    // Without colour, the stream also strips any escape sequence a project
    // file's text might carry; with it, `anstyle` codes pass through.
    let choice = if ctx.color {
        anstream::ColorChoice::AlwaysAnsi
    } else {
        anstream::ColorChoice::Never
    };
    let mut out = anstream::AutoStream::new(std::io::stdout().lock(), choice);
    let result = match cli.command {
        Command::Status(args) => status::run(&args, &ctx, &mut out),
        Command::Validate(args) => validate::run(&args, &ctx, &mut out),
        Command::Indicators(args) => show::indicators(&args, &ctx, &mut out),
        Command::Milestones(args) => show::milestones(&args, &ctx, &mut out),
        Command::Budget(args) => show::budget(&args, &ctx, &mut out),
        Command::Territory(args) => show::territory(&args, &ctx, &mut out),
        Command::Groups(args) => show::groups(&args, &ctx, &mut out),
        Command::Diff(args) => show::diff(&args, &ctx, &mut out),
        Command::Claim(args) => claim_cmd::run(&args, &ctx, &mut out),
        Command::Facts(FactsCommand::Check(args)) => facts_cmd::check(&args, &ctx, &mut out),
        Command::Facts(FactsCommand::Summary(args)) => facts_cmd::summary(&args, &ctx, &mut out),
        Command::Facts(FactsCommand::Generate(args)) => facts_cmd::generate(&args, &mut out),
        Command::Facts(FactsCommand::Add(args)) => facts_add::run(&args, &ctx, &mut out),
        Command::Facts(FactsCommand::Template(args)) => facts_template::run(&args, &ctx, &mut out),
        Command::Facts(FactsCommand::Import(args)) => facts_import::run(&args, &ctx, &mut out),
        Command::Project(ProjectCommand::Upgrade(args)) => project_cmd::run(&args, &ctx, &mut out),
        Command::Completions(args) => {
            let shell = match args.shell {
                Shell::Bash => clap_complete::Shell::Bash,
                Shell::Zsh => clap_complete::Shell::Zsh,
                Shell::Fish => clap_complete::Shell::Fish,
            };
            // Generated into memory first: clap_complete panics on a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "kooperacja", &mut script);
            finish(out.write_all(&script)).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(InputError(message)) => {
            let _ = writeln!(
                std::io::stderr(),
                "{}: {message}",
                ctx.text(label::severity(kooperacja_core::validate::Severity::Error))
            );
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
