//! Hidden tests of locks/cache: values come back, readers really overlap, and a writer waits
//! for them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use exercise::Cache;
use harness::sync::Rendezvous;
use harness::time::{still_blocked_after, within};
use harness::types::assert_send_sync;

fn inserted_values_come_back() {
    assert_send_sync::<Cache<String>>();
    let cache = Cache::new();
    assert_eq!(cache.get("a"), None, "get() on an empty cache returned a value");
    cache.insert("a", 1);
    cache.insert("b", 2);
    cache.insert("a", 3);
    let (a, b) = (cache.get("a"), cache.get("b"));
    assert_eq!(
        (a, b),
        (Some(3), Some(2)),
        "after insert(a, 1), insert(b, 2), insert(a, 3), get(a) and get(b) returned {a:?} and \
         {b:?}; they should return Some(3) and Some(2)"
    );
    let length = cache.read("b", |value| value.map(|v| v * 10));
    assert_eq!(length, Some(20), "read(b, |v| v * 10) returned {length:?}; expected Some(20)");
    assert_eq!(cache.read("zz", |value| value.is_none()), true, "read() of a missing key must pass None");
}

fn readers_are_inside_read_at_the_same_time() {
    const READERS: usize = 4;
    let cache = Arc::new(Cache::new());
    cache.insert("k", String::from("v"));
    let meeting = Arc::new(Rendezvous::new(READERS));
    let handles: Vec<_> = (0..READERS)
        .map(|_| {
            let (cache, meeting) = (Arc::clone(&cache), Arc::clone(&meeting));
            thread::spawn(move || {
                cache.read("k", |_| meeting.wait(Duration::from_secs(5)))
            })
        })
        .collect();
    for handle in handles {
        let met = handle.join().expect("a reader panicked");
        if let Err(arrived) = met {
            panic!(
                "{READERS} threads called read() at once, but only {arrived} of them were inside \
                 read() at the same time: readers wait for each other, as with a Mutex. An \
                 RwLock lets readers in together"
            );
        }
    }
}

fn insert_waits_until_readers_leave() {
    let cache = Arc::new(Cache::new());
    cache.insert("k", 1);
    let inside = Arc::new(AtomicBool::new(false));
    let leave = Arc::new(std::sync::Barrier::new(2));
    let reader = {
        let (cache, inside, leave) = (Arc::clone(&cache), Arc::clone(&inside), Arc::clone(&leave));
        thread::spawn(move || {
            cache.read("k", |value| {
                inside.store(true, Ordering::SeqCst);
                leave.wait();
                value.copied()
            })
        })
    };
    within(Duration::from_secs(5), "waiting for a reader to enter read()", {
        let inside = Arc::clone(&inside);
        move || {
            while !inside.load(Ordering::SeqCst) {
                thread::sleep(Duration::from_millis(1));
            }
        }
    });
    let writer_cache = Arc::clone(&cache);
    let blocked = still_blocked_after(Duration::from_millis(200), move || {
        writer_cache.insert("k", 2)
    });
    assert!(
        blocked,
        "insert() returned while another thread was still inside read(): a writer must wait \
         until every reader has left"
    );
    leave.wait();
    let seen = reader.join().expect("the reader panicked");
    assert_eq!(seen, Some(1), "the reader saw {seen:?} inside read(); the value was 1 then");
    let after = within(Duration::from_secs(5), "insert() after the reader left", move || {
        for _ in 0..500 {
            if cache.get("k") == Some(2) {
                return true;
            }
            thread::sleep(Duration::from_millis(10));
        }
        false
    });
    assert!(after, "the insert() that waited for the reader never took effect");
}

fn many_threads_read_and_write_consistently() {
    let cache = Arc::new(Cache::new());
    for key in 0..10 {
        cache.insert(&key.to_string(), (key, key));
    }
    within(Duration::from_secs(10), "4 threads reading and writing the cache", move || {
        let handles: Vec<_> = (0..4)
            .map(|t| {
                let cache = Arc::clone(&cache);
                thread::spawn(move || {
                    for i in 0..5_000u64 {
                        let key = (i % 10).to_string();
                        if t == 0 {
                            cache.insert(&key, (i, i));
                        } else if let Some((x, y)) = cache.get(&key) {
                            assert_eq!(x, y, "get() returned a value that was half written");
                        }
                    }
                })
            })
            .collect();
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
}

harness::hidden_tests![
    inserted_values_come_back,
    readers_are_inside_read_at_the_same_time,
    insert_waits_until_readers_leave,
    many_threads_read_and_write_consistently,
];
