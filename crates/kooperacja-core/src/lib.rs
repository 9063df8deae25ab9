//! # kooperacja-core
//!
//! A pure domain model of EU-funded social-policy partnership projects, such as
//! those the Polish regional social-policy offices (ROPS) run with the European
//! Social Fund: budget in exact decimals, versions and amendments, milestones
//! (kamienie milowe), group structures, territory on official TERYT codes,
//! indicators, and a validation that explains every inconsistency it finds.
//!
//! The crate is pure: it reads no file, opens no socket, reads no clock or
//! environment variable, starts no thread and prints nothing. Text comes in as
//! `&str`; today's date, where it matters, is a parameter.
//!
//! ## The embedding path
//!
//! Parse the project (and the TERC register), validate it, evaluate the
//! indicators over the facts with the [`engine`], take the [`report`] as of a
//! date, and show its values with [`present`]. Every fallible step converts
//! into the crate's [`Error`], so `?` works across modules:
//!
//! ```
//! use chrono::NaiveDate;
//! use kooperacja_core::engine::Engine;
//! use kooperacja_core::facts::{FactReader, Format};
//! use kooperacja_core::present::{self, Lang, label};
//! use kooperacja_core::project::Project;
//! use kooperacja_core::pseudonym::PseudonymKey;
//! use kooperacja_core::territory::Register;
//! use kooperacja_core::validate::validate;
//!
//! // The caller reads files; core only parses text. The TERC register is built
//! // in (another edition: `Register::parse_terc` of its text).
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let register = Register::embedded();
//!
//! // Every consistency problem at once; the source's typo "Bursy" is reported
//! // as a corrected name (Q-01).
//! let validation = validate(&project, Some(&register));
//! assert!(!validation.has_errors());
//! assert!(validation.with_code("name.as-written").any(|f| f.message.contains("Bursy")));
//!
//! // Facts, one at a time: persons are pseudonymised while they are read, under
//! // a key the embedding application keeps secret.
//! let key = PseudonymKey::from_bytes([7; 32]);
//! let facts = r#"{"id":"w-1","date":"2019-03-15","by":"umk","kind":"expenditure","amount":"1234,56","category":"personel"}"#;
//! let mut engine = Engine::new(project.clone(), Some(register));
//! for fact in FactReader::new(facts.as_bytes(), Format::JsonLines, project.vocabulary().clone(), key) {
//!     engine.apply(&fact?);
//! }
//!
//! // The report is the view model: every figure an output shows is a field.
//! let report = engine.report(NaiveDate::from_ymd_opt(2019, 3, 31).expect("a date"));
//! assert_eq!(present::amount(Lang::Pl, report.budget.spent), "1 234,56 zł");
//! assert_eq!(label::SPENT.get(Lang::En), "Spent");
//! # Ok::<(), kooperacja_core::Error>(())
//! ```
//!
//! ## Modules
//!
//! The model, each module named after its domain word:
//! - [`money`]: exact amounts in złoty, rates, named roundings, exact splits;
//! - [`period`]: dates and periods as the documents write them, months;
//! - [`territory`]: TERYT codes and the TERC register (one edition built in);
//! - [`area`]: the voivodeships, powiats and gminas a project works in;
//! - [`organisation`]: the leader and partners, sectors, roles, target groups, tasks;
//! - [`project`]: a project and its versions (agreement, amendments), the version in force;
//! - [`budget`]: a version's budget and the checks that explain its EU amounts;
//! - [`schedule`]: milestones (kamienie milowe) and their activities;
//! - [`groups`]: the group structures (RGR, PGR, …) and their levels;
//! - [`indicator`]: the indicators (wskaźniki), their targets and due dates;
//! - [`rule`]: how an indicator's value is computed from facts, as data.
//! - [`participant`]: participants as ESF monitoring counts them: first entry, sex split, small-cell suppression.
//!
//! Reading and checking:
//! - [`parse`]: the project file parsed with located errors, bounded reads;
//! - [`validate`]: every consistency check, as [`validate::Finding`]s with stable codes;
//! - [`identifier`]: the one rule for ids, so that two ids that look alike never both exist;
//! - [`facts`]: the append-only record of what happened, and its JSON Lines and CSV readers;
//! - [`pseudonym`]: keyed pseudonyms that replace every person value while facts are read;
//! - [`admission`]: which facts count, the one decision every adapter applies;
//! - [`fact_check`]: a fact file checked against its project, finding by finding.
//!
//! Evaluating and showing:
//! - [`engine`]: facts in, one at a time; a report out, as of any date and version;
//! - [`report`]: the report, the complete view model every adapter renders;
//! - [`present`]: the one presentation: language, catalogue of labels, number,
//!   amount and date formats, status words and palette, located errors;
//! - [`synthetic`]: a seeded generator of realistic facts, for tests and benchmarks.
//!
//! Versioning: what counts as a breaking change for an embedding application is
//! written in `docs/versioning.md`; the public API is kept in
//! `docs/public-api.txt` and checked in CI.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod admission;
pub mod amendment;
pub mod area;
pub mod budget;
pub mod claim;
pub mod engine;
pub mod fact_check;
pub mod facts;
pub mod groups;
pub mod identifier;
pub mod import;
pub mod indicator;
pub mod money;
pub mod organisation;
pub mod parse;
pub mod participant;
pub mod period;
pub mod plan_check;
pub mod present;
pub mod project;
pub mod pseudonym;
pub mod report;
pub mod rule;
pub mod schedule;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod synthetic;
pub mod territory;
pub mod upgrade;
pub mod validate;
pub mod vocabulary;

mod error;
pub use error::Error;

/// The JSON Schema of the project file, generated from the types.
///
/// `docs/project-file.schema.json` holds its current text; a test fails when
/// the two differ.
///
/// ```
/// let schema = kooperacja_core::project_file_schema();
/// assert_eq!(schema.as_value()["title"], "Project");
/// ```
pub fn project_file_schema() -> schemars::Schema {
    schemars::schema_for!(project::Project)
}

/// The JSON Schema of the [`report::Report`] as it is written (serialised):
/// amounts and decimals as strings, dates ISO, rates as `"84.28 %"`.
///
/// `docs/report.schema.json` holds its current text; a test fails when the two
/// differ, and another validates every exported report against it.
///
/// ```
/// let schema = kooperacja_core::report_schema();
/// assert_eq!(schema.as_value()["title"], "Report");
/// assert_eq!(schema.as_value()["$defs"]["Amount"]["type"], "string");
/// ```
pub fn report_schema() -> schemars::Schema {
    schemars::generate::SchemaSettings::default()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<report::Report>()
}
