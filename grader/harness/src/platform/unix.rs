//! What Linux and macOS share: CPU clocks read with `clock_gettime`, and forced preemption by a
//! signal whose handler sleeps for the pause.

use std::sync::Once;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::{PAUSE, Preempted};

/// The time on `clock`; `None` when the clock is gone (the thread it measures has ended).
pub(super) fn clock_time(clock: libc::clockid_t) -> Option<Duration> {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes into the timespec we hand it, and reports an unknown
    // clock (that of an ended thread) as an error rather than touching anything else.
    let read = unsafe { libc::clock_gettime(clock, &mut time) } == 0;
    read.then(|| Duration::new(time.tv_sec as u64, time.tv_nsec as u32))
}

pub(super) fn process_cpu_time() -> Duration {
    clock_time(libc::CLOCK_PROCESS_CPUTIME_ID).unwrap_or_default()
}

pub(super) fn current_thread_cpu_time() -> Duration {
    clock_time(libc::CLOCK_THREAD_CPUTIME_ID).unwrap_or_default()
}

/// The signal that pauses a thread: its default action is to be ignored, so a stray one harms
/// nothing.
pub(super) const SIGNAL: libc::c_int = libc::SIGURG;

/// The longest [`pause_with`] waits for a pause to end: a thread that cannot take the signal
/// now (it is exiting) must not stop the chaos.
const PAUSE_ACK_LIMIT: Duration = Duration::from_millis(20);

/// How many pauses have ended: [`pause_with`] waits for its own before it returns.
static PAUSES_ENDED: AtomicU64 = AtomicU64::new(0);

/// The pause, as the handler's `nanosleep` takes it.
const PAUSE_SPEC: libc::timespec = libc::timespec {
    tv_sec: 0,
    tv_nsec: PAUSE.as_nanos() as _,
};

/// Where the calling thread's `errno` lives.
fn errno_location() -> *mut libc::c_int {
    // SAFETY: both functions only return the address of the calling thread's errno, which
    // lives as long as the thread.
    unsafe {
        #[cfg(target_os = "linux")]
        let location = libc::__errno_location();
        #[cfg(target_os = "macos")]
        let location = libc::__error();
        location
    }
}

extern "C" fn pause_here(_: libc::c_int) {
    let errno = errno_location();
    // SAFETY: nanosleep is async-signal-safe and `PAUSE_SPEC` is a valid timespec; `errno`
    // points at this thread's errno, which the interrupted code must find as it left it.
    unsafe {
        let saved = *errno;
        libc::nanosleep(&PAUSE_SPEC, std::ptr::null_mut());
        *errno = saved;
    }
    // Lock-free atomics are async-signal-safe.
    PAUSES_ENDED.fetch_add(1, Ordering::SeqCst);
}

pub(super) fn install_pause_handler() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: the action struct is fully initialised before use, and the handler only calls
        // async-signal-safe functions. `SA_RESTART` makes interrupted system calls resume, and
        // the standard library retries the waits that return early anyway.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = pause_here as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(SIGNAL, &action, std::ptr::null_mut());
        }
    });
}

/// Sends the pause signal with `send` (which says whether the thread was there to take it),
/// then waits until a pause has ended, for [`PAUSE_ACK_LIMIT`] at most.
pub(super) fn pause_with(send: impl FnOnce() -> bool) -> Preempted {
    let ended_before = PAUSES_ENDED.load(Ordering::SeqCst);
    if !send() {
        return Preempted::Ended;
    }
    let sent_at = Instant::now();
    while PAUSES_ENDED.load(Ordering::SeqCst) == ended_before {
        if sent_at.elapsed() >= PAUSE_ACK_LIMIT {
            return Preempted::Unacknowledged;
        }
        std::thread::sleep(Duration::from_micros(20));
    }
    Preempted::Paused
}
