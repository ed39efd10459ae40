//! Hidden tests for exercises/05_conditions/04_barrier.rs: a reusable barrier whose waiters sleep,
//! all leave together once every party has arrived (never before), never mix up rounds, and all
//! fail with BrokenBarrier once the barrier is aborted.

use exercise::{Barrier, BrokenBarrier};
use harness::awake;
use harness::time::{join, within};
use harness::types::assert_send_sync;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Long enough for a thread that was just started to reach its `wait`, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

const _: fn() = || assert_send_sync::<Barrier>();

/// Starts a thread that calls `wait()` once and also reports its result on `returned`.
fn spawn_wait(
    barrier: &Arc<Barrier>,
    returned: &mpsc::Sender<Result<usize, BrokenBarrier>>,
) -> JoinHandle<Result<usize, BrokenBarrier>> {
    let (barrier, returned) = (Arc::clone(barrier), returned.clone());
    thread::spawn(move || {
        let result = barrier.wait();
        let _ = returned.send(result);
        result
    })
}

fn new_panics_on_zero_parties_and_a_barrier_of_one_never_waits() {
    let alone = Arc::new(Barrier::new(1));
    assert!(
        !alone.is_broken(),
        "is_broken() on a new Barrier returned true"
    );
    for round in 1..=3 {
        let barrier = Arc::clone(&alone);
        let got = within(HANG, "wait() on a Barrier::new(1)", move || barrier.wait());
        assert_eq!(
            got,
            Ok(0),
            "wait() number {round} on a Barrier::new(1) returned {got:?}; a lone party is the \
             first and last to arrive, so it should return Ok(0) at once"
        );
    }
    let outcome = panic::catch_unwind(|| Barrier::new(0));
    assert!(
        outcome.is_err(),
        "Barrier::new(0) returned a barrier; it should panic, since no round could ever complete"
    );
}

fn no_thread_leaves_before_every_party_has_arrived() {
    let barrier = Arc::new(Barrier::new(3));
    let (returned, returns) = mpsc::channel();
    let first = spawn_wait(&barrier, &returned);
    thread::sleep(SETTLE);
    let second = spawn_wait(&barrier, &returned);
    if let Ok(early) = returns.recv_timeout(BLOCKED) {
        panic!(
            "wait() returned {early:?} when only 2 of the barrier's 3 parties had arrived; it \
             should wait for all 3. A wake-up only says \"look again\": check in a `while` loop \
             (or use `wait_while`) whether your round is really over"
        );
    }
    let barrier_for_main = Arc::clone(&barrier);
    let last = within(HANG, "the third and last party's wait()", move || {
        barrier_for_main.wait()
    });
    let mut indices =
        vec![last.expect("the last party's wait() on a barrier that was never aborted failed")];
    for (n, waiter) in [first, second].into_iter().enumerate() {
        let got = join(
            waiter,
            HANG,
            &format!(
                "wait() in waiting thread {} of 2 after the last party arrived (is every waiter \
                 woken, or only one?)",
                n + 1
            ),
        );
        indices.push(
            got.expect("wait() on a barrier that was never aborted returned Err(BrokenBarrier)"),
        );
    }
    indices.sort_unstable();
    assert_eq!(
        indices,
        vec![0, 1, 2],
        "the 3 parties of one round got the indices {indices:?}; each of 0, 1 and 2 should be \
         handed out once"
    );
}

fn rounds_never_mix_and_hand_out_each_index_once() {
    // Four threads go through the same barrier round after round. The last to arrive returns at
    // once and comes straight back for the next round while the others are still waking up:
    // the barrier must not count it in the old round, nor hold the others back for it.
    const PARTIES: usize = 4;
    const ROUNDS: usize = 300;
    let barrier = Arc::new(Barrier::new(PARTIES));
    // How many rounds each thread has arrived in so far.
    let arrivals: Arc<Vec<AtomicUsize>> =
        Arc::new((0..PARTIES).map(|_| AtomicUsize::new(0)).collect());
    // How many times each index was handed out in each round.
    let handed_out: Arc<Vec<AtomicUsize>> =
        Arc::new((0..ROUNDS * PARTIES).map(|_| AtomicUsize::new(0)).collect());
    let threads: Vec<_> = (0..PARTIES)
        .map(|me| {
            let (barrier, arrivals, handed_out) = (
                Arc::clone(&barrier),
                Arc::clone(&arrivals),
                Arc::clone(&handed_out),
            );
            thread::spawn(move || {
                for round in 0..ROUNDS {
                    arrivals[me].store(round + 1, Ordering::SeqCst);
                    let index = match barrier.wait() {
                        Ok(index) => index,
                        Err(BrokenBarrier) => panic!(
                            "wait() returned Err(BrokenBarrier) in round {} on a barrier that was \
                             never aborted",
                            round + 1
                        ),
                    };
                    for (other, arrived) in arrivals.iter().enumerate() {
                        let arrived = arrived.load(Ordering::SeqCst);
                        assert!(
                            arrived > round,
                            "a thread left round {} of the barrier while another thread had \
                             arrived in only {arrived} rounds (thread {} of {PARTIES}): rounds got \
                             mixed up. Remember which round a waiter arrived in (a generation \
                             counter) and let it leave when that round is over",
                            round + 1,
                            other + 1
                        );
                    }
                    assert!(
                        index < PARTIES,
                        "wait() returned Ok({index}) on a barrier of {PARTIES} parties; indices \
                         go from 0 to {}",
                        PARTIES - 1
                    );
                    handed_out[round * PARTIES + index].fetch_add(1, Ordering::SeqCst);
                }
            })
        })
        .collect();
    for thread in threads {
        join(
            thread,
            HANG,
            "a thread going through 300 rounds of a barrier of 4 (did a waiter go back to sleep \
             after its round was over, because a fast thread had already started the next one? \
             A generation counter tells rounds apart)",
        );
    }
    for round in 0..ROUNDS {
        let counts: Vec<_> = (0..PARTIES)
            .map(|index| handed_out[round * PARTIES + index].load(Ordering::SeqCst))
            .collect();
        assert!(
            counts.iter().all(|&count| count == 1),
            "in round {} of a barrier of {PARTIES}, the indices 0 to {} were handed out {counts:?} \
             times; each should be handed out exactly once per round",
            round + 1,
            PARTIES - 1
        );
    }
}

fn abort_wakes_every_waiting_thread_with_an_error() {
    let barrier = Arc::new(Barrier::new(4));
    let (returned, _returns) = mpsc::channel();
    let waiters: Vec<_> = (0..3).map(|_| spawn_wait(&barrier, &returned)).collect();
    thread::sleep(SETTLE);
    barrier.abort();
    assert!(
        barrier.is_broken(),
        "is_broken() returned false after abort()"
    );
    for (n, waiter) in waiters.into_iter().enumerate() {
        let got = join(
            waiter,
            HANG,
            &format!(
                "wait() in thread {} of 3 waiting when abort() was called (is every waiter woken, \
                 or only one?)",
                n + 1
            ),
        );
        assert_eq!(
            got,
            Err(BrokenBarrier),
            "a wait() interrupted by abort() returned {got:?}; it should return Err(BrokenBarrier)"
        );
    }
}

fn wait_on_an_aborted_barrier_fails_at_once() {
    let barrier = Arc::new(Barrier::new(2));
    barrier.abort();
    assert!(
        barrier.is_broken(),
        "is_broken() returned false after abort()"
    );
    let (returned, _returns) = mpsc::channel();
    let waiters: Vec<_> = (0..2).map(|_| spawn_wait(&barrier, &returned)).collect();
    for waiter in waiters {
        let got = join(
            waiter,
            HANG,
            "wait() on a barrier that had already been aborted",
        );
        assert_eq!(
            got,
            Err(BrokenBarrier),
            "wait() on a barrier that had been aborted returned {got:?}; it should return \
             Err(BrokenBarrier), even when enough parties arrive to fill a round"
        );
    }
}

fn waiting_threads_sleep_instead_of_spinning() {
    let barrier = Arc::new(Barrier::new(4));
    let (returned, _returns) = mpsc::channel();
    let waiters: Vec<_> = (0..3).map(|_| spawn_wait(&barrier, &returned)).collect();
    thread::sleep(SETTLE);
    let activity = awake::watch(BLOCKED);
    let last = Arc::clone(&barrier);
    let _ = within(HANG, "the last party's wait()", move || last.wait());
    assert!(
        !activity.busy(),
        "while 3 threads waited in wait() for a fourth party, {}; a waiting \
         thread should sleep on a condition variable, not loop checking the count",
        activity
    );
    for waiter in waiters {
        let _ = join(
            waiter,
            HANG,
            "a waiting thread, after the last party arrived",
        );
    }
}

harness::hidden_tests![
    new_panics_on_zero_parties_and_a_barrier_of_one_never_waits,
    no_thread_leaves_before_every_party_has_arrived,
    rounds_never_mix_and_hand_out_each_index_once,
    abort_wakes_every_waiting_thread_with_an_error,
    wait_on_an_aborted_barrier_fails_at_once,
    waiting_threads_sleep_instead_of_spinning,
];
