//! # The GIL, and what Rust does instead
//!
//! CPython, the Python most people run, has a *global interpreter lock* (GIL): one lock for the
//! whole interpreter, which a thread must hold to run Python code. However many threads a Python
//! program starts and however many cores the machine has, only one thread at a time runs Python
//! code. Rust has no GIL. This chapter shows what a GIL is by building one, what it costs, and
//! what Rust does instead: it lets threads run truly in parallel and has the *compiler* check,
//! with the `Send` and `Sync` traits, that they share nothing unprotected.
//!
//! ## What the tutorial says
//!
//! The tutorial puts it this way: the GIL "prevents multiple native threads from executing
//! Python bytecodes at once", so Python threads are "not always perfect for CPU-bound tasks" but
//! "work well for I/O-bound tasks". That much is right, and [`cpu_vs_io`] measures it: four
//! threads counting primes go no faster than one under a GIL, while four threads waiting for
//! the network overlap their waits, GIL or no GIL.
//!
//! Three things in that section are wrong or misleading, and this chapter says so plainly:
//!
//! 1. **Its "Pros" list mixes drawbacks in with advantages.** "Prevents simultaneous
//!    multi-threading" and its sub-point "Bad for CPU limited tasks" are the GIL's *costs*, and
//!    "I/O limited threads are hardly affected" only says that one cost is small. "Ensures thread
//!    safety" is true of the interpreter's own data (reference counts, dictionaries, the memory
//!    allocator), not of your program's: `counter += 1` on a shared counter can still lose updates
//!    under the GIL. The real list:
//!    - *Advantages:* the interpreter stays simple and fast on one thread (no lock per object,
//!      reference counts changed with plain instructions rather than atomic ones); C extensions
//!      are easy to write, since they run one at a time unless they say otherwise; programs
//!      whose threads mostly wait (for the network, the disk, a user) lose little.
//!    - *Drawbacks:* only one thread runs Python code at a time, so CPU-bound Python code does
//!      not get faster with threads (the usual workaround is processes, with their start-up and
//!      copying costs); a thread that holds the GIL while it waits blocks every other thread;
//!      and the GIL does **not** make your own compound operations thread-safe.
//! 2. **Its GIL example is not the GIL.** The `with lock:` block it shows is an ordinary lock
//!    that the program creates and takes around its own critical section. The GIL is never
//!    created or named by the program; the interpreter holds it around every bytecode and hands it
//!    to another thread every few milliseconds, wherever the program happens to be. See
//!    [`the_gil`] and `cargo run -p gil --example gil_critical_section`, which shows a simulated
//!    GIL letting `counter += 1` lose updates and the program's own lock preventing it.
//! 3. **Its threads-versus-processes table is partly wrong.** Python threads are not "handled by
//!    the CPython interpreter": they are real operating-system threads, scheduled by the OS; the
//!    interpreter only decides which of them may run Python code. And threads are not
//!    "concurrent, non-parallel" in general: that is Python code under the GIL. Rust threads run
//!    in parallel. See [`threads_vs_processes`], which measures the set-up costs too.
//!
//! (CPython itself is moving away from the GIL: since Python 3.13 it can be built without one,
//! PEP 703's "free-threaded" build, experimental in 3.13 and supported since 3.14. The default
//! build still has it.)
//!
//! ## What Rust does instead
//!
//! No global lock: each piece of shared data carries its own protection (a `Mutex`, an atomic,
//! or nothing at all when it is only read), and threads that share nothing mutable never wait
//! for each other. Counting primes on four threads, each with its own part of the range:
//!
//! ```
//! use std::thread;
//!
//! fn is_prime(n: u64) -> bool {
//!     n >= 2 && (2..).take_while(|d| d * d <= n).all(|d| !n.is_multiple_of(d))
//! }
//!
//! let numbers: Vec<u64> = (0..20_000).collect();
//! let primes: usize = thread::scope(|s| {
//!     let handles: Vec<_> = numbers
//!         .chunks(5_000)
//!         .map(|part| s.spawn(move || part.iter().filter(|&&n| is_prime(n)).count()))
//!         .collect();
//!     handles.into_iter().map(|h| h.join().unwrap()).sum()
//! });
//! assert_eq!(primes, 2262);
//! ```
//!
//! Nothing stops the four threads from computing at the same time, and nothing needs to: they
//! only read `numbers`. What keeps this safe is checked before the program runs: the compiler
//! lets a value cross to another thread only if its type is `Send`, and be shared between
//! threads only if it is `Sync`. A Python program relies on the GIL, at run time, to keep two
//! threads from updating a reference count at once; a Rust program that tries to share an `Rc`
//! (whose count is not atomic) does not compile. See [`send_sync`].
//!
//! ## The chapter
//!
//! - [`the_gil`]: what the GIL is and does, how CPython switches threads and releases the GIL
//!   around I/O, a GIL built in Rust, and why the tutorial's `with lock:` is not it.
//! - [`cpu_vs_io`]: CPU-bound versus I/O-bound work, with and without a GIL, measured.
//! - [`send_sync`]: `Send` and `Sync`, the compile-time checks that do the GIL's job, and the
//!   errors they give for an `Rc` sent to another thread or a `RefCell` shared between threads.
//! - [`threads_vs_processes`]: the tutorial's table, corrected, with measured costs.
//!
//! The exercises (`exercises/02_gil/`) build a GIL with `allow_threads`, run downloads that
//! release it while they wait, split CPU-bound work over threads that each change their own part
//! of one buffer in place (`split_at_mut`: exclusive access to disjoint chunks, no lock), and
//! turn an `Rc<RefCell<T>>` into a value that threads can share.
//!
//! Examples, each a few seconds (`cpu_vs_io` up to ten): `cargo run -p gil --example cpu_vs_io`,
//! `--example threads_vs_processes` and `--example gil_critical_section`.

pub mod cpu_vs_io;
pub mod send_sync;
pub mod the_gil;
pub mod threads_vs_processes;
