//! # At most N at a time: a semaphore per job, or N workers
//!
//! The classic use of a semaphore: many jobs, each spending most of its time waiting on
//! something outside (the network, a disk), and a limit on how many may run at once, because the
//! server throttles you, the machine runs out of sockets, or the other end is a service you must
//! not flood. In Python:
//!
//! ```python
//! limit = threading.Semaphore(4)
//!
//! def download(url):
//!     with limit:
//!         return fetch(url)
//!
//! threads = [threading.Thread(target=download, args=(url,)) for url in urls]
//! ```
//!
//! A thread per job, each taking a permit before it works. Rust can do the same, and scoped
//! threads let the jobs borrow the URLs and the semaphore without an `Arc`:
//!
//! ```
//! use semaphores::channels::TokenSemaphore;
//! use std::thread;
//!
//! fn fetch(url: &str) -> usize {
//!     url.len() // stands in for a download
//! }
//!
//! let urls = ["https://a.example", "https://b.example", "https://c.example"];
//! let limit = TokenSemaphore::new(2);
//! let sizes: Vec<usize> = thread::scope(|s| {
//!     let handles: Vec<_> = urls
//!         .iter()
//!         .map(|url| {
//!             let limit = &limit;
//!             s.spawn(move || {
//!                 let _permit = limit.acquire();
//!                 fetch(url)
//!             })
//!         })
//!         .collect();
//!     // Joining the handles in the order they were made keeps the results in the URLs' order,
//!     // whatever order the downloads finish in.
//!     handles.into_iter().map(|h| h.join().unwrap()).collect()
//! });
//! assert_eq!(sizes, [17, 17, 17]);
//! ```
//!
//! ## Or: N workers and no semaphore at all
//!
//! A thread per job is fine for dozens of jobs; for 10 000 it means 10 000 threads, almost all
//! asleep waiting for a permit, each with its own stack. The other design starts only N threads,
//! the workers, and lets each take the next job until none is left. The limit is then the number
//! of workers, and nothing needs to wait for a permit:
//!
//! ```
//! use std::sync::Mutex;
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! use std::thread;
//!
//! let urls = ["https://a.example", "https://b.example", "https://c.example"];
//! let next = AtomicUsize::new(0);
//! let sizes: Vec<Mutex<Option<usize>>> = urls.iter().map(|_| Mutex::new(None)).collect();
//! thread::scope(|s| {
//!     for _ in 0..2 {
//!         s.spawn(|| {
//!             // Each worker claims the next index; fetch_add hands every index out once.
//!             loop {
//!                 let index = next.fetch_add(1, Ordering::Relaxed);
//!                 let Some(url) = urls.get(index) else { break };
//!                 *sizes[index].lock().unwrap() = Some(url.len());
//!             }
//!         });
//!     }
//! });
//! let sizes: Vec<usize> = sizes.into_iter().map(|m| m.into_inner().unwrap().unwrap()).collect();
//! assert_eq!(sizes, [17, 17, 17]);
//! ```
//!
//! Both are right; which to pick is about the jobs. Workers are the better default for many
//! small jobs. A semaphore fits when the jobs are not all known up front, when they come from
//! many places (several parts of a program sharing one limit on one server), or when the thing
//! being limited is held across more than one call.
//!
//! ## The mistake: batches
//!
//! A tempting shortcut is to cut the list into batches of N, run each batch on N threads and
//! join them before starting the next batch. It never exceeds the limit, and it is slow exactly
//! when it matters: one slow download holds up its whole batch, and the other N - 1 slots sit
//! idle until it is done. With a semaphore or workers, the moment one job finishes, the next one
//! starts.
//!
//! `cargo run -p semaphores --example downloads` runs 12 pretend downloads both ways, and in
//! batches, and prints how long each took.
