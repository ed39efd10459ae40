//! Alternative: `select!` with a `default(timeout)` arm, the time left computed on every turn,
//! and the batch kept as an `Option`.

use crossbeam_channel::{Receiver, select, unbounded};
use std::thread;
use std::time::{Duration, Instant};

/// Groups the items of `input` into batches.
pub fn batch<T: Send + 'static>(
    input: Receiver<T>,
    size: usize,
    max_wait: Duration,
) -> Receiver<Vec<T>> {
    assert!(size >= 1);
    let (sender, output) = unbounded::<Vec<T>>();
    thread::spawn(move || {
        // The batch being filled and when it is due.
        let mut current: Option<(Vec<T>, Instant)> = None;
        loop {
            let flush = match &mut current {
                None => match input.recv() {
                    Ok(item) => {
                        current = Some((vec![item], Instant::now() + max_wait));
                        size == 1
                    }
                    Err(_) => return,
                },
                Some((items, due)) => {
                    let left = due.saturating_duration_since(Instant::now());
                    select! {
                        recv(input) -> message => match message {
                            Ok(item) => {
                                items.push(item);
                                items.len() >= size
                            }
                            Err(_) => {
                                let (items, _) = current.take().unwrap();
                                let _ = sender.send(items);
                                return;
                            }
                        },
                        default(left) => true,
                    }
                }
            };
            if flush {
                let (items, _) = current.take().unwrap();
                if sender.send(items).is_err() {
                    return;
                }
            }
        }
    });
    output
}
