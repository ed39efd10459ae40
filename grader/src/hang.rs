//! Describes what a hung test process was doing, from /proc, before it is killed: which threads
//! were alive and whether they were asleep waiting or busy running.

use std::fs;

/// One thread of the hung process tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadState {
    /// The thread's name (the kernel keeps 15 bytes of it).
    pub name: String,
    /// What it was doing.
    pub activity: Activity,
}

/// What a thread was doing when the deadline passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Activity {
    /// On a CPU or ready to be: an endless loop or a spin-wait.
    Running,
    /// Asleep on a futex: a lock, a condition variable, a channel, a join or a park.
    WaitingOnLock,
    /// Asleep in `thread::sleep`.
    Sleeping,
    /// Asleep reading or writing a pipe, file or socket.
    WaitingOnIo,
    /// Asleep in the kernel function named.
    Other(String),
}

impl Activity {
    fn describe(&self) -> String {
        match self {
            Activity::Running => "running (busy: an endless loop or a spin-wait?)".to_owned(),
            Activity::WaitingOnLock => {
                "blocked waiting (on a lock, condition variable, channel or join)".to_owned()
            }
            Activity::Sleeping => "sleeping (thread::sleep)".to_owned(),
            Activity::WaitingOnIo => "waiting for input or output".to_owned(),
            Activity::Other(wchan) => format!("asleep in the kernel ({wchan})"),
        }
    }
}

/// Reads the state of every thread of every process in process group `group`.
pub fn snapshot(group: u32) -> Vec<ThreadState> {
    let mut threads = Vec::new();
    let Ok(processes) = fs::read_dir("/proc") else {
        return threads;
    };
    let mut pids: Vec<u32> = processes
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
        .filter(|pid| process_group_of(*pid) == Some(group))
        .collect();
    pids.sort_unstable();
    for pid in pids {
        let Ok(tasks) = fs::read_dir(format!("/proc/{pid}/task")) else {
            continue;
        };
        let mut tids: Vec<u32> = tasks
            .flatten()
            .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
            .collect();
        tids.sort_unstable();
        for tid in tids {
            if let Some(mut state) = thread_state(pid, tid) {
                // Threads nobody named inherit the program's name; say what they are instead.
                if tid == pid {
                    state.name = "main".to_owned();
                } else if state.name.starts_with("hidden-") {
                    state.name = "(unnamed)".to_owned();
                }
                threads.push(state);
            }
        }
    }
    threads
}

/// How many threads the test process (the leader of group `group`) has, from
/// `/proc/PID/status`. Only the leader is read: scanning every process of the machine every few
/// milliseconds would cost more than the test.
pub fn thread_count(group: u32) -> usize {
    fs::read_to_string(format!("/proc/{group}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("Threads:"))
                .and_then(|count| count.trim().parse().ok())
        })
        .unwrap_or(0)
}

fn process_group_of(pid: u32) -> Option<u32> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name may hold spaces and parentheses, so fields are counted after the last ')'.
    let after_name = &stat[stat.rfind(')')? + 2..];
    after_name.split(' ').nth(2)?.parse().ok()
}

fn thread_state(pid: u32, tid: u32) -> Option<ThreadState> {
    let base = format!("/proc/{pid}/task/{tid}");
    let name = fs::read_to_string(format!("{base}/comm"))
        .ok()?
        .trim()
        .to_owned();
    let stat = fs::read_to_string(format!("{base}/stat")).ok()?;
    let state = stat[stat.rfind(')')? + 2..].chars().next()?;
    let wchan = fs::read_to_string(format!("{base}/wchan")).unwrap_or_default();
    Some(ThreadState {
        name,
        activity: classify(state, wchan.trim()),
    })
}

fn classify(state: char, wchan: &str) -> Activity {
    if state == 'R' {
        Activity::Running
    } else if wchan.contains("futex") {
        Activity::WaitingOnLock
    } else if wchan.contains("nanosleep") || wchan.contains("hrtimer") {
        Activity::Sleeping
    } else if wchan.contains("pipe") || wchan.contains("poll") || wchan.contains("read") {
        Activity::WaitingOnIo
    } else if wchan.is_empty() || wchan == "0" {
        Activity::Other("unknown".to_owned())
    } else {
        Activity::Other(wchan.to_owned())
    }
}

/// Explains in the learner's words what the threads of a hung test suggest.
pub fn explain(threads: &[ThreadState]) -> String {
    // The harness's own threads are not the learner's concern.
    let threads: Vec<&ThreadState> = threads
        .iter()
        .filter(|t| t.name != "checked-call" || t.activity == Activity::Running)
        .collect();
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
        lines.push(format!("  - {who}: {}", activity.describe()));
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
        let text = explain(&[
            thread("main", Activity::WaitingOnLock),
            thread("transfer-1", Activity::WaitingOnLock),
        ]);
        assert!(text.contains("2 threads were alive"), "{text}");
        assert!(text.contains("deadlock"), "{text}");
    }

    #[test]
    fn a_running_thread_reads_as_a_loop() {
        let text = explain(&[
            thread("main", Activity::WaitingOnLock),
            thread("spinner", Activity::Running),
        ]);
        assert!(text.contains("endless loop"), "{text}");
    }

    #[test]
    fn states_are_classified_from_proc() {
        assert_eq!(classify('R', "0"), Activity::Running);
        assert_eq!(classify('S', "futex_do_wait"), Activity::WaitingOnLock);
        assert_eq!(classify('S', "hrtimer_nanosleep"), Activity::Sleeping);
    }

    #[test]
    fn this_process_can_be_seen() {
        // SAFETY: getpgrp has no preconditions.
        let group = unsafe { libc::getpgrp() } as u32;
        assert!(!snapshot(group).is_empty());
    }
}
