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

/// Grades `graded`, the contents of a file standing in for `exercise` (the learner's file, a
/// solution or a mutant).
pub fn grade(
    workspace: &BuildWorkspace,
    exercise: &Exercise,
    graded: &[u8],
) -> Result<ExerciseResult> {
    let started = Instant::now();
    let text = match std::str::from_utf8(graded) {
        Ok(text) if text.trim().is_empty() => {
            return Ok(unreadable(exercise, "the file is empty: write the exercise in it, or restore the stub with `git checkout -- FILE`".replace("FILE", &exercise.path)));
        }
        Ok(text) => text,
        Err(error) => {
            return Ok(unreadable(
                exercise,
                format!(
                    "the file is not UTF-8 text (invalid byte at offset {}); Rust source must be \
                     UTF-8",
                    error.valid_up_to()
                ),
            ));
        }
    };
    let krate = workspace.prepare(exercise, text)?;
    let artifacts = match compile::build(workspace, &krate)? {
        BuildOutcome::Built(artifacts) => artifacts,
        BuildOutcome::CompileError(errors) => {
            return Ok(compile_error(exercise, &krate, &errors));
        }
    };
    let mut checks = run_tests(workspace, exercise, &krate, &artifacts)?;
    checks.extend(run_compile_fail(workspace, exercise, &krate, &artifacts)?);
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
             parameters and return types of your public items against that description.",
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
) -> Result<Vec<CheckResult>> {
    let names = list_tests(artifacts)?;
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
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(name) = names.get(index) else {
                        break;
                    };
                    let run = runner::run_test(
                        &artifacts.test_binary,
                        name,
                        exercise.timeout,
                        &run_dirs[index],
                    );
                    let check = CheckResult {
                        name: name.clone(),
                        kind: CheckKind::Test,
                        status: run.status,
                        message: run.message.map(|m| learner_paths(krate, &m)),
                        output: learner_paths(krate, &run.output),
                        duration_ms: run.duration.as_millis() as u64,
                    };
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
