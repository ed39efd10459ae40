//! Judges an exercise from the runs of its files: the solution and alternatives pass every
//! time, the stub and every mutant fail every time, and which kind of check caught each mutant.

use crate::output::{self, VerifyProblem};
use crate::stubs;
use crate::verdict::{CheckKind, CheckResult, ExerciseResult, Status};

use super::course_files;
use super::plan::Plan;
use super::schedule::CorrectRuns;

/// Judges one exercise from its correct runs and the verdicts of its stub's run and of each
/// mutant's runs (in the order of [`super::plan::BuiltPlan::must_fail`]); returns its summary
/// line and its problems.
pub fn judge(
    plan: &Plan,
    correct: CorrectRuns,
    must_fail: Vec<Vec<ExerciseResult>>,
) -> (String, Vec<VerifyProblem>) {
    let exercise = plan.exercise;
    let mut problems = correct_problems(plan, &correct);
    problems.extend(stubs::entry_problem(&exercise.path, &plan.stub));
    problems.extend(plan.class_problems());
    let mut verdicts = must_fail.into_iter();
    let stub = verdicts
        .next()
        .and_then(|runs| runs.into_iter().next())
        .expect("the stub's verdict");
    match stub.status {
        Status::Failed => {}
        Status::Passed => problems.push(output::stub_already_passes(&exercise.path)),
        _ => problems.push(output::stub_must_fail(
            &exercise.path,
            stub.status.label(),
            &output::exercise_report(&stub),
        )),
    }

    let mut caught = 0;
    // Which kind of check caught each mutant (the first that failed in its first run), so that
    // an author sees what each kind of test is for.
    let mut caught_by = [0usize; 3];
    for (mutant, runs) in plan.mutants.iter().zip(verdicts) {
        match mutant_problem(mutant.name, &mutant.bug, &runs) {
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
    let solution = correct.solution.first().expect("the solution ran");
    let summary = output::verify_summary(
        &exercise.id,
        count_passed(solution),
        alternatives,
        stub.status.label(),
        caught,
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

/// What the runs of the solution and alternatives, and the course's files for them, show wrong.
fn correct_problems(plan: &Plan, correct: &CorrectRuns) -> Vec<String> {
    let mut problems = Vec::new();
    for ((name, _), runs) in plan.alternatives.iter().zip(&correct.alternatives) {
        if let Some(failed) = runs.iter().find(|run| !run.passed()) {
            problems.push(output::alternative_fails(
                name,
                &output::exercise_report(failed),
            ));
        }
    }
    problems.extend(flaky_tests(&correct.solution));
    if let Some(failed) = correct.solution.iter().find(|run| !run.passed()) {
        problems.push(output::solution_fails(
            &plan.solution_shown,
            &output::exercise_report(failed),
        ));
    }
    problems.extend(course_files::unformatted(
        &plan.solution_path,
        &plan.solution_shown,
    ));
    problems.extend(course_files::stub_without_todo(plan));
    problems
}

/// What is wrong with mutant `name`, whose bug is `bug`, given the verdicts of its runs: it
/// must compile and fail in every run.
fn mutant_problem(name: &str, bug: &str, runs: &[ExerciseResult]) -> Option<String> {
    let passed = runs
        .iter()
        .filter(|run| run.status == Status::Passed)
        .count();
    if let Some(uncompiled) = runs.iter().find(|run| run.status == Status::CompileError) {
        Some(output::mutant_does_not_compile(
            name,
            &output::exercise_report(uncompiled),
        ))
    } else if passed == runs.len() {
        Some(output::mutant_missed(name, bug))
    } else if passed > 0 {
        Some(output::mutant_caught_by_luck(name, bug, passed, runs.len()))
    } else {
        None
    }
}

/// A test that passed in one run and not in another, with what it did when it failed.
fn flaky_tests(runs: &[ExerciseResult]) -> Vec<String> {
    let Some(first) = runs.first() else {
        return Vec::new();
    };
    let mut flaky = Vec::new();
    for check in &first.tests {
        let outcomes: Vec<&CheckResult> = runs
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
            flaky.push(output::flaky_test(
                &check.name,
                passes,
                outcomes.len(),
                &failure,
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
