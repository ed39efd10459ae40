//! `grader report`: the learner's progress as a file an instructor can collect.

use std::path::Path;
use std::time::SystemTime;

use crate::course::Course;
use crate::error::{EXIT_PASSED, GraderError, Result};
use crate::files::write_atomically;
use crate::formats::progress_report::{
    CourseStamp, ExerciseProgress, ProgressReport, REPORT_FORMAT,
};
use crate::progress::{Progress, Standing, sha256_hex};
use crate::verdict::Status;

/// Writes the progress report to `output` (or standard output).
pub fn run(course: &Course, learner: Option<&str>, output: Option<&Path>) -> Result<i32> {
    let report = build(course, learner)?;
    let json = serde_json::to_string_pretty(&report).expect("a report serialises") + "\n";
    match output {
        Some(path) => write_atomically(path, json.as_bytes())
            .map_err(|e| GraderError::io(format!("write {}", path.display()), e))?,
        None => print!("{json}"),
    }
    Ok(EXIT_PASSED)
}

fn build(course: &Course, learner: Option<&str>) -> Result<ProgressReport> {
    let course_yaml = std::fs::read(course.root.join("course.yaml"))
        .map_err(|e| GraderError::io("read course.yaml", e))?;
    let learner = learner
        .map(str::to_owned)
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "learner".to_owned());
    let progress = Progress::load(course);
    let exercises = course
        .exercises()
        .map(|exercise| {
            let record = progress.exercises.get(&exercise.id);
            let standing = progress.standing(course, exercise);
            let status = match standing {
                Standing::Done => "passed".to_owned(),
                Standing::Changed => "changed".to_owned(),
                Standing::NotChecked => "not_checked".to_owned(),
                Standing::NotPassed(status) => serde_json::to_value(status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            };
            let passed = record.is_some_and(|r| r.status == Status::Passed);
            let first_passed_at = record.and_then(|r| r.first_passed_at.clone());
            let due = course.section_of(exercise).due;
            let on_time = match (&first_passed_at, due) {
                (Some(at), Some(due)) => humantime::parse_rfc3339_weak(at)
                    .ok()
                    .map(|at: SystemTime| at <= due.0),
                _ => None,
            };
            ExerciseProgress {
                id: exercise.id.clone(),
                status,
                points: if passed { exercise.points } else { 0 },
                max_points: exercise.points,
                first_passed_at,
                on_time,
                sha256: record.map(|r| r.sha256.clone()),
                // Filled in once the grader keeps how a check failed (the class-grading issue).
                failure_kind: None,
            }
        })
        .collect();
    Ok(ProgressReport {
        format_version: REPORT_FORMAT,
        course: CourseStamp {
            title: course.title.clone(),
            sha256: sha256_hex(&course_yaml),
        },
        learner,
        generated_at: humantime::format_rfc3339_seconds(SystemTime::now()).to_string(),
        exercises,
    })
}
