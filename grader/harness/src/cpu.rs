//! CPU time of the test process and what its threads are doing: a thread that waits by spinning
//! or yielding keeps using the processor, one that sleeps on a lock or condition variable does
//! not use it at all.
//!
//! On a busy machine a spinning thread gets little CPU time, and one that loops on `yield_now`
//! hands the processor to other programs at every turn, so *how much* CPU time alone can miss
//! them. *How often* it grows does not: a thread that wants to run is given the processor again
//! and again, every few milliseconds whatever the load, while a thread asleep in a wait is not
//! given it once. [`watch_idle`] and [`OtherThreads`] look every 10 ms at the CPU time of the
//! process's other threads, which every system gives, and where the system says more (on Linux
//! the threads' states and involuntary switches, on macOS their states: see
//! [`crate::platform`]) they use that too. A check that runs without those says so once, on
//! standard error ([`crate::platform::note_if_weaker`]).

use std::thread;
use std::time::{Duration, Instant};

use crate::platform::{self, Probe, ThreadRef};
pub use crate::platform::{ThreadState, process_cpu_time};

/// Measures how much CPU time the process burns while `window` passes with the caller asleep.
///
/// Call it while the threads under test are meant to be blocked: a blocked thread costs next to
/// nothing, a spinning one about as much as the window (or its share of a busy machine, which
/// is still far above any sensible threshold).
pub fn cpu_burned_while_idle(window: Duration) -> Duration {
    let before = process_cpu_time();
    std::thread::sleep(window);
    process_cpu_time().saturating_sub(before)
}

/// The smallest growth of the other threads' CPU time that counts as their having run: above
/// the clocks' rounding (a microsecond on macOS), below the few microseconds that even one turn
/// of a thread on the processor costs.
const GRAIN: Duration = Duration::from_micros(2);

/// The CPU time of the process's threads other than the reader (and the test's own threads it
/// names), read at one moment. The reader's clocks are read just before and just after the
/// process's, so the true value lies between `low` and `high`: the time the reader (or a
/// spinning thread of the test) used between the reads is never taken for another thread's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OthersCpu {
    low: Duration,
    high: Duration,
}

impl OthersCpu {
    /// Reads it now, leaving out the caller and `own` (threads of the test itself).
    pub(crate) fn read(own: &[&ThreadRef]) -> OthersCpu {
        let own_time = || {
            own.iter()
                .filter_map(|thread| thread.cpu_time())
                .sum::<Duration>()
                + platform::current_thread_cpu_time()
        };
        let before = own_time();
        let process = process_cpu_time();
        let after = own_time();
        OthersCpu {
            low: process.saturating_sub(after),
            high: process.saturating_sub(before),
        }
    }

    /// Whether the other threads certainly used CPU time between `earlier` and this reading.
    pub(crate) fn grew_since(&self, earlier: &OthersCpu) -> bool {
        self.low > earlier.high + GRAIN
    }

    /// How much CPU time the other threads used since `earlier`, at least.
    pub(crate) fn used_since(&self, earlier: &OthersCpu) -> Duration {
        self.low.saturating_sub(earlier.high)
    }
}

/// How often [`watch_idle`] looks at the threads.
const LOOK_EVERY: Duration = Duration::from_millis(10);

/// What the process did while [`watch_idle`] watched it.
#[derive(Debug, Clone, Copy)]
pub struct Activity {
    /// How long it watched.
    pub window: Duration,
    /// CPU time used in that time by every thread of the process but the watcher.
    pub burned: Duration,
    /// The share of looks, in percent, after which the other threads' CPU time had grown since
    /// the look before: how often they ran.
    pub growing_percent: u32,
    /// How often its threads (other than the watcher) were switched out while still wanting
    /// to run; `None` where the system does not count it.
    pub switches: Option<u64>,
    /// The share of looks, in percent, that found a thread other than the watcher running or
    /// ready to run; `None` where the system does not say.
    pub busy_percent: Option<u32>,
}

impl Activity {
    /// Whether every thread looked asleep: far below what spinning or yielding shows on any
    /// machine, far above what sleeping threads cost.
    ///
    /// How often the CPU time grew is the measure every system gives, and it alone tells a
    /// waiting thread (its CPU time does not grow at all) from a spinning or yielding one (it
    /// grows at nearly every look, however busy the machine, as the system hands a thread that
    /// wants to run a processor again every few milliseconds). The others each catch a case
    /// where it could miss: CPU time a spinning thread on an idle machine, the thread states a
    /// thread that runs rarely but never sleeps, and the involuntary switches a `yield_now` loop
    /// (a sleeping thread is switched out only when it wakes up and finds its CPU taken, a few
    /// dozen times at most in a window; a yielding one thousands of times).
    pub fn asleep(&self) -> bool {
        self.burned < Duration::from_millis(50)
            && self.growing_percent < 50
            && self.switches.is_none_or(|switches| switches < 300)
            && self.busy_percent.is_none_or(|busy| busy < 50)
    }

    /// The observation, in words, for a failure message.
    pub fn describe(&self) -> String {
        let mut seen = format!(
            "the process used {} ms of CPU time in {} ms, and its threads were found to have run \
             since the look before in {}% of the looks",
            self.burned.as_millis(),
            self.window.as_millis(),
            self.growing_percent
        );
        if let Some(switches) = self.switches {
            seen.push_str(&format!(
                "; they were switched out {switches} times while still wanting to run"
            ));
        }
        if let Some(busy) = self.busy_percent {
            seen.push_str(&format!(
                "; a thread was found running or ready to run in {busy}% of the looks"
            ));
        }
        seen
    }
}

/// Watches the process for `window` while the threads under test are meant to be blocked, and
/// says what they did: see [`Activity::asleep`].
pub fn watch_idle(window: Duration) -> Activity {
    platform::note_if_weaker("cpu::watch_idle");
    // The watcher's own switches are left out: it wakes every few milliseconds, and on a busy
    // machine it often finds its CPU taken.
    let switches = other_threads_involuntary_switches();
    let states_known = platform::knows(Probe::ThreadStates);
    let first = OthersCpu::read(&[]);
    let mut last = first;
    let started = Instant::now();
    let (mut looks, mut growing, mut busy) = (0u32, 0u32, 0u32);
    while started.elapsed() < window {
        thread::sleep(LOOK_EVERY);
        looks += 1;
        let now = OthersCpu::read(&[]);
        if now.grew_since(&last) {
            growing += 1;
        }
        last = now;
        if states_known && another_thread_running() {
            busy += 1;
        }
    }
    let percent = |count: u32| count * 100 / looks.max(1);
    Activity {
        window,
        burned: last.used_since(&first),
        growing_percent: percent(growing),
        switches: other_threads_involuntary_switches()
            .zip(switches)
            .map(|(after, before)| after.saturating_sub(before)),
        busy_percent: states_known.then(|| percent(busy)),
    }
}

/// Looks, again and again, at whether the process's other threads keep still: for a test that
/// must wait until every other thread has gone to sleep (blocked, or ended) before its next
/// step, on a machine where "wait 100 ms" may not be long enough.
#[derive(Debug)]
pub struct OtherThreads {
    last: OthersCpu,
}

impl OtherThreads {
    /// Starts looking; the first look compares with now.
    pub fn new() -> Self {
        platform::note_if_weaker("cpu::OtherThreads");
        OtherThreads {
            last: OthersCpu::read(&[]),
        }
    }

    /// Whether, since the previous look, the other threads kept still: their CPU time did not
    /// grow, and (where the system says) none is running or ready to run now.
    pub fn quiet_since_last_look(&mut self) -> bool {
        let now = OthersCpu::read(&[]);
        let grew = now.grew_since(&self.last);
        self.last = now;
        !grew && !another_thread_running()
    }
}

impl Default for OtherThreads {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether the system says that a thread other than the caller is running or ready to run;
/// `false` where it does not say.
fn another_thread_running() -> bool {
    other_thread_states().is_some_and(|states| states.contains(&ThreadState::Running))
}

/// Involuntary context switches of every live thread of this process so far; `None` where the
/// system does not count them.
pub fn involuntary_switches() -> Option<u64> {
    let mine = ThreadRef::current().switches()?.involuntary;
    Some(mine + other_threads_involuntary_switches()?)
}

/// Involuntary context switches so far of every live thread of this process except the caller.
fn other_threads_involuntary_switches() -> Option<u64> {
    if !platform::knows(Probe::SwitchCounts) {
        return None;
    }
    Some(
        platform::other_threads()?
            .iter()
            .filter_map(|thread| thread.switches())
            .map(|switches| switches.involuntary)
            .sum(),
    )
}

/// The state of every thread of this process except the caller; `None` where the system (or
/// the portable mode) cannot list the threads. A state may be [`ThreadState::Unknown`] (on
/// Windows, every living thread's is).
pub fn other_thread_states() -> Option<Vec<ThreadState>> {
    Some(
        platform::other_threads()?
            .iter()
            .map(ThreadRef::state)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_spinning_thread_burns_cpu_time_while_the_caller_sleeps() {
        let _turn = crate::turns::take_turn();
        // Only the lower bound is checked: other unit tests share this process and add CPU
        // time of their own, which can only make the measurement larger.

        let stop = Arc::new(AtomicBool::new(false));
        let spinner = {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            })
        };
        let busy = cpu_burned_while_idle(Duration::from_millis(300));
        stop.store(true, Ordering::Relaxed);
        spinner.join().unwrap();
        // A spinning thread gets a share of a core even on a machine as busy as eleven
        // runnable threads on two cores; a blocked one gets nothing.
        assert!(
            busy > Duration::from_millis(25),
            "spinning burned only {busy:?}"
        );
    }

    #[test]
    fn a_yielding_thread_does_not_look_asleep() {
        let _turn = crate::turns::take_turn();
        // Only this direction can be checked here: other unit tests share this process and
        // may be running threads of their own, which can only make the process look busier.
        // That sleeping threads look asleep is proven by `grader verify`, whose solutions all
        // pass the hidden tests that use `watch_idle`.
        let stop = Arc::new(AtomicBool::new(false));
        let yielder = {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::thread::yield_now();
                }
            })
        };
        let busy = watch_idle(Duration::from_millis(300));
        stop.store(true, Ordering::Relaxed);
        yielder.join().unwrap();
        // The measure every system gives must catch it on its own, where CPU clocks are fine
        // enough to see it; where they are not (Wine), the check must say that it is weaker.
        if platform::knows(Probe::FineCpuClocks) {
            assert!(busy.growing_percent >= 50, "{}", busy.describe());
            assert!(!busy.asleep(), "{}", busy.describe());
        } else {
            assert!(
                platform::weaker_checks()
                    .iter()
                    .any(|weaker| weaker.check == "cpu::watch_idle"),
                "watch_idle runs on tick-grained clocks without saying so"
            );
        }
    }

    #[test]
    fn the_test_s_own_threads_are_left_out_of_what_others_used() {
        let _turn = crate::turns::take_turn();
        let stop = Arc::new(AtomicBool::new(false));
        let (sent, received) = std::sync::mpsc::channel();
        let spinner = {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let _ = sent.send(ThreadRef::current());
                while !stop.load(Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            })
        };
        let own = received.recv().unwrap();
        let before = OthersCpu::read(&[&own]);
        std::thread::sleep(Duration::from_millis(100));
        let after = OthersCpu::read(&[&own]);
        stop.store(true, Ordering::Relaxed);
        spinner.join().unwrap();
        // Other unit tests may run meanwhile, but none spins for 100 ms outside its turn.
        assert!(
            after.used_since(&before) < Duration::from_millis(20),
            "the test's own spinning thread was counted: {:?}",
            after.used_since(&before)
        );
    }
}
