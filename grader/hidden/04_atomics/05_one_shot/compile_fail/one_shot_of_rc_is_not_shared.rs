//! A `OneShot` of an `Rc` cannot be shared between threads: it is `Sync` only when its message may be sent to another thread (`T: Send`), and a `OneShot` of a `Cell` can.
use exercise::OneShot;

fn main() {
    let channel = OneShot::new();
    std::thread::scope(|s| {
        s.spawn(|| channel.send(std::rc::Rc::new(1))); //~ ERROR E0277 between threads safely
        s.spawn(|| channel.send(std::cell::Cell::new(1))); //~ CONTROL
    });
    assert!(channel.is_ready());
}
