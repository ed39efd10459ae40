//! Model tests of semaphores/pool: every interleaving of threads borrowing and putting back
//! connections, explored by the model checker. A waiter that takes a connection without looking
//! again after its wake-up (another thread may have taken it first), and a `try_get()` that
//! checks and then borrows in a second step (and so waits when another thread was quicker) are
//! each one interleaving among many: the checker finds them on any machine.

use std::sync::Arc;

use exercise::Pool;
use sim::model::{self, Bounds};
use sim::thread;

fn a_waiter_whose_connection_was_taken_first_waits_again() {
    model::check(Bounds::default(), || {
        let pool = Arc::new(Pool::new(vec![7_u32]));
        let borrowed = pool.get();
        let waiter = {
            let pool = Arc::clone(&pool);
            thread::spawn(move || *pool.get())
        };
        // The connection comes back, and this thread borrows it again at once: the waiter may
        // be woken by its return and find it gone.
        drop(borrowed);
        if let Some(again) = pool.try_get() {
            assert_eq!(
                *again, 7,
                "try_get() handed out {} from a pool of one connection, 7",
                *again
            );
        }
        let got = waiter.join().unwrap();
        assert_eq!(
            got, 7,
            "a thread waiting in get() on a pool of one connection got {got}; it should get the \
             connection, 7, once it is idle again"
        );
        let idle = pool.idle();
        assert_eq!(
            idle, 1,
            "after every borrowed connection of a pool of one was put back, idle() returned \
             {idle}; it should return 1"
        );
    });
}

fn try_get_never_waits_when_another_thread_takes_the_last_connection() {
    model::check(Bounds::default(), || {
        let pool = Arc::new(Pool::new(vec![7_u32]));
        let taker = {
            let pool = Arc::clone(&pool);
            // Borrowed and never put back: whoever waits for this connection waits for ever.
            thread::spawn(move || std::mem::forget(pool.get()))
        };
        // Races with the other thread's get(): either call may win, and the loser of a
        // try_get() gets None at once.
        if let Some(connection) = pool.try_get() {
            drop(connection);
        }
        taker.join().unwrap();
    });
}

harness::hidden_tests![
    a_waiter_whose_connection_was_taken_first_waits_again,
    try_get_never_waits_when_another_thread_takes_the_last_connection,
];
