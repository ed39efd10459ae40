//! Model tests of semaphores/downloads: every interleaving of the download threads, explored by
//! the model checker. Two threads that both see the last free slot (a slot checked, then taken
//! in a second step), two workers that both take the same URL (the next index read and written
//! back in two steps), a slot given back that wakes nobody because another slot was already
//! free (two slots back at once, two threads waiting), and a thread woken for a slot that another
//! took first and that does not look again are each one interleaving among many: the checker
//! finds them on any machine.

use exercise::download_all;
use sim::model::{self, Bounds};
use sim::sync::atomic::{AtomicUsize, Ordering};
use sim::sync::{Condvar, Mutex};

fn with_a_limit_of_one_two_downloads_never_overlap() {
    model::check(Bounds::default(), || {
        let running = AtomicUsize::new(0);
        let lengths = download_all(&["a", "bb"], 1, |url| {
            let others = running.fetch_add(1, Ordering::Relaxed);
            assert_eq!(
                others, 0,
                "with a limit of 1, fetch({url:?}) started while another fetch was running: at \
                 most one may run at a time. Checking that a slot is free and taking it must be \
                 one step (under one lock), or two threads can both see the last one free"
            );
            running.fetch_sub(1, Ordering::Relaxed);
            url.len()
        });
        assert_eq!(
            lengths,
            vec![1, 2],
            "download_all(&[\"a\", \"bb\"], 1, |url| url.len()) returned {lengths:?}"
        );
    });
}

fn every_url_is_fetched_once() {
    model::check(Bounds::default(), || {
        let fetched = [AtomicUsize::new(0), AtomicUsize::new(0)];
        let urls = ["a", "b"];
        download_all(&urls, 2, |url| {
            let index = urls
                .iter()
                .position(|u| *u == url)
                .expect("a URL of the list");
            fetched[index].fetch_add(1, Ordering::Relaxed);
        });
        for (url, count) in urls.iter().zip(&fetched) {
            let count = count.load(Ordering::Relaxed);
            assert_eq!(
                count, 1,
                "download_all(&[\"a\", \"b\"], 2, fetch) called fetch({url:?}) {count} times; it \
                 should call it once for every URL. If workers take the next URL's index from a \
                 shared counter, reading it and moving it on must be one step (`fetch_add`), or \
                 two workers can take the same URL"
            );
        }
    });
}

fn two_slots_given_back_together_let_two_waiting_downloads_start() {
    // One preemption, not the default three: with the first two downloads made to run
    // together (below), one is enough to find the stranded waiter, and with two or more the
    // five threads cannot be explored in the time allowed (a correct file's test would then
    // prove nothing).
    model::check(Bounds::preemptions(1), || {
        // The first two fetches wait for each other, so that both slots are held at once while
        // the other two threads wait for one; then both slots come back, one after the other.
        let inside = Mutex::new(0_usize);
        let both_inside = Condvar::new();
        let urls = ["a", "bb", "ccc", "dddd"];
        let lengths = download_all(&urls, 2, |url| {
            let mut count = inside.lock().unwrap();
            *count += 1;
            both_inside.notify_all();
            while *count < 2 {
                count = both_inside.wait(count).unwrap();
            }
            url.len()
        });
        assert_eq!(
            lengths,
            vec![1, 2, 3, 4],
            "download_all(&[\"a\", \"bb\", \"ccc\", \"dddd\"], 2, |url| url.len()) returned \
             {lengths:?}"
        );
    });
}

fn a_thread_whose_slot_was_taken_first_waits_again() {
    // Two preemptions, not the default three: enough for a third thread to take the slot a
    // woken thread was woken for, and the four threads are explored completely in well under
    // a second.
    model::check(Bounds::preemptions(2), || {
        let running = AtomicUsize::new(0);
        let lengths = download_all(&["a", "bb", "ccc"], 1, |url| {
            let others = running.fetch_add(1, Ordering::Relaxed);
            assert_eq!(
                others, 0,
                "with a limit of 1, fetch({url:?}) started while another fetch was running: at \
                 most one may run at a time. A thread woken because a slot came back may find \
                 that another thread took it first, and must then wait again (a `while` loop \
                 around the wait, or `wait_while`, not an `if`)"
            );
            running.fetch_sub(1, Ordering::Relaxed);
            url.len()
        });
        assert_eq!(
            lengths,
            vec![1, 2, 3],
            "download_all(&[\"a\", \"bb\", \"ccc\"], 1, |url| url.len()) returned {lengths:?}"
        );
    });
}

harness::hidden_tests![
    with_a_limit_of_one_two_downloads_never_overlap,
    every_url_is_fetched_once,
    two_slots_given_back_together_let_two_waiting_downloads_start,
    a_thread_whose_slot_was_taken_first_waits_again,
];
