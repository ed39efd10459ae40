//! What each thread did in the execution being explored, in the learner's terms: every
//! operation of a stand-in is recorded with the thread that made it and the line of the
//! learner's file it was called from, so that a failing interleaving can be told step by step.

use std::fmt::Write as _;
use std::panic::Location;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The most steps kept for one execution: a scenario the course writes takes dozens; a spinning
/// thread can take thousands before the checker's branch limit stops it.
const KEPT_STEPS: usize = 20_000;

/// The most lines a story prints: a screenful.
const SHOWN_LINES: usize = 36;

/// One operation of one thread.
#[derive(Clone, PartialEq, Eq)]
struct Step {
    thread: usize,
    at: &'static Location<'static>,
    what: String,
}

/// The steps of the current execution and the names of its threads.
struct Story {
    steps: Vec<Step>,
    /// Thread names by the order the threads were spawned in (0 is the model's main thread),
    /// and the checker's id of each once it ran.
    threads: Vec<(String, Option<loom::thread::ThreadId>)>,
    dropped: usize,
}

static STORY: Mutex<Story> = Mutex::new(Story {
    steps: Vec::new(),
    threads: Vec::new(),
    dropped: 0,
});

fn story() -> std::sync::MutexGuard<'static, Story> {
    STORY.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Forgets the last execution's story: a new execution begins.
pub(crate) fn begin() {
    let mut story = story();
    story.steps.clear();
    story.dropped = 0;
    story.threads.clear();
    story.threads.push(("main".to_owned(), None));
}

/// The number the current thread is known by in the story (0 for the model's main thread).
fn current_thread(story: &mut Story) -> usize {
    let id = loom::thread::current().id();
    match story
        .threads
        .iter()
        .position(|(_, known)| *known == Some(id))
    {
        Some(number) => number,
        None if story
            .threads
            .first()
            .is_some_and(|(_, main)| main.is_none()) =>
        {
            story.threads[0].1 = Some(id);
            0
        }
        None => 0,
    }
}

/// Names the next thread to be spawned and returns its number; the thread calls
/// [`started`] with it as its first act.
pub(crate) fn spawning(name: Option<&str>) -> usize {
    let mut story = story();
    let number = story.threads.len();
    let name = name.map_or_else(|| format!("thread {number}"), |name| format!("'{name}'"));
    story.threads.push((name, None));
    number
}

/// Tells the story which thread is running now: called first thing by a spawned thread.
pub(crate) fn started(number: usize) {
    let id = loom::thread::current().id();
    let mut story = story();
    if let Some(thread) = story.threads.get_mut(number) {
        thread.1 = Some(id);
    }
}

/// The name of thread `number` in the story.
pub(crate) fn thread_name(number: usize) -> String {
    story()
        .threads
        .get(number)
        .map_or_else(|| format!("thread {number}"), |(name, _)| name.clone())
}

/// Records an operation of the current thread, called from `at`.
pub(crate) fn record(at: &'static Location<'static>, what: impl FnOnce() -> String) {
    if std::thread::panicking() {
        // What runs while a thread unwinds (a guard freeing its lock) comes after the failure.
        return;
    }
    let mut story = story();
    if story.threads.is_empty() {
        // Outside a model (a stand-in used by code that is not being checked): nothing to tell.
        return;
    }
    if story.steps.len() >= KEPT_STEPS {
        // The end of an execution is where it failed: keep the latest steps.
        story.steps.drain(..KEPT_STEPS / 2);
        story.dropped += KEPT_STEPS / 2;
    }
    let thread = current_thread(&mut story);
    story.steps.push(Step {
        thread,
        at,
        what: what(),
    });
}

/// The story of the current execution, told as a numbered list of steps with the learner's
/// lines quoted below it; empty when nothing was recorded.
pub fn told() -> String {
    let story = story();
    if story.steps.is_empty() {
        return String::new();
    }
    let names: Vec<String> = story.threads.iter().map(|(name, _)| name.clone()).collect();
    let lines = compress(&story.steps);
    let mut text = String::new();
    let width = names.iter().map(String::len).max().unwrap_or(4).max(6);
    let mut quoted: Vec<&'static Location<'static>> = Vec::new();
    let mut lines = lines;
    if lines.len() > SHOWN_LINES {
        // The beginning sets the scene and the end is where it failed: the middle goes.
        let (head, tail) = (6, SHOWN_LINES - 7);
        let skipped: usize = lines[head..lines.len() - tail]
            .iter()
            .map(Line::steps)
            .sum();
        lines.splice(head..lines.len() - tail, [Line::Skipped(skipped)]);
    }
    let shown = &lines;
    if story.dropped > 0 {
        let _ = writeln!(text, "  … {} earlier steps", story.dropped);
    }
    for line in shown {
        match line {
            Line::Step(step) => {
                let _ = writeln!(
                    text,
                    "  {:<width$}  {:>8}  {}",
                    names[step.thread],
                    place(step.at),
                    step.what
                );
                if is_learners(step.at) && !quoted.iter().any(|q| same_line(q, step.at)) {
                    quoted.push(step.at);
                }
            }
            Line::Repeated { steps, times } => {
                let _ = writeln!(
                    text,
                    "  {:<width$}  {:>8}  … the {} step{} above, {times} times in a row",
                    "",
                    "",
                    steps,
                    if *steps == 1 { "" } else { "s" }
                );
            }
            Line::Skipped(count) => {
                let _ = writeln!(text, "  … {count} steps not shown");
            }
        }
    }
    quoted.sort_by_key(|at| at.line());
    let quotes: Vec<String> = quoted
        .iter()
        .filter_map(|at| Some(format!("  line {:>4}: {}", at.line(), source_line(at)?)))
        .collect();
    if !quotes.is_empty() {
        let file = quoted
            .first()
            .map(|at| learner_path(at.file()))
            .unwrap_or_default();
        let _ = writeln!(text, "where, in {file}:");
        for quote in quotes {
            let _ = writeln!(text, "{quote}");
        }
    }
    text
}

/// A line of the told story.
enum Line {
    Step(Step),
    /// The `steps` lines above it happened `times` times in a row in all.
    Repeated {
        steps: usize,
        times: usize,
    },
    Skipped(usize),
}

impl Line {
    fn steps(&self) -> usize {
        match self {
            Line::Step(_) => 1,
            Line::Repeated { steps, times } => steps * (times - 1),
            Line::Skipped(count) => *count,
        }
    }
}

/// Tells a loop once: a block of up to four steps that repeats is shown once, with how often.
fn compress(steps: &[Step]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut i = 0;
    while i < steps.len() {
        let mut best = None;
        for block in 1..=4 {
            let mut times = 1;
            while i + (times + 1) * block <= steps.len()
                && steps[i..i + block] == steps[i + times * block..i + (times + 1) * block]
            {
                times += 1;
            }
            if times >= 3 && best.is_none_or(|(_, t)| times > t) {
                best = Some((block, times));
            }
        }
        match best {
            Some((block, times)) => {
                lines.extend(steps[i..i + block].iter().cloned().map(Line::Step));
                lines.push(Line::Repeated {
                    steps: block,
                    times,
                });
                i += block * times;
            }
            None => {
                lines.push(Line::Step(steps[i].clone()));
                i += 1;
            }
        }
    }
    lines
}

/// Whether `at` is in the learner's file rather than the course's test or this crate.
fn is_learners(at: &Location) -> bool {
    !at.file().contains("hidden/") && !at.file().contains("model/src/")
}

fn same_line(a: &Location, b: &Location) -> bool {
    a.file() == b.file() && a.line() == b.line()
}

/// Where a step happened, short: `line 31` in the learner's file, `test` in the course's.
fn place(at: &Location) -> String {
    if is_learners(at) {
        format!("line {}", at.line())
    } else {
        "test".to_owned()
    }
}

/// The learner's path of a file of the build workspace: `crates/PACKAGE/exercises/…` becomes
/// `exercises/…`.
fn learner_path(file: &str) -> String {
    match file.find("exercises/") {
        Some(at) => file[at..].to_owned(),
        None => file.to_owned(),
    }
}

/// The text of the line `at` points to, trimmed; `None` when the file cannot be found.
fn source_line(at: &Location) -> Option<String> {
    let path = find_source(at.file())?;
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().nth(at.line().checked_sub(1)? as usize)?.trim();
    const LONGEST: usize = 84;
    Some(if line.chars().count() > LONGEST {
        let cut: String = line.chars().take(LONGEST - 1).collect();
        format!("{cut}…")
    } else {
        line.to_owned()
    })
}

/// Finds a source file by the path rustc was given: relative to the build workspace, which is
/// an ancestor of the running test binary (`WORKSPACE/target/debug/deps/…`).
fn find_source(file: &str) -> Option<PathBuf> {
    let relative = Path::new(file);
    if relative.is_absolute() {
        return relative.exists().then(|| relative.to_owned());
    }
    let exe = std::env::current_exe().ok()?;
    exe.ancestors()
        .map(|dir| dir.join(relative))
        .find(|candidate| candidate.exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(thread: usize, what: &str) -> Step {
        Step {
            thread,
            at: Location::caller(),
            what: what.to_owned(),
        }
    }

    #[test]
    fn a_spinning_loop_is_told_once_with_a_count() {
        let mut steps = vec![step(0, "lock")];
        for _ in 0..10 {
            steps.push(step(1, "load → true"));
            steps.push(step(1, "spin"));
        }
        steps.push(step(0, "unlock"));
        let lines = compress(&steps);
        assert_eq!(lines.len(), 5, "lock, load, spin, repeated, unlock");
        assert!(matches!(
            lines[3],
            Line::Repeated {
                steps: 2,
                times: 10
            }
        ));
    }

    #[test]
    fn steps_that_do_not_repeat_are_all_told() {
        let steps = vec![step(0, "a"), step(1, "b"), step(0, "c")];
        assert_eq!(compress(&steps).len(), 3);
    }
}
