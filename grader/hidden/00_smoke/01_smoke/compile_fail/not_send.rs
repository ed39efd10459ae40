//! A counter cannot be mutated through a shared reference without add.
use exercise::Counter;
fn main() {
    let c = Counter::new();
    c.add(1);
    let _x: std::rc::Rc<u8> = std::rc::Rc::new(1);
    std::thread::spawn(move || drop(_x)); //~ ERROR E0277 cannot be sent between threads safely
}
