//! The learner's progress: what the grader last saw of each exercise, kept in
//! `.threadlings/progress.json` beside course.yaml (ignored by git, written atomically).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::course::{Course, Exercise};
use crate::error::{GraderError, Result};
use crate::files::{lock_exclusively, write_atomically};
use crate::verdict::{ExerciseResult, FailureKind, Status};

/// The progress file as stored.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Progress {
    /// The version of this format.
    pub format_version: u32,
    /// By exercise id.
    pub exercises: BTreeMap<String, Record>,
}

/// What the grader last saw of one exercise.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// The last verdict.
    pub status: Status,
    /// When it was last graded (RFC 3339).
    pub checked_at: String,
    /// When it first passed (RFC 3339), if it ever has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_passed_at: Option<String>,
    /// SHA-256 of the file that was last graded.
    pub sha256: String,
    /// For a last verdict that was not a pass: the kind of mistake it showed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_kind: Option<FailureKind>,
}

/// Where an exercise stands, from the progress file and the file as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Passed, and the file has not changed since.
    Done,
    /// Passed once, but the file has changed since it was last graded.
    Changed,
    /// Last graded with this verdict, which was not a pass.
    NotPassed(Status),
    /// Never graded.
    NotChecked,
}

fn progress_dir(course: &Course) -> PathBuf {
    course.root.join(".threadlings")
}

/// SHA-256 of some bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Progress {
    /// Reads the progress file; a missing or unreadable one is an empty history, never an
    /// error that stops grading.
    pub fn load(course: &Course) -> Progress {
        std::fs::read(progress_dir(course).join("progress.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Where `exercise` stands now.
    pub fn standing(&self, course: &Course, exercise: &Exercise) -> Standing {
        let Some(record) = self.exercises.get(&exercise.id) else {
            return Standing::NotChecked;
        };
        let current = std::fs::read(exercise.exercise_file(&course.root))
            .map(|bytes| sha256_hex(&bytes))
            .unwrap_or_default();
        match record.status {
            Status::Passed if current == record.sha256 => Standing::Done,
            Status::Passed => Standing::Changed,
            _ if record.first_passed_at.is_some() && current != record.sha256 => Standing::Changed,
            status => Standing::NotPassed(status),
        }
    }

    /// Records the results of a check, merging with what another grader may have written
    /// meanwhile.
    pub fn record(course: &Course, graded: &[(ExerciseResult, String)]) -> Result<()> {
        let dir = progress_dir(course);
        std::fs::create_dir_all(&dir)
            .map_err(|e| GraderError::io(format!("create {}", dir.display()), e))?;
        let _lock = lock_exclusively(&dir.join("lock"))?;
        let mut progress = Progress::load(course);
        progress.format_version = 1;
        let now = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
        // A first pass dates from the submission, when an autograder says when that was: a
        // regrade next week does not make an on-time pass late.
        let passed_at = crate::course::submitted_at()
            .map(|at| humantime::format_rfc3339_seconds(at).to_string())
            .unwrap_or_else(|| now.clone());
        for (result, sha256) in graded {
            let previous = progress.exercises.get(&result.id);
            let first_passed_at = previous
                .and_then(|r| r.first_passed_at.clone())
                .or_else(|| result.passed().then(|| passed_at.clone()));
            progress.exercises.insert(
                result.id.clone(),
                Record {
                    status: result.status,
                    checked_at: now.clone(),
                    first_passed_at,
                    sha256: sha256.clone(),
                    failure_kind: result.failure_kind,
                },
            );
        }
        let json = serde_json::to_vec_pretty(&progress).expect("progress serialises");
        let file = dir.join("progress.json");
        write_atomically(&file, &json)
            .map_err(|e| GraderError::io(format!("write {}", file.display()), e))
    }
}
