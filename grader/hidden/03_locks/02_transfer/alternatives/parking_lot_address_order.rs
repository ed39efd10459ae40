//! Alternative: parking_lot mutexes, locked in the order of the accounts' addresses.
use parking_lot::Mutex;

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
        *self.balance.lock()
    }
}

pub fn transfer(from: &Account, to: &Account, amount: u64) -> Result<(), InsufficientFunds> {
    if std::ptr::eq(from, to) {
        return if *from.balance.lock() >= amount { Ok(()) } else { Err(InsufficientFunds) };
    }
    // Borrowed accounts cannot move, so their addresses order them for the whole transfer.
    let from_first = (from as *const Account) < (to as *const Account);
    let (mut first, mut second) = if from_first {
        (from.balance.lock(), to.balance.lock())
    } else {
        (to.balance.lock(), from.balance.lock())
    };
    let (from_balance, to_balance) = if from_first {
        (&mut *first, &mut *second)
    } else {
        (&mut *second, &mut *first)
    };
    if *from_balance < amount {
        return Err(InsufficientFunds);
    }
    *from_balance -= amount;
    *to_balance += amount;
    Ok(())
}
