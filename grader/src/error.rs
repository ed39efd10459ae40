//! The grader's errors and the exit status each one maps to.
//!
//! Messages are lowercase fragments that read well after "failed to …" or on their own after
//! "error: ".

use std::path::PathBuf;

/// Exit status: everything named passed.
pub const EXIT_PASSED: i32 = 0;
/// Exit status: something graded did not pass (or `verify` found a problem in the course).
pub const EXIT_NOT_PASSED: i32 = 1;
/// Exit status: the command line or course.yaml is wrong; nothing was graded.
pub const EXIT_USAGE: i32 = 2;
/// Exit status: the grader could not do its job (cargo missing, a file it owns unwritable).
pub const EXIT_ENVIRONMENT: i32 = 3;

/// Everything that stops the grader from grading.
#[derive(Debug, thiserror::Error)]
pub enum GraderError {
    /// course.yaml is missing, malformed or inconsistent with the files beside it.
    #[error("{0}")]
    Course(#[from] CourseError),

    /// The command line names something the course does not have.
    #[error("{0}")]
    Usage(String),

    /// The command line names neither a section nor an exercise of the course.
    #[error(
        "course.yaml has no section or exercise `{target}`; sections are: {sections} (an \
         exercise is named section/exercise, as `{grader} list` shows)",
        grader = crate::cli::GRADER
    )]
    NoSuchTarget {
        /// What was named.
        target: String,
        /// The course's sections, comma-separated.
        sections: String,
    },

    /// The command line names a section that has no exercises yet.
    #[error("section `{0}` has no exercises yet")]
    EmptySection(String),

    /// The command line names no exercise of the course.
    #[error(
        "course.yaml has no exercise `{0}`; `{grader} list` shows every exercise id",
        grader = crate::cli::GRADER
    )]
    NoSuchExercise(String),

    /// An operating-system or tool failure that is not the learner's or the author's doing.
    #[error("{context}: {source}")]
    Io {
        /// What the grader was doing.
        context: String,
        /// What went wrong.
        source: std::io::Error,
    },

    /// cargo itself failed (not the learner's code: that is a compile error, a verdict).
    #[error("{0}")]
    Build(String),
}

impl GraderError {
    /// The documented exit status for this error.
    pub fn exit_status(&self) -> i32 {
        match self {
            GraderError::Course(_)
            | GraderError::Usage(_)
            | GraderError::NoSuchTarget { .. }
            | GraderError::EmptySection(_)
            | GraderError::NoSuchExercise(_) => EXIT_USAGE,
            GraderError::Io { .. } | GraderError::Build(_) => EXIT_ENVIRONMENT,
        }
    }

    /// Wraps an I/O error with what the grader was doing.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        GraderError::Io {
            context: context.into(),
            source,
        }
    }
}

/// A problem with course.yaml, located as precisely as the grader can.
#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    /// No course.yaml in this folder or any above it.
    #[error(
        "no course.yaml found in {} or any folder above it; run the grader inside the \
         threadlings repository, or pass --course PATH",
        .searched_from.display()
    )]
    NotFound {
        /// Where the search started.
        searched_from: PathBuf,
    },

    /// course.yaml could not be read.
    #[error("cannot read {}: {source}", .path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },

    /// A problem at a known place in the file.
    #[error("{}{}: {message}", .path.display(), .line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The 1-based line, when the grader could tell.
        line: Option<usize>,
        /// What is wrong, and where useful, how to fix it.
        message: String,
    },
}

/// The grader's own result type.
pub type Result<T, E = GraderError> = std::result::Result<T, E>;
