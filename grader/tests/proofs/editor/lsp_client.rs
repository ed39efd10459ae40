//! A small language-server client for the editor tests: it starts rust-analyzer over stdio and
//! speaks just enough JSON-RPC (Content-Length framing, requests, notifications, and an empty
//! answer to whatever the server asks) to open a file, save it and read what the server
//! publishes, every wait bounded by one deadline.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Instant;

use serde_json::{Value, json};

/// A running language server, killed when dropped (a failed assertion must not leave it
/// running).
pub struct LspClient {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: u64,
    deadline: Instant,
    /// Where the server's standard error goes: its log, shown when a test fails.
    log: PathBuf,
}

impl LspClient {
    /// Starts `command` (a language server on stdio) with its standard error in `log`; every
    /// later wait ends at `deadline`.
    pub fn start(mut command: Command, log: &Path, deadline: Instant) -> LspClient {
        let log_file = std::fs::File::create(log).expect("a log file for the server");
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .expect("the language server starts");
        let stdin = child.stdin.take().expect("its stdin");
        let stdout = child.stdout.take().expect("its stdout");
        let (sender, messages) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                // Headers up to a blank line; only Content-Length matters.
                let mut length = None;
                loop {
                    let mut line = String::new();
                    match reader.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length:") {
                        length = value.trim().parse::<usize>().ok();
                    }
                }
                let Some(length) = length else { return };
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(message) = serde_json::from_slice::<Value>(&body) else {
                    return;
                };
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        LspClient {
            child,
            stdin,
            messages,
            next_id: 1,
            deadline,
            log: log.to_path_buf(),
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| self.stdin.flush())
            .expect("the language server reads its input");
    }

    /// Sends a request and returns its id.
    pub fn request(&mut self, method: &str, params: Value) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next message from the server that is not a request to the client (those get an
    /// empty answer here), or `None` once the deadline has passed or the server has exited.
    pub fn next(&mut self) -> Option<Value> {
        loop {
            let left = self.deadline.checked_duration_since(Instant::now())?;
            let message = match self.messages.recv_timeout(left) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            };
            if message.get("method").is_some() && message.get("id").is_some() {
                // Progress tokens, capability registrations: the server waits for an answer.
                let id = message["id"].clone();
                self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
                continue;
            }
            return Some(message);
        }
    }

    /// Reads messages until `wanted` accepts one, which it returns; `None` at the deadline.
    pub fn wait_for(&mut self, mut wanted: impl FnMut(&Value) -> bool) -> Option<Value> {
        while let Some(message) = self.next() {
            if wanted(&message) {
                return Some(message);
            }
        }
        None
    }

    /// The end of the server's log, for a failure message.
    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }

    /// Asks the server to shut down and exit, as an editor does when it closes, and waits (until
    /// the deadline) for it to end.
    pub fn shut_down(mut self) {
        let id = self.request("shutdown", Value::Null);
        let _ = self.wait_for(|message| message["id"] == id);
        self.notify("exit", Value::Null);
        while Instant::now() < self.deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `file://` URI of an absolute path, as language servers name files.
pub fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}
