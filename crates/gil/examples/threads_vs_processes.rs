//! The tutorial's table of threads versus processes, with measured numbers: what it costs to
//! start (and wait for) a thread and a process, and what each can see of the other's memory.
//!
//! The processes are this very program started again with the argument `child`, which makes it
//! exit at once: the cost measured is the operating system's, not some other program's.
//!
//! Run it with `cargo run -p gil --example threads_vs_processes` (a few seconds).

use std::process::Command;
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const HOW_MANY: u32 = 100;

fn per_item(total: Duration) -> String {
    let micros = total.as_secs_f64() * 1e6 / f64::from(HOW_MANY);
    if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.0} µs")
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        // Started as a child process: say what this process sees of the parent's memory.
        Some("child") => {
            println!("{}", SEEN.lock().unwrap().len());
            return;
        }
        Some(other) => panic!("unknown argument {other:?}"),
        None => {}
    }
    let me = std::env::current_exe().expect("the path of this program");

    // Start and join threads.
    let started = Instant::now();
    for _ in 0..HOW_MANY {
        thread::spawn(|| {}).join().unwrap();
    }
    let threads = started.elapsed();

    // Start and wait for processes: this program again, as a child that exits at once.
    let started = Instant::now();
    for _ in 0..HOW_MANY {
        let status = Command::new(&me)
            .arg("child")
            .stdout(std::process::Stdio::null())
            .status()
            .expect("the child process starts");
        assert!(status.success());
    }
    let processes = started.elapsed();

    // Memory: a thread changes what the parent sees; a child process gets a copy, or rather
    // starts afresh with its own memory, and sees nothing of the parent's changes.
    SEEN.lock().unwrap().push("pushed by the parent");
    thread::scope(|s| {
        s.spawn(|| SEEN.lock().unwrap().push("pushed by a thread"));
    });
    let in_parent = SEEN.lock().unwrap().len();
    let output = Command::new(&me)
        .arg("child")
        .output()
        .expect("the child runs");
    let in_child = String::from_utf8_lossy(&output.stdout).trim().to_owned();

    println!("Starting and waiting for {HOW_MANY} of each:");
    println!(
        "  threads:   {threads:>10.2?} in all, {} each",
        per_item(threads)
    );
    println!(
        "  processes: {processes:>10.2?} in all, {} each",
        per_item(processes)
    );
    println!(
        "  a process costs about {:.0} times as much as a thread\n",
        processes.as_secs_f64() / threads.as_secs_f64()
    );
    println!(
        "Memory: the parent and its thread both pushed into one static Vec, and the parent now \
         sees {in_parent} items; a child process sees {in_child}.\n"
    );
    let row = |what: &str, thread: &str, process: &str| {
        println!("| {what:<13} | {thread:<30} | {process:<33} |");
    };
    row("", "Threads", "Processes");
    println!("| {:-<13} | {:-<30} | {:-<33} |", "", "", "");
    row(
        "Set-up cost",
        &format!("low: {} each here", per_item(threads)),
        &format!("high: {} each here", per_item(processes)),
    );
    row("Handled by", "the OS (Python's too)", "the OS");
    row(
        "Memory access",
        &format!("shared (saw {in_parent} items)"),
        &format!("separate (the child saw {in_child})"),
    );
    row(
        "Execution",
        "parallel in Rust; in CPython,",
        "parallel, in Rust and in Python",
    );
    row("", "one thread at a time runs", "");
    row("", "Python code (the GIL)", "");
}

/// Memory the threads of one process share.
static SEEN: Mutex<Vec<&str>> = Mutex::new(Vec::new());
