//! Deadlines inside a test, so that a hang is reported as the operation that hung.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

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
    match result.recv_timeout(limit) {
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
    fn a_blocked_call_is_seen_as_blocked() {
        assert!(still_blocked_after(Duration::from_millis(10), || {
            thread::sleep(Duration::from_secs(3600))
        }));
        assert!(!still_blocked_after(Duration::from_secs(60), || {}));
    }
}
