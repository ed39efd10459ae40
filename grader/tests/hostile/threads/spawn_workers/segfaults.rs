//! expect: crashed: SIGSEGV
//! Writes through a null pointer.
pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    // SAFETY: none; this file exists to crash.
    unsafe { std::ptr::null_mut::<u64>().write_volatile(1) };
    unreachable!()
}
