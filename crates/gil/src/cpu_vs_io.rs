//! # CPU-bound and I/O-bound work, with and without a GIL
//!
//! Work is **CPU-bound** when the thread computes all the time (counting primes, resizing an
//! image in pure Python, parsing a large file already in memory) and **I/O-bound** when it
//! mostly waits for something outside the program (the network, the disk, a database, a
//! `sleep`). Threads help the two in different ways:
//!
//! - CPU-bound work goes faster on more threads only if they can compute *at the same time*,
//!   on several cores. Under a GIL they cannot: only the holder computes, and four threads take
//!   as long as one (a little longer, with the switching).
//! - I/O-bound work goes faster on more threads because the *waits* overlap, and waiting needs
//!   no core. Under a GIL that is released while waiting, four downloads take about as long as
//!   one. Hold the GIL while waiting (a C extension that forgot `Py_BEGIN_ALLOW_THREADS`) and the
//!   downloads queue one after another.
//!
//! `cargo run -p gil --example cpu_vs_io` measures all of it with a simulated GIL. It gives each
//! CPU task about a quarter of a second of work on the machine that runs it (it times a little
//! work first): with tasks of a few milliseconds, starting threads and the scheduler's time
//! slices would swamp the work, and the speed-up would jump from run to run. It also reports the
//! quicker of two runs of each CPU-bound line, since another program that takes a core for a
//! moment slows one run and rarely both. One run on the two-core machine this course was
//! written on (an AMD EPYC virtual machine, shared with other busy programs, over which the
//! example had been given priority) printed:
//!
//! ```text
//! CPU-bound: counting primes
//!   one thread, one task after another             1015 ms   speed-up x1.0
//!   4 threads, no GIL (Rust)                        524 ms   speed-up x1.9
//!   4 threads, with a GIL (CPython)                 927 ms   speed-up x1.1
//!
//! I/O-bound: waiting 100 ms per task
//!   one thread, one task after another              400 ms   speed-up x1.0
//!   4 threads, no GIL (Rust)                        110 ms   speed-up x3.6
//!   4 threads, GIL released while waiting           106 ms   speed-up x3.8
//!   4 threads, GIL held while waiting (a bug)       402 ms   speed-up x1.0
//! ```
//!
//! The CPU-bound speed-up without a GIL is limited by the cores that are free: on two idle cores
//! it approaches x2, on eight idle cores x4 (there are only four tasks); with a GIL it stays
//! near x1 however many cores there are. The I/O-bound speed-ups do not depend on the cores at all.
//! On a busy machine, other programs take cores away from the four threads: the no-GIL speed-up
//! falls (towards x1 when every core is taken), every CPU-bound line changes from run to run,
//! and the example says so when the no-GIL speed-up is under 90% of what the cores allow. The
//! I/O-bound lines barely move, since a sleeping thread needs no core.
//! Run it yourself: the numbers vary, the shape does not.
//!
//! ## What Python programs do about it, and what Rust programs do
//!
//! A Python program with CPU-bound work uses processes (`multiprocessing`,
//! `concurrent.futures.ProcessPoolExecutor`): each has its own interpreter and its own GIL.
//! That works, at a price: starting a process costs far more than starting a thread (see
//! [`threads_vs_processes`](crate::threads_vs_processes)), and every argument and result is
//! copied (pickled) from one process to another. Or it moves the hot loop into a C or Rust
//! extension that releases the GIL.
//!
//! A Rust program just uses threads. The one rule that makes CPU-bound threads scale is the
//! one a GIL breaks: *don't make them queue for one lock*. Give each thread its own part of the
//! input to read and let it return its own result; there is then nothing to lock at all:
//!
//! ```
//! use std::thread;
//!
//! let words = ["gil", "send", "sync", "arc", "mutex", "scope", "thread", "join"];
//! let lengths: Vec<usize> = thread::scope(|s| {
//!     let handles: Vec<_> = words
//!         .chunks(2)
//!         .map(|pair| s.spawn(move || pair.iter().map(|w| w.len()).sum::<usize>()))
//!         .collect(); // every thread is started before the first join
//!     handles.into_iter().map(|h| h.join().unwrap()).collect()
//! });
//! assert_eq!(lengths, vec![7, 7, 10, 10]);
//! ```
//!
//! Two mistakes turn this back into GIL-like, one-at-a-time execution, and the exercises check
//! for both: joining each thread right after spawning it (write
//! `.map(|h| h.join())` on the *collected* handles, not in the spawning loop), and holding one
//! shared `Mutex` for the whole computation when each thread only needed it for a moment at the
//! end (or not at all).
//!
//! For I/O-bound work, the same rule holds in the other direction: never hold a lock while
//! waiting. A `MutexGuard` kept alive across a network call makes every other thread that needs
//! the lock wait for the network too. Drop the guard (or end its block) before the call, as
//! CPython releases the GIL.
