//! Alternative: the GIL is a single token in a channel of capacity 1. Taking the GIL is
//! receiving the token, releasing it is sending it back; a waiting thread sleeps in `recv()`.

use crossbeam_channel::{Receiver, Sender, bounded};
use std::marker::PhantomData;

/// A global interpreter lock.
pub struct Gil {
    give: Sender<()>,
    take: Receiver<()>,
}

/// Proof that this thread holds the GIL.
pub struct GilGuard<'a> {
    gil: &'a Gil,
    _not_send: PhantomData<*const ()>,
}

impl Gil {
    /// A GIL nobody holds: the token is in the channel.
    pub fn new() -> Self {
        let (give, take) = bounded(1);
        give.send(()).expect("the channel is open");
        Self { give, take }
    }

    fn take(&self) {
        self.take.recv().expect("the Gil owns both ends");
    }

    fn give_back(&self) {
        self.give.send(()).expect("the Gil owns both ends");
    }

    /// Waits for the GIL and takes it.
    pub fn acquire(&self) -> GilGuard<'_> {
        self.take();
        GilGuard {
            gil: self,
            _not_send: PhantomData,
        }
    }
}

impl GilGuard<'_> {
    /// Releases the GIL while `f` runs, takes it back after.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        /// Takes the token back when dropped: after `f` returns, and also if `f` panics, so
        /// that the guard's drop never puts a second token in the channel.
        struct TakeBack<'a>(&'a Gil);
        impl Drop for TakeBack<'_> {
            fn drop(&mut self) {
                self.0.take();
            }
        }

        self.gil.give_back();
        let _take_back = TakeBack(self.gil);
        f()
    }
}

impl Drop for GilGuard<'_> {
    fn drop(&mut self) {
        self.gil.give_back();
    }
}
