//! An id counter near the top of `u32`: `fetch_add` wraps round to 0 and hands out ids again;
//! `try_update` refuses to move the counter past its end, however often it is asked.
//!
//! Run it with `cargo run -p atomics --example id_overflow`.

use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

fn main() {
    let next = AtomicU32::new(u32::MAX - 1);
    let handed_out: Vec<u32> = (0..4).map(|_| next.fetch_add(1, Relaxed)).collect();
    println!("fetch_add from u32::MAX - 1, four times: {handed_out:?}");
    println!("  ids 0 and 1 come round again: the counter wrapped");
    assert_eq!(handed_out[2..], [0, 1]);

    // `checked_add` says `None` at `u32::MAX`, so here `u32::MAX` marks "no ids left" and is
    // never handed out itself; a `u64` counter can hand out every `u32`
    // (exercise `atomics/id_allocator`).
    let next = AtomicU32::new(u32::MAX - 1);
    let handed_out: Vec<Option<u32>> = (0..4)
        .map(|_| next.try_update(Relaxed, Relaxed, |n| n.checked_add(1)).ok())
        .collect();
    println!("try_update(checked_add) from u32::MAX - 1, four times: {handed_out:?}");
    println!(
        "  the counter stopped at {} and stays there",
        next.load(Relaxed)
    );
    assert_eq!(handed_out, [Some(u32::MAX - 1), None, None, None]);
}
