//! Waiting with a timeout: a worker waits at most 300 ms for a reply. The first time the reply
//! comes after 100 ms; the second time it comes after 600 ms, too late, and the worker gives up
//! and says so. `wait_timeout_while` keeps looping over spurious wake-ups and keeps track of the
//! time left.
//!
//! Run it with `cargo run -p conditions --example timeouts`.

use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

fn ask(reply_after: Duration) {
    let reply: Mutex<Option<String>> = Mutex::new(None);
    let replied = Condvar::new();
    thread::scope(|s| {
        s.spawn(|| {
            thread::sleep(reply_after);
            *reply.lock().unwrap() = Some(format!("the answer, after {reply_after:?}"));
            replied.notify_all();
        });
        let started = Instant::now();
        let (guard, _) = replied
            .wait_timeout_while(reply.lock().unwrap(), Duration::from_millis(300), |r| {
                r.is_none()
            })
            .unwrap();
        // Decide by the state, not by `timed_out()`: the reply could have come just in time.
        match guard.as_ref() {
            Some(answer) => println!("got {answer:?} after waiting {:?}", started.elapsed()),
            None => println!(
                "no reply after waiting {:?}; giving up (the reply still comes later)",
                started.elapsed()
            ),
        }
    });
}

fn main() {
    ask(Duration::from_millis(100));
    ask(Duration::from_millis(600));
}
