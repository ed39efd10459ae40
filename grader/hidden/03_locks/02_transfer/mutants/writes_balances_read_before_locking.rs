//! Mutant: reads both balances first, then locks both accounts (in the right order), checks
//! the balance under the locks, and writes the new balances computed from what it read before:
//! a transfer that moved money in between is overwritten.

use std::sync::{Mutex, MutexGuard};

/// A transfer asked for more than the account holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

/// A bank account that many threads can transfer to and from at once.
pub struct Account {
    balance: Mutex<u64>,
}

impl Account {
    /// Opens an account holding `balance`.
    pub fn new(balance: u64) -> Self {
        Account {
            balance: Mutex::new(balance),
        }
    }

    /// What the account holds now.
    pub fn balance(&self) -> u64 {
        *self.lock()
    }

    /// Where the account is in memory: the order in which transfers lock accounts. Two live
    /// accounts never share an address, and a borrowed account cannot move, so the order stays
    /// the same for the whole transfer.
    fn address(&self) -> usize {
        std::ptr::from_ref(self) as usize
    }

    fn lock(&self) -> MutexGuard<'_, u64> {
        // A balance is a single number: a thread that panicked holding the lock cannot have
        // left it half-written, so a poisoned lock is still usable.
        self.balance
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Moves `amount` from `from` to `to`, or nothing if `from` holds less than `amount`.
pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    if std::ptr::eq(from, to) {
        // Locking the same Mutex twice would deadlock; moving money to where it is changes
        // nothing, as long as it is there.
        return if from.balance() >= amount {
            Ok(())
        } else {
            Err(InsufficientFunds)
        };
    }
    // What the accounts hold, to compute the new balances from.
    let (from_before, to_before) = (from.balance(), to.balance());
    // Lower address first, always: this is what makes a deadlock impossible.
    let (mut from_balance, mut to_balance) = if from.address() < to.address() {
        let from_balance = from.lock();
        (from_balance, to.lock())
    } else {
        let to_balance = to.lock();
        (from.lock(), to_balance)
    };
    if *from_balance < amount {
        return Err(InsufficientFunds);
    }
    *from_balance = from_before.saturating_sub(amount);
    *to_balance = to_before + amount;
    Ok(())
}
