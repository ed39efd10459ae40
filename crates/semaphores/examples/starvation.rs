//! Starvation, staged. A budget of 10 units; small jobs take 1 to 3 units each, in a steady
//! stream from 4 threads; one big job needs all 10. With a budget that lets whoever fits go
//! first ("barging"), the big job waits as long as the small ones keep coming. With a budget
//! that makes later requests queue behind a waiting one, it is served at once.
//!
//! The fair budget here queues waiters with a turnstile, a `Mutex` that a thread holds while it
//! waits for its units, so nobody can overtake it. (The fourth exercise builds a stricter one,
//! first come first served.)
//!
//! Run it with `cargo run -p semaphores --example starvation`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A weighted semaphore; with `fair`, waiters go through a turnstile one at a time.
struct Budget {
    free: Mutex<usize>,
    returned: Condvar,
    turnstile: Option<Mutex<()>>,
}

impl Budget {
    fn new(total: usize, fair: bool) -> Self {
        Budget {
            free: Mutex::new(total),
            returned: Condvar::new(),
            turnstile: fair.then(|| Mutex::new(())),
        }
    }

    fn acquire(&self, units: usize) {
        // In the fair budget, a thread waiting for its units holds the turnstile: later
        // requests wait at the turnstile, behind it, instead of taking the units it waits for.
        let _turn = self.turnstile.as_ref().map(|t| t.lock().unwrap());
        let free = self.free.lock().unwrap();
        let mut free = self
            .returned
            .wait_while(free, |free| *free < units)
            .unwrap();
        *free -= units;
    }

    fn release(&self, units: usize) {
        *self.free.lock().unwrap() += units;
        self.returned.notify_all();
    }
}

/// Runs the scene on one budget and returns how long the big job waited, if it got its units
/// within `patience`.
fn big_job_wait(budget: &Budget, patience: Duration) -> Option<Duration> {
    let stop = AtomicBool::new(false);
    thread::scope(|s| {
        for worker in 0..4 {
            let (budget, stop) = (budget, &stop);
            s.spawn(move || {
                let mut job = worker;
                while !stop.load(Ordering::Relaxed) {
                    let units = 1 + job % 3;
                    budget.acquire(units);
                    thread::sleep(Duration::from_millis(5)); // the small job's work
                    budget.release(units);
                    job += 1;
                }
            });
        }
        thread::sleep(Duration::from_millis(50)); // the small jobs get going
        let asked = Instant::now();
        let (done, got) = std::sync::mpsc::channel();
        s.spawn(move || {
            budget.acquire(10);
            let _ = done.send(asked.elapsed());
            budget.release(10);
        });
        let waited = got.recv_timeout(patience).ok();
        stop.store(true, Ordering::Relaxed);
        if waited.is_none() {
            // Let the big job through so that the scope can end: stop the small jobs first.
            let _ = got.recv();
        }
        waited
    })
}

fn main() {
    let patience = Duration::from_secs(1);
    for (name, fair) in [("barging budget", false), ("fair budget", true)] {
        match big_job_wait(&Budget::new(10, fair), patience) {
            Some(waited) => println!(
                "{name}: the big job got its 10 units after {} ms",
                waited.as_millis()
            ),
            None => println!(
                "{name}: the big job was still waiting after {} ms, starved by the small jobs",
                patience.as_millis()
            ),
        }
    }
}
