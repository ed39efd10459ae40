//! One thread of the test process, watched from another through `/proc/self/task/<tid>`: to
//! wait until it has certainly run again.
//!
//! A test that makes threads finish in a chosen order must also give the code under test time
//! to see each step, or a loop that polls (`is_finished`, `try_recv`, a flag) may sleep or be
//! descheduled through all of them and see only the end, by luck. Waiting a fixed time would be
//! luck too. [`WatchedThread::wait_until_it_has_run`] waits for evidence instead: the watched
//! thread spent time on a processor, or went to sleep twice (so it woke and ran in between), or
//! it has been asleep without a change for a while, as a thread blocked in `join` or `recv` is.

use std::time::{Duration, Instant};

use crate::cpu::this_thread_id;

/// CPU time that proves a polling loop has gone round many times: one turn takes microseconds.
const PROOF_OF_RUNNING: Duration = Duration::from_millis(2);

/// How often the watcher looks.
const LOOK_EVERY: Duration = Duration::from_micros(500);

/// A thread of this process, named by its kernel thread id.
#[derive(Debug, Clone)]
pub struct WatchedThread {
    tid: String,
}

/// What `/proc` says of a thread at one look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    on_cpu: Duration,
    went_to_sleep: u64,
    asleep: bool,
}

impl WatchedThread {
    /// The calling thread.
    ///
    /// # Panics
    ///
    /// If `/proc/thread-self` cannot be read: the hidden tests run on Linux only.
    pub fn current() -> Self {
        WatchedThread {
            tid: this_thread_id().expect("the test could not read /proc/thread-self/stat"),
        }
    }

    /// Waits until the thread has certainly run since this call: it used 2 ms of CPU time (a
    /// polling loop goes round thousands of times in that), or went to sleep twice, or has been
    /// asleep without a change for `blocked_for` (it waits for something), or has ended.
    pub fn wait_until_it_has_run(&self, blocked_for: Duration) {
        let Some(start) = self.seen() else {
            return;
        };
        let mut last = start;
        let mut unchanged_since = Instant::now();
        loop {
            std::thread::sleep(LOOK_EVERY);
            let Some(now) = self.seen() else {
                return;
            };
            if now.on_cpu.saturating_sub(start.on_cpu) >= PROOF_OF_RUNNING
                || now.went_to_sleep >= start.went_to_sleep + 2
            {
                return;
            }
            if now != last {
                last = now;
                unchanged_since = Instant::now();
            } else if now.asleep && unchanged_since.elapsed() >= blocked_for {
                return;
            }
        }
    }

    /// Waits until the thread has been found asleep (or ended) at `looks` looks in a row, 10 ms
    /// apart, or `give_up` has passed. A thread on its way into a blocking call is runnable,
    /// however long a busy machine keeps it waiting, so this waits for it rather than for a
    /// fixed time; a thread that never sleeps (one that spins) is left to a test that looks for
    /// spinning.
    pub fn wait_until_asleep(&self, looks: u32, give_up: Duration) {
        let started = Instant::now();
        let mut asleep_looks = 0;
        while asleep_looks < looks && started.elapsed() < give_up {
            std::thread::sleep(Duration::from_millis(10));
            let asleep = self.seen().is_none_or(|seen| seen.asleep);
            asleep_looks = if asleep { asleep_looks + 1 } else { 0 };
        }
    }

    /// Reads the thread's CPU time, voluntary switches and state; `None` once it has ended.
    fn seen(&self) -> Option<Seen> {
        let task = format!("/proc/self/task/{}", self.tid);
        let schedstat = std::fs::read_to_string(format!("{task}/schedstat")).ok()?;
        let on_cpu = schedstat
            .split_whitespace()
            .next()
            .and_then(|ns| ns.parse::<u64>().ok())
            .map(Duration::from_nanos)?;
        let status = std::fs::read_to_string(format!("{task}/status")).ok()?;
        let went_to_sleep = status.lines().find_map(|line| {
            line.strip_prefix("voluntary_ctxt_switches:")
                .and_then(|count| count.trim().parse::<u64>().ok())
        })?;
        let asleep = status
            .lines()
            .find_map(|line| line.strip_prefix("State:"))
            .is_some_and(|state| matches!(state.trim_start().chars().next(), Some('S' | 'D')));
        Some(Seen {
            on_cpu,
            went_to_sleep,
            asleep,
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
