//! What grading found: the verdict of each check and each exercise, as printed and as JSON.

use serde::{Deserialize, Serialize};

/// How one check, or a whole exercise, ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Everything it asked of the learner's code held.
    Passed,
    /// It was not run: the time it could have had was spent (the check's budget, or the
    /// exercise's own limit) before its turn. Ranked above a pass and below everything else, so
    /// that what was observed of an exercise outranks what was not.
    NotRun,
    /// It ran to a verdict, and the verdict was no.
    Failed,
    /// It did not finish within its deadline and was stopped.
    TimedOut,
    /// The test process died: a signal, an abort, a stack overflow.
    Crashed,
    /// The learner's file does not compile, so nothing could run.
    CompileError,
}

impl Status {
    /// The word the human output uses.
    pub fn label(self) -> &'static str {
        match self {
            Status::Passed => "passed",
            Status::NotRun => "not run",
            Status::Failed => "failed",
            Status::TimedOut => "timed out",
            Status::Crashed => "crashed",
            Status::CompileError => "does not compile",
        }
    }
}

/// What kind of check a result comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// A hidden test run against the learner's code: a stress test, which makes the
    /// interleavings a bug needs likely or certain on the machine that grades.
    Test,
    /// A model test: a small scenario whose every interleaving the model checker explores.
    Model,
    /// A misuse that must not compile (with its control, which must).
    CompileFail,
}

/// The kind of mistake a failure shows. Serialised in snake_case (`lost_wake_up`), the name
/// reports and `grader class` use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// The file does not compile (or not against the exercise's API).
    CompileError,
    /// Threads waiting for each other's locks, or a lock taken twice.
    Deadlock,
    /// A wait that no notify ends: the change or the notify came before the wait began.
    LostWakeUp,
    /// A read-modify-write that was not one step: updates were lost.
    LostUpdate,
    /// Data handed between threads without a happens-before edge (`Relaxed` where
    /// `Release`/`Acquire` was needed).
    DataRace,
    /// A thread that waits by spinning or yielding instead of sleeping.
    Spinning,
    /// A misuse the compiler should have refused compiled: a type `Send` or `Sync` when what it
    /// holds is not.
    UnsoundApi,
    /// The process died: an abort, a signal, a stack overflow, too many threads or too much
    /// memory.
    Crash,
    /// The learner's code panicked.
    Panic,
    /// A test did not finish in time, and what its threads were doing says no more.
    Timeout,
    /// Any other wrong answer.
    WrongResult,
    /// The stub's `todo!()` was reached: the exercise is not written yet.
    Unfinished,
}

impl FailureKind {
    /// The words people read, as in a Gradescope tag.
    pub fn label(self) -> &'static str {
        match self {
            FailureKind::CompileError => "compile error",
            FailureKind::Deadlock => "deadlock",
            FailureKind::LostWakeUp => "lost wake-up",
            FailureKind::LostUpdate => "lost update",
            FailureKind::DataRace => "data race",
            FailureKind::Spinning => "spinning",
            FailureKind::UnsoundApi => "unsound API",
            FailureKind::Crash => "crash",
            FailureKind::Panic => "panic",
            FailureKind::Timeout => "timeout",
            FailureKind::WrongResult => "wrong result",
            FailureKind::Unfinished => "unfinished",
        }
    }
}

/// The verdict of one hidden test or compile-fail check.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckResult {
    /// The test's or case's name.
    pub name: String,
    /// Which kind of check.
    pub kind: CheckKind,
    /// How it ended.
    pub status: Status,
    /// For anything but a pass: what was observed and what was expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// What the learner's code printed, capped.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub output: String,
    /// How long it took, in milliseconds.
    pub duration_ms: u64,
    /// For a check that did not pass: the kind of mistake it shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_kind: Option<FailureKind>,
}

/// The verdict of one exercise.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExerciseResult {
    /// `section/exercise`.
    pub id: String,
    /// The learner's file.
    pub path: String,
    /// How it ended overall: passed only when every check passed.
    pub status: Status,
    /// Points earned: all or nothing.
    pub points: u32,
    /// Points available.
    pub max_points: u32,
    /// For a compile error: the compiler's messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compiler_output: Option<String>,
    /// Every check, in order: model tests first, then the other hidden tests, then
    /// compile-fail checks.
    pub tests: Vec<CheckResult>,
    /// What the learner should know about how the file was judged, whatever the verdict (a
    /// check that could not run here, and what judged the file instead), each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// How long grading it took, in milliseconds.
    pub duration_ms: u64,
    /// For an exercise that did not pass: the most telling kind of mistake its checks show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_kind: Option<FailureKind>,
    /// SHA-256 of the graded file, so that the same content can be graded again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_sha256: Option<String>,
    /// Whether the verdict came from the cache: nothing it depends on changed since it was
    /// graded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cached: bool,
}

impl ExerciseResult {
    /// Builds the result of an exercise whose checks all ran.
    pub fn from_checks(
        id: String,
        path: String,
        max_points: u32,
        tests: Vec<CheckResult>,
        duration_ms: u64,
    ) -> Self {
        // The worst status wins: a crash says more than a failure, a timeout more than a wrong
        // value.
        let status = tests
            .iter()
            .map(|t| t.status)
            .max()
            .unwrap_or(Status::Passed);
        Self {
            id,
            path,
            status,
            points: if status == Status::Passed {
                max_points
            } else {
                0
            },
            max_points,
            compiler_output: None,
            failure_kind: most_telling(&tests),
            tests,
            notes: Vec::new(),
            duration_ms,
            file_sha256: None,
            cached: false,
        }
    }

    /// The result of an exercise none of whose checks ran, with the note saying why.
    pub fn not_run(id: String, path: String, max_points: u32, note: String) -> Self {
        Self {
            notes: vec![note],
            ..Self::from_checks(id, path, max_points, Vec::new(), 0)
        }
        .with_status(Status::NotRun)
    }

    fn with_status(mut self, status: Status) -> Self {
        self.status = status;
        self.points = 0;
        self
    }

    /// Whether the exercise passed.
    pub fn passed(&self) -> bool {
        self.status == Status::Passed
    }
}

/// The kind an exercise's failure shows: the most telling of its checks' (a deadlock says more
/// than the timeouts it caused; an unfinished stub is told only when nothing else is). Each
/// check's own kind is read by `failure_kind`, which grading calls before the exercise's result
/// is put together.
fn most_telling(checks: &[CheckResult]) -> Option<FailureKind> {
    checks.iter().filter_map(|check| check.failure_kind).min()
}

/// The JSON document `check --format json` prints.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The course's title.
    pub course: &'a str,
    /// Every exercise graded, in course order.
    pub exercises: &'a [ExerciseResult],
    /// Points earned over all exercises graded.
    pub points: u32,
    /// Points available over all exercises graded.
    pub max_points: u32,
    /// Sections named but not open yet, and when they open.
    #[serde(skip_serializing_if = "<[NotReleased]>::is_empty")]
    pub not_released: &'a [NotReleased],
}

/// A section that was named but is not open yet.
#[derive(Debug, Serialize)]
pub struct NotReleased {
    /// The section id.
    pub section: String,
    /// When it opens (RFC 3339).
    pub opens: String,
}

/// What grading learns about a learner's file before its verdict, told as soon as it is known
/// so that the learner reads it while the longer tests go on.
pub enum News<'a> {
    /// The file has no compile error of its own (type-checked alone): the hidden tests are
    /// being built against it.
    NoErrorInTheFile,
    /// A check did not pass; the exercise's other checks go on.
    FirstFailure(&'a CheckResult),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, status: Status, kind: Option<FailureKind>) -> CheckResult {
        CheckResult {
            name: name.to_owned(),
            kind: CheckKind::Test,
            status,
            message: None,
            output: String::new(),
            duration_ms: 0,
            failure_kind: kind,
        }
    }

    #[test]
    fn an_exercise_shows_its_most_telling_kind() {
        let checks = vec![
            check("a", Status::Failed, Some(FailureKind::Unfinished)),
            check("b", Status::TimedOut, Some(FailureKind::Deadlock)),
            check("c", Status::Passed, None),
        ];
        assert_eq!(most_telling(&checks), Some(FailureKind::Deadlock));
        assert_eq!(most_telling(&checks[2..]), None);
    }
}
