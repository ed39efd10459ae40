//! The harness's one door to the operating system: every probe the checks rely on, one file per
//! system behind `cfg`, and what each probe returns where the system (or the mode) cannot see.
//!
//! No other file of the harness names an operating system's API: [`crate::cpu`],
//! [`crate::awake`], [`crate::watched`] and [`crate::chaos`] ask this module, and judge only
//! what it says. ([`crate::race`] needs nothing from the system: it reads [`std::time::Instant`].)
//!
//! # The probes
//!
//! | probe | Linux | macOS | Windows | portable mode (any system) |
//! | --- | --- | --- | --- | --- |
//! | [`ThreadRef::current`]: the calling thread | its tid and CPU clock (`pthread_getcpuclockid`) | its Mach thread port and `pthread_t` | its id and a handle (`DuplicateHandle`) | as the system |
//! | [`ThreadRef::cpu_time`]: a thread's CPU time | `clock_gettime` on its CPU clock (ns); `/proc/self/task/*/schedstat` for a listed thread | `thread_info(THREAD_BASIC_INFO)` (µs) | `QueryThreadCycleTime` at the processor's time-stamp rate (x86_64), else `GetThreadTimes` (a clock tick) | as the system |
//! | [`process_cpu_time`] | `CLOCK_PROCESS_CPUTIME_ID` (ns) | `CLOCK_PROCESS_CPUTIME_ID` (ns) | `QueryProcessCycleTime`, else `GetProcessTimes` | as the system |
//! | [`other_threads`]: the process's threads | `/proc/self/task` | `task_threads` | a Toolhelp snapshot | unknown |
//! | [`ThreadRef::state`] | `/proc/self/task/*/stat` | `run_state` of `thread_info` | unknown | unknown |
//! | [`ThreadRef::switches`]: voluntary and involuntary context switches | `/proc/self/task/*/status` | unknown | unknown | unknown |
//! | forced preemption ([`crate::chaos`]) | `tgkill`, a handler that sleeps 100 µs | `pthread_kill`, the same handler | `SuspendThread`, 100 µs, `ResumeThread` | as the system |
//! | a thread's mark for the grader (`mark_current_thread`) | `prctl(PR_SET_NAME)` | nothing (not read) | nothing (not read) | as the system |
//!
//! Where Windows's cycle counters fail (Wine 8 does not implement them), CPU times come from
//! `GetThreadTimes` and `GetProcessTimes`, which charge a whole clock tick to the thread found
//! running at each tick: [`Probe::FineCpuClocks`] is then unknown, and a thread that runs a few
//! microseconds at a time (one that loops on `yield_now` on a busy machine) is invisible to
//! them.
//!
//! Whatever the system, a thread that has ended is known to have ended: its CPU time is `None`
//! and its state [`ThreadState::Ended`].
//!
//! # Unknown
//!
//! A probe that cannot see says so: [`ThreadState::Unknown`], or `None` from
//! [`ThreadRef::switches`] and [`other_threads`]. Unknown is never a verdict. The checks built
//! on these probes take it as "no evidence" and judge by what every system gives (the process's
//! CPU time, the CPU clock of each thread the test registered, and the harness's own threads),
//! which they use on every system anyway: a correct solution never fails because a probe is
//! missing, and a check that is weaker somewhere says which and why, once (see
//! [`weaker_checks`] and [`note_if_weaker`]).
//!
//! # Portable mode
//!
//! With the environment variable `THREADLINGS_PROBES=portable` (the grader passes its
//! environment on to each test process), the harness uses only the probes every system gives, as
//! if the system knew no thread states, no switch counts and no list of threads. It proves on
//! Linux that the checks hold on the weakest system: `grader verify` in that mode must pass
//! every solution and catch every mutant.

use std::fmt;
use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "macos")]
mod macos;
#[cfg(unix)]
mod unix;
#[cfg(windows)]
mod windows;

#[cfg(target_os = "linux")]
use linux as sys;
#[cfg(target_os = "macos")]
use macos as sys;
#[cfg(windows)]
use windows as sys;

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
compile_error!(
    "the harness knows Linux, macOS and Windows: add a file for this system under \
     grader/harness/src/platform/"
);

/// The environment variable that chooses the probes: `portable` for those every system gives.
pub const PROBES_VARIABLE: &str = "THREADLINGS_PROBES";

/// Which probes the harness uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probes {
    /// Everything the system gives.
    Native,
    /// Only what every system gives: set by `THREADLINGS_PROBES=portable`.
    Portable,
}

/// The probes in use in this process, read once from [`PROBES_VARIABLE`].
pub fn probes() -> Probes {
    static PROBES: OnceLock<Probes> = OnceLock::new();
    *PROBES.get_or_init(|| match std::env::var(PROBES_VARIABLE) {
        Ok(value) if value.trim() == "portable" => Probes::Portable,
        _ => Probes::Native,
    })
}

/// A probe that some systems (or the portable mode) lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// Whether a thread is running or ready to run, or asleep: [`ThreadRef::state`].
    ThreadStates,
    /// How often a thread gave up its CPU, or had it taken: [`ThreadRef::switches`].
    SwitchCounts,
    /// The list of the process's threads: [`other_threads`].
    ThreadList,
    /// CPU clocks that count every microsecond a thread runs, rather than a whole clock tick
    /// for the thread found running at each tick (Windows where the cycle counters fail, as
    /// under Wine): only they see a thread that runs a few microseconds at a time.
    FineCpuClocks,
}

impl Probe {
    fn name(self) -> &'static str {
        match self {
            Probe::ThreadStates => "thread states",
            Probe::SwitchCounts => "context switch counts",
            Probe::ThreadList => "the list of the process's threads",
            Probe::FineCpuClocks => "CPU clocks finer than a clock tick",
        }
    }
}

/// Whether `probe` sees anything here, in this mode. (The portable mode uses the system's own
/// CPU clocks, whatever they are: it leaves out states, switch counts and the list of threads.)
pub fn knows(probe: Probe) -> bool {
    match probe {
        Probe::FineCpuClocks => sys::fine_cpu_clocks(),
        _ => probes() == Probes::Native && sys::KNOWS.contains(&probe),
    }
}

/// What a thread is doing at one look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadState {
    /// On a processor, or ready to run and waiting for one.
    Running,
    /// Waiting for something: a lock, a condition, a timer, input.
    Asleep,
    /// It has ended.
    Ended,
    /// The system (or the portable mode) does not say.
    Unknown,
}

/// A thread's context switches so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Switches {
    /// Times it gave up its processor to wait (went to sleep).
    pub voluntary: u64,
    /// Times its processor was taken from it while it still wanted to run.
    pub involuntary: u64,
}

/// A thread of this process, as the system names it; clones name the same thread.
///
/// A `ThreadRef` made by [`ThreadRef::current`] can be read from any thread on every system
/// (its CPU time, whether it has ended), and stays safe to use after the thread has ended.
#[derive(Clone)]
pub struct ThreadRef {
    thread: Arc<sys::Thread>,
}

impl ThreadRef {
    /// The calling thread.
    pub fn current() -> ThreadRef {
        ThreadRef {
            thread: Arc::new(sys::Thread::current()),
        }
    }

    /// A number that tells this thread from the process's other threads while it lives.
    pub fn id(&self) -> u64 {
        self.thread.id()
    }

    /// The CPU time the thread has used so far, user and system together; `None` once it has
    /// ended. Known on every system.
    pub fn cpu_time(&self) -> Option<Duration> {
        self.thread.cpu_time()
    }

    /// What the thread is doing now: [`ThreadState::Unknown`] where the system does not say
    /// (Windows, the portable mode), except that an ended thread is known to have ended.
    pub fn state(&self) -> ThreadState {
        let seen = if knows(Probe::ThreadStates) {
            self.thread.state()
        } else {
            ThreadState::Unknown
        };
        match seen {
            ThreadState::Unknown if self.cpu_time().is_none() => ThreadState::Ended,
            seen => seen,
        }
    }

    /// The thread's context switches so far; `None` where the system does not count them
    /// (macOS, Windows, the portable mode) or the thread has ended.
    pub fn switches(&self) -> Option<Switches> {
        if knows(Probe::SwitchCounts) {
            self.thread.switches()
        } else {
            None
        }
    }
}

impl fmt::Debug for ThreadRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ThreadRef").field("id", &self.id()).finish()
    }
}

/// CPU time used so far by every thread of this process, ended ones included, user and system
/// together. Known on every system.
pub fn process_cpu_time() -> Duration {
    sys::process_cpu_time()
}

/// CPU time used so far by the calling thread. Known on every system.
pub fn current_thread_cpu_time() -> Duration {
    sys::current_thread_cpu_time()
}

/// Every live thread of this process except the caller; `None` where the list is unknown (the
/// portable mode).
pub fn other_threads() -> Option<Vec<ThreadRef>> {
    if !knows(Probe::ThreadList) {
        return None;
    }
    // The caller's own name is held while comparing: on macOS a thread's name in this process
    // lasts only as long as a reference to it does.
    let me = sys::Thread::current();
    let threads = sys::threads()?;
    Some(
        threads
            .into_iter()
            .filter(|thread| thread.id() != me.id())
            .map(|thread| ThreadRef {
                thread: Arc::new(thread),
            })
            .collect(),
    )
}

/// How long a forced preemption keeps its thread off the processor: long enough for the others
/// to run a few iterations of whatever it was in the middle of.
pub(crate) const PAUSE: Duration = Duration::from_micros(100);

/// What [`preempt`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Preempted {
    /// The thread was stopped for [`PAUSE`], wherever it was, and runs again.
    Paused,
    /// The thread has ended.
    Ended,
    /// The thread was asked to pause but did not in time (on Linux and macOS, 20 ms: a thread
    /// that cannot take the signal now, as it is exiting, must not stop the chaos), or could not
    /// be suspended.
    Unacknowledged,
}

/// Readies this process for [`preempt`] (on Linux and macOS, installs the signal handler).
pub(crate) fn prepare_preemption() {
    sys::prepare_preemption();
}

/// Stops `thread` for [`PAUSE`] wherever it is, and returns once it may run again. Only one
/// thread should be preempted at a time.
pub(crate) fn preempt(thread: &ThreadRef) -> Preempted {
    sys::preempt(&thread.thread)
}

/// The calling thread's name as the system shows it to other processes, changed until the guard
/// is dropped (then the old one is back). Only Linux does it (`prctl(PR_SET_NAME)`): the grader
/// reads it there, from `/proc`, to tell the harness's own waits apart (see
/// [`crate::time::WAITING_NAME`]); elsewhere nothing reads it, and nothing changes. The name the
/// standard library keeps (`thread::current().name()`, which panic messages show) is untouched.
pub(crate) fn mark_current_thread(mark: &'static std::ffi::CStr) -> ThreadMark {
    ThreadMark {
        previous: sys::rename_current_thread(mark),
    }
}

/// Puts the calling thread's system name back when dropped; see [`mark_current_thread`].
pub(crate) struct ThreadMark {
    previous: Option<sys::SystemName>,
}

impl Drop for ThreadMark {
    fn drop(&mut self) {
        if let Some(previous) = self.previous.take() {
            sys::restore_current_thread_name(&previous);
        }
    }
}

/// A check that is weaker here than on Linux: which, what it goes without, and what it relies
/// on instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeakerCheck {
    /// The check, as the harness's API names it.
    pub check: &'static str,
    /// The probes it goes without here.
    pub without: Vec<Probe>,
    /// What it judges by instead.
    pub relies_on: &'static str,
}

impl fmt::Display for WeakerCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let without: Vec<&str> = self.without.iter().map(|probe| probe.name()).collect();
        let why = match probes() {
            Probes::Portable => format!("{PROBES_VARIABLE}=portable"),
            Probes::Native => format!("{} does not give them", std::env::consts::OS),
        };
        write!(
            f,
            "{} runs without {} ({why}): it relies on {}",
            self.check,
            match without.split_last() {
                Some((last, [])) => (*last).to_owned(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            },
            self.relies_on
        )
    }
}

/// The checks the harness makes, the probes each would like, and what each relies on when it
/// must go without them.
const CHECKS: &[(&str, &[Probe], &str)] = &[
    (
        "cpu::OtherThreads",
        &[Probe::ThreadStates, Probe::ThreadList, Probe::FineCpuClocks],
        "whether the other threads' CPU time grew since the last look",
    ),
    (
        "awake::watch",
        &[
            Probe::ThreadStates,
            Probe::SwitchCounts,
            Probe::ThreadList,
            Probe::FineCpuClocks,
        ],
        "CPU time against a spinning thread of the test's own, and in how many looks the other \
         threads' CPU time grew",
    ),
    (
        "watched::WatchedThread::wait_until_asleep",
        &[Probe::ThreadStates, Probe::FineCpuClocks],
        "the thread's own CPU clock standing still for several looks",
    ),
    (
        "watched::WatchedThread::wait_until_it_has_run",
        &[
            Probe::ThreadStates,
            Probe::SwitchCounts,
            Probe::FineCpuClocks,
        ],
        "the thread's own CPU clock: 2 ms used, started again twice after standing still, or \
         still for as long as it must be blocked",
    ),
];

/// The checks that are weaker here (on this system, in this mode) than with every probe, each
/// with what it goes without and what it relies on instead. Empty on Linux in native mode.
pub fn weaker_checks() -> Vec<WeakerCheck> {
    CHECKS
        .iter()
        .filter_map(|(check, uses, relies_on)| weaker(check, uses, relies_on))
        .collect()
}

fn weaker(check: &'static str, uses: &[Probe], relies_on: &'static str) -> Option<WeakerCheck> {
    let without: Vec<Probe> = uses.iter().copied().filter(|p| !knows(*p)).collect();
    (!without.is_empty()).then_some(WeakerCheck {
        check,
        without,
        relies_on,
    })
}

/// Prints, once per process and check, a note on standard error saying that `check` (one of
/// the names in [`weaker_checks`]) ran weaker here, and why: a line starting with
/// [`crate::NOTE_PREFIX`], which the grader shows with the test's verdict. Nothing is printed
/// where the check has every probe it uses.
pub fn note_if_weaker(check: &str) {
    static PRINTED: [AtomicBool; CHECKS.len()] = [const { AtomicBool::new(false) }; CHECKS.len()];
    let Some(index) = CHECKS.iter().position(|(name, _, _)| *name == check) else {
        return;
    };
    let (name, uses, relies_on) = CHECKS[index];
    let Some(weaker) = weaker(name, uses, relies_on) else {
        return;
    };
    if !PRINTED[index].swap(true, Ordering::Relaxed) {
        let mut out = std::io::stdout().lock();
        let _ = write!(
            out,
            "\n{}{}\n",
            crate::NOTE_PREFIX,
            crate::escape(&weaker.to_string())
        );
        let _ = out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_thread_is_known_to_have_ended_on_every_system() {
        let (sent, received) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = sent.send(ThreadRef::current());
        })
        .join()
        .unwrap();
        let ended = received.recv().unwrap();
        assert_eq!(ended.cpu_time(), None);
        assert_eq!(ended.state(), ThreadState::Ended);
        assert_eq!(ended.switches(), None);
    }

    #[test]
    fn the_calling_thread_sees_its_own_cpu_time_grow() {
        let _turn = crate::turns::take_turn();
        let me = ThreadRef::current();
        let before = me.cpu_time().expect("the calling thread is alive");
        // Spin until the clock moves: a tick-grained clock (Windows without cycle counters, as
        // under Wine) moves only when a tick finds this thread running, which on a busy machine
        // can take many ticks. The deadline only stops a clock that never moves.
        let started = std::time::Instant::now();
        let mut after = before;
        while after <= before && started.elapsed() < Duration::from_secs(10) {
            for _ in 0..1000 {
                std::hint::spin_loop();
            }
            after = me.cpu_time().expect("the calling thread is alive");
        }
        assert!(after > before, "{after:?} is not past {before:?}");
        assert!(current_thread_cpu_time() >= after.saturating_sub(Duration::from_millis(1)));
        assert!(process_cpu_time() >= after);
        assert_ne!(me.state(), ThreadState::Ended);
    }

    #[test]
    fn the_caller_is_not_among_the_other_threads() {
        let me = ThreadRef::current();
        if let Some(others) = other_threads() {
            assert!(others.iter().all(|thread| thread.id() != me.id()));
        }
    }

    #[test]
    fn a_weaker_check_says_what_it_goes_without() {
        for weaker in weaker_checks() {
            let line = weaker.to_string();
            assert!(
                line.contains(weaker.check) && line.contains("relies on"),
                "{line}"
            );
        }
        if cfg!(target_os = "linux") && probes() == Probes::Native {
            assert_eq!(weaker_checks(), Vec::new());
        }
    }
}
