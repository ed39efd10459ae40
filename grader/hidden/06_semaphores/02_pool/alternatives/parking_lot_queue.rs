//! Alternative: `parking_lot`, a first-in first-out `VecDeque` of idle connections, and a
//! `Pooled` that keeps its connection in a `ManuallyDrop` instead of an `Option`.

use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

/// A fixed set of connections that threads borrow one at a time each.
pub struct Pool<T> {
    idle: Mutex<VecDeque<T>>,
    returned: Condvar,
}

/// A connection borrowed from a [`Pool`]; it goes back to the pool when dropped.
pub struct Pooled<'a, T> {
    pool: &'a Pool<T>,
    connection: ManuallyDrop<T>,
}

impl<T> Pool<T> {
    /// Creates a pool lending out `connections`.
    pub fn new(connections: Vec<T>) -> Self {
        Self {
            idle: Mutex::new(connections.into()),
            returned: Condvar::new(),
        }
    }

    /// Borrows an idle connection, sleeping while every connection is in use.
    pub fn get(&self) -> Pooled<'_, T> {
        let mut idle = self.idle.lock();
        loop {
            if let Some(connection) = idle.pop_front() {
                return Pooled {
                    pool: self,
                    connection: ManuallyDrop::new(connection),
                };
            }
            self.returned.wait(&mut idle);
        }
    }

    /// Borrows an idle connection if there is one right now; never waits.
    pub fn try_get(&self) -> Option<Pooled<'_, T>> {
        let connection = self.idle.lock().pop_front()?;
        Some(Pooled {
            pool: self,
            connection: ManuallyDrop::new(connection),
        })
    }

    /// How many connections are idle in the pool right now.
    pub fn idle(&self) -> usize {
        self.idle.lock().len()
    }
}

impl<T> Deref for Pooled<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.connection
    }
}

impl<T> DerefMut for Pooled<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.connection
    }
}

impl<T> Drop for Pooled<'_, T> {
    fn drop(&mut self) {
        // SAFETY: `connection` is taken exactly once, here, and never used again.
        let connection = unsafe { ManuallyDrop::take(&mut self.connection) };
        self.pool.idle.lock().push_back(connection);
        self.pool.returned.notify_one();
    }
}
