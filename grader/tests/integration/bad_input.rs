//! A learner's file that is missing, empty, not UTF-8 or not Rust; Ctrl-C in the middle of a
//! check; two graders at once. Each gets a clear verdict or message, and nothing is corrupted.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::processes::{self, Process};
use crate::support::{ScratchCourse, text};

const COUNTER: &str = "exercises/03_locks/01_counter.rs";

fn counter_json(course: &ScratchCourse) -> Value {
    let output = course
        .grader()
        .args(["check", "locks/counter", "--format", "json"])
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    serde_json::from_str::<Value>(&stdout).expect("JSON")["exercises"][0].clone()
}

#[test]
fn an_empty_file_is_explained() {
    let course = ScratchCourse::new();
    course.write(COUNTER, "\n\n");
    let verdict = counter_json(&course);
    assert_eq!(verdict["status"], "compile_error");
    let said = verdict["compiler_output"].as_str().expect("a message");
    assert!(said.contains("the file is empty"), "{said}");
}

#[test]
fn a_file_that_is_not_utf8_is_explained() {
    let course = ScratchCourse::new();
    std::fs::write(
        course.root().join(COUNTER),
        b"pub struct Counter; // caf\xe9\n",
    )
    .expect("write");
    let verdict = counter_json(&course);
    assert_eq!(verdict["status"], "compile_error");
    let said = verdict["compiler_output"].as_str().expect("a message");
    assert!(said.contains("not UTF-8"), "{said}");
}

#[test]
fn a_file_that_is_not_rust_gets_the_compilers_words() {
    let course = ScratchCourse::new();
    course.write(
        COUNTER,
        "class Counter:\n    def __init__(self):\n        self.value = 0\n",
    );
    let verdict = counter_json(&course);
    assert_eq!(verdict["status"], "compile_error");
    let said = verdict["compiler_output"].as_str().expect("a message");
    assert!(
        said.contains("exercises/03_locks/01_counter.rs:1"),
        "{said}"
    );
}

#[test]
fn a_missing_exercise_file_is_a_clear_error() {
    let course = ScratchCourse::new();
    std::fs::remove_file(course.root().join(COUNTER)).expect("remove");
    let output = course
        .grader()
        .args(["check", "locks"])
        .output()
        .expect("the grader runs");
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("exercise file exercises/03_locks/01_counter.rs does not exist"),
        "{stderr}"
    );
    assert!(stderr.contains("git checkout"), "{stderr}");
}

/// Live processes running a hidden-test binary. Other tests' graders run them too, so a test
/// looks only at those its own grader started.
fn test_processes() -> Vec<Process> {
    processes::list()
        .into_iter()
        .filter(|process| {
            let program = process.command.split(' ').next().unwrap_or_default();
            Path::new(program)
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("hidden-"))
        })
        .collect()
}

#[test]
fn ctrl_c_stops_the_tests_and_leaves_progress_whole() {
    let course = ScratchCourse::new();
    course.edit_course("  timeout: 10", "  timeout: 60");
    // A first check leaves progress to protect.
    course
        .grader()
        .args(["check", "locks/counter"])
        .assert()
        .code(1);
    let progress_before = course.read(".threadlings/progress.json");

    course.write(
        COUNTER,
        "pub struct Counter;\nimpl Counter {\n    pub fn new() -> Self { std::thread::sleep(std::time::Duration::from_secs(3600)); Counter }\n    pub fn increment(&self) {}\n    pub fn add(&self, _n: u64) {}\n    pub fn get(&self) -> u64 { 0 }\n}\n",
    );
    let mut child = course
        .std_grader()
        .args(["check", "locks/counter"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the grader starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    let started = loop {
        let started: Vec<Process> = test_processes()
            .into_iter()
            .filter(|process| process.parent == child.id())
            .collect();
        if !started.is_empty() {
            break started;
        }
        assert!(Instant::now() < deadline, "no test process started");
        std::thread::sleep(Duration::from_millis(50));
    };
    processes::interrupt(&child);
    let status = child.wait().expect("the grader ends");
    assert_eq!(status.code(), Some(130));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("read stderr");
    assert!(stderr.contains("interrupted"), "{stderr}");
    std::thread::sleep(Duration::from_millis(200));
    let outlived: Vec<Process> = test_processes()
        .into_iter()
        // An orphan has a new parent: the same id and program is the same process.
        .filter(|process| {
            started
                .iter()
                .any(|s| s.pid == process.pid && s.command == process.command)
        })
        .collect();
    assert!(
        outlived.is_empty(),
        "test processes outlived the grader: {outlived:?}"
    );
    assert_eq!(course.read(".threadlings/progress.json"), progress_before);
}

#[test]
fn two_graders_at_once_do_not_corrupt_each_other() {
    let course = ScratchCourse::new();
    course.solve("03_locks/01_counter");
    let check = || {
        course
            .grader()
            .args(["check", "locks", "--format", "json"])
            .output()
    };
    let (first, second) = std::thread::scope(|scope| {
        let first = scope.spawn(check);
        let second = scope.spawn(check);
        (first.join(), second.join())
    });
    for output in [first.expect("a grader"), second.expect("a grader")] {
        let output = output.expect("the grader runs");
        let (stdout, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        let report: Value = serde_json::from_str(&stdout).expect("JSON");
        assert_eq!(report["exercises"][0]["status"], "passed");
        assert_eq!(report["exercises"][1]["status"], "failed");
    }
    let progress: Value =
        serde_json::from_str(&course.read(".threadlings/progress.json")).expect("whole JSON");
    assert_eq!(progress["exercises"]["locks/counter"]["status"], "passed");
}
