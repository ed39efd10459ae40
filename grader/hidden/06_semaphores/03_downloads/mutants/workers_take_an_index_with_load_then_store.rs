//! Mutant: `limit` workers take the index of the next URL from an atomic counter with a load and
//! a store: two workers can take the same URL, and one of them fetches it again.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Calls `fetch(url)` for every URL in `urls`, at most `limit` at a time, in the URLs' order.
pub fn download_all<R, F>(urls: &[&str], limit: usize, fetch: F) -> Vec<R>
where
    F: Fn(&str) -> R + Sync,
    R: Send,
{
    assert!(limit > 0, "the limit must be at least 1");
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<R>>> = urls.iter().map(|_| Mutex::new(None)).collect();
    thread::scope(|s| {
        for _ in 0..limit.min(urls.len()) {
            s.spawn(|| {
                loop {
                    let index = next.load(Ordering::Relaxed);
                    next.store(index + 1, Ordering::Relaxed);
                    let Some(&url) = urls.get(index) else { break };
                    let result = fetch(url);
                    *results[index].lock().unwrap() = Some(result);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|slot| slot.into_inner().unwrap().expect("every URL was fetched"))
        .collect()
}
