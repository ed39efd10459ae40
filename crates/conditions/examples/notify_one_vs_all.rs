//! Closing a queue with `notify_one` versus `notify_all`. Three consumers wait on an empty
//! queue; it is closed. With `notify_one`, one consumer wakes and the other two sleep on (here
//! they give up after a timeout, so that the example ends); with `notify_all`, all three see the
//! close at once.
//!
//! Run it with `cargo run -p conditions --example notify_one_vs_all`.

use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Three consumers wait for `closed`; the queue is closed with `notify`. Returns how many were
/// woken by it (rather than by their own 500 ms timeout).
fn close_with(name: &str, notify: fn(&Condvar)) -> usize {
    let closed = Mutex::new(false);
    let changed = Condvar::new();
    let started = Instant::now();
    let woke = thread::scope(|s| {
        let consumers: Vec<_> = (1..=3)
            .map(|id| {
                let (closed, changed) = (&closed, &changed);
                s.spawn(move || {
                    let _ = changed
                        .wait_timeout_while(
                            closed.lock().unwrap(),
                            Duration::from_millis(500),
                            |closed| !*closed,
                        )
                        .unwrap();
                    let waited = started.elapsed();
                    // Everyone sees the close in the end: the timeout makes a forgotten waiter
                    // look again. The question is who was woken for it.
                    if waited < Duration::from_millis(400) {
                        println!("  {name}: consumer {id} was woken and saw the close");
                        true
                    } else {
                        println!(
                            "  {name}: consumer {id} was never woken; it saw the close only when \
                             its 500 ms timeout made it look again"
                        );
                        false
                    }
                })
            })
            .collect();
        thread::sleep(Duration::from_millis(50)); // let all three fall asleep
        *closed.lock().unwrap() = true;
        notify(&changed);
        consumers
            .into_iter()
            .map(|c| c.join().unwrap())
            .filter(|&woke| woke)
            .count()
    });
    println!("{name}: {woke} of 3 consumers were woken when the queue was closed\n");
    woke
}

fn main() {
    close_with("notify_one", |c| c.notify_one());
    close_with("notify_all", |c| c.notify_all());
    println!("A close (or any change that lets every waiter go) needs notify_all.");
}
