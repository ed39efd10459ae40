//! Whether the graded code's threads sleep while they should be blocked, judged against a
//! spinning thread of the test's own so that the verdict holds however busy the machine is.
//!
//! A thread that waits by spinning or by looping on `yield_now()` is hard to tell from a
//! sleeping one by a fixed amount of CPU time: on a busy machine it gets only a small share of a
//! CPU (and a yielding one next to none), and on one CPU shared with other programs it may run
//! only every few dozen milliseconds. So [`watch`] measures, at the same moment, what a thread
//! that never sleeps gets on this machine, a yardstick of its own, and compares:
//!
//! - how much CPU time the other threads used, against what the yardstick got;
//! - in how many 10 ms looks the other threads' CPU time grew, against in how many the
//!   yardstick's did (a sleeping thread's does not grow at all; a spinning or yielding one's
//!   grows about as often as the yardstick's, since the system hands every thread that wants
//!   to run a processor in turn);
//! - where the system says (Linux, macOS), every millisecond, whether one of them was running
//!   or ready to run, and (Linux) how often they were switched out while still wanting to run,
//!   which a `yield_now` loop is thousands of times.
//!
//! The look lasts at least the window the test asks for, and longer when the machine is so busy
//! that the yardstick has not yet run in three looks out of four of that window: the evidence,
//! not the clock, decides when it has seen enough (up to eight times the window).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::cpu::{OthersCpu, ThreadState};
use crate::platform::{self, Probe, ThreadRef};

/// How often the CPU times are compared: a thread that wants to run gets a processor every few
/// milliseconds on a busy machine, not every millisecond.
const GROWTH_LOOK: Duration = Duration::from_millis(10);

/// How many times the asked window a look may last while the yardstick has not run often
/// enough to judge by.
const LONGEST: u32 = 8;

/// What the graded code's threads did while [`watch`] looked.
#[derive(Debug, Clone, Copy)]
pub struct Awake {
    /// How long it looked (the asked window, or longer on a busy machine).
    window: Duration,
    /// CPU time used by the process, apart from the watcher and the yardstick.
    burned: Duration,
    /// CPU time the yardstick got: what spinning gets on this machine right now.
    spinner: Duration,
    /// Looks, 10 ms apart, after which the other threads' CPU time had grown.
    growing: u32,
    /// Looks after which the yardstick's CPU time had grown.
    spinner_growing: u32,
    /// How many such looks there were.
    growth_looks: u32,
    /// Looks at the threads' states in which one of the graded code's threads was running or
    /// ready to run, and how many looks there were; `None` where the system does not say.
    runnable: Option<(u32, u32)>,
    /// How often the graded code's threads were switched out while still wanting to run;
    /// `None` where the system does not count it.
    switches: Option<u64>,
}

impl Awake {
    /// Whether the threads kept working instead of sleeping.
    ///
    /// Each measure catches what another could miss: CPU time a spinning thread on an idle
    /// machine, how often the CPU time grew a spinning or yielding thread on a busy one, the
    /// thread states a thread that runs rarely but never sleeps, and the involuntary switches a
    /// `yield_now` loop (a sleeping thread is switched out only when it wakes up and finds its
    /// CPU taken, a few dozen times at most; a yielding one thousands of times).
    pub fn busy(&self) -> bool {
        (self.burned > Duration::from_millis(5) && self.burned * 4 > self.spinner)
            || (self.growing >= 3 && self.growing * 2 >= self.spinner_growing)
            || self
                .runnable
                .is_some_and(|(runnable, looks)| runnable * 2 > looks)
            || self.switches.is_some_and(|switches| switches >= 300)
    }
}

impl std::fmt::Display for Awake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the process used {} ms of CPU time in {} ms ({} % of what a spinning thread got \
             meanwhile), and a thread of yours had run since the look before in {} of {} looks \
             (the spinning thread in {})",
            self.burned.as_millis(),
            self.window.as_millis(),
            self.burned.as_micros() * 100 / self.spinner.as_micros().max(1),
            self.growing,
            self.growth_looks,
            self.spinner_growing,
        )?;
        if let Some((runnable, looks)) = self.runnable {
            write!(
                f,
                ", was awake, running or ready to run, in {runnable} of {looks} looks"
            )?;
        }
        if let Some(switches) = self.switches {
            write!(
                f,
                " and was switched out {switches} times while still wanting to run"
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

/// Involuntary switches so far of every live thread but the caller and `except`; `None` where
/// the system does not count them.
fn involuntary_switches(except: &ThreadRef) -> Option<u64> {
    if !platform::knows(Probe::SwitchCounts) {
        return None;
    }
    Some(
        platform::other_threads()?
            .iter()
            .filter(|thread| thread.id() != except.id())
            .filter_map(|thread| thread.switches())
            .map(|switches| switches.involuntary)
            .sum(),
    )
}

/// A thread of the test's own that spins until it is dropped.
struct Yardstick {
    thread: ThreadRef,
    stop: Arc<AtomicBool>,
    handle: Option<thread::JoinHandle<()>>,
}

impl Yardstick {
    fn start() -> Yardstick {
        let stop = Arc::new(AtomicBool::new(false));
        let (started, spinning) = std::sync::mpsc::channel();
        let handle = {
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                let _ = started.send(ThreadRef::current());
                while !stop.load(Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            })
        };
        let thread = spinning
            .recv()
            .expect("the test's spinning thread sends its name first");
        Yardstick {
            thread,
            stop,
            handle: Some(handle),
        }
    }

    fn cpu_time(&self) -> Duration {
        self.thread.cpu_time().unwrap_or_default()
    }
}

impl Drop for Yardstick {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

/// Looks for at least `window` at what the other threads of the process do while a thread of
/// the test spins, and says what they did: see [`Awake::busy`].
pub fn watch(window: Duration) -> Awake {
    platform::note_if_weaker("awake::watch");
    let yardstick = Yardstick::start();
    let spinning = &yardstick.thread;
    let states_known = platform::knows(Probe::ThreadStates);
    // On a busy machine a thread that was just started or woken may wait a while for a CPU
    // before it gets to its wait: give the threads up to a second to be seen still three times
    // in a row (a thread that spins or yields seldom is, and is judged below).
    let settling = Instant::now();
    let mut quiet = 0;
    let mut last = OthersCpu::read(&[spinning]);
    while quiet < 3 && settling.elapsed() < Duration::from_secs(1) {
        thread::sleep(Duration::from_millis(1));
        let now = OthersCpu::read(&[spinning]);
        if now.grew_since(&last) || another_thread_runnable(spinning) {
            quiet = 0;
        } else {
            quiet += 1;
        }
        last = last.highest(now);
    }

    let switches_before = involuntary_switches(spinning);
    let first = OthersCpu::read(&[spinning]);
    let spun_before = yardstick.cpu_time();
    let (mut highest_others, mut last_spun) = (first, spun_before);
    let asked_looks = (window.as_millis() / GROWTH_LOOK.as_millis()).max(1) as u32;
    let started = Instant::now();
    let mut next_growth_look = started + GROWTH_LOOK;
    let (mut looks, mut runnable) = (0, 0);
    let (mut growth_looks, mut growing, mut spinner_growing) = (0, 0, 0);
    loop {
        let elapsed = started.elapsed();
        let seen_enough = elapsed >= window && spinner_growing * 4 >= asked_looks * 3;
        if seen_enough || elapsed >= window * LONGEST {
            break;
        }
        thread::sleep(Duration::from_millis(1));
        looks += 1;
        if states_known && another_thread_runnable(spinning) {
            runnable += 1;
        }
        if Instant::now() >= next_growth_look {
            next_growth_look += GROWTH_LOOK;
            let others = OthersCpu::read(&[spinning]);
            let spun = yardstick.cpu_time();
            growth_looks += 1;
            growing += u32::from(others.grew_since(&highest_others));
            spinner_growing += u32::from(spun > last_spun);
            (highest_others, last_spun) = (highest_others.highest(others), spun);
        }
    }
    let window = started.elapsed();
    let last = OthersCpu::read(&[spinning]);
    let spinner = yardstick.cpu_time().saturating_sub(spun_before);
    let switches = involuntary_switches(spinning)
        .zip(switches_before)
        .map(|(after, before)| after.saturating_sub(before));
    drop(yardstick);
    Awake {
        window,
        burned: last.used_since(&first),
        spinner,
        growing,
        spinner_growing,
        growth_looks,
        runnable: states_known.then_some((runnable, looks)),
        switches,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `work` on a thread of its own until the watch is over, and watches.
    fn watch_while(work: fn(), window: Duration) -> Awake {
        let stop = Arc::new(AtomicBool::new(false));
        let worker = {
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    work();
                }
            })
        };
        let awake = watch(window);
        stop.store(true, Ordering::Relaxed);
        worker.join().unwrap();
        awake
    }

    #[test]
    fn a_spinning_thread_is_busy() {
        let _turn = crate::turns::take_turn();
        let awake = watch_while(std::hint::spin_loop, Duration::from_millis(300));
        assert!(awake.busy(), "{awake}");
    }

    #[test]
    fn a_yielding_thread_is_busy() {
        let _turn = crate::turns::take_turn();
        let awake = watch_while(thread::yield_now, Duration::from_millis(300));
        // Where CPU clocks are tick-grained (Wine), a thread that runs a few microseconds at a
        // time is invisible to them: the check must then say that it is weaker.
        if platform::knows(Probe::FineCpuClocks) {
            assert!(awake.busy(), "{awake}");
        } else {
            assert!(
                platform::weaker_checks()
                    .iter()
                    .any(|weaker| weaker.check == "awake::watch"),
                "awake::watch runs on tick-grained clocks without saying so"
            );
        }
    }

    #[test]
    fn a_sleeping_thread_is_not_busy() {
        let _turn = crate::turns::take_turn();
        let (keep, wait) = std::sync::mpsc::channel::<()>();
        let sleeper = thread::spawn(move || {
            let _ = wait.recv();
        });
        let awake = watch(Duration::from_millis(300));
        drop(keep);
        sleeper.join().unwrap();
        // Other unit tests share this process; only those that hold a turn run threads.
        assert!(!awake.busy(), "{awake}");
    }

    #[test]
    fn the_look_lasts_at_least_the_window() {
        let _turn = crate::turns::take_turn();
        let awake = watch(Duration::from_millis(100));
        assert!(awake.window >= Duration::from_millis(100), "{awake}");
        assert!(awake.growth_looks >= 9, "{awake}");
    }
}
