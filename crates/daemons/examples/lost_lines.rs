//! Both sides of "when `main` returns, every other thread dies", with real processes.
//!
//! This example runs itself twice as a child program. Each child hands 200 000 lines to a
//! background writer thread as fast as it can and returns from `main` at once:
//!
//! - `detached`: the writer's `JoinHandle` is dropped, like a Python daemon thread. The process
//!   ends while the writer is still busy, and whatever it had not written yet is lost.
//! - `joined`: `main` closes the channel and joins the writer before returning (signal, drain,
//!   join), so every line reaches the file.
//!
//! Run it with `cargo run -p daemons --example lost_lines`. How many lines the detached child
//! loses depends on the machine; that it loses some almost never changes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::Command;
use std::sync::mpsc;
use std::thread;

const LINES: usize = 200_000;

fn child(mode: &str, path: &str) {
    let (lines, queue) = mpsc::channel::<String>();
    let file = File::create(path).expect("could not create the log file");
    let writer = thread::spawn(move || {
        let mut out = BufWriter::new(file);
        for line in queue {
            writeln!(out, "{line}").expect("could not write the log file");
        }
        out.flush().expect("could not write the log file");
    });
    for number in 0..LINES {
        lines
            .send(format!("line {number}: some work was done"))
            .expect("the writer thread is gone");
    }
    match mode {
        "detached" => drop(writer), // the daemon way
        _ => {
            drop(lines); // signal
            writer.join().expect("the writer thread panicked"); // drain happens; join
        }
    }
    // `main` returns now, and the process ends.
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, mode, path] = args.as_slice()
        && flag == "--child"
    {
        child(mode, path);
        return;
    }

    let me = std::env::current_exe().expect("could not find this program");
    for mode in ["detached", "joined"] {
        let path = std::env::temp_dir().join(format!(
            "daemons-lost-lines-{mode}-{}.log",
            std::process::id()
        ));
        let status = Command::new(&me)
            .args(["--child", mode])
            .arg(&path)
            .status()
            .expect("could not run the child program");
        let written = std::fs::read_to_string(&path)
            .map(|text| text.lines().count())
            .unwrap_or(0);
        let _ = std::fs::remove_file(&path);
        println!(
            "{mode:>8} writer: {written:>6} of {LINES} lines reached the file ({} lost); the \
             child {}",
            LINES - written,
            if status.success() {
                "exited normally"
            } else {
                "failed"
            }
        );
    }
}
