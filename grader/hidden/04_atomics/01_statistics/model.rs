//! Model tests of atomics/statistics: two threads recording at once, in every interleaving the
//! model checker can find, so that an update made of two steps is caught on any machine, busy or
//! not.

use std::sync::Arc;

use exercise::Stats;
use sim::model::{self, Bounds};
use sim::thread;

fn two_recorders_at_once_lose_no_count() {
    model::check(Bounds::default(), || {
        let stats = Arc::new(Stats::new());
        let other = {
            let stats = Arc::clone(&stats);
            thread::spawn(move || stats.record(5))
        };
        stats.record(3);
        other.join().unwrap();
        let (requests, bytes) = (stats.requests(), stats.bytes());
        assert_eq!(
            requests, 2,
            "two threads each called record() once, at the same time, and requests() returned \
             {requests} once both were done; it should return 2. A count changed by a `load` and \
             then a `store` loses the update another thread makes in between, even with \
             `SeqCst`: use `fetch_add`"
        );
        assert_eq!(
            bytes, 8,
            "two threads called record(5) and record(3) at the same time, and bytes() returned \
             {bytes} once both were done; it should return 8 (use `fetch_add`)"
        );
    });
}

fn the_largest_response_survives_a_race() {
    model::check(Bounds::default(), || {
        let stats = Arc::new(Stats::new());
        let other = {
            let stats = Arc::clone(&stats);
            thread::spawn(move || stats.record(5))
        };
        stats.record(3);
        other.join().unwrap();
        let largest = stats.largest();
        assert_eq!(
            largest, 5,
            "two threads called record(5) and record(3) at the same time, and largest() returned \
             {largest} once both were done; it should return 5. \"If it is larger, store it\" is \
             a check and an act: the other thread can store 5 between them, and the store of 3 \
             then overwrites it. `fetch_max` checks and stores in one step"
        );
    });
}

harness::hidden_tests![
    two_recorders_at_once_lose_no_count,
    the_largest_response_survives_a_race,
];
