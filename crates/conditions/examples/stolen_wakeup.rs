//! A stolen wake-up, staged: two consumers wait on an empty buffer, one item arrives with
//! `notify_all`, both wake up, and the second finds nothing. A consumer waiting with the
//! tutorial's `if` would now pop from an empty buffer; waiting with `while` (here
//! `wait_while`), it just goes back to sleep.
//!
//! Run it with `cargo run -p conditions --example stolen_wakeup`.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;

struct State {
    items: VecDeque<&'static str>,
    /// How many consumers are asleep in `wait`, so that the producer can wait for both.
    waiting: usize,
    /// How many times a consumer woke up and found nothing to take.
    woken_for_nothing: usize,
    closed: bool,
}

fn main() {
    let state = Mutex::new(State {
        items: VecDeque::new(),
        waiting: 0,
        woken_for_nothing: 0,
        closed: false,
    });
    // Consumers sleep on `changed`; the producer sleeps on `consumer_waits`, so that a consumer
    // telling the producer "I am waiting" never wakes the other consumer.
    let changed = Condvar::new();
    let consumer_waits = Condvar::new();

    thread::scope(|s| {
        for name in ["consumer A", "consumer B"] {
            let (state, changed, consumer_waits) = (&state, &changed, &consumer_waits);
            s.spawn(move || {
                let mut guard = state.lock().unwrap();
                // The `while` loop written out, to count the wake-ups that found nothing.
                while guard.items.is_empty() && !guard.closed {
                    guard.waiting += 1;
                    consumer_waits.notify_one(); // tell the producer one more consumer waits
                    guard = changed.wait(guard).unwrap();
                    guard.waiting -= 1;
                    if guard.items.is_empty() && !guard.closed {
                        guard.woken_for_nothing += 1;
                        println!("{name}: woken up, but the item is gone; waiting again");
                    }
                }
                match guard.items.pop_front() {
                    Some(item) => println!("{name}: took {item:?}"),
                    None => println!("{name}: buffer closed, nothing left"),
                }
            });
        }

        // Wait until both consumers are asleep, then push ONE item and wake them BOTH.
        let guard = consumer_waits
            .wait_while(state.lock().unwrap(), |s| s.waiting < 2)
            .unwrap();
        drop(guard);
        println!("producer: both consumers wait; pushing one item and calling notify_all");
        state.lock().unwrap().items.push_back("the only item");
        changed.notify_all();

        // Wait until the item is taken and the other consumer has gone back to sleep.
        let guard = consumer_waits
            .wait_while(state.lock().unwrap(), |s| {
                !(s.items.is_empty() && s.woken_for_nothing >= 1 && s.waiting == 1)
            })
            .unwrap();
        drop(guard);
        println!("producer: closing the buffer");
        state.lock().unwrap().closed = true;
        changed.notify_all();
    });

    let woken_for_nothing = state.lock().unwrap().woken_for_nothing;
    println!(
        "{woken_for_nothing} wake-up(s) found nothing to take. With `if` instead of `while`, the \
         consumer would have popped from an empty buffer (in Python: IndexError)."
    );
}
