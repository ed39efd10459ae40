//! Mutant: orders the locks correctly, but a transfer from an account to itself locks its
//! Mutex twice and deadlocks.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsufficientFunds;

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

pub struct Account {
    id: u64,
    balance: Mutex<u64>,
}

impl Account {
    pub fn new(balance: u64) -> Self {
        Account {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            balance: Mutex::new(balance),
        }
    }

    pub fn balance(&self) -> u64 {
        *self.balance.lock().unwrap()
    }
}

pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    let (first, second) = if from.id <= to.id { (from, to) } else { (to, from) };
    let mut first_balance = first.balance.lock().unwrap();
    let mut second_balance = second.balance.lock().unwrap();
    let (from_balance, to_balance) = if from.id <= to.id {
        (&mut *first_balance, &mut *second_balance)
    } else {
        (&mut *second_balance, &mut *first_balance)
    };
    if *from_balance < amount {
        return Err(InsufficientFunds);
    }
    *from_balance -= amount;
    *to_balance += amount;
    Ok(())
}
