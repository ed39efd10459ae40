//! A PrairieLearn external grader's `results.json`.
//!
//! PrairieLearn takes the score as a fraction (0 to 1) and shows `message`, `output` and one
//! entry per test with its points. Each exercise is one test, worth its points. PrairieLearn
//! has no per-test visibility, so a test's message names the hidden checks that failed, and
//! what they observed, only for exercises whose visibility course.yaml sets to `visible`;
//! otherwise it says how many passed, as Gradescope's visible summary does.

use serde::Serialize;

use crate::course::{Course, Visibility};
// As `text`: `output` is the name of a field this module fills.
use crate::output as text;
use crate::verdict::{ExerciseResult, Status};

/// The whole results file.
#[derive(Debug, Serialize)]
pub struct Results {
    /// Whether the submission could be graded at all; `false` only when the grader failed.
    pub gradable: bool,
    /// Points earned over points available, from 0 to 1.
    pub score: f64,
    /// Shown at the top of the learner's results.
    pub message: String,
    /// Shown below it, as it is (notes of the grading).
    pub output: String,
    /// One entry per exercise.
    pub tests: Vec<Test>,
}

/// One entry of `tests`: an exercise.
#[derive(Debug, Serialize)]
pub struct Test {
    /// The exercise id.
    pub name: String,
    /// The graded file.
    pub description: String,
    /// Points earned.
    pub points: u32,
    /// Points available.
    pub max_points: u32,
    /// What the learner is told.
    pub message: String,
    /// The compiler's output, or what the failing checks observed (for visible exercises).
    pub output: String,
}

/// Builds the results of a check; `notes` are lines for the top (sections not open yet).
pub fn results(course: &Course, results: &[ExerciseResult], notes: &[String]) -> Results {
    let mut tests = Vec::new();
    for result in results {
        let visible = course
            .exercises()
            .find(|e| e.id == result.id)
            .is_some_and(|e| e.visibility == Visibility::Visible);
        let passed_checks = result
            .tests
            .iter()
            .filter(|t| t.status == Status::Passed)
            .count();
        let mut message = match result.status {
            _ if result.passed() => text::all_hidden_checks_passed(result.tests.len()),
            Status::CompileError => format!("{}.", text::no_check_could_run(&result.path)),
            Status::NotRun if result.tests.is_empty() => String::new(),
            _ => text::hidden_checks_passed(passed_checks, result.tests.len(), result.status),
        };
        for note in &result.notes {
            if !message.is_empty() {
                message.push('\n');
            }
            message.push_str(note);
        }
        let mut output = result.compiler_output.clone().unwrap_or_default();
        if visible {
            for check in result.tests.iter().filter(|t| t.status != Status::Passed) {
                output.push_str(&format!(
                    "{} ({}):\n{}\n\n",
                    check.name,
                    check.status.label(),
                    check.message.as_deref().unwrap_or_default()
                ));
            }
        }
        tests.push(Test {
            name: result.id.clone(),
            description: result.path.clone(),
            points: result.points,
            max_points: result.max_points,
            message,
            output: output.trim_end().to_owned(),
        });
    }
    let earned: u32 = results.iter().map(|r| r.points).sum();
    let available: u32 = results.iter().map(|r| r.max_points).sum();
    let passed = results.iter().filter(|r| r.passed()).count();
    Results {
        gradable: true,
        score: if available == 0 {
            0.0
        } else {
            f64::from(earned) / f64::from(available)
        },
        message: text::exercises_passed(passed, results.len(), earned, available),
        output: notes.join("\n"),
        tests,
    }
}

/// The results written when grading could not finish: not gradable, and why.
pub fn failure(problem: &str) -> Results {
    Results {
        gradable: false,
        score: 0.0,
        message: text::could_not_grade(problem),
        output: String::new(),
        tests: Vec::new(),
    }
}
