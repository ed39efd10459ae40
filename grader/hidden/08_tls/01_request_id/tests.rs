//! Hidden tests for exercises/08_tls/01_request_id.rs: a thread-local current request id, set for
//! the length of a call, restored after nested calls and panics, and never seen by other threads.

use exercise::{current_request_id, with_request_id};
use harness::chaos::{self, Chaos};
use harness::sync::Rendezvous;
use harness::time::join;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

/// Runs `f`, which is expected to panic, without printing the panic.
fn expect_panic(f: impl FnOnce()) -> bool {
    panic::catch_unwind(AssertUnwindSafe(f)).is_err()
}

fn there_is_no_request_id_outside_with_request_id() {
    let got = current_request_id();
    assert_eq!(
        got, None,
        "current_request_id() returned {got:?} before any with_request_id(); it should return None"
    );
}

fn the_id_is_current_while_f_runs_and_gone_after() {
    let (seen, returned) = with_request_id(42, || (current_request_id(), "f's result"));
    assert_eq!(
        seen,
        Some(42),
        "inside with_request_id(42, f), current_request_id() returned {seen:?}; it should return \
         Some(42)"
    );
    assert_eq!(
        returned, "f's result",
        "with_request_id(42, f) returned {returned:?}; it should return what f returned"
    );
    let after = current_request_id();
    assert_eq!(
        after, None,
        "after with_request_id(42, f) returned, current_request_id() returned {after:?}; it \
         should return None again"
    );
}

fn every_u64_is_a_valid_id() {
    for id in [0, 1, u64::MAX] {
        let seen = with_request_id(id, current_request_id);
        assert_eq!(
            seen,
            Some(id),
            "inside with_request_id({id}, f), current_request_id() returned {seen:?}; it should \
             return Some({id}): every u64, 0 included, is a valid id"
        );
        let after = current_request_id();
        assert_eq!(
            after, None,
            "after with_request_id({id}, f) returned, current_request_id() returned {after:?}; it \
             should return None"
        );
    }
}

fn nested_calls_put_the_outer_id_back() {
    with_request_id(1, || {
        with_request_id(2, || {
            let inner = current_request_id();
            assert_eq!(
                inner,
                Some(2),
                "inside with_request_id(2, …) within with_request_id(1, …), \
                 current_request_id() returned {inner:?}; it should return the innermost id, \
                 Some(2)"
            );
            with_request_id(3, || ());
            let again = current_request_id();
            assert_eq!(
                again,
                Some(2),
                "inside with_request_id(2, …), after a with_request_id(3, …) nested in it \
                 returned, current_request_id() returned {again:?}; it should be Some(2) again"
            );
        });
        let outer = current_request_id();
        assert_eq!(
            outer,
            Some(1),
            "after with_request_id(2, …) returned inside with_request_id(1, …), \
             current_request_id() returned {outer:?}; it should be Some(1) again: put back what \
             was current before, not None"
        );
    });
    let after = current_request_id();
    assert_eq!(
        after, None,
        "after the outermost with_request_id(1, …) returned, current_request_id() returned \
         {after:?}; it should return None"
    );
}

fn a_panic_in_f_still_puts_the_previous_id_back() {
    let panicked = expect_panic(|| {
        with_request_id(7, || panic!("a request handler failed"));
    });
    assert!(
        panicked,
        "with_request_id(7, f) returned normally although f panicked; the panic should go on to \
         the caller"
    );
    let after = current_request_id();
    assert_eq!(
        after, None,
        "after with_request_id(7, f) ended because f panicked, current_request_id() returned \
         {after:?}; it should return None: the previous id must be put back also when f panics \
         (a guard's Drop runs while a panic unwinds)"
    );
    with_request_id(1, || {
        let panicked = expect_panic(|| {
            with_request_id(2, || panic!("a nested request handler failed"));
        });
        assert!(
            panicked,
            "with_request_id(2, f) returned normally although f panicked"
        );
        let outer = current_request_id();
        assert_eq!(
            outer,
            Some(1),
            "inside with_request_id(1, …), after a nested with_request_id(2, f) ended because f \
             panicked, current_request_id() returned {outer:?}; it should be Some(1) again"
        );
    });
}

fn each_thread_sees_only_its_own_request_id() {
    // Two threads are inside with_request_id at the same time with different ids; a third runs
    // outside any. None of them may see another's id. Each thread only records what it saw, so
    // that all three reach both meeting points whatever they saw. (A `Rendezvous` is used once:
    // after everyone has arrived, it lets every later caller through at once.)
    let inside = Arc::new(Rendezvous::new(3));
    let looked = Arc::new(Rendezvous::new(3));
    let handlers: Vec<_> = [10u64, 20]
        .into_iter()
        .map(|mine| {
            let (inside, looked) = (Arc::clone(&inside), Arc::clone(&looked));
            thread::spawn(move || {
                let seen = with_request_id(mine, || {
                    inside.meet(HANG, "threads inside with_request_id()");
                    let seen = current_request_id();
                    looked.meet(HANG, "threads that looked at their id");
                    seen
                });
                (mine, seen, current_request_id())
            })
        })
        .collect();
    let onlooker = {
        let (inside, looked) = (Arc::clone(&inside), Arc::clone(&looked));
        thread::spawn(move || {
            inside.meet(HANG, "threads inside with_request_id()");
            let seen = current_request_id();
            looked.meet(HANG, "threads that looked at their id");
            seen
        })
    };
    let handled: Vec<_> = handlers
        .into_iter()
        .map(|handler| join(handler, HANG, "a thread calling with_request_id()"))
        .collect();
    let onlooked = join(onlooker, HANG, "a thread calling current_request_id()");
    for &(mine, seen, _) in &handled {
        assert_eq!(
            seen,
            Some(mine),
            "two threads were inside with_request_id() at the same time, one with id 10 and one \
             with id 20, and current_request_id() returned {seen:?} in the one with id {mine}; \
             it should return Some({mine}): each thread has its own current id"
        );
    }
    assert_eq!(
        onlooked, None,
        "a thread that never called with_request_id() got {onlooked:?} from \
         current_request_id() while two other threads were inside with_request_id(); it should \
         get None"
    );
    for &(mine, _, after) in &handled {
        assert_eq!(
            after, None,
            "after its with_request_id({mine}, …) returned, a thread's current_request_id() \
             returned {after:?}; it should return None (another thread was inside \
             with_request_id() at the same time)"
        );
    }
}

fn a_thread_started_inside_f_does_not_inherit_the_id() {
    let seen = with_request_id(5, || {
        join(
            thread::spawn(current_request_id),
            HANG,
            "a thread started inside with_request_id()",
        )
    });
    assert_eq!(
        seen, None,
        "a thread started inside with_request_id(5, f) got {seen:?} from current_request_id(); \
         it should get None: a new thread starts with thread-locals of its own"
    );
}

fn many_threads_nesting_at_once_each_see_their_own_ids() {
    // Four threads nest calls with ids of their own, interrupted at random points.
    const THREADS: u64 = 4;
    // Few rounds: chaos slows every thread down, and a correct solution built on one global
    // lock makes them take turns, so many rounds could outlast the deadline on a busy machine.
    const ROUNDS: u64 = 300;
    let start = Arc::new(Rendezvous::new(THREADS as usize));
    let chaos = Chaos::start(Duration::from_micros(50));
    let threads: Vec<_> = (0..THREADS)
        .map(|me| {
            let start = Arc::clone(&start);
            thread::spawn(move || {
                chaos::join();
                start.meet(HANG, "threads calling with_request_id()");
                for round in 0..ROUNDS {
                    let (outer, inner) = (me * 1_000_000 + round, me * 1_000_000 + 500_000);
                    let seen = with_request_id(outer, || {
                        let nested = with_request_id(inner, current_request_id);
                        (nested, current_request_id())
                    });
                    if seen != (Some(inner), Some(outer)) {
                        return Err(format!(
                            "thread {me} called with_request_id({inner}, …) inside \
                             with_request_id({outer}, …), and current_request_id() returned \
                             {:?} inside the inner call and {:?} after it; it should return \
                             Some({inner}) and Some({outer}), while {THREADS} threads did the \
                             same at once",
                            seen.0, seen.1
                        ));
                    }
                }
                Ok(())
            })
        })
        .collect();
    let results: Vec<_> = threads
        .into_iter()
        .map(|thread| join(thread, HANG, "a thread calling with_request_id() 300 times"))
        .collect();
    drop(chaos);
    for result in results {
        if let Err(message) = result {
            panic!("{message}");
        }
    }
}

harness::hidden_tests![
    there_is_no_request_id_outside_with_request_id,
    the_id_is_current_while_f_runs_and_gone_after,
    every_u64_is_a_valid_id,
    nested_calls_put_the_outer_id_back,
    a_panic_in_f_still_puts_the_previous_id_back,
    each_thread_sees_only_its_own_request_id,
    a_thread_started_inside_f_does_not_inherit_the_id,
    many_threads_nesting_at_once_each_see_their_own_ids,
];
