//! expect: crashed: threads at once
//! Starts threads that never end, without end.
pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    loop {
        std::thread::spawn(std::thread::park);
    }
}
