//! Describes in the learner's words what a hung test process was doing before it was killed:
//! which threads were alive and whether they were asleep waiting or busy running, as far as the
//! system tells (see [`crate::platform::ProcessTree::thread_states`]).

use crate::failure_kind::Hang;
use crate::platform::{Activity, ThreadState};

fn describe(activity: &Activity) -> String {
    match activity {
        Activity::Running => "running (busy: an endless loop or a spin-wait?)".to_owned(),
        Activity::WaitingOnLock => {
            "blocked waiting (on a lock, condition variable, channel or join)".to_owned()
        }
        Activity::Sleeping => "sleeping (thread::sleep)".to_owned(),
        Activity::WaitingOnIo => "waiting for input or output".to_owned(),
        Activity::Waiting => "asleep, waiting (on a lock, a sleep, a join or input)".to_owned(),
        Activity::Other(wchan) => format!("asleep in the kernel ({wchan})"),
    }
}

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
        return match count {
            Some(count) => format!(
                "It had {count} thread{} alive; the grader cannot see on this machine what they \
                 were doing.",
                if count == 1 { "" } else { "s" }
            ),
            None => "The grader cannot see on this machine what its threads were doing.".to_owned(),
        };
    };
    // The harness's own threads are not the learner's concern.
    let threads: Vec<&ThreadState> = threads.iter().filter(|t| !harness_s_own(t)).collect();
    if threads.is_empty() {
        return "The grader could not see its threads.".to_owned();
    }
    let mut lines = vec![format!(
        "When it was stopped, {} thread{} {} alive:",
        threads.len(),
        if threads.len() == 1 { "" } else { "s" },
        if threads.len() == 1 { "was" } else { "were" }
    )];
    // Many threads doing the same thing are one line, not a wall of them.
    let mut groups: Vec<(&str, &Activity, usize)> = Vec::new();
    for thread in &threads {
        match groups
            .iter_mut()
            .find(|(name, activity, _)| *name == thread.name && **activity == thread.activity)
        {
            Some(group) => group.2 += 1,
            None => groups.push((&thread.name, &thread.activity, 1)),
        }
    }
    const SHOWN: usize = 12;
    for (name, activity, count) in groups.iter().take(SHOWN) {
        let who = match (*name, count) {
            ("(unnamed)", 1) => "an unnamed thread".to_owned(),
            ("(unnamed)", n) => format!("{n} unnamed threads"),
            (name, 1) => format!("thread '{name}'"),
            (name, n) => format!("{n} threads named '{name}'"),
        };
        lines.push(format!("  - {who}: {}", describe(activity)));
    }
    if groups.len() > SHOWN {
        lines.push(format!("  - … and {} more kinds", groups.len() - SHOWN));
    }
    let running = threads
        .iter()
        .filter(|t| t.activity == Activity::Running)
        .count();
    let waiting = threads
        .iter()
        .filter(|t| t.activity == Activity::WaitingOnLock)
        .count();
    let asleep = threads
        .iter()
        .filter(|t| t.activity == Activity::Waiting)
        .count();
    if running > 0 {
        lines.push(format!(
            "{running} thread{} never stopped running: that looks like an endless loop, or a \
             thread that waits by spinning instead of blocking.",
            if running == 1 { "" } else { "s" }
        ));
    } else if waiting >= 2 {
        lines.push(
            "Every thread was asleep waiting for another: that looks like a deadlock, for \
             example two threads each waiting for the lock the other holds, or a wait that \
             nobody ever wakes."
                .to_owned(),
        );
    } else if waiting == 1 {
        lines.push(
            "A thread was waiting for something that never happened: a lock never released, a \
             notify never sent, or a thread never joined."
                .to_owned(),
        );
    } else if asleep > 0 {
        lines.push(
            "No thread was running: they waited for something that never happened (a lock \
             never released, a notify never sent, a deadlock), or slept too long."
                .to_owned(),
        );
    }
    lines.join("\n")
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
