//! A thread panics while holding a lock: the lock is poisoned, and the next `lock()` says so.

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // The worker's panic is the point of the example: print it as one plain line.
    std::panic::set_hook(Box::new(|info| eprintln!("(expected) {info}")));
    let balances = Arc::new(Mutex::new(vec![100, 0]));
    let worker = {
        let balances = Arc::clone(&balances);
        thread::spawn(move || {
            let mut balances = balances.lock().unwrap();
            balances[0] -= 60; // half of a transfer...
            panic!("the worker failed half-way through a transfer");
        })
    };
    let _ = worker.join();

    match balances.lock() {
        Ok(_) => println!("the lock is fine"),
        Err(poisoned) => {
            println!("the lock is poisoned: a thread panicked while holding it");
            let state = poisoned.into_inner();
            println!("what it left behind: {:?} (60 taken, never given)", *state);
            println!("std makes you decide: repair the data, or give up.");
        }
    }
    // parking_lot's Mutex has no poisoning: the lock is simply released when the panic unwinds.
}
