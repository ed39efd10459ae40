//! The tutorial's thread-safe counter: ten threads, a thousand increments each, one lock.

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // The counter lives inside the lock: there is no way to touch it without locking.
    let counter = Arc::new(Mutex::new(0u64));
    let threads: Vec<_> = (0..10)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                for _ in 0..1000 {
                    // Only one thread can execute this statement at a time.
                    *counter.lock().unwrap() += 1;
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    println!("Final counter value: {}", *counter.lock().unwrap());
}
