//! The tutorial's `with lock:` critical section, the Rust way: the guard is the critical section.

use std::sync::Mutex;
use std::thread;
use std::time::Duration;

fn main() {
    // The lock protects nothing but the right to print; the data it guards is `()`.
    let lock = Mutex::new(());
    thread::scope(|s| {
        for id in 0..4 {
            let lock = &lock;
            s.spawn(move || {
                let _guard = lock.lock().unwrap();
                // Only one thread can be here at a time: the two lines of each thread stay
                // together.
                println!("thread {id}: is working");
                thread::sleep(Duration::from_millis(50));
                println!("thread {id}: done");
            }); // `_guard` was dropped when the closure ended: the lock is free again.
        }
    });
}
