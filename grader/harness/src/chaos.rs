//! Forced preemption: makes the interleavings that a race needs happen on any machine.
//!
//! On two idle cores, threads that update shared state at once collide all the time. On a busy
//! machine they may instead take turns, each running for milliseconds, and a read-modify-write
//! that is not atomic can go unpunished. While a [`Chaos`] is alive, the threads that called
//! [`join`] are interrupted by a signal in turn, one every few tens of microseconds, wherever they
//! are (in the middle of the learner's `add`, between a load and a store), and the interrupted
//! thread sleeps briefly in its signal handler while the others run. A lost update then stops
//! being luck and becomes a certainty.
//!
//! Correct code is unaffected: the signal interrupts nothing that matters to it (the standard
//! library retries waits interrupted by a signal, and the handler is installed with
//! `SA_RESTART`), it only runs more slowly. How much more slowly is bounded whatever the load of
//! the machine: only one thread is paused at a time, and the next signal waits until the last
//! pause is over. (Signalling every member at a fixed rate instead would, on a busy machine where
//! a pause lasts far longer than asked, keep every thread paused nearly all the time, and a correct
//! solution could outlast its deadline.)

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The signal used: its default action is to be ignored, so a stray one harms nothing.
const SIGNAL: libc::c_int = libc::SIGURG;

/// The threads that take part.
static MEMBERS: Mutex<Vec<libc::pid_t>> = Mutex::new(Vec::new());

/// How long an interrupted thread stays off the CPU: long enough for the others to run a few
/// iterations of whatever it was in the middle of.
const PAUSE: libc::timespec = libc::timespec {
    tv_sec: 0,
    tv_nsec: 100_000,
};

/// How many pauses have ended: the chaos thread waits for each before sending the next signal.
static PAUSES_ENDED: AtomicU64 = AtomicU64::new(0);

/// The longest the chaos thread waits for a pause to end: a member that cannot take the signal
/// now (it is exiting) must not stop the chaos.
const PAUSE_ACK_LIMIT: Duration = Duration::from_millis(20);

extern "C" fn pause_here(_: libc::c_int) {
    // SAFETY: nanosleep is async-signal-safe; `PAUSE` is a valid timespec. Saving errno keeps
    // the interrupted code's view of it intact.
    unsafe {
        let errno = *libc::__errno_location();
        libc::nanosleep(&PAUSE, std::ptr::null_mut());
        *libc::__errno_location() = errno;
    }
    // Lock-free atomics are async-signal-safe.
    PAUSES_ENDED.fetch_add(1, Ordering::SeqCst);
}

fn install_handler() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: the action struct is fully initialised before use, and the handler only calls
        // an async-signal-safe function.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = pause_here as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(SIGNAL, &action, std::ptr::null_mut());
        }
    });
}

/// Makes the calling thread one that a [`Chaos`] interrupts. Call it first thing in each thread
/// whose races the test wants to expose.
pub fn join() {
    install_handler();
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() };
    let mut members = MEMBERS.lock().unwrap_or_else(|p| p.into_inner());
    if !members.contains(&tid) {
        members.push(tid);
    }
}

/// While alive, interrupts the member threads in turn, one every `interval` (after the last
/// one's pause has ended); stops when dropped.
pub struct Chaos {
    stop: Arc<AtomicBool>,
    sender: Option<JoinHandle<()>>,
}

impl Chaos {
    /// Starts interrupting the member threads, starting now.
    pub fn start(interval: Duration) -> Chaos {
        install_handler();
        let stop = Arc::new(AtomicBool::new(false));
        let stop_sender = Arc::clone(&stop);
        let sender = thread::Builder::new()
            .name("chaos".to_owned())
            .spawn(move || {
                // SAFETY: getpid has no preconditions.
                let pid = unsafe { libc::getpid() };
                let mut turn = 0usize;
                while !stop_sender.load(Ordering::Relaxed) {
                    let victim = {
                        let members = MEMBERS.lock().unwrap_or_else(|p| p.into_inner());
                        (!members.is_empty()).then(|| members[turn % members.len()])
                    };
                    turn = turn.wrapping_add(1);
                    let Some(tid) = victim else {
                        thread::sleep(interval);
                        continue;
                    };
                    let ended_before = PAUSES_ENDED.load(Ordering::SeqCst);
                    // SAFETY: tgkill only sends a signal; a thread that has ended is ESRCH.
                    let sent = unsafe { libc::syscall(libc::SYS_tgkill, pid, tid, SIGNAL) } == 0;
                    if !sent {
                        // The thread has ended: interrupt the living only.
                        MEMBERS
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .retain(|member| *member != tid);
                        continue;
                    }
                    let sent_at = Instant::now();
                    while PAUSES_ENDED.load(Ordering::SeqCst) == ended_before
                        && sent_at.elapsed() < PAUSE_ACK_LIMIT
                        && !stop_sender.load(Ordering::Relaxed)
                    {
                        thread::sleep(Duration::from_micros(20));
                    }
                    thread::sleep(interval);
                }
            })
            .expect("the test could not start its chaos thread");
        Chaos {
            stop,
            sender: Some(sender),
        }
    }
}

impl Drop for Chaos {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(sender) = self.sender.take() {
            let _ = sender.join();
        }
        MEMBERS.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU64;

    /// A load-then-store counter loses updates under chaos even when its threads would
    /// otherwise take turns. On a busy machine one round of four threads can end without a
    /// loss (each ran its part alone while the others waited for a CPU), so rounds are played
    /// until one loses an update; a sound counter would play them all, for the whole minute.
    #[test]
    fn a_split_read_modify_write_loses_updates() {
        let _turn = crate::turns::take_turn();
        const THREADS: u64 = 4;
        const INCREMENTS: u64 = 200_000;
        let started = Instant::now();
        let mut rounds = 0;
        let lost_some = loop {
            rounds += 1;
            let count = Arc::new(AtomicU64::new(0));
            let chaos = Chaos::start(Duration::from_micros(20));
            let start_line = Arc::new(std::sync::Barrier::new(THREADS as usize));
            let handles: Vec<_> = (0..THREADS)
                .map(|_| {
                    let (count, start_line) = (Arc::clone(&count), Arc::clone(&start_line));
                    thread::spawn(move || {
                        join();
                        start_line.wait();
                        for _ in 0..INCREMENTS {
                            let current = count.load(Ordering::SeqCst);
                            count.store(current + 1, Ordering::SeqCst);
                        }
                    })
                })
                .collect();
            for handle in handles {
                handle.join().unwrap();
            }
            drop(chaos);
            if count.load(Ordering::SeqCst) < THREADS * INCREMENTS {
                break true;
            }
            if started.elapsed() > Duration::from_secs(60) {
                break false;
            }
        };
        assert!(lost_some, "no update was lost in {rounds} rounds");
    }
}
