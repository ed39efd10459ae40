//! Alternative: a `crossbeam_channel` of requests, a writer without a `BufWriter` (one write per
//! line), `parking_lot` for the handle, and a flush answered on a zero-capacity channel.

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use parking_lot::Mutex;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::thread::{self, JoinHandle};

enum Request {
    Line(String),
    Flush(Sender<()>),
    Stop,
}

/// A logger whose file is written by a background thread.
pub struct Logger {
    requests: Sender<Request>,
    writer: Mutex<Option<JoinHandle<()>>>,
}

impl Logger {
    /// Opens `path` for appending and starts the writer.
    pub fn new(path: impl AsRef<Path>) -> io::Result<Self> {
        let file = OpenOptions::new().append(true).create(true).open(path)?;
        let (requests, queue) = unbounded();
        let writer = thread::spawn(move || serve(file, queue));
        Ok(Self {
            requests,
            writer: Mutex::new(Some(writer)),
        })
    }

    /// Queues `line` for the writer.
    pub fn log(&self, line: &str) {
        let _ = self.requests.send(Request::Line(line.to_owned()));
    }

    /// Waits until every line logged so far is in the file.
    pub fn flush(&self) {
        let (done, wait) = bounded(0);
        if self.requests.send(Request::Flush(done)).is_ok() {
            let _ = wait.recv();
        }
    }
}

impl Drop for Logger {
    fn drop(&mut self) {
        // A stop request queued behind every line: the writer gets to it last.
        let _ = self.requests.send(Request::Stop);
        if let Some(writer) = self.writer.lock().take() {
            let _ = writer.join();
        }
    }
}

fn serve(mut file: File, queue: Receiver<Request>) {
    while let Ok(request) = queue.recv() {
        match request {
            Request::Line(mut line) => {
                line.push('\n');
                let _ = file.write_all(line.as_bytes());
            }
            Request::Flush(done) => {
                let _ = done.send(());
            }
            Request::Stop => return,
        }
    }
}
