//! Mutant: waits by polling `try_recv()` and the clock in a loop with `thread::yield_now()`.

use crossbeam_channel::{Receiver, TryRecvError, unbounded};
use std::mem;
use std::thread;
use std::time::{Duration, Instant};

/// Groups the items of `input` into batches.
pub fn batch<T: Send + 'static>(
    input: Receiver<T>,
    size: usize,
    max_wait: Duration,
) -> Receiver<Vec<T>> {
    assert!(size > 0);
    let (sender, output) = unbounded();
    thread::spawn(move || {
        let mut batch = Vec::new();
        let mut due = None;
        loop {
            match input.try_recv() {
                Ok(item) => {
                    if batch.is_empty() {
                        due = Some(Instant::now() + max_wait);
                    }
                    batch.push(item);
                }
                Err(TryRecvError::Empty) => thread::yield_now(),
                Err(TryRecvError::Disconnected) => {
                    if !batch.is_empty() {
                        let _ = sender.send(batch);
                    }
                    return;
                }
            }
            let late = due.is_some_and(|due| Instant::now() >= due);
            if batch.len() >= size || late {
                due = None;
                if sender.send(mem::take(&mut batch)).is_err() {
                    return;
                }
            }
        }
    });
    output
}
