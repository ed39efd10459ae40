//! Grades a learner's own files, as `check` and `watch` do: verdicts of unchanged files from
//! the cache, the others built together and run within the check's time budget, and the
//! learner's progress recorded.

use crate::budget::{self, Budget};
use crate::cache::CacheEntry;
use crate::course::{Course, Exercise};
use crate::error::{GraderError, Result};
use crate::output;
use crate::platform;
use crate::progress::{Progress, sha256_hex};
use crate::progress_bar::GradingProgress;
use crate::verdict::ExerciseResult;
use crate::workspace::BuildWorkspace;

use super::{NewsSink, Submission, Thoroughness, Variant, build, run};

/// Grades the learner's files of `exercises` (from the cache where a file has not changed)
/// within `budget`, moving `bar` along, telling `news` what is known before a verdict and
/// handing the verdicts so far to `graded_so_far` after each exercise, and records the
/// learner's progress.
pub fn grade_and_record(
    course: &Course,
    exercises: &[&Exercise],
    budget: &Budget,
    bar: &GradingProgress,
    news: NewsSink,
    graded_so_far: &mut dyn FnMut(&[ExerciseResult]) -> Result<()>,
) -> Result<Vec<ExerciseResult>> {
    let workspace = BuildWorkspace::open(course)?;
    // Verdicts of unchanged files come from the cache; the rest are built together.
    let mut submissions = Vec::new();
    let mut cache_entries = Vec::new();
    let mut cached = Vec::new();
    for exercise in exercises {
        let file = exercise.exercise_file(&course.root);
        let bytes = std::fs::read(&file)
            .map_err(|e| GraderError::Usage(output::cannot_read(&exercise.path, &e)))?;
        let entry = CacheEntry::new(&workspace, exercise, &bytes);
        cached.push(entry.load());
        cache_entries.push(entry);
        submissions.push(Submission {
            exercise,
            variant: Variant::Learner,
            bytes,
        });
    }
    let to_build: Vec<Submission> = submissions
        .iter()
        .zip(&cached)
        .filter(|(_, cached)| cached.is_none())
        .map(|(submission, _)| Submission {
            exercise: submission.exercise,
            variant: Variant::Learner,
            bytes: submission.bytes.clone(),
        })
        .collect();
    if !to_build.is_empty() {
        bar.building(to_build.len());
    }
    let stopped_note = output::build_not_finished(budget.total());
    let built = build(
        &workspace,
        &to_build,
        budget
            .build_deadline()
            .map(|at| (at, stopped_note.as_str())),
        news,
    )?;
    let mut built = built.iter();
    // What the exercises still to grade weigh, for sharing the budget among them.
    let mut weight_left: u32 = to_build
        .iter()
        .map(|submission| budget::weight(submission.exercise))
        .sum();

    let mut results = Vec::new();
    let mut graded = Vec::new();
    for ((submission, cached), entry) in submissions.iter().zip(cached).zip(&cache_entries) {
        let exercise = submission.exercise;
        let result = match cached {
            Some(result) => result,
            None => {
                bar.grading(&exercise.id);
                let built = built.next().expect("one build per uncached exercise");
                let weight = budget::weight(exercise);
                weight_left -= weight;
                if budget.spent() {
                    ExerciseResult::not_run(
                        exercise.id.clone(),
                        exercise.path.clone(),
                        exercise.points,
                        output::exercise_not_run(budget.total()),
                    )
                } else {
                    let deadline = budget.share(exercise, weight, weight_left);
                    let result = run(&workspace, built, Thoroughness::Everything, &deadline, news)?;
                    entry.store(&result);
                    result
                }
            }
        };
        bar.advance();
        // No process of this exercise's tests may outlive its grading: not one that left its
        // group (given back to the grader, its subreaper), nor any of the learner user's.
        platform::end_learner_processes();
        platform::end_strays();
        let mut result = result;
        result.file_sha256 = Some(sha256_hex(&submission.bytes));
        graded.push((result.clone(), sha256_hex(&submission.bytes)));
        results.push(result);
        graded_so_far(&results)?;
    }
    // Cleared before the results (or the summary) are printed.
    bar.finish();
    // Once per run, and on standard error, so that machine-readable output stays whole.
    eprint!("{}", output::weaker_machine(&platform::new_weaknesses()));
    Progress::record(course, &graded)?;
    Ok(results)
}
