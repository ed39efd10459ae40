//! Mutant: deals items out round-robin (thread k takes items k, k + threads, …), so results come
//! back grouped by thread instead of in the order of the items.

use std::thread;

pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0);
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(items.len()))
            .map(|k| {
                scope.spawn(move || {
                    items
                        .iter()
                        .skip(k)
                        .step_by(threads)
                        .map(f)
                        .collect::<Vec<R>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}
