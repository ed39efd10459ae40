//! Model tests of atomics/one_shot: a sender and a receiver, two senders, two receivers, in
//! every interleaving the model checker can find. The checker sees every use of the message's
//! `UnsafeCell`, so a message read without a `Release` store and an `Acquire` load between the
//! write and the read is reported as the data race it is, on any machine.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::Arc;

use exercise::OneShot;
use sim::model::{self, Bounds};
use sim::thread;

/// Calls `f`, which may panic on purpose (a refused send or receive); returns what it returned,
/// or `None` if it panicked. A panic of the model checker itself (a data race it found inside
/// `f`, say) is not a refusal: it goes on, to end the interleaving with its verdict.
fn refusable<R>(f: impl FnOnce() -> R) -> Option<R> {
    match catch_unwind(AssertUnwindSafe(|| harness::without_recording_panics(f))) {
        Ok(value) => Some(value),
        Err(payload) => {
            let text = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or_default();
            let from_the_checker = ["Causality violation", "Model exceeded", "deadlock"]
                .iter()
                .any(|sign| text.contains(sign));
            if from_the_checker {
                resume_unwind(payload);
            }
            None
        }
    }
}

fn a_message_sent_in_one_thread_is_received_in_another() {
    model::check(Bounds::default(), || {
        let channel = Arc::new(OneShot::new());
        let sender = {
            let channel = Arc::clone(&channel);
            thread::spawn(move || channel.send(String::from("hello")))
        };
        if channel.is_ready() {
            let message = channel.receive();
            assert_eq!(
                message, "hello",
                "is_ready() said a message was there, and receive() returned {message:?}; the \
                 message sent was \"hello\""
            );
        }
        sender.join().unwrap();
    });
}

fn two_senders_at_once_only_one_gets_in() {
    model::check(Bounds::default(), || {
        let channel = Arc::new(OneShot::new());
        let other = {
            let channel = Arc::clone(&channel);
            thread::spawn(move || refusable(|| channel.send(1)).is_some())
        };
        let mine = refusable(|| channel.send(2)).is_some();
        let theirs = other.join().unwrap();
        assert!(
            mine != theirs,
            "two threads called send() at once on a fresh OneShot, and {} of them returned \
             normally; exactly one should, and the other panic: claim the channel with one \
             compare_exchange from EMPTY",
            usize::from(mine) + usize::from(theirs)
        );
        let message = channel.receive();
        let sent = if mine { 2 } else { 1 };
        assert_eq!(
            message, sent,
            "the send() that returned normally sent {sent}, and receive() then returned \
             {message}"
        );
    });
}

fn two_receivers_at_once_only_one_gets_the_message() {
    model::check(Bounds::default(), || {
        let channel = Arc::new(OneShot::new());
        channel.send(Box::new(7));
        let other = {
            let channel = Arc::clone(&channel);
            thread::spawn(move || refusable(|| channel.receive()))
        };
        let mine = refusable(|| channel.receive());
        let theirs = other.join().unwrap();
        assert!(
            mine.is_some() != theirs.is_some(),
            "two threads called receive() at once on a OneShot holding one message, and {} of \
             them returned it; exactly one should, and the other panic: take the message with \
             one compare_exchange from READY",
            usize::from(mine.is_some()) + usize::from(theirs.is_some())
        );
    });
}

harness::hidden_tests![
    a_message_sent_in_one_thread_is_received_in_another,
    two_senders_at_once_only_one_gets_in,
    two_receivers_at_once_only_one_gets_the_message,
];
