//! Two balances, money moved between them, and a reader adding them up. With two atomics, each
//! move is two steps, and the reader sometimes sees the money gone from one account and not yet
//! in the other. Under one `Mutex`, a move is one step to everybody else, and the total is always
//! right.
//!
//! Run it with `cargo run -p atomics --example mutex_snapshot`. On one core the atomics' reader
//! sees a wrong total only when the mover is interrupted between its two steps, so less often.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering::SeqCst};
use std::thread;
use std::time::Duration;

const TOTAL: i64 = 200;
const TIME: Duration = Duration::from_millis(500);

fn main() {
    // Two atomics: even SeqCst cannot make two operations one.
    let (a, b) = (AtomicI64::new(100), AtomicI64::new(100));
    let stop = AtomicBool::new(false);
    let (looks, wrong) = thread::scope(|s| {
        s.spawn(|| {
            while !stop.load(SeqCst) {
                a.fetch_sub(1, SeqCst);
                b.fetch_add(1, SeqCst);
                b.fetch_sub(1, SeqCst);
                a.fetch_add(1, SeqCst);
            }
        });
        let reader = s.spawn(|| {
            let (mut looks, mut wrong) = (0u64, 0u64);
            while !stop.load(SeqCst) {
                looks += 1;
                if a.load(SeqCst) + b.load(SeqCst) != TOTAL {
                    wrong += 1;
                }
            }
            (looks, wrong)
        });
        thread::sleep(TIME);
        stop.store(true, SeqCst);
        reader.join().unwrap()
    });
    println!("two atomics: the total was wrong in {wrong} of {looks} looks");

    let accounts = Mutex::new((100i64, 100i64));
    let stop = AtomicBool::new(false);
    let (looks, wrong) = thread::scope(|s| {
        s.spawn(|| {
            while !stop.load(SeqCst) {
                // Each move is one step to the other threads: both changes under one guard.
                let mut balances = accounts.lock().unwrap();
                balances.0 -= 1;
                balances.1 += 1;
                drop(balances);
                let mut balances = accounts.lock().unwrap();
                balances.1 -= 1;
                balances.0 += 1;
            }
        });
        let reader = s.spawn(|| {
            let (mut looks, mut wrong) = (0u64, 0u64);
            while !stop.load(SeqCst) {
                looks += 1;
                let balances = accounts.lock().unwrap();
                if balances.0 + balances.1 != TOTAL {
                    wrong += 1;
                }
            }
            (looks, wrong)
        });
        thread::sleep(TIME);
        stop.store(true, SeqCst);
        reader.join().unwrap()
    });
    println!("one Mutex:   the total was wrong in {wrong} of {looks} looks");
    assert_eq!(wrong, 0, "under one lock, a move is one step");
}
