//! Forced preemption: makes the interleavings that a race needs happen on any machine.
//!
//! On two idle cores, threads that update shared state at once collide all the time. On a busy
//! machine they may instead take turns, each running for milliseconds, and a read-modify-write
//! that is not atomic can go unpunished. While a [`Chaos`] is alive, the threads that called
//! [`join`] are paused in turn for 100 µs, one every few tens of microseconds, wherever they are
//! (in the middle of the learner's `add`, between a load and a store), while the others run. A lost update then stops
//! being luck and becomes a certainty.
//!
//! Correct code is unaffected: the pause interrupts nothing that matters to it (on Linux and
//! macOS a signal whose handler is installed with `SA_RESTART`, and the standard library retries
//! the waits a signal ends early; on Windows the thread is suspended and resumed), it only runs
//! more slowly. How much more slowly is bounded whatever the load of the machine: only one
//! thread is paused at a time, and the next pause waits until the last one is over. (Pausing
//! every member at a fixed rate instead would, on a busy machine where a pause lasts far longer
//! than asked, keep every thread paused nearly all the time, and a correct solution could
//! outlast its deadline.) How a thread is paused on each system is
//! [`crate::platform`]'s business; every system can, so chaos is as strong everywhere.
//!
//! A member that has not run since its last pause (its CPU clock has not moved) is not paused
//! again: it is stopped where it is already, asleep or waiting for a processor, and a pause would
//! only wake it. That keeps a deadlocked test's threads asleep, so that the grader can see that
//! none of them ever runs again and report the deadlock at once rather than at the deadline.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::platform::{self, Preempted, Probe, ThreadRef};

/// The name of the thread a [`Chaos`] runs on. The grader sets it aside when it looks for a
/// deadlock: it only pauses threads (a pause never ends a wait: the waits it interrupts are
/// resumed), and never holds a lock or sends a wake-up that a test's thread waits for, but for
/// the instants it reads its list of members.
pub const THREAD_NAME: &str = "chaos";

/// The threads that take part.
static MEMBERS: Mutex<Vec<ThreadRef>> = Mutex::new(Vec::new());

/// Makes the calling thread one that a [`Chaos`] interrupts. Call it first thing in each thread
/// whose races the test wants to expose.
pub fn join() {
    platform::prepare_preemption();
    let me = ThreadRef::current();
    let mut members = MEMBERS.lock().unwrap_or_else(|p| p.into_inner());
    if !members.iter().any(|member| member.id() == me.id()) {
        members.push(me);
    }
}

/// While alive, interrupts the member threads in turn, one every `interval` (after the last
/// one's pause has ended); stops when dropped.
pub struct Chaos {
    stop: Arc<AtomicBool>,
    sender: Option<JoinHandle<()>>,
}

impl Chaos {
    /// Starts interrupting the member threads, starting now.
    pub fn start(interval: Duration) -> Chaos {
        platform::prepare_preemption();
        let stop = Arc::new(AtomicBool::new(false));
        let stop_sender = Arc::clone(&stop);
        let sender = thread::Builder::new()
            .name(THREAD_NAME.to_owned())
            .spawn(move || {
                let mut turn = 0usize;
                // Each member's CPU time just after its last pause: a member whose clock has
                // not moved since has not run, and needs no pause (see the module docs). Only
                // clocks that count every microsecond can say so: a coarse one would miss a
                // thread that ran a little, and it would go unpaused.
                let mut after_pause: HashMap<u64, Duration> = HashMap::new();
                let fine_clocks = platform::knows(Probe::FineCpuClocks);
                while !stop_sender.load(Ordering::Relaxed) {
                    let victim = {
                        let members = MEMBERS.lock().unwrap_or_else(|p| p.into_inner());
                        (!members.is_empty()).then(|| members[turn % members.len()].clone())
                    };
                    turn = turn.wrapping_add(1);
                    let Some(victim) = victim else {
                        thread::sleep(interval);
                        continue;
                    };
                    let now = victim.cpu_time();
                    if fine_clocks && now.is_some() && now == after_pause.get(&victim.id()).copied()
                    {
                        thread::sleep(interval);
                        continue;
                    }
                    if platform::preempt(&victim) == Preempted::Ended {
                        // Interrupt the living only.
                        MEMBERS
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .retain(|member| member.id() != victim.id());
                        after_pause.remove(&victim.id());
                        continue;
                    }
                    thread::sleep(interval);
                    // Read after the interval, so that the end of the pause (the handler's
                    // return, the wait it resumes) is counted in.
                    if let Some(time) = victim.cpu_time() {
                        after_pause.insert(victim.id(), time);
                    }
                }
            })
            .expect("the test could not start its chaos thread");
        Chaos {
            stop,
            sender: Some(sender),
        }
    }
}

impl Drop for Chaos {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(sender) = self.sender.take() {
            let _ = sender.join();
        }
        MEMBERS.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU64;
    use std::time::Instant;

    /// A member asleep on a channel is paused once at most: after that its CPU clock stands
    /// still, which is what lets the grader see a deadlocked test's threads keep still.
    #[test]
    fn a_member_that_does_not_run_is_not_paused_again() {
        if !platform::knows(Probe::FineCpuClocks) {
            // A clock of whole ticks cannot tell an idle member (see `Chaos::start`): chaos
            // pauses every member there, as it did before.
            return;
        }
        let _turn = crate::turns::take_turn();
        let (joined_tx, joined) = std::sync::mpsc::channel();
        let (_release, wait_here) = std::sync::mpsc::channel::<()>();
        let sleeper = thread::spawn(move || {
            join();
            joined_tx
                .send(ThreadRef::current())
                .expect("the test waits");
            let _ = wait_here.recv();
        });
        let member = joined.recv().expect("the member joined");
        let chaos = Chaos::start(Duration::from_micros(20));
        // Long enough for many turns, the first of which pauses the member once.
        thread::sleep(Duration::from_millis(100));
        let before = member.cpu_time().expect("the member is alive");
        thread::sleep(Duration::from_millis(200));
        let after = member.cpu_time().expect("the member is alive");
        drop(chaos);
        drop(_release);
        sleeper.join().expect("the member ends");
        assert_eq!(
            before,
            after,
            "a member asleep on a channel ran for {:?} under chaos: it was paused again",
            after - before
        );
    }

    /// A load-then-store counter loses updates under chaos even when its threads would
    /// otherwise take turns. On a busy machine one round of four threads can end without a
    /// loss (each ran its part alone while the others waited for a CPU), so rounds are played
    /// until one loses an update; a sound counter would play them all, for the whole minute.
    #[test]
    fn a_split_read_modify_write_loses_updates() {
        let _turn = crate::turns::take_turn();
        const THREADS: u64 = 4;
        const INCREMENTS: u64 = 200_000;
        let started = Instant::now();
        let mut rounds = 0;
        let lost_some = loop {
            rounds += 1;
            let count = Arc::new(AtomicU64::new(0));
            let chaos = Chaos::start(Duration::from_micros(20));
            let start_line = Arc::new(std::sync::Barrier::new(THREADS as usize));
            let handles: Vec<_> = (0..THREADS)
                .map(|_| {
                    let (count, start_line) = (Arc::clone(&count), Arc::clone(&start_line));
                    thread::spawn(move || {
                        join();
                        start_line.wait();
                        for _ in 0..INCREMENTS {
                            let current = count.load(Ordering::SeqCst);
                            count.store(current + 1, Ordering::SeqCst);
                        }
                    })
                })
                .collect();
            for handle in handles {
                handle.join().unwrap();
            }
            drop(chaos);
            if count.load(Ordering::SeqCst) < THREADS * INCREMENTS {
                break true;
            }
            if started.elapsed() > Duration::from_secs(60) {
                break false;
            }
        };
        assert!(lost_some, "no update was lost in {rounds} rounds");
    }
}
