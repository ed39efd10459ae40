//! The tutorial's `ThreadLocalData` program: two threads set the key `data` on one store, each
//! to its own value, and read back their own.
//!
//! The program has exactly one store, and for one store the Rust way is a `thread_local!` map:
//! a static, with a value per thread. (A store that can be created per object, like Python's
//! `threading.local()`, is the fourth exercise: `exercises/08_tls/04_thread_local_data.rs`.)
//!
//! Run it with `cargo run -p tls --example thread_local_data`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread;

thread_local! {
    /// This thread's data: the tutorial's `self.local`.
    static DATA: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn set_data(key: &str, value: &str) {
    DATA.with_borrow_mut(|data| data.insert(key.to_owned(), value.to_owned()));
}

fn get_data(key: &str) -> Option<String> {
    DATA.with_borrow(|data| data.get(key).cloned())
}

fn thread_function(key: &'static str, value: &'static str) {
    set_data(key, value);
    let me = thread::current();
    println!(
        "Thread {} set {key} to {:?}",
        me.name().unwrap_or("unnamed"),
        get_data(key)
    );
}

fn main() {
    let spawn = |name: &str, value: &'static str| {
        thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || thread_function("data", value))
            .expect("could not start a thread")
    };
    let thread1 = spawn("Thread-1", "value1");
    let thread2 = spawn("Thread-2", "value2");
    thread1.join().expect("Thread-1 panicked");
    thread2.join().expect("Thread-2 panicked");
    println!(
        "The main thread, which set nothing, gets {:?}",
        get_data("data")
    );
}
