//! Mutant: downloads one URL at a time, whatever the limit.

/// Calls `fetch(url)` for every URL in `urls`, one at a time.
pub fn download_all<R, F>(urls: &[&str], limit: usize, fetch: F) -> Vec<R>
where
    F: Fn(&str) -> R + Sync,
    R: Send,
{
    assert!(limit > 0, "download_all needs a limit of at least 1");
    urls.iter().map(|&url| fetch(url)).collect()
}
