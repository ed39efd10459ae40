//! Mutant: runs every call on the calling thread.

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    (0..n).map(f).collect()
}
