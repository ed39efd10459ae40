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
            let _ = writeln!(
                out,
                "{} {}: {}",
                cross(),
                problem.subject,
                indent(&problem.problem, "    ").trim_start()
            );
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
