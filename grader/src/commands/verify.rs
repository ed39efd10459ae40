//! `grader verify`, for course authors: every solution passes, every stub and every mutant
//! fails, and course.yaml, exercises/, solutions/ and the hidden tests agree.

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::commands::check::select;
use crate::course::{Course, Exercise};
use crate::embedded;
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::files::{relative_slash_path, rust_files_below};
use crate::grade::{self, Built, Submission, Thoroughness};
use crate::output::{self, VerifyProblem};
use crate::progress_bar::GradingProgress;
use crate::verdict::{ExerciseResult, Status};
use crate::workspace::BuildWorkspace;

/// Verifies the whole course, or one section or exercise of it.
pub fn run(course: &Course, target: Option<&str>, repeat: u32) -> Result<i32> {
    let exercises = select(course, target)?;
    let mut problems = Vec::new();
    if target.is_none() {
        problems.extend(stray_files(course));
    }
    let workspace = BuildWorkspace::open(course)?;
    let bar = GradingProgress::new(exercises.len());
    for exercise in exercises {
        bar.grading(&exercise.id);
        let (line, found) = verify_exercise(course, &workspace, exercise, repeat)?;
        bar.print(&format!("{line}\n"));
        bar.advance();
        problems.extend(found);
    }
    bar.finish();
    print!("{}", output::verify(&[], &problems));
    Ok(if problems.is_empty() {
        EXIT_PASSED
    } else {
        EXIT_NOT_PASSED
    })
}

fn read(course: &Course, path: &std::path::Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        GraderError::io(
            format!("read {}", relative_slash_path(&course.root, path)),
            e,
        )
    })
}

/// Checks one exercise; returns its summary line and its problems.
fn verify_exercise(
    course: &Course,
    workspace: &BuildWorkspace,
    exercise: &Exercise,
    repeat: u32,
) -> Result<(String, Vec<VerifyProblem>)> {
    let mut problems = Vec::new();
    let mut problem = |problem: String| {
        problems.push(VerifyProblem {
            subject: exercise.id.clone(),
            problem,
        })
    };

    let solution_path = exercise.solution_file(&course.root);
    let stub_bytes = read(course, &exercise.exercise_file(&course.root))?;
    let mut submissions = vec![
        Submission {
            exercise,
            variant: "solution".to_owned(),
            bytes: read(course, &solution_path)?,
        },
        Submission {
            exercise,
            variant: "stub".to_owned(),
            bytes: stub_bytes.clone(),
        },
    ];
    let mut alternative_names = Vec::new();
    for (path, source) in embedded::hidden_files(exercise.stem()) {
        let Some(name) = path
            .strip_prefix("alternatives/")
            .and_then(|p| p.strip_suffix(".rs"))
        else {
            continue;
        };
        alternative_names.push(name);
        submissions.push(Submission {
            exercise,
            variant: format!("alternative-{name}"),
            bytes: source.as_bytes().to_vec(),
        });
    }
    let alternatives = alternative_names.len();
    let mut mutant_names = Vec::new();
    for (path, source) in embedded::hidden_files(exercise.stem()) {
        let Some(name) = path
            .strip_prefix("mutants/")
            .and_then(|p| p.strip_suffix(".rs"))
        else {
            continue;
        };
        mutant_names.push((
            name,
            first_doc_line(source).unwrap_or_else(|| name.to_owned()),
        ));
        submissions.push(Submission {
            exercise,
            variant: format!("mutant-{name}"),
            bytes: source.as_bytes().to_vec(),
        });
    }
    let built = grade::build(workspace, &submissions)?;

    let mut runs = Vec::new();
    for _ in 0..repeat {
        runs.push(grade::run(workspace, &built[0], Thoroughness::Everything)?);
    }
    let solution = runs[0].clone();
    // Correct solutions written differently from ours must pass too, every time.
    for (name, built) in alternative_names.iter().zip(&built[2..2 + alternatives]) {
        for _ in 0..repeat {
            let verdict = grade::run(workspace, built, Thoroughness::Everything)?;
            if !verdict.passed() {
                problem(format!(
                    "alternative solution {name} is correct but does not pass:\n{}",
                    output::exercise_report(&verdict)
                ));
                break;
            }
        }
    }
    for flaky in flaky_tests(&runs) {
        problem(flaky);
    }
    if let Some(failed) = runs.iter().find(|run| !run.passed()) {
        problem(format!(
            "the solution {} does not pass:\n{}",
            relative_slash_path(&course.root, &solution_path),
            output::exercise_report(failed)
        ));
    }
    if let Some(unformatted) = rustfmt_problem(
        &solution_path,
        &relative_slash_path(&course.root, &solution_path),
    ) {
        problem(unformatted);
    }

    if !String::from_utf8_lossy(&stub_bytes).contains("// TODO") {
        problem(format!(
            "the stub {} has no `// TODO` comment",
            exercise.path
        ));
    }
    // The stub and the mutants only need to fail, and most fail by hanging or waiting, which
    // costs no CPU: run several at once. The solution ran alone above, so its tests never
    // compete with them.
    let must_fail: Vec<&Built> = std::iter::once(&built[1])
        .chain(&built[2 + alternatives..])
        .collect();
    let mut verdicts = run_concurrently(workspace, &must_fail)?.into_iter();
    let stub = verdicts.next().expect("the stub's verdict");
    match stub.status {
        Status::Failed => {}
        Status::Passed => problem(format!(
            "the stub {} already passes every check",
            exercise.path
        )),
        _ => problem(format!(
            "the stub {} must compile and fail its tests, but it {}:\n{}",
            exercise.path,
            stub.status.label(),
            output::exercise_report(&stub)
        )),
    }

    let mut caught = 0;
    for ((name, what), mutant) in mutant_names.iter().zip(verdicts) {
        match mutant.status {
            Status::Passed => problem(format!(
                "mutant {name} ({what}) passes every check: the hidden tests miss this bug"
            )),
            Status::CompileError => problem(format!(
                "mutant {name} does not compile, so it proves nothing:\n{}",
                output::exercise_report(&mutant)
            )),
            _ => caught += 1,
        }
    }

    let summary = format!(
        "{}: solution passes {} checks; {alternatives} {}; stub {}; {caught} mutant{} caught",
        exercise.id,
        count_passed(&solution),
        if alternatives == 1 {
            "alternative passes"
        } else {
            "alternatives pass"
        },
        stub.status.label(),
        if caught == 1 { "" } else { "s" },
    );
    Ok((output::verify_line(problems.is_empty(), &summary), problems))
}

/// How many stubs and mutants run at once.
const CONCURRENT_MUTANTS: usize = 3;

/// Runs each built submission until its first failure, several at a time, and returns their
/// verdicts in order.
fn run_concurrently(workspace: &BuildWorkspace, built: &[&Built]) -> Result<Vec<ExerciseResult>> {
    let next = AtomicUsize::new(0);
    let verdicts: Mutex<Vec<Option<Result<ExerciseResult>>>> =
        Mutex::new(built.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..CONCURRENT_MUTANTS {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(submission) = built.get(index) else {
                        break;
                    };
                    let verdict =
                        grade::run(workspace, submission, Thoroughness::UntilFirstFailure);
                    verdicts.lock().unwrap_or_else(|p| p.into_inner())[index] = Some(verdict);
                }
            });
        }
    });
    verdicts
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|verdict| verdict.expect("every submission was run"))
        .collect()
}

/// A test that passed in one run and not in another, with what it did when it failed.
fn flaky_tests(runs: &[ExerciseResult]) -> Vec<String> {
    let Some(first) = runs.first() else {
        return Vec::new();
    };
    let mut flaky = Vec::new();
    for check in &first.tests {
        let outcomes: Vec<&crate::verdict::CheckResult> = runs
            .iter()
            .filter_map(|run| run.tests.iter().find(|t| t.name == check.name))
            .collect();
        let passes = outcomes
            .iter()
            .filter(|t| t.status == Status::Passed)
            .count();
        if passes > 0 && passes < outcomes.len() {
            let failure = outcomes
                .iter()
                .find(|t| t.status != Status::Passed)
                .and_then(|t| t.message.clone())
                .unwrap_or_default();
            flaky.push(format!(
                "test `{}` is flaky: it passed {passes} of {} runs of the solution; when it \
                 failed:\n{failure}",
                check.name,
                outcomes.len()
            ));
        }
    }
    flaky
}

fn count_passed(result: &ExerciseResult) -> usize {
    result
        .tests
        .iter()
        .filter(|t| t.status == Status::Passed)
        .count()
}

fn first_doc_line(source: &str) -> Option<String> {
    source
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("//!"))
        .map(|l| l.trim().trim_start_matches("Mutant:").trim().to_owned())
}

/// A solution must be formatted like the rest of the course.
fn rustfmt_problem(path: &std::path::Path, shown: &str) -> Option<String> {
    let status = Command::new("rustfmt")
        .args(["--edition", "2024", "--check"])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match status {
        Ok(status) if status.success() => None,
        Ok(_) => Some(format!(
            "{shown} is not formatted: run `rustfmt --edition 2024 {shown}`"
        )),
        Err(error) => Some(format!("rustfmt could not be run: {error}")),
    }
}

/// Files under exercises/ and grader/hidden/ that no course.yaml entry accounts for.
fn stray_files(course: &Course) -> Vec<VerifyProblem> {
    let mut problems = Vec::new();
    let stems: HashSet<&str> = course.exercises().map(Exercise::stem).collect();
    let exercises_dir = course.root.join("exercises");
    for file in rust_files_below(&exercises_dir) {
        let relative = relative_slash_path(&exercises_dir, &file);
        if !stems.contains(relative.trim_end_matches(".rs")) {
            problems.push(VerifyProblem {
                subject: format!("exercises/{relative}"),
                problem: "a stray file: no course.yaml entry names it".to_owned(),
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
                problem: "a stray hidden file: it belongs to no exercise of course.yaml".to_owned(),
            });
        }
    }
    problems
}
