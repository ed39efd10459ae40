//! Model tests of threads/active_count: every interleaving of tracked threads that end while
//! another is being started, explored by the model checker. A count changed with a separate read
//! and write (an atomic `load` then `store`) loses one of two changes made at once, on any
//! machine, however rarely a stress test would see it.

use std::sync::Arc;

use exercise::ThreadTracker;
use sim::model::{self, Bounds};

fn threads_ending_while_another_starts_leave_the_count_right() {
    model::check(Bounds::default(), || {
        let tracker = Arc::new(ThreadTracker::new());
        // The first thread can end (counting down) while the second is being counted up, and
        // both can end at once.
        let first = tracker.spawn(|| ());
        let second = tracker.spawn(|| ());
        first.join().unwrap();
        second.join().unwrap();
        let count = tracker.active_count();
        assert_eq!(
            count, 0,
            "two tracked threads were started and have both ended, and active_count() returned \
             {count}; it should return 0. A count was lost: a thread counted down while another \
             was counted up (or two counted down at once), and one change overwrote the other. \
             Each change of the count must be one step that no other thread can come between \
             (`fetch_add`/`fetch_sub`, or a `Mutex` held for the read and the write)"
        );
    });
}

harness::hidden_tests![threads_ending_while_another_starts_leave_the_count_right];
