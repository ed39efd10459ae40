//! Alternative: one lock for the whole bank. Slower under load, but it cannot deadlock.
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

static BANK: Mutex<()> = Mutex::new(());

pub struct Account {
    balance: AtomicU64,
}

impl Account {
    pub fn new(balance: u64) -> Self {
        Account {
            balance: AtomicU64::new(balance),
        }
    }

    pub fn balance(&self) -> u64 {
        let _bank = BANK.lock().unwrap_or_else(|p| p.into_inner());
        self.balance.load(Ordering::Relaxed)
    }
}

pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    let _bank = BANK.lock().unwrap_or_else(|p| p.into_inner());
    let available = from.balance.load(Ordering::Relaxed);
    if available < amount {
        return Err(InsufficientFunds);
    }
    from.balance.store(available - amount, Ordering::Relaxed);
    to.balance.fetch_add(amount, Ordering::Relaxed);
    Ok(())
}
