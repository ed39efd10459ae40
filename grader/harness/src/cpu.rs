//! CPU time of the test process and of its threads other than the test's own, read so that the
//! test's own threads are never taken for the graded code's; and [`OtherThreads`], which waits
//! until the graded code's threads keep still.
//!
//! A thread that sleeps on a lock or condition variable does not use the processor at all; one
//! that spins or yields keeps using it. Whether the graded threads sleep, judged against a
//! spinning thread of the test's own whatever the load, is [`crate::awake`]'s.

use std::time::Duration;

use crate::platform::{self, ThreadRef};
pub use crate::platform::{ThreadState, process_cpu_time};

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

    /// Of this reading and `other`, the one to judge later growth against: the higher.
    ///
    /// Where CPU clocks are tick-grained (Wine 8), the process's clock and its threads' clocks
    /// are rounded differently, so their difference rises and falls by up to a tick while no
    /// other thread runs at all. Compared with the previous reading, every such rise would
    /// count as growth; compared with the highest reading so far, only a new high does, which
    /// noise reaches a few times at most. Where clocks are fine the readings only rise, and this
    /// is the later one.
    pub(crate) fn highest(self, other: OthersCpu) -> OthersCpu {
        if other.high > self.high { other } else { self }
    }

    /// How much CPU time the other threads used since `earlier`, at least.
    pub(crate) fn used_since(&self, earlier: &OthersCpu) -> Duration {
        self.low.saturating_sub(earlier.high)
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
        self.last = self.last.highest(now);
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
        // Other unit tests may run meanwhile, but none spins for 100 ms outside its turn. Where
        // CPU clocks are tick-grained (Wine's tick is 10 ms, Windows's 15.6 ms), the process's
        // clock and the threads' are rounded apart by up to two ticks.
        let noise = if platform::knows(crate::platform::Probe::FineCpuClocks) {
            Duration::from_millis(20)
        } else {
            Duration::from_millis(50)
        };
        assert!(
            after.used_since(&before) < noise,
            "the test's own spinning thread was counted: {:?}",
            after.used_since(&before)
        );
    }
}
