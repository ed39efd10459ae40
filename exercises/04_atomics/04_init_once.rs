//! # Atomics 4: run the set-up once, however many threads ask
//!
//! Some work must happen exactly once in a program's life, the first time it is needed: read the
//! configuration, open the log file, build a lookup table. Many threads may need it at the same
//! moment. `InitOnce::call_once(f)` runs `f` the first time it is called and never again.
//!
//! What `call_once(f)` promises:
//! - if a call has already run its `f` to completion, it returns at once, without running `f`;
//! - otherwise exactly one caller runs its `f`. Callers that arrive while that `f` runs wait
//!   until it has finished, and then return without running theirs. They wait **asleep**: an
//!   initialiser may take seconds, and a thread looping on `spin_loop()` or `yield_now()` would
//!   burn a processor all that time;
//! - when `call_once` returns, in any thread, `f` has finished and **everything it did is
//!   visible** to the caller: it happens before whatever the caller does next;
//! - if `f` panics, the panic goes on to its caller, and the `InitOnce` is left as if that
//!   call had never been made: the next caller (a waiting one, or a later one) runs its own `f`.
//!
//! `is_completed()` says whether an `f` has finished; when it says `true`, everything that `f`
//! did is visible to the caller too.
//!
//! One way to build it is *double-checked locking*, the classic pattern whose broken versions
//! filled the early 2000s with articles:
//! 1. the fast path, taken by every call once the work is done, is a single load of an
//!    `AtomicBool` `done`: if it is `true`, return. That load must be an `Acquire`, and the store
//!    that set `done` a `Release`: otherwise a thread can see `done == true` and still not see
//!    what `f` wrote (the very bug that made the pattern infamous);
//! 2. otherwise take a `Mutex<()>`: while one caller holds it and runs `f`, the others sleep in
//!    `lock()`, which is the waiting you need;
//! 3. with the lock held, look at `done` again (another caller may have finished while you waited
//!    for the lock), run `f` if it is still `false`, then store `true`.
//!
//! If `f` panics while the lock is held, unwinding releases it and the `Mutex` is *poisoned*:
//! every later `lock()` returns `Err(PoisonError)`. Nothing is half-done here (`done` is still
//! `false`), so take the guard anyway: `lock().unwrap_or_else(PoisonError::into_inner)`.
//!
//! (`std::sync::Once` is this type, and `OnceLock` adds a value to it. The grader would accept a
//! wrapper around them, but then you would not have learnt how they work.)
//!
//! Build `InitOnce`: `new()` (a `const fn`, so that an `InitOnce` can be a `static`),
//! `call_once(f)` and `is_completed()`.
//!
//! Check your work: `cargo run -p grader -- check atomics/init_once`.

/// Runs a set-up function once, however many threads ask for it at the same time.
pub struct InitOnce {
    // TODO: what says "done" in one load, and what lets the other callers sleep while one runs
    // `f`?
}

impl InitOnce {
    /// An `InitOnce` whose set-up has not run yet.
    pub const fn new() -> Self {
        todo!()
    }

    /// Runs `f` unless a call has run its `f` to completion already; returns once an `f` has.
    pub fn call_once(&self, f: impl FnOnce()) {
        // TODO: the fast path (one `Acquire` load), then the lock, a second look, `f`, and a
        // `Release` store.
        let _ = f;
        todo!()
    }

    /// Whether a call has run its `f` to completion.
    pub fn is_completed(&self) -> bool {
        todo!()
    }
}
