//! A hidden test binary in miniature, for `tests/verdict.rs` (and `scripts/wine-harness.sh`):
//! it proves, on whatever system runs it, that `run_main` prints the verdict line the grader
//! trusts, and that the probes judge a quiet process quiet when nothing else shares it.

use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

use harness::{awake, cpu};

fn returns() {}

fn fails_with_a_message() {
    let got = 41;
    assert_eq!(got, 42, "the answer was {got}; it should be 42");
}

/// A thread blocked on a condition variable, alone in its process with the watcher: every
/// check must find it asleep (in the unit tests other tests share the process, so only the
/// other direction can be checked there).
fn a_blocked_thread_looks_asleep_to_every_check() {
    let gate = Arc::new((Mutex::new(false), Condvar::new()));
    let waiter = {
        let gate = Arc::clone(&gate);
        thread::spawn(move || {
            let (open, changed) = &*gate;
            drop(
                changed
                    .wait_while(open.lock().unwrap(), |open| !*open)
                    .unwrap(),
            );
        })
    };
    thread::sleep(Duration::from_millis(50));
    let mut others = cpu::OtherThreads::new();
    let kept_still = (0..200).any(|_| {
        thread::sleep(Duration::from_millis(10));
        others.quiet_since_last_look()
    });
    assert!(kept_still, "cpu::OtherThreads: the waiter never kept still");
    let awake = awake::watch(Duration::from_millis(300));
    assert!(!awake.busy(), "awake::watch: {awake}");
    let (open, changed) = &*gate;
    *open.lock().unwrap() = true;
    changed.notify_all();
    waiter.join().unwrap();
}

harness::hidden_tests![
    returns,
    fails_with_a_message,
    a_blocked_thread_looks_asleep_to_every_check,
];
