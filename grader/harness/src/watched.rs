//! One thread of the test process, watched from another: to wait until it has certainly run
//! again, or until it sleeps.
//!
//! A test that makes threads finish in a chosen order must also give the code under test time
//! to see each step, or a loop that polls (`is_finished`, `try_recv`, a flag) may sleep or be
//! descheduled through all of them and see only the end, by luck. Waiting a fixed time would be
//! luck too. [`WatchedThread::wait_until_it_has_run`] waits for evidence instead: the watched
//! thread spent time on a processor, or went to sleep twice (so it woke and ran in between), or
//! it has been asleep without a change for a while, as a thread blocked in `join` or `recv` is.
//!
//! The evidence comes from the thread's own CPU clock, which every system gives for a thread
//! that registered itself ([`WatchedThread::current`]), and, where the system says more, from
//! its state and its voluntary switches (see [`crate::platform`]): without them, "went to sleep
//! twice" is read as "its CPU clock started again twice after standing still", and "asleep" as
//! "its CPU clock stood still".

use std::time::{Duration, Instant};

use crate::platform::{self, Probe, ThreadRef, ThreadState};

/// CPU time that proves a polling loop has gone round many times: one turn takes microseconds.
const PROOF_OF_RUNNING: Duration = Duration::from_millis(2);

/// How often the watcher looks.
const LOOK_EVERY: Duration = Duration::from_micros(500);

/// How often [`WatchedThread::wait_until_asleep`] looks.
const ASLEEP_LOOK_EVERY: Duration = Duration::from_millis(10);

/// The fewest looks in a row [`WatchedThread::wait_until_asleep`] asks of a thread judged by
/// its CPU clock alone: on a busy machine a thread that wants to run may wait a few
/// milliseconds for a processor, never 50.
const FEWEST_STILL_LOOKS: u32 = 5;

/// A thread of this process, registered by itself.
#[derive(Debug, Clone)]
pub struct WatchedThread {
    thread: ThreadRef,
}

/// What the watcher sees of the thread at one look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    on_cpu: Duration,
    /// Voluntary switches: times it went to sleep; `None` where the system does not count them.
    went_to_sleep: Option<u64>,
    state: ThreadState,
}

impl WatchedThread {
    /// The calling thread.
    pub fn current() -> Self {
        WatchedThread {
            thread: ThreadRef::current(),
        }
    }

    /// Waits until the thread has certainly run since this call: it used 2 ms of CPU time (a
    /// polling loop goes round thousands of times in that), or went to sleep twice (where the
    /// system counts that; everywhere, its CPU clock started again twice after standing still),
    /// or has been asleep (its CPU clock still, and not running where the system says) without
    /// a change for `blocked_for` (it waits for something), or has ended.
    pub fn wait_until_it_has_run(&self, blocked_for: Duration) {
        platform::note_if_weaker("watched::WatchedThread::wait_until_it_has_run");
        let Some(start) = self.seen() else {
            return;
        };
        let mut last = start;
        let mut unchanged_since = Instant::now();
        let (mut restarts, mut was_still) = (0, false);
        loop {
            std::thread::sleep(LOOK_EVERY);
            let Some(now) = self.seen() else {
                return;
            };
            let slept_twice = now
                .went_to_sleep
                .zip(start.went_to_sleep)
                .is_some_and(|(now, start)| now >= start + 2);
            if now.on_cpu.saturating_sub(start.on_cpu) >= PROOF_OF_RUNNING || slept_twice {
                return;
            }
            let ran = now.on_cpu > last.on_cpu;
            if ran && was_still {
                restarts += 1;
                if restarts >= 2 {
                    return;
                }
            }
            was_still = !ran;
            if now != last {
                last = now;
                unchanged_since = Instant::now();
            } else if now.state != ThreadState::Running && unchanged_since.elapsed() >= blocked_for
            {
                return;
            }
        }
    }

    /// Waits until the thread has been found asleep (or ended) at `looks` looks in a row, 10 ms
    /// apart, or `give_up` has passed. A thread on its way into a blocking call is runnable,
    /// however long a busy machine keeps it waiting, so this waits for it rather than for a
    /// fixed time; a thread that never sleeps (one that spins) is left to a test that looks for
    /// spinning. Where the system does not give thread states, a look finds the thread asleep
    /// when its CPU clock has not moved since the look before, and at least 5 looks in a row
    /// are asked for.
    pub fn wait_until_asleep(&self, looks: u32, give_up: Duration) {
        platform::note_if_weaker("watched::WatchedThread::wait_until_asleep");
        let looks = if platform::knows(Probe::ThreadStates) {
            looks
        } else {
            looks.max(FEWEST_STILL_LOOKS)
        };
        let started = Instant::now();
        let mut asleep_looks = 0;
        let mut last = self.seen();
        while asleep_looks < looks && started.elapsed() < give_up {
            std::thread::sleep(ASLEEP_LOOK_EVERY);
            let now = self.seen();
            let asleep = match (now, last) {
                (None, _) => true,
                (Some(now), _) if now.state == ThreadState::Asleep => true,
                (Some(now), Some(last)) if now.state == ThreadState::Unknown => {
                    now.on_cpu == last.on_cpu
                }
                _ => false,
            };
            asleep_looks = if asleep { asleep_looks + 1 } else { 0 };
            last = now;
        }
    }

    /// Reads the thread's CPU time, voluntary switches and state; `None` once it has ended.
    fn seen(&self) -> Option<Seen> {
        let on_cpu = self.thread.cpu_time()?;
        let state = self.thread.state();
        if state == ThreadState::Ended {
            return None;
        }
        Some(Seen {
            on_cpu,
            went_to_sleep: self.thread.switches().map(|switches| switches.voluntary),
            state,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::mpsc;
    use std::thread::JoinHandle;

    /// Starts a thread that blocks in `recv` until the returned sender sends or is dropped.
    fn blocked_thread() -> (WatchedThread, mpsc::Sender<()>, JoinHandle<()>) {
        let (tx, rx) = mpsc::channel::<WatchedThread>();
        let (release, wait) = mpsc::channel::<()>();
        let blocked = std::thread::spawn(move || {
            tx.send(WatchedThread::current()).unwrap();
            let _ = wait.recv();
        });
        (rx.recv().unwrap(), release, blocked)
    }

    #[test]
    fn a_blocked_thread_is_waited_for_only_as_long_as_asked() {
        let (watched, release, blocked) = blocked_thread();
        std::thread::sleep(Duration::from_millis(50));
        let started = Instant::now();
        watched.wait_until_it_has_run(Duration::from_millis(100));
        // Only the lower bound: a busy machine may make the watcher itself late.
        assert!(started.elapsed() >= Duration::from_millis(100));
        release.send(()).unwrap();
        blocked.join().unwrap();
    }

    #[test]
    fn a_polling_thread_has_turned_many_times_when_the_wait_ends() {
        let _turn = crate::turns::take_turn();
        let stop = Arc::new(AtomicBool::new(false));
        let turns = Arc::new(AtomicU64::new(0));
        let (tx, rx) = mpsc::channel::<WatchedThread>();
        let poller = {
            let (stop, turns) = (Arc::clone(&stop), Arc::clone(&turns));
            std::thread::spawn(move || {
                tx.send(WatchedThread::current()).unwrap();
                while !stop.load(Ordering::Relaxed) {
                    turns.fetch_add(1, Ordering::Relaxed);
                    std::thread::yield_now();
                }
            })
        };
        let watched = rx.recv().unwrap();
        let before = turns.load(Ordering::Relaxed);
        // A blocked_for far beyond the test's patience: only evidence of running ends the wait.
        watched.wait_until_it_has_run(Duration::from_secs(3600));
        let after = turns.load(Ordering::Relaxed);
        stop.store(true, Ordering::Relaxed);
        poller.join().unwrap();
        assert!(after > before, "the poller did not turn while watched");
    }

    #[test]
    fn a_blocked_thread_is_found_asleep() {
        let (watched, release, blocked) = blocked_thread();
        let started = Instant::now();
        watched.wait_until_asleep(3, Duration::from_secs(3600));
        // Three looks 10 ms apart at least; only a give-up would take an hour.
        assert!(started.elapsed() >= Duration::from_millis(30));
        release.send(()).unwrap();
        blocked.join().unwrap();
    }

    #[test]
    fn an_ended_thread_ends_the_wait() {
        let watched = std::thread::spawn(WatchedThread::current).join().unwrap();
        watched.wait_until_it_has_run(Duration::from_secs(3600));
        watched.wait_until_asleep(3, Duration::from_secs(3600));
    }
}
