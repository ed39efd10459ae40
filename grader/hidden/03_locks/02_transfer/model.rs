//! Model tests of locks/transfer: every interleaving of two transfers at once, explored by the
//! model checker. Two transfers that take the same two locks in opposite orders deadlock in one
//! of them (the checker finds every thread blocked), and a balance checked under one lock and
//! debited under another is spent twice in one of them, on any machine.
//!
//! The checker replays every interleaving from the start, and needs each replay to make the
//! same choices as the last: a transfer that orders its locks by the accounts' addresses would
//! choose differently if the accounts were somewhere else each time. So the accounts of a
//! scenario are opened at the same places in memory in every interleaving ([`Places`]).

use std::cell::UnsafeCell;
use std::mem::MaybeUninit;

use exercise::{Account, InsufficientFunds, transfer};
use sim::model::{self, Bounds};
use sim::thread;

/// Three places for accounts, made once for a test and used again by every interleaving.
struct Places([UnsafeCell<MaybeUninit<Account>>; 3]);

// SAFETY: the places are only reached through `open`, which hands out shared references to
// accounts, and an `Account` is `Sync` (the stress tests require it).
unsafe impl Sync for Places {}

impl Places {
    fn new() -> &'static Places {
        Box::leak(Box::new(Places(std::array::from_fn(|_| {
            UnsafeCell::new(MaybeUninit::uninit())
        }))))
    }

    /// Opens an account holding each of `balances`, in the places in order (so the first is at
    /// the lowest address).
    fn open<const N: usize>(&'static self, balances: [u64; N]) -> [&'static Account; N] {
        let mut index = 0;
        balances.map(|balance| {
            let place = self.0[index].get();
            index += 1;
            // SAFETY: interleavings run one at a time, and each opens its accounts before it
            // uses any and uses none after it ends, so no reference to what was here is left.
            // The account there before (if any) is forgotten, not dropped: it may be the one
            // an interleaving that failed left half-way.
            unsafe { &*(*place).write(Account::new(balance)) }
        })
    }
}

fn transfers_both_ways_at_once_never_deadlock() {
    let places = Places::new();
    model::check(Bounds::default(), move || {
        let [a, b] = places.open([1, 1]);
        let other = thread::spawn(move || transfer(a, b, 1));
        let back = transfer(b, a, 1);
        let there = other.join().unwrap();
        assert!(
            there == Ok(()) && back == Ok(()),
            "with 1 in each account, one thread called transfer(a, b, 1) while another called \
             transfer(b, a, 1); they returned {there:?} and {back:?}, and both should succeed \
             (whichever goes first, the other then finds 1 or 2 in its account)"
        );
        let (left, right) = (a.balance(), b.balance());
        assert_eq!(
            (left, right),
            (1, 1),
            "after transfer(a, b, 1) and transfer(b, a, 1) on two threads, the accounts hold \
             {left} and {right}; they should hold 1 and 1, as they began"
        );
    });
}

fn two_transfers_out_of_one_account_never_overdraw_it() {
    let places = Places::new();
    model::check(Bounds::default(), move || {
        // `a` in the middle: one transfer locks it first, the other second.
        let [b, a, c] = places.open([0, 1, 0]);
        let other = thread::spawn(move || transfer(a, b, 1));
        let to_c = transfer(a, c, 1);
        let to_b = other.join().unwrap();
        let succeeded = [to_b, to_c].iter().filter(|r| r.is_ok()).count();
        let (from, b, c) = (a.balance(), b.balance(), c.balance());
        assert!(
            succeeded == 1
                && [to_b, to_c].contains(&Err(InsufficientFunds))
                && (from, b + c) == (0, 1),
            "an account holding 1 was sent to two accounts at once, transfer(a, b, 1) and \
             transfer(a, c, 1) on two threads: they returned {to_b:?} and {to_c:?}, and the \
             accounts then held {from}, {b} and {c}. Exactly one transfer should succeed and \
             the other return Err(InsufficientFunds), leaving 0 in a: check the balance and \
             move the money while holding both locks, or both transfers can see the same money"
        );
    });
}

fn a_transfer_to_the_same_account_beside_another_transfer_never_deadlocks() {
    let places = Places::new();
    model::check(Bounds::default(), move || {
        let [a, b] = places.open([1, 0]);
        let other = thread::spawn(move || transfer(a, a, 1));
        let to_b = transfer(a, b, 1);
        let _ = other.join().unwrap();
        let (left, right) = (a.balance(), b.balance());
        assert!(
            to_b == Ok(()) && (left, right) == (0, 1),
            "with 1 in account a, one thread called transfer(a, a, 1) while another called \
             transfer(a, b, 1); the second returned {to_b:?} and the accounts then held {left} \
             and {right}. A transfer from an account to itself moves nothing, so the other \
             should succeed and leave 0 and 1"
        );
    });
}

harness::hidden_tests![
    transfers_both_ways_at_once_never_deadlock,
    two_transfers_out_of_one_account_never_overdraw_it,
    a_transfer_to_the_same_account_beside_another_transfer_never_deadlocks,
];
