//! CPU time of the whole test process: a thread that waits by spinning burns it, one that
//! sleeps on a lock or condition variable does not.
//!
//! On a busy machine a spinning thread gets little CPU time, and one that loops on `yield_now`
//! hands the CPU to other programs at every turn, so CPU time alone can miss them. [`watch_idle`]
//! also counts involuntary context switches and looks at the threads' states in `/proc`: a
//! waiting thread is asleep (`S`) at every look, a spinning one is running or ready to run (`R`)
//! at nearly every look, however busy the machine.

use std::thread;
use std::time::{Duration, Instant};

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

/// How often [`watch_idle`] looks at the threads' states.
const LOOK_EVERY: Duration = Duration::from_millis(5);

/// What the process did while [`watch_idle`] watched it.
#[derive(Debug, Clone, Copy)]
pub struct Activity {
    /// How long it watched.
    pub window: Duration,
    /// CPU time used by every thread of the process in that time.
    pub burned: Duration,
    /// How often its threads (other than the watcher) were switched out while still wanting
    /// to run.
    pub switches: u64,
    /// The share of looks, in percent, that found a thread other than the watcher running or
    /// ready to run.
    pub busy_percent: u32,
}

impl Activity {
    /// Whether every thread looked asleep: far below what spinning shows on any machine, far
    /// above what sleeping threads (and the watching itself) cost.
    ///
    /// Each measure catches what the others can miss: CPU time a spinning thread on an idle
    /// machine, the thread states a spinning or yielding thread on a busy one, and the switches a
    /// `yield_now` loop that the looks happen to miss. A sleeping thread is switched out only
    /// when it wakes up and finds its CPU taken, which a busy machine does a few dozen times at
    /// most in a window; a yielding one is switched out thousands of times.
    pub fn asleep(&self) -> bool {
        self.burned < Duration::from_millis(50) && self.switches < 300 && self.busy_percent < 50
    }

    /// The observation, in words, for a failure message.
    pub fn describe(&self) -> String {
        format!(
            "the process used {} ms of CPU time, its threads were switched out {} times, and a \
             thread was found running or ready to run in {}% of the looks, in {} ms",
            self.burned.as_millis(),
            self.switches,
            self.busy_percent,
            self.window.as_millis()
        )
    }
}

/// Watches the process for `window` while the threads under test are meant to be blocked, and
/// says what they did: see [`Activity::asleep`].
pub fn watch_idle(window: Duration) -> Activity {
    // The watcher's own switches are left out: it wakes every few milliseconds, and on a busy
    // machine it often finds its CPU taken.
    let switches = other_threads_involuntary_switches();
    let cpu = process_cpu_time();
    let started = Instant::now();
    let (mut looks, mut busy) = (0u32, 0u32);
    while started.elapsed() < window {
        looks += 1;
        if other_thread_states().contains(&'R') {
            busy += 1;
        }
        thread::sleep(LOOK_EVERY);
    }
    Activity {
        window,
        burned: process_cpu_time().saturating_sub(cpu),
        switches: other_threads_involuntary_switches().saturating_sub(switches),
        busy_percent: busy * 100 / looks.max(1),
    }
}

/// Involuntary context switches of every live thread of this process so far, from
/// `/proc/self/task/*/status`.
pub fn involuntary_switches() -> u64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("status")).ok())
        .filter_map(|status| {
            status.lines().find_map(|line| {
                line.strip_prefix("nonvoluntary_ctxt_switches:")
                    .and_then(|count| count.trim().parse::<u64>().ok())
            })
        })
        .sum()
}

/// Involuntary context switches so far of every live thread of this process except the caller.
fn other_threads_involuntary_switches() -> u64 {
    let me = this_thread_id();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .flatten()
        .filter(|task| Some(task.file_name().to_string_lossy().into_owned()) != me)
        .filter_map(|task| std::fs::read_to_string(task.path().join("status")).ok())
        .filter_map(|status| {
            status.lines().find_map(|line| {
                line.strip_prefix("nonvoluntary_ctxt_switches:")
                    .and_then(|count| count.trim().parse::<u64>().ok())
            })
        })
        .sum()
}

/// The caller's thread id as `/proc/self/task/` names it.
pub(crate) fn this_thread_id() -> Option<String> {
    std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|stat| stat.split_whitespace().next().map(str::to_owned))
}

/// The state letter (`R` running or ready to run, `S` asleep, …) of every thread of this
/// process except the caller, from `/proc/self/task/*/stat`.
pub fn other_thread_states() -> Vec<char> {
    let me = this_thread_id();
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return Vec::new();
    };
    tasks
        .flatten()
        .filter(|task| Some(task.file_name().to_string_lossy().into_owned()) != me)
        .filter_map(|task| std::fs::read_to_string(task.path().join("stat")).ok())
        .filter_map(|stat| {
            let (_, after_name) = stat.rsplit_once(')')?;
            after_name.trim_start().chars().next()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_spinning_thread_burns_cpu_time_while_the_caller_sleeps() {
        let _turn = crate::turns::take_turn();
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

    #[test]
    fn a_yielding_thread_does_not_look_asleep() {
        let _turn = crate::turns::take_turn();
        // Only this direction can be checked here: other unit tests share this process and
        // may be running threads of their own, which can only make the process look busier.
        // That sleeping threads look asleep is proven by `grader verify`, whose solutions all
        // pass the hidden tests that use `watch_idle`.
        let stop = Arc::new(AtomicBool::new(false));
        let yielder = {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::thread::yield_now();
                }
            })
        };
        let busy = watch_idle(Duration::from_millis(300));
        stop.store(true, Ordering::Relaxed);
        yielder.join().unwrap();
        assert!(busy.busy_percent > 50, "{}", busy.describe());
        assert!(!busy.asleep(), "{}", busy.describe());
    }
}
