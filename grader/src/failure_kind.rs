//! What kind of mistake ([`FailureKind`], one of the result types of `verdict`) a failed check
//! most likely shows: a deadlock, a lost update, a lost wake-up, spinning… so that an instructor
//! sees at a glance what to teach again ("transfer: 12 of 30 deadlocked"). An exercise shows the
//! most telling kind of its checks'.
//!
//! The kind is read from what the grader already knows, never guessed beyond it: how the check
//! ended (a compile error, a crash, a timeout), what the platform saw of a hung test's threads
//! (running, or asleep waiting on a lock), the model checker's verdict (every thread blocked, a
//! data race), and the words of the course's own failure messages and test names, which say
//! what they caught ("increments were lost", "was the waiting thread woken?",
//! `waiting_threads_sleep_instead_of_spinning`). What fits nothing better is a wrong result.

use crate::verdict::{CheckKind, CheckResult, FailureKind, Status};

/// What the platform saw of a hung test's threads, as far as a kind goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hang {
    /// Every thread was asleep in a wait no timeout ends and none ran for a while: found
    /// before the deadline (see `crate::deadlock`), certain.
    Deadlock,
    /// At least one thread was running: a spin or an endless loop.
    Running,
    /// Two threads or more were asleep on locks and none ran.
    AllWaiting,
    /// Anything else, or nothing seen.
    Unclear,
}

/// The kind a check that did not pass shows; `None` for a pass or a check not run.
pub fn of_check(check: &CheckResult, hang: Option<Hang>) -> Option<FailureKind> {
    let message = check.message.as_deref().unwrap_or_default();
    let name = check.name.as_str();
    let words = format!("{name} {message}").to_lowercase();
    let says = |phrases: &[&str]| phrases.iter().any(|phrase| words.contains(phrase));
    Some(match check.status {
        Status::Passed | Status::NotRun => return None,
        Status::CompileError => FailureKind::CompileError,
        Status::Crashed => FailureKind::Crash,
        Status::TimedOut => match hang {
            Some(Hang::Deadlock) => FailureKind::Deadlock,
            Some(Hang::Running) => FailureKind::Spinning,
            _ if says(&["deadlock"]) => FailureKind::Deadlock,
            _ if says(&["wake"]) => FailureKind::LostWakeUp,
            Some(Hang::AllWaiting) => FailureKind::Deadlock,
            _ => FailureKind::Timeout,
        },
        Status::Failed if check.kind == CheckKind::CompileFail => {
            if message.contains("the compiler accepted a misuse") {
                FailureKind::UnsoundApi
            } else {
                FailureKind::WrongResult
            }
        }
        Status::Failed => {
            if message.contains("reached `todo!()`") {
                FailureKind::Unfinished
            } else if message.starts_with("a data race") {
                FailureKind::DataRace
            } else if message.starts_with("every thread was blocked") {
                // The model checker's story: a thread asleep in a condition variable's wait
                // missed its notify; threads asleep on locks wait for each other.
                if says(&["wait(", "wait_while(", "wait_timeout"]) {
                    FailureKind::LostWakeUp
                } else {
                    FailureKind::Deadlock
                }
            } else if says(&["deadlock"]) {
                FailureKind::Deadlock
            } else if says(&["spinning", "spin-wait", "busy", "not loop"]) {
                FailureKind::Spinning
            } else if says(&["woken", "wake-up", "wake up", "wakes"]) {
                FailureKind::LostWakeUp
            } else if says(&["lost"]) && says(&["increment", "addition", "update"]) {
                FailureKind::LostUpdate
            } else if message.starts_with("your code panicked") {
                FailureKind::Panic
            } else {
                FailureKind::WrongResult
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, kind: CheckKind, status: Status, message: &str) -> CheckResult {
        CheckResult {
            name: name.to_owned(),
            kind,
            status,
            message: Some(message.to_owned()),
            output: String::new(),
            duration_ms: 0,
            failure_kind: None,
        }
    }

    fn kind_of(name: &str, status: Status, message: &str) -> Option<FailureKind> {
        of_check(&check(name, CheckKind::Test, status, message), None)
    }

    #[test]
    fn the_course_s_own_messages_name_their_kind() {
        assert_eq!(
            kind_of(
                "counts_every_increment_from_many_threads",
                Status::Failed,
                "after 8 threads called increment() 1000 times each, at the same time, get() \
                 returned 7990; it should return 8000. 10 increments were lost: …"
            ),
            Some(FailureKind::LostUpdate)
        );
        assert_eq!(
            kind_of(
                "waiting_threads_sleep_instead_of_spinning",
                Status::Failed,
                "while 4 threads waited on an unset event, a thread was found running in 90% \
                 of the looks; a waiting thread should sleep on a condition variable, not loop \
                 checking the flag"
            ),
            Some(FailureKind::Spinning)
        );
        assert_eq!(
            kind_of(
                "set_wakes_a_waiting_thread",
                Status::Failed,
                "wait() did not return within 5 s after set() was called: was the waiting \
                 thread woken?"
            ),
            Some(FailureKind::LostWakeUp)
        );
        assert_eq!(
            kind_of(
                "a_transfer_moves_money",
                Status::Failed,
                "your code panicked in thread 'main' at exercises/03_locks/02_transfer.rs:35:9: \
                 reached `todo!()`: this part is not written yet"
            ),
            Some(FailureKind::Unfinished)
        );
        assert_eq!(
            kind_of("starts_at_zero", Status::Failed, "a new Counter returned 3"),
            Some(FailureKind::WrongResult)
        );
    }

    #[test]
    fn a_hang_is_read_from_what_its_threads_did() {
        let hung = check("x", CheckKind::Test, Status::TimedOut, "did not finish");
        assert_eq!(
            of_check(&hung, Some(Hang::Running)),
            Some(FailureKind::Spinning)
        );
        assert_eq!(
            of_check(&hung, Some(Hang::AllWaiting)),
            Some(FailureKind::Deadlock)
        );
        assert_eq!(of_check(&hung, None), Some(FailureKind::Timeout));
        // Found before the deadline, whatever the test is named: a hang that says "wake" is a
        // lost wake-up only when nothing better is known.
        let woken = check("x", CheckKind::Test, Status::TimedOut, "was it woken?");
        assert_eq!(
            of_check(&woken, Some(Hang::Deadlock)),
            Some(FailureKind::Deadlock)
        );
        let named = check(
            "transfers_both_ways_at_once_do_not_deadlock",
            CheckKind::Test,
            Status::TimedOut,
            "did not finish",
        );
        assert_eq!(of_check(&named, None), Some(FailureKind::Deadlock));
    }

    #[test]
    fn the_model_checker_s_verdicts_are_told_apart() {
        let blocked_in_wait = check(
            "set_wakes_every_waiter",
            CheckKind::Model,
            Status::Failed,
            "every thread was blocked, …\n  thread 1   line 30  wait(guard)",
        );
        assert_eq!(
            of_check(&blocked_in_wait, None),
            Some(FailureKind::LostWakeUp)
        );
        let blocked_on_locks = check(
            "transfers_both_ways_at_once_never_deadlock",
            CheckKind::Model,
            Status::Failed,
            "every thread was blocked, …\n  thread 1   line 30  lock()",
        );
        assert_eq!(
            of_check(&blocked_on_locks, None),
            Some(FailureKind::Deadlock)
        );
        let race = check("x", CheckKind::Model, Status::Failed, "a data race: two …");
        assert_eq!(of_check(&race, None), Some(FailureKind::DataRace));
    }
}
