//! The tutorial's first thread-local example: each thread stores its name in a thread-local and
//! prints it. Python's `thread_local.name = name` becomes a `thread_local!` `RefCell<String>`
//! that each thread sets and reads through `LocalKey::with_borrow_mut` and `with_borrow`.
//!
//! Run it with `cargo run -p tls --example thread_names`.

use std::cell::RefCell;
use std::thread;

thread_local! {
    /// Each thread's name, empty until the thread sets it.
    static NAME: RefCell<String> = const { RefCell::new(String::new()) };
}

fn thread_function(name: &str) {
    // Set thread-local data: only this thread's NAME changes.
    NAME.with_borrow_mut(|mine| *mine = name.to_owned());
    NAME.with_borrow(|mine| println!("Thread {name}: {mine}"));
}

fn main() {
    // Create multiple threads, each with its own name, and wait for them.
    let thread1 = thread::spawn(|| thread_function("A"));
    let thread2 = thread::spawn(|| thread_function("B"));
    thread1.join().expect("thread A panicked");
    thread2.join().expect("thread B panicked");

    // The main thread has a NAME of its own, which nobody set.
    NAME.with_borrow(|mine| println!("Main thread: {mine:?} (its own, never set)"));
}
