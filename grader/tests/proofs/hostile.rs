//! Hostile submissions: learner files that exit early, fake success, crash, hang, flood the
//! output, allocate or spawn without end. Each must end as not passed, with the right status and
//! a message saying why, within a bounded time, leaving no process behind.
//!
//! The cases live in `grader/tests/hostile/<section>/<exercise>/*.rs`; the first line of each,
//! `//! expect: STATUS: PHRASE`, says how it must end.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{ScratchCourse, one_heavy_test_at_a_time, processes, repo_root, text};

/// A hung case costs its tests' timeouts; anything past this means the grader itself hung.
const LONGEST_CASE: Duration = Duration::from_secs(120);

/// What a case file says must happen.
struct Expectation {
    status: String,
    phrase: String,
}

fn expectation(source: &str, case: &Path) -> Expectation {
    let line = source
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("//! expect: "))
        .unwrap_or_else(|| {
            panic!(
                "{} must open with `//! expect: STATUS: PHRASE`",
                case.display()
            )
        });
    let (status, phrase) = line.split_once(": ").expect("STATUS: PHRASE");
    Expectation {
        status: status.to_owned(),
        phrase: phrase.to_owned(),
    }
}

/// Grades every hostile case of one exercise and returns what went wrong, if anything.
fn run_cases(id: &str, exercise_path: &str) {
    let _alone = one_heavy_test_at_a_time();
    let course = ScratchCourse::new();
    let course_yaml = course.read("course.yaml");
    let cases_dir = repo_root().join("grader/tests/hostile").join(id);
    let mut cases: Vec<_> = std::fs::read_dir(&cases_dir)
        .expect("the hostile cases")
        .flatten()
        .map(|e| e.path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 10,
        "too few hostile cases in {}",
        cases_dir.display()
    );

    let mut problems = Vec::new();
    for case in &cases {
        let source = std::fs::read_to_string(case).expect("a case");
        let expected = expectation(&source, case);
        // Hangs are expected in some cases: a short deadline keeps them quick without changing
        // what is proven. Other cases (a 20 MB flood) get the usual one.
        let deadline = if expected.status == "timed_out" {
            "2"
        } else {
            "10"
        };
        course.write("course.yaml", &with_every_timeout(&course_yaml, deadline));
        course.write(exercise_path, &source);
        let started = Instant::now();
        let output = course
            .grader()
            .args(["check", id, "--format", "json"])
            .timeout(LONGEST_CASE)
            .output()
            .expect("the grader runs");
        let elapsed = started.elapsed();
        let (stdout, stderr) = text(&output);
        let name = case.file_stem().unwrap_or_default().to_string_lossy();
        if elapsed >= LONGEST_CASE {
            problems.push(format!(
                "{name}: the grader did not finish in {LONGEST_CASE:?}"
            ));
            continue;
        }
        if output.status.code() != Some(1) {
            problems.push(format!(
                "{name}: exit status {:?}, expected 1\n{stderr}",
                output.status.code()
            ));
            continue;
        }
        let report: Value = match serde_json::from_str(&stdout) {
            Ok(report) => report,
            Err(error) => {
                problems.push(format!("{name}: stdout is not JSON ({error}):\n{stdout}"));
                continue;
            }
        };
        let exercise = &report["exercises"][0];
        let messages: Vec<String> = exercise["tests"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|t| t["status"] == expected.status.as_str())
            .map(|t| {
                format!(
                    "{}\n{}",
                    t["message"].as_str().unwrap_or_default(),
                    t["output"].as_str().unwrap_or_default()
                )
            })
            .collect();
        if exercise["status"] != expected.status.as_str() {
            problems.push(format!(
                "{name}: status {}, expected {}",
                exercise["status"], expected.status
            ));
        } else if !messages.iter().any(|m| m.contains(&expected.phrase)) {
            problems.push(format!(
                "{name}: no {} test says `{}`; messages:\n{}",
                expected.status,
                expected.phrase,
                messages.join("\n---\n")
            ));
        }
    }
    if let Some(orphan) = outliving_process_with("threadlings-orphan-marker") {
        problems.push(format!("a process outlived its test: {orphan}"));
    }
    assert!(
        problems.is_empty(),
        "hostile submissions:\n{}",
        problems.join("\n\n")
    );

    // After all of that, the grader still grades an honest file.
    course.solve(exercise_path.trim_start_matches("exercises/"));
    course.grader().args(["check", id]).assert().success();
}

/// course.yaml with every `timeout:` set to `seconds`.
fn with_every_timeout(course_yaml: &str, seconds: &str) -> String {
    course_yaml
        .lines()
        .map(|line| match line.split_once("timeout:") {
            Some((indent, _)) if indent.trim().is_empty() => format!("{indent}timeout: {seconds}"),
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The command line of a live process whose arguments contain `marker`, if any.
fn find_process_with(marker: &str) -> Option<String> {
    processes::list()
        .into_iter()
        .map(|process| process.command)
        .find(|command| command.contains(marker))
}

/// How long a process the grader killed as it finished may take to be gone: on two busy cores a
/// killed process can wait a moment to run its exit. The orphan a case leaves lives an hour, so
/// one that escaped is still there.
const DYING: Duration = Duration::from_secs(10);

/// The command line of a process whose arguments contain `marker` and that is still alive
/// [`DYING`] from now, if any.
fn outliving_process_with(marker: &str) -> Option<String> {
    let looked = Instant::now();
    loop {
        let found = find_process_with(marker)?;
        if looked.elapsed() >= DYING {
            return Some(found);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn hostile_counters_are_caught() {
    run_cases("locks/counter", "exercises/03_locks/01_counter.rs");
}

#[test]
fn hostile_bank_accounts_are_caught() {
    run_cases("locks/transfer", "exercises/03_locks/02_transfer.rs");
}
