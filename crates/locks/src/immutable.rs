//! # Sharing without a lock: data that nobody changes
//!
//! The tutorial's list of data-sharing pitfalls ends with "use immutable data structures (e.g.,
//! tuples) where possible to avoid unintended modifications". In Python, immutability belongs to
//! some types, and only one level deep: nobody can put a new element into a tuple, but a list
//! inside the tuple can still be appended to, by any thread that holds the tuple.
//!
//! In Rust, immutability belongs to the *access*. Through a shared reference, `&T`, nothing can
//! be changed, however deep it sits: not the vector, not the strings in it, not their bytes. The
//! exceptions are the types built to be changed through `&` (`Cell`, `RefCell`, `Mutex`,
//! `RwLock`, the atomics), and the compiler knows them: a type is `Sync`, safe to reach through
//! `&` from several threads at once, only if its changes through `&` are synchronised. Plain data
//! (numbers, `String`, `Vec`, `HashMap`, and structs made of them) is `Sync` because through `&`
//! it can only be read. So data built once and then only read can be shared by any number of
//! threads, which read it at full speed with no lock and no atomic operation per read.
//!
//! There are three ways to share it, depending on how long it has to live.
//!
//! ## `&'static`: for the whole run of the program
//!
//! A string literal is a `&'static str`, and a `static` without interior mutability is a table
//! that every thread can read:
//!
//! ```
//! use std::thread;
//!
//! static METHODS: [&str; 4] = ["GET", "PUT", "POST", "DELETE"];
//!
//! let handles: Vec<_> = (0..4)
//!     .map(|i| thread::spawn(move || METHODS[i].len()))
//!     .collect();
//! let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
//! assert_eq!(total, 16);
//! ```
//!
//! Data that is only known at run time can become `'static` too: a
//! [`LazyLock`](std::sync::LazyLock) static is computed by the first thread that reads it (the
//! others wait for that one computation) and is read-only from then on, and
//! [`Box::leak`] turns a value built at start-up into a `&'static` by never freeing it.
//!
//! ## A borrow, from scoped threads
//!
//! Threads started with [`std::thread::scope`] are joined before the scope ends, so they may
//! borrow the caller's local data: `&data` is shared by all of them, for free. The threads
//! lesson (`crates/threads`, page `scoped`) shows it.
//!
//! ## `Arc<T>`: shared ownership
//!
//! When the threads must own what they read (they are started with `thread::spawn`, or live
//! longer than the function that made the data), put it in an [`Arc`](std::sync::Arc). Every
//! `Arc::clone` copies a pointer and adds one to an atomic count; the data itself is never
//! copied, and it is freed when the last `Arc` is dropped. Reading through an `Arc` costs what
//! reading through a `&` costs: only the clones and the drops touch the count.
//!
//! ```
//! use std::collections::HashSet;
//! use std::sync::Arc;
//! use std::thread;
//!
//! struct Settings {
//!     banner: Arc<str>,
//!     banned: HashSet<String>,
//! }
//!
//! let settings = Arc::new(Settings {
//!     banner: Arc::from("welcome"),
//!     banned: HashSet::from(["mallory".to_owned()]),
//! });
//! let handles: Vec<_> = ["alice", "mallory", "bob"]
//!     .into_iter()
//!     .map(|user| {
//!         let settings = Arc::clone(&settings); // a pointer and a count, not a copy
//!         thread::spawn(move || {
//!             // No lock: nobody can change `settings` while it is shared.
//!             (!settings.banned.contains(user)).then(|| format!("{}, {user}", settings.banner))
//!         })
//!     })
//!     .collect();
//! let greetings: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
//! assert_eq!(greetings[0].as_deref(), Some("welcome, alice"));
//! assert_eq!(greetings[1], None);
//! ```
//!
//! An `Arc<T>` hands out `&T` and nothing more, so the compiler refuses a change, deep or not:
//!
//! ```compile_fail,E0596
//! use std::sync::Arc;
//!
//! let shared = Arc::new(vec![1, 2, 3]);
//! let for_a_thread = Arc::clone(&shared);
//! for_a_thread.push(4); // error[E0596]: cannot borrow data in an `Arc` as mutable
//! ```
//!
//! To share something that *does* change, the `Arc` holds a lock: `Arc<Mutex<T>>`, the rest of
//! this lesson. (And an `Arc<Cell<T>>` is refused outright: a `Cell` is not `Sync`.)
//!
//! ### `Arc<str>` and `Arc<[T]>`
//!
//! Text and lists that will never grow again are best stored without room to grow.
//! `Arc<String>` is a pointer to a block holding the counts and a `String`, which points in turn
//! to the bytes, with a capacity nobody will use. `Arc<str>` (made with `Arc::from("…")` or
//! `Arc::from(string)`) is one block, counts and bytes together, and says in its type that the
//! text is final. The same goes for `Arc<[T]>` (`Arc::from(vec)`) in place of `Arc<Vec<T>>`.
//! Cloning either is still a pointer copy and a count.
//!
//! ## When the data does change: replace it whole
//!
//! Configuration gets reloaded; a routing table gets rebuilt. The data can still be immutable if
//! a change makes a *new* version instead of editing the old one. Keep the current version as an
//! `Arc` behind a lock, `Mutex<Arc<T>>` or `RwLock<Arc<T>>`, and hold that lock only for a
//! moment: a reader clones the `Arc` and lets go, then reads its version for as long as it
//! likes with no lock held; a writer builds the new version outside the lock and swaps it in.
//! A reader that took the old version keeps reading a complete, consistent old version (never
//! half of each), and the old version is freed when its last reader drops it.
//!
//! ```
//! use std::sync::{Arc, Mutex};
//!
//! let current = Mutex::new(Arc::new(String::from("v1")));
//! let snapshot = Arc::clone(&current.lock().unwrap()); // the lock is held for this line only
//! *current.lock().unwrap() = Arc::new(String::from("v2")); // a writer publishes a new version
//! assert_eq!(*snapshot, "v1"); // the old reader still has all of v1
//! assert_eq!(**current.lock().unwrap(), "v2"); // new readers get v2
//! ```
//!
//! (The `arc-swap` crate does the same swap without any lock.)
//!
//! `cargo run -p locks --example immutable` shares a table, an `Arc` of settings and versions of
//! a configuration between threads, with no lock on any read.
