//! A pool of 3 database "connections" shared by 8 worker threads: a semaphore whose permits are
//! the connections themselves. Each worker borrows a connection, runs a pretend query and puts
//! it back by dropping its guard; the pool never lends one connection to two workers at once.
//!
//! Run it with `cargo run -p semaphores --example connection_pool`.

use crossbeam_channel::{Receiver, Sender, unbounded};
use std::ops::{Deref, DerefMut};
use std::thread;
use std::time::Duration;

/// A pretend database connection: opening one is expensive, so the program opens 3 and reuses
/// them.
struct Connection {
    id: usize,
    queries: usize,
}

impl Connection {
    fn query(&mut self, sql: &str) -> String {
        self.queries += 1;
        thread::sleep(Duration::from_millis(50)); // the database thinking
        format!("connection {} ran {sql:?}", self.id)
    }
}

/// The idle connections travel in a channel: borrowing receives one (waiting while none is
/// idle), and a borrowed connection is sent back when its guard is dropped.
struct Pool {
    put_back: Sender<Connection>,
    borrow: Receiver<Connection>,
}

/// A borrowed connection; it goes back to the pool when dropped.
struct Pooled<'a> {
    pool: &'a Pool,
    connection: Option<Connection>,
}

impl Pool {
    fn new(connections: Vec<Connection>) -> Self {
        let (put_back, borrow) = unbounded();
        for connection in connections {
            put_back
                .send(connection)
                .expect("the pool owns the receiver");
        }
        Pool { put_back, borrow }
    }

    fn get(&self) -> Pooled<'_> {
        let connection = self.borrow.recv().expect("the pool owns the sender");
        Pooled {
            pool: self,
            connection: Some(connection),
        }
    }
}

impl Deref for Pooled<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.connection.as_ref().expect("held until dropped")
    }
}

impl DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut Connection {
        self.connection.as_mut().expect("held until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(connection) = self.connection.take() {
            let _ = self.pool.put_back.send(connection);
        }
    }
}

fn main() {
    let pool = Pool::new((1..=3).map(|id| Connection { id, queries: 0 }).collect());
    thread::scope(|s| {
        for worker in 1..=8 {
            let pool = &pool;
            s.spawn(move || {
                for job in 1..=3 {
                    let mut connection = pool.get(); // waits while all 3 are in use
                    let answer = connection.query(&format!("SELECT {job} -- worker {worker}"));
                    println!("worker {worker}: {answer}");
                } // the connection goes back here, at the end of each job
            });
        }
    });
    let mut connections: Vec<Connection> = pool.borrow.try_iter().collect();
    connections.sort_by_key(|c| c.id);
    for connection in &connections {
        println!(
            "connection {} served {} queries",
            connection.id, connection.queries
        );
    }
    let total: usize = connections.iter().map(|c| c.queries).sum();
    println!("{total} queries on 3 connections, never one connection for two workers at once");
}
