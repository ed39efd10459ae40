//! The text of the learner's commands around `check`: `list`, `next`, `hint`, `solution`,
//! `reset` and `lsp`.

use std::fmt::Write as _;

use super::check::section_heading;
use super::{DIM, YELLOW, cross, indent, paint, tick};
use crate::cli::GRADER;
use crate::course::{Course, Exercise};
use crate::progress::Standing;

/// The text of `grader list`.
pub fn list(course: &Course, standings: &[(&Exercise, Standing)]) -> String {
    let mut out = String::new();
    let done = standings
        .iter()
        .filter(|(_, s)| *s == Standing::Done)
        .count();
    // The estimates of what is not done yet, when the course gives any.
    let left: u32 = standings
        .iter()
        .filter(|(_, s)| *s != Standing::Done)
        .filter_map(|(e, _)| e.minutes)
        .sum();
    let left = if left > 0 {
        format!(" (about {} of work left)", hours_and_minutes(left))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{}: {done} of {} exercises done{left}",
        course.title,
        standings.len()
    );
    let mut section = "";
    for (exercise, standing) in standings {
        if exercise.section != section {
            section = &exercise.section;
            let _ = write!(out, "\n{}", section_heading(course, section));
            if let Some(info) = course.sections.iter().find(|s| s.id == section) {
                match (info.release, info.due) {
                    (Some(release), _) if release.0 > crate::course::now() => {
                        let _ = writeln!(out, "   opens {}", release.display());
                    }
                    (_, Some(due)) => {
                        let _ = writeln!(out, "   due {}", due.display());
                    }
                    _ => {}
                }
            }
        }
        let (mark, word) = match standing {
            Standing::Done => (tick(), "done".to_owned()),
            Standing::Changed => (
                paint(YELLOW, "~"),
                "changed since it passed; check it again".to_owned(),
            ),
            Standing::NotPassed(status) => (cross(), status.label().to_owned()),
            Standing::NotChecked => (paint(DIM, "·"), "not checked yet".to_owned()),
        };
        let _ = writeln!(
            out,
            "{mark} {:<32} {:<44} {:>7}  {word}",
            exercise.id,
            exercise.path,
            about_minutes(exercise)
        );
    }
    out
}

/// An exercise's estimate for `list`: `~25 min`, or nothing when the course gives none.
fn about_minutes(exercise: &Exercise) -> String {
    exercise
        .minutes
        .map(|minutes| format!("~{minutes} min"))
        .unwrap_or_default()
}

/// `95` as `1 h 35 min`, `40` as `40 min`.
fn hours_and_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The text of `grader next`.
pub fn next(course: &Course, next: Option<(&Exercise, Standing)>) -> String {
    match next {
        None => format!("Every exercise of {} is done. Well done!\n", course.title),
        Some((exercise, standing)) => {
            let state = match standing {
                Standing::NotChecked => "not checked yet".to_owned(),
                Standing::Changed => "changed since it last passed".to_owned(),
                Standing::NotPassed(status) => format!("last check: {}", status.label()),
                Standing::Done => "done".to_owned(),
            };
            let state = match exercise.minutes {
                Some(minutes) => format!("{state}; about {minutes} minutes"),
                None => state,
            };
            format!(
                "Next exercise: {} ({state})\n  Edit {}: the comments at its top say what to \
                 build.\n  Check it:  {GRADER} check {}\n  Stuck?     {GRADER} hint {}\n",
                exercise.id, exercise.path, exercise.id, exercise.id
            )
        }
    }
}

/// The text of `grader hint`.
pub fn hint(exercise: &Exercise) -> String {
    format!(
        "Hint for {} ({}):\n{}\n",
        exercise.id,
        exercise.path,
        indent(&exercise.hint, "  ")
    )
}

/// Said when the learner asks for a solution they have not earned yet.
pub fn solution_locked(exercise: &Exercise) -> String {
    format!(
        "The solution of {} is shown once your file passes: `{GRADER} check {}`. Stuck? `{GRADER} \
         hint {}`.\n",
        exercise.id, exercise.id, exercise.id
    )
}

/// The reference solution, to compare with.
pub fn solution(exercise: &Exercise, text: &str) -> String {
    format!(
        "Reference solution of {} (yours passes too; there is more than one right way):\n\n{text}",
        exercise.id
    )
}

/// Asks before `reset` replaces a file.
pub fn reset_question(exercise: &Exercise) -> String {
    format!(
        "Replace {} with its stub? Your file is kept as {}.orig. [y/N] ",
        exercise.path, exercise.path
    )
}

/// Said when the learner answers no.
pub fn reset_cancelled() -> String {
    "Nothing was changed.\n".to_owned()
}

/// Said after `reset`.
pub fn reset_done(exercise: &Exercise) -> String {
    format!(
        "{} is the stub again. Check it: `{GRADER} check {}`\n",
        exercise.path, exercise.id
    )
}

/// Said after `grader lsp` wrote rust-project.json.
pub fn lsp_written(file: &str) -> String {
    format!(
        "Wrote {file}: rust-analyzer now sees every exercise file (and the lessons) \
         in an editor opened at the repository root; reload its workspace if it is open.\n\
         {file} is ignored by git and by cargo. Delete it to work on the grader's own code.\n"
    )
}
