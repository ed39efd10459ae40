//! Alternative: the calling thread works on the last chunk itself while the spawned threads work
//! on the others, and the chunks are cut with `split_at` from the end; the longer chunks come
//! last.

use std::thread;

/// Runs `work` on `threads` even chunks of `items` at once; results in chunk order.
pub fn map_chunks<T, R, F>(items: &[T], threads: usize, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&[T]) -> R + Sync,
{
    assert_ne!(threads, 0, "no threads to work with");
    let work = &work;
    let mut bounds = Vec::with_capacity(threads + 1);
    // Chunk i ends at (i + 1) * len / threads: lengths differ by at most one.
    bounds.push(0);
    for i in 1..=threads {
        bounds.push(i * items.len() / threads);
    }
    thread::scope(|s| {
        let handles: Vec<_> = bounds
            .windows(2)
            .take(threads - 1)
            .map(|w| {
                let chunk = &items[w[0]..w[1]];
                s.spawn(move || work(chunk))
            })
            .collect();
        let last = work(&items[bounds[threads - 1]..]);
        let mut results: Vec<R> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        results.push(last);
        results
    })
}
