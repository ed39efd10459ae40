//! Whether the graded code's threads sleep, judged against a spinning thread of the test's own.
//!
//! [`crate::cpu::watch_idle`] uses fixed limits; [`watch`] instead measures, at the same moment,
//! how much CPU time spinning gets on this machine, so that its verdict holds however busy the
//! machine is, and looks at the threads' states every millisecond.

use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crate::cpu::process_cpu_time;

/// What the graded code's threads do while the test waits for `window`.
///
/// A thread that waits by spinning or by looping on `yield_now()` is hard to tell from a
/// sleeping one by CPU time alone on a busy machine, where it gets only a small share of a CPU
/// (and a yielding one next to none). So the test measures CPU time against a thread of its own
/// that spins meanwhile, and looks every millisecond at what state the threads are in: a
/// sleeping thread is asleep (`S`), a spinning or yielding one is running or ready to run (`R`).
pub struct Awake {
    window: Duration,
    /// CPU time used by the process, apart from the test's own threads.
    burned: Duration,
    /// CPU time the test's spinning thread got: what spinning gets on this machine right now.
    spinner: Duration,
    /// Looks at the threads' states in which one of the graded code's threads was running or
    /// ready to run, and how many looks there were.
    runnable: u32,
    looks: u32,
}

impl Awake {
    /// Whether the threads kept working instead of sleeping.
    pub fn busy(&self) -> bool {
        (self.burned > Duration::from_millis(5) && self.burned * 4 > self.spinner)
            || self.runnable * 2 > self.looks
    }
}

impl std::fmt::Display for Awake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the process used {} ms of CPU time in {} ms ({} % of what a spinning thread got \
             meanwhile) and a thread of yours was awake, running or ready to run, in {} of {} \
             looks",
            self.burned.as_millis(),
            self.window.as_millis(),
            self.burned.as_micros() * 100 / self.spinner.as_micros().max(1),
            self.runnable,
            self.looks
        )
    }
}

/// CPU time used so far by thread `tid` of this process.
fn thread_cpu_time(tid: &str) -> Duration {
    std::fs::read_to_string(format!("/proc/self/task/{tid}/schedstat"))
        .ok()
        .and_then(|stat| stat.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

/// The id of the calling thread.
fn thread_id() -> String {
    std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|link| Some(link.file_name()?.to_str()?.to_owned()))
        .unwrap_or_default()
}

/// Whether a thread of this process other than `except` is running or ready to run.
fn another_thread_runnable(except: &[&str]) -> bool {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return false;
    };
    tasks
        .flatten()
        .filter(|task| {
            task.file_name()
                .to_str()
                .is_some_and(|tid| !except.contains(&tid))
        })
        .filter_map(|task| std::fs::read_to_string(task.path().join("stat")).ok())
        .any(|stat| {
            // "tid (name) STATE ...": the name may hold spaces and parentheses.
            stat.rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('R'))
        })
}

/// Sleeps for `window` while a thread of the test spins, and says what the other threads did.
pub fn watch(window: Duration) -> Awake {
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (started, spinning) = std::sync::mpsc::channel();
    let spinner = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let _ = started.send(thread_id());
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                std::hint::spin_loop();
            }
        })
    };
    let tid = spinning.recv().unwrap_or_default();
    let me = thread_id();
    // On a busy machine a thread that was just started or woken may wait a while for a CPU
    // before it gets to its wait: give the threads up to a second to be seen asleep three
    // times in a row (a thread that spins or yields never is, and is judged below).
    let settling = Instant::now();
    let mut quiet = 0;
    while quiet < 3 && settling.elapsed() < Duration::from_secs(1) {
        if another_thread_runnable(&[&tid, &me]) {
            quiet = 0;
        } else {
            quiet += 1;
        }
        thread::sleep(Duration::from_millis(1));
    }
    let (process, spun, mine) = (
        process_cpu_time(),
        thread_cpu_time(&tid),
        thread_cpu_time(&me),
    );
    let started = Instant::now();
    let (mut runnable, mut looks) = (0, 0);
    while started.elapsed() < window {
        looks += 1;
        if another_thread_runnable(&[&tid, &me]) {
            runnable += 1;
        }
        thread::sleep(Duration::from_millis(1));
    }
    let (process, spun, mine) = (
        process_cpu_time().saturating_sub(process),
        thread_cpu_time(&tid).saturating_sub(spun),
        thread_cpu_time(&me).saturating_sub(mine),
    );
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = spinner.join();
    Awake {
        window,
        burned: process.saturating_sub(spun).saturating_sub(mine),
        spinner: spun,
        runnable,
        looks,
    }
}
