//! Mutant: deals the items out up front, item i to worker i % workers, each on its own channel.
//!
//! So a slow item holds up every item dealt to the same worker.

use std::sync::mpsc;
use std::thread;

/// Maps every item on `workers` threads.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    assert!(workers > 0);
    let count = items.len();
    let (result_sender, results) = mpsc::channel();
    thread::scope(|s| {
        let mut queues = Vec::new();
        for _ in 0..workers {
            let (sender, queue) = mpsc::channel::<(usize, T)>();
            queues.push(sender);
            let (result_sender, f) = (result_sender.clone(), &f);
            s.spawn(move || {
                for (index, item) in queue {
                    result_sender.send((index, f(item))).unwrap();
                }
            });
        }
        for (index, item) in items.into_iter().enumerate() {
            queues[index % workers].send((index, item)).unwrap();
        }
    });
    drop(result_sender);
    let mut slots: Vec<Option<U>> = (0..count).map(|_| None).collect();
    for (index, result) in results {
        slots[index] = Some(result);
    }
    slots.into_iter().map(Option::unwrap).collect()
}
