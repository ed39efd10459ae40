//! The stubs as the course ships them, known by their SHA-256 in `grader/stubs.sha256`, and
//! putting one back (`reset`, and `R` in `watch`).
//!
//! A learner edits the stubs in place and may commit their work, so neither the working tree
//! nor the newest commit says what the course's stub is, and the commit that first added a file
//! holds its first version, not its current one. The digests do: `reset` restores the newest
//! version in git history whose digest is listed, and `verify` checks that the list names every
//! stub as it is now. The file is what `sha256sum exercises/*/*.rs` prints, so an author who
//! changes a stub writes it again with that command.

use std::process::{Command, Stdio};

use crate::course::{Course, Exercise};
use crate::embedded::STUB_DIGESTS;
use crate::error::{GraderError, Result};
use crate::files::write_atomically;
use crate::output;
use crate::progress::sha256_hex;

/// The command that writes `grader/stubs.sha256` from the stubs, run at the course's root.
pub const REFRESH: &str = "sha256sum exercises/*/*.rs > grader/stubs.sha256";

/// The SHA-256, in hex, of the stub at `path` (relative to the course's root, with `/`
/// separators) as the course ships it, if the list has it.
pub fn shipped_digest(path: &str) -> Option<&'static str> {
    listed()
        .find(|(_, listed)| *listed == path)
        .map(|(digest, _)| digest)
}

/// Whether `bytes` are the stub at `path` as the course ships it.
pub fn is_shipped(path: &str, bytes: &[u8]) -> bool {
    shipped_digest(path).is_some_and(|digest| digest == sha256_hex(bytes))
}

/// Every (digest, path) pair of the list. `sha256sum` separates them by two spaces, or by a
/// space and a `*` in binary mode.
pub fn listed() -> impl Iterator<Item = (&'static str, &'static str)> {
    STUB_DIGESTS.lines().filter_map(|line| {
        let (digest, path) = line.split_once(' ')?;
        let path = path.trim_start_matches([' ', '*']);
        (!digest.is_empty() && !path.is_empty()).then_some((digest, path))
    })
}

/// What is wrong with the list's entry for the stub at `path` whose bytes are `stub`, if
/// anything: `reset` could not find that stub in a learner's history.
pub fn entry_problem(path: &str, stub: &[u8]) -> Option<String> {
    let now = sha256_hex(stub);
    match shipped_digest(path) {
        Some(digest) if digest == now => None,
        Some(_) => Some(output::stub_changed(path, REFRESH)),
        None => Some(output::stub_unlisted(path, REFRESH)),
    }
}

/// Puts the exercise's stub back without asking, keeping the learner's file (if it differs from
/// the stub) as `FILE.orig`. `reset` and `watch` call it once the learner has said yes.
pub fn restore(course: &Course, exercise: &Exercise) -> Result<()> {
    let stub = shipped_stub(course, &exercise.path)?;
    let file = exercise.exercise_file(&course.root);
    if let Ok(current) = std::fs::read(&file)
        && current != stub.as_bytes()
    {
        let backup = file.with_extension("rs.orig");
        write_atomically(&backup, &current)
            .map_err(|e| GraderError::io(format!("write {}", backup.display()), e))?;
    }
    write_atomically(&file, stub.as_bytes())
        .map_err(|e| GraderError::io(format!("write {}", exercise.path), e))
}

/// The stub at `path` as the course ships it: the file itself if it is still the stub, or else
/// the newest version of it in git history whose digest `grader/stubs.sha256` lists. Versions
/// the learner committed never match, and neither do the course's older stubs.
pub fn shipped_stub(course: &Course, path: &str) -> Result<String> {
    if shipped_digest(path).is_none() {
        return Err(GraderError::Usage(output::stub_not_listed(path)));
    }
    if let Ok(current) = std::fs::read(course.root.join(path))
        && is_shipped(path, &current)
    {
        return Ok(String::from_utf8_lossy(&current).into_owned());
    }
    let git = |args: &[&str]| -> Option<Vec<u8>> {
        let output = Command::new("git")
            .args(args)
            .current_dir(&course.root)
            .stderr(Stdio::null())
            .output()
            .ok()?;
        output.status.success().then_some(output.stdout)
    };
    let commits = git(&["log", "--format=%H", "--", path])
        .ok_or_else(|| GraderError::Usage(output::stub_without_history(path)))?;
    String::from_utf8_lossy(&commits)
        .lines()
        // `./` makes the path relative to the course's folder, which need not be the
        // repository's root.
        .filter_map(|commit| git(&["show", &format!("{commit}:./{path}")]))
        .find(|version| is_shipped(path, version))
        .map(|version| String::from_utf8_lossy(&version).into_owned())
        .ok_or_else(|| GraderError::Usage(output::stub_not_in_history(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_path_is_an_exercise_file() {
        let listed: Vec<_> = listed().collect();
        assert!(!listed.is_empty());
        for (digest, path) in listed {
            assert_eq!(digest.len(), 64, "{path}");
            assert!(
                path.starts_with("exercises/") && path.ends_with(".rs"),
                "{path}"
            );
        }
    }
}
