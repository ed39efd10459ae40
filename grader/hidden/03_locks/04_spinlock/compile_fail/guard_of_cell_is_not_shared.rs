//! A guard of a `Cell` cannot be shared between threads: a guard is `Sync` only when `T: Sync`.
//!
//! Threads that share one guard all reach the `T` through it at once, so two of them could call
//! `set` on the same `Cell`. The control shares a guard of a `u64` the same way, which is sound
//! and must compile.
use exercise::SpinLock;
use std::cell::Cell;

fn main() {
    let lock = SpinLock::new(Cell::new(0)); //~ MISUSE
    let lock = SpinLock::new(0u64); //~ CONTROL
    let guard = lock.lock();
    std::thread::scope(|s| {
        s.spawn(|| guard.set(1)); //~ ERROR E0277 cannot be shared between threads safely
        s.spawn(|| assert_eq!(*guard, 0)); //~ CONTROL
        s.spawn(|| assert_eq!(*guard, 0)); //~ CONTROL
    });
}
