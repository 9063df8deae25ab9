//! `kooperacja facts add`: one fact from the command line, checked against the
//! project's vocabulary ([`Fact::from_record`]) and the project itself
//! ([`FactCheck`], after the facts the file already holds), appended to a fact
//! file (or printed), with its id from its content unless given.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::fact_check::FactCheck;
use kooperacja_core::facts::{Fact, Record, Shape, to_json_line};
use kooperacja_core::import::template::{find_field, find_kind, find_value};
use kooperacja_core::present::{self, Text, label, message};
use kooperacja_core::pseudonym::is_pseudonym;
use kooperacja_core::validate::Severity;
use kooperacja_core::vocabulary::{FactKindDecl, Vocabulary};

use crate::append::{self, Standing};
use crate::facts_import::emit;
use crate::input::InputError;
use crate::ui::Ctx;
use crate::{FactsAddArgs, finish};

/// The id a fact has until its content gives it one (content ids leave the
/// id out, so this never shows).
const PENDING_ID: &str = "pending";

pub fn run(args: &FactsAddArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, InputError> {
    let project = crate::input::project(&args.project)?;
    let register = crate::input::register(&args.project, &project, None)?;
    let vocabulary = project.vocabulary();
    let kind = find_kind(vocabulary, &args.kind)
        .ok_or_else(|| unknown_kind(ctx, vocabulary, &args.kind))?;
    let record = record(args, ctx, vocabulary, kind)?;
    let names_a_person = record.entries().any(|(name, value, _)| {
        kind.field(name).is_some_and(|f| {
            f.field_type.is_pseudonymous()
                && value
                    .split([' ', ',', ';'])
                    .any(|v| !v.is_empty() && !is_pseudonym(v))
        })
    });
    let key = match crate::secret::key(args.secret.secret.as_deref())? {
        Some(key) => key,
        None if names_a_person => return Err(crate::secret::needed()),
        // Nothing to pseudonymise: any key reads this fact alike.
        None => crate::input::pseudonym_key()?,
    };
    let mut fact =
        Fact::from_record(record, vocabulary, &key).map_err(|e| InputError(e.to_string()))?;
    if args.id.is_none() {
        fact.id = kooperacja_core::facts::content_id(&fact, 0);
    }
    let mut check = FactCheck::new(&project, Some(&register));
    let mut existing = match &args.output {
        Some(path) => append::existing(path, &project, &key, &mut |f| {
            check.check(f);
        })?,
        None => append::Existing::default(),
    };
    // The report goes to stdout, unless stdout carries the fact.
    let to_stdout = args.output.is_some();
    let file = args.output.as_ref().map_or_else(
        || ctx.text(label::STANDARD_OUTPUT).to_owned(),
        |p| p.display().to_string(),
    );
    let said = |text: Text| {
        ctx.fill(
            text,
            &[
                &file,
                &fact.id,
                &vocabulary.kind_label(fact.kind(), ctx.lang),
                &present::date(ctx.lang, fact.date),
            ],
        )
    };
    match existing.place(&fact) {
        Standing::AlreadyThere => {
            emit(to_stdout, out, &[said(label::FACT_ALREADY_THERE)])?;
            return Ok(ExitCode::SUCCESS);
        }
        Standing::Conflict => {
            let line = format!(
                "{}: {}",
                ctx.text(label::severity(Severity::Error)),
                ctx.fill(label::FACT_ID_CONFLICT, &[&file, &fact.id])
            );
            emit(to_stdout, out, &[line])?;
            return Ok(ExitCode::from(1));
        }
        Standing::New => {}
    }
    let errors: Vec<_> = check
        .check(&fact)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        let mut lines: Vec<String> = errors
            .iter()
            .map(|finding| {
                format!(
                    "{}: {} [{}]",
                    ctx.text(label::severity(Severity::Error)),
                    finding.message,
                    finding.code
                )
            })
            .collect();
        lines.push(ctx.text(label::FACT_REFUSED_NOTHING_WRITTEN).to_owned());
        emit(to_stdout, out, &lines)?;
        return Ok(ExitCode::from(1));
    }
    let mut line = fact.to_record();
    if let Some(note) = args.note.as_deref().filter(|n| !n.trim().is_empty()) {
        line.set("note", note, Shape::Text);
    }
    let line = to_json_line(&line);
    match &args.output {
        Some(path) => append::append(path, &[line])?,
        None => finish(writeln!(out, "{line}"))?,
    }
    emit(to_stdout, out, &[said(label::FACT_APPENDED)])?;
    Ok(ExitCode::SUCCESS)
}

/// The kind given is none of the project's.
pub fn unknown_kind(ctx: &Ctx, vocabulary: &Vocabulary, given: &str) -> InputError {
    let kinds: Vec<&str> = vocabulary.kinds().iter().map(|k| k.id.as_str()).collect();
    InputError(ctx.fill(
        message::UNKNOWN_FACT_KIND,
        &[&kooperacja_core::facts::shown(given), &kinds.join(", ")],
    ))
}

/// The flat record of the arguments: the base fields, then each `--field`
/// by the field's id, a listed value by its id.
fn record(
    args: &FactsAddArgs,
    ctx: &Ctx,
    vocabulary: &Vocabulary,
    kind: &FactKindDecl,
) -> Result<Record, InputError> {
    let mut record = Record::default();
    record.set("id", args.id.as_deref().unwrap_or(PENDING_ID), Shape::Text);
    record.set("date", &args.date, Shape::Text);
    record.set("by", &args.by, Shape::Text);
    if let Some(territory) = &args.territory {
        record.set("territory", territory, Shape::Text);
    }
    record.set("kind", &kind.id, Shape::Text);
    for given in &args.fields {
        let Some((name, value)) = given.split_once('=') else {
            return Err(InputError(ctx.fill(
                label::FIELD_ASSIGNMENT_EXPECTED,
                &[&kooperacja_core::facts::shown(given)],
            )));
        };
        let field = find_field(kind, name).ok_or_else(|| {
            let fields: Vec<&str> = kind.fields.iter().map(|f| f.id.as_str()).collect();
            InputError(ctx.fill(
                label::KIND_HAS_NO_FIELD,
                &[
                    &kind.id,
                    &kooperacja_core::facts::shown(name),
                    &fields.join(", "),
                ],
            ))
        })?;
        if record.has(&field.id) {
            return Err(InputError(ctx.fill(label::FIELD_GIVEN_TWICE, &[&field.id])));
        }
        let value = if field.many {
            value
                .split([' ', ',', ';'])
                .filter(|v| !v.is_empty())
                .map(|v| find_value(vocabulary, field, v).unwrap_or(v))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            find_value(vocabulary, field, value)
                .unwrap_or(value)
                .to_owned()
        };
        record.set(&field.id, &value, Shape::Text);
    }
    Ok(record)
}
