//! Alternative: a `Mutex<Option<u32>>` holding the next id, `None` once the last is gone.
use std::sync::Mutex;

pub struct IdAllocator {
    next: Mutex<Option<u32>>,
    last: u32,
}

impl IdAllocator {
    pub const fn new(first: u32, last: u32) -> Self {
        let next = if first <= last { Some(first) } else { None };
        IdAllocator { next: Mutex::new(next), last }
    }

    pub fn allocate(&self) -> Option<u32> {
        let mut next = self.next.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let id = (*next)?;
        *next = if id < self.last { Some(id + 1) } else { None };
        Some(id)
    }
}
