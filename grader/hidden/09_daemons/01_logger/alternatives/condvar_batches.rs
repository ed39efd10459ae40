//! Alternative: no channel: a queue behind a `Mutex` with a `Condvar`, written in batches, and
//! `flush` waits for a count of written lines to reach the count logged when it was called.

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};

#[derive(Default)]
struct State {
    queue: VecDeque<String>,
    /// Lines ever logged.
    logged: u64,
    /// Lines in the file.
    written: u64,
    closed: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    /// Wakes the writer: lines queued, or closed.
    work: Condvar,
    /// Wakes flushers: `written` grew.
    progress: Condvar,
}

/// A logger whose file is written by a background thread.
pub struct Logger {
    shared: Arc<Shared>,
    writer: Option<JoinHandle<()>>,
}

impl Logger {
    /// Opens `path` for appending and starts the writer.
    pub fn new(path: impl AsRef<Path>) -> io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let shared = Arc::new(Shared::default());
        let writer = {
            let shared = Arc::clone(&shared);
            thread::spawn(move || write_batches(file, &shared))
        };
        Ok(Self {
            shared,
            writer: Some(writer),
        })
    }

    /// Queues `line` for the writer.
    pub fn log(&self, line: &str) {
        let mut state = self.shared.state.lock().unwrap();
        state.queue.push_back(line.to_owned());
        state.logged += 1;
        drop(state);
        self.shared.work.notify_one();
    }

    /// Waits until every line logged so far is in the file.
    pub fn flush(&self) {
        let state = self.shared.state.lock().unwrap();
        let target = state.logged;
        let _state = self
            .shared
            .progress
            .wait_while(state, |s| s.written < target)
            .unwrap();
    }
}

impl Drop for Logger {
    fn drop(&mut self) {
        self.shared.state.lock().unwrap().closed = true;
        self.shared.work.notify_one();
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

fn write_batches(mut file: File, shared: &Shared) {
    loop {
        let state = shared.state.lock().unwrap();
        let mut state = shared
            .work
            .wait_while(state, |s| s.queue.is_empty() && !s.closed)
            .unwrap();
        if state.queue.is_empty() {
            return; // closed, and everything is written
        }
        let batch = std::mem::take(&mut state.queue);
        drop(state);
        let mut text = String::new();
        for line in &batch {
            text.push_str(line);
            text.push('\n');
        }
        let _ = file.write_all(text.as_bytes());
        shared.state.lock().unwrap().written += batch.len() as u64;
        shared.progress.notify_all();
    }
}
