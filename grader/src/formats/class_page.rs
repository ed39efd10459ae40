//! A class's progress, as the files `grader class` writes: the publishable `index.html` (learners
//! as pseudonyms) and `exercises.csv` (one row per exercise, no learner in it), and the
//! instructor's `instructor.html` and `progress.csv`, which name learners.
//!
//! Both pages are one self-contained file (no network, no external assets) built by [`page()`]:
//! what differs between them is only who a row names and how much a cell's tooltip tells.

mod chart;
mod page;

use std::collections::BTreeMap;

pub use page::{GENERATOR, page};

use crate::course::{Course, Exercise};
use crate::formats::progress_report::{ExerciseProgress, ProgressReport};

/// Who a page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Anybody on the web: learners appear as pseudonyms, and no cell says more than its state
    /// and how it failed.
    Public,
    /// The instructor alone: names, pseudonyms, and when each exercise first passed.
    Instructor,
}

/// One learner of the class: their report, their name and the pseudonym the public page shows.
#[derive(Debug)]
pub struct Learner<'a> {
    /// The name in the report.
    pub name: &'a str,
    /// The stable pseudonym made from the name and the instructor's salt.
    pub pseudonym: String,
    /// The report, whose exercises are in course order (`grader class` checked).
    pub report: &'a ProgressReport,
}

impl Learner<'_> {
    /// Points earned in all.
    pub fn total(&self) -> u32 {
        self.report.exercises.iter().map(|e| e.points).sum()
    }

    /// Points earned in one section.
    fn section_points(&self, section: &str) -> u32 {
        self.report
            .exercises
            .iter()
            .filter(|e| e.id.split('/').next() == Some(section))
            .map(|e| e.points)
            .sum()
    }
}

/// What a cell of the matrix shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Passed, by the due date or with none.
    OnTime,
    /// Passed after the section's due date.
    Late,
    /// Graded, and not (or no longer) passing.
    Failed,
    /// Never graded.
    NotChecked,
}

impl State {
    /// The state of one exercise of one report. Points decide a pass: an exercise that passed
    /// and was edited since (`changed`) still holds its points.
    pub fn of(exercise: &ExerciseProgress) -> State {
        if exercise.status == "passed" || exercise.points > 0 {
            if exercise.on_time == Some(false) {
                State::Late
            } else {
                State::OnTime
            }
        } else if exercise.status == "not_checked" {
            State::NotChecked
        } else {
            State::Failed
        }
    }

    /// The words a screen reader says for the cell, and the legend shows.
    pub fn words(self) -> &'static str {
        match self {
            State::OnTime => "passed",
            State::Late => "passed late",
            State::Failed => "failed",
            State::NotChecked => "not checked",
        }
    }

    /// The cell's one-letter class in the page's style sheet (one letter: 20 000 cells).
    fn class(self) -> &'static str {
        match self {
            State::OnTime => "p",
            State::Late => "l",
            State::Failed => "f",
            State::NotChecked => "n",
        }
    }

    fn passed(self) -> bool {
        matches!(self, State::OnTime | State::Late)
    }
}

/// How an exercise failed, for a cell's tooltip: the report's failure kind when it has one,
/// otherwise what its status says beyond "failed".
pub fn how_it_failed(exercise: &ExerciseProgress) -> Option<String> {
    if let Some(kind) = &exercise.failure_kind {
        return Some(kind.label().to_owned());
    }
    let said = match exercise.status.as_str() {
        "compile_error" => "compile error",
        "timed_out" => "timed out",
        "crashed" => "crashed",
        "changed" => "edited since it passed",
        _ => return None,
    };
    Some(said.to_owned())
}

/// The failure kinds (their labels) the page and the CSV list first, in this order: the ones a
/// class mostly fails with. The grader's other kinds follow, alphabetically.
pub const KNOWN_FAILURE_KINDS: [&str; 6] = [
    "deadlock",
    "lost update",
    "lost wake-up",
    "spinning",
    "crash",
    "timeout",
];

/// "12 of 30 deadlocked": how many learners' exercise failed with `kind`.
pub fn failure_count(kind: &str, count: usize, of: usize) -> String {
    let happened = match kind {
        "deadlock" => "deadlocked",
        "lost update" => "lost an update",
        "lost wake-up" => "lost a wake-up",
        "spinning" => "kept spinning",
        "crash" => "crashed",
        "timeout" => "timed out",
        other => return format!("{count} of {of}: {other}"),
    };
    format!("{count} of {of} {happened}")
}

/// The class's numbers for one exercise.
#[derive(Debug, Default)]
pub struct ExerciseStats {
    /// Learners who passed it by the due date (or with none).
    pub on_time: usize,
    /// Learners who passed it late.
    pub late: usize,
    /// Learners whose last grading failed.
    pub failed: usize,
    /// Learners who never checked it.
    pub not_checked: usize,
    /// How many learners' reports name each failure kind for it.
    pub kinds: BTreeMap<String, usize>,
}

impl ExerciseStats {
    /// Learners who passed, on time or late.
    pub fn passed(&self) -> usize {
        self.on_time + self.late
    }

    /// Everybody.
    pub fn learners(&self) -> usize {
        self.on_time + self.late + self.failed + self.not_checked
    }

    /// The share that passed, in whole percent, rounded down: 100% means everybody.
    pub fn pass_rate(&self) -> usize {
        (self.passed() * 100)
            .checked_div(self.learners())
            .unwrap_or(0)
    }

    /// The failure kinds in the page's order, with their counts.
    pub fn kinds_in_order(&self) -> Vec<(&str, usize)> {
        let mut kinds: Vec<(&str, usize)> =
            self.kinds.iter().map(|(k, n)| (k.as_str(), *n)).collect();
        kinds.sort_by_key(|(kind, _)| {
            (
                KNOWN_FAILURE_KINDS
                    .iter()
                    .position(|known| known == kind)
                    .unwrap_or(KNOWN_FAILURE_KINDS.len()),
                kind.to_string(),
            )
        });
        kinds
    }

    /// "12 of 30 deadlocked, 3 of 30 lost an update", or nothing.
    pub fn kinds_sentence(&self) -> String {
        self.kinds_in_order()
            .into_iter()
            .map(|(kind, count)| failure_count(kind, count, self.learners()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Each exercise's numbers, in course order.
pub fn exercise_stats(course: &Course, learners: &[Learner]) -> Vec<ExerciseStats> {
    let mut stats: Vec<ExerciseStats> = course
        .exercises()
        .map(|_| ExerciseStats::default())
        .collect();
    for learner in learners {
        for (exercise, stat) in learner.report.exercises.iter().zip(&mut stats) {
            let state = State::of(exercise);
            match state {
                State::OnTime => stat.on_time += 1,
                State::Late => stat.late += 1,
                State::Failed => stat.failed += 1,
                State::NotChecked => stat.not_checked += 1,
            }
            if let Some(kind) = exercise.failure_kind.as_ref().filter(|_| !state.passed()) {
                *stat.kinds.entry(kind.label().to_owned()).or_default() += 1;
            }
        }
    }
    stats
}

/// `progress.csv`, for the instructor: a header row, a row of maximum points, then one row per
/// learner (name and pseudonym) with their points per exercise, per section, and in all.
pub fn progress_csv(course: &Course, learners: &[Learner]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["learner".to_owned(), "pseudonym".to_owned()];
    header.extend(course.exercises().map(|e| e.id.clone()));
    header.extend(
        course
            .sections
            .iter()
            .map(|s| format!("{} (section)", s.id)),
    );
    header.push("total".to_owned());
    let _ = writer.write_record(&header);

    let mut max = vec!["max points".to_owned(), String::new()];
    max.extend(course.exercises().map(|e| e.points.to_string()));
    max.extend(course.sections.iter().map(|s| {
        s.exercises
            .iter()
            .map(|e| e.points)
            .sum::<u32>()
            .to_string()
    }));
    max.push(max_points(course).to_string());
    let _ = writer.write_record(&max);

    for learner in learners {
        let mut row = vec![learner.name.to_owned(), learner.pseudonym.clone()];
        row.extend(
            learner
                .report
                .exercises
                .iter()
                .map(|e| e.points.to_string()),
        );
        row.extend(
            course
                .sections
                .iter()
                .map(|s| learner.section_points(&s.id).to_string()),
        );
        row.push(learner.total().to_string());
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `exercises.csv`, publishable: one row per exercise with how many learners passed it (on time
/// and late), failed it and never checked it, the pass rate, and how many failed it in each
/// way. It names no learner.
pub fn exercises_csv(course: &Course, learners: &[Learner]) -> String {
    let stats = exercise_stats(course, learners);
    let mut kinds: Vec<String> = KNOWN_FAILURE_KINDS
        .iter()
        .map(|k| (*k).to_owned())
        .collect();
    for stat in &stats {
        for kind in stat.kinds.keys() {
            if !kinds.contains(kind) {
                kinds.push(kind.clone());
            }
        }
    }
    kinds[KNOWN_FAILURE_KINDS.len()..].sort();

    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "exercise",
        "section",
        "minutes",
        "points",
        "learners",
        "passed on time",
        "passed late",
        "failed",
        "not checked",
        "pass rate (%)",
    ]
    .map(str::to_owned)
    .into();
    header.extend(kinds.iter().map(|k| format!("failed: {k}")));
    let _ = writer.write_record(&header);
    for (exercise, stat) in course.exercises().zip(&stats) {
        let mut row = vec![
            exercise.id.clone(),
            exercise.section.clone(),
            exercise.minutes.map(|m| m.to_string()).unwrap_or_default(),
            exercise.points.to_string(),
            stat.learners().to_string(),
            stat.on_time.to_string(),
            stat.late.to_string(),
            stat.failed.to_string(),
            stat.not_checked.to_string(),
            stat.pass_rate().to_string(),
        ];
        row.extend(
            kinds
                .iter()
                .map(|k| stat.kinds.get(k).copied().unwrap_or(0).to_string()),
        );
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// All the points of the course.
fn max_points(course: &Course) -> u32 {
    course.exercises().map(|e| e.points).sum()
}

/// An exercise's name on the page: its id in its section, with the estimate when course.yaml
/// gives one.
fn exercise_label(exercise: &Exercise) -> String {
    let short = exercise.id.rsplit('/').next().unwrap_or(&exercise.id);
    match exercise.minutes {
        Some(minutes) => format!("{short} · {minutes} min"),
        None => short.to_owned(),
    }
}

/// Text safe inside HTML, in an element or a quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The day of an RFC 3339 time, counted from 1970-01-01 (UTC), or `None` for a time that does
/// not parse.
fn day_of(time: &str) -> Option<u64> {
    humantime::parse_rfc3339_weak(time)
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|since| since.as_secs() / 86_400)
}

/// `2026-11-20` for a day counted as [`day_of`] counts.
fn date_of(day: u64) -> String {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(day * 86_400);
    humantime::format_rfc3339_seconds(time).to_string()[..10].to_owned()
}
