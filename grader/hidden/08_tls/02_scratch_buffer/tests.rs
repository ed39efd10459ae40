//! Hidden tests for exercises/08_tls/02_scratch_buffer.rs: a per-thread scratch buffer that is
//! handed out empty, keeps its capacity from call to call, works when calls nest, survives a
//! panic, and is never shared between threads.

use exercise::with_scratch;
use harness::sync::Rendezvous;
use harness::time::{join, within};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

/// How long threads that should all be inside `with_scratch` at once get to arrive: shorter than
/// [`HANG`], so that a thread kept waiting is reported as such.
const MEET: Duration = Duration::from_secs(2);

/// A capacity no buffer has by chance.
const BIG: usize = 65_536;

/// Runs `f`, which is expected to panic, and says whether it did.
fn panics(f: impl FnOnce()) -> bool {
    panic::catch_unwind(AssertUnwindSafe(f)).is_err()
}

fn f_gets_an_empty_buffer_and_its_result_is_returned() {
    within(HANG, "with_scratch()", || {
        let (was_empty, returned) = with_scratch(|buffer| {
            let was_empty = buffer.is_empty();
            buffer.extend_from_slice(b"hello");
            (was_empty, buffer.len())
        });
        assert!(
            was_empty,
            "the first with_scratch() on a thread handed f a buffer that was not empty"
        );
        assert_eq!(
            returned, 5,
            "with_scratch(f) returned {returned}; it should return what f returned (5)"
        );
        let left = with_scratch(|buffer| buffer.clone());
        assert!(
            left.is_empty(),
            "after one call wrote \"hello\" into the buffer, the next with_scratch() handed f a \
             buffer holding {:?}; it should hand out the buffer emptied",
            String::from_utf8_lossy(&left)
        );
    });
}

fn the_buffer_is_reused_with_its_capacity() {
    within(HANG, "with_scratch()", || {
        with_scratch(|buffer| buffer.reserve(BIG));
        let capacity = with_scratch(|buffer| buffer.capacity());
        assert!(
            capacity >= BIG,
            "one with_scratch() call reserved {BIG} bytes in the buffer, and the next call on the \
             same thread got a buffer with a capacity of {capacity}; the buffer should be reused, \
             its capacity kept (a new Vec every call allocates every call)"
        );
    });
}

fn a_nested_call_gets_a_buffer_of_its_own() {
    within(HANG, "a with_scratch() call nested in another", || {
        let (inner_saw, outer_after) = with_scratch(|outer| {
            outer.extend_from_slice(b"outer");
            let inner_saw = with_scratch(|inner| {
                let saw = inner.clone();
                inner.extend_from_slice(b"inner!!");
                saw
            });
            (inner_saw, outer.clone())
        });
        assert!(
            inner_saw.is_empty(),
            "a with_scratch() nested in another got a buffer holding {:?}; it should get an empty \
             buffer of its own",
            String::from_utf8_lossy(&inner_saw)
        );
        assert_eq!(
            outer_after,
            b"outer".to_vec(),
            "the outer with_scratch() wrote \"outer\" into its buffer, a nested call wrote \
             \"inner!!\" into its own, and the outer buffer then held {:?}; it should still hold \
             \"outer\"",
            String::from_utf8_lossy(&outer_after)
        );
    });
}

fn the_outermost_buffer_is_kept_after_nested_calls() {
    within(HANG, "a with_scratch() call nested in another", || {
        with_scratch(|outer| {
            outer.reserve(BIG);
            with_scratch(|inner| inner.push(1));
        });
        let capacity = with_scratch(|buffer| buffer.capacity());
        assert!(
            capacity >= BIG,
            "an outer with_scratch() reserved {BIG} bytes and a call nested in it used a buffer of \
             its own; the next call got a buffer with a capacity of {capacity}. The outermost \
             call's buffer should be the one kept"
        );
    });
}

fn a_panic_in_f_leaves_later_calls_working_and_empty() {
    within(HANG, "with_scratch() after a panic", || {
        let panicked = panics(|| {
            with_scratch(|buffer| {
                buffer.extend_from_slice(b"half-written");
                panic!("f failed half-way");
            })
        });
        assert!(
            panicked,
            "with_scratch(f) returned normally although f panicked; the panic should go on to the \
             caller"
        );
        let left = with_scratch(|buffer| buffer.clone());
        assert!(
            left.is_empty(),
            "a with_scratch() call's f wrote \"half-written\" and panicked; the next call got a \
             buffer holding {:?}. The buffer should be emptied before f gets it, not after f \
             returns (f may never return)",
            String::from_utf8_lossy(&left)
        );
        let panicked = panics(|| {
            with_scratch(|outer| {
                outer.push(1);
                with_scratch(|_| panic!("a nested f failed"));
            })
        });
        assert!(
            panicked,
            "with_scratch(f) returned normally although f panicked"
        );
        let works = with_scratch(|buffer| {
            buffer.extend_from_slice(b"again");
            buffer.clone()
        });
        assert_eq!(
            works,
            b"again".to_vec(),
            "after a nested call panicked, a later with_scratch() wrote \"again\" into its buffer \
             and found {:?} there",
            String::from_utf8_lossy(&works)
        );
    });
}

fn threads_use_their_buffers_at_the_same_time() {
    // Four threads are inside with_scratch() at once, each filling its buffer with its own byte.
    // None may wait for another, and none may see another's bytes.
    const THREADS: u8 = 4;
    let inside = Arc::new(Rendezvous::new(THREADS.into()));
    let written = Arc::new(Rendezvous::new(THREADS.into()));
    let threads: Vec<_> = (0..THREADS)
        .map(|me| {
            let (inside, written) = (Arc::clone(&inside), Arc::clone(&written));
            thread::spawn(move || {
                with_scratch(|buffer| {
                    inside.meet(
                        MEET,
                        "threads inside with_scratch() (does one thread's call make the others \
                         wait?)",
                    );
                    buffer.resize(1000, me);
                    written.meet(MEET, "threads that wrote into their buffers");
                    (me, buffer.clone())
                })
            })
        })
        .collect();
    for thread in threads {
        let (me, buffer) = join(thread, HANG, "a thread calling with_scratch()");
        let foreign = buffer.iter().filter(|&&byte| byte != me).count();
        assert!(
            buffer.len() == 1000 && foreign == 0,
            "{THREADS} threads were inside with_scratch() at once, each filling its buffer with \
             1000 copies of its own byte; thread {me}'s buffer then held {} bytes, {foreign} of \
             them another thread's. Each thread should have a buffer of its own",
            buffer.len()
        );
    }
}

harness::hidden_tests![
    f_gets_an_empty_buffer_and_its_result_is_returned,
    the_buffer_is_reused_with_its_capacity,
    a_nested_call_gets_a_buffer_of_its_own,
    the_outermost_buffer_is_kept_after_nested_calls,
    a_panic_in_f_leaves_later_calls_working_and_empty,
    threads_use_their_buffers_at_the_same_time,
];
