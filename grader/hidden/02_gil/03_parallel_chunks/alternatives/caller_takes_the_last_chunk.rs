//! Alternative: the calling thread works on the last chunk itself while the spawned threads work
//! on the others; chunk `i` ends at `(i + 1) * len / threads`, so the longer chunks come last.

use std::thread;

/// Runs `work` on `threads` even chunks of `items` at once; results in chunk order.
pub fn map_chunks<T, R, F>(items: &mut [T], threads: usize, work: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(&mut [T]) -> R + Sync,
{
    assert_ne!(threads, 0, "no threads to work with");
    let work = &work;
    let len = items.len();
    thread::scope(|s| {
        let mut rest = items;
        let mut start = 0;
        let mut handles = Vec::with_capacity(threads - 1);
        for i in 1..threads {
            // Chunk i - 1 ends at i * len / threads: lengths differ by at most one.
            let end = i * len / threads;
            let (chunk, tail) = std::mem::take(&mut rest).split_at_mut(end - start);
            rest = tail;
            start = end;
            handles.push(s.spawn(move || work(chunk)));
        }
        let last = work(rest);
        let mut results: Vec<R> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        results.push(last);
        results
    })
}
