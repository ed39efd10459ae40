//! The probes on Linux: `/proc/self/task` for the list of threads, their states and switch
//! counts; per-thread CPU clocks; `tgkill` for forced preemption.

use std::time::Duration;

use super::unix::{self, SIGNAL};
use super::{Preempted, Probe, Switches, ThreadState};

/// Every probe.
pub(super) const KNOWS: &[Probe] = &[Probe::ThreadStates, Probe::SwitchCounts, Probe::ThreadList];

/// A thread, by its kernel id.
pub(super) struct Thread {
    tid: libc::pid_t,
    /// Its CPU clock, for a thread that registered itself: readable from any thread, and an
    /// error (never another thread's time) once it has ended.
    clock: Option<libc::clockid_t>,
}

impl Thread {
    pub(super) fn current() -> Thread {
        // SAFETY: gettid has no preconditions.
        let tid = unsafe { libc::gettid() };
        let mut clock: libc::clockid_t = 0;
        // SAFETY: pthread_self names the calling thread, which is alive; the call only writes
        // the clock id into `clock`.
        let found = unsafe { libc::pthread_getcpuclockid(libc::pthread_self(), &mut clock) } == 0;
        Thread {
            tid,
            clock: found.then_some(clock),
        }
    }

    pub(super) fn id(&self) -> u64 {
        self.tid as u64
    }

    fn task_file(&self, name: &str) -> Option<String> {
        std::fs::read_to_string(format!("/proc/self/task/{}/{name}", self.tid)).ok()
    }

    pub(super) fn cpu_time(&self) -> Option<Duration> {
        match self.clock {
            Some(clock) => unix::clock_time(clock),
            // "run time in ns, wait time in ns, time slices": the first is the CPU time.
            None => self
                .task_file("schedstat")?
                .split_whitespace()
                .next()?
                .parse()
                .ok()
                .map(Duration::from_nanos),
        }
    }

    pub(super) fn state(&self) -> ThreadState {
        let Some(stat) = self.task_file("stat") else {
            return ThreadState::Ended;
        };
        // "tid (name) STATE …": the name may hold spaces and parentheses.
        let letter = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.trim_start().chars().next());
        match letter {
            Some('R') => ThreadState::Running,
            Some('S' | 'D') => ThreadState::Asleep,
            Some('Z' | 'X') => ThreadState::Ended,
            _ => ThreadState::Unknown,
        }
    }

    pub(super) fn switches(&self) -> Option<Switches> {
        let status = self.task_file("status")?;
        let count = |field: &str| {
            status.lines().find_map(|line| {
                line.strip_prefix(field)
                    .and_then(|count| count.trim().parse::<u64>().ok())
            })
        };
        Some(Switches {
            voluntary: count("voluntary_ctxt_switches:")?,
            involuntary: count("nonvoluntary_ctxt_switches:")?,
        })
    }
}

pub(super) fn threads() -> Option<Vec<Thread>> {
    let tasks = std::fs::read_dir("/proc/self/task").ok()?;
    Some(
        tasks
            .flatten()
            .filter_map(|task| task.file_name().to_str()?.parse().ok())
            .map(|tid| Thread { tid, clock: None })
            .collect(),
    )
}

/// Every clock here counts nanoseconds (microseconds for `thread_info`).
pub(super) fn fine_cpu_clocks() -> bool {
    true
}

pub(super) fn process_cpu_time() -> Duration {
    unix::process_cpu_time()
}

pub(super) fn current_thread_cpu_time() -> Duration {
    unix::current_thread_cpu_time()
}

pub(super) fn prepare_preemption() {
    unix::install_pause_handler();
}

pub(super) fn preempt(thread: &Thread) -> Preempted {
    unix::pause_with(|| {
        // SAFETY: getpid has no preconditions; tgkill only sends a signal, and reports a thread
        // that has ended as an error (it names the thread by process and id, never by memory).
        unsafe { libc::syscall(libc::SYS_tgkill, libc::getpid(), thread.tid, SIGNAL) == 0 }
    })
}

/// A thread's name as the kernel keeps it: at most 15 bytes and a NUL.
pub(super) type SystemName = [u8; 16];

/// Names the calling thread `mark` for other processes (`/proc/…/comm`), and returns the name it
/// had, or `None` (and changes nothing) if the kernel would not say it.
pub(super) fn rename_current_thread(mark: &std::ffi::CStr) -> Option<SystemName> {
    let mut previous: SystemName = [0; 16];
    // SAFETY: PR_GET_NAME writes at most 16 bytes into `previous`, which has 16; PR_SET_NAME
    // reads a NUL-terminated string (truncated by the kernel to 15 bytes), which `mark` is.
    unsafe {
        if libc::prctl(libc::PR_GET_NAME, previous.as_mut_ptr()) != 0 {
            return None;
        }
        libc::prctl(libc::PR_SET_NAME, mark.as_ptr());
    }
    Some(previous)
}

/// Gives the calling thread back the name [`rename_current_thread`] returned.
pub(super) fn restore_current_thread_name(previous: &SystemName) {
    // SAFETY: `previous` came from PR_GET_NAME, so it holds a NUL within its 16 bytes.
    unsafe { libc::prctl(libc::PR_SET_NAME, previous.as_ptr()) };
}

#[cfg(test)]
mod tests {
    fn own_name() -> String {
        // SAFETY: gettid has no preconditions.
        let tid = unsafe { libc::gettid() };
        std::fs::read_to_string(format!("/proc/self/task/{tid}/comm"))
            .expect("the thread's name")
            .trim_end()
            .to_owned()
    }

    #[test]
    fn a_mark_is_seen_by_other_processes_until_it_is_dropped() {
        std::thread::Builder::new()
            .name("before-mark".to_owned())
            .spawn(|| {
                let mark = super::super::mark_current_thread(c"within-deadline");
                assert_eq!(own_name(), "within-deadline");
                drop(mark);
                assert_eq!(own_name(), "before-mark");
                assert_eq!(
                    std::thread::current().name(),
                    Some("before-mark"),
                    "std's own name of the thread must not change"
                );
            })
            .expect("a thread")
            .join()
            .expect("the marked thread");
    }
}
