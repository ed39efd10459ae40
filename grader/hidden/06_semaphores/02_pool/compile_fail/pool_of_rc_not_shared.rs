//! A `Pool` of `Rc`s cannot be shared between threads: an `Rc` must stay on its thread.
use exercise::Pool;
use std::rc::Rc;
use std::sync::Arc;

fn main() {
    let rcs = Pool::new(vec![Rc::new(1u32)]);
    let arcs = Pool::new(vec![Arc::new(1u32)]);
    std::thread::scope(|s| {
        s.spawn(|| rcs.idle()); //~ ERROR E0277 cannot be sent between threads safely
        s.spawn(|| arcs.idle()); //~ CONTROL
    });
}
