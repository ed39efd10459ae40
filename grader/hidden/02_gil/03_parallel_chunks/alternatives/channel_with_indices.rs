//! Alternative: the chunks are cut with `chunks_mut` of two sizes (the longer ones first), and
//! the threads send `(index, result)` through a crossbeam channel; the results are put back in
//! chunk order.

use crossbeam_channel::unbounded;

/// Runs `work` on `threads` even chunks of `items` at once; results in chunk order.
pub fn map_chunks<T, R, F>(items: &mut [T], threads: usize, work: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(&mut [T]) -> R + Sync,
{
    if threads == 0 {
        panic!("map_chunks: threads must be at least 1");
    }
    let (base, extra) = (items.len() / threads, items.len() % threads);
    // The first `extra` chunks hold `base + 1` items; `chunks_mut` cuts them off the front,
    // and the rest into chunks of `base` (an empty rest still makes empty chunks below).
    let (long, short) = items.split_at_mut(extra * (base + 1));
    let mut chunks: Vec<&mut [T]> = long.chunks_mut(base + 1).collect();
    let mut short = short;
    while chunks.len() < threads {
        let (chunk, tail) = std::mem::take(&mut short).split_at_mut(base);
        chunks.push(chunk);
        short = tail;
    }
    let (sender, receiver) = unbounded();
    let work = &work;
    std::thread::scope(|s| {
        for (i, chunk) in chunks.into_iter().enumerate() {
            let sender = sender.clone();
            s.spawn(move || sender.send((i, work(chunk))).unwrap());
        }
    });
    drop(sender);
    let mut results: Vec<(usize, R)> = receiver.iter().collect();
    results.sort_by_key(|&(i, _)| i);
    results.into_iter().map(|(_, r)| r).collect()
}
