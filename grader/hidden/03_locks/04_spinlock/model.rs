//! Model tests of locks/spinlock: every interleaving of two threads taking the lock, explored by
//! the model checker, which also sees whether each holder's writes happen before the next
//! holder's reads (the `Acquire` and `Release` that a stress test on x86 cannot tell from
//! `Relaxed`).

use std::sync::Arc;

use exercise::SpinLock;
use sim::model::{self, Bounds};
use sim::thread;

fn each_holder_sees_the_last_holders_writes() {
    model::check(Bounds::default(), || {
        let lock = Arc::new(SpinLock::new(0u64));
        let other = {
            let lock = Arc::clone(&lock);
            thread::spawn(move || *lock.lock() += 1)
        };
        *lock.lock() += 1;
        other.join().unwrap();
        let total = *lock.lock();
        assert_eq!(
            total, 2,
            "two threads each added 1 under the lock, and the value was {total}: an update was \
             lost, so two threads held the lock at once"
        );
    });
}

fn a_successful_try_lock_sees_the_last_holders_writes() {
    model::check(Bounds::default(), || {
        let lock = Arc::new(SpinLock::new(0u64));
        let other = {
            let lock = Arc::clone(&lock);
            thread::spawn(move || {
                if let Some(mut guard) = lock.try_lock() {
                    *guard += 1;
                }
            })
        };
        *lock.lock() += 1;
        other.join().unwrap();
        let total = *lock.lock();
        assert!(
            total == 1 || total == 2,
            "one thread added 1 under lock(), another 1 if try_lock() succeeded, and the value \
             was {total}"
        );
    });
}

harness::hidden_tests![
    each_holder_sees_the_last_holders_writes,
    a_successful_try_lock_sees_the_last_holders_writes,
];
