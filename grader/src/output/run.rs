//! What happened to a test's process, in the learner's words: it could not start, it exited
//! before its test ended, it crashed (the same words on every system, with the system's own
//! code), it used too much, or it hung (what its threads were doing when it was stopped).

use super::{memory_allowance, plural};
use crate::memory::MemoryAllowance;
use crate::platform::{Activity, Crash, CrashCause, ThreadState};

/// The test's process could not be started at all.
pub fn test_not_started(error: &std::io::Error) -> String {
    format!("the test process could not be started: {error}")
}

/// A test stopped for starting more threads at once than `limit`.
pub fn too_many_threads(count: usize, limit: usize) -> String {
    format!(
        "was stopped after it started {count} threads at once (the limit is {limit}): is a \
         thread being spawned in a loop that never ends?"
    )
}

/// A test stopped when its processes held `bytes` of memory, past what it may use.
pub fn too_much_memory(bytes: u64, allowance: MemoryAllowance) -> String {
    format!(
        "ran out of memory: it was stopped when its processes held {} MiB ({}): is something \
         growing without end?",
        bytes >> 20,
        memory_allowance(allowance)
    )
}

/// The test's process ended (with status `code`) before its test did.
pub fn exited_early(code: i32) -> String {
    format!(
        "the test process exited with status {code} before the test finished: something in \
         your code ended the process (std::process::exit?), so the test never got to its end"
    )
}

/// The grader could not tell how the test's process ended.
pub fn lost_track_of_the_test() -> String {
    "the grader lost track of the test process".to_owned()
}

/// What a crash means, in the same words on every system; `crash.code` names the system's own
/// signal or status.
pub fn crashed(crash: &Crash, stderr: &str, memory: MemoryAllowance) -> String {
    let code = &crash.code;
    if crash.cause == CrashCause::StackOverflow || stderr.contains("has overflowed its stack") {
        return "crashed with a stack overflow: a recursion that never ends, or a very large \
                value on the stack"
            .to_owned();
    }
    if let Some(at) = stderr.find("memory allocation of ") {
        let bytes = stderr[at + "memory allocation of ".len()..]
            .split(' ')
            .next()
            .unwrap_or("many");
        return format!(
            "ran out of memory: your code asked for {bytes} bytes at once ({})",
            memory_allowance(memory)
        );
    }
    let what = match crash.cause {
        CrashCause::Abort => {
            if stderr.contains("thread local panicked on drop") {
                return format!(
                    "aborted ({code}) after a panic in the destructor of a thread-local value: \
                     Rust ends the whole process when a thread_local!'s Drop panics at thread exit"
                );
            }
            if stderr.contains("non-unwinding panic")
                || stderr.contains("panic in a destructor")
                || stderr.contains("panicked")
            {
                return format!(
                    "aborted ({code}) after a panic that could not unwind: a panic while \
                     already panicking, such as a panic inside Drop during unwinding"
                );
            }
            return format!("aborted ({code}): std::process::abort or a failed internal check");
        }
        CrashCause::BadMemoryAccess => {
            format!("an invalid memory access ({code}): memory was accessed that does not exist")
        }
        CrashCause::BusError => format!("a bus error ({code})"),
        CrashCause::IllegalInstruction => format!("an illegal instruction ({code})"),
        CrashCause::ArithmeticFault => format!("an arithmetic fault ({code})"),
        CrashCause::Killed => {
            format!("killed ({code}), by itself or by the system (out of memory?)")
        }
        CrashCause::Terminated => format!("terminated ({code})"),
        CrashCause::StackOverflow | CrashCause::Other => format!("ended abnormally ({code})"),
    };
    format!("crashed: {what}")
}

/// What a thread was doing when its test was stopped.
fn activity(activity: &Activity) -> String {
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

/// `count` threads named `name` as a sentence names them: `thread 'main'`, `an unnamed
/// thread`, `3 threads named 'worker'`.
pub fn thread_group(name: &str, count: usize) -> String {
    match (name, count) {
        ("(unnamed)", 1) => "an unnamed thread".to_owned(),
        ("(unnamed)", n) => format!("{n} unnamed threads"),
        (name, 1) => format!("thread '{name}'"),
        (name, n) => format!("{n} threads named '{name}'"),
    }
}

/// A hung test whose threads' states the system does not show: how many it had, if known.
pub fn hang_unseen(count: Option<usize>) -> String {
    match count {
        Some(count) => format!(
            "It had {count} {} alive; the grader cannot see on this machine what they were \
             doing.",
            plural(count, "thread", "threads")
        ),
        None => "The grader cannot see on this machine what its threads were doing.".to_owned(),
    }
}

/// What the learner's threads of a hung test were doing when it was stopped, and what that
/// suggests.
pub fn hang_threads(threads: &[&ThreadState]) -> String {
    if threads.is_empty() {
        return "The grader could not see its threads.".to_owned();
    }
    let mut lines = vec![format!(
        "When it was stopped, {} {} {} alive:",
        threads.len(),
        plural(threads.len(), "thread", "threads"),
        plural(threads.len(), "was", "were")
    )];
    // Many threads doing the same thing are one line, not a wall of them.
    let mut groups: Vec<(&str, &Activity, usize)> = Vec::new();
    for thread in threads {
        match groups
            .iter_mut()
            .find(|(name, activity, _)| *name == thread.name && **activity == thread.activity)
        {
            Some(group) => group.2 += 1,
            None => groups.push((&thread.name, &thread.activity, 1)),
        }
    }
    const SHOWN: usize = 12;
    for (name, doing, count) in groups.iter().take(SHOWN) {
        lines.push(format!(
            "  - {}: {}",
            thread_group(name, *count),
            activity(doing)
        ));
    }
    if groups.len() > SHOWN {
        lines.push(format!("  - … and {} more kinds", groups.len() - SHOWN));
    }
    let count = |wanted: Activity| threads.iter().filter(|t| t.activity == wanted).count();
    let (running, waiting, asleep) = (
        count(Activity::Running),
        count(Activity::WaitingOnLock),
        count(Activity::Waiting),
    );
    if running > 0 {
        lines.push(format!(
            "{running} {} never stopped running: that looks like an endless loop, or a thread \
             that waits by spinning instead of blocking.",
            plural(running, "thread", "threads")
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
    use crate::memory::allowance_in;
    use crate::platform::CrashCause;

    fn crash(cause: CrashCause, code: &str) -> Crash {
        Crash {
            cause,
            code: code.to_owned(),
        }
    }

    #[test]
    fn a_panicking_thread_local_destructor_is_named() {
        let described = crashed(
            &crash(CrashCause::Abort, "SIGABRT"),
            "thread '<unnamed>' panicked at src/lib.rs:9:9:\nboom\n\
             fatal runtime error: thread local panicked on drop, aborting\n",
            allowance_in(None),
        );
        assert!(
            described.contains("destructor of a thread-local"),
            "{described}"
        );
    }

    #[test]
    fn a_panic_while_panicking_is_explained() {
        let described = crashed(
            &crash(CrashCause::Abort, "SIGABRT"),
            "thread 'main' panicked at src/lib.rs:3:5:\npanic in a destructor during cleanup\n",
            allowance_in(None),
        );
        assert!(described.contains("already panicking"), "{described}");
        assert!(described.contains("(SIGABRT)"), "{described}");
    }

    #[test]
    fn a_stack_overflow_is_named() {
        let described = crashed(
            &crash(CrashCause::BadMemoryAccess, "SIGSEGV"),
            "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n",
            allowance_in(None),
        );
        assert!(described.contains("stack overflow"), "{described}");
        // Windows says so in its status, whatever was printed.
        let described = crashed(
            &crash(CrashCause::StackOverflow, "0xC00000FD, a stack overflow"),
            "",
            allowance_in(None),
        );
        assert!(described.contains("stack overflow"), "{described}");
    }

    #[test]
    fn a_crash_names_the_systems_code() {
        let described = crashed(
            &crash(CrashCause::BadMemoryAccess, "SIGSEGV"),
            "",
            allowance_in(None),
        );
        assert_eq!(
            described,
            "crashed: an invalid memory access (SIGSEGV): memory was accessed that does not exist"
        );
        let described = crashed(
            &crash(CrashCause::Abort, "0xC0000409, a fast fail"),
            "",
            allowance_in(None),
        );
        assert!(
            described.starts_with("aborted (0xC0000409, a fast fail)"),
            "{described}"
        );
        let described = crashed(
            &crash(CrashCause::Other, "signal 42"),
            "",
            allowance_in(None),
        );
        assert_eq!(described, "crashed: ended abnormally (signal 42)");
    }

    #[test]
    fn a_failed_allocation_names_the_cap() {
        let described = crashed(
            &crash(CrashCause::Abort, "SIGABRT"),
            "memory allocation of 268435456 bytes failed\n",
            allowance_in(None),
        );
        assert!(described.contains("268435456 bytes"), "{described}");
        assert!(described.contains("at most 4 GiB"), "{described}");
        // In Gradescope's default container, the cap is what 768 MiB leave, and says so.
        let described = crashed(
            &crash(CrashCause::Abort, "SIGABRT"),
            "memory allocation of 268435456 bytes failed\n",
            allowance_in(Some(768 << 20)),
        );
        assert!(described.contains("at most 640 MiB"), "{described}");
        assert!(described.contains("768 MiB"), "{described}");
    }
}
