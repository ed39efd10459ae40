//! Meeting points that force threads to overlap, and say so plainly when they cannot.

use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// A barrier with a deadline: `parties` threads wait until all have arrived.
///
/// A solution that runs work one piece at a time can never bring every party to the meeting
/// point at once, so [`Rendezvous::wait`] turns "these were meant to run at the same time" into a
/// certain failure instead of a hang.
pub struct Rendezvous {
    parties: usize,
    arrived: Mutex<usize>,
    all_here: Condvar,
}

impl Rendezvous {
    /// A meeting point for `parties` threads.
    pub fn new(parties: usize) -> Self {
        Self {
            parties,
            arrived: Mutex::new(0),
            all_here: Condvar::new(),
        }
    }

    /// Waits until every party has arrived, or `limit` has passed.
    ///
    /// Returns `Err(arrived)` with how many parties had arrived when the time ran out. Once all
    /// have arrived, every later call returns `Ok` at once: a `Rendezvous` serves one meeting,
    /// so a test that needs threads to meet again makes a new one for each round.
    pub fn wait(&self, limit: Duration) -> Result<(), usize> {
        let deadline = Instant::now() + limit;
        let mut arrived = self.arrived.lock().unwrap_or_else(|p| p.into_inner());
        *arrived += 1;
        if *arrived >= self.parties {
            self.all_here.notify_all();
            return Ok(());
        }
        while *arrived < self.parties {
            let now = Instant::now();
            if now >= deadline {
                return Err(*arrived);
            }
            arrived = self
                .all_here
                .wait_timeout(arrived, deadline - now)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        Ok(())
    }

    /// Like [`Rendezvous::wait`], but panics with a message naming `what` when the parties did
    /// not all arrive in time.
    pub fn meet(&self, limit: Duration, what: &str) {
        if let Err(arrived) = self.wait(limit) {
            panic!(
                "{what}: only {arrived} of {} threads were running at the same time after {} s; \
                 they were expected to run all at once",
                self.parties,
                limit.as_secs_f64()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::thread;

    #[test]
    fn all_parties_meet() {
        let meeting = Arc::new(Rendezvous::new(3));
        let handles: Vec<_> = (0..3)
            .map(|_| {
                let meeting = Arc::clone(&meeting);
                thread::spawn(move || meeting.wait(Duration::from_secs(60)))
            })
            .collect();
        for handle in handles {
            assert_eq!(handle.join().unwrap(), Ok(()));
        }
    }

    #[test]
    fn a_lone_party_gives_up_and_says_how_many_came() {
        let meeting = Rendezvous::new(2);
        assert_eq!(meeting.wait(Duration::from_millis(10)), Err(1));
    }
}
