//! Mutant: `get()` waits with `if` instead of `while`: a thread woken by a connection put back
//! takes one without looking again, even if another thread took it first.

use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, MutexGuard};

/// A fixed set of connections that threads borrow one at a time each.
pub struct Pool<T> {
    /// The connections nobody is using right now.
    idle: Mutex<Vec<T>>,
    /// Signalled whenever a connection comes back.
    returned: Condvar,
}

/// A connection borrowed from a [`Pool`]; it goes back to the pool when dropped.
#[must_use = "the connection goes back to the pool as soon as it is dropped"]
pub struct Pooled<'a, T> {
    pool: &'a Pool<T>,
    /// Always `Some` until `drop` takes it back to the pool.
    connection: Option<T>,
}

impl<T> Pool<T> {
    /// Creates a pool lending out `connections`.
    pub fn new(connections: Vec<T>) -> Self {
        Self {
            idle: Mutex::new(connections),
            returned: Condvar::new(),
        }
    }

    /// Borrows an idle connection, sleeping while every connection is in use.
    pub fn get(&self) -> Pooled<'_, T> {
        let mut idle = self.lock();
        if idle.is_empty() {
            idle = self
                .returned
                .wait(idle)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        let connection = idle.pop();
        Pooled {
            pool: self,
            connection,
        }
    }

    /// Borrows an idle connection if there is one right now; never waits.
    pub fn try_get(&self) -> Option<Pooled<'_, T>> {
        let connection = self.lock().pop()?;
        Some(Pooled {
            pool: self,
            connection: Some(connection),
        })
    }

    /// How many connections are idle in the pool right now.
    pub fn idle(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<T>> {
        // Each change to the Vec is one push or pop, so a panic cannot leave it half-changed.
        self.idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl<T> Deref for Pooled<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.connection
            .as_ref()
            .expect("a Pooled holds its connection until it is dropped")
    }
}

impl<T> DerefMut for Pooled<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.connection
            .as_mut()
            .expect("a Pooled holds its connection until it is dropped")
    }
}

impl<T> Drop for Pooled<'_, T> {
    fn drop(&mut self) {
        if let Some(connection) = self.connection.take() {
            self.pool.lock().push(connection);
            // One connection can serve one waiter.
            self.pool.returned.notify_one();
        }
    }
}
