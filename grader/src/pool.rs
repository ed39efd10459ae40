//! The grader's one worker pool: a few threads taking numbered jobs in order, used to run an
//! exercise's tests side by side (`grade`) and `verify`'s stubs and mutants side by side.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Runs `job(0)`, `job(1)`, … `job(jobs - 1)` on `workers` threads (at least one, at most one per
/// job), each thread taking the next job number as it becomes free, so that jobs start in
/// order. Once `stop` is set, no further job starts; the ones running finish. Returns when every
/// thread has stopped.
pub fn run(workers: usize, jobs: usize, stop: &AtomicBool, job: impl Fn(usize) + Sync) {
    let next = AtomicUsize::new(0);
    let workers = workers.clamp(1, jobs.max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= jobs {
                        break;
                    }
                    job(index);
                }
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn every_job_runs_once() {
        let done = Mutex::new(Vec::new());
        run(3, 10, &AtomicBool::new(false), |index| {
            done.lock().unwrap().push(index);
        });
        let mut done = done.into_inner().unwrap();
        done.sort_unstable();
        assert_eq!(done, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn no_job_starts_once_stopped() {
        let stop = AtomicBool::new(false);
        let started = AtomicUsize::new(0);
        run(1, 10, &stop, |index| {
            started.fetch_add(1, Ordering::Relaxed);
            if index == 3 {
                stop.store(true, Ordering::Relaxed);
            }
        });
        assert_eq!(started.load(Ordering::Relaxed), 4);
    }
}
