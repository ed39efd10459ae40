//! The text of grading for an autograder: `grader import`, the submission's metadata and time,
//! the notes in results files written while grading goes on, and the sentences Gradescope's and
//! PrairieLearn's results share (each format adds its own markup around them).

use std::fmt::Write as _;

use crate::verdict::Status;

/// The line of results saying that a submission came after some sections' due dates.
pub fn submitted_late(at: &str, sections: &[String]) -> String {
    format!(
        "Submitted at {at}, after the due date of {}.",
        sections
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Says that the platform's submission metadata could not be used, and what is used instead.
pub fn unreadable_metadata(path: &std::path::Path, problem: &str) -> String {
    format!(
        "note: {} gives no submission time ({problem}); releases and due dates are judged \
         against the time of grading\n",
        path.display()
    )
}

/// Why the submission's metadata gives no time: it has no `created_at`.
pub fn metadata_without_time() -> String {
    "no `created_at`".to_owned()
}

/// Why the submission's metadata gives no time: its `created_at`, `text`, is not one.
pub fn metadata_time_unreadable(text: &str) -> String {
    format!("`created_at` is not a time: {text}")
}

/// The note of an exercise not graded yet, in results written while grading goes on: if the
/// platform stops the grader, this is what remains.
pub fn not_graded_yet() -> String {
    "Not graded: grading stopped before this exercise's turn.".to_owned()
}

/// What `grader import` took from a submission.
pub fn imported(imported: &[(String, String)], missing: &[String]) -> String {
    let mut out = String::new();
    for (exercise, from) in imported {
        let _ = writeln!(out, "imported {exercise} from {from}");
    }
    for exercise in missing {
        let _ = writeln!(out, "not submitted: {exercise} (its stub is graded)");
    }
    out
}

/// An exercise's line in an autograder's results when all its `count` hidden checks passed.
pub fn all_hidden_checks_passed(count: usize) -> String {
    format!("Passed all {count} hidden checks.")
}

/// An exercise's line in an autograder's results when some of its hidden checks did not pass.
pub fn hidden_checks_passed(passed: usize, count: usize, status: Status) -> String {
    format!(
        "{passed} of {count} hidden checks passed ({}).",
        status.label()
    )
}

/// An exercise whose file, `path`, does not compile, in an autograder's results; each format
/// ends the sentence its own way (before the compiler's output, or with a full stop).
pub fn no_check_could_run(path: &str) -> String {
    format!("{path} does not compile, so no check could run")
}

/// The top line of an autograder's results: exercises passed and points earned.
pub fn exercises_passed(passed: usize, count: usize, points: u32, max_points: u32) -> String {
    format!("{passed} of {count} exercises passed: {points} of {max_points} points.")
}

/// The results of a submission the grader could not grade: why, and what to do.
pub fn could_not_grade(problem: &str) -> String {
    format!(
        "The grader could not grade this submission: {problem}\nNo points were given; please \
         tell your instructor."
    )
}
