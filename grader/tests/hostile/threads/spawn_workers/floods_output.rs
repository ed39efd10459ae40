//! expect: failed: more bytes of output were cut
//! Prints 200 MB, then returns nothing.
use std::io::Write;

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let _ = (n, &f);
    let line = [b'x'; 1023];
    let mut out = std::io::stdout().lock();
    for _ in 0..200 * 1024 {
        let _ = out.write_all(&line);
        let _ = out.write_all(b"\n");
    }
    Vec::new()
}
