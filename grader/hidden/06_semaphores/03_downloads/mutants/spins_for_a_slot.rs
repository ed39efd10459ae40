//! Mutant: a thread per URL that waits for a free slot by looping with `thread::yield_now()`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Calls `fetch(url)` for every URL in `urls`, at most `limit` at a time.
pub fn download_all<R, F>(urls: &[&str], limit: usize, fetch: F) -> Vec<R>
where
    F: Fn(&str) -> R + Sync,
    R: Send,
{
    assert!(limit > 0, "download_all needs a limit of at least 1");
    let free = AtomicUsize::new(limit);
    let (free, fetch) = (&free, &fetch);
    thread::scope(|s| {
        let handles: Vec<_> = urls
            .iter()
            .map(|&url| {
                s.spawn(move || {
                    while free
                        .fetch_update(Ordering::Acquire, Ordering::Relaxed, |n| n.checked_sub(1))
                        .is_err()
                    {
                        thread::yield_now();
                    }
                    let result = fetch(url);
                    free.fetch_add(1, Ordering::Release);
                    result
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}
