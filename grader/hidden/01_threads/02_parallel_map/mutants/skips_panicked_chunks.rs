//! Mutant: leaves out the results of a chunk whose thread panicked, instead of panicking.

use std::thread;

pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0, "parallel_map needs at least one thread");
    if items.is_empty() {
        return Vec::new();
    }
    let chunk_len = items.len().div_ceil(threads);
    let f = &f;
    thread::scope(|scope| {
        // Spawn every chunk's thread first, then join them in chunk order.
        let handles: Vec<_> = items
            .chunks(chunk_len)
            .map(|chunk| scope.spawn(move || chunk.iter().map(f).collect::<Vec<R>>()))
            .collect();
        // A chunk whose thread panicked has no results: skip it and keep the others.
        handles
            .into_iter()
            .filter_map(|handle| handle.join().ok())
            .flatten()
            .collect()
    })
}
