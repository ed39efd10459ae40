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

/// `reset` without `--yes` where there is no terminal to ask in.
pub fn reset_needs_a_terminal(exercise: &Exercise) -> String {
    format!(
        "reset asks before it replaces {} with its stub, and there is no terminal to ask in, so \
         nothing was changed; pass --yes to reset without asking",
        exercise.path
    )
}

/// `reset` cannot find the stub at `path`: `grader/stubs.sha256` does not list it.
pub fn stub_not_listed(path: &str) -> String {
    stub_not_found(
        path,
        "grader/stubs.sha256 does not list it (an author's `grader verify` says how to fix that)",
    )
}

/// `reset` cannot find the stub at `path`: there is no git history to find it in.
pub fn stub_without_history(path: &str) -> String {
    stub_not_found(
        path,
        "reset needs the course's git history, and git found none here",
    )
}

/// `reset` cannot find the stub at `path`: no commit holds the version the course ships.
pub fn stub_not_in_history(path: &str) -> String {
    stub_not_found(path, "no commit in this repository's history holds it")
}

fn stub_not_found(path: &str, why: &str) -> String {
    format!("cannot find the stub of {path} as the course ships it: {why}")
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

/// `rustc -vV`, which `grader lsp` asks for the host, did not name it.
pub fn lsp_no_host() -> String {
    "`rustc -vV` does not name the host".to_owned()
}

/// `cargo metadata`, which `grader lsp` reads the libraries from, printed no JSON.
pub fn lsp_metadata_not_json(error: &serde_json::Error) -> String {
    format!("`cargo metadata` printed no JSON: {error}")
}
