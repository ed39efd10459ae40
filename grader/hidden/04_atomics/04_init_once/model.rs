//! Model tests of atomics/init_once: two or three callers racing, in every interleaving the model
//! checker can find, with every value the memory model lets each load return. A fast path that
//! loads `done` with `Relaxed` works on x86 by luck of the hardware; here it is a data race.

use std::sync::Arc;

use exercise::InitOnce;
use sim::cell::UnsafeCell;
use sim::model::{self, Bounds};
use sim::sync::atomic::{AtomicUsize, Ordering};
use sim::thread;

/// What the set-up writes: a plain value, written by `f` and read by the callers after
/// `call_once` returned, with nothing but the `InitOnce` to order the two.
struct Config(UnsafeCell<u64>);

// SAFETY: the scenarios write the value only inside `f` and read it only after `call_once` or
// `is_completed` said `f` has finished; the model checker reports it if that is not enough.
unsafe impl Sync for Config {}

impl Config {
    fn write(&self) {
        // SAFETY: see the `Sync` impl.
        unsafe { *self.0.get() = 42 }
    }

    fn read(&self) -> u64 {
        // SAFETY: see the `Sync` impl.
        unsafe { *self.0.get() }
    }
}

fn f_runs_once_when_two_threads_race() {
    model::check(Bounds::default(), || {
        let once = Arc::new(InitOnce::new());
        let runs = Arc::new(AtomicUsize::new(0));
        let other = {
            let (once, runs) = (Arc::clone(&once), Arc::clone(&runs));
            thread::spawn(move || {
                once.call_once(|| {
                    runs.fetch_add(1, Ordering::Relaxed);
                })
            })
        };
        once.call_once(|| {
            runs.fetch_add(1, Ordering::Relaxed);
        });
        other.join().unwrap();
        let runs = runs.load(Ordering::Relaxed);
        assert_eq!(
            runs, 1,
            "two threads called call_once(f) at the same time, and f ran {runs} times; it \
             should run once"
        );
        assert!(once.is_completed(), "after both calls returned, is_completed() was false");
    });
}

fn a_caller_sees_what_f_wrote_when_call_once_returns() {
    model::check(Bounds::default(), || {
        let once = Arc::new(InitOnce::new());
        let config = Arc::new(Config(UnsafeCell::new(0)));
        let other = {
            let (once, config) = (Arc::clone(&once), Arc::clone(&config));
            thread::spawn(move || once.call_once(|| config.write()))
        };
        once.call_once(|| config.write());
        let seen = config.read();
        assert_eq!(
            seen, 42,
            "call_once(f) returned, and what f wrote was not there to read (read {seen})"
        );
        other.join().unwrap();
    });
}

fn is_completed_means_what_f_wrote_is_visible() {
    model::check(Bounds::default(), || {
        let once = Arc::new(InitOnce::new());
        let config = Arc::new(Config(UnsafeCell::new(0)));
        let other = {
            let (once, config) = (Arc::clone(&once), Arc::clone(&config));
            thread::spawn(move || once.call_once(|| config.write()))
        };
        if once.is_completed() {
            let seen = config.read();
            assert_eq!(
                seen, 42,
                "is_completed() returned true, and what f wrote was not there to read (read \
                 {seen})"
            );
        }
        other.join().unwrap();
    });
}

fn three_callers_all_return_and_f_runs_once() {
    model::check(Bounds::default(), || {
        let once = Arc::new(InitOnce::new());
        let runs = Arc::new(AtomicUsize::new(0));
        let callers: Vec<_> = (0..2)
            .map(|_| {
                let (once, runs) = (Arc::clone(&once), Arc::clone(&runs));
                thread::spawn(move || {
                    once.call_once(|| {
                        runs.fetch_add(1, Ordering::Relaxed);
                    })
                })
            })
            .collect();
        once.call_once(|| {
            runs.fetch_add(1, Ordering::Relaxed);
        });
        for caller in callers {
            caller.join().unwrap();
        }
        let runs = runs.load(Ordering::Relaxed);
        assert_eq!(
            runs, 1,
            "three threads called call_once(f) at the same time, and f ran {runs} times; it \
             should run once"
        );
    });
}

harness::hidden_tests![
    f_runs_once_when_two_threads_race,
    a_caller_sees_what_f_wrote_when_call_once_returns,
    is_completed_means_what_f_wrote_is_visible,
    three_callers_all_return_and_f_runs_once,
];
