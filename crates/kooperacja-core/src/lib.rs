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
//! ```
//! use kooperacja_core::{project::Project, territory::Register, validate::validate};
//!
//! // The caller reads files; core only parses text.
//! let project = Project::parse(include_str!("../../../fixtures/projects/kooperacja-makroregion-ii.toml"))?;
//! let register = Register::parse_terc(include_str!("../../../fixtures/teryt/TERC_Urzedowy_2025-11-18.csv"))?;
//!
//! let report = validate(&project, Some(&register));
//! assert!(!report.has_errors());
//! // The source's typo "Bursy" is reported as a corrected name (Q-01).
//! assert!(report.findings.iter().any(|f| f.code == "name.as-written" && f.message.contains("Bursy")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Modules, each named after its domain word: [`money`], [`period`],
//! [`territory`], [`area`], [`organisation`], [`project`], [`budget`],
//! [`schedule`], [`groups`], [`indicator`], [`validate`], [`parse`].

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod admission;
pub mod area;
pub mod budget;
pub mod engine;
pub mod fact_check;
pub mod facts;
pub mod groups;
pub mod identifier;
pub mod indicator;
pub mod money;
pub mod organisation;
pub mod parse;
pub mod period;
pub mod present;
pub mod project;
pub mod pseudonym;
pub mod report;
pub mod rule;
pub mod schedule;
pub mod synthetic;
pub mod territory;
pub mod validate;

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
