//! Verdicts remembered by the content of everything they depend on, so that re-checking an
//! unchanged exercise is immediate.
//!
//! The key covers the graded file, the exercise's hidden files, the harness, the exercise's
//! course.yaml entry, the grader's version and the compiler's. Only verdicts that do not depend
//! on the machine's load are kept: a timeout or a crash is always graded again.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use sha2::{Digest as _, Sha256};

use crate::course::Exercise;
use crate::embedded;
use crate::files::write_atomically;
use crate::verdict::{ExerciseResult, Status};
use crate::workspace::BuildWorkspace;

/// A place in the cache for one exercise graded from one file.
pub struct CacheEntry {
    path: PathBuf,
}

impl CacheEntry {
    /// The entry for grading `graded` as `exercise`.
    pub fn new(workspace: &BuildWorkspace, exercise: &Exercise, graded: &[u8]) -> CacheEntry {
        let mut hash = Sha256::new();
        let mut field = |bytes: &[u8]| {
            // Length-prefixed, so that two fields can never run into each other.
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        field(env!("CARGO_PKG_VERSION").as_bytes());
        field(compiler_version(workspace).as_bytes());
        for (path, text) in embedded::HARNESS {
            field(path.as_bytes());
            field(text.as_bytes());
        }
        for (path, text) in embedded::hidden_files(exercise.stem()) {
            field(path.as_bytes());
            field(text.as_bytes());
        }
        field(
            format!(
                "{}|{}|{}|{}",
                exercise.id,
                exercise.path,
                exercise.points,
                exercise.timeout.as_millis()
            )
            .as_bytes(),
        );
        field(graded);
        let key: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        CacheEntry {
            path: workspace.dir.join("results").join(format!("{key}.json")),
        }
    }

    /// The remembered verdict, if there is one.
    pub fn load(&self) -> Option<ExerciseResult> {
        let bytes = std::fs::read(&self.path).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Remembers a verdict that does not depend on the machine's load. A cache that cannot be
    /// written only costs time, so failures are ignored.
    pub fn store(&self, result: &ExerciseResult) {
        if matches!(result.status, Status::TimedOut | Status::Crashed) {
            return;
        }
        if let Ok(json) = serde_json::to_vec(result) {
            let _ = write_atomically(&self.path, &json);
        }
    }
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
