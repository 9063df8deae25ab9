//! `kooperacja project upgrade`: a format-1 project file rewritten into
//! format 2 by core's `upgrade`, keeping its comments and layout.

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::parse::MAX_PROJECT_BYTES;
use kooperacja_core::present::label;
use kooperacja_core::upgrade::{TARGET_FORMAT, upgrade};

use crate::ProjectUpgradeArgs;
use crate::input::{InputError, located, read_bounded};
use crate::ui::{Ctx, msg, msg_fill};

pub fn run(
    args: &ProjectUpgradeArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<ExitCode, InputError> {
    let path = &args.file;
    let bytes = read_bounded(path, MAX_PROJECT_BYTES, msg(label::OF_A_PROJECT_FILE))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        InputError(format!(
            "{}: {}",
            path.display(),
            msg_fill(
                label::FILE_NOT_UTF8_AT_BYTE,
                &[&e.utf8_error().valid_up_to()]
            ),
        ))
    })?;
    let upgraded = upgrade(&text)
        .map_err(|e| InputError(located(path, &text, &e.to_parse_error(&text, ctx.lang))))?;
    let summary = if upgraded.changed() {
        let mut lines = vec![ctx.fill(
            label::UPGRADED_FILE,
            &[&path.display(), &upgraded.from, &TARGET_FORMAT],
        )];
        lines.extend(
            upgraded
                .lines(ctx.lang)
                .into_iter()
                .map(|l| format!("  {l}")),
        );
        lines
    } else {
        vec![ctx.fill(
            label::ALREADY_CURRENT_FORMAT,
            &[&path.display(), &upgraded.from],
        )]
    };
    let target = match (&args.output, args.in_place) {
        (Some(out_path), _) if out_path.as_os_str() != "-" => Some(out_path.as_path()),
        (_, true) => Some(path.as_path()),
        _ => None,
    };
    match target {
        None => {
            // The file to standard output, what changed to standard error.
            crate::finish(out.write_all(upgraded.text.as_bytes()))?;
            let mut err = std::io::stderr().lock();
            for line in &summary {
                let _ = writeln!(err, "{line}");
            }
        }
        Some(target) => {
            // In place, a file already in format 2 is not touched.
            if upgraded.changed() || target != path.as_path() {
                crate::append::write_atomically(target, upgraded.text.as_bytes(), Some(path))?;
            }
            let written = (|| {
                for line in &summary {
                    writeln!(out, "{line}")?;
                }
                Ok(())
            })();
            crate::finish(written)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
