//! A Gradescope autograder `results.json`.
//!
//! Each exercise is one visible test carrying its points and saying how many of its hidden
//! checks passed, without naming them. Each hidden check is a test worth no points whose
//! visibility course.yaml decides (`after_due_date` unless it says otherwise), so learners see
//! the details once the deadline has passed.
//!
//! Every text is Markdown (`output_format: "md"`): a message's own lines, the compiler's output
//! and what the learner's code printed are code blocks, and a `<` in plain text is escaped, so
//! that `Mutex<u64>` is never taken for an HTML tag and eaten. Tests are numbered `3.1` for the
//! first exercise of the third section (`3.1.2` for its second check) and tagged with their
//! section and, when they fail, the kind of mistake they show; `extra_data` says which grader,
//! course.yaml and files produced the results, and when the submission was made.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::course::{Course, Visibility};
// As `text`: `output` is the name of the Markdown this module builds.
use crate::output as text;
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
    /// How `output` is written: Markdown.
    pub output_format: &'static str,
    /// How every test's `output` is written: Markdown.
    pub test_output_format: &'static str,
    /// One entry per exercise and per hidden check.
    pub tests: Vec<Test>,
    /// What produced these results, for an instructor's records.
    pub extra_data: ExtraData,
}

/// One entry of `tests`.
#[derive(Debug, Serialize)]
pub struct Test {
    /// The exercise id, or `exercise id › check name`.
    pub name: String,
    /// `section.exercise` (`3.1`), or `section.exercise.check` for a hidden check; 1-based, in
    /// course order.
    pub number: String,
    /// Points earned.
    pub score: u32,
    /// Points available.
    pub max_score: u32,
    /// `passed` or `failed`.
    pub status: &'static str,
    /// What the learner is told, in Markdown.
    pub output: String,
    /// The section's id, and for a failure the kind of mistake it shows (`deadlock`).
    pub tags: Vec<String>,
    /// Who sees it.
    pub visibility: Visibility,
}

/// `extra_data`: what produced the results.
#[derive(Debug, Default, Serialize)]
pub struct ExtraData {
    /// The grader's version.
    pub grader_version: &'static str,
    /// SHA-256 of course.yaml.
    pub course_sha256: String,
    /// SHA-256 of each graded file, by its path.
    pub files: BTreeMap<String, String>,
    /// When the submission was made (`submission_metadata.json`'s `created_at`), against which
    /// releases and due dates were judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
    /// The sections whose due date had passed when the submission was made.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub late_sections: Vec<String>,
}

/// What the results are about, besides the verdicts.
pub struct Context<'a> {
    /// The course.
    pub course: &'a Course,
    /// Seconds grading took.
    pub seconds: u64,
    /// Lines for the top of the results (sections not open yet).
    pub notes: &'a [String],
    /// SHA-256 of course.yaml.
    pub course_sha256: String,
    /// When the submission was made, if the platform said.
    pub submitted_at: Option<String>,
}

fn status(passed: bool) -> &'static str {
    if passed { "passed" } else { "failed" }
}

/// Plain text made safe for Markdown: a `<` or `&` is written as an entity, so that nothing the
/// learner's code or the compiler wrote is read as HTML.
fn plain(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// Text kept exactly as written, lines and all, in a code block long enough that no run of
/// backticks inside it ends it.
fn block(text: &str) -> String {
    let mut fence = "```".to_owned();
    while text.contains(fence.as_str()) {
        fence.push('`');
    }
    format!("{fence}text\n{}\n{fence}", text.trim_end())
}

/// The 1-based number of `id`'s section and of the exercise in it, as `3.1`.
fn number(course: &Course, id: &str) -> String {
    for (s, section) in course.sections.iter().enumerate() {
        if let Some(e) = section.exercises.iter().position(|e| e.id == id) {
            return format!("{}.{}", s + 1, e + 1);
        }
    }
    String::new()
}

/// Builds the results of a check.
pub fn results(context: &Context, results: &[ExerciseResult]) -> Results {
    let course = context.course;
    let mut tests = Vec::new();
    for result in results {
        let exercise = course.exercises().find(|e| e.id == result.id);
        let visibility = exercise.map_or(Visibility::AfterDueDate, |e| e.visibility);
        let section = exercise.map(|e| e.section.clone()).unwrap_or_default();
        let number = number(course, &result.id);
        let passed_checks = result
            .tests
            .iter()
            .filter(|t| t.status == Status::Passed)
            .count();
        let mut output = match result.status {
            _ if result.passed() => plain(&text::all_hidden_checks_passed(result.tests.len())),
            Status::CompileError => format!(
                "{}:\n\n{}",
                plain(&text::no_check_could_run(&result.path)),
                block(result.compiler_output.as_deref().unwrap_or_default())
            ),
            Status::NotRun if result.tests.is_empty() => String::new(),
            _ => plain(&text::hidden_checks_passed(
                passed_checks,
                result.tests.len(),
                result.status,
            )),
        };
        for note in &result.notes {
            if !output.is_empty() {
                output.push_str("\n\n");
            }
            output.push_str(&plain(note));
        }
        let mut tags = vec![section.clone()];
        tags.extend(result.failure_kind.map(|kind| kind.label().to_owned()));
        tests.push(Test {
            name: result.id.clone(),
            number: number.clone(),
            score: result.points,
            max_score: result.max_points,
            status: status(result.passed()),
            output,
            tags,
            visibility: Visibility::Visible,
        });
        for (index, check) in result.tests.iter().enumerate() {
            let mut output = check.message.as_deref().map(block).unwrap_or_default();
            if !check.output.is_empty() {
                output.push_str(&format!("\n\n{}\n\n", text::YOUR_CODE_PRINTED));
                output.push_str(&block(&check.output));
            }
            let mut tags = vec![section.clone()];
            tags.extend(check.failure_kind.map(|kind| kind.label().to_owned()));
            tests.push(Test {
                name: format!("{} › {}", result.id, check.name),
                number: format!("{number}.{}", index + 1),
                score: 0,
                max_score: 0,
                status: status(check.status == Status::Passed),
                output,
                tags,
                visibility,
            });
        }
    }
    let score = results.iter().map(|r| r.points).sum();
    let max: u32 = results.iter().map(|r| r.max_points).sum();
    let passed = results.iter().filter(|r| r.passed()).count();
    let mut output = plain(&text::exercises_passed(passed, results.len(), score, max));
    for note in context.notes {
        output.push_str("\n\n");
        output.push_str(&plain(note));
    }
    let late_sections = late_sections(context, results);
    if let (Some(at), false) = (&context.submitted_at, late_sections.is_empty()) {
        output.push_str("\n\n");
        output.push_str(&plain(&text::submitted_late(at, &late_sections)));
    }
    Results {
        score,
        execution_time: context.seconds,
        output,
        output_format: "md",
        test_output_format: "md",
        tests,
        extra_data: ExtraData {
            grader_version: env!("CARGO_PKG_VERSION"),
            course_sha256: context.course_sha256.clone(),
            files: results
                .iter()
                .filter_map(|r| Some((r.path.clone(), r.file_sha256.clone()?)))
                .collect(),
            submitted_at: context.submitted_at.clone(),
            late_sections,
        },
    }
}

/// The sections graded here whose due date is before the submission's time.
fn late_sections(context: &Context, results: &[ExerciseResult]) -> Vec<String> {
    let Some(at) = context
        .submitted_at
        .as_deref()
        .and_then(crate::course::CourseDate::parse)
    else {
        return Vec::new();
    };
    let mut late: Vec<String> = Vec::new();
    for section in &context.course.sections {
        let graded = results
            .iter()
            .any(|r| section.exercises.iter().any(|e| e.id == r.id));
        if graded && section.due.is_some_and(|due| due < at) {
            late.push(section.id.clone());
        }
    }
    late
}

/// The results file written when grading could not finish, so that an instructor never gets
/// "no results".
pub fn failure(problem: &str, seconds: u64) -> Results {
    Results {
        score: 0,
        execution_time: seconds,
        output: plain(&text::could_not_grade(problem)),
        output_format: "md",
        test_output_format: "md",
        tests: Vec::new(),
        extra_data: ExtraData {
            grader_version: env!("CARGO_PKG_VERSION"),
            ..ExtraData::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_text_as_written() {
        assert_eq!(plain("a Mutex<u64> & more"), "a Mutex&lt;u64> &amp; more");
        assert_eq!(block("line 1\nline 2\n"), "```text\nline 1\nline 2\n```");
        // A code block inside the text does not end the block around it.
        assert_eq!(block("```\nx\n```"), "````text\n```\nx\n```\n````");
    }
}
