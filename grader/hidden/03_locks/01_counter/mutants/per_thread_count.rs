//! Mutant: keeps a count per thread (thread_local) where one shared count was needed.
use std::cell::Cell;

thread_local! {
    static COUNT: Cell<u64> = const { Cell::new(0) };
}

pub struct Counter;

impl Counter {
    pub fn new() -> Self {
        COUNT.with(|count| count.set(0));
        Counter
    }

    pub fn increment(&self) {
        self.add(1);
    }

    pub fn add(&self, n: u64) {
        COUNT.with(|count| count.set(count.get() + n));
    }

    pub fn get(&self) -> u64 {
        COUNT.with(Cell::get)
    }
}
