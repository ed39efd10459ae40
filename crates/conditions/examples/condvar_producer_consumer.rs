//! The tutorial's producer/consumer with a condition, done the Rust way: the buffer and the stop
//! signal behind one mutex, one condvar per kind of waiter, every wait a `while` loop
//! (`wait_while`), and `notify_all` for the stop. The tutorial's sleeps of 1 s and 2 s and its 10 s
//! run become 100 ms, 200 ms and 2 s.
//!
//! Run it with `cargo run -p conditions --example condvar_producer_consumer`.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

const BUFFER_SIZE: usize = 5;

/// Everything the threads wait on, behind one mutex: the tutorial's `buffer` and `stop_signal`.
struct State {
    buffer: VecDeque<u32>,
    stop: bool,
}

struct Shared {
    state: Mutex<State>,
    /// Consumers wait here for an item (or the stop).
    not_empty: Condvar,
    /// Producers wait here for room (or the stop).
    not_full: Condvar,
}

fn producer(shared: &Shared) {
    let mut next = 1;
    loop {
        let state = shared.state.lock().unwrap();
        // `while`, not the tutorial's `if`: after any wake-up, check again.
        let mut state = shared
            .not_full
            .wait_while(state, |s| s.buffer.len() >= BUFFER_SIZE && !s.stop)
            .unwrap();
        if state.stop {
            break;
        }
        state.buffer.push_back(next);
        println!("Produced {next} (buffer holds {})", state.buffer.len());
        next += 1;
        drop(state);
        shared.not_empty.notify_one();
        thread::sleep(Duration::from_millis(100));
    }
    println!("Producer exiting");
}

fn consumer(shared: &Shared) {
    loop {
        let state = shared.state.lock().unwrap();
        let mut state = shared
            .not_empty
            .wait_while(state, |s| s.buffer.is_empty() && !s.stop)
            .unwrap();
        // Drain what is left after the stop, like the tutorial's `while not stop_signal or
        // buffer`, but decided under the lock.
        let Some(item) = state.buffer.pop_front() else {
            break;
        };
        println!("Consumed {item}");
        drop(state);
        shared.not_full.notify_one();
        thread::sleep(Duration::from_millis(200));
    }
    println!("Consumer exiting");
}

fn main() {
    let shared = Shared {
        state: Mutex::new(State {
            buffer: VecDeque::new(),
            stop: false,
        }),
        not_empty: Condvar::new(),
        not_full: Condvar::new(),
    };
    thread::scope(|s| {
        s.spawn(|| producer(&shared));
        s.spawn(|| consumer(&shared));
        // Let them run for a while, then signal stop under the lock and wake everyone.
        thread::sleep(Duration::from_secs(2));
        shared.state.lock().unwrap().stop = true;
        shared.not_empty.notify_all();
        shared.not_full.notify_all();
        // The scope joins both threads here.
    });
    println!("Program finished");
}
