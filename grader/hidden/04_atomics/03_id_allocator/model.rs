//! Model tests of atomics/id_allocator: two threads asking at once, in every interleaving, so
//! that an allocation made of two steps is caught on any machine.

use std::sync::Arc;

use exercise::IdAllocator;
use sim::model::{self, Bounds};
use sim::thread;

/// Two threads call `allocate()` once each on `IdAllocator::new(first, last)`; returns what
/// each got.
fn race(first: u32, last: u32) -> (Option<u32>, Option<u32>) {
    let ids = Arc::new(IdAllocator::new(first, last));
    let other = {
        let ids = Arc::clone(&ids);
        thread::spawn(move || ids.allocate())
    };
    let mine = ids.allocate();
    (mine, other.join().unwrap())
}

fn two_threads_never_get_the_same_id() {
    model::check(Bounds::default(), || {
        let (a, b) = race(0, 9);
        assert!(
            a.is_some() && b.is_some() && a != b,
            "two threads called allocate() at once on an IdAllocator::new(0, 9) and got {a:?} \
             and {b:?}; they should get two different ids. Reading the counter and moving it on \
             must be one atomic step (compare_exchange, try_update), not a load and then a store"
        );
    });
}

fn the_last_id_goes_to_one_thread_only() {
    model::check(Bounds::default(), || {
        let (a, b) = race(5, 5);
        let mut got = [a, b];
        got.sort();
        assert_eq!(
            got,
            [None, Some(5)],
            "two threads called allocate() at once on an IdAllocator::new(5, 5), which has one \
             id, and got {a:?} and {b:?}; one should get Some(5) and the other None. Checking \
             that an id is left and taking it are one decision: make it one atomic step"
        );
    });
}

harness::hidden_tests![
    two_threads_never_get_the_same_id,
    the_last_id_goes_to_one_thread_only,
];
