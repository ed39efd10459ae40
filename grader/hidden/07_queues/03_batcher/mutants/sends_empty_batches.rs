//! Mutant: a ticker: every `max_wait` it sends whatever it holds, an empty batch too.

use crossbeam_channel::{Receiver, select, tick, unbounded};
use std::mem;
use std::thread;
use std::time::Duration;

/// Groups the items of `input` into batches.
pub fn batch<T: Send + 'static>(
    input: Receiver<T>,
    size: usize,
    max_wait: Duration,
) -> Receiver<Vec<T>> {
    assert!(size > 0);
    let (sender, output) = unbounded();
    thread::spawn(move || {
        let ticker = tick(max_wait);
        let mut batch = Vec::new();
        loop {
            select! {
                recv(input) -> message => match message {
                    Ok(item) => {
                        batch.push(item);
                        if batch.len() < size {
                            continue;
                        }
                    }
                    Err(_) => {
                        if !batch.is_empty() {
                            let _ = sender.send(batch);
                        }
                        return;
                    }
                },
                recv(ticker) -> _ => {}
            }
            if sender.send(mem::take(&mut batch)).is_err() {
                return;
            }
        }
    });
    output
}
