//! expect: timed_out: deadlocked
//! Takes the same lock twice, so the second lock() waits forever.
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

pub struct Account {
    balance: Mutex<u64>,
}

impl Account {
    pub fn new(balance: u64) -> Self {
        let _ = balance;
        let counter = Account { balance: Mutex::new(0) };
        let _first = counter.balance.lock().unwrap();
        let _second = counter.balance.lock().unwrap();
        unreachable!()
    }

    pub fn balance(&self) -> u64 {
        *self.balance.lock().unwrap()
    }
}

pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    let _ = (from, to, amount);
    Err(InsufficientFunds)
}
