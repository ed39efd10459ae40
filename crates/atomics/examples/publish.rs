//! Publishing through a pointer: a worker builds a `Vec`, puts it in a `Box`, and stores the
//! pointer with `Release`; the main thread loads it with `Acquire`, and so sees the whole `Vec`
//! the worker built. No lock, and no data race: the `Release` store happens before the `Acquire`
//! load that reads it, and so does everything the worker did before.
//!
//! Run it with `cargo run -p atomics --example publish`.

use std::ptr;
use std::sync::atomic::{
    AtomicPtr,
    Ordering::{Acquire, Release},
};
use std::thread;

fn main() {
    let table: AtomicPtr<Vec<u64>> = AtomicPtr::new(ptr::null_mut());
    thread::scope(|s| {
        s.spawn(|| {
            let squares: Vec<u64> = (0..1000).map(|n| n * n).collect();
            // Publish: everything above is visible to whoever loads this pointer with Acquire.
            table.store(Box::into_raw(Box::new(squares)), Release);
        });
        let mut waited = 0u64;
        let squares = loop {
            let pointer = table.load(Acquire);
            if !pointer.is_null() {
                // SAFETY: the pointer came from `Box::into_raw` and is never freed while the
                // scope runs; the Acquire load makes the worker's writes to the Vec visible.
                break unsafe { &*pointer };
            }
            waited += 1;
            std::hint::spin_loop();
        };
        println!(
            "main: got a table of {} squares after {waited} looks; 999² = {}",
            squares.len(),
            squares[999]
        );
        assert_eq!(squares[999], 998_001);
    });
    // SAFETY: both threads are done; the pointer is the Box's, and is freed once.
    drop(unsafe { Box::from_raw(table.into_inner()) });
}
