//! # Threads versus processes
//!
//! The tutorial sums up the difference with this table:
//!
//! |               | Threads                        | Process                    |
//! | ------------- | ------------------------------ | -------------------------- |
//! | Set-up cost   | Low                            | Hight                      |
//! | Handled by    | CPython interpreter            | OS                         |
//! | Memory Access | Shared                         | Seprate memory space       |
//! | Execution     | Concurrent, non-parallel       | Concurrent, Parallel       |
//!
//! Two rows are right (set-up cost, memory) and two are wrong or only true of Python code:
//!
//! - **Handled by.** CPython's threads are real operating-system threads, created with
//!   `pthread_create` (or `CreateThread` on Windows) and scheduled by the OS like any others. The
//!   interpreter decides only which of them may run *Python code*, through the GIL. Rust's
//!   `std::thread::spawn` creates the same kind of thread.
//! - **Execution.** "Concurrent, non-parallel" describes Python code under the GIL. Threads as
//!   such run in parallel: Python threads do while they wait or run C code that released the
//!   GIL, and Rust threads always can.
//!
//! `cargo run -p gil --example threads_vs_processes` measures the first row: it starts and
//! waits for 100 threads, then 100 processes (the example itself, run again with an argument
//! that makes it exit at once), and shows that a thread's change to a static is seen by its
//! parent while a child process's memory is its own. One run on the two-core machine this course
//! was written on printed:
//!
//! ```text
//! |               | Threads                        | Processes                         |
//! | ------------- | ------------------------------ | --------------------------------- |
//! | Set-up cost   | low: 48 µs each here           | high: 1.27 ms each here           |
//! | Handled by    | the OS (Python's too)          | the OS                            |
//! | Memory access | shared (saw 2 items)           | separate (the child saw 0)        |
//! | Execution     | parallel in Rust; in CPython,  | parallel, in Rust and in Python   |
//! |               | one thread at a time runs      |                                   |
//! |               | Python code (the GIL)          |                                   |
//! ```
//!
//! A process costs ten to a few tens of times as much as a thread to start (9 to 26 times in
//! the runs on that machine): the OS builds a new address space, loads and links the program,
//! and tears it all down at the end. A thread shares its process's address space and needs
//! little more than a stack. (Python's `multiprocessing` costs more again when each worker
//! starts a fresh interpreter and imports its modules, as its `spawn` and `forkserver` start
//! methods do.)
//!
//! ## When to use which
//!
//! - **Threads** for work that shares data: in Rust, for CPU-bound and I/O-bound work alike.
//!   The compiler checks what they share (see [`send_sync`](crate::send_sync)).
//! - **Processes** when you need isolation rather than speed: a crash or a memory leak in one
//!   must not take down the others, the work runs another program, or it must run with other
//!   permissions. In Python, also for CPU-bound work, to get around the GIL.
//!
//! Starting a process from Rust is `std::process::Command`; it shares nothing with its parent
//! but what is passed explicitly (arguments, environment, standard input and output):
//!
//! ```no_run
//! use std::process::Command;
//!
//! let output = Command::new("python3")
//!     .args(["-c", "import sys; print(sys.getswitchinterval())"])
//!     .output()
//!     .expect("python3 runs");
//! println!("CPython switches threads every {} s", String::from_utf8_lossy(&output.stdout));
//! ```
