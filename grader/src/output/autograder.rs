//! The text of grading for an autograder: `grader import`, the submission's metadata and time,
//! and the notes in results files written while grading goes on.

use std::fmt::Write as _;

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
