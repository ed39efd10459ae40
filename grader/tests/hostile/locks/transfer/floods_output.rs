//! expect: failed: more bytes of output were cut
//! Prints 20 MB (once per process; the grader keeps 16 KiB), then gives wrong answers.
use std::io::Write;
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

pub struct Account {
    balance: Mutex<u64>,
}

impl Account {
    pub fn new(balance: u64) -> Self {
        let _ = balance;
        static FLOOD: std::sync::Once = std::sync::Once::new();
        FLOOD.call_once(|| {
            let line = [b'x'; 1023];
            let mut out = std::io::stdout().lock();
            for _ in 0..20 * 1024 {
                let _ = out.write_all(&line);
                let _ = out.write_all(b"\n");
            }
        });
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
