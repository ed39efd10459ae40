//! Two transfers in opposite directions, each locking "from" then "to": a deadlock. Provoked on
//! purpose, detected with parking_lot's `try_lock_for` instead of hanging, then avoided by
//! always locking in the same order.

use std::sync::Barrier;
use std::thread;

use locks::DEADLOCK_PATIENCE;
use parking_lot::Mutex;

struct Account {
    id: u32,
    balance: Mutex<i64>,
}

/// Locks `from` then `to`: the order depends on the direction of the transfer.
fn transfer_naive(from: &Account, to: &Account, amount: i64, both_hold_one: &Barrier) -> bool {
    let mut from_balance = from.balance.lock();
    // Make the bad timing certain: wait until the other thread holds its first lock too.
    both_hold_one.wait();
    let Some(mut to_balance) = to.balance.try_lock_for(DEADLOCK_PATIENCE) else {
        return false; // a real program would wait here forever
    };
    *from_balance -= amount;
    *to_balance += amount;
    true
}

/// Locks the account with the smaller id first, whatever the direction.
fn transfer_ordered(from: &Account, to: &Account, amount: i64) {
    let (first, second) = if from.id < to.id {
        (from, to)
    } else {
        (to, from)
    };
    let mut first_balance = first.balance.lock();
    let mut second_balance = second.balance.lock();
    let (from_balance, to_balance) = if from.id < to.id {
        (&mut *first_balance, &mut *second_balance)
    } else {
        (&mut *second_balance, &mut *first_balance)
    };
    *from_balance -= amount;
    *to_balance += amount;
}

fn main() {
    let a = Account {
        id: 1,
        balance: Mutex::new(100),
    };
    let b = Account {
        id: 2,
        balance: Mutex::new(100),
    };

    let both_hold_one = Barrier::new(2);
    let (ab, ba) = thread::scope(|s| {
        let ab = s.spawn(|| transfer_naive(&a, &b, 10, &both_hold_one));
        let ba = s.spawn(|| transfer_naive(&b, &a, 20, &both_hold_one));
        (ab.join().unwrap(), ba.join().unwrap())
    });
    println!("naive: a->b finished: {ab}, b->a finished: {ba}");
    if !(ab && ba) {
        println!(
            "  each thread held one account and waited {DEADLOCK_PATIENCE:?} for the other's: a \
             deadlock (without the timeout, both would wait forever)"
        );
    }

    thread::scope(|s| {
        s.spawn(|| (0..1000).for_each(|_| transfer_ordered(&a, &b, 1)));
        s.spawn(|| (0..1000).for_each(|_| transfer_ordered(&b, &a, 1)));
    });
    println!(
        "ordered: 2000 transfers both ways finished; balances {} and {}",
        a.balance.lock(),
        b.balance.lock()
    );
}
