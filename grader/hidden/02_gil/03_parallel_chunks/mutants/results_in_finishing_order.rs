//! Mutant: collects the results through a channel, in the order the threads finish.

use std::thread;

/// Splits `items` into `threads` contiguous chunks whose lengths differ by at most one, runs
/// `work` on every chunk at the same time, each on a thread of its own, and returns the results
/// in chunk order.
///
/// # Panics
///
/// If `threads` is 0.
pub fn map_chunks<T, R, F>(items: &mut [T], threads: usize, work: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(&mut [T]) -> R + Sync,
{
    assert!(threads > 0, "map_chunks needs at least one thread");
    let work = &work;
    // The first `items.len() % threads` chunks get one item more than the others.
    let (base, extra) = (items.len() / threads, items.len() % threads);
    thread::scope(|s| {
        let (sender, results) = std::sync::mpsc::channel();
        let mut rest = items;
        let mut handles = Vec::with_capacity(threads);
        for chunk_index in 0..threads {
            let len = base + usize::from(chunk_index < extra);
            let (chunk, tail) = rest.split_at_mut(len);
            rest = tail;
            let sender = sender.clone();
            handles.push(s.spawn(move || sender.send(work(chunk)).unwrap()));
        }
        // Every thread is running before the first join: joining inside the loop above would
        // run the chunks one after another, as a GIL would.
        drop(sender);
        drop(handles);
        results.into_iter().collect()
    })
}
