//! Exercise: a connection pool, bounded concurrency where the permits are real things.
//!
//! A database allows 10 connections; a web server has 200 threads that each need one now and
//! then. Opening a connection per request is slow, and opening more than 10 fails. So the server
//! opens its 10 connections once, keeps them in a pool, and each thread borrows one, uses it and
//! gives it back. A thread that finds all 10 in use waits until one comes back.
//!
//! That is a semaphore with 10 permits, except that each permit is a connection. Build it:
//!
//! - `Pool::new(connections)` creates a pool lending out the given connections (any type `T`).
//! - `get()` borrows an idle connection. While every connection is in use it waits, asleep (not
//!   spinning), until one comes back.
//! - `try_get()` borrows an idle connection if there is one right now and returns `None`
//!   otherwise; it never waits.
//! - `idle()` says how many connections are waiting in the pool right now.
//! - A `Pooled<'_, T>` is the borrowed connection: it dereferences (`Deref` and `DerefMut`) to
//!   the `T`, so that `pooled.query(..)` just works. Dropping it puts the connection back in the
//!   pool, with whatever changes the user made to it, and wakes a thread waiting in `get()`.
//!
//! A connection is lent to one user at a time: the `Pooled` *owns* it while it is out, so the
//! compiler itself rules out two users sharing one. A `Pooled` borrows the pool, so it cannot
//! outlive it. And `Pool<T>` must be `Send + Sync` whenever `T: Send`, so that threads can share
//! it. Which connection `get()` hands out (first in, last in) is up to you.
//!
//! The lesson: `cargo doc -p semaphores --open`, or `crates/semaphores/src/`. Its example
//! `cargo run -p semaphores --example connection_pool` shows a pool at work.

use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::sync::Mutex;

/// A fixed set of connections that threads borrow one at a time each.
pub struct Pool<T> {
    // TODO: add a Condvar for `get` to sleep on. Change this as you see fit.
    idle: Mutex<Vec<T>>,
}

/// A connection borrowed from a [`Pool`]; it goes back to the pool when dropped.
pub struct Pooled<'a, T> {
    // TODO: the pool it goes back to, and the connection itself (an `Option<T>` lets `drop`
    // take it out).
    pool: PhantomData<&'a Pool<T>>,
}

impl<T> Pool<T> {
    /// Creates a pool lending out `connections`.
    pub fn new(connections: Vec<T>) -> Self {
        let _ = connections;
        todo!()
    }

    /// Borrows an idle connection, sleeping while every connection is in use.
    pub fn get(&self) -> Pooled<'_, T> {
        todo!()
    }

    /// Borrows an idle connection if there is one right now; never waits.
    pub fn try_get(&self) -> Option<Pooled<'_, T>> {
        todo!()
    }

    /// How many connections are idle in the pool right now.
    pub fn idle(&self) -> usize {
        let _ = &self.idle;
        todo!()
    }
}

impl<T> Deref for Pooled<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        todo!()
    }
}

impl<T> DerefMut for Pooled<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        todo!()
    }
}

impl<T> Drop for Pooled<'_, T> {
    fn drop(&mut self) {
        // TODO: put the connection back in the pool, and wake a thread waiting in `get()`.
        let _ = self.pool;
    }
}
