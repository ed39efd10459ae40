//! Hidden tests for exercises/02_gil/04_shared_object.rs: handles that can be cloned, dropped and
//! used on many threads at once without losing a count or an update, and a value dropped once,
//! when the last handle goes.

use exercise::Shared;
use harness::chaos::{self, Chaos};
use harness::sync::Rendezvous;
use harness::time::join;
use harness::types::assert_send_sync;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

const _: fn() = || {
    assert_send_sync::<Shared<u64>>();
    assert_send_sync::<Shared<Vec<String>>>();
};

fn clones_are_handles_to_the_same_value() {
    let first = Shared::new(5_u64);
    assert_eq!(
        first.handles(),
        1,
        "handles() of a new Shared returned {}; it should be 1",
        first.handles()
    );
    let second = first.clone();
    assert_eq!(
        (first.handles(), second.handles()),
        (2, 2),
        "after one clone(), handles() returned {} and {} on the two handles; it should be 2 on \
         both",
        first.handles(),
        second.handles()
    );
    second.with(|value| *value += 1);
    let seen = first.with(|value| *value);
    assert_eq!(
        seen, 6,
        "a Shared made with 5, incremented through a clone, reads {seen} through the first \
         handle; it should read 6 (a clone is another handle to the same value, not a copy)"
    );
    let doubled = first.with(|value| *value * 2);
    assert_eq!(
        doubled, 12,
        "with(|v| *v * 2) on a Shared holding 6 returned {doubled}; it should return what the \
         closure returned, 12"
    );
    drop(second);
    assert_eq!(
        first.handles(),
        1,
        "after the clone was dropped, handles() returned {}; it should be 1",
        first.handles()
    );
}

fn handles_made_and_dropped_on_many_threads_are_all_counted() {
    // Eight threads each clone and drop a handle 300 000 times (50 at a time), then each keeps
    // 10 more. The chaos interrupts them wherever they are, including in the middle of a count update.
    const THREADS: usize = 8;
    const KEPT: usize = 10;
    const CYCLES: usize = 300_000;
    const BATCH: usize = 50;
    let shared = Shared::new(0_u64);
    let all_kept = Arc::new(Rendezvous::new(THREADS + 1));
    let checked = Arc::new(Rendezvous::new(THREADS + 1));
    let chaos = Chaos::start(Duration::from_micros(20));
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let (mine, all_kept, checked) =
                (shared.clone(), Arc::clone(&all_kept), Arc::clone(&checked));
            thread::spawn(move || {
                chaos::join();
                // In batches, so that the changes of different threads do not cancel out.
                for _ in 0..CYCLES / BATCH {
                    let batch: Vec<Shared<u64>> = (0..BATCH).map(|_| mine.clone()).collect();
                    drop(batch);
                }
                let kept: Vec<Shared<u64>> = (0..KEPT).map(|_| mine.clone()).collect();
                all_kept.meet(HANG, "threads keeping 10 handles each");
                checked.meet(HANG, "threads waiting for the test to count their handles");
                drop(kept);
            })
        })
        .collect();
    all_kept.meet(HANG, "threads keeping 10 handles each");
    let counted = shared.handles();
    checked.meet(HANG, "threads waiting for the test to count their handles");
    for worker in workers {
        join(worker, HANG, "a thread cloning and dropping handles");
    }
    drop(chaos);
    let expected = 1 + THREADS + THREADS * KEPT;
    assert_eq!(
        counted, expected,
        "8 threads each cloned and dropped a handle 300 000 times, then kept 10 clones: \
         handles() returned {counted}; it should be {expected} (the first handle, each thread's \
         own and its 10 clones). Some changes to the count were lost: it must be changed \
         atomically"
    );
    let last = shared.handles();
    assert_eq!(
        last, 1,
        "after every thread dropped its handles, handles() returned {last}; it should be 1"
    );
}

fn updates_through_with_from_many_threads_are_never_lost() {
    const THREADS: u64 = 8;
    const ROUNDS: u64 = 20_000;
    let shared = Shared::new(0_u64);
    let chaos = Chaos::start(Duration::from_micros(50));
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let mine = shared.clone();
            thread::spawn(move || {
                chaos::join();
                for _ in 0..ROUNDS {
                    mine.with(|value| {
                        let read = *value;
                        std::hint::black_box(read);
                        *value = read + 1;
                    });
                }
            })
        })
        .collect();
    for worker in workers {
        join(
            worker,
            HANG,
            "a thread adding 1 through with() 20 000 times",
        );
    }
    drop(chaos);
    let total = shared.with(|value| *value);
    assert_eq!(
        total,
        THREADS * ROUNDS,
        "8 threads each added 1 through with() 20 000 times, and the value ended at {total}; it \
         should be 160 000 (with() must give one thread at a time access to the value)"
    );
}

fn with_waits_while_another_thread_is_inside_with() {
    let shared = Shared::new(Vec::<&str>::new());
    let (first_inside_tx, first_inside) = mpsc::channel();
    let second_inside = Arc::new(AtomicBool::new(false));
    let first = {
        let (mine, second_inside) = (shared.clone(), Arc::clone(&second_inside));
        thread::spawn(move || {
            mine.with(|value| {
                value.push("first");
                let _ = first_inside_tx.send(());
                thread::sleep(BLOCKED);
                second_inside.load(Ordering::SeqCst)
            })
        })
    };
    first_inside
        .recv_timeout(HANG)
        .expect("with() never called its closure within 5 s");
    let second = {
        let (mine, second_inside) = (shared.clone(), Arc::clone(&second_inside));
        thread::spawn(move || {
            mine.with(|value| {
                second_inside.store(true, Ordering::SeqCst);
                value.push("second");
            })
        })
    };
    let overlapped = join(first, HANG, "the first thread's with()");
    assert!(
        !overlapped,
        "a second thread's with() ran its closure while the first thread was still inside its \
         own with(); with() must give one thread at a time access to the value"
    );
    join(
        second,
        HANG,
        "with() in a second thread after the first thread's with() returned",
    );
    let order = shared.with(|value| value.clone());
    assert_eq!(
        order,
        vec!["first", "second"],
        "the two with() calls pushed {order:?}; the second should have waited for the first"
    );
}

/// Counts how many times a value was dropped.
struct Tracked(Arc<AtomicUsize>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

fn the_value_is_dropped_once_when_the_last_handle_goes() {
    let drops = Arc::new(AtomicUsize::new(0));
    let shared = Shared::new(Tracked(Arc::clone(&drops)));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let handle = shared.clone();
            thread::spawn(move || drop(handle))
        })
        .collect();
    for thread in threads {
        join(thread, HANG, "a thread dropping a handle");
    }
    let dropped = drops.load(Ordering::SeqCst);
    assert_eq!(
        dropped, 0,
        "after 4 of 5 handles to a value were dropped on other threads, the value had been \
         dropped {dropped} times; it should live until the last handle is dropped"
    );
    join(
        thread::spawn(move || drop(shared)),
        HANG,
        "a thread dropping the last handle",
    );
    let dropped = drops.load(Ordering::SeqCst);
    assert_eq!(
        dropped, 1,
        "after the last of 5 handles to a value was dropped (on another thread), the value had \
         been dropped {dropped} times; it should be dropped exactly once, with the last handle"
    );
}

harness::hidden_tests![
    clones_are_handles_to_the_same_value,
    handles_made_and_dropped_on_many_threads_are_all_counted,
    updates_through_with_from_many_threads_are_never_lost,
    with_waits_while_another_thread_is_inside_with,
    the_value_is_dropped_once_when_the_last_handle_goes,
];
