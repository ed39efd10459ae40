//! When and beside what `verify` runs each built submission: solutions and alternatives one per
//! core, stubs and mutants several per core, each across exercises, on the grader's one worker
//! pool.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};

use crate::budget::ExerciseDeadline;
use crate::error::{GraderError, Result};
use crate::grade::{self, Built, Thoroughness};
use crate::pool;
use crate::verdict::ExerciseResult;
use crate::workspace::BuildWorkspace;

use super::plan::BuiltPlan;

/// How many stubs and mutants run at once for each core: most of them spend their time asleep,
/// waiting out a deadline.
const MUST_FAIL_RUNS_PER_CORE: usize = 4;

/// The runs of an exercise's correct files: the solution's and each alternative's, `repeat`
/// times each.
pub struct CorrectRuns {
    pub solution: Vec<ExerciseResult>,
    /// Each alternative's runs, in the plan's order, up to its first failure.
    pub alternatives: Vec<Vec<ExerciseResult>>,
}

/// Runs every check of a correct file (a solution or an alternative), bound by its exercise's
/// own limit: verify has no budget.
fn run_everything(workspace: &BuildWorkspace, built: &Built) -> Result<ExerciseResult> {
    let deadline = ExerciseDeadline::without_budget(built.submission.exercise);
    grade::run(
        workspace,
        built,
        Thoroughness::Everything,
        &deadline,
        &grade::no_news,
    )
}

/// One correct file of one exercise: its solution, or one of its alternatives.
#[derive(Clone, Copy)]
enum CorrectFile {
    Solution,
    Alternative(usize),
}

/// Runs every exercise's solution `repeat` times and each alternative `repeat` times (or until it
/// first fails), one file per core at a time, across exercises; the runs of one file follow
/// each other. Calls `started(index)` as the first file of exercise `index` starts.
///
/// One per core, and not one at a time: most of a correct file's checks wait (for a thread that
/// must stay blocked, for a timer), and a file that fails beside another correct one fails on a
/// learner's busy machine too, a defect of the test that `verify` must show, as it shows a
/// mutant that passes under load. On one CPU they run one at a time.
pub fn run_correct(
    workspace: &BuildWorkspace,
    plans: &[BuiltPlan],
    repeat: u32,
    started: impl Fn(usize) + Sync,
) -> Result<Vec<CorrectRuns>> {
    let jobs: Vec<(usize, CorrectFile)> = plans
        .iter()
        .enumerate()
        .flat_map(|(index, plan)| {
            std::iter::once((index, CorrectFile::Solution)).chain(
                (0..plan.alternatives.len())
                    .map(move |alternative| (index, CorrectFile::Alternative(alternative))),
            )
        })
        .collect();
    let runs: Vec<Mutex<CorrectRuns>> = plans
        .iter()
        .map(|plan| {
            Mutex::new(CorrectRuns {
                solution: Vec::new(),
                alternatives: vec![Vec::new(); plan.alternatives.len()],
            })
        })
        .collect();
    let first_error: Mutex<Option<GraderError>> = Mutex::new(None);
    let abandoned = AtomicBool::new(false);
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    pool::run(workers, jobs.len(), &abandoned, |job| {
        let (index, file) = jobs[job];
        let built = match file {
            CorrectFile::Solution => {
                started(index);
                plans[index].solution
            }
            CorrectFile::Alternative(alternative) => plans[index].alternatives[alternative],
        };
        let mut verdicts = Vec::new();
        for _ in 0..repeat {
            match run_everything(workspace, built) {
                Ok(verdict) => {
                    let failed = !verdict.passed();
                    verdicts.push(verdict);
                    // An alternative that failed once has said enough; the solution's runs
                    // are all shown.
                    if failed && matches!(file, CorrectFile::Alternative(_)) {
                        break;
                    }
                }
                Err(error) => {
                    abandoned.store(true, Ordering::Relaxed);
                    first_error
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .get_or_insert(error);
                    return;
                }
            }
        }
        let mut runs = runs[index].lock().unwrap_or_else(|p| p.into_inner());
        match file {
            CorrectFile::Solution => runs.solution = verdicts,
            CorrectFile::Alternative(alternative) => runs.alternatives[alternative] = verdicts,
        }
    });
    if let Some(error) = first_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(error);
    }
    Ok(runs
        .into_iter()
        .map(|runs| runs.into_inner().unwrap_or_else(|p| p.into_inner()))
        .collect())
}

/// Runs every group's built submissions until their first failure, several at a time, taking
/// them in order: each group's first (its stub) once, the others (its mutants) `repeat` times.
/// Calls `finished(index, verdicts)` on the calling thread for each group, with the verdicts of
/// each submission's runs, in order, as soon as that group's runs and those of every group
/// before it are done.
pub fn run_must_fail(
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
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .saturating_mul(MUST_FAIL_RUNS_PER_CORE);
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
        let (jobs, abandoned, verdicts, remaining, alone) =
            (&jobs, &abandoned, &verdicts, &remaining, &alone);
        scope.spawn(move || {
            pool::run(workers, jobs.len(), abandoned, |job| {
                let (group, index) = jobs[job];
                let built = groups[group][index];
                let deadline = ExerciseDeadline::without_budget(built.submission.exercise);
                let _alone = alone[group][index]
                    .lock()
                    .unwrap_or_else(|p| p.into_inner());
                match grade::run(
                    workspace,
                    built,
                    Thoroughness::UntilFirstFailure,
                    &deadline,
                    &grade::no_news,
                ) {
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
            });
            // `done` is dropped here, when every run has ended: the loop below then ends.
        });
        let mut ready = vec![false; groups.len()];
        let mut next_to_report = 0;
        for group in done_groups {
            ready[group?] = true;
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
