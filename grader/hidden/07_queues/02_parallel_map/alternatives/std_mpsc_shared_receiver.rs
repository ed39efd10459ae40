//! Alternative: std's mpsc, its receiver shared behind a `Mutex` (locked only to take an item),
//! the calling thread as one of the workers, and the results sorted by index at the end.

use std::sync::{Mutex, mpsc};
use std::thread;

/// Maps every item on `workers` threads (the caller and `workers - 1` more).
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    if workers == 0 {
        panic!("parallel_map: workers must be at least 1");
    }
    let (job_sender, jobs) = mpsc::channel();
    for job in items.into_iter().enumerate() {
        job_sender.send(job).unwrap();
    }
    drop(job_sender);
    let queue = Mutex::new(jobs);
    let (result_sender, results) = mpsc::channel();
    let work = |results: mpsc::Sender<(usize, U)>| {
        loop {
            let job = queue.lock().unwrap().recv();
            match job {
                Ok((index, item)) => results.send((index, f(item))).unwrap(),
                Err(mpsc::RecvError) => break,
            }
        }
    };
    thread::scope(|s| {
        for _ in 1..workers {
            let result_sender = result_sender.clone();
            s.spawn(|| work(result_sender));
        }
        work(result_sender);
    });
    let mut all: Vec<(usize, U)> = results.iter().collect();
    all.sort_unstable_by_key(|&(index, _)| index);
    all.into_iter().map(|(_, result)| result).collect()
}
