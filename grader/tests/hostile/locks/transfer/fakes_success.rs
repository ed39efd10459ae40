//! expect: failed: exited with status 0 before the test finished
//! Prints what libtest prints for a passing run, and a guess at the grader's pass line, then
//! exits successfully.
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

pub struct Account {
    balance: Mutex<u64>,
}

impl Account {
    pub fn new(balance: u64) -> Self {
        let _ = balance;
        println!("running 9 tests");
        println!("test result: ok. 9 passed; 0 failed; 0 ignored; 0 measured");
        println!("@@threadlings:pass:00000000000000000000000000000000");
        std::process::exit(0)
    }

    pub fn balance(&self) -> u64 {
        *self.balance.lock().unwrap()
    }
}

pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    let _ = (from, to, amount);
    Err(InsufficientFunds)
}
