//! The Python tutorial's `stop_signal`, the Rust way: a worker loops until another thread sets an
//! `AtomicBool`. `Relaxed` is enough: the flag carries no data, and the worker's results come back
//! through `join`, which orders everything the worker did before what follows it.
//!
//! Run it with `cargo run -p atomics --example stop_flag`.

use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::thread;
use std::time::Duration;

fn main() {
    let stop = AtomicBool::new(false);
    let rounds = thread::scope(|s| {
        let worker = s.spawn(|| {
            let mut rounds = 0u64;
            // A plain `bool` here would not compile; an atomic is read again on every turn.
            while !stop.load(Relaxed) {
                rounds += 1;
                thread::sleep(Duration::from_millis(10));
            }
            rounds
        });
        thread::sleep(Duration::from_millis(200));
        println!("main: setting the stop flag");
        stop.store(true, Relaxed);
        worker.join().unwrap()
    });
    println!("worker: stopped after {rounds} rounds");
}
