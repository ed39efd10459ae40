//! Exercise: a per-thread cache that every thread can invalidate.
//!
//! A value that is costly to compute and read often (a parsed configuration, a compiled
//! template) can be cached per thread: each thread keeps its own copy in a `thread_local!`, reads
//! it without any lock, and never waits for another thread. The tutorial names the catch under
//! "Global Data": thread-local storage does not manage shared state. When the configuration
//! changes, every thread's copy is stale, and no thread can reach into another thread's
//! thread-locals to clear them.
//!
//! The way out is a *generation* number shared by all threads: invalidating bumps it, and each
//! cached value remembers the generation it was computed in. A thread that finds its value's
//! generation out of date computes it again. Invalidating costs one atomic increment, and
//! reading one atomic load.
//!
//! - `cached(key, compute)` returns the calling thread's cached value for `key`. If this thread
//!   has none, or `invalidate_all()` has been called (by any thread) since this thread computed
//!   it, it calls `compute()`, caches the result for this thread, and returns it. Each thread has
//!   its own cache: another thread's value is never returned.
//! - `invalidate_all()` makes every value cached so far, on every thread, stale.
//! - A value whose `compute()` was still running when `invalidate_all()` was called is stale
//!   too: it may have been computed from the old data. (Read the generation *before* computing.)
//! - `compute` may itself call `cached` for another key: hold no `RefCell` borrow while it runs.
//!   If `compute` panics, the panic goes on to the caller and nothing is cached.
//!
//! The lesson: `cargo doc -p tls --open`, or `crates/tls/src/`, in particular the pitfalls page.

/// Returns this thread's cached value for `key`, computing it with `compute` if this thread has
/// none or it was computed before the last [`invalidate_all`].
pub fn cached(key: &str, compute: impl FnOnce() -> String) -> String {
    // TODO: a `thread_local!` map from key to (generation, value), and a shared generation
    // number (a static atomic) that `invalidate_all` bumps.
    let _ = (key, compute);
    todo!()
}

/// Makes every value cached so far, on every thread, stale.
pub fn invalidate_all() {
    todo!()
}
