//! Exercise: rate-limited downloads, the semaphore's everyday job.
//!
//! You have a list of URLs to download. One at a time is slow: each download spends most of its
//! time waiting for the network. All at once is rude, and often refused: a server that sees 500
//! connections from you will throttle or ban you, and your own machine runs out of sockets. The
//! answer is in between: at most `limit` downloads at a time, and as soon as one finishes, the
//! next one starts.
//!
//! Write `download_all(urls, limit, fetch)`:
//!
//! - it calls `fetch(url)` once for every URL in `urls` (`fetch` is the download; the tests
//!   pass in their own);
//! - at most `limit` calls of `fetch` run at the same time, and up to `limit` do run at the same
//!   time: with `limit` = 4 and 10 URLs, 4 downloads run together;
//! - as soon as one download finishes, the next one may start: a slow download must not hold up
//!   the others (so running the URLs in batches of `limit`, waiting for each whole batch, is not
//!   right);
//! - it returns the results in the order of `urls`, whatever order the downloads finish in;
//! - it panics if `limit` is 0, since nothing could ever run.
//!
//! You wrote a program much like this in the GIL section (`gil/release_for_io`): a thread per
//! URL, results in URL order. That one let every fetch run at once and limited only the parsing,
//! to one at a time (a GIL is a lock of one permit around the Python code). This one limits the
//! fetches themselves, to `limit` at once, and what is new is the *sliding window*: a lock or a
//! semaphore of `limit` permits, taken per download, lets the next download start the moment
//! any one ends, which batches cannot.
//!
//! Threads that wait for their turn must sleep, not spin. Two good designs: a thread per URL,
//! each taking a permit of a semaphore (your `Semaphore` from the first exercise, copied in
//! here, or a smaller one) before it calls `fetch`; or `limit` worker threads that each take
//! the next URL until none is left. `std::thread::scope` lets the threads borrow `urls` and
//! `fetch`.
//!
//! The lesson: `cargo doc -p semaphores --open`, or `crates/semaphores/src/`. Its example
//! `cargo run -p semaphores --example downloads` shows both designs.

/// Calls `fetch(url)` for every URL in `urls`, with at most `limit` calls running at the same
/// time, and returns the results in the order of `urls`.
///
/// # Panics
///
/// Panics if `limit` is 0.
pub fn download_all<R, F>(urls: &[&str], limit: usize, fetch: F) -> Vec<R>
where
    F: Fn(&str) -> R + Sync,
    R: Send,
{
    // TODO: run the downloads on threads, at most `limit` at a time, and collect the results
    // in the order of `urls`.
    let _ = (urls, limit, fetch);
    todo!()
}
