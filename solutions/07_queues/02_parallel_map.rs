//! Reference solution: fan-out through one crossbeam channel whose receiver every worker clones,
//! fan-in through a second channel, and the results put back in order by their index.

use crossbeam_channel::unbounded;
use std::thread;

/// Applies `f` to every item on `workers` threads at once and returns the results in the order
/// of `items`.
///
/// Every worker takes the next item from one shared queue as soon as it is free, so one slow
/// item never holds up the others.
///
/// # Panics
///
/// Panics if `workers` is 0, and if `f` panics.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    assert!(workers > 0, "parallel_map needs at least one worker");
    let count = items.len();

    // Fan-out: every item, numbered, on one queue. Dropping the sender closes the queue, so each
    // worker's loop ends once it is empty.
    let (job_sender, jobs) = unbounded();
    for job in items.into_iter().enumerate() {
        job_sender
            .send(job)
            .expect("the queue's receiver is still here");
    }
    drop(job_sender);

    let (result_sender, results) = unbounded();
    let mut slots: Vec<Option<U>> = (0..count).map(|_| None).collect();
    // Scoped threads may borrow `f`, and are all joined when the scope ends.
    thread::scope(|scope| {
        for _ in 0..workers {
            // A crossbeam receiver can be cloned: every clone takes from the same queue, and
            // each item goes to exactly one of them.
            let (jobs, result_sender, f) = (jobs.clone(), result_sender.clone(), &f);
            scope.spawn(move || {
                for (index, item) in jobs {
                    if result_sender.send((index, f(item))).is_err() {
                        break;
                    }
                }
            });
        }
        // Fan-in: the results arrive in the order they were finished, each with its index.
        // The loop ends when the last worker has dropped its sender (so drop ours first).
        drop(result_sender);
        for (index, result) in results {
            slots[index] = Some(result);
        }
    });
    slots
        .into_iter()
        .map(|slot| slot.expect("every item was mapped"))
        .collect()
}
