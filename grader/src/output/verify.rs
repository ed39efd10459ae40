//! The text of `grader verify` for course authors: its problems and per-exercise lines, what
//! `--write-only` and `--build-only` did, its progress bar, and the course's own mistakes it
//! reports (stubs missing from `grader/stubs.sha256`, malformed compile-fail cases).

use std::fmt::Write as _;

use super::{cross, indent, plural, tick};

/// One problem `grader verify` found.
#[derive(Debug)]
pub struct VerifyProblem {
    /// What it is about: an exercise id or a file.
    pub subject: String,
    /// What is wrong.
    pub problem: String,
}

/// One problem `verify` found, as a line (its text indented under it when it has several).
pub fn verify_problem_line(problem: &VerifyProblem) -> String {
    format!(
        "{} {}: {}\n",
        cross(),
        problem.subject,
        indent(&problem.problem, "    ").trim_start()
    )
}

/// The text of `grader verify`.
pub fn verify(lines: &[String], problems: &[VerifyProblem]) -> String {
    let mut out = String::new();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    if problems.is_empty() {
        let _ = writeln!(
            out,
            "\nverify: the course is consistent; every solution passes and every stub and mutant fails."
        );
    } else {
        let _ = writeln!(
            out,
            "\nverify found {} {}:",
            problems.len(),
            plural(problems.len(), "problem", "problems")
        );
        for problem in problems {
            out.push_str(&verify_problem_line(problem));
        }
    }
    out
}

/// How `grader verify` says which kinds of check caught the mutants: `[model tests, stress
/// tests, compile-fail checks]`.
pub fn verify_caught_by(counts: [usize; 3]) -> String {
    let parts: Vec<String> = [
        (counts[0], "model test"),
        (counts[1], "stress test"),
        (counts[2], "compile-fail check"),
    ]
    .iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, kind)| format!("{count} by a {kind}"))
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// What `verify --write-only` did.
pub fn crates_written(count: usize, dir: &std::path::Path) -> String {
    format!(
        "wrote {count} exercise crates into the workspace {}; nothing was built\n",
        dir.display()
    )
}

/// What `verify --build-only` did; `refused` names the submissions that did not compile.
pub fn crates_built(count: usize, refused: &[String], dir: &std::path::Path) -> String {
    let mut out = format!(
        "built the crates of {count} solutions, stubs, alternatives and mutants in the workspace \
         {}; nothing was run\n",
        dir.display()
    );
    if !refused.is_empty() {
        let _ = writeln!(
            out,
            "{} of them did not compile (`verify` says why):",
            refused.len()
        );
        for name in refused {
            let _ = writeln!(out, "  {name}");
        }
    }
    out
}

/// The line of `grader verify` for one exercise, after its checks.
pub fn verify_line(ok: bool, summary: &str) -> String {
    format!("{} {summary}", if ok { tick() } else { cross() })
}

/// Said while `verify` runs the stubs and mutants of the whole course.
pub fn progress_must_fail(count: usize) -> String {
    format!("checking that {count} stubs and mutants fail…")
}

/// A compile-fail case whose `//~ ERROR` marker has no error code but `code`.
pub fn case_error_code(case: &str, line: usize, code: &str) -> String {
    case_problem(
        case,
        line,
        &format!("`//~ ERROR` must be followed by an error code like E0277, not `{code}`"),
    )
}

/// A compile-fail case with a `//~` marker of no known kind.
pub fn case_marker(case: &str, line: usize) -> String {
    case_problem(
        case,
        line,
        "a `//~` marker must be `//~ ERROR CODE phrase`, `//~ MISUSE` or `//~ CONTROL`",
    )
}

/// A compile-fail case with no `//~ ERROR` marker, so nothing it could judge.
pub fn case_without_error(case: &str) -> String {
    case_problem(case, 1, "it has no `//~ ERROR` marker")
}

fn case_problem(case: &str, line: usize, problem: &str) -> String {
    format!("compile-fail case {case}, line {line}: {problem}")
}

/// A stub whose digest in `grader/stubs.sha256` is not its own; `refresh` writes the list again.
pub fn stub_changed(path: &str, refresh: &str) -> String {
    format!(
        "the stub {path} changed since grader/stubs.sha256 was written, so `grader reset` would \
         not find it: run `{refresh}`"
    )
}

/// A stub that `grader/stubs.sha256` does not list; `refresh` writes the list again.
pub fn stub_unlisted(path: &str, refresh: &str) -> String {
    format!(
        "grader/stubs.sha256 does not list the stub {path}, so `grader reset` would not find it: \
         run `{refresh}`"
    )
}

// What `verify` finds wrong with one exercise (`commands/verify/judge.rs`, `course_files.rs`).

/// An exercise's line: how many checks its solution passes, what its alternatives and stub did
/// and how many mutants were caught (then [`verify_caught_by`] says by what).
pub fn verify_summary(
    id: &str,
    solution_passes: usize,
    alternatives: usize,
    stub: &str,
    caught: usize,
) -> String {
    format!(
        "{id}: solution passes {solution_passes} checks; {alternatives} {}; stub {stub}; \
         {caught} {} caught",
        plural(alternatives, "alternative passes", "alternatives pass"),
        plural(caught, "mutant", "mutants"),
    )
}

/// The stub passes: the learner would have nothing to do.
pub fn stub_already_passes(path: &str) -> String {
    format!("the stub {path} already passes every check")
}

/// The stub did not compile or did something other than fail (`report` says what).
pub fn stub_must_fail(path: &str, status: &str, report: &str) -> String {
    format!("the stub {path} must compile and fail its tests, but it {status}:\n{report}")
}

/// The stub does not say where the learner's work goes.
pub fn stub_without_todo(path: &str) -> String {
    format!("the stub {path} has no `// TODO` comment")
}

/// A correct alternative failed a run (`report` is that run's).
pub fn alternative_fails(name: &str, report: &str) -> String {
    format!("alternative solution {name} is correct but does not pass:\n{report}")
}

/// The solution failed a run (`report` is that run's).
pub fn solution_fails(path: &str, report: &str) -> String {
    format!("the solution {path} does not pass:\n{report}")
}

/// A mutant that does not compile proves nothing about the tests.
pub fn mutant_does_not_compile(name: &str, report: &str) -> String {
    format!("mutant {name} does not compile, so it proves nothing:\n{report}")
}

/// A mutant passed every run: the tests miss its bug.
pub fn mutant_missed(name: &str, bug: &str) -> String {
    format!("mutant {name} ({bug}) passes every check: the hidden tests miss this bug")
}

/// A mutant passed some runs: the tests catch its bug only by luck.
pub fn mutant_caught_by_luck(name: &str, bug: &str, passed: usize, runs: usize) -> String {
    format!(
        "mutant {name} ({bug}) passed every check in {passed} of {runs} runs: the hidden tests \
         catch this bug only by luck"
    )
}

/// A test of the solution passed in some runs and failed in others.
pub fn flaky_test(name: &str, passes: usize, runs: usize, failure: &str) -> String {
    format!(
        "test `{name}` is flaky: it passed {passes} of {runs} runs of the solution; when it \
         failed:\n{failure}"
    )
}

/// The solution is not formatted like the rest of the course.
pub fn unformatted(shown: &str) -> String {
    format!("{shown} is not formatted: run `rustfmt --edition 2024 {shown}`")
}

/// rustfmt, which judges the solution's formatting, could not run.
pub fn rustfmt_failed(error: &std::io::Error) -> String {
    format!("rustfmt could not be run: {error}")
}

/// A file under exercises/ that no course.yaml entry names.
pub fn stray_exercise_file() -> String {
    "a stray file: no course.yaml entry names it".to_owned()
}

/// A line of grader/stubs.sha256 for a file no course.yaml entry names.
pub fn stray_stub_digest(path: &str, refresh: &str) -> String {
    format!("lists {path}, which no course.yaml entry names: run `{refresh}`")
}

/// A file under grader/hidden/ of no exercise of course.yaml.
pub fn stray_hidden_file() -> String {
    "a stray hidden file: it belongs to no exercise of course.yaml".to_owned()
}

/// One submission of `--build-only`'s list of what did not compile.
pub fn submission_name(id: &str, variant: &str) -> String {
    format!("{id}: {variant}")
}
