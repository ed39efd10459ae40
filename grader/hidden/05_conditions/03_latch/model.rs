//! Model tests of conditions/latch: every interleaving of waiters and `count_down` calls,
//! explored by the model checker. A waiter that leaves at the first wake-up, a last
//! `count_down()` that slips between a waiter's check and its sleep (a lost wake-up), a
//! `notify_one` where every waiter must wake, and two `count_down()` calls at once that count as
//! one (a read and a write in two steps) or both go below 0 (a check, then a subtraction) are
//! each one interleaving among many: the checker finds them on any machine.

use std::sync::Arc;

use exercise::Latch;
use sim::model::{self, Bounds};
use sim::sync::atomic::{AtomicU64, Ordering};
use sim::thread;

fn wait_returns_only_after_the_last_count_down_and_sees_what_came_before() {
    model::check(Bounds::default(), || {
        let latch = Arc::new(Latch::new(2));
        // What the counting thread did before its count_down() calls.
        let done = Arc::new(AtomicU64::new(0));
        let waiter = {
            let (latch, done) = (Arc::clone(&latch), Arc::clone(&done));
            thread::spawn(move || {
                latch.wait();
                (latch.count(), done.load(Ordering::Relaxed))
            })
        };
        done.store(1, Ordering::Relaxed);
        latch.count_down();
        done.store(2, Ordering::Relaxed);
        latch.count_down();
        let (count, seen) = waiter.join().unwrap();
        assert_eq!(
            count, 0,
            "on a latch made with Latch::new(2), a thread's wait() returned while count() was \
             {count}; it should return only once the count is 0. A wake-up only means \"look \
             again\": re-check the count in a loop (`wait_while`), not with an `if`"
        );
        assert_eq!(
            seen, 2,
            "a thread wrote 2 to a variable and then made the last count_down(); another \
             thread's wait() returned, and it then read {seen} from that variable. Everything \
             done before count_down() must be seen after wait() returns: if the count is an \
             atomic, count_down() must change it with `Release` (or stronger, `AcqRel` for a \
             read-modify-write) and wait() load it with `Acquire`"
        );
    });
}

fn the_last_count_down_wakes_every_waiter() {
    model::check(Bounds::default(), || {
        let latch = Arc::new(Latch::new(1));
        let waiters = [(); 2].map(|()| {
            let latch = Arc::clone(&latch);
            thread::spawn(move || latch.wait())
        });
        latch.count_down();
        for waiter in waiters {
            waiter.join().unwrap();
        }
        let count = latch.count();
        assert_eq!(
            count, 0,
            "after the only count_down() of a Latch::new(1), count() returned {count}"
        );
    });
}

fn two_count_downs_at_once_both_count() {
    model::check(Bounds::default(), || {
        let latch = Arc::new(Latch::new(2));
        let other = {
            let latch = Arc::clone(&latch);
            thread::spawn(move || latch.count_down())
        };
        latch.count_down();
        other.join().unwrap();
        let count = latch.count();
        assert_eq!(
            count, 0,
            "two threads called count_down() at the same time on Latch::new(2), and count() \
             then returned {count}; it should return 0. A count_down() was lost: taking one off \
             the count must be one step that no other thread can come between (`fetch_sub` or \
             `fetch_update` on an atomic, or the whole change under the mutex)"
        );
    });
}

fn two_count_downs_at_once_on_the_last_count_stop_at_zero() {
    model::check(Bounds::default(), || {
        let latch = Arc::new(Latch::new(1));
        let other = {
            let latch = Arc::clone(&latch);
            thread::spawn(move || latch.count_down())
        };
        latch.count_down();
        other.join().unwrap();
        let count = latch.count();
        assert_eq!(
            count, 0,
            "two threads called count_down() at the same time on Latch::new(1), and count() \
             then returned {count}; it should return 0, and stay there. Both calls saw a count \
             above 0 and both subtracted: checking the count and taking one off must be one \
             step (`fetch_update` with `checked_sub` on an atomic, or both under the mutex)"
        );
    });
}

harness::hidden_tests![
    wait_returns_only_after_the_last_count_down_and_sees_what_came_before,
    the_last_count_down_wakes_every_waiter,
    two_count_downs_at_once_both_count,
    two_count_downs_at_once_on_the_last_count_stop_at_zero,
];
