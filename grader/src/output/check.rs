//! The text of `grader check` (and of the watch loop's verdicts): each exercise's report with
//! every failure explained, section headings, the closing summary, `--replay`'s messages, and
//! what the progress bar says while grading.

use std::fmt::Write as _;

use super::{BOLD, DIM, GREEN, RED, cross, indent, mark, paint, plural, tick};
use crate::cli::GRADER;
use crate::course::{Course, Exercise};
use crate::failure_kind;
use crate::verdict::News;
use crate::verdict::{CheckKind, CheckResult, ExerciseResult, FailureKind, NotReleased, Status};

/// The most lines of a test's captured output shown under a failure.
const SHOWN_OUTPUT_LINES: usize = 20;

/// What introduces a failed check's captured output, here and in Gradescope's results.
pub const YOUR_CODE_PRINTED: &str = "Your code printed:";

/// The heading printed before the first exercise of a section.
pub fn section_heading(course: &Course, section: &str) -> String {
    let title = course
        .sections
        .iter()
        .find(|s| s.id == section)
        .map(|s| s.title.as_str())
        .unwrap_or_default();
    format!("{}\n", paint(BOLD, &format!("── {section}: {title}")))
}

/// The lines closing `grader check`: totals and what to do next.
pub fn check_summary(course: &Course, results: &[ExerciseResult]) -> String {
    let passed = results.iter().filter(|r| r.passed()).count();
    let points: u32 = results.iter().map(|r| r.points).sum();
    let max_points: u32 = results.iter().map(|r| r.max_points).sum();
    let totals = format!(
        "{passed} of {} {} passed, {points} of {max_points} points.",
        results.len(),
        plural(results.len(), "exercise", "exercises"),
    );
    format!(
        "\n{}\n{}",
        paint(BOLD, &totals),
        next_step_after_check(course, results)
    )
}

/// What a learner calls a kind of check.
fn check_kind_label(kind: CheckKind) -> &'static str {
    match kind {
        CheckKind::Test => "test",
        CheckKind::Model => "model test",
        CheckKind::CompileFail => "check",
    }
}

/// The notes of an exercise's verdict, each once.
fn notes(out: &mut String, result: &ExerciseResult) {
    for note in &result.notes {
        let _ = writeln!(
            out,
            "  {} {}",
            paint(DIM, "note:"),
            indent(note, "        ").trim_start()
        );
    }
}

/// One exercise's verdict, with every failure explained.
pub fn exercise_report(result: &ExerciseResult) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}: {} ({}/{} points)",
        mark(result.status),
        paint(BOLD, &result.id),
        paint(
            if result.passed() { GREEN } else { RED },
            result.status.label()
        ),
        result.points,
        result.max_points
    );
    notes(&mut out, result);
    if result.passed() {
        return out;
    }
    let _ = writeln!(out, "  file: {}", result.path);
    if let Some(compiler) = &result.compiler_output {
        let _ = writeln!(
            out,
            "  The file could not be compiled, so no test could run:"
        );
        let _ = writeln!(out, "{}", indent(compiler, "    "));
        return out;
    }
    let passed: Vec<&CheckResult> = result
        .tests
        .iter()
        .filter(|t| t.status == Status::Passed)
        .collect();
    if !passed.is_empty() {
        let _ = writeln!(
            out,
            "  {} {} of {} checks passed",
            tick(),
            passed.len(),
            result.tests.len()
        );
    }
    // Failures that share a message (a stub's `todo!()`, most often) are shown once.
    let mut groups: Vec<(String, Vec<&CheckResult>)> = Vec::new();
    for check in result.tests.iter().filter(|t| t.status != Status::Passed) {
        let message = check.message.clone().unwrap_or_default();
        match groups.iter_mut().find(|(m, _)| *m == message) {
            Some((_, checks)) => checks.push(check),
            None => groups.push((message, vec![check])),
        }
    }
    for (message, checks) in groups {
        for check in &checks {
            let kind = check_kind_label(check.kind);
            let status = if check.status == Status::Failed {
                String::new()
            } else if check.status == Status::TimedOut
                && check.failure_kind == Some(FailureKind::Deadlock)
            {
                // A hang whose threads all waited for one another: "timed out" would suggest
                // that more time might have helped.
                " (deadlocked)".to_owned()
            } else {
                format!(" ({})", check.status.label())
            };
            let _ = writeln!(out, "  {} {kind} `{}`{status}", cross(), check.name);
        }
        if !message.is_empty() {
            if checks.len() > 1 {
                // Without this line, the checks above the last would look as if they had no
                // message of their own.
                let _ = writeln!(
                    out,
                    "      each of these {} failed the same way:",
                    checks.len()
                );
            }
            let _ = writeln!(out, "{}", indent(&message, "      "));
            // A replay shows how threads interleaved to a failure; one that reached the stub's
            // `todo!()` has nothing to show.
            let interleaving = |check: &&CheckResult| {
                check.kind == CheckKind::Model
                    && failure_kind::of_check(check, None) != Some(FailureKind::Unfinished)
            };
            if checks.iter().any(interleaving) {
                let _ = writeln!(
                    out,
                    "      See it again, step by step: {GRADER} check {} --replay",
                    result.id
                );
            }
        }
        let output = &checks[0].output;
        if !output.is_empty() {
            let lines: Vec<&str> = output.lines().collect();
            let _ = writeln!(out, "      {YOUR_CODE_PRINTED}");
            for line in lines.iter().take(SHOWN_OUTPUT_LINES) {
                let _ = writeln!(out, "        {} {line}", paint(DIM, "|"));
            }
            if lines.len() > SHOWN_OUTPUT_LINES {
                let _ = writeln!(
                    out,
                    "        | … {} more lines",
                    lines.len() - SHOWN_OUTPUT_LINES
                );
            }
        }
    }
    out
}

fn next_step_after_check(course: &Course, results: &[ExerciseResult]) -> String {
    if let Some(failed) = results.iter().find(|r| !r.passed()) {
        return format!(
            "Next: fix {}, then run `{GRADER} check {}`. Stuck? `{GRADER} hint {}`.\n",
            failed.path, failed.id, failed.id
        );
    }
    // Everything checked passed: point at the first exercise after the last one checked.
    let last = results.last().map(|r| r.id.as_str());
    let after = course
        .exercises()
        .skip_while(|e| Some(e.id.as_str()) != last)
        .nth(1);
    match after {
        Some(next) => format!(
            "{} Next: {} (`{GRADER} check {}`).\n",
            paint(GREEN, "Well done!"),
            next.path,
            next.id
        ),
        None => format!(
            "{} That was the last exercise of the course.\n",
            paint(GREEN, "Well done!")
        ),
    }
}

/// `check --replay` was given a section.
pub fn replay_needs_one_exercise(target: &str) -> String {
    format!(
        "`--replay` runs one exercise's failing interleavings again: name the exercise, as in \
         `{GRADER} check {target}/EXERCISE --replay`"
    )
}

/// `check --replay` found no failing interleaving kept for the exercise.
pub fn nothing_to_replay(exercise: &Exercise) -> String {
    format!(
        "No failing interleaving of {} is kept: none of its model tests has failed since the \
         file last changed. `{GRADER} check {}` runs them.\n",
        exercise.id, exercise.id
    )
}

/// `check --replay` found interleavings kept for another version of the file.
pub fn replay_file_changed(exercise: &Exercise) -> String {
    format!(
        "{} has changed since its model tests failed, and the interleaving they found belongs \
         to the old file. `{GRADER} check {}` looks for a failing interleaving of this one.\n",
        exercise.path, exercise.id
    )
}

/// Says that a section is not open yet.
pub fn not_released(course: &Course, section: &NotReleased) -> String {
    let title = course
        .sections
        .iter()
        .find(|s| s.id == section.section)
        .map(|s| s.title.as_str())
        .unwrap_or_default();
    format!(
        "── {}: {title} opens on {}; nothing in it is graded before then.",
        section.section, section.opens
    )
}

/// What the progress bar says while cargo builds the exercises.
pub fn progress_building(count: usize) -> String {
    format!(
        "building {count} {}…",
        plural(count, "exercise", "exercises")
    )
}

/// What the progress bar says while one exercise's tests run.
pub fn progress_grading(id: &str) -> String {
    format!("grading {id}…")
}

/// What grading knows of an exercise before its verdict, on the progress line.
pub fn progress_news(id: &str, news: &News) -> String {
    match news {
        News::NoErrorInTheFile => format!("{id}: no error in your file; building the tests…"),
        News::FirstFailure(check) => format!(
            "{id}: ✗ {} `{}` failed; the other checks go on…",
            check_kind_label(check.kind),
            check.name
        ),
    }
}
