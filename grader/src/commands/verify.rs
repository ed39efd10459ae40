//! `grader verify`, for course authors: every solution passes, every stub and every mutant
//! fails, and course.yaml, exercises/, solutions/ and the hidden tests agree.

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};

use crate::budget::ExerciseDeadline;
use crate::bug_classes::{self, Declaration};

use crate::course::{Course, Exercise};
use crate::embedded;
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::files::{relative_slash_path, rust_files_below};
use crate::grade::{self, Built, Submission, Thoroughness};
use crate::output::{self, VerifyProblem};
use crate::platform;
use crate::progress_bar::GradingProgress;
use crate::stubs;
use crate::verdict::{CheckKind, ExerciseResult, Status};
use crate::workspace::BuildWorkspace;

/// Verifies the whole course, or one section or exercise of it.
pub fn run(course: &Course, target: Option<&str>, repeat: u32) -> Result<i32> {
    let exercises = course.selected(target)?;
    let mut problems = Vec::new();
    if target.is_none() {
        problems.extend(stray_files(course));
    }
    let workspace = BuildWorkspace::open(course)?;
    let bar = GradingProgress::new(exercises.len());
    // Every file of every exercise is built in one cargo run: cargo keeps every core busy across
    // exercises, and the workspace is loaded once instead of once per exercise.
    let plans = plans(course, &exercises)?;
    let submissions: Vec<Submission> = plans.iter().flat_map(Plan::submissions).collect();
    bar.building(submissions.len());
    let built = grade::build(&workspace, &submissions, None)?;
    let mut per_plan = Vec::with_capacity(plans.len());
    let mut rest = built.as_slice();
    for plan in &plans {
        let (mine, others) = rest.split_at(plan.submission_count());
        per_plan.push(mine);
        rest = others;
    }

    // Solutions and alternatives must pass every time, so each runs alone, with the machine to
    // itself: a failure then says something about the tests, not about the company they kept.
    let mut correct_runs = Vec::with_capacity(plans.len());
    for (plan, built) in plans.iter().zip(&per_plan) {
        bar.grading(&plan.exercise.id);
        correct_runs.push(Some(run_correct(course, &workspace, plan, built, repeat)?));
    }

    // Stubs and mutants only need to fail, and most fail by waiting out a deadline, which costs
    // no CPU: those of every exercise run together, several at a time, so that no core waits
    // for the slowest mutant of one exercise before the next exercise starts.
    let must_fail: Vec<Vec<&Built>> = plans
        .iter()
        .zip(&per_plan)
        .map(|(plan, built)| plan.must_fail(built))
        .collect();
    bar.must_fail(must_fail.iter().map(Vec::len).sum());
    run_must_fail(&workspace, &must_fail, repeat, |index, verdicts| {
        let correct = correct_runs[index]
            .take()
            .expect("each exercise is judged once");
        let (line, found) = judge(&plans[index], correct, verdicts);
        bar.print(&format!("{line}\n"));
        bar.advance();
        problems.extend(found);
    })?;
    bar.finish();
    eprint!("{}", output::weaker_machine(&platform::new_weaknesses()));
    print!("{}", output::verify(&[], &problems));
    Ok(if problems.is_empty() {
        EXIT_PASSED
    } else {
        EXIT_NOT_PASSED
    })
}

/// What `verify` grades for each of `exercises`.
fn plans<'a>(course: &Course, exercises: &[&'a Exercise]) -> Result<Vec<Plan<'a>>> {
    exercises
        .iter()
        .map(|exercise| plan(course, exercise))
        .collect()
}

/// `verify --write-only`: writes every crate `run` would build, and builds nothing.
pub fn write_only(course: &Course, target: Option<&str>) -> Result<i32> {
    let exercises = course.selected(target)?;
    let workspace = BuildWorkspace::open(course)?;
    let plans = plans(course, &exercises)?;
    let submissions: Vec<Submission> = plans.iter().flat_map(Plan::submissions).collect();
    let written = grade::write_crates(&workspace, &submissions)?;
    print!("{}", output::crates_written(written, &workspace.dir));
    Ok(EXIT_PASSED)
}

/// `verify --build-only`: builds every crate `run` would run, in one cargo run, and runs none.
pub fn build_only(course: &Course, target: Option<&str>) -> Result<i32> {
    let exercises = course.selected(target)?;
    let workspace = BuildWorkspace::open(course)?;
    let plans = plans(course, &exercises)?;
    let submissions: Vec<Submission> = plans.iter().flat_map(Plan::submissions).collect();
    let bar = GradingProgress::new(exercises.len());
    bar.building(submissions.len());
    let built = grade::build(&workspace, &submissions, None)?;
    bar.finish();
    // Only a mutant may fail to compile (a compile-fail check catches some that way): a
    // solution, stub or alternative that does not is a problem `verify` would report.
    let refused: Vec<&Submission> = built
        .iter()
        .filter(|built| !built.compiled())
        .map(|built| built.submission)
        .collect();
    let names: Vec<String> = refused
        .iter()
        .map(|submission| format!("{}: {}", submission.exercise.id, submission.variant))
        .collect();
    print!(
        "{}",
        output::crates_built(submissions.len(), &names, &workspace.dir)
    );
    Ok(
        if refused.iter().any(|s| !s.variant.starts_with("mutant-")) {
            EXIT_NOT_PASSED
        } else {
            EXIT_PASSED
        },
    )
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
    /// The bug classes the exercise declares (`classes.yaml`), if it has the file, or why it
    /// cannot be read.
    classes: Option<std::result::Result<Declaration, String>>,
}

impl<'a> Plan<'a> {
    fn submission_count(&self) -> usize {
        2 + self.alternatives.len() + self.mutants.len()
    }

    /// The stub and the mutants among this plan's built submissions.
    fn must_fail<'b>(&self, built: &'b [Built<'b>]) -> Vec<&'b Built<'b>> {
        std::iter::once(&built[1])
            .chain(&built[2 + self.alternatives.len()..])
            .collect()
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
    let mut classes = None;
    for (path, source) in embedded::hidden_files(exercise.stem()) {
        if path == "classes.yaml" {
            classes = Some(Declaration::parse(source));
        }
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
        classes,
    })
}

impl Plan<'_> {
    /// What is wrong with the exercise's bug-class declaration, which every exercise must have.
    fn class_problems(&self) -> Vec<String> {
        let names: Vec<&str> = self.mutants.iter().map(|(name, _, _)| *name).collect();
        let file = format!("grader/hidden/{}/classes.yaml", self.exercise.stem());
        bug_classes::declaration_problems(&file, self.classes.as_ref(), &names)
    }
}

/// `verify --classes`: the bug-class matrix of the selected exercises, and the problems of
/// their declarations; grades nothing.
pub fn classes(course: &Course, target: Option<&str>) -> Result<i32> {
    let exercises = course.selected(target)?;
    let plans = plans(course, &exercises)?;
    let rows: Vec<(&str, Option<&Declaration>)> = plans
        .iter()
        .map(|plan| {
            (
                plan.exercise.id.as_str(),
                plan.classes.as_ref().and_then(|c| c.as_ref().ok()),
            )
        })
        .collect();
    let problems: Vec<VerifyProblem> = plans
        .iter()
        .flat_map(|plan| {
            plan.class_problems()
                .into_iter()
                .map(|problem| VerifyProblem {
                    subject: plan.exercise.id.clone(),
                    problem,
                })
        })
        .collect();
    print!("{}", output::class_matrix(&rows));
    print!("{}", output::class_problems(&problems));
    Ok(if problems.is_empty() {
        EXIT_PASSED
    } else {
        EXIT_NOT_PASSED
    })
}

/// What the runs of an exercise's solution and alternatives found.
struct CorrectRuns {
    /// The solution's first run.
    solution: ExerciseResult,
    problems: Vec<String>,
}

/// Runs every check of a correct file (a solution or an alternative), bound by its exercise's
/// own limit: verify has no budget.
fn run_alone(workspace: &BuildWorkspace, built: &Built) -> Result<ExerciseResult> {
    let deadline = ExerciseDeadline::without_budget(built.submission.exercise);
    grade::run(workspace, built, Thoroughness::Everything, &deadline)
}

/// Runs an exercise's solution `repeat` times and each alternative `repeat` times, one run
/// after another, and checks the solution's formatting and the stub's `// TODO`.
fn run_correct(
    course: &Course,
    workspace: &BuildWorkspace,
    plan: &Plan,
    built: &[Built],
    repeat: u32,
) -> Result<CorrectRuns> {
    let mut problems = Vec::new();
    let solution_path = &plan.solution_path;
    let mut runs = Vec::new();
    for _ in 0..repeat {
        runs.push(run_alone(workspace, &built[0])?);
    }
    // Correct solutions written differently from ours must pass too, every time.
    for ((name, _), built) in plan.alternatives.iter().zip(&built[2..]) {
        for _ in 0..repeat {
            let verdict = run_alone(workspace, built)?;
            if !verdict.passed() {
                problems.push(format!(
                    "alternative solution {name} is correct but does not pass:\n{}",
                    output::exercise_report(&verdict)
                ));
                break;
            }
        }
    }
    problems.extend(flaky_tests(&runs));
    if let Some(failed) = runs.iter().find(|run| !run.passed()) {
        problems.push(format!(
            "the solution {} does not pass:\n{}",
            relative_slash_path(&course.root, solution_path),
            output::exercise_report(failed)
        ));
    }
    problems.extend(rustfmt_problem(
        solution_path,
        &relative_slash_path(&course.root, solution_path),
    ));
    if !String::from_utf8_lossy(&plan.stub).contains("// TODO") {
        problems.push(format!(
            "the stub {} has no `// TODO` comment",
            plan.exercise.path
        ));
    }
    Ok(CorrectRuns {
        solution: runs.swap_remove(0),
        problems,
    })
}

/// Judges one exercise from its correct runs and the verdicts of its stub's run and of each
/// mutant's runs (in the order of [`Plan::must_fail`]); returns its summary line and its
/// problems.
fn judge(
    plan: &Plan,
    correct: CorrectRuns,
    must_fail: Vec<Vec<ExerciseResult>>,
) -> (String, Vec<VerifyProblem>) {
    let exercise = plan.exercise;
    let mut problems = correct.problems;
    problems.extend(stubs::entry_problem(&exercise.path, &plan.stub));
    problems.extend(plan.class_problems());
    let mut verdicts = must_fail.into_iter();
    let stub = verdicts
        .next()
        .and_then(|runs| runs.into_iter().next())
        .expect("the stub's verdict");
    match stub.status {
        Status::Failed => {}
        Status::Passed => problems.push(format!(
            "the stub {} already passes every check",
            exercise.path
        )),
        _ => problems.push(format!(
            "the stub {} must compile and fail its tests, but it {}:\n{}",
            exercise.path,
            stub.status.label(),
            output::exercise_report(&stub)
        )),
    }

    let mut caught = 0;
    // Which kind of check caught each mutant (the first that failed in its first run), so that
    // an author sees what each kind of test is for.
    let mut caught_by = [0usize; 3];
    for ((name, what, _), runs) in plan.mutants.iter().zip(verdicts) {
        match mutant_problem(name, what, &runs) {
            Some(problem) => problems.push(problem),
            None => {
                caught += 1;
                let first_failure = runs
                    .first()
                    .and_then(|run| run.tests.iter().find(|c| c.status != Status::Passed))
                    .map(|check| check.kind);
                match first_failure {
                    Some(CheckKind::Model) => caught_by[0] += 1,
                    Some(CheckKind::Test) | None => caught_by[1] += 1,
                    Some(CheckKind::CompileFail) => caught_by[2] += 1,
                }
            }
        }
    }

    let alternatives = plan.alternatives.len();
    let summary = format!(
        "{}: solution passes {} checks; {alternatives} {}; stub {}; {caught} mutant{} caught",
        exercise.id,
        count_passed(&correct.solution),
        if alternatives == 1 {
            "alternative passes"
        } else {
            "alternatives pass"
        },
        stub.status.label(),
        if caught == 1 { "" } else { "s" },
    ) + &output::verify_caught_by(caught_by);
    let problems: Vec<VerifyProblem> = problems
        .into_iter()
        .map(|problem| VerifyProblem {
            subject: exercise.id.clone(),
            problem,
        })
        .collect();
    (output::verify_line(problems.is_empty(), &summary), problems)
}

/// What is wrong with mutant `name`, whose bug is `what`, given the verdicts of its runs: it
/// must compile and fail in every run.
fn mutant_problem(name: &str, what: &str, runs: &[ExerciseResult]) -> Option<String> {
    let passed = runs
        .iter()
        .filter(|run| run.status == Status::Passed)
        .count();
    if let Some(uncompiled) = runs.iter().find(|run| run.status == Status::CompileError) {
        Some(format!(
            "mutant {name} does not compile, so it proves nothing:\n{}",
            output::exercise_report(uncompiled)
        ))
    } else if passed == runs.len() {
        Some(format!(
            "mutant {name} ({what}) passes every check: the hidden tests miss this bug"
        ))
    } else if passed > 0 {
        Some(format!(
            "mutant {name} ({what}) passed every check in {passed} of {} runs: the hidden tests \
             catch this bug only by luck",
            runs.len()
        ))
    } else {
        None
    }
}

/// How many stubs and mutants run at once for each core: most of them spend their time asleep,
/// waiting out a deadline.
const MUST_FAIL_RUNS_PER_CORE: usize = 4;

/// Runs every group's built submissions until their first failure, several at a time, taking
/// them in order: each group's first (its stub) once, the others (its mutants) `repeat` times.
/// Calls `finished(index, verdicts)` on the calling thread for each group, with the verdicts of
/// each submission's runs, in order, as soon as that group's runs and those of every group
/// before it are done.
fn run_must_fail(
    workspace: &BuildWorkspace,
    groups: &[Vec<&Built>],
    repeat: u32,
    mut finished: impl FnMut(usize, Vec<Vec<ExerciseResult>>),
) -> Result<()> {
    let runs_of = |index: usize| if index == 0 { 1 } else { repeat as usize };
    // Round by round: every submission's first run, then every second run, and so on, so that
    // the runs of one submission are far apart in the queue.
    let jobs: Vec<(usize, usize)> = (0..repeat as usize)
        .flat_map(|round| {
            groups.iter().enumerate().flat_map(move |(group, built)| {
                (0..built.len())
                    .filter(move |&index| round < runs_of(index))
                    .map(move |index| (group, index))
            })
        })
        .collect();
    // Two runs of one submission share its working folders (`runs/PACKAGE/TEST`, which each
    // run empties first), so they must never overlap: one would delete the folder the other's
    // test or compiler is working in, a failure that is the grader's and not the mutant's (a
    // mutant falsely caught). A run waits for the one before it to end.
    let alone: Vec<Vec<Mutex<()>>> = groups
        .iter()
        .map(|built| built.iter().map(|_| Mutex::new(())).collect())
        .collect();
    let concurrency = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .saturating_mul(MUST_FAIL_RUNS_PER_CORE)
        .clamp(1, jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let abandoned = AtomicBool::new(false);
    let verdicts: Vec<Mutex<Vec<Vec<ExerciseResult>>>> = groups
        .iter()
        .map(|built| Mutex::new(vec![Vec::new(); built.len()]))
        .collect();
    let remaining: Vec<AtomicUsize> = groups
        .iter()
        .map(|built| AtomicUsize::new((0..built.len()).map(runs_of).sum()))
        .collect();
    let (done, done_groups) = mpsc::channel::<Result<usize>>();
    std::thread::scope(|scope| {
        for _ in 0..concurrency {
            let done = done.clone();
            let (jobs, next, abandoned) = (&jobs, &next, &abandoned);
            let (verdicts, remaining, alone) = (&verdicts, &remaining, &alone);
            scope.spawn(move || {
                while !abandoned.load(Ordering::Relaxed) {
                    let Some(&(group, index)) = jobs.get(next.fetch_add(1, Ordering::Relaxed))
                    else {
                        break;
                    };
                    let built = groups[group][index];
                    let deadline = ExerciseDeadline::without_budget(built.submission.exercise);
                    let _alone = alone[group][index]
                        .lock()
                        .unwrap_or_else(|p| p.into_inner());
                    match grade::run(workspace, built, Thoroughness::UntilFirstFailure, &deadline) {
                        Ok(verdict) => {
                            verdicts[group].lock().unwrap_or_else(|p| p.into_inner())[index]
                                .push(verdict);
                            if remaining[group].fetch_sub(1, Ordering::AcqRel) == 1 {
                                let _ = done.send(Ok(group));
                            }
                        }
                        Err(error) => {
                            abandoned.store(true, Ordering::Relaxed);
                            let _ = done.send(Err(error));
                        }
                    }
                }
            });
        }
        drop(done);
        let mut ready = vec![false; groups.len()];
        let mut next_to_report = 0;
        for group in done_groups {
            let group = match group {
                Ok(group) => group,
                Err(error) => return Err(error),
            };
            ready[group] = true;
            while next_to_report < groups.len() && ready[next_to_report] {
                let found = std::mem::take(
                    &mut *verdicts[next_to_report]
                        .lock()
                        .unwrap_or_else(|p| p.into_inner()),
                );
                finished(next_to_report, found);
                next_to_report += 1;
            }
        }
        Ok(())
    })
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

/// What a mutant's opening `//!` paragraph says its bug is (without the `Mutant:` label), on
/// one line: a sentence wrapped over two lines of the file is still one sentence.
fn first_doc_line(source: &str) -> Option<String> {
    let paragraph: Vec<&str> = source
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("//!"))
        .map_while(|l| l.trim_start().strip_prefix("//!"))
        .map(str::trim)
        .take_while(|l| !l.is_empty())
        .collect();
    if paragraph.is_empty() {
        return None;
    }
    Some(
        paragraph
            .join(" ")
            .trim_start_matches("Mutant:")
            .trim()
            .to_owned(),
    )
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

/// Files under exercises/ and grader/hidden/, and entries of grader/stubs.sha256, that no
/// course.yaml entry accounts for.
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
    for (_, path) in stubs::listed() {
        let stem = path
            .strip_prefix("exercises/")
            .and_then(|p| p.strip_suffix(".rs"));
        if !stem.is_some_and(|stem| stems.contains(stem)) {
            problems.push(VerifyProblem {
                subject: "grader/stubs.sha256".to_owned(),
                problem: format!(
                    "lists {path}, which no course.yaml entry names: run `{}`",
                    stubs::REFRESH
                ),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn run(status: Status) -> ExerciseResult {
        ExerciseResult {
            id: "locks/counter".to_owned(),
            path: "exercises/03_locks/01_counter.rs".to_owned(),
            status,
            points: 0,
            max_points: 10,
            compiler_output: None,
            tests: Vec::new(),
            notes: Vec::new(),
            duration_ms: 0,
            failure_kind: None,
            file_sha256: None,
            cached: false,
        }
    }

    #[test]
    fn a_mutants_bug_is_its_whole_first_paragraph() {
        let source = "//! Mutant: waits under one lock and takes the GIL\n//! under a second.\n//!\n\
                      //! More about it.\nuse std::sync::Mutex;\n";
        assert_eq!(
            first_doc_line(source).as_deref(),
            Some("waits under one lock and takes the GIL under a second.")
        );
        assert_eq!(
            first_doc_line("//! Mutant: one line.\n\nuse x;\n").as_deref(),
            Some("one line.")
        );
        assert_eq!(first_doc_line("use x;\n"), None);
    }

    #[test]
    fn a_mutant_is_caught_only_if_it_fails_every_run() {
        let failed = [run(Status::Failed), run(Status::TimedOut)];
        assert_eq!(mutant_problem("lost_update", "a bug", &failed), None);

        let once = [
            run(Status::Failed),
            run(Status::Passed),
            run(Status::Failed),
        ];
        let problem = mutant_problem("lost_update", "a bug", &once).expect("a problem");
        assert!(problem.contains("in 1 of 3 runs"), "{problem}");
        assert!(problem.contains("only by luck"), "{problem}");

        let always = [run(Status::Passed), run(Status::Passed)];
        let problem = mutant_problem("lost_update", "a bug", &always).expect("a problem");
        assert!(problem.contains("miss this bug"), "{problem}");
    }
}
