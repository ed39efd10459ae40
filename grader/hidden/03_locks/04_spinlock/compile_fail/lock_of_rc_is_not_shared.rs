//! A `SpinLock` of an `Rc` cannot be shared between threads: it is `Sync` only when `T: Send`.
use exercise::SpinLock;
use std::rc::Rc;

fn main() {
    let lock = SpinLock::new(Rc::new(1)); //~ MISUSE
    let lock = SpinLock::new(1); //~ CONTROL
    std::thread::scope(|s| {
        s.spawn(|| drop(lock.lock())); //~ ERROR E0277 between threads safely
        s.spawn(|| drop(lock.lock())); //~ CONTROL
    });
}
