//! Alternative: no channel at all: the workers claim the next index with an atomic `fetch_add`,
//! take the item out of its slot, and put the result into the matching slot.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Maps every item on `workers` threads.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    assert!(workers >= 1, "no workers");
    let inputs: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let outputs: Vec<Mutex<Option<U>>> = inputs.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(slot) = inputs.get(index) else {
                        return;
                    };
                    let item = slot.lock().unwrap().take().unwrap();
                    let result = f(item);
                    *outputs[index].lock().unwrap() = Some(result);
                }
            });
        }
    });
    outputs
        .into_iter()
        .map(|slot| slot.into_inner().unwrap().unwrap())
        .collect()
}
