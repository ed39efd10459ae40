//! Deadlocks reported as soon as they form, not at the deadline: what the learner reads, that
//! the harness's own deadline waits and chaos do not hide one, and that a test which sleeps or
//! waits with a timeout is never cut short.

use serde_json::Value;

use crate::assert_grader_snapshot;
use crate::support::{ScratchCourse, repo_root, text};

const COUNTER: &str = "exercises/03_locks/01_counter.rs";
const TRANSFER: &str = "exercises/03_locks/02_transfer.rs";

/// Grades one exercise as JSON and returns its exit status and exercise entry.
fn verdict(course: &ScratchCourse, id: &str) -> (i32, Value) {
    let output = course
        .grader()
        .args(["check", id, "--format", "json"])
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(
        !stderr.contains("panicked"),
        "the grader panicked:\n{stderr}"
    );
    let report: Value = serde_json::from_str(&stdout).expect("one JSON document");
    (
        output.status.code().unwrap_or(-1),
        report["exercises"][0].clone(),
    )
}

/// The check named `name` of an exercise's verdict.
fn check<'a>(verdict: &'a Value, name: &str) -> &'a Value {
    verdict["tests"]
        .as_array()
        .expect("tests")
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("no check named {name}: {verdict}"))
}

fn message(check: &Value) -> &str {
    check["message"].as_str().unwrap_or_default()
}

/// A transfer that always deadlocks the same way: two threads of its own take two locks in
/// opposite orders, each holding its first when it asks for its second (a barrier makes sure),
/// while the caller joins the first.
const CROSSED_LOCKS: &str = r#"
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

pub struct Account { balance: Mutex<u64> }

impl Account {
    pub fn new(balance: u64) -> Self { Account { balance: Mutex::new(balance) } }
    pub fn balance(&self) -> u64 { *self.balance.lock().unwrap() }
}

pub fn transfer(_from: &Account, _to: &Account, _amount: u64) -> Result<(), InsufficientFunds> {
    let locks = Arc::new((Mutex::new(()), Mutex::new(())));
    let both_hold_one = Arc::new(Barrier::new(2));
    let spawn = |name: &str, forwards: bool| {
        let (locks, both_hold_one) = (Arc::clone(&locks), Arc::clone(&both_hold_one));
        thread::Builder::new().name(name.to_owned()).spawn(move || {
            let (first, second) = if forwards { (&locks.0, &locks.1) } else { (&locks.1, &locks.0) };
            let _first = first.lock().unwrap();
            both_hold_one.wait();
            let _second = second.lock().unwrap();
        }).unwrap()
    };
    let first = spawn("first", true);
    let second = spawn("second", false);
    first.join().unwrap();
    second.join().unwrap();
    Ok(())
}
"#;

#[test]
fn a_deadlock_is_reported_at_once_with_what_each_thread_waits_for() {
    let course = ScratchCourse::new();
    course.write(TRANSFER, CROSSED_LOCKS);
    let (status, verdict) = verdict(&course, "locks/transfer");
    assert_eq!(status, 1, "{verdict}");
    // The test calls transfer() on its main thread, with no deadline of its own.
    let moved = check(&verdict, "a_transfer_moves_money");
    assert_eq!(moved["status"], "timed_out", "{moved}");
    assert_eq!(moved["failure_kind"], "deadlock", "{moved}");
    assert_grader_snapshot!("deadlock_crossed_locks", message(moved));

    // People read it as a deadlock, not as a test that needed more time.
    let output = course
        .grader()
        .args(["check", "locks/transfer"])
        .output()
        .expect("the grader runs");
    let (stdout, _) = text(&output);
    assert!(
        stdout.contains("`a_transfer_moves_money` (deadlocked)"),
        "{stdout}"
    );
}

#[test]
fn a_deadlock_under_the_harness_s_deadline_and_chaos_is_found_before_the_deadline() {
    // The course's own mutant: transfers lock `from` then `to`. The stress test runs four
    // workers under chaos inside `within(10 s, …)`, as long as the whole test's deadline; the
    // test that moves money to the same account waits inside `within(5 s, …)` for a transfer
    // that locks one Mutex twice.
    let course = ScratchCourse::new();
    let mutant = std::fs::read_to_string(
        repo_root().join("grader/hidden/03_locks/02_transfer/mutants/locks_in_argument_order.rs"),
    )
    .expect("the mutant");
    let locks_the_same_account_twice = mutant.replace(
        "    if std::ptr::eq(from, to) {\n        return Ok(());\n    }\n",
        "",
    );
    assert_ne!(
        locks_the_same_account_twice, mutant,
        "the mutant has changed"
    );
    course.write(TRANSFER, &locks_the_same_account_twice);
    let (status, verdict) = verdict(&course, "locks/transfer");
    assert_eq!(status, 1, "{verdict}");
    for name in [
        "transfers_both_ways_at_once_do_not_deadlock",
        "a_transfer_to_the_same_account_returns_and_moves_nothing",
    ] {
        let hung = check(&verdict, name);
        let text = message(hung);
        assert_eq!(hung["status"], "timed_out", "{name}: {hung}");
        assert_eq!(hung["failure_kind"], "deadlock", "{name}: {hung}");
        // The deadline's own message would say "did not finish within".
        assert!(text.starts_with("deadlocked"), "{name}: {text}");
        assert!(text.contains("waiting to lock a Mutex"), "{name}: {text}");
        // The harness's threads are its own business.
        assert!(!text.contains("chaos"), "{name}: {text}");
        assert!(!text.contains("thread 'main'"), "{name}: {text}");
    }
    let both_ways = message(check(
        &verdict,
        "transfers_both_ways_at_once_do_not_deadlock",
    ));
    assert!(both_ways.contains("'a-to-b'"), "{both_ways}");
    assert!(both_ways.contains("'b-to-a'"), "{both_ways}");
}

#[test]
fn a_thread_waiting_for_one_that_sleeps_is_not_cut_short() {
    // Every test's Counter::new() waits with no timeout (recv) for a thread that sleeps for far
    // longer than the grader's window before it answers: the sleeper could still wake the
    // waiter, so no test may be stopped, and every one passes.
    let course = ScratchCourse::new();
    course.write(
        COUNTER,
        r#"
use std::sync::{mpsc, Mutex};
use std::time::Duration;

pub struct Counter { value: Mutex<u64> }

impl Counter {
    pub fn new() -> Self {
        let (answer, answered) = mpsc::channel();
        std::thread::Builder::new().name("sleeper".to_owned()).spawn(move || {
            std::thread::sleep(Duration::from_millis(700));
            answer.send(0).unwrap();
        }).unwrap();
        Counter { value: Mutex::new(answered.recv().unwrap()) }
    }
    pub fn increment(&self) { self.add(1) }
    pub fn add(&self, n: u64) { *self.value.lock().unwrap() += n; }
    pub fn get(&self) -> u64 { *self.value.lock().unwrap() }
}
"#,
    );
    let (status, verdict) = verdict(&course, "locks/counter");
    assert_eq!(status, 0, "{verdict}");
    assert_eq!(verdict["status"], "passed", "{verdict}");
    for test in verdict["tests"].as_array().expect("tests") {
        if test["kind"] == "test" {
            let took = test["duration_ms"].as_u64().expect("a duration");
            assert!(
                took >= 700,
                "{} passed too soon to have waited: {test}",
                test["name"]
            );
        }
    }
}
