//! Model tests of semaphores/budget: every interleaving of threads taking and giving back
//! units, explored by the model checker. A waiter that takes units it only half has, units given
//! back without waking the first in line (or waking another waiter instead, who goes back to
//! sleep), a first in line who is served without waking the next, and two `try_acquire()` calls
//! that both see the same units free (a check, then a take in a second step) are each one
//! interleaving among many: the checker finds them on any machine.

use std::sync::Arc;

use exercise::Budget;
use sim::model::{self, Bounds};
use sim::sync::atomic::{AtomicUsize, Ordering};
use sim::thread;

fn units_held_at_once_never_exceed_the_budget() {
    model::check(Bounds::default(), || {
        let budget = Arc::new(Budget::new(2));
        let held = Arc::new(AtomicUsize::new(0));
        let take = |budget: &Budget, held: &AtomicUsize, units: usize| {
            let grant = budget.acquire(units);
            let now = held.fetch_add(units, Ordering::SeqCst) + units;
            assert!(
                now <= 2,
                "on a Budget::new(2), acquire({units}) returned while other grants held {} \
                 units: {now} units were held at once. A waiter must wait until as many units as \
                 it asked for are free, not merely some",
                now - units
            );
            held.fetch_sub(units, Ordering::SeqCst);
            drop(grant);
        };
        let other = {
            let (budget, held) = (Arc::clone(&budget), Arc::clone(&held));
            thread::spawn(move || take(&budget, &held, 2))
        };
        take(&budget, &held, 1);
        other.join().unwrap();
        let available = budget.available();
        assert_eq!(
            available, 2,
            "on a Budget::new(2), one thread took and gave back 1 unit while another took and \
             gave back 2, and available() then returned {available}; it should return 2 (a \
             dropped grant gives back every unit it held)"
        );
    });
}

fn units_given_back_wake_the_first_in_line() {
    // Two preemptions, not the default three: the checker finds a wake-up that reaches the
    // wrong waiter within two, and with three this test alone costs about 0.4 s of CPU, most
    // of the budget of the exercise's model tests.
    model::check(Bounds::preemptions(2), || {
        let budget = Arc::new(Budget::new(2));
        let halves = [budget.acquire(1), budget.acquire(1)];
        // Two waiters; whichever comes first is first in line. The units come back one at a
        // time: a waiter woken by the first unit may find it is not enough, or not its turn,
        // and go back to sleep; the second unit must still reach the first in line.
        let waiters = [2, 1].map(|units| {
            let budget = Arc::clone(&budget);
            thread::spawn(move || drop(budget.acquire(units)))
        });
        for half in halves {
            drop(half);
        }
        for waiter in waiters {
            waiter.join().unwrap();
        }
        let available = budget.available();
        assert_eq!(
            available, 2,
            "after every grant of a Budget::new(2) was dropped, available() returned {available}"
        );
    });
}

fn the_first_in_line_wakes_the_next_when_both_can_go() {
    model::check(Bounds::default(), || {
        let budget = Arc::new(Budget::new(2));
        let all = budget.acquire(2);
        // The two waiters keep their units for good (their grants are never dropped), so only
        // the first in line being served can wake the second.
        let waiters = [(); 2].map(|()| {
            let budget = Arc::clone(&budget);
            thread::spawn(move || std::mem::forget(budget.acquire(1)))
        });
        drop(all);
        for waiter in waiters {
            waiter.join().unwrap();
        }
        let available = budget.available();
        assert_eq!(
            available, 0,
            "on a Budget::new(2) whose 2 units one grant held, two threads called acquire(1) \
             and kept what they got, and the grant was dropped: available() then returned \
             {available}, and it should return 0 (1 unit to each)"
        );
    });
}

fn two_try_acquires_at_once_never_take_the_same_units() {
    model::check(Bounds::default(), || {
        let budget = Arc::new(Budget::new(1));
        let held = Arc::new(AtomicUsize::new(0));
        let try_take = |budget: &Budget, held: &AtomicUsize| {
            if let Some(grant) = budget.try_acquire(1) {
                let now = held.fetch_add(1, Ordering::SeqCst) + 1;
                assert!(
                    now <= 1,
                    "on a Budget::new(1), two threads called try_acquire(1) at the same time, \
                     and both got the one unit: {now} units were held at once. Checking that \
                     units are free and taking them must be one step under the lock, or both \
                     calls can see the same unit free and both take it"
                );
                held.fetch_sub(1, Ordering::SeqCst);
                drop(grant);
            }
        };
        let other = {
            let (budget, held) = (Arc::clone(&budget), Arc::clone(&held));
            thread::spawn(move || try_take(&budget, &held))
        };
        try_take(&budget, &held);
        other.join().unwrap();
        let available = budget.available();
        assert_eq!(
            available, 1,
            "on a Budget::new(1), two threads each took (or failed to take) the one unit with \
             try_acquire(1) and gave it back, and available() then returned {available}; it \
             should return 1"
        );
    });
}

harness::hidden_tests![
    units_held_at_once_never_exceed_the_budget,
    units_given_back_wake_the_first_in_line,
    the_first_in_line_wakes_the_next_when_both_can_go,
    two_try_acquires_at_once_never_take_the_same_units,
];
