//! The commands that show one part of a project, one file each:
//! `indicators`, `milestones` (with its `gantt` chart), `budget`,
//! `territory`, `groups`, `diff`; and what they share (the heading, the end of
//! writing, the unknown-version error).

mod budget;
mod diff;
mod gantt;
mod groups;
mod indicators;
mod milestones;
mod territory;

use std::io::Write;
use std::process::ExitCode;

use kooperacja_core::present::{self, label};
use kooperacja_core::project::Project;
use kooperacja_core::report::Report;

use crate::input::InputError;
use crate::ui::{self, Ctx};

pub use budget::budget;
pub use diff::diff;
pub use groups::groups;
pub use indicators::indicators;
pub use milestones::milestones;
pub use territory::territory;

pub(crate) fn done(written: std::io::Result<()>) -> Result<ExitCode, InputError> {
    crate::finish(written)?;
    Ok(ExitCode::SUCCESS)
}

/// The command's title line, then the version and the date.
pub(crate) fn heading(
    ctx: &Ctx,
    r: &Report,
    what: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    ui::heading(ctx, out, what, &format!(" — {}", r.title))?;
    writeln!(
        out,
        "{} {} · {} {}",
        ctx.text(label::VERSION),
        r.version,
        ctx.text(label::AS_OF),
        present::date(ctx.lang, r.as_of)
    )
}

pub(crate) fn unknown_version(ctx: &Ctx, project: &Project, id: &str) -> InputError {
    let known: Vec<&str> = project.versions.iter().map(|v| v.id.as_str()).collect();
    InputError(ctx.fill(
        label::UNKNOWN_VERSION,
        &[&format!("{id:?}"), &known.join(", ")],
    ))
}
