//! Hidden tests of locks/transfer: money moves, is never created or lost, and transfers in
//! both directions at once never deadlock.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use exercise::{Account, InsufficientFunds, transfer};
use harness::chaos::Chaos;
use harness::time::within;
use harness::types::assert_send_sync;

/// Long enough for a correct bank on a loaded machine many times over; a deadlock never ends.
const LIMIT: Duration = Duration::from_secs(10);

fn a_transfer_moves_money() {
    assert_send_sync::<Account>();
    let a = Account::new(100);
    let b = Account::new(50);
    let result = transfer(&a, &b, 30);
    assert_eq!(result, Ok(()), "transfer(a, b, 30) with 100 in a returned {result:?}");
    let (left, right) = (a.balance(), b.balance());
    assert_eq!(
        (left, right),
        (70, 80),
        "after moving 30 from an account holding 100 to one holding 50, they hold {left} and \
         {right}; they should hold 70 and 80"
    );
}

fn an_overdraft_is_refused_and_moves_nothing() {
    let a = Account::new(20);
    let b = Account::new(0);
    let result = transfer(&a, &b, 21);
    assert_eq!(
        result,
        Err(InsufficientFunds),
        "transfer(a, b, 21) with only 20 in a returned {result:?}; it should refuse with \
         Err(InsufficientFunds)"
    );
    let (left, right) = (a.balance(), b.balance());
    assert_eq!(
        (left, right),
        (20, 0),
        "a refused transfer changed the balances to {left} and {right}; it must move nothing"
    );
    assert_eq!(transfer(&a, &b, 20), Ok(()), "moving exactly the whole balance must work");
}

fn a_transfer_to_the_same_account_returns_and_moves_nothing() {
    let a = Arc::new(Account::new(40));
    let same = Arc::clone(&a);
    within(
        Duration::from_secs(5),
        "transfer(a, a, 10), from an account to itself,",
        move || {
            let _ = transfer(&same, &same, 10);
        },
    );
    let balance = a.balance();
    assert_eq!(
        balance, 40,
        "after a transfer from an account to itself, it holds {balance}; it should still hold 40"
    );
}

/// How long the threads keep transferring: long enough that, with forced preemption, threads
/// going opposite ways stop between their two locks many times over. Not a speed claim: a slow
/// machine simply makes fewer transfers in that time.
const BUSY_FOR: Duration = Duration::from_millis(400);

fn transfers_both_ways_at_once_do_not_deadlock() {
    let a = Arc::new(Account::new(1_000_000));
    let b = Arc::new(Account::new(1_000_000));
    // Stop threads at random points, such as between taking one account's lock and the other's.
    let _chaos = Chaos::start(Duration::from_micros(50));
    let (a2, b2) = (Arc::clone(&a), Arc::clone(&b));
    within(
        LIMIT,
        "transfers from a to b and from b to a, on 4 threads at once,",
        move || {
            let start = Arc::new(Barrier::new(4));
            let handles: Vec<_> = (0..4)
                .map(|i| {
                    let (from, to) = if i % 2 == 0 {
                        (Arc::clone(&a2), Arc::clone(&b2))
                    } else {
                        (Arc::clone(&b2), Arc::clone(&a2))
                    };
                    let start = Arc::clone(&start);
                    thread::Builder::new()
                        .name(if i % 2 == 0 { "a-to-b" } else { "b-to-a" }.to_owned())
                        .spawn(move || {
                            harness::chaos::join();
                            start.wait();
                            let began = Instant::now();
                            while began.elapsed() < BUSY_FOR {
                                for _ in 0..100 {
                                    let _ = transfer(&from, &to, 1);
                                }
                            }
                        })
                        .expect("a thread")
                })
                .collect();
            for handle in handles {
                if let Err(panic) = handle.join() {
                    std::panic::resume_unwind(panic);
                }
            }
        },
    );
    let total = a.balance() + b.balance();
    assert_eq!(
        total, 2_000_000,
        "after transfers back and forth, the two accounts hold {total} together; they held \
         2000000 and transfers must neither create nor lose money"
    );
}

fn concurrent_transfers_never_overdraw() {
    // Round after round, 8 threads released together each try to move 1 out of an account
    // holding 4: exactly 4 may succeed. A check and a debit under different locks let several
    // threads see the same money before any of them takes it.
    const THREADS: usize = 8;
    const HOLDING: u64 = 4;
    const MOST_ROUNDS: usize = 20_000;
    let rounds: Arc<Vec<(Account, Account, AtomicU64)>> = Arc::new(
        (0..MOST_ROUNDS)
            .map(|_| (Account::new(HOLDING), Account::new(0), AtomicU64::new(0)))
            .collect(),
    );
    let played = Arc::new(AtomicU64::new(0));
    let _chaos = Chaos::start(Duration::from_micros(50));
    let (rounds2, played2) = (Arc::clone(&rounds), Arc::clone(&played));
    within(LIMIT, "8 threads transferring out of one account at once", move || {
        let barrier = Arc::new(Barrier::new(THREADS));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let began = Instant::now();
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                let (rounds, played) = (Arc::clone(&rounds2), Arc::clone(&played2));
                let (barrier, stop) = (Arc::clone(&barrier), Arc::clone(&stop));
                thread::spawn(move || {
                    harness::chaos::join();
                    for (index, (from, to, moved)) in rounds.iter().enumerate() {
                        if barrier.wait().is_leader() {
                            let enough = index >= 50 && began.elapsed() >= BUSY_FOR;
                            if enough {
                                stop.store(true, Ordering::SeqCst);
                            } else {
                                played.store(index as u64 + 1, Ordering::SeqCst);
                            }
                        }
                        barrier.wait();
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        if transfer(from, to, 1).is_ok() {
                            moved.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                })
            })
            .collect();
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    let played = played.load(Ordering::SeqCst) as usize;
    for (round, (from, to, moved)) in rounds.iter().take(played).enumerate() {
        let (left, right, moved) = (from.balance(), to.balance(), moved.load(Ordering::Relaxed));
        assert!(
            left == 0 && right == HOLDING && moved == HOLDING,
            "round {round}: 8 threads at once each tried to move 1 out of an account holding \
             {HOLDING}; {moved} transfers succeeded and the accounts then held {left} and \
             {right}. Exactly {HOLDING} should succeed, leaving 0 and {HOLDING}: check the \
             balance and change it under the same lock, or two transfers can spend the same \
             money"
        );
    }
}

harness::hidden_tests![
    a_transfer_moves_money,
    an_overdraft_is_refused_and_moves_nothing,
    a_transfer_to_the_same_account_returns_and_moves_nothing,
    transfers_both_ways_at_once_do_not_deadlock,
    concurrent_transfers_never_overdraw,
];
