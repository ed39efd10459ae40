//! A `Shared<Rc<u32>>` cannot be sent to another thread: the `Rc` inside must stay on its thread.
use exercise::Shared;
use std::rc::Rc;
use std::sync::Arc;

fn main() {
    let rcs = Shared::new(Rc::new(1_u32)); //~ MISUSE
    let arcs = Shared::new(Arc::new(1_u32)); //~ CONTROL
    std::thread::spawn(move || rcs.with(|n| **n + 1)); //~ ERROR E0277 cannot be sent between threads safely
    std::thread::spawn(move || arcs.with(|n| **n + 1)); //~ CONTROL
}
