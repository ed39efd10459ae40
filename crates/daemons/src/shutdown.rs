//! # A background service that stops cleanly: signal, drain, join
//!
//! A background service is a thread plus the struct the rest of the program talks to. Its
//! shutdown has three steps, always in this order:
//!
//! 1. **Signal**: tell the thread there will be no more work.
//! 2. **Drain**: the thread finishes the work it already accepted (the lines queued, the
//!    buffer to flush) and then ends by itself.
//! 3. **Join**: the owner waits until it has ended.
//!
//! Put the three in the service's `Drop`, and the service stops cleanly however its owner goes
//! away: at the end of `main`, on an early `return` or `?`, or while a panic unwinds.
//!
//! ## The channel is the signal
//!
//! When the thread's work arrives on a channel, closing the channel is the stop signal: once
//! every [`Sender`](std::sync::mpsc::Sender) is dropped, the receiving loop gets every message
//! still queued and *then* ends. Signal and drain come for free, in the right order:
//!
//! ```
//! use std::fs::File;
//! use std::io::{BufWriter, Write};
//! use std::sync::mpsc::{self, Sender};
//! use std::thread::{self, JoinHandle};
//!
//! /// Writes lines to a file from a thread of its own.
//! pub struct LineWriter {
//!     lines: Option<Sender<String>>,
//!     thread: Option<JoinHandle<()>>,
//! }
//!
//! impl LineWriter {
//!     pub fn new(file: File) -> Self {
//!         let (lines, queue) = mpsc::channel::<String>();
//!         let thread = thread::spawn(move || {
//!             let mut out = BufWriter::new(file);
//!             for line in queue {
//!                 // Ends when the channel is closed *and* empty: the drain.
//!                 writeln!(out, "{line}").expect("the log file could not be written");
//!             }
//!             out.flush().expect("the log file could not be written");
//!         });
//!         Self { lines: Some(lines), thread: Some(thread) }
//!     }
//!
//!     pub fn write(&self, line: &str) {
//!         if let Some(lines) = &self.lines {
//!             let _ = lines.send(line.to_owned());
//!         }
//!     }
//! }
//!
//! impl Drop for LineWriter {
//!     fn drop(&mut self) {
//!         drop(self.lines.take()); // 1. signal (and 2. the thread drains)
//!         if let Some(thread) = self.thread.take() {
//!             let _ = thread.join(); // 3. join
//!         }
//!     }
//! }
//!
//! let path = std::env::temp_dir().join(format!("daemons-doc-{}.log", std::process::id()));
//! let writer = LineWriter::new(File::create(&path)?);
//! for i in 0..1000 {
//!     writer.write(&format!("line {i}"));
//! }
//! drop(writer); // what the end of `main` does
//! assert_eq!(std::fs::read_to_string(&path)?.lines().count(), 1000);
//! # std::fs::remove_file(&path)?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! The fields are `Option`s because `Drop` gets `&mut self`: `take()` moves the sender out to
//! drop it, and the handle out to join it (`join` consumes the handle).
//!
//! The logger exercise is this service plus `flush()`, which must return only once every line
//! logged before it is in the file. Think of `flush` as one more message on the same channel:
//! it arrives after every line sent before it, so when the writer gets to it, those lines are
//! written. What is left is for the caller to find out that the writer got there: a message can
//! carry a way to answer.
//!
//! ## Four ways to get it wrong
//!
//! **Not joining.** A `Drop` that closes the channel but drops the `JoinHandle` (or a service
//! with no `Drop` at all) *detaches* the writer. `drop` returns at once, `main` returns, and the
//! process ends while the writer still has lines queued: they are lost, and the more the
//! program logged just before the end, the more is lost. This is the tutorial's daemon again.
//! `cargo run -p daemons --example lost_lines` shows it with real processes.
//!
//! **Joining before signalling.** Swap steps 1 and 3 and `drop` waits forever: the writer waits
//! for more lines (its channel is still open, since the service still holds the sender), and
//! the service waits for the writer. A deadlock between two parties, one of which is you.
//!
//! **Stopping instead of draining.** A stop flag that the writer checks before each line, or a
//! "stop" message that jumps the queue, makes the writer end with lines still queued. Whatever
//! the service accepted it must finish, or refuse up front (a closed queue returning the item
//! to the caller, as in the conditions chapter). Accepting and then dropping silently is never
//! right.
//!
//! **Relying on the buffer being flushed.** A `BufWriter` flushes when it is dropped, but only
//! if it *is* dropped: a thread that is killed at exit drops nothing, so its last few kilobytes
//! are lost even if it had written every line into the buffer. The same goes for
//! [`std::process::exit`], which runs no destructor at all; see [`exit`](crate::exit).
//!
//! ## How much may queue up?
//!
//! The channel above is unbounded: `write` never waits, however slow the file. That is what a
//! logger wants (logging must not slow the program down, and a log line cannot be refused) as
//! long as the program does not log faster than the disk can write for long. A bounded queue
//! (`mpsc::sync_channel(n)`, `crossbeam_channel::bounded(n)`) puts a limit on memory instead, at
//! the price of making `write` wait when the writer falls behind. Either way the shutdown is the
//! same; the logger exercise asks for the unbounded one.
