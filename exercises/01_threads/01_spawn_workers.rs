//! Exercise: start `n` threads at once and collect what they return.
//!
//! The tutorial starts a thread with `Thread(target=display).start()` and waits for it with
//! `join()`. Rust's `std::thread::spawn` does both jobs of Python's constructor and `start()`:
//! it takes a closure and starts running it at once on a new thread, and it hands back a
//! `JoinHandle<T>`. `handle.join()` waits for the thread to finish and gives back what the
//! closure returned (as `Ok(value)`, or `Err(payload)` if it panicked).
//!
//! Write `spawn_workers(n, f)`: it runs `f(0)`, `f(1)`, …, `f(n - 1)`, each on a thread of its
//! own, **all at the same time**, and returns their results in index order: `result[i]` is what
//! `f(i)` returned, whichever thread happened to finish first. `spawn_workers(0, f)` returns an
//! empty `Vec` without calling `f`.
//!
//! Three traps, and the hidden tests look for each one:
//!
//! - Joining each thread right after spawning it: then only one runs at a time, which is a slow
//!   way of writing a `for` loop. Start them all first, then join them all.
//! - Calling `f(i)` on the calling thread: no thread, no concurrency.
//! - Collecting results as threads finish (say, through a channel, without their index): the
//!   order then depends on timing.
//!
//! `f` is shared by all the threads, so it must be shared safely: that is what the bounds
//! `Send + Sync + 'static` say. An `Arc` lets every thread own a handle to the one `f`. If a
//! thread panics, `spawn_workers` may panic too (the lesson shows how a panic reaches `join`).
//!
//! Read the lesson: `cargo doc -p threads --open`.

/// Runs f(0), f(1), …, f(n - 1), each on its own thread, all at the same time,
/// and returns their results in index order.
pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    // TODO: spawn every thread first (keeping the handles in index order), then join them all.
    let _ = (n, f);
    todo!()
}
