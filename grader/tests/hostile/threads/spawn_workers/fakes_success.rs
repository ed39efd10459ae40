//! expect: failed: exited with status 0 before the test finished
//! Prints what libtest prints for a passing run, then exits successfully.
pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    println!("test result: ok. 5 passed; 0 failed; 0 ignored");
    std::process::exit(0)
}
