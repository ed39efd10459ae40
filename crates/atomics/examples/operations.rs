//! A tour of the atomic operations, each printed with what it returned.
//!
//! Run it with `cargo run -p atomics --example operations`.

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering::Relaxed};

fn main() {
    let flag = AtomicBool::new(false);
    println!(
        "flag.swap(true) -> {} (I was first)",
        flag.swap(true, Relaxed)
    );
    println!(
        "flag.swap(true) -> {} (someone was first)",
        flag.swap(true, Relaxed)
    );

    let count = AtomicU64::new(10);
    println!(
        "count.fetch_add(5) -> {} (the value before)",
        count.fetch_add(5, Relaxed)
    );
    println!("count.fetch_sub(3) -> {}", count.fetch_sub(3, Relaxed));
    println!("count.fetch_max(20) -> {}", count.fetch_max(20, Relaxed));
    println!("count.fetch_min(4) -> {}", count.fetch_min(4, Relaxed));
    println!("count.load() -> {}", count.load(Relaxed));

    let bits = AtomicU32::new(0b0101);
    println!(
        "bits.fetch_or(0b0010) -> {:#06b}",
        bits.fetch_or(0b0010, Relaxed)
    );
    println!(
        "bits.fetch_and(0b0110) -> {:#06b}",
        bits.fetch_and(0b0110, Relaxed)
    );
    println!(
        "bits.fetch_xor(0b1111) -> {:#06b}",
        bits.fetch_xor(0b1111, Relaxed)
    );
    println!("bits.load() -> {:#06b}", bits.load(Relaxed));

    let state = AtomicU32::new(1);
    println!(
        "state.compare_exchange(1, 2) -> {:?} (it held 1: now 2)",
        state.compare_exchange(1, 2, Relaxed, Relaxed)
    );
    println!(
        "state.compare_exchange(1, 3) -> {:?} (it held 2: unchanged)",
        state.compare_exchange(1, 3, Relaxed, Relaxed)
    );

    let next = AtomicU64::new(7);
    let last = 8;
    for _ in 0..3 {
        let taken = next.try_update(Relaxed, Relaxed, |n| (n <= last).then_some(n + 1));
        println!("next.try_update(take an id up to {last}) -> {taken:?}");
    }
    println!(
        "next.update(|n| n * 10) -> {}",
        next.update(Relaxed, Relaxed, |n| n * 10)
    );
    println!("next.load() -> {}", next.load(Relaxed));
}
