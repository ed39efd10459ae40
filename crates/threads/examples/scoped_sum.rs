//! Scoped threads that borrow: a vector's sum split into chunks, one scoped thread per chunk,
//! each borrowing its chunk: no `Arc`, no clone of the data. `thread::scope` joins them all
//! before it returns.
//!
//! Run it with `cargo run -p threads --example scoped_sum`.

use std::thread;

fn main() {
    let readings: Vec<u64> = (1..=100_000).collect();
    let threads = 4;
    let chunk_len = readings.len().div_ceil(threads);

    let sums: Vec<u64> = thread::scope(|s| {
        let handles: Vec<_> = readings
            .chunks(chunk_len)
            .enumerate()
            .map(|(i, chunk)| {
                s.spawn(move || {
                    let sum: u64 = chunk.iter().sum();
                    println!("chunk {i}: {} readings, sum {sum}", chunk.len());
                    sum
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    let total: u64 = sums.iter().sum();
    println!(
        "total {total}; the vector is still ours: {} readings",
        readings.len()
    );
    assert_eq!(total, readings.iter().sum::<u64>());
}
