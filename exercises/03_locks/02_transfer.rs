//! # Locks 2: transfers that cannot deadlock
//!
//! A bank moves money between accounts from many threads at once. Each account has its own
//! lock, so that transfers between different accounts do not wait for each other. A transfer
//! must hold both accounts' locks while it checks the balance and moves the money: otherwise two
//! transfers could both see enough money and overdraw the account.
//!
//! The trap: if one thread transfers from A to B (locking A, then B) while another transfers
//! from B to A (locking B, then A), each can end up holding one lock and waiting forever for the
//! other. That is a deadlock. The cure is to take the two locks in the same order everywhere,
//! whatever the direction of the transfer (the lesson's "Deadlock: two locks, two orders", and
//! `cargo run -p locks --example deadlock`).
//!
//! Build `Account` and `transfer`:
//! - `Account::new(balance)` opens an account; `balance()` says what is in it;
//! - `transfer(from, to, amount)` moves `amount` if `from` holds at least that much, and returns
//!   `Err(InsufficientFunds)` (moving nothing) otherwise. `from` and `to` may be the same
//!   account: that moves nothing, and must not deadlock either.
//! - `Account` must be `Send + Sync`: the tests share accounts in an `Arc` between many threads
//!   at once. A `Mutex` field around the balance gives that for free; a `Cell` or `RefCell`
//!   would not compile.
//!
//! Which order? The lesson's example orders by an id, but `Account::new` takes none, so each
//! account needs some key that no other account has and that cannot change during a transfer:
//!
//! - its address: `std::ptr::from_ref(account) as usize`. Two live accounts never share one,
//!   and an account borrowed by `transfer` cannot move, so the order holds for the whole
//!   transfer. This needs no extra field.
//! - or a number given when the account opens, from a counter shared by all accounts: a
//!   `static NEXT_ID: Mutex<u64> = Mutex::new(0);` (or an `AtomicU64` and `fetch_add`, which the
//!   atomics section teaches), stored in a field.
//!
//! Then lock the account with the smaller key first and the other second, keep both guards
//! alive while you check the balance and move the money, and name them by role (`from`'s and
//! `to`'s) whichever came first. The same account on both sides (`std::ptr::eq(from, to)`)
//! needs its own case: std's `Mutex` is not re-entrant, so locking it a second time on the same
//! thread never returns.
//!
//! Check your work: `cargo run -p grader -- check locks/transfer`.

/// A transfer asked for more than the account holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

/// A bank account that many threads can transfer to and from at once.
pub struct Account {
    // TODO: a lock around the balance, and (unless you order by address) a key that puts any
    // two accounts in the same order every time.
}

impl Account {
    /// Opens an account holding `balance`.
    pub fn new(balance: u64) -> Self {
        let _ = balance;
        todo!()
    }

    /// What the account holds now.
    pub fn balance(&self) -> u64 {
        todo!()
    }
}

/// Moves `amount` from `from` to `to`, or nothing if `from` holds less than `amount`.
pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    let _ = (from, to, amount);
    todo!()
}
