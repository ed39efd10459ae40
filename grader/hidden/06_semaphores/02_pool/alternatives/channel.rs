//! Alternative: the idle connections travel in a crossbeam channel; `get` receives one (sleeping
//! while the channel is empty) and dropping the `Pooled` sends it back.

use crossbeam_channel::{Receiver, Sender, unbounded};
use std::ops::{Deref, DerefMut};

/// A fixed set of connections that threads borrow one at a time each.
pub struct Pool<T> {
    give_back: Sender<T>,
    take: Receiver<T>,
}

/// A connection borrowed from a [`Pool`]; it goes back to the pool when dropped.
pub struct Pooled<'a, T> {
    pool: &'a Pool<T>,
    connection: Option<T>,
}

impl<T> Pool<T> {
    /// Creates a pool lending out `connections`.
    pub fn new(connections: Vec<T>) -> Self {
        let (give_back, take) = unbounded();
        for connection in connections {
            let _ = give_back.send(connection);
        }
        Self { give_back, take }
    }

    /// Borrows an idle connection, sleeping while every connection is in use.
    pub fn get(&self) -> Pooled<'_, T> {
        let connection = self
            .take
            .recv()
            .expect("the pool holds both ends of its channel");
        Pooled {
            pool: self,
            connection: Some(connection),
        }
    }

    /// Borrows an idle connection if there is one right now; never waits.
    pub fn try_get(&self) -> Option<Pooled<'_, T>> {
        let connection = self.take.try_recv().ok()?;
        Some(Pooled {
            pool: self,
            connection: Some(connection),
        })
    }

    /// How many connections are idle in the pool right now.
    pub fn idle(&self) -> usize {
        self.take.len()
    }
}

impl<T> Deref for Pooled<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.connection.as_ref().expect("held until dropped")
    }
}

impl<T> DerefMut for Pooled<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.connection.as_mut().expect("held until dropped")
    }
}

impl<T> Drop for Pooled<'_, T> {
    fn drop(&mut self) {
        if let Some(connection) = self.connection.take() {
            let _ = self.pool.give_back.send(connection);
        }
    }
}
