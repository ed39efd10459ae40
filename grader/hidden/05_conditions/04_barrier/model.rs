//! Model tests of conditions/barrier: every interleaving of the parties, explored by the model
//! checker. A party that leaves before the round is full, a fast party that comes back for the
//! next round while the others are still waking up, and an `abort()` that wakes only some
//! waiters are each one interleaving among many: the checker finds them on any machine.

use std::sync::Arc;

use exercise::{Barrier, BrokenBarrier};
use sim::model::{self, Bounds};
use sim::sync::atomic::{AtomicUsize, Ordering};
use sim::thread;

/// One party's part in `rounds` rounds: before each `wait()` it counts itself in that round's
/// arrivals; once `wait()` returns, it reads how many parties had arrived in that round.
/// Returns, per round, `wait()`'s answer and that count.
fn take_part(
    barrier: &Barrier,
    arrivals: &[AtomicUsize],
) -> Vec<(Result<usize, BrokenBarrier>, usize)> {
    arrivals
        .iter()
        .map(|arrived| {
            arrived.fetch_add(1, Ordering::SeqCst);
            let index = barrier.wait();
            (index, arrived.load(Ordering::SeqCst))
        })
        .collect()
}

/// Runs `parties` threads (the model's main thread among them) through `rounds` rounds of a
/// `Barrier::new(parties)`, and checks every party's answer in every round.
fn meet(parties: usize, rounds: usize) {
    let barrier = Arc::new(Barrier::new(parties));
    let arrivals: Arc<Vec<AtomicUsize>> =
        Arc::new((0..rounds).map(|_| AtomicUsize::new(0)).collect());
    let others: Vec<_> = (1..parties)
        .map(|_| {
            let (barrier, arrivals) = (Arc::clone(&barrier), Arc::clone(&arrivals));
            thread::spawn(move || take_part(&barrier, &arrivals))
        })
        .collect();
    let mut answers = vec![take_part(&barrier, &arrivals)];
    answers.extend(others.into_iter().map(|other| other.join().unwrap()));
    for round in 0..rounds {
        let mut indices = Vec::new();
        for (index, arrived) in answers.iter().map(|party| &party[round]) {
            assert!(
                *arrived == parties,
                "on a Barrier::new({parties}), a wait() of round {} returned {index:?} when \
                 only {arrived} of the {parties} parties had arrived in that round: no party may \
                 leave before every party has arrived. A wake-up only means \"look again\": \
                 wait in a loop until the round is over (`wait_while`), not with an `if`",
                round + 1
            );
            match index {
                Ok(index) => indices.push(*index),
                Err(BrokenBarrier) => panic!(
                    "on a Barrier::new({parties}) that was never aborted, a wait() of round {} \
                     returned Err(BrokenBarrier)",
                    round + 1
                ),
            }
        }
        indices.sort_unstable();
        assert!(
            indices.iter().copied().eq(0..parties),
            "in round {} of a Barrier::new({parties}), the parties' wait() calls returned the \
             arrival indices {indices:?}; they should return each of 0 to {} once",
            round + 1,
            parties - 1
        );
    }
}

fn no_party_leaves_before_every_party_has_arrived() {
    model::check(Bounds::default(), || meet(3, 1));
}

fn a_party_that_comes_straight_back_does_not_strand_the_others() {
    model::check(Bounds::default(), || meet(2, 2));
}

fn abort_wakes_every_waiter_and_breaks_later_waits() {
    model::check(Bounds::default(), || {
        let barrier = Arc::new(Barrier::new(3));
        let waiters = [(); 2].map(|()| {
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || barrier.wait())
        });
        barrier.abort();
        let got = waiters.map(|waiter| waiter.join().unwrap());
        assert_eq!(
            got,
            [Err(BrokenBarrier), Err(BrokenBarrier)],
            "two threads called wait() on a Barrier::new(3) and a third called abort(); the \
             waits returned {:?} and {:?}, and both should return Err(BrokenBarrier)",
            got[0],
            got[1]
        );
        let later = barrier.wait();
        assert_eq!(
            later,
            Err(BrokenBarrier),
            "after abort(), a third wait() on a Barrier::new(3) returned {later:?}; every wait() \
             on an aborted barrier should return Err(BrokenBarrier), even one that fills a round"
        );
    });
}

harness::hidden_tests![
    no_party_leaves_before_every_party_has_arrived,
    a_party_that_comes_straight_back_does_not_strand_the_others,
    abort_wakes_every_waiter_and_breaks_later_waits,
];
