//! expect: timed_out: never stopped running
//! Spins forever on a thread of its own, and waits for it.
pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    std::thread::spawn(|| loop {
        std::hint::spin_loop();
    })
    .join()
    .ok();
    unreachable!()
}
