//! The tutorial's thread-local counter: two threads each count to 10 in a thread-local. In Rust
//! the thread-local is a `Cell<u32>` (a `Copy` value needs nothing more), and the threads' counts
//! come back through `join` to be added up: the total is the one thing they share, and they
//! share it once, at the end.
//!
//! Run it with `cargo run -p tls --example local_counter`.

use std::cell::Cell;
use std::thread;

thread_local! {
    /// Each thread's count, starting at 0 in every thread.
    static VALUE: Cell<u32> = const { Cell::new(0) };
}

fn thread_function() -> u32 {
    let me = thread::current();
    let name = me.name().unwrap_or("unnamed");
    // The tutorial's `thread_local.value = 0`: here every thread already starts at 0, but a
    // thread that runs many jobs would need this reset (see `pool_leak`).
    VALUE.set(0);
    for _ in 0..10 {
        VALUE.set(VALUE.get() + 1);
        println!("{name}: thread local value: {}", VALUE.get());
    }
    VALUE.get()
}

fn main() {
    let threads: Vec<_> = ["thread-1", "thread-2"]
        .into_iter()
        .map(|name| {
            thread::Builder::new()
                .name(name.to_owned())
                .spawn(thread_function)
                .expect("could not start a thread")
        })
        .collect();
    let total: u32 = threads
        .into_iter()
        .map(|thread| thread.join().expect("a counting thread panicked"))
        .sum();
    println!("Each thread counted to 10 in its own VALUE; together: {total}");
    println!("The main thread's VALUE is still {}", VALUE.get());
}
