//! Alternative: threads send `(index, result)` through a crossbeam channel; the results are put
//! back in chunk order.

use crossbeam_channel::unbounded;

/// Runs `work` on `threads` even chunks of `items` at once; results in chunk order.
pub fn map_chunks<T, R, F>(items: &[T], threads: usize, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&[T]) -> R + Sync,
{
    if threads == 0 {
        panic!("map_chunks: threads must be at least 1");
    }
    let (sender, receiver) = unbounded();
    let work = &work;
    std::thread::scope(|s| {
        let mut start = 0;
        for i in 0..threads {
            let len = items.len() / threads + usize::from(i < items.len() % threads);
            let chunk = &items[start..start + len];
            start += len;
            let sender = sender.clone();
            s.spawn(move || sender.send((i, work(chunk))).unwrap());
        }
    });
    drop(sender);
    let mut results: Vec<(usize, R)> = receiver.iter().collect();
    results.sort_by_key(|&(i, _)| i);
    results.into_iter().map(|(_, r)| r).collect()
}
