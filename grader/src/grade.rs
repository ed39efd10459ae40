//! Grades one exercise: copy the graded file in, build it with the hidden tests (and, where the
//! exercise has model tests, a second time for the model checker), run every test in a process
//! of its own, run the compile-fail checks, and put the verdicts together.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::budget::{ExerciseDeadline, MIN_TEST_TIME};
use crate::compile::{self, Artifacts, BuildOutcome, CompileErrors};
use crate::compile_fail::{self, Case};
use crate::course::Exercise;
use crate::embedded;
use crate::error::{GraderError, Result};
use crate::failure_kind;
use crate::output;
use crate::pool;
use crate::runner;
use crate::type_check;
use crate::verdict::{CheckKind, CheckResult, ExerciseResult, FailureKind, News, Status};
use crate::workspace::{BuildWorkspace, ExerciseCrate};

mod learner;

pub use learner::grade_and_record;

/// The most test processes run at once, whatever the number of cores: concurrency tests start
/// threads of their own.
const MAX_PARALLEL_TESTS: usize = 4;

/// A file to grade as an exercise: the learner's, or for `verify` a solution, stub, alternative
/// or mutant.
pub struct Submission<'a> {
    /// The exercise it is graded as.
    pub exercise: &'a Exercise,
    /// Which file of the exercise it is.
    pub variant: Variant,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// Which of an exercise's files a submission is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// The learner's own file.
    Learner,
    /// The course's solution (`verify`).
    Solution,
    /// The stub the learner starts from (`verify`).
    Stub,
    /// A correct solution written differently from the course's, by name (`verify`).
    Alternative(&'static str),
    /// A solution with a bug the hidden tests must catch, by name (`verify`).
    Mutant(&'static str),
}

impl Variant {
    /// What keeps this variant's crates apart from the others' in the build workspace (see
    /// [`BuildWorkspace::prepare`]), and names it to an author: empty for the learner's file,
    /// `solution`, `stub`, `alternative-NAME` or `mutant-NAME` otherwise.
    pub fn name(&self) -> String {
        match self {
            Variant::Learner => String::new(),
            Variant::Solution => "solution".to_owned(),
            Variant::Stub => "stub".to_owned(),
            Variant::Alternative(name) => format!("alternative-{name}"),
            Variant::Mutant(name) => format!("mutant-{name}"),
        }
    }
}

/// Where news of a grading goes: a sink that may be told from several threads at once.
pub type NewsSink<'a> = &'a (dyn Fn(&Exercise, News) + Sync);

/// The sink of a grading no learner is waiting on (`verify`, a replay).
pub fn no_news(_: &Exercise, _: News) {}

/// A submission after the build: ready to run, or already judged (it did not compile).
pub struct Built<'a> {
    /// What was built.
    pub submission: &'a Submission<'a>,
    state: BuiltState,
    model: ModelBuild,
}

enum BuiltState {
    Ready(ExerciseCrate, Artifacts),
    Judged(ExerciseResult),
}

impl Built<'_> {
    /// Whether it compiled (and is ready to run); `false` once judged without running.
    pub fn compiled(&self) -> bool {
        matches!(self.state, BuiltState::Ready(..))
    }
}

/// The submission as built for the model checker.
enum ModelBuild {
    /// The exercise has no model tests.
    None,
    /// Ready to run its model tests.
    Ready(ExerciseCrate, Artifacts),
    /// The file compiles, but not against the model checker's stand-ins: it uses something the
    /// checker cannot explore, which the note says. The stress tests alone judge it.
    Unmodelled(String),
}

/// Where the checker's path through a model test's failing interleaving is kept, in the test's
/// working folder: `grader/model/src/model.rs` writes it there, and replays it when the grader
/// puts it back.
const REPLAY_FILE: &str = "model-replay.json";

/// The most learner's files type-checked alone before cargo's verdict (see [`type_check`]): the
/// few a learner is working on. A whole course's files are left to cargo, which builds them in
/// parallel anyway.
const TYPE_CHECKED_AT_MOST: usize = 4;

/// Builds every submission in one cargo run, so that they compile in parallel and one that
/// does not compile stops none of the others. A build still going at `deadline` is stopped, and
/// the submissions it had not finished are judged not run, with `stopped_note`.
///
/// Meanwhile, the learner's few files are type-checked alone: a compile error found that way is
/// the verdict at once, and once every file is judged so, the build stops.
pub fn build<'a>(
    workspace: &BuildWorkspace,
    submissions: &'a [Submission<'a>],
    deadline: Option<(Instant, &str)>,
    news: NewsSink,
) -> Result<Vec<Built<'a>>> {
    let mut judged = Vec::new();
    let mut to_build = Vec::new();
    let mut models: Vec<Option<ExerciseCrate>> = Vec::new();
    for (index, submission) in submissions.iter().enumerate() {
        let exercise = submission.exercise;
        match std::str::from_utf8(&submission.bytes) {
            Ok(text) if text.trim().is_empty() => judged.push((
                index,
                unreadable(exercise, output::empty_file(&exercise.path)),
            )),
            Ok(text) => {
                to_build.push((
                    index,
                    workspace.prepare(exercise, &submission.variant.name(), text)?,
                ));
                models.push(workspace.prepare_model(exercise, &submission.variant.name(), text)?);
            }
            Err(error) => judged.push((
                index,
                unreadable(
                    exercise,
                    output::not_utf8(&exercise.path, error.valid_up_to()),
                ),
            )),
        }
    }
    // The model crates build in the same cargo run as the others, after them in the list.
    let mut crates: Vec<ExerciseCrate> = to_build.iter().map(|(_, k)| k.clone()).collect();
    crates.extend(models.iter().flatten().cloned());
    let libraries = type_check::load(workspace).filter(|_| {
        to_build.len() <= TYPE_CHECKED_AT_MOST
            && to_build
                .iter()
                .all(|(index, _)| submissions[*index].variant == Variant::Learner)
    });
    let stop = AtomicBool::new(false);
    let (outcomes, mut refused) = std::thread::scope(|scope| {
        let cargo = scope
            .spawn(|| compile::build_all(workspace, &crates, deadline.map(|(at, _)| at), &stop));
        let refused: Vec<Option<CompileErrors>> = to_build
            .iter()
            .map(|(index, krate)| {
                let libraries = libraries.as_ref()?;
                let refused = type_check::refused(workspace, libraries, krate);
                if refused.is_none() {
                    news(submissions[*index].exercise, News::NoErrorInTheFile);
                }
                refused
            })
            .collect();
        if !refused.is_empty() && refused.iter().all(Option::is_some) {
            stop.store(true, Ordering::Relaxed);
        }
        let outcomes = cargo.join().expect("the build's thread does not panic");
        (outcomes, refused)
    });
    let (outcomes, built_against) = outcomes?;
    type_check::remember(workspace, &built_against);
    let mut outcomes = outcomes.into_iter();
    let stopped = |exercise: &Exercise| {
        ExerciseResult::not_run(
            exercise.id.clone(),
            exercise.path.clone(),
            exercise.points,
            deadline
                .map(|(_, note)| note)
                .unwrap_or_default()
                .to_owned(),
        )
    };
    let mut states: Vec<Option<(BuiltState, ModelBuild)>> =
        submissions.iter().map(|_| None).collect();
    for (index, result) in judged {
        states[index] = Some((BuiltState::Judged(result), ModelBuild::None));
    }
    let main_outcomes: Vec<BuildOutcome> = outcomes.by_ref().take(to_build.len()).collect();
    let refused = refused.drain(..).chain(std::iter::repeat_with(|| None));
    for ((((index, krate), outcome), model), refused) in to_build
        .into_iter()
        .zip(main_outcomes)
        .zip(models)
        .zip(refused)
    {
        let exercise = submissions[index].exercise;
        // A build stopped once the type check had judged every file: the type check's errors
        // are the build's, found sooner. A build that ended has the last word.
        let outcome = match (outcome, refused) {
            (BuildOutcome::Stopped, Some(errors)) => BuildOutcome::CompileError(errors),
            (outcome, _) => outcome,
        };
        // An exercise whose model tests could not be built in time is not judged without
        // them: it is not run at all.
        let mut model_stopped = false;
        let model = match model {
            None => ModelBuild::None,
            Some(model_crate) => match outcomes.next().expect("one outcome per model crate") {
                BuildOutcome::Built(artifacts) => ModelBuild::Ready(model_crate, artifacts),
                BuildOutcome::CompileError(errors) => ModelBuild::Unmodelled(output::unmodelled(
                    &learner_paths(&model_crate, &unmodelled_reason(&errors)),
                )),
                BuildOutcome::Stopped => {
                    model_stopped = true;
                    ModelBuild::None
                }
            },
        };
        states[index] = Some(match outcome {
            BuildOutcome::Built(_) if model_stopped => {
                (BuiltState::Judged(stopped(exercise)), ModelBuild::None)
            }
            BuildOutcome::Built(artifacts) => (BuiltState::Ready(krate, artifacts), model),
            BuildOutcome::CompileError(errors) => (
                BuiltState::Judged(compile_error(exercise, &krate, &errors)),
                ModelBuild::None,
            ),
            BuildOutcome::Stopped => (BuiltState::Judged(stopped(exercise)), ModelBuild::None),
        });
    }
    Ok(submissions
        .iter()
        .zip(states)
        .map(|(submission, state)| {
            let (state, model) = state.expect("every submission was judged or built");
            Built {
                submission,
                state,
                model,
            }
        })
        .collect())
}

/// Writes the crates [`build`] would build for `submissions`, and builds nothing; returns how
/// many crates were written.
pub fn write_crates(workspace: &BuildWorkspace, submissions: &[Submission]) -> Result<usize> {
    let mut written = 0;
    for submission in submissions {
        let Ok(text) = std::str::from_utf8(&submission.bytes) else {
            continue;
        };
        workspace.prepare(submission.exercise, &submission.variant.name(), text)?;
        written += 1;
        if workspace
            .prepare_model(submission.exercise, &submission.variant.name(), text)?
            .is_some()
        {
            written += 1;
        }
    }
    Ok(written)
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
/// called again to run the same build again (`verify --repeat`). Checks that `deadline` leaves
/// no time for are reported as not run.
pub fn run(
    workspace: &BuildWorkspace,
    built: &Built,
    thoroughness: Thoroughness,
    deadline: &ExerciseDeadline,
    news: NewsSink,
) -> Result<ExerciseResult> {
    let started = Instant::now();
    let exercise = built.submission.exercise;
    let (krate, artifacts) = match &built.state {
        BuiltState::Judged(result) => return Ok(result.clone()),
        BuiltState::Ready(krate, artifacts) => (krate, artifacts),
    };
    let mut notes = Vec::new();
    let mut checks = Vec::new();
    let stop_early = |checks: &[CheckResult]| {
        thoroughness == Thoroughness::UntilFirstFailure
            && checks.iter().any(|c| c.status != Status::Passed)
    };
    // Only the first check that does not pass is news; the verdict tells the rest.
    let told = AtomicBool::new(false);
    let tell = |check: &CheckResult| {
        if check.status != Status::Passed && !told.swap(true, Ordering::Relaxed) {
            news(exercise, News::FirstFailure(check));
        }
    };
    // The model tests first: they take a fraction of a second, and what they find is certain.
    match &built.model {
        ModelBuild::None => {}
        ModelBuild::Unmodelled(note) => notes.push(note.clone()),
        ModelBuild::Ready(model_crate, model_artifacts) => {
            // Only the learner's own file, and not when a learner user writes the runs' folders
            // (the grader would copy a file learner code may have replaced with a link).
            // Kept by the file's digest: an interleaving belongs to one version of the file,
            // and graders of other copies of the course that share the build folder (with
            // other files) never overwrite it.
            let replays = (built.submission.variant == Variant::Learner
                && !crate::platform::runs_as_learner())
            .then(|| {
                workspace
                    .replay_dir(&model_crate.package)
                    .join(crate::progress::sha256_hex(&built.submission.bytes))
            });
            let tests = TestSet {
                krate: model_crate,
                artifacts: model_artifacts,
                kind: CheckKind::Model,
                save_replays: replays.as_deref(),
                only_replays: None,
            };
            let (model_checks, model_notes) =
                run_tests(workspace, exercise, &tests, thoroughness, deadline, &tell)?;
            checks.extend(model_checks);
            notes.extend(model_notes);
            crate::platform::end_learner_processes();
        }
    }
    if !stop_early(&checks) {
        let tests = TestSet {
            krate,
            artifacts,
            kind: CheckKind::Test,
            save_replays: None,
            only_replays: None,
        };
        let (stress_checks, stress_notes) =
            run_tests(workspace, exercise, &tests, thoroughness, deadline, &tell)?;
        checks.extend(stress_checks);
        notes.extend(stress_notes);
        // Nothing the tests left may touch the compile-fail checks' folder.
        crate::platform::end_learner_processes();
    }
    if !stop_early(&checks) {
        let mut compile_fail_checks =
            run_compile_fail(workspace, exercise, krate, artifacts, deadline)?;
        for check in &mut compile_fail_checks {
            check.failure_kind = failure_kind::of_check(check, None);
        }
        checks.extend(compile_fail_checks);
    }
    let mut result = ExerciseResult::from_checks(
        exercise.id.clone(),
        exercise.path.clone(),
        exercise.points,
        checks,
        started.elapsed().as_millis() as u64,
    );
    notes.dedup();
    result.notes = notes;
    Ok(result)
}

/// Runs again, exactly, the failing interleavings the model tests of a learner's file last
/// found (kept by [`run`]), and gives their verdicts.
pub fn replay(workspace: &BuildWorkspace, built: &Built) -> Result<Replayed> {
    let started = Instant::now();
    let exercise = built.submission.exercise;
    let ModelBuild::Ready(model_crate, model_artifacts) = &built.model else {
        return Ok(Replayed::Nothing);
    };
    let kept = workspace.replay_dir(&model_crate.package);
    let saved = kept.join(crate::progress::sha256_hex(&built.submission.bytes));
    if !holds_replays(&saved) {
        // Interleavings kept for other versions of the file mean nothing for this one.
        let for_others = std::fs::read_dir(&kept)
            .into_iter()
            .flatten()
            .flatten()
            .any(|entry| holds_replays(&entry.path()));
        return Ok(if for_others {
            Replayed::FileChanged
        } else {
            Replayed::Nothing
        });
    }
    let tests = TestSet {
        krate: model_crate,
        artifacts: model_artifacts,
        kind: CheckKind::Model,
        save_replays: None,
        only_replays: Some(&saved),
    };
    let deadline = ExerciseDeadline::without_budget(exercise);
    let (checks, notes) = run_tests(
        workspace,
        exercise,
        &tests,
        Thoroughness::Everything,
        &deadline,
        &|_| {},
    )?;
    if checks.is_empty() {
        return Ok(Replayed::Nothing);
    }
    let mut result = ExerciseResult::from_checks(
        exercise.id.clone(),
        exercise.path.clone(),
        exercise.points,
        checks,
        started.elapsed().as_millis() as u64,
    );
    result.notes = notes;
    Ok(Replayed::Done(result))
}

/// Why a file that compiles does not compile for the model checker: the first error the
/// compiler found in it, in the learner's words.
fn unmodelled_reason(errors: &CompileErrors) -> String {
    let error = errors
        .rendered
        .iter()
        .find(|e| !e.in_hidden_code)
        .or_else(|| errors.rendered.first());
    let Some(error) = error else {
        return String::new();
    };
    let headline = error
        .headline
        .split_once("]: ")
        .map_or(error.headline.as_str(), |(_, rest)| rest)
        .trim_start_matches("error: ");
    let place = error
        .text
        .lines()
        .find_map(|line| line.trim_start().strip_prefix("--> "))
        .map(|place| format!(" ({place})"))
        .unwrap_or_default();
    // The learner wrote `std::`; the compiler saw the stand-ins' `sim::`.
    format!("{headline}{place}").replace("sim::", "std::")
}

/// The verdict of a file that cannot be compiled at all; `problem` says why, in place of the
/// compiler's output.
fn unreadable(exercise: &Exercise, problem: String) -> ExerciseResult {
    ExerciseResult {
        id: exercise.id.clone(),
        path: exercise.path.clone(),
        status: Status::CompileError,
        points: 0,
        max_points: exercise.points,
        compiler_output: Some(problem),
        tests: Vec::new(),
        notes: Vec::new(),
        duration_ms: 0,
        failure_kind: Some(FailureKind::CompileError),
        file_sha256: None,
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
        output::api_mismatch(&headlines)
    };
    ExerciseResult {
        id: exercise.id.clone(),
        path: exercise.path.clone(),
        status: Status::CompileError,
        points: 0,
        max_points: exercise.points,
        compiler_output: Some(learner_paths(krate, &text)),
        tests: Vec::new(),
        notes: Vec::new(),
        duration_ms: 0,
        failure_kind: Some(FailureKind::CompileError),
        file_sha256: None,
        cached: false,
    }
}

/// Rewrites paths inside the build workspace to the paths the learner knows.
fn learner_paths(krate: &ExerciseCrate, text: &str) -> String {
    text.replace(&format!("{}/", krate.dir_name), "")
}

fn list_tests(artifacts: &Artifacts) -> Result<Vec<String>> {
    let mut command = std::process::Command::new(&artifacts.test_binary);
    // Listing runs the learner's code too (a static constructor would run before `main`).
    crate::platform::as_learner(&mut command);
    let listed = command
        .arg("--list")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| GraderError::io("list the hidden tests", e))?;
    let names: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if !listed.status.success() || names.is_empty() {
        return Err(GraderError::Build(output::no_tests_listed(
            &artifacts.test_binary,
        )));
    }
    Ok(names)
}

/// The tests of one test binary, and what to do with them.
struct TestSet<'a> {
    krate: &'a ExerciseCrate,
    artifacts: &'a Artifacts,
    kind: CheckKind,
    /// Where to keep the checker's path through a failing model test, for `--replay`: the
    /// folder of the file's version.
    save_replays: Option<&'a std::path::Path>,
    /// Run only the tests with a path kept here, replaying it.
    only_replays: Option<&'a std::path::Path>,
}

/// Runs a set of tests, several at once, and gives their verdicts and the notes they printed,
/// telling `done` of each verdict as it comes. A test that `deadline` leaves no time for is
/// reported as not run.
fn run_tests(
    workspace: &BuildWorkspace,
    exercise: &Exercise,
    set: &TestSet,
    thoroughness: Thoroughness,
    deadline: &ExerciseDeadline,
    done: &(dyn Fn(&CheckResult) + Sync),
) -> Result<(Vec<CheckResult>, Vec<String>)> {
    let (krate, artifacts) = (set.krate, set.artifacts);
    let mut names = list_tests(artifacts)?;
    if let Some(saved) = set.only_replays {
        names.retain(|name| saved.join(format!("{name}.json")).exists());
    }
    let stop = std::sync::atomic::AtomicBool::new(false);
    let mut run_dirs = Vec::with_capacity(names.len());
    for name in &names {
        let dir = workspace.run_dir(&krate.package, name)?;
        if let Some(saved) = set.only_replays {
            std::fs::copy(saved.join(format!("{name}.json")), dir.join(REPLAY_FILE)).map_err(
                |e| GraderError::io(format!("copy the saved interleaving of {name}"), e),
            )?;
        }
        run_dirs.push(dir);
    }
    let notes: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let results: Mutex<Vec<Option<CheckResult>>> = Mutex::new(vec![None; names.len()]);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MAX_PARALLEL_TESTS);
    pool::run(workers, names.len(), &stop, |index| {
        let name = &names[index];
        let allowed = match deadline.test_time(exercise.timeout) {
            Ok(allowed) => allowed,
            Err(limit) => {
                let check = not_run(name.clone(), set.kind, limit);
                results.lock().unwrap_or_else(|p| p.into_inner())[index] = Some(check);
                return;
            }
        };
        // `None`: stopped, as another test failed first; no verdict to keep.
        let Some(run) = runner::run_test(
            &artifacts.test_binary,
            name,
            runner::Deadline {
                allowed,
                timeout: exercise.timeout,
            },
            &run_dirs[index],
            &stop,
        ) else {
            return;
        };
        if let Some(saved) = set.save_replays {
            keep_replay(&run_dirs[index], saved, name, run.status);
        }
        notes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend(run.notes.iter().map(|n| learner_paths(krate, n)));
        let mut check = CheckResult {
            name: name.clone(),
            kind: set.kind,
            status: run.status,
            message: run.message.map(|m| learner_paths(krate, &m)),
            output: learner_paths(krate, &run.output),
            duration_ms: run.duration.as_millis() as u64,
            failure_kind: None,
        };
        check.failure_kind = failure_kind::of_check(&check, run.hang);
        if check.status != Status::Passed && thoroughness == Thoroughness::UntilFirstFailure {
            stop.store(true, Ordering::Relaxed);
        }
        done(&check);
        results.lock().unwrap_or_else(|p| p.into_inner())[index] = Some(check);
    });
    let checks = results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .flatten()
        .collect();
    Ok((
        checks,
        notes.into_inner().unwrap_or_else(|p| p.into_inner()),
    ))
}

/// Keeps the checker's path through a model test's failing interleaving for `--replay`, and
/// forgets an older one once the test passes.
fn keep_replay(run_dir: &std::path::Path, saved: &std::path::Path, name: &str, status: Status) {
    let kept = saved.join(format!("{name}.json"));
    let written = run_dir.join(REPLAY_FILE);
    if status != Status::Passed && written.exists() {
        let _ = std::fs::create_dir_all(saved);
        let _ = std::fs::copy(&written, &kept);
    } else if status == Status::Passed {
        let _ = std::fs::remove_file(&kept);
    }
}

/// What `check --replay` found to replay.
pub enum Replayed {
    /// No model test of this file has failed since it last changed.
    Nothing,
    /// Interleavings were kept, but for another version of the file: the checker's path through
    /// one means nothing for different code.
    FileChanged,
    /// The replayed tests' verdicts.
    Done(ExerciseResult),
}

/// Whether `dir` keeps the interleaving of at least one failed model test.
fn holds_replays(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .any(|entry| entry.path().extension().is_some_and(|ext| ext == "json"))
}

/// The verdict of a check that had no time left to run.
fn not_run(name: String, kind: CheckKind, limit: crate::budget::Limit) -> CheckResult {
    CheckResult {
        name,
        kind,
        status: Status::NotRun,
        message: Some(output::not_run(limit)),
        output: String::new(),
        duration_ms: 0,
        failure_kind: None,
    }
}

fn run_compile_fail(
    workspace: &BuildWorkspace,
    exercise: &Exercise,
    krate: &ExerciseCrate,
    artifacts: &Artifacts,
    deadline: &ExerciseDeadline,
) -> Result<Vec<CheckResult>> {
    let mut cases = Vec::new();
    for (path, source) in embedded::hidden_files(exercise.stem()) {
        let Some(name) = path
            .strip_prefix("compile_fail/")
            .and_then(|p| p.strip_suffix(".rs"))
        else {
            continue;
        };
        cases.push(Case::parse(name, source).map_err(|e| GraderError::Build(e.to_string()))?);
    }
    // Side by side, each in a folder of its own (the compiler's outputs share one name).
    let checks: Mutex<Vec<Option<Result<CheckResult>>>> =
        Mutex::new((0..cases.len()).map(|_| None).collect());
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MAX_PARALLEL_TESTS);
    pool::run(workers, cases.len(), &AtomicBool::new(false), |index| {
        let case = &cases[index];
        // A case runs the compiler twice and cannot be stopped half-way: it starts only with
        // time for both.
        let check = match deadline.has_left(MIN_TEST_TIME * 2) {
            Err(limit) => Ok(not_run(
                format!("compile_fail/{}", case.name),
                CheckKind::CompileFail,
                limit,
            )),
            Ok(()) => workspace
                .run_dir(&krate.package, &format!("compile_fail_{}", case.name))
                .and_then(|folder| compile_fail::check(case, artifacts, &folder)),
        };
        checks.lock().unwrap_or_else(|p| p.into_inner())[index] = Some(check);
    });
    checks
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|check| check.expect("every case was checked"))
        .collect()
}
