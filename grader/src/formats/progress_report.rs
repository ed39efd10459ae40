//! A learner's progress report: what `grader report` writes and `grader class` reads.
//!
//! Keyed by course.yaml ids, and stamped with a hash of course.yaml so that reports made from
//! different versions of the course are never added up into one table.

use serde::{Deserialize, Serialize};

use crate::verdict::FailureKind;

/// The version of this format.
pub const REPORT_FORMAT: u32 = 1;

/// One learner's progress.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressReport {
    /// Always [`REPORT_FORMAT`].
    pub format_version: u32,
    /// The course the report is about.
    pub course: CourseStamp,
    /// Who the report is about.
    pub learner: String,
    /// When it was made (RFC 3339).
    pub generated_at: String,
    /// Every exercise of the course, in order.
    pub exercises: Vec<ExerciseProgress>,
}

/// Which course, and which version of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseStamp {
    /// Its title.
    pub title: String,
    /// SHA-256 of course.yaml.
    pub sha256: String,
}

/// One exercise of one learner.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseProgress {
    /// `section/exercise`.
    pub id: String,
    /// `passed`, `failed`, `compile_error`, `timed_out`, `crashed`, `changed` (passed once, edited
    /// since) or `not_checked`.
    pub status: String,
    /// Points earned.
    pub points: u32,
    /// Points available.
    pub max_points: u32,
    /// When it first passed (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_passed_at: Option<String>,
    /// Whether it first passed by the section's due date; absent when it has not passed or the
    /// section has no due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_time: Option<bool>,
    /// SHA-256 of the file as last graded, so that the same content can be graded again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// For an exercise whose last verdict was not a pass: the kind of mistake it showed
    /// (`deadlock`, `lost_update`, `lost_wake_up`, `spinning`, `crash`, `timeout`,
    /// `compile_error`, `wrong_result`…; see `FailureKind`). Absent from reports made before it
    /// existed, which still load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_kind: Option<FailureKind>,
}
