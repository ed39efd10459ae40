//! Mutant: maps every item on one spawned thread, whatever `threads` says.

use std::thread;

pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0);
    thread::scope(|scope| {
        scope
            .spawn(|| items.iter().map(&f).collect())
            .join()
            .unwrap()
    })
}
