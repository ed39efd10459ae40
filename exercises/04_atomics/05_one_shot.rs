//! # Atomics 5: a one-shot channel
//!
//! One thread computes an answer, another is waiting for it: a one-shot channel carries exactly
//! one message, sent once and received once. It is what a thread pool hands back for each job
//! ("the result will be here"), and the smallest channel there is. Build it from an atomic state
//! and a slot for the message, with no lock.
//!
//! The API is fixed:
//! - `OneShot::new()` makes an empty channel (a `const fn`, so a channel can be a `static`);
//! - `send(message)` stores the message. It panics if a message was already sent, even one that
//!   has been received since: one message, once;
//! - `is_ready()` says whether a message has been sent and not yet received;
//! - `receive()` takes the message out. It panics if none is ready (never sent, or already
//!   received);
//! - dropping a `OneShot` drops a message that was sent and never received, exactly once.
//!
//! The slot: `UnsafeCell<MaybeUninit<T>>`. `MaybeUninit<T>` is room for a `T` that may not be
//! there yet (`MaybeUninit::uninit()`, `write`, `assume_init_read`, `assume_init_drop`); the
//! `UnsafeCell` lets you change it through `&self` (`get()` gives a `*mut MaybeUninit<T>`).
//! Neither tracks whether a message is in it, nor stops two threads from touching it at once:
//! your state does.
//!
//! The state: one `AtomicU8` that goes `EMPTY → SENDING → READY → RECEIVED` (name the four
//! values with `const`s), and each step is taken by **one atomic operation that checks where
//! it starts from**, `compare_exchange`. A `send` that first loads the state, sees `EMPTY` and
//! then writes lets two senders in at once; a `receive` that loads `READY` and then reads lets
//! two receivers take the same message, which is then dropped twice. A refused `send` must not
//! change the state either (a `swap` does).
//!
//! The orderings: the message is plain memory, so it is handed from the sender to the receiver
//! by the state: `send` writes the message and then publishes it with a `Release` store of
//! `READY`; `receive` must read `READY` with an `Acquire` (the success ordering of its
//! `compare_exchange`) before it touches the slot. Without that pair, the two threads' accesses
//! to the slot are a data race: undefined behaviour, which the grader's model checker finds in
//! any interleaving where it happens.
//!
//! Two more things make it sound:
//! - `Drop` has `&mut self`, so no other thread can be using the channel: read the state with
//!   `*self.state.get_mut()` and, if a message is waiting, drop it in place
//!   (`self.message.get_mut().assume_init_drop()`).
//! - `UnsafeCell` makes `OneShot<T>` not `Sync`, so it cannot be shared between threads until
//!   you say it may, with an `unsafe impl`. For which `T`? The message is moved from one thread
//!   to another and never shared: that is safe exactly when `T: Send`, which is what the
//!   `unsafe impl` below says. (A `OneShot<Rc<u32>>` shared between threads would let two
//!   threads change one `Rc`'s count at once; the grader checks that the compiler refuses it,
//!   so keep the bound.) The promise it makes is yours to keep: it is sound only once `send` and
//!   `receive` hand the message over as described above. `OneShot<T>` is already `Send` when
//!   `T: Send`.
//!
//! Check your work: `cargo run -p grader -- check atomics/one_shot`.

use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::AtomicU8;

/// A one-shot channel: one message, sent once, received once.
pub struct OneShot<T> {
    /// Where the message goes. Only the state says whether it is there.
    message: UnsafeCell<MaybeUninit<T>>,
    /// Where the channel is in its life: empty, being sent, ready, received.
    state: AtomicU8,
}

// SAFETY: one thread writes the message (the one that took the channel from EMPTY) and one
// thread reads it (the one that took it from READY), and the write happens before the read
// (Release, then Acquire): sharing a `OneShot<T>` only ever moves a `T` from one thread to
// another, which is sound exactly when `T: Send`. (True once the TODOs below are done.)
unsafe impl<T: Send> Sync for OneShot<T> {}

impl<T> OneShot<T> {
    /// An empty channel.
    pub const fn new() -> Self {
        OneShot {
            message: UnsafeCell::new(MaybeUninit::uninit()),
            state: AtomicU8::new(0),
        }
    }

    /// Stores the message. Panics if a message was already sent.
    pub fn send(&self, message: T) {
        // TODO: claim the channel (EMPTY → SENDING) in one step, or panic; write the message;
        // publish it (READY) with a `Release` store.
        let _ = message;
        todo!()
    }

    /// Whether a message has been sent and not yet received.
    pub fn is_ready(&self) -> bool {
        todo!()
    }

    /// Takes the message. Panics if none is ready (never sent, or already received).
    pub fn receive(&self) -> T {
        // TODO: READY → RECEIVED in one step with `Acquire`, or panic; then read the message.
        let _ = &self.message;
        todo!()
    }
}

// TODO: `impl<T> Drop for OneShot<T>`: drop a message that was sent and never received.
