//! Hidden tests for exercises/06_semaphores/02_pool.rs: a connection pool that lends each
//! connection to one user at a time, lets as many users in as it has connections, puts every
//! dropped connection back (changes and all), and whose `get` sleeps until one comes back.

use exercise::{Pool, Pooled};
use harness::chaos::Chaos;
use harness::awake;
use harness::sync::Rendezvous;
use harness::time::{join, within};
use harness::types::assert_send_sync;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// Long enough for a thread that was just started to reach its `get`, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

// A pool must be shareable between threads whenever its connections can be sent: a `Cell` is
// `Send` but not `Sync`, and so is an mpsc `Receiver`.
const _: fn() = || {
    assert_send_sync::<Pool<u32>>();
    assert_send_sync::<Pool<std::cell::Cell<u32>>>();
    assert_send_sync::<Pool<mpsc::Receiver<u32>>>();
};

/// Calls `try_get()` on another thread and returns the connection it got (putting it back at
/// once), failing the test if the call does not return promptly.
fn try_get_elsewhere(pool: &Arc<Pool<u32>>, in_use: usize) -> Option<u32> {
    let (done, got) = mpsc::channel();
    let pool = Arc::clone(pool);
    thread::spawn(move || {
        let _ = done.send(pool.try_get().map(|connection| *connection));
    });
    got.recv_timeout(Duration::from_secs(2))
        .unwrap_or_else(|_| {
            panic!(
                "try_get() had not returned after 2 s while {in_use} connection(s) were in use; it \
             should answer at once (None when every connection is in use) and never wait"
            )
        })
}

fn idle_counts_the_connections_in_the_pool() {
    within(
        HANG,
        "get() and try_get() on a pool of 3 idle connections",
        || {
            let pool = Pool::new(vec![10, 20, 30]);
            let idle = pool.idle();
            assert_eq!(
                idle, 3,
                "idle() of a new pool of 3 connections returned {idle}"
            );
            let first = pool.get();
            let idle = pool.idle();
            assert_eq!(
                idle, 2,
                "idle() returned {idle} after one get() on a pool of 3; it should be 2"
            );
            let second = pool.try_get().expect(
                "try_get() returned None on a pool of 3 with one connection in use; two were \
                 idle",
            );
            let idle = pool.idle();
            assert_eq!(
                idle, 1,
                "idle() returned {idle} with 2 of 3 connections in use; it should be 1"
            );
            let mut got = vec![*first, *second];
            got.sort();
            got.dedup();
            assert_eq!(
                got.len(),
                2,
                "get() and try_get() handed out connections {} and {}: the same connection to \
                 two users",
                *first,
                *second
            );
            assert!(
                got.iter().all(|id| [10, 20, 30].contains(id)),
                "the pool of connections 10, 20, 30 handed out {got:?}"
            );
            drop(first);
            let idle = pool.idle();
            assert_eq!(
                idle, 2,
                "idle() returned {idle} after one of two borrowed connections was dropped; it \
                 should be 2 (dropping a Pooled puts the connection back)"
            );
            drop(second);
            let idle = pool.idle();
            assert_eq!(
                idle, 3,
                "idle() returned {idle} after every connection was dropped; it should be 3"
            );
        },
    );
}

fn changes_made_through_a_borrowed_connection_stay_with_it() {
    within(HANG, "get() on a pool of one connection, twice", || {
        let pool = Pool::new(vec![Vec::<&str>::new()]);
        let mut connection = pool.get();
        connection.push("SET search_path TO app");
        drop(connection);
        let connection = pool.get();
        assert_eq!(
            *connection,
            vec!["SET search_path TO app"],
            "a connection that was changed through its Pooled (with DerefMut) came back from \
                 the pool as {:?}; the pool should keep the connection it got back, changes and \
                 all",
            *connection
        );
    });
}

/// How many `Connection`s have been dropped in this test's process.
static CLOSED: AtomicUsize = AtomicUsize::new(0);

/// A connection that counts its drops, to tell one dropped twice (or too early) from one dropped
/// once, with the pool.
struct Connection;

impl Drop for Connection {
    fn drop(&mut self) {
        CLOSED.fetch_add(1, Ordering::SeqCst);
    }
}

fn a_connection_put_back_lives_until_the_pool_is_dropped() {
    within(
        HANG,
        "get() and a drop on a pool of two connections",
        || {
            let pool = Pool::new(vec![Connection, Connection]);
            drop(pool.get());
            drop(pool.try_get());
            let closed = CLOSED.load(Ordering::SeqCst);
            assert_eq!(
                closed, 0,
                "a connection was borrowed and put back (a Pooled dropped), twice, and {closed} \
             connection(s) had been dropped; a connection put back stays in the pool, alive, \
             until the pool itself is dropped (was it dropped along with the Pooled as well as \
             moved back?)"
            );
            drop(pool);
            let closed = CLOSED.load(Ordering::SeqCst);
            assert_eq!(
                closed, 2,
                "a pool of 2 connections was dropped, and {closed} connection drops were counted; \
             each connection should be dropped exactly once"
            );
        },
    );
}

fn try_get_returns_none_at_once_when_every_connection_is_in_use() {
    let pool = Arc::new(Pool::new(vec![1, 2]));
    let first = pool
        .try_get()
        .expect("try_get() on a new pool of 2 connections returned None");
    let second = pool
        .try_get()
        .expect("the second try_get() on a pool of 2 connections returned None");
    if let Some(connection) = try_get_elsewhere(&pool, 2) {
        panic!(
            "try_get() returned connection {connection} while both connections of a pool of 2 \
             were in use; it should return None"
        );
    }
    let lent = *first;
    drop(first);
    let got = try_get_elsewhere(&pool, 1);
    assert_eq!(
        got,
        Some(lent),
        "try_get() returned {got:?} after connection {lent} was put back (the other one is still \
         in use); it should return Some({lent})"
    );
    drop(second);
    let empty = Arc::new(Pool::new(Vec::new()));
    assert_eq!(
        try_get_elsewhere(&empty, 0),
        None,
        "try_get() on a pool made from an empty Vec returned a connection"
    );
}

fn get_waits_while_every_connection_is_in_use_and_gets_the_one_put_back() {
    let pool = Arc::new(Pool::new(vec![7]));
    let held = pool
        .try_get()
        .expect("try_get() on a new pool of one connection returned None");
    let (done, got) = mpsc::channel();
    let waiter = {
        let pool = Arc::clone(&pool);
        thread::spawn(move || {
            let connection = pool.get();
            let _ = done.send(*connection);
        })
    };
    if let Ok(connection) = got.recv_timeout(BLOCKED) {
        panic!(
            "get() returned connection {connection} while the only connection of the pool was \
             in use; it should wait until the connection is put back"
        );
    }
    drop(held);
    let connection = got.recv_timeout(HANG).unwrap_or_else(|_| {
        panic!(
            "get() was still waiting 5 s after the only connection was put back: dropping a \
             Pooled should return the connection to the pool and wake a thread waiting in get()"
        )
    });
    assert_eq!(
        connection, 7,
        "a waiting get() returned connection {connection}; the pool's only connection is 7"
    );
    join(
        waiter,
        HANG,
        "the waiting thread, after it got the connection,",
    );
    let idle = pool.idle();
    assert_eq!(
        idle, 1,
        "idle() returned {idle} after the connection was used twice and put back"
    );
}

fn every_connection_can_be_in_use_at_once() {
    const CONNECTIONS: u32 = 4;
    let pool = Arc::new(Pool::new((0..CONNECTIONS).collect()));
    let all_in = Arc::new(Rendezvous::new(CONNECTIONS as usize + 1));
    let (release, released) = mpsc::channel::<()>();
    let released = Arc::new(Mutex::new(released));
    let (report, reports) = mpsc::channel();
    let users: Vec<_> = (0..CONNECTIONS)
        .map(|_| {
            let (pool, all_in, released, report) = (
                Arc::clone(&pool),
                Arc::clone(&all_in),
                Arc::clone(&released),
                report.clone(),
            );
            thread::spawn(move || {
                let connection = pool.get();
                let _ = report.send(*connection);
                if all_in.wait(Duration::from_secs(60)).is_ok() {
                    let _ = released.lock().unwrap().recv();
                }
            })
        })
        .collect();
    if let Err(arrived) = all_in.wait(HANG) {
        panic!(
            "only {} of {CONNECTIONS} threads had a connection from a pool of {CONNECTIONS} at \
             the same time after 5 s; every connection should be usable at once (does the pool \
             lend only one connection at a time?)",
            arrived - 1
        );
    }
    let lent: Vec<u32> = reports.try_iter().collect();
    let distinct: HashSet<u32> = lent.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        CONNECTIONS as usize,
        "{CONNECTIONS} threads borrowing at once from a pool of connections 0 to {} got {lent:?}; \
         each should have a different connection",
        CONNECTIONS - 1
    );
    let idle = pool.idle();
    assert_eq!(
        idle, 0,
        "idle() returned {idle} while every connection of the pool was in use"
    );
    if let Some(connection) = try_get_elsewhere(&pool, CONNECTIONS as usize) {
        panic!(
            "try_get() returned connection {connection} while all {CONNECTIONS} connections were \
             in use; it should return None"
        );
    }
    for _ in 0..CONNECTIONS {
        let _ = release.send(());
    }
    for user in users {
        join(user, HANG, "a thread putting its connection back");
    }
    let idle = pool.idle();
    assert_eq!(
        idle, CONNECTIONS as usize,
        "idle() returned {idle} after every user put its connection back; it should be \
         {CONNECTIONS}"
    );
}

fn many_threads_share_the_connections_and_every_one_comes_back() {
    const CONNECTIONS: usize = 3;
    const THREADS: usize = 8;
    const ROUNDS: usize = 5_000;
    let pool = Arc::new(Pool::new(
        (0..CONNECTIONS).map(|id| (id, 0usize)).collect::<Vec<_>>(),
    ));
    let inside = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let start = Arc::new(Rendezvous::new(THREADS));
    let chaos = Chaos::start(Duration::from_micros(50));
    let workers: Vec<_> = (0..THREADS)
        .map(|n| {
            let (pool, inside, most, start) = (
                Arc::clone(&pool),
                Arc::clone(&inside),
                Arc::clone(&most),
                Arc::clone(&start),
            );
            thread::spawn(move || {
                harness::chaos::join();
                start.meet(HANG, "threads calling get()");
                let mut used = 0;
                for round in 0..ROUNDS {
                    let mut connection: Pooled<'_, (usize, usize)> = if (n + round) % 4 == 0 {
                        match pool.try_get() {
                            Some(connection) => connection,
                            None => continue,
                        }
                    } else {
                        pool.get()
                    };
                    let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    connection.1 += 1;
                    used += 1;
                    inside.fetch_sub(1, Ordering::SeqCst);
                    drop(connection);
                }
                used
            })
        })
        .collect();
    let used: usize = workers
        .into_iter()
        .map(|worker| {
            join(
                worker,
                HANG,
                "a thread borrowing a connection 5 000 times (8 threads, 3 connections)",
            )
        })
        .sum();
    drop(chaos);
    let most = most.load(Ordering::SeqCst);
    assert!(
        most <= CONNECTIONS,
        "{most} threads held a connection at the same time from a pool of {CONNECTIONS}"
    );
    let idle = pool.idle();
    assert_eq!(
        idle, CONNECTIONS,
        "idle() returned {idle} after {THREADS} threads borrowed and put back connections of a \
         pool of {CONNECTIONS} many times; every connection came back, so it should be \
         {CONNECTIONS}"
    );
    let mut seen = Vec::new();
    let mut counted = 0;
    for _ in 0..CONNECTIONS {
        let connection = pool
            .try_get()
            .expect("try_get() returned None on a pool whose connections were all idle");
        seen.push(connection.0);
        counted += connection.1;
        std::mem::forget(connection);
    }
    seen.sort();
    assert_eq!(
        seen,
        (0..CONNECTIONS).collect::<Vec<_>>(),
        "after many threads borrowed and returned connections 0, 1, 2, the pool held {seen:?}"
    );
    assert_eq!(
        counted, used,
        "the threads used a connection {used} times, each time adding one to it through \
         DerefMut, but the connections in the pool add up to {counted}: some changes were lost"
    );
}

fn every_waiter_gets_a_connection_when_several_come_back_together() {
    // Three connections are in use and three threads wait; the three are put back one right
    // after the other. Each must reach a waiter, even when the waiter woken first has not yet
    // taken its connection when the next one comes back. Played over several rounds.
    for round in 1..=10 {
        let pool = Arc::new(Pool::new(vec![1u32, 2, 3]));
        let held: Vec<_> = (0..3).filter_map(|_| pool.try_get()).collect();
        assert_eq!(
            held.len(),
            3,
            "3 calls of try_get() on a new pool of 3 connections got {} connections",
            held.len()
        );
        let all_in = Arc::new(Rendezvous::new(4));
        let waiters: Vec<_> = (0..3)
            .map(|_| {
                let (pool, all_in) = (Arc::clone(&pool), Arc::clone(&all_in));
                thread::spawn(move || {
                    let _connection = pool.get();
                    // Keep the connection until every waiter has one, so none is passed on.
                    let _ = all_in.wait(Duration::from_secs(60));
                })
            })
            .collect();
        thread::sleep(Duration::from_millis(20));
        drop(held);
        if let Err(arrived) = all_in.wait(HANG) {
            panic!(
                "3 threads waited in get() while the 3 connections were in use, then the 3 were \
                 put back one after the other; after 5 s only {} of the waiters had one and \
                 idle() said {} (round {round}). Every connection put back should wake a waiter, \
                 even when the one woken before has not taken its connection yet",
                arrived - 1,
                pool.idle()
            );
        }
        for waiter in waiters {
            join(waiter, HANG, "a thread holding its connection");
        }
    }
}

fn a_connection_comes_back_when_its_user_panics() {
    let pool = Arc::new(Pool::new(vec![5u32]));
    let user = {
        let pool = Arc::clone(&pool);
        thread::spawn(move || {
            let _connection = pool.get();
            panic!("a user of the connection panics (on purpose, to test the pool)");
        })
    };
    let outcome = within(
        HANG,
        "a thread that borrows a connection and panics",
        move || user.join(),
    );
    assert!(
        outcome.is_err(),
        "the test's panicking thread did not panic"
    );
    let idle = pool.idle();
    assert_eq!(
        idle, 1,
        "idle() returned {idle} after the user of the pool's only connection panicked; the \
         connection should go back when its Pooled is dropped during the panic"
    );
    let got = within(HANG, "get() after a user panicked", move || *pool.get());
    assert_eq!(
        got, 5,
        "get() returned connection {got}; the pool's only one is 5"
    );
}

fn waiting_threads_sleep_instead_of_spinning() {
    let pool = Arc::new(Pool::new(vec![1u32]));
    let held = pool
        .try_get()
        .expect("try_get() on a new pool of one connection returned None");
    let waiters: Vec<_> = (0..2)
        .map(|_| {
            let pool = Arc::clone(&pool);
            thread::spawn(move || drop(pool.get()))
        })
        .collect();
    thread::sleep(SETTLE);
    let activity = awake::watch(BLOCKED);
    drop(held);
    assert!(
        !activity.busy(),
        "while 2 threads waited in get() for the only connection, {}; a waiting thread should sleep \
         on a condition variable, not loop checking the pool",
        activity
    );
    for waiter in waiters {
        join(waiter, HANG, "get() after the connection was put back");
    }
}

harness::hidden_tests![
    idle_counts_the_connections_in_the_pool,
    changes_made_through_a_borrowed_connection_stay_with_it,
    a_connection_put_back_lives_until_the_pool_is_dropped,
    try_get_returns_none_at_once_when_every_connection_is_in_use,
    get_waits_while_every_connection_is_in_use_and_gets_the_one_put_back,
    every_connection_can_be_in_use_at_once,
    many_threads_share_the_connections_and_every_one_comes_back,
    every_waiter_gets_a_connection_when_several_come_back_together,
    a_connection_comes_back_when_its_user_panics,
    waiting_threads_sleep_instead_of_spinning,
];
