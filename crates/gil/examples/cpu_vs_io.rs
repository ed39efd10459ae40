//! CPU-bound and I/O-bound work on one thread and on four, without a GIL and with a simulated
//! one, with the speed-ups measured.
//!
//! - CPU-bound work (counting primes) scales with the cores when there is no GIL, and does not
//!   scale at all under one: only the thread holding the GIL computes.
//! - I/O-bound work (here a `sleep`, standing in for a download) overlaps either way, as long as
//!   the GIL is released while waiting; holding it while waiting makes the threads queue.
//!
//! The simulated GIL is a `static Mutex<()>`: "Python code" runs only while holding it. Like
//! CPython, a thread doing CPU work gives it up at regular intervals (CPython's switch interval
//! is 5 ms; here, after every slice of work), so that the others get a turn.
//!
//! Run it with `cargo run -p gil --example cpu_vs_io` (a few seconds). The numbers depend on the
//! machine and on what else it is doing; the shape does not.

use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// The simulated GIL.
static GIL: Mutex<()> = Mutex::new(());

const TASKS: u64 = 4;
/// Each CPU task counts the primes in a range of this many numbers...
const CPU_RANGE: u64 = 20_000;
/// ... in slices of this many, taking the GIL again for each slice (the switch interval).
const SLICE: u64 = 500;
/// Each I/O task waits this long, as for a reply from the network...
const IO_WAIT: Duration = Duration::from_millis(200);

fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

fn count_primes(from: u64, to: u64) -> u64 {
    (from..to).filter(|&n| is_prime(n)).count() as u64
}

/// How work is run.
#[derive(Clone, Copy, PartialEq)]
enum Gil {
    /// No GIL: the Rust way.
    None,
    /// "Python code" holds the GIL; waiting for I/O releases it, as CPython does.
    ReleasedForIo,
    /// "Python code" holds the GIL, and so does waiting: a C extension that forgot to release it.
    HeldForIo,
}

fn cpu_task(task: u64, gil: Gil) -> u64 {
    let start = 1_000_000 + task * CPU_RANGE;
    let mut primes = 0;
    for slice in (start..start + CPU_RANGE).step_by(SLICE as usize) {
        let _held = (gil != Gil::None).then(|| GIL.lock().unwrap());
        primes += count_primes(slice, slice + SLICE);
    }
    primes
}

fn io_task(gil: Gil) {
    match gil {
        Gil::None => thread::sleep(IO_WAIT),
        Gil::ReleasedForIo => {
            drop(GIL.lock().unwrap()); // a little Python code to start the request
            thread::sleep(IO_WAIT); // the wait, without the GIL
            drop(GIL.lock().unwrap()); // a little Python code to handle the reply
        }
        Gil::HeldForIo => {
            let _held = GIL.lock().unwrap();
            thread::sleep(IO_WAIT);
        }
    }
}

/// Runs `TASKS` tasks one after another, or each on a thread of its own, and returns how long it
/// took.
fn timed(threads: bool, task: impl Fn(u64) + Sync) -> Duration {
    let started = Instant::now();
    if threads {
        thread::scope(|s| {
            for t in 0..TASKS {
                let task = &task;
                s.spawn(move || task(t));
            }
        });
    } else {
        (0..TASKS).for_each(&task);
    }
    started.elapsed()
}

fn report(what: &str, one: Duration, took: Duration) {
    println!(
        "  {what:<44} {:>6.0} ms   speed-up x{:.1}",
        took.as_secs_f64() * 1000.0,
        one.as_secs_f64() / took.as_secs_f64()
    );
}

fn main() {
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    println!("{TASKS} tasks on a machine with {cores} cores\n");

    println!("CPU-bound: counting primes");
    let one = timed(false, |t| {
        cpu_task(t, Gil::None);
    });
    report("one thread, one task after another", one, one);
    let free = timed(true, |t| {
        cpu_task(t, Gil::None);
    });
    report("4 threads, no GIL (Rust)", one, free);
    let gil = timed(true, |t| {
        cpu_task(t, Gil::ReleasedForIo);
    });
    report("4 threads, with a GIL (CPython)", one, gil);

    println!("\nI/O-bound: waiting {} ms per task", IO_WAIT.as_millis());
    let one = timed(false, |_| io_task(Gil::None));
    report("one thread, one task after another", one, one);
    let free = timed(true, |_| io_task(Gil::None));
    report("4 threads, no GIL (Rust)", one, free);
    let released = timed(true, |_| io_task(Gil::ReleasedForIo));
    report("4 threads, GIL released while waiting", one, released);
    let held = timed(true, |_| io_task(Gil::HeldForIo));
    report("4 threads, GIL held while waiting (a bug)", one, held);

    println!(
        "\nWithout a GIL, CPU-bound work speeds up with the cores (up to x{}); under a GIL it \
         does not speed up at all. Waiting overlaps with or without a GIL, as long as nobody \
         holds the GIL while waiting. (Other programs busy on the machine take cores away, and \
         the no-GIL speed-up with them.)",
        cores.min(TASKS as usize)
    );
}
