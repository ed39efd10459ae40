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
//! Each CPU task is sized to compute for about a quarter of a second on this machine, in this
//! build (debug or release): the example first times a few slices of work and derives how many
//! slices a task needs. Much shorter tasks (a few milliseconds) would measure mostly the cost
//! of starting threads and the scheduler's time slices, and the speed-up would jump from run to
//! run. The four tasks take turns at the slices, so that they get equal shares of small and
//! large numbers and finish together, and each CPU-bound line reports the quicker of two runs.
//!
//! Run it with `cargo run -p gil --example cpu_vs_io` (five to ten seconds). On an idle machine
//! the CPU-bound speed-up without a GIL comes close to the number of cores (up to 4, the number
//! of tasks). On a busy machine, other programs take cores away: that speed-up drops, anywhere
//! down to x1, every CPU-bound line changes from run to run, and the example says so when it
//! sees it. The I/O-bound lines barely move: a thread that sleeps needs no core.

use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// The simulated GIL.
static GIL: Mutex<()> = Mutex::new(());

const TASKS: u64 = 4;
/// How long one CPU task should compute, alone on a core: long enough that starting a thread
/// (tens of microseconds) and the scheduler's time slices (milliseconds) are lost in the noise.
const CPU_TASK: Duration = Duration::from_millis(250);
/// Each CPU-bound line reports the quickest of this many runs.
const CPU_RUNS: usize = 2;
/// The CPU tasks count primes from here on (large numbers, so that the cost of a slice barely
/// grows from the first slice to the last)...
const FIRST: u64 = 100_000_000;
/// ... in slices of this many numbers, taking the GIL again for each slice (the switch interval).
const SLICE: u64 = 500;
/// Each I/O task waits this long, as for a reply from the network...
const IO_WAIT: Duration = Duration::from_millis(100);

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

/// How many slices of `SLICE` numbers a task needs to compute for about `CPU_TASK`, in this
/// build, on this machine. It times the same few slices again and again (for a tenth of a
/// second, and at least twice) and goes by the quickest time: a run that another program
/// interrupted took longer than the work needs.
fn slices_per_task() -> u64 {
    const TIMED_SLICES: u64 = 4;
    let started = Instant::now();
    let mut quickest = Duration::MAX;
    let mut runs = 0;
    while runs < 2 || started.elapsed() < Duration::from_millis(100) {
        let run_started = Instant::now();
        count_primes(FIRST, FIRST + TIMED_SLICES * SLICE);
        quickest = quickest.min(run_started.elapsed());
        runs += 1;
    }
    let per_slice = quickest.as_secs_f64() / TIMED_SLICES as f64;
    (CPU_TASK.as_secs_f64() / per_slice).ceil() as u64
}

/// Counts the primes of task `task`'s slices: slices `task`, `task + TASKS`, `task + 2 * TASKS`...
fn cpu_task(task: u64, slices: u64, gil: Gil) -> u64 {
    let mut primes = 0;
    for slice in (task..slices * TASKS).step_by(TASKS as usize) {
        let from = FIRST + slice * SLICE;
        let _held = (gil != Gil::None).then(|| GIL.lock().unwrap());
        primes += count_primes(from, from + SLICE);
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

/// The quickest of `CPU_RUNS` runs of `timed(threads, task)`: another program that takes a
/// core for a moment slows down one run, and rarely every one.
fn quickest(threads: bool, task: impl Fn(u64) + Sync) -> Duration {
    (0..CPU_RUNS)
        .map(|_| timed(threads, &task))
        .min()
        .expect("CPU_RUNS is not 0")
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
    let slices = slices_per_task();
    println!(
        "{TASKS} tasks on a machine with {cores} cores; each CPU task counts the primes among {} \
         numbers, about {} ms of work here\n",
        slices * SLICE,
        CPU_TASK.as_millis()
    );

    println!("CPU-bound: counting primes");
    let one = quickest(false, |t| {
        cpu_task(t, slices, Gil::None);
    });
    report("one thread, one task after another", one, one);
    let free = quickest(true, |t| {
        cpu_task(t, slices, Gil::None);
    });
    report("4 threads, no GIL (Rust)", one, free);
    let gil = quickest(true, |t| {
        cpu_task(t, slices, Gil::ReleasedForIo);
    });
    report("4 threads, with a GIL (CPython)", one, gil);

    println!("\nI/O-bound: waiting {} ms per task", IO_WAIT.as_millis());
    let one_io = timed(false, |_| io_task(Gil::None));
    report("one thread, one task after another", one_io, one_io);
    let free_io = timed(true, |_| io_task(Gil::None));
    report("4 threads, no GIL (Rust)", one_io, free_io);
    let released = timed(true, |_| io_task(Gil::ReleasedForIo));
    report("4 threads, GIL released while waiting", one_io, released);
    let held = timed(true, |_| io_task(Gil::HeldForIo));
    report("4 threads, GIL held while waiting (a bug)", one_io, held);

    let possible = cores.min(TASKS as usize);
    let measured = one.as_secs_f64() / free.as_secs_f64();
    let under_gil = one.as_secs_f64() / gil.as_secs_f64();
    println!(
        "\nWithout a GIL, CPU-bound work speeds up with the cores: up to x{possible} here, and \
         this run measured x{measured:.1}. Under a GIL it stays near x1 however many cores \
         there are (x{under_gil:.1} in this run). Waiting overlaps with or without a GIL, as long \
         as nobody holds the GIL while waiting."
    );
    if measured < 0.9 * possible as f64 {
        println!(
            "(x{measured:.1} is well below x{possible}: other programs were probably using the \
             cores during this run, on this machine or, for a virtual machine, on its host. Run \
             it again when the machine is idle.)"
        );
    }
}
