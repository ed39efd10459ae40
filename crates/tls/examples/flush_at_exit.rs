//! Destructors at thread exit: three threads log into per-thread buffers, which move their lines
//! to a shared log a batch at a time, and whose `Drop` flushes the rest when the thread ends.
//! After `join`, every line is in the shared log; the main thread flushes its own buffer itself.
//!
//! Run it with `cargo run -p tls --example flush_at_exit`.

use std::cell::RefCell;
use std::sync::Mutex;
use std::thread;

/// How many lines a buffer collects before it flushes.
const BATCH: usize = 4;

/// The shared log: taking this lock once per batch, not once per line, is the point.
static SHARED: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Buffer {
    lines: Vec<String>,
}

impl Buffer {
    fn flush(&mut self, why: &str) {
        if self.lines.is_empty() {
            return;
        }
        println!(
            "  {} flushes {} line(s) {why}",
            thread::current().name().unwrap_or("unnamed"),
            self.lines.len()
        );
        SHARED.lock().unwrap().append(&mut self.lines);
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        self.flush("as its thread ends");
    }
}

thread_local! {
    static BUFFER: RefCell<Buffer> = const { RefCell::new(Buffer { lines: Vec::new() }) };
}

fn log(line: String) {
    // `try_with`: a destructor running after BUFFER is gone may still log.
    let buffered = BUFFER.try_with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.lines.push(line.clone());
        if buffer.lines.len() >= BATCH {
            buffer.flush("(a full batch)");
        }
    });
    if buffered.is_err() {
        SHARED.lock().unwrap().push(line);
    }
}

fn main() {
    let workers: Vec<_> = (1..=3)
        .map(|n| {
            thread::Builder::new()
                .name(format!("worker-{n}"))
                .spawn(move || {
                    // BATCH + n lines: one full batch, and n lines left for the destructor.
                    for i in 0..BATCH + n {
                        log(format!("worker-{n} line {i}"));
                    }
                })
                .expect("could not start a worker")
        })
        .collect();
    for worker in workers {
        // `join` waits for the thread's destructors too.
        worker.join().expect("a worker panicked");
    }

    log("main: all workers joined".to_owned());
    // Rust does not promise to drop the main thread's thread-locals when `main` returns.
    BUFFER.with_borrow_mut(|buffer| buffer.flush("because main asked"));

    let shared = SHARED.lock().unwrap();
    println!("The shared log holds {} lines:", shared.len());
    for line in shared.iter() {
        println!("  {line}");
    }
    assert_eq!(shared.len(), (1..=3).map(|n| BATCH + n).sum::<usize>() + 1);
}
