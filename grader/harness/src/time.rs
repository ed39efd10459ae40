//! Deadlines inside a test, so that a hang is reported as the operation that hung.
//!
//! [`within`] runs any call under a deadline, [`join`] joins a thread under one, and [`Kept`]
//! holds a value whose `Drop` may hang, so that the test drops it under a deadline of its own
//! (and never while a failure unwinds).

use std::ops::Deref;
use std::panic;
use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::platform;

/// The name the thread that called [`within`] has for other processes while it waits for its
/// call (Linux only; see `platform::mark_current_thread`), as the grader reads it in `/proc`.
///
/// The invariant the grader relies on: a thread so named and asleep is in `within`'s wait, which
/// ends in one of two ways only: the call it waits for returns (or panics), which takes the
/// thread running that call; or the deadline passes, and the test fails. So when every other
/// thread of a test is asleep with no timeout and stays so, that wait can never make the test
/// pass, and the grader reports the deadlock without waiting for it to expire. Nothing else in
/// the harness takes this name: a wait whose expiry is an expected outcome
/// ([`still_blocked_after`]) must not.
pub const WAITING_NAME: &str = "within-deadline";

/// [`WAITING_NAME`] as the system takes it.
const WAITING_NAME_C: &std::ffi::CStr = c"within-deadline";

/// Runs `f` on a thread of its own and returns its result, or panics with "`what` did not finish
/// within `limit`" when it takes longer.
///
/// The grader kills a test that runs past its own deadline anyway; this names the operation that
/// hung, which is what a learner needs to know. A panic inside `f` is passed on as it was.
pub fn within<T, F>(limit: Duration, what: &str, f: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (done, result) = mpsc::channel();
    let worker = thread::Builder::new()
        .name("checked-call".to_owned())
        .spawn(move || {
            let _ = done.send(f());
        })
        .expect("the test could not start a thread");
    let waiting = platform::mark_current_thread(WAITING_NAME_C);
    let outcome = result.recv_timeout(limit);
    drop(waiting);
    match outcome {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(payload) => std::panic::resume_unwind(payload),
            Ok(()) => unreachable!("the worker sends its result before it ends"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "{what} did not finish within {} s: it is probably waiting for something that never \
             happens (a lock never released, a wake-up never sent)",
            limit.as_secs_f64()
        ),
    }
}

/// Joins `handle` within `limit` and returns what its thread returned; panics with "`what` did
/// not finish within `limit`" (as [`within`] does) when the thread has not ended by then.
///
/// A panic of the thread is passed on as it was, so the test fails with the thread's own message
/// (an assertion the thread made, a `todo!()` it reached) rather than with "the thread panicked".
/// A test that expects the thread to panic, and wants its `thread::Result`, calls
/// `within(limit, what, move || handle.join())` instead.
pub fn join<T: Send + 'static>(handle: JoinHandle<T>, limit: Duration, what: &str) -> T {
    within(limit, what, move || handle.join())
        .unwrap_or_else(|payload| panic::resume_unwind(payload))
}

/// A value the test drops itself, within a deadline. If the test fails first, the value is
/// leaked instead of being dropped while the failure unwinds: a wrong `Drop` (one that joins a
/// thread that never ends, or waits for a wake-up never sent) could hang there and hide the
/// failure's message.
///
/// For the values of the learner's types that own a thread (a logger, a heartbeat, a background
/// job): make one with [`Kept::new`], use it through `Deref`, and end it with
/// `within(limit, what, move || drop(kept.take()))` (or a call that consumes it, such as
/// `kept.take().stop()`), so that a `Drop` that hangs is reported as the operation that hung.
pub struct Kept<T>(Option<T>);

impl<T> Kept<T> {
    /// Keeps `value` until [`Kept::take`]; leaks it if the `Kept` is dropped first.
    pub fn new(value: T) -> Self {
        Kept(Some(value))
    }

    /// Gives the value back, for the test to use up or drop (within a deadline).
    pub fn take(mut self) -> T {
        self.0.take().expect("a kept value is taken once")
    }
}

impl<T> Deref for Kept<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0
            .as_ref()
            .expect("a kept value is used before it is taken")
    }
}

impl<T> Drop for Kept<T> {
    fn drop(&mut self) {
        // Dropped before `take`: the test is unwinding from a failure (or forgot the value), and
        // the value's own `Drop` must not run, since it might hang and hide that failure.
        std::mem::forget(self.0.take());
    }
}

/// Returns `true` when `f` is still running after `wait`: for checking that an operation blocks
/// (a `pop` on an empty queue, an `acquire` with no permit left).
///
/// The thread running `f` is left behind; the test process ends soon after the test anyway.
pub fn still_blocked_after<F>(wait: Duration, f: F) -> bool
where
    F: FnOnce() + Send + 'static,
{
    let (done, finished) = mpsc::channel();
    thread::spawn(move || {
        f();
        let _ = done.send(());
    });
    matches!(
        finished.recv_timeout(wait),
        Err(mpsc::RecvTimeoutError::Timeout)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic::AssertUnwindSafe;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn the_waiting_name_is_one_the_system_keeps_whole() {
        assert_eq!(WAITING_NAME_C.to_str(), Ok(WAITING_NAME));
        // Linux keeps 15 bytes of a thread's name.
        assert!(WAITING_NAME.len() <= 15, "{WAITING_NAME}");
    }

    #[test]
    fn returns_the_value_of_a_quick_call() {
        assert_eq!(within(Duration::from_secs(60), "adding", || 2 + 2), 4);
    }

    #[test]
    fn a_call_that_hangs_is_named() {
        let hung = std::panic::catch_unwind(|| {
            within(Duration::from_millis(10), "waiting forever", || {
                thread::sleep(Duration::from_secs(3600))
            })
        });
        let message = *hung.unwrap_err().downcast::<String>().unwrap();
        assert!(
            message.starts_with("waiting forever did not finish"),
            "{message}"
        );
    }

    #[test]
    fn join_returns_what_the_thread_returned() {
        let handle = thread::spawn(|| 6 * 7);
        assert_eq!(join(handle, Duration::from_secs(60), "joining"), 42);
    }

    #[test]
    fn join_passes_on_the_threads_own_panic() {
        let handle = thread::spawn(|| -> u32 { panic!("the thread's own message") });
        let failed = std::panic::catch_unwind(AssertUnwindSafe(|| {
            join(handle, Duration::from_secs(60), "joining")
        }));
        let message = *failed.unwrap_err().downcast::<&str>().unwrap();
        assert_eq!(message, "the thread's own message");
    }

    #[test]
    fn join_names_a_thread_that_does_not_end() {
        let handle = thread::spawn(|| thread::sleep(Duration::from_secs(3600)));
        let hung = std::panic::catch_unwind(AssertUnwindSafe(|| {
            join(handle, Duration::from_millis(10), "joining a sleeper")
        }));
        let message = *hung.unwrap_err().downcast::<String>().unwrap();
        assert!(
            message.starts_with("joining a sleeper did not finish within 0.01 s"),
            "{message}"
        );
    }

    /// Sets its flag when dropped.
    struct Flags(Arc<AtomicBool>);

    impl Drop for Flags {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_kept_value_is_used_and_taken_back() {
        let dropped = Arc::new(AtomicBool::new(false));
        let kept = Kept::new(Flags(Arc::clone(&dropped)));
        assert!(!(*kept).0.load(Ordering::SeqCst), "Deref reaches the value");
        drop(kept.take());
        assert!(
            dropped.load(Ordering::SeqCst),
            "a taken value is dropped by its taker"
        );
    }

    #[test]
    fn a_kept_value_never_taken_is_leaked_not_dropped() {
        let dropped = Arc::new(AtomicBool::new(false));
        drop(Kept::new(Flags(Arc::clone(&dropped))));
        assert!(
            !dropped.load(Ordering::SeqCst),
            "an untaken value must not be dropped"
        );
    }

    #[test]
    fn a_blocked_call_is_seen_as_blocked() {
        assert!(still_blocked_after(Duration::from_millis(10), || {
            thread::sleep(Duration::from_secs(3600))
        }));
        assert!(!still_blocked_after(Duration::from_secs(60), || {}));
    }
}
