//! A background job's result comes back from another thread, so it cannot be an `Rc`.
use exercise::Background;
use std::rc::Rc;
use std::sync::Arc;

fn main() {
    let job = Background::spawn(|_| Rc::new(42)); //~ ERROR E0277 cannot be sent between threads safely
    let job = Background::spawn(|_| Arc::new(42)); //~ CONTROL
    let _ = job.join();
}
