//! A `BoundedBuffer` of `Rc`s cannot be shared between threads: an `Rc` must stay on its thread.
use exercise::BoundedBuffer;
use std::rc::Rc;
use std::sync::Arc;

fn main() {
    let rcs: BoundedBuffer<Rc<u32>> = BoundedBuffer::new(4);
    let arcs: BoundedBuffer<Arc<u32>> = BoundedBuffer::new(4);
    std::thread::scope(|s| {
        s.spawn(|| rcs.close()); //~ ERROR E0277 cannot be sent between threads safely
        s.spawn(|| arcs.close()); //~ CONTROL
    });
}
