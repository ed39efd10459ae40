//! `verify`'s checks of the course's files themselves: a solution formatted like the rest, a
//! stub with its `// TODO`, and no file that course.yaml does not account for.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::course::{Course, Exercise};
use crate::embedded;
use crate::files::{relative_slash_path, rust_files_below};
use crate::output::{self, VerifyProblem};
use crate::stubs;

use super::plan::Plan;

/// A stub must say where the learner's work goes.
pub fn stub_without_todo(plan: &Plan) -> Option<String> {
    (!String::from_utf8_lossy(&plan.stub).contains("// TODO"))
        .then(|| output::stub_without_todo(&plan.exercise.path))
}

/// A solution must be formatted like the rest of the course.
pub fn unformatted(path: &Path, shown: &str) -> Option<String> {
    let status = Command::new("rustfmt")
        .args(["--edition", "2024", "--check"])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match status {
        Ok(status) if status.success() => None,
        Ok(_) => Some(output::unformatted(shown)),
        Err(error) => Some(output::rustfmt_failed(&error)),
    }
}

/// Files under exercises/ and grader/hidden/, and entries of grader/stubs.sha256, that no
/// course.yaml entry accounts for.
pub fn stray_files(course: &Course) -> Vec<VerifyProblem> {
    let mut problems = Vec::new();
    let stems: HashSet<&str> = course.exercises().map(Exercise::stem).collect();
    let exercises_dir = course.root.join("exercises");
    for file in rust_files_below(&exercises_dir) {
        let relative = relative_slash_path(&exercises_dir, &file);
        if !stems.contains(relative.trim_end_matches(".rs")) {
            problems.push(VerifyProblem {
                subject: format!("exercises/{relative}"),
                problem: output::stray_exercise_file(),
            });
        }
    }
    for (_, path) in stubs::listed() {
        let stem = path
            .strip_prefix("exercises/")
            .and_then(|p| p.strip_suffix(".rs"));
        if !stem.is_some_and(|stem| stems.contains(stem)) {
            problems.push(VerifyProblem {
                subject: "grader/stubs.sha256".to_owned(),
                problem: output::stray_stub_digest(path, stubs::REFRESH),
            });
        }
    }
    for (path, _) in embedded::HIDDEN {
        let belongs = stems
            .iter()
            .any(|stem| path.starts_with(&format!("{stem}/")));
        if !belongs {
            problems.push(VerifyProblem {
                subject: format!("grader/hidden/{path}"),
                problem: output::stray_hidden_file(),
            });
        }
    }
    problems
}
