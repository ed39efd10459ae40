//! A Gradescope autograder `results.json`.
//!
//! Each exercise is one visible test carrying its points and saying how many of its hidden
//! checks passed, without naming them. Each hidden check is a test worth no points whose
//! visibility course.yaml decides (`after_due_date` unless it says otherwise), so learners see
//! the details once the deadline has passed.

use serde::Serialize;

use crate::course::{Course, Visibility};
use crate::verdict::{ExerciseResult, Status};

/// The whole results file.
#[derive(Debug, Serialize)]
pub struct Results {
    /// Points earned over every exercise graded.
    pub score: u32,
    /// Seconds grading took.
    pub execution_time: u64,
    /// Shown at the top of the learner's results.
    pub output: String,
    /// One entry per exercise and per hidden check.
    pub tests: Vec<Test>,
}

/// One entry of `tests`.
#[derive(Debug, Serialize)]
pub struct Test {
    /// The exercise id, or `exercise id › check name`.
    pub name: String,
    /// Points earned.
    pub score: u32,
    /// Points available.
    pub max_score: u32,
    /// `passed` or `failed`.
    pub status: &'static str,
    /// What the learner is told.
    pub output: String,
    /// Who sees it.
    pub visibility: Visibility,
}

fn status(passed: bool) -> &'static str {
    if passed { "passed" } else { "failed" }
}

/// Builds the results of a check.
pub fn results(
    course: &Course,
    results: &[ExerciseResult],
    seconds: u64,
    notes: &[String],
) -> Results {
    let mut tests = Vec::new();
    for result in results {
        let visibility = course
            .exercises()
            .find(|e| e.id == result.id)
            .map_or(Visibility::AfterDueDate, |e| e.visibility);
        let passed_checks = result
            .tests
            .iter()
            .filter(|t| t.status == Status::Passed)
            .count();
        let mut output = match result.status {
            Status::CompileError => format!(
                "{} does not compile, so no check could run:\n{}",
                result.path,
                result.compiler_output.as_deref().unwrap_or_default()
            ),
            _ => format!(
                "{passed_checks} of {} hidden checks passed ({}).",
                result.tests.len(),
                result.status.label()
            ),
        };
        if result.passed() {
            output = format!("Passed all {} hidden checks.", result.tests.len());
        }
        if result.tests.is_empty() && result.status == Status::NotRun {
            output.clear();
        }
        for note in &result.notes {
            if !output.is_empty() {
                output.push('\n');
            }
            output.push_str(note);
        }
        tests.push(Test {
            name: result.id.clone(),
            score: result.points,
            max_score: result.max_points,
            status: status(result.passed()),
            output,
            visibility: Visibility::Visible,
        });
        for check in &result.tests {
            let mut output = check.message.clone().unwrap_or_default();
            if !check.output.is_empty() {
                output.push_str("\n\nYour code printed:\n");
                output.push_str(&check.output);
            }
            tests.push(Test {
                name: format!("{} › {}", result.id, check.name),
                score: 0,
                max_score: 0,
                status: status(check.status == Status::Passed),
                output,
                visibility,
            });
        }
    }
    let score = results.iter().map(|r| r.points).sum();
    let max: u32 = results.iter().map(|r| r.max_points).sum();
    let passed = results.iter().filter(|r| r.passed()).count();
    let mut output = format!(
        "{passed} of {} exercises passed: {score} of {max} points.",
        results.len()
    );
    for note in notes {
        output.push('\n');
        output.push_str(note);
    }
    Results {
        score,
        execution_time: seconds,
        output,
        tests,
    }
}

/// The results file written when grading could not finish, so that an instructor never gets
/// "no results".
pub fn failure(problem: &str, seconds: u64) -> Results {
    Results {
        score: 0,
        execution_time: seconds,
        output: format!(
            "The grader could not grade this submission: {problem}\nNo points were given; \
             please tell your instructor."
        ),
        tests: Vec::new(),
    }
}
