//! Mutant: runs the URLs in batches of `limit`, waiting for a whole batch before the next.

use std::thread;

/// Calls `fetch(url)` for every URL in `urls`, `limit` at a time, batch after batch.
pub fn download_all<R, F>(urls: &[&str], limit: usize, fetch: F) -> Vec<R>
where
    F: Fn(&str) -> R + Sync,
    R: Send,
{
    assert!(limit > 0, "download_all needs a limit of at least 1");
    let fetch = &fetch;
    let mut results = Vec::with_capacity(urls.len());
    for batch in urls.chunks(limit) {
        thread::scope(|s| {
            let handles: Vec<_> = batch
                .iter()
                .map(|&url| s.spawn(move || fetch(url)))
                .collect();
            for handle in handles {
                results.push(handle.join().unwrap());
            }
        });
    }
    results
}
