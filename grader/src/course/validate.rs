//! Checks of course.yaml that span fields or reach the files beside it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::locate::{line_of, line_of_key, line_of_key_after};
use super::{CourseDate, CourseFile, FORMAT_VERSION};
use crate::embedded;
use crate::error::CourseError;
use crate::files::{relative_slash_path, rust_files_below};

/// The longest timeout an exercise may ask for, so that a typo cannot hang a class's grading.
const MAX_TIMEOUT_SECS: u64 = 600;

/// The shortest budget a course may set: less leaves no time to build anything.
const MIN_BUDGET_SECS: u64 = 10;
/// The longest budget a course may set: a day, so that a typo (minutes for seconds) is caught.
const MAX_BUDGET_SECS: u64 = 24 * 60 * 60;

/// One thing wrong with course.yaml, found by [`validate`] (or, for a date, by the parser).
///
/// Its words are `output`'s, like every text for people: `output::course` implements `Display`
/// for it. This module only calls that (through `to_string`), so it never imports `output`,
/// which imports the course model.
#[derive(Debug)]
pub enum Problem {
    /// A `format_version` this grader does not read.
    FormatVersion {
        /// The file's.
        found: u32,
        /// The one this grader reads.
        read: u32,
    },
    /// A `budget` outside what a course may set.
    Budget {
        /// The file's, in seconds.
        seconds: u64,
        /// The shortest allowed.
        least: u64,
        /// The longest allowed.
        most: u64,
    },
    /// `defaults.timeout: 0`.
    NoDefaultTimeout,
    /// A section id with characters ids may not have.
    SectionId(String),
    /// A section id used twice.
    SectionTwice(String),
    /// A section's lesson folder that does not exist.
    NoLesson {
        /// The folder, as course.yaml names it.
        lesson: PathBuf,
        /// The section's id.
        section: String,
    },
    /// A section due before it opens.
    DueBeforeRelease {
        /// The section's id.
        section: String,
        /// When it is due.
        due: CourseDate,
        /// When it opens.
        release: CourseDate,
    },
    /// An exercise id with characters ids may not have.
    ExerciseId(String),
    /// An exercise id used twice in one section.
    ExerciseTwice {
        /// The exercise's id within its section.
        exercise: String,
        /// The section's id.
        section: String,
    },
    /// An exercise path that is not under `exercises/` or does not end in `.rs`.
    Path(String),
    /// An exercise file that does not exist.
    NoExerciseFile(String),
    /// An exercise whose solution does not exist where its path says.
    NoSolution {
        /// The exercise's path.
        path: String,
        /// Where its solution should be.
        solution: String,
    },
    /// An exercise with no hidden tests compiled into the grader.
    NoHiddenTests {
        /// The exercise's path.
        path: String,
        /// Its path under `exercises/` without `.rs`.
        stem: String,
    },
    /// One file named by two exercises.
    PathTwice(String),
    /// An exercise with an empty hint (`section/exercise`).
    EmptyHint(String),
    /// An exercise's `minutes` that is not a positive whole number.
    Minutes {
        /// The exercise (`section/exercise`).
        exercise: String,
        /// What course.yaml says.
        value: serde_yaml::Value,
    },
    /// An exercise's `timeout` outside what an exercise may ask for.
    Timeout {
        /// The exercise (`section/exercise`).
        exercise: String,
        /// Its timeout, in seconds.
        seconds: u64,
        /// The longest allowed.
        most: u64,
    },
    /// A solution file that no exercise names (its path under `solutions/`).
    OrphanSolution(String),
    /// A date course.yaml writes that is not one.
    NotADate(String),
}

/// Collects the first problem, located in the file.
struct Checker<'a> {
    file: &'a Path,
}

impl Checker<'_> {
    fn fail(&self, line: Option<usize>, problem: Problem) -> CourseError {
        CourseError::Invalid {
            path: self.file.to_path_buf(),
            line,
            message: problem.to_string(),
        }
    }
}

/// Refuses a course whose ids, paths or files do not add up.
pub fn validate(
    course: &CourseFile,
    source: &str,
    file: &Path,
    root: &Path,
) -> Result<(), CourseError> {
    let check = Checker { file };
    if course.format_version != FORMAT_VERSION {
        return Err(check.fail(
            line_of_key(source, "format_version"),
            Problem::FormatVersion {
                found: course.format_version,
                read: FORMAT_VERSION,
            },
        ));
    }
    if course
        .budget
        .is_some_and(|budget| !(MIN_BUDGET_SECS..=MAX_BUDGET_SECS).contains(&budget))
    {
        return Err(check.fail(
            line_of_key(source, "budget"),
            Problem::Budget {
                seconds: course.budget.unwrap_or_default(),
                least: MIN_BUDGET_SECS,
                most: MAX_BUDGET_SECS,
            },
        ));
    }
    if course.defaults.timeout == Some(0) {
        return Err(check.fail(line_of_key(source, "defaults"), Problem::NoDefaultTimeout));
    }

    let mut section_ids: HashMap<&str, usize> = HashMap::new();
    let mut exercise_ids: HashMap<&str, usize> = HashMap::new();
    let mut paths: HashSet<&str> = HashSet::new();
    for section in &course.sections {
        let seen = section_ids.entry(&section.id).or_insert(0);
        let section_line = line_of(source, "id", &section.id, *seen);
        *seen += 1;
        check_id(&check, &section.id, section_line, Problem::SectionId)?;
        if *seen > 1 {
            return Err(check.fail(section_line, Problem::SectionTwice(section.id.clone())));
        }
        if !root.join(&section.lesson).is_dir() {
            return Err(check.fail(
                line_of(source, "lesson", &section.lesson.to_string_lossy(), 0),
                Problem::NoLesson {
                    lesson: section.lesson.clone(),
                    section: section.id.clone(),
                },
            ));
        }
        let release = section.release.or(course.defaults.release);
        let due = section.due.or(course.defaults.due);
        if let (Some(release), Some(due)) = (release, due)
            && due < release
        {
            return Err(check.fail(
                section_line,
                Problem::DueBeforeRelease {
                    section: section.id.clone(),
                    due,
                    release,
                },
            ));
        }
        let mut in_section = HashSet::new();
        for exercise in &section.exercises {
            let seen = exercise_ids.entry(&exercise.id).or_insert(0);
            let line = line_of(source, "id", &exercise.id, *seen);
            *seen += 1;
            check_id(&check, &exercise.id, line, Problem::ExerciseId)?;
            if !in_section.insert(exercise.id.as_str()) {
                return Err(check.fail(
                    line,
                    Problem::ExerciseTwice {
                        exercise: exercise.id.clone(),
                        section: section.id.clone(),
                    },
                ));
            }
            let path_line = line_of(source, "path", &exercise.path, 0).or(line);
            check_path(&check, &exercise.path, path_line, root)?;
            if !paths.insert(exercise.path.as_str()) {
                return Err(check.fail(
                    line_of(source, "path", &exercise.path, 1),
                    Problem::PathTwice(exercise.path.clone()),
                ));
            }
            if exercise.hint.trim().is_empty() {
                return Err(check.fail(
                    line,
                    Problem::EmptyHint(format!("{}/{}", section.id, exercise.id)),
                ));
            }
            if let Some(value) = &exercise.minutes
                && minutes(value).is_none()
            {
                return Err(check.fail(
                    line_of_key_after(source, "minutes", line),
                    Problem::Minutes {
                        exercise: format!("{}/{}", section.id, exercise.id),
                        value: value.clone(),
                    },
                ));
            }
            if let Some(timeout) = exercise.timeout
                && !(1..=MAX_TIMEOUT_SECS).contains(&timeout)
            {
                return Err(check.fail(
                    line,
                    Problem::Timeout {
                        exercise: format!("{}/{}", section.id, exercise.id),
                        seconds: timeout,
                        most: MAX_TIMEOUT_SECS,
                    },
                ));
            }
        }
    }
    check_no_orphan_solutions(&check, course, root)
}

/// An exercise's `minutes` as a number, if it is a positive whole number that fits a `u32`.
pub(super) fn minutes(value: &serde_yaml::Value) -> Option<u32> {
    value
        .as_u64()
        .filter(|&minutes| minutes > 0)
        .and_then(|minutes| u32::try_from(minutes).ok())
}

/// Refuses an id that is not lowercase letters, digits and `_`; `problem` says whose it is.
fn check_id(
    check: &Checker,
    id: &str,
    line: Option<usize>,
    problem: fn(String) -> Problem,
) -> Result<(), CourseError> {
    let valid = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if valid {
        Ok(())
    } else {
        Err(check.fail(line, problem(id.to_owned())))
    }
}

fn check_path(
    check: &Checker,
    path: &str,
    line: Option<usize>,
    root: &Path,
) -> Result<(), CourseError> {
    let well_formed = path.starts_with("exercises/")
        && path.ends_with(".rs")
        && !path.contains('\\')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..");
    if !well_formed {
        return Err(check.fail(line, Problem::Path(path.to_owned())));
    }
    let stem = &path["exercises/".len()..path.len() - ".rs".len()];
    if !root.join(path).is_file() {
        return Err(check.fail(line, Problem::NoExerciseFile(path.to_owned())));
    }
    let solution = format!("solutions/{stem}.rs");
    // A course handed to learners without its solutions (as the autograder does) is complete.
    if root.join("solutions").is_dir() && !root.join(&solution).is_file() {
        return Err(check.fail(
            line,
            Problem::NoSolution {
                path: path.to_owned(),
                solution,
            },
        ));
    }
    if !embedded::hidden_exercise_dirs().contains(&stem) {
        return Err(check.fail(
            line,
            Problem::NoHiddenTests {
                path: path.to_owned(),
                stem: stem.to_owned(),
            },
        ));
    }
    Ok(())
}

/// A solution file that no exercise names is a course out of step with itself.
fn check_no_orphan_solutions(
    check: &Checker,
    course: &CourseFile,
    root: &Path,
) -> Result<(), CourseError> {
    let named: HashSet<String> = course
        .sections
        .iter()
        .flat_map(|s| s.exercises.iter())
        .map(|e| e.path.trim_start_matches("exercises/").to_owned())
        .collect();
    let solutions_dir = root.join("solutions");
    for solution in rust_files_below(&solutions_dir) {
        let relative = relative_slash_path(&solutions_dir, &solution);
        if !named.contains(&relative) {
            return Err(check.fail(None, Problem::OrphanSolution(relative)));
        }
    }
    Ok(())
}
