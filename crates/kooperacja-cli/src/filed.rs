//! The file of filed claims (`claim --filed FILE`): a JSON array of core's
//! `FiledClaim`, read before a claim is computed and rewritten atomically
//! when `claim --file` files one.

use std::collections::BTreeSet;
use std::path::Path;

use kooperacja_core::claim::FiledClaim;
use kooperacja_core::present::label;
use kooperacja_core::project::Project;

use crate::input::InputError;
use crate::ui::{msg, msg_fill};

/// The largest file of filed claims read: 64 MB (a claim with its documents
/// is some tens of kB; a project files a few dozen).
const MAX_FILED_BYTES: u64 = 64 << 20;

/// The claims filed so far: those of the file at `path`, or none when the
/// file does not exist yet (the first `--file` creates it). Refused, with
/// the file named, when it is not a JSON array of filed claims, when a claim
/// in it belongs to another project or has no period in the schedule, or
/// when a number is there twice.
pub fn read(path: &Path, project: &Project) -> Result<Vec<FiledClaim>, InputError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let bytes =
        crate::input::read_bounded(path, MAX_FILED_BYTES, msg(label::FILE_KIND_FILED_CLAIMS))?;
    let filed: Vec<FiledClaim> = serde_json::from_slice(&bytes).map_err(|e| {
        InputError(msg_fill(
            label::BAD_FILED_CLAIMS_FILE,
            &[&path.display(), &e],
        ))
    })?;
    let mut seen = BTreeSet::new();
    for f in &filed {
        let number = f.claim.number;
        if f.claim.project != project.id {
            return Err(InputError(msg_fill(
                label::FILED_CLAIM_OF_OTHER_PROJECT,
                &[&path.display(), &number, &f.claim.project, &project.id],
            )));
        }
        if !project.payment_schedule.iter().any(|p| p.number == number) {
            return Err(InputError(msg_fill(
                label::FILED_CLAIM_NOT_IN_SCHEDULE,
                &[&path.display(), &number],
            )));
        }
        if !seen.insert(number) {
            return Err(InputError(msg_fill(
                label::FILED_CLAIM_TWICE,
                &[&path.display(), &number],
            )));
        }
    }
    Ok(filed)
}

/// Writes `filed` (in the order of their numbers) to `path` atomically: a
/// reader never sees half a file, and a failed run leaves the old one.
pub fn write(path: &Path, filed: &[FiledClaim]) -> Result<(), InputError> {
    let mut sorted: Vec<&FiledClaim> = filed.iter().collect();
    sorted.sort_by_key(|f| f.claim.number);
    let mut bytes = serde_json::to_vec_pretty(&sorted)
        .map_err(|e| InputError(msg_fill(label::CANNOT_WRITE_OUTPUT, &[&e])))?;
    bytes.push(b'\n');
    let like = path.exists().then_some(path);
    crate::append::write_atomically(path, &bytes, like)
}
