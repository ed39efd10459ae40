//! Grades one exercise: copy the graded file in, build it with the hidden tests, run every test
//! in a process of its own, run the compile-fail checks, and put the verdicts together.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use crate::compile::{self, Artifacts, BuildOutcome, CompileErrors};
use crate::compile_fail::{self, Case};
use crate::course::Exercise;
use crate::embedded;
use crate::error::{GraderError, Result};
use crate::runner;
use crate::verdict::{CheckKind, CheckResult, ExerciseResult, Status};
use crate::workspace::{BuildWorkspace, ExerciseCrate};

/// The most test processes run at once, whatever the number of cores: concurrency tests start
/// threads of their own.
const MAX_PARALLEL_TESTS: usize = 4;

/// An exercise may take at most this many of its per-test timeouts in all: a file whose every
/// test hangs costs a bounded time, and the tests not started by then are reported as such.
const EXERCISE_DEADLINE_IN_TIMEOUTS: u32 = 6;

/// A file to grade as an exercise: the learner's, or for `verify` a solution, stub or mutant.
pub struct Submission<'a> {
    /// The exercise it is graded as.
    pub exercise: &'a Exercise,
    /// Empty for the learner's file; `solution`, `stub` or `mutant-NAME` for `verify`.
    pub variant: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// A submission after the build: ready to run, or already judged (it did not compile).
pub struct Built<'a> {
    /// What was built.
    pub submission: &'a Submission<'a>,
    state: BuiltState,
}

enum BuiltState {
    Ready(ExerciseCrate, Artifacts),
    Judged(ExerciseResult),
}

/// Builds every submission in one cargo run, so that they compile in parallel and one that
/// does not compile stops none of the others.
pub fn build<'a>(
    workspace: &BuildWorkspace,
    submissions: &'a [Submission<'a>],
) -> Result<Vec<Built<'a>>> {
    let mut judged = Vec::new();
    let mut to_build = Vec::new();
    for (index, submission) in submissions.iter().enumerate() {
        let exercise = submission.exercise;
        match std::str::from_utf8(&submission.bytes) {
            Ok(text) if text.trim().is_empty() => judged.push((
                index,
                unreadable(
                    exercise,
                    format!(
                        "the file is empty: write the exercise in it, or restore the stub with \
                         `git checkout -- {}`",
                        exercise.path
                    ),
                ),
            )),
            Ok(text) => to_build.push((
                index,
                workspace.prepare(exercise, &submission.variant, text)?,
            )),
            Err(error) => judged.push((
                index,
                unreadable(
                    exercise,
                    format!(
                        "the file is not UTF-8 text (invalid byte at offset {}); Rust source \
                         must be UTF-8",
                        error.valid_up_to()
                    ),
                ),
            )),
        }
    }
    let crates: Vec<ExerciseCrate> = to_build.iter().map(|(_, k)| k.clone()).collect();
    let outcomes = compile::build_all(workspace, &crates)?;
    let mut states: Vec<Option<BuiltState>> = submissions.iter().map(|_| None).collect();
    for (index, result) in judged {
        states[index] = Some(BuiltState::Judged(result));
    }
    for ((index, krate), outcome) in to_build.into_iter().zip(outcomes) {
        let exercise = submissions[index].exercise;
        states[index] = Some(match outcome {
            BuildOutcome::Built(artifacts) => BuiltState::Ready(krate, artifacts),
            BuildOutcome::CompileError(errors) => {
                BuiltState::Judged(compile_error(exercise, &krate, &errors))
            }
        });
    }
    Ok(submissions
        .iter()
        .zip(states)
        .map(|(submission, state)| Built {
            submission,
            state: state.expect("every submission was judged or built"),
        })
        .collect())
}

/// How much of a submission to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thoroughness {
    /// Every check, for a verdict that explains everything.
    Everything,
    /// Until the first check that does not pass: enough to prove a mutant or stub fails.
    UntilFirstFailure,
}

/// Runs a built submission's hidden tests and compile-fail checks and gives its verdict. Can be
/// called again to run the same build again (`verify --repeat`).
pub fn run(
    workspace: &BuildWorkspace,
    built: &Built,
    thoroughness: Thoroughness,
) -> Result<ExerciseResult> {
    let started = Instant::now();
    let exercise = built.submission.exercise;
    let (krate, artifacts) = match &built.state {
        BuiltState::Judged(result) => return Ok(result.clone()),
        BuiltState::Ready(krate, artifacts) => (krate, artifacts),
    };
    let mut checks = run_tests(workspace, exercise, krate, artifacts, thoroughness)?;
    let failed = checks.iter().any(|c| c.status != Status::Passed);
    if !(failed && thoroughness == Thoroughness::UntilFirstFailure) {
        checks.extend(run_compile_fail(workspace, exercise, krate, artifacts)?);
    }
    Ok(ExerciseResult::from_checks(
        exercise.id.clone(),
        exercise.path.clone(),
        exercise.points,
        checks,
        started.elapsed().as_millis() as u64,
    ))
}

fn unreadable(exercise: &Exercise, problem: String) -> ExerciseResult {
    ExerciseResult {
        id: exercise.id.clone(),
        path: exercise.path.clone(),
        status: Status::CompileError,
        points: 0,
        max_points: exercise.points,
        compiler_output: Some(format!("{}: {problem}", exercise.path)),
        tests: Vec::new(),
        duration_ms: 0,
        cached: false,
    }
}

fn compile_error(
    exercise: &Exercise,
    krate: &ExerciseCrate,
    errors: &CompileErrors,
) -> ExerciseResult {
    let in_learner_file: Vec<&str> = errors
        .rendered
        .iter()
        .filter(|e| !e.in_hidden_code)
        .map(|e| e.text.trim_end())
        .collect();
    let text = if !in_learner_file.is_empty() {
        in_learner_file.join("\n\n")
    } else {
        // The learner's file compiles, but the tests cannot use it: show what the tests looked
        // for, not the hidden source.
        let headlines: Vec<&str> = errors
            .rendered
            .iter()
            .map(|e| e.headline.as_str())
            .collect();
        format!(
            "Your file compiles, but the hidden tests cannot use it: they call the API described \
             at the top of the exercise, and the compiler said:\n  {}\nCheck the names, \
             parameters and return types of your public items against that description, and \
             whether your types are `Send` and `Sync` where it says they must be.",
            headlines.join("\n  ")
        )
    };
    ExerciseResult {
        id: exercise.id.clone(),
        path: exercise.path.clone(),
        status: Status::CompileError,
        points: 0,
        max_points: exercise.points,
        compiler_output: Some(learner_paths(krate, &text)),
        tests: Vec::new(),
        duration_ms: 0,
        cached: false,
    }
}

/// Rewrites paths inside the build workspace to the paths the learner knows.
fn learner_paths(krate: &ExerciseCrate, text: &str) -> String {
    text.replace(&format!("{}/", krate.dir_name), "")
}

fn list_tests(artifacts: &Artifacts) -> Result<Vec<String>> {
    let output = std::process::Command::new(&artifacts.test_binary)
        .arg("--list")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| GraderError::io("list the hidden tests", e))?;
    let names: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if !output.status.success() || names.is_empty() {
        return Err(GraderError::Build(format!(
            "the hidden test binary {} listed no tests",
            artifacts.test_binary.display()
        )));
    }
    Ok(names)
}

fn run_tests(
    workspace: &BuildWorkspace,
    exercise: &Exercise,
    krate: &ExerciseCrate,
    artifacts: &Artifacts,
    thoroughness: Thoroughness,
) -> Result<Vec<CheckResult>> {
    let names = list_tests(artifacts)?;
    let stop = std::sync::atomic::AtomicBool::new(false);
    let deadline = exercise.timeout * EXERCISE_DEADLINE_IN_TIMEOUTS;
    let started = std::time::Instant::now();
    let mut run_dirs = Vec::with_capacity(names.len());
    for name in &names {
        run_dirs.push(workspace.run_dir(&krate.package, name)?);
    }
    let results: Mutex<Vec<Option<CheckResult>>> = Mutex::new(vec![None; names.len()]);
    let next = AtomicUsize::new(0);
    let jobs = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MAX_PARALLEL_TESTS);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(name) = names.get(index) else {
                        break;
                    };
                    if started.elapsed() >= deadline {
                        let check = CheckResult {
                            name: name.clone(),
                            kind: CheckKind::Test,
                            status: Status::TimedOut,
                            message: Some(format!(
                                "was not run: the exercise's tests had already used its {} s \
                                 in all (the tests before it hung or ran long)",
                                deadline.as_secs()
                            )),
                            output: String::new(),
                            duration_ms: 0,
                        };
                        results.lock().unwrap_or_else(|p| p.into_inner())[index] = Some(check);
                        continue;
                    }
                    let Some(run) = runner::run_test(
                        &artifacts.test_binary,
                        name,
                        exercise.timeout,
                        &run_dirs[index],
                        &stop,
                    ) else {
                        break;
                    };
                    let check = CheckResult {
                        name: name.clone(),
                        kind: CheckKind::Test,
                        status: run.status,
                        message: run.message.map(|m| learner_paths(krate, &m)),
                        output: learner_paths(krate, &run.output),
                        duration_ms: run.duration.as_millis() as u64,
                    };
                    if check.status != Status::Passed
                        && thoroughness == Thoroughness::UntilFirstFailure
                    {
                        stop.store(true, Ordering::Relaxed);
                    }
                    results.lock().unwrap_or_else(|p| p.into_inner())[index] = Some(check);
                }
            });
        }
    });
    Ok(results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .flatten()
        .collect())
}

fn run_compile_fail(
    workspace: &BuildWorkspace,
    exercise: &Exercise,
    krate: &ExerciseCrate,
    artifacts: &Artifacts,
) -> Result<Vec<CheckResult>> {
    let scratch = workspace
        .dir
        .join("runs")
        .join(&krate.package)
        .join("compile_fail");
    let mut checks = Vec::new();
    for (path, source) in embedded::hidden_files(exercise.stem()) {
        let Some(name) = path
            .strip_prefix("compile_fail/")
            .and_then(|p| p.strip_suffix(".rs"))
        else {
            continue;
        };
        let case = Case::parse(name, source).map_err(|e| GraderError::Build(e.to_string()))?;
        checks.push(compile_fail::check(&case, artifacts, &scratch)?);
    }
    Ok(checks)
}
