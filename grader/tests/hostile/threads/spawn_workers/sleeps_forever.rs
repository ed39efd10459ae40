//! expect: timed_out: sleeping
//! Sleeps for a day.
pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    std::thread::sleep(std::time::Duration::from_secs(86_400));
    unreachable!()
}
