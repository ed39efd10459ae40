//! Model tests of conditions/bounded_buffer: every interleaving of three threads, explored by
//! the model checker. A wake-up whose item (or free slot) another thread took first, a
//! `notify_one` where every waiter must wake, a wait that began after the notify it needed, and
//! a producer that finds room and then pushes under a second lock (when another producer may
//! have filled the slot in between) are each one interleaving among many; a stress test meets
//! them by luck, the checker always.

use std::sync::Arc;

use exercise::BoundedBuffer;
use sim::model::{self, Bounds};
use sim::thread::{self, JoinHandle};

/// Starts a thread that calls `pop()` once and returns what it got.
fn consumer(buffer: &Arc<BoundedBuffer<u32>>) -> JoinHandle<Option<u32>> {
    let buffer = Arc::clone(buffer);
    thread::spawn(move || buffer.pop())
}

/// Starts a thread that calls `push(item)` once and returns what it got.
fn producer(buffer: &Arc<BoundedBuffer<u32>>, item: u32) -> JoinHandle<Result<(), u32>> {
    let buffer = Arc::clone(buffer);
    thread::spawn(move || buffer.push(item))
}

fn a_consumer_whose_item_was_taken_first_waits_again() {
    model::check(Bounds::default(), || {
        let buffer = Arc::new(BoundedBuffer::new(2));
        let consumers = [consumer(&buffer), consumer(&buffer)];
        for item in [1, 2] {
            let pushed = buffer.push(item);
            assert_eq!(
                pushed,
                Ok(()),
                "push({item}) on an open buffer with room returned {pushed:?}"
            );
        }
        let got = consumers.map(|c| c.join().unwrap());
        let mut items: Vec<u32> = got.iter().flatten().copied().collect();
        items.sort_unstable();
        assert_eq!(
            items,
            [1, 2],
            "two threads each called pop() on an empty, open buffer while a third pushed 1 \
             and 2; the pops returned {:?} and {:?}, and they should return the two items. \
             pop() returns None only once the buffer is closed: a woken consumer may find that \
             another consumer took the item first, and must then wait again (a `while` loop \
             around the wait, or `wait_while`, not an `if`)",
            got[0],
            got[1]
        );
    });
}

fn a_producer_whose_slot_was_taken_first_waits_again() {
    // Two preemptions, not the default three: the checker finds the stolen slot within two,
    // and three make this one test cost 0.4 s of CPU (0.06 s with two), most of the budget of
    // a whole exercise's model tests.
    model::check(Bounds::preemptions(2), || {
        let buffer = Arc::new(BoundedBuffer::new(1));
        assert_eq!(buffer.push(0), Ok(()), "push(0) on an empty buffer failed");
        let producers = [producer(&buffer, 1), producer(&buffer, 2)];
        // The first pop makes room for one producer; the other may take it first.
        let mut items = vec![buffer.pop()];
        let len = buffer.len();
        assert!(
            len <= 1,
            "a buffer of capacity 1 held {len} items: with it full, two threads called push() \
             while a third popped one item. A woken producer may find that another producer \
             took the free slot first, and must then wait again (a `while` loop around the \
             wait, or `wait_while`, not an `if`)"
        );
        items.extend([buffer.pop(), buffer.pop()]);
        let pushed = producers.map(|p| p.join().unwrap());
        assert!(
            pushed == [Ok(()), Ok(())] && items.first() == Some(&Some(0)),
            "with 0 in a buffer of capacity 1, two threads called push(1) and push(2) while a \
             third called pop() three times: the pushes returned {:?} and {:?}, and the pops \
             {items:?}; both pushes should succeed, and the pops return 0 first, then the two \
             others",
            pushed[0],
            pushed[1]
        );
        let mut rest: Vec<u32> = items[1..].iter().flatten().copied().collect();
        rest.sort_unstable();
        assert_eq!(
            rest,
            [1, 2],
            "with 0 in a buffer of capacity 1, two threads pushed 1 and 2 while a third called \
             pop() three times, which returned {items:?}; it should get 0, 1 and 2"
        );
    });
}

fn close_wakes_every_waiting_consumer() {
    model::check(Bounds::default(), || {
        let buffer = Arc::new(BoundedBuffer::new(1));
        let consumers = [consumer(&buffer), consumer(&buffer)];
        buffer.close();
        let got = consumers.map(|c| c.join().unwrap());
        assert_eq!(
            got,
            [None, None],
            "two threads called pop() on an empty buffer and a third closed it; the pops \
             returned {:?} and {:?}, and both should return None",
            got[0],
            got[1]
        );
    });
}

fn close_wakes_every_waiting_producer_and_keeps_the_items() {
    model::check(Bounds::default(), || {
        let buffer = Arc::new(BoundedBuffer::new(1));
        assert_eq!(buffer.push(0), Ok(()), "push(0) on an empty buffer failed");
        let producers = [producer(&buffer, 1), producer(&buffer, 2)];
        buffer.close();
        let pushed = producers.map(|p| p.join().unwrap());
        assert_eq!(
            pushed,
            [Err(1), Err(2)],
            "with 0 in a buffer of capacity 1, two threads called push(1) and push(2) and a \
             third closed the buffer; the pushes returned {:?} and {:?}, and both should hand \
             their item back (Err) since the buffer never had room before it closed",
            pushed[0],
            pushed[1]
        );
        let (first, then) = (buffer.pop(), buffer.pop());
        assert_eq!(
            (first, then),
            (Some(0), None),
            "after a buffer holding 0 was closed, pop() returned {first:?} and then {then:?}; \
             it should return Some(0) (items pushed before close() are still delivered) and \
             then None"
        );
    });
}

fn two_producers_never_both_fill_the_last_slot() {
    model::check(Bounds::default(), || {
        let buffer = Arc::new(BoundedBuffer::new(1));
        let producers = [1, 2].map(|item| {
            let buffer = Arc::clone(&buffer);
            thread::spawn(move || {
                let pushed = buffer.push(item);
                let len = buffer.len();
                assert!(
                    len <= 1,
                    "a buffer of capacity 1 held {len} items after two threads called push() on \
                     it at once: both found the slot free and both filled it. Checking for room \
                     and adding the item must happen under one lock, without letting go of it \
                     in between"
                );
                pushed
            })
        });
        let popped = [buffer.pop(), buffer.pop()];
        let pushed = producers.map(|p| p.join().unwrap());
        assert!(
            pushed == [Ok(()), Ok(())],
            "two threads called push(1) and push(2) on an open buffer of capacity 1 while a \
             third popped twice: the pushes returned {:?} and {:?}; both should succeed",
            pushed[0],
            pushed[1]
        );
        let mut items: Vec<u32> = popped.iter().flatten().copied().collect();
        items.sort_unstable();
        assert_eq!(
            items,
            [1, 2],
            "two threads pushed 1 and 2 into a buffer of capacity 1 while a third popped twice, \
             and the pops returned {popped:?}; they should return 1 and 2"
        );
    });
}

harness::hidden_tests![
    a_consumer_whose_item_was_taken_first_waits_again,
    a_producer_whose_slot_was_taken_first_waits_again,
    close_wakes_every_waiting_consumer,
    close_wakes_every_waiting_producer_and_keeps_the_items,
    two_producers_never_both_fill_the_last_slot,
];
