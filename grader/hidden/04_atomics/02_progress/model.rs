//! Model tests of atomics/progress: a worker publishing while a watcher reads, explored with
//! every value the memory model lets each load return. On x86 a `Relaxed` publication works by
//! luck of the hardware; here it fails, on any machine.
//!
//! The worker and the watcher both run on threads of their own, which the main thread starts and
//! joins: loom 0.7 misses some values a `Relaxed` load may return when the thread that reads
//! them is the one that started the writing thread (tokio-rs/loom#166, #392).

use std::sync::Arc;

use exercise::Progress;
use sim::model::{self, Bounds};
use sim::thread;

fn a_watcher_reads_only_results_that_were_pushed() {
    model::check(Bounds::default(), || {
        let progress = Arc::new(Progress::new(2));
        let worker = {
            let progress = Arc::clone(&progress);
            thread::spawn(move || {
                progress.push(10);
                progress.push(20);
            })
        };
        let watcher = {
            let progress = Arc::clone(&progress);
            thread::spawn(move || progress.results())
        };
        worker.join().unwrap();
        let results = watcher.join().unwrap();
        assert!(
            [&[][..], &[10], &[10, 20]].contains(&results.as_slice()),
            "the worker pushed 10 and then 20 while another thread called results(), which \
             returned {results:?}; it may return [], [10] or [10, 20], nothing else. A 0 is a \
             slot read before the worker's store to it was visible: the worker must publish \
             with a `Release` store of `done` after writing the slot, and results() must load \
             `done` with `Acquire` before reading the slots"
        );
    });
}

harness::hidden_tests![a_watcher_reads_only_results_that_were_pushed];
