//! Checks of course.yaml that span fields or reach the files beside it.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::locate::{line_of, line_of_key, line_of_key_after};
use super::{CourseFile, FORMAT_VERSION};
use crate::embedded;
use crate::error::CourseError;
use crate::files::{relative_slash_path, rust_files_below};

/// The longest timeout an exercise may ask for, so that a typo cannot hang a class's grading.
const MAX_TIMEOUT_SECS: u64 = 600;

/// The shortest budget a course may set: less leaves no time to build anything.
const MIN_BUDGET_SECS: u64 = 10;
/// The longest budget a course may set: a day, so that a typo (minutes for seconds) is caught.
const MAX_BUDGET_SECS: u64 = 24 * 60 * 60;

/// Collects the first problem, located in the file.
struct Checker<'a> {
    file: &'a Path,
}

impl Checker<'_> {
    fn fail(&self, line: Option<usize>, message: impl Into<String>) -> CourseError {
        CourseError::Invalid {
            path: self.file.to_path_buf(),
            line,
            message: message.into(),
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
            format!(
                "format_version is {}, but this grader reads format_version {FORMAT_VERSION}",
                course.format_version
            ),
        ));
    }
    if course
        .budget
        .is_some_and(|budget| !(MIN_BUDGET_SECS..=MAX_BUDGET_SECS).contains(&budget))
    {
        return Err(check.fail(
            line_of_key(source, "budget"),
            format!(
                "budget is {} seconds; it must be between {MIN_BUDGET_SECS} and \
                 {MAX_BUDGET_SECS} (the time one check of the whole course may take)",
                course.budget.unwrap_or_default()
            ),
        ));
    }
    if course.defaults.timeout == Some(0) {
        return Err(check.fail(
            line_of_key(source, "defaults"),
            "defaults.timeout must be at least 1 second",
        ));
    }

    let mut section_ids: HashMap<&str, usize> = HashMap::new();
    let mut exercise_ids: HashMap<&str, usize> = HashMap::new();
    let mut paths: HashSet<&str> = HashSet::new();
    for section in &course.sections {
        let seen = section_ids.entry(&section.id).or_insert(0);
        let section_line = line_of(source, "id", &section.id, *seen);
        *seen += 1;
        check_id(&check, &section.id, section_line, "section")?;
        if *seen > 1 {
            return Err(check.fail(
                section_line,
                format!("section id `{}` is used twice", section.id),
            ));
        }
        if !root.join(&section.lesson).is_dir() {
            return Err(check.fail(
                line_of(source, "lesson", &section.lesson.to_string_lossy(), 0),
                format!(
                    "lesson folder {} of section `{}` does not exist",
                    section.lesson.display(),
                    section.id
                ),
            ));
        }
        let release = section.release.or(course.defaults.release);
        let due = section.due.or(course.defaults.due);
        if let (Some(release), Some(due)) = (release, due)
            && due < release
        {
            return Err(check.fail(
                section_line,
                format!(
                    "section `{}` is due ({}) before it opens ({})",
                    section.id,
                    due.display(),
                    release.display()
                ),
            ));
        }
        let mut in_section = HashSet::new();
        for exercise in &section.exercises {
            let seen = exercise_ids.entry(&exercise.id).or_insert(0);
            let line = line_of(source, "id", &exercise.id, *seen);
            *seen += 1;
            check_id(&check, &exercise.id, line, "exercise")?;
            if !in_section.insert(exercise.id.as_str()) {
                return Err(check.fail(
                    line,
                    format!(
                        "exercise id `{}` is used twice in section `{}`",
                        exercise.id, section.id
                    ),
                ));
            }
            let path_line = line_of(source, "path", &exercise.path, 0).or(line);
            check_path(&check, &exercise.path, path_line, root)?;
            if !paths.insert(exercise.path.as_str()) {
                return Err(check.fail(
                    line_of(source, "path", &exercise.path, 1),
                    format!("{} is the file of two exercises", exercise.path),
                ));
            }
            if exercise.hint.trim().is_empty() {
                return Err(check.fail(
                    line,
                    format!(
                        "exercise `{}/{}` has an empty hint",
                        section.id, exercise.id
                    ),
                ));
            }
            if let Some(value) = &exercise.minutes
                && minutes(value).is_none()
            {
                return Err(check.fail(
                    line_of_key_after(source, "minutes", line),
                    format!(
                        "exercise `{}/{}` has minutes {}; it must be a positive whole number \
                         (about how many minutes a learner needs, like `minutes: 25`)",
                        section.id,
                        exercise.id,
                        shown(value)
                    ),
                ));
            }
            if let Some(timeout) = exercise.timeout
                && !(1..=MAX_TIMEOUT_SECS).contains(&timeout)
            {
                return Err(check.fail(
                    line,
                    format!(
                        "exercise `{}/{}` has timeout {timeout}; it must be between 1 and \
                         {MAX_TIMEOUT_SECS} seconds",
                        section.id, exercise.id
                    ),
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

/// A YAML value as course.yaml would spell it, for a message.
fn shown(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(text) => format!("\"{text}\""),
        other => serde_yaml::to_string(other)
            .map(|text| format!("`{}`", text.trim_end()))
            .unwrap_or_else(|_| "that cannot be shown".to_owned()),
    }
}

fn check_id(check: &Checker, id: &str, line: Option<usize>, what: &str) -> Result<(), CourseError> {
    let valid = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if valid {
        Ok(())
    } else {
        Err(check.fail(
            line,
            format!("{what} id `{id}` may hold only lowercase letters, digits and `_`"),
        ))
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
        return Err(check.fail(
            line,
            format!(
                "path `{path}` must be a relative path under exercises/ ending in .rs, \
                 like exercises/03_locks/01_counter.rs"
            ),
        ));
    }
    let stem = &path["exercises/".len()..path.len() - ".rs".len()];
    if !root.join(path).is_file() {
        return Err(check.fail(
            line,
            format!("exercise file {path} does not exist (if you deleted it, `git checkout -- {path}` brings the stub back)"),
        ));
    }
    let solution = format!("solutions/{stem}.rs");
    // A course handed to learners without its solutions (as the autograder does) is complete.
    if root.join("solutions").is_dir() && !root.join(&solution).is_file() {
        return Err(check.fail(
            line,
            format!("the solution of {path} does not exist: expected {solution}"),
        ));
    }
    if !embedded::hidden_exercise_dirs().contains(&stem) {
        return Err(check.fail(
            line,
            format!(
                "{path} has no hidden tests: expected grader/hidden/{stem}/tests.rs \
                 (rebuild the grader after adding them)"
            ),
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
            return Err(check.fail(
                None,
                format!(
                    "solutions/{relative} is a solution without an exercise: no entry of \
                     course.yaml has path exercises/{relative}"
                ),
            ));
        }
    }
    Ok(())
}
