//! Whether the graded code's threads sleep, judged against a spinning thread of the test's own.
//!
//! [`crate::cpu::watch_idle`] uses fixed limits; [`watch`] instead measures, at the same moment,
//! how much CPU time spinning gets on this machine, so that its verdict holds however busy the
//! machine is. It also looks every 10 ms at whether the other threads' CPU time grew, which
//! every system gives, and, where the system says (Linux, macOS), every millisecond at what
//! state they are in.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::cpu::{OthersCpu, ThreadState};
use crate::platform::{self, Probe, ThreadRef};

/// What the graded code's threads do while the test waits for `window`.
///
/// A thread that waits by spinning or by looping on `yield_now()` is hard to tell from a
/// sleeping one by how much CPU time it uses on a busy machine, where it gets only a small
/// share of a CPU (and a yielding one next to none). So the test measures CPU time against a
/// thread of its own that spins meanwhile, and counts how often the threads ran at all: a
/// sleeping thread's CPU time does not grow, a spinning or yielding one's grows at nearly every
/// look (and, where the system says, it is found running or ready to run).
pub struct Awake {
    window: Duration,
    /// CPU time used by the process, apart from the test's own threads.
    burned: Duration,
    /// CPU time the test's spinning thread got: what spinning gets on this machine right now.
    spinner: Duration,
    /// Looks, 10 ms apart, after which the other threads' CPU time had grown, and how many.
    growing: u32,
    growing_looks: u32,
    /// Looks at the threads' states in which one of the graded code's threads was running or
    /// ready to run, and how many looks there were; `None` where the system does not say.
    runnable: Option<(u32, u32)>,
}

impl Awake {
    /// Whether the threads kept working instead of sleeping.
    pub fn busy(&self) -> bool {
        (self.burned > Duration::from_millis(5) && self.burned * 4 > self.spinner)
            || self.growing * 2 > self.growing_looks
            || self
                .runnable
                .is_some_and(|(runnable, looks)| runnable * 2 > looks)
    }
}

impl std::fmt::Display for Awake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the process used {} ms of CPU time in {} ms ({} % of what a spinning thread got \
             meanwhile), and a thread of yours had run since the look before in {} of {} looks",
            self.burned.as_millis(),
            self.window.as_millis(),
            self.burned.as_micros() * 100 / self.spinner.as_micros().max(1),
            self.growing,
            self.growing_looks
        )?;
        if let Some((runnable, looks)) = self.runnable {
            write!(
                f,
                " and was awake, running or ready to run, in {runnable} of {looks} looks"
            )?;
        }
        Ok(())
    }
}

/// Whether the system says that a thread other than the caller and `except` is running or
/// ready to run; `false` where it does not say.
fn another_thread_runnable(except: &ThreadRef) -> bool {
    platform::other_threads().is_some_and(|threads| {
        threads
            .iter()
            .any(|thread| thread.id() != except.id() && thread.state() == ThreadState::Running)
    })
}

/// How many 1 ms looks make one look at the CPU time: a thread that wants to run gets a
/// processor every few milliseconds on a busy machine, not every millisecond.
const LOOKS_PER_GROWTH_LOOK: u32 = 10;

/// Sleeps for `window` while a thread of the test spins, and says what the other threads did.
pub fn watch(window: Duration) -> Awake {
    platform::note_if_weaker("awake::watch");
    let stop = Arc::new(AtomicBool::new(false));
    let (started, spinning) = std::sync::mpsc::channel();
    let spinner = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let _ = started.send(ThreadRef::current());
            while !stop.load(Ordering::Relaxed) {
                std::hint::spin_loop();
            }
        })
    };
    let spinning = spinning
        .recv()
        .expect("the test's spinning thread sends its name first");
    let states_known = platform::knows(Probe::ThreadStates);
    // On a busy machine a thread that was just started or woken may wait a while for a CPU
    // before it gets to its wait: give the threads up to a second to be seen still three times
    // in a row (a thread that spins or yields seldom is, and is judged below).
    let settling = Instant::now();
    let mut quiet = 0;
    let mut last = OthersCpu::read(&[&spinning]);
    while quiet < 3 && settling.elapsed() < Duration::from_secs(1) {
        thread::sleep(Duration::from_millis(1));
        let now = OthersCpu::read(&[&spinning]);
        if now.grew_since(&last) || another_thread_runnable(&spinning) {
            quiet = 0;
        } else {
            quiet += 1;
        }
        last = now;
    }
    let first = OthersCpu::read(&[&spinning]);
    let spun = spinning.cpu_time().unwrap_or_default();
    let mut last_growth_look = first;
    let started = Instant::now();
    let (mut looks, mut runnable, mut growing, mut growing_looks) = (0, 0, 0, 0);
    while started.elapsed() < window {
        thread::sleep(Duration::from_millis(1));
        looks += 1;
        if states_known && another_thread_runnable(&spinning) {
            runnable += 1;
        }
        if looks % LOOKS_PER_GROWTH_LOOK == 0 {
            let now = OthersCpu::read(&[&spinning]);
            growing_looks += 1;
            if now.grew_since(&last_growth_look) {
                growing += 1;
            }
            last_growth_look = now;
        }
    }
    let last = OthersCpu::read(&[&spinning]);
    let spun = spinning.cpu_time().unwrap_or_default().saturating_sub(spun);
    stop.store(true, Ordering::Relaxed);
    let _ = spinner.join();
    Awake {
        window,
        burned: last.used_since(&first),
        spinner: spun,
        growing,
        growing_looks,
        runnable: states_known.then_some((runnable, looks)),
    }
}
