//! What is wrong with course.yaml, in the words its author reads after `course.yaml:LINE: `.
//!
//! `course` turns each [`Problem`] into text through the `Display` written here, so that it
//! never imports `output`, which is built on the course model.

use std::fmt;

use crate::course::Problem;

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::FormatVersion { found, read } => write!(
                f,
                "format_version is {found}, but this grader reads format_version {read}"
            ),
            Problem::Budget {
                seconds,
                least,
                most,
            } => write!(
                f,
                "budget is {seconds} seconds; it must be between {least} and {most} (the time \
                 one check of the whole course may take)"
            ),
            Problem::NoDefaultTimeout => write!(f, "defaults.timeout must be at least 1 second"),
            Problem::SectionId(id) => bad_id(f, "section", id),
            Problem::SectionTwice(id) => write!(f, "section id `{id}` is used twice"),
            Problem::NoLesson { lesson, section } => write!(
                f,
                "lesson folder {} of section `{section}` does not exist",
                lesson.display()
            ),
            Problem::DueBeforeRelease {
                section,
                due,
                release,
            } => write!(
                f,
                "section `{section}` is due ({}) before it opens ({})",
                due.display(),
                release.display()
            ),
            Problem::ExerciseId(id) => bad_id(f, "exercise", id),
            Problem::ExerciseTwice { exercise, section } => write!(
                f,
                "exercise id `{exercise}` is used twice in section `{section}`"
            ),
            Problem::Path(path) => write!(
                f,
                "path `{path}` must be a relative path under exercises/ ending in .rs, like \
                 exercises/03_locks/01_counter.rs"
            ),
            Problem::NoExerciseFile(path) => write!(
                f,
                "exercise file {path} does not exist (if you deleted it, `git checkout -- \
                 {path}` brings the stub back)"
            ),
            Problem::NoSolution { path, solution } => write!(
                f,
                "the solution of {path} does not exist: expected {solution}"
            ),
            Problem::NoHiddenTests { path, stem } => write!(
                f,
                "{path} has no hidden tests: expected grader/hidden/{stem}/tests.rs (rebuild the \
                 grader after adding them)"
            ),
            Problem::PathTwice(path) => write!(f, "{path} is the file of two exercises"),
            Problem::EmptyHint(exercise) => write!(f, "exercise `{exercise}` has an empty hint"),
            Problem::Minutes { exercise, value } => write!(
                f,
                "exercise `{exercise}` has minutes {}; it must be a positive whole number (about \
                 how many minutes a learner needs, like `minutes: 25`)",
                shown(value)
            ),
            Problem::Timeout {
                exercise,
                seconds,
                most,
            } => write!(
                f,
                "exercise `{exercise}` has timeout {seconds}; it must be between 1 and {most} \
                 seconds"
            ),
            Problem::OrphanSolution(relative) => write!(
                f,
                "solutions/{relative} is a solution without an exercise: no entry of course.yaml \
                 has path exercises/{relative}"
            ),
            Problem::NotADate(text) => write!(
                f,
                "`{text}` is not a date: write 2026-12-01 or 2026-12-01T09:00:00Z"
            ),
        }
    }
}

/// A section's or an exercise's id (`what`) with characters ids may not have.
fn bad_id(f: &mut fmt::Formatter<'_>, what: &str, id: &str) -> fmt::Result {
    write!(
        f,
        "{what} id `{id}` may hold only lowercase letters, digits and `_`"
    )
}

/// A YAML value as course.yaml would spell it, for a message.
fn shown(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(text) => format!("\"{text}\""),
        other => serde_yaml::to_string(other)
            .map(|text| format!("`{}`", text.trim_end()))
            .unwrap_or_else(|_| "that cannot be shown".to_owned()),
    }
}
