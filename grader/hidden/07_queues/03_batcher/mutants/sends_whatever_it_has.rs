//! Mutant: sends whatever is queued as soon as one item arrives, ignoring `max_wait`.

use crossbeam_channel::{Receiver, unbounded};
use std::thread;
use std::time::Duration;

/// Groups the items of `input` into batches.
pub fn batch<T: Send + 'static>(
    input: Receiver<T>,
    size: usize,
    max_wait: Duration,
) -> Receiver<Vec<T>> {
    assert!(size > 0);
    let _ = max_wait;
    let (sender, output) = unbounded();
    thread::spawn(move || {
        while let Ok(first) = input.recv() {
            let mut batch = vec![first];
            while batch.len() < size {
                match input.try_recv() {
                    Ok(item) => batch.push(item),
                    Err(_) => break,
                }
            }
            if sender.send(batch).is_err() {
                return;
            }
        }
    });
    output
}
