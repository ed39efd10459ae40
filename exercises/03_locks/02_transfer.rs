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
//! whatever the direction of the transfer (the lesson shows how).
//!
//! Build `Account` and `transfer`:
//! - `Account::new(balance)` opens an account; `balance()` says what is in it;
//! - `transfer(from, to, amount)` moves `amount` if `from` holds at least that much, and returns
//!   `Err(InsufficientFunds)` (moving nothing) otherwise. `from` and `to` may be the same
//!   account: that moves nothing, and must not deadlock either.
//!
//! Check your work: `cargo run -p grader -- check locks/transfer`.

/// A transfer asked for more than the account holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

/// A bank account that many threads can transfer to and from at once.
pub struct Account {
    // TODO: what does an account need so that transfers can lock it, and lock any two accounts
    // in the same order every time?
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
