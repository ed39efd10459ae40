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

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::platform::{self, Preempted, ThreadRef};

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
            .name("chaos".to_owned())
            .spawn(move || {
                let mut turn = 0usize;
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
                    if platform::preempt(&victim) == Preempted::Ended {
                        // Interrupt the living only.
                        MEMBERS
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .retain(|member| member.id() != victim.id());
                        continue;
                    }
                    thread::sleep(interval);
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
