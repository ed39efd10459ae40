//! `grader verify`, for course authors: every solution passes, every stub and every mutant
//! fails, and course.yaml, exercises/, solutions/ and the hidden tests agree.
//!
//! `plan` reads what each exercise has to grade, `schedule` runs the built files (correct ones
//! one per core, the rest several per core), `judge` turns their verdicts into an exercise's
//! line and problems, and `course_files` checks the course's files themselves.

mod course_files;
mod judge;
mod plan;
mod schedule;

use crate::bug_classes::Declaration;
use crate::course::Course;
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, Result};
use crate::grade::{self, Built, Submission, Variant};
use crate::output::{self, VerifyProblem};
use crate::platform;
use crate::progress_bar::GradingProgress;
use crate::workspace::BuildWorkspace;

use plan::{BuiltPlan, Plan, plans};

/// Verifies the whole course, or one section or exercise of it.
pub fn run(course: &Course, target: Option<&str>, repeat: u32) -> Result<i32> {
    let exercises = course.selected(target)?;
    let mut problems = Vec::new();
    if target.is_none() {
        problems.extend(course_files::stray_files(course));
    }
    let workspace = BuildWorkspace::open(course)?;
    let bar = GradingProgress::new(exercises.len());
    // Every file of every exercise is built in one cargo run: cargo keeps every core busy across
    // exercises, and the workspace is loaded once instead of once per exercise.
    let plans = plans(course, &exercises)?;
    let submissions: Vec<Submission> = plans.iter().flat_map(Plan::submissions).collect();
    bar.building(submissions.len());
    let built = grade::build(&workspace, &submissions, None, &grade::no_news)?;
    let built_plans: Vec<BuiltPlan> = plans
        .iter()
        .map(|plan| {
            let mine: Vec<&Built> = built
                .iter()
                .filter(|b| std::ptr::eq(b.submission.exercise, plan.exercise))
                .collect();
            BuiltPlan::sort(&mine)
        })
        .collect();

    // Solutions and alternatives must pass every time, beside whatever else runs: one per core
    // (schedule.rs says why not one at a time), before the stubs and mutants load the machine.
    let mut correct_runs: Vec<Option<schedule::CorrectRuns>> =
        schedule::run_correct(&workspace, &built_plans, repeat, |index| {
            bar.grading(&plans[index].exercise.id)
        })?
        .into_iter()
        .map(Some)
        .collect();

    // Stubs and mutants only need to fail, and most fail by waiting out a deadline, which costs
    // no CPU: those of every exercise run together, several at a time, so that no core waits
    // for the slowest mutant of one exercise before the next exercise starts.
    let must_fail: Vec<Vec<&Built>> = built_plans.iter().map(BuiltPlan::must_fail).collect();
    bar.must_fail(must_fail.iter().map(Vec::len).sum());
    schedule::run_must_fail(&workspace, &must_fail, repeat, |index, verdicts| {
        let correct = correct_runs[index]
            .take()
            .expect("each exercise is judged once");
        let (line, found) = judge::judge(&plans[index], correct, verdicts);
        bar.print(&format!("{line}\n"));
        bar.advance();
        problems.extend(found);
    })?;
    bar.finish();
    eprint!("{}", output::weaker_machine(&platform::new_weaknesses()));
    print!("{}", output::verify(&[], &problems));
    Ok(exit_status(problems.is_empty()))
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
    let built = grade::build(&workspace, &submissions, None, &grade::no_news)?;
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
        .map(|submission| {
            output::submission_name(&submission.exercise.id, &submission.variant.name())
        })
        .collect();
    print!(
        "{}",
        output::crates_built(submissions.len(), &names, &workspace.dir)
    );
    Ok(exit_status(
        refused
            .iter()
            .all(|s| matches!(s.variant, Variant::Mutant(_))),
    ))
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
    Ok(exit_status(problems.is_empty()))
}

fn exit_status(clean: bool) -> i32 {
    if clean { EXIT_PASSED } else { EXIT_NOT_PASSED }
}
