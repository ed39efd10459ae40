//! expect: timed_out: did not finish
//! Starts a long-lived child process (marked so the test can look for it), then hangs.
pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    let _ = std::process::Command::new("sh")
        .args(["-c", "sleep 3600; echo threadlings-orphan-marker"])
        .spawn();
    std::thread::sleep(std::time::Duration::from_secs(3600));
    unreachable!()
}
