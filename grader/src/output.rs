//! Everything the grader prints for people, in one place, so that output stays consistent.
//!
//! Each function returns the text instead of printing it, so tests and the JSON path share the
//! same data and `main` decides where text goes.
//!
//! Text is coloured only when `main` turned colour on ([`set_colour`]): when standard output is a
//! terminal and `NO_COLOR` is not set ([`colour_wanted`]). Anywhere else (a pipe, a file, a test)
//! it is plain.

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anstyle::{AnsiColor, Style};

use crate::budget::Limit;
use crate::course::{Course, Exercise};
use crate::deadlock::{BlockedOn, Deadlock};
use crate::failure_kind::{self, FailureKind};
use crate::platform::Weakness;
use crate::progress::Standing;
use crate::verdict::{CheckKind, CheckResult, ExerciseResult, Status};

/// How the learner runs the grader; printed in every suggestion.
pub const GRADER: &str = "cargo run -p grader --";

/// The most lines of a test's captured output shown under a failure.
const SHOWN_OUTPUT_LINES: usize = 20;

/// Whether the text of this module is coloured; see [`set_colour`].
static COLOUR: AtomicBool = AtomicBool::new(false);

const GREEN: Style = AnsiColor::Green.on_default();
const RED: Style = AnsiColor::Red.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

/// Whether people reading standard output should get colour: only when it is a terminal, and
/// never when `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
pub fn colour_wanted(stdout_is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    stdout_is_terminal && no_color.is_none_or(OsStr::is_empty)
}

/// Turns colour on or off for all the text this module makes from now on.
pub fn set_colour(on: bool) {
    COLOUR.store(on, Ordering::Relaxed);
}

/// `text` in `style` when colour is on; `text` alone otherwise.
fn paint(style: Style, text: &str) -> String {
    if COLOUR.load(Ordering::Relaxed) {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

fn tick() -> String {
    paint(GREEN, "✓")
}

fn cross() -> String {
    paint(RED, "✗")
}

fn mark(status: Status) -> String {
    if status == Status::Passed {
        tick()
    } else {
        cross()
    }
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{by}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

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
        "{passed} of {} exercise{} passed, {points} of {max_points} points.",
        results.len(),
        if results.len() == 1 { "" } else { "s" },
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

/// The note for a file that compiles but not for the model checker: `reason` is the first
/// thing the compiler refused.
pub fn unmodelled(reason: &str) -> String {
    format!(
        "The model tests did not run: your file uses something the model checker cannot explore \
         (built for the checker, it failed with: {reason}). The stress tests alone judge it."
    )
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
                    "      See it again, step by step: cargo run -p grader -- check {} --replay",
                    result.id
                );
            }
        }
        let output = &checks[0].output;
        if !output.is_empty() {
            let lines: Vec<&str> = output.lines().collect();
            let _ = writeln!(out, "      Your code printed:");
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

/// A duration as people read it: `45 s`, `2.5 s`, `8 min`, `7 min 30 s`.
pub fn duration(time: Duration) -> String {
    let seconds = time.as_secs();
    if seconds >= 60 {
        let (minutes, seconds) = (seconds / 60, seconds % 60);
        if seconds == 0 {
            format!("{minutes} min")
        } else {
            format!("{minutes} min {seconds} s")
        }
    } else if time.subsec_millis() == 0 || seconds >= 10 {
        format!("{seconds} s")
    } else {
        format!("{:.1} s", time.as_secs_f64())
    }
}

/// A size in bytes as people read it: `640 MiB`, `4 GiB`.
pub fn bytes(size: u64) -> String {
    if size >= 1 << 30 && size.is_multiple_of(1 << 30) {
        format!("{} GiB", size >> 30)
    } else {
        format!("{} MiB", size >> 20)
    }
}

/// How much memory a test may use, and why not more when the container decided.
pub fn memory_allowance(allowance: crate::runner::MemoryAllowance) -> String {
    match allowance.container {
        Some(container) => format!(
            "a test may use at most {}: what this machine's {} leave once the grader has its \
             share",
            bytes(allowance.bytes),
            bytes(container)
        ),
        None => format!("a test may use at most {}", bytes(allowance.bytes)),
    }
}

/// A test stopped before its deadline because it deadlocked: which threads waited for what, and
/// what that usually means.
pub fn deadlocked(found: &Deadlock) -> String {
    let mut lines = vec![
        "deadlocked, and was stopped at once: every thread was asleep waiting for another, with \
         no timeout, so none of them could ever wake up:"
            .to_owned(),
    ];
    let locks = found
        .threads
        .iter()
        .filter_map(|t| match t.on {
            BlockedOn::Lock(number) => Some(number),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let what = |on: &BlockedOn| match on {
        BlockedOn::Lock(_) if locks == 1 => "waiting to lock a Mutex".to_owned(),
        BlockedOn::Lock(number) => format!("waiting to lock a Mutex (lock {number})"),
        BlockedOn::Join(name) => format!("waiting for {} to end (join)", thread_name(name)),
        BlockedOn::Parked => {
            "waiting for a message or a wake-up (a channel's recv, thread::park)".to_owned()
        }
        BlockedOn::Other => {
            "waiting on a condition variable or a lock (Condvar::wait, an RwLock, parking_lot)"
                .to_owned()
        }
    };
    // Many threads waiting alike are one line.
    let mut groups: Vec<(&str, String, usize)> = Vec::new();
    for thread in &found.threads {
        let doing = what(&thread.on);
        match groups
            .iter_mut()
            .find(|(name, group_doing, _)| *name == thread.name && *group_doing == doing)
        {
            Some(group) => group.2 += 1,
            None => groups.push((&thread.name, doing, 1)),
        }
    }
    for (name, doing, count) in groups {
        let who = match (name, count) {
            (name, 1) => thread_name(name),
            ("(unnamed)", n) => format!("{n} unnamed threads"),
            (name, n) => format!("{n} threads named '{name}'"),
        };
        lines.push(format!("  - {who}: {doing}"));
    }
    lines.push(
        match locks {
            0 => {
                "Each of them waits for something only another of them could do: a notify, a \
                  message, the end of a thread."
            }
            1 => {
                "The lock is held by a thread that is waiting too (or by the very thread that \
                  asks for it again: a Mutex cannot be taken twice), so it is never released."
            }
            _ => {
                "Each lock is held by a thread that is waiting too, so none is ever released: \
                  two threads that take the same two locks in opposite orders each end up \
                  holding the lock the other one wants. Take locks in one fixed order."
            }
        }
        .to_owned(),
    );
    lines.join("\n")
}

/// A thread as a sentence names it: `thread 'main'`, `an unnamed thread`.
fn thread_name(name: &str) -> String {
    match name {
        "(unnamed)" => "an unnamed thread".to_owned(),
        name => format!("thread '{name}'"),
    }
}

/// The first line of a timed-out test's message: how long it had, and why less than its
/// timeout when the check's time budget shortened it.
pub fn timed_out(allowed: Duration, timeout: Duration) -> String {
    if allowed < timeout {
        format!(
            "did not finish within {} and was stopped (its {} were shortened so that the whole \
             check fits in its time budget; the tests before it hung or ran long).",
            duration(allowed),
            duration(timeout)
        )
    } else {
        format!(
            "did not finish within {} and was stopped.",
            duration(timeout)
        )
    }
}

/// Why a check was not run.
pub fn not_run(limit: Limit) -> String {
    match limit {
        Limit::Budget(total) => format!(
            "not run: the time budget was spent (a check of the course may take {} in all, and \
             the tests before this one hung or ran long). Fix those first.",
            duration(total)
        ),
        Limit::Exercise(total) => format!(
            "not run: this exercise's tests had already used the {} they may take in all (the \
             tests before this one hung or ran long).",
            duration(total)
        ),
    }
}

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

/// The note of an exercise whose build was stopped when the time budget was spent.
pub fn build_not_finished(total: Duration) -> String {
    format!(
        "Not run: the time budget was spent before this file was built (a check of the course \
         may take {} in all, building the files included).",
        duration(total)
    )
}

/// The note of an exercise whose turn never came: the budget was spent before it.
pub fn exercise_not_run(total: Duration) -> String {
    format!(
        "Not run: the time budget was spent before this exercise's turn (a check of the course \
         may take {} in all, building the files and grading the exercises before it included).",
        duration(total)
    )
}

/// The note of an exercise not graded yet, in results written while grading goes on: if the
/// platform stops the grader, this is what remains.
pub fn not_graded_yet() -> String {
    "Not graded: grading stopped before this exercise's turn.".to_owned()
}

/// Says that a section is not open yet.
pub fn not_released(course: &Course, section: &crate::verdict::NotReleased) -> String {
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

/// The keys of the watch loop.
pub fn watch_keys(interactive: bool) -> String {
    let how = if interactive {
        "press"
    } else {
        "type a letter and Enter"
    };
    format!(
        "Keys ({how}): h hint · l list · n next exercise · g go to an exercise · r re-run · \
         R reset to the stub · q quit\n"
    )
}

/// How the watch loop follows the learner's saves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Following {
    /// The system's file watcher, with a poller that takes over if it misses a save.
    Watcher,
    /// Polling alone, because the learner asked for it (`--poll`).
    PollingAsked,
    /// Polling alone, because the file watcher could not start (why).
    PollingWatcherFailed(String),
    /// Polling alone, because the file watcher missed a save the poller saw.
    PollingWatcherMissed,
}

/// The status line of the watch loop: how saves are followed, and why.
pub fn watch_following(following: &Following) -> String {
    let polling = "following your saves by reading the files every half second";
    match following {
        Following::Watcher => {
            "Following your saves with the system's file watcher (if it misses one, polling \
             takes over).\n"
                .to_owned()
        }
        Following::PollingAsked => format!("Polling (--poll): {polling}.\n"),
        Following::PollingWatcherFailed(why) => {
            format!("Polling: the file watcher could not start ({why}), so {polling}.\n")
        }
        Following::PollingWatcherMissed => format!(
            "Polling: the file watcher missed that save (it does on some file systems, such as \
             WSL's /mnt or a network drive), so from now on {polling}.\n"
        ),
    }
}

/// What the watch loop says when it starts.
pub fn watch_banner(interactive: bool, following: &Following) -> String {
    format!(
        "threadlings: grading each exercise whenever you save it.\n{}{}",
        watch_following(following),
        watch_keys(interactive)
    )
}

/// Said after `g`: which exercise?
pub fn watch_goto_question(interactive: bool) -> String {
    let then = if interactive {
        "then Enter (Escape to cancel)"
    } else {
        "on the next line"
    };
    format!("Go to which exercise? Type its id (such as locks/counter), {then}: ")
}

/// Said when `g` names no exercise of the course.
pub fn watch_no_such_exercise(id: &str) -> String {
    format!("course.yaml has no exercise `{id}`; press l to list them.\n")
}

/// Said before grading in the watch loop.
pub fn watch_grading(exercise: &Exercise) -> String {
    format!("\n── grading {} ({})…\n", exercise.id, exercise.path)
}

/// Said after a verdict that is not a pass.
pub fn watch_waiting(exercise: &Exercise) -> String {
    format!(
        "Waiting for you to save {} (h for a hint).\n",
        exercise.path
    )
}

/// Said when the current exercise passes.
pub fn watch_passed(exercise: &Exercise, next: Option<&Exercise>) -> String {
    match next {
        Some(next) => format!(
            "🎉 {} passes. On to the next one: {}\n",
            exercise.id, next.path
        ),
        None => format!(
            "🎉 {} passes, and that was the last exercise of the course. Well done!\n",
            exercise.id
        ),
    }
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

/// The text of `grader hint`.
pub fn hint(exercise: &Exercise) -> String {
    format!(
        "Hint for {} ({}):\n{}\n",
        exercise.id,
        exercise.path,
        indent(&exercise.hint, "  ")
    )
}

/// One problem `grader verify` found.
#[derive(Debug)]
pub struct VerifyProblem {
    /// What it is about: an exercise id or a file.
    pub subject: String,
    /// What is wrong.
    pub problem: String,
}

/// The text of `grader verify`.
pub fn verify(lines: &[String], problems: &[VerifyProblem]) -> String {
    let mut out = String::new();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    if problems.is_empty() {
        let _ = writeln!(
            out,
            "\nverify: the course is consistent; every solution passes and every stub and mutant fails."
        );
    } else {
        let _ = writeln!(
            out,
            "\nverify found {} problem{}:",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        for problem in problems {
            let _ = writeln!(
                out,
                "{} {}: {}",
                cross(),
                problem.subject,
                indent(&problem.problem, "    ").trim_start()
            );
        }
    }
    out
}

/// How `grader verify` says which kinds of check caught the mutants: `[model tests, stress
/// tests, compile-fail checks]`.
pub fn verify_caught_by(counts: [usize; 3]) -> String {
    let parts: Vec<String> = [
        (counts[0], "model test"),
        (counts[1], "stress test"),
        (counts[2], "compile-fail check"),
    ]
    .iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, kind)| format!("{count} by a {kind}"))
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// The bug-class matrix of `verify --classes`: a row per exercise, a column per class (numbered,
/// with a legend below), each cell the number of mutants committing that bug, `–` where the API
/// cannot have it, `n/c` where the tests do not catch it (the exercise allows it, or no test can
/// catch it every time), `?` where the exercise does not say.
pub fn class_matrix(rows: &[(&str, Option<&crate::bug_classes::Declaration>)]) -> String {
    use crate::bug_classes::CLASSES;
    let width = rows
        .iter()
        .map(|(id, _)| id.len())
        .max()
        .unwrap_or(8)
        .max(8);
    let mut out = String::new();
    let _ = write!(out, "{:width$}", "");
    for number in 1..=CLASSES.len() {
        let _ = write!(out, " {number:>3}");
    }
    out.push('\n');
    let mut reasons = Vec::new();
    for (id, declaration) in rows {
        let _ = write!(out, "{id:width$}");
        for class in CLASSES {
            let cell = match declaration {
                None => "?".to_owned(),
                Some(d) => {
                    if let Some(mutants) = d.caught.get(class.id) {
                        if mutants.is_empty() {
                            paint(RED, "✗")
                        } else {
                            mutants.len().to_string()
                        }
                    } else if let Some(reason) = d.not_caught.get(class.id) {
                        reasons.push(format!("{id}, {}: {reason}", class.id));
                        "n/c".to_owned()
                    } else if d.not_admitted.iter().any(|c| c == class.id) {
                        "–".to_owned()
                    } else {
                        paint(RED, "?")
                    }
                }
            };
            // Painted cells carry escape codes: pad by the visible width.
            let visible = cell
                .chars()
                .filter(|c| c.is_alphanumeric() || "–?✗/".contains(*c))
                .count();
            let _ = write!(out, " {}{cell}", " ".repeat(3usize.saturating_sub(visible)));
        }
        out.push('\n');
    }
    out.push_str("\nColumns:\n");
    for (number, class) in CLASSES.iter().enumerate() {
        let _ = writeln!(out, "  {:>2}. {} ({})", number + 1, class.name, class.id);
    }
    out.push_str(
        "A number is how many mutants commit that bug; – the exercise cannot have it; n/c not \
         caught: the exercise allows it, or no test can catch it every time (why, below); ? not \
         declared.\n",
    );
    if !reasons.is_empty() {
        out.push_str("\nNot caught, and why:\n");
        for reason in reasons {
            let _ = writeln!(out, "  {reason}");
        }
    }
    out
}

/// An exercise without its bug-class declaration, `file`.
pub fn no_class_declaration(file: &str) -> String {
    format!(
        "has no classes.yaml: write {file}, saying for every bug class whether its API admits \
         it and which mutants commit each (see the authors' guide, \"Bug classes\")"
    )
}

/// A bug-class declaration, `file`, that cannot be read.
pub fn invalid_class_declaration(file: &str, error: &str) -> String {
    format!("{file} is not valid: {error}")
}

/// The end of `verify --classes`: the holes in the matrix, or that there are none.
pub fn class_problems(problems: &[VerifyProblem]) -> String {
    if problems.is_empty() {
        return "\nverify --classes: every exercise declares every bug class, and every class it \
                admits has a mutant.\n"
            .to_owned();
    }
    let mut out = String::from("\n");
    for problem in problems {
        let _ = writeln!(
            out,
            "{} {}: {}",
            cross(),
            problem.subject,
            indent(&problem.problem, "    ").trim_start()
        );
    }
    let _ = writeln!(
        out,
        "\nverify --classes: {} problem{} in the bug-class declarations.",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    out
}

/// What `verify --write-only` did.
pub fn crates_written(count: usize, dir: &std::path::Path) -> String {
    format!(
        "wrote {count} exercise crates into the workspace {}; nothing was built\n",
        dir.display()
    )
}

/// What `verify --build-only` did; `refused` names the submissions that did not compile.
pub fn crates_built(count: usize, refused: &[String], dir: &std::path::Path) -> String {
    let mut out = format!(
        "built the crates of {count} solutions, stubs, alternatives and mutants in the workspace \
         {}; nothing was run\n",
        dir.display()
    );
    if !refused.is_empty() {
        let _ = writeln!(
            out,
            "{} of them did not compile (`verify` says why):",
            refused.len()
        );
        for name in refused {
            let _ = writeln!(out, "  {name}");
        }
    }
    out
}

/// The line of `grader verify` for one exercise, after its checks.
pub fn verify_line(ok: bool, summary: &str) -> String {
    format!("{} {summary}", if ok { tick() } else { cross() })
}

/// What the progress bar says while cargo builds the exercises.
pub fn progress_building(count: usize) -> String {
    format!(
        "building {count} exercise{}…",
        if count == 1 { "" } else { "s" }
    )
}

/// What the progress bar says while one exercise's tests run.
pub fn progress_grading(id: &str) -> String {
    format!("grading {id}…")
}

/// Said while `verify` runs the stubs and mutants of the whole course.
pub fn progress_must_fail(count: usize) -> String {
    format!("checking that {count} stubs and mutants fail…")
}

/// Said after `grader lsp` wrote rust-project.json.
pub fn lsp_written(file: &str) -> String {
    format!(
        "Wrote {file}: rust-analyzer now sees every exercise file (and the lessons) \
         in an editor opened at the repository root; reload its workspace if it is open.\n\
         {file} is ignored by git and by cargo. Delete it to work on the grader's own code.\n"
    )
}

/// Said on standard error when Ctrl-C stopped a check.
pub fn interrupted() -> String {
    "\ninterrupted: stopped the running tests; nothing was recorded for this check\n".to_owned()
}

/// The one note saying what this machine would not let the grader do, so that a learner knows
/// which guarantees are weaker here; empty when nothing is.
pub fn weaker_machine(weaknesses: &[Weakness]) -> String {
    if weaknesses.is_empty() {
        return String::new();
    }
    let mut text = format!(
        "{} grading goes on, with less protection on this machine:\n",
        paint(YELLOW, "note:")
    );
    for weakness in weaknesses {
        let line = match weakness {
            Weakness::TreeCleanUp => {
                "the system refused a Job Object, so the grader kills a test's processes one by \
                 one as it finds them; a process that starts while they are killed may outlive \
                 the test"
            }
            Weakness::MemoryCap => {
                "the system would not cap a test's memory, so a test that allocates without end \
                 uses the machine's memory until its deadline"
            }
            Weakness::ThreadCap => {
                "threads cannot be counted here, so a test that starts threads without end is \
                 stopped only by its deadline"
            }
            Weakness::HangDescription => {
                "a test that hangs is reported without what its threads were doing (is the proc \
                 file system mounted?)"
            }
        };
        let _ = writeln!(text, "  - {line}");
    }
    text
}

/// What `grader class` wrote, and which folder is for whom.
pub fn class_written(
    learners: usize,
    published: &std::path::Path,
    private: &std::path::Path,
    new_salt: Option<&std::path::Path>,
) -> String {
    let (published, private) = (
        format!("{}/", published.display()).replace("//", "/"),
        format!("{}/", private.display()).replace("//", "/"),
    );
    let width = published.chars().count().max(private.chars().count());
    let mut out = format!(
        "Wrote the progress of {learners} learner{}:\n\
         \x20 {published:width$}  to publish: index.html and exercises.csv name nobody \
         (learners appear as pseudonyms)\n\
         \x20 {private:width$}  to keep: instructor.html and progress.csv name learners \
         (readable by you alone); never publish them\n",
        if learners == 1 { "" } else { "s" },
    );
    if let Some(salt) = new_salt {
        let _ = writeln!(
            out,
            "Made a new salt, {}: keep it, so that every learner keeps their pseudonym in later \
             builds; never publish it.",
            salt.display()
        );
    }
    out
}

/// The note `grader class` leaves in the instructor's folder.
pub fn class_private_readme() -> String {
    "These files were written by `grader class` for the instructor alone. Do not publish them.\n\
     \n\
     instructor.html  the class's progress with learners' names and their pseudonyms\n\
     progress.csv     each learner's points per exercise and section, with names\n\
     salt             (when the grader keeps it here) the secret the pseudonyms come from:\n\
     \x20                keep it, or every learner gets a new pseudonym in the next build\n\
     \n\
     Publish the other folder, which holds index.html and exercises.csv: they name nobody.\n"
        .to_owned()
}

/// The text for an error that stopped the grader.
pub fn error(message: &str) -> String {
    format!("error: {message}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weaker_machine_gets_one_note_naming_each_weakness() {
        assert_eq!(weaker_machine(&[]), "");
        let note = weaker_machine(&[Weakness::ThreadCap, Weakness::HangDescription]);
        assert!(note.starts_with("note: grading goes on"), "{note}");
        assert_eq!(note.matches("note:").count(), 1, "{note}");
        assert!(note.contains("threads cannot be counted"), "{note}");
        assert!(note.contains("proc file system"), "{note}");
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        let set = |value: &str| Some(OsStr::new(value).to_owned());
        for (terminal, no_color, expected) in [
            (true, None, true),
            (true, set(""), true),
            (true, set("1"), false),
            (true, set("0"), false),
            (false, None, false),
            (false, set(""), false),
            (false, set("1"), false),
        ] {
            assert_eq!(
                colour_wanted(terminal, no_color.as_deref()),
                expected,
                "terminal: {terminal}, NO_COLOR: {no_color:?}"
            );
        }
    }
}
