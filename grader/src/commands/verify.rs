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
    // Every file of every exercise is built in one cargo run: cargo keeps every core busy across
    // exercises, and the workspace is loaded once instead of once per exercise.
    let plans: Vec<Plan> = exercises
        .iter()
        .map(|exercise| plan(course, exercise))
        .collect::<Result<_>>()?;
    let submissions: Vec<Submission> = plans.iter().flat_map(Plan::submissions).collect();
    bar.building(submissions.len());
    let built = grade::build(&workspace, &submissions)?;
    let mut rest = built.as_slice();
    for plan in &plans {
        let (mine, others) = rest.split_at(plan.submission_count());
        rest = others;
        bar.grading(&plan.exercise.id);
        let (line, found) = judge(course, &workspace, plan, mine, repeat)?;
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

/// What `verify` grades for one exercise: its solution, its stub, its alternatives and its
/// mutants, in that order.
struct Plan<'a> {
    exercise: &'a Exercise,
    solution_path: std::path::PathBuf,
    solution: Vec<u8>,
    stub: Vec<u8>,
    /// Each alternative's name and source.
    alternatives: Vec<(&'static str, &'static str)>,
    /// Each mutant's name, the bug it has (its first doc line) and its source.
    mutants: Vec<(&'static str, String, &'static str)>,
}

impl<'a> Plan<'a> {
    fn submission_count(&self) -> usize {
        2 + self.alternatives.len() + self.mutants.len()
    }

    fn submissions(&self) -> Vec<Submission<'a>> {
        let submission = |variant: String, bytes: &[u8]| Submission {
            exercise: self.exercise,
            variant,
            bytes: bytes.to_vec(),
        };
        let mut all = vec![
            submission("solution".to_owned(), &self.solution),
            submission("stub".to_owned(), &self.stub),
        ];
        for (name, source) in &self.alternatives {
            all.push(submission(format!("alternative-{name}"), source.as_bytes()));
        }
        for (name, _, source) in &self.mutants {
            all.push(submission(format!("mutant-{name}"), source.as_bytes()));
        }
        all
    }
}

/// Reads what `verify` grades for `exercise`.
fn plan<'a>(course: &Course, exercise: &'a Exercise) -> Result<Plan<'a>> {
    let solution_path = exercise.solution_file(&course.root);
    let solution = read(course, &solution_path)?;
    let stub = read(course, &exercise.exercise_file(&course.root))?;
    let mut alternatives = Vec::new();
    let mut mutants = Vec::new();
    for (path, source) in embedded::hidden_files(exercise.stem()) {
        if let Some(name) = path
            .strip_prefix("alternatives/")
            .and_then(|p| p.strip_suffix(".rs"))
        {
            alternatives.push((name, source));
        } else if let Some(name) = path
            .strip_prefix("mutants/")
            .and_then(|p| p.strip_suffix(".rs"))
        {
            let what = first_doc_line(source).unwrap_or_else(|| name.to_owned());
            mutants.push((name, what, source));
        }
    }
    Ok(Plan {
        exercise,
        solution_path,
        solution,
        stub,
        alternatives,
        mutants,
    })
}

/// Runs one exercise's built submissions; returns its summary line and its problems.
fn judge(
    course: &Course,
    workspace: &BuildWorkspace,
    plan: &Plan,
    built: &[Built],
    repeat: u32,
) -> Result<(String, Vec<VerifyProblem>)> {
    let exercise = plan.exercise;
    let mut problems = Vec::new();
    let mut problem = |problem: String| {
        problems.push(VerifyProblem {
            subject: exercise.id.clone(),
            problem,
        })
    };
    let solution_path = &plan.solution_path;
    let stub_bytes = &plan.stub;
    let alternatives = plan.alternatives.len();
    let alternative_names: Vec<&str> = plan.alternatives.iter().map(|(name, _)| *name).collect();
    let mutant_names: Vec<(&str, &String)> = plan
        .mutants
        .iter()
        .map(|(name, what, _)| (*name, what))
        .collect();

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
            relative_slash_path(&course.root, solution_path),
            output::exercise_report(failed)
        ));
    }
    if let Some(unformatted) = rustfmt_problem(
        solution_path,
        &relative_slash_path(&course.root, solution_path),
    ) {
        problem(unformatted);
    }

    if !String::from_utf8_lossy(stub_bytes).contains("// TODO") {
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
