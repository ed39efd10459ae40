//! Verdicts remembered by the content of everything they depend on, so that re-checking an
//! unchanged exercise is immediate.
//!
//! The key covers the graded file, the exercise's hidden files, the harness, the model
//! checker's stand-ins, the exercise's
//! course.yaml entry, the grader's version and the compiler's. Only verdicts that do not depend
//! on the machine's load are kept: a timeout, a crash or a check not run is always graded again.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use sha2::{Digest as _, Sha256};

use crate::course::Exercise;
use crate::embedded;
use crate::files::write_atomically;
use crate::verdict::{ExerciseResult, Status};
use crate::workspace::BuildWorkspace;

/// The version of what the cache keeps: raised whenever a verdict gains a field, or what is
/// kept beside verdicts changes (the failing interleavings for `--replay`), so that a verdict
/// kept by an older grader of the same version number is graded again, not shown without it.
const CACHE_FORMAT: &str = "3: failure kinds, interleavings kept by file digest";

/// A place in the cache for one exercise graded from one file.
pub struct CacheEntry {
    path: PathBuf,
}

impl CacheEntry {
    /// The entry for grading `graded` as `exercise`.
    pub fn new(workspace: &BuildWorkspace, exercise: &Exercise, graded: &[u8]) -> CacheEntry {
        let entry = format!(
            "{}|{}|{}|{}",
            exercise.id,
            exercise.path,
            exercise.points,
            exercise.timeout.as_millis()
        );
        let key = key(&KeyParts {
            grader: env!("CARGO_PKG_VERSION"),
            format: CACHE_FORMAT,
            compiler: compiler_version(workspace),
            harness: embedded::HARNESS,
            model: embedded::MODEL,
            hidden: &embedded::hidden_files(exercise.stem()),
            entry: &entry,
            graded,
        });
        CacheEntry {
            path: workspace.dir.join("results").join(format!("{key}.json")),
        }
    }

    /// The remembered verdict, if there is one.
    pub fn load(&self) -> Option<ExerciseResult> {
        let bytes = std::fs::read(&self.path).ok()?;
        let mut result: ExerciseResult = serde_json::from_slice(&bytes).ok()?;
        result.cached = true;
        Some(result)
    }

    /// Remembers a verdict that does not depend on the machine's load (nor on how much of the
    /// time budget was left: a check that was not run is no verdict). A cache that cannot be
    /// written only costs time, so failures are ignored.
    pub fn store(&self, result: &ExerciseResult) {
        if matches!(
            result.status,
            Status::TimedOut | Status::Crashed | Status::NotRun
        ) || result.tests.iter().any(|t| t.status == Status::NotRun)
        {
            return;
        }
        if let Ok(json) = serde_json::to_vec(result) {
            let _ = write_atomically(&self.path, &json);
        }
    }
}

/// Everything a verdict depends on.
struct KeyParts<'a> {
    grader: &'a str,
    format: &'a str,
    compiler: &'a str,
    harness: &'a [(&'a str, &'a str)],
    model: &'a [(&'a str, &'a str)],
    hidden: &'a [(&'a str, &'a str)],
    entry: &'a str,
    graded: &'a [u8],
}

/// The SHA-256 of every part, each length-prefixed so that two parts never run into each other.
fn key(parts: &KeyParts) -> String {
    let mut hash = Sha256::new();
    let mut field = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    field(parts.grader.as_bytes());
    field(parts.format.as_bytes());
    field(parts.compiler.as_bytes());
    for files in [parts.harness, parts.model, parts.hidden] {
        field(&(files.len() as u64).to_le_bytes());
        for (path, text) in files {
            field(path.as_bytes());
            field(text.as_bytes());
        }
    }
    field(parts.entry.as_bytes());
    field(parts.graded);
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// `rustc -vV` as run in the build workspace, once per grader run.
fn compiler_version(workspace: &BuildWorkspace) -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
        Command::new(rustc)
            .arg("-vV")
            .current_dir(&workspace.dir)
            .output()
            .map(|output| String::from_utf8_lossy(&output.stdout).into_owned())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts<'a>(
        hidden: &'a [(&'a str, &'a str)],
        entry: &'a str,
        graded: &'a [u8],
    ) -> KeyParts<'a> {
        KeyParts {
            grader: "1.0.0",
            format: CACHE_FORMAT,
            compiler: "rustc 1.95.0",
            harness: &[("lib.rs", "harness")],
            model: &[("lib.rs", "model")],
            hidden,
            entry,
            graded,
        }
    }

    #[test]
    fn every_input_of_a_verdict_changes_its_key_and_nothing_else_does() {
        let tests = [("tests.rs", "fn a() {}")];
        let base = key(&parts(&tests, "locks/counter|10|10000", b"file"));
        assert_eq!(base, key(&parts(&tests, "locks/counter|10|10000", b"file")));
        let edited_tests = [("tests.rs", "fn a() { assert!(false) }")];
        assert_ne!(
            base,
            key(&parts(&edited_tests, "locks/counter|10|10000", b"file"))
        );
        let more_tests = [("tests.rs", "fn a() {}"), ("compile_fail/x.rs", "")];
        assert_ne!(
            base,
            key(&parts(&more_tests, "locks/counter|10|10000", b"file"))
        );
        assert_ne!(base, key(&parts(&tests, "locks/counter|20|10000", b"file")));
        assert_ne!(
            base,
            key(&parts(&tests, "locks/counter|10|10000", b"file2"))
        );
    }
}
