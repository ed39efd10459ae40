//! # Fairness: barging, starvation, and serving in order
//!
//! A semaphore promises "at most N at once". It does not promise *who* gets the next permit.
//! With a `Mutex` and a `Condvar`, the answer is "whoever gets the lock first after the
//! release": often the thread that was woken, but just as often a thread that had not been
//! waiting at all and called `acquire` at the right moment. That is called **barging**, and it
//! is usually fine: it keeps the permits busy, and with equal requests every waiter gets its turn
//! sooner or later.
//!
//! ## When requests have sizes
//!
//! A **weighted** semaphore hands out units in any amount: a photo resizer with a budget of
//! 1 000 MB lets a small photo take 1 MB and a panorama 300 MB. Now barging is a bug. While the
//! panorama waits for 300 MB, every few megabytes that come back are snapped up by small jobs
//! that happen to ask right then; free memory never builds up to 300, and the panorama waits for
//! ever. That is **starvation**: the program as a whole makes progress, one thread never does.
//!
//! The cure is to serve requests **in order of arrival**. Once the panorama waits, later requests
//! wait behind it, even those that would fit right now; the units that come back accumulate
//! until the panorama's 300 are free. This costs throughput (units sit idle while they
//! accumulate) and buys a guarantee: every request is served, in a bounded time.
//!
//! ## Building the line
//!
//! One way is a bakery's ticket machine. Each `acquire` takes the next number; the semaphore
//! remembers which number it is serving. A waiter waits while *its number is not being served or
//! its units are not free*; when it is served, it takes its units and moves the counter on.
//! `try_acquire` succeeds only if nobody holds a ticket: jumping the line would starve the
//! waiters just the same. (That is the fourth exercise.)
//!
//! Two details decide whether it works:
//!
//! - **Who to wake.** When units come back, only the first in line can use them, and
//!   `notify_one` wakes *some* waiter, not necessarily that one. If it wakes another, that one
//!   sees it is not its turn and goes back to sleep, and the first in line sleeps on with its
//!   units free: a hang. So wake them all (`notify_all`), or give each waiter a condvar of its own
//!   and wake exactly the head of the line.
//! - **Passing it on.** When the first in line is served, the next one may fit in what is left.
//!   Nobody will release anything to wake it, so the waiter that was just served must wake the
//!   line itself.
//!
//! ## Fair locks and fair semaphores elsewhere
//!
//! `std::sync::Mutex` makes no fairness promise. `parking_lot::Mutex` is "eventually fair": it
//! occasionally hands the lock directly to the longest waiter, to bound how long anyone can
//! starve, and `MutexGuard::unlock_fair` hands it over at once. Python's `threading.Semaphore`
//! makes no promise either (it is built on a condition variable, like ours). tokio's async
//! `Semaphore` is first-come-first-served, weighted (`acquire_many`) included, for exactly the
//! reason above.
//!
//! `cargo run -p semaphores --example starvation` shows a big request starving behind a stream
//! of small ones, and then served once the small ones have to queue behind it.
