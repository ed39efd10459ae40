//! Hidden tests for exercises/05_conditions/01_bounded_buffer.rs: a bounded producer/consumer
//! buffer whose blocked threads must sleep, re-check their condition after every wake-up, and all
//! wake up on close().

use exercise::BoundedBuffer;
use harness::awake;
use harness::time::{join, within};
use harness::types::assert_send_sync;
use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Barrier};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Long enough for a thread that was just started to reach its `wait`, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

// The buffer must be shareable between threads whenever its items can be sent: a `Cell` is
// `Send` but not `Sync`, and an mpsc `Receiver` is `Send` but not `Sync` either.
const _: fn() = || {
    assert_send_sync::<BoundedBuffer<u32>>();
    assert_send_sync::<BoundedBuffer<std::cell::Cell<u32>>>();
    assert_send_sync::<BoundedBuffer<mpsc::Receiver<u32>>>();
};

/// Starts a thread that calls `pop()` once and returns what it got, together with whether
/// `closed` was already set when `pop()` returned.
fn spawn_pop(
    buffer: &Arc<BoundedBuffer<u32>>,
    closed: &Arc<AtomicBool>,
    returned: &mpsc::Sender<()>,
) -> JoinHandle<(Option<u32>, bool)> {
    let (buffer, closed, returned) = (Arc::clone(buffer), Arc::clone(closed), returned.clone());
    thread::spawn(move || {
        let item = buffer.pop();
        let was_closed = closed.load(Ordering::SeqCst);
        let _ = returned.send(());
        (item, was_closed)
    })
}

fn new_accepts_a_capacity_of_one_and_panics_on_zero() {
    let buffer = BoundedBuffer::<u32>::new(1);
    assert!(buffer.is_empty(), "a new buffer should be empty");
    let outcome = panic::catch_unwind(|| BoundedBuffer::<u32>::new(0));
    assert!(
        outcome.is_err(),
        "BoundedBuffer::new(0) returned a buffer; it should panic, since a buffer that can hold \
         nothing could never accept an item"
    );
}

fn items_come_out_in_the_order_they_went_in() {
    let buffer = BoundedBuffer::new(3);
    for item in 1..=3 {
        assert_eq!(
            buffer.push(item),
            Ok(()),
            "push({item}) on an open buffer with room failed"
        );
    }
    assert_eq!(
        buffer.len(),
        3,
        "len() after pushing 3 items returned {}",
        buffer.len()
    );
    assert!(
        !buffer.is_empty(),
        "is_empty() returned true for a buffer holding 3 items"
    );
    for expected in 1..=3 {
        let got = buffer.pop();
        assert_eq!(
            got,
            Some(expected),
            "after pushing 1, 2, 3, pop() returned {got:?}; it should return Some({expected}) \
             (first in, first out)"
        );
    }
    assert!(
        buffer.is_empty(),
        "is_empty() returned false after every item was popped"
    );
    assert_eq!(
        buffer.len(),
        0,
        "len() of an emptied buffer returned {}",
        buffer.len()
    );
}

fn pop_on_an_empty_buffer_waits_for_an_item() {
    let buffer = Arc::new(BoundedBuffer::new(2));
    let (done, popped) = mpsc::channel();
    let consumer = {
        let buffer = Arc::clone(&buffer);
        thread::spawn(move || {
            let _ = done.send(buffer.pop());
        })
    };
    if let Ok(early) = popped.recv_timeout(BLOCKED) {
        panic!(
            "pop() on an empty, open buffer returned {early:?} at once; it should wait until an \
             item is pushed"
        );
    }
    buffer
        .push(7)
        .expect("push(7) on an open, empty buffer failed");
    let got = popped.recv_timeout(HANG).expect(
        "pop() did not return within 5 s after push(7) gave it an item: was the waiting \
         consumer woken?",
    );
    assert_eq!(
        got,
        Some(7),
        "a waiting pop() returned {got:?} after push(7); it should return Some(7)"
    );
    join(consumer, HANG, "the consumer thread");
}

fn push_on_a_full_buffer_waits_until_there_is_room() {
    let buffer = Arc::new(BoundedBuffer::new(2));
    buffer.push(1).expect("push(1) on an empty buffer failed");
    buffer
        .push(2)
        .expect("push(2) on a buffer with room failed");
    let (done, pushed) = mpsc::channel();
    let producer = {
        let buffer = Arc::clone(&buffer);
        thread::spawn(move || {
            let _ = done.send(buffer.push(3));
        })
    };
    if let Ok(early) = pushed.recv_timeout(BLOCKED) {
        panic!(
            "push(3) on a full buffer (capacity 2, holding 2 items) returned {early:?} at once, \
             and len() is now {}; it should wait until a pop() makes room",
            buffer.len()
        );
    }
    assert_eq!(
        buffer.len(),
        2,
        "len() returned {} while a push() waited on a full buffer of capacity 2; it should stay 2",
        buffer.len()
    );
    assert_eq!(
        buffer.pop(),
        Some(1),
        "pop() on a full buffer holding 1, 2 should return Some(1)"
    );
    let result = pushed.recv_timeout(HANG).expect(
        "push(3) did not return within 5 s after pop() made room: was the waiting producer woken?",
    );
    assert_eq!(
        result,
        Ok(()),
        "a waiting push(3) returned {result:?} once there was room"
    );
    join(producer, HANG, "the producer thread");
    assert_eq!(
        buffer.pop(),
        Some(2),
        "the second pop() should return Some(2)"
    );
    assert_eq!(
        buffer.pop(),
        Some(3),
        "the third pop() should return the pushed 3"
    );
}

fn close_keeps_queued_items_and_refuses_new_ones() {
    let buffer = BoundedBuffer::new(4);
    for item in 1..=3 {
        buffer
            .push(item)
            .expect("push on an open buffer with room failed");
    }
    buffer.close();
    assert_eq!(
        buffer.push(4),
        Err(4),
        "push(4) after close() should return Err(4), handing the item back"
    );
    assert_eq!(
        buffer.len(),
        3,
        "len() after pushing 3 items and closing returned {}; close() must keep queued items",
        buffer.len()
    );
    for expected in 1..=3 {
        let got = buffer.pop();
        assert_eq!(
            got,
            Some(expected),
            "after pushing 1, 2, 3 and closing, pop() returned {got:?}; it should return \
             Some({expected}): items queued before close() are still delivered"
        );
    }
    let got = within(HANG, "pop() on a closed, empty buffer", move || {
        buffer.pop()
    });
    assert_eq!(
        got, None,
        "pop() on a closed, drained buffer returned {got:?}; it should return None"
    );
}

fn close_wakes_every_waiting_consumer() {
    let buffer = Arc::new(BoundedBuffer::new(2));
    let closed = Arc::new(AtomicBool::new(false));
    let (returned, _returns) = mpsc::channel();
    let consumers: Vec<_> = (0..4)
        .map(|_| spawn_pop(&buffer, &closed, &returned))
        .collect();
    thread::sleep(SETTLE);
    closed.store(true, Ordering::SeqCst);
    buffer.close();
    for (n, consumer) in consumers.into_iter().enumerate() {
        let (got, _) = join(
            consumer,
            HANG,
            &format!(
                "pop() in consumer {} of 4, waiting on an empty buffer when close() was called,",
                n + 1
            ),
        );
        assert_eq!(
            got, None,
            "a pop() woken by close() on an empty buffer returned {got:?}; it should return None"
        );
    }
}

fn close_wakes_every_waiting_producer() {
    let buffer = Arc::new(BoundedBuffer::new(1));
    buffer.push(0).expect("push(0) on an empty buffer failed");
    let producers: Vec<_> = (1..=3)
        .map(|item| {
            let buffer = Arc::clone(&buffer);
            thread::spawn(move || (item, buffer.push(item)))
        })
        .collect();
    thread::sleep(SETTLE);
    buffer.close();
    for producer in producers {
        let (item, result) = join(
            producer,
            HANG,
            "push() in one of 3 producers waiting on a full buffer when close() was called,",
        );
        assert_eq!(
            result,
            Err(item),
            "a push({item}) waiting on a full buffer returned {result:?} after close(); it \
             should return Err({item})"
        );
    }
    assert_eq!(
        buffer.pop(),
        Some(0),
        "the item pushed before close() was lost"
    );
    assert_eq!(
        buffer.pop(),
        None,
        "pop() on a closed, drained buffer should return None"
    );
}

fn one_item_wakes_only_one_consumer_for_good() {
    // Two consumers wait; one item arrives. However many of them wake up, only one can have it:
    // the other must go back to waiting, not return None while the buffer is still open.
    let buffer = Arc::new(BoundedBuffer::new(2));
    let closed = Arc::new(AtomicBool::new(false));
    let (returned, returns) = mpsc::channel();
    let consumers: Vec<_> = (0..2)
        .map(|_| spawn_pop(&buffer, &closed, &returned))
        .collect();
    thread::sleep(SETTLE);
    buffer
        .push(42)
        .expect("push(42) on an open, empty buffer failed");
    returns
        .recv_timeout(HANG)
        .expect("no waiting pop() returned within 5 s after push(42): was a consumer woken?");
    // Give a wrongly woken second consumer time to return.
    thread::sleep(SETTLE);
    closed.store(true, Ordering::SeqCst);
    buffer.close();
    let results: Vec<_> = consumers
        .into_iter()
        .map(|consumer| join(consumer, HANG, "pop() in a consumer woken by close()"))
        .collect();
    for &(item, was_closed) in &results {
        assert!(
            item.is_some() || was_closed,
            "pop() returned None before close() was called: two consumers waited, one item was \
             pushed, and the consumer that did not get it returned instead of waiting again. \
             After a wake-up, check the condition again (wait in a `while` loop, or use \
             `wait_while`)"
        );
    }
    let got: Vec<_> = results.iter().filter_map(|&(item, _)| item).collect();
    assert_eq!(
        got,
        vec![42],
        "two consumers popped {got:?} after one push(42)"
    );
}

/// A thread ready to pounce the moment the buffer changes: once started, it polls `len()` until
/// it returns `len`, then runs `then` at once. It gives up (returning `None`) when `give_up` is
/// set first.
fn spawn_pouncer<R: Send + 'static>(
    buffer: &Arc<BoundedBuffer<u32>>,
    len: usize,
    give_up: &Arc<AtomicBool>,
    then: impl FnOnce(&BoundedBuffer<u32>) -> R + Send + 'static,
) -> JoinHandle<Option<R>> {
    let (buffer, give_up) = (Arc::clone(buffer), Arc::clone(give_up));
    let (ready, started) = mpsc::channel();
    let pouncer = thread::spawn(move || {
        let _ = ready.send(());
        let mut polls = 0u32;
        while buffer.len() != len {
            if give_up.load(Ordering::SeqCst) {
                return None;
            }
            polls = polls.wrapping_add(1);
            // Poll hard, but let the other threads run now and then on a busy machine.
            if polls % 64 == 0 {
                thread::yield_now();
            }
        }
        Some(then(&buffer))
    });
    started
        .recv()
        .expect("the test's polling thread did not start");
    pouncer
}

fn a_consumer_whose_item_was_taken_first_keeps_waiting() {
    // A consumer waits; an item is pushed, and a thread polling len() takes it at once, before
    // the woken consumer gets to run. The consumer was woken for nothing (its wake-up was
    // "stolen") and must wait again. Who wins depends on scheduling, so the scene is played
    // many times; a buffer that waits with `if` returns None in most of them.
    for round in 0..10 {
        let buffer = Arc::new(BoundedBuffer::new(1));
        let closed = Arc::new(AtomicBool::new(false));
        let (returned, returns) = mpsc::channel();
        let waiter = spawn_pop(&buffer, &closed, &returned);
        thread::sleep(Duration::from_millis(10));
        let give_up = Arc::new(AtomicBool::new(false));
        let thief = {
            let (closed, returned) = (Arc::clone(&closed), returned.clone());
            spawn_pouncer(&buffer, 1, &give_up, move |buffer| {
                let item = buffer.pop();
                let was_closed = closed.load(Ordering::SeqCst);
                let _ = returned.send(());
                (item, was_closed)
            })
        };
        buffer
            .push(round)
            .expect("push on an open, empty buffer failed");
        returns
            .recv_timeout(HANG)
            .expect("no pop() returned within 5 s after an item was pushed for two consumers");
        thread::sleep(Duration::from_millis(10));
        give_up.store(true, Ordering::SeqCst);
        closed.store(true, Ordering::SeqCst);
        buffer.close();
        let waited = join(waiter, HANG, "a waiting pop() woken by close()");
        let stolen = join(thief, HANG, "a pop() woken by close()");
        let results = [waited, stolen.unwrap_or((None, true))];
        for (item, was_closed) in results {
            assert!(
                item.is_some() || was_closed,
                "pop() returned None before close() was called: a consumer was woken by a push, \
                 but another thread took the item first, and the woken consumer returned instead \
                 of waiting again. A wake-up only says \"look again\": wait in a `while` loop (or \
                 use `wait_while`)"
            );
        }
        let items: Vec<_> = results.iter().filter_map(|&(item, _)| item).collect();
        assert_eq!(
            items,
            vec![round],
            "after one push({round}), the two pops returned {items:?}"
        );
    }
}

fn a_producer_whose_slot_was_taken_first_keeps_waiting() {
    // A producer waits on a full buffer; an item is popped, and a thread polling len() fills the
    // free slot at once, before the woken producer gets to run. The producer was woken for
    // nothing and must wait again, never overfill the buffer.
    for round in 0..10 {
        let buffer = Arc::new(BoundedBuffer::new(1));
        buffer.push(0).expect("push(0) on an empty buffer failed");
        let waiter = {
            let buffer = Arc::clone(&buffer);
            thread::spawn(move || buffer.push(1))
        };
        thread::sleep(Duration::from_millis(10));
        let give_up = Arc::new(AtomicBool::new(false));
        let thief = spawn_pouncer(&buffer, 0, &give_up, |buffer| buffer.push(2));
        let first = buffer.pop();
        assert_eq!(
            first,
            Some(0),
            "pop() on a full buffer holding 0 returned {first:?}"
        );
        thread::sleep(Duration::from_millis(10));
        let len = buffer.len();
        assert!(
            len <= 1,
            "len() returned {len} for a buffer of capacity 1: a producer was woken when room \
             appeared, another thread filled the slot first, and the woken producer pushed \
             anyway. After a wake-up, check the condition again (wait in a `while` loop, or use \
             `wait_while`)"
        );
        give_up.store(true, Ordering::SeqCst);
        buffer.close();
        let waited = join(
            waiter,
            HANG,
            "a push() waiting on a full buffer, after close(),",
        );
        let pushed =
            join(thief, HANG, "a push() on a full buffer, after close(),").unwrap_or(Err(2));
        assert!(
            !(waited.is_ok() && pushed.is_ok()),
            "two producers competed for the one free slot of a buffer of capacity 1 and both \
             pushes succeeded; only one item fits (the other should get its item back after \
             close())"
        );
    }
}

fn many_producers_and_consumers_deliver_every_item_exactly_once() {
    const PRODUCERS: u32 = 4;
    const CONSUMERS: usize = 4;
    const PER_PRODUCER: u32 = 5_000;
    let buffer = Arc::new(BoundedBuffer::new(2));
    let closed = Arc::new(AtomicBool::new(false));
    let start = Arc::new(Barrier::new(PRODUCERS as usize + CONSUMERS));
    let consumers: Vec<_> = (0..CONSUMERS)
        .map(|_| {
            let (buffer, closed, start) =
                (Arc::clone(&buffer), Arc::clone(&closed), Arc::clone(&start));
            thread::spawn(move || {
                start.wait();
                let mut got = Vec::new();
                while let Some(item) = buffer.pop() {
                    got.push(item);
                }
                (got, closed.load(Ordering::SeqCst))
            })
        })
        .collect();
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|p| {
            let (buffer, start) = (Arc::clone(&buffer), Arc::clone(&start));
            thread::spawn(move || {
                start.wait();
                for n in 0..PER_PRODUCER {
                    let item = p * PER_PRODUCER + n;
                    if let Err(item) = buffer.push(item) {
                        panic!("push({item}) on an open buffer returned Err({item})");
                    }
                }
            })
        })
        .collect();
    // Watches len() while the others work: it must never exceed the capacity.
    let monitor = {
        let (buffer, closed) = (Arc::clone(&buffer), Arc::clone(&closed));
        thread::spawn(move || {
            let mut most = 0;
            while !closed.load(Ordering::SeqCst) {
                most = most.max(buffer.len());
                thread::yield_now();
            }
            most
        })
    };
    for producer in producers {
        join(
            producer,
            HANG,
            "a producer pushing 5 000 items through a buffer of capacity 2",
        );
    }
    closed.store(true, Ordering::SeqCst);
    let most = join(monitor, HANG, "the test's len() monitor");
    assert!(
        most <= 2,
        "len() returned {most} while producers and consumers shared a buffer of capacity 2: a \
         producer pushed onto a full buffer. After a wake-up, check the condition again (wait in \
         a `while` loop, or use `wait_while`)"
    );
    buffer.close();
    let mut seen = HashSet::new();
    let mut total = 0;
    for consumer in consumers {
        let (got, was_closed) = join(
            consumer,
            HANG,
            "a consumer popping until None, after close(),",
        );
        assert!(
            was_closed,
            "a consumer's pop() returned None before close() was called, while producers were \
             still pushing; pop() may return None only once the buffer is closed and drained"
        );
        for item in got {
            total += 1;
            assert!(seen.insert(item), "item {item} was popped twice");
        }
    }
    let expected = PRODUCERS * PER_PRODUCER;
    assert_eq!(
        total, expected,
        "{PRODUCERS} producers pushed {expected} items in all, but the consumers popped {total}"
    );
}

fn many_producers_never_overfill_the_buffer() {
    // Six producers keep a buffer of capacity 2 full for one slow consumer: every slot that a
    // pop frees is fought over, and a producer that loses the fight must wait again.
    const PRODUCERS: u32 = 6;
    const PER_PRODUCER: u32 = 1_000;
    let buffer = Arc::new(BoundedBuffer::new(2));
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|p| {
            let buffer = Arc::clone(&buffer);
            thread::spawn(move || {
                for n in 0..PER_PRODUCER {
                    let item = p * PER_PRODUCER + n;
                    if let Err(item) = buffer.push(item) {
                        panic!("push({item}) on an open buffer returned Err({item})");
                    }
                }
            })
        })
        .collect();
    let consumer = {
        let buffer = Arc::clone(&buffer);
        thread::spawn(move || {
            let mut most = 0;
            for _ in 0..PRODUCERS * PER_PRODUCER {
                most = most.max(buffer.len());
                if buffer.pop().is_none() {
                    panic!("pop() returned None on an open buffer that producers were filling");
                }
            }
            most
        })
    };
    let most = join(
        consumer,
        HANG,
        "a consumer popping 6 000 items from a buffer of capacity 2",
    );
    for producer in producers {
        join(
            producer,
            HANG,
            "a producer pushing 1 000 items through a buffer of capacity 2",
        );
    }
    assert!(
        most <= 2,
        "len() returned {most} while 6 producers filled a buffer of capacity 2: a producer was \
         woken when room appeared, another producer filled the slot first, and the woken one \
         pushed anyway. After a wake-up, check the condition again (wait in a `while` loop, or \
         use `wait_while`)"
    );
    assert!(
        buffer.is_empty(),
        "every item was popped, yet is_empty() returned false"
    );
}

fn waiting_threads_sleep_instead_of_spinning() {
    let empty = Arc::new(BoundedBuffer::<u32>::new(1));
    let consumers: Vec<_> = (0..2)
        .map(|_| {
            let empty = Arc::clone(&empty);
            thread::spawn(move || empty.pop())
        })
        .collect();
    thread::sleep(SETTLE);
    let activity = awake::watch(BLOCKED);
    empty.close();
    assert!(
        !activity.busy(),
        "while 2 threads waited in pop() on an empty buffer, {}; a waiting \
         thread should sleep on a condition variable, not loop checking the buffer",
        activity
    );
    for consumer in consumers {
        join(consumer, HANG, "pop() woken by close()");
    }

    let full = Arc::new(BoundedBuffer::new(1));
    full.push(0).expect("push(0) on an empty buffer failed");
    let producers: Vec<_> = (1..=2)
        .map(|item| {
            let full = Arc::clone(&full);
            thread::spawn(move || full.push(item))
        })
        .collect();
    thread::sleep(SETTLE);
    let activity = awake::watch(BLOCKED);
    full.close();
    assert!(
        !activity.busy(),
        "while 2 threads waited in push() on a full buffer, {}; a waiting \
         thread should sleep on a condition variable, not loop checking the buffer",
        activity
    );
    for producer in producers {
        let _ = join(producer, HANG, "push() woken by close()");
    }
}

harness::hidden_tests![
    new_accepts_a_capacity_of_one_and_panics_on_zero,
    items_come_out_in_the_order_they_went_in,
    pop_on_an_empty_buffer_waits_for_an_item,
    push_on_a_full_buffer_waits_until_there_is_room,
    close_keeps_queued_items_and_refuses_new_ones,
    close_wakes_every_waiting_consumer,
    close_wakes_every_waiting_producer,
    one_item_wakes_only_one_consumer_for_good,
    a_consumer_whose_item_was_taken_first_keeps_waiting,
    a_producer_whose_slot_was_taken_first_keeps_waiting,
    many_producers_and_consumers_deliver_every_item_exactly_once,
    many_producers_never_overfill_the_buffer,
    waiting_threads_sleep_instead_of_spinning,
];
