//! What a hung test process was doing before it was killed: which of its threads are the
//! learner's, and what kind of failure their states suggest, as far as the system tells (see
//! [`crate::platform::ProcessTree::thread_states`]); `output` words it.

use crate::failure_kind::Hang;
use crate::output;
use crate::platform::{Activity, ThreadState};

/// Whether a thread is the harness's and not the learner's concern: its checked call waiting
/// (one that runs is shown: it runs the learner's code), its wait for that call, and the chaos
/// thread, which runs on its own whatever the learner's code does.
fn harness_s_own(thread: &ThreadState) -> bool {
    (thread.name == "checked-call" && thread.activity != Activity::Running)
        || thread.name == harness::time::WAITING_NAME
        || thread.name == harness::chaos::THREAD_NAME
}

/// What the threads of a hung test suggest, as far as its failure's kind goes.
pub fn kind(threads: Option<&[ThreadState]>) -> Hang {
    let Some(threads) = threads else {
        return Hang::Unclear;
    };
    let seen = threads.iter().filter(|t| !harness_s_own(t));
    let (mut running, mut waiting) = (0, 0);
    for thread in seen {
        match thread.activity {
            Activity::Running => running += 1,
            Activity::WaitingOnLock => waiting += 1,
            _ => {}
        }
    }
    if running > 0 {
        Hang::Running
    } else if waiting >= 2 {
        Hang::AllWaiting
    } else {
        Hang::Unclear
    }
}

/// Explains in the learner's words what the threads of a hung test suggest, from their states
/// where the system tells them, or else from their number.
pub fn explain(threads: Option<&[ThreadState]>, count: Option<usize>) -> String {
    let Some(threads) = threads else {
        return output::hang_unseen(count);
    };
    // The harness's own threads are not the learner's concern.
    let threads: Vec<&ThreadState> = threads.iter().filter(|t| !harness_s_own(t)).collect();
    output::hang_threads(&threads)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thread(name: &str, activity: Activity) -> ThreadState {
        ThreadState {
            name: name.to_owned(),
            activity,
        }
    }

    #[test]
    fn two_waiting_threads_read_as_a_deadlock() {
        let text = explain(
            Some(&[
                thread("main", Activity::WaitingOnLock),
                thread("transfer-1", Activity::WaitingOnLock),
            ]),
            Some(2),
        );
        assert!(text.contains("2 threads were alive"), "{text}");
        assert!(text.contains("deadlock"), "{text}");
    }

    #[test]
    fn a_running_thread_reads_as_a_loop() {
        let text = explain(
            Some(&[
                thread("main", Activity::WaitingOnLock),
                thread("spinner", Activity::Running),
            ]),
            None,
        );
        assert!(text.contains("endless loop"), "{text}");
    }

    #[test]
    fn threads_asleep_on_something_unnamed_are_not_called_a_loop() {
        let text = explain(
            Some(&[
                thread("main", Activity::Waiting),
                thread("(unnamed)", Activity::Waiting),
            ]),
            Some(2),
        );
        assert!(text.contains("No thread was running"), "{text}");
        assert!(!text.contains("endless loop"), "{text}");
    }

    #[test]
    fn the_chaos_thread_running_is_no_endless_loop() {
        let threads = [
            thread("main", Activity::WaitingOnLock),
            thread("worker", Activity::WaitingOnLock),
            thread(harness::chaos::THREAD_NAME, Activity::Running),
        ];
        assert_eq!(kind(Some(&threads)), Hang::AllWaiting);
        let text = explain(Some(&threads), Some(3));
        assert!(!text.contains("endless loop"), "{text}");
        assert!(text.contains("2 threads were alive"), "{text}");
    }

    #[test]
    fn unseen_states_are_said_to_be_unseen() {
        let text = explain(None, Some(3));
        assert!(text.contains("It had 3 threads alive"), "{text}");
        assert!(text.contains("cannot see"), "{text}");
        let text = explain(None, None);
        assert!(text.contains("cannot see"), "{text}");
    }
}
