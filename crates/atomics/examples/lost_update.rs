//! Four threads add one a million times each to two counters: one with a `load` and then a
//! `store` (two atomic steps, `SeqCst` both), one with `fetch_add` (one step, `Relaxed`). The
//! first loses updates whenever another thread's increment falls between its two steps; the
//! second never does.
//!
//! Run it with `cargo run -p atomics --example lost_update`. On a single core, or a machine busy
//! with other work, the threads mostly take turns and few updates are lost; on idle cores, many.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

const THREADS: u64 = 4;
const PER_THREAD: u64 = 1_000_000;

fn main() {
    let two_steps = AtomicU64::new(0);
    let one_step = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for _ in 0..PER_THREAD {
                    // Wrong: another thread can store between this load and this store.
                    let seen = two_steps.load(Ordering::SeqCst);
                    two_steps.store(seen + 1, Ordering::SeqCst);
                    // Right: read, add and write in one indivisible step.
                    one_step.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    let expected = THREADS * PER_THREAD;
    let (two, one) = (two_steps.into_inner(), one_step.into_inner());
    println!("expected:                  {expected}");
    println!(
        "load, then store (SeqCst): {two} ({} updates lost)",
        expected - two
    );
    println!(
        "fetch_add (Relaxed):       {one} ({} updates lost)",
        expected - one
    );
    assert_eq!(one, expected, "fetch_add never loses an update");
}
