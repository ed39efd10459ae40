//! `grader check`: grade the learner's files and explain every failure.

use std::io::Write as _;

use crate::cache::CacheEntry;
use crate::cli::Format;
use crate::course::{Course, Exercise};
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::grade::grade;
use crate::output;
use crate::progress::{Progress, sha256_hex};
use crate::verdict::{ExerciseResult, Report};
use crate::workspace::BuildWorkspace;

/// Grades `target` (or every exercise), prints the verdicts and returns the exit status.
pub fn run(course: &Course, target: Option<&str>, format: Format) -> Result<i32> {
    let exercises = select(course, target)?;
    let workspace = BuildWorkspace::open(course)?;
    let mut results = Vec::new();
    let mut graded = Vec::new();
    let mut section = "";
    for exercise in exercises {
        let file = exercise.exercise_file(&course.root);
        let bytes = std::fs::read(&file)
            .map_err(|e| GraderError::Usage(format!("cannot read {}: {e}", exercise.path)))?;
        let cached = CacheEntry::new(&workspace, exercise, &bytes);
        let result = match cached.load() {
            Some(result) => result,
            None => {
                let result = grade(&workspace, exercise, &bytes)?;
                cached.store(&result);
                result
            }
        };
        if format == Format::Human {
            let mut text = String::new();
            if exercise.section != section {
                section = &exercise.section;
                if !results.is_empty() {
                    text.push('\n');
                }
                text.push_str(&output::section_heading(course, section));
            }
            text.push_str(&output::exercise_report(&result));
            print_now(&text);
        }
        graded.push((result.clone(), sha256_hex(&bytes)));
        results.push(result);
    }
    Progress::record(course, &graded)?;
    match format {
        Format::Human => print_now(&output::check_summary(course, &results)),
        Format::Json => {
            let report = Report {
                course: &course.title,
                points: results.iter().map(|r| r.points).sum(),
                max_points: results.iter().map(|r| r.max_points).sum(),
                exercises: &results,
            };
            let json = serde_json::to_string_pretty(&report).expect("the report serialises");
            print_now(&format!("{json}\n"));
        }
    }
    Ok(if results.iter().all(ExerciseResult::passed) {
        EXIT_PASSED
    } else {
        EXIT_NOT_PASSED
    })
}

/// The exercises a target names, in course order.
pub fn select<'a>(course: &'a Course, target: Option<&str>) -> Result<Vec<&'a Exercise>> {
    let Some(target) = target else {
        return Ok(course.exercises().collect());
    };
    let exercises = course.select(target).ok_or_else(|| {
        let sections: Vec<&str> = course.sections.iter().map(|s| s.id.as_str()).collect();
        GraderError::Usage(format!(
            "course.yaml has no section or exercise `{target}`; sections are: {} (an exercise \
             is named section/exercise, as `{} list` shows)",
            sections.join(", "),
            output::GRADER
        ))
    })?;
    if exercises.is_empty() {
        return Err(GraderError::Usage(format!(
            "section `{target}` has no exercises yet"
        )));
    }
    Ok(exercises)
}

/// Prints and flushes, so that a learner sees each verdict as soon as it is known.
fn print_now(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
