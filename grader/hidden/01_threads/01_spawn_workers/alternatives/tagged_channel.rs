//! Alternative: results come back through a channel tagged with their index, and are put in
//! place.

use std::sync::{Arc, mpsc};
use std::thread;

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let f = Arc::new(f);
    let (done, finished) = mpsc::channel();
    for i in 0..n {
        let (f, done) = (Arc::clone(&f), done.clone());
        thread::Builder::new()
            .name(format!("worker-{i}"))
            .spawn(move || {
                let _ = done.send((i, f(i)));
            })
            .expect("could not start a worker thread");
    }
    drop(done);
    let mut slots: Vec<Option<T>> = (0..n).map(|_| None).collect();
    for (i, value) in finished {
        slots[i] = Some(value);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("a worker panicked"))
        .collect()
}
