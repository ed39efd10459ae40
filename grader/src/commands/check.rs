//! `grader check`: grade the learner's files and explain every failure.

use std::path::Path;
use std::time::Instant;

use crate::budget::Budget;
use crate::course::{self, Course, Exercise};
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::grade::{self, Submission, Variant};
use crate::output;
use crate::progress_bar::GradingProgress;
use crate::reporter::{Reporter, Run};
use crate::verdict::{ExerciseResult, News, NotReleased};
use crate::workspace::BuildWorkspace;

/// Reads the submission's time from an autograder's metadata (`created_at`), and judges
/// releases and due dates against it from now on. Metadata without a time is said on standard
/// error and changes nothing: grading goes on.
pub fn submission_time(metadata: &Path) -> Option<String> {
    let found = std::fs::read(metadata)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            serde_json::from_slice::<serde_json::Value>(&bytes).map_err(|e| e.to_string())
        })
        .and_then(|json| {
            json["created_at"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(output::metadata_without_time)
        })
        .and_then(|text| {
            let date = course::CourseDate::parse(&text)
                .ok_or_else(|| output::metadata_time_unreadable(&text))?;
            Ok((text, date))
        });
    match found {
        Ok((text, date)) => {
            course::judge_at(date.0);
            Some(text)
        }
        Err(problem) => {
            eprint!("{}", output::unreadable_metadata(metadata, &problem));
            None
        }
    }
}

/// Grades `target` (or every exercise), hands the verdicts to `reporter` and returns the exit
/// status. `submitted_at` is the submission's time as the platform wrote it, for the results.
pub fn run(
    course: &Course,
    target: Option<&str>,
    reporter: &mut dyn Reporter,
    submitted_at: Option<String>,
) -> Result<i32> {
    let started = Instant::now();
    let selected = course.selected(target)?;
    let now = course::now();
    let (exercises, closed): (Vec<&Exercise>, Vec<&Exercise>) = selected
        .into_iter()
        .partition(|e| course.section_of(e).release.is_none_or(|r| r.0 <= now));
    let mut not_released: Vec<NotReleased> = Vec::new();
    for exercise in &closed {
        let section = course.section_of(exercise);
        if !not_released.iter().any(|n| n.section == section.id) {
            not_released.push(NotReleased {
                section: section.id.clone(),
                opens: section.release.map(|r| r.display()).unwrap_or_default(),
            });
        }
    }
    // Only on a terminal: a bar for several exercises, the news of one.
    let bar = GradingProgress::new(exercises.len());
    let run = Run {
        course,
        exercises: &exercises,
        not_released: &not_released,
        started,
        submitted_at: submitted_at.as_deref(),
        bar: &bar,
    };
    reporter.started(&run)?;
    let results = if exercises.is_empty() {
        Vec::new()
    } else {
        let budget = Budget::starting(started, course.budget);
        let news = |exercise: &Exercise, news: News| bar.news(exercise, &news);
        grade::grade_and_record(course, &exercises, &budget, &bar, &news, &mut |graded| {
            reporter.graded(&run, graded)
        })?
    };
    reporter.finished(&run, &results)?;
    Ok(if results.iter().all(ExerciseResult::passed) {
        EXIT_PASSED
    } else {
        EXIT_NOT_PASSED
    })
}

/// `check ID --replay`: runs again the interleavings in which the exercise's model tests last
/// failed, and prints their verdicts.
pub fn replay(course: &Course, target: &str) -> Result<i32> {
    let selected = course.selected(Some(target))?;
    let [exercise] = selected.as_slice() else {
        return Err(GraderError::Usage(output::replay_needs_one_exercise(
            target,
        )));
    };
    let workspace = BuildWorkspace::open(course)?;
    let file = exercise.exercise_file(&course.root);
    let bytes = std::fs::read(&file)
        .map_err(|e| GraderError::Usage(output::cannot_read(&exercise.path, &e)))?;
    let submissions = [Submission {
        exercise,
        variant: Variant::Learner,
        bytes,
    }];
    let built = grade::build(&workspace, &submissions, None, &grade::no_news)?;
    let built = built.first().expect("one build per submission");
    match grade::replay(&workspace, built)? {
        grade::Replayed::Nothing => {
            output::print_now(&output::nothing_to_replay(exercise));
            Ok(EXIT_NOT_PASSED)
        }
        grade::Replayed::FileChanged => {
            output::print_now(&output::replay_file_changed(exercise));
            Ok(EXIT_NOT_PASSED)
        }
        grade::Replayed::Done(result) => {
            output::print_now(&output::exercise_report(&result));
            Ok(if result.passed() {
                EXIT_PASSED
            } else {
                EXIT_NOT_PASSED
            })
        }
    }
}
