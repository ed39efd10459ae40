//! Mutant: returns the results in the order the downloads finished, not the order of the URLs.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Calls `fetch(url)` for every URL in `urls` on `limit` worker threads.
pub fn download_all<R, F>(urls: &[&str], limit: usize, fetch: F) -> Vec<R>
where
    F: Fn(&str) -> R + Sync,
    R: Send,
{
    assert!(limit > 0, "download_all needs a limit of at least 1");
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(urls.len()));
    thread::scope(|s| {
        for _ in 0..limit.min(urls.len()) {
            s.spawn(|| {
                while let Some(&url) = urls.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = fetch(url);
                    results.lock().unwrap().push(result);
                }
            });
        }
    });
    results.into_inner().unwrap()
}
