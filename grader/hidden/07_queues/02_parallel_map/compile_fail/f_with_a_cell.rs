//! `f` cannot keep a count in a `Cell`, since every worker calls it at once (an atomic works).
use exercise::parallel_map;
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

fn main() {
    let calls = Cell::new(0); //~ MISUSE
    let calls = AtomicUsize::new(0); //~ CONTROL
    let square = |n: i32| {
        calls.set(calls.get() + 1); //~ MISUSE
        calls.fetch_add(1, Ordering::Relaxed); //~ CONTROL
        n * n
    };
    let squares = parallel_map(vec![1, 2, 3], 2, square); //~ ERROR E0277 cannot be shared between threads safely
    let squares = parallel_map(vec![1, 2, 3], 2, square); //~ CONTROL
    println!("{squares:?}");
}
