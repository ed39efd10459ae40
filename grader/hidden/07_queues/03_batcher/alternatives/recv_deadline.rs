//! Alternative: no `select!`: `recv()` for the first item of a batch, then `recv_deadline` for
//! the rest, with the three outcomes matched one by one.

use crossbeam_channel::{Receiver, RecvTimeoutError, bounded};
use std::thread;
use std::time::{Duration, Instant};

/// Groups the items of `input` into batches.
pub fn batch<T: Send + 'static>(
    input: Receiver<T>,
    size: usize,
    max_wait: Duration,
) -> Receiver<Vec<T>> {
    if size == 0 {
        panic!("batch size 0");
    }
    // A small bounded output: the batcher waits for a slow reader.
    let (sender, output) = bounded(4);
    thread::spawn(move || {
        'batches: while let Ok(first) = input.recv() {
            let deadline = Instant::now() + max_wait;
            let mut batch = vec![first];
            let mut input_ended = false;
            while batch.len() < size {
                match input.recv_deadline(deadline) {
                    Ok(item) => batch.push(item),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => {
                        input_ended = true;
                        break;
                    }
                }
            }
            if sender.send(batch).is_err() || input_ended {
                break 'batches;
            }
        }
    });
    output
}
