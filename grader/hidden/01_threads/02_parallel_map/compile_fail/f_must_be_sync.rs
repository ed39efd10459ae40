//! `f` is called from several threads at once, so it may not update a `Cell`: a `Cell` cannot be shared between threads.
use exercise::parallel_map;
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

fn main() {
    let items = vec![1, 2, 3];
    let calls = Cell::new(0);
    let atomic_calls = AtomicUsize::new(0);
    let count_in_cell = |x: &i32| x * 2 + 0 * calls.replace(calls.get() + 1);
    let count_atomically = |x: &i32| x * 2 + 0 * atomic_calls.fetch_add(1, Ordering::Relaxed) as i32;
    let doubled = parallel_map(&items, 2, count_in_cell); //~ ERROR E0277 cannot be shared between threads safely
    let doubled = parallel_map(&items, 2, count_atomically); //~ CONTROL
    drop(doubled);
}
