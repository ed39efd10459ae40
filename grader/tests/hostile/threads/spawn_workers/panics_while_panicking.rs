//! expect: crashed: a panic while already panicking
//! Panics in Drop while a panic is unwinding, which aborts the process.
struct Bomb;

impl Drop for Bomb {
    fn drop(&mut self) {
        panic!("a second panic, in Drop");
    }
}

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    let _bomb = Bomb;
    panic!("the first panic")
}
