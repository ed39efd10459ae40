//! A worker cannot return an `Rc`: its count is not thread-safe, so it cannot be sent from the worker's thread back to the caller.
use exercise::spawn_workers;
use std::rc::Rc;

fn main() {
    let counts = spawn_workers(2, |i| Rc::new(i)); //~ ERROR E0277 cannot be sent between threads safely
    let counts = spawn_workers(2, |i| Box::new(i)); //~ CONTROL
    drop(counts);
}
