//! Model tests of locks/counter: every interleaving of two threads updating the counter at
//! once, explored by the model checker. A read and a write in two steps (an atomic `load` then
//! `store`, or two `lock()` calls in one `add`) loses an update in one of them, on any machine,
//! however rarely a stress test would see it.

use std::sync::Arc;

use exercise::Counter;
use sim::model::{self, Bounds};
use sim::thread;

fn two_increments_at_once_are_both_counted() {
    model::check(Bounds::default(), || {
        let counter = Arc::new(Counter::new());
        let other = {
            let counter = Arc::clone(&counter);
            thread::spawn(move || counter.increment())
        };
        counter.increment();
        other.join().unwrap();
        let value = counter.get();
        assert_eq!(
            value, 2,
            "two threads each called increment() once, at the same time, and get() then \
             returned {value}; it should return 2. An increment was lost: reading the count and \
             writing it back must be one step that no other thread can come between"
        );
    });
}

fn an_add_and_an_increment_at_once_are_both_counted() {
    model::check(Bounds::default(), || {
        let counter = Arc::new(Counter::new());
        let other = {
            let counter = Arc::clone(&counter);
            thread::spawn(move || counter.increment())
        };
        counter.add(2);
        other.join().unwrap();
        let value = counter.get();
        assert_eq!(
            value, 3,
            "one thread called add(2) while another called increment(), and get() then returned \
             {value}; it should return 3. An update was lost: if add() reads the count under one \
             lock and writes it under another, or reads and writes an atomic separately, the \
             other thread's update can fall in between and be overwritten"
        );
    });
}

harness::hidden_tests![
    two_increments_at_once_are_both_counted,
    an_add_and_an_increment_at_once_are_both_counted,
];
