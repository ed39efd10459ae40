//! std's Mutex and parking_lot's side by side: same idea, different edges.

use std::time::Duration;

fn main() {
    let std_lock = std::sync::Mutex::new(1);
    // std: lock() returns a Result, because the lock may be poisoned.
    *std_lock.lock().unwrap() += 1;
    println!("std::sync::Mutex: {}", std_lock.lock().unwrap());

    let pl_lock = parking_lot::Mutex::new(1);
    // parking_lot: lock() returns the guard itself; there is no poisoning.
    *pl_lock.lock() += 1;
    println!("parking_lot::Mutex: {}", pl_lock.lock());

    // parking_lot can give up after a while, which std's Mutex cannot.
    let held = pl_lock.lock();
    match pl_lock.try_lock_for(Duration::from_millis(100)) {
        Some(_) => println!("got the lock (unexpected: it is held)"),
        None => println!("try_lock_for gave up after 100 ms: the lock was held"),
    }
    drop(held);
}
