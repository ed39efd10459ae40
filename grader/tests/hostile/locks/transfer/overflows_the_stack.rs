//! expect: crashed: stack overflow
//! Recurses without end.
use std::sync::Mutex;

#[allow(unconditional_recursion)]
fn deeper(depth: u64) -> u64 {
    let padding = [depth; 64];
    deeper(depth + 1) + std::hint::black_box(padding)[0]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

pub struct Account {
    balance: Mutex<u64>,
}

impl Account {
    pub fn new(balance: u64) -> Self {
        let _ = balance;
        deeper(0);
        Account { balance: Mutex::new(0) }
    }

    pub fn balance(&self) -> u64 {
        *self.balance.lock().unwrap()
    }
}

pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    let _ = (from, to, amount);
    Err(InsufficientFunds)
}
