//! expect: crashed: a panic while already panicking
//! Panics in Drop while a panic is unwinding, which aborts the process.
use std::sync::Mutex;

struct Bomb;
impl Drop for Bomb {
    fn drop(&mut self) {
        panic!("a second panic, in Drop");
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

pub struct Account {
    balance: Mutex<u64>,
}

impl Account {
    pub fn new(balance: u64) -> Self {
        let _ = balance;
        let _bomb = Bomb;
        panic!("the first panic");
    }

    pub fn balance(&self) -> u64 {
        *self.balance.lock().unwrap()
    }
}

pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    let _ = (from, to, amount);
    Err(InsufficientFunds)
}
