use exercise::Counter;
use std::sync::Arc;
use std::thread;

fn starts_at_zero() {
    assert_eq!(Counter::new().get(), 0, "a new counter should be 0");
}

fn adds_from_threads() {
    let c = Arc::new(Counter::new());
    let hs: Vec<_> = (0..4).map(|_| { let c = c.clone(); thread::spawn(move || for _ in 0..100000 { c.add(1) }) }).collect();
    for h in hs { h.join().unwrap(); }
    assert_eq!(c.get(), 400000, "lost updates: got {}", c.get());
}

harness::hidden_tests![starts_at_zero, adds_from_threads];
