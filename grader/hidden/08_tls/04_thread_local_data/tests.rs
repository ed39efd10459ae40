//! Hidden tests for exercises/08_tls/04_thread_local_data.rs: a per-object thread-local store in
//! which every thread sees only its own values, every store only its own, and a new store or a
//! new thread starts empty.

use exercise::ThreadLocalData;
use harness::chaos::{self, Chaos};
use harness::sync::Rendezvous;
use harness::time::join;
use harness::types::assert_send_sync;
use std::cell::Cell;
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

// Threads share the store, so it must be `Send + Sync` whenever its values can be sent: a `Cell`
// and an mpsc `Receiver` are `Send` but not `Sync`.
const _: fn() = || {
    assert_send_sync::<ThreadLocalData<u32>>();
    assert_send_sync::<ThreadLocalData<String>>();
    assert_send_sync::<ThreadLocalData<Cell<u32>>>();
    assert_send_sync::<ThreadLocalData<mpsc::Receiver<u32>>>();
};

fn a_thread_gets_back_what_it_set() {
    let store = ThreadLocalData::new();
    assert_eq!(
        store.get("name"),
        None,
        "get(\"name\") on a new store returned {:?}; it should return None",
        store.get("name")
    );
    store.set("name", "A".to_owned());
    store.set("colour", "blue".to_owned());
    for _ in 0..2 {
        let got = store.get("name");
        assert_eq!(
            got.as_deref(),
            Some("A"),
            "after set(\"name\", \"A\"), get(\"name\") returned {got:?}; it should return \
             Some(\"A\") every time (get returns a clone and leaves the value in place)"
        );
    }
    let got = store.get("colour");
    assert_eq!(
        got.as_deref(),
        Some("blue"),
        "after set(\"colour\", \"blue\"), get(\"colour\") returned {got:?}; each key keeps its \
         own value"
    );
    store.set("name", "B".to_owned());
    let got = store.get("name");
    assert_eq!(
        got.as_deref(),
        Some("B"),
        "after set(\"name\", \"A\") then set(\"name\", \"B\"), get(\"name\") returned {got:?}; \
         the second set should replace the first"
    );
    let got = store.get("missing");
    assert_eq!(
        got, None,
        "get(\"missing\") returned {got:?} for a key that was never set; it should return None"
    );
}

fn a_thread_never_sees_another_threads_values() {
    // The tutorial's program: two threads set the same key on one store at the same time, then
    // each reads it back. A third thread, which set nothing, reads it too.
    let store = Arc::new(ThreadLocalData::new());
    let both_set = Arc::new(Rendezvous::new(3));
    let threads: Vec<_> = ["value1", "value2"]
        .into_iter()
        .map(|mine| {
            let (store, both_set) = (Arc::clone(&store), Arc::clone(&both_set));
            thread::spawn(move || {
                store.set("data", mine.to_owned());
                both_set.meet(HANG, "two threads that each called set(\"data\", …)");
                let got = store.get("data");
                assert_eq!(
                    got.as_deref(),
                    Some(mine),
                    "two threads each called set(\"data\", …) on one store, this one with \
                     {mine:?}, and then its get(\"data\") returned {got:?}; it should return \
                     Some({mine:?}): each thread sees only the value it set itself"
                );
            })
        })
        .collect();
    let onlooker = {
        let (store, both_set) = (Arc::clone(&store), Arc::clone(&both_set));
        thread::spawn(move || {
            both_set.meet(HANG, "two threads that each called set(\"data\", …)");
            let got = store.get("data");
            assert_eq!(
                got, None,
                "two other threads called set(\"data\", …) on a store, and a third thread that \
                 never called set got {got:?} from get(\"data\"); it should get None: values are \
                 never shared between threads"
            );
        })
    };
    for thread in threads {
        join(thread, HANG, "a thread calling set() then get()");
    }
    join(onlooker, HANG, "a thread calling get()");
    let got = store.get("data");
    assert_eq!(
        got, None,
        "the main thread, which never called set, got {got:?} from get(\"data\") after two other \
         threads set it; it should get None"
    );
}

fn a_value_set_later_by_another_thread_does_not_replace_this_threads_own() {
    let store = Arc::new(ThreadLocalData::new());
    store.set("count", 1u32);
    let other = {
        let store = Arc::clone(&store);
        thread::spawn(move || {
            store.set("count", 2u32);
            store.get("count")
        })
    };
    let theirs = join(other, HANG, "a thread calling set() then get()");
    assert_eq!(
        theirs,
        Some(2),
        "a thread called set(\"count\", 2) and then got {theirs:?} from get(\"count\"); it should \
         get Some(2)"
    );
    let mine = store.get("count");
    assert_eq!(
        mine,
        Some(1),
        "the main thread called set(\"count\", 1), another thread then set(\"count\", 2), and \
         the main thread's get(\"count\") returned {mine:?}; it should still return Some(1)"
    );
}

fn two_stores_on_one_thread_keep_their_values_apart() {
    let first = ThreadLocalData::new();
    let second = ThreadLocalData::new();
    first.set("key", 1u32);
    let got = second.get("key");
    assert_eq!(
        got, None,
        "after first.set(\"key\", 1), second.get(\"key\") on another ThreadLocalData returned \
         {got:?}; it should return None: each store keeps its own values"
    );
    second.set("key", 2u32);
    let (a, b) = (first.get("key"), second.get("key"));
    assert_eq!(
        (a, b),
        (Some(1), Some(2)),
        "after first.set(\"key\", 1) and second.set(\"key\", 2) on one thread, the stores' \
         get(\"key\") returned {a:?} and {b:?}; they should return Some(1) and Some(2)"
    );
}

fn stores_of_different_value_types_keep_their_values_apart() {
    let numbers = ThreadLocalData::<u64>::new();
    let words = ThreadLocalData::<String>::new();
    numbers.set("x", 7);
    words.set("x", "seven".to_owned());
    let (n, w) = (numbers.get("x"), words.get("x"));
    assert_eq!(
        (n, w.as_deref()),
        (Some(7), Some("seven")),
        "a ThreadLocalData<u64> and a ThreadLocalData<String> each set \"x\" on one thread, and \
         their get(\"x\") returned {n:?} and {w:?}; they should return Some(7) and \
         Some(\"seven\")"
    );
}

fn a_new_store_starts_empty_even_where_a_dropped_one_was() {
    // A store created right after another is dropped often lands at the same address: it must
    // not inherit the old store's values.
    for round in 0..100u32 {
        let store = ThreadLocalData::new();
        let got = store.get("key");
        assert_eq!(
            got, None,
            "a new store's get(\"key\") returned {got:?} (round {round} of creating a store, \
             setting \"key\" and dropping it); a new store should be empty. Is it finding the \
             values of a store that was dropped before it was created?"
        );
        store.set("key", round);
        drop(store);
    }
}

fn a_new_thread_sees_nothing_of_threads_that_have_ended() {
    // Threads started one after another often reuse the memory (and thread-local storage) of
    // the thread that ended before them: they must not inherit its values.
    let store = Arc::new(ThreadLocalData::new());
    for round in 0..30u32 {
        let thread = {
            let store = Arc::clone(&store);
            thread::spawn(move || {
                let got = store.get("key");
                store.set("key", round);
                got
            })
        };
        let got = join(thread, HANG, "a thread calling get() then set()");
        assert_eq!(
            got, None,
            "a new thread's get(\"key\") returned {got:?}, before it had set anything (thread \
             {round}; each earlier thread set \"key\" and ended); it should return None. How \
             does your store tell threads apart?"
        );
    }
}

fn many_threads_using_one_store_at_once_each_see_their_own() {
    // Four threads set and read the same keys of one store at the same time, interrupted at
    // random points: a thread must always read back exactly what it set.
    const THREADS: u32 = 4;
    const ROUNDS: u32 = 5_000;
    let store = Arc::new(ThreadLocalData::new());
    let start = Arc::new(Rendezvous::new(THREADS as usize));
    let chaos = Chaos::start(Duration::from_micros(50));
    let threads: Vec<_> = (0..THREADS)
        .map(|me| {
            let (store, start) = (Arc::clone(&store), Arc::clone(&start));
            thread::spawn(move || {
                chaos::join();
                start.meet(HANG, "threads using one store");
                for round in 0..ROUNDS {
                    let key = ["a", "b", "c"][(round % 3) as usize];
                    store.set(key, (me, round));
                    let got = store.get(key);
                    if got != Some((me, round)) {
                        return Err(format!(
                            "thread {me} called set({key:?}, ({me}, {round})) and then \
                             get({key:?}) returned {got:?}; it should return \
                             Some(({me}, {round})), while {THREADS} threads used the store at \
                             once"
                        ));
                    }
                }
                Ok(())
            })
        })
        .collect();
    let results: Vec<_> = threads
        .into_iter()
        .map(|thread| join(thread, HANG, "a thread calling set() and get() 5 000 times"))
        .collect();
    drop(chaos);
    for result in results {
        if let Err(message) = result {
            panic!("{message}");
        }
    }
}

fn stores_created_at_once_on_many_threads_are_all_distinct() {
    // Four threads create stores at the same time, interrupted at random points. Each checks
    // that every store it creates is new (empty on this thread) before setting a value in it, and
    // keeps its latest stores alive, so that a store handed the identity of one it already has
    // is caught.
    const THREADS: usize = 4;
    const EACH: usize = 5_000;
    const KEPT: usize = 2_000;
    let start = Arc::new(Rendezvous::new(THREADS));
    let chaos = Chaos::start(Duration::from_micros(20));
    let makers: Vec<_> = (0..THREADS)
        .map(|_| {
            let start = Arc::clone(&start);
            thread::spawn(move || {
                chaos::join();
                start.meet(HANG, "threads creating stores");
                let mut kept = std::collections::VecDeque::with_capacity(KEPT + 1);
                for n in 0..EACH {
                    let store = ThreadLocalData::<usize>::new();
                    if let Some(old) = store.get("n") {
                        return Err(format!(
                            "a thread created store number {n} of its {EACH} (while {THREADS} \
                             threads created stores at once), and its get(\"n\") returned \
                             Some({old}) before anything was set in it: it is the same store as \
                             the thread's store number {old}. Does every new store get an \
                             identity no other store ever has? Not an address or a type, and not \
                             a number read and then incremented in two steps, which two threads \
                             can do at once"
                        ));
                    }
                    store.set("n", n);
                    kept.push_back(store);
                    if kept.len() > KEPT {
                        kept.pop_front();
                    }
                }
                Ok(())
            })
        })
        .collect();
    let results: Vec<_> = makers
        .into_iter()
        .map(|maker| join(maker, HANG, "a thread creating 5 000 stores"))
        .collect();
    drop(chaos);
    for result in results {
        if let Err(message) = result {
            panic!("{message}");
        }
    }
}

harness::hidden_tests![
    a_thread_gets_back_what_it_set,
    a_thread_never_sees_another_threads_values,
    a_value_set_later_by_another_thread_does_not_replace_this_threads_own,
    two_stores_on_one_thread_keep_their_values_apart,
    stores_of_different_value_types_keep_their_values_apart,
    a_new_store_starts_empty_even_where_a_dropped_one_was,
    a_new_thread_sees_nothing_of_threads_that_have_ended,
    many_threads_using_one_store_at_once_each_see_their_own,
    stores_created_at_once_on_many_threads_are_all_distinct,
];
