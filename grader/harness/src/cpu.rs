//! CPU time of the whole test process: a thread that waits by spinning burns it, one that
//! sleeps on a lock or condition variable does not.

use std::time::Duration;

/// CPU time used so far by every thread of this process, user and system together.
pub fn process_cpu_time() -> Duration {
    // SAFETY: getrusage only writes into the zeroed struct we hand it.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let to_duration =
        |t: libc::timeval| Duration::new(t.tv_sec as u64, (t.tv_usec as u32).saturating_mul(1000));
    to_duration(usage.ru_utime) + to_duration(usage.ru_stime)
}

/// Measures how much CPU time the process burns while `window` passes with the caller asleep.
///
/// Call it while the threads under test are meant to be blocked: a blocked thread costs next to
/// nothing, a spinning one about as much as the window (or its share of a busy machine, which
/// is still far above any sensible threshold).
pub fn cpu_burned_while_idle(window: Duration) -> Duration {
    let before = process_cpu_time();
    std::thread::sleep(window);
    process_cpu_time().saturating_sub(before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_spinning_thread_burns_cpu_time_while_the_caller_sleeps() {
        // Only the lower bound is checked: other unit tests share this process and add CPU
        // time of their own, which can only make the measurement larger.

        let stop = Arc::new(AtomicBool::new(false));
        let spinner = {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            })
        };
        let busy = cpu_burned_while_idle(Duration::from_millis(300));
        stop.store(true, Ordering::Relaxed);
        spinner.join().unwrap();
        assert!(
            busy > Duration::from_millis(50),
            "spinning burned only {busy:?}"
        );
    }
}
