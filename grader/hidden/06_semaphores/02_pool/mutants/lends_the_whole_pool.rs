//! Mutant: a `Pooled` holds the lock of the whole pool while it is out: one user at a time.
//!
//! However many connections there are, only one of them is ever in use.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, MutexGuard, TryLockError};

/// A fixed set of connections that threads borrow one at a time each.
pub struct Pool<T> {
    connections: Mutex<Vec<T>>,
}

/// A connection borrowed from a [`Pool`]; it goes back to the pool when dropped.
pub struct Pooled<'a, T> {
    /// The whole pool, locked; the borrowed connection is its last one.
    guard: MutexGuard<'a, Vec<T>>,
}

impl<T> Pool<T> {
    /// Creates a pool lending out `connections`.
    pub fn new(connections: Vec<T>) -> Self {
        Self {
            connections: Mutex::new(connections),
        }
    }

    /// Borrows an idle connection, sleeping while every connection is in use.
    pub fn get(&self) -> Pooled<'_, T> {
        let guard = self
            .connections
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Pooled { guard }
    }

    /// Borrows an idle connection if there is one right now; never waits.
    pub fn try_get(&self) -> Option<Pooled<'_, T>> {
        match self.connections.try_lock() {
            Ok(guard) if !guard.is_empty() => Some(Pooled { guard }),
            Ok(_) | Err(TryLockError::WouldBlock) => None,
            Err(TryLockError::Poisoned(poisoned)) => Some(Pooled {
                guard: poisoned.into_inner(),
            }),
        }
    }

    /// How many connections are idle in the pool right now.
    pub fn idle(&self) -> usize {
        match self.connections.try_lock() {
            Ok(guard) => guard.len(),
            Err(TryLockError::WouldBlock) => 0,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner().len(),
        }
    }
}

impl<T> Deref for Pooled<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.guard.last().expect("the pool has a connection")
    }
}

impl<T> DerefMut for Pooled<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.guard.last_mut().expect("the pool has a connection")
    }
}
