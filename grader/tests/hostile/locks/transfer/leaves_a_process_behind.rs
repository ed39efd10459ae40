//! expect: timed_out: did not finish
//! Starts a long-lived child process (marked so the test can look for it), then hangs.
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

pub struct Account {
    balance: Mutex<u64>,
}

impl Account {
    pub fn new(balance: u64) -> Self {
        let _ = balance;
        let _ = std::process::Command::new("sh")
            .args(["-c", "sleep 3600; echo threadlings-orphan-marker"])
            .spawn();
        std::thread::sleep(std::time::Duration::from_secs(3600));
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
