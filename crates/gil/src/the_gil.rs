//! # The GIL: one lock for the whole interpreter
//!
//! ## What CPython does
//!
//! The interpreter keeps one lock, the GIL, and a thread must hold it to run Python bytecode.
//! The rest follows from three rules:
//!
//! - **Taking turns.** A thread that wants the GIL while another holds it waits, and after the
//!   *switch interval* (`sys.getswitchinterval()`, 5 ms by default) asks the holder to let go.
//!   The holder drops it at its next check between bytecodes, and one of the waiting threads takes
//!   it. So CPU-bound Python threads run one at a time, in slices of about 5 ms.
//! - **Letting go while waiting.** Before a call that may block (reading a socket or a file,
//!   `time.sleep`, waiting for a `threading.Lock`, `select`), CPython releases the GIL, and takes
//!   it back when the call returns (in C: `Py_BEGIN_ALLOW_THREADS` ... `Py_END_ALLOW_THREADS`).
//!   C extensions that compute for a long time without touching Python objects do the same:
//!   `hashlib` on large inputs, `zlib`, most of NumPy. That is why I/O-bound threads, and threads
//!   that spend their time in such extensions, do run at the same time.
//! - **Taking it back before touching Python objects again.** Code that returns from a blocking
//!   call waits for the GIL like everyone else.
//!
//! The GIL exists mostly for the interpreter's own sake. Every Python object carries a reference
//! count, changed with a plain read and write whenever a reference is made or dropped (`x = y`,
//! passing an argument, leaving a function); dictionaries and lists are changed in place; memory
//! is handed out from shared pools. With one lock around all of it, none of that needs atomic
//! instructions or locks of its own, which keeps single-threaded Python fast and C extensions
//! simple.
//!
//! ## What the GIL does not do
//!
//! It makes each *bytecode* indivisible, not each line of your program. `counter += 1` on a
//! shared counter is several bytecodes (load the counter, add one, store it back), and if the
//! GIL changes hands between the load and the store, one thread's update is lost:
//!
//! ```text
//! thread A: LOAD counter (0)
//!                               thread B: LOAD counter (0)
//!                               thread B: ADD 1, STORE counter (1)
//! thread A: ADD 1, STORE counter (1)        <- B's update is lost
//! ```
//!
//! How often that happens depends on the CPython version (recent ones only check for a switch
//! at certain bytecodes, so it has become rare), and Python promises nothing either way. A
//! program that shares data between threads needs its own locks, GIL or no GIL.
//! `cargo run -p gil --example gil_critical_section` runs a tiny interpreter whose simulated
//! GIL changes hands after every bytecode: without a lock, two threads adding 1000 each end at
//! 1000; inside `with lock:`, at 2000.
//!
//! ## The tutorial's example is an ordinary lock
//!
//! The tutorial shows this as its GIL example:
//!
//! ```python
//! lock = threading.Lock()
//!
//! def thread_function():
//!     with lock:
//!         # Critical section of code
//!         # Only one thread can enter this section at a time
//!         print("Thread is working")
//! ```
//!
//! That is not the GIL: it is a lock the program creates and takes around its own critical
//! section, exactly the tool the GIL does *not* replace. It would be needed (to keep two
//! threads' updates from mixing) whether or not the interpreter has a GIL. In Rust the lock
//! owns what it protects, so the critical section cannot touch the data without it:
//!
//! ```
//! use std::sync::Mutex;
//! use std::thread;
//!
//! let counter = Mutex::new(0); // the lock and the data it guards, together
//! thread::scope(|s| {
//!     for _ in 0..10 {
//!         s.spawn(|| {
//!             for _ in 0..1000 {
//!                 *counter.lock().unwrap() += 1; // the critical section
//!             }
//!         });
//!     }
//! });
//! assert_eq!(counter.into_inner().unwrap(), 10_000);
//! ```
//!
//! ## A GIL in Rust
//!
//! A GIL is a lock with three operations: take it, give it back, and give it back *for a
//! while*, around a call that waits. In Rust, "take it" returns a guard, the proof that this
//! thread holds it, and dropping the guard gives it back. The simplest GIL is a `Mutex<()>`;
//! here threads run their "Python code" under it and wait for the network without it:
//!
//! ```
//! use std::sync::Mutex;
//! use std::thread;
//! use std::time::{Duration, Instant};
//!
//! static GIL: Mutex<()> = Mutex::new(());
//!
//! let started = Instant::now();
//! thread::scope(|s| {
//!     for _ in 0..4 {
//!         s.spawn(|| {
//!             let gil = GIL.lock().unwrap();
//!             // ... Python code: build the request ...
//!             drop(gil); // released before waiting, as CPython does
//!             thread::sleep(Duration::from_millis(100)); // the network
//!             let _gil = GIL.lock().unwrap();
//!             // ... Python code: parse the reply ...
//!         });
//!     }
//! });
//! // The four waits overlapped: about 100 ms in all, not 400.
//! println!("4 downloads took {:?}", started.elapsed());
//! ```
//!
//! The first exercise builds a proper one: `Gil::acquire` returns a `GilGuard`, and
//! `GilGuard::allow_threads(f)` releases the GIL while `f` runs and takes it back before
//! returning, like CPython's `Py_BEGIN_ALLOW_THREADS` and PyO3's `Python::detach` (called
//! `allow_threads` before PyO3 0.26). Two details matter:
//!
//! - `allow_threads` must really *wait* to take the GIL back: when `f` returns, another thread
//!   may hold it, and the caller must not run "Python code" until that thread lets go.
//! - The guard must not be `Send`. Holding the GIL is a fact about the thread that took it (in
//!   CPython, about that thread's interpreter state), so a guard taken on one thread must not
//!   be dropped on another. `std::sync::MutexGuard` is not `Send` for the same kind of reason
//!   (some operating systems require a mutex to be unlocked by the thread that locked it), and
//!   PyO3's `Python<'py>` token, its proof that the thread is attached to the interpreter, is not
//!   `Send` either. A field of type `PhantomData<MutexGuard<'a, ()>>` (or the guard of a real
//!   `Mutex` kept inside) makes a type not `Send`, and the compiler then refuses to move it to
//!   another thread; see [`send_sync`](crate::send_sync).
//!
//! ## Sleeping until the GIL is free: the minimum about `Condvar`
//!
//! `acquire` must *wait* while another thread holds the GIL, and wait asleep: a loop that looks
//! at a flag again and again (spinning, or calling `yield_now`) burns a core doing nothing. A
//! `Mutex` can make a thread sleep until the *mutex* is free, but the GIL is held across many
//! lines and function calls, by a guard of your own, not by a `MutexGuard`. The tool for
//! "sleep until this state changes" is a **condition variable**, [`std::sync::Condvar`]. The
//! conditions chapter covers it in full; the GIL needs only this much:
//!
//! - A `Condvar` lives beside a `Mutex` that holds the state: here `Mutex<bool>`, "is the GIL
//!   held?".
//! - `condvar.wait_while(guard, |held| *held)` takes the mutex's guard. While the condition is
//!   true it lets go of the mutex and sleeps; woken, it locks the mutex again and checks the
//!   condition again (a thread may wake with nothing changed, or find that another took the GIL
//!   first). It returns the guard once the condition is false, so the thread can mark the GIL
//!   held before it lets go of the mutex: "is it free?" and "take it" are one step.
//! - Whoever changes the state changes it under the mutex and then calls `notify_one()` (wake
//!   one sleeper) or `notify_all()` (wake them all). A notify with no sleeper does nothing; the
//!   flag is what a late waiter reads.
//!
//! ```
//! use std::sync::{Condvar, Mutex};
//! use std::thread;
//! use std::time::Duration;
//!
//! let held = Mutex::new(true); // another thread holds the GIL
//! let released = Condvar::new();
//! thread::scope(|s| {
//!     s.spawn(|| {
//!         let guard = held.lock().unwrap();
//!         // Asleep while the GIL is held; returns with the mutex locked and `*guard == false`.
//!         let mut guard = released.wait_while(guard, |held| *held).unwrap();
//!         *guard = true; // taken, under the same lock as the check
//!     });
//!     thread::sleep(Duration::from_millis(10)); // the holder runs its "Python code"
//!     *held.lock().unwrap() = false; // releasing: change the state under the mutex...
//!     released.notify_one(); // ...then wake a sleeper
//! });
//! assert!(*held.lock().unwrap(), "the waiting thread took the GIL");
//! ```
//!
//! Real GILs also care about *fairness*: a thread that releases the GIL and at once asks for it
//! again usually gets it back before a woken waiter can, so waiters can starve. CPython's
//! switch interval, and its rule that a thread that was asked to let go must let another thread
//! take the GIL before it takes it again, exist for that.
