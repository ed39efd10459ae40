//! Mutant: ignores send() errors, so it goes on taking items when nobody reads its batches.

use crossbeam_channel::{Receiver, at, never, select, unbounded};
use std::mem;
use std::thread;
use std::time::{Duration, Instant};

/// Starts a thread that groups the items of `input` into batches, and returns the receiving end
/// of the batches at once.
///
/// A batch is sent as soon as it holds `size` items, or once `max_wait` has passed since its
/// first item arrived, whichever comes first; an empty batch is never sent. When `input` ends,
/// the last, partial batch is sent and the output ends. When the output's receiver is dropped,
/// the thread stops.
///
/// # Panics
///
/// Panics if `size` is 0.
pub fn batch<T: Send + 'static>(
    input: Receiver<T>,
    size: usize,
    max_wait: Duration,
) -> Receiver<Vec<T>> {
    assert!(size > 0, "a batch must be allowed at least one item");
    let (sender, output) = unbounded();
    thread::spawn(move || {
        let mut batch = Vec::with_capacity(size);
        // The batch's deadline, as a channel that delivers one message when it is due. While
        // the batch is empty there is no deadline: `never()` is a channel that never delivers.
        let mut due: Receiver<Instant> = never();
        loop {
            select! {
                recv(input) -> message => match message {
                    Ok(item) => {
                        if batch.is_empty() {
                            due = at(Instant::now() + max_wait);
                        }
                        batch.push(item);
                        if batch.len() < size {
                            continue;
                        }
                    }
                    Err(_) => {
                        // Every sender is gone: flush what is left, then end the output by
                        // dropping our sender.
                        if !batch.is_empty() {
                            let _ = sender.send(batch);
                        }
                        return;
                    }
                },
                recv(due) -> _ => {}
            }
            // The batch is full, or its time is up.
            due = never();
            let full = mem::replace(&mut batch, Vec::with_capacity(size));
            let _ = sender.send(full);
        }
    });
    output
}
