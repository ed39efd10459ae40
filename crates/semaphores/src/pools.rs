//! # Pools: when the permits are real things
//!
//! A semaphore of 10 in front of a database says "at most 10 threads talk to it at once", and
//! then each of those threads still needs a connection. If it opens one each time, it pays for
//! the connection set-up on every query; if the program keeps 10 open connections in a list,
//! the list needs a lock, and the semaphore and the list must agree on the count.
//!
//! A **pool** merges the two: the free permits *are* the idle connections. Borrowing takes one
//! out of the pool, waiting while the pool is empty; dropping the borrowed connection puts it
//! back and wakes a waiter. One `Mutex<Vec<Connection>>` and one `Condvar` do it all (that is
//! the second exercise), or a channel whose items are the connections:
//!
//! ```
//! use crossbeam_channel::unbounded;
//! use std::thread;
//!
//! struct Connection {
//!     id: usize,
//!     queries: usize,
//! }
//!
//! let (put_back, borrow) = unbounded();
//! for id in 0..3 {
//!     put_back.send(Connection { id, queries: 0 }).unwrap();
//! }
//! thread::scope(|s| {
//!     for _ in 0..8 {
//!         s.spawn(|| {
//!             let mut connection = borrow.recv().unwrap(); // waits while all 3 are out
//!             connection.queries += 1; // ... use it: nobody else can ...
//!             put_back.send(connection).unwrap();
//!         });
//!     }
//! });
//! let total: usize = borrow.try_iter().map(|c| c.queries).sum();
//! assert_eq!(total, 8);
//! ```
//!
//! ## Ownership does the rest
//!
//! In Python, nothing stops two threads from using the same connection object at once; the
//! pool's discipline is a convention. In Rust, the borrowed connection is *moved* out of the
//! pool, so while one thread holds it, no other thread has it at all: sharing one connection by
//! mistake does not compile. And the changes a user makes (a session setting, a prepared
//! statement) travel back into the pool with the connection.
//!
//! As with permits, hand the connection out wrapped in a guard (`Pooled<'_, T>`, which
//! dereferences to the connection with `Deref` and `DerefMut`) whose `Drop` puts it back, so
//! that a user cannot forget to return it. Inside the guard, keep the connection in an
//! `Option<T>`: `Drop` only gets `&mut self`, and `Option::take` is how it moves the connection
//! out to send it home.
//!
//! Real pools (the `r2d2` and `deadpool` crates) add what a long-running server needs: opening
//! connections lazily, checking that a connection returned is still healthy, a timeout on
//! waiting. The core is this one.
//!
//! `cargo run -p semaphores --example connection_pool` runs 8 threads on a pool of 3.
