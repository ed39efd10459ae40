//! Model tests of gil/gil: every interleaving of two threads taking the GIL, explored by the
//! model checker. Two threads that both see the GIL free (a check, then a take in a second
//! step), a holder whose writes the next holder does not see (an atomic flag released with
//! `Relaxed`), a release that wakes nobody, and an `allow_threads` that does not let go of the
//! GIL, or does not wait to take it back, are each one interleaving among many: the checker
//! finds them on any machine.

use std::sync::Arc;

use exercise::Gil;
use sim::model::{self, Bounds};
use sim::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use sim::thread;

/// What threads running "Python code" share: how many run it right now, and a variable each
/// run adds 1 to (a read, then a write: safe only for one thread at a time, and only if each
/// sees the last one's write).
#[derive(Default)]
struct Interpreter {
    running: AtomicUsize,
    variable: AtomicU64,
}

impl Interpreter {
    /// Runs "Python code", which needs the GIL. `Relaxed` throughout, so that nothing here
    /// orders one thread's run after another's: only the GIL may.
    fn run(&self, when: &str) {
        let others = self.running.fetch_add(1, Ordering::Relaxed);
        assert_eq!(
            others, 0,
            "a thread ran Python code {when} while another thread was running it too: two \
             threads held the GIL at once. Checking that the GIL is free and marking it held \
             must be one step under one lock"
        );
        let value = self.variable.load(Ordering::Relaxed);
        self.variable.store(value + 1, Ordering::Relaxed);
        self.running.fetch_sub(1, Ordering::Relaxed);
    }

    /// How many runs added to the variable, as seen once every thread has ended.
    fn check_total(&self, runs: u64) {
        let total = self.variable.load(Ordering::Relaxed);
        assert_eq!(
            total, runs,
            "{runs} runs of Python code, each holding the GIL, each added 1 to a variable, \
             and it ended at {total}: an addition was lost. Either two threads held the GIL at \
             once (acquire() must wait while it is held, and check that it is free and mark it \
             held in one step), or a thread that took the GIL did not see what the last holder \
             wrote (if the GIL's flag is an atomic, releasing it must store with `Release` or \
             stronger, and taking it load with `Acquire`)"
        );
    }
}

fn one_thread_at_a_time_holds_the_gil() {
    model::check(Bounds::default(), || {
        let gil = Arc::new(Gil::new());
        let python = Arc::new(Interpreter::default());
        let other = {
            let (gil, python) = (Arc::clone(&gil), Arc::clone(&python));
            thread::spawn(move || {
                let _gil = gil.acquire();
                python.run("after acquire()");
            })
        };
        {
            let _gil = gil.acquire();
            python.run("after acquire()");
        }
        other.join().unwrap();
        python.check_total(2);
    });
}

fn allow_threads_lets_another_thread_in_and_takes_the_gil_back() {
    model::check(Bounds::default(), || {
        let gil = Arc::new(Gil::new());
        let python = Arc::new(Interpreter::default());
        let other = {
            let (gil, python) = (Arc::clone(&gil), Arc::clone(&python));
            thread::spawn(move || {
                let _gil = gil.acquire();
                python.run("after acquire()");
            })
        };
        let mut guard = gil.acquire();
        python.run("after acquire()");
        // "Blocking I/O" that only ends once the other thread has run its Python code, which
        // needs the GIL: only a GIL released for the I/O lets it.
        guard.allow_threads(|| other.join().unwrap());
        python.run("after allow_threads() returned");
        drop(guard);
        python.check_total(3);
    });
}

fn allow_threads_waits_for_the_gil_to_be_free_again() {
    model::check(Bounds::default(), || {
        let gil = Arc::new(Gil::new());
        let python = Arc::new(Interpreter::default());
        let other = {
            let (gil, python) = (Arc::clone(&gil), Arc::clone(&python));
            thread::spawn(move || {
                let _gil = gil.acquire();
                python.run("after acquire()");
            })
        };
        let mut guard = gil.acquire();
        guard.allow_threads(|| ());
        python.run("after allow_threads() returned");
        drop(guard);
        other.join().unwrap();
        python.check_total(2);
    });
}

harness::hidden_tests![
    one_thread_at_a_time_holds_the_gil,
    allow_threads_lets_another_thread_in_and_takes_the_gil_back,
    allow_threads_waits_for_the_gil_to_be_free_again,
];
