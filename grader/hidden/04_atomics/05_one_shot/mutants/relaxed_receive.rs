//! Mutant: takes the message with a `Relaxed` compare_exchange: the sender's `Release` store publishes to nobody.
use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicU8, Ordering};

/// No message yet.
const EMPTY: u8 = 0;
/// A sender is writing the message.
const SENDING: u8 = 1;
/// The message is in the slot, waiting for its receiver.
const READY: u8 = 2;
/// The message was taken out; the slot is empty for good.
const RECEIVED: u8 = 3;

/// A one-shot channel: one message, sent once, received once.
pub struct OneShot<T> {
    /// Where the message goes. Only the state says whether it is there.
    message: UnsafeCell<MaybeUninit<T>>,
    /// Where the channel is in its life: `EMPTY`, `SENDING`, `READY` or `RECEIVED`.
    state: AtomicU8,
}

// SAFETY: the message is never shared: one thread writes it (the one whose compare_exchange
// took the channel from EMPTY), and one thread reads it (the one whose compare_exchange took
// it from READY), after the write, which happens before the read through the Release store and
// the Acquire that reads it. So sharing a `OneShot<T>` only ever moves a `T` from one thread to
// another, which is sound exactly when `T: Send`.
unsafe impl<T: Send> Sync for OneShot<T> {}

impl<T> Default for OneShot<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> OneShot<T> {
    /// An empty channel.
    pub const fn new() -> Self {
        OneShot {
            message: UnsafeCell::new(MaybeUninit::uninit()),
            state: AtomicU8::new(EMPTY),
        }
    }

    /// Stores the message. Panics if a message was already sent.
    pub fn send(&self, message: T) {
        if self
            .state
            .compare_exchange(EMPTY, SENDING, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
        {
            panic!("send() on a OneShot that already had a message sent: one message, once");
        }
        // SAFETY: only this thread got the channel from EMPTY to SENDING, and nobody reads the
        // slot before READY.
        unsafe { (*self.message.get()).write(message) };
        self.state.store(READY, Ordering::Release);
    }

    /// Whether a message has been sent and not yet received.
    pub fn is_ready(&self) -> bool {
        self.state.load(Ordering::Relaxed) == READY
    }

    /// Takes the message. Panics if none is ready (never sent, or already received).
    pub fn receive(&self) -> T {
        if self
            .state
            .compare_exchange(READY, RECEIVED, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
        {
            panic!("receive() on a OneShot with no message ready (never sent, or received already)");
        }
        // SAFETY: only this thread got the channel from READY to RECEIVED; the Acquire read the
        // sender's Release store of READY, so its write of the message happened before this read,
        // and nobody touches the slot again.
        unsafe { (*self.message.get()).assume_init_read() }
    }
}

impl<T> Drop for OneShot<T> {
    fn drop(&mut self) {
        if *self.state.get_mut() == READY {
            // SAFETY: READY means a message was written and never read out; `&mut self` means
            // no other thread can touch it.
            unsafe { self.message.get_mut().assume_init_drop() }
        }
    }
}
