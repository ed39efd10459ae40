//! A `OneShot` can be a `static` (its `new` is a `const fn`) when its message may be sent between threads, and not when it is an `Rc`.
use exercise::OneShot;
use std::rc::Rc;

static CHANNEL: OneShot<Rc<u8>> = OneShot::new(); //~ ERROR E0277 between threads safely
static CHANNEL: OneShot<u8> = OneShot::new(); //~ CONTROL

fn main() {
    assert!(!CHANNEL.is_ready());
}
