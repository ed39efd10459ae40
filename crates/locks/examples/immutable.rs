//! Data that nobody changes, shared by many threads without a lock: a `static` table, an
//! `Arc` of settings built once, and versions of a configuration, each version immutable, where
//! a reader keeps the version it took while a writer publishes the next.
//!
//! Run it with `cargo run -p locks --example immutable`.

use std::collections::HashSet;
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

/// Read by every thread, for the whole run: a `&'static` table.
static SIZES: [(&str, u64); 3] = [("small", 1), ("medium", 10), ("large", 100)];

/// Built once at start-up, then only read.
struct Settings {
    /// Text that will never grow: `Arc<str>`, one block with its count.
    banner: Arc<str>,
    banned: HashSet<String>,
}

fn main() {
    // 1. A static table: every thread reads it directly.
    let totals: Vec<u64> = thread::scope(|s| {
        let handles: Vec<_> = SIZES
            .iter()
            .map(|&(name, size)| s.spawn(move || size * name.len() as u64))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    println!("1. a static table, read by 3 threads: {totals:?}");

    // 2. Settings in an Arc: each thread owns a clone of the pointer, none a copy of the data.
    let settings = Arc::new(Settings {
        banner: Arc::from("welcome"),
        banned: HashSet::from(["mallory".to_owned()]),
    });
    // The threads wait here until `main` has counted the owners.
    let counted = Arc::new(Barrier::new(4));
    let handles: Vec<_> = ["alice", "mallory", "bob"]
        .into_iter()
        .map(|user| {
            let (settings, counted) = (Arc::clone(&settings), Arc::clone(&counted));
            thread::spawn(move || {
                let greeting = if settings.banned.contains(user) {
                    format!("{user} is turned away")
                } else {
                    format!("{}, {user}", settings.banner)
                };
                counted.wait();
                greeting
            })
        })
        .collect();
    println!(
        "2. settings in an Arc: {} owners of one copy while the threads run",
        Arc::strong_count(&settings)
    );
    counted.wait();
    for handle in handles {
        println!("   {}", handle.join().unwrap());
    }
    println!(
        "   and {} owner once they have ended",
        Arc::strong_count(&settings)
    );

    // 3. A configuration that changes, one immutable version at a time. The lock guards only
    //    which version is current; reading a version needs no lock.
    let current = Mutex::new(Arc::new(vec![
        "timeout=5".to_owned(),
        "retries=3".to_owned(),
    ]));
    let reader_has_v1 = Barrier::new(2);
    let v2_published = Barrier::new(2);
    thread::scope(|s| {
        s.spawn(|| {
            let mine = Arc::clone(&current.lock().unwrap()); // the lock is held for this line
            println!("3. the reader took version 1: {mine:?}");
            reader_has_v1.wait();
            v2_published.wait();
            // Still all of version 1, however long it reads: nobody can change it.
            println!("   after version 2 was published, the reader still has {mine:?}");
            let now = Arc::clone(&current.lock().unwrap());
            println!("   taking the current version again gives {now:?}");
        });
        reader_has_v1.wait();
        // The writer builds the new version without the lock, and swaps it in under it.
        let v2 = Arc::new(vec!["timeout=10".to_owned(), "retries=3".to_owned()]);
        *current.lock().unwrap() = v2;
        println!("   the writer published version 2");
        v2_published.wait();
    });
}
