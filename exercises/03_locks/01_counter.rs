//! # Locks 1: a counter that many threads can share
//!
//! The tutorial's thread-safe counter runs `counter += 1` from ten threads under a
//! `threading.Lock`. Without the lock, two threads can both read 41, both write 42, and one
//! increment is lost. Rust will not even compile the unlocked version with a plain `u64`: a value
//! shared between threads must be `Sync`, and `&mut u64` cannot be handed to two threads at once.
//! So you choose what to share.
//!
//! Build `Counter`: `increment` adds one, `add(n)` adds `n`, `get` returns the total. Every
//! method takes `&self`, because the grader shares one `Counter` between many threads through an
//! `Arc`, so `Counter` must be `Send + Sync`. No update may ever be lost, however many threads call
//! it at once.
//!
//! Read the lesson first: `cargo doc -p locks --open`, or `crates/locks/src/lib.rs`.
//! Check your work: `cargo run -p grader -- check locks/counter`.

/// A counter that any number of threads can update at once.
pub struct Counter {
    // TODO: keep the count here, in a form that many threads can update safely through `&self`.
}

impl Counter {
    /// A counter at zero.
    pub fn new() -> Self {
        todo!()
    }

    /// Adds one.
    pub fn increment(&self) {
        todo!()
    }

    /// Adds `n`, in one step: no other thread may see or change the count half-way.
    pub fn add(&self, n: u64) {
        let _ = n;
        todo!()
    }

    /// The count so far.
    pub fn get(&self) -> u64 {
        todo!()
    }
}
