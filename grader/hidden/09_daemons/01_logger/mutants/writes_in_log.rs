//! Mutant: no writer thread: log() writes to the file itself, so it waits for a slow file.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::Mutex;

/// A logger that writes on the caller's thread.
pub struct Logger {
    out: Mutex<BufWriter<File>>,
}

impl Logger {
    /// Opens `path` for appending (creating it if need be).
    pub fn new(path: impl AsRef<Path>) -> io::Result<Self> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path.as_ref())?;
        Ok(Self {
            out: Mutex::new(BufWriter::new(file)),
        })
    }

    /// Writes `line` (into the buffer, and into the file when the buffer is full).
    pub fn log(&self, line: &str) {
        let _ = writeln!(self.out.lock().unwrap(), "{line}");
    }

    /// Writes the buffer into the file.
    pub fn flush(&self) {
        let _ = self.out.lock().unwrap().flush();
    }
}
