//! Mutant: locks `from` then `to`, so transfers in opposite directions deadlock.
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

pub struct Account {
    balance: Mutex<u64>,
}

impl Account {
    pub fn new(balance: u64) -> Self {
        Account {
            balance: Mutex::new(balance),
        }
    }

    pub fn balance(&self) -> u64 {
        *self.balance.lock().unwrap()
    }
}

pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    if std::ptr::eq(from, to) {
        return Ok(());
    }
    let mut from_balance = from.balance.lock().unwrap();
    let mut to_balance = to.balance.lock().unwrap();
    if *from_balance < amount {
        return Err(InsufficientFunds);
    }
    *from_balance -= amount;
    *to_balance += amount;
    Ok(())
}
