//! A `GilGuard` cannot be sent to another thread: holding the GIL is a fact about the thread that took it.
use exercise::Gil;

fn main() {
    let gil = Gil::new();
    std::thread::scope(|s| {
        let guard = gil.acquire();
        s.spawn(move || drop(guard)); //~ ERROR E0277 cannot be sent between threads safely
        drop(guard); //~ CONTROL
    });
}
