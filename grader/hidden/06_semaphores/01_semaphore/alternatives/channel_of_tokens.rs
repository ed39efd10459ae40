//! Alternative: a bounded crossbeam channel pre-filled with one token per permit. `acquire`
//! receives a token (sleeping while the channel is empty), dropping the permit sends it back.

use crossbeam_channel::{Receiver, Sender, bounded};

/// A counting semaphore: at most `permits` holders at once.
pub struct Semaphore {
    give_back: Sender<()>,
    take: Receiver<()>,
}

/// One permit of a [`Semaphore`], held until it is dropped.
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    /// Creates a semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Self {
        // A zero-capacity crossbeam channel is a rendezvous channel; one slot more costs nothing.
        let (give_back, take) = bounded(permits.max(1));
        for _ in 0..permits {
            give_back
                .send(())
                .expect("the channel has room for every token");
        }
        Self { give_back, take }
    }

    /// Takes a permit, sleeping while none is free.
    pub fn acquire(&self) -> Permit<'_> {
        self.take
            .recv()
            .expect("the semaphore holds both ends of its channel");
        Permit { semaphore: self }
    }

    /// Takes a permit if one is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        self.take
            .try_recv()
            .ok()
            .map(|()| Permit { semaphore: self })
    }

    /// How many permits are free right now.
    pub fn available(&self) -> usize {
        self.take.len()
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        // There is always room: each token in use left a free slot behind.
        let _ = self.semaphore.give_back.try_send(());
    }
}
