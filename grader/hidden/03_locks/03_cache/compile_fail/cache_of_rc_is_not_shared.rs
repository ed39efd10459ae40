//! A cache of `Rc` values cannot be shared between threads (`Rc` counts owners without atomics).
use exercise::Cache;
use std::rc::Rc;

fn main() {
    let cache = Cache::new();
    cache.insert("k", Rc::new(1)); //~ MISUSE
    cache.insert("k", 1u8); //~ CONTROL
    std::thread::scope(|s| {
        s.spawn(|| cache.get("k").is_some()); //~ ERROR E0277 between threads safely
        s.spawn(|| cache.get("k").is_some()); //~ CONTROL
    });
}
