//! expect: timed_out: blocked waiting
//! Two threads take two locks in opposite orders, meeting in the middle.
use std::sync::{Arc, Barrier, Mutex};

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    let locks = Arc::new((Mutex::new(()), Mutex::new(()), Barrier::new(2)));
    let other = Arc::clone(&locks);
    let handle = std::thread::spawn(move || {
        let _b = other.1.lock().unwrap();
        other.2.wait();
        let _a = other.0.lock().unwrap();
    });
    let _a = locks.0.lock().unwrap();
    locks.2.wait();
    let _b = locks.1.lock().unwrap();
    handle.join().ok();
    unreachable!()
}
