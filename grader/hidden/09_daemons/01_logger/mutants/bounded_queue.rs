//! Mutant: the queue holds 1 024 lines, so log() waits while the writer is stuck on a slow file.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread::{self, JoinHandle};

/// What the writer thread is asked to do, in the order it was asked.
enum Request {
    /// Write this line and a line break.
    Line(String),
    /// Put everything written so far in the file, then answer.
    Flush(Sender<()>),
}

/// A logger whose file is written by a background thread. `Send + Sync`: share it by reference
/// or in an `Arc`.
pub struct Logger {
    /// `None` once `Drop` has hung up.
    requests: Option<SyncSender<Request>>,
    /// `None` once `Drop` has joined it.
    writer: Option<JoinHandle<()>>,
}

impl Logger {
    /// Opens `path` for appending (creating it if need be) and starts the writer thread.
    pub fn new(path: impl AsRef<Path>) -> io::Result<Self> {
        // Opened here, not in the thread, so that an error reaches the caller.
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path.as_ref())?;
        let (requests, queue) = mpsc::sync_channel(1024);
        let writer = thread::Builder::new()
            .name("logger".to_owned())
            .spawn(move || write_lines(file, queue))?;
        Ok(Self {
            requests: Some(requests),
            writer: Some(writer),
        })
    }

    /// Hands `line` to the writer thread and returns at once.
    pub fn log(&self, line: &str) {
        self.send(Request::Line(line.to_owned()));
    }

    /// Returns once every line logged so far is in the file.
    pub fn flush(&self) {
        let (done, wait) = mpsc::channel();
        self.send(Request::Flush(done));
        // The writer answers after writing everything queued before this request; if it has
        // died, the reply sender is dropped and `recv` returns an error instead of hanging.
        let _ = wait.recv();
    }

    fn send(&self, request: Request) {
        if let Some(requests) = &self.requests {
            // Only fails if the writer thread has died (its file broke); nothing can be done.
            let _ = requests.send(request);
        }
    }
}

impl Drop for Logger {
    fn drop(&mut self) {
        // Hang up: the writer drains what is queued, then sees the channel closed and ends.
        drop(self.requests.take());
        if let Some(writer) = self.writer.take() {
            // Wait for it: without this join, a `main` that returns now ends the process with
            // the queued lines unwritten.
            let _ = writer.join();
        }
    }
}

/// The writer thread: writes each request in order until every sender has hung up.
fn write_lines(file: File, queue: Receiver<Request>) {
    let mut out = BufWriter::new(file);
    for request in queue {
        match request {
            Request::Line(line) => {
                let _ = writeln!(out, "{line}");
            }
            Request::Flush(done) => {
                let _ = out.flush();
                let _ = done.send(());
            }
        }
    }
    let _ = out.flush();
}
