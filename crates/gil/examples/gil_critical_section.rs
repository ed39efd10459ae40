//! The tutorial's GIL example, and why it is not the GIL.
//!
//! The tutorial illustrates the GIL with this:
//!
//! ```python
//! lock = threading.Lock()
//!
//! def thread_function():
//!     with lock:
//!         # Critical section of code
//!         print("Thread is working")
//! ```
//!
//! That is an ordinary lock that the program creates and takes around its own critical
//! section. The GIL is nothing of the sort: no program creates it or names it, the interpreter
//! holds it around *every* bytecode it runs, and hands it to another thread every few
//! milliseconds, which may be in the middle of a line of Python.
//!
//! Part 1 runs the tutorial's critical section the Rust way. Part 2 builds a tiny interpreter
//! whose threads run "bytecodes" under a simulated GIL that changes hands after every bytecode,
//! and shows that the GIL does not make `counter += 1` safe: only the program's own lock does.
//!
//! Run it with `cargo run -p gil --example gil_critical_section`.

use std::sync::{Condvar, Mutex};
use std::thread;

/// The tutorial's example: the lock guards the right to print, so the data it holds is `()`.
fn tutorial_critical_section() {
    let lock = Mutex::new(());
    thread::scope(|s| {
        for id in 1..=3 {
            let lock = &lock;
            s.spawn(move || {
                let _guard = lock.lock().unwrap();
                // Critical section: only one thread at a time is here.
                println!("  thread {id} is working");
            }); // the guard is dropped here, and the lock is free again
        }
    });
}

/// The bytecodes of `counter += 1`, and of `with lock:` around it.
#[derive(Clone, Copy, Debug)]
enum Op {
    /// `with lock:` (entering): take the program's lock, or wait for it.
    Acquire,
    /// `LOAD_GLOBAL counter`: read the shared counter into this thread's stack.
    Load,
    /// `BINARY_OP +`: add 1 on this thread's stack.
    Add,
    /// `STORE_GLOBAL counter`: write this thread's stack back to the shared counter.
    Store,
    /// `with lock:` (leaving): release the program's lock.
    Release,
}

/// The interpreter's state. The `Mutex` around it *is* the simulated GIL: a thread runs a
/// bytecode only while holding it, and only in its turn.
struct Interpreter {
    gil: Mutex<State>,
    turn_changed: Condvar,
}

struct State {
    /// Which thread may run its next bytecode: the GIL changes hands after every bytecode, the
    /// unluckiest switching a real interpreter could do.
    turn: usize,
    /// The threads that have not finished.
    running: Vec<bool>,
    counter: u64,
    /// Which thread holds the program's own lock, the one `with lock:` takes.
    lock_owner: Option<usize>,
}

impl State {
    fn pass_turn(&mut self) {
        let n = self.running.len();
        for step in 1..=n {
            let next = (self.turn + step) % n;
            if self.running[next] {
                self.turn = next;
                return;
            }
        }
    }
}

/// Runs `program` `times` times on each of `threads` threads, and returns the counter.
fn run(program: &[Op], threads: usize, times: u64) -> u64 {
    let interpreter = Interpreter {
        gil: Mutex::new(State {
            turn: 0,
            running: vec![true; threads],
            counter: 0,
            lock_owner: None,
        }),
        turn_changed: Condvar::new(),
    };
    thread::scope(|s| {
        for me in 0..threads {
            let interpreter = &interpreter;
            s.spawn(move || {
                let mut stack = 0;
                for _ in 0..times {
                    let mut pc = 0;
                    while pc < program.len() {
                        // Wait for the GIL and our turn.
                        let mut state = interpreter
                            .turn_changed
                            .wait_while(interpreter.gil.lock().unwrap(), |s| s.turn != me)
                            .unwrap();
                        match program[pc] {
                            Op::Acquire => {
                                if state.lock_owner.is_none() {
                                    state.lock_owner = Some(me);
                                    pc += 1;
                                } // else: blocked on the lock; the GIL goes to someone else
                            }
                            Op::Load => {
                                stack = state.counter;
                                pc += 1;
                            }
                            Op::Add => {
                                stack += 1;
                                pc += 1;
                            }
                            Op::Store => {
                                state.counter = stack;
                                pc += 1;
                            }
                            Op::Release => {
                                state.lock_owner = None;
                                pc += 1;
                            }
                        }
                        // The switch interval is over: hand the GIL on.
                        state.pass_turn();
                        interpreter.turn_changed.notify_all();
                    }
                }
                let mut state = interpreter.gil.lock().unwrap();
                state.running[me] = false;
                state.pass_turn();
                interpreter.turn_changed.notify_all();
            });
        }
    });
    interpreter.gil.into_inner().unwrap().counter
}

fn main() {
    println!("1. The tutorial's `with lock:` critical section, in Rust:");
    tutorial_critical_section();

    const TIMES: u64 = 1000;
    println!(
        "\n2. Two threads each run `counter += 1` {TIMES} times, under a GIL that changes hands \
         after every bytecode:"
    );
    let bare = run(&[Op::Load, Op::Add, Op::Store], 2, TIMES);
    println!(
        "  without a lock:       counter = {bare} (expected {}): the GIL did not protect it",
        2 * TIMES
    );
    let locked = run(
        &[Op::Acquire, Op::Load, Op::Add, Op::Store, Op::Release],
        2,
        TIMES,
    );
    println!(
        "  inside `with lock:`:  counter = {locked} (expected {}): the program's lock did",
        2 * TIMES
    );
    println!(
        "\nThe GIL makes each bytecode indivisible, not each line of Python. CPython switches \
         threads far less often (every 5 ms, and only at certain bytecodes), so the lost updates \
         are rare there instead of certain, which makes them harder to find, not harmless. In \
         Rust, the compiler refuses to share a plain counter between threads at all: put it in a \
         Mutex, or make it an atomic."
    );
}
