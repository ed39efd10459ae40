//! The tutorial's logging daemon, done so that nothing is lost: a logging service whose thread
//! writes `app.log` every interval, and which `main` stops cleanly at the end (signal, drain,
//! join) instead of letting the process kill it. The tutorial's 10 s and 2 s become 200 ms and
//! 100 ms.
//!
//! Run it with `cargo run -p daemons --example logging_daemon`; it prints the log file at the
//! end.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// A background thread that writes to a log file: every line the program sends, and a line
/// of its own every `interval` (the tutorial's "Logging some info...").
struct LogService {
    lines: Option<Sender<String>>,
    thread: Option<JoinHandle<io::Result<()>>>,
}

impl LogService {
    fn start(path: &Path, interval: Duration) -> io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let (lines, queue) = mpsc::channel::<String>();
        let thread = thread::Builder::new()
            .name("log-writer".to_owned())
            .spawn(move || write_log(file, &queue, interval))?;
        Ok(Self {
            lines: Some(lines),
            thread: Some(thread),
        })
    }

    fn log(&self, line: String) {
        if let Some(lines) = &self.lines {
            let _ = lines.send(line);
        }
    }

    /// Stops the service and reports whether the log was written without error.
    fn stop(mut self) -> io::Result<()> {
        self.shut_down()
    }

    fn shut_down(&mut self) -> io::Result<()> {
        drop(self.lines.take()); // signal: the channel closes once it is drained
        match self.thread.take().map(JoinHandle::join) {
            None => Ok(()),
            Some(Ok(written)) => written,
            Some(Err(_)) => Err(io::Error::other("the log writer panicked")),
        }
    }
}

impl Drop for LogService {
    fn drop(&mut self) {
        // Whoever wants to know how it went calls `stop()`; a drop still stops it cleanly.
        let _ = self.shut_down();
    }
}

fn write_log(file: File, queue: &mpsc::Receiver<String>, interval: Duration) -> io::Result<()> {
    let mut out = BufWriter::new(file);
    let started = Instant::now();
    let mut next_info = started + interval;
    loop {
        // Wait for a line, or for the time of the next periodic line: whichever comes first.
        let wait = next_info.saturating_duration_since(Instant::now());
        match queue.recv_timeout(wait) {
            Ok(line) => writeln!(out, "{:>5} ms  {line}", started.elapsed().as_millis())?,
            Err(RecvTimeoutError::Timeout) => {
                writeln!(
                    out,
                    "{:>5} ms  INFO: Logging some info...",
                    started.elapsed().as_millis()
                )?;
                out.flush()?;
                next_info = Instant::now() + interval;
            }
            // Every sender is gone and everything queued has been written: drained.
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    writeln!(
        out,
        "{:>5} ms  log writer stopping",
        started.elapsed().as_millis()
    )?;
    out.flush()
}

fn main() -> io::Result<()> {
    let path = std::env::temp_dir().join(format!("daemons-app-{}.log", std::process::id()));
    let service = LogService::start(&path, Duration::from_millis(200))?;

    // Main application logic.
    for i in 0..5 {
        println!("Main thread iteration {i}");
        service.log(format!("main: iteration {i}"));
        thread::sleep(Duration::from_millis(100));
    }
    println!("Main thread is finishing...");
    service.log("main: finishing".to_owned());
    service.stop()?; // every line above is in the file once this returns

    println!("\n{} holds:", path.display());
    print!("{}", std::fs::read_to_string(&path)?);
    std::fs::remove_file(&path)?;
    Ok(())
}
