//! # A bounded channel of tokens is a semaphore
//!
//! Fill a channel with N tokens. Taking a token out (`recv`) is acquiring: it sleeps while the
//! channel is empty. Putting it back (`send`) is releasing: it wakes a receiver. The channel does
//! the locking, the waiting and the waking, and it is already tested by people who do nothing
//! else. With crossbeam's channels, whose `Receiver` can be shared between threads, that is a
//! whole semaphore:
//!
//! ```
//! use crossbeam_channel::bounded;
//! use std::thread;
//!
//! let (give_back, take) = bounded(3);
//! for _ in 0..3 {
//!     give_back.send(()).unwrap(); // three free permits
//! }
//! thread::scope(|s| {
//!     for _ in 0..8 {
//!         s.spawn(|| {
//!             take.recv().unwrap(); // acquire: sleeps while all 3 are out
//!             // ... at most 3 threads are here at once ...
//!             give_back.send(()).unwrap(); // release
//!         });
//!     }
//! });
//! assert_eq!(take.len(), 3);
//! ```
//!
//! Written like that, the release is a call that can be forgotten or doubled, the problem of
//! Python's plain `Semaphore` (see [`permits`](crate::permits)). [`TokenSemaphore`] wraps the
//! channel in the permit pattern, and is the semaphore the examples of this lesson use.
//!
//! The tokens need not be `()`. When they are the resources themselves (connections, buffers),
//! the semaphore becomes a pool: see [`pools`](crate::pools).

use crossbeam_channel::{Receiver, Sender, bounded};

/// A counting semaphore made of a bounded channel holding one token per free permit.
///
/// ```
/// use semaphores::channels::TokenSemaphore;
///
/// let semaphore = TokenSemaphore::new(2);
/// let first = semaphore.acquire();
/// let second = semaphore.try_acquire().expect("one permit is still free");
/// assert!(semaphore.try_acquire().is_none());
/// drop(first);
/// assert_eq!(semaphore.available(), 1);
/// drop(second);
/// ```
pub struct TokenSemaphore {
    give_back: Sender<()>,
    take: Receiver<()>,
}

/// A permit of a [`TokenSemaphore`]: its token goes back into the channel when it is dropped.
#[must_use = "a permit is given back as soon as it is dropped"]
pub struct TokenPermit<'a> {
    semaphore: &'a TokenSemaphore,
}

impl TokenSemaphore {
    /// Creates a semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Self {
        // A crossbeam channel of capacity 0 is a rendezvous channel, which holds nothing; one
        // slot more than needed costs nothing.
        let (give_back, take) = bounded(permits.max(1));
        for _ in 0..permits {
            give_back
                .send(())
                .expect("the channel has room for every token");
        }
        Self { give_back, take }
    }

    /// Takes a permit, sleeping while none is free.
    pub fn acquire(&self) -> TokenPermit<'_> {
        self.take
            .recv()
            .expect("the semaphore owns both ends of its channel, so it is never disconnected");
        TokenPermit { semaphore: self }
    }

    /// Takes a permit if one is free right now; never waits.
    pub fn try_acquire(&self) -> Option<TokenPermit<'_>> {
        self.take
            .try_recv()
            .ok()
            .map(|()| TokenPermit { semaphore: self })
    }

    /// How many permits are free right now (a snapshot: it may change at once).
    pub fn available(&self) -> usize {
        self.take.len()
    }
}

impl Drop for TokenPermit<'_> {
    fn drop(&mut self) {
        // There is always room: the token of this permit left its slot free.
        let _ = self.semaphore.give_back.try_send(());
    }
}
